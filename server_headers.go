//go:build !js

package main

// The security headers of every response, the one page other origins may
// frame, and the -frame-ancestor flag that names them.

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// contentSecurityPolicy is the policy for the page, in the form that can also
// be written in the <meta http-equiv="Content-Security-Policy"> tag of
// site/index.html, so that the policy travels with the files to a static
// host that sets no headers. A test keeps the two in sync; docs/architecture.md,
// "Security rules", says what each directive is for.
// It leaves out frame-ancestors, which browsers ignore in <meta>;
// headerContentSecurityPolicy adds it.
const contentSecurityPolicy = "default-src 'none'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self'; " +
	"connect-src 'none'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'none'; " +
	"require-trusted-types-for 'script'; " +
	"trusted-types 'none'"

// headerContentSecurityPolicy is the Content-Security-Policy header value
// when no other origin may frame the page: contentSecurityPolicy plus
// frame-ancestors, which only works as a header.
const headerContentSecurityPolicy = contentSecurityPolicy + "; frame-ancestors 'self'"

// embedFile is the only file that origins given with -frame-ancestor may
// frame: the compact docs embed, which has no secret input unless its
// reader types one. The full page, with the secret inputs, and every other
// response keep frame-ancestors 'self', so that an allowed docs site cannot
// frame the page itself (docs/architecture.md, "Security rules").
const embedFile = "embed.html"

// securityHeaders returns the headers set on every response, errors and
// redirects included: a 404 or a redirect is a document too, and a header
// missing there is missing for the page (docs/architecture.md, "Security
// rules").
// frameAncestors are extra origins allowed to frame the response: none
// but for embedFile. X-Frame-Options, which cannot list them, is sent only
// when there are none.
func securityHeaders(frameAncestors []string) [][2]string {
	csp := headerContentSecurityPolicy
	if len(frameAncestors) > 0 {
		csp += " " + strings.Join(frameAncestors, " ")
	}
	h := [][2]string{
		{"Content-Security-Policy", csp},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
		{"Cross-Origin-Resource-Policy", "same-origin"},
		{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
		{"Cache-Control", "no-cache"},
	}
	if len(frameAncestors) == 0 {
		h = append(h, [2]string{"X-Frame-Options", "SAMEORIGIN"})
	}
	return h
}

// secureHeaders sets the headers of page on every response before calling
// next, and sets them again when next writes the status, because
// http.FileServer drops Cache-Control from its error responses. A handler
// that serves embedFile switches the response to embed with frameAsEmbed.
func secureHeaders(page, embed [][2]string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setHeaders(w.Header(), page)
		next.ServeHTTP(&headerWriter{ResponseWriter: w, headers: page, embed: embed}, r)
	})
}

// setHeaders sets every header of headers on h.
func setHeaders(h http.Header, headers [][2]string) {
	for _, kv := range headers {
		h.Set(kv[0], kv[1])
	}
}

// headerWriter is a ResponseWriter that restores the security headers just
// before the status line is written.
type headerWriter struct {
	http.ResponseWriter
	// headers are the security headers of this response: the page's,
	// or embed once frameAsEmbed was called.
	headers [][2]string
	// embed are the headers of embedFile, with the -frame-ancestor origins.
	embed       [][2]string
	wroteHeader bool
}

// WriteHeader restores the security headers, then writes the status code.
func (w *headerWriter) WriteHeader(code int) {
	if !w.wroteHeader {
		w.wroteHeader = true
		setHeaders(w.Header(), w.headers)
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write writes the status 200 through WriteHeader if needed, then b.
func (w *headerWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap returns the wrapped ResponseWriter, for http.ResponseController.
func (w *headerWriter) Unwrap() http.ResponseWriter {
	return w.ResponseWriter
}

// frameAsEmbed gives the response w the headers of embedFile, which may
// list other frame ancestors. handleSite calls it only when it is about to
// serve that file itself; every other response, its errors and redirects
// included, keeps the page's headers. It does nothing once the status is
// written, or if w is not (or does not wrap) a headerWriter.
func frameAsEmbed(w http.ResponseWriter) {
	for {
		if hw, ok := w.(*headerWriter); ok {
			if !hw.wroteHeader {
				for _, kv := range hw.headers {
					hw.Header().Del(kv[0])
				}
				hw.headers = hw.embed
				setHeaders(hw.Header(), hw.headers)
			}
			return
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return
		}
		w = u.Unwrap()
	}
}

// originList is a repeatable -frame-ancestor flag: each value an origin
// such as https://docs.example.org.
type originList []string

// String returns the origins separated by spaces.
func (o *originList) String() string { return strings.Join(*o, " ") }

// Set checks that v is an origin that a CSP host-source can name, and adds
// it in normal form (lower case, no trailing slash, the port without
// leading zeros). The error says what is wrong; the flag package adds the
// flag's name and the value.
func (o *originList) Set(v string) error {
	origin, err := parseOrigin(v)
	if err != nil {
		return fmt.Errorf("-frame-ancestor wants an origin such as https://docs.example.org: %w", err)
	}
	*o = append(*o, origin)
	return nil
}

// maxHostLen and maxLabelLen are DNS's limits on a name and on each of its
// labels (RFC 1035 section 2.3.4).
const maxHostLen, maxLabelLen = 253, 63

// parseOrigin returns v, an http or https origin, in normal form:
// scheme://host[:port]. The host is ASCII letters, digits and hyphens in
// non-empty labels of at most 63 characters, each starting and ending with
// a letter or digit, optionally after a leading "*." (the host-source
// grammar of CSP 3, which has no IPv6 literals); an internationalised name
// must be written in its xn-- form. The port, if there is a colon, is a
// number from 1 to 65535. A trailing "/" is allowed; any other path, a
// query, a fragment or a user name is not.
func parseOrigin(v string) (string, error) {
	scheme, rest, ok := strings.Cut(v, "://")
	if !ok {
		return "", errors.New("it has no scheme (http:// or https://)")
	}
	scheme = strings.ToLower(scheme)
	if scheme != "https" && scheme != "http" {
		return "", errors.New("the scheme must be http or https")
	}
	rest = strings.TrimSuffix(rest, "/")
	if strings.ContainsAny(rest, "/?#@\\") {
		return "", errors.New("an origin has no path, query, fragment or user name")
	}
	if strings.HasPrefix(rest, "[") {
		return "", errors.New("frame-ancestors cannot name an IPv6 address")
	}
	host, port, hasPort := strings.Cut(rest, ":")
	if hasPort {
		n, err := parsePort(port)
		if err != nil {
			return "", err
		}
		port = ":" + strconv.Itoa(n)
	}
	host = strings.ToLower(host)
	if err := checkHost(host); err != nil {
		return "", err
	}
	return scheme + "://" + host + port, nil
}

// parsePort returns the number in a port, which must be 1 to 65535.
func parsePort(port string) (int, error) {
	if port == "" {
		return 0, errors.New("the port after the colon is empty")
	}
	if strings.Trim(port, "0123456789") != "" {
		return 0, errors.New("the port must be a number")
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return 0, errors.New("the port is out of range (1 to 65535)")
	}
	return n, nil
}

// checkHost checks a lower-case host as parseOrigin describes.
func checkHost(host string) error {
	for i := range len(host) {
		if host[i] >= 0x80 {
			return errors.New("the host has non-ASCII characters: write it in its xn-- (punycode) form")
		}
	}
	name := strings.TrimPrefix(host, "*.")
	if name == "" {
		return errors.New("the host is empty")
	}
	if len(name) > maxHostLen {
		return errors.New("the host is longer than 253 characters")
	}
	for label := range strings.SplitSeq(name, ".") {
		switch {
		case label == "":
			return errors.New("the host has an empty label (two dots in a row, or a dot at either end)")
		case len(label) > maxLabelLen:
			return errors.New("a label of the host is longer than 63 characters")
		case strings.Trim(label, "abcdefghijklmnopqrstuvwxyz0123456789-") != "":
			return errors.New("the host may hold only letters, digits, hyphens, dots and a leading *.")
		case label[0] == '-' || label[len(label)-1] == '-':
			return errors.New("a label of the host starts or ends with a hyphen")
		}
	}
	return nil
}
