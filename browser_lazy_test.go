package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lazyModules are the modules of the full page that only its hidden views
// and panels need (site/lazy.js imports them on demand, and once the page
// is idle after its first signature): none is a static import of the page.
var lazyModules = []string{
	"verify.js", "verify-render.js", "strings-verify.js",
	"tokens.js", "tokens-flow.js", "tokens-legs.js", "tokens-render.js", "tokens-bearer.js", "strings-tokens.js",
	"share-panel.js", "share.js", "strings-share.js",
	"code-card.js", "strings-code.js",
}

// noIdle keeps the page from ever being idle (requestIdleCallback never
// calls back), so what it loads is only what it needs.
func noIdle() chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: `globalThis.requestIdleCallback = () => 0;`})
		return chromedp.Void{}, err
	}
}

// requested lists the page's own files the tab has fetched (resource
// timing), by name.
func (p *pageT) requested() []string {
	p.t.Helper()
	return eval[[]string](p, `performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1))`)
}

// assertNotRequested checks that none of names has been fetched yet.
func (p *pageT) assertNotRequested(names []string, why string) {
	p.t.Helper()
	got := p.requested()
	for _, n := range names {
		assert.NotContains(p.t, got, n, "%s: fetched before it was needed", why)
	}
}

// TestBrowserLazyViews loads the page cold, with no idle time, and checks
// that it fetched none of the hidden views' and panels' modules; then that
// each one loads when first needed and works: the tab keys before the
// Tokens view has loaded (its tab shows the loading word meanwhile), the
// Tokens view, the Verify view and Clear after secrets were typed there,
// the share and embed panels, the Code card.
func TestBrowserLazyViews(t *testing.T) {
	p := openPage(t, noIdle())
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
	require.NoError(t, waitLazy(p.ctx))
	assert.NotEmpty(t, p.requested(), "resource timing saw nothing")
	p.assertNotRequested(append(lazyModules, "tokens.css"), "cold load")
	assert.Equal(t, "Share link", p.mustText("share-link"), "the share button's label, before its module")
	assert.Equal(t, "Embed this", p.mustText("embed-this"))
	assert.Equal(t, "Code", p.mustText("code-summary"))

	// The tab keys work before the Tokens view's module is there: from
	// Sign, the left arrow goes round to Tokens at once, which says it is
	// loading (not an empty panel) until its module has come.
	type tabState struct {
		Selected string `json:"selected"`
		Active   string `json:"active"`
		Hidden   bool   `json:"hidden"`
		Sign     bool   `json:"sign"`
		Text     string `json:"text"`
		Fetched  bool   `json:"fetched"`
	}
	s := eval[tabState](p, `(() => {
		const tab = document.getElementById('tab-sign');
		tab.focus();
		tab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
		const view = document.getElementById('view-tokens');
		return { selected: document.getElementById('tab-tokens').getAttribute('aria-selected'),
			active: document.activeElement.id, hidden: view.hidden, sign: document.getElementById('view-sign').hidden,
			text: view.textContent,
			fetched: performance.getEntriesByType('resource').some((e) => e.name.endsWith('/tokens.js')) };
	})()`)
	assert.Equal(t, tabState{Selected: "true", Active: "tab-tokens", Hidden: false, Sign: true, Text: "Loading\u2026", Fetched: false}, s)
	require.NoError(t, waitLazy(p.ctx))
	assert.True(t, p.exists(`[data-testid="tokens-start"]`), "the Tokens view was not built once its module came")
	assert.True(t, p.exists(`link[rel="stylesheet"][href="tokens.css"]`), "tokens.css came with the view")
	assert.Contains(t, p.requested(), "tokens.js")
	p.assertNotRequested([]string{"verify.js", "share-panel.js", "code-card.js"}, "the Tokens view")

	// Real keys now: Home to Sign, then the right arrow to Verify, whose
	// module loads then.
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Home)))
	assert.Equal(t, "tab-sign", eval[string](p, `document.activeElement.id`))
	assert.False(t, eval[bool](p, `document.getElementById('view-sign').hidden`))
	assert.True(t, eval[bool](p, `document.getElementById('view-tokens').hidden`))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowRight)))
	require.NoError(t, waitLazy(p.ctx))
	assert.Equal(t, "tab-verify", eval[string](p, `document.activeElement.id`))
	assert.Equal(t, "true", eval[string](p, `document.getElementById('tab-verify').getAttribute('aria-selected')`))
	assert.Contains(t, p.requested(), "verify.js")

	// The Verify view works: its broken example is checked and diagnosed.
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`!!globalThis.oauth1 && oauth1.build === 'full'`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "opening the Verify view did not load the full signer")
	p.click("verify-example")
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`Number(document.querySelector('[data-testid="verify-status"]').dataset.verifyCount ?? 0) > 0`,
		chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "the Verify view never checked")
	assert.NotEmpty(t, p.mustText("verdict"))

	// Secrets typed there, then Clear: gone from the view loaded late.
	for _, id := range []string{"verify-consumerSecret", "verify-tokenSecret"} {
		eval[chromedp.Void](p, `(() => { const el = document.getElementById(`+jsStr(id)+`); el.value = 'lazy-secret-`+id+`';
			el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	}
	p.click("clear")
	for _, id := range []string{"verify-consumerSecret", "verify-tokenSecret", "verify-input", "consumerSecret", "tokenSecret"} {
		assert.Empty(t, p.value(id), "%s after Clear", id)
	}
	assert.NotContains(t, eval[string](p, `document.documentElement.outerHTML`), "lazy-secret-")

	// Back to Sign through the tab; the panels load on their button.
	p.click("tab-sign")
	p.loadPreset("x-creating-a-signature")
	p.assertNotRequested([]string{"share-panel.js", "code-card.js"}, "before the panels")
	p.click("share-link")
	assert.True(t, strings.Contains(p.value("share-url"), "#share="), "no share link: %q", p.value("share-url"))
	assert.Equal(t, "true", eval[string](p, `document.getElementById('share-link').getAttribute('aria-expanded')`))
	p.click("embed-this")
	assert.Contains(t, p.value("embed-code"), "<iframe")
	p.click("embed-this")
	assert.True(t, eval[bool](p, `document.getElementById('embed-panel').hidden`), "the button closes its panel again")

	// The Code card: its module on the first opening, then the code.
	p.assertNotRequested([]string{"code-card.js"}, "before the card opens")
	p.click("code-summary")
	p.waitCode("curl")
	assert.Contains(t, p.requested(), "code-card.js")
}

// TestBrowserLazyLoadFails blocks the Code card's and the Tokens view's
// modules: each says in its place that it could not be loaded, with no
// secret in the words, and the rest of the page still signs.
func TestBrowserLazyLoadFails(t *testing.T) {
	p := openPage(t, noIdle(), func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, tg, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
			{URLPattern: "*://*:*/code-card.js", Block: true}, {URLPattern: "*://*:*/tokens-flow.js", Block: true},
		}})
		return chromedp.Void{}, err
	})
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
	x := xConsumerSecret

	p.click("code-summary")
	failed := `[data-testid="code-card"] [data-testid="lazy-status"][data-state="failed"]`
	// (details' toggle event comes in a task after the click)
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector(`+jsStr(failed)+`) !== null`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the Code card does not say it failed: %q", p.mustText("code-card"))
	words := eval[string](p, `document.querySelector(`+jsStr(failed)+`).textContent`)
	assert.Contains(t, words, "could not be loaded")
	assert.NotContains(t, words, x)

	p.click("tab-tokens")
	require.True(t, p.exists(`#view-tokens [data-testid="lazy-status"][data-state="failed"]`), "the Tokens view does not say it failed: %q", p.mustText("view-tokens"))
	assert.False(t, eval[bool](p, `document.getElementById('view-tokens').hidden`))

	p.click("tab-sign")
	p.setField("nonce", "lazyfails")
	assert.NotEmpty(t, p.mustText("signature"))
}
