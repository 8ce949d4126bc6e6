//go:build !oauth1_lite

package signer

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"strconv"
	"strings"
)

// The RSA methods live apart so that the page's first download, the
// oauth1_lite build, can leave out crypto/rsa and crypto/x509 (about half
// of the binary) and load the full build only when RSA is chosen.

// HasRSA reports whether this build implements the RSA methods: false in
// the oauth1_lite build.
const HasRSA = true

// rsaSignDigest signs digest with the PEM private key and returns the
// signature, the PEM public key and the key's size in bits (RFC 5849
// section 3.4.3).
func rsaSignDigest(privateKeyPEM string, spec methodSpec, digest []byte) (sig []byte, publicPEM string, bits int, err error) {
	key, err := ParsePrivateKey(privateKeyPEM)
	if err != nil {
		return nil, "", 0, err
	}
	sig, err = rsaSign(key, spec, digest)
	if err != nil {
		return nil, "", 0, err
	}
	return sig, publicKeyPEM(&key.PublicKey), key.N.BitLen(), nil
}

// rsaVerifier returns a function that checks an RSASSA-PKCS1-v1_5
// signature of a digest with publicKeyPEM or, when that is empty, with the
// public half of r.PrivateKey.
func rsaVerifier(r Request, publicKeyPEM string) (func(spec methodSpec, digest, sig []byte) bool, error) {
	pub, err := verifyKey(r, publicKeyPEM)
	if err != nil {
		return nil, err
	}
	return func(spec methodSpec, digest, sig []byte) bool {
		return len(sig) > 0 && rsa.VerifyPKCS1v15(pub, spec.hash, digest, sig) == nil
	}, nil
}

// verifyKey returns the RSA public key to verify with.
func verifyKey(r Request, publicKeyPEM string) (*rsa.PublicKey, error) {
	if strings.TrimSpace(publicKeyPEM) == "" && strings.TrimSpace(r.PrivateKey) != "" {
		key, err := ParsePrivateKey(r.PrivateKey)
		if err != nil {
			return nil, err
		}
		return &key.PublicKey, nil
	}
	return ParsePublicKey(publicKeyPEM)
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
