//go:build !js

package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDistOnPlainStaticHost serves dist/ with a bare file server (no CSP
// or other headers, as a static host would) and checks the page still
// signs: the meta CSP travels with the files, and the wasm needs no fetch.
func TestDistOnPlainStaticHost(t *testing.T) {
	requireBrowser(t)
	if _, err := os.Stat(filepath.Join("dist", "signer.wasm.js")); err != nil {
		t.Fatal("dist/ is missing: run make dist first (make test does)")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir("dist")))
	defer srv.Close()
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/index.html"),
		chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
	))
	sig, err := chromedp.Run(ctx, chromedp.TextContent(testid("signature")))
	require.NoError(t, err)
	assert.Equal(t, xSignature, sig)
	blocked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
		try { await fetch('/index.html'); return false } catch (e) { return true }
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.True(t, blocked, "the meta CSP blocks fetch even with no header")

	// dist holds the site's files and their compressed variants, nothing else.
	entries, err := os.ReadDir("dist")
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		for _, suffix := range []string{".br", ".gz"} {
			if base, ok := strings.CutSuffix(name, suffix); ok {
				name = base
			}
		}
		_, err := os.Stat(filepath.Join("site", name))
		assert.NoError(t, err, "dist/%s is not a site file or its variant", e.Name())
		assert.NotContains(t, e.Name(), "_test", "tests do not ship")
	}
}
