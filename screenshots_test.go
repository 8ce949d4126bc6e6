//go:build screenshots && !js

package main

// `make screenshots`: the README's pictures in docs/, taken from the built
// page in headless Chromium. Behind the screenshots build tag, so that no
// other test run rewrites files in the repository.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// capture scrolls the page to the top and writes what the browser shows to
// docs/name.
func capture(p *pageT, name string) {
	p.t.Helper()
	eval[chromedp.Void](p, `window.scrollTo(0, 0)`)
	img, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	require.NoError(p.t, err)
	require.NoError(p.t, os.WriteFile(filepath.Join("docs", name), img, 0o644))
}

// TestScreenshotsSign writes docs/screenshot.png (light),
// docs/screenshot-dark.png and docs/screenshot-360.png.
func TestScreenshotsSign(t *testing.T) {
	p := openPage(t)
	shoot := func(name string, width, height int64) {
		require.NoError(t, chromedp.Do(p.ctx, chromedp.EmulateViewport(width, height)))
		// Wait for the layout to settle after the resize: one re-sign.
		p.setField("nonce", xNonce)
		eval[chromedp.Void](p, `document.querySelectorAll('.changed, .changed-row').forEach((el) => el.classList.remove('changed', 'changed-row'));
			document.querySelectorAll('mark.delta').forEach((m) => m.replaceWith(m.textContent))`)
		capture(p, name)
	}
	shoot("screenshot.png", 1280, 1800)
	p.click("theme-toggle")
	if eval[string](p, `document.documentElement.dataset.theme`) != "dark" {
		p.click("theme-toggle")
	}
	shoot("screenshot-dark.png", 1280, 1800)
	for eval[string](p, `document.getElementById('theme-toggle').dataset.themeChoice`) != "system" {
		p.click("theme-toggle") // three states: back to the system's (light) theme
	}
	shoot("screenshot-360.png", 360, 1600)
}

// TestScreenshotsVerify writes docs/verify.png: the broken example with its
// base string.
func TestScreenshotsVerify(t *testing.T) {
	p := openPage(t)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 1800)))
	p.click("tab-verify")
	p.click("verify-example")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="verdict"]').dataset.verdict === 'invalid'`,
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err)
	p.verifyInput("verify-basestring", strings.Replace(xTwitterBase, xStatusRight, xStatusPlus, 1))
	capture(p, "verify.png")
}

// TestScreenshotsEmbed writes docs/embed.png: the embed at 360 px in the
// dark theme (the page TestBrowserEmbedAt360Dark checks), as tall as its
// content.
func TestScreenshotsEmbed(t *testing.T) {
	p := openEmbedAt360Dark(t)
	height := eval[int](p, `Math.ceil(document.body.getBoundingClientRect().height)`)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.EmulateViewport(360, int64(height))))
	capture(p, "embed.png")
}
