package provider

import (
	"strconv"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// A Header is one response header field, in the order it is sent.
type Header struct {
	Name  string
	Value string
}

// Response is the provider's answer: the status code, the header fields
// in order, and the body.
type Response struct {
	Status  int
	Headers []Header
	Body    string
}

// Header returns the value of the first header field called name, any
// case, or "".
func (r *Response) Header(name string) string {
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// Text is the response as it would come over the wire: the status line,
// the header fields and the body, which is what a learner pastes into the
// Verify view (signer.Import reads it).
func (r *Response) Text() string {
	var b strings.Builder
	b.WriteString("HTTP/1.1 " + strconv.Itoa(r.Status) + " " + statusText[r.Status] + "\r\n")
	for _, h := range r.Headers {
		b.WriteString(h.Name + ": " + h.Value + "\r\n")
	}
	b.WriteString("\r\n")
	b.WriteString(r.Body)
	return b.String()
}

// statusText is the reason phrase of each status the provider answers
// with (RFC 9110 section 15); net/http is not linked for it, since it
// would add half a megabyte to the page's WebAssembly.
var statusText = map[int]string{200: "OK", 302: "Found", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
	404: "Not Found", 405: "Method Not Allowed", 429: "Too Many Requests", 503: "Service Unavailable"}

// The content types the provider answers with.
const (
	contentForm = "application/x-www-form-urlencoded"
	contentJSON = "application/json; charset=utf-8"
	contentHTML = "text/html; charset=utf-8"
)

// answer is a response with a Content-Type and Cache-Control: no-store,
// which every answer carrying credentials needs (RFC 6749 section 5.1).
func answer(status int, contentType, body string) *Response {
	return &Response{Status: status, Headers: []Header{{"Content-Type", contentType}, {"Cache-Control", "no-store"}}, Body: body}
}

// formBody form-encodes ps as name=value pairs joined with "&", RFC 5849
// section 3.6 encoding (the way section 2.1 answers are written).
func formBody(ps []signer.Param) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(signer.PercentEncode(p.Name) + "=" + signer.PercentEncode(p.Value))
	}
	return b.String()
}

// xError is the JSON error body of X's v1.1 API:
// {"errors":[{"code":N,"message":"..."}]}; message is a constant of this
// package, never an input.
func xError(status, code int, message string) *Response {
	return answer(status, contentJSON, `{"errors":[{"code":`+strconv.Itoa(code)+`,"message":`+strconv.Quote(message)+`}]}`)
}
