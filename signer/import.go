package signer

import (
	"strings"
	"unicode/utf8"
)

// Imported is what [Import] understood of a pasted request.
type Imported struct {
	Format        ImportFormat // the kind of text: ImportHTTP, ImportCurl, ImportHeader, ImportURL or ImportBaseString
	Request       Request      // the request: method, URL, body, content type, and every oauth_* value found, moved into its field
	Signature     string       // the oauth_signature found (percent-decoded), if any
	Authorization string       // the Authorization header value found, if any
	BaseString    string       // a signature base string found (e.g. a server's debug_sbs), if any
	Unparsed      []string     // short descriptions of what was ignored or not understood, e.g. "curl option --compressed", "header X-Foo", "line 7"

	// SchemeGuessed is true when the text carried no scheme: a raw HTTP
	// request whose target is a path, with the host in its Host header.
	// Request.URL then has the scheme Import guessed (https, or http for
	// port 80), and the request may as well have gone over the other one.
	SchemeGuessed bool
}

// ImportFormat names the kind of text [Import] recognised in a paste. Its
// values are part of the JavaScript API, which passes them on as they
// are.
type ImportFormat string

// The formats [Import] recognises, as [Imported.Format] spells them.
const (
	ImportHTTP       ImportFormat = "http"       // a raw HTTP/1.1 request (RFC 9112)
	ImportCurl       ImportFormat = "curl"       // a curl command line
	ImportHeader     ImportFormat = "header"     // an Authorization header alone (RFC 5849 section 3.5.1)
	ImportURL        ImportFormat = "url"        // a URL, typically with oauth_* in its query (RFC 5849 section 3.5.3)
	ImportBaseString ImportFormat = "baseString" // a signature base string, bare or in a server's error text (RFC 5849 section 3.4.1.1)
)

// importField is the FieldError field of Import's own errors: the pasted
// text as a whole.
const importField = "text"

// importProtocol are the protocol parameters Import moves into their
// Request fields (RFC 5849 sections 2.1, 2.3 and 3.1, and
// draft-eaton-oauth-bodyhash).
var importProtocol = map[string]bool{
	oauthConsumerKey: true, oauthToken: true, oauthSignatureMethod: true,
	oauthTimestamp: true, oauthNonce: true, oauthVersion: true,
	oauthSignature: true, oauthCallback: true, oauthVerifier: true,
	oauthBodyHash: true,
}

// importOmittedIfEmpty are the protocol parameters Sign leaves out when
// their field is empty: oauth_version is optional (RFC 5849 section
// 3.1), and an empty oauth_token, oauth_callback or oauth_verifier is
// not sent (docs/architecture.md, "Decisions the RFC leaves open"). A
// verifier signs every parameter that was sent, as it was sent (RFC 5849
// section 3.4.1.3.1), so an empty one found in a paste stays a parameter.
var importOmittedIfEmpty = map[string]bool{
	oauthToken: true, oauthCallback: true, oauthVerifier: true, oauthVersion: true,
}

// Import reads a request that was pasted as text and returns it as a
// [Request] ready to sign or verify, with the signature and the header it
// carried. The format is detected:
//
//   - a curl command ("curl ..." or "curl.exe ..."): POSIX shell quoting
//     ('...', "...", $'...', backslash-newline) or Windows cmd quoting
//     (^-escapes and ^ line ends); -X, -H, -d and its --data-* variants
//     (--data-urlencode encodes as curl does), --json, --url, --url-query,
//     -G and -I are understood, the other options are listed in Unparsed;
//   - an Authorization header, with or without its name ("OAuth ...");
//   - a raw HTTP request: a request line "METHOD /path HTTP/1.1" (or an
//     absolute URI), headers, folded or not, a blank line and the body.
//     The URL is https unless the target is an absolute http URI or the
//     Host has port 80; an https guess is noted as "assumed https", and
//     any scheme taken from a Host sets SchemeGuessed;
//   - a URL (its method is assumed to be GET);
//   - a signature base string, bare or anywhere in an error text, such as
//     the form-encoded debug_sbs of an oauth_problem reply.
//
// Every oauth_* value found in the Authorization header, the query or a
// form-encoded body moves into its Request field (oauth_signature into
// Signature, oauth_body_hash turns BodyHash on) and out of the URL or body,
// whose other parameters keep their order and encoding; Transport says
// where they were (RFC 5849 section 3.5). Other oauth_* names stay in the
// query or body, or become Params when they came in the header. An empty
// oauth_token, oauth_callback, oauth_verifier or oauth_version, which Sign
// would omit, stays too, so that it is signed as sent.
//
// No field but Signature, Authorization and BaseString ever holds a
// signature, a secret or userinfo (import_scrub.go): a protocol parameter
// spelled in another case or percent-encoded, after a ";", in a body of
// any content type (multipart parts too) moves to its field as well;
// userinfo leaves the URL, a fragment naming a protocol parameter is
// dropped (it is never sent), and whatever still names oauth_signature or
// holds the signature's value (for PLAINTEXT, either secret) is dropped
// from the URL's path or query, the body, the realm or any other field.
// Each of these is noted.
//
// A base string gives a request that signs to the same base string: its
// method, its base string URI as the URL, its oauth_* values in their
// fields and every other parameter in Params, since query and body
// parameters cannot be told apart once normalised (section 3.4.1).
//
// Unparsed lists, in a few words each, what was ignored or guessed; its
// entries name headers, options and line numbers, never values. Errors are
// *FieldError values for the field "text", or "authorization" for an OAuth
// header that does not parse; they never quote the text.
func Import(text string) (*Imported, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return nil, fieldErr(importField, "is empty: paste a raw HTTP request, a curl command, an Authorization header, a URL or a base string", ErrRequired)
	}
	if cmd, ok := curlCommandText(s); ok {
		return importCurl(cmd)
	}
	if isAuthorizationText(s) {
		return importHeader(s)
	}
	firstLine, _, _ := strings.Cut(s, "\n")
	method, target, isRequest, err := parseRequestLine(strings.TrimSpace(firstLine))
	if err != nil {
		return nil, err
	}
	if isRequest {
		return importHTTP(s, trailingSpace(text), method, target)
	}
	if hasHTTPScheme(s) && !strings.ContainsAny(s, " \t\r\n") {
		return importURL(s)
	}
	im, ok, err := importBaseString(s)
	if err != nil {
		return nil, err
	}
	if ok {
		return im, nil
	}
	return nil, fieldErr(importField, "is not a raw HTTP request, a curl command, an Authorization header, a URL or a base string", ErrMalformed)
}

// note adds an entry to Unparsed.
func (im *Imported) note(s string) { im.Unparsed = append(im.Unparsed, s) }

// hasHTTPScheme reports whether s starts with http:// or https://, any case.
func hasHTTPScheme(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// importState follows the protocol parameters of one import: which names
// were seen, and where.
type importState struct {
	im   *Imported
	seen map[string]bool
}

func newImportState(format ImportFormat) *importState {
	return &importState{im: &Imported{Format: format}, seen: map[string]bool{}}
}

// take moves the protocol parameter p, found in the place from, into its
// Request field (RFC 5849 section 3.1). It reports false when p stays where
// it was: an unknown name, or an empty parameter Sign would omit. A second
// occurrence of a name is dropped and noted.
func (st *importState) take(p Param, from string) bool {
	if !importProtocol[p.Name] {
		return false
	}
	if st.seen[p.Name] {
		st.im.note("duplicate " + p.Name + " in the " + from)
		return true
	}
	st.seen[p.Name] = true
	if p.Value == "" && importOmittedIfEmpty[p.Name] {
		return false
	}
	switch p.Name {
	case oauthSignature:
		st.im.Signature = p.Value
	case oauthBodyHash:
		st.im.Request.BodyHash = true // Sign recomputes it from the body
	default:
		st.im.Request.setProtocolParam(p.Name, p.Value)
	}
	return true
}

// useAuthorization reads an OAuth Authorization header value into the
// request (RFC 5849 section 3.5.1). Parameters without a field become
// Params with Source SourceProtocol. It reports whether the header carried
// any parameter.
func (st *importState) useAuthorization(value string) (bool, error) {
	realm, params, err := ParseAuthorizationHeader(value)
	if err != nil {
		return false, err
	}
	st.im.Authorization = strings.TrimSpace(value)
	st.im.Request.Realm = realm
	for _, p := range params {
		if st.take(p, "header") {
			continue
		}
		if name, ok := protocolName(p.Name); ok && name != p.Name {
			st.takeAny(name, PercentEncode(p.Value), "header")
			continue
		}
		st.im.Request.Params = append(st.im.Request.Params, Param{Name: p.Name, Value: p.Value, Source: SourceProtocol})
	}
	return len(params) > 0, nil
}

// takeFromForm moves the protocol parameters of form-encoded text (a query
// or a body) into their fields and returns the other pairs as they were,
// in order (RFC 5849 sections 3.5.2 and 3.5.3). It reports whether it took
// any. A protocol parameter spelled another way (OAUTH_SIGNATURE,
// oauth%5Fsignature) or after a ";" leaves the text too (import_scrub.go).
// strict makes a protocol value that does not decode an error; otherwise
// it is left out with a note.
func (st *importState) takeFromForm(form, from string, strict bool) (rest string, took bool, err error) {
	var kept []string
	for pair := range strings.SplitSeq(form, "&") {
		first, pieces := pair, []string(nil)
		if strings.IndexByte(pair, ';') >= 0 {
			pieces = strings.Split(pair, ";")
			first = pieces[0]
		}
		// Pieces after a ";" belong to the pair before them, unless they
		// name a protocol parameter.
		for i := 1; i < len(pieces); i++ {
			piece := pieces[i]
			rawName, rawValue, _ := strings.Cut(piece, "=")
			if name, ok := protocolName(rawName); ok {
				st.takeAny(name, rawValue, from)
				took = true
				continue
			}
			first += ";" + piece
		}
		rawName, rawValue, _ := strings.Cut(first, "=")
		name, ok := formUnescape(rawName)
		if !ok || !importProtocol[name] {
			if pname, isProtocol := protocolName(rawName); isProtocol {
				st.takeAny(pname, rawValue, from)
				took = true
				continue
			}
			kept = append(kept, first)
			continue
		}
		value, ok := formUnescape(rawValue)
		if !ok {
			if !strict {
				st.im.note(name + " in the " + from + " that does not decode: left out")
				took = true
				continue
			}
			return "", false, fieldErr(importField, "the "+name+" in the "+from+" has a \"%\" that is not followed by two hex digits", ErrMalformed)
		}
		if !st.take(Param{Name: name, Value: value}, from) {
			kept = append(kept, first)
			continue
		}
		took = true
	}
	if !took {
		return form, false, nil
	}
	rest = strings.Join(kept, "&")
	if strings.Trim(rest, "&") == "" {
		rest = ""
	}
	return rest, true, nil
}

// finish takes the protocol parameters out of the request's Authorization
// header (auth, when hasAuth), its query and its form-encoded body, and
// sets the transport to where they were: header, then query, then body
// (RFC 5849 section 3.5).
func (st *importState) finish(auth string, hasAuth bool) (*Imported, error) {
	r := &st.im.Request
	var inHeader, inQuery, inBody bool
	if hasAuth {
		var err error
		if inHeader, err = st.useAuthorization(auth); err != nil {
			return nil, err
		}
	}
	var userinfo []string
	st.stripUserinfo(&userinfo)
	withoutFrag, frag, hasFrag := strings.Cut(r.URL, "#")
	if hasFrag && frag != "" && fragmentHasProtocol(frag) {
		st.im.note("oauth_* parameters in the URL fragment, which is never sent: left out")
		r.URL, frag, hasFrag = withoutFrag, "", false
	}
	if base, query, ok := strings.Cut(withoutFrag, "?"); ok {
		rest, took, err := st.takeFromForm(query, "query", true)
		if err != nil {
			return nil, err
		}
		if took {
			inQuery = true
			u := base
			if rest != "" {
				u += "?" + rest
			}
			if hasFrag {
				u += "#" + frag
			}
			r.URL = u
		}
	}
	if r.Body != "" {
		// A body of another content type is not signed (section 3.4.1.3.1),
		// but a protocol parameter in it still leaves it.
		form := isFormContentType(r.ContentType)
		body, tookPart := st.takeFromMultipart(r.Body, r.ContentType)
		rest, took := body, false
		if form || !isStructuredText(body) {
			var err error
			if rest, took, err = st.takeFromForm(body, "body", form); err != nil {
				return nil, err
			}
		}
		if took || tookPart {
			inBody = form
			r.Body = rest
			if !form {
				st.im.note("oauth_* parameters in a body that is not form-encoded: moved to their fields")
			}
		}
	}
	st.scrub(userinfo)
	switch {
	case inHeader:
		r.Transport = TransportHeader
	case inQuery:
		r.Transport = TransportQuery
	case inBody:
		r.Transport = TransportBody
	}
	return st.im, nil
}

// isStructuredText reports whether a body that is not form-encoded looks
// like JSON or XML, whose "&" is no separator: it is not split into pairs
// (scrub drops it whole if it names oauth_signature).
func isStructuredText(body string) bool {
	b := strings.TrimSpace(body)
	return b != "" && strings.IndexByte("{[<", b[0]) >= 0
}

// fragmentHasProtocol reports whether a URL fragment names a protocol
// parameter, in any spelling.
func fragmentHasProtocol(frag string) bool {
	for pair := range strings.SplitSeq(strings.ReplaceAll(frag, ";", "&"), "&") {
		name, _, _ := strings.Cut(pair, "=")
		if _, ok := protocolName(name); ok {
			return true
		}
	}
	return namesSignature(frag)
}

// importHeaderLine is one header of a pasted request, unfolded.
type importHeaderLine struct {
	name, value string
}

// splitHeaderLine splits "Name: value" (RFC 9110 section 5.1); the name is
// a token.
func splitHeaderLine(line string) (name, value string, ok bool) {
	name, value, ok = strings.Cut(line, ":")
	name = strings.TrimRight(name, " \t")
	if !ok || !isToken(name) {
		return "", "", false
	}
	return name, strings.TrimSpace(value), true
}

// isToken reports whether s is a non-empty token (RFC 9110 section 5.6.2).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isAuthHeaderTchar(s[i]) {
			return false
		}
	}
	return true
}

// isOAuthScheme reports whether an Authorization header value uses the
// OAuth scheme (RFC 5849 section 3.5.1).
func isOAuthScheme(value string) bool {
	v := strings.TrimSpace(value)
	if !hasPrefixFold(v, "OAuth") {
		return false
	}
	return len(v) == len("OAuth") || isAuthHeaderSpace(v[len("OAuth")])
}

// useHeaders applies the headers of a request: Content-Type sets the
// content type, the first Authorization header with the OAuth scheme is
// returned to be parsed, and so is the Host when useHost is true. The
// others are noted by name (RFC 9110 section 5).
func (st *importState) useHeaders(hs []importHeaderLine, useHost bool) (host, auth string, hasAuth bool) {
	hasType, hasHost := false, false
	for _, h := range hs {
		switch {
		case strings.EqualFold(h.name, "Content-Type") && !hasType:
			st.im.Request.ContentType, hasType = h.value, true
		case strings.EqualFold(h.name, "Authorization") && !hasAuth && isOAuthScheme(h.value):
			auth, hasAuth = h.value, true
		case strings.EqualFold(h.name, "Host") && useHost && !hasHost:
			host, hasHost = h.value, true
		default:
			st.im.note("header " + shortName(h.name))
		}
	}
	return host, auth, hasAuth
}

// shortName cuts a name from the input to a length fit for a note.
func shortName(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
