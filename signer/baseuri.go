package signer

import (
	"net/url"
	"strconv"
	"strings"
)

// defaultPorts maps a scheme to the port RFC 5849 section 3.4.1.2 drops
// from the base string URI: only its own default, so https://h:80/ keeps
// ":80".
var defaultPorts = map[string]string{"http": "80", "https": "443"}

// parseURL parses the request URL for signing: an http or https URL with
// a host and, if it has one, a port from 1 to 65535 (RFC 3986 section
// 3.2.3, RFC 9293's port range). Errors name the "url" field and never
// echo the URL: net/url's own errors do, and the query of a URL can hold
// secrets.
func parseURL(raw string) (*url.URL, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, fieldErr("url", "is empty", ErrRequired)
	}
	if strings.TrimSpace(raw) != raw {
		return nil, fieldErr("url", "has spaces at its start or end", ErrMalformed)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fieldErr("url", "is not a valid URL (check for stray spaces, \"%\" signs and brackets)", ErrMalformed)
	}
	if u.Scheme == "" || u.Opaque != "" {
		return nil, fieldErr("url", "needs a scheme: start it with https:// or http://", ErrMalformed)
	}
	if _, ok := defaultPorts[u.Scheme]; !ok {
		return nil, fieldErr("url", "must start with http:// or https://", ErrMalformed)
	}
	if u.Hostname() == "" {
		return nil, fieldErr("url", "has no host", ErrMalformed)
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return nil, fieldErr("url", "has a port outside 1 to 65535", ErrMalformed)
		}
	}
	return u, nil
}

// BaseStringURI returns the base string URI of rawURL as RFC 5849 section
// 3.4.1.2 defines it: scheme and host in lower case, the port only when it
// is not the scheme's default, the path (an empty path becomes "/"), and no
// query or fragment. The path is taken as already percent-encoded: its hex
// digits are upper-cased and raw spaces or non-ASCII octets are encoded.
// The notes say which of these changed the input.
func BaseStringURI(rawURL string) (uri string, notes []Note, err error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return "", nil, err
	}
	uri, notes = baseStringURI(rawURL, u)
	return uri, notes, nil
}

func baseStringURI(raw string, u *url.URL) (string, []Note) {
	var notes []Note
	note := func(id, text string) { notes = append(notes, Note{ID: id, Text: text}) }

	// url.Parse lower-cases the scheme itself; look at the raw text to say so.
	if rawScheme, _, _ := strings.Cut(raw, ":"); rawScheme != u.Scheme {
		note(NoteSchemeLowercased, "The scheme was lower-cased.")
	}
	if u.User != nil {
		note(NoteUserinfoRemoved, "The user name and password part was removed.")
	}
	host := strings.ToLower(u.Host)
	if host != u.Host {
		note(NoteHostLowercased, "The host was lower-cased.")
	}
	// url.Parse decodes "%25" in the host (an IPv6 zone, "[fe80::1%25en0]",
	// or a registered name); encode it again, or the result is not a URI.
	host = strings.ReplaceAll(host, "%", "%25")
	if port := u.Port(); port != "" && port == defaultPorts[u.Scheme] {
		host = strings.TrimSuffix(host, ":"+port)
		note(NoteDefaultPortRemoved, "The port "+port+" was removed: it is the default for "+u.Scheme+".")
	} else if strings.HasSuffix(host, ":") {
		host = strings.TrimSuffix(host, ":")
		note(NoteEmptyPortRemoved, "The empty port after \":\" was removed.")
	}

	path, changed := normalizePath(rawPath(raw, u))
	if changed {
		note(NotePathNormalized, "Percent-escapes in the path were upper-cased and raw spaces or non-ASCII characters were encoded.")
	}
	if path == "" {
		path = "/"
		note(NoteEmptyPath, "The empty path became \"/\".")
	}
	if u.RawQuery != "" || u.ForceQuery {
		note(NoteQueryRemoved, "The query was removed from the URI; its parameters are signed as parameters.")
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		note(NoteFragmentRemoved, "The fragment (after \"#\") was removed: it is never sent to the server.")
	}
	return u.Scheme + "://" + host + path, notes
}

// rawPath returns the path exactly as typed in raw: the text after the
// authority and before "?" or "#".
func rawPath(raw string, u *url.URL) string {
	s := raw
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	if _, rest, ok := strings.Cut(s, "://"); ok {
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			return rest[i:]
		}
		return ""
	}
	return u.EscapedPath()
}

// normalizePath upper-cases the hex of percent-escapes and encodes octets
// that cannot stand bare in a path (RFC 3986 section 3.3). It reports
// whether anything changed.
func normalizePath(p string) (string, bool) {
	var b strings.Builder
	changed := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			esc := upperASCII(p[i : i+3])
			if esc != p[i:i+3] {
				changed = true
			}
			b.WriteString(esc)
			i += 2
		case isPathChar(c):
			b.WriteByte(c)
		default:
			changed = true
			b.WriteByte('%')
			b.WriteByte(upperhex[c>>4])
			b.WriteByte(upperhex[c&15])
		}
	}
	return b.String(), changed
}

// isPathChar reports whether c may stand bare in a path: pchar or "/"
// (RFC 3986 section 3.3).
func isPathChar(c byte) bool {
	if isUnreserved(c) {
		return true
	}
	return strings.IndexByte("!$&'()*+,;=:@/", c) >= 0
}
