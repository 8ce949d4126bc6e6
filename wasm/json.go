//go:build js && wasm

package main

import (
	"strings"

	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/wasm/internal/wire"
)

// toJS hands a result tree (map[string]any, []any, string, bool, int, nil)
// to JavaScript as one JSON text that JSON.parse turns into the object.
// Converting a tree value by value costs a call into JS per property:
// for a 1 000-parameter request, whose steps hold three tables of 1 000
// rows, that was most of the time of oauth1.sign. If JSON.parse is not
// available the tree goes back as it is, for js.ValueOf to convert.
func toJS(v any) any {
	var b strings.Builder
	wire.WriteJSON(&b, v)
	jsonObj, err := safejs.Global().Get("JSON")
	if err != nil {
		return v
	}
	parsed, err := jsonObj.Call("parse", b.String())
	if err != nil {
		return v
	}
	return parsed
}
