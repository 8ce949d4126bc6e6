package main

// The prerendered worked example (issue 15, points 1 and 2): index.html
// arrives holding the default request, its result and every step card, as
// make build drew them with the page's own render code in Node
// (wasm/internal/pagegen/prerender.mjs); with JavaScript off they are all
// there with the native signer's values; the boot's and the live wasm's
// drawing of them is the same DOM; and what is typed into the arrived
// inputs before the modules run is kept and signed.

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// withoutScripts turns JavaScript off in ctx's page, for every later
// navigation.
func withoutScripts(t *testing.T, ctx *pageT, off bool) {
	t.Helper()
	_, err := chromedp.Call(ctx.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
	require.NoError(t, err)
}

// openWithoutScripts starts the server and a browser with JavaScript off,
// and loads the page as served.
func openWithoutScripts(t *testing.T) (*pageT, string) {
	t.Helper()
	requireBrowser(t)
	base := startServer(t)
	p := &pageT{t: t, ctx: newBrowser(t)}
	withoutScripts(t, p, true)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Navigate(base)))
	return p, base
}

// TestBrowserPrerenderWithoutScript loads the page with JavaScript
// disabled: the signature, base string, Authorization header, the HTTP
// request card and every step card are there, labelled and explained,
// with the values signer.Sign gives natively for the X example, and the
// inputs hold that request, without a secret in any attribute.
func TestBrowserPrerenderWithoutScript(t *testing.T) {
	p, _ := openWithoutScripts(t)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(testid("steps"))))
	assert.False(t, eval[bool](p, `'oauth1' in globalThis || document.getElementById('signer-starting') !== null`), "a page script ran")

	x := signertest.XExample()
	res, err := signer.Sign(x.Signer())
	require.NoError(t, err)
	assert.Equal(t, x.URL, p.value("url"), "the inputs hold the X example")
	assert.Equal(t, x.Nonce, p.value("nonce"))
	assert.Equal(t, x.Body, p.value("body"))
	assert.Equal(t, "POST", p.value("method"))
	assert.Equal(t, "HMAC-SHA1", p.value("signatureMethod"))
	assert.Empty(t, p.value("consumerSecret"), "no secret in the HTML")
	html := eval[string](p, `document.documentElement.outerHTML`)
	for _, secret := range []string{x.ConsumerSecret, x.TokenSecret} {
		require.NotEmpty(t, secret)
		assert.False(t, strings.Contains(html, secret), "a secret is in the page as served")
	}

	assert.False(t, eval[bool](p, `document.getElementById('result').hidden`), "the result is shown")
	assert.Equal(t, res.Signature, p.mustText("signature"))
	assert.Equal(t, res.SignatureBaseString, p.mustText("baseString"))
	assert.Equal(t, res.AuthorizationHeader, p.mustText("authorization"))
	assert.Equal(t, "true", eval[string](p, `document.getElementById('preset-check').dataset.match`), "the published signature matches")
	assert.Contains(t, eval[string](p, `document.querySelector('[data-testid="step-request-value"]').textContent`), "POST /1.1/statuses/update.json?include_entities=true HTTP/1.1")
	assert.True(t, eval[bool](p, `document.getElementById('steps-placeholder').hidden`))
	assert.NotEmpty(t, strings.TrimSpace(p.mustText("status")), "the status line says where the result came from")

	ids := eval[[]string](p, `[...document.querySelectorAll('#steps > li')].map((li) => li.dataset.step)`)
	var want []string
	compared := 0
	for _, s := range res.Steps {
		want = append(want, s.ID)
		sel := `#steps > li[data-step="` + s.ID + `"]`
		assert.NotEmpty(t, strings.TrimSpace(eval[string](p, `document.querySelector('`+sel+` .step-title')?.textContent ?? ''`)), "step %s has its title", s.ID)
		assert.NotEmpty(t, strings.TrimSpace(eval[string](p, `document.querySelector('`+sel+` .step-explain')?.textContent ?? ''`)), "step %s has its explanation", s.ID)
		if s.Secret || s.Value == "" || !p.exists(`[data-testid="step-`+s.ID+`-value"]`) {
			continue
		}
		assert.Equal(t, s.Value, p.mustText("step-"+s.ID+"-value"), "step %s", s.ID)
		compared++
	}
	assert.Equal(t, want, ids, "every step card, in the signer's order")
	assert.GreaterOrEqual(t, compared, 4, "step values compared")
	params := eval[string](p, `document.querySelector('[data-testid="step-parameters-params"]')?.textContent ?? ''`)
	for _, prm := range res.Parameters {
		assert.Contains(t, params, prm.Name, "the parameter table")
	}
}

// prerenderedParts is the DOM the prerender writes and the live render
// redraws, as the browser serialises it: #result (its slots and example
// check inside), #request-card and #steps. Compared with the live
// render's, one thing may differ and is taken out: #result's data-source
// attribute ("generated" while the build's result is shown; removed once
// the signer's replaces it). The status line (its words say where the
// result came from) is not compared.
const prerenderedParts = `(() => ['result', 'request-card', 'steps'].map((id) => {
	const node = document.getElementById(id).cloneNode(true);
	node.removeAttribute('data-source');
	return node.outerHTML;
}))()`

// TestBrowserPrerenderIsTheLiveRender compares the prerendered DOM as
// served (JavaScript off) with the same nodes after the boot has drawn the
// example again and the wasm signer has signed the default request: the
// same, modulo what prerenderedParts takes out. The live values are the
// wasm's; the served ones the native signer's through the page's code in
// the DOM shim.
func TestBrowserPrerenderIsTheLiveRender(t *testing.T) {
	p, base := openWithoutScripts(t)
	served := eval[[]string](p, prerenderedParts)
	withoutScripts(t, p, false)
	require.NoError(t, navigateReady(p.ctx, base))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById('result').dataset.source === undefined`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the signer's result did not replace the build's")
	live := eval[[]string](p, prerenderedParts)
	require.Len(t, served, 3)
	for i, name := range []string{"#result", "#request-card", "#steps"} {
		assert.True(t, served[i] == live[i], "%s as served differs from the live render:\n%s", name, firstDifference(served[i], live[i]))
	}
	assert.Equal(t, eval[string](p, `import('./engine.js').then((e) => import('./form.js').then((f) => e.sign(f.readRequest()).signature))`), p.mustText("signature"), "the live signature is the wasm's")
}

// firstDifference shows where two long texts part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-120)
	return "served: …" + a[from:min(len(a), i+120)] + "\nlive:   …" + b[from:min(len(b), i+120)]
}

// heldModule is a proxy in front of the dev server that holds the
// requests for the paths of held (each until its release) and passes the
// rest.
type heldModule struct {
	URL   string
	gates map[string]chan struct{}
	once  map[string]*sync.Once
}

func newHeldModules(t *testing.T, base string, paths ...string) *heldModule {
	t.Helper()
	h := &heldModule{gates: map[string]chan struct{}{}, once: map[string]*sync.Once{}}
	for _, p := range paths {
		h.gates[p] = make(chan struct{})
		h.once[p] = &sync.Once{}
	}
	proxy, closeIdle := proxyTo(t, base)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if gate, ok := h.gates[r.URL.Path]; ok {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		proxy.ServeHTTP(w, r)
	})}
	ln := listenLoopback(t)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		for p := range h.gates {
			h.release(p)
		}
		_ = srv.Close()
		closeIdle()
	})
	h.URL = "http://" + ln.Addr().String() + "/"
	return h
}

func (h *heldModule) release(path string) { h.once[path].Do(func() { close(h.gates[path]) }) }

// TestBrowserPrerenderKeepsEarlyTyping holds app.js and the signer back,
// types a nonce into the arrived page's nonce input (key events, before
// any of the page's modules ran), then lets app.js run: the typed nonce
// is still in the input, the build's result is dimmed and the status
// line says the edit is kept; once the signer arrives, the typed nonce is
// what is signed.
func TestBrowserPrerenderKeepsEarlyTyping(t *testing.T) {
	requireBrowser(t)
	held := newHeldModules(t, startServer(t), "/app.js", "/signer-lite.wasm.js")
	p := &pageT{t: t, ctx: newBrowser(t)}
	// Navigated by hand and polled: chromedp's Navigate waits for
	// DOMContentLoaded, which waits for the held app.js.
	_, err := chromedp.Call(p.ctx, page.Navigate, page.NavigateParams{URL: held.URL})
	require.NoError(t, err)
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById('nonce')?.value !== '' && document.readyState !== 'loading'`, chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(t, err, "the page did not arrive")
	assert.Equal(t, "generated", eval[string](p, `document.getElementById('result').dataset.source`), "the prerendered example is there before app.js")
	assert.False(t, eval[bool](p, `document.getElementById('signer-starting') !== null`), "app.js ran although it is held")

	const typed = "earlytyped42"
	eval[chromedp.Void](p, `(() => { const n = document.getElementById('nonce'); n.focus(); n.select(); })()`)
	_, err = chromedp.Call(p.ctx, input.InsertText, input.InsertTextParams{Text: typed})
	require.NoError(t, err)
	require.Equal(t, typed, p.value("nonce"))

	held.release("/app.js")
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById('signer-starting') !== null && document.getElementById('result').classList.contains('stale')`, chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(t, err, "after the boot the build's result is not dimmed for the kept edit")
	assert.Equal(t, typed, p.value("nonce"), "the boot overwrote what was typed")
	assert.Equal(t, "starting", eval[string](p, `document.getElementById('status').dataset.state`), "the status line says the edit is kept")
	assert.False(t, p.exists(readySelector))

	held.release("/signer-lite.wasm.js")
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector('`+readySelector+`') !== null && document.getElementById('result').dataset.source === undefined && !document.getElementById('result').classList.contains('stale')`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "the kept edit was not signed once the signer ran")
	assert.Equal(t, typed, p.value("nonce"))
	assert.Contains(t, p.mustText("baseString"), "oauth_nonce%3D"+typed, "the typed nonce is what was signed")
	live := eval[string](p, `import('./engine.js').then((e) => import('./form.js').then((f) => e.sign(f.readRequest()).signature))`)
	assert.Equal(t, live, p.mustText("signature"))
	assert.NotEqual(t, eval[string](p, `import('./presets-data.js').then((m) => m.signedPresets['x-creating-a-signature'].result.signature)`), live)
	// No secret went into an attribute on the way.
	assert.Equal(t, 0, eval[int](p, `document.querySelectorAll('[data-secret][value]').length`))
}
