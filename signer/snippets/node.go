package snippets

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// jsProtoNames are names a plain object already has through its
// prototype: oauth-1.0a's deParam tests "if (data[name])" and so takes them
// for repeated names, and "__proto__" in an object literal sets the
// prototype instead of a property.
var jsProtoNames = map[string]bool{
	"__proto__": true, "constructor": true, "hasOwnProperty": true, "isPrototypeOf": true,
	"propertyIsEnumerable": true, "toLocaleString": true, "toString": true, "valueOf": true,
	"__defineGetter__": true, "__defineSetter__": true, "__lookupGetter__": true, "__lookupSetter__": true,
}

// nodeSnippet writes Node.js with the npm package oauth-1.0a (2.2.6,
// oauth-1.0a.js) and node:crypto for the digest. What the library does:
//   - getBaseUrl is url.split('?')[0]: the URL is signed as written;
//   - deParam splits the query on "&" and "=", keeps the name as written
//     (then encodes it again) and decodes the value with
//     decodeURIComponent, which keeps "+" (a space in form data) and
//     throws on escapes that are not UTF-8;
//   - repeated names become arrays, unless an earlier value is empty;
//   - the query and the data object are merged into one object, so a
//     name in both keeps one;
//   - oauth_version is always sent (1.0 unless set), there is no
//     oauth_callback or oauth_verifier, and authorize returns the
//     parameters for toHeader only;
//   - getBodyHash hashes JSON.stringify({}) for an empty body.
func nodeReason(m *model) string {
	const lib = "oauth-1.0a"
	if r := m.commonReason(lib); r != "" {
		return r
	}
	switch {
	case m.transport != signer.TransportHeader:
		return "oauth-1.0a returns the parameters and an Authorization header value; it does not build the " + string(m.transport) + " transport. Workaround: add the parameters authorize returns to the " + string(m.transport) + " yourself, encoded as RFC 5849 section 3.6 says."
	case m.r.Callback != "" || m.r.Verifier != "":
		return "oauth-1.0a has no oauth_callback or oauth_verifier option. Workaround: put them in request.data (so they are signed) and add them to the object authorize returns before toHeader."
	case m.r.Version == "" && m.signsRequest():
		return "oauth-1.0a always sends oauth_version (1.0 unless told otherwise), and this request has none. Workaround: set the version to 1.0."
	case m.r.BodyHash && m.body == "":
		return "oauth-1.0a hashes JSON.stringify({}) for an empty body, not the empty string. Workaround: turn the body hash off."
	}
	if r := m.baseReason(lib, m.writtenBase()); r != "" {
		return r
	}
	if r := nodeQueryReason(m); r != "" && m.signsRequest() {
		return r
	}
	inQuery := map[string]bool{}
	for _, p := range m.query {
		inQuery[p.Name] = true
	}
	if m.form && !m.r.BodyHash && m.signsRequest() {
		for _, p := range m.formPairs {
			if inQuery[p.Name] {
				return "oauth-1.0a merges the query and the form into one object, so " + p.Name + ", in both, would be signed once. Workaround: use one name in one place."
			}
			if p.Name == "__proto__" {
				return "The form has a parameter named __proto__, which a JavaScript object literal cannot hold as data."
			}
		}
	}
	return ""
}

func nodeCode(m *model) string {
	var b strings.Builder
	w := func(s ...string) { b.WriteString(strings.Join(s, "")); b.WriteByte('\n') }
	w("// ", m.method, " signed with ", string(m.sig), " by the npm package oauth-1.0a, digests from node:crypto.")
	w("// Install: npm install oauth-1.0a. Node 18 or later (for fetch).")
	w("// The secrets come from the environment: ", m.envList(), ".")
	w("const crypto = require('node:crypto');")
	if m.rsa() {
		w("const fs = require('node:fs');")
	}
	w("const OAuth = require('oauth-1.0a');" + "\n" +
		"")
	alg := strings.ToUpper(strings.Replace(m.hashName(), "sha", "SHA", 1))
	if m.rsa() {
		w("const privateKey = fs.readFileSync(process.env.", EnvPrivateKeyFile, ", 'utf8');")
	}
	w("const oauth = OAuth({")
	if m.rsa() {
		w("  consumer: { key: ", jsStr(m.r.ConsumerKey), ", secret: '' }, // RSA signs with the private key alone")
	} else {
		w("  consumer: { key: ", jsStr(m.r.ConsumerKey), ", secret: process.env.", EnvConsumerSecret, " },")
	}
	w("  signature_method: ", jsStr(string(m.sig)), ",")
	switch {
	case m.sig == signer.PLAINTEXT:
		w("  hash_function: (baseString, key) => key, // PLAINTEXT: the signature is the key")
	case m.rsa():
		w("  hash_function: (baseString) => crypto.createSign('RSA-", alg, "').update(baseString).sign(privateKey, 'base64'),")
	default:
		w("  hash_function: (baseString, key) => crypto.createHmac('", m.hashName(), "', key).update(baseString).digest('base64'),")
	}
	if m.r.BodyHash {
		w("  // oauth_body_hash is a plain digest of the body (draft-eaton-oauth-bodyhash section 3.1).")
		w("  body_hash_function: (body) => crypto.createHash('", m.hashName(), "').update(body).digest('base64'),")
	}
	if m.r.Version != "1.0" && m.r.Version != "" {
		w("  version: ", jsStr(m.r.Version), ",")
	}
	if m.r.Realm != "" {
		w("  realm: ", jsStr(m.r.Realm), ",")
	}
	w("});")
	w("// ", fixedComment)
	w("oauth.getNonce = () => ", jsStr(m.res.Nonce), ";")
	w("oauth.getTimeStamp = () => ", jsStr(m.res.Timestamp), ";")
	w("" + "\n" +
		"const request = {")
	w("  url: ", jsStr(m.url), ",")
	w("  method: ", jsStr(m.method), ",")
	switch {
	case m.r.BodyHash:
		w("  data: ", jsStr(m.body), ",")
		w("  includeBodyHash: true,")
	case m.form && len(m.formPairs) > 0:
		w("  data: {")
		for _, name := range pairNames(m.formPairs) {
			vals := pairValues(m.formPairs, name)
			if len(vals) == 1 {
				w("    ", jsStr(name), ": ", jsStr(vals[0]), ",")
			} else {
				q := make([]string, len(vals))
				for i, v := range vals {
					q[i] = jsStr(v)
				}
				w("    ", jsStr(name), ": [", strings.Join(q, ", "), "],")
			}
		}
		w("  },")
	}
	w("};")
	if m.hasToken() {
		if m.rsa() {
			w("const token = { key: ", jsStr(m.r.Token), " };")
		} else {
			w("const token = { key: ", jsStr(m.r.Token), ", secret: process.env.", EnvTokenSecret, " };")
		}
	}
	tok := ""
	if m.hasToken() {
		tok = ", token"
	}
	w("const headers = oauth.toHeader(oauth.authorize(request", tok, "));")
	if m.contentType != "" {
		w("headers['Content-Type'] = ", jsStr(m.contentType), ";")
	}
	body := ""
	if m.body != "" {
		body = ", body: " + jsStr(m.body)
	}
	w("fetch(request.url, { method: request.method, headers", body, " })")
	w("  .then(async (res) => console.log(res.status, await res.text()));")
	return b.String()
}

// nodeQueryReason is why deParam would read the sent query otherwise than
// the signer, or "".
func nodeQueryReason(m *model) string {
	seen := map[string]string{}
	for _, pair := range m.rawQuery {
		name, value, _ := strings.Cut(pair, "=")
		switch {
		case strings.ContainsAny(name, "%+"):
			return "oauth-1.0a keeps a query name as written and encodes it again, so the name " + name + " would be signed double-encoded. Workaround: use a name of letters, digits and -._~ only."
		case strings.Contains(value, "+"):
			return "oauth-1.0a decodes the query with decodeURIComponent, which keeps \"+\" (a space in form data, RFC 5849 section 3.4.1.3.1) as \"+\". Workaround: write a space as %20 and a plus as %2B."
		case strings.Contains(value, "="):
			return "oauth-1.0a splits each query pair on every \"=\", so the value of " + name + " would be cut at its \"=\". Workaround: write \"=\" in a value as %3D."
		case jsProtoNames[name]:
			return "oauth-1.0a reads the query into a plain object, which already has " + name + " through its prototype. Workaround: rename the parameter."
		}
		dec, err := url.PathUnescape(value)
		if err != nil || !utf8.ValidString(dec) {
			return "oauth-1.0a decodes the query with decodeURIComponent, which throws on an escape that is not UTF-8, as in the value of " + name + "."
		}
		if prev, ok := seen[name]; ok && prev == "" {
			return "oauth-1.0a takes a repeated query name for a new one when its first value is empty, so " + name + " would be signed once. Workaround: put the empty value last, or drop it."
		}
		if _, ok := seen[name]; !ok {
			seen[name] = dec
		}
	}
	return ""
}

// pairNames returns the names of pairs, each once, in order.
func pairNames(pairs []signer.Param) []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range pairs {
		if !seen[p.Name] {
			seen[p.Name] = true
			names = append(names, p.Name)
		}
	}
	return names
}

// pairValues returns the values of name in pairs, in order.
func pairValues(pairs []signer.Param, name string) []string {
	var vals []string
	for _, p := range pairs {
		if p.Name == name {
			vals = append(vals, p.Value)
		}
	}
	return vals
}
