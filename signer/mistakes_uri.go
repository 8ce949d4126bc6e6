package signer

import (
	"net/url"
	"strings"
)

// uriMistakes returns the ways of building the base string URI (RFC 5849
// section 3.4.1.2), the method (section 3.4.1.1) and the base string's
// last part wrongly. path-decoded replaces the base string URI, so it
// comes first; the others wrap it and combine with each other.
func uriMistakes() []Mistake {
	return []Mistake{
		{ID: "path-decoded", Title: "Path signed decoded",
			Explanation: "It is what you get when the path is percent-decoded before signing (/a%20b/caf%C3%A9 signed as \"/a b/café\", so its escapes are encoded once instead of twice), e.g. by taking Go's url.URL.Path, which is decoded, instead of EscapedPath().",
			Fix:         "Sign the path exactly as it is sent, escapes and all: the base string URI keeps /a%20b/caf%C3%A9, and the base string encodes it once more (RFC 5849 section 3.4.1.2).",
			apply: func(r *Request, pl *pipeline) bool {
				u, err := url.Parse(r.URL)
				if err != nil {
					return false
				}
				p := rawPath(r.URL, u)
				dec, err := url.PathUnescape(p)
				if err != nil || dec == p {
					return false
				}
				pl.baseURI = func(raw string, u *url.URL) (string, []Note) {
					uri, notes := baseStringURI(raw, u)
					scheme, rest, _ := strings.Cut(uri, "://")
					host, _, _ := strings.Cut(rest, "/")
					return scheme + "://" + host + dec, notes
				}
				return true
			},
			replaces: stageBaseURI},
		{ID: "query-in-base-uri", Title: "Query left in the base URI",
			Explanation: "It is what you get when the query string stays in the base string URI (as well as being signed as parameters).",
			Fix:         "Cut the URL at \"?\" for the base string URI; its parameters go in the parameter string only.",
			apply: func(r *Request, pl *pipeline) bool {
				editBaseURI(pl, func(uri string, u *url.URL) string { return uri + "?" + u.RawQuery })
				return strings.Contains(r.URL, "?")
			},
			wraps: stageBaseURI},
		{ID: "default-port-kept", Title: "Default port kept",
			Explanation: "It is what you get when the base string URI keeps the default port (:443 for https, :80 for http).",
			Fix:         "Drop the port when it is the scheme's default (RFC 5849 section 3.4.1.2).",
			apply: func(r *Request, pl *pipeline) bool {
				editBaseURI(pl, func(uri string, _ *url.URL) string {
					scheme, rest, _ := strings.Cut(uri, "://")
					host, path, _ := strings.Cut(rest, "/")
					if !strings.HasSuffix(host, "]") && strings.Contains(host, ":") {
						return uri
					}
					return scheme + "://" + host + ":" + defaultPorts[strings.ToLower(scheme)] + "/" + path
				})
				return true
			},
			wraps: stageBaseURI},
		{ID: "host-case", Title: "Host not lower-cased",
			Explanation: "It is what you get when the host keeps its upper-case letters in the base string URI.",
			Fix:         "Lower-case the scheme and host (RFC 5849 section 3.4.1.2).",
			apply: func(r *Request, pl *pipeline) bool {
				u, err := url.Parse(r.URL)
				if err != nil || strings.ToLower(u.Host) == u.Host {
					return false
				}
				editBaseURI(pl, func(uri string, u *url.URL) string {
					return strings.Replace(uri, strings.ToLower(u.Hostname()), u.Hostname(), 1)
				})
				return true
			},
			wraps: stageBaseURI},
		{ID: "scheme-case", Title: "Scheme not lower-cased",
			Explanation: "It is what you get when the scheme keeps its upper-case letters (HTTPS://).",
			Fix:         "Lower-case the scheme and host (RFC 5849 section 3.4.1.2).",
			apply: func(r *Request, pl *pipeline) bool {
				scheme, _, ok := strings.Cut(r.URL, "://")
				if !ok || strings.ToLower(scheme) == scheme {
					return false
				}
				editBaseURI(pl, func(uri string, u *url.URL) string { return scheme + strings.TrimPrefix(uri, u.Scheme) })
				return true
			},
			wraps: stageBaseURI},
		{ID: "http-vs-https", Title: "http and https mixed up",
			Explanation: "It is what you get with the other scheme: signed as http:// and sent to https:// or the other way round.",
			Fix:         "Sign the URL exactly as the request is sent, scheme included; behind a proxy, use the scheme the client used.",
			apply: func(r *Request, pl *pipeline) bool {
				prev := pl.baseURI
				pl.baseURI = func(raw string, u *url.URL) (string, []Note) {
					other := *u
					other.Scheme = map[string]string{"http": "https", "https": "http"}[u.Scheme]
					s := other.String()
					if i := strings.Index(raw, "://"); i >= 0 {
						s = other.Scheme + raw[i:]
					}
					return prev(s, &other)
				}
				return true
			},
			wraps: stageBaseURI},
		{ID: "empty-path-no-slash", Title: "Empty path left empty",
			Explanation: "It is what you get when a URL without a path is signed without the \"/\": https://example.com instead of https://example.com/.",
			Fix:         "An empty path is \"/\" in the base string URI, as an HTTP request line sends it (RFC 5849 section 3.4.1.2, RFC 9110 section 4.2.1).",
			apply: func(r *Request, pl *pipeline) bool {
				u, err := url.Parse(r.URL)
				if err != nil || rawPath(r.URL, u) != "" {
					return false
				}
				editBaseURI(pl, func(uri string, _ *url.URL) string { return strings.TrimSuffix(uri, "/") })
				return true
			},
			wraps: stageBaseURI},
		{ID: "method-lower-case", Title: "Method not upper case",
			Explanation: "It is what you get when the method goes into the base string in lower case (\"post\").",
			Fix:         "Upper-case the method (RFC 5849 section 3.4.1.1).",
			apply: func(r *Request, pl *pipeline) bool {
				pl.method = strings.ToLower
				return true
			},
			replaces: stageMethod},
		{ID: "param-string-not-reencoded", Title: "Parameter string not encoded again",
			Explanation: "It is what you get when the parameter string goes into the base string as it is, without the second percent-encoding.",
			Fix:         "Percent-encode the whole parameter string once more when joining method & URI & parameters: the base string has exactly two bare \"&\".",
			apply: func(r *Request, pl *pipeline) bool {
				pl.paramString = func(s string, _ func(string) string) string { return s }
				return true
			},
			replaces: stageParamString},
	}
}

// editBaseURI wraps the base string URI stage: edit changes what the stage
// gave before.
func editBaseURI(pl *pipeline, edit func(uri string, u *url.URL) string) {
	prev := pl.baseURI
	pl.baseURI = func(raw string, u *url.URL) (string, []Note) {
		uri, notes := prev(raw, u)
		return edit(uri, u), notes
	}
}
