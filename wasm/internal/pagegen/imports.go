package pagegen

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// staticImport matches a static import declaration at the start of a line:
// `import './x.js';`, `import { a, b } from './x.js';` (the braces may
// span lines) and `import * as x from './x.js';`. A dynamic import('./x.js')
// is not one: the module asks for it later, and the page's preload list is
// about what it needs at once.
var staticImport = regexp.MustCompile(`(?m)^import\s+(?:[^'"();]*?\s*from\s*)?['"](\./[^'"]+)['"]`)

// StaticImports returns every module the entry modules of siteDir import
// statically, directly or not, in the order a depth-first walk first meets
// them, the entries themselves left out. Only relative imports ('./x.js')
// are followed: the page has no other kind.
func StaticImports(siteDir string, entries ...string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	var walk func(name string) error
	walk = func(name string) error {
		src, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) && !slices.Contains(entries, name) {
			return nil // a generated module not built yet (they import nothing)
		}
		if err != nil {
			return err
		}
		for _, m := range staticImport.FindAllStringSubmatch(string(src), -1) {
			dep := path.Clean(path.Join(path.Dir(name), m[1]))
			if seen[dep] {
				continue
			}
			seen[dep] = true
			if !slices.Contains(entries, dep) {
				out = append(out, dep)
			}
			if err := walk(dep); err != nil {
				return fmt.Errorf("%s imports %s: %w", name, dep, err)
			}
		}
		return nil
	}
	for _, e := range entries {
		seen[e] = true
	}
	for _, e := range entries {
		if err := walk(e); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// preloadStart and preloadEnd delimit the generated modulepreload block of
// a page.
const (
	preloadStart = "<!-- modulepreload: written by make build (wasm/genpage.go): every module the page's scripts import statically, so none is discovered late. -->\n"
	preloadEnd   = "<!-- /modulepreload -->\n"
)

// WritePreloads puts one <link rel="modulepreload"> per module into html,
// between the block's markers, replacing what was there; a page without
// the markers gets the block before its first <script type="module"> (or
// the first modulepreload link before it).
func WritePreloads(html string, modules []string) (string, error) {
	var b strings.Builder
	b.WriteString(preloadStart)
	for _, m := range modules {
		fmt.Fprintf(&b, "<link rel=\"modulepreload\" href=\"%s\">\n", escapeHTML(m))
	}
	b.WriteString(preloadEnd)
	if i := strings.Index(html, preloadStart); i >= 0 {
		j := strings.Index(html[i:], preloadEnd)
		if j < 0 {
			return "", fmt.Errorf("the modulepreload block has no end marker %q", strings.TrimSpace(preloadEnd))
		}
		return html[:i] + b.String() + html[i+j+len(preloadEnd):], nil
	}
	i := strings.Index(html, `<script type="module"`)
	if i < 0 {
		return "", fmt.Errorf("no <script type=\"module\"> to put the modulepreload block before")
	}
	if j := strings.Index(html, `<link rel="modulepreload"`); j >= 0 && j < i {
		i = j // before the signer's own preloads: the page's modules come first
	}
	return html[:i] + b.String() + html[i:], nil
}

// escapeHTML escapes text for an HTML text node or a quoted attribute.
func escapeHTML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(s)
}
