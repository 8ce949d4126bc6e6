//go:build !js

package main

// The Sign view's Code card in headless Chromium: code for the X example
// from the full build (the lite one answers needs-full-signer and the card
// says it is loading), tabs, copy, no secret in the card, PLAINTEXT's curl
// refused with its reason, and Clear.

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// waitCode waits until the card shows the code or a reason of the tab id.
func (p *pageT) waitCode(id string) {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](
		`(() => { const panel = document.querySelector('[data-testid="code-panel"]');
			return !!panel && panel.dataset.snippet === `+jsStr(id)+` && panel.textContent !== ''; })()`,
		chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(p.t, err, "the Code card did not show %s; it shows %q, status %q", id,
		eval[string](p, `document.querySelector('[data-testid="code-card"]').textContent`), p.mustText("status"))
}

func TestBrowserCodeCard(t *testing.T) {
	p := openPage(t)
	x := signertest.XExample()
	secrets := []string{x.ConsumerSecret, x.TokenSecret}

	// Closed, the card asks for nothing, so the lite build stays alone: its
	// module (code-card.js, site/lazy.js) has not even built it.
	assert.False(t, eval[bool](p, `document.querySelector('[data-testid="code-card"]').open`))
	assert.False(t, p.exists(`[data-testid="code-panel"]`), "the Code card was built before it was opened")

	// Record every status the card shows, then open it.
	eval[chromedp.Void](p, `(() => { window.__codeStatus = [];
		const card = document.querySelector('[data-testid="code-card"]');
		new MutationObserver(() => { const s = card.querySelector('[data-testid="code-status"]');
			if (s) window.__codeStatus.push(s.textContent); }).observe(card, { childList: true, characterData: true, subtree: true }); })()`)
	p.click("code-summary")
	p.waitCode("curl")
	statuses := eval[[]string](p, `window.__codeStatus`)
	assert.Contains(t, statuses, "Loading the full signer, which writes the code\u2026", "the lite build's answer is shown as loading")
	assert.Equal(t, "full", eval[string](p, `globalThis.oauth1.build`))

	curl := p.mustText("code-text")
	assert.Contains(t, curl, "curl --request 'POST' 'https://api.x.com/1.1/statuses/update.json?include_entities=true'")
	assert.Contains(t, curl, `oauth_signature="Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D"`)
	assert.Equal(t, "true", eval[string](p, `document.querySelector('[data-testid="code-tab-curl"]').getAttribute('aria-selected')`))

	// Every tab: its code, and no secret anywhere in the card.
	ids := eval[[]string](p, `[...document.querySelectorAll('[data-testid="code-tabs"] [role="tab"]')].map((b) => b.dataset.id)`)
	require.Equal(t, []string{"curl", "python-requests-oauthlib", "node-oauth-1.0a", "go-dghubble-oauth1", "go-stdlib", "php-pecl-oauth", "ruby-simple-oauth"}, ids)
	want := map[string]string{
		"python-requests-oauthlib": "from requests_oauthlib import OAuth1",
		"node-oauth-1.0a":          "require('oauth-1.0a')",
		"go-dghubble-oauth1":       `"github.com/dghubble/oauth1"`,
		"go-stdlib":                "crypto/hmac",
		"php-pecl-oauth":           "new OAuth(",
		"ruby-simple-oauth":        "SimpleOAuth::Header.new",
	}
	for _, id := range ids[1:] {
		p.click("code-tab-" + id)
		p.waitCode(id)
		code := p.mustText("code-text")
		assert.Contains(t, code, want[id], id)
		assert.Contains(t, code, "OAUTH_CONSUMER_SECRET", id)
		assert.Equal(t, "true", eval[string](p, `document.querySelector('[data-testid="code-tab-`+id+`"]').getAttribute('aria-selected')`))
		card := p.mustText("code-card")
		for _, s := range secrets {
			assert.NotContains(t, card, s, "%s: a secret in the card", id)
		}
	}

	// Arrow keys move between tabs.
	eval[chromedp.Void](p, `document.querySelector('[data-testid="code-tab-ruby-simple-oauth"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }))`)
	p.waitCode("curl")

	// Copy copies the code shown.
	p.click("code-tab-python-requests-oauthlib")
	p.waitCode("python-requests-oauthlib")
	eval[chromedp.Void](p, `Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true,
		value: (s) => { window.__copied = s; return Promise.resolve(); } })`)
	p.click("copy-code")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`typeof window.__copied === 'string'`, chromedp.WithPollingTimeout(5*time.Second)))
	require.NoError(t, err)
	copied := eval[string](p, `window.__copied`)
	assert.Equal(t, p.mustText("code-text"), copied)
	assert.True(t, strings.HasPrefix(copied, "# POST signed with HMAC-SHA1 by requests-oauthlib"))

	// PLAINTEXT: the curl line would hold the secrets, so the tab says why.
	p.setField("signatureMethod", "PLAINTEXT")
	p.click("code-tab-curl")
	p.waitCode("curl")
	assert.False(t, p.exists(`[data-testid="code-text"]`))
	assert.Contains(t, p.mustText("code-reason"), "PLAINTEXT")
	card := p.mustText("code-card")
	for _, s := range append(secrets, x.ConsumerSecret+"&"+x.TokenSecret) {
		assert.NotContains(t, card, s)
	}

	// A request that does not sign shows no stale code.
	p.setField("url", "not a url")
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="code-status"]').textContent.startsWith('Fix the request first')`,
		chromedp.WithPollingTimeout(5*time.Second)))
	require.NoError(t, err, "the card kept the code of a request that does not sign")
	assert.False(t, p.exists(`[data-testid="code-text"]`))
	p.setField("url", x.URL)
	p.waitCode("curl")

	// Clear leaves no code.
	p.click("clear")
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="code-panel"]').textContent === ''`,
		chromedp.WithPollingTimeout(5*time.Second)))
	require.NoError(t, err, "Clear left the code")
	assert.Equal(t, "The code appears once the request is signed.", p.mustText("code-status"))
}
