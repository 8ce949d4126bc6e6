//go:build !js

package main

// The Sign and Verify views' behaviour in headless Chromium (issue 14):
// an error after a user's action takes the focus to its field, the
// example's verdict is dimmed while out of date, the published RSA test
// key, examples loaded on selection with Undo, importing from Verify
// without keeping secrets nobody typed, the diff of whole escapes, and
// the embed panel's output.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// choose picks value in the select with the element id as a user does:
// input and change events, bubbling.
func (p *pageT) choose(id, value string) {
	p.t.Helper()
	ok := eval[bool](p, `(() => { const s = document.getElementById(`+jsStr(id)+`); s.value = `+jsStr(value)+`;
		if (s.value !== `+jsStr(value)+`) return false;
		s.dispatchEvent(new Event('input', { bubbles: true })); s.dispatchEvent(new Event('change', { bubbles: true }));
		return true; })()`)
	require.True(p.t, ok, "no option %q in #%s", value, id)
}

// waitFor polls a JavaScript condition for up to 10 s.
func (p *pageT) waitFor(cond, what string) {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(p.t, err, what)
}

// inView says whether the element with the id is inside the window and
// not covered at its centre by another element.
const inView = `((id) => { const el = document.getElementById(id); const r = el.getBoundingClientRect();
	if (r.height === 0 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
	const at = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
	return at === el || el.contains(at); })`

// TestBrowserUX2FaultFocus switches the X example to RSA-SHA1, which has
// no key: the focus goes to the key box, which is scrolled into view, the
// example's "✓ matches" is dimmed and no longer says so; "Use the
// published test key" fills the key and a signature appears. Typing in
// another field while the error stands never takes the focus.
func TestBrowserUX2FaultFocus(t *testing.T) {
	p := openPage(t)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 800)))
	require.Equal(t, "true", eval[string](p, `document.querySelector('[data-testid="preset-check"]').dataset.match`))
	eval[chromedp.Void](p, `window.scrollTo(0, 0)`)

	p.choose("signatureMethod", "RSA-SHA1")
	p.waitFor(`document.querySelector('[data-testid="error-privateKey"]') !== null`, "no error at the private key")
	p.waitFor(`document.activeElement && document.activeElement.id === 'privateKey'`, "the focus did not move to the key")
	assert.True(t, eval[bool](p, inView+`('privateKey')`), "the key box is not in view")

	check := eval[map[string]any](p, `(() => { const n = document.querySelector('[data-testid="preset-check"]');
		return { stale: n.dataset.stale ?? '', dimmed: n.classList.contains('stale'), text: n.textContent }; })()`)
	assert.Equal(t, "true", check["stale"])
	assert.Equal(t, true, check["dimmed"])
	assert.NotContains(t, check["text"], "✓ matches", "a stale result still claims to match")

	// Typing in another field with the error still there leaves the focus there.
	eval[chromedp.Void](p, `document.getElementById('url').focus()`)
	p.setField("url", "https://api.x.com/1.1/statuses/update.json?x=1")
	assert.Equal(t, "url", eval[string](p, `document.activeElement.id`), "typing elsewhere lost the focus")

	require.True(t, p.exists(`[data-testid="use-test-key"]`), "no test-key button")
	p.afterSign(func() { p.click("use-test-key") })
	p.waitFor(`document.querySelector('[data-testid="status"]').dataset.state === 'ok'`, "no signature with the test key")
	sig := p.mustText("signature")
	assert.Len(t, sig, 172, "an RSA-SHA1 signature (1024-bit key) in base64")
	assert.False(t, p.exists(`[data-testid="error-privateKey"]`))
	assert.False(t, eval[bool](p, `document.querySelector('[data-testid="preset-check"]').classList.contains('stale')`))
}

// TestBrowserUX2ExampleOnSelection chooses an example after typing a
// secret of one's own: the request is the example's at once, with no
// second step, and Undo puts back what was typed, the secret included.
// Clear forgets the Undo.
func TestBrowserUX2ExampleOnSelection(t *testing.T) {
	p := openPage(t)
	p.setField("consumerSecret", "my-own-secret")
	p.setField("url", "https://example.com/mine")
	mine := p.mustText("signature")

	p.afterSign(func() { p.choose("preset", "rfc-plaintext") })
	assert.NotEqual(t, "https://example.com/mine", p.value("url"), "choosing an example did not load it")
	assert.Equal(t, "PLAINTEXT", p.value("signatureMethod"))
	assert.NotEqual(t, "my-own-secret", p.value("consumerSecret"))
	require.False(t, eval[bool](p, `document.querySelector('[data-testid="undo-example"]').hidden`), "no Undo")

	p.afterSign(func() { p.click("undo-example") })
	assert.Equal(t, "https://example.com/mine", p.value("url"))
	assert.Equal(t, "my-own-secret", p.value("consumerSecret"), "Undo lost the secret typed")
	assert.Equal(t, "HMAC-SHA1", p.value("signatureMethod"))
	assert.Equal(t, "x-creating-a-signature", p.value("preset"))
	assert.Equal(t, mine, p.mustText("signature"))
	assert.True(t, eval[bool](p, `document.querySelector('[data-testid="undo-example"]').hidden`), "Undo still offered")
	assert.Equal(t, "preset", eval[string](p, `document.activeElement.id`), "the focus went nowhere")

	p.afterSign(func() { p.choose("preset", "rfc-plaintext") })
	p.click("clear")
	assert.True(t, eval[bool](p, `document.querySelector('[data-testid="undo-example"]').hidden`), "Clear kept the Undo")
	assert.False(t, strings.Contains(eval[string](p, secretsInPage), "my-own-secret"))
}

// TestBrowserUX2ImportSecrets imports a pasted request into the Sign view,
// which holds the X example's secrets the user never typed: with no secret
// typed in Verify they are emptied and the Sign view asks for them; with
// secrets typed there, the offer to bring them is shown, and bringing (the
// default) or not decides what the Sign view gets.
func TestBrowserUX2ImportSecrets(t *testing.T) {
	p := openPage(t)
	require.Equal(t, xConsumerSecret, p.value("consumerSecret"))
	p.click("tab-verify")
	p.verifyInput("verify-input", xCurl(xTwitterSignature))
	assert.True(t, eval[bool](p, `document.querySelector('[data-testid="verify-bring-row"]').hidden`), "an offer with nothing to bring")

	p.afterSign(func() { p.click("verify-import") })
	assert.Equal(t, xTwitterURL, p.value("url"))
	assert.Empty(t, p.value("consumerSecret"), "the example's secret was kept for an imported request")
	assert.Empty(t, p.value("tokenSecret"))
	note := p.mustText("preset-note")
	assert.NotContains(t, note, "were kept")
	assert.Contains(t, note, "type the consumer secret")

	p.click("tab-verify")
	p.verifyInput("verify-consumerSecret", "verify-typed-secret")
	require.False(t, eval[bool](p, `document.querySelector('[data-testid="verify-bring-row"]').hidden`), "no offer to bring the secrets")
	eval[chromedp.Void](p, `document.getElementById('verify-bring-secrets').checked = false`)
	p.afterSign(func() { p.click("verify-import") })
	assert.Empty(t, p.value("consumerSecret"), "brought a secret the user chose not to bring")

	p.click("tab-verify")
	eval[chromedp.Void](p, `document.getElementById('verify-bring-secrets').checked = true`)
	p.afterSign(func() { p.click("verify-import") })
	assert.Equal(t, "verify-typed-secret", p.value("consumerSecret"))
	assert.Contains(t, p.mustText("preset-note"), "with the secrets typed there")
}

// TestBrowserUX2DiffWholeEscapes compares, with the Sign view's X example,
// a base string whose first "%2520" (a space, encoded twice) reads "%2B":
// the diff marks the one escape missing and the other extra, whole.
func TestBrowserUX2DiffWholeEscapes(t *testing.T) {
	p := openPage(t)
	pasted := strings.Replace(xBaseString, "Hello%2520Ladies", "Hello%2BLadies", 1)
	require.NotEqual(t, xBaseString, pasted)
	p.click("tab-verify")
	p.verifyInput("verify-input", pasted)
	p.afterVerify(func() { p.click("verify-compare") })
	ops := eval[[]map[string]string](p, `[...document.querySelectorAll('[data-testid="diff-ops"] ins, [data-testid="diff-ops"] del')]
		.map((n) => ({ op: n.dataset.op, text: n.textContent }))`)
	assert.Equal(t, []map[string]string{{"op": "missing", "text": "%2520"}, {"op": "extra", "text": "%2B"}}, ops)
}

// TestBrowserUX2EmbedPanel checks what "Embed this" gives a docs author:
// steps= from the ticked cards (base string, signing key and signature by
// default, none written when every card is ticked, none at all refused),
// an iframe without the browser's border, and beside it the script that
// sizes the frame, both with a copy button. Both, pasted as they are into
// a docs page of another origin, show the frame at its content's height.
func TestBrowserUX2EmbedPanel(t *testing.T) {
	requireBrowser(t)
	var mu sync.Mutex
	docsBody := ""
	docs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Docs</title></head><body>\n"+docsBody+"\n</body></html>")
	}))
	t.Cleanup(docs.Close)
	base := startFramedServer(t, docs.URL)
	ctx := newBrowser(t)
	require.NoError(t, navigateReady(ctx, base))
	p := &pageT{t: t, ctx: ctx}

	p.click("embed-this")
	code := p.value("embed-code")
	assert.Contains(t, code, "&amp;steps=signatureBaseString,signingKey,signature&amp;")
	assert.Contains(t, code, ` style="border:0"`)
	assert.True(t, p.exists(`[data-testid="copy-embed-code"]`), "no copy button for the iframe")
	assert.True(t, p.exists(`[data-testid="copy-embed-listener"]`), "no copy button for the script")
	script := p.value("embed-listener")
	assert.Contains(t, script, `e.origin !== "`+strings.TrimSuffix(base, "/")+`"`)

	tick := func(step string, on bool) {
		eval[chromedp.Void](p, `(() => { const b = document.getElementById('embed-steps-`+step+`'); b.checked = `+fmt.Sprint(on)+`;
			b.dispatchEvent(new Event('change', { bubbles: true })); })()`)
	}
	tick("signingKey", false)
	tick("request", true)
	assert.Contains(t, p.value("embed-code"), "&amp;steps=request,signatureBaseString,signature&amp;", "steps= in the cards' order")
	for _, step := range []string{"request", "signatureBaseString", "signature"} {
		tick(step, false)
	}
	assert.Empty(t, p.value("embed-code"), "an embed with no step")
	assert.True(t, p.exists(`[data-testid="embed-code-problem"]:not([hidden])`))
	all := eval[[]string](p, `[...document.querySelectorAll('[data-testid="embed-steps"] input')].map((b) => b.dataset.step)`)
	require.Len(t, all, 11)
	for _, step := range all {
		tick(step, true)
	}
	assert.NotContains(t, p.value("embed-code"), "steps=", "every card is the default")
	for _, step := range all {
		tick(step, step == "signature")
	}

	// Pasted into a docs page on the origin given as origin=.
	eval[chromedp.Void](p, `(() => { const o = document.getElementById('embed-origin'); o.value = `+jsStr(docs.URL)+`;
		o.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	code = p.value("embed-code")
	require.Contains(t, code, "origin="+docs.URL)
	mu.Lock()
	docsBody = code + "\n" + p.value("embed-listener")
	mu.Unlock()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(docs.URL)))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('oauth1-playground').style.height !== ''`,
		chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(t, err, "the script never sized the frame")
	frame := eval[map[string]float64](p, `(() => { const f = document.getElementById('oauth1-playground');
		return { height: f.getBoundingClientRect().height, border: parseFloat(getComputedStyle(f).borderTopWidth) }; })()`)
	assert.Zero(t, frame["border"], "the browser's border")
	assert.NotEqual(t, 480.0, frame["height"], "still the fixed height")
	assert.Greater(t, frame["height"], 100.0)
}

// TestBrowserUX2EmbedLandmarks checks the embed has a main landmark and
// that the "Open in the full playground" link's accessible name contains
// its visible text (label in name).
func TestBrowserUX2EmbedLandmarks(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	p := embedPage(t, ctx, base, "#preset=x-creating-a-signature&readonly=1")
	assert.Equal(t, 1, eval[int](p, `document.querySelectorAll('main, [role="main"]').length`))
	assert.True(t, eval[bool](p, `document.querySelector('main').contains(document.getElementById('steps'))`))
	link := eval[map[string]string](p, `(() => { const a = document.querySelector('[data-testid="open-full"]');
		return { visible: a.textContent.trim(), name: a.getAttribute('aria-label') ?? a.textContent.trim() }; })()`)
	require.NotEmpty(t, link["visible"])
	assert.Contains(t, strings.ToLower(link["name"]), strings.ToLower(link["visible"]))
}
