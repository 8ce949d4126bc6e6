package signer

import (
	"crypto/hmac"
	"encoding/base64"
	"net/url"
	"strings"
)

// Verification is the outcome of [Verify].
type Verification struct {
	Valid    bool
	Reason   string  // one plain sentence saying why
	Expected string  // the signature recomputed from the inputs; empty for RSA
	Result   *Result // the recomputed steps (for RSA, up to the base string)
}

// Verify recomputes the signature of r, whose Nonce and Timestamp must be
// the ones that were sent, and compares it with received (RFC 5849 section
// 3.2): HMAC digests with [hmac.Equal], which takes the same time wherever
// two values differ; RSA signatures with RSASSA-PKCS1-v1_5 verification
// against publicKeyPEM (a public key or certificate; when empty, the public
// half of r.PrivateKey). A received value that is still percent-encoded,
// as copied from a header, is decoded first.
func Verify(r Request, received, publicKeyPEM string) (*Verification, error) {
	if received == "" {
		return nil, fieldErr("signature", "is empty: paste the oauth_signature that was sent", ErrRequired)
	}
	if r.Nonce == "" {
		return nil, fieldErr("nonce", "is empty: verifying needs the oauth_nonce that was sent", ErrRequired)
	}
	if r.Timestamp == "" {
		return nil, fieldErr("timestamp", "is empty: verifying needs the oauth_timestamp that was sent", ErrRequired)
	}
	note, original := "", received
	if strings.Contains(received, "%") {
		if dec, err := url.PathUnescape(received); err == nil {
			received, note = dec, " (after percent-decoding the value once)"
		}
	}

	d, err := defaultPipeline.prepare(r)
	if err != nil {
		return nil, err
	}
	check, err := d.keyVerifier(publicKeyPEM)
	if err != nil {
		return nil, err
	}
	v := &Verification{Result: d.res}
	if check != nil {
		sig, err := base64.StdEncoding.DecodeString(received)
		if err != nil {
			v.Reason = "The signature is not valid base64" + note + "."
			return v, nil
		}
		v.Valid = check(d.spec, d.spec.sum([]byte(d.res.SignatureBaseString)), sig)
		v.Reason = verdict(v.Valid, "the public key", note)
		return v, nil
	}

	if err := defaultPipeline.finish(d); err != nil {
		return nil, err
	}
	v.Expected = d.res.Signature
	if d.spec.kind == kindPlaintext {
		// A PLAINTEXT signature is the encoded secrets, so it may contain
		// "%" of its own: compare the value as received first.
		v.Valid = hmac.Equal([]byte(original), []byte(d.res.Signature))
		if !v.Valid && note != "" {
			v.Valid = hmac.Equal([]byte(received), []byte(d.res.Signature))
		} else {
			note = ""
		}
		v.Reason = verdict(v.Valid, "the secrets", note)
		return v, nil
	}
	got, err := base64.StdEncoding.DecodeString(received)
	if err != nil {
		v.Reason = "The signature is not valid base64" + note + ": an " + string(d.sigMethod) + " signature is the base64 of the digest."
		return v, nil
	}
	want, _ := base64.StdEncoding.DecodeString(d.res.Signature)
	v.Valid = hmac.Equal(got, want)
	v.Reason = verdict(v.Valid, "the secrets", note)
	return v, nil
}

// keyVerifier returns, for a key-pair method, the check of a signature
// with publicKeyPEM or, when that is empty, with the public half of the
// request's private key (RFC 5849 section 3.4.3); nil for the other
// methods. A public key given when no key-pair method is registered is an
// ErrNeedsFullSigner error whatever the method, so that a caller learns it
// needs the full signer from any call that carries a key.
func (d *draft) keyVerifier(publicKeyPEM string) (func(spec methodSpec, digest, sig []byte) bool, error) {
	if d.spec.kind != kindKeyPair {
		if strings.TrimSpace(publicKeyPEM) != "" && anyKeyMethod() == nil {
			return nil, errNeedsFullSigner()
		}
		return nil, nil
	}
	impl := keyMethod(d.sigMethod)
	if impl == nil {
		return nil, errNeedsFullSigner()
	}
	check, err := impl.Verifier(publicKeyPEM, d.r.PrivateKey)
	if err != nil {
		return nil, err
	}
	return func(spec methodSpec, digest, sig []byte) bool { return check(spec.hash, digest, sig) }, nil
}

func verdict(valid bool, with, note string) string {
	if valid {
		return "The signature matches: recomputed from these inputs with " + with + note + "."
	}
	return "The signature does not match what these inputs and " + with + " produce" + note + "."
}

// VerifyAuthorization verifies a request whose protocol parameters arrived
// in an Authorization header (RFC 5849 sections 3.2 and 3.5.1): the
// header's realm and oauth_* values replace those of r, which supplies the
// method, URL, body and secrets. A protocol parameter given twice is an
// error, and so is a header without oauth_signature. When the header
// carries oauth_body_hash, the body must hash to it as well.
func VerifyAuthorization(r Request, header, publicKeyPEM string) (*Verification, error) {
	realm, params, err := ParseAuthorizationHeader(header)
	if err != nil {
		return nil, err
	}
	r.Realm = realm
	r.BodyHash = false
	var received, bodyHash string
	seen := map[string]bool{}
	for _, p := range params {
		if strings.HasPrefix(p.Name, "oauth_") {
			if seen[p.Name] {
				return nil, fieldErr("authorization", "has "+p.Name+" more than once", ErrMalformed)
			}
			seen[p.Name] = true
		}
		switch {
		case p.Name == oauthSignature:
			received = p.Value
		case p.Name == oauthBodyHash:
			r.BodyHash, bodyHash = true, p.Value
		case !r.setProtocolParam(p.Name, p.Value):
			r.Params = append(r.Params, p)
		}
	}
	if received == "" {
		return nil, fieldErr("authorization", "has no oauth_signature", ErrRequired)
	}
	v, err := Verify(r, received, publicKeyPEM)
	if err != nil {
		return nil, err
	}
	if r.BodyHash && v.Result.BodyHash != bodyHash {
		v.Valid = false
		v.Reason = "The body does not hash to the oauth_body_hash that was sent: the body changed, or the hash was taken over different bytes."
	}
	return v, nil
}
