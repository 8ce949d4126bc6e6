// Package wire is the shape of the JS API's answers in pure Go: a
// [signer.Result] as the plain tree (map[string]any, []any, string, bool,
// int, nil) that oauth1.sign returns, and that tree as JSON text. The wasm
// build (package main in wasm/) hands its trees to JavaScript through
// [WriteJSON]; the page generator (wasm/genpage.go) writes every preset's
// sign result with the same two functions at build time, so a value the
// page shows before the signer has started cannot differ in shape from
// what the signer returns. docs/architecture.md, "The boundary".
//
// It must never import syscall/js or safejs, or hold OAuth logic: it only
// copies what the signer computed.
package wire
