//go:build !js

package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The embed and share tests: embed.html is the compact playground a docs
// page shows in an iframe; index.html#share=… is a share link; "Embed this"
// writes the iframe HTML. They reuse requireBrowser, startServer,
// newBrowser, testid and jsString (browser_test.go) and the pageT helpers
// of page_test.go.

// Secrets typed in these tests. None may ever reach a URL, a fragment or a
// message to the page around a frame.
const (
	shareCanaryConsumer = "CANARYshareCONSUMER5e3f"
	shareCanaryToken    = "CANARYshareTOKEN81c2"
	shareCanaryKey      = "-----BEGIN PRIVATE KEY-----\nCANARYshareKEY0d4b\n-----END PRIVATE KEY-----\n"
	xDocsConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	xDocsTokenSecret    = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	messageHeight       = "oauth1-playground:height"
	messageSigned       = "oauth1-playground:signed"
)

var shareCanaries = []string{shareCanaryConsumer, shareCanaryToken, "CANARYshareKEY0d4b"}

// shareAllowList is share.js's SHARE_FIELDS plus the format version v.
var shareAllowList = []string{"v", "preset", "method", "url", "body", "contentType", "consumerKey", "token",
	"signatureMethod", "nonce", "timestamp", "version", "realm", "callback", "verifier", "bodyHash", "transport", "params"}

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
  window.messages.push({ origin: event.origin, data: event.data });
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

// decodeShareFragment decodes the share state in a URL's #share= (or in an
// embed fragment's share=) as share.js writes it: base64url of UTF-8 JSON.
func decodeShareFragment(t *testing.T, link string) (map[string]any, string) {
	t.Helper()
	u, err := url.Parse(link)
	require.NoError(t, err)
	q, err := url.ParseQuery(u.Fragment)
	require.NoError(t, err)
	payload := q.Get("share")
	require.NotEmpty(t, payload, "no share state in %s", link)
	b, err := base64.RawURLEncoding.DecodeString(payload)
	require.NoError(t, err, "the fragment is base64url without padding")
	var state map[string]any
	require.NoError(t, json.Unmarshal(b, &state), "the fragment is JSON")
	for k := range state {
		assert.Contains(t, shareAllowList, k, "the share state has a field that is not on the allow-list")
	}
	return state, string(b)
}

// assertNoCanary checks that no typed secret is in s.
func assertNoCanary(t *testing.T, s, where string) {
	t.Helper()
	for _, c := range shareCanaries {
		assert.NotContains(t, s, c, "a typed secret reached %s", where)
	}
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

// TestEmbedInAllowedFrame embeds a preset in a docs page on an origin that
// -frame-ancestor allows: the signature is shown inside the frame and
// reported to the page, and the page sizes the frame from the height
// messages.
func TestEmbedInAllowedFrame(t *testing.T) {
	requireBrowser(t)
	host := newDocsHost(t)
	base := startFramedServer(t, host.URL)
	require.NotEqual(t, host.URL, originOf(t, base), "the docs page and the playground are two origins")
	host.frame(base + "embed.html#preset=x-creating-a-signature&id=playground")
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
			assert.ElementsMatch(t, []string{"type", "id", "height"}, keys(m.Data))
			h, ok := m.Data["height"].(float64)
			require.True(t, ok, "height is a number")
			heights = append(heights, h)
		case messageSigned:
			assert.ElementsMatch(t, []string{"type", "id", "signature"}, keys(m.Data))
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

	// The signature is on screen inside the frame, not only in a message.
	frame := frameNode(t, ctx)
	shown, err := chromedp.Run(ctx, chromedp.TextContent(testid("signature"), chromedp.FromNode(frame)))
	require.NoError(t, err)
	assert.Equal(t, xSignature, shown)
	check, err := chromedp.Run(ctx, chromedp.AttributeValue(testid("preset-check"), "data-match", chromedp.FromNode(frame)))
	require.NoError(t, err)
	assert.Equal(t, "true", check.Value, "the published-value line matches inside the frame")
}

// TestEmbedTypedSecretStaysInFrame types a secret into an embedded frame:
// the frame signs with it, but tells the page around it only that there is
// a signature (null), never the signature itself, which the page could
// replay; putting the published secret back makes the frame report again.
func TestEmbedTypedSecretStaysInFrame(t *testing.T) {
	requireBrowser(t)
	host := newDocsHost(t)
	base := startFramedServer(t, host.URL)
	host.frame(base + "embed.html#preset=x-creating-a-signature&id=playground")
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host.URL)))
	waitMessages(t, ctx, `(ms) => ms.some((m) => m.data.signature === `+jsString(xSignature)+`)`)
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
		input.value = `+jsString(xDocsConsumerSecret)+`;
		input.dispatchEvent(new Event('input', { bubbles: true }));
		return true;
	})()`, chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(5*time.Second)))
	require.NoError(t, err)
	waitMessages(t, ctx, fmt.Sprintf(`(ms) => ms.slice(%d).some((m) => m.data.signature === %s)`, count, jsString(xSignature)))
}

// TestEmbedRefusedByFrameAncestors embeds the playground in a page whose
// origin -frame-ancestor does not list (127.0.0.1, another port): the
// browser refuses the frame, so no message ever arrives, while the allowed
// origin still works.
func TestEmbedRefusedByFrameAncestors(t *testing.T) {
	requireBrowser(t)
	allowed := newDocsHost(t)
	other := newDocsHost(t)
	base := startFramedServer(t, allowed.URL)
	src := base + "embed.html#preset=x-creating-a-signature&id=playground"
	allowed.frame(src)
	other.frame(src)

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
	var mu sync.Mutex
	var violations []string
	consoleCtx, stopConsole := context.WithCancel(ctx)
	defer stopConsole()
	console := chromedp.Console(consoleCtx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if strings.Contains(m.Text, "frame-ancestors") {
				mu.Lock()
				violations = append(violations, m.Text)
				mu.Unlock()
			}
		}
	}()

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(other.URL)))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`window.messages.length > 0`, chromedp.WithPollingTimeout(5*time.Second)))
	assert.Error(t, err, "no message arrives from a refused frame")
	assert.Empty(t, messages(t, ctx))
	require.Eventually(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(violations) > 0
	}, 10*time.Second, 100*time.Millisecond, "the browser reports a frame-ancestors violation")
	mu.Lock()
	assert.Contains(t, violations[0], "frame-ancestors 'self' "+allowed.URL)
	mu.Unlock()

	// The same frame on the allowed origin works.
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(allowed.URL)))
	waitMessages(t, ctx, `(ms) => ms.some((m) => m.data.signature === `+jsString(xSignature)+`)`)
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

// TestEmbedOptions checks the fragment's options one by one, and that a
// fragment that fails share.js's checks (an unknown preset, a secret, an
// unknown option) shows a message and the default example.
func TestEmbedOptions(t *testing.T) {
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
		assert.Equal(t, "https://server.example.com/request_temp_credentials", eval[string](p, `document.getElementById('url').value`))
		assert.Equal(t, "PLAINTEXT", eval[string](p, `document.getElementById('signatureMethod').value`))
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
		assert.Empty(t, eval[string](p, `document.getElementById('consumerSecret').value`))
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
			assert.Equal(t, xDocsConsumerSecret, eval[string](p, `document.getElementById('consumerSecret').value`))
			assertNoCanary(t, eval[string](p, secretsInPage), "the embed's DOM")
		})
	}
}

// TestEmbedAt360Dark shows a few steps in the dark theme at 360 px: nothing
// is wider than the frame and the dark palette applies. With
// UPDATE_SCREENSHOTS=1 it writes docs/embed.png.
func TestEmbedAt360Dark(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(360, 800)))
	p := embedPage(t, ctx, base, "#preset=x-creating-a-signature&theme=dark&steps=signatureBaseString,signingKey,signature&id=docs")
	assert.LessOrEqual(t, eval[int](p, `document.documentElement.scrollWidth`), 360, "no horizontal scrolling at 360 px")
	wide := eval[[]string](p, `[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 361)
		.map((el) => el.tagName + '.' + el.className)`)
	assert.Empty(t, wide, "elements wider than the frame")
	bg := eval[string](p, `getComputedStyle(document.body).backgroundColor`)
	assert.Equal(t, "rgb(26, 29, 34)", bg, "the dark palette's panel colour")
	assert.Equal(t, xSignature, p.mustText("signature"))

	if os.Getenv("UPDATE_SCREENSHOTS") != "1" {
		return
	}
	height := eval[int](p, `Math.ceil(document.body.getBoundingClientRect().height)`)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(360, int64(height))))
	eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
	img, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join("docs", "embed.png"), img, 0o644))
}

// setShareFields sets every non-secret input of the full page to values that
// differ from the default example, and types a secret into each secret
// input, then waits for the page to sign. form picks a form body sent with
// the body transport and a body row; otherwise a JSON body with a body
// hash, the query transport and query rows.
func setShareFields(p *pageT, form bool) {
	p.t.Helper()
	p.afterSign(func() {
		eval[chromedp.Void](p, `((form) => {
			const set = (id, value) => {
				const el = document.getElementById(id);
				el.value = value;
				el.dispatchEvent(new Event('input', { bubbles: true }));
				el.dispatchEvent(new Event('change', { bubbles: true }));
			};
			set('method', 'PUT');
			set('url', 'https://api.example.test/v1/items/42?color=blue&size=m%20l');
			set('contentType', form ? 'application/x-www-form-urlencoded' : 'application/json');
			set('body', form ? 'greeting=caf%C3%A9%20%E2%98%95&n=1' : '{"name": "café ☕"}');
			set('consumerKey', 'my-own-consumer-key');
			set('token', 'my-own-access-token');
			set('signatureMethod', 'HMAC-SHA256');
			set('nonce', 'nonce-for-the-share-test');
			set('timestamp', '1700000123');
			set('realm', 'Example Realm');
			set('callback', 'https://client.example.test/cb?x=1');
			set('verifier', 'verifier-123');
			set('consumerSecret', `+jsStr(shareCanaryConsumer)+`);
			set('tokenSecret', `+jsStr(shareCanaryToken)+`);
			set('privateKey', `+jsStr(shareCanaryKey)+`);
			document.getElementById('version').checked = form;
			document.getElementById('bodyHash').checked = !form;
			document.getElementById(form ? 'transport-body' : 'transport-query').checked = true;
			document.getElementById('bodyHash').dispatchEvent(new Event('change', { bubbles: true }));
			document.getElementById('params').replaceChildren();
			for (const [name, value, where] of [['dup', '1', 'query'], ['dup', '2', form ? 'body' : 'query'], ['späce name', 'a b&c', 'query']]) {
				document.getElementById('params-add').click();
				const row = document.querySelector('#params > li:last-child');
				row.querySelector('.param-name').value = name;
				row.querySelector('.param-value').value = value;
				row.querySelector('.param-where').value = where;
			}
			document.querySelector('#params .param-name').dispatchEvent(new Event('input', { bubbles: true }));
		})(`+fmt.Sprint(form)+`)`)
	})
}

// readShareFields reads every non-secret input of the full page.
func readShareFields(p *pageT) map[string]any {
	p.t.Helper()
	raw := eval[string](p, `JSON.stringify((() => {
		const v = (id) => document.getElementById(id).value;
		const out = {};
		for (const id of ['method', 'url', 'contentType', 'body', 'consumerKey', 'token', 'signatureMethod', 'nonce',
			'timestamp', 'realm', 'callback', 'verifier']) out[id] = v(id);
		out.version = document.getElementById('version').checked;
		out.bodyHash = document.getElementById('bodyHash').checked;
		out.transport = document.querySelector('input[name="transport"]:checked').value;
		out.params = [...document.querySelectorAll('#params > li')].map((li) =>
			[li.querySelector('.param-name').value, li.querySelector('.param-value').value, li.querySelector('.param-where').value]);
		return out;
	})())`)
	var out map[string]any
	require.NoError(p.t, json.Unmarshal([]byte(raw), &out))
	return out
}

// shareLink opens the share panel (if needed), sets the identifiers option
// and returns the link.
func shareLink(p *pageT, identifiers bool) string {
	p.t.Helper()
	if eval[bool](p, `document.getElementById('share-panel').hidden`) {
		p.click("share-link")
	}
	if eval[bool](p, `document.getElementById('share-identifiers').checked`) != identifiers {
		p.click("share-identifiers")
	}
	link := eval[string](p, `document.getElementById('share-url').value`)
	require.NotEmpty(p.t, link)
	return link
}

// TestShareLinkRoundTrip types secrets, makes a share link, checks that no
// secret is in it (not even base64-encoded), opens it, and checks that every
// non-secret field came back and the request signs to the same base string.
func TestShareLinkRoundTrip(t *testing.T) {
	p := openPage(t)
	base := startURL(t, p)
	for _, form := range []bool{false, true} {
		t.Run(map[bool]string{false: "json body", true: "form body"}[form], func(t *testing.T) {
			pt := p.p(t)
			require.NoError(t, chromedp.Do(pt.ctx,
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(base),
				chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
			))
			setShareFields(pt, form)
			want := readShareFields(pt)
			wantBaseString := pt.mustText("step-signatureBaseString-value")
			require.Contains(t, wantBaseString, "PUT&https%3A%2F%2Fapi.example.test", "the page signed the edited request")

			link := shareLink(pt, true)
			state, decoded := decodeShareFragment(t, link)
			assertNoCanary(t, link, "the share link")
			assertNoCanary(t, decoded, "the decoded share state")
			for _, secret := range []string{"consumerSecret", "tokenSecret", "privateKey"} {
				assert.NotContains(t, state, secret)
			}
			assert.Equal(t, "my-own-consumer-key", state["consumerKey"], "identifiers when asked for")
			assert.Equal(t, "x-creating-a-signature", state["preset"], "the example it started from")
			assert.Less(t, len(link), 2000, "a compact link")

			without := shareLink(pt, false)
			stateWithout, decodedWithout := decodeShareFragment(t, without)
			assert.NotContains(t, stateWithout, "consumerKey", "identifiers are left out by default")
			assert.NotContains(t, stateWithout, "token")
			assert.NotContains(t, decodedWithout, "my-own-")
			assertNoCanary(t, without+decodedWithout, "the share link")

			// Open the link in a fresh page load.
			require.NoError(t, chromedp.Do(pt.ctx,
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(link),
				chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
			))
			assert.Equal(t, want, readShareFields(pt), "every non-secret field is restored")
			assert.Equal(t, wantBaseString, pt.mustText("step-signatureBaseString-value"), "the same request, so the same base string")
			assert.Equal(t, xDocsConsumerSecret, eval[string](pt, `document.getElementById('consumerSecret').value`),
				"the secrets are the named example's published ones, not the typed ones")
			assert.Equal(t, xDocsTokenSecret, eval[string](pt, `document.getElementById('tokenSecret').value`))
			assertNoCanary(t, eval[string](pt, secretsInPage), "the opened page")
			assert.Contains(t, pt.mustText("share-notice"), "never carry secrets")
			assert.Equal(t, "ok", eval[string](pt, `document.getElementById('share-notice').dataset.state`))

			// Without identifiers, the consumer key and token come back empty
			// (and the signer asks for the consumer key, so wait for a sign,
			// not a signature).
			require.NoError(t, chromedp.Do(pt.ctx,
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(without),
				chromedp.WaitReady(chromedp.CSS(`[data-testid="status"]:not([data-sign-count="0"])`)),
			))
			got := readShareFields(pt)
			assert.Equal(t, "", got["consumerKey"])
			assert.Equal(t, "", got["token"])
			got["consumerKey"], got["token"] = want["consumerKey"], want["token"]
			assert.Equal(t, want, got, "every other field is restored")
			assert.Contains(t, pt.mustText("share-notice"), "did not include the consumer key and token")
		})
	}
}

// TestShareLinkMalformed opens share links that fail the checks: each shows
// a clear message and leaves the default example, untouched.
func TestShareLinkMalformed(t *testing.T) {
	p := openPage(t)
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	cases := []struct{ name, payload, says string }{
		{"not base64", "%%%not*base64", "not valid base64url"},
		{"not JSON", b64("hello"), "JSON object"},
		{"not an object", b64(`[1,2]`), "JSON object"},
		{"other version", b64(`{"v":2,"url":"https://evil.example/"}`), "incompatible version"},
		{"a secret", b64(`{"v":1,"url":"https://evil.example/","consumerSecret":"` + shareCanaryConsumer + `"}`), "secret (consumerSecret)"},
		{"unknown field", b64(`{"v":1,"url":"https://evil.example/","signature":"x"}`), "field the playground does not know"},
		{"wrong type", b64(`{"v":1,"url":"https://evil.example/","bodyHash":"yes"}`), "bodyHash field"},
		{"unknown preset", b64(`{"v":1,"preset":"nope"}`), "example that does not exist"},
		{"bad rows", b64(`{"v":1,"params":[["a","b","header"]]}`), "params field"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pt := p.p(t)
			require.NoError(t, chromedp.Do(pt.ctx,
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(startURL(t, pt)+"#share="+c.payload),
				chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
			))
			notice := pt.mustText("share-notice")
			assert.Contains(t, notice, "could not be loaded")
			assert.Contains(t, notice, c.says)
			assert.Contains(t, notice, "default example")
			assert.Equal(t, "invalid", eval[string](pt, `document.getElementById('share-notice').dataset.state`))
			assert.Equal(t, xSignature, pt.mustText("signature"), "the default example")
			assert.Equal(t, "https://api.x.com/1.1/statuses/update.json?include_entities=true", eval[string](pt, `document.getElementById('url').value`))
			assertNoCanary(t, eval[string](pt, secretsInPage), "the page")
		})
	}
}

// startURL is the base URL of the server a pageT was opened on.
func startURL(t *testing.T, p *pageT) string {
	t.Helper()
	return eval[string](p, `location.origin`) + "/"
}

// TestShareEmbedThis checks "Embed this": the iframe HTML names the preset
// while the request is the example as published, switches to a share state
// when an input changes, never carries a typed secret, and shows the same
// request when opened.
func TestShareEmbedThis(t *testing.T) {
	p := openPage(t)
	base := startURL(t, p)
	p.click("embed-this")
	code := eval[string](p, `document.getElementById('embed-code').value`)
	assert.Equal(t, `<iframe id="oauth1-playground" src="`+base+`embed.html#preset=x-creating-a-signature&amp;readonly=1&amp;id=oauth1-playground" `+
		`title="OAuth 1.0a signature playground" width="100%" height="640" loading="lazy" referrerpolicy="no-referrer"></iframe>`, code)

	p.setField("url", "https://api.x.com/1.1/statuses/update.json?include_entities=false")
	p.setField("consumerSecret", shareCanaryConsumer)
	eval[chromedp.Void](p, `(() => { const s = document.getElementById('embed-theme'); s.value = 'dark';
		s.dispatchEvent(new Event('change', { bubbles: true })); })()`)
	p.click("embed-readonly")
	code = eval[string](p, `document.getElementById('embed-code').value`)
	src := html.UnescapeString(strings.Split(strings.Split(code, `src="`)[1], `"`)[0])
	assert.True(t, strings.HasPrefix(src, base+"embed.html#share="), src)
	assert.Contains(t, src, "&theme=dark&id=oauth1-playground")
	assert.NotContains(t, src, "readonly")
	_, decoded := decodeShareFragment(t, src)
	assertNoCanary(t, code+decoded, "the embed HTML")
	assert.Contains(t, decoded, "include_entities=false")
	pageBaseString := p.mustText("step-signatureBaseString-value")

	// The frame's address shows the same request (signed with the example's
	// published secrets, so compare base strings).
	require.NoError(t, chromedp.Do(p.ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(src),
		chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
	))
	assert.Equal(t, pageBaseString, p.mustText("step-signatureBaseString-value"))
	assert.Equal(t, "dark", eval[string](p, `document.documentElement.dataset.theme`))
	assert.False(t, eval[bool](p, `document.getElementById('embed-edit').hidden`), "not read-only")
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
