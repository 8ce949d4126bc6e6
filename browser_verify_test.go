//go:build !js

package main

// The Verify view (site/verify.js) in headless Chromium: pasted curl
// commands and server errors read, checked and diagnosed, the diff of base
// strings, Import into the Sign view, and Clear and pagehide. Every wait is
// on data-verify-count (or data-sign-count) changing.

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// The X example, api.twitter.com/1.1 edition: the base string and
// signature that developer.twitter.com's "Creating a signature" page
// printed for this URL (docs/architecture.md, "Test vectors and their
// sources"), with the same inputs and secrets as the api.x.com edition.
const (
	xTwitterURL       = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true"
	xTwitterSignature = "hCtSmYh+iHYCEqBWrE7C7hYmtUk="
	xTwitterBase      = "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
	xStatusRight      = "status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
	// The status parameter as quote_plus writes it (spaces as "+"),
	// encoded once more inside the base string.
	xStatusPlus = "status%3DHello%2BLadies%2B%252B%2BGentlemen%252C%2Ba%2Bsigned%2BOAuth%2Brequest%2521"
	// xPlusForSpace is the signature the api.twitter.com edition gets when
	// spaces are encoded as "+" (Python's quote_plus): computed, not
	// published; the first row of xMistakes.
	xPlusForSpace = "Il5C7oPhfqV+nSqa3WoH4988Ll0="
)

// xMistakes are signatures of the api.twitter.com/1.1 example, each made
// with one catalogued mistake (computed by recomputing the example with
// that one mistake; not published anywhere), with the mistake's id and
// title in the page. They are named by the rows of the mistake matrix in
// docs/architecture.md, "Test vectors and their sources".
var xMistakes = []struct{ row, signature, mistake, title string }{
	{"M1", xPlusForSpace, "plus-for-space", "Spaces encoded as +"},
	{"M6", "RKDUAygjQwZd3byTbMXDxSWdBjU=", "key-no-token-secret", "Token secret left out of the key"},
	{"M4", "Kkc+JWNScQqYOkX9VjiWtwtEA9A=", "not-sorted", "Parameters not sorted"},
	{"M12", "lFCNslMlLBxW+JxvH/ltGKIApsc=", "http-vs-https", "http and https mixed up"},
}

// xCurl is the X example as a curl command, carrying signature.
func xCurl(signature string) string {
	return `curl --request 'POST' '` + xTwitterURL + `' \
  --header 'Authorization: OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="` + xNonce +
		`", oauth_signature="` + url.QueryEscape(signature) +
		`", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-raw 'status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21'`
}

// verifyInput sets a Verify view input as a paste would, firing one input
// event, and waits until the view has run again. It returns the time from
// that input event to the verdict and diagnosis being in the page, in
// milliseconds, measured in the page: make bench reports it; the
// functional tests only log it.
func (p *pageT) verifyInput(id, value string) float64 {
	p.t.Helper()
	ms := eval[float64](p, `new Promise((resolve) => {
		const status = document.querySelector('[data-testid="verify-status"]');
		const before = status.dataset.verifyCount;
		const input = document.getElementById(`+jsStr(id)+`);
		const observer = new MutationObserver(() => {
			if (status.dataset.verifyCount === before) return;
			observer.disconnect();
			resolve(performance.now() - t0);
		});
		observer.observe(status, { attributes: true, attributeFilter: ['data-verify-count'] });
		setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
		input.value = `+jsStr(value)+`;
		const t0 = performance.now();
		input.dispatchEvent(new Event('input', { bubbles: true }));
	})`)
	require.GreaterOrEqual(p.t, ms, 0.0, "the Verify view did not run after %s changed", id)
	return ms
}

// afterVerify runs act (a click), then waits until the Verify view has run
// again.
func (p *pageT) afterVerify(act func()) {
	p.t.Helper()
	count := `document.querySelector('[data-testid="verify-status"]').dataset.verifyCount`
	before := eval[string](p, count)
	act()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](count+` !== `+jsStr(before), chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(p.t, err, "the Verify view did not run again")
}

func (p *pageT) verdict() string {
	p.t.Helper()
	return eval[string](p, `document.querySelector('[data-testid="verdict"]').dataset.verdict`)
}

func (p *pageT) mistakes(scope string) []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll(`+jsStr(scope+` [data-testid="diagnosis-mistake"]`)+`)].map((a) => a.dataset.mistake)`)
}

func (p *pageT) visible(id string) bool {
	p.t.Helper()
	// An element shows when it or one of its children has a box (a view
	// is a grid, so its own box is enough; the children cover elements
	// that are display: contents).
	return eval[bool](p, `(() => { const el = document.querySelector('[data-testid=`+jsStr(id)+`]');
		return !!el && [el, ...el.children].some((n) => n.getClientRects().length > 0); })()`)
}

// TestBrowserVerifyDiagnosesCurl pastes curl commands for the X example
// signed with catalogued mistakes (xMistakes) and checks that the page
// names each mistake (how fast is make bench's "Verify" rows); pastes the right one and
// imports it into the Sign view, which then signs to the same value; and
// compares base strings (a server's debug_sbs text, and one's own) with
// the right one, character by character.
func TestBrowserVerifyDiagnosesCurl(t *testing.T) {
	p := openPage(t)

	// The tabs: click, and arrow keys on the focused tab.
	assert.True(t, p.visible("view-sign"))
	assert.False(t, p.visible("view-verify"))
	p.click("tab-verify")
	assert.True(t, p.visible("view-verify"))
	assert.False(t, p.visible("view-sign"))
	assert.Equal(t, "true", eval[string](p, `document.getElementById('tab-verify').getAttribute('aria-selected')`))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowLeft)))
	assert.True(t, p.visible("view-sign"), "ArrowLeft selects Sign")
	assert.Equal(t, "tab-sign", eval[string](p, `document.activeElement.id`))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowRight)))
	assert.True(t, p.visible("view-verify"), "ArrowRight selects Verify")
	assert.Equal(t, "false", eval[string](p, `document.getElementById('tab-sign').getAttribute('aria-selected')`))

	// Without secrets the page says what it needs.
	p.verifyInput("verify-input", xCurl(xPlusForSpace))
	assert.Equal(t, "unknown", p.verdict())
	assert.Contains(t, p.mustText("verify-needs"), "consumer secret")
	assert.Equal(t, "curl", eval[string](p, `document.querySelector('[data-testid="read-format"]').textContent.includes('curl') ? 'curl' : ''`))
	assert.Equal(t, xTwitterURL, p.mustText("read-url"))

	p.verifyInput("verify-consumerSecret", xConsumerSecret)
	p.verifyInput("verify-tokenSecret", xTokenSecret)

	for _, c := range xMistakes {
		t.Run(c.row, func(t *testing.T) {
			ms := p.p(t).verifyInput("verify-input", xCurl(c.signature))
			t.Logf("%s: %.0f ms from the last input event to the diagnosis", c.row, ms)
			assert.Equal(t, "invalid", p.p(t).verdict())
			assert.Equal(t, []string{c.mistake}, p.p(t).mistakes(`[data-testid="diagnosis"]`))
			diagnosis := p.p(t).mustText("diagnosis")
			assert.Contains(t, diagnosis, c.title)
			assert.Contains(t, diagnosis, "Fix:")
			assert.Equal(t, xTwitterSignature, p.p(t).mustText("verify-expected"))
			assert.Equal(t, c.signature, p.p(t).mustText("verify-received"))
			assert.Contains(t, p.p(t).mustText("verify-status"), c.title, "the live status names the mistake")
		})
	}

	// A signature no catalogued mistake produces: said so, with the tells.
	p.verifyInput("verify-input", xCurl("AAAAAAAAAAAAAAAAAAAAAAAAAAA="))
	assert.Equal(t, "invalid", p.verdict())
	assert.Empty(t, p.mistakes(`[data-testid="diagnosis"]`))
	assert.Contains(t, p.mustText("diagnosis-none"), "None of the known mistakes")
	assert.True(t, p.exists(`[data-testid="diagnosis-tells"] li`), "the tells are shown")

	// The right signature.
	p.verifyInput("verify-input", xCurl(xTwitterSignature))
	assert.Equal(t, "valid", p.verdict())
	assert.Equal(t, "Signature valid", p.mustText("verdict"))
	assert.True(t, p.exists(`[data-testid="diagnosis-right"]`))
	assert.False(t, p.exists(`[data-testid="diagnosis-mistake"]`))

	// Import fills the Sign view, with the secrets typed here (brought, as
	// offered), and signs to the same value.
	require.False(t, eval[bool](p, `document.getElementById('verify-import').disabled`))
	p.afterSign(func() { p.click("verify-import") })
	assert.True(t, p.visible("view-sign"))
	assert.Equal(t, "tab-sign", eval[string](p, `document.activeElement.id`))
	assert.Equal(t, xTwitterURL, p.value("url"))
	assert.Equal(t, "POST", p.value("method"))
	assert.Equal(t, xNonce, p.value("nonce"))
	assert.Equal(t, xConsumerSecret, p.value("consumerSecret"), "the secrets typed in Verify are brought")
	assert.Equal(t, xTwitterSignature, p.mustText("signature"), "the Sign view signs to the pasted signature")
	assert.Contains(t, p.mustText("preset-note"), "Imported")

	// A server's error text quoting a base string that lacks a parameter:
	// judged on its own first, well-formed, with no diff against the
	// (imported) request in the Sign view; compared with that request only
	// when asked, and the page says which request it is.
	p.click("tab-verify")
	missing := strings.Replace(xTwitterBase, "include_entities%3Dtrue%26", "", 1)
	require.NotEqual(t, xTwitterBase, missing)
	ms := p.verifyInput("verify-input", "HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\noauth_problem=signature_invalid&debug_sbs="+missing)
	t.Logf("debug_sbs: %.0f ms from the last input event to the verdict", ms)
	assert.Equal(t, "alone", eval[string](p, `document.querySelector('[data-testid="verify-compared"]').dataset.compared`))
	assert.Contains(t, p.mustText("verify-compared"), "its own normal form")
	assert.Equal(t, "valid", p.verdict(), "a well-formed base string judged on its own")
	assert.Equal(t, "Base string right", p.mustText("verdict"))
	assert.False(t, p.exists(`[data-testid="diff-ops"] ins, [data-testid="diff-ops"] del`), "no diff against an unrelated request")
	assert.Empty(t, p.mistakes(`[data-testid="diagnosis"]`))
	assert.Contains(t, p.mustText("verify-compare"), "Sign view")
	p.afterVerify(func() { p.click("verify-compare") })
	assert.Equal(t, "compareWith", eval[string](p, `document.querySelector('[data-testid="verify-compared"]').dataset.compared`))
	assert.Contains(t, p.mustText("verify-compared"), "POST "+xTwitterURL, "the page says which request it compared with")
	assert.Equal(t, "invalid", p.verdict())
	assert.Equal(t, "Base string differs", p.mustText("verdict"))
	assert.Equal(t, []string{"include_entities%3Dtrue%26"},
		eval[[]string](p, `[...document.querySelectorAll('[data-testid="diff-ops"] ins.diff-missing')].map((n) => n.textContent)`))
	assert.Equal(t, xTwitterBase, eval[string](p, `[...document.querySelector('[data-testid="diff-ops"]').childNodes].filter((n) => n.nodeName !== 'DEL').map((n) => n.textContent).join('')`),
		"the same and missing runs spell the right base string")
	assert.Equal(t, missing, eval[string](p, `[...document.querySelector('[data-testid="diff-ops"]').childNodes].filter((n) => n.nodeName !== 'INS').map((n) => n.textContent).join('')`),
		"the same and extra runs spell the pasted one")
	assert.Equal(t, []string{"missing"}, eval[[]string](p, `[...document.querySelectorAll('[data-testid="diff-difference"]')].map((li) => li.dataset.kind)`))
	assert.Contains(t, p.mustText("diff-differences"), "include_entities")
	assert.Equal(t, []string{"query-dropped"}, p.mistakes(`[data-testid="diagnosis"]`))
	assert.Contains(t, p.mustText("verify-unparsed"), "text around the base string")

	// One's own base string next to the curl command: a mistake with both
	// missing and extra runs, which the base string and the signature both
	// show.
	p.verifyInput("verify-input", xCurl(xPlusForSpace))
	p.verifyInput("verify-basestring", strings.Replace(xTwitterBase, xStatusRight, xStatusPlus, 1))
	assert.Equal(t, "pasted", eval[string](p, `document.querySelector('[data-testid="verify-compared"]').dataset.compared`))
	assert.Equal(t, []string{"plus-for-space"}, p.mistakes(`[data-testid="diagnosis-both"]`), "one mistake, named once for both")
	assert.Contains(t, p.mustText("diagnosis"), "The signature and the base string")
	assert.Equal(t, 7, eval[int](p, `document.querySelectorAll('[data-testid="diff-ops"] ins.diff-missing').length`), "one per space")
	assert.Equal(t, 7, eval[int](p, `document.querySelectorAll('[data-testid="diff-ops"] del.diff-extra').length`))
	assert.Equal(t, []string{"encoding"}, eval[[]string](p, `[...document.querySelectorAll('[data-testid="diff-difference"]')].map((li) => li.dataset.kind)`))

	// No secret reaches the URL or storage.
	assert.NotContains(t, eval[string](p, `location.href`), xConsumerSecret)
	assert.Equal(t, 0, p.stored())
}

// TestBrowserVerifyClearAndPagehide checks that Clear empties the Verify
// view with the rest of the page, and pagehide wipes its secrets and
// outputs.
func TestBrowserVerifyClearAndPagehide(t *testing.T) {
	p := openPage(t)
	p.click("tab-verify")
	p.verifyInput("verify-input", xCurl(xPlusForSpace))
	p.verifyInput("verify-consumerSecret", xConsumerSecret)
	p.verifyInput("verify-tokenSecret", xTokenSecret)
	p.click("toggle-verify-consumerSecret")
	require.Equal(t, "text", eval[string](p, `document.getElementById('verify-consumerSecret').type`))
	require.Equal(t, []string{"plus-for-space"}, p.mistakes(`[data-testid="diagnosis"]`))

	p.pagehide()
	assert.NotContains(t, eval[string](p, secretsInPage), xTokenSecret)
	assert.Equal(t, "password", eval[string](p, `document.getElementById('verify-consumerSecret').type`), "masked again")
	assert.Equal(t, "unknown", p.verdict())
	assert.False(t, p.exists(`[data-testid="diagnosis-mistake"]`))
	assert.Contains(t, p.value("verify-input"), "curl", "the pasted request itself stays")

	p.verifyInput("verify-tokenSecret", xTokenSecret)
	p.click("clear")
	assert.Empty(t, eval[[]string](p, `['verify-input', 'verify-basestring', 'verify-consumerSecret', 'verify-tokenSecret', 'verify-publicKey']
		.map((id) => document.getElementById(id).value).filter(Boolean)`))
	assert.Equal(t, "unknown", p.verdict())
	assert.True(t, eval[bool](p, `document.getElementById('verify-import').disabled`))
}

// TestBrowserVerifyUsesSignViewSecrets pastes the Sign view's own curl
// output into the Verify view and checks it with the Sign view's secrets:
// for RSA the public key that belongs to the private key is filled in (the
// private key is not), and with PLAINTEXT the signature, which is the
// secrets, is never shown.
func TestBrowserVerifyUsesSignViewSecrets(t *testing.T) {
	p := openPage(t)

	p.loadPreset("oauthnet-rsa-sha1")
	curl := p.mustText("output-curl")
	p.click("tab-verify")
	p.verifyInput("verify-input", curl)
	assert.Equal(t, "unknown", p.verdict())
	assert.True(t, p.visible("verify-publicKey"), "an RSA request asks for the public key")
	assert.False(t, p.visible("verify-consumerSecret"))
	assert.Contains(t, p.mustText("verify-needs"), "public key")
	p.afterVerify(func() { p.click("verify-use-sign-secrets") })
	key := p.value("verify-publicKey")
	assert.Contains(t, key, "-----BEGIN PUBLIC KEY-----")
	assert.NotContains(t, eval[string](p, `[document.body.textContent, ...[...document.querySelectorAll('input, textarea')]
		.filter((el) => el.id !== 'privateKey').map((el) => el.value)].join('\n')`), "PRIVATE KEY",
		"the private key is nowhere but its own input")
	assert.Equal(t, "valid", p.verdict())

	p.click("tab-sign")
	p.loadPreset("rfc-plaintext")
	p.reveal("output-curl")
	curl = p.mustText("output-curl")
	p.click("tab-verify")
	p.verifyInput("verify-input", curl)
	p.click("verify-use-sign-secrets")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="verdict"]').dataset.verdict === 'valid'`,
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the PLAINTEXT request verifies with the Sign view's secrets")
	results := p.mustText("verify-results")
	assert.NotContains(t, results, "ja893SD9", "the PLAINTEXT signature is not shown")
	assert.Contains(t, p.mustText("read-signature"), "PLAINTEXT")
}

// TestBrowserVerifyRealCaptures pastes what clients send on the wire: a
// raw HTTP request (no scheme) signed over plain http, which verifies as
// http and says so; the RFC 5849 section 2.1 PLAINTEXT request, without
// nonce or timestamp, which verifies; a millisecond timestamp, whose
// warning is shown although the signature is right; and in the Sign view,
// a timestamp that is not digits, signed with its warning.
func TestBrowserVerifyRealCaptures(t *testing.T) {
	p := openPage(t)
	p.click("tab-verify")
	p.verifyInput("verify-consumerSecret", xConsumerSecret)
	p.verifyInput("verify-tokenSecret", xTokenSecret)

	// Signed over http: the X example with its scheme changed, signed
	// here by the native signer.
	r := signertest.XExample().Signer()
	r.URL = strings.Replace(r.URL, "https://", "http://", 1)
	res, err := signer.Sign(r)
	require.NoError(t, err)
	u, err := url.Parse(r.URL)
	require.NoError(t, err)
	raw := "POST " + u.RequestURI() + " HTTP/1.1\r\nHost: " + u.Host + "\r\nAuthorization: " + res.AuthorizationHeader +
		"\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" + r.Body
	p.verifyInput("verify-input", raw)
	assert.Equal(t, "valid", p.verdict(), "a plain-http capture verifies")
	assert.Equal(t, "http", eval[string](p, `document.querySelector('[data-testid="verify-scheme"]').dataset.scheme`))
	assert.Contains(t, p.mustText("verify-scheme"), "went over http")
	assert.Equal(t, res.Signature, p.mustText("verify-expected"), "the right signature beside the sent one")
	assert.Equal(t, res.SignatureBaseString, p.mustText("verify-expected-base"), "the right base string")

	// PLAINTEXT, as RFC 5849 section 2.1 sends it: no nonce, no timestamp.
	p.verifyInput("verify-tokenSecret", "")
	p.verifyInput("verify-consumerSecret", "ja893SD9")
	p.verifyInput("verify-input", "POST /request_temp_credentials HTTP/1.1\r\nHost: server.example.com\r\n"+
		`Authorization: OAuth realm="Example", oauth_consumer_key="jd83jd92dhsh93js", oauth_signature_method="PLAINTEXT", oauth_callback="http%3A%2F%2Fclient.example.net%2Fcb%3Fx%3D1", oauth_signature="ja893SD9%26"`+"\r\n\r\n")
	assert.Equal(t, "valid", p.verdict(), "PLAINTEXT verifies without nonce and timestamp")
	assert.NotContains(t, p.mustText("verify-results"), "ja893SD9", "the PLAINTEXT signature is not shown")

	// A millisecond timestamp: signed right, and still refused by servers.
	ms := signertest.XExample().Signer()
	ms.Timestamp = "1318622958000"
	msRes, err := signer.Sign(ms)
	require.NoError(t, err)
	p.verifyInput("verify-consumerSecret", xConsumerSecret)
	p.verifyInput("verify-tokenSecret", xTokenSecret)
	p.verifyInput("verify-input", "curl -X POST '"+ms.URL+"' -H 'Authorization: "+msRes.AuthorizationHeader+
		"' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw '"+ms.Body+"'")
	assert.Equal(t, "valid", p.verdict())
	warnings := eval[[]string](p, `[...document.querySelectorAll('[data-testid="verify-warnings"] li')].map((li) => li.dataset.warning)`)
	assert.Contains(t, warnings, "timestamp-milliseconds")
	assert.Contains(t, p.mustText("verify-warnings"), "milliseconds")

	// A server's debug_sbs with spaces as "+", alone: judged against its
	// own normal form, the deviation named, the diff against that form.
	p.verifyInput("verify-input", "oauth_problem=signature_invalid&debug_sbs="+url.QueryEscape(strings.Replace(xTwitterBase, xStatusRight, xStatusPlus, 1)))
	assert.Equal(t, "alone", eval[string](p, `document.querySelector('[data-testid="verify-compared"]').dataset.compared`))
	assert.Equal(t, "invalid", p.verdict())
	assert.Contains(t, p.mistakes(`[data-testid="diagnosis"]`), "plus-for-space")
	assert.Equal(t, xTwitterBase, p.mustText("verify-expected-base"), "its normal form")
	assert.True(t, p.exists(`[data-testid="diff-ops"] ins.diff-missing`), "the diff is against its normal form")

	// A 2 MB paste: verified, not diagnosed, and said so; the keystrokes
	// typed after it are not lost, and the last one is what is checked.
	big := strings.Replace(xCurl(xPlusForSpace), "--data-raw '", "--data-raw 'a="+strings.Repeat("b", 2<<20)+"&", 1)
	p.verifyInput("verify-input", big)
	assert.Equal(t, "invalid", p.verdict())
	assert.True(t, p.exists(`[data-testid="verify-too-large"]`), "the page says it did not diagnose")
	eval[chromedp.Void](p, `(() => { const input = document.getElementById('verify-input');
		for (const v of [`+jsStr(big+"x")+`, `+jsStr(big+"y")+`, `+jsStr(xCurl(xTwitterSignature))+`]) {
			input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); } })()`)
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="verdict"]').dataset.verdict === 'valid'`,
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the last value typed after a long check is checked")
	assert.False(t, p.exists(`[data-testid="verify-too-large"]`))

	// The Sign view signs a timestamp that is not digits, and warns.
	p.click("tab-sign")
	p.setField("timestamp", "abc")
	assert.Contains(t, eval[[]string](p, `[...document.querySelectorAll('[data-testid="sign-warnings"] li')].map((li) => li.dataset.warning)`),
		"timestamp-not-digits")
}

// TestBrowserVerifyPagehideWipesPlaintext checks that pagehide empties a
// pasted PLAINTEXT request, whose signature is the secrets, decided from
// what the signer's parser reads, however the method is spelled or
// encoded: after a check of the text, and for a text no check has read yet.
// An HMAC request stays.
func TestBrowserVerifyPagehideWipesPlaintext(t *testing.T) {
	p := openPage(t)
	p.click("tab-verify")
	header := func(name, method string) string {
		return "GET /photos?size=original HTTP/1.1\nHost: photos.example.net\n" +
			`Authorization: OAuth oauth_consumer_key="dpf43f3p2l4k3l03", ` + name + `="` + method + `", oauth_signature="kd94hf93k423kf44%26pfkkdhi9sl3r4s00"` + "\n\n"
	}
	for _, tc := range []struct {
		name, text string
		checked    bool
	}{
		{"checked", header("oauth_signature_method", "PLAINTEXT"), true},
		{"checked, encoded value", header("oauth_signature_method", "%50LAINTEXT"), true},
		{"not checked yet, encoded value", header("oauth_signature_method", "%50LAINTEXT"), false},
		{"not checked yet, encoded name", header("oauth%5Fsignature%5Fmethod", "PLAINTEXT"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pt := p.p(t)
			if tc.checked {
				pt.verifyInput("verify-input", tc.text)
			} else {
				eval[chromedp.Void](pt, `document.getElementById('verify-input').value = `+jsStr(tc.text))
			}
			pt.pagehide()
			assert.Empty(t, pt.value("verify-input"), "the PLAINTEXT paste is wiped")
		})
	}
	hmac := header("oauth_signature_method", "HMAC-SHA1")
	eval[chromedp.Void](p, `document.getElementById('verify-input').value = `+jsStr(hmac))
	p.pagehide()
	assert.Equal(t, hmac, p.value("verify-input"), "an HMAC paste is kept")
}
