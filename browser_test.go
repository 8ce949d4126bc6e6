//go:build !js

package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// X "Creating a signature" example, api.x.com/1.1 edition (test-vectors.md
// V1.a): the page's default request.
const (
	xSignature  = "Ls93hJiZbQ3akF3HF3x1Bz8/zU4="
	xBaseString = "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
)

// requireBrowser skips the test when Chromium is missing, or fails it when
// REQUIRE_BROWSER=1 (as CI sets), so a missing install cannot pass quietly.
func requireBrowser(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("chromium"); err != nil {
		if os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatal("REQUIRE_BROWSER=1 but chromium is not on PATH: apt-get install -y chromium")
		}
		t.Skip("BROWSER TEST SKIPPED: chromium is not on PATH (apt-get install -y chromium)")
	}
	for _, f := range requiredFiles {
		if _, err := os.Stat(filepath.Join("site", f)); err != nil {
			t.Fatalf("site/%s is missing: run make build first (make test does)", f)
		}
	}
}

// startServer runs the real dev server on a random loopback port, serving
// site/, and returns its base URL. It stops when the test ends.
func startServer(t *testing.T) string {
	t.Helper()
	return startServerWith(t, "-dir", "site")
}

// startServerWith is startServer with the given flags after -addr.
func startServerWith(t *testing.T, flags ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	args := append([]string{"-addr", "127.0.0.1:0"}, flags...)
	go func() {
		done <- run(ctx, args, io.Discard, io.Discard, func(u string) { urls <- u })
	}()
	t.Cleanup(func() {
		cancel()
		assert.NoError(t, <-done)
	})
	select {
	case u := <-urls:
		return u
	case err := <-done:
		t.Fatalf("server did not start: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start within 10s")
	}
	return ""
}

// newBrowser starts headless Chromium for one test, for at most 90 s.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx, cancelTimeout := context.WithTimeout(startBrowser(t), 90*time.Second)
	t.Cleanup(cancelTimeout)
	return ctx
}

// startBrowser starts headless Chromium, stopped when the test ends.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	return ctx
}

func testid(id string) chromedp.CSS { return chromedp.CSS(`[data-testid="` + id + `"]`) }

// TestBrowserSignsXExample loads the page, waits for the wasm signer, and
// checks the X example's signature and base string on screen; then types
// into the token secret and checks the signature changes with no click.
func TestBrowserSignsXExample(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(base),
		chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
	))
	sig, err := chromedp.Run(ctx, chromedp.TextContent(testid("signature")))
	require.NoError(t, err)
	assert.Equal(t, xSignature, sig)
	bs, err := chromedp.Run(ctx, chromedp.TextContent(testid("step-signatureBaseString-value")))
	require.NoError(t, err)
	assert.Equal(t, xBaseString, bs)
	warning, err := chromedp.Run(ctx, chromedp.TextContent(testid("warning")))
	require.NoError(t, err)
	assert.Contains(t, warning, "use test credentials only")

	count, err := chromedp.Run(ctx, chromedp.AttributeValue(testid("status"), "data-sign-count"))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(testid("input-tokenSecret"), "x")))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](
		`document.querySelector('[data-testid="status"]').dataset.signCount !== `+jsString(count.Value),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the page did not re-sign after typing")
	changed, err := chromedp.Run(ctx, chromedp.TextContent(testid("signature")))
	require.NoError(t, err)
	assert.NotEqual(t, xSignature, changed)
	assert.Len(t, changed, 28, "still an HMAC-SHA1 signature")
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	out := []byte{'"'}
	for _, c := range []byte(s) {
		if c == '"' || c == '\\' {
			out = append(out, '\\')
		}
		out = append(out, c)
	}
	return string(append(out, '"'))
}
