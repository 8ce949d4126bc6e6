package signer

import (
	"strconv"
	"strings"
	"unicode"
)

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
	st.scrub(nil)
	return st.im, nil
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

func isHeaderLine(line string) bool {
	_, _, ok := splitHeaderLine(line)
	return ok
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
		st.im.SchemeGuessed = true
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
