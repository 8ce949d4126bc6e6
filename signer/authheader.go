package signer

import (
	"strconv"
	"strings"
)

// authHeaderField is the FieldError field of every ParseAuthorizationHeader
// error: the Authorization header (RFC 5849 section 3.5.1).
const authHeaderField = "authorization"

// authHeaderKnownNames are the protocol parameter names an error may quote:
// they are fixed by the protocol, so they say nothing about what was typed
// (RFC 5849 sections 2 and 3.1).
var authHeaderKnownNames = map[string]bool{
	"oauth_callback":           true,
	"oauth_callback_confirmed": true,
	"oauth_consumer_key":       true,
	"oauth_nonce":              true,
	"oauth_signature":          true,
	"oauth_signature_method":   true,
	"oauth_timestamp":          true,
	"oauth_token":              true,
	"oauth_token_secret":       true,
	"oauth_verifier":           true,
	"oauth_version":            true,
}

// authHeaderOtherSchemes maps the lower-cased names of a few well-known
// non-OAuth schemes to their usual spelling, the only scheme names an error
// may quote (RFC 7617, RFC 6750, RFC 7616).
var authHeaderOtherSchemes = map[string]string{
	"basic":  "Basic",
	"bearer": "Bearer",
	"digest": "Digest",
}

// AuthorizationHeader returns the value of an Authorization header carrying
// params (RFC 5849 section 3.5.1): "OAuth ", then realm="..." when realm is
// not empty (it is never signed), then each parameter as name="value",
// names and values percent-encoded, sorted by name and joined by ", ".
// The realm is a quoted-string (RFC 2617 section 1.2): only its quotes and
// backslashes are escaped.
func AuthorizationHeader(realm string, params []Param) string {
	enc := EncodeParameters(params)
	SortParameters(enc)
	var b strings.Builder
	b.WriteString("OAuth ")
	sep := ""
	if realm != "" {
		b.WriteString(`realm="` + quoteEscape(realm) + `"`)
		sep = ", "
	}
	for _, p := range enc {
		b.WriteString(sep + p.Name + `="` + p.Value + `"`)
		sep = ", "
	}
	return b.String()
}

// quoteEscape puts a backslash before each backslash and double quote of
// s, as strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace does
// (TestQuoteEscape), without the Replacer's machinery (~2 KB of brotli in
// the wasm).
func quoteEscape(s string) string {
	n := strings.Count(s, `\`) + strings.Count(s, `"`)
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+n)
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' || s[i] == '"' {
			b = append(b, '\\')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// ParseAuthorizationHeader parses the value of an HTTP Authorization header
// that uses the OAuth scheme, as a client sent it, and returns its realm and
// its other parameters in header order with Source SourceProtocol.
//
// The value may start with the header name "Authorization:" (any case). The
// scheme "OAuth" is matched case-insensitively, and spaces, tabs and line
// breaks may surround the scheme, commas and "=", so a header folded across
// lines parses. Each parameter is name="value"; a quoted value may hold the
// escapes \" and \\, and a value without quotes is read up to the next
// space or comma. Names and values are then percent-decoded ("+" stays
// "+"), except the realm's value, which is a plain quoted-string. The realm
// name is matched case-insensitively. Duplicate names are kept; a second
// realm is an error. Empty list elements (",,") are skipped.
//
// Errors are *FieldError values for the field "authorization" wrapping
// ErrMalformed. They say which parameter is at fault by its position, or by
// its name when it is a protocol parameter name, and never quote the text
// (RFC 5849 section 3.5.1).
func ParseAuthorizationHeader(value string) (realm string, params []Param, err error) {
	p := authHeaderParser{s: value}
	realm, params, reason := p.parse()
	if reason != "" {
		return "", nil, fieldErr(authHeaderField, reason, ErrMalformed)
	}
	return realm, params, nil
}

// authHeaderParser holds the input and the read position of one
// ParseAuthorizationHeader call (RFC 5849 section 3.5.1).
type authHeaderParser struct {
	s string
	i int
}

// parse does the work of ParseAuthorizationHeader. It returns a non-empty
// reason on failure: plain words that never quote the input (RFC 5849
// section 3.5.1).
func (p *authHeaderParser) parse() (realm string, params []Param, reason string) {
	p.skipSpace()
	if p.i == len(p.s) {
		return "", nil, "is empty: paste the value of the Authorization header"
	}
	p.skipHeaderName()
	p.skipSpace()
	scheme := p.token()
	if scheme == "" {
		if p.i == len(p.s) {
			return "", nil, "has the header name but no value: it should start with OAuth"
		}
		return "", nil, "does not start with a scheme: it should start with OAuth"
	}
	if !strings.EqualFold(scheme, "OAuth") {
		if name, ok := authHeaderOtherSchemes[strings.ToLower(scheme)]; ok {
			return "", nil, "uses the " + name + " scheme, not OAuth"
		}
		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] == '=' {
			return "", nil, "starts with a parameter, not the scheme: put OAuth in front of the parameters"
		}
		return "", nil, "does not use the OAuth scheme: it should start with OAuth"
	}

	seenRealm := false
	n := 0 // parameters read so far, realm included
	for {
		p.skipSpace()
		if p.i == len(p.s) {
			break
		}
		if p.s[p.i] == ',' {
			p.i++ // an empty list element (RFC 9110 section 5.6.1)
			continue
		}
		n++
		pos := authHeaderOrdinal(n) + " parameter"

		rawName := p.token()
		p.skipSpace()
		if rawName == "" {
			if p.i < len(p.s) && p.s[p.i] == '=' {
				return "", nil, "the " + pos + " has an empty name"
			}
			return "", nil, "the " + pos + " does not start with a name (names are letters, digits, \"_\", \"-\", \".\" and percent-escapes)"
		}
		isRealm := strings.EqualFold(rawName, "realm")
		name, nameOK := unescapeAuthParam(rawName)
		who := "the " + pos
		if isRealm {
			who = "realm"
		} else if nameOK && authHeaderKnownNames[name] {
			who = name
		}
		if p.i == len(p.s) || p.s[p.i] != '=' {
			return "", nil, who + " has no \"=\""
		}
		p.i++
		p.skipSpace()

		var raw string
		if p.i < len(p.s) && p.s[p.i] == '"' {
			var ok bool
			if raw, ok = p.quoted(); !ok {
				return "", nil, who + " has a value whose opening quote is never closed"
			}
		} else {
			raw = p.bare()
		}

		p.skipSpace()
		if p.i < len(p.s) && p.s[p.i] != ',' {
			return "", nil, "there is no comma after " + who + "'s value: separate parameters with commas"
		}

		if isRealm {
			if seenRealm {
				return "", nil, "has two realm parameters"
			}
			seenRealm, realm = true, raw
			continue
		}
		if !nameOK {
			return "", nil, "the " + pos + "'s name has a \"%\" that is not followed by two hex digits"
		}
		v, ok := unescapeAuthParam(raw)
		if !ok {
			return "", nil, who + "'s value has a \"%\" that is not followed by two hex digits"
		}
		params = append(params, Param{Name: name, Value: v, Source: SourceProtocol})
	}
	if n == 0 {
		return "", nil, "has no parameters after OAuth"
	}
	return realm, params, ""
}

// isAuthHeaderSpace reports whether c is white space that may surround the
// parts of a header: SP and HTAB (RFC 9110 section 5.6.3), and CR and LF so
// that a folded header pastes as it was printed (RFC 5849 section 1.2).
func isAuthHeaderSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n'
}

// isAuthHeaderTchar reports whether c may appear in a token: ALPHA, DIGIT and
// "!#$%&'*+-.^_`|~" (RFC 9110 section 5.6.2).
func isAuthHeaderTchar(c byte) bool {
	return isUnreserved(c) || strings.IndexByte("!#$%&'*+^`|", c) >= 0
}

// skipSpace moves past white space (RFC 9110 section 5.6.3).
func (p *authHeaderParser) skipSpace() {
	for p.i < len(p.s) && isAuthHeaderSpace(p.s[p.i]) {
		p.i++
	}
}

// skipHeaderName moves past a leading "Authorization:" header name, any
// case, with optional space before the colon (RFC 9110 section 5.1).
func (p *authHeaderParser) skipHeaderName() {
	const h = "authorization"
	if len(p.s)-p.i < len(h) || !strings.EqualFold(p.s[p.i:p.i+len(h)], h) {
		return
	}
	j := p.i + len(h)
	for j < len(p.s) && isAuthHeaderSpace(p.s[j]) {
		j++
	}
	if j < len(p.s) && p.s[j] == ':' {
		p.i = j + 1
	}
}

// token reads a possibly empty token (RFC 9110 section 5.6.2).
func (p *authHeaderParser) token() string {
	start := p.i
	for p.i < len(p.s) && isAuthHeaderTchar(p.s[p.i]) {
		p.i++
	}
	return p.s[start:p.i]
}

// quoted reads a quoted-string starting at its opening quote and returns
// its content with each quoted-pair "\X" replaced by X. It reports false if
// the string is not closed (RFC 9110 section 5.6.4).
func (p *authHeaderParser) quoted() (string, bool) {
	p.i++ // the opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch c {
		case '"':
			p.i++
			return b.String(), true
		case '\\':
			if p.i+1 == len(p.s) {
				return "", false
			}
			b.WriteByte(p.s[p.i+1])
			p.i += 2
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", false
}

// bare reads a value sent without quotes. RFC 2617 section 1.2 allows a
// token there; clients also send base64 with its "/" and "=" bare, so the
// value runs to the next white space, comma, quote or backslash, which
// cannot be misread (RFC 5849 section 3.5.1).
func (p *authHeaderParser) bare() string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if isAuthHeaderSpace(c) || c == ',' || c == '"' || c == '\\' {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

// unescapeAuthParam decodes the "%XX" escapes of a header parameter name or
// value; unlike form encoding, "+" stays "+". It reports false for a "%" not
// followed by two hex digits (RFC 5849 sections 3.5.1 and 3.6).
func unescapeAuthParam(s string) (string, bool) { return percentDecode(s, false) }

// authHeaderOrdinal returns n as an English ordinal: "1st", "2nd", "3rd", "4th",
// "11th", "21st". Errors use it to point at a parameter without quoting it
// (RFC 5849 section 3.5.1).
func authHeaderOrdinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
