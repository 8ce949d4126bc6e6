//go:build !js

package main

// Every id in the page is unique once the Tokens view has drawn its legs
// with the Sign view's cards, and every id reference (aria-labelledby,
// aria-describedby, aria-controls, label for) names exactly one element.

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// idProblems lists the ids used more than once and the references that do
// not resolve to exactly one element, as "kind: id" lines.
const idProblems = `(() => {
  const out = [];
  const seen = new Map();
  for (const n of document.querySelectorAll('[id]')) seen.set(n.id, (seen.get(n.id) ?? 0) + 1);
  for (const [id, count] of seen) if (count > 1) out.push('duplicate ' + count + 'x: ' + id);
  const count = (id) => seen.get(id) ?? 0;
  for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
    for (const n of document.querySelectorAll('[' + attr + ']')) {
      for (const id of n.getAttribute(attr).split(/\s+/).filter(Boolean)) {
        if (count(id) !== 1) out.push(attr + ' -> ' + id + ' (' + count(id) + ')');
      }
    }
  }
  return out;
})()`

// TestBrowserTokensUniqueIDs walks the callback flow (Sign's cards shown
// too, the worked example signed) and checks the ids after every leg.
func TestBrowserTokensUniqueIDs(t *testing.T) {
	p := openTokens(t, "callback")
	assert.Empty(t, eval[[]string](p.pageT, idProblems), "at the first leg")
	walkCallback(t, p)
	assert.Empty(t, eval[[]string](p.pageT, idProblems), "after the flow")
	// Secrets revealed in both views: the masked blocks' ids too.
	p.click("tab-sign")
	for _, sel := range []string{`#view-sign [data-testid$="-reveal"]`, `#view-tokens [data-testid$="-reveal"]`} {
		eval[[]string](p.pageT, `[...document.querySelectorAll(`+jsStr(sel)+`)].map((b) => { b.click(); return b.dataset.testid; })`)
	}
	assert.Empty(t, eval[[]string](p.pageT, idProblems), "with every secret revealed")
}

// TestBrowserTokensUniqueIDsBearer does the same for the bearer flow.
func TestBrowserTokensUniqueIDsBearer(t *testing.T) {
	p := openTokens(t, "bearer")
	assert.Empty(t, eval[[]string](p.pageT, idProblems), "at the first leg")
}
