//go:build !js

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// siteSources returns the hand-written files of site/ with the given
// extension: the generated wasm_exec.js and *.wasm.js are not ours.
func siteSources(t *testing.T, ext string) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("site", "*"+ext))
	require.NoError(t, err)
	out := map[string]string{}
	for _, p := range paths {
		if base := filepath.Base(p); base == "wasm_exec.js" || strings.HasSuffix(base, ".wasm.js") {
			continue
		}
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		out[p] = string(b)
	}
	require.NotEmpty(t, out, "no site/*%s files", ext)
	return out
}

// TestMetaCSPMatchesHeader keeps the <meta> policy of every page in site/
// (index.html, embed.html, …) equal to the header policy minus
// frame-ancestors, so the no-network guarantee travels with the files to
// any static host.
func TestMetaCSPMatchesHeader(t *testing.T) {
	pages := siteSources(t, ".html")
	require.Contains(t, pages, filepath.Join("site", "index.html"))
	require.Contains(t, pages, filepath.Join("site", "embed.html"))
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	for path, html := range pages {
		ms := meta.FindAllStringSubmatch(html, -1)
		require.Len(t, ms, 1, "%s has one CSP meta tag", path)
		assert.Equal(t, contentSecurityPolicy, ms[0][1], path)
		assert.Less(t, strings.Index(html, "Content-Security-Policy"), strings.Index(html, "<script"), "%s: the policy comes before any script", path)
	}
}

// TestSiteHTMLHasNoInlineCode enforces what the CSP would block anyway, so
// a mistake fails here with a clear message instead of a broken page.
func TestSiteHTMLHasNoInlineCode(t *testing.T) {
	banned := map[string]*regexp.Regexp{
		"inline script":     regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`),
		"event handler":     regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
		"style attribute":   regexp.MustCompile(`(?i)\sstyle\s*=`),
		"style element":     regexp.MustCompile(`(?i)<style`),
		"form element":      regexp.MustCompile(`(?i)<form[\s>]`),
		"external resource": regexp.MustCompile(`(?i)(?:src|href)\s*=\s*"(?:https?:)?//`),
		"javascript: URL":   regexp.MustCompile(`(?i)javascript:`),
	}
	scriptTag := regexp.MustCompile(`(?i)<script[^>]*>`)
	for path, src := range siteSources(t, ".html") {
		for _, tag := range scriptTag.FindAllString(src, -1) {
			assert.Contains(t, tag, ` src="`, "%s: every script comes from a file: %s", path, tag)
		}
		for what, re := range banned {
			assert.Nil(t, re.FindStringIndex(src), "%s has a %s: %q", path, what, re.FindString(src))
		}
	}
}

// TestSiteJSAvoidsDangerousAPIs is the static deny-list of security.md B7:
// no HTML sinks, no storage, no console, no network, no eval.
func TestSiteJSAvoidsDangerousAPIs(t *testing.T) {
	banned := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|localStorage|sessionStorage|indexedDB|document\.cookie|cookieStore|openDatabase|navigator\.storage|\bcaches\.(?:open|match|keys|has|delete)\b|console\.|\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|\beval\(|new Function|importScripts`)
	// A module from another origin: checked on the whole line, since the
	// comment stripping below would cut the URL at its "//".
	external := regexp.MustCompile(`\b(?:import\s*\(?|from)\s*['"](?:[a-z][a-z0-9+.-]*:|//)`)
	for path, src := range siteSources(t, ".js") {
		for i, line := range strings.Split(src, "\n") {
			code, _, _ := strings.Cut(line, "//")
			assert.Nil(t, banned.FindStringIndex(code), "%s:%d uses %q", path, i+1, banned.FindString(code))
			assert.Nil(t, external.FindStringIndex(line), "%s:%d imports from another origin: %q", path, i+1, external.FindString(line))
		}
	}
}

// TestSiteCSSLoadsNothingExternal keeps style.css from pulling in anything
// from another origin: no @import at all, and url() only for same-origin
// relative paths (the CSP would block the rest, silently).
func TestSiteCSSLoadsNothingExternal(t *testing.T) {
	importRule := regexp.MustCompile(`(?i)@import`)
	externalURL := regexp.MustCompile(`(?i)url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:|//)`)
	for path, src := range siteSources(t, ".css") {
		assert.Nil(t, importRule.FindStringIndex(src), "%s uses @import", path)
		assert.Nil(t, externalURL.FindStringIndex(src), "%s loads %q", path, externalURL.FindString(src))
	}
}

// TestSecretInputsAreGuarded checks every password input for the
// attributes that keep spellcheck services and autofill away from it.
func TestSecretInputsAreGuarded(t *testing.T) {
	for path, html := range siteSources(t, ".html") {
		inputs := regexp.MustCompile(`<input[^>]*type="password"[^>]*>`).FindAllString(html, -1)
		if filepath.Base(path) == "index.html" || filepath.Base(path) == "embed.html" {
			require.NotEmpty(t, inputs, "%s: the secrets are password inputs", path)
		}
		// A secret that cannot be a password input (the PEM private key is a
		// textarea) carries data-secret and gets the same attributes.
		inputs = append(inputs, regexp.MustCompile(`<textarea[^>]*data-secret="true"[^>]*>`).FindAllString(html, -1)...)
		for _, in := range inputs {
			assert.Contains(t, in, `spellcheck="false"`, "%s: %s", path, in)
			assert.Contains(t, in, `autocomplete="off"`, "%s: %s", path, in)
			assert.Contains(t, in, `autocapitalize="off"`, "%s: %s", path, in)
		}
	}
}
