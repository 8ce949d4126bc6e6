//go:build !js

package main

// Browser tests of the page's layout and words (issue 14): the "Keys and
// secrets" primer readable at every width, one real-credential warning per
// view and only for secrets, the banner that collapses until the next load,
// the jump link to the visible view's result, each view's own status
// sentence, the providers' names as hints, the three-state theme toggle and
// the Example menu after Clear.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// uxWidths are the viewports a layout test checks: a desktop and a phone.
var uxWidths = []struct {
	name          string
	width, height int64
}{
	{"1280", 1280, 800},
	{"390", 390, 844},
}

// uxViewport resizes the page's viewport and waits two frames, so the
// layout has settled.
func (p *pageT) uxViewport(width, height int64) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.EmulateViewport(width, height)))
	eval[chromedp.Void](p, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`)
}

// coveredJS is a JavaScript function (selector, container) that scrolls
// each element of selector into the middle of the viewport in turn and
// returns where document.elementFromPoint finds something outside
// container over it: points near both ends and the middle of its first and
// last line, each problem as "start of its text at x,y: what covers it".
const coveredJS = `(async (selector, container) => {
	const box = document.querySelector(container);
	const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
	const out = [];
	for (const node of document.querySelectorAll(selector)) {
		node.scrollIntoView({ block: 'center', behavior: 'instant' });
		await frame();
		const r = node.getBoundingClientRect();
		const name = node.textContent.slice(0, 30);
		if (r.width === 0 || r.height === 0) { out.push(name + ': not laid out'); continue; }
		const xs = [r.left + 3, r.left + r.width / 2, r.right - 3];
		const ys = [r.top + Math.min(6, r.height / 2), r.bottom - Math.min(6, r.height / 2)];
		for (const x of xs) for (const y of ys) {
			if (y < 0 || y >= innerHeight || x < 0 || x >= innerWidth) { out.push(name + ': outside the viewport'); continue; }
			const hit = document.elementFromPoint(x, y);
			if (!hit || !box.contains(hit)) {
				out.push(name + ' at ' + Math.round(x) + ',' + Math.round(y) + ': ' +
					(hit ? hit.tagName.toLowerCase() + '.' + hit.className + '#' + hit.id : 'nothing'));
			}
		}
	}
	return out;
})`

// inViewJS is a JavaScript function (selector) that says whether the
// element's box is in the viewport and its middle and left end are the
// element itself (or inside it), so nothing covers it.
const inViewJS = `((selector) => {
	const node = document.querySelector(selector);
	const r = node.getBoundingClientRect();
	if (r.height === 0 || r.top < 0 || r.bottom > innerHeight) return 'not in the viewport: top ' + Math.round(r.top) + ', bottom ' + Math.round(r.bottom) + ' of ' + innerHeight;
	for (const x of [r.left + 3, r.left + r.width / 2]) {
		const hit = document.elementFromPoint(x, r.top + r.height / 2);
		if (!hit || !node.contains(hit)) return 'covered at ' + Math.round(x) + ' by ' + (hit ? hit.tagName.toLowerCase() + '.' + hit.className + '#' + hit.id : 'nothing');
	}
	return '';
})`

// TestBrowserUXPrimerVisible checks that no other panel covers any part of
// the "Keys and secrets" primer, at desktop and phone widths, and that the
// toolbar's link to it lands on its heading, in view and uncovered.
func TestBrowserUXPrimerVisible(t *testing.T) {
	p := openPage(t)
	for _, w := range uxWidths {
		t.Run(w.name, func(t *testing.T) {
			p := p.p(t)
			p.uxViewport(w.width, w.height)
			eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
			// The fix must keep the desktop layout: Request beside the result.
			beside := eval[bool](p, `document.querySelector('#view-sign .inputs').getBoundingClientRect().right <
				document.querySelector('#view-sign .outputs').getBoundingClientRect().left`)
			assert.Equal(t, w.width >= 960, beside, "the Request panel beside the result at %d px", w.width)
			problems := eval[[]string](p, coveredJS+`('#primer h2, #primer dt, #primer dd, #primer p, #primer h3', '#primer')`)
			assert.Empty(t, problems, "parts of the primer are covered")

			eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
			p.click("primer-link")
			eval[chromedp.Void](p, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`)
			assert.Equal(t, "", eval[string](p, inViewJS+`('#primer-heading')`), "after the primer link, its heading")

			// The Verify view's sticky panel neither.
			p.click("tab-verify")
			problems = eval[[]string](p, coveredJS+`('#primer h2, #primer dt, #primer dd, #primer p, #primer h3', '#primer')`)
			assert.Empty(t, problems, "Verify view: parts of the primer are covered")
			eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
			p.click("tab-sign")
		})
	}
}

// uxSetField sets an input's value as typing would and fires an input
// event, without waiting for a signature (the Verify view's inputs).
func (p *pageT) uxSetField(id, value string) {
	p.t.Helper()
	eval[chromedp.Void](p, `(() => { const el = document.getElementById(`+jsStr(id)+`); el.value = `+jsStr(value)+`;
		el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
}

// realWarnings lists the test ids of the real-credential warnings inside
// the element matching scope.
func (p *pageT) realWarnings(scope string) []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll(`+jsStr(scope+` .real-warning`)+`)].map((w) => w.dataset.testid)`)
}

// TestBrowserUXOneCredentialWarningPerView checks that only secrets get the
// real-credential warning (the consumer key and the token are sent with
// every request), that a view shows one warning however many of its
// secrets look real, naming each kind and described to each input, and that
// the Verify view has its own.
func TestBrowserUXOneCredentialWarningPerView(t *testing.T) {
	p := openPage(t)
	realKey := "Qw3" + strings.Repeat("eR5tY7uI9o", 2) + "Pa"         // 25: an X API Key
	realToken := "1234567890-" + strings.Repeat("Ab3", 13) + "x"      // an X Access Token
	realSecret := "Zq8" + strings.Repeat("k3Vb9XwT2m", 4) + "Lp7Rt9X" // 50: an X API Key Secret
	realTokenSecret := "Ht4" + strings.Repeat("nM8qY2cK5w", 4) + "Jd" // 45: an X Access Token Secret

	p.setField("consumerKey", realKey)
	p.setField("token", realToken)
	assert.Empty(t, p.realWarnings("body"), "no warning for the consumer key or the token")

	p.setField("consumerSecret", realSecret)
	p.setField("tokenSecret", realTokenSecret)
	assert.Equal(t, []string{"real-warning-consumerSecret"}, p.realWarnings("#view-sign"), "one warning for the Sign view")
	assert.Contains(t, p.mustText("real-warning-consumerSecret"), "real secrets, in more than one field here")
	for _, id := range []string{"consumerSecret", "tokenSecret"} {
		assert.True(t, p.exists(`#`+id+`[aria-describedby~="real-warning-consumerSecret"]`), "%s refers to the warning", id)
	}

	// An RSA method hides the HMAC secrets: no warning for them; back to
	// HMAC, it returns.
	p.setField("signatureMethod", "RSA-SHA1")
	assert.Empty(t, p.realWarnings("#view-sign"), "no warning for secrets in hidden fields")
	p.setField("signatureMethod", "HMAC-SHA1")
	assert.Equal(t, []string{"real-warning-consumerSecret"}, p.realWarnings("#view-sign"))

	// The first secret back to the example's: the warning moves to the other.
	p.setField("consumerSecret", xConsumerSecret)
	assert.Equal(t, []string{"real-warning-tokenSecret"}, p.realWarnings("#view-sign"))
	assert.False(t, p.exists(`#consumerSecret[aria-describedby~="real-warning-tokenSecret"]`))
	assert.False(t, p.exists(`[aria-describedby~="real-warning-consumerSecret"]`), "no reference to the warning that went")
	assert.Contains(t, p.mustText("real-warning-tokenSecret"), "X Access Token Secret")

	// The Verify view: its own one warning, for both its secrets.
	p.click("tab-verify")
	p.uxSetField("verify-consumerSecret", realSecret)
	p.uxSetField("verify-tokenSecret", realTokenSecret)
	assert.Equal(t, []string{"real-warning-verify-consumerSecret"}, p.realWarnings("#view-verify"), "one warning for the Verify view")
	assert.Equal(t, []string{"real-warning-tokenSecret"}, p.realWarnings("#view-sign"), "the Sign view's stays")
	assert.Equal(t, 1, eval[int](p, `[...document.querySelectorAll('.real-warning')].filter((w) => w.getClientRects().length > 0).length`),
		"one warning in sight")

	p.click("clear")
	assert.Empty(t, p.realWarnings("body"), "Clear empties the secrets, and the warnings go")
}

// TestBrowserUXBannerCollapses checks that the warning banner collapses to
// its title with its button, expands again, and comes back whole on the
// next load (nothing is stored).
func TestBrowserUXBannerCollapses(t *testing.T) {
	p := openPage(t)
	bodyShown := func() bool {
		return eval[bool](p, `document.querySelector('[data-testid="warning-body"]').getClientRects().length > 0`)
	}
	height := func() float64 {
		return eval[float64](p, `document.querySelector('[data-testid="warning"]').getBoundingClientRect().height`)
	}
	p.uxViewport(390, 844)
	require.True(t, bodyShown())
	assert.Equal(t, "true", eval[string](p, `document.getElementById('warning-collapse').getAttribute('aria-expanded')`))
	full := height()

	p.click("warning-collapse")
	assert.False(t, bodyShown(), "collapsed: the body is hidden")
	assert.Less(t, height(), full/2, "collapsed, the banner takes less than half its height")
	assert.NotEmpty(t, strings.TrimSpace(eval[string](p, `document.querySelector('[data-testid="warning"] .warning-title').textContent`)), "the title stays")
	assert.Equal(t, "false", eval[string](p, `document.getElementById('warning-collapse').getAttribute('aria-expanded')`))
	assert.Equal(t, 0, p.stored(), "collapsing stores nothing")

	p.click("warning-collapse")
	assert.True(t, bodyShown(), "expanded again")
	p.click("warning-collapse")

	require.NoError(t, navigateReady(p.ctx, startURL(t, p)))
	assert.True(t, bodyShown(), "the next load shows the whole banner")
}

// TestBrowserUXJumpLinkFollowsView checks on a phone-sized viewport that the
// toolbar's jump link brings the visible view's result into view: the Sign
// view's result heading, and in the Verify view the verdict.
func TestBrowserUXJumpLinkFollowsView(t *testing.T) {
	p := openPage(t)
	p.uxViewport(390, 844)
	inView := func(selector string) string { return eval[string](p, inViewJS+`(`+jsStr(selector)+`)`) }

	eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
	require.NotEqual(t, "", inView("#result-heading"), "the result starts out of view on a phone")
	p.click("jump-link")
	assert.Equal(t, "", inView("#result-heading"), "Sign view: the result heading")
	assert.Equal(t, "result-heading", eval[string](p, `document.activeElement.id`), "the focus goes with it")

	eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
	p.click("tab-verify")
	p.afterVerify(func() { p.click("verify-example") })
	assert.Equal(t, "Jump to the verdict", p.mustText("jump-link"))
	eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
	require.NotEqual(t, "", inView(`[data-testid="verdict"]`), "the verdict starts out of view on a phone")
	p.click("jump-link")
	assert.Equal(t, "", inView(`[data-testid="verdict"]`), "Verify view: the verdict")
	assert.Equal(t, "", inView("#verdict-heading"), "and its heading")

	p.click("tab-sign")
	assert.Equal(t, "Jump to the result", p.mustText("jump-link"))
}

// TestBrowserUXStatusSpeaksOfItsView checks that the Verify view shows no
// sentence of the Sign view's status line, and the Sign view its own.
func TestBrowserUXStatusSpeaksOfItsView(t *testing.T) {
	p := openPage(t)
	shown := `document.body.innerText`
	assert.Contains(t, eval[string](p, shown), "Every change to the request is signed in this tab.")
	p.click("tab-verify")
	text := eval[string](p, shown)
	assert.NotContains(t, text, "Every change")
	assert.NotContains(t, text, "signed in this tab")
	assert.NotEmpty(t, strings.TrimSpace(p.mustText("verify-status")), "the Verify view's own status line speaks")
	assert.True(t, eval[bool](p, `document.querySelector('[data-testid="verify-status"]').getClientRects().length > 0`))
	p.click("tab-sign")
	assert.Contains(t, eval[string](p, shown), "Every change to the request is signed in this tab.")
}

// TestBrowserUXFieldHintsAndPrimerWords checks that each credential field's
// hint gives X's name for it, and that the primer says PLAINTEXT sends the
// secrets themselves.
func TestBrowserUXFieldHintsAndPrimerWords(t *testing.T) {
	p := openPage(t)
	hint := func(field string) string {
		return eval[string](p, `(() => { const input = document.getElementById(`+jsStr(field)+`);
			return (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
				.map((id) => document.getElementById(id)?.textContent ?? '').join(' '); })()`)
	}
	for field, name := range map[string]string{
		"consumerKey":    "X: API Key.",
		"consumerSecret": "X: API Key Secret.",
		"token":          "X: Access Token ",
		"tokenSecret":    "X: Access Token Secret ",
	} {
		assert.Contains(t, hint(field), name, "%s's hint, as its input describes it", field)
	}
	terms := eval[map[string]string](p, `Object.fromEntries([...document.querySelectorAll('#primer-terms dt')]
		.map((dt) => [dt.firstChild.textContent, dt.nextElementSibling.textContent]))`)
	var consumerSecret string
	for term, text := range terms {
		if strings.HasPrefix(term, "Consumer secret") {
			consumerSecret = text
		}
	}
	assert.Contains(t, consumerSecret, "PLAINTEXT is the exception: it sends the consumer secret itself (and the token secret)")
}

// TestBrowserUXThemeThreeStates checks that the theme toggle goes from the
// system's setting to the other theme, to the system's theme chosen
// explicitly, and back to following the system, storing nothing.
func TestBrowserUXThemeThreeStates(t *testing.T) {
	p := openPage(t)
	state := func() [2]string {
		return [2]string{
			eval[string](p, `document.getElementById('theme-toggle').dataset.themeChoice`),
			eval[string](p, `document.documentElement.dataset.theme ?? ''`),
		}
	}
	system := "light"
	if eval[bool](p, `matchMedia('(prefers-color-scheme: dark)').matches`) {
		system = "dark"
	}
	other := map[string]string{"light": "dark", "dark": "light"}[system]
	assert.Equal(t, [2]string{"system", ""}, state())
	assert.Equal(t, "Theme: system", p.mustText("theme-toggle"))
	p.click("theme-toggle")
	assert.Equal(t, [2]string{other, other}, state())
	assert.Equal(t, "Theme: "+other, p.mustText("theme-toggle"))
	p.click("theme-toggle")
	assert.Equal(t, [2]string{system, system}, state())
	p.click("theme-toggle")
	assert.Equal(t, [2]string{"system", ""}, state(), "back to the system's setting")
	assert.Equal(t, 0, p.stored())
}

// TestBrowserUXClearResetsExampleMenu checks that after "Clear everything"
// the Example menu names no example, and loading one names it again.
func TestBrowserUXClearResetsExampleMenu(t *testing.T) {
	p := openPage(t)
	selected := func() string {
		return eval[string](p, `(() => { const s = document.getElementById('preset'); return s.value + '|' + s.selectedOptions[0].textContent; })()`)
	}
	require.Equal(t, "x-creating-a-signature", strings.Split(selected(), "|")[0])
	p.click("clear")
	assert.Equal(t, "|— choose an example —", selected())
	assert.Empty(t, p.mustText("preset-source"))

	p.loadPreset("rfc-plaintext")
	assert.Equal(t, "rfc-plaintext", strings.Split(selected(), "|")[0])
}
