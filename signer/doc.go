// Package signer computes OAuth 1.0a signatures (RFC 5849) and explains
// them: [Sign] returns the signature together with every intermediate
// step, so a page or a test can show or pin each one.
//
// # Steps
//
// A signature is computed in these steps, each a [Step] of the [Result]:
//
//  1. Collect the parameters: query, form-encoded body, oauth_* protocol
//     parameters (section 3.4.1.3.1).
//  2. Percent-encode every name and value (section 3.6).
//  3. Sort by encoded name, then by encoded value (section 3.4.1.3.2).
//  4. Join them as name=value pairs with "&": the parameter string.
//  5. Build the base string URI: scheme and host lower-cased, default port
//     dropped, no query (section 3.4.1.2).
//  6. Join method, encoded base string URI and encoded parameter string
//     with "&": the signature base string (section 3.4.1.1).
//  7. Build the signing key: encoded consumer secret "&" encoded token
//     secret (section 3.4.2).
//  8. Compute the HMAC digest of the base string under the key.
//  9. Encode the digest in base64: the signature.
//  10. Send it in the Authorization header (section 3.5.1).
//
// # Signature methods
//
// HMAC-SHA1, its SHA-256 and SHA-512 variants and PLAINTEXT are built in.
// The RSA methods register themselves when a program imports
// signer/rsamethods, which brings crypto/rsa and crypto/x509 with it:
//
//	import _ "github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
//
// Without it, [Supports] reports false for them, and a call that needs
// them returns a [*FieldError] wrapping [ErrNeedsFullSigner].
//
// # Secrets
//
// Errors are [*FieldError] values that name the field at fault and never
// include its value, and the package prints nothing: in the browser,
// anything a Go program prints reaches the console.
package signer
