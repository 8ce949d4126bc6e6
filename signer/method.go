package signer

import (
	"crypto"
	"crypto/hmac"
	"strings"

	// Register the hashes crypto.Hash.New needs.
	_ "crypto/sha1"
	_ "crypto/sha256"
	_ "crypto/sha512"
)

// SignatureMethod names a signature method as it is sent in
// oauth_signature_method (RFC 5849 section 3.4).
type SignatureMethod string

// The signature methods the signer implements. HMAC-SHA1 is RFC 5849
// section 3.4.2, RSA-SHA1 section 3.4.3 and PLAINTEXT section 3.4.4; the
// SHA-256 and SHA-512 variants are the same constructions with another
// hash, as X, NetSuite, Jira and others accept.
const (
	HMACSHA1   SignatureMethod = "HMAC-SHA1"
	HMACSHA256 SignatureMethod = "HMAC-SHA256"
	HMACSHA512 SignatureMethod = "HMAC-SHA512"
	RSASHA1    SignatureMethod = "RSA-SHA1"
	RSASHA256  SignatureMethod = "RSA-SHA256"
	RSASHA512  SignatureMethod = "RSA-SHA512"
	PLAINTEXT  SignatureMethod = "PLAINTEXT"
)

// SignatureMethods lists every method the signer implements, in the order
// a page would offer them.
var SignatureMethods = []SignatureMethod{HMACSHA1, HMACSHA256, HMACSHA512, RSASHA1, RSASHA256, RSASHA512, PLAINTEXT}

type methodKind int

const (
	kindHMAC methodKind = iota
	kindRSA
	kindPlaintext
)

// methodSpec says how one signature method turns a base string and a key
// into signature octets.
type methodSpec struct {
	kind methodKind
	hash crypto.Hash // zero for PLAINTEXT
}

var methods = map[SignatureMethod]methodSpec{
	HMACSHA1:   {kindHMAC, crypto.SHA1},
	HMACSHA256: {kindHMAC, crypto.SHA256},
	HMACSHA512: {kindHMAC, crypto.SHA512},
	RSASHA1:    {kindRSA, crypto.SHA1},
	RSASHA256:  {kindRSA, crypto.SHA256},
	RSASHA512:  {kindRSA, crypto.SHA512},
	PLAINTEXT:  {kindPlaintext, 0},
}

// lookupMethod returns the spec of m, or a FieldError for the
// "signatureMethod" field.
func lookupMethod(m SignatureMethod) (methodSpec, error) {
	spec, ok := methods[m]
	if !ok {
		names := make([]string, len(SignatureMethods))
		for i, m := range SignatureMethods {
			names[i] = string(m)
		}
		return methodSpec{}, fieldErr("signatureMethod", "is not one of "+strings.Join(names, ", "), ErrUnsupportedSignatureMethod)
	}
	return spec, nil
}

// sum hashes data with the method's hash.
func (s methodSpec) sum(data []byte) []byte {
	h := s.hash.New()
	h.Write(data)
	return h.Sum(nil)
}

// hmacSum computes the HMAC of baseString under key (RFC 2104, as RFC 5849
// section 3.4.2 uses it).
func (s methodSpec) hmacSum(key, baseString string) []byte {
	mac := hmac.New(s.hash.New, []byte(key))
	mac.Write([]byte(baseString))
	return mac.Sum(nil)
}
