//go:build !js

package main

// The browser test harness: starting the dev server and headless Chromium,
// pageT (one loaded page and the actions the tests take on it), and the
// constants several browser test files share. The tests themselves are in
// browser_*_test.go, one file per area of the page; every Chromium test is
// named TestBrowser…. Every wait is on an attribute the page changes
// (data-sign-count, data-verify-count, data-ready), never a sleep.

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The X docs' "Creating a signature" example, api.x.com/1.1 edition
// (https://docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature):
// the page's default request, and the published example secrets, which
// every edition of the page prints. See docs/architecture.md, "Test vectors
// and their sources".
const (
	xSignature      = "Ls93hJiZbQ3akF3HF3x1Bz8/zU4="
	xBaseString     = "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
	xURL            = "https://api.x.com/1.1/statuses/update.json?include_entities=true"
	xConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	xTokenSecret    = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	xNonce          = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"
)

// readySelector matches the status line once the signer has started and
// the page has signed (or failed to sign) its first request.
const readySelector = `[data-testid="status"][data-ready]`

// secretsInPage returns every place the page still holds text: the DOM as
// HTML, every form control's value, and all visible text.
const secretsInPage = `(() => [document.documentElement.outerHTML, document.body.innerText,
	...[...document.querySelectorAll('input, textarea, select')].map((el) => el.value)].join('\n'))()`

// requireBrowser skips the test under -short (the hermetic suite) and when
// Chromium is missing, or fails it when REQUIRE_BROWSER=1 (as CI sets), so
// a missing install cannot pass quietly. Outside -short it also fails when
// make build has not written the generated files the page needs.
func requireBrowser(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: a browser test, which needs Chromium and the files make build writes")
	}
	if _, err := exec.LookPath("chromium"); err != nil {
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatal("REQUIRE_BROWSER=1 but chromium is not on PATH: apt-get install -y chromium")
		}
		t.Skip("BROWSER TEST SKIPPED: chromium is not on PATH (apt-get install -y chromium)")
	}
	for _, f := range requiredFiles {
		if _, err := os.Stat(filepath.Join("site", f)); err != nil {
			t.Fatalf("site/%s is missing: run make build first (make test does)", f)
		}
	}
}

// startServer runs the real dev server on a random loopback port, serving
// site/, and returns its base URL. It stops when the test ends.
func startServer(t *testing.T) string {
	t.Helper()
	return startServerWith(t, "-dir", "site")
}

// startServerWith is startServer with the given flags after -addr.
func startServerWith(t *testing.T, flags ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	args := append([]string{"-addr", "127.0.0.1:0"}, flags...)
	go func() {
		done <- run(ctx, args, io.Discard, io.Discard, func(u string) { urls <- u })
	}()
	t.Cleanup(func() {
		cancel()
		assert.NoError(t, <-done)
	})
	select {
	case u := <-urls:
		return u
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start within 10s")
	}
	return ""
}

// newBrowser starts headless Chromium for one test, for at most 90 s.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx, cancelTimeout := context.WithTimeout(startBrowser(t), 90*time.Second)
	t.Cleanup(cancelTimeout)
	return ctx
}

// startBrowser starts headless Chromium, stopped when the test ends.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	return ctx
}

// testid selects the element with the data-testid id.
func testid(id string) chromedp.CSS { return chromedp.CSS(`[data-testid="` + id + `"]`) }

// navigateReady loads url in a fresh document (about:blank first, so a
// fragment-only change still reloads) and waits for the page's first
// signature.
func navigateReady(ctx context.Context, url string) error {
	if err := chromedp.Do(ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS(readySelector)),
	); err != nil {
		return err
	}
	return waitSettled(ctx)
}

// waitLazy waits until no view or panel the page loads on demand (site/lazy.js,
// which names them in <html data-lazy-loading>) is still loading.
func waitLazy(ctx context.Context) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.documentElement.hasAttribute('data-lazy-loading')`, chromedp.WithPollingTimeout(20*time.Second)))
	return err
}

// waitSettled is waitLazy, then waits until the page has laid out every
// step card as usual: index.html arrives with <html data-first-frame>,
// under which the cards' bodies are laid out only near the viewport, and
// first-paint.js releaseFirstFrame takes it away once the page is idle.
func waitSettled(ctx context.Context) error {
	if err := waitLazy(ctx); err != nil {
		return err
	}
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.documentElement.hasAttribute('data-first-frame')`, chromedp.WithPollingTimeout(20*time.Second)))
	return err
}

// pageT is one loaded page in one browser.
type pageT struct {
	t   *testing.T
	ctx context.Context
}

// openPage starts the server and a browser, loads the page and waits for
// the first signature. setup, if given, runs before navigation (for
// example to add a script that runs before the page's own), and then the
// test waits for what it expects itself.
func openPage(t *testing.T, setup ...chromedp.Action[chromedp.Void]) *pageT {
	t.Helper()
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, setup...))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base)))
	p := &pageT{t: t, ctx: ctx}
	if len(setup) == 0 {
		require.NoError(t, chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
		require.NoError(t, waitSettled(ctx))
	}
	return p
}

// p returns the page bound to a subtest's t.
func (p *pageT) p(t *testing.T) *pageT { return &pageT{t: t, ctx: p.ctx} }

// eval runs a JavaScript expression in the page and decodes its result.
func eval[T any](p *pageT, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	require.NoError(p.t, err, "evaluating %s", expr)
	return v
}

// text returns the textContent of the element with the test id, or "" and
// false when there is none.
func (p *pageT) text(id string) (string, bool) {
	p.t.Helper()
	s := eval[*string](p, `document.querySelector('[data-testid=`+jsStr(id)+`]')?.textContent ?? null`)
	if s == nil {
		return "", false
	}
	return *s, true
}

// mustText is text for an element that must exist.
func (p *pageT) mustText(id string) string {
	p.t.Helper()
	s, ok := p.text(id)
	require.True(p.t, ok, "no element with data-testid %q", id)
	return s
}

// exists reports whether an element matches the CSS selector.
func (p *pageT) exists(selector string) bool {
	p.t.Helper()
	return eval[bool](p, `document.querySelector(`+jsStr(selector)+`) !== null`)
}

// value is the value of the form control with the element id.
func (p *pageT) value(id string) string {
	p.t.Helper()
	return eval[string](p, `document.getElementById(`+jsStr(id)+`).value`)
}

// signCount is the status line's data-sign-count: how often the page signed.
func (p *pageT) signCount() string {
	p.t.Helper()
	return eval[string](p, `document.querySelector('[data-testid="status"]').dataset.signCount`)
}

// afterSign runs act, then waits until the page has signed again.
func (p *pageT) afterSign(act func()) {
	p.t.Helper()
	before := p.signCount()
	act()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](
		`document.querySelector('[data-testid="status"]').dataset.signCount !== `+jsStr(before),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(p.t, err, "the page did not sign again")
}

// loadPreset picks a preset in the menu and presses "Load example".
func (p *pageT) loadPreset(id string) {
	p.t.Helper()
	p.afterSign(func() {
		ok := eval[bool](p, `(() => { const s = document.getElementById('preset'); s.value = `+jsStr(id)+`;
			if (s.value !== `+jsStr(id)+`) return false; document.getElementById('load-preset').click(); return true; })()`)
		require.True(p.t, ok, "no preset %q in the menu", id)
	})
}

// setField sets an input's value as typing would, firing an input event,
// and waits for the page to sign again.
func (p *pageT) setField(id, value string) {
	p.t.Helper()
	p.afterSign(func() {
		eval[chromedp.Void](p, `(() => { const el = document.getElementById(`+jsStr(id)+`); el.value = `+jsStr(value)+`;
			el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	})
}

// click clicks the element with the test id.
func (p *pageT) click(id string) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.Click(testid(id))))
	require.NoError(p.t, waitLazy(p.ctx), "a part the click loads did not finish loading")
}

// reveal presses the reveal button of a masked value, if it is masked.
func (p *pageT) reveal(name string) {
	p.t.Helper()
	if p.exists(`[data-testid="` + name + `-masked"]`) {
		p.click(name + "-reveal")
	}
}

// pagehide sends the page the event a browser sends when it leaves it.
func (p *pageT) pagehide() {
	p.t.Helper()
	eval[chromedp.Void](p, `window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }))`)
}

// stored is how many entries localStorage, sessionStorage and cookies hold
// together.
func (p *pageT) stored() int {
	p.t.Helper()
	return eval[int](p, `localStorage.length + sessionStorage.length + document.cookie.length`)
}

// startURL is the base URL of the server a pageT was opened on.
func startURL(t *testing.T, p *pageT) string {
	t.Helper()
	return eval[string](p, `location.origin`) + "/"
}

// jsStr quotes s as a JavaScript string literal (JSON is a subset of
// JavaScript for strings, newlines included).
func jsStr(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
