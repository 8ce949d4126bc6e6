package signer

import (
	"crypto"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"strconv"
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

// ParsePrivateKey reads an RSA private key from PEM text, PKCS#1
// ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY"), for RSA-SHA1 and its
// SHA-2 variants (RFC 5849 section 3.4.3). Errors name the "privateKey"
// field and say what kind of text it was, never the text.
func ParsePrivateKey(pemText string) (*rsa.PrivateKey, error) {
	const field = "privateKey"
	if strings.TrimSpace(pemText) == "" {
		return nil, fieldErr(field, "is empty: RSA methods sign with an RSA private key in PEM form", ErrRequired)
	}
	block, _ := pem.Decode([]byte(strings.TrimSpace(pemText)))
	if block == nil {
		return nil, fieldErr(field, "is not PEM: paste the whole key, from -----BEGIN to -----END", ErrMalformed)
	}
	if _, encrypted := block.Headers["Proc-Type"]; encrypted || block.Type == "ENCRYPTED PRIVATE KEY" {
		return nil, fieldErr(field, "is encrypted: decrypt it first (openssl pkey -in key.pem -out plain.pem)", ErrMalformed)
	}
	switch block.Type {
	case "RSA PRIVATE KEY":
		key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
		if err != nil {
			return nil, fieldErr(field, "is an RSA PRIVATE KEY block that does not parse as PKCS#1", ErrMalformed)
		}
		return key, nil
	case "PRIVATE KEY":
		key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, fieldErr(field, "is a PRIVATE KEY block that does not parse as PKCS#8", ErrMalformed)
		}
		rsaKey, ok := key.(*rsa.PrivateKey)
		if !ok {
			return nil, fieldErr(field, "is not an RSA key: RSA methods need an RSA private key", ErrMalformed)
		}
		return rsaKey, nil
	case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE":
		return nil, fieldErr(field, "is a "+strings.ToLower(block.Type)+": signing needs the private key (a public key or certificate only verifies)", ErrMalformed)
	}
	return nil, fieldErr(field, "is a PEM block of an unknown type: expected RSA PRIVATE KEY or PRIVATE KEY", ErrMalformed)
}

// ParsePublicKey reads an RSA public key for verification from PEM text:
// a PKIX "PUBLIC KEY", a PKCS#1 "RSA PUBLIC KEY", or an X.509
// "CERTIFICATE" (RFC 5849 section 3.4.3). Errors name the "publicKey"
// field.
func ParsePublicKey(pemText string) (*rsa.PublicKey, error) {
	const field = "publicKey"
	if strings.TrimSpace(pemText) == "" {
		return nil, fieldErr(field, "is empty: RSA signatures verify with the client's public key or certificate", ErrRequired)
	}
	block, _ := pem.Decode([]byte(strings.TrimSpace(pemText)))
	if block == nil {
		return nil, fieldErr(field, "is not PEM: paste the whole key or certificate, from -----BEGIN to -----END", ErrMalformed)
	}
	var key any
	var err error
	switch block.Type {
	case "PUBLIC KEY":
		key, err = x509.ParsePKIXPublicKey(block.Bytes)
	case "RSA PUBLIC KEY":
		key, err = x509.ParsePKCS1PublicKey(block.Bytes)
	case "CERTIFICATE":
		var cert *x509.Certificate
		if cert, err = x509.ParseCertificate(block.Bytes); err == nil {
			key = cert.PublicKey
		}
	case "PRIVATE KEY", "RSA PRIVATE KEY":
		return nil, fieldErr(field, "is a private key: paste the public key or certificate here, and keep the private key private", ErrMalformed)
	default:
		return nil, fieldErr(field, "is a PEM block of an unknown type: expected PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE", ErrMalformed)
	}
	if err != nil {
		return nil, fieldErr(field, "is a "+block.Type+" block that does not parse", ErrMalformed)
	}
	rsaKey, ok := key.(*rsa.PublicKey)
	if !ok {
		return nil, fieldErr(field, "is not an RSA key", ErrMalformed)
	}
	return rsaKey, nil
}

// publicKeyPEM encodes pub as a PKIX "PUBLIC KEY" PEM block, the form a
// service provider asks the client to register.
func publicKeyPEM(pub *rsa.PublicKey) string {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return ""
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

// rsaSign signs the digest with RSASSA-PKCS1-v1_5 (RFC 3447 section 8.2),
// which is deterministic: the same key and digest give the same signature.
func rsaSign(key *rsa.PrivateKey, spec methodSpec, digest []byte) ([]byte, error) {
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, spec.hash, digest)
	if err != nil {
		reason := "could not sign"
		if errors.Is(err, rsa.ErrMessageTooLong) {
			reason = "is too small for " + spec.hash.String()
		} else if key.N != nil && key.N.BitLen() < 1024 {
			reason = "is " + strconv.Itoa(key.N.BitLen()) + " bits: RSA keys need at least 1024"
		}
		return nil, fieldErr("privateKey", reason, ErrMalformed)
	}
	return sig, nil
}
