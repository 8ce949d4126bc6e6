//go:build !js

package main

// The Tokens view (issue 16) in Chromium: the three-legged callback flow,
// the PIN flow and the app-only bearer flow walked end to end against the
// in-page provider (oauth1.serve), a break-it refusal and what Verify says
// about it, Clear wiping every issued token, no token in a share link, and
// a link opening the view at a leg.

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page's demo app: X's "Creating a signature" example credentials,
// signer/provider's DemoConsumerKey and DemoConsumerSecret.
const (
	tokensDemoKey    = "xvz1evFS4wEEPTGEFPHBog"
	tokensDemoSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
)

// inTokens is the selector of the element with test id id inside the
// Tokens view (the Sign view has step cards with the same test ids).
func inTokens(id string) string { return `#view-tokens [data-testid="` + id + `"]` }

// tokensPage is a page in the Tokens view.
type tokensPage struct{ *pageT }

// openTokens loads the page, opens the Tokens tab, picks flow and starts it.
func openTokens(t *testing.T, flow string) tokensPage {
	t.Helper()
	p := tokensPage{openPage(t)}
	p.click("tab-tokens")
	require.False(t, eval[bool](p.pageT, `document.getElementById('view-tokens').hidden`), "the Tokens view is shown")
	require.True(t, eval[bool](p.pageT, `document.getElementById('view-sign').hidden && document.getElementById('view-verify').hidden`))
	if flow != "callback" {
		// The radio itself is hidden under its label (.segmented).
		eval[chromedp.Void](p.pageT, `document.getElementById(`+jsStr("tokens-flow-"+flow)+`).click()`)
	}
	p.tclick("tokens-start")
	p.waitFor(`document.querySelector('[data-testid="tokens-status"]').dataset.state === 'started'`, 60*time.Second)
	return p
}

// tclick clicks the element with the test id inside the Tokens view.
func (p tokensPage) tclick(id string) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(inTokens(id)))), "clicking %s", id)
}

// ttext is the text of the element with the test id inside the Tokens
// view, "" when there is none.
func (p tokensPage) ttext(id string) string {
	p.t.Helper()
	return eval[string](p.pageT, `document.querySelector(`+jsStr(inTokens(id))+`)?.textContent ?? ''`)
}

func (p tokensPage) texists(id string) bool {
	p.t.Helper()
	return p.exists(inTokens(id))
}

// revealed reveals the masked value name of the Tokens view and returns it.
func (p tokensPage) revealed(name string) string {
	p.t.Helper()
	if p.texists(name + "-masked") {
		p.tclick(name + "-reveal")
	}
	v := p.ttext(name)
	require.NotEmpty(p.t, v, "%s revealed", name)
	return v
}

func (p tokensPage) waitFor(expr string, timeout time.Duration) {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout)))
	require.NoError(p.t, err, "waiting for %s", expr)
}

// current is the leg the stepper marks current.
func (p tokensPage) current() string {
	p.t.Helper()
	return eval[string](p.pageT, `(document.querySelector('#view-tokens [data-testid^="tokens-leg-"][data-state="current"]')?.dataset.testid ?? '').replace('tokens-leg-', '')`)
}

// status is the HTTP status of the provider's answer shown.
func (p tokensPage) status() string {
	p.t.Helper()
	return eval[string](p.pageT, `document.querySelector(`+jsStr(inTokens("tokens-answer-status"))+`)?.dataset.status ?? ''`)
}

// header is the Authorization header the leg shown was signed into.
func (p tokensPage) header() string {
	p.t.Helper()
	return p.ttext("step-authorizationHeader-value")
}

func (p tokensPage) keyShape() string {
	p.t.Helper()
	return strings.TrimPrefix(p.ttext("tokens-signing-key-shape"), "Signing key: ")
}

// send sends the leg's request and checks the status of the answer.
func (p tokensPage) send(want string) {
	p.t.Helper()
	p.tclick("tokens-send")
	assert.Equal(p.t, want, p.status(), "the provider's answer")
}

// next goes on to the next leg, which must be leg.
func (p tokensPage) next(leg string) {
	p.t.Helper()
	p.tclick("tokens-next")
	require.Equal(p.t, leg, p.current())
}

// walkCallback walks the callback flow to its end and returns what was
// issued, revealed.
func walkCallback(t *testing.T, p tokensPage) map[string]string {
	t.Helper()
	got := map[string]string{}
	require.Equal(t, "request_token", p.current())
	assert.Equal(t, "consumer_secret&", p.keyShape())
	h := p.header()
	assert.Contains(t, h, `oauth_callback="https%3A%2F%2Fapp.example%2Fcallback"`)
	assert.NotContains(t, h, "oauth_token=")
	p.send("200")
	assert.Equal(t, "tokens-next", eval[string](p.pageT, `document.activeElement?.dataset.testid ?? ''`), "the focus moves on to Next")
	assert.Contains(t, p.ttext("tokens-answer-explain"), "oauth_callback_confirmed")
	for _, name := range []string{"requestToken", "requestTokenSecret"} {
		assert.True(t, p.texists("tokens-issued-"+name+"-masked"), "the %s is masked until revealed", name)
	}
	assert.True(t, p.texists("tokens-answer-raw-masked"), "the answer holding the secret is masked")
	got["requestToken"] = p.revealed("tokens-issued-requestToken")
	got["requestTokenSecret"] = p.revealed("tokens-issued-requestTokenSecret")
	assert.Contains(t, p.revealed("tokens-answer-raw"), "oauth_callback_confirmed=true")
	assert.True(t, p.texists("tokens-field-oauth_token_secret-masked"), "the secret field of the answer is masked")
	assert.Equal(t, got["requestTokenSecret"], p.revealed("tokens-field-oauth_token_secret"))

	p.next("authorize")
	assert.Contains(t, p.ttext("tokens-authorize-url"), "oauth_token="+got["requestToken"])
	p.tclick("tokens-consent")
	assert.Equal(t, "302", p.status())
	raw := p.ttext("tokens-answer-raw")
	assert.Contains(t, raw, "Location: https://app.example/callback?oauth_token="+got["requestToken"]+"&oauth_verifier=")
	got["verifier"] = p.revealed("tokens-issued-verifier")
	assert.Contains(t, raw, "oauth_verifier="+got["verifier"])

	p.next("access_token")
	assert.Equal(t, "consumer_secret&request_token_secret", p.keyShape())
	h = p.header()
	assert.Contains(t, h, `oauth_token="`+got["requestToken"]+`"`)
	assert.Contains(t, h, `oauth_verifier="`+got["verifier"]+`"`)
	assert.NotContains(t, h, "oauth_callback")
	// What changed since leg 1 is marked in the cards.
	assert.True(t, p.exists(`#view-tokens [data-testid="step-signatureBaseString"] mark.delta`), "the base string's changes are marked")
	p.send("200")
	got["accessToken"] = p.revealed("tokens-issued-accessToken")
	got["accessTokenSecret"] = p.revealed("tokens-issued-accessTokenSecret")
	assert.Equal(t, "@twitterapi (user_id 6253282)", p.ttext("tokens-issued-user"))
	assert.NotEqual(t, got["requestToken"], got["accessToken"])

	p.next("verify_credentials")
	assert.Equal(t, "consumer_secret&access_token_secret", p.keyShape())
	assert.Contains(t, p.header(), `oauth_token="`+got["accessToken"]+`"`)
	p.send("200")
	assert.Contains(t, p.ttext("tokens-answer-raw"), `"screen_name":"twitterapi"`)
	assert.True(t, p.texists("tokens-done"))
	for name, v := range got {
		require.NotEmpty(t, v, name)
	}
	return got
}

// TestBrowserTokensCallbackFlow walks the three-legged flow: each leg
// signed with the right token and key, the credentials flowing on, the
// protected call answered with the user.
func TestBrowserTokensCallbackFlow(t *testing.T) {
	p := openTokens(t, "callback")
	walkCallback(t, p)
	assert.Equal(t, 0, p.stored())
}

// TestBrowserTokensPinFlow walks the PIN (oob) flow: oauth_callback=oob, a
// PIN page, the PIN typed in as the verifier.
func TestBrowserTokensPinFlow(t *testing.T) {
	p := openTokens(t, "oob")
	assert.Contains(t, p.header(), `oauth_callback="oob"`)
	p.send("200")
	p.next("authorize")
	p.tclick("tokens-consent")
	assert.Equal(t, "200", p.status())
	assert.Contains(t, p.ttext("tokens-answer-raw"), "<code>")
	pin := eval[string](p.pageT, `document.getElementById('tokens-pin').value`)
	assert.Regexp(t, `^[0-9]{7}$`, pin)
	assert.Contains(t, p.ttext("tokens-answer-raw"), "<code>"+pin+"</code>")
	p.next("access_token")
	assert.Contains(t, p.header(), `oauth_verifier="`+pin+`"`)
	p.send("200")
	p.next("verify_credentials")
	p.send("200")
	assert.True(t, p.texists("tokens-done"))
}

// TestBrowserTokensPinMistyped: a PIN typed wrong is refused as
// verifier_invalid.
func TestBrowserTokensPinMistyped(t *testing.T) {
	p := openTokens(t, "oob")
	p.send("200")
	p.next("authorize")
	p.tclick("tokens-consent")
	eval[chromedp.Void](p.pageT, `(() => { const i = document.getElementById('tokens-pin'); i.value = '0000000'; i.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	p.next("access_token")
	p.send("401")
	assert.Equal(t, "verifier_invalid", eval[string](p.pageT, `document.querySelector(`+jsStr(inTokens("tokens-answer-explain"))+`).dataset.problem`))
}

// TestBrowserTokensBearerFlow walks the app-only flow: the Basic
// credential built step by step, the bearer token, accepted app-only and
// refused in user context.
func TestBrowserTokensBearerFlow(t *testing.T) {
	p := openTokens(t, "bearer")
	require.Equal(t, "bearer_credential", p.current())
	assert.Equal(t, tokensDemoKey, p.ttext("tokens-bearer-key"))
	want := base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(tokensDemoKey) + ":" + url.QueryEscape(tokensDemoSecret)))
	assert.True(t, p.texists("tokens-bearer-credential-masked"), "the credential holds the secret: masked")
	assert.Equal(t, want, p.revealed("tokens-bearer-credential"))
	assert.Equal(t, "Authorization: Basic "+want, p.revealed("tokens-bearer-authorization"))
	assert.Contains(t, p.ttext("tokens-not-signature"), "anyone who holds it can use it")

	p.next("bearer_token")
	p.send("200")
	bearer := p.revealed("tokens-issued-bearer")
	assert.True(t, strings.HasPrefix(bearer, "AAAAAAAAAAAAAAAAAAAAA"), bearer)
	assert.Contains(t, p.revealed("tokens-answer-raw"), `"token_type":"bearer"`)

	p.next("app_only")
	assert.Contains(t, p.revealed("tokens-bearer-request"), "Authorization: Bearer "+bearer)
	p.send("200")
	p.next("user_context")
	p.send("403")
	assert.Contains(t, p.ttext("tokens-answer-explain"), "not for a user")
	assert.True(t, p.texists("tokens-done"))
}

// chooseBreak picks a break-it mistake for the next request.
func (p tokensPage) chooseBreak(id string) {
	p.t.Helper()
	ok := eval[bool](p.pageT, `(() => { const s = document.getElementById('tokens-break'); const o = [...s.options].find((x) => x.value === `+jsStr(id)+`);
		if (!o || o.disabled) return false; s.value = o.value; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`)
	require.True(p.t, ok, "break %q offered", id)
}

// TestBrowserTokensBreakIt: the next request fails the way people fail,
// the provider refuses it in OAuth Problem Reporting words, and Verify's
// verdict on what was sent is shown.
func TestBrowserTokensBreakIt(t *testing.T) {
	p := openTokens(t, "callback")
	p.send("200")
	p.next("authorize")
	p.tclick("tokens-consent")
	p.next("access_token")

	// Leg 3 signed without the request token secret.
	p.chooseBreak("wrongSecret")
	assert.Equal(t, "consumer_secret&", p.keyShape())
	p.send("401")
	assert.Equal(t, "signature_invalid", eval[string](p.pageT, `document.querySelector(`+jsStr(inTokens("tokens-answer-explain"))+`).dataset.problem`))
	raw := p.ttext("tokens-answer-raw")
	assert.Contains(t, raw, "oauth_problem=signature_invalid")
	assert.Contains(t, raw, "debug_sbs=POST%26https%253A%252F%252Fapi.x.com%252Foauth%252Faccess_token")
	assert.Equal(t, "invalid", eval[string](p.pageT, `document.querySelector(`+jsStr(inTokens("tokens-verify-verdict"))+`).dataset.verdict`))
	assert.NotEmpty(t, p.ttext("tokens-verify-mistake"), "Verify names the mistake")
	assert.Equal(t, p.ttext("step-signatureBaseString-value"), p.ttext("tokens-field-debug_sbs"), "debug_sbs, decoded, is the base string sent")
	assert.Equal(t, "true", eval[string](p.pageT, `document.querySelector(`+jsStr(inTokens("tokens-compare-base"))+`).dataset.same`), "the key is what differs")
	assert.Equal(t, "access_token", p.current(), "a refused leg stays current")

	// Built again without the mistake, it goes through.
	p.tclick("tokens-retry")
	assert.Equal(t, "consumer_secret&request_token_secret", p.keyShape())
	p.send("200")
	p.next("verify_credentials")

	// The clock 10 minutes off: refused, and Verify says the signature is
	// right but the timestamp is off.
	p.chooseBreak("clockOff")
	p.send("401")
	assert.Contains(t, p.ttext("tokens-answer-raw"), "oauth_problem=timestamp_refused")
	assert.Contains(t, p.ttext("tokens-answer-raw"), "oauth_acceptable_timestamps=")
	assert.Equal(t, "valid", eval[string](p.pageT, `document.querySelector(`+jsStr(inTokens("tokens-verify-verdict"))+`).dataset.verdict`))
	assert.True(t, p.texists("tokens-verify-warnings"), "Verify warns about the timestamp")

	p.tclick("tokens-retry")
	p.send("200")
	assert.True(t, p.texists("tokens-done"))

	// A done leg can be looked at again: its request as sent, its answer.
	p.tclick("tokens-leg-access_token")
	assert.Equal(t, "200", p.status())
	assert.Equal(t, "consumer_secret&request_token_secret", p.keyShape())
}

// TestBrowserTokensOtherBreaks: a reused nonce, a verifier from another
// attempt and a request token asked for without oauth_callback are
// refused with their own problems; "Open in Verify" fills the Verify view.
func TestBrowserTokensOtherBreaks(t *testing.T) {
	p := openTokens(t, "callback")
	p.chooseBreak("noCallback")
	assert.NotContains(t, p.header(), "oauth_callback")
	p.send("400")
	assert.Contains(t, p.ttext("tokens-answer-raw"), "oauth_parameters_absent=oauth_callback")
	p.tclick("tokens-retry")
	p.send("200")
	p.next("authorize")
	p.tclick("tokens-consent")
	p.next("access_token")
	p.chooseBreak("otherVerifier")
	p.send("401")
	assert.Contains(t, p.ttext("tokens-answer-raw"), "oauth_problem=verifier_invalid")

	// Open in Verify.
	p.tclick("tokens-open-verify")
	assert.False(t, eval[bool](p.pageT, `document.getElementById('view-verify').hidden`))
	assert.True(t, eval[bool](p.pageT, `document.getElementById('view-tokens').hidden`))
	assert.Contains(t, p.value("verify-input"), "POST /oauth/access_token HTTP/1.1")
	p.waitFor(`document.querySelector('[data-testid="verdict"]').dataset.verdict === 'valid'`, 10*time.Second)

	// Back in Tokens, a fresh attempt; the nonce of the last accepted
	// request is refused.
	p.click("tab-tokens")
	p.tclick("tokens-start")
	p.waitFor(`document.querySelector('[data-testid="tokens-status"]').dataset.state === 'started'`, 10*time.Second)
	p.send("200")
	p.next("authorize")
	p.tclick("tokens-consent")
	p.next("access_token")
	p.chooseBreak("reusedNonce")
	p.send("401")
	assert.Contains(t, p.ttext("tokens-answer-raw"), "oauth_problem=nonce_used")
}

// TestBrowserTokensClearAndShare: after the whole flow no issued token is
// in a share link, an embed code or the view's own link, and Clear leaves
// no token text in the DOM or any input.
func TestBrowserTokensClearAndShare(t *testing.T) {
	p := openTokens(t, "callback")
	issued := walkCallback(t, p)

	// Share link and embed code, with the identifiers included.
	p.click("share-link")
	p.click("share-identifiers")
	p.click("embed-this")
	p.click("embed-identifiers")
	for _, id := range []string{"share-url", "embed-code"} {
		v := p.value(id)
		require.NotEmpty(t, v, id)
		frag := v[strings.Index(v, "#")+1:]
		texts := []string{v}
		if i := strings.Index(frag, "share="); i >= 0 {
			payload := frag[i+len("share="):]
			if j := strings.IndexAny(payload, "&\""); j >= 0 {
				payload = payload[:j]
			}
			b, err := base64.RawURLEncoding.DecodeString(payload)
			require.NoError(t, err)
			texts = append(texts, string(b))
		}
		for name, secret := range issued {
			for _, s := range texts {
				assert.NotContains(t, s, secret, "%s holds the %s", id, name)
			}
		}
	}
	link := p.ttext("tokens-link")
	assert.Contains(t, link, "#view=tokens&flow=callback&leg=verify_credentials")
	for name, secret := range issued {
		assert.NotContains(t, link, secret, "the leg link holds the %s", name)
	}

	p.click("clear")
	page := eval[string](p.pageT, secretsInPage)
	for name, secret := range issued {
		assert.NotContains(t, page, secret, "the %s is still in the page after Clear", name)
	}
	assert.Empty(t, p.value("tokens-consumerSecret"))
	assert.Equal(t, "cleared", eval[string](p.pageT, `document.querySelector('[data-testid="tokens-status"]').dataset.state`))
	assert.False(t, p.texists("step-signingKey"), "no card left")
}

// TestBrowserTokensOpenAtLeg: #view=tokens&leg=… opens the view at that
// leg, the legs before it done with the demo app; share.js reads and
// refuses the options.
func TestBrowserTokensOpenAtLeg(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	p := tokensPage{&pageT{t: t, ctx: ctx}}
	require.NoError(t, navigateReady(ctx, base+"#view=tokens&flow=oob&leg=access_token"))
	p.waitFor(`document.querySelector('[data-testid="tokens-status"]').dataset.state === 'started' && !!document.querySelector('#view-tokens [data-testid="tokens-send"]')`, 60*time.Second)
	assert.False(t, eval[bool](p.pageT, `document.getElementById('view-tokens').hidden`))
	assert.True(t, eval[bool](p.pageT, `document.getElementById('view-sign').hidden`))
	assert.Equal(t, "true", eval[string](p.pageT, `document.getElementById('tab-tokens').getAttribute('aria-selected')`))
	assert.Equal(t, "access_token", p.current())
	assert.Equal(t, "done", eval[string](p.pageT, `document.querySelector('#view-tokens [data-testid="tokens-leg-authorize"]').dataset.state`))
	assert.Equal(t, "", p.status(), "the leg is built, not sent")
	p.send("200")

	// A fragment changed in place opens the bearer flow at its last step:
	// a fresh provider, the token fetched, the app-only call made.
	eval[chromedp.Void](p.pageT, `location.hash = 'view=tokens&leg=user_context'`)
	p.waitFor(`document.querySelector('#view-tokens [data-testid="tokens-leg-user_context"]')?.dataset.state === 'current'`, 20*time.Second)
	assert.Equal(t, "done", eval[string](p.pageT, `document.querySelector('#view-tokens [data-testid="tokens-leg-app_only"]').dataset.state`))
	p.send("403")

	got := eval[map[string]any](p.pageT, `Promise.all([import('./share.js'), import('./presets.js')]).then(([s, { defaultPreset }]) => ({
		leg: s.viewFragment('#view=tokens&leg=access_token'),
		share: s.shareFragment('#share=abc_-&view=tokens&leg=authorize'),
		bad: s.viewFragment('#view=tokens&leg=nope'),
		signLeg: s.viewFragment('#view=sign&leg=authorize'),
		none: s.viewFragment('#primer'),
		embed: s.parseEmbedFragment('view=tokens&flow=bearer&leg=app_only&readonly=1', defaultPreset).options,
		embedBad: s.parseEmbedFragment('view=tokens&leg=steal', defaultPreset).error,
	}))`)
	assert.Equal(t, map[string]any{"view": "tokens", "flow": "", "leg": "access_token"}, got["leg"])
	assert.Equal(t, "abc_-", got["share"])
	assert.Nil(t, got["bad"])
	assert.Nil(t, got["signLeg"])
	assert.Nil(t, got["none"])
	embed, _ := got["embed"].(map[string]any)
	assert.Equal(t, "tokens", embed["view"])
	assert.Equal(t, "app_only", embed["leg"])
	assert.Equal(t, "bearer", embed["flow"])
	assert.Equal(t, map[string]any{"reason": "type", "field": "view"}, got["embedBad"])
}

// TestBrowserTokensTabKeys: the arrow keys walk the three tabs.
func TestBrowserTokensTabKeys(t *testing.T) {
	p := tokensPage{openPage(t)}
	eval[chromedp.Void](p.pageT, `document.getElementById('tab-verify').focus()`)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowRight)))
	assert.False(t, eval[bool](p.pageT, `document.getElementById('view-tokens').hidden`))
	assert.True(t, eval[bool](p.pageT, `document.getElementById('view-verify').hidden`))
	assert.Equal(t, "tab-tokens", eval[string](p.pageT, `document.activeElement.id`))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowRight))) // wraps to Sign
	assert.False(t, eval[bool](p.pageT, `document.getElementById('view-sign').hidden`))
	assert.True(t, eval[bool](p.pageT, `document.getElementById('view-tokens').hidden`))
	assert.Equal(t, "tab-sign", eval[string](p.pageT, `document.activeElement.id`))
}

// TestBrowserTokensMemoryAfterClear: after the whole callback flow and
// Clear, no heap string and no live wasm memory holds an issued token,
// token secret or verifier (browser_memory_test.go's scan, with these as
// its canaries).
func TestBrowserTokensMemoryAfterClear(t *testing.T) {
	p := openTokens(t, "callback")
	issued := walkCallback(t, p)
	p.click("clear")
	saved := memoryCanaries
	t.Cleanup(func() { memoryCanaries = saved })
	memoryCanaries = nil
	for _, v := range issued {
		memoryCanaries = append(memoryCanaries, v)
	}
	assertNoCanaryInMemory(p.pageT)
}
