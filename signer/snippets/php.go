package snippets

import (
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// phpSnippet writes PHP with the pecl oauth extension (2.0.7,
// OAuth::fetch). What the extension does:
//   - the query and the extra parameters are read into a PHP array, one
//     value a name;
//   - oauth_version is always sent (setVersion refuses an empty one);
//   - it has no realm and no oauth_body_hash, and sends oauth_callback
//     and oauth_verifier only from getRequestToken and getAccessToken;
//   - HMAC-SHA1, HMAC-SHA256, RSA-SHA1 and PLAINTEXT; the header (
//     OAUTH_AUTH_TYPE_AUTHORIZATION), query (OAUTH_AUTH_TYPE_URI) and form
//     (OAUTH_AUTH_TYPE_FORM) transports.
//
// phpMethods are the extension's constants for the methods it has.
var phpMethods = map[signer.SignatureMethod]string{signer.HMACSHA1: "OAUTH_SIG_METHOD_HMACSHA1", signer.HMACSHA256: "OAUTH_SIG_METHOD_HMACSHA256",
	signer.RSASHA1: "OAUTH_SIG_METHOD_RSASHA1", signer.PLAINTEXT: "OAUTH_SIG_METHOD_PLAINTEXT"}

// phpAuthTypes are its constants for the transports.
var phpAuthTypes = map[signer.Transport]string{signer.TransportHeader: "OAUTH_AUTH_TYPE_AUTHORIZATION", signer.TransportQuery: "OAUTH_AUTH_TYPE_URI", signer.TransportBody: "OAUTH_AUTH_TYPE_FORM"}

func phpReason(m *model) string {
	const lib = "pecl oauth"
	if r := m.commonReason(lib); r != "" {
		return r
	}
	switch {
	case phpMethods[m.sig] == "":
		return "pecl oauth has no " + string(m.sig) + " (HMAC-SHA1, HMAC-SHA256, RSA-SHA1 and PLAINTEXT)."
	case m.r.Version == "" && m.signsRequest():
		return "pecl oauth always sends oauth_version (setVersion refuses an empty one), and this request has none. Workaround: set the version to 1.0."
	case m.r.Realm != "":
		return "pecl oauth has no realm: it would send the header without it. The realm is not signed, so a server that needs it gets a header you build from OAuth::getRequestHeader by hand."
	case m.r.BodyHash:
		return "pecl oauth has no oauth_body_hash."
	case m.r.Callback != "" || m.r.Verifier != "":
		return "pecl oauth sends oauth_callback and oauth_verifier only from OAuth::getRequestToken and OAuth::getAccessToken, which run the token request themselves. Workaround: call those for the token steps."
	case duplicateNames(m.query, m.formPairs):
		return "pecl oauth reads the query and the form into a PHP array, so a repeated name is signed once."
	case m.transport == signer.TransportBody && m.method != "POST":
		return "pecl oauth puts the parameters in a form body (OAUTH_AUTH_TYPE_FORM) for POST only."
	}
	if r := m.baseReason(lib, m.tolerantBase()); r != "" {
		return r
	}
	return ""
}

func phpCode(m *model) string {
	consts, authType := phpMethods, phpAuthTypes[m.transport]
	if consts[m.sig] == "" {
		consts = map[signer.SignatureMethod]string{m.sig: "'" + string(m.sig) + "'"}
	}
	var b strings.Builder
	w := func(s ...string) { b.WriteString(strings.Join(s, "")); b.WriteByte('\n') }
	w("<?php")
	w("// ", m.method, " signed with ", string(m.sig), " by the pecl oauth extension.")
	w("// Install: pecl install oauth (Debian: apt install php-oauth).")
	w("// The secrets come from the environment: ", m.envList(), ".")
	if m.rsa() {
		w("// RSA signs with the private key alone; the extension still refuses an empty consumer secret.")
		w("$oauth = new OAuth(", phpStr(m.r.ConsumerKey), ", 'unused', ", consts[m.sig], ", ", authType, ");")
		w("$oauth->setRSACertificate(file_get_contents(getenv('", EnvPrivateKeyFile, "')));")
	} else {
		w("$oauth = new OAuth(", phpStr(m.r.ConsumerKey), ", getenv('", EnvConsumerSecret, "'), ", consts[m.sig], ", ", authType, ");")
	}
	if m.hasToken() {
		if m.rsa() {
			w("$oauth->setToken(", phpStr(m.r.Token), ", '');")
		} else {
			w("$oauth->setToken(", phpStr(m.r.Token), ", getenv('", EnvTokenSecret, "'));")
		}
	}
	if m.r.Version != "1.0" && m.r.Version != "" {
		w("$oauth->setVersion(", phpStr(m.r.Version), ");")
	}
	w("// ", fixedComment)
	w("$oauth->setNonce(", phpStr(m.res.Nonce), ");")
	w("$oauth->setTimestamp(", phpStr(m.res.Timestamp), ");")
	params := "null"
	switch {
	case m.form && len(m.formPairs) > 0:
		var kv []string
		for _, p := range m.formPairs {
			kv = append(kv, phpStr(p.Name)+" => "+phpStr(p.Value))
		}
		params = "[" + strings.Join(kv, ", ") + "]"
	case m.body != "":
		params = phpStr(m.body) + " /* sent as the body, not signed */"
	}
	headers := "[]"
	if m.contentType != "" {
		headers = "['Content-Type' => " + phpStr(m.contentType) + "]"
	}
	w("try {")
	w("    $oauth->fetch(", phpStr(m.url), ", ", params, ", ", phpStr(m.method), ", ", headers, ");")
	w("} catch (OAuthException $e) {" + "\n" +
		"    echo $e->getMessage(), \"\\n\"; // any status but 2xx" + "\n" +
		"}" + "\n" +
		"echo $oauth->getLastResponse(), \"\\n\";")
	return b.String()
}
