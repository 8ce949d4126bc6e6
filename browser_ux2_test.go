//go:build !js

package main

// The Sign and Verify views' behaviour in headless Chromium (issue 14):
// an error after a user's action takes the focus to its field, the
// example's verdict is dimmed while out of date, the published RSA test
// key, examples loaded on selection with Undo, importing from Verify
// without keeping secrets nobody typed, the diff of whole escapes, and
// the embed panel's output.

import (
	"strings"
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
