//go:build !js

package main

// The Tokens view's consumer secret gets the real-credential warning, as
// the Sign view's does: one for the view, referred to by the input, gone
// again for the demo app's published secret and after Clear.

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBrowserTokensRealSecretWarning(t *testing.T) {
	p := tokensPage{openPage(t)}
	p.click("tab-tokens")
	assert.Empty(t, p.realWarnings("#view-tokens"), "the demo app's published secret is no real one")
	realSecret := "Zq8" + strings.Repeat("k3Vb9XwT2m", 4) + "Lp7Rt9X" // 50: an X API Key Secret
	p.uxSetField("tokens-consumerSecret", realSecret)
	assert.Equal(t, []string{"real-warning-tokens-consumerSecret"}, p.realWarnings("#view-tokens"), "one warning for the Tokens view")
	assert.True(t, p.exists(`#tokens-consumerSecret[aria-describedby~="real-warning-tokens-consumerSecret"]`), "the input refers to it")
	assert.True(t, p.exists(`#tokens-consumerSecret[aria-describedby~="hint-tokens-consumerSecret"]`), "and still to its hint")
	assert.Empty(t, p.realWarnings("#view-sign"), "the Sign view has none")
	assert.Empty(t, eval[[]string](p.pageT, idProblems))

	p.tclick("tokens-use-demo")
	assert.Empty(t, p.realWarnings("#view-tokens"), "the demo secret again: no warning")
	p.uxSetField("tokens-consumerSecret", realSecret)
	assert.NotEmpty(t, p.realWarnings("#view-tokens"))
	p.click("clear")
	assert.Empty(t, p.realWarnings("body"), "Clear empties the secret, and the warning goes")
}
