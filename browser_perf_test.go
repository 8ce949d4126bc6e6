//go:build !js

package main

// The Sign view with requests too big to show whole, in headless Chromium:
// a 1 MB percent-escaped form body is signed and shown, in part, without
// freezing the tab (no long task over 250 ms, PerformanceObserver
// 'longtask'), every cut says what it cut, and the whole value is still
// one Copy away. How fast a re-sign is lives in make bench
// (browser_perf_bench_test.go), never here: these tests check what happens,
// and the only time they hold is the issue's "never blocks the tab for a
// quarter second", the line between a page and a frozen one.

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// longTaskScript runs before the page's own scripts and keeps every long
// task (over 50 ms, the API's threshold) in __longTasks as {start, ms}.
const longTaskScript = `(() => {
  const tasks = globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
})();`

// withLongTasks is an openPage setup that adds longTaskScript and waits
// for the first signature.
func withLongTasks(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
	_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: longTaskScript})
	return chromedp.Void{}, err
}

type longTask struct {
	Start float64 `json:"start"`
	Ms    float64 `json:"ms"`
}

// inputAndSettle sets the input id to value and fires one input event, as
// a paste does, in a task of its own (so the test's own evaluation is not
// what it measures), then waits until the page has signed it and the
// frame after that has been drawn. It returns the long tasks from the
// input on.
func (p *pageT) inputAndSettle(id, value string) []longTask {
	p.t.Helper()
	before := p.signCount()
	since := eval[float64](p, `(() => { const t = performance.now();
		setTimeout(() => { const el = document.getElementById(`+jsStr(id)+`); el.value = `+jsStr(value)+`;
			el.dispatchEvent(new Event('input', { bubbles: true })); }, 0);
		return t; })()`)
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](
		`document.querySelector('[data-testid="status"]').dataset.signCount !== `+jsStr(before),
		chromedp.WithPollingTimeout(60*time.Second)))
	require.NoError(p.t, err, "the page did not sign the input")
	// Two frames later the render has been laid out and painted.
	eval[chromedp.Void](p, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))`)
	return eval[[]longTask](p, `__longTasks.filter((t) => t.start >= `+jsFloat(since)+`)`)
}

// hugeFormBody is `status=` and 1 MB of `a%20b`: 209 716 escapes in the
// body, twice as many in the base string.
func hugeFormBody() string { return "status=" + strings.Repeat("a%20b", (1<<20)/5+1) }

// TestBrowserPerfHugeFormBodyNoLongTask pastes a 1 MB percent-escaped form
// body into the X example, then makes a one-character edit at its end and
// one in its middle: each is signed as the native signer signs it, and no
// task on the page's main thread, from the input to the frame drawn after
// the render, takes more than 250 ms. Before the cut per card it took
// ~10 s (420 000 nodes, one per escape). On a machine shared with other
// work a task can stall for reasons of its own, so each input gets up to
// three tries (from the same starting point) to stay under the line; a
// page that blocks for longer fails all three.
func TestBrowserPerfHugeFormBodyNoLongTask(t *testing.T) {
	p := openPage(t, withLongTasks)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(chromedp.CSS(readySelector))))

	want := signertest.XExample()
	small := want.Body
	body := hugeFormBody()
	for _, step := range []struct{ name, from, to string }{
		{"paste", small, body},
		{"one more character", body, body + "c"},
		{"one character in the middle", body, body[:1002] + "Z" + body[1003:]},
	} {
		var longest float64
		for try := 1; try <= 3; try++ {
			p.inputAndSettle("body", step.from)
			longest = 0
			for _, lt := range p.inputAndSettle("body", step.to) {
				longest = max(longest, lt.Ms)
			}
			t.Logf("%s, try %d: longest task %.0f ms", step.name, try, longest)
			if longest <= 250 {
				break
			}
		}
		assert.LessOrEqual(t, longest, 250.0, "%s: a task over 250 ms in each of three tries", step.name)
		want.Body = step.to
		res, err := signer.Sign(want.Signer())
		require.NoError(t, err)
		assert.Equal(t, res.Signature, p.mustText("signature"), "%s: the signature on screen", step.name)
		assert.Equal(t, "ok", eval[string](p, `document.querySelector('[data-testid="status"]').dataset.state`))
	}
}

// jsFloat writes f as a JavaScript number.
func jsFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// TestBrowserPerfHugeBodyIsCutAndCopiedWhole checks what the 1 MB body
// leaves on screen: each long value shows its first characters and a note
// "Showing the first N of M characters" with M the value's real length;
// the Copy button in a note copies the whole value; the escapes set apart
// and the page's nodes stay bounded (before the cut: ~420 000 nodes); an
// edit in the part shown is still marked as changed.
func TestBrowserPerfHugeBodyIsCutAndCopiedWhole(t *testing.T) {
	p := openPage(t)
	body := hugeFormBody()
	p.setField("body", body)

	notes := eval[[]map[string]string](p, `[...document.querySelectorAll('[data-testid="cut"]')].map((n) => ({
		where: n.closest('[data-testid]:not([data-testid="cut"])')?.dataset.testid ?? '',
		shown: n.dataset.shown, total: n.dataset.total, text: n.textContent }))`)
	require.NotEmpty(t, notes, "long values say they are cut")
	where := map[string]bool{}
	for _, n := range notes {
		where[n["where"]] = true
		assert.Contains(t, n["text"], "Showing the first "+commas(n["shown"])+" of "+commas(n["total"])+" characters", n["where"])
	}
	for _, id := range []string{"step-request-value", "baseString", "step-parameterString-value", "step-signatureBaseString-value", "output-curl"} {
		assert.True(t, where[id], "%s is cut and says so (cut in: %v)", id, where)
	}

	// The request card's note copies the whole request, body and all.
	eval[chromedp.Void](p, `(() => { globalThis.__copied = null;
		navigator.clipboard.writeText = (text) => { globalThis.__copied = text; return Promise.resolve(); }; })()`)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`[data-testid="step-request-value"] [data-testid="copy-cut"]`))))
	copied := eval[string](p, `globalThis.__copied ?? ''`)
	assert.Len(t, copied, len("POST /1.1/statuses/update.json?include_entities=true HTTP/1.1\nHost: api.x.com\nContent-Type: application/x-www-form-urlencoded\n\n")+len(body))
	assert.True(t, strings.HasSuffix(copied, "\n\n"+body), "Copy gives the whole request")
	total := eval[string](p, `document.querySelector('[data-testid="step-request-value"] [data-testid="cut"]').dataset.total`)
	assert.Equal(t, strconv.Itoa(len(copied)), total, "the note's total is the whole value's length")

	// The base string card's note copies the whole base string.
	require.NoError(t, chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`[data-testid="step-signatureBaseString-value"] [data-testid="copy-cut"]`))))
	base := eval[string](p, `globalThis.__copied ?? ''`)
	assert.True(t, strings.HasPrefix(base, "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&"), "the base string")
	assert.Contains(t, base, "status%3D"+strings.Repeat("a%2520b", 10))
	assert.Greater(t, len(base), len(body), "all of it")

	assert.LessOrEqual(t, eval[int](p, `document.querySelectorAll('.esc').length`), 10000, "escapes set apart")
	assert.Less(t, eval[int](p, `document.getElementsByTagName('*').length`), 20000, "elements in the page")

	// An edit inside the part shown is marked there, cut or not.
	p.setField("body", body[:1002]+"Z"+body[1003:])
	assert.Equal(t, "Z", eval[string](p, `document.querySelector('[data-testid="step-request-value"] mark.delta')?.textContent ?? ''`),
		"the request card marks the changed character")
	assert.True(t, p.exists(`[data-testid="step-request-value"] [data-testid="cut"]`), "and is still cut")
}

// commas writes a number string as toLocaleString('en') does.
func commas(n string) string {
	for i := len(n) - 3; i > 0; i -= 3 {
		n = n[:i] + "," + n[i:]
	}
	return n
}

// TestBrowserPerfEditKeepsWhatDidNotChange edits the nonce of a request
// with 150 query parameters (so every row is in the tables): the cards whose step did not change are the same
// nodes as before, and in the rebuilt tables every row but the nonce's is
// the same node, unmarked, while the nonce's row is new and marked.
func TestBrowserPerfEditKeepsWhatDidNotChange(t *testing.T) {
	p := openPage(t)
	p.setField("url", signertest.ManyParamsURL(150))
	// Tag what every card shows below its heading, and every row, as they
	// are now.
	const shows = `:scope > :not(.step-head):not(.step-explain)`
	eval[chromedp.Void](p, `(() => { let i = 0;
		for (const li of document.querySelectorAll('#steps > li')) for (const n of li.querySelectorAll('`+shows+`')) n.__before = ++i;
		for (const n of document.querySelectorAll('#steps tbody tr')) n.__before = ++i; })()`)
	p.setField("nonce", xNonce+"Q")

	kept := eval[[]string](p, `[...document.querySelectorAll('#steps > li')].filter((li) => [...li.querySelectorAll('`+shows+`')].every((n) => n.__before)).map((li) => li.dataset.step)`)
	assert.Contains(t, kept, "baseStringURI", "the URL's card is kept")
	assert.Contains(t, kept, "signingKey", "the key's card is kept")
	assert.NotContains(t, kept, "signature")

	for _, table := range []string{"parameters", "encoded", "sorted"} {
		type rows struct {
			Total, Kept, Marked int
			New                 []string
		}
		r := eval[rows](p, `(() => { const trs = [...document.querySelectorAll('[data-testid="step-`+table+`-params"] tbody tr')].filter((tr) => !tr.querySelector('.more-rows'));
			const fresh = trs.filter((tr) => !tr.__before);
			return { total: trs.length, kept: trs.length - fresh.length, marked: trs.filter((tr) => tr.classList.contains('changed-row')).length,
				new: fresh.map((tr) => tr.cells[1].textContent + '=' + tr.cells[2].textContent) }; })()`)
		assert.Equal(t, 157, r.Total, "%s: the 150 query rows and the oauth_* ones", table)
		assert.Equal(t, 156, r.Kept, "%s: every row but the nonce's is kept (%d new)", table, len(r.New))
		require.Len(t, r.New, 1, table)
		assert.Contains(t, r.New[0], "Q", "%s: the new row is the nonce's", table)
		assert.Equal(t, 1, r.Marked, "%s: only the nonce's row is marked", table)
	}
	assert.Equal(t, "Q", eval[string](p, `document.querySelector('[data-testid="step-signatureBaseString-value"] mark.delta')?.textContent ?? ''`),
		"the base string marks what changed")
}
