//go:build ignore

// genpage writes what the page shows before its wasm signer has started:
//
//	go run wasm/genpage.go PRESETS.json VECTORS.json OUT.js
//
// PRESETS is site/presets.json (the preset menu), VECTORS
// signer/signertest/testdata/vectors.json (the published vectors the
// vector presets take their requests from), OUT site/presets-data.js:
// every preset, resolved, with the native Go signer's oauth1.sign result
// for the request the page's form reads for it (wasm/internal/pagegen).
// site/presets.js builds the menu from it and the page paints the default
// preset's result, and a read-only embed its preset's, without the wasm.
// The same input gives the same bytes.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/oauth1-playground/oauth1-playground/wasm/internal/pagegen"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: go run wasm/genpage.go PRESETS.json VECTORS.json OUT.js")
		os.Exit(2)
	}
	if err := write(os.Args[1], os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, "genpage:", err)
		os.Exit(1)
	}
}

func write(presetsPath, vectorsPath, out string) error {
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
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, module, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}
