//go:build js && wasm

package main

// warnings.go: the warnings of a result as JS sees them, shared by sign
// (every build) and verify and check (the full build).

import "github.com/oauth1-playground/oauth1-playground/signer"

// warningsArray is ws as [{ id, text }].
func warningsArray(ws []signer.Warning) []any {
	out := make([]any, len(ws))
	for i, w := range ws {
		out[i] = map[string]any{"id": w.ID, "text": w.Text}
	}
	return out
}
