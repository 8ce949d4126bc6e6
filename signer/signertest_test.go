package signer_test

import (
	"testing"

	"github.com/oauth1-playground/oauth1-playground/signer"
	// Every test of the package, the internal ones too, runs with the RSA
	// methods registered: this test binary links them in once for all.
	_ "github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// The signer's internal tests cannot import signertest, which imports
// signer; this init hands them what they use from it.
func init() {
	signer.XExampleForTest = signertest.XExample().Signer()
	signer.TestKeyPEMForTest = rsaVector().Request.PrivateKey
}

// canary is a value no error message, and no step but the secret ones,
// may contain.
const canary = signer.Canary

// xExample is the request of the X "Creating a signature" page,
// https://docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature,
// with another URL: each edition of the page changes only the URL.
func xExample(url string) signer.Request {
	r := signertest.XExample().Signer()
	r.URL = url
	return r
}

// rsaVector is the RSA-SHA1 vector of the oauth.net test cases
// (wiki.oauth.net/TestCases); its key is public: never use it for anything
// real.
func rsaVector() signertest.Vector {
	for _, v := range signertest.Vectors() {
		if v.Request.SignatureMethod == string(signer.RSASHA1) && v.Request.PrivateKey != "" {
			return v
		}
	}
	panic("signertest has no RSA-SHA1 vector with a private key")
}

// testKeyPEM is the private key of [rsaVector].
func testKeyPEM(t *testing.T) string {
	t.Helper()
	return rsaVector().Request.PrivateKey
}
