package snippets

import (
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// rubySnippet writes Ruby with the simple_oauth gem (0.3.1,
// lib/simple_oauth/header.rb) and Net::HTTP. What the gem does:
//   - it builds the Authorization header only (no query or body
//     transport), and has no realm and no oauth_body_hash;
//   - HMAC-SHA1, RSA-SHA1 and PLAINTEXT;
//   - default_options always carry version 1.0, and a version of nil is
//     signed as oauth_version=;
//   - the URL goes through URI.parse and normalize! (scheme and host
//     lower-cased, empty path "/"; URI.parse refuses a space or non-ASCII
//     text), its query through CGI.parse, which also splits on ";" and
//     skips a name without "=";
//   - the form parameters are a Hash, one value a name.
func rubyReason(m *model) string {
	const lib = "simple_oauth"
	if r := m.commonReason(lib); r != "" {
		return r
	}
	switch {
	case m.transport != signer.TransportHeader:
		return "simple_oauth builds the Authorization header only, not the " + string(m.transport) + " transport."
	case m.sig != signer.HMACSHA1 && m.sig != signer.RSASHA1 && m.sig != signer.PLAINTEXT:
		return "simple_oauth has no " + string(m.sig) + " (HMAC-SHA1, RSA-SHA1 and PLAINTEXT)."
	case m.r.Version == "" && m.signsRequest():
		return "simple_oauth always sends oauth_version (1.0 unless given; nil is signed as oauth_version=), and this request has none. Workaround: set the version to 1.0."
	case m.r.Realm != "":
		return "simple_oauth has no realm option (an unknown option raises). The realm is not signed, so the workaround is to put realm=\"...\" first in the header yourself: header.to_s.sub(\"OAuth \", \"OAuth realm=\\\"...\\\", \")."
	case m.r.BodyHash:
		return "simple_oauth has no oauth_body_hash."
	case !isASCII(m.url) || strings.ContainsAny(m.url, " \"<>\\^`{|}"):
		return "URI.parse, which simple_oauth and Net::HTTP use, refuses a URL with a space, non-ASCII text or other characters a URI may not hold as they are. Workaround: percent-encode them in the URL."
	case duplicateNames(m.formPairs) && m.signsRequest():
		return "simple_oauth takes the form parameters as a Hash, so a repeated name is signed once."
	}
	for _, pair := range m.rawQuery {
		if !m.signsRequest() {
			break
		}
		if strings.Contains(pair, ";") {
			return "simple_oauth reads the query with CGI.parse, which splits pairs on \";\" as well as \"&\". Workaround: write \";\" as %3B."
		}
		if !strings.Contains(pair, "=") {
			return "simple_oauth reads the query with CGI.parse, which skips " + pair + " (a name without \"=\"); the signer signs it as " + pair + "=. Workaround: write " + pair + "=."
		}
	}
	if r := m.baseReason(lib, m.tolerantBase()); r != "" {
		return r
	}
	return ""
}

func rubyCode(m *model) string {
	var b strings.Builder
	w := func(s ...string) { b.WriteString(strings.Join(s, "")); b.WriteByte('\n') }
	w("# ", m.method, " signed with ", string(m.sig), " by simple_oauth, sent with Net::HTTP.")
	w("# Install: gem install simple_oauth (Debian: apt install ruby-simple-oauth).")
	w("# The secrets come from the environment: ", m.envList(), ".")
	w("require 'net/http'" + "\n" +
		"require 'simple_oauth'" + "\n" +
		"require 'uri'" + "\n" +
		"")
	w("url = ", rbStr(m.url))
	w("body = ", rbStr(m.body))
	if m.form && len(m.formPairs) > 0 {
		w("params = { # the form's parameters, which are signed")
		for _, p := range m.formPairs {
			w("  ", rbStr(p.Name), " => ", rbStr(p.Value), ",")
		}
		w("}")
	} else {
		w("params = {}")
	}
	w("header = SimpleOAuth::Header.new(", rbStr(m.method), ", url, params,")
	w("  consumer_key: ", rbStr(m.r.ConsumerKey), ",")
	if m.rsa() {
		w("  consumer_secret: File.read(ENV.fetch('", EnvPrivateKeyFile, "')), # RSA-SHA1 takes the PEM private key here")
	} else {
		w("  consumer_secret: ENV.fetch('", EnvConsumerSecret, "'),")
	}
	if m.hasToken() {
		w("  token: ", rbStr(m.r.Token), ",")
		if !m.rsa() {
			w("  token_secret: ENV.fetch('", EnvTokenSecret, "'),")
		}
	}
	if m.r.Callback != "" {
		w("  callback: ", rbStr(m.r.Callback), ",")
	}
	if m.r.Verifier != "" {
		w("  verifier: ", rbStr(m.r.Verifier), ",")
	}
	w("  signature_method: ", rbStr(string(m.sig)), ",")
	version := m.r.Version
	if version == "" {
		version = "1.0" // PLAINTEXT signs no oauth_version; an empty one would be sent empty
	}
	w("  version: ", rbStr(version), ",")
	w("  # ", fixedComment)
	w("  nonce: ", rbStr(m.res.Nonce), ",")
	w("  timestamp: ", rbStr(m.res.Timestamp), ")")
	w("" + "\n" +
		"uri = URI(url)" + "\n" +
		"headers = { 'Authorization' => header.to_s }")
	if m.contentType != "" {
		w("headers['Content-Type'] = ", rbStr(m.contentType))
	}
	w("request = Net::HTTPGenericRequest.new(", rbStr(m.method), ", !body.empty?, true, uri.request_uri, headers)")
	w("request.body = body unless body.empty?" + "\n" +
		"response = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(request) }" + "\n" +
		"puts response.code, response.body")
	return b.String()
}
