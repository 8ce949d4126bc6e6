package signer

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
)

// SignatureMethod names a signature method as it is sent in
// oauth_signature_method (RFC 5849 section 3.4).
type SignatureMethod string

// The signature methods the signer implements. HMAC-SHA1 is RFC 5849
// section 3.4.2; HMAC-SHA256 and HMAC-SHA512 are the same construction with
// another hash, as X, NetSuite and others accept.
const (
	HMACSHA1   SignatureMethod = "HMAC-SHA1"
	HMACSHA256 SignatureMethod = "HMAC-SHA256"
	HMACSHA512 SignatureMethod = "HMAC-SHA512"
)

// methodSpec says how one signature method turns a base string and a key
// into signature octets.
type methodSpec struct {
	hash func() hash.Hash
}

var methods = map[SignatureMethod]methodSpec{
	HMACSHA1:   {hash: sha1.New},
	HMACSHA256: {hash: sha256.New},
	HMACSHA512: {hash: sha512.New},
}

// lookupMethod returns the spec of m, or a FieldError for the
// "signatureMethod" field.
func lookupMethod(m SignatureMethod) (methodSpec, error) {
	spec, ok := methods[m]
	if !ok {
		return methodSpec{}, fieldErr("signatureMethod", "is not one of HMAC-SHA1, HMAC-SHA256, HMAC-SHA512", ErrUnsupportedSignatureMethod)
	}
	return spec, nil
}

// digest computes the HMAC of baseString under key (RFC 2104, as RFC 5849
// section 3.4.2 uses it).
func (s methodSpec) digest(key, baseString string) []byte {
	mac := hmac.New(s.hash, []byte(key))
	mac.Write([]byte(baseString))
	return mac.Sum(nil)
}
