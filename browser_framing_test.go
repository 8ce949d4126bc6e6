//go:build !js

package main

// Finding 4 in Chromium: with -frame-ancestor, the allowed docs origin may
// frame embed.html and nothing else. The headers per path are tested
// without a browser in server_headers_test.go; this proves the browser
// acts on them.

import (
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBrowserFramingFullPageRefusedToAllowedOrigin frames the full page
// (by / and by /index.html#share=…) in a docs page on the origin
// -frame-ancestor allows: Chromium refuses each frame, reporting the
// page's own directive, frame-ancestors 'self', without the docs origin.
// The same docs page may still frame embed.html, whose messages arrive.
func TestBrowserFramingFullPageRefusedToAllowedOrigin(t *testing.T) {
	requireBrowser(t)
	allowed := newDocsHost(t)
	base := startFramedServer(t, allowed.URL)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	violations := recordFrameViolations(ctx)

	for _, src := range []string{base, base + "index.html#share=eyJ2IjoxfQ"} {
		violations.reset()
		allowed.frame(src)
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(allowed.URL)))
		require.Eventually(t, func() bool {
			return len(violations.lines()) > 0
		}, 10*time.Second, 100*time.Millisecond, "framing %s from %s: the browser reports a frame-ancestors violation", src, allowed.URL)
		first := violations.lines()[0]
		assert.Contains(t, first, `"frame-ancestors 'self'"`, "framing %s: the page's directive", src)
		assert.NotContains(t, first, allowed.URL, "framing %s: the docs origin is not in the page's directive", src)
		assert.Empty(t, messages(t, ctx), "framing %s: nothing arrives from a refused frame", src)
	}

	violations.reset()
	allowed.frame(base + "embed.html#preset=x-creating-a-signature&id=playground&origin=" + url.QueryEscape(allowed.URL))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(allowed.URL)))
	waitMessages(t, ctx, `(ms) => ms.length > 0`)
	assert.Empty(t, violations.lines(), "embed.html framed by the allowed origin")
}
