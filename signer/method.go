package signer

import (
	"crypto"
	"crypto/hmac"
	"strings"
	"sync"

	// Register the hashes crypto.Hash.New needs.
	_ "crypto/sha1"
	_ "crypto/sha256"
	_ "crypto/sha512"
)

// SignatureMethod names a signature method as it is sent in
// oauth_signature_method (RFC 5849 section 3.4).
type SignatureMethod string

// The signature methods the signer knows. HMAC-SHA1 is RFC 5849 section
// 3.4.2, RSA-SHA1 section 3.4.3 and PLAINTEXT section 3.4.4; the SHA-256
// and SHA-512 variants are the same constructions with another hash, as X,
// NetSuite, Jira and others accept. The RSA methods work once a package
// has registered them with [RegisterKeyMethod], as
// [github.com/oauth1-playground/oauth1-playground/signer/rsamethods] does.
const (
	HMACSHA1   SignatureMethod = "HMAC-SHA1"
	HMACSHA256 SignatureMethod = "HMAC-SHA256"
	HMACSHA512 SignatureMethod = "HMAC-SHA512"
	RSASHA1    SignatureMethod = "RSA-SHA1"
	RSASHA256  SignatureMethod = "RSA-SHA256"
	RSASHA512  SignatureMethod = "RSA-SHA512"
	PLAINTEXT  SignatureMethod = "PLAINTEXT"
)

// signatureMethods is every method the signer knows, in the order a page
// would offer them.
var signatureMethods = []SignatureMethod{HMACSHA1, HMACSHA256, HMACSHA512, RSASHA1, RSASHA256, RSASHA512, PLAINTEXT}

// SignatureMethods returns every method the signer knows, in the order a
// page would offer them, whether or not this program can run it (see
// [Supports]). The slice is a copy.
func SignatureMethods() []SignatureMethod {
	return append([]SignatureMethod(nil), signatureMethods...)
}

// Supports reports whether [Sign], [Verify] and the diagnosis can run m:
// true for the HMAC methods and PLAINTEXT, true for an RSA method once it
// is registered (RFC 5849 section 3.4).
func Supports(m SignatureMethod) bool {
	spec, ok := methods[m]
	if !ok {
		return false
	}
	return spec.kind != kindKeyPair || keyMethod(m) != nil
}

// A KeyMethod implements a signature method that signs with a private key
// and verifies with the public one: RSA-SHA1 (RFC 5849 section 3.4.3) and
// its SHA-2 variants. The signer hashes the signature base string itself
// and hands the implementation the digest. Errors are [*FieldError]
// values naming "privateKey" or "publicKey", never quoting the key.
type KeyMethod interface {
	// Sign signs digest, computed with hash, with the PEM private key. It
	// returns the signature octets, the PEM public key a server verifies
	// with, and the key's size in bits.
	Sign(privateKeyPEM string, hash crypto.Hash, digest []byte) (sig []byte, publicKeyPEM string, bits int, err error)
	// Verifier parses the key to verify with, publicKeyPEM (a public key
	// or a certificate) or, when that is empty, the public half of
	// privateKeyPEM, and returns a function that checks a signature of a
	// digest computed with hash.
	Verifier(publicKeyPEM, privateKeyPEM string) (func(hash crypto.Hash, digest, sig []byte) bool, error)
}

var (
	keyMethodsMu sync.RWMutex
	keyMethods   = map[SignatureMethod]KeyMethod{}
)

// RegisterKeyMethod makes the key-pair method m available to [Sign],
// [Verify] and the diagnosis, computed by impl, in the manner of
// [crypto.RegisterHash]. It is meant to be called from an init function.
// It panics if m is not RSA-SHA1, RSA-SHA256 or RSA-SHA512, or impl is
// nil (RFC 5849 section 3.4.3).
func RegisterKeyMethod(m SignatureMethod, impl KeyMethod) {
	if spec, ok := methods[m]; !ok || spec.kind != kindKeyPair {
		panic("signer: RegisterKeyMethod of " + string(m) + ", which is not a key-pair method")
	}
	if impl == nil {
		panic("signer: RegisterKeyMethod of " + string(m) + " with a nil implementation")
	}
	keyMethodsMu.Lock()
	defer keyMethodsMu.Unlock()
	keyMethods[m] = impl
}

// keyMethod returns the registered implementation of m, or nil.
func keyMethod(m SignatureMethod) KeyMethod {
	keyMethodsMu.RLock()
	defer keyMethodsMu.RUnlock()
	return keyMethods[m]
}

// anyKeyMethod returns a registered key-pair implementation, or nil.
func anyKeyMethod() KeyMethod {
	for _, m := range signatureMethods {
		if impl := keyMethod(m); impl != nil {
			return impl
		}
	}
	return nil
}

// errNeedsFullSigner is the error for a call that needs a key-pair method
// this program has not registered.
func errNeedsFullSigner() error {
	return fieldErr("signatureMethod", "needs the full signer, which includes RSA: it is loading", ErrNeedsFullSigner)
}

type methodKind int

const (
	kindHMAC methodKind = iota
	kindKeyPair
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
	RSASHA1:    {kindKeyPair, crypto.SHA1},
	RSASHA256:  {kindKeyPair, crypto.SHA256},
	RSASHA512:  {kindKeyPair, crypto.SHA512},
	PLAINTEXT:  {kindPlaintext, 0},
}

// lookupMethod returns the spec of m, or a FieldError for the
// "signatureMethod" field: ErrUnsupportedSignatureMethod for a method the
// signer does not know, ErrNeedsFullSigner for a key-pair method nobody
// registered.
func lookupMethod(m SignatureMethod) (methodSpec, error) {
	spec, ok := methods[m]
	if !ok {
		names := make([]string, len(signatureMethods))
		for i, m := range signatureMethods {
			names[i] = string(m)
		}
		return methodSpec{}, fieldErr("signatureMethod", "is not one of "+strings.Join(names, ", "), ErrUnsupportedSignatureMethod)
	}
	if spec.kind == kindKeyPair && keyMethod(m) == nil {
		return methodSpec{}, errNeedsFullSigner()
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
