//go:build js && wasm && !oauth1_lite

package main

// The full build registers the RSA methods with the signer; the
// oauth1_lite build, the page's first download, leaves them out, and with
// them crypto/rsa and crypto/x509, about a third of the binary. The other
// files with this build tag hold the functions only the full build has
// (bridge.go, fullOnly).
import _ "github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
