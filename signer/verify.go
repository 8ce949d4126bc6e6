package signer

import (
	"crypto/hmac"
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
)

// Verification is the outcome of [Verify].
type Verification struct {
	Valid    bool
	Reason   string  // one plain sentence saying why
	Expected string  // the signature recomputed from the inputs; empty for RSA
	Result   *Result // the recomputed steps (for RSA, up to the base string)

	// Warnings are what a server may refuse the request for although the
	// signature is right, as far as the request alone shows: a timestamp
	// in milliseconds or not made of digits, an oauth_version other than
	// "1.0", a body hash on a form body, PLAINTEXT without a nonce; and,
	// when the signature is valid, what a signature cannot show. The
	// clock's own warnings are [TimestampWarnings].
	Warnings []Warning
}

// Verify recomputes the signature of r, whose Nonce and Timestamp must be
// the ones that were sent, and compares it with received (RFC 5849 section
// 3.2): HMAC digests with [hmac.Equal], which takes the same time wherever
// two values differ; RSA signatures with RSASSA-PKCS1-v1_5 verification
// against publicKeyPEM (a public key or certificate; when empty, the public
// half of r.PrivateKey). A received value that is still percent-encoded,
// as copied from a header, is decoded first.
//
// The request is signed as it was sent: nothing is generated or left out.
// A parameter that was sent empty (an oauth_token="" of a header) is a
// [Param] of r and is signed as "oauth_token=" (section 3.4.1.3.1); a
// PLAINTEXT request may lack the nonce and timestamp (section 3.1), the
// other methods need both; a body hash on a form body is checked, with a
// warning.
func Verify(r Request, received, publicKeyPEM string) (*Verification, error) {
	if received == "" {
		return nil, fieldErr("signature", "is empty: paste the oauth_signature that was sent", ErrRequired)
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
	warnings, err := sentNonceAndTimestamp(d)
	if err != nil {
		return nil, err
	}
	check, err := d.keyVerifier(publicKeyPEM)
	if err != nil {
		return nil, err
	}
	v := &Verification{Result: d.res}
	defer func() {
		v.Warnings = append(append(v.Warnings, d.res.Warnings...), warnings...)
		if v.Valid {
			v.Warnings = append(v.Warnings, cannotShow)
		}
	}()
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

// sentNonceAndTimestamp checks that a prepared request carries the
// oauth_nonce and oauth_timestamp that were sent, which only PLAINTEXT may
// omit (RFC 5849 section 3.1); for a PLAINTEXT request without them it
// returns the warning plaintext-no-nonce.
func sentNonceAndTimestamp(d *draft) ([]Warning, error) {
	var missing []string
	for _, name := range []string{oauthNonce, oauthTimestamp} {
		if !slices.ContainsFunc(d.res.Parameters, func(p Param) bool { return p.Name == name }) {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	if d.spec.kind == kindPlaintext {
		return []Warning{{WarningPlaintextNoNonce, "This PLAINTEXT request has no " + strings.Join(missing, " and no ") + ". RFC 5849 section 3.1 lets PLAINTEXT leave them out, but then nothing stops the request from being replayed, and many servers require them anyway."}}, nil
	}
	field := strings.TrimPrefix(missing[0], "oauth_")
	return nil, fieldErr(field, "is empty: verifying needs the "+missing[0]+" that was sent (only PLAINTEXT may leave it out, RFC 5849 section 3.1)", ErrRequired)
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
// header's realm and parameters replace r's consumer key, token, nonce,
// timestamp, version, callback, verifier, realm, body hash, its Params of
// Source SourceProtocol and those named as a header parameter that it does
// not place in the query or body, and r supplies the method, URL, body, secrets and,
// when the header names none, the signature method. Every parameter of the
// header but realm and oauth_signature is signed as sent, an empty one
// too (section 3.4.1.3.1): oauth_token="" is signed as "oauth_token=". A
// protocol parameter given twice is an error, and so is a header without
// oauth_signature. When the header carries oauth_body_hash, the body must
// hash to it as well.
func VerifyAuthorization(r Request, header, publicKeyPEM string) (*Verification, error) {
	realm, params, err := ParseAuthorizationHeader(header)
	if err != nil {
		return nil, err
	}
	r.Realm = realm
	r.BodyHash = false
	r.ConsumerKey, r.Token, r.Nonce, r.Timestamp = "", "", "", ""
	r.Version, r.Callback, r.Verifier = "", "", ""
	// The header's copy of a parameter wins over r's: a protocol one, or
	// one of the same name that r does not place in its query or body (as
	// a request that went through JavaScript carries the header's extra
	// parameters).
	inHeader := map[string]bool{}
	for _, p := range params {
		inHeader[p.Name] = true
	}
	r.Params = slices.DeleteFunc(slices.Clone(r.Params), func(p Param) bool {
		return p.Source == SourceProtocol || inHeader[p.Name] && p.Source != SourceQuery && p.Source != SourceBody
	})
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
		case p.Value == "" && p.Name != oauthConsumerKey && p.Name != oauthSignatureMethod:
			// Sign would leave an empty field out; it was sent, so it is
			// signed as a parameter.
			r.Params = append(r.Params, p)
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
		v.Warnings = slices.DeleteFunc(v.Warnings, func(w Warning) bool { return w.ID == WarningSignatureCannotShow })
		v.Reason = "The body does not hash to the oauth_body_hash that was sent: the body changed, or the hash was taken over different bytes."
	}
	return v, nil
}
