//go:build ignore

// genpage writes what the page shows before its wasm signer has started:
//
//	go run wasm/genpage.go SITE VECTORS.json
//
// SITE is site/, VECTORS signer/signertest/testdata/vectors.json (the
// published vectors the vector presets take their requests from). It
// writes SITE/presets-data.js: every preset of SITE/presets.json, resolved,
// with the native Go signer's oauth1.sign result for the request the page's
// form reads for it; site/presets.js builds the menu from it, and the page
// paints the default preset's result, and a read-only embed its preset's,
// without the wasm. It rewrites, in place, SITE/index.html and
// SITE/embed.html: their modulepreload block (every module their scripts
// import statically) and the words of their data-text elements from
// SITE/strings*.js, so a page arrives labelled (wasm/internal/pagegen). A
// file is written only when it changes; the same input gives the same
// bytes.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/wasm/internal/pagegen"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run wasm/genpage.go SITE VECTORS.json")
		os.Exit(2)
	}
	if err := write(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "genpage:", err)
		os.Exit(1)
	}
}

func write(site, vectorsPath string) error {
	presetsPath := filepath.Join(site, "presets.json")
	presetsJSON, err := os.ReadFile(presetsPath)
	if err != nil {
		return err
	}
	vectorsJSON, err := os.ReadFile(vectorsPath)
	if err != nil {
		return err
	}
	presets, err := pagegen.LoadPresets(presetsJSON, vectorsJSON)
	if err != nil {
		return err
	}
	signed, err := pagegen.Sign(presets)
	if err != nil {
		return err
	}
	module, err := pagegen.Module(presets, signed, filepath.ToSlash(presetsPath), filepath.ToSlash(vectorsPath))
	if err != nil {
		return err
	}
	if err := writeIfChanged(filepath.Join(site, "presets-data.js"), module); err != nil {
		return err
	}
	all, err := pagegen.SignedModule(presets, signed, filepath.ToSlash(presetsPath), filepath.ToSlash(vectorsPath))
	if err != nil {
		return err
	}
	if err := writeIfChanged(filepath.Join(site, "presets-signed.js"), all); err != nil {
		return err
	}

	words, err := pagegen.Words(site)
	if err != nil {
		return err
	}
	for _, page := range pagegen.Pages {
		html, missing, err := pagegen.Render(site, page, words)
		if err != nil {
			return err
		}
		if page.Prerender {
			html, err = pagegen.Prerendered(html, site, pagegen.PrerenderScript, presets, words)
			if err != nil {
				return err
			}
		}
		if len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "genpage: %s: data-text names no string of strings*.js (left empty): %s\n", page.Name, strings.Join(missing, ", "))
		}
		if err := writeIfChanged(filepath.Join(site, page.Name), []byte(html)); err != nil {
			return err
		}
	}
	return nil
}

// writeIfChanged writes data to name through a temporary file, unless name
// already holds it.
func writeIfChanged(name string, data []byte) error {
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return nil
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
