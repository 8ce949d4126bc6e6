//go:build oauth1_lite

package signer

// The oauth1_lite build leaves the RSA methods out (see rsa.go); asking it
// for one gives ErrNeedsFullSigner, on which the page loads the full build.

// HasRSA reports whether this build implements the RSA methods.
const HasRSA = false

func needsFull() error {
	return fieldErr("signatureMethod", "needs the full signer, which includes RSA: it is loading", ErrNeedsFullSigner)
}

func rsaSignDigest(string, methodSpec, []byte) ([]byte, string, int, error) {
	return nil, "", 0, needsFull()
}

func rsaVerifier(Request, string) (func(methodSpec, []byte, []byte) bool, error) {
	return nil, needsFull()
}
