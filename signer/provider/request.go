package provider

import (
	"net/url"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// MaxRequest is the most octets of URL, Authorization header, body and
// content type together that Serve reads; a larger request is a
// *signer.FieldError on body. Real token requests are well under 2 KB.
const MaxRequest = 1 << 20

// Request is one HTTP request sent to the provider, as the page holds it:
// the method, the absolute URL (query included), the Authorization
// header's value, the body and its Content-Type.
type Request struct {
	Method        string // HTTP method, e.g. "POST"
	URL           string // absolute https URL, e.g. "https://api.x.com/oauth/request_token"
	Authorization string // the Authorization header's value, or ""
	Body          string // the raw entity-body
	ContentType   string // the Content-Type header's value
}

// received is a Request read: the method upper-cased, the URL parsed, and
// its query and form body as parameters, in order.
type received struct {
	Request
	url   *url.URL
	query []signer.Param
	form  []signer.Param // empty unless the body is application/x-www-form-urlencoded
}

// read checks r's method and URL and reads its parameters (RFC 5849
// section 3.4.1.3.1). What cannot be an HTTP request at all is a
// *signer.FieldError naming the field, never quoting it.
func read(r Request) (*received, error) {
	if len(r.Method)+len(r.URL)+len(r.Authorization)+len(r.Body)+len(r.ContentType) > MaxRequest {
		return nil, &signer.FieldError{Field: "body", Reason: "makes the request larger than 1 MiB, more than this provider reads", Err: signer.ErrMalformed}
	}
	if r.Method == "" {
		return nil, &signer.FieldError{Field: "method", Reason: "is empty", Err: signer.ErrRequired}
	}
	for i := 0; i < len(r.Method); i++ {
		if !isTokenChar(r.Method[i]) {
			return nil, &signer.FieldError{Field: "method", Reason: "may hold only letters, digits and !#$%&'*+-.^_`|~", Err: signer.ErrMalformed}
		}
	}
	if strings.TrimSpace(r.URL) == "" {
		return nil, &signer.FieldError{Field: "url", Reason: "is empty", Err: signer.ErrRequired}
	}
	u, err := url.Parse(r.URL)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Opaque != "" {
		return nil, &signer.FieldError{Field: "url", Reason: "must be an absolute URL such as https://api.x.com/oauth/request_token", Err: signer.ErrMalformed}
	}
	if strings.ContainsAny(r.Authorization, "\r\n") || strings.ContainsAny(r.ContentType, "\r\n") {
		field := "authorization"
		if !strings.ContainsAny(r.Authorization, "\r\n") {
			field = "contentType"
		}
		return nil, &signer.FieldError{Field: field, Reason: "holds a line break: a header value is one line", Err: signer.ErrMalformed}
	}
	rc := &received{Request: r, url: u, query: parseForm(u.RawQuery)}
	rc.Method = strings.ToUpper(r.Method)
	if isForm(r.ContentType) {
		rc.form = parseForm(r.Body)
	}
	return rc, nil
}

// isTokenChar reports whether c may appear in an HTTP method (RFC 9110
// section 5.6.2).
func isTokenChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// isForm reports whether ct is application/x-www-form-urlencoded, whatever
// its case and parameters.
func isForm(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/x-www-form-urlencoded")
}

// parseForm splits form-encoded text into parameters in order, "+" as a
// space; a pair that does not decode is kept as it is (the signature
// check then refuses it in its own words).
func parseForm(text string) []signer.Param {
	var out []signer.Param
	for pair := range strings.SplitSeq(text, "&") {
		if pair == "" {
			continue
		}
		name, value, _ := strings.Cut(pair, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		out = append(out, signer.Param{Name: name, Value: value})
	}
	return out
}

// param returns the first value of name in ps and whether it is there.
func param(ps []signer.Param, name string) (string, bool) {
	for _, p := range ps {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}
