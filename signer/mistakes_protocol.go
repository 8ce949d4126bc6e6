package signer

import (
	"crypto"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// keyMistakes returns the ways of getting the signing key (RFC 5849 section
// 3.4.2), the protocol parameters (section 3.1) and the signature's
// encoding wrong.
func keyMistakes() []Mistake {
	return []Mistake{
		{ID: "key-no-token-secret", Title: "Token secret left out of the key",
			Explanation: "It is what you get when the signing key is the consumer secret and \"&\" only, without the token secret.",
			Fix:         "Build the key as encode(consumer secret) & encode(token secret).",
			apply: func(r *Request, pl *pipeline) bool {
				pl.signingKey = func(cs, _ string, enc func(string) string) string { return enc(cs) + "&" }
				return r.TokenSecret != "" && isHMAC(r)
			},
			replaces: stageKey},
		{ID: "key-consumer-secret-only", Title: "Key is the consumer secret alone",
			Explanation: "It is what you get when the signing key is just the consumer secret, without the \"&\".",
			Fix:         "Always add \"&\", even when there is no token secret: the key of a request-token call is \"consumer_secret&\".",
			apply: func(r *Request, pl *pipeline) bool {
				pl.signingKey = func(cs, _ string, enc func(string) string) string { return enc(cs) }
				return isHMAC(r) || orDefault(r.SignatureMethod) == PLAINTEXT
			},
			replaces: stageKey},
		{ID: "key-no-ampersand", Title: "Key without \"&\"",
			Explanation: "It is what you get when the two secrets are joined without \"&\".",
			Fix:         "Join them as encode(consumer secret) & encode(token secret).",
			apply: func(r *Request, pl *pipeline) bool {
				pl.signingKey = func(cs, ts string, enc func(string) string) string { return enc(cs) + enc(ts) }
				return r.TokenSecret != "" && (isHMAC(r) || orDefault(r.SignatureMethod) == PLAINTEXT)
			},
			replaces: stageKey},
		{ID: "key-not-encoded", Title: "Secrets not encoded in the key",
			Explanation: "It is what you get when the secrets go into the key without percent-encoding.",
			Fix:         "Percent-encode each secret before joining them with \"&\" (RFC 5849 section 3.4.2).",
			apply: func(r *Request, pl *pipeline) bool {
				pl.signingKey = func(cs, ts string, _ func(string) string) string { return cs + "&" + ts }
				return (isHMAC(r) || orDefault(r.SignatureMethod) == PLAINTEXT) &&
					(PercentEncode(r.ConsumerSecret) != r.ConsumerSecret || PercentEncode(r.TokenSecret) != r.TokenSecret)
			},
			replaces: stageKey},
		{ID: "timestamp-milliseconds", Title: "Timestamp in milliseconds",
			Explanation: "It is what you get with the timestamp in milliseconds (JavaScript's Date.now()).",
			Fix:         "Use whole seconds since 1970: Math.floor(Date.now() / 1000).",
			apply: func(r *Request, pl *pipeline) bool {
				r.Timestamp += "000"
				return true
			},
			wraps: stageRequest},
		{ID: "version-1.0a", Title: "oauth_version=1.0a",
			Explanation: "It is what you get with oauth_version=1.0a. The protocol is called 1.0a, but the parameter's value is 1.0.",
			Fix:         "Send oauth_version=1.0, or leave it out.",
			apply: func(r *Request, pl *pipeline) bool {
				r.Version = "1.0a"
				return true
			},
			wraps: stageRequest, replaces: stageVersion},
		{ID: "version-omitted", Title: "oauth_version left out",
			Explanation: "It is what you get without oauth_version, while these inputs include it.",
			Fix:         "Sign exactly the oauth_* parameters you send: either send and sign oauth_version=1.0, or neither.",
			apply: func(r *Request, pl *pipeline) bool {
				had := r.Version != ""
				r.Version = ""
				return had
			},
			wraps: stageRequest, replaces: stageVersion},
		{ID: "version-added", Title: "oauth_version=1.0 added",
			Explanation: "It is what you get with oauth_version=1.0 signed, while these inputs leave it out.",
			Fix:         "Sign exactly the oauth_* parameters you send: either send and sign oauth_version=1.0, or neither.",
			apply: func(r *Request, pl *pipeline) bool {
				had := r.Version == ""
				r.Version = "1.0"
				return had
			},
			wraps: stageRequest, replaces: stageVersion},
		{ID: "signature-signed", Title: "oauth_signature signed",
			Explanation: "It is what you get when oauth_signature is among the parameters signed: it is the one protocol parameter that never is.",
			Fix:         "Leave oauth_signature out of the parameters you sign (RFC 5849 section 3.4.1.3.1), and add it to the request only after signing.",
			// Its value is not known before signing, so it is recognised in
			// a base string only (JudgeBaseString).
			apply: func(*Request, *pipeline) bool { return false }},
		{ID: "hex-then-base64", Title: "Hex digest base64-encoded",
			Explanation: "It is what you get when the digest is written as hex text and that text is base64-encoded.",
			Fix:         "Base64-encode the raw digest bytes (in Node, hmac.digest('base64'); in Python, base64.b64encode(h.digest())).",
			apply: func(r *Request, pl *pipeline) bool {
				pl.output = func(sum []byte) string {
					return base64.StdEncoding.EncodeToString([]byte(hex.EncodeToString(sum)))
				}
				pl.readOutput = func(s string) ([]byte, bool) {
					b, ok := readBase64(s)
					if !ok {
						return nil, false
					}
					return readHex(string(b))
				}
				return isHMAC(r)
			},
			replaces: stageOutput},
		{ID: "signature-hex", Title: "Signature sent as hex",
			Explanation: "It is what you get when the signature octets are written as hexadecimal text instead of base64, as PHP's hash_hmac() returns them unless its raw_output argument is true, or Node's sign.sign(key, 'hex').",
			Fix:         "Send the base64 of the signature octets (RFC 5849 sections 3.4.2 and 3.4.3): in PHP base64_encode(hash_hmac('sha1', $base, $key, true)), in Node sign.sign(key, 'base64').",
			apply: func(r *Request, pl *pipeline) bool {
				pl.output, pl.readOutput = hex.EncodeToString, readHex
				return orDefault(r.SignatureMethod) != PLAINTEXT
			},
			replaces: stageOutput},
		{ID: "signature-raw-bytes", Title: "Signature sent as raw bytes",
			Explanation: "It is what you get when the signature octets are sent as they are, not base64-encoded, as PHP's openssl_sign() and hash_hmac(..., true) return them.",
			Fix:         "Base64-encode the signature octets before sending them (RFC 5849 sections 3.4.2 and 3.4.3), then percent-encode that in the header.",
			apply: func(r *Request, pl *pipeline) bool {
				pl.output = func(sum []byte) string { return string(sum) }
				pl.readOutput = readRaw
				return orDefault(r.SignatureMethod) != PLAINTEXT
			},
			replaces: stageOutput},
	}
}

// readHex decodes hexadecimal text in either case.
func readHex(s string) ([]byte, bool) {
	b, err := hex.DecodeString(s)
	return b, err == nil && len(b) > 0
}

// readRaw takes a received signature as its own octets or, when it is
// UTF-8 text of characters below U+0100 (raw octets read as Latin-1 and
// written out as UTF-8, as a JavaScript string of bytes is), as the
// Latin-1 octets of those characters.
func readRaw(s string) ([]byte, bool) {
	if s == "" {
		return nil, false
	}
	if !utf8.ValidString(s) || !hasNonASCII(s) {
		return []byte(s), true
	}
	b := make([]byte, 0, len(s))
	for _, c := range s {
		if c >= 0x100 {
			return []byte(s), true
		}
		b = append(b, byte(c))
	}
	return b, true
}

func hashVariant(h crypto.Hash) func(*Request, *pipeline) bool {
	return func(r *Request, pl *pipeline) bool {
		spec, err := lookupMethod(orDefault(r.SignatureMethod))
		if err != nil || spec.kind != kindHMAC || spec.hash == h {
			return false
		}
		pl.hash = func(s methodSpec) methodSpec { s.hash = h; return s }
		return true
	}
}

// bodyHashSHA1 returns oauthlib's body hash: SHA-1 of the body whatever the
// signature method names (draft-eaton-oauth-bodyhash section 3.1 ties the
// body hash to the signature method's hash).
func bodyHashSHA1() Mistake {
	return Mistake{
		ID:    "body-hash-sha1",
		Title: "Body hash always SHA-1",
		Explanation: "It is what you get when oauth_body_hash is the SHA-1 of the body whatever the signature method, " +
			"as Python's oauthlib computes it (its source says no effort is made to replace SHA-1).",
		Fix: "Hash the body with the hash the signature method names: SHA-256 for HMAC-SHA256 and RSA-SHA256, " +
			"SHA-512 for the -SHA512 methods, as the body hash draft does for SHA-1 methods (section 3.1). " +
			"A server that expects SHA-1 there says so in its documentation.",
		apply: func(r *Request, pl *pipeline) bool {
			spec, err := lookupMethod(orDefault(r.SignatureMethod))
			if err != nil || !r.BodyHash || spec.kind == kindPlaintext || spec.hash == crypto.SHA1 {
				return false
			}
			pl.bodyHash = func(s methodSpec) methodSpec { s.hash = crypto.SHA1; return s }
			return true
		},
		replaces: stageBodyHash,
	}
}

// hashMistakes returns one "hashed with the wrong hash" mistake per hash
// an HMAC method can name (RFC 5849 section 3.4.2 and its SHA-2 variants).
func hashMistakes() []Mistake {
	var out []Mistake
	for _, h := range []crypto.Hash{crypto.SHA1, crypto.SHA256, crypto.SHA512} {
		name := h.String() // "SHA-256"
		out = append(out, Mistake{
			ID:          "hash-" + strings.ToLower(strings.ReplaceAll(name, "-", "")),
			Title:       "Hashed with " + name,
			Explanation: "It is what you get when the digest is computed with " + name + ", not the hash the signature method names.",
			Fix:         "Use the hash that oauth_signature_method names.",
			apply:       hashVariant(h),
			replaces:    stageHash,
		})
	}
	return out
}
