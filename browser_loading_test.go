//go:build !js

package main

// Tests of the signer's loading (issue 14 "While the signer loads", issue 15
// point 4): the status line shows each stage of the first signer with its
// size, the first RSA use says what it loads and how big, and the full
// build comes when the Verify view opens or once the page is idle.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadingRecorder runs before the page's scripts: it records every text
// and data-loading stage of the Sign view's status line, every text of the
// Verify view's (which no painted result speaks over), and, when noIdle,
// replaces requestIdleCallback with one that never calls back, so the
// full build loads only when something asks for it.
func loadingRecorder(noIdle bool) chromedp.Action[chromedp.Void] {
	src := `(() => {
  globalThis.__loading = { texts: [], stages: [], verify: [] };
  const note = () => {
    const s = document.querySelector('[data-testid="status"]');
    const v = document.querySelector('[data-testid="verify-status"]');
    const l = globalThis.__loading;
    if (v && l.verify[l.verify.length - 1] !== v.textContent) l.verify.push(v.textContent);
    if (!s) return;
    if (l.texts[l.texts.length - 1] !== s.textContent) l.texts.push(s.textContent);
    const st = s.dataset.loading;
    if (st && l.stages[l.stages.length - 1] !== st) l.stages.push(st);
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`
	if noIdle {
		src += "\nglobalThis.requestIdleCallback = () => 0;"
	}
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return chromedp.Void{}, err
	}
}

// builtSize is the size words strings.js gives the gzip size make build
// wrote into site/signer-sizes.js for build.
func builtSize(t *testing.T, build string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("site", "signer-sizes.js"))
	require.NoError(t, err, "run make build")
	m := regexp.MustCompile(`"` + build + `": Object\.freeze\(\{ bytes: \d+, gzip: (\d+) \}\)`).FindSubmatch(b)
	require.NotNil(t, m, "no %s size in signer-sizes.js", build)
	n, err := strconv.Atoi(string(m[1]))
	require.NoError(t, err)
	if n >= 1e6 {
		return fmt.Sprintf(" (up to %.1f MB)", float64(n)/1e6)
	}
	return fmt.Sprintf(" (up to %d KB)", (n+500)/1000)
}

// slowLite holds back the first signer's module by ms, so a module the page
// loads on demand (site/lazy.js) is there while the signer still downloads.
func slowLite(ms float64) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{URLPattern: "*://*:*/signer-lite.wasm.js", Latency: ms, DownloadThroughput: -1, UploadThroughput: -1}},
		})
		return chromedp.Void{}, err
	}
}

func TestBrowserLoadingProgress(t *testing.T) {
	// The Verify view, opened by the address (its module loads at once),
	// has a status line no painted result speaks over.
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, loadingRecorder(true), slowLite(800)))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"#view=verify"), chromedp.WaitReady(chromedp.CSS(readySelector))))
	p := &pageT{t: t, ctx: ctx}
	verify := eval[[]string](p, `globalThis.__loading.verify`)
	stages := eval[[]string](p, `globalThis.__loading.stages`)
	assert.Contains(t, verify, "Downloading the signer"+builtSize(t, "lite")+"…", "the status said how big the signer is: %q", verify)
	assert.Contains(t, verify, "Starting the signer…", "%q", verify)
	assert.Equal(t, []string{"downloading", "starting", "ready"}, stages, "the Sign view's status followed every stage")
	texts := eval[[]string](p, `globalThis.__loading.texts`)
	assert.NotContains(t, texts, "Starting the signer…", "the Sign view's status keeps speaking of the example painted before the signer: %q", texts)

	// A fresh page in the Sign view: nothing asks for the full signer yet.
	p = openPage(t, loadingRecorder(true))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
	assert.Equal(t, "lite", eval[string](p, `oauth1.build`), "nothing asked for the full signer yet")

	// The first RSA use says what it loads and how big, then signs.
	p.loadPreset("oauthnet-rsa-sha1")
	texts = eval[[]string](p, `globalThis.__loading.texts`)
	want := "Loading the RSA signer" + builtSize(t, "full")
	found := false
	for _, s := range texts {
		found = found || strings.Contains(s, want)
	}
	assert.True(t, found, "the first RSA use said %q: %q", want, texts)
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`oauth1.build === 'full' && document.querySelector('[data-testid="status"]').dataset.state === 'ok'`,
		chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "the RSA example was not signed by the full signer")
}

// TestBrowserLoadingFullOnVerify: opening the Verify view loads the full
// signer (the lite one signs only), and so does an idle page after its
// first signature.
func TestBrowserLoadingFullOnVerify(t *testing.T) {
	p := openPage(t, loadingRecorder(true))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
	time.Sleep(500 * time.Millisecond)
	require.Equal(t, "lite", eval[string](p, `oauth1.build`), "with no idle time, nothing loads the full signer")
	p.click("tab-verify")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`oauth1.build === 'full'`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "opening Verify did not load the full signer")

	idle := openPage(t, loadingRecorder(false))
	require.NoError(t, chromedp.Do(idle.ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
	_, err = chromedp.Run(idle.ctx, chromedp.Poll[bool](`oauth1.build === 'full'`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "an idle page did not load the full signer")
}

// TestBrowserSignerStartsBeforeApp blocks app.js and checks that the lite
// signer still starts (its Go program registers oauth1.sign): the page's
// early signer-start.js starts it as soon as engine.js has come, not once
// app.js and its imports have run. And the embed, whose read-only frames
// must never load the signer, does not run signer-start.js.
func TestBrowserSignerStartsBeforeApp(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: base + "app.js", Block: true}}})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base)))
	p := &pageT{t: t, ctx: ctx}
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`typeof globalThis.oauth1?.sign === 'function'`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the signer did not start while app.js was blocked")
	assert.Equal(t, "0", eval[string](p, `document.querySelector('[data-testid=status]').dataset.signCount`), "app.js did not run, so nothing signed")

	embed, err := os.ReadFile(filepath.Join("site", "embed.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(embed), "signer-start.js", "a read-only embed must never load the signer")
}
