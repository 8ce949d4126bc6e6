package snippets

import (
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// pythonSnippet writes Python with requests and requests-oauthlib, whose
// signing is oauthlib's (oauthlib/oauth1/rfc5849: Client.get_oauth_params,
// signature.base_string_uri, collect_parameters). What it cannot send:
//   - another oauth_version than 1.0: get_oauth_params always adds
//     ("oauth_version", "1.0");
//   - oauth_body_hash for a method other than *-SHA1: it hashes the body
//     with hashlib.sha1 whatever the method, and only when it is given a
//     body with a Content-Type that is not a form;
//   - a body without a Content-Type: requests-oauthlib then guesses it is
//     a form when it looks like one, and signs its pairs.
//
// base_string_uri lower-cases scheme and host, drops a default port and
// makes an empty path "/", and keeps the path as written.
func pythonReason(m *model) string {
	const lib = "requests-oauthlib"
	if r := m.commonReason(lib); r != "" {
		return r
	}
	switch {
	case m.r.Version != "1.0" && m.signsRequest():
		return "oauthlib always sends oauth_version=1.0 (Client.get_oauth_params), and this request has " + versionWords(m.r.Version) + ". Workaround: set the version to 1.0, or pass client_class= a subclass of oauthlib.oauth1.Client whose get_oauth_params leaves oauth_version out."
	case m.r.BodyHash && m.hashName() != "sha1":
		return "oauthlib computes oauth_body_hash with SHA-1 whatever the signature method (Client.get_oauth_params), and draft-eaton-oauth-bodyhash section 3.1 takes the method's hash, " + strings.ToUpper(strings.Replace(m.hashName(), "sha", "SHA-", 1)) + ". Workaround: HMAC-SHA1 or RSA-SHA1, or turn the body hash off."
	case m.r.BodyHash && (m.body == "" || m.contentType == ""):
		return "oauthlib adds oauth_body_hash only for a non-empty body with a Content-Type, and the signer hashes this body too. Workaround: give the body a Content-Type, or turn the body hash off."
	case m.body != "" && m.contentType == "" && m.signsRequest():
		return "requests-oauthlib takes a body without a Content-Type for a form when it looks like one, and signs its pairs; the signer does not. Workaround: give the body a Content-Type."
	}
	if r := m.baseReason("oauthlib", m.tolerantBase()); r != "" {
		return r
	}
	return ""
}

func pythonCode(m *model) string {
	var b strings.Builder
	w := func(s ...string) { b.WriteString(strings.Join(s, "")); b.WriteByte('\n') }
	w("# ", m.method, " signed with ", string(m.sig), " by requests-oauthlib (oauthlib).")
	w("# Install: pip install requests-oauthlib (Debian: apt install python3-requests-oauthlib).")
	w("# The secrets come from the environment: ", m.envList(), ".")
	w("import os" + "\n" +
		"" + "\n" +
		"import requests" + "\n" +
		"from requests_oauthlib import OAuth1" + "\n" +
		"" + "\n" +
		"auth = OAuth1(")
	w("    ", pyStr(m.r.ConsumerKey), ",")
	if m.rsa() {
		w("    rsa_key=open(os.environ[\"", EnvPrivateKeyFile, "\"]).read(),")
	} else {
		w("    client_secret=os.environ[\"", EnvConsumerSecret, "\"],")
	}
	if m.hasToken() {
		w("    resource_owner_key=", pyStr(m.r.Token), ",")
		if !m.rsa() {
			w("    resource_owner_secret=os.environ[\"", EnvTokenSecret, "\"],")
		}
	}
	if m.r.Callback != "" {
		w("    callback_uri=", pyStr(m.r.Callback), ",")
	}
	if m.r.Verifier != "" {
		w("    verifier=", pyStr(m.r.Verifier), ",")
	}
	w("    signature_method=", pyStr(string(m.sig)), ",")
	w("    signature_type=", pyStr(map[signer.Transport]string{signer.TransportHeader: "AUTH_HEADER", signer.TransportQuery: "QUERY", signer.TransportBody: "BODY"}[m.transport]), ",")
	if m.r.Realm != "" {
		w("    realm=", pyStr(m.r.Realm), ",")
	}
	if m.r.BodyHash {
		w("    force_include_body=True,  # adds oauth_body_hash (SHA-1 of the body)")
	}
	w("    # ", fixedComment)
	w("    nonce=", pyStr(m.res.Nonce), ",")
	w("    timestamp=", pyStr(m.res.Timestamp), ",")
	w(")" + "\n" +
		"response = requests.request(")
	w("    ", pyStr(m.method), ",")
	w("    ", pyStr(m.url), ",")
	if m.body != "" {
		if isASCII(m.body) {
			w("    data=", pyStr(m.body), ",")
		} else {
			w("    data=", pyStr(m.body), ".encode(\"utf-8\"),")
		}
	}
	if m.contentType != "" {
		w("    headers={\"Content-Type\": ", pyStr(m.contentType), "},")
	}
	w("    auth=auth," + "\n" +
		")" + "\n" +
		"print(response.status_code, response.text)")
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func versionWords(v string) string {
	if v == "" {
		return "none"
	}
	return "oauth_version=" + v
}

// envList names the environment variables the snippet reads.
func (m *model) envList() string {
	if m.rsa() {
		return EnvPrivateKeyFile + " (the path of the PEM private key)"
	}
	if m.hasToken() || m.r.TokenSecret != "" {
		return EnvConsumerSecret + " and " + EnvTokenSecret
	}
	return EnvConsumerSecret
}
