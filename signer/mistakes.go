package signer

import (
	"crypto"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
)

// A Mistake is one known way of getting an OAuth 1.0a signature wrong,
// from the catalogue of common mistakes. Each is a named replacement of
// one stage of the signing pipeline (or an edit of the request before
// it), so the diagnosis runs the real signer, never a second one.
type Mistake struct {
	ID          string // stable, e.g. "plus-for-space"
	Title       string // a few words
	Explanation string // what the code that made it does
	Fix         string // what to do instead

	// apply edits a copy of the request and pipeline; it reports false
	// when the mistake cannot change this request's signature. A mistake
	// that comes in several forms (several unsorted orders) has variants
	// instead.
	apply    func(r *Request, pl *pipeline) bool
	variants []func(r *Request, pl *pipeline) bool
}

// forms returns the ways the mistake can be made.
func (m Mistake) forms() []func(r *Request, pl *pipeline) bool {
	if m.variants != nil {
		return m.variants
	}
	return []func(r *Request, pl *pipeline) bool{m.apply}
}

// unsorted is a "not sorted" form: the parameters in the order collect
// gives, left as they are by the sort.
func unsorted(collect func(query, body, protocol, extra []Param) []Param) func(*Request, *pipeline) bool {
	return func(r *Request, pl *pipeline) bool {
		pl.collect = collect
		pl.sortParams = func([]Param) {}
		return true
	}
}

func sortedCopy(ps []Param) []Param {
	out := append([]Param(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Mistakes returns the catalogue the diagnosis tries, one by one and in pairs.
func Mistakes() []Mistake {
	out := make([]Mistake, len(catalogue))
	copy(out, catalogue)
	return out
}

// lowerHexEncode is PercentEncode with lower-case hex digits.
func lowerHexEncode(s string) string {
	e := PercentEncode(s)
	var b strings.Builder
	for i := 0; i < len(e); i++ {
		if e[i] == '%' && i+2 < len(e) {
			b.WriteString("%" + strings.ToLower(e[i+1:i+3]))
			i += 2
			continue
		}
		b.WriteByte(e[i])
	}
	return b.String()
}

// unescape replaces the given escapes in an RFC 3986 encoding, e.g. to
// model an encoder that leaves "!" bare.
func unescape(pairs ...string) func(string) string {
	r := strings.NewReplacer(pairs...)
	return func(s string) string { return r.Replace(PercentEncode(s)) }
}

// latin1Encode encodes characters below U+0100 as single Latin-1 octets,
// as code that skips the UTF-8 step does.
func latin1Encode(s string) string {
	var b []byte
	for _, c := range s {
		if c < 0x100 {
			b = append(b, byte(c))
		} else {
			b = append(b, string(c)...)
		}
	}
	return PercentEncode(string(b))
}

func hasNonASCII(ss ...string) bool {
	for _, s := range ss {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return true
			}
		}
	}
	return false
}

func requestText(r *Request) []string {
	texts := []string{r.URL, r.Body, r.Callback, r.Verifier, r.Realm}
	for _, p := range r.Params {
		texts = append(texts, p.Name, p.Value)
	}
	return texts
}

func anyChanges(enc func(string) string, ss ...string) bool {
	for _, s := range ss {
		for _, part := range strings.FieldsFunc(s, func(c rune) bool { return c == '&' || c == '=' || c == '?' }) {
			dec, ok := formUnescape(part)
			if ok && enc(dec) != PercentEncode(dec) {
				return true
			}
		}
	}
	return false
}

func hashVariant(h crypto.Hash) func(*Request, *pipeline) bool {
	return func(r *Request, pl *pipeline) bool {
		spec, err := lookupMethod(orDefault(r.SignatureMethod))
		if err != nil || spec.kind != kindHMAC || spec.hash == h {
			return false
		}
		pl.hash = func(s methodSpec) methodSpec { s.hash = h; return s }
		return true
	}
}

func orDefault(m SignatureMethod) SignatureMethod {
	if m == "" {
		return HMACSHA1
	}
	return m
}

func isHMAC(r *Request) bool {
	spec, err := lookupMethod(orDefault(r.SignatureMethod))
	return err == nil && spec.kind == kindHMAC
}

// catalogue is the list of mistakes, in the order a diagnosis reports
// them. Each Explanation names the code known to make the mistake; the
// last three, one per hash, model a digest computed with a hash other
// than the one the signature method names.
var catalogue = append([]Mistake{
	{ID: "plus-for-space", Title: "Spaces encoded as +",
		Explanation: "It is what you get when spaces are encoded as \"+\" (form encoding, as Java's URLEncoder, Python's quote_plus or Go's url.QueryEscape do).",
		Fix:         "Encode a space as %20: RFC 5849 section 3.6 allows only A-Z a-z 0-9 - . _ ~ bare and needs %XX for everything else.",
		apply:       encodedWith(func(s string) string { return strings.ReplaceAll(PercentEncode(s), "%20", "+") })},
	{ID: "encode-uri-component", Title: "! * ' ( ) left unencoded",
		Explanation: "It is what you get when ! * ' ( ) are left bare, as JavaScript's encodeURIComponent does.",
		Fix:         "Encode those five too: in JavaScript, encodeURIComponent(s).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase()).",
		apply:       encodedWith(unescape("%21", "!", "%2A", "*", "%27", "'", "%28", "(", "%29", ")"))},
	{ID: "lower-case-hex", Title: "Lower-case hex in escapes",
		Explanation: "It is what you get when percent-escapes use lower-case hex (%2c instead of %2C).",
		Fix:         "Use upper-case hex digits in every %XX, as RFC 5849 section 3.6 requires.",
		apply: func(r *Request, pl *pipeline) bool {
			pl.encodeName, pl.encodeValue = lowerHexEncode, lowerHexEncode
			return true
		}},
	{ID: "tilde-encoded", Title: "~ encoded as %7E",
		Explanation: "It is what you get when \"~\" is encoded as %7E (older PHP rawurlencode, Java URLEncoder, JavaScript escape).",
		Fix:         "Leave ~ bare: it is one of RFC 3986's unreserved characters.",
		apply:       encodedWith(func(s string) string { return strings.ReplaceAll(PercentEncode(s), "~", "%7E") })},
	{ID: "not-utf8", Title: "Text not UTF-8-encoded first",
		Explanation: "It is what you get when non-ASCII characters are encoded as Latin-1 bytes instead of UTF-8.",
		Fix:         "Convert text to UTF-8 bytes first, then percent-encode each byte.",
		apply: func(r *Request, pl *pipeline) bool {
			pl.encodeName, pl.encodeValue = latin1Encode, latin1Encode
			return hasNonASCII(requestText(r)...)
		}},
	{ID: "values-double-encoded", Title: "Values encoded twice",
		Explanation: "It is what you get when parameter values are percent-encoded twice, e.g. a value taken already encoded from a URL and encoded again.",
		Fix:         "Decode values taken from a URL or body first; encode each value exactly once when building the parameter string.",
		apply: func(r *Request, pl *pipeline) bool {
			pl.encodeValue = func(s string) string { return PercentEncode(PercentEncode(s)) }
			return true
		}},
	{ID: "not-sorted", Title: "Parameters not sorted",
		Explanation: "It is what you get when the parameters are joined in the order they were added instead of sorted.",
		Fix:         "Sort by encoded name, then by encoded value, byte by byte (RFC 5849 section 3.4.1.3.2).",
		variants: []func(r *Request, pl *pipeline) bool{
			unsorted(func(q, b, p, e []Param) []Param { return concatParams(q, b, p, e) }),
			unsorted(func(q, b, p, e []Param) []Param { return concatParams(b, q, sortedCopy(p), e) }),
			unsorted(func(q, b, p, e []Param) []Param { return concatParams(q, b, sortedCopy(p), e) }),
			unsorted(func(q, b, p, e []Param) []Param { return concatParams(p, q, b, e) }),
			unsorted(func(q, b, p, e []Param) []Param { return concatParams(sortedCopy(p), q, b, e) }),
		}},
	{ID: "query-dropped", Title: "Query parameters left out",
		Explanation: "It is what you get when the URL's query parameters are not signed.",
		Fix:         "Add every query parameter to the parameters you sign (RFC 5849 section 3.4.1.3.1).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.collect = func(_, body, protocol, extra []Param) []Param { return concatParams(nil, body, protocol, extra) }
			return strings.Contains(r.URL, "?")
		}},
	{ID: "query-in-base-uri", Title: "Query left in the base URI",
		Explanation: "It is what you get when the query string stays in the base string URI (as well as being signed as parameters).",
		Fix:         "Cut the URL at \"?\" for the base string URI; its parameters go in the parameter string only.",
		apply: func(r *Request, pl *pipeline) bool {
			pl.baseURI = func(raw string, u *url.URL) (string, []Note) {
				uri, notes := baseStringURI(raw, u)
				return uri + "?" + u.RawQuery, notes
			}
			return strings.Contains(r.URL, "?")
		}},
	{ID: "query-plus-not-space", Title: "+ in the query kept as +",
		Explanation: "It is what you get when a \"+\" in the query is signed as a plus sign; the query is form data, where + means a space.",
		Fix:         "Decode the query as form data: + is a space, %2B a plus (RFC 5849 section 3.4.1.3.1).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.collect = func(query, body, protocol, extra []Param) []Param {
				q := query
				u, _ := url.Parse(r.URL)
				if u != nil {
					if raw, err := parseForm(strings.ReplaceAll(u.RawQuery, "+", "%2B"), SourceQuery, "url"); err == nil {
						q = raw
					}
				}
				return concatParams(q, body, protocol, extra)
			}
			u, _, _ := strings.Cut(r.URL, "#")
			_, q, _ := strings.Cut(u, "?")
			return strings.Contains(q, "+")
		}},
	{ID: "form-body-not-signed", Title: "Form body left out",
		Explanation: "It is what you get when the form-encoded body's parameters are not signed.",
		Fix:         "Add every application/x-www-form-urlencoded body parameter to the parameters you sign.",
		apply: func(r *Request, pl *pipeline) bool {
			pl.collect = func(query, _, protocol, extra []Param) []Param { return concatParams(query, nil, protocol, extra) }
			return r.Body != "" && isFormContentType(r.ContentType)
		}},
	{ID: "json-body-signed", Title: "JSON body signed as parameters",
		Explanation: "It is what you get when the JSON body's fields are signed as parameters. Only form-encoded bodies are signed.",
		Fix:         "Leave a JSON body out of the signature (or sign its hash with oauth_body_hash if the server asks for it).",
		apply: func(r *Request, pl *pipeline) bool {
			fields, ok := jsonObjectFields(r.Body)
			if isFormContentType(r.ContentType) || !ok || len(fields) == 0 {
				return false
			}
			for _, f := range fields {
				f.Source = SourceExtra
				r.Params = append(r.Params, f)
			}
			return true
		}},
	{ID: "body-signed-as-form", Title: "Non-form body signed as a form",
		Explanation: "It is what you get when a body that is not application/x-www-form-urlencoded is signed as form parameters.",
		Fix:         "Sign the body's parameters only when the Content-Type is application/x-www-form-urlencoded, and send that Content-Type when you do.",
		apply: func(r *Request, pl *pipeline) bool {
			if r.Body == "" || isFormContentType(r.ContentType) || strings.HasPrefix(strings.TrimSpace(r.Body), "{") {
				return false
			}
			r.ContentType = "application/x-www-form-urlencoded"
			r.BodyHash = false
			return true
		}},
	{ID: "empty-token-signed", Title: "Empty oauth_token signed",
		Explanation: "It is what you get when an empty oauth_token= is signed although there is no token.",
		Fix:         "Leave oauth_token out entirely when there is no token (e.g. for the request-token call).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.protocol = func(p []Param) []Param {
				return append(p, Param{oauthToken, "", SourceProtocol})
			}
			return r.Token == ""
		}},
	{ID: "realm-signed", Title: "realm signed",
		Explanation: "It is what you get when realm is signed as a parameter. realm goes in the Authorization header only.",
		Fix:         "Leave realm out of the parameters you sign (RFC 5849 section 3.4.1.3.1).",
		apply: func(r *Request, pl *pipeline) bool {
			r.Params = append(r.Params, Param{Name: "realm", Value: r.Realm, Source: SourceExtra})
			return r.Realm != ""
		}},
	{ID: "key-no-token-secret", Title: "Token secret left out of the key",
		Explanation: "It is what you get when the signing key is the consumer secret and \"&\" only, without the token secret.",
		Fix:         "Build the key as encode(consumer secret) & encode(token secret).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.signingKey = func(cs, _ string, enc func(string) string) string { return enc(cs) + "&" }
			return r.TokenSecret != "" && isHMAC(r)
		}},
	{ID: "key-consumer-secret-only", Title: "Key is the consumer secret alone",
		Explanation: "It is what you get when the signing key is just the consumer secret, without the \"&\".",
		Fix:         "Always add \"&\", even when there is no token secret: the key of a request-token call is \"consumer_secret&\".",
		apply: func(r *Request, pl *pipeline) bool {
			pl.signingKey = func(cs, _ string, enc func(string) string) string { return enc(cs) }
			return isHMAC(r) || orDefault(r.SignatureMethod) == PLAINTEXT
		}},
	{ID: "key-no-ampersand", Title: "Key without \"&\"",
		Explanation: "It is what you get when the two secrets are joined without \"&\".",
		Fix:         "Join them as encode(consumer secret) & encode(token secret).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.signingKey = func(cs, ts string, enc func(string) string) string { return enc(cs) + enc(ts) }
			return r.TokenSecret != "" && (isHMAC(r) || orDefault(r.SignatureMethod) == PLAINTEXT)
		}},
	{ID: "key-not-encoded", Title: "Secrets not encoded in the key",
		Explanation: "It is what you get when the secrets go into the key without percent-encoding.",
		Fix:         "Percent-encode each secret before joining them with \"&\" (RFC 5849 section 3.4.2).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.signingKey = func(cs, ts string, _ func(string) string) string { return cs + "&" + ts }
			return PercentEncode(r.ConsumerSecret) != r.ConsumerSecret || PercentEncode(r.TokenSecret) != r.TokenSecret
		}},
	{ID: "default-port-kept", Title: "Default port kept",
		Explanation: "It is what you get when the base string URI keeps the default port (:443 for https, :80 for http).",
		Fix:         "Drop the port when it is the scheme's default (RFC 5849 section 3.4.1.2).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.baseURI = func(raw string, u *url.URL) (string, []Note) {
				uri, notes := baseStringURI(raw, u)
				scheme, rest, _ := strings.Cut(uri, "://")
				host, path, _ := strings.Cut(rest, "/")
				if !strings.HasSuffix(host, "]") && strings.Contains(host, ":") {
					return uri, notes
				}
				return scheme + "://" + host + ":" + defaultPorts[scheme] + "/" + path, notes
			}
			return true
		}},
	{ID: "host-case", Title: "Host not lower-cased",
		Explanation: "It is what you get when the host keeps its upper-case letters in the base string URI.",
		Fix:         "Lower-case the scheme and host (RFC 5849 section 3.4.1.2).",
		apply: func(r *Request, pl *pipeline) bool {
			u, err := url.Parse(r.URL)
			if err != nil || strings.ToLower(u.Host) == u.Host {
				return false
			}
			pl.baseURI = func(raw string, u *url.URL) (string, []Note) {
				uri, notes := baseStringURI(raw, u)
				return strings.Replace(uri, strings.ToLower(u.Hostname()), u.Hostname(), 1), notes
			}
			return true
		}},
	{ID: "scheme-case", Title: "Scheme not lower-cased",
		Explanation: "It is what you get when the scheme keeps its upper-case letters (HTTPS://).",
		Fix:         "Lower-case the scheme and host (RFC 5849 section 3.4.1.2).",
		apply: func(r *Request, pl *pipeline) bool {
			scheme, _, ok := strings.Cut(r.URL, "://")
			if !ok || strings.ToLower(scheme) == scheme {
				return false
			}
			pl.baseURI = func(raw string, u *url.URL) (string, []Note) {
				uri, notes := baseStringURI(raw, u)
				return scheme + strings.TrimPrefix(uri, u.Scheme), notes
			}
			return true
		}},
	{ID: "http-vs-https", Title: "http and https mixed up",
		Explanation: "It is what you get with the other scheme: signed as http:// and sent to https:// or the other way round.",
		Fix:         "Sign the URL exactly as the request is sent, scheme included; behind a proxy, use the scheme the client used.",
		apply: func(r *Request, pl *pipeline) bool {
			pl.baseURI = func(raw string, u *url.URL) (string, []Note) {
				other := *u
				other.Scheme = map[string]string{"http": "https", "https": "http"}[u.Scheme]
				s := other.String()
				if i := strings.Index(raw, "://"); i >= 0 {
					s = other.Scheme + raw[i:]
				}
				return baseStringURI(s, &other)
			}
			return true
		}},
	{ID: "method-lower-case", Title: "Method not upper case",
		Explanation: "It is what you get when the method goes into the base string in lower case (\"post\").",
		Fix:         "Upper-case the method (RFC 5849 section 3.4.1.1).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.method = strings.ToLower
			return true
		}},
	{ID: "param-string-not-reencoded", Title: "Parameter string not encoded again",
		Explanation: "It is what you get when the parameter string goes into the base string as it is, without the second percent-encoding.",
		Fix:         "Percent-encode the whole parameter string once more when joining method & URI & parameters: the base string has exactly two bare \"&\".",
		apply: func(r *Request, pl *pipeline) bool {
			pl.paramString = func(s string, _ func(string) string) string { return s }
			return true
		}},
	{ID: "timestamp-milliseconds", Title: "Timestamp in milliseconds",
		Explanation: "It is what you get with the timestamp in milliseconds (JavaScript's Date.now()).",
		Fix:         "Use whole seconds since 1970: Math.floor(Date.now() / 1000).",
		apply: func(r *Request, pl *pipeline) bool {
			r.Timestamp += "000"
			return true
		}},
	{ID: "version-1.0a", Title: "oauth_version=1.0a",
		Explanation: "It is what you get with oauth_version=1.0a. The protocol is called 1.0a, but the parameter's value is 1.0.",
		Fix:         "Send oauth_version=1.0, or leave it out.",
		apply: func(r *Request, pl *pipeline) bool {
			r.Version = "1.0a"
			return true
		}},
	{ID: "version-omitted", Title: "oauth_version left out",
		Explanation: "It is what you get without oauth_version, while these inputs include it.",
		Fix:         "Sign exactly the oauth_* parameters you send: either send and sign oauth_version=1.0, or neither.",
		apply: func(r *Request, pl *pipeline) bool {
			had := r.Version != ""
			r.Version = ""
			return had
		}},
	{ID: "version-added", Title: "oauth_version=1.0 added",
		Explanation: "It is what you get with oauth_version=1.0 signed, while these inputs leave it out.",
		Fix:         "Sign exactly the oauth_* parameters you send: either send and sign oauth_version=1.0, or neither.",
		apply: func(r *Request, pl *pipeline) bool {
			had := r.Version == ""
			r.Version = "1.0"
			return had
		}},
	{ID: "hex-then-base64", Title: "Hex digest base64-encoded",
		Explanation: "It is what you get when the digest is written as hex text and that text is base64-encoded.",
		Fix:         "Base64-encode the raw digest bytes (in Node, hmac.digest('base64'); in Python, base64.b64encode(h.digest())).",
		apply: func(r *Request, pl *pipeline) bool {
			pl.output = func(sum []byte) string {
				return base64.StdEncoding.EncodeToString([]byte(hex.EncodeToString(sum)))
			}
			return isHMAC(r)
		}},
}, hashMistakes()...)

// encodedWith is the form of a mistake of encoding: every name and value
// encoded with enc. It applies when enc changes some text of the request.
func encodedWith(enc func(string) string) func(*Request, *pipeline) bool {
	return func(r *Request, pl *pipeline) bool {
		pl.encodeName, pl.encodeValue = enc, enc
		return anyChanges(enc, requestText(r)...)
	}
}

// hashMistakes returns one "hashed with the wrong hash" mistake per hash
// an HMAC method can name (RFC 5849 section 3.4.2 and its SHA-2 variants).
func hashMistakes() []Mistake {
	var out []Mistake
	for _, h := range []crypto.Hash{crypto.SHA1, crypto.SHA256, crypto.SHA512} {
		name := h.String() // "SHA-256"
		out = append(out, Mistake{
			ID:          "hash-" + strings.ToLower(strings.ReplaceAll(name, "-", "")),
			Title:       "Hashed with " + name,
			Explanation: "It is what you get when the digest is computed with " + name + ", not the hash the signature method names.",
			Fix:         "Use the hash that oauth_signature_method names.",
			apply:       hashVariant(h),
		})
	}
	return out
}
