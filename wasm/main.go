//go:build js && wasm

// Command wasm is the OAuth 1.0a signer compiled to WebAssembly. It sets
// globalThis.oauth1 (sign, verify, diagnose and parse, and the lists
// version, build, methods, supported, mistakes, notes and errorCodes; see
// bridge.go) and then waits for calls from the page. Every call goes
// through safejs and recovers from panics, so the Go runtime never exits
// whatever a caller passes, and every error comes back as data:
// { ok: false, error: { field, code, message, detail } } (jsresult.go).
package main

import "github.com/hack-pad/safejs"

func main() {
	if _, err := register(safejs.Global()); err != nil {
		// Nothing can reach the page without the API; exiting makes the
		// loader's readiness check fail with its own message.
		return
	}
	select {} // keep the runtime alive: JS calls arrive as events
}
