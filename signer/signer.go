package signer

import (
	"crypto/rand"
	"encoding/base64"
	"mime"
	"strconv"
	"strings"
	"time"
)

// Request is everything needed to sign one HTTP request. Field names follow
// the credentials' dashboard names; the RFC 5849 terms are in the comments.
type Request struct {
	Method      string // HTTP request method, e.g. "POST"
	URL         string // absolute http or https URL, query included
	Body        string // the raw entity-body
	ContentType string // signed as parameters only when application/x-www-form-urlencoded

	ConsumerKey    string // client identifier (RFC 5849 section 1.1), sent as oauth_consumer_key
	ConsumerSecret string // client shared-secret
	Token          string // token identifier, sent as oauth_token; empty means none
	TokenSecret    string // token shared-secret

	SignatureMethod SignatureMethod // empty means HMAC-SHA1
	Nonce           string          // empty means generated
	Timestamp       string          // seconds since the Unix epoch; empty means now
	Version         string          // oauth_version; empty means omitted

	Params []Param // extra parameters, signed as given
}

// A Step is one stage of the signature computation, for showing and
// testing. ID is stable (see the Step* constants); RFC is the RFC 5849
// section that defines the stage, e.g. "3.4.1.2".
type Step struct {
	ID     string
	Title  string
	RFC    string
	Value  string
	Params []Param  // the parameter list at this stage, where there is one
	Parts  []string // the parts Value was joined from, where it was
	Notes  []Note   // normalisations applied at this stage
	Secret bool     // Value is derived from a secret and should be masked
}

// Stable step IDs, in the order [Sign] produces them.
const (
	StepParameters          = "parameters"
	StepEncoded             = "encoded"
	StepSorted              = "sorted"
	StepParameterString     = "parameterString"
	StepBaseStringURI       = "baseStringURI"
	StepSignatureBaseString = "signatureBaseString"
	StepSigningKey          = "signingKey"
	StepDigest              = "digest"
	StepSignature           = "signature"
	StepAuthorizationHeader = "authorizationHeader"
)

// Result is a signed request: the signature, the strings it came from, and
// every step in order.
type Result struct {
	Signature           string  // oauth_signature, base64
	SignatureBaseString string  // RFC 5849 section 3.4.1.1
	SigningKey          string  // RFC 5849 section 3.4.2; secret
	AuthorizationHeader string  // the header's value, "OAuth ..." (section 3.5.1)
	Parameters          []Param // collected parameters, request order
	Nonce               string  // the nonce used (generated if the request had none)
	Timestamp           string  // the timestamp used (now if the request had none)
	Steps               []Step
}

// Hooks for tests; Sign uses them only when the request leaves the nonce
// or timestamp empty.
var (
	now       = time.Now
	randRead  = rand.Read
	nonceSize = 32
)

// protocol parameter names (RFC 5849 section 3.1).
const (
	oauthConsumerKey     = "oauth_consumer_key"
	oauthToken           = "oauth_token"
	oauthSignatureMethod = "oauth_signature_method"
	oauthTimestamp       = "oauth_timestamp"
	oauthNonce           = "oauth_nonce"
	oauthVersion         = "oauth_version"
	oauthSignature       = "oauth_signature"
)

// Sign signs r with its signature method and returns the signature with
// every intermediate step (RFC 5849 section 3.4). A bad field gives a
// *FieldError that names it without its value.
func Sign(r Request) (*Result, error) {
	return defaultPipeline.sign(r)
}

// pipeline is Sign's sequence of named stages. A catalogued mistake is a
// pipeline with one or two stages replaced, so the diagnosis and the real
// signer can never drift apart (see DESIGN.md).
type pipeline struct {
	encode     func(string) string // RFC 5849 section 3.6
	sortParams func([]Param)       // section 3.4.1.3.2
	signingKey func(consumerSecret, tokenSecret string, encode func(string) string) string
}

var defaultPipeline = pipeline{
	encode:     PercentEncode,
	sortParams: SortParameters,
	signingKey: SigningKey,
}

// SigningKey returns the HMAC key of RFC 5849 section 3.4.2: the encoded
// consumer secret, "&", and the encoded token secret. The "&" is there even
// when the token secret is empty.
func SigningKey(consumerSecret, tokenSecret string, encode func(string) string) string {
	return encode(consumerSecret) + "&" + encode(tokenSecret)
}

func (pl pipeline) sign(r Request) (*Result, error) {
	method, err := checkMethod(r.Method)
	if err != nil {
		return nil, err
	}
	u, err := parseURL(r.URL)
	if err != nil {
		return nil, err
	}
	if r.ConsumerKey == "" {
		return nil, fieldErr("consumerKey", "is empty: every request carries the consumer key", ErrRequired)
	}
	sigMethod := r.SignatureMethod
	if sigMethod == "" {
		sigMethod = HMACSHA1
	}
	spec, err := lookupMethod(sigMethod)
	if err != nil {
		return nil, err
	}
	nonce, timestamp, err := nonceAndTimestamp(r.Nonce, r.Timestamp)
	if err != nil {
		return nil, err
	}

	protocol := []Param{{oauthConsumerKey, r.ConsumerKey, SourceProtocol}}
	if r.Token != "" {
		protocol = append(protocol, Param{oauthToken, r.Token, SourceProtocol})
	}
	protocol = append(protocol,
		Param{oauthSignatureMethod, string(sigMethod), SourceProtocol},
		Param{oauthTimestamp, timestamp, SourceProtocol},
		Param{oauthNonce, nonce, SourceProtocol})
	if r.Version != "" {
		protocol = append(protocol, Param{oauthVersion, r.Version, SourceProtocol})
	}

	params, err := collectParameters(u.RawQuery, r, protocol)
	if err != nil {
		return nil, err
	}

	res := &Result{Parameters: params, Nonce: nonce, Timestamp: timestamp}
	add := func(s Step) { res.Steps = append(res.Steps, s) }

	add(Step{ID: StepParameters, Title: "Collect the parameters", RFC: "3.4.1.3.1",
		Value: paramLines(params), Params: params})

	encoded := make([]Param, len(params))
	for i, p := range params {
		encoded[i] = Param{Name: pl.encode(p.Name), Value: pl.encode(p.Value), Source: p.Source}
	}
	add(Step{ID: StepEncoded, Title: "Percent-encode every name and value", RFC: "3.6",
		Value: paramLines(encoded), Params: append([]Param(nil), encoded...)})

	pl.sortParams(encoded)
	add(Step{ID: StepSorted, Title: "Sort by name, then by value", RFC: "3.4.1.3.2",
		Value: paramLines(encoded), Params: encoded})

	paramString := JoinParameters(encoded)
	add(Step{ID: StepParameterString, Title: "Join into the parameter string", RFC: "3.4.1.3.2",
		Value: paramString})

	baseURI, notes := baseStringURI(r.URL, u)
	if method != r.Method {
		notes = append(notes, Note{ID: "method-uppercased", Text: "The method was upper-cased."})
	}
	add(Step{ID: StepBaseStringURI, Title: "Base string URI", RFC: "3.4.1.2",
		Value: baseURI, Notes: notes})

	parts := []string{pl.encode(method), pl.encode(baseURI), pl.encode(paramString)}
	res.SignatureBaseString = strings.Join(parts, "&")
	add(Step{ID: StepSignatureBaseString, Title: "Signature base string", RFC: "3.4.1.1",
		Value: res.SignatureBaseString, Parts: parts})

	res.SigningKey = pl.signingKey(r.ConsumerSecret, r.TokenSecret, pl.encode)
	add(Step{ID: StepSigningKey, Title: "Signing key", RFC: "3.4.2",
		Value: res.SigningKey, Parts: strings.SplitN(res.SigningKey, "&", 2), Secret: true})

	sum := spec.digest(res.SigningKey, res.SignatureBaseString)
	add(Step{ID: StepDigest, Title: string(sigMethod) + " digest", RFC: "3.4.2",
		Value: spacedHex(sum)})

	res.Signature = base64.StdEncoding.EncodeToString(sum)
	add(Step{ID: StepSignature, Title: "Signature (base64 of the digest)", RFC: "3.4.2",
		Value: res.Signature})

	res.AuthorizationHeader = AuthorizationHeader("", append(protocol, Param{oauthSignature, res.Signature, SourceProtocol}))
	add(Step{ID: StepAuthorizationHeader, Title: "Authorization header", RFC: "3.5.1",
		Value: res.AuthorizationHeader})
	return res, nil
}

// checkMethod validates an HTTP method (RFC 9110 token characters) and
// returns it upper-cased, as RFC 5849 section 3.4.1.1 requires.
func checkMethod(m string) (string, error) {
	if m == "" {
		return "", fieldErr("method", "is empty", ErrRequired)
	}
	for i := 0; i < len(m); i++ {
		c := m[i]
		if !(isUnreserved(c) || strings.IndexByte("!#$%&'*+^`|", c) >= 0) {
			return "", fieldErr("method", "may hold only letters, digits and !#$%&'*+-.^_`|~", ErrMalformed)
		}
	}
	return strings.ToUpper(m), nil
}

// nonceAndTimestamp returns the request's nonce and timestamp, generating
// the ones left empty (RFC 5849 section 3.3).
func nonceAndTimestamp(nonce, timestamp string) (string, string, error) {
	if timestamp == "" {
		timestamp = strconv.FormatInt(now().Unix(), 10)
	} else if strings.Trim(timestamp, "0123456789") != "" {
		return "", "", fieldErr("timestamp", "must be a whole number of seconds since 1970 (digits only)", ErrMalformed)
	}
	if nonce == "" {
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		b := make([]byte, nonceSize)
		if _, err := randRead(b); err != nil {
			return "", "", fieldErr("nonce", "could not be generated: no source of randomness", err)
		}
		for i := range b {
			b[i] = alphabet[int(b[i])%len(alphabet)]
		}
		nonce = string(b)
	}
	return nonce, timestamp, nil
}

// isFormContentType reports whether ct is application/x-www-form-urlencoded,
// whatever its case and parameters (such as charset).
func isFormContentType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == "application/x-www-form-urlencoded"
}

// collectParameters gathers the request parameters of RFC 5849 section
// 3.4.1.3.1 in request order: query, form body, protocol, extra.
// oauth_signature is never collected. A query, body or extra parameter
// that repeats a protocol parameter the signer sets is an error, since the
// request would carry it twice.
func collectParameters(rawQuery string, r Request, protocol []Param) ([]Param, error) {
	query, err := ParseForm(rawQuery, SourceQuery, "url")
	if err != nil {
		return nil, err
	}
	var body []Param
	if r.Body != "" && isFormContentType(r.ContentType) {
		if body, err = ParseForm(r.Body, SourceBody, "body"); err != nil {
			return nil, err
		}
	}
	extra := make([]Param, 0, len(r.Params))
	for _, p := range r.Params {
		if p.Source == "" {
			p.Source = SourceExtra
		}
		extra = append(extra, p)
	}

	out := make([]Param, 0, len(query)+len(body)+len(protocol)+len(extra))
	for _, group := range [][]Param{query, body, extra} {
		for _, p := range group {
			if p.Name == oauthSignature {
				continue
			}
			for _, q := range protocol {
				if p.Name == q.Name {
					return nil, fieldErr(fieldOf(p.Source), "already has "+p.Name+", which the signer sets from its own field; remove it", ErrMalformed)
				}
			}
		}
	}
	keep := func(ps []Param) {
		for _, p := range ps {
			if p.Name != oauthSignature {
				out = append(out, p)
			}
		}
	}
	keep(query)
	keep(body)
	out = append(out, protocol...)
	keep(extra)
	return out, nil
}

// fieldOf names the request field a parameter of src was given in.
func fieldOf(src Source) string {
	switch src {
	case SourceQuery:
		return "url"
	case SourceBody:
		return "body"
	}
	return "params"
}

// paramLines shows params one name=value pair a line.
func paramLines(params []Param) string {
	var b strings.Builder
	for i, p := range params {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(p.Value)
	}
	return b.String()
}

// spacedHex writes b as upper-case hex octets separated by spaces, the way
// the X documentation prints its HMAC output.
func spacedHex(b []byte) string {
	out := make([]byte, 0, len(b)*3)
	for i, c := range b {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, upperhex[c>>4], upperhex[c&15])
	}
	return string(out)
}
