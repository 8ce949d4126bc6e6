//go:build !js

package main

// Finding 4 in Chromium: with -frame-ancestor, the allowed docs origin may
// frame embed.html and nothing else. The headers per path are tested
// without a browser in server_headers_test.go; this proves the browser
// acts on them.

import (
	"context"
	"net/url"
	"strings"
	"sync"
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
	var mu sync.Mutex
	var violations []string
	consoleCtx, stopConsole := context.WithCancel(ctx)
	defer stopConsole()
	record(chromedp.Console(consoleCtx), &mu, &violations, func(m chromedp.ConsoleMessage) []string {
		if strings.Contains(m.Text, "frame-ancestors") {
			return []string{m.Text}
		}
		return nil
	})

	for _, src := range []string{base, base + "index.html#share=eyJ2IjoxfQ"} {
		mu.Lock()
		violations = nil
		mu.Unlock()
		allowed.frame(src)
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(allowed.URL)))
		require.Eventually(t, func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(violations) > 0
		}, 10*time.Second, 100*time.Millisecond, "framing %s from %s: the browser reports a frame-ancestors violation", src, allowed.URL)
		mu.Lock()
		assert.Contains(t, violations[0], `"frame-ancestors 'self'"`, "framing %s: the page's directive", src)
		assert.NotContains(t, violations[0], allowed.URL, "framing %s: the docs origin is not in the page's directive", src)
		mu.Unlock()
		assert.Empty(t, messages(t, ctx), "framing %s: nothing arrives from a refused frame", src)
	}

	mu.Lock()
	violations = nil
	mu.Unlock()
	allowed.frame(base + "embed.html#preset=x-creating-a-signature&id=playground&origin=" + url.QueryEscape(allowed.URL))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(allowed.URL)))
	waitMessages(t, ctx, `(ms) => ms.length > 0`)
	mu.Lock()
	assert.Empty(t, violations, "embed.html framed by the allowed origin")
	mu.Unlock()
}
