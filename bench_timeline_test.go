//go:build bench && !js

package main

// A diagnostic beside make bench: where a cold load's first paint spends
// its time.

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestBenchFirstPaintTimeline loads dist/ cold six times, alternating with
// the WebCrypto peer, and prints the median request → response end of every
// resource (resource timing), the page's User Timing marks, the long tasks
// of the first load, and how often signer-lite.wasm.js was fetched (a
// second request, by a preload or a retry, would show 2): the waterfall
// the first paint waits on. It asserts only that each load shows the
// signature; the numbers are for reading (go test -tags bench -run
// TestBenchFirstPaintTimeline -v .), make bench owns the targets.
func TestBenchFirstPaintTimeline(t *testing.T) {
	base := benchPeerServer(t)
	root := benchBrowser(t)
	want, edited := benchSignature(t, ""), benchSignature(t, benchEarlyNonce)
	type row struct {
		name       string
		start, end []float64
	}
	rows := map[string]*row{}
	var shown, peer, ready, framed, peerFramed []float64
	for i := 0; i < 6; i++ {
		ctx, stop := benchTab(t, root, time.Minute)
		for _, src := range []string{benchWatch(want, edited, false), benchLongScript} {
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
			require.NoError(t, err)
		}
		require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(benchViewport[0], benchViewport[1]), chromedp.Navigate(base)))
		_, err := chromedp.Run(ctx, chromedp.Poll[bool]("globalThis.__watch.framed >= 0 && __bench.ready >= 0", chromedp.WithPollingTimeout(30*time.Second)))
		require.NoError(t, err)
		type res struct {
			Name  string  `json:"name"`
			Start float64 `json:"start"`
			End   float64 `json:"end"`
		}
		type all struct {
			Res    []res   `json:"res"`
			N      int     `json:"n"`
			Shown  float64 `json:"shown"`
			Framed float64 `json:"framed"`
			Ready  float64 `json:"ready"`
			Marks  []res   `json:"marks"`
			Long   []res   `json:"long"`
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[all](`({
			n: performance.getEntriesByType('resource').filter(e => e.name.endsWith('signer-lite.wasm.js')).length, res: performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).map(e => ({name: e.name.replace(/.*\//, ''), start: e.startTime, end: e.responseEnd})),
			shown: __watch.shown, framed: __watch.framed, ready: __bench.ready,
			marks: performance.getEntriesByType('mark').concat(performance.getEntriesByType('paint')).map(e => ({name: e.name, start: e.startTime, end: e.startTime})).concat([{name: 'domInteractive', start: performance.getEntriesByType('navigation')[0].domInteractive, end: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd}]),
			long: (globalThis.__long || []).map(e => ({name: 'long', start: e.startTime, end: e.startTime + e.duration})),
		})`))
		require.NoError(t, err)
		stop()
		shown = append(shown, got.Shown)
		framed = append(framed, got.Framed)
		ready = append(ready, got.Ready)
		for _, r := range append(got.Res, got.Marks...) {
			if rows[r.Name] == nil {
				rows[r.Name] = &row{name: r.Name}
			}
			rows[r.Name].start = append(rows[r.Name].start, r.Start)
			rows[r.Name].end = append(rows[r.Name].end, r.End)
		}
		t.Logf("signer-lite.wasm.js fetched %d time(s)", got.N)
		require.Equal(t, 1, got.N, "the signer module was requested more than once")
		if i == 0 {
			for _, l := range got.Long {
				t.Logf("long task %.0f → %.0f", l.Start, l.End)
			}
		}
		p := benchPeerLoad(t, root, base+"peer.html", benchWatch(want, edited, false), "w.framed >= 0")
		peer = append(peer, p["shown"])
		peerFramed = append(peerFramed, p["framed"])
	}
	var list []*row
	for _, r := range rows {
		list = append(list, r)
	}
	sort.Slice(list, func(i, j int) bool { return benchPct(list[i].start, .5) < benchPct(list[j].start, .5) })
	for _, r := range list {
		fmt.Printf("%-28s %7.1f → %7.1f\n", r.name, benchPct(r.start, .5), benchPct(r.end, .5))
	}
	fmt.Printf("framed median %.1f %v, peer framed %.1f %v\n", benchPct(framed, .5), benchRound(framed), benchPct(peerFramed, .5), benchRound(peerFramed))
	fmt.Printf("shown median %.1f %v\nready median %.1f\npeer median %.1f %v\n", benchPct(shown, .5), benchRound(shown), benchPct(ready, .5), benchPct(peer, .5), benchRound(peer))
}

const benchLongScript = `(() => { const l = globalThis.__long = []; new PerformanceObserver((x) => l.push(...x.getEntries())).observe({ type: 'longtask', buffered: true }); })();`
