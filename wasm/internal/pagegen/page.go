package pagegen

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// A Page is an HTML page of site/ and the module scripts it loads.
type Page struct {
	Name      string   // index.html
	Entries   []string // the modules of its <script type="module"> tags
	Prerender bool     // it arrives holding the worked example (Prerendered)
}

// Pages are the pages make build fills in.
var Pages = []Page{
	{Name: "index.html", Entries: []string{"signer-start.js", "guard.js", "app.js"}, Prerender: true},
	{Name: "embed.html", Entries: []string{"embed.js"}},
}

// Words reads every site/strings*.js module with ParseStrings and returns
// their exports by name. Two modules exporting the same name is an error:
// a data-text key must name one thing.
func Words(siteDir string) (map[string]any, error) {
	files, err := filepath.Glob(filepath.Join(siteDir, "strings*.js"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	words := map[string]any{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		w, err := ParseStrings(string(src))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for k, v := range w {
			if _, dup := words[k]; dup {
				return nil, fmt.Errorf("%s: export %s is also in another strings module", f, k)
			}
			words[k] = v
		}
	}
	return words, nil
}

// Render returns page's HTML as make build writes it: its modulepreload
// block listing every module its entries import statically, and the words
// of its data-text elements filled in from words. missing lists the
// data-text keys that name no string (left as they are, as the browser's
// fillText leaves them).
func Render(siteDir string, page Page, words map[string]any) (html string, missing []string, err error) {
	raw, err := os.ReadFile(filepath.Join(siteDir, page.Name))
	if err != nil {
		return "", nil, err
	}
	modules, err := StaticImports(siteDir, page.Entries...)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", page.Name, err)
	}
	html, err = WritePreloads(string(raw), modules)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", page.Name, err)
	}
	html, missing = FillText(html, words)
	return html, missing, nil
}

// PrerenderScript is prerender.mjs's path from the repository's root.
const PrerenderScript = "wasm/internal/pagegen/prerender.mjs"

// Prerendered is html (a Render of a page with Prerender set) holding the
// worked example: the default preset (presets[0]) in its inputs (FillForm)
// and its result, request card and step cards as the page's own render
// code draws them (Prerender, node running script on siteDir, whose
// presets-data.js must be the one make build writes for presets).
func Prerendered(html, siteDir, script string, presets []Preset, words map[string]any) (string, error) {
	if len(presets) == 0 {
		return "", fmt.Errorf("prerender: no presets")
	}
	html, err := FillForm(html, presets[0], words)
	if err != nil {
		return "", err
	}
	return Prerender(html, siteDir, script)
}
