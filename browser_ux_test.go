//go:build !js

package main

// Browser tests of the page's layout and words (issue 14): the "Keys and
// secrets" primer readable at every width, one real-credential warning per
// view and only for secrets, the banner that collapses until the next load,
// the jump link to the visible view's result, each view's own status
// sentence, the providers' names as hints, the three-state theme toggle and
// the Example menu after Clear.

import (
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

// setViewport resizes the page's viewport and waits two frames, so the
// layout has settled.
func (p *pageT) setViewport(width, height int64) {
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
			p.setViewport(w.width, w.height)
			eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
			problems := eval[[]string](p, coveredJS+`('#primer h2, #primer dt, #primer dd, #primer p, #primer h3', '#primer')`)
			assert.Empty(t, problems, "parts of the primer are covered")

			eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
			p.click("primer-link")
			eval[chromedp.Void](p, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`)
			assert.Equal(t, "", eval[string](p, inViewJS+`('#primer-heading')`), "after the primer link, its heading")
		})
	}
}
