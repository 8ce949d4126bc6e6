//go:build js && wasm && !oauth1_lite

package main

import (
	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer/snippets"
)

// The code snippets live in the full build only: the lite build answers
// needs-full-signer (fullOnly in bridge.go) and the page loads this one.
func init() { functions["snippets"] = snippetsCall }

// snippetsCall implements oauth1.snippets(request): the request's fields,
// read like sign's, and { ok: true, snippets: [{ id, language, library,
// code, supported, reason }] } in the order of snippets.IDs. No snippet
// holds a secret (signer/snippets).
func snippetsCall(args []safejs.Value) any {
	req, err := readRequest(args)
	if err != nil {
		return errorResult(err)
	}
	ss, err := snippets.Snippets(req)
	if err != nil {
		return errorResult(err)
	}
	list := make([]any, len(ss))
	for i, s := range ss {
		list[i] = map[string]any{"id": s.ID, "language": s.Language, "library": s.Library,
			"code": s.Code, "supported": s.Supported, "reason": s.Reason}
	}
	return map[string]any{"ok": true, "snippets": list}
}
