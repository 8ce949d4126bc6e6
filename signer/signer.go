package signer

import (
	"encoding/base64"
	"encoding/hex"
	"math/rand/v2"
	"net/url"
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
	PrivateKey     string // PEM RSA private key, for the RSA-* methods

	SignatureMethod SignatureMethod // empty means HMAC-SHA1
	Nonce           string          // empty means generated
	Timestamp       string          // seconds since the Unix epoch; empty means now
	Version         string          // oauth_version; empty means omitted
	Realm           string          // sent in the Authorization header only, never signed
	Callback        string          // oauth_callback (section 2.1); empty means omitted
	Verifier        string          // oauth_verifier (section 2.3); empty means omitted
	BodyHash        bool            // add oauth_body_hash (draft-eaton-oauth-bodyhash)
	Transport       Transport       // where the protocol parameters go; empty means header

	Params []Param // extra parameters, signed as given
}

// Transport says how the protocol parameters travel (RFC 5849 section 3.5).
type Transport string

// The three transports of RFC 5849 section 3.5.
const (
	TransportHeader Transport = "header" // Authorization header, section 3.5.1
	TransportBody   Transport = "body"   // form-encoded body, section 3.5.2
	TransportQuery  Transport = "query"  // request URI query, section 3.5.3
)

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
	Notes  []Note   // normalisations applied and facts worth knowing at this stage
	Secret bool     // Value is, or is derived from, a secret and should be masked
}

// A Note records one normalisation the signer applied to an input, or a
// fact worth knowing at a step, so that a page can explain it. ID is one
// of the Note* constants (pages translate on it); Text is a short English
// sentence.
type Note struct {
	ID   string
	Text string
}

// Stable note IDs: every ID a [Note] from this package can have.
const (
	NoteSchemeLowercased      = "scheme-lowercased"        // RFC 5849 section 3.4.1.2
	NoteUserinfoRemoved       = "userinfo-removed"         // section 3.4.1.2
	NoteHostLowercased        = "host-lowercased"          // section 3.4.1.2
	NoteDefaultPortRemoved    = "default-port-removed"     // section 3.4.1.2
	NoteEmptyPortRemoved      = "empty-port-removed"       // section 3.4.1.2
	NotePathNormalized        = "path-normalized"          // section 3.4.1.2
	NoteEmptyPath             = "empty-path"               // section 3.4.1.2
	NoteQueryRemoved          = "query-removed"            // section 3.4.1.2
	NoteFragmentRemoved       = "fragment-removed"         // section 3.4.1.2
	NoteMethodUppercased      = "method-uppercased"        // section 3.4.1.1
	NoteBodyHashed            = "body-hashed"              // draft-eaton-oauth-bodyhash
	NoteBodyNotSigned         = "body-not-signed"          // section 3.4.1.3.1
	NotePlaintextNoBaseString = "plaintext-no-base-string" // section 3.4.4
	NotePlaintextNoDigest     = "plaintext-no-digest"      // section 3.4.4
	NoteRSANoSecrets          = "rsa-no-secrets"           // section 3.4.3
	NoteRealmNotSigned        = "realm-not-signed"         // section 3.5.1
	NoteRealmDropped          = "realm-dropped"            // section 3.5
)

// NoteIDs returns every ID a [Note] from this package can have, so that a
// page can check it has words for each. The slice is a copy.
func NoteIDs() []string {
	return []string{
		NoteSchemeLowercased, NoteUserinfoRemoved, NoteHostLowercased, NoteDefaultPortRemoved,
		NoteEmptyPortRemoved, NotePathNormalized, NoteEmptyPath, NoteQueryRemoved, NoteFragmentRemoved,
		NoteMethodUppercased, NoteBodyHashed, NoteBodyNotSigned, NotePlaintextNoBaseString,
		NotePlaintextNoDigest, NoteRSANoSecrets, NoteRealmNotSigned, NoteRealmDropped,
	}
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

// Result is a signed request: the signature, the strings it came from, the
// request in each transport, and every step in order.
type Result struct {
	Signature           string  // oauth_signature, base64 (PLAINTEXT: the signing key)
	SignatureBaseString string  // RFC 5849 section 3.4.1.1; empty for PLAINTEXT
	SigningKey          string  // RFC 5849 section 3.4.2; secret; empty for RSA
	AuthorizationHeader string  // the header's value, "OAuth ..." (section 3.5.1)
	Query               string  // the URL with the protocol parameters in its query (section 3.5.3)
	FormBody            string  // the body with the protocol parameters (section 3.5.2); empty if the body is not a form
	Curl                string  // a curl command sending the request with the chosen transport
	PublicKey           string  // for RSA methods: the PEM public key of PrivateKey
	BodyHash            string  // oauth_body_hash, when the request asked for it
	Parameters          []Param // collected parameters, request order
	Nonce               string  // the nonce used (generated if the request had none)
	Timestamp           string  // the timestamp used (now if the request had none)
	Steps               []Step
	Warnings            []Warning // what a server may refuse the request for although it is signed right (see [Warning])
}

// Hooks for tests; Sign uses them only when the request leaves the nonce
// or timestamp empty.
var (
	now       = time.Now
	randRead  = fillRandom
	nonceSize = 32
)

// protocol parameter names (RFC 5849 section 3.1, 2.1, 2.3, and
// draft-eaton-oauth-bodyhash).
const (
	oauthConsumerKey     = "oauth_consumer_key"
	oauthToken           = "oauth_token"
	oauthSignatureMethod = "oauth_signature_method"
	oauthTimestamp       = "oauth_timestamp"
	oauthNonce           = "oauth_nonce"
	oauthVersion         = "oauth_version"
	oauthSignature       = "oauth_signature"
	oauthCallback        = "oauth_callback"
	oauthVerifier        = "oauth_verifier"
	oauthBodyHash        = "oauth_body_hash"
)

// Sign signs r with its signature method and returns the signature with
// every intermediate step (RFC 5849 section 3.4). A bad field gives a
// *FieldError that names it without its value.
//
// An empty nonce or timestamp is generated, and an empty token, version,
// callback or verifier is left out; a timestamp that is not digits is
// signed as it is, with a warning (docs/architecture.md, "Decisions the
// RFC leaves open"). A body hash on a form-encoded body is refused here
// (draft-eaton-oauth-bodyhash section 4.1.1), though [Verify] checks one
// that was sent.
func Sign(r Request) (*Result, error) {
	var err error
	if r.Nonce, r.Timestamp, err = nonceAndTimestamp(r.Nonce, r.Timestamp); err != nil {
		return nil, err
	}
	d, err := defaultPipeline.prepare(r)
	if err != nil {
		return nil, err
	}
	if r.BodyHash && isFormContentType(r.ContentType) {
		return nil, fieldErr("bodyHash", "must be off for form-encoded bodies: their parameters are signed already (draft-eaton-oauth-bodyhash section 4.1.1)", ErrMalformed)
	}
	if err := defaultPipeline.finish(d); err != nil {
		return nil, err
	}
	return d.res, nil
}

// pipeline is Sign's sequence of named stages. A catalogued mistake is a
// pipeline with one or two stages replaced, so the diagnosis and the real
// signer can never drift apart.
type pipeline struct {
	protocol    func([]Param) []Param                                                       // the oauth_* parameters sent (section 3.1)
	collect     func(query, body, protocol, extra []Param) []Param                          // section 3.4.1.3.1
	encode      func(string) string                                                         // section 3.6: the base string's parts and the key's secrets
	encodeName  func(string) string                                                         // section 3.6: parameter names
	encodeValue func(string) string                                                         // section 3.6: parameter values
	sortParams  func([]Param)                                                               // section 3.4.1.3.2
	method      func(string) string                                                         // the method as it enters the base string (section 3.4.1.1)
	baseURI     func(raw string, u *url.URL) (string, []Note)                               // section 3.4.1.2
	paramString func(string, func(string) string) string                                    // the parameter string as it enters the base string
	signingKey  func(consumerSecret, tokenSecret string, encode func(string) string) string // section 3.4.2
	hash        func(methodSpec) methodSpec                                                 // the hash actually used
	bodyHash    func(methodSpec) methodSpec                                                 // the hash of oauth_body_hash (draft-eaton-oauth-bodyhash section 3.1)
	output      func(digest []byte) string                                                  // digest octets to oauth_signature (section 3.4.2)
	readOutput  func(string) ([]byte, bool)                                                 // a received oauth_signature back to octets: output's inverse (nil: readBase64)

	quiet bool // leave out the steps' parameter tables and hex digest, which a diagnosis never shows
}

var defaultPipeline = pipeline{
	protocol:    func(p []Param) []Param { return p },
	collect:     concatParams,
	encode:      PercentEncode,
	encodeName:  PercentEncode,
	encodeValue: PercentEncode,
	sortParams:  SortParameters,
	method:      func(m string) string { return m },
	baseURI:     baseStringURI,
	paramString: func(s string, encode func(string) string) string { return encode(s) },
	signingKey:  signingKey,
	hash:        func(s methodSpec) methodSpec { return s },
	bodyHash:    func(s methodSpec) methodSpec { return s },
	output:      base64.StdEncoding.EncodeToString,
	// readOutput is left nil, meaning readBase64 (decodeOutput): only
	// the diagnosis reads a signature back, and a stage set here would
	// link base64 decoding into the signing-only wasm build.
}

// decodeOutput turns a received oauth_signature back into octets with
// pl.readOutput, or readBase64 when that is nil.
func (pl *pipeline) decodeOutput(s string) ([]byte, bool) {
	if pl.readOutput == nil {
		return readBase64(s)
	}
	return pl.readOutput(s)
}

// readBase64 decodes a base64 oauth_signature (RFC 5849 section 3.4.2).
func readBase64(s string) ([]byte, bool) {
	b, err := base64.StdEncoding.DecodeString(s)
	return b, err == nil
}

// concatParams is the collection order of RFC 5849 section 3.4.1.3.1's
// list: query, body, protocol, then the caller's extra parameters.
func concatParams(query, body, protocol, extra []Param) []Param {
	out := make([]Param, 0, len(query)+len(body)+len(protocol)+len(extra))
	out = append(out, query...)
	out = append(out, body...)
	out = append(out, protocol...)
	return append(out, extra...)
}

// SigningKey returns the key of RFC 5849 section 3.4.2 (HMAC) and 3.4.4
// (PLAINTEXT): the percent-encoded consumer secret, "&", and the
// percent-encoded token secret. The "&" is there even when the token
// secret is empty.
func SigningKey(consumerSecret, tokenSecret string) string {
	return signingKey(consumerSecret, tokenSecret, PercentEncode)
}

// signingKey is [SigningKey] with the encoder a catalogued mistake may
// replace.
func signingKey(consumerSecret, tokenSecret string, encode func(string) string) string {
	return encode(consumerSecret) + "&" + encode(tokenSecret)
}

// draft is a request validated and taken up to its signature base string;
// finish signs it.
type draft struct {
	r         Request
	res       *Result
	spec      methodSpec
	sigMethod SignatureMethod
	method    string // upper-cased
	u         *url.URL
	protocol  []Param // oauth_* parameters, without oauth_signature
	transport Transport
	digest    []byte // the HMAC digest or RSA signature octets, once signed
}

// prepare validates r and computes the steps up to the signature base
// string (RFC 5849 sections 3.4.1 and 3.6). It signs r as it is, the way a
// received request is verified: an empty nonce or timestamp is left out
// (Sign fills them in first), and a body hash on a form-encoded body is
// computed with the warning body-hash-on-form.
func (pl pipeline) prepare(r Request) (*draft, error) {
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
	transport, err := checkTransport(r)
	if err != nil {
		return nil, err
	}
	for _, p := range r.Params {
		if p.Source == SourceBody && r.ContentType != "" && !isFormContentType(r.ContentType) {
			return nil, fieldErr("params", "has a body parameter, but the body is not application/x-www-form-urlencoded", ErrMalformed)
		}
	}
	nonce, timestamp := r.Nonce, r.Timestamp
	d := &draft{r: r, spec: spec, sigMethod: sigMethod, method: method, u: u, transport: transport,
		res: &Result{Nonce: nonce, Timestamp: timestamp}}
	res := d.res
	add := func(s Step) { res.Steps = append(res.Steps, s) }

	var paramNotes []Note
	d.protocol = []Param{{oauthConsumerKey, r.ConsumerKey, SourceProtocol}}
	if r.Token != "" {
		d.protocol = append(d.protocol, Param{oauthToken, r.Token, SourceProtocol})
	}
	d.protocol = append(d.protocol, Param{oauthSignatureMethod, string(sigMethod), SourceProtocol})
	for _, p := range [...]Param{{oauthTimestamp, timestamp, SourceProtocol}, {oauthNonce, nonce, SourceProtocol}, {oauthVersion, r.Version, SourceProtocol}, {oauthCallback, r.Callback, SourceProtocol}, {oauthVerifier, r.Verifier, SourceProtocol}} {
		if p.Value != "" {
			d.protocol = append(d.protocol, p)
		}
	}
	form := isFormContentType(r.ContentType)
	var warnings []Warning
	switch {
	case r.BodyHash:
		if spec.kind == kindPlaintext {
			return nil, fieldErr("bodyHash", "cannot be used with PLAINTEXT, which has no hash", ErrMalformed)
		}
		if form {
			warnings = append(warnings, Warning{WarningBodyHashOnForm, "oauth_body_hash came with a form-encoded body: draft-eaton-oauth-bodyhash section 4.1.1 says not to send it there, since the form's parameters are signed already. It is checked as sent, but a server that follows the draft may refuse the request."})
		}
		bh := pl.bodyHash(spec)
		res.BodyHash = base64.StdEncoding.EncodeToString(bh.sum([]byte(r.Body)))
		d.protocol = append(d.protocol, Param{oauthBodyHash, res.BodyHash, SourceProtocol})
		paramNotes = append(paramNotes, Note{NoteBodyHashed, "oauth_body_hash is the base64 " + bh.hash.String() + " of the body's " + strconv.Itoa(len(r.Body)) + " bytes, so the body is covered by the signature."})
	case r.Body != "" && !form:
		paramNotes = append(paramNotes, Note{NoteBodyNotSigned, "The body is not signed: only application/x-www-form-urlencoded bodies become parameters. Turn on the body hash to cover it."})
	}

	d.protocol = pl.protocol(d.protocol)
	query, body, extra, err := collectParameters(u.RawQuery, r, d.protocol)
	if err != nil {
		return nil, err
	}
	params := pl.collect(query, body, d.protocol, extra)
	res.Parameters = params
	res.Warnings = append(requestWarnings(params), warnings...)
	if !pl.quiet {
		add(Step{ID: StepParameters, Title: "Collect the parameters", RFC: "3.4.1.3.1",
			Value: paramLines(params), Params: params, Notes: paramNotes})
	}

	encoded := make([]Param, len(params))
	for i, p := range params {
		encoded[i] = Param{Name: pl.encodeName(p.Name), Value: pl.encodeValue(p.Value), Source: p.Source}
	}
	if !pl.quiet {
		add(Step{ID: StepEncoded, Title: "Percent-encode every name and value", RFC: "3.6",
			Value: paramLines(encoded), Params: append([]Param(nil), encoded...)})
	}

	pl.sortParams(encoded)
	if !pl.quiet {
		add(Step{ID: StepSorted, Title: "Sort by name, then by value", RFC: "3.4.1.3.2",
			Value: paramLines(encoded), Params: encoded})
	}

	paramString := JoinParameters(encoded)
	add(Step{ID: StepParameterString, Title: "Join into the parameter string", RFC: "3.4.1.3.2",
		Value: paramString})

	baseURI, notes := pl.baseURI(r.URL, u)
	if method != r.Method {
		notes = append(notes, Note{ID: NoteMethodUppercased, Text: "The method was upper-cased."})
	}
	add(Step{ID: StepBaseStringURI, Title: "Base string URI", RFC: "3.4.1.2",
		Value: baseURI, Notes: notes})

	if spec.kind == kindPlaintext {
		add(Step{ID: StepSignatureBaseString, Title: "Signature base string", RFC: "3.4.4",
			Notes: []Note{{NotePlaintextNoBaseString, "PLAINTEXT signs nothing: the signature is the signing key itself, so no base string is built. It protects nothing unless the request goes over HTTPS."}}})
		return d, nil
	}
	parts := []string{pl.encode(pl.method(method)), pl.encode(baseURI), pl.paramString(paramString, pl.encode)}
	res.SignatureBaseString = strings.Join(parts, "&")
	add(Step{ID: StepSignatureBaseString, Title: "Signature base string", RFC: "3.4.1.1",
		Value: res.SignatureBaseString, Parts: parts})
	return d, nil
}

// finish computes the key, digest and signature of a prepared request and
// writes it out in each transport (RFC 5849 sections 3.4.2 to 3.5).
func (pl pipeline) finish(d *draft) error {
	if err := pl.sign(d); err != nil {
		return err
	}
	pl.transports(d)
	return nil
}

// sign computes the key, digest and signature of a prepared request (RFC
// 5849 sections 3.4.2 to 3.4.4), which is all a diagnosis compares.
func (pl pipeline) sign(d *draft) error {
	res, r, spec := d.res, d.r, pl.hash(d.spec)
	add := func(s Step) { res.Steps = append(res.Steps, s) }
	switch spec.kind {
	case kindHMAC:
		res.SigningKey = pl.signingKey(r.ConsumerSecret, r.TokenSecret, pl.encode)
		add(Step{ID: StepSigningKey, Title: "Signing key", RFC: "3.4.2",
			Value: res.SigningKey, Parts: []string{pl.encode(r.ConsumerSecret), pl.encode(r.TokenSecret)}, Secret: true})
		sum := spec.hmacSum(res.SigningKey, res.SignatureBaseString)
		d.digest = sum
		if !pl.quiet {
			add(Step{ID: StepDigest, Title: string(d.sigMethod) + " digest", RFC: "3.4.2",
				Value: spacedHex(sum)})
		}
		res.Signature = pl.output(sum)
		add(Step{ID: StepSignature, Title: "Signature (base64 of the digest)", RFC: "3.4.2",
			Value: res.Signature})
	case kindKeyPair:
		impl := keyMethod(d.sigMethod)
		if impl == nil {
			return errNeedsFullSigner()
		}
		digest := spec.sum([]byte(res.SignatureBaseString))
		sig, publicPEM, bits, err := impl.Sign(r.PrivateKey, spec.hash, digest)
		if err != nil {
			return err
		}
		res.PublicKey = publicPEM
		add(Step{ID: StepSigningKey, Title: "Signing key", RFC: "3.4.3",
			Value: "RSA private key, " + strconv.Itoa(bits) + " bits. Its public key, which the server verifies with:\n" + res.PublicKey,
			Notes: []Note{{NoteRSANoSecrets, "RSA methods sign with the private key alone: the consumer secret and token secret are not used."}}})
		add(Step{ID: StepDigest, Title: spec.hash.String() + " digest of the base string", RFC: "3.4.3",
			Value: spacedHex(digest)})
		d.digest = sig
		res.Signature = pl.output(sig)
		add(Step{ID: StepSignature, Title: "Signature (RSASSA-PKCS1-v1_5, base64)", RFC: "3.4.3",
			Value: res.Signature})
	case kindPlaintext:
		res.SigningKey = pl.signingKey(r.ConsumerSecret, r.TokenSecret, pl.encode)
		add(Step{ID: StepSigningKey, Title: "Signing key", RFC: "3.4.4",
			Value: res.SigningKey, Parts: []string{pl.encode(r.ConsumerSecret), pl.encode(r.TokenSecret)}, Secret: true})
		add(Step{ID: StepDigest, Title: "Digest", RFC: "3.4.4",
			Notes: []Note{{NotePlaintextNoDigest, "PLAINTEXT computes no digest."}}})
		res.Signature = res.SigningKey
		add(Step{ID: StepSignature, Title: "Signature (the signing key itself)", RFC: "3.4.4",
			Value: res.Signature, Secret: true})
	}
	return nil
}

// transports writes a signed request out in each transport (RFC 5849
// section 3.5).
func (pl pipeline) transports(d *draft) {
	res, r, spec := d.res, d.r, pl.hash(d.spec)
	add := func(s Step) { res.Steps = append(res.Steps, s) }
	// The caller's extra parameters are sent where they say: "query" and
	// unplaced ones in the URL, "body" ones in the form body, and unplaced
	// oauth_* ones with the protocol parameters.
	signed := append([]Param(nil), d.protocol...)
	sendURL, sendBody := r.URL, r.Body
	var toQuery, toBody []Param
	for _, p := range r.Params {
		switch {
		case p.Name == oauthSignature:
		case p.Source == SourceBody:
			toBody = append(toBody, p)
		case p.Source == SourceQuery || !strings.HasPrefix(p.Name, "oauth_"):
			toQuery = append(toQuery, p)
		default:
			signed = append(signed, p)
		}
	}
	if len(toQuery) > 0 {
		sendURL = queryTransport(sendURL, toQuery)
	}
	if len(toBody) > 0 {
		sendBody = formTransport(sendBody, toBody)
	}
	signed = append(signed, Param{oauthSignature, res.Signature, SourceProtocol})
	res.AuthorizationHeader = AuthorizationHeader(r.Realm, signed)
	res.Query = queryTransport(sendURL, signed)
	formBody := sendBody == "" || isFormContentType(r.ContentType) || r.ContentType == "" && len(toBody) > 0 && r.Body == ""
	if formBody {
		res.FormBody = formTransport(sendBody, signed)
	}
	final := Step{ID: StepAuthorizationHeader, Secret: spec.kind == kindPlaintext}
	var headers [][2]string
	body := sendBody
	curlURL := sendURL
	switch d.transport {
	case TransportHeader:
		final.Title, final.RFC, final.Value = "Authorization header", "3.5.1", res.AuthorizationHeader
		if r.Realm != "" {
			final.Notes = append(final.Notes, Note{NoteRealmNotSigned, "realm comes first in the header and is never signed."})
		}
		headers = append(headers, [2]string{"Authorization", res.AuthorizationHeader})
	case TransportQuery:
		final.Title, final.RFC, final.Value = "Signed URL (query transport)", "3.5.3", res.Query
		curlURL = res.Query
	case TransportBody:
		final.Title, final.RFC, final.Value = "Form body (body transport)", "3.5.2", res.FormBody
		body = res.FormBody
	}
	if d.transport != TransportHeader && r.Realm != "" {
		final.Notes = append(final.Notes, Note{NoteRealmDropped, "realm travels only in the Authorization header, so this transport leaves it out."})
	}
	if body != "" {
		ct := r.ContentType
		if d.transport == TransportBody || len(toBody) > 0 {
			ct = "application/x-www-form-urlencoded"
		}
		// Without a Content-Type curl would send -d data as a form, which
		// a server would then sign as parameters; send none instead.
		headers = append(headers, [2]string{"Content-Type", ct})
	}
	res.Curl = curlCommand(d.method, curlURL, headers, body)
	add(final)
}

// setProtocolParam puts the value of the protocol parameter name into its
// Request field and reports whether it has one (RFC 5849 section 3.1).
// oauth_signature and oauth_body_hash have no field of their own; callers
// that read them handle them.
func (r *Request) setProtocolParam(name, value string) bool {
	switch name {
	case oauthConsumerKey:
		r.ConsumerKey = value
	case oauthToken:
		r.Token = value
	case oauthSignatureMethod:
		r.SignatureMethod = SignatureMethod(value)
	case oauthTimestamp:
		r.Timestamp = value
	case oauthNonce:
		r.Nonce = value
	case oauthVersion:
		r.Version = value
	case oauthCallback:
		r.Callback = value
	case oauthVerifier:
		r.Verifier = value
	default:
		return false
	}
	return true
}

// checkTransport validates the transport of r (RFC 5849 section 3.5).
func checkTransport(r Request) (Transport, error) {
	switch r.Transport {
	case "", TransportHeader:
		return TransportHeader, nil
	case TransportQuery:
		return TransportQuery, nil
	case TransportBody:
		if r.Body != "" && !isFormContentType(r.ContentType) {
			return "", fieldErr("transport", "\"body\" needs a form-encoded body (application/x-www-form-urlencoded) or none (section 3.5.2)", ErrMalformed)
		}
		return TransportBody, nil
	}
	return "", fieldErr("transport", "must be \"header\", \"query\" or \"body\"", ErrMalformed)
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
	return upperASCII(m), nil // the loop above let only ASCII through
}

// nonceAndTimestamp returns the request's nonce and timestamp, generating
// the ones left empty (RFC 5849 section 3.3). A timestamp that is not
// digits is kept: prepare warns about it (timestamp-not-digits).
func nonceAndTimestamp(nonce, timestamp string) (string, string, error) {
	if timestamp == "" {
		timestamp = strconv.FormatInt(now().Unix(), 10)
	}
	if nonce == "" {
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		b := make([]byte, nonceSize)
		if _, err := randRead(b); err != nil {
			return "", "", fieldErr("nonce", "is empty and could not be generated (no source of randomness): type one", ErrRequired)
		}
		for i := range b {
			b[i] = alphabet[int(b[i])%len(alphabet)]
		}
		nonce = string(b)
	}
	return nonce, timestamp, nil
}

// fillRandom fills b from the runtime's ChaCha8 generator, which Go seeds
// from the system's randomness (crypto.getRandomValues in a browser). A
// nonce must be unique, not secret (RFC 5849 section 3.3); crypto/rand
// would do as well but links math/big into the page's first download.
func fillRandom(b []byte) (int, error) {
	for i := 0; i < len(b); i += 8 {
		v := rand.Uint64()
		for j := i; j < i+8 && j < len(b); j++ {
			b[j] = byte(v)
			v >>= 8
		}
	}
	return len(b), nil
}

// isFormContentType reports whether ct is application/x-www-form-urlencoded,
// whatever its case and parameters (such as charset).
func isFormContentType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return equalFoldASCII(strings.TrimSpace(mt), "application/x-www-form-urlencoded")
}

// collectParameters gathers the request parameters of RFC 5849 section
// 3.4.1.3.1 other than the protocol ones: the query's, the form body's and
// the caller's extra ones, without oauth_signature, which is never signed.
// A parameter that repeats a protocol parameter the signer sets is an
// error, since the request would carry it twice.
func collectParameters(rawQuery string, r Request, protocol []Param) (query, body, extra []Param, err error) {
	if query, err = parseForm(rawQuery, SourceQuery, "url"); err != nil {
		return nil, nil, nil, err
	}
	if r.Body != "" && isFormContentType(r.ContentType) {
		if body, err = parseForm(r.Body, SourceBody, "body"); err != nil {
			return nil, nil, nil, err
		}
	}
	for _, p := range r.Params {
		if p.Source == "" {
			p.Source = SourceExtra
		}
		extra = append(extra, p)
	}
	groups := [][]Param{query, body, extra}
	fields := []string{"url", "body", "params"}
	for g, group := range groups {
		kept := group[:0:0]
		for _, p := range group {
			if p.Name == oauthSignature {
				continue
			}
			for _, q := range protocol {
				if p.Name == q.Name {
					return nil, nil, nil, fieldErr(fields[g], "already has "+p.Name+", which the signer sets from its own field; remove it", ErrMalformed)
				}
			}
			kept = append(kept, p)
		}
		groups[g] = kept
	}
	return groups[0], groups[1], groups[2], nil
}

// paramLines shows params one name=value pair a line.
func paramLines(params []Param) string {
	var b strings.Builder
	b.Grow(paramsLen(params))
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
	h := upperASCII(hex.EncodeToString(b))
	out := make([]byte, 0, len(b)*3)
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, h[i], h[i+1])
	}
	return string(out)
}
