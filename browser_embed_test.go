//go:build !js

package main

// The docs embed in headless Chromium: embed.html is the compact
// playground a docs page shows in an iframe. A docs page on another origin
// frames it (allowed or refused by -frame-ancestor), receives its height
// and signature messages, and never a typed secret; the fragment's options
// work one by one. The share state the embed reads is tested in
// browser_share_test.go.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The types of the messages the embed posts to the page around it.
const (
	messageHeight = "oauth1-playground:height"
	messageSigned = "oauth1-playground:signed"
)

// startFramedServer runs the real server, like startServer, with each of
// ancestors given as a -frame-ancestor flag.
func startFramedServer(t *testing.T, ancestors ...string) string {
	t.Helper()
	flags := []string{"-dir", "site"}
	for _, a := range ancestors {
		flags = append(flags, "-frame-ancestor", a)
	}
	return startServerWith(t, flags...)
}

// docsHostPage is a documentation page on another origin: its body is one
// iframe line. Its script is what the README tells docs authors to write: it
// takes messages only from its own frame and sets the frame's height from
// the height messages. It also keeps every message in window.messages, for
// the test.
const docsHostPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Docs</title>
<style>body { margin: 0 } iframe { display: block; border: 0 }</style>
<script>
window.messages = [];
addEventListener('message', (event) => {
  const frame = document.getElementById('playground');
  if (!frame || event.source !== frame.contentWindow) return;
  window.messages.push({ origin: event.origin, data: event.data, at: Date.now() });
  const m = event.data;
  if (m && m.type === 'oauth1-playground:height' && m.id === frame.id) frame.style.height = m.height + 'px';
});
</script></head>
<body><iframe id="playground" src="%s" title="OAuth 1.0a playground" width="100%%"></iframe></body></html>
`

// docsHost serves docsHostPage from an httptest server on 127.0.0.1 with a
// port of its own: another origin than the playground's.
type docsHost struct {
	*httptest.Server
	mu  sync.Mutex
	src string
}

func newDocsHost(t *testing.T) *docsHost {
	t.Helper()
	h := &docsHost{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		src := h.src
		h.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, docsHostPage, html.EscapeString(src))
	}))
	t.Cleanup(h.Close)
	return h
}

// frame sets the iframe's src.
func (h *docsHost) frame(src string) {
	h.mu.Lock()
	h.src = src
	h.mu.Unlock()
}

// frameMessage is one message the host page received.
type frameMessage struct {
	Origin string         `json:"origin"`
	Data   map[string]any `json:"data"`
	At     float64        `json:"at"` // Date.now() when the host page got it
}

func messages(t *testing.T, ctx context.Context) []frameMessage {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.messages)`))
	require.NoError(t, err)
	var out []frameMessage
	require.NoError(t, json.Unmarshal([]byte(raw), &out))
	return out
}

// waitMessages waits until the host page holds a message that cond (a JS
// function of the message list) accepts.
func waitMessages(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(`+cond+`)(window.messages)`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "no message matched %s; got %v", cond, messages(t, ctx))
}

// originOf is the origin of a URL such as http://127.0.0.1:41234/.
func originOf(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	require.NoError(t, err)
	return u.Scheme + "://" + u.Host
}

// frameNode returns the host page's iframe element, for queries inside it.
// 127.0.0.1 with another port is another origin but the same site, so the
// frame is in the page's process and chromedp reaches its document.
func frameNode(t *testing.T, ctx context.Context) *chromedp.Node {
	t.Helper()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS("#playground")))
	require.NoError(t, err)
	require.Len(t, nodes, 1)
	return nodes[0]
}

// TestBrowserEmbedInAllowedFrame embeds a preset in a docs page on an origin that
// -frame-ancestor allows: the signature is shown inside the frame and
// reported to the page, and the page sizes the frame from the height
// messages.
func TestBrowserEmbedInAllowedFrame(t *testing.T) {
	requireBrowser(t)
	host := newDocsHost(t)
	base := startFramedServer(t, host.URL)
	require.NotEqual(t, host.URL, originOf(t, base), "the docs page and the playground are two origins")
	host.frame(base + "embed.html#preset=x-creating-a-signature&id=playground&origin=" + url.QueryEscape(host.URL))
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host.URL)))

	waitMessages(t, ctx, `(ms) => ms.some((m) => m.data.type === '`+messageSigned+`')`)
	// The frame grows to its content: the last height message wins.
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const hs = window.messages.filter((m) => m.data.type === '`+messageHeight+`');
		return hs.length > 0 && Math.round(document.getElementById('playground').getBoundingClientRect().height) === hs.at(-1).data.height;
	})()`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the frame's height follows its messages: %v", messages(t, ctx))

	var heights []float64
	for _, m := range messages(t, ctx) {
		assert.Equal(t, originOf(t, base), m.Origin, "every message comes from the playground's origin")
		assert.Equal(t, "playground", m.Data["id"], "every message names the frame")
		switch m.Data["type"] {
		case messageHeight:
			assert.ElementsMatch(t, []string{"type", "id", "height"}, slices.Collect(maps.Keys(m.Data)))
			h, ok := m.Data["height"].(float64)
			require.True(t, ok, "height is a number")
			heights = append(heights, h)
		case messageSigned:
			assert.ElementsMatch(t, []string{"type", "id", "signature"}, slices.Collect(maps.Keys(m.Data)))
			assert.Equal(t, xSignature, m.Data["signature"], "the published example's signature is reported")
		default:
			t.Errorf("unexpected message %v", m.Data)
		}
	}
	require.NotEmpty(t, heights)
	assert.Greater(t, slices.Max(heights), 600.0, "the frame grew from the default 150 px to its content")
	frameHeight, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.getElementById('playground').getBoundingClientRect().height`))
	require.NoError(t, err)
	assert.Greater(t, frameHeight, 600.0)

	// The signature is on screen inside the frame, not only in a message,
	// and origin= is not an unknown option to share.js.
	frame := frameNode(t, ctx)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('embed-notice').hidden`,
		chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(5*time.Second)))
	require.NoError(t, err, "no notice in the frame")
	shown, err := chromedp.Run(ctx, chromedp.TextContent(testid("signature"), chromedp.FromNode(frame)))
	require.NoError(t, err)
	assert.Equal(t, xSignature, shown)
	check, err := chromedp.Run(ctx, chromedp.AttributeValue(testid("preset-check"), "data-match", chromedp.FromNode(frame)))
	require.NoError(t, err)
	assert.Equal(t, "true", check.Value, "the published-value line matches inside the frame")
}

// TestBrowserEmbedTypedSecretStaysInFrame types a secret into an embedded frame:
// the frame signs with it, but tells the page around it only that there is
// a signature (null), never the signature itself, which the page could
// replay; putting the published secret back makes the frame report again.
func TestBrowserEmbedTypedSecretStaysInFrame(t *testing.T) {
	requireBrowser(t)
	host := newDocsHost(t)
	base := startFramedServer(t, host.URL)
	host.frame(base + "embed.html#preset=x-creating-a-signature&id=playground&origin=" + url.QueryEscape(host.URL))
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host.URL)))
	waitMessages(t, ctx, `(ms) => ms.some((m) => m.data.signature === `+jsStr(xSignature)+`)`)
	frame := frameNode(t, ctx)

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#embed-edit summary`), chromedp.FromNode(frame)),
		chromedp.WaitVisible(testid("input-consumerSecret"), chromedp.FromNode(frame)),
	))
	signedBefore := len(messages(t, ctx))
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(testid("input-consumerSecret"), "-"+shareCanaryConsumer, chromedp.FromNode(frame))))
	waitMessages(t, ctx, fmt.Sprintf(`(ms) => ms.slice(%d).some((m) => m.data.type === '%s' && m.data.signature === null)`, signedBefore, messageSigned))

	// The frame shows the new signature; the page around it never got it.
	shown, err := chromedp.Run(ctx, chromedp.TextContent(testid("signature"), chromedp.FromNode(frame)))
	require.NoError(t, err)
	assert.NotEqual(t, xSignature, shown)
	assert.Len(t, shown, 28)
	all, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.messages)`))
	require.NoError(t, err)
	assert.NotContains(t, all, shown, "a signature made with a typed secret never leaves the frame")
	assertNoCanary(t, all, "a message to the page")
	link, err := chromedp.Run(ctx, chromedp.AttributeValue(testid("open-full"), "href", chromedp.FromNode(frame)))
	require.NoError(t, err)
	_, state := decodeShareFragment(t, link.Value)
	assertNoCanary(t, link.Value+state, "the Open in the full playground link")

	// Back to the published secret: the signature is reported again.
	count := len(messages(t, ctx))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(() => {
		const input = document.getElementById('consumerSecret');
		input.value = `+jsStr(xConsumerSecret)+`;
		input.dispatchEvent(new Event('input', { bubbles: true }));
		return true;
	})()`, chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(5*time.Second)))
	require.NoError(t, err)
	waitMessages(t, ctx, fmt.Sprintf(`(ms) => ms.slice(%d).some((m) => m.data.signature === %s)`, count, jsStr(xSignature)))
}

// TestBrowserEmbedRefusedByFrameAncestors embeds the playground in a page whose
// origin -frame-ancestor does not list (127.0.0.1, another port): the
// browser refuses the frame, so no message ever arrives, while the allowed
// origin still works.
func TestBrowserEmbedRefusedByFrameAncestors(t *testing.T) {
	requireBrowser(t)
	allowed := newDocsHost(t)
	other := newDocsHost(t)
	base := startFramedServer(t, allowed.URL)
	src := base + "embed.html#preset=x-creating-a-signature&id=playground&origin="
	allowed.frame(src + url.QueryEscape(allowed.URL))
	other.frame(src + url.QueryEscape(other.URL))

	// The header names the allowed origin only, and no X-Frame-Options
	// overrides it.
	resp, err := http.Get(base + "embed.html")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'self' "+allowed.URL)
	assert.NotContains(t, resp.Header.Get("Content-Security-Policy"), other.URL)
	assert.Empty(t, resp.Header.Get("X-Frame-Options"))

	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	violations := recordFrameViolations(ctx)

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(other.URL)))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`window.messages.length > 0`, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Error(t, err, "no message arrives from a refused frame")
	assert.Empty(t, messages(t, ctx))
	require.Eventually(t, func() bool {
		return len(violations.lines()) > 0
	}, 10*time.Second, 100*time.Millisecond, "the browser reports a frame-ancestors violation")
	assert.Contains(t, violations.lines()[0], "frame-ancestors 'self' "+allowed.URL)

	// The same frame on the allowed origin works.
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(allowed.URL)))
	waitMessages(t, ctx, `(ms) => ms.some((m) => m.data.signature === `+jsStr(xSignature)+`)`)
}

// embedPage opens embed.html with fragment at the top level (the options
// need no frame) and waits for its first signature.
func embedPage(t *testing.T, ctx context.Context, base, fragment string) *pageT {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(base+"embed.html"+fragment),
		chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
	))
	return &pageT{t: t, ctx: ctx}
}

// TestBrowserEmbedOptions checks the fragment's options one by one, and that a
// fragment that fails share.js's checks (an unknown preset, a secret, an
// unknown option) shows a message and the default example.
func TestBrowserEmbedOptions(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)

	t.Run("readonly steps theme", func(t *testing.T) {
		p := embedPage(t, ctx, base, "#preset=rfc-plaintext&readonly=1&steps=signingKey,signature&theme=dark&id=x")
		assert.True(t, eval[bool](p, `document.getElementById('embed-edit').hidden`), "read-only: no inputs")
		assert.Equal(t, []string{"signingKey", "signature"},
			eval[[]string](p, `[...document.querySelectorAll('#steps > li:not(.step-off)')].map((li) => li.dataset.step)`))
		assert.Equal(t, 10, eval[int](p, `document.querySelectorAll('#steps > li').length`), "the others keep their place")
		assert.True(t, eval[bool](p, `document.getElementById('request-card').hidden`))
		assert.Equal(t, "dark", eval[string](p, `document.documentElement.dataset.theme`))
		assert.True(t, eval[bool](p, `document.getElementById('embed-notice').hidden`))
		assert.Contains(t, p.mustText("embed-subject"), "PLAINTEXT")
		p.reveal("signature")
		assert.Equal(t, "ja893SD9&", p.mustText("signature"), "signed with the example's published secrets")

		open := eval[string](p, `document.getElementById('open-full').href`)
		assert.True(t, strings.HasPrefix(open, base+"index.html#share="), open)
		state, _ := decodeShareFragment(t, open)
		assert.Equal(t, "rfc-plaintext", state["preset"])
		assert.Equal(t, "PLAINTEXT", state["signatureMethod"])
		assert.NotContains(t, open, "ja893SD9", "no secret in the link")
		// The link opens the same request in the full page.
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(open), chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`))))
		require.NoError(t, waitLazy(ctx), "the share link is applied once share-panel.js has come")
		assert.Equal(t, "https://server.example.com/request_temp_credentials", p.value("url"))
		assert.Equal(t, "PLAINTEXT", p.value("signatureMethod"))
	})

	t.Run("editable by default", func(t *testing.T) {
		p := embedPage(t, ctx, base, "#preset=x-creating-a-signature")
		assert.False(t, eval[bool](p, `document.getElementById('embed-edit').hidden`))
		assert.Equal(t, 10, eval[int](p, `document.querySelectorAll('#steps > li:not(.step-off)').length`), "every step")
		assert.False(t, eval[bool](p, `document.getElementById('request-card').hidden`))
		assert.Equal(t, "", eval[string](p, `document.documentElement.dataset.theme ?? ''`), "auto: the reader's setting")
		assert.Equal(t, xSignature, p.mustText("signature"))
		assert.Equal(t, "password", eval[string](p, `document.getElementById('consumerSecret').type`))
		p.setField("url", "https://api.x.com/1.1/statuses/update.json?include_entities=false")
		assert.NotEqual(t, xSignature, p.mustText("signature"), "an edit re-signs")
	})

	t.Run("custom share state", func(t *testing.T) {
		state := `{"v":1,"method":"GET","url":"https://photos.example.net/photos?size=original","consumerKey":"dpf43f3p2l4k3l03","nonce":"kllo9940pd9333jh","timestamp":"1191242096","version":"1.0"}`
		p := embedPage(t, ctx, base, "#share="+base64.RawURLEncoding.EncodeToString([]byte(state)))
		assert.True(t, eval[bool](p, `document.getElementById('embed-notice').hidden`), p.mustText("embed-notice"))
		assert.Equal(t, "a custom request", p.mustText("embed-subject"))
		want := eval[string](p, `oauth1.sign({ method: 'GET', url: 'https://photos.example.net/photos?size=original',
			consumerKey: 'dpf43f3p2l4k3l03', nonce: 'kllo9940pd9333jh', timestamp: '1191242096', version: '1.0' }).signature`)
		assert.Equal(t, want, p.mustText("signature"), "no preset: signed with empty secrets")
		assert.Empty(t, p.value("consumerSecret"))
	})

	refused := []struct {
		name, fragment, says string
	}{
		{"unknown preset", "#preset=no-such-example", "does not exist"},
		{"secret option", "#preset=x-creating-a-signature&consumerSecret=" + shareCanaryConsumer, "secret (consumerSecret)"},
		{"secret in share state", "#share=" + base64.RawURLEncoding.EncodeToString([]byte(`{"v":1,"url":"https://a.example/","tokenSecret":"`+shareCanaryToken+`"}`)), "secret (tokenSecret)"},
		{"unknown option", "#preset=x-creating-a-signature&colour=red", "unknown option (colour)"},
		{"bad theme", "#theme=blue", "theme must be"},
		{"bad steps", "#steps=signature,nope", "steps must be"},
		{"preset and share", "#preset=rfc-plaintext&share=eyJ2IjoxfQ", "use one"},
		{"malformed share", "#share=%%%", "base64url"},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			p := embedPage(t, ctx, base, c.fragment)
			notice, ok := p.text("embed-notice")
			require.True(t, ok)
			assert.False(t, eval[bool](p, `document.getElementById('embed-notice').hidden`))
			assert.Contains(t, notice, "could not be read")
			assert.Contains(t, notice, c.says)
			assert.Contains(t, notice, "default example")
			assert.Equal(t, xSignature, p.mustText("signature"), "the default example, with its published secrets")
			assert.Equal(t, xConsumerSecret, p.value("consumerSecret"))
			assertNoCanary(t, eval[string](p, secretsInPage), "the embed's DOM")
		})
	}
}

// openEmbedAt360Dark opens the embed at 360 px in the dark theme showing
// three steps, as a docs page's narrow column would.
func openEmbedAt360Dark(t *testing.T) *pageT {
	t.Helper()
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(360, 800)))
	return embedPage(t, ctx, base, "#preset=x-creating-a-signature&theme=dark&steps=signatureBaseString,signingKey,signature&id=docs")
}

// TestBrowserEmbedAt360Dark shows a few steps in the dark theme at 360 px:
// nothing is wider than the frame and the dark palette applies.
func TestBrowserEmbedAt360Dark(t *testing.T) {
	p := openEmbedAt360Dark(t)
	assert.LessOrEqual(t, eval[int](p, `document.documentElement.scrollWidth`), 360, "no horizontal scrolling at 360 px")
	wide := eval[[]string](p, `[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 361)
		.map((el) => el.tagName + '.' + el.className)`)
	assert.Empty(t, wide, "elements wider than the frame")
	bg := eval[string](p, `getComputedStyle(document.body).backgroundColor`)
	assert.Equal(t, "rgb(26, 29, 34)", bg, "the dark palette's panel colour")
	assert.Equal(t, xSignature, p.mustText("signature"))
}

// framedEmbed serves embed.html#fragment (the server allowing host's
// origin to frame it) inside host's page, opens that page and waits for
// the frame's first signature. It returns the browser and the frame.
func framedEmbed(t *testing.T, host *docsHost, fragment string) (context.Context, *chromedp.Node) {
	t.Helper()
	requireBrowser(t)
	base := startFramedServer(t, host.URL)
	host.frame(base + "embed.html" + fragment)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host.URL)))
	frame := frameNode(t, ctx)
	inFrame[bool](t, ctx, frame, `document.querySelector('[data-testid="status"][data-ready]') !== null`)
	return ctx, frame
}

// inFrame waits until expr, evaluated inside frame, is truthy, and returns
// it.
func inFrame[T any](t *testing.T, ctx context.Context, frame *chromedp.Node, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "in the frame: %s", expr)
	return v
}

// settled is true in the frame once it has signed more than count times and
// holds no message back (data-held: a secret field was edited less than a
// second ago).
func settled(count int) string {
	return fmt.Sprintf(`(() => { const s = document.querySelector('[data-testid="status"]');
		return Number(s.dataset.signCount) > %d && s.dataset.held === undefined; })()`, count)
}

// TestBrowserEmbedPostsOnlyToDeclaredOrigin: the frame posts to the origin
// its fragment declares (origin=), never to "*". A parent whose origin is
// not the declared one, or that declares none, receives nothing although
// the frame signs; and targetOrigin's decisions, one by one.
func TestBrowserEmbedPostsOnlyToDeclaredOrigin(t *testing.T) {
	for _, c := range []struct{ name, origin string }{
		{"another origin declared", "http://127.0.0.1:1"},
		{"no origin declared", ""},
		{"a star declared", "*"},
	} {
		t.Run(c.name, func(t *testing.T) {
			host := newDocsHost(t)
			fragment := "#preset=x-creating-a-signature&readonly=0&id=playground"
			if c.origin != "" {
				fragment += "&origin=" + url.QueryEscape(c.origin)
			}
			ctx, frame := framedEmbed(t, host, fragment)
			require.Equal(t, xSignature, inFrame[string](t, ctx, frame, `document.querySelector('[data-testid="signature"]')?.textContent`))
			// An edit signs again: still nothing reaches the host page.
			inFrame[bool](t, ctx, frame, `(() => { const el = document.getElementById('url'); el.value += '&x=1';
				el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`)
			inFrame[bool](t, ctx, frame, settled(1))
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.messages.length > 0`, chromedp.WithPollingTimeout(3*time.Second)))
			assert.Error(t, err, "a parent of an undeclared origin hears nothing")
			assert.Empty(t, messages(t, ctx))
		})
	}

	t.Run("targetOrigin", func(t *testing.T) {
		requireBrowser(t)
		p := embedPage(t, newBrowser(t), startServer(t), "#preset=x-creating-a-signature")
		const d = "https://docs.example.org"
		got := eval[map[string]any](p, `import('./embed.js').then((m) => {
			const d = `+jsStr(d)+`;
			const t = (declared, o) => m.targetOrigin(declared, { framed: true, ancestors: null, referrer: '', ...o });
			const out = {
				ancestorMatches: t(d, { ancestors: [d, 'https://top.example'] }),
				ancestorDiffers: t(d, { ancestors: ['https://evil.example', d] }),
				ancestorsEmpty: t(d, { ancestors: [] }),
				referrerMatches: t(d, { referrer: d + '/guide/oauth?x=1' }),
				referrerDiffers: t(d, { referrer: 'https://evil.example/' }),
				nothingToCheck: t(d, {}),
				notFramed: t(d, { framed: false }),
				star: t('*', {}),
				empty: t('', {}),
				none: t(null, {}),
				slash: t(d + '/', {}),
				path: t(d + '/x', {}),
				userinfo: t('https://u@docs.example.org', {}),
				upper: t('https://DOCS.example.org', {}),
				defaultPort: t('https://docs.example.org:443', {}),
				scheme: t('javascript:alert(1)', {}),
				take: m.takeOrigin('#preset=x&origin=' + encodeURIComponent(d) + '&id=p'),
				takeTwice: m.takeOrigin('#origin=a&origin=b'),
				takeNone: m.takeOrigin('#preset=x'),
			};
			return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null));
		})`)
		assert.Equal(t, map[string]any{"ancestorMatches": d, "referrerMatches": d, "nothingToCheck": d,
			"take":      map[string]any{"rest": "preset=x&id=p", "origin": d},
			"takeTwice": map[string]any{"rest": "", "origin": ""},
			"takeNone":  map[string]any{"rest": "preset=x", "origin": nil},
		}, got, "every other case is null: post nothing")
	})
}

// TestBrowserEmbedSecretKeystrokesPostNothing types a canary secret key by
// key into an editable embed: the frame signs on every keystroke, but the
// page around it gets no message while the reader types, and afterwards one
// only: the signature is now null. Typing on into a secret field, with
// null already reported, posts nothing at all.
func TestBrowserEmbedSecretKeystrokesPostNothing(t *testing.T) {
	host := newDocsHost(t)
	ctx, frame := framedEmbed(t, host, "#preset=x-creating-a-signature&id=playground&origin="+url.QueryEscape(host.URL))
	waitMessages(t, ctx, `(ms) => ms.some((m) => m.data.signature === `+jsStr(xSignature)+`)`)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#embed-edit summary`), chromedp.FromNode(frame)),
		chromedp.WaitVisible(testid("input-consumerSecret"), chromedp.FromNode(frame)),
	))
	inFrame[bool](t, ctx, frame, settled(0))
	noMessageSince := func() int {
		// Opening the editor changes the height: wait until that is posted.
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const n = window.messages.length;
			return new Promise((ok) => setTimeout(() => ok(window.messages.length === n), 1500)); })()`,
			chromedp.WithPollingTimeout(20*time.Second)))
		require.NoError(t, err)
		return len(messages(t, ctx))
	}
	before := noMessageSince()
	signs := inFrame[string](t, ctx, frame, `document.querySelector('[data-testid="status"]').dataset.signCount`)

	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(testid("input-consumerSecret"), shareCanaryConsumer, chromedp.FromNode(frame))))
	typedAt, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`Date.now()`))
	require.NoError(t, err)
	inFrame[bool](t, ctx, frame, `document.getElementById('consumerSecret').value.endsWith(`+jsStr(shareCanaryConsumer)+`)`)
	after := inFrame[string](t, ctx, frame, `(() => { const s = document.querySelector('[data-testid="status"]');
		return s.dataset.held === undefined && s.dataset.signCount; })()`)
	assert.NotEqual(t, signs, after, "the frame signed while the secret was typed")
	waitMessages(t, ctx, fmt.Sprintf(`(ms) => ms.slice(%d).some((m) => m.data.type === '%s')`, before, messageSigned))

	// One signed message (null) for all the keystrokes, and at most one
	// height (the published-value line now says "differs"), both after the
	// last keystroke.
	all := messages(t, ctx)
	kinds := map[any]int{}
	for _, m := range all[before:] {
		kinds[m.Data["type"]]++
		assert.GreaterOrEqual(t, m.At, typedAt, "posted only after the last keystroke: %v", m)
		if m.Data["type"] == messageSigned {
			assert.Nil(t, m.Data["signature"], "a typed secret's signature is reported as null")
		}
	}
	assert.Equal(t, 1, kinds[messageSigned], "one signed message for %d keystrokes: %v", len(shareCanaryConsumer), all[before:])
	assert.LessOrEqual(t, kinds[messageHeight], 1, "%v", all[before:])
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.messages)`))
	require.NoError(t, err)
	assertNoCanary(t, raw, "a message to the page")

	// Typing on, with null already reported: nothing at all.
	count := len(all)
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(testid("input-tokenSecret"), shareCanaryToken, chromedp.FromNode(frame))))
	inFrame[bool](t, ctx, frame, `document.getElementById('tokenSecret').value.endsWith(`+jsStr(shareCanaryToken)+`)`)
	inFrame[string](t, ctx, frame, `(() => { const s = document.querySelector('[data-testid="status"]');
		return s.dataset.held === undefined && s.dataset.signCount; })()`)
	assert.Equal(t, count, noMessageSince(), "no message while a secret is typed on: %v", messages(t, ctx)[count:])
}

// TestBrowserEmbedHeightIgnoresSecretShape: the frame's height is the same
// for a short secret and one that looks like a real credential (whose
// warning shows, laid over the reserved slot). The consumer key and token
// are no secrets: the steps show them, so the height follows their length.
func TestBrowserEmbedHeightIgnoresSecretShape(t *testing.T) {
	host := newDocsHost(t)
	ctx, frame := framedEmbed(t, host, "#preset=x-creating-a-signature&id=playground&origin="+url.QueryEscape(host.URL))
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#embed-edit summary`), chromedp.FromNode(frame)),
		chromedp.WaitVisible(testid("input-consumerSecret"), chromedp.FromNode(frame)),
	))
	real := map[string]string{
		"consumerSecret": "Zq8" + strings.Repeat("k3Vb9XwT2m", 4) + "Lp7Rt9X", // 50 letters and digits: an X API secret
		"tokenSecret":    "Ht4" + strings.Repeat("nM8qY2cK5w", 4) + "Jd",      // 45: an X access token secret
		"consumerKey":    "Qw3" + strings.Repeat("eR5tY7uI9o", 2) + "Pa",      // 25: an X API key
	}
	// set types value into field as one input event; it returns the frame's
	// height once the frame has signed it and holds nothing back.
	set := func(field, value string) float64 {
		t.Helper()
		signs := inFrame[float64](t, ctx, frame, `Number(document.querySelector('[data-testid="status"]').dataset.signCount)`)
		inFrame[bool](t, ctx, frame, `(() => { const el = document.getElementById(`+jsStr(field)+`); el.value = `+jsStr(value)+`;
			el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`)
		inFrame[bool](t, ctx, frame, settled(int(signs)))
		return inFrame[float64](t, ctx, frame, `document.body.getBoundingClientRect().height`)
	}
	for _, field := range []string{"consumerSecret", "tokenSecret"} {
		short := set(field, "abc")
		require.Equal(t, false, inFrame[map[string]bool](t, ctx, frame, `({ v: document.querySelector('[data-testid="real-warning-`+field+`"]') !== null })`)["v"])
		looksReal := set(field, real[field])
		warned := inFrame[map[string]bool](t, ctx, frame, `(() => {
			const w = document.querySelector('[data-testid="real-warning-`+field+`"]');
			const slot = document.getElementById('real-warning-slot')?.getBoundingClientRect();
			if (!w) return { shown: false };
			const r = w.getBoundingClientRect();
			return { shown: r.height > 0, inSlot: !!slot && r.top >= slot.top - 0.5 && r.bottom <= slot.bottom + 0.5 };
		})()`)
		assert.Equal(t, map[string]bool{"shown": true, "inSlot": true}, warned, "%s: the warning shows, inside the reserved slot", field)
		assert.Equal(t, short, looksReal, "%s: the frame's height does not depend on what the value looks like", field)
		set(field, "")
	}
	// The page around the frame was told one height all along, the frame's.
	hs := eval[[]float64](&pageT{t: t, ctx: ctx}, `window.messages.filter((m) => m.data.type === '`+messageHeight+`').map((m) => m.data.height)`)
	require.NotEmpty(t, hs)
	final := inFrame[float64](t, ctx, frame, `Math.ceil(document.body.getBoundingClientRect().height)`)
	assert.Equal(t, final, hs[len(hs)-1])
}

// TestBrowserFullPageRefusesForeignFrame serves site/ from a bare file
// server, with no headers (a static host), so only the page itself can
// refuse a frame: framed by another origin, index.html shows "open this in
// its own tab" with a link to its own address and no secret input at all,
// and never starts; embed.html still works in the same frame; unframed, or
// framed by its own origin, the page works and its secret inputs are
// enabled.
func TestBrowserFullPageRefusesForeignFrame(t *testing.T) {
	requireBrowser(t)
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir("site")))
	mux.HandleFunc("/self-frame.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, docsHostPage, "index.html")
	})
	bare := httptest.NewServer(mux)
	t.Cleanup(bare.Close)
	host := newDocsHost(t)
	ctx := newBrowser(t)
	const secretInputs = `[...document.querySelectorAll('[data-secret], #verify-input')]`

	t.Run("framed by another origin", func(t *testing.T) {
		host.frame(bare.URL + "/index.html#share=eyJ2IjoxfQ")
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host.URL)))
		frame := frameNode(t, ctx)
		inFrame[bool](t, ctx, frame, `document.querySelector('[data-testid="frame-refusal"]:not([hidden])') !== null`)
		got := inFrame[map[string]any](t, ctx, frame, `(() => {
			const a = document.querySelector('[data-testid="frame-refusal-link"]');
			return { text: document.body.innerText, href: a.href, target: a.target, rel: a.rel,
				inputs: document.querySelectorAll('input, textarea, select').length,
				enabledSecrets: `+secretInputs+`.filter((el) => !el.disabled).length,
				signer: typeof globalThis.oauth1, started: document.querySelector('[data-ready]') !== null };
		})()`)
		assert.Contains(t, got["text"], "Open this in its own tab")
		assert.Equal(t, bare.URL+"/", got["href"], "the page's own address (index.html redirects to /), without the fragment")
		assert.Equal(t, "_blank", got["target"])
		assert.Equal(t, "noopener noreferrer", got["rel"])
		assert.Equal(t, 0.0, got["inputs"], "no input at all")
		assert.Equal(t, 0.0, got["enabledSecrets"])
		assert.Equal(t, "undefined", got["signer"], "the page never started")
		assert.Equal(t, false, got["started"])
	})

	t.Run("embed in the same frame", func(t *testing.T) {
		host.frame(bare.URL + "/embed.html#preset=x-creating-a-signature&id=playground&origin=" + url.QueryEscape(host.URL))
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host.URL)))
		waitMessages(t, ctx, `(ms) => ms.some((m) => m.data.signature === `+jsStr(xSignature)+`)`)
	})

	for _, c := range []struct{ name, url string }{
		{"unframed", bare.URL + "/index.html"},
		{"framed by its own origin", bare.URL + "/self-frame.html"},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(c.url)))
			var opts []chromedp.PollOption
			if strings.HasSuffix(c.url, "self-frame.html") {
				opts = append(opts, chromedp.WithPollingInFrame(frameNode(t, ctx)))
			}
			got, err := chromedp.Run(ctx, chromedp.Poll[map[string]any](`document.querySelector('[data-testid="status"][data-ready]') && {
				refused: !document.getElementById('frame-refusal').hidden,
				secrets: `+secretInputs+`.length, enabled: `+secretInputs+`.filter((el) => !el.disabled).length,
				signature: document.querySelector('[data-testid="signature"]')?.textContent }`,
				append(opts, chromedp.WithPollingTimeout(20*time.Second))...))
			require.NoError(t, err)
			// Six secret inputs: the Sign view's three, Verify's paste and two
			// secrets (the Tokens view's consumer secret comes with its view,
			// site/lazy.js).
			assert.Equal(t, map[string]any{"refused": false, "secrets": 6.0, "enabled": 6.0, "signature": xSignature}, got)
		})
	}
}
