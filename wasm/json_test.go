//go:build js && wasm

package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestWriteJSONSortsKeys checks that object keys come out sorted at every
// depth, inside arrays too, so the same tree always gives the same text
// and a page needs no sorting pass of its own. (No result has
// integer-like keys, which JS would put first whatever the order.)
func TestWriteJSONSortsKeys(t *testing.T) {
	tree := map[string]any{
		"b": []any{map[string]any{"z": 1, "a": map[string]any{"y": nil, "x": true}}},
		"a": map[string]any{"d": "", "c": []any{}},
		"c": 2,
	}
	want := `{"a":{"c":[],"d":""},"b":[{"a":{"x":true,"y":null},"z":1}],"c":2}`
	for range 20 { // map iteration order changes from run to run
		var b strings.Builder
		writeJSON(&b, tree)
		assert.Equal(t, want, b.String())
	}
}
