//go:build bench && !js

package main

// make bench's numbers and the table they are printed in.

import (
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/stretchr/testify/require"
)

// ---- numbers and the table ----

// benchPct is the nearest-rank percentile p (0.5: the median) of xs.
func benchPct(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

func benchRound(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = math.Round(x*10) / 10
	}
	return out
}

func benchFileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err, "run make dist first")
	return fi.Size()
}

// benchBytes formats a size in decimal units (1 KB = 1 000 B), as the
// issue's targets are.
func benchBytes(n int64) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%.2f MB", float64(n)/1e6)
	case n >= 1_000:
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}

func benchMs(ms float64) string {
	switch {
	case ms < 10:
		return fmt.Sprintf("%.2f ms", ms)
	case ms < 100:
		return fmt.Sprintf("%.1f ms", ms)
	}
	return fmt.Sprintf("%.0f ms", ms)
}

func benchNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return benchMs(ns / 1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func benchMet(ok bool) string { return map[bool]string{true: "met", false: "NOT met"}[ok] }
func benchYes(ok bool) string { return map[bool]string{true: "yes", false: "NO"}[ok] }

type benchTable struct{ rows [][4]string }

func (b *benchTable) add(metric, value, target, met string) {
	if target == "" {
		target = "—"
	}
	if met == "" {
		met = "—"
	}
	b.rows = append(b.rows, [4]string{metric, value, target, met})
}

func (b *benchTable) print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "metric\tvalue\ttarget\tmet")
	for _, r := range b.rows {
		fmt.Fprintln(tw, strings.Join(r[:], "\t"))
	}
	tw.Flush()
}

// rowsMarkdown is the table's rows as a Markdown table.
func (b *benchTable) rowsMarkdown() string {
	var s strings.Builder
	s.WriteString("| metric | value | target | met |\n|---|---|---|---|\n")
	for _, r := range b.rows {
		metric := r[0]
		if strings.HasPrefix(metric, "  ") {
			metric = "&nbsp;&nbsp;" + strings.TrimLeft(metric, " ")
		}
		fmt.Fprintf(&s, "| %s | %s | %s | %s |\n", metric, r[1], r[2], r[3])
	}
	return s.String()
}

func (b *benchTable) markdown(machine string) string {
	var s strings.Builder
	s.WriteString("# `make bench`\n\n")
	s.WriteString("Written by `make bench` (bench_test.go); do not edit by hand.\n\n")
	s.WriteString("Machine: " + machine + ". The page is served from `dist/` by the dev server on loopback, brotli-compressed. 1 KB = 1 000 B.\n\n")
	s.WriteString(b.rowsMarkdown())
	s.WriteString(`
How each number is measured:

- **wasm sizes**: raw from ` + "`.build/*.wasm`" + `; the JS module, gzip -9 and brotli -q 11 files from ` + "`dist/`" + `.
- **first page load**: a tab in a new (incognito) browser context with the HTTP cache off loads the page; the sum of CDP ` + "`Network.loadingFinished`" + ` ` + "`encodedDataLength`" + ` (headers and compressed body) of every response the page asked for until its first live signature was on screen (the status line's ` + "`data-ready`" + `), each counted once it has finished. What it asks for after that, once idle (the full signer ` + "`signer.wasm.js`" + `, and the modules of the views and panels it does not show yet), is counted apart. The RSA row: then Load the RSA-SHA1 example, and the bytes and time until its signature is on screen.
- **side by side with the peer**: the WebCrypto peer page (` + "`testdata/bench-peer/`" + `: plain JS, the same CSP, signs the same X example with WebCrypto HMAC-SHA1) is served by the same dev server from a copy of ` + "`dist/`" + `; each round loads, each in a new browser context, the playground, the peer, the playground with an early edit, and *the floor*: ` + "`index.html`" + ` with its scripts and module preloads taken out, the same stylesheet and CSP, so its signature on screen is what the HTML and CSS cost before any script of ours runs. *In its DOM* is ` + "`performance.now()`" + ` when ` + "`[data-testid=signature]`" + ` first holds the signature ` + "`signer.Sign`" + ` gives (from the page's HTML, the build-time data or a signer), seen by a MutationObserver added before the page's scripts; *its frame drawn* is after the frame that follows, on the main thread (a ` + "`requestAnimationFrame`" + ` callback, then a task); *on screen* is when the browser presented the signature's text: Element Timing's render time for the signature element (the script marks it and its block ` + "`elementtiming`" + ` as soon as they are parsed or inserted), counted only for an entry that intersects the viewport and holds that signature, so raster and the compositor count too, and a signature below the fold never counts. Both pages load at 1280×800, where the playground's signature is on screen when it opens. The targets are judged on screen. *The early edit* types a new nonce in the first frame after the nonce input has a value, and is timed to when the signature for that nonce is in the DOM and its frame drawn (Element Timing times an element's first paint only). Ratios are of medians.
- **read-only embed**: ` + "`embed.html#preset=x-creating-a-signature&readonly=1`" + ` cold, the sum of its responses as for the first load, and every signer module or ` + "`wasm_exec.js`" + ` it requested.
- **navigation → first signature**: 10 loads, each in a new browser context (no HTTP cache, no compiled code); ` + "`performance.now()`" + ` (from navigation start) when the status gets ` + "`data-ready`" + `, seen by a MutationObserver added before the page's scripts; "next frame" is after the frame that follows it; "requested → received" is the resource timing of ` + "`signer-lite.wasm.js`" + `.
- **re-sign + render**: in one warm page (once the full signer, which the page loads when idle after its first signature, has taken over, and a second more), 5 unmeasured then 200 measured edits, each one ` + "`input`" + ` event (the X example's nonce, the 1 000-parameter URL, the body) and one render. *Work* is between the ` + "`oauth1:sign-start`" + ` and ` + "`oauth1:render-end`" + ` User Timing marks of ` + "`signNow`" + ` in ` + "`site/app.js`" + ` (read the inputs, sign, update the DOM); *input → frame done* is from the event to after the frame the render happened in, so it includes the wait for the animation frame and style and layout. Each final signature is checked against ` + "`signer.Sign`" + `. The 1 MB body has one JSON item a line (about 7 500 lines); the minified row is the same body on one line, pasted once (one input event). A case's run stops at 25 s once it has 10 events, so the event count is in the row.
- **Verify: paste → …**: in a warm page of its own, the Verify view with the X example's secrets; each paste is one ` + "`input`" + ` event, timed in the page to the ` + "`data-verify-count`" + ` change that follows it (verdict, diagnosis and diff in the DOM). The curl row: the api.twitter.com example signed with each of four catalogued mistakes, five rounds, each checked to name its mistake; the debug_sbs row: a 401 text quoting the base string without ` + "`include_entities`" + `, after the right request was imported into the Sign view, ten times, each checked to be diagnosed as a dropped query.
- **typing**: ` + "`chromedp.SendKeys`" + ` sends 200 characters as key events into the nonce; the page must receive 200 input events and, after the last, show the signature ` + "`signer.Sign`" + ` gives for the 200-character nonce.
- **native / wasm per call**: ` + "`testing.Benchmark`" + ` of ` + "`signer.Sign`" + `; in the page, ` + "`oauth1.sign`" + ` (lite build) in a loop for at least 500 ms after 3 warm-up calls, including the JS ↔ Go conversion of the request and the result with every step.
`)
	return s.String()
}
