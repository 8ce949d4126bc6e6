// Package snippets writes the code that reproduces a signature in other
// people's OAuth 1.0a libraries: curl, Python requests-oauthlib, Node
// oauth-1.0a, Go dghubble/oauth1 and the Go standard library, PHP's pecl
// oauth extension and Ruby's simple_oauth.
//
// Each generator knows what its library does with a request (which
// encodes what, which parameters it drops, which signature methods and
// transports it has), read from the library's source and proved by the
// snippets suite (snippets_test.go at the repository root, make snippets),
// which runs every supported snippet against a loopback recorder and
// requires the signature it sent to equal [signer.Sign]'s. Where a library
// cannot express the request, the snippet says so (Supported false, with
// the reason and any workaround) instead of printing code that would sign
// differently.
//
// A snippet never holds a secret: the code reads OAUTH_CONSUMER_SECRET,
// OAUTH_TOKEN_SECRET and, for the RSA methods, the PEM file named by
// OAUTH_PRIVATE_KEY_FILE from the environment. The nonce and timestamp are
// the request's, fixed in the code so that it sends the page's signature,
// with a comment that real code lets the library generate them.
//
// This package owns the generated code and the reasons; it must never put
// a secret's value (or the PLAINTEXT signature, which is the secrets) in a
// snippet, print, or know about the page.
package snippets

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// A Snippet is the code of one library for one request. ID starts with
// the language ("python-requests-oauthlib", "curl"); Language and Library
// are for a tab's label. When Supported is false, Code is empty and Reason
// says why the library cannot send this request's signature, and the
// workaround where there is one.
type Snippet struct {
	ID        string
	Language  string
	Library   string
	Code      string
	Supported bool
	Reason    string
}

// The environment variables every snippet reads its secrets from.
const (
	EnvConsumerSecret = "OAUTH_CONSUMER_SECRET"
	EnvTokenSecret    = "OAUTH_TOKEN_SECRET"
	EnvPrivateKeyFile = "OAUTH_PRIVATE_KEY_FILE" // a path to a PEM RSA private key
)

// IDs returns the snippet ids [Snippets] returns, in its order.
func IDs() []string {
	ids := make([]string, len(generators))
	for i, g := range generators {
		ids[i] = g.id
	}
	return ids
}

// A generator is one library: reason says why it cannot send the
// request's signature ("" when it can), write writes its code.
type generator struct {
	id, language, library string
	reason                func(m *model) string
	write                 func(m *model) string
}

var generators = []generator{
	{"curl", "Shell", "curl", curlReason, curlCode},
	{"python-requests-oauthlib", "Python", "requests-oauthlib", pythonReason, pythonCode},
	{"node-oauth-1.0a", "Node.js", "oauth-1.0a + node:crypto", nodeReason, nodeCode},
	{"go-dghubble-oauth1", "Go", "github.com/dghubble/oauth1", dghubbleReason, dghubbleCode},
	{"go-stdlib", "Go", "standard library", func(*model) string { return "" }, goStdlibCode},
	{"php-pecl-oauth", "PHP", "pecl oauth", phpReason, phpCode},
	{"ruby-simple-oauth", "Ruby", "simple_oauth", rubyReason, rubyCode},
}

// Snippets returns the code of every library for req, in the order of
// [IDs]. It signs req first (an empty nonce or timestamp is generated, as
// [signer.Sign] does) and returns Sign's error for a request that cannot be
// signed; a request a library cannot express is not an error but a
// Snippet with Supported false.
func Snippets(req signer.Request) ([]Snippet, error) {
	res, err := signer.Sign(req)
	if err != nil {
		return nil, err
	}
	m := newModel(req, res)
	out := make([]Snippet, 0, len(generators))
	for _, g := range generators {
		s := Snippet{ID: g.id, Language: g.language, Library: g.library}
		if g.id != "curl" && m.invalidUTF8 {
			s.Reason = "A field is not valid UTF-8, which this language's string literals cannot hold as it is."
		} else {
			s.Reason = g.reason(m)
		}
		s.Supported = s.Reason == ""
		if s.Supported {
			s.Code = g.write(m)
		}
		out = append(out, s)
	}
	return out, nil
}

// model is a signed request as every generator reads it: what is sent
// (the URL and body with the caller's extra parameters placed, as
// [signer.Sign]'s transports place them) and what is signed.
type model struct {
	r           signer.Request
	res         *signer.Result
	method      string                 // upper-cased
	sig         signer.SignatureMethod // never empty
	transport   signer.Transport       // never empty
	url         string                 // sent, without the protocol parameters or a fragment
	body        string                 // sent, without the protocol parameters
	contentType string                 // sent
	form        bool                   // the body is form-encoded, so its pairs are signed
	query       []signer.Param         // the sent URL's query, decoded
	formPairs   []signer.Param         // the sent body's pairs, decoded, when form
	rawQuery    []string               // the sent URL's query pairs as written
	baseURI     string                 // the signer's base string URI (RFC 5849 section 3.4.1.2)
	extraOAuth  []signer.Param         // extra oauth_* parameters sent with the protocol ones
	invalidUTF8 bool
}

func newModel(r signer.Request, res *signer.Result) *model {
	m := &model{r: r, res: res, method: strings.ToUpper(r.Method), sig: r.SignatureMethod, transport: r.Transport}
	if m.sig == "" {
		m.sig = signer.HMACSHA1
	}
	if m.transport == "" {
		m.transport = signer.TransportHeader
	}
	for _, s := range res.Steps {
		if s.ID == signer.StepBaseStringURI {
			m.baseURI = s.Value
		}
	}
	var toQuery, toBody []signer.Param
	for _, p := range r.Params {
		switch {
		case p.Name == "oauth_signature":
		case p.Source == signer.SourceBody:
			toBody = append(toBody, p)
		case p.Source == signer.SourceQuery || !strings.HasPrefix(p.Name, "oauth_"):
			toQuery = append(toQuery, p)
		default:
			m.extraOAuth = append(m.extraOAuth, p)
		}
	}
	u, _, _ := strings.Cut(r.URL, "#")
	if len(toQuery) > 0 {
		sep := "?"
		if strings.Contains(u, "?") {
			sep = "&"
			if strings.HasSuffix(u, "?") || strings.HasSuffix(u, "&") {
				sep = ""
			}
		}
		u += sep + signer.NormalizeParameters(toQuery)
	}
	m.url = u
	m.body = r.Body
	if len(toBody) > 0 {
		if m.body != "" {
			m.body += "&"
		}
		m.body += signer.NormalizeParameters(toBody)
	}
	m.contentType = r.ContentType
	if m.body != "" && (m.transport == signer.TransportBody || len(toBody) > 0) {
		m.contentType = "application/x-www-form-urlencoded"
	}
	m.form = isForm(m.contentType)
	if _, q, ok := strings.Cut(m.url, "?"); ok {
		for pair := range strings.SplitSeq(q, "&") {
			if pair != "" {
				m.rawQuery = append(m.rawQuery, pair)
			}
		}
	}
	m.query = formDecode(m.rawQuery)
	if m.form {
		m.formPairs = formDecode(strings.Split(m.body, "&"))
	}
	for _, s := range []string{r.Method, r.URL, r.Body, r.ContentType, r.ConsumerKey, r.Token, r.Realm, r.Callback, r.Verifier, r.Version, res.Nonce, res.Timestamp} {
		if !utf8.ValidString(s) {
			m.invalidUTF8 = true
		}
	}
	for _, p := range r.Params {
		if !utf8.ValidString(p.Name) || !utf8.ValidString(p.Value) {
			m.invalidUTF8 = true
		}
	}
	return m
}

// formDecode decodes application/x-www-form-urlencoded pairs ("+" is a
// space), skipping empty ones, as the signer reads them (RFC 5849 section
// 3.4.1.3.1); the signer has refused a bad escape already.
func formDecode(pairs []string) []signer.Param {
	var out []signer.Param
	for _, pair := range pairs {
		if pair == "" {
			continue
		}
		name, value, _ := strings.Cut(pair, "=")
		n, _ := url.QueryUnescape(name)
		v, _ := url.QueryUnescape(value)
		out = append(out, signer.Param{Name: n, Value: v})
	}
	return out
}

// signsRequest reports whether the signature covers the request: PLAINTEXT
// signs nothing (RFC 5849 section 3.4.4), so how a library reads the URL,
// the parameters or oauth_version cannot change its signature.
func (m *model) signsRequest() bool { return m.sig != signer.PLAINTEXT }

// isForm reports whether ct is application/x-www-form-urlencoded, whatever
// its case and parameters, as the signer reads it.
func isForm(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/x-www-form-urlencoded")
}

func (m *model) rsa() bool {
	return strings.HasPrefix(string(m.sig), "RSA-")
}

func (m *model) hasToken() bool { return m.r.Token != "" }

// tokenSecretAlone reports a token secret given without a token: the
// signer keys with it, the libraries drop it with the token.
func (m *model) tokenSecretAlone() bool { return m.r.Token == "" && m.r.TokenSecret != "" && !m.rsa() }

// bodyHashName is the hash oauth_body_hash takes for the request's
// signature method (draft-eaton-oauth-bodyhash section 3.1).
func (m *model) hashName() string {
	switch {
	case strings.HasSuffix(string(m.sig), "SHA256"):
		return "sha256"
	case strings.HasSuffix(string(m.sig), "SHA512"):
		return "sha512"
	}
	return "sha1"
}

// duplicateNames reports whether a name repeats in pairs.
func duplicateNames(pairs ...[]signer.Param) bool {
	seen := map[string]bool{}
	for _, ps := range pairs {
		for _, p := range ps {
			if seen[p.Name] {
				return true
			}
			seen[p.Name] = true
		}
	}
	return false
}

// writtenBase is the sent URL without its query, as a library that signs
// the URL as written takes it.
func (m *model) writtenBase() string {
	b, _, _ := strings.Cut(m.url, "?")
	return b
}

// tolerantBase is the sent URL without its query after what the tolerant
// libraries do to it: scheme and host lower-cased, the scheme's default
// port dropped, an empty path made "/". The path is kept as written.
func (m *model) tolerantBase() string {
	b := m.writtenBase()
	scheme, rest, ok := strings.Cut(b, "://")
	if !ok {
		return b
	}
	scheme = strings.ToLower(scheme)
	authority, path := rest, ""
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		authority, path = rest[:i], rest[i:]
	}
	authority = strings.ToLower(authority)
	if scheme == "http" {
		authority = strings.TrimSuffix(authority, ":80")
	} else if scheme == "https" {
		authority = strings.TrimSuffix(authority, ":443")
	}
	if path == "" {
		path = "/"
	}
	return scheme + "://" + authority + path
}

// baseReason is the reason a library that signs base as its base string
// URI cannot express the request, or "".
func (m *model) baseReason(lib, base string) string {
	if base == m.baseURI || !m.signsRequest() {
		return ""
	}
	return lib + " would sign the URL as " + base + ", the signer as " + m.baseURI +
		" (RFC 5849 section 3.4.1.2). Workaround: write the URL in that normal form."
}

// commonReason is what no library of this package can express, or "".
func (m *model) commonReason(lib string) string {
	switch {
	case len(m.extraOAuth) > 0:
		return lib + " sets the oauth_* parameters itself: an extra " + m.extraOAuth[0].Name + " parameter cannot be added to them."
	case m.tokenSecretAlone():
		return "The token secret is set but the token is empty: " + lib + " drops the token secret with the token, while the signer keys with it. Clear the token secret, or set the token."
	}
	return ""
}

// fixedComment is the sentence every snippet puts above the fixed nonce
// and timestamp.
const fixedComment = "Fixed to the page's values so this sends the page's signature; real code leaves them out and lets the library generate a fresh nonce and timestamp for every request."
