//go:build !js

package main

import (
	"fmt"
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
	// An external resource is any tag's src or href but a link's: an <a
	// href> (the prerendered step cards' RFC links) loads nothing.
	banned := map[string]*regexp.Regexp{
		"inline script":     regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`),
		"event handler":     regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
		"style attribute":   regexp.MustCompile(`(?i)\sstyle\s*=`),
		"style element":     regexp.MustCompile(`(?i)<style`),
		"form element":      regexp.MustCompile(`(?i)<form[\s>]`),
		"external resource": regexp.MustCompile(`(?i)<(?:[b-z][a-z0-9]*|a[a-z0-9]+)\b[^>]*\s(?:src|href)\s*=\s*"(?:https?:)?//`),
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

// jsBanned is the static deny-list for the page's scripts: no HTML sinks,
// no storage, no console, no network, no eval.
var jsBanned = regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|localStorage|sessionStorage|indexedDB|document\.cookie|cookieStore|openDatabase|navigator\.storage|\bcaches\.(?:open|match|keys|has|delete)\b|console\.|\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|\beval\(|new Function|importScripts`)

// jsExternalImport is a module imported from another origin.
var jsExternalImport = regexp.MustCompile(`\b(?:import\s*\(?|from)\s*['"](?:[a-z][a-z0-9+.-]*:|//)`)

// jsDenyListHits returns "line: what" for every use of a banned API or an
// import from another origin in the JavaScript source src, outside
// comments. Strings count: a banned name in a string is still flagged.
func jsDenyListHits(src string) []string {
	var hits []string
	for i, line := range strings.Split(stripJSComments(src), "\n") {
		for _, re := range []*regexp.Regexp{jsBanned, jsExternalImport} {
			for _, m := range re.FindAllString(line, -1) {
				hits = append(hits, fmt.Sprintf("%d: %s", i+1, m))
			}
		}
	}
	return hits
}

// stripJSComments returns src with every // and /* */ comment replaced by
// spaces (newlines kept, so line numbers stay), reading strings, template
// literals (with ${} inside) and regular expression literals as the
// language does, so that "//" inside them, as in 'https://…', starts no
// comment and cannot hide the rest of its line.
func stripJSComments(src string) string {
	out := []byte(src)
	blank := func(from, to int) {
		for k := from; k < to && k < len(out); k++ {
			if out[k] != '\n' {
				out[k] = ' '
			}
		}
	}
	// templates holds, for each template literal we are inside a ${} of,
	// the brace depth at which that ${} closes.
	var templates []int
	depth := 0
	prev := byte(0) // the last code character that was not space
	i := 0
	// skipQuoted moves i past the string or template text that starts after
	// an opening quote q at i; a template stops early at ${ and says so.
	skipQuoted := func(q byte) (openedExpr bool) {
		for i++; i < len(src); i++ {
			switch c := src[i]; {
			case c == '\\':
				i++
			case c == q:
				i++
				return false
			case q == '`' && c == '$' && i+1 < len(src) && src[i+1] == '{':
				i += 2
				return true
			case q != '`' && c == '\n':
				return false // an unterminated string ends at the line
			}
		}
		return false
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			blank(i, i+end)
			i += end
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				end = len(src) - i - 2
			}
			blank(i, i+2+end+2)
			i += 2 + end + 2
		case c == '/' && (prev == 0 || strings.IndexByte("(,=:[!&|?{};+-*%<>~^", prev) >= 0):
			// A regular expression literal: up to the unescaped / that is
			// not inside a [class].
			inClass := false
			for i++; i < len(src) && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				} else if src[i] == '[' {
					inClass = true
				} else if src[i] == ']' {
					inClass = false
				} else if src[i] == '/' && !inClass {
					i++
					break
				}
			}
			prev = '/'
		case c == '\'' || c == '"' || c == '`':
			if skipQuoted(c) {
				templates = append(templates, depth)
				depth++
			}
			prev = c
		case c == '}' && len(templates) > 0 && depth-1 == templates[len(templates)-1]:
			// The end of a ${} in a template: the template text goes on.
			templates = templates[:len(templates)-1]
			depth--
			i-- // skipQuoted starts after the character at i
			if skipQuoted('`') {
				templates = append(templates, depth)
				depth++
			}
			prev = '`'
		default:
			switch c {
			case '{':
				depth++
			case '}':
				depth--
			}
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				prev = c
			}
			i++
		}
	}
	return string(out)
}

// TestSiteJSAvoidsDangerousAPIs applies the deny-list to every script of
// site/: the CSP and Trusted Types would refuse most of these at run time,
// and this catches them before, with a line number.
func TestSiteJSAvoidsDangerousAPIs(t *testing.T) {
	for path, src := range siteSources(t, ".js") {
		assert.Empty(t, jsDenyListHits(src), "%s uses a banned API or imports from another origin", path)
	}
}

// TestJSDenyList checks the deny-list on small sources: what it must catch,
// in particular code after a URL on the same line (which cutting lines at
// the first "//" used to hide), and what it must let through (comments).
func TestJSDenyList(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"fetch after a URL in a string", `const u = 'https://evil.example/'; fetch(u);`, []string{"1: fetch("}},
		{"beacon after a URL in a template", "const u = `https://${host}/x`; navigator.sendBeacon(u, s);", []string{"1: sendBeacon"}},
		{"URL in a regular expression", `const re = /https?:\/\//; console.log(re);`, []string{"1: console."}},
		{"regex with a slash in a class", `s.replace(/[/]/g, ''); localStorage.x = 1;`, []string{"1: localStorage"}},
		{"import from another origin", `import { x } from 'https://cdn.example/x.js';`, []string{"1: from 'https:"}},
		{"dynamic import, protocol-relative", `await import('//cdn.example/x.js');`, []string{"1: import('//"}},
		{"banned name in a string", `const s = 'innerHTML';`, []string{"1: innerHTML"}},
		{"second line", "const a = 1;\nel.innerHTML = a;", []string{"2: innerHTML"}},
		{"line comment", `const a = 1; // console.log(a) and fetch()`, nil},
		{"comment after a URL", `const u = 'https://a.example/'; // fetch(u)`, nil},
		{"block comment", "/* localStorage\n fetch( */ const a = 1;", nil},
		{"division is not a regex", `const r = a / b; // fetch(`, nil},
		{"template with nested braces", "const s = `${ {a: 1}.a }//`; // console.log(s)", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, jsDenyListHits(tc.src))
		})
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
