package snippets

import "github.com/oauth1-playground/oauth1-playground/signer"

// curlSnippet is the signed request as the signer's curl writer gives it:
// the signature is computed already, so the line holds no secret, except
// for PLAINTEXT, whose signature is the secrets (RFC 5849 section 3.4.4).
func curlReason(m *model) string {
	if m.sig == signer.PLAINTEXT {
		return "A PLAINTEXT signature is the consumer secret and token secret themselves (RFC 5849 section 3.4.4), so a curl line would carry them. Use one of the library snippets: they read the secrets from the environment."
	}
	return ""
}

// curlCode is the signer's curl command with a comment. Never called for
// PLAINTEXT, whose command holds the secrets.
func curlCode(m *model) string {
	return "# The signed request: its nonce and timestamp are fixed, so a server that\n" +
		"# checks them accepts it once, and only within its time window.\n" + m.res.Curl + "\n"
}
