package signer

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/oauth1-playground/oauth1-playground/signer/internal/shellwords"
)

// Imported is what [Import] understood of a pasted request.
type Imported struct {
	Format        string   // "http", "curl", "header", "url" or "baseString"
	Request       Request  // the request: method, URL, body, content type, and every oauth_* value found, moved into its field
	Signature     string   // the oauth_signature found (percent-decoded), if any
	Authorization string   // the Authorization header value found, if any
	BaseString    string   // a signature base string found (e.g. a server's debug_sbs), if any
	Unparsed      []string // short descriptions of what was ignored or not understood, e.g. "curl option --compressed", "header X-Foo", "line 7"
}

// The formats [Import] recognises, as Imported.Format spells them.
const (
	ImportHTTP       = "http"       // a raw HTTP/1.1 request
	ImportCurl       = "curl"       // a curl command line
	ImportHeader     = "header"     // an Authorization header alone
	ImportURL        = "url"        // a URL, typically with oauth_* in its query
	ImportBaseString = "baseString" // a signature base string, bare or in a server's error text
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
// their field is empty (DESIGN.md decision 3). An empty one that was sent
// stays a parameter, so that it is still signed as it was sent.
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
//     Host has port 80; an https guess is noted as "assumed https";
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

func newImportState(format string) *importState {
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
		if !st.take(p, "header") {
			st.im.Request.Params = append(st.im.Request.Params, Param{Name: p.Name, Value: p.Value, Source: SourceProtocol})
		}
	}
	return len(params) > 0, nil
}

// takeFromForm moves the protocol parameters of form-encoded text (a query
// or a body) into their fields and returns the other pairs as they were,
// in order (RFC 5849 sections 3.5.2 and 3.5.3). It reports whether it took
// any.
func (st *importState) takeFromForm(form, from string) (rest string, took bool, err error) {
	var kept []string
	for pair := range strings.SplitSeq(form, "&") {
		rawName, rawValue, _ := strings.Cut(pair, "=")
		name, ok := formUnescape(rawName)
		if !ok || !importProtocol[name] {
			kept = append(kept, pair)
			continue
		}
		value, ok := formUnescape(rawValue)
		if !ok {
			return "", false, fieldErr(importField, "the "+name+" in the "+from+" has a \"%\" that is not followed by two hex digits", ErrMalformed)
		}
		if !st.take(Param{Name: name, Value: value}, from) {
			kept = append(kept, pair)
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
	withoutFrag, frag, hasFrag := strings.Cut(r.URL, "#")
	if base, query, ok := strings.Cut(withoutFrag, "?"); ok {
		rest, took, err := st.takeFromForm(query, "query")
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
	if r.Body != "" && isFormContentType(r.ContentType) {
		rest, took, err := st.takeFromForm(r.Body, "body")
		if err != nil {
			return nil, err
		}
		if took {
			inBody = true
			r.Body = rest
		}
	}
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

// importHeaderLine is one header of a pasted request, unfolded.
type importHeaderLine struct {
	name, value string
}

// parseHeaderLines reads "Name: value" lines. A line starting with a space
// or tab continues the header before it (obs-fold, RFC 9112 section 5.2,
// as RFC 5849 prints its examples), and so does any line after an
// Authorization header that ends with a comma, so a folded header whose
// indentation was lost still reads. Other lines are noted by number;
// first is the number of lines[0].
func parseHeaderLines(lines []string, first int, im *Imported) []importHeaderLine {
	var hs []importHeaderLine
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		if n := len(hs); n > 0 {
			last := &hs[n-1]
			folded := line[0] == ' ' || line[0] == '\t'
			authGoesOn := strings.EqualFold(last.name, "Authorization") &&
				(strings.HasSuffix(last.value, ",") || strings.HasPrefix(trimmed, ","))
			if folded || (authGoesOn && !isHeaderLine(line)) {
				if last.value == "" {
					last.value = trimmed
				} else {
					last.value += " " + trimmed
				}
				continue
			}
		}
		if name, value, ok := splitHeaderLine(line); ok {
			hs = append(hs, importHeaderLine{name, value})
			continue
		}
		im.note("line " + strconv.Itoa(first+i))
	}
	return hs
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

func isHeaderLine(line string) bool {
	_, _, ok := splitHeaderLine(line)
	return ok
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

// isAuthorizationText reports whether s starts like an Authorization header:
// "Authorization:" or the OAuth scheme.
func isAuthorizationText(s string) bool {
	if isOAuthScheme(s) {
		return true
	}
	name, _, ok := strings.Cut(s, ":")
	return ok && strings.EqualFold(strings.TrimRight(name, " \t"), "Authorization")
}

// importHeader reads an Authorization header pasted alone, possibly with
// other headers after it (RFC 5849 section 3.5.1).
func importHeader(s string) (*Imported, error) {
	st := newImportState(ImportHeader)
	auth := s
	if !isOAuthScheme(s) {
		hs := parseHeaderLines(splitLines(s), 1, st.im)
		auth = hs[0].value // s starts with "Authorization:"
		for _, h := range hs[1:] {
			if strings.EqualFold(h.name, "Content-Type") && st.im.Request.ContentType == "" {
				st.im.Request.ContentType = h.value
				continue
			}
			st.im.note("header " + shortName(h.name))
		}
	}
	if _, err := st.useAuthorization(auth); err != nil {
		return nil, err
	}
	if st.im.Authorization != "" {
		st.im.Request.Transport = TransportHeader
	}
	st.im.note("method missing")
	st.im.note("URL missing")
	return st.im, nil
}

// splitLines splits s at LF, dropping the CR of CRLF line ends.
func splitLines(s string) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// importMethods are the methods of RFC 9110 section 9 and RFC 5789, which a
// request line may start with in any case.
var importMethods = map[string]bool{
	"GET": true, "HEAD": true, "POST": true, "PUT": true, "DELETE": true,
	"CONNECT": true, "OPTIONS": true, "TRACE": true, "PATCH": true,
}

// parseRequestLine recognises an HTTP request line, "METHOD target
// HTTP/1.1" (RFC 9112 section 3), the version being optional. The target
// must be an origin-form path or an absolute http(s) URI. A known method
// with no target is an error.
func parseRequestLine(line string) (method, target string, ok bool, err error) {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return "", "", false, nil
	}
	method, rest := fields[0], fields[1:]
	known := importMethods[strings.ToUpper(method)]
	if !known && !isUpperToken(method) {
		return "", "", false, nil
	}
	hasVersion := len(rest) > 0 && strings.HasPrefix(rest[len(rest)-1], "HTTP/")
	if hasVersion {
		rest = rest[:len(rest)-1]
	}
	if len(rest) == 0 {
		if known || hasVersion {
			return "", "", false, fieldErr(importField, "has a request line without a target: it should read METHOD /path HTTP/1.1", ErrMalformed)
		}
		return "", "", false, nil
	}
	target = strings.Join(rest, " ")
	if !strings.HasPrefix(target, "/") && !hasHTTPScheme(target) {
		return "", "", false, nil
	}
	if !known && !hasVersion {
		return "", "", false, nil
	}
	return method, target, true, nil
}

// isUpperToken reports whether s is made of upper-case letters, as
// extension methods are by convention.
func isUpperToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// trailingSpace returns the white space Import trimmed from the end of text.
func trailingSpace(text string) string {
	return text[len(strings.TrimRightFunc(text, unicode.IsSpace)):]
}

// importHTTP reads a raw HTTP request whose request line gave method and
// target (RFC 9112 sections 3 to 6). trailing is the white space trimmed
// from the end of the text: the body gets it back when Content-Length says
// it was part of the body.
func importHTTP(s, trailing, method, target string) (*Imported, error) {
	st := newImportState(ImportHTTP)
	r := &st.im.Request
	r.Method = method

	lines := splitLines(s)
	head, body := lines[1:], ""
	for i, l := range head {
		if strings.TrimSpace(l) == "" {
			head = head[:i]
			// The body is the text after the blank line, byte for byte.
			rest := s
			for range i + 2 {
				_, rest, _ = strings.Cut(rest, "\n")
			}
			body = rest
			break
		}
	}
	hs := parseHeaderLines(head, 2, st.im)
	host, auth, hasAuth := st.useHeaders(hs, true)
	for _, h := range hs {
		if strings.EqualFold(h.name, "Content-Length") {
			if n, err := strconv.Atoi(h.value); err == nil && n > len(body) && n-len(body) <= len(trailing) {
				body += trailing[:n-len(body)]
			}
			break
		}
	}
	r.Body = body

	switch {
	case hasHTTPScheme(target):
		r.URL = target
	case host == "":
		st.im.note("URL missing: no Host header")
	default:
		scheme := "https"
		switch {
		case strings.HasSuffix(host, ":80"):
			scheme = "http"
		case strings.HasSuffix(host, ":443"):
		default:
			st.im.note("assumed https")
		}
		r.URL = scheme + "://" + host + target
	}
	return st.finish(auth, hasAuth)
}

// importURL reads a URL, typically signed in its query (RFC 5849 section
// 3.5.3). It is taken to be opened with GET.
func importURL(s string) (*Imported, error) {
	st := newImportState(ImportURL)
	st.im.Request.Method = "GET"
	st.im.Request.URL = s
	st.im.note("assumed GET")
	return st.finish("", false)
}

// curlCommandText reports whether s is a curl command, and returns it
// without a leading "$ " prompt.
func curlCommandText(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "$"); ok && rest != "" && isAuthHeaderSpace(rest[0]) {
		s = strings.TrimSpace(rest)
	}
	for _, name := range []string{"curl.exe", "curl"} {
		if hasPrefixFold(s, name) && (len(s) == len(name) || strings.IndexByte(" \t\r\n\\^", s[len(name)]) >= 0) {
			return s, true
		}
	}
	return "", false
}

// curlValueOptions are curl's long options that take a value, from the
// option table of curl's src/tool_getparam.c. An option not listed is
// taken to be a switch.
var curlValueOptions = map[string]bool{
	"abstract-unix-socket": true, "alt-svc": true, "aws-sigv4": true, "cacert": true, "capath": true,
	"cert": true, "cert-type": true, "ciphers": true, "config": true, "connect-timeout": true,
	"connect-to": true, "continue-at": true, "cookie": true, "cookie-jar": true, "create-file-mode": true,
	"crlfile": true, "curves": true, "data": true, "data-ascii": true, "data-binary": true,
	"data-raw": true, "data-urlencode": true, "delegation": true, "dns-interface": true,
	"dns-ipv4-addr": true, "dns-ipv6-addr": true, "dns-servers": true, "doh-url": true,
	"dump-header": true, "ech": true, "egd-file": true, "engine": true, "etag-compare": true,
	"etag-save": true, "expect100-timeout": true, "form": true, "form-string": true,
	"ftp-account": true, "ftp-alternative-to-user": true, "ftp-method": true, "ftp-port": true,
	"ftp-ssl-ccc-mode": true, "happy-eyeballs-timeout-ms": true, "haproxy-clientip": true,
	"header": true, "hostpubmd5": true, "hostpubsha256": true, "hsts": true, "interface": true,
	"ip-tos": true, "ipfs-gateway": true, "json": true, "keepalive-cnt": true, "keepalive-time": true,
	"key": true, "key-type": true, "knownhosts": true, "krb": true, "krb4": true, "libcurl": true,
	"limit-rate": true, "local-port": true, "login-options": true, "mail-auth": true,
	"mail-from": true, "mail-rcpt": true, "max-filesize": true, "max-redirs": true, "max-time": true,
	"netrc-file": true, "noproxy": true, "oauth2-bearer": true, "output": true, "output-dir": true,
	"parallel-max": true, "parallel-max-host": true, "pass": true, "pinnedpubkey": true,
	"preproxy": true, "proto": true, "proto-default": true, "proto-redir": true, "proxy": true,
	"proxy-cacert": true, "proxy-capath": true, "proxy-cert": true, "proxy-cert-type": true,
	"proxy-ciphers": true, "proxy-crlfile": true, "proxy-header": true, "proxy-key": true,
	"proxy-key-type": true, "proxy-pass": true, "proxy-pinnedpubkey": true,
	"proxy-service-name": true, "proxy-tls13-ciphers": true, "proxy-tlsauthtype": true,
	"proxy-tlspassword": true, "proxy-tlsuser": true, "proxy-user": true, "proxy1.0": true,
	"pubkey": true, "quote": true, "random-file": true, "range": true, "rate": true, "referer": true,
	"request": true, "request-target": true, "resolve": true, "retry": true, "retry-delay": true,
	"retry-max-time": true, "sasl-authzid": true, "service-name": true, "sigalgs": true,
	"socks4": true, "socks4a": true, "socks5": true, "socks5-gssapi-service": true,
	"socks5-hostname": true, "speed-limit": true, "speed-time": true, "ssl-sessions": true,
	"stderr": true, "telnet-option": true, "tftp-blksize": true, "time-cond": true, "tls-max": true,
	"tls13-ciphers": true, "tlsauthtype": true, "tlspassword": true, "tlsuser": true, "trace": true,
	"trace-ascii": true, "trace-config": true, "unix-socket": true, "upload-file": true,
	"upload-flags": true, "url": true, "url-query": true, "user": true, "user-agent": true,
	"variable": true, "vlan-priority": true, "write-out": true,
}

// curlShortValue maps curl's one-letter options that take a value to their
// long names; curlShortSwitch does the same for the switches that Import
// acts on.
var (
	curlShortValue = map[byte]string{
		'A': "user-agent", 'b': "cookie", 'c': "cookie-jar", 'C': "continue-at", 'd': "data",
		'D': "dump-header", 'e': "referer", 'E': "cert", 'F': "form", 'H': "header", 'K': "config",
		'm': "max-time", 'o': "output", 'P': "ftp-port", 'Q': "quote", 'r': "range",
		't': "telnet-option", 'T': "upload-file", 'u': "user", 'U': "proxy-user", 'w': "write-out",
		'x': "proxy", 'X': "request", 'y': "speed-time", 'Y': "speed-limit", 'z': "time-cond",
	}
	curlShortSwitch = map[byte]string{'G': "get", 'I': "head"}
)

// curlArgs collects what Import understands of curl's arguments.
type curlArgs struct {
	st            *importState
	method        string
	head, get     bool
	upload, form  bool
	url           string
	hasURL        bool
	data          strings.Builder
	hasData, json bool
	query         []string
	headers       []importHeaderLine
}

// importCurl reads a curl command line (curl's manual, "curl.1").
func importCurl(s string) (*Imported, error) {
	words, stopped, err := shellwords.Split(s)
	if err != nil {
		reason := "has a curl command that cannot be split into words"
		if errors.Is(err, shellwords.ErrUnclosedQuote) {
			reason = "has a curl command with a quote that is never closed"
		}
		return nil, fieldErr(importField, reason, ErrMalformed)
	}
	c := &curlArgs{st: newImportState(ImportCurl)}
	im, r := c.st.im, &c.st.im.Request
	if stopped {
		im.note("shell text after the curl command")
	}
	var args []string
	if len(words) > 0 {
		args = words[1:] // words[0] is curl itself
	}
	optionsDone := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		next := func(shown string) (string, bool) {
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			im.note("curl option " + shown + " without a value")
			return "", false
		}
		switch {
		case optionsDone || a == "-" || !strings.HasPrefix(a, "-"):
			if c.hasURL {
				im.note("extra argument")
				continue
			}
			c.url, c.hasURL = a, true
		case a == "--":
			optionsDone = true
		case strings.HasPrefix(a, "--"):
			name := a[2:]
			shown := "--" + name
			if !isCurlOptionName(name) {
				shown = "(unknown)"
			}
			if !curlValueOptions[name] {
				c.flag(name, shown)
				continue
			}
			if v, ok := next(shown); ok {
				c.option(name, shown, v)
			}
		default:
			for j := 1; j < len(a); j++ {
				letter := a[j]
				shown := "-" + string(letter)
				if !isAlnum(letter) && letter != '#' && letter != ':' {
					shown = "(unknown)"
				}
				long, takes := curlShortValue[letter]
				if !takes {
					c.flag(curlShortSwitch[letter], shown)
					continue
				}
				v := a[j+1:]
				if v == "" {
					var ok bool
					if v, ok = next(shown); !ok {
						break
					}
				}
				c.option(long, shown, v)
				break
			}
		}
	}

	switch {
	case c.method != "":
		r.Method = c.method
	case c.head:
		r.Method = "HEAD"
	case c.get:
		r.Method = "GET"
	case c.hasData || c.form:
		r.Method = "POST"
	case c.upload:
		r.Method = "PUT"
	default:
		r.Method = "GET"
	}

	u := c.url
	switch {
	case !c.hasURL:
		im.note("URL missing")
	case !hasScheme(u):
		u = "http://" + u // curl's own guess
		im.note("assumed http")
	}
	if u != "" {
		query := c.query
		if c.get && c.data.Len() > 0 {
			query = append(query, c.data.String())
		}
		for _, q := range query {
			u = appendQuery(u, q)
		}
	}
	r.URL = u

	_, auth, hasAuth := c.st.useHeaders(c.headers, false)
	if !c.get {
		r.Body = c.data.String()
		if r.ContentType == "" && !hasHeader(c.headers, "Content-Type") {
			switch {
			case c.json:
				r.ContentType = "application/json"
			case c.hasData:
				r.ContentType = "application/x-www-form-urlencoded" // curl's default for -d
			}
		}
	}
	return c.st.finish(auth, hasAuth)
}

// flag applies a curl switch (an option without a value).
func (c *curlArgs) flag(name, shown string) {
	switch name {
	case "get":
		c.get = true
	case "head":
		c.head = true
	default:
		c.st.im.note("curl option " + shown)
	}
}

// option applies a curl option and its value. Notes name the option,
// never the value.
func (c *curlArgs) option(name, shown, v string) {
	im := c.st.im
	switch name {
	case "request":
		c.method = v
	case "header":
		if strings.HasPrefix(v, "@") {
			im.note("headers read from a file (curl option " + shown + ")")
			return
		}
		if hname, hvalue, ok := splitHeaderLine(v); ok {
			c.headers = append(c.headers, importHeaderLine{hname, hvalue})
			return
		}
		if hname, ok := strings.CutSuffix(strings.TrimSpace(v), ";"); ok && isToken(hname) {
			c.headers = append(c.headers, importHeaderLine{hname, ""}) // "Name;" sends it empty
			return
		}
		im.note("curl option " + shown + " that is not a header")
	case "data", "data-ascii", "data-binary":
		if strings.HasPrefix(v, "@") {
			im.note("data read from a file (curl option " + shown + ")")
			c.hasData = true
			return
		}
		c.addData(v, false)
	case "data-raw":
		c.addData(v, false)
	case "data-urlencode":
		enc, ok := curlURLEncode(v)
		if !ok {
			im.note("data read from a file (curl option " + shown + ")")
			c.hasData = true
			return
		}
		c.addData(enc, false)
	case "json":
		if strings.HasPrefix(v, "@") {
			im.note("data read from a file (curl option " + shown + ")")
			c.hasData, c.json = true, true
			return
		}
		c.addData(v, true)
	case "url":
		if c.hasURL {
			im.note("extra argument")
			return
		}
		c.url, c.hasURL = v, true
	case "url-query":
		if raw, ok := strings.CutPrefix(v, "+"); ok {
			c.query = append(c.query, raw)
			return
		}
		enc, ok := curlURLEncode(v)
		if !ok {
			im.note("query read from a file (curl option " + shown + ")")
			return
		}
		c.query = append(c.query, enc)
	case "upload-file":
		c.upload = true
		im.note("curl option " + shown)
	case "form", "form-string":
		c.form = true
		im.note("curl option " + shown)
	default:
		im.note("curl option " + shown)
	}
}

// addData appends one piece of request data: curl joins -d pieces with
// "&" and --json pieces with nothing.
func (c *curlArgs) addData(v string, json bool) {
	if c.hasData && !json {
		c.data.WriteByte('&')
	}
	c.data.WriteString(v)
	c.hasData = true
	c.json = c.json || json
}

// curlURLEncode encodes a --data-urlencode value as curl does: "name=content"
// and "=content" encode the content only, a value without "=" or "@" is
// encoded whole, and "name@file" reads a file, reported as false. curl
// escapes every octet but ALPHA, DIGIT and "-._~", then writes a space as
// "+" (since curl 7.77.0; older versions left "%20", which decodes the same).
func curlURLEncode(v string) (string, bool) {
	if name, content, ok := strings.Cut(v, "="); ok {
		enc := strings.ReplaceAll(PercentEncode(content), "%20", "+")
		if name == "" {
			return enc, true
		}
		return name + "=" + enc, true
	}
	if strings.IndexByte(v, '@') >= 0 {
		return "", false
	}
	return strings.ReplaceAll(PercentEncode(v), "%20", "+"), true
}

// appendQuery adds q to the query of u, before any fragment, as curl's -G
// and --url-query do.
func appendQuery(u, q string) string {
	base, frag, hasFrag := strings.Cut(u, "#")
	switch {
	case !strings.Contains(base, "?"):
		base += "?" + q
	case strings.HasSuffix(base, "?") || strings.HasSuffix(base, "&"):
		base += q
	default:
		base += "&" + q
	}
	if hasFrag {
		base += "#" + frag
	}
	return base
}

// hasScheme reports whether u starts with a URI scheme and "://" (RFC 3986
// section 3.1).
func hasScheme(u string) bool {
	i := strings.Index(u, "://")
	if i <= 0 || !isLetter(u[0]) {
		return false
	}
	for j := 1; j < i; j++ {
		if c := u[j]; !isAlnum(c) && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func hasHeader(hs []importHeaderLine, name string) bool {
	for _, h := range hs {
		if strings.EqualFold(h.name, name) {
			return true
		}
	}
	return false
}

// isCurlOptionName reports whether a long option name looks like one of
// curl's, so that a note may show it.
func isCurlOptionName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// importBaseString finds a signature base string in s (RFC 5849 section
// 3.4.1.1): the form-encoded value of a debug_sbs parameter, as some
// servers send in an oauth_problem reply, or a METHOD&URI&PARAMETERS
// string anywhere in the text. It reports false when there is none.
func importBaseString(s string) (*Imported, bool, error) {
	bs, whole := findBaseString(s)
	if bs == "" {
		return nil, false, nil
	}
	parts := strings.SplitN(bs, "&", 3)
	uri, ok1 := unescapeAuthParam(parts[1])
	paramString, ok2 := unescapeAuthParam(parts[2])
	if !ok1 || !ok2 {
		return nil, false, fieldErr(importField, "has a base string with a \"%\" that is not followed by two hex digits", ErrMalformed)
	}

	st := newImportState(ImportBaseString)
	im, r := st.im, &st.im.Request
	im.BaseString = bs
	r.Method, r.URL = parts[0], uri
	var signed []Param
	extra, hasSignature := false, false
	for pair := range strings.SplitSeq(paramString, "&") {
		if pair == "" {
			continue
		}
		rawName, rawValue, _ := strings.Cut(pair, "=")
		name, ok1 := unescapeAuthParam(rawName)
		value, ok2 := unescapeAuthParam(rawValue)
		if !ok1 || !ok2 {
			return nil, false, fieldErr(importField, "has a base string whose parameters have a \"%\" that is not followed by two hex digits", ErrMalformed)
		}
		p := Param{Name: name, Value: value}
		switch {
		case name == oauthSignature:
			hasSignature = true
			continue
		case name == oauthBodyHash:
			// Kept as sent: Sign would hash an empty body.
			r.Params = append(r.Params, Param{Name: name, Value: value, Source: SourceProtocol})
		case st.take(p, "base string"):
		case strings.HasPrefix(name, "oauth_"):
			r.Params = append(r.Params, Param{Name: name, Value: value, Source: SourceProtocol})
		default:
			extra = true
			r.Params = append(r.Params, Param{Name: name, Value: value, Source: SourceExtra})
		}
		signed = append(signed, p)
	}
	if !whole {
		im.note("text around the base string")
	}
	if extra {
		im.note("query and body parameters cannot be told apart in a base string: all are extra parameters")
	}
	if hasSignature {
		im.note("oauth_signature in the base string: it is never signed")
	}
	baseURI, _, err := BaseStringURI(uri)
	rebuilt := PercentEncode(strings.ToUpper(parts[0])) + "&" + PercentEncode(baseURI) + "&" + PercentEncode(NormalizeParameters(signed))
	if err != nil || rebuilt != bs {
		im.note("base string not in normal form: signing the request gives a different one")
	}
	return im, true, nil
}

// findBaseString returns the base string in s, and whether it is all of s.
// A debug_sbs value is form-decoded once first.
func findBaseString(s string) (bs string, whole bool) {
	const key = "debug_sbs="
	if i := strings.Index(s, key); i >= 0 {
		v := s[i+len(key):]
		v = v[:baseStringEnd(v, 0)]
		if dec, ok := formUnescape(v); ok {
			if start, end, ok := scanBaseString(dec); ok && start == 0 && end == len(dec) {
				return dec, false
			}
		}
	}
	start, end, ok := scanBaseString(s)
	if !ok {
		return "", false
	}
	return s[start:end], start == 0 && end == len(s)
}

// scanBaseString finds the first METHOD&SCHEME%3A%2F%2F...&PARAMETERS in
// s: a method of letters, an encoded http or https URI, and an encoded
// parameter string, which holds no "&" of its own (RFC 5849 section
// 3.4.1.1).
func scanBaseString(s string) (start, end int, ok bool) {
	// Lower-case ASCII only, byte for byte, so indices stay those of s.
	lower := []byte(s)
	for i, c := range lower {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	for from := 0; ; {
		i := bytes.Index(lower[from:], []byte("&http"))
		if i < 0 {
			return 0, 0, false
		}
		amp := from + i
		from = amp + 1
		rest := lower[amp+1:]
		if !bytes.HasPrefix(rest, []byte("http%3a%2f%2f")) && !bytes.HasPrefix(rest, []byte("https%3a%2f%2f")) {
			continue
		}
		start = amp
		for start > 0 && isLetter(s[start-1]) {
			start--
		}
		if start == amp || start > 0 && (isAlnum(s[start-1]) || s[start-1] == '_') {
			continue
		}
		uriEnd := baseStringEnd(s, amp+1)
		if uriEnd == len(s) || s[uriEnd] != '&' {
			continue
		}
		return start, baseStringEnd(s, uriEnd+1), true
	}
}

// baseStringEnd returns the index in s of the first octet at or after from
// that cannot be part of a base string's URI or parameter string: "&",
// white space or a character that quotes text.
func baseStringEnd(s string, from int) int {
	for i := from; i < len(s); i++ {
		if strings.IndexByte("& \t\r\n\"'<>`", s[i]) >= 0 {
			return i
		}
	}
	return len(s)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
