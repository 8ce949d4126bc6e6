// Package rsamethods implements the RSA signature methods of OAuth 1.0a,
// RSA-SHA1 (RFC 5849 section 3.4.3) and its RSA-SHA256 and RSA-SHA512
// variants, and registers them with package signer when it is imported:
//
//	import _ "github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
//
// It lives apart so that a program can leave out crypto/rsa and
// crypto/x509, about half of a WebAssembly build: the page's first
// download does, and loads the build with RSA only when RSA is chosen.
package rsamethods

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"strconv"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

func init() {
	for _, m := range []signer.SignatureMethod{signer.RSASHA1, signer.RSASHA256, signer.RSASHA512} {
		signer.RegisterKeyMethod(m, method{})
	}
}

// method is RSASSA-PKCS1-v1_5 over the digest the signer computed (RFC
// 5849 section 3.4.3, RFC 3447 section 8.2).
type method struct{}

// Sign signs digest with the PEM private key and returns the signature,
// the PEM public key and the key's size in bits (RFC 5849 section 3.4.3).
func (method) Sign(privateKeyPEM string, hash crypto.Hash, digest []byte) (sig []byte, publicPEM string, bits int, err error) {
	key, err := ParsePrivateKey(privateKeyPEM)
	if err != nil {
		return nil, "", 0, err
	}
	sig, err = sign(key, hash, digest)
	if err != nil {
		return nil, "", 0, err
	}
	return sig, publicKeyPEM(&key.PublicKey), key.N.BitLen(), nil
}

// Verifier returns a function that checks an RSASSA-PKCS1-v1_5 signature
// of a digest with publicKeyPEM or, when that is empty, with the public
// half of privateKeyPEM (RFC 5849 section 3.4.3).
func (method) Verifier(publicKeyPEM, privateKeyPEM string) (func(hash crypto.Hash, digest, sig []byte) bool, error) {
	pub, err := verifyKey(publicKeyPEM, privateKeyPEM)
	if err != nil {
		return nil, err
	}
	return func(hash crypto.Hash, digest, sig []byte) bool {
		return len(sig) > 0 && rsa.VerifyPKCS1v15(pub, hash, digest, sig) == nil
	}, nil
}

// verifyKey returns the RSA public key to verify with.
func verifyKey(publicKeyPEM, privateKeyPEM string) (*rsa.PublicKey, error) {
	if strings.TrimSpace(publicKeyPEM) == "" && strings.TrimSpace(privateKeyPEM) != "" {
		key, err := ParsePrivateKey(privateKeyPEM)
		if err != nil {
			return nil, err
		}
		return &key.PublicKey, nil
	}
	return ParsePublicKey(publicKeyPEM)
}

func fieldErr(field, reason string, sentinel error) error {
	return &signer.FieldError{Field: field, Reason: reason, Err: sentinel}
}

// ParsePrivateKey reads an RSA private key from PEM text, PKCS#1
// ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY"), for RSA-SHA1 and its
// SHA-2 variants (RFC 5849 section 3.4.3). Errors are [*signer.FieldError]
// values that name the "privateKey" field and say what kind of text it
// was, never the text.
func ParsePrivateKey(pemText string) (*rsa.PrivateKey, error) {
	const field = "privateKey"
	if strings.TrimSpace(pemText) == "" {
		return nil, fieldErr(field, "is empty: RSA methods sign with an RSA private key in PEM form", signer.ErrRequired)
	}
	block, _ := pem.Decode([]byte(strings.TrimSpace(pemText)))
	if block == nil {
		return nil, fieldErr(field, "is not PEM: paste the whole key, from -----BEGIN to -----END", signer.ErrMalformed)
	}
	if _, encrypted := block.Headers["Proc-Type"]; encrypted || block.Type == "ENCRYPTED PRIVATE KEY" {
		return nil, fieldErr(field, "is encrypted: decrypt it first (openssl pkey -in key.pem -out plain.pem)", signer.ErrMalformed)
	}
	switch block.Type {
	case "RSA PRIVATE KEY":
		key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
		if err != nil {
			return nil, fieldErr(field, "is an RSA PRIVATE KEY block that does not parse as PKCS#1", signer.ErrMalformed)
		}
		return key, nil
	case "PRIVATE KEY":
		key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, fieldErr(field, "is a PRIVATE KEY block that does not parse as PKCS#8", signer.ErrMalformed)
		}
		rsaKey, ok := key.(*rsa.PrivateKey)
		if !ok {
			return nil, fieldErr(field, "is not an RSA key: RSA methods need an RSA private key", signer.ErrMalformed)
		}
		return rsaKey, nil
	case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE":
		return nil, fieldErr(field, "is a "+strings.ToLower(block.Type)+": signing needs the private key (a public key or certificate only verifies)", signer.ErrMalformed)
	}
	return nil, fieldErr(field, "is a PEM block of an unknown type: expected RSA PRIVATE KEY or PRIVATE KEY", signer.ErrMalformed)
}

// ParsePublicKey reads an RSA public key for verification from PEM text:
// a PKIX "PUBLIC KEY", a PKCS#1 "RSA PUBLIC KEY", or an X.509
// "CERTIFICATE" (RFC 5849 section 3.4.3). Errors are [*signer.FieldError]
// values that name the "publicKey" field.
func ParsePublicKey(pemText string) (*rsa.PublicKey, error) {
	const field = "publicKey"
	if strings.TrimSpace(pemText) == "" {
		return nil, fieldErr(field, "is empty: RSA signatures verify with the client's public key or certificate", signer.ErrRequired)
	}
	block, _ := pem.Decode([]byte(strings.TrimSpace(pemText)))
	if block == nil {
		return nil, fieldErr(field, "is not PEM: paste the whole key or certificate, from -----BEGIN to -----END", signer.ErrMalformed)
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
		return nil, fieldErr(field, "is a private key: paste the public key or certificate here, and keep the private key private", signer.ErrMalformed)
	default:
		return nil, fieldErr(field, "is a PEM block of an unknown type: expected PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE", signer.ErrMalformed)
	}
	if err != nil {
		return nil, fieldErr(field, "is a "+block.Type+" block that does not parse", signer.ErrMalformed)
	}
	rsaKey, ok := key.(*rsa.PublicKey)
	if !ok {
		return nil, fieldErr(field, "is not an RSA key", signer.ErrMalformed)
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

// sign signs the digest with RSASSA-PKCS1-v1_5 (RFC 3447 section 8.2),
// which is deterministic: the same key and digest give the same signature.
func sign(key *rsa.PrivateKey, hash crypto.Hash, digest []byte) ([]byte, error) {
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, hash, digest)
	if err != nil {
		reason := "could not sign"
		if errors.Is(err, rsa.ErrMessageTooLong) {
			reason = "is too small for " + hash.String()
		} else if key.N != nil && key.N.BitLen() < 1024 {
			reason = "is " + strconv.Itoa(key.N.BitLen()) + " bits: RSA keys need at least 1024"
		}
		return nil, fieldErr("privateKey", reason, signer.ErrMalformed)
	}
	return sig, nil
}
