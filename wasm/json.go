//go:build js && wasm

package main

import (
	"strings"

	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer"
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
	if r, ok := v.(signedResult); ok {
		// Written straight from the result, without the tree (which is
		// built only if JSON.parse fails).
		wire.WriteResult(&b, r.res)
		if parsed, ok := parseJSON(b.String()); ok {
			return parsed
		}
		return resultObject(r.res)
	}
	wire.WriteJSON(&b, v)
	if parsed, ok := parseJSON(b.String()); ok {
		return parsed
	}
	return v
}

// signedResult is oauth1.sign's answer before toJS converts it: the
// result object of res (resultObject, wire.Result).
type signedResult struct{ res *signer.Result }

// parseJSON is JSON.parse(text); false if JSON.parse is not available.
func parseJSON(text string) (safejs.Value, bool) {
	jsonObj, err := safejs.Global().Get("JSON")
	if err != nil {
		return safejs.Undefined(), false
	}
	parsed, err := jsonObj.Call("parse", text)
	if err != nil {
		return safejs.Undefined(), false
	}
	return parsed, true
}
