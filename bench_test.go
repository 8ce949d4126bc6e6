//go:build bench && !js

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// TestBench is `make bench`: one run that measures what a learner feels,
// and prints one table, also written as Markdown to docs/bench.md. The
// time budgets of the page live here and nowhere else: the functional
// browser tests check what happens, never how fast. The page driving is
// in bench_page_test.go, the table in bench_table_test.go.
//
//   - the wasm builds' sizes: raw (.build/), as a JS module, gzip -9 and
//     brotli (the dist/ variants);
//   - the bytes of a first page load as Chromium receives them from the dev
//     server serving dist/ (brotli), and what the RSA build adds;
//   - navigation → first signature on screen over 10 cold loads;
//   - re-sign + re-render after one input event, for the X example, a
//     1 000-parameter request and a 1 MB JSON body with body hash;
//   - a 1 MB JSON body on one line pasted once (budget: on screen, with
//     the frame after it, within 5 s);
//   - Verify: a pasted curl command to the mistake named (p95 ≤ 50 ms), a
//     keystroke in a curl that matches no mistake to its check and render
//     (p95 ≤ 100 ms), and a pasted server error with debug_sbs judged on
//     its own (max ≤ 1 s);
//   - 200 keys typed fast, and whether the last value is the one signed;
//   - native signer.Sign and in-page oauth1.sign per call, and their ratio.
//
// A missed target is reported, not failed: the README's performance table
// explains each miss. A measurement that cannot be made (the page never signs, or
// signs something other than the native signer) fails the test.
func TestBench(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Fatal("make bench needs Chromium: apt-get install -y chromium")
	}
	for _, f := range []string{"index.html", "signer-lite.wasm.js", "signer-lite.wasm.js.br", "signer.wasm.js.br", "wasm_exec.js"} {
		if _, err := os.Stat(filepath.Join("dist", f)); err != nil {
			t.Fatalf("dist/%s is missing: run make dist (make bench does; .br files need the brotli command)", f)
		}
	}
	started := time.Now()
	var tab benchTable

	// 1. Sizes.
	for _, b := range []struct{ label, wasm, module string }{
		{"lite (starts with the page)", "signer-lite.wasm", "signer-lite.wasm.js"},
		{"full (loaded for RSA)", "signer.wasm", "signer.wasm.js"},
	} {
		raw := benchFileSize(t, filepath.Join(".build", b.wasm))
		mod := benchFileSize(t, filepath.Join("dist", b.module))
		gz := benchFileSize(t, filepath.Join("dist", b.module+".gz"))
		br := benchFileSize(t, filepath.Join("dist", b.module+".br"))
		tab.add("wasm "+b.label, fmt.Sprintf("raw %s · JS module %s · gzip -9 %s · brotli %s",
			benchBytes(raw), benchBytes(mod), benchBytes(gz), benchBytes(br)), "", "")
	}

	base := benchPeerServer(t) // dist/ plus the WebCrypto peer page (bench_peer_test.go)
	root := benchBrowser(t)
	version, err := chromedp.CallBrowser(root, browser.GetVersion, cdp.Empty{})
	require.NoError(t, err)

	// 2. First-load bytes, then what the RSA build adds.
	first := benchFirstLoad(t, root, base)
	tab.add("first page load, compressed", fmt.Sprintf("%s in %d responses (%s)", benchBytes(first.bytes), first.responses, first.wasmEncoding),
		"≤ 850 KB", benchMet(first.bytes <= 850_000))
	tab.add("  … then, once idle after the first signature: the full signer and the hidden views", "+"+benchBytes(first.idleBytes), "", "")
	tab.add("RSA example after that", fmt.Sprintf("+%s; RSA signature rendered %s after Load", benchBytes(first.rsaBytes), benchMs(first.rsaMs)), "", "")

	// 3. Cold loads.
	const coldLoads = 10
	var ready, painted, requested, received []float64
	for range coldLoads {
		c := benchColdLoad(t, root, base)
		ready = append(ready, c.ready)
		painted = append(painted, c.frame)
		requested = append(requested, c.requested)
		received = append(received, c.received)
	}
	t.Logf("cold loads, ms to data-ready: %v", benchRound(ready))
	tab.add(fmt.Sprintf("navigation → first signature (%d cold loads)", coldLoads),
		fmt.Sprintf("median %s · p95 %s", benchMs(benchPct(ready, 0.5)), benchMs(benchPct(ready, 0.95))),
		"median ≤ 200 ms", benchMet(benchPct(ready, 0.5) <= 200))
	tab.add("  … to the next frame after it", fmt.Sprintf("median %s · p95 %s", benchMs(benchPct(painted, 0.5)), benchMs(benchPct(painted, 0.95))), "", "")
	tab.add("  … signer-lite.wasm.js requested → received", fmt.Sprintf("median %s → %s", benchMs(benchPct(requested, 0.5)), benchMs(benchPct(received, 0.5))), "", "")

	// 3b. Side by side with the WebCrypto peer, and a read-only embed. Twice
	// the rounds of 3: the ratios are of two medians, and over 10 rounds the
	// peer's alone moved between 74 and 101 ms from run to run.
	const sideBySideRounds = 2 * coldLoads
	peerRuns := benchSideBySide(t, root, base, sideBySideRounds)
	embed := benchReadOnlyEmbed(t, root, base)
	targetLines := benchPeerRows(&tab, peerRuns, first.bytes, embed)

	// 4, 5, 6 in one warm page.
	ctx := benchPage(t, root, base)
	cases := benchCases()
	for _, c := range cases {
		caseStart := time.Now()
		if c.once {
			// One input event that pastes the whole request.
			s := benchApply(t, ctx, c.req)
			tab.add("re-sign + render, "+c.name, fmt.Sprintf("one paste: work %s · input → frame done %s", benchMs(s.Work), benchMs(s.Painted)),
				"frame done ≤ "+benchMs(c.paintedBudget), benchMet(s.Painted <= c.paintedBudget))
			t.Logf("%s: %v", c.name, time.Since(caseStart).Round(time.Millisecond))
			continue
		}
		benchApply(t, ctx, c.req)
		// 200 measured edits, not 50: with 50 the p95 was the 3rd-worst
		// sample, and where the JIT's tier-up landed in the run decided
		// it (the X example: 2.2-4.6 ms over 8 runs of one build; 200
		// edits of one run: p95 2.10, p99 5.6 ms).
		const warm, events = 5, 200
		samples := benchEdits(t, ctx, c, warm, events, 25*time.Second)
		benchCheckSignature(t, ctx, c.edited(warm+len(samples)-1), c.name+" after the edits")
		work, frame := samples.work(), samples.painted()
		target, met := "", ""
		if c.workTarget > 0 {
			target = "p95 ≤ " + benchMs(c.workTarget)
			met = benchMet(benchPct(work, 0.95) <= c.workTarget)
		}
		tab.add("re-sign + render (work), "+c.name, fmt.Sprintf("p50 %s · p95 %s (%d events)", benchMs(benchPct(work, 0.5)), benchMs(benchPct(work, 0.95)), len(samples)), target, met)
		if c.workTarget > 0 {
			ok := benchPct(work, 0.95) <= c.workTarget
			targetLines = append(targetLines, fmt.Sprintf("- Re-sign + render after one input, %s, p95 ≤ %s: p50 %s, p95 %s — **%s**.", c.name, benchMs(c.workTarget),
				benchMs(benchPct(work, 0.5)), benchMs(benchPct(work, 0.95)), map[bool]string{true: "met", false: "missed"}[ok]))
		}
		tab.add("  input → frame done, "+c.name, fmt.Sprintf("p50 %s · p95 %s", benchMs(benchPct(frame, 0.5)), benchMs(benchPct(frame, 0.95))), "", "")
		t.Logf("%s: %v", c.name, time.Since(caseStart).Round(time.Millisecond))
	}
	cases = slices.DeleteFunc(cases, func(c benchCase) bool { return c.once })

	typed := benchTyping(t, ctx, cases[0].req)
	tab.add("typing: 200 keys into the nonce", fmt.Sprintf("%d input events in %s, %d renders; last value signed: %s", typed.inputs, benchMs(typed.ms), typed.renders, benchYes(typed.signed)),
		"no input dropped", benchMet(typed.signed && typed.inputs == 200))

	verify := benchVerify(t, root, base)
	for _, v := range verify {
		if v.target > 0 {
			tab.add("Verify: "+v.name, fmt.Sprintf("p50 %s · p95 %s · max %s (%d inputs)", benchMs(benchPct(v.ms, 0.5)), benchMs(benchPct(v.ms, 0.95)), benchMs(slices.Max(v.ms)), len(v.ms)),
				"p95 ≤ "+benchMs(v.target), benchMet(benchPct(v.ms, 0.95) <= v.target))
			continue
		}
		tab.add("Verify: paste → "+v.name, fmt.Sprintf("p50 %s · max %s (%d pastes)", benchMs(benchPct(v.ms, 0.5)), benchMs(slices.Max(v.ms)), len(v.ms)),
			"max ≤ 1 s", benchMet(slices.Max(v.ms) <= 1000))
	}

	for _, c := range cases {
		nat := testing.Benchmark(func(b *testing.B) {
			r := c.req.Signer()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := signer.Sign(r); err != nil {
					b.Fatal(err)
				}
			}
		})
		require.Positive(t, nat.N, "native benchmark of %s did not run", c.name)
		nativeNs := float64(nat.T.Nanoseconds()) / float64(nat.N)
		wasmMs := benchWasmCall(t, ctx, c.req)
		tab.add("native Sign, "+c.name, fmt.Sprintf("%s/op · %d allocs/op · %s/op", benchNs(nativeNs), nat.AllocsPerOp(), benchBytes(nat.AllocedBytesPerOp())), "", "")
		tab.add("wasm oauth1.sign, "+c.name, fmt.Sprintf("%s/call · %.1f× native", benchNs(wasmMs*1e6), wasmMs*1e6/nativeNs), "", "")
	}

	machine := fmt.Sprintf("%d CPUs, %s/%s, %s, %s (headless, loopback); %s",
		runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), version.Product, time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Println()
	fmt.Println("make bench on " + machine)
	tab.print(os.Stdout)
	fmt.Printf("measured in %v\n\n", time.Since(started).Round(time.Second))
	for _, l := range targetLines {
		fmt.Println(l)
	}
	require.NoError(t, os.WriteFile(filepath.Join("docs", "bench.md"), []byte(tab.markdown(machine)), 0o644))
	benchReadme(t, tab.rowsMarkdown(), machine, targetLines)
}

// ---- the requests ----

// benchRequest is one request in the JS API's field names, so the same
// value goes to oauth1.sign (JSON), to the page's inputs and to signer.Sign
// (Signer).
type benchRequest = signertest.Request

// benchCase is one of the three requests and how a learner edits it: the
// input with the given id gets prefix + i + suffix on the i-th edit.
type benchCase struct {
	name                  string
	req                   benchRequest
	field, prefix, suffix string
	workTarget            float64 // ms, p95 of the work; 0: none
	once                  bool    // too slow for 200 events: one paste
	paintedBudget         float64 // ms, input → frame done of the one paste
}

func (c benchCase) edited(i int) benchRequest {
	return benchEdited(c.req, c.field, c.prefix+strconv.Itoa(i)+c.suffix)
}

// benchEdited is r with its field (nonce, url or body: what a learner
// edits in the benchmarks) set to v.
func benchEdited(r benchRequest, field, v string) benchRequest {
	switch field {
	case "nonce":
		r.Nonce = v
	case "url":
		r.URL = v
	case "body":
		r.Body = v
	default:
		panic("bench: no field " + field)
	}
	return r
}

// benchX is the page's default request, the X docs example.
func benchX() benchRequest { return signertest.XExample() }

func benchCases() []benchCase {
	x := benchX()

	p := signertest.ManyParams(1000)

	body := func(lines bool) (benchRequest, string) {
		r := signertest.JSONBody(1<<20, lines)
		return r, strings.TrimPrefix(r.Body, signertest.JSONBodyPrefix)
	}
	multi, multiRest := body(true)
	single, singleRest := body(false)

	return []benchCase{
		// Issue 15, point 5: sign + render p95 ≤ 3 ms for the X example, ≤ 30 ms for 1 000 params.
		{name: "X example", req: x, field: "nonce", prefix: x.Nonce, workTarget: 3},
		{name: "1 000 params", req: p, field: "url", prefix: p.URL, workTarget: 30},
		{name: "1 MB JSON body + body hash", req: multi, field: "body", prefix: `{"edit":`, suffix: multiRest},
		{name: "1 MB JSON body on one line (minified)", req: single, field: "body", prefix: `{"edit":`, suffix: singleRest, once: true, paintedBudget: 5000},
	}
}
