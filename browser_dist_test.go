//go:build !js

package main

// What make dist writes, in headless Chromium: the copy a static host
// serves works with no headers at all, and holds nothing but the site's
// files and their compressed variants.

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// makeDist runs the Makefile's dist-files rule (make dist without the
// build, which requireBrowser has checked) into a temporary folder and
// returns it, so that the test needs no dist/ of its own and never
// overwrites one.
func makeDist(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("make"); err != nil {
		t.Fatal("the dist test runs make dist-files, and make is not on PATH")
	}
	dir := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command("make", "--no-print-directory", "-s", "dist-files", "DIST="+dir)
	// A make above this test (make test) passes its job server in
	// MAKEFLAGS; this make is not its child and must not use it.
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "MAKEFLAGS=") || strings.HasPrefix(kv, "MFLAGS=") || strings.HasPrefix(kv, "MAKELEVEL=")
	})
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "make dist-files DIST=%s:\n%s", dir, out)
	return dir
}

// TestBrowserDistOnPlainStaticHost serves what make dist writes with a
// bare file server (no CSP or other headers, as a static host would) and
// checks the page still signs: the meta CSP travels with the files, and
// the wasm needs no fetch.
func TestBrowserDistOnPlainStaticHost(t *testing.T) {
	requireBrowser(t)
	dist := makeDist(t)
	_, err := os.Stat(filepath.Join(dist, "signer.wasm.js"))
	require.NoError(t, err, "make dist-files wrote no signer.wasm.js")
	srv := httptest.NewServer(http.FileServer(http.Dir(dist)))
	defer srv.Close()
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/index.html"),
		chromedp.WaitReady(chromedp.CSS(readySelector)),
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
	entries, err := os.ReadDir(dist)
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
