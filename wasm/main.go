//go:build js && wasm

// Command wasm is the OAuth 1.0a signer compiled to WebAssembly. It sets
// globalThis.oauth1 = { version, sign } and then waits for calls from the
// page; every call goes through safejs and recovers from panics, so the Go
// runtime never exits whatever a caller passes.
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
