package main

// The first paint (issue 15, points 1-3): the worked example make build
// signed with the native Go signer is on screen before the wasm has
// arrived, edits made meanwhile are kept and signed once it runs, the
// generated values are the wasm's, read-only embeds never load the signer
// and editable ones start it one at a time, when seen or focused.

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// heldSigner is a proxy in front of the dev server that holds every
// request for a signer module until release is called: the page with a
// signer that takes as long as the test wants to arrive.
type heldSigner struct {
	URL       string
	requested chan struct{} // closed at the first signer request
	once      sync.Once
	gate      chan struct{}
	free      sync.Once
}

func newHeldSigner(t *testing.T, base string) *heldSigner {
	t.Helper()
	return newProxy(t, base, nil)
}

// newProxy is newHeldSigner that also serves pages (path → HTML) itself,
// without the server's headers: a docs page of the playground's origin.
func newProxy(t *testing.T, base string, pages map[string]string) *heldSigner {
	t.Helper()
	h := &heldSigner{requested: make(chan struct{}), gate: make(chan struct{})}
	proxy, closeIdle := proxyTo(t, base)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if page, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(page))
			return
		}
		if strings.HasSuffix(r.URL.Path, ".wasm.js") {
			h.once.Do(func() { close(h.requested) })
			select {
			case <-h.gate:
			case <-r.Context().Done():
				return
			}
		}
		proxy.ServeHTTP(w, r)
	})}
	ln := listenLoopback(t)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { h.release(); _ = srv.Close(); closeIdle() })
	h.URL = "http://" + ln.Addr().String() + "/"
	return h
}

// proxyTo is a reverse proxy to the dev server at base with a transport of
// its own, and the function that closes that transport's idle connections.
// A test's proxy calls it when it closes: the dev server's shutdown (5 s)
// waits on every open connection, and one the transport dialed but never
// used counts as new there until it is 5 s old.
func proxyTo(t *testing.T, base string) (*httputil.ReverseProxy, func()) {
	t.Helper()
	target, err := url.Parse(base)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(target)
	transport := &http.Transport{}
	proxy.Transport = transport
	return proxy, transport.CloseIdleConnections
}

func (h *heldSigner) release() { h.free.Do(func() { close(h.gate) }) }

// sortedJSON is a JS function giving a value's JSON with object keys
// sorted, so that two result trees compare as texts.
const sortedJSON = `(v) => JSON.stringify(v, (k, x) => x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x)`

// TestBrowserFirstPaintBeforeSigner holds the signer module back: the
// worked example's signature, every step card and the labels are on
// screen anyway, the signer was requested at once, the status line does
// not say ready, an edit made meanwhile dims the result and is kept, the
// inputs say the signer is starting, and once the module arrives the edit
// is signed.
func TestBrowserFirstPaintBeforeSigner(t *testing.T) {
	requireBrowser(t)
	held := newHeldSigner(t, startServer(t))
	ctx := newBrowser(t)
	p := &pageT{t: t, ctx: ctx}
	// Polled by hand: chromedp's waits also wait for the load event, which
	// waits for the held signer the page preloads.
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(held.URL)))
	painted := false
	for deadline := time.Now().Add(15 * time.Second); !painted && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#result[data-source="generated"]') !== null`))
		painted = err == nil && v
	}
	require.True(t, painted, "the worked example is not on screen while the signer is held back")
	var err error
	select {
	case <-held.requested:
	case <-time.After(5 * time.Second):
		t.Fatal("the page did not request the signer while painting the example")
	}

	want := eval[map[string]any](p, `import('./presets-signed.js').then((m) => m.signedPresets['x-creating-a-signature'].result)`)
	assert.Equal(t, want["signature"], strings.TrimSpace(p.mustText("signature")))
	steps := want["steps"].([]any)
	assert.Equal(t, len(steps), eval[int](p, `document.querySelectorAll('#steps > li').length`), "every step card")
	assert.False(t, p.exists(readySelector), "the status line must not say ready before the signer runs")
	assert.NotEmpty(t, strings.TrimSpace(eval[string](p, `document.getElementById('inputs-heading').textContent`)), "labels and headings are filled")
	assert.NotEmpty(t, eval[string](p, `document.querySelector('label[for="url"]').textContent`))
	assert.Equal(t, 0, eval[int](p, `[...document.querySelectorAll('#steps > li')].filter((li) => li.textContent.trim() === '').length`), "no empty step card")
	assert.True(t, p.exists(`[data-testid="signer-starting"]`), "the inputs say the signer is starting")

	// An edit before the signer runs is kept, and the old result dimmed.
	const edited = "https://api.x.com/1.1/statuses/update.json?include_entities=false"
	eval[chromedp.Void](p, `(() => { const el = document.getElementById('url'); el.value = `+jsStr(edited)+`;
		el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('result').classList.contains('stale')`, chromedp.WithPollingTimeout(5*time.Second)))
	require.NoError(t, err, "the generated result is not dimmed after an edit")
	assert.Equal(t, edited, p.value("url"))

	held.release()
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById('result').classList.contains('stale') && !document.getElementById('result').dataset.source`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the edit was not signed once the signer ran")
	assert.Equal(t, edited, p.value("url"))
	assert.NotEqual(t, want["signature"], strings.TrimSpace(p.mustText("signature")), "the signature on screen is the edited request's")
	live := eval[string](p, `import('./engine.js').then((e) => import('./form.js').then((f) => e.sign(f.readRequest()).signature))`)
	assert.Equal(t, live, strings.TrimSpace(p.mustText("signature")))
	assert.False(t, p.exists(`[data-testid="signer-starting"]`), "the starting note stays after the signer runs")
}

// TestBrowserFirstPaintOtherExampleLoadsOnDemand holds the signer back:
// the first paint did not request presets-signed.js (every preset's
// generated answer; the default's is in presets-data.js), and choosing
// another example before the signer runs loads it and paints that
// example's generated result.
func TestBrowserFirstPaintOtherExampleLoadsOnDemand(t *testing.T) {
	requireBrowser(t)
	held := newHeldSigner(t, startServer(t))
	ctx := newBrowser(t)
	p := &pageT{t: t, ctx: ctx}
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(held.URL)))
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#result[data-source="generated"]') !== null`, chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(t, err, "the worked example is not on screen while the signer is held back")
	loaded := `performance.getEntriesByType('resource').some((e) => e.name.endsWith('/presets-signed.js'))`
	assert.False(t, eval[bool](p, loaded), "the first paint loaded every preset's answer")

	const id = "x-hmac-sha256"
	eval[chromedp.Void](p, `(() => { const s = document.getElementById('preset'); s.value = `+jsStr(id)+`; s.dispatchEvent(new Event('change', { bubbles: true })); })()`)
	want := eval[string](p, `import('./presets-signed.js').then((m) => m.signedPresets[`+jsStr(id)+`].result.signature)`)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#result[data-source="generated"]') !== null && document.querySelector('[data-testid="signature"]').textContent.trim() === `+jsStr(want),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the chosen example's generated result is not on screen before the signer runs")
	assert.True(t, eval[bool](p, loaded))
	assert.False(t, p.exists(readySelector), "the status line must not say ready before the signer runs")
}

// TestBrowserFirstPaintIsTheWasms compares, for every preset, the result
// make build generated with what the wasm's oauth1.sign returns for the
// same request (the full build for RSA), and checks that the page's form,
// with the preset loaded, reads exactly the request it was generated for
// (so the page would show it).
func TestBrowserFirstPaintIsTheWasms(t *testing.T) {
	p := openPage(t)
	ids := eval[[]string](p, `import('./presets.js').then((m) => m.presets.map((x) => x.id))`)
	require.NotEmpty(t, ids)
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			q := p.p(t)
			got := eval[[]string](q, `(async () => {
				const sorted = `+sortedJSON+`;
				const e = await import('./engine.js');
				const { signedPresets } = await import('./presets-signed.js');
				const { request, result } = signedPresets[`+jsStr(id)+`];
				let live;
				for (let i = 0; i < 400; i++) {
					live = e.sign(request);
					if (!live.loading) break;
					await new Promise((r) => setTimeout(r, 50));
				}
				return [sorted(result), sorted(live)];
			})()`)
			assert.Equal(t, got[0], got[1], "generated and wasm results differ")
			assert.Contains(t, got[0], `"ok":true`)
			eval[chromedp.Void](q, `(() => { const s = document.getElementById('preset'); s.value = `+jsStr(id)+`; document.getElementById('load-preset').click(); })()`)
			assert.True(t, eval[bool](q, `Promise.all([import('./first-paint.js'), import('./form.js')]).then(async ([fp, f]) => { await fp.loadSigned(); return fp.generatedResult(`+jsStr(id)+`, f.readRequest()) !== null; })`),
				"the page's form does not read the request %s was generated for", id)
		})
	}
}

// TestBrowserEmbedReadonlyNoSigner opens read-only embeds of an HMAC and
// an RSA example: each shows the generated signature and never requests a
// signer module or wasm_exec.js.
func TestBrowserEmbedReadonlyNoSigner(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	for _, id := range []string{"x-creating-a-signature", "oauthnet-rsa-sha1"} {
		t.Run(id, func(t *testing.T) {
			ctx := newBrowser(t)
			l := watchNetwork(ctx, t)
			p := embedPage(t, ctx, base, "#preset="+id+"&readonly=1")
			want := eval[string](p, `import('./presets-signed.js').then((m) => m.signedPresets[`+jsStr(id)+`].result.signature)`)
			assert.Equal(t, want, strings.TrimSpace(p.mustText("signature")))
			time.Sleep(1500 * time.Millisecond) // time for a late load to show up
			requests, _ := l.snapshot()
			require.Contains(t, requests, base+"embed.js", "the recorder saw the frame load")
			for _, u := range requests {
				assert.NotContains(t, u, ".wasm.js", "a read-only embed loaded the signer")
				assert.NotContains(t, u, "wasm_exec.js", "a read-only embed loaded the Go runtime")
			}
			assert.False(t, eval[bool](p, `'oauth1' in globalThis`))
		})
	}
}

// docsPageWithFrames is a docs page of the playground's origin with five editable embeds
// in view and a sixth far below the fold.
const docsPageWithFrames = `<!doctype html><html><head><meta charset="utf-8"><title>docs</title></head><body>
<iframe id="f0" src="embed.html#preset=x-creating-a-signature&id=f0" width="600" height="90"></iframe>
<iframe id="f1" src="embed.html#preset=x-twitter-1-1&id=f1" width="600" height="90"></iframe>
<iframe id="f2" src="embed.html#preset=rfc-3-4-1&id=f2" width="600" height="90"></iframe>
<iframe id="f3" src="embed.html#preset=rfc-plaintext&id=f3" width="600" height="90"></iframe>
<iframe id="f4" src="embed.html#preset=oauthnet-appendix-a5&id=f4" width="600" height="90"></iframe>
<div style="height:6000px"></div>
<iframe id="f5" src="embed.html#preset=x-hmac-sha256&id=f5" width="600" height="90"></iframe>
<div style="height:6000px"></div>
<iframe id="f6" src="embed.html#preset=x-hmac-sha512&id=f6" width="600" height="90"></iframe>
</body></html>
`

// TestBrowserEmbedsStartOneAtATime serves a docs page with six editable
// embeds: the five in view start their signer one after another (no two
// start intervals overlap, navigator.locks), the one below the fold starts
// only once scrolled into view.
func TestBrowserEmbedsStartOneAtATime(t *testing.T) {
	requireBrowser(t)
	docs := newProxy(t, startServer(t), map[string]string{"/docs.html": docsPageWithFrames})
	docs.release()
	ctx := newBrowser(t)
	p := &pageT{t: t, ctx: ctx}
	// Headless Chromium's page is never focused, so focus events would
	// not fire without this.
	_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(docs.URL+"docs.html")))

	const frames = `[0, 1, 2, 3, 4].map((i) => document.getElementById('f' + i).contentDocument?.querySelector('[data-testid="status"]'))`
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](frames+`.every((s) => s && s.dataset.engine === 'ready')`, chromedp.WithPollingTimeout(60*time.Second)))
	require.NoError(t, err, "the five embeds in view did not all start their signer")
	spans := eval[[][]float64](p, frames+`.map((s) => [Number(s.dataset.engineStartAt), Number(s.dataset.engineReadyAt)]).sort((a, b) => a[0] - b[0])`)
	require.Len(t, spans, 5)
	for i := 1; i < len(spans); i++ {
		assert.GreaterOrEqual(t, spans[i][0], spans[i-1][1], "two embeds started their signer at once: %v", spans)
	}

	below := `document.getElementById('f5').contentDocument?.querySelector('[data-testid="status"]')?.dataset.engine ?? ''`
	assert.Equal(t, "", eval[string](p, below), "the embed below the fold started its signer before it was seen")
	eval[chromedp.Void](p, `document.getElementById('f5').scrollIntoView()`)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(`+below+`) === 'ready'`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the embed scrolled into view did not start its signer")

	// The last one, still out of view, starts on its first focus.
	focused := `document.getElementById('f6').contentDocument?.querySelector('[data-testid="status"]')?.dataset.engine ?? ''`
	assert.Equal(t, "", eval[string](p, focused), "an embed out of view started its signer")
	eval[chromedp.Void](p, `(() => { const d = document.getElementById('f6').contentDocument; d.getElementById('embed-edit').open = true;
		d.getElementById('url').focus({ preventScroll: true }); })()`)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(`+focused+`) === 'ready'`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the embed did not start its signer on its first focus")
}

// listenLoopback listens on a random loopback port.
func listenLoopback(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return ln
}

// TestBrowserModulesPreloaded loads the page and a read-only embed and
// checks, from the DevTools protocol's requests in the order they were
// sent, that every module they fetched was asked for before their entry
// scripts (the HTML parser's modulepreload links come first), except what
// engine.js imports on demand (the signer and the Go runtime): no module
// of the first paint is discovered one import level at a time, after the
// module that imports it.
func TestBrowserModulesPreloaded(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	onDemand := []string{"wasm_exec.js", "signer-lite.wasm.js", "signer.wasm.js", "signer-sizes.js"}
	for _, tc := range []struct {
		url, entry string
		lazy       []string // imported on demand (site/lazy.js), and once idle after the first signature
	}{
		{base, "guard.js", lazyModules},
		{base + "embed.html#preset=x-creating-a-signature&readonly=1", "embed.js", nil},
	} {
		ctx := newBrowser(t)
		var mu sync.Mutex
		var seen []string
		record(chromedp.Events(ctx, network.RequestWillBeSent), &mu, &seen, func(ev network.EventRequestWillBeSent) []string {
			return []string{ev.Request.URL}
		})
		_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
		require.NoError(t, err)
		require.NoError(t, navigateReady(ctx, tc.url))
		time.Sleep(500 * time.Millisecond)
		mu.Lock()
		requested := append([]string(nil), seen...)
		mu.Unlock()
		entryAt := slices.Index(requested, base+tc.entry)
		require.GreaterOrEqual(t, entryAt, 0, "the recorder did not see %s", tc.entry)
		modules := 0
		for i, u := range requested {
			name := strings.TrimPrefix(u, base)
			if !strings.HasSuffix(name, ".js") || slices.Contains(onDemand, name) || slices.Contains(tc.lazy, name) || strings.Contains(" guard.js app.js embed.js ", " "+name+" ") {
				continue
			}
			modules++
			assert.Less(t, i, entryAt, "%s: %s was requested after the entry script: discovered by an import, not preloaded", tc.url, name)
		}
		assert.Greater(t, modules, 10, "the recorder saw the page's modules")
	}
}

// TestBrowserFirstFrameCardBodies: until the page is idle after its first
// live signature (here never: requestIdleCallback does nothing), index.html's
// <html data-first-frame> gives every step card's body, and only its body,
// content-visibility: auto, so the first frame lays out only the cards near
// the viewport. Never the card itself or its head: that style containment
// would scope the step counter to each card and number every step 1. Once
// idle, the attribute goes and every card is laid out as usual.
func TestBrowserFirstFrameCardBodies(t *testing.T) {
	type styles struct {
		Cards, Heads, Bodies []string
		Attr                 bool
	}
	read := func(p *pageT) styles {
		return eval[styles](p, `(() => {
			const cv = (els) => [...new Set([...els].map((e) => getComputedStyle(e).contentVisibility))];
			return { cards: cv(document.querySelectorAll('.step')), heads: cv(document.querySelectorAll('.step > .step-head')),
				bodies: cv(document.querySelectorAll('.step > :not(.step-head)')),
				attr: document.documentElement.hasAttribute('data-first-frame') };
		})()`)
	}
	held := openPage(t, noIdle())
	require.NoError(t, chromedp.Do(held.ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
	assert.Greater(t, eval[int](held, `document.querySelectorAll('#steps > .step').length`), 5, "the X example's cards")
	assert.Equal(t, styles{Cards: []string{"visible"}, Heads: []string{"visible"}, Bodies: []string{"auto"}, Attr: true}, read(held),
		"before the page is idle, only the cards' bodies are skipped off screen")

	idle := openPage(t)
	assert.Equal(t, styles{Cards: []string{"visible"}, Heads: []string{"visible"}, Bodies: []string{"visible"}, Attr: false}, read(idle),
		"once idle, every card is laid out as usual")
}

// TestBrowserBootAfterFirstPaint: app.js's boot, which draws index.html's
// worked example again (dropPrerendered empties the step list first), runs
// only once the browser has presented the example the page arrived with
// (its first-contentful-paint entry exists), so the boot's work never
// delays that frame; and the boot does run, and signs.
func TestBrowserBootAfterFirstPaint(t *testing.T) {
	recorder := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
			const w = globalThis.__boot = { dropped: false, paintedBefore: null };
			new MutationObserver((records) => {
				for (const r of records) {
					if (w.dropped || r.target.id !== 'steps' || r.removedNodes.length === 0) continue;
					w.dropped = true;
					w.paintedBefore = performance.getEntriesByName('first-contentful-paint').length > 0;
					w.at = performance.now();
				}
			}).observe(document, { subtree: true, childList: true });
		})();`})
		return chromedp.Void{}, err
	}
	p := openPage(t, recorder)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))
	type boot struct {
		Dropped       bool
		PaintedBefore *bool
	}
	yes := true
	assert.Equal(t, boot{Dropped: true, PaintedBefore: &yes}, eval[boot](p, `globalThis.__boot`),
		"the boot emptied the arrived step list only after the first contentful paint (%v)",
		eval[map[string]any](p, `({ emptiedAt: globalThis.__boot.at, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime })`))
}
