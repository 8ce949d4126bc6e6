package signer

import (
	"errors"
	"strings"
	"time"
)

// CheckInput is what the Verify view has: what the user pasted, their own
// base string, the secrets or public key to check with, the request to
// compare a lone base string (or a lone header) with, and the clock (RFC
// 5849 section 3.2).
type CheckInput struct {
	Text           string   // what was sent, or what the server answered: anything Import reads
	BaseString     string   // the user's own base string, or a server's text quoting one; optional
	ConsumerSecret string   // HMAC and PLAINTEXT
	TokenSecret    string   // HMAC and PLAINTEXT; empty when the token has none
	PublicKey      string   // RSA: the PEM public key or certificate
	CompareWith    *Request // used only when given: for a lone base string or a header without a URL
	Now            time.Time
}

// How a Checked compared what it read, Checked.Compared (RFC 5849 section
// 3.4.1.1).
const (
	ComparedPasted      = "pasted"      // the request read from Text, checked as it is
	ComparedHeader      = "header"      // a header alone, with CompareWith's method, URL and body
	ComparedBaseString  = "baseString"  // the own base string against the request read from Text
	ComparedAlone       = "alone"       // a base string judged against its own normal form
	ComparedCompareWith = "compareWith" // a lone base string against CompareWith
)

// What a Checked waits for, Checked.Needs (RFC 5849 section 3.2).
const (
	NeedSecrets     = "secrets"     // HMAC or PLAINTEXT without any secret
	NeedTokenSecret = "tokenSecret" // invalid, with a token and no token secret
	NeedPublicKey   = "publicKey"   // RSA without a public key
	NeedSignature   = "signature"   // a request without oauth_signature
	NeedRequest     = "request"     // a header without method and URL, and no CompareWith
)

// Checked is the whole verdict of [Check]: what was read and how, what was
// compared with what, valid or not, the right signature and base string
// beside the received ones, the mistakes and tells, the diff and the
// warnings. It holds no secret: for PLAINTEXT, whose signature is the
// secrets, Expected and Received are empty and Plaintext is set (RFC 5849
// sections 3.2 and 3.4.4).
type Checked struct {
	Empty      bool      // nothing was given to check
	Read       *Imported // what Text gave; nil when Text is empty
	Compared   string    // one of the Compared* constants; "" when nothing was compared
	Comparable bool      // a CompareWith request would be used: a lone base string, or a header without a URL
	TimesFrom  bool      // CompareWith had no nonce or timestamp, so the base string's were used
	Request    Request   // the request checked, without secrets
	Importable *Request  // what an import into the Sign view takes, without secrets; nil when nothing was read

	Method    SignatureMethod // the signature method checked ("" means HMAC-SHA1)
	RSA       bool            // a key-pair method: checked with a public key
	Plaintext bool            // PLAINTEXT: the signature is the secrets and is not returned

	Kind    string // "signature", "baseString", or "" when nothing was decided
	Verdict string // "valid", "invalid" or "unknown"
	Reason  string // the verification's sentence

	SchemeGuessed bool   // the text had no scheme, so https and http were both tried
	Scheme        string // when guessed: the scheme that verified ("https", "http", or SchemeEither), or "" when neither did

	Expected           string // the right signature, when the secrets suffice
	Received           string // the signature that was sent
	ExpectedBaseString string // the right base string for the request
	ReceivedBaseString string // the base string that was given (own or pasted)

	TooLarge  bool          // over MaxDiagnosed or MaxDiagnosedParams: verified, not tried against the catalogue
	Needs     []string      // the Need* constants: what is missing to decide
	Problems  []*FieldError // why a verification or diagnosis could not run
	Signature *Diagnosis    // the invalid signature explained
	Base      *Diagnosis    // the base string explained (or judged on its own)
	Warnings  []Warning     // valid or not, what a server may still refuse
}

// Above MaxDiagnosed bytes of URL, body and parameters, or
// MaxDiagnosedParams parameters, Check verifies but does not try the
// catalogue: the diagnosis signs the request once per mistake and per pair
// of them, so its time grows with the request, and a page must answer a
// keystroke at once. Real requests are far below both (RFC 5849 section
// 3.4).
const (
	MaxDiagnosed       = 4 << 10
	MaxDiagnosedParams = 100
)

// Check reads in.Text (and in.BaseString), verifies the signature with the
// secrets, explains a wrong one with the catalogue, and judges a base
// string: a lone one against its own normal form, or against in.CompareWith
// when given. When the text carried no scheme it verifies as https and as
// http and says which verifies. Errors are Import's: a *FieldError on
// "text" that never quotes the text (RFC 5849 section 3.2).
func Check(in CheckInput) (*Checked, error) {
	c := &Checked{Verdict: "unknown"}
	if strings.TrimSpace(in.Text) == "" && strings.TrimSpace(in.BaseString) == "" {
		c.Empty = true
		return c, nil
	}
	if in.Now.IsZero() {
		in.Now = time.Now()
	}
	own, err := ownBaseString(in.BaseString)
	if err != nil {
		return nil, err
	}
	var signature, authorization string
	req, compare := Request{}, in.CompareWith
	if strings.TrimSpace(in.Text) != "" {
		im, err := Import(in.Text)
		if err != nil {
			return nil, err
		}
		c.Read = im
		if im.Request.SignatureMethod == PLAINTEXT {
			// The signature is the secrets: what was read keeps neither it
			// nor the header that carries it.
			read := *im
			read.Signature, read.Authorization = "", ""
			c.Read = &read
		}
		req = im.Request
		imp := publicPart(im.Request)
		c.Importable = &imp
		c.SchemeGuessed = im.SchemeGuessed
		switch {
		case im.Format == ImportBaseString && own != "":
			c.Compared = ComparedBaseString
		case im.Format == ImportBaseString:
			own = im.BaseString
			c.Comparable = true
			if compare == nil {
				c.Compared = ComparedAlone
				break
			}
			req = c.compareWith(*compare, &im.Request)
		default:
			c.Compared = ComparedPasted
			signature, authorization = im.Signature, im.Authorization
			if req.URL == "" {
				c.Comparable = true
				if compare == nil {
					c.Needs = append(c.Needs, NeedRequest)
					break
				}
				r := publicPart(*compare)
				req.Method, req.URL, req.Body, req.ContentType, req.Params = r.Method, r.URL, r.Body, r.ContentType, r.Params
				c.Compared = ComparedHeader
				imp := req
				c.Importable = &imp
			}
			if signature == "" {
				c.Needs = append(c.Needs, NeedSignature)
			}
		}
	} else {
		c.Comparable = true
		if compare == nil {
			c.Compared = ComparedAlone
		} else {
			req = c.compareWith(*compare, nil)
		}
	}
	c.Request = publicPart(req)
	c.Method = req.SignatureMethod
	c.RSA = strings.HasPrefix(string(req.SignatureMethod), "RSA-")
	// Any case: a "plaintext" signature is the secrets too, even if no
	// server accepts the spelling (RFC 5849 section 3.4.4).
	c.Plaintext = strings.EqualFold(string(req.SignatureMethod), string(PLAINTEXT))

	if signature != "" && !c.has(NeedRequest) {
		c.checkSignature(req, signature, authorization, in)
	}
	if own != "" {
		c.checkBaseString(req, own)
	}
	c.warn(sentWarnings(c.Request))
	c.warn(TimestampWarnings(c.Request.Timestamp, in.Now))
	if c.Plaintext {
		c.Expected, c.Received = "", ""
		if c.Signature != nil {
			c.Signature.Expected = ""
		}
	}
	return c, nil
}

// compareWith is the request to compare a base string with: r without its
// secrets and, when r has no nonce or timestamp, the ones read from
// fallback (diagnosing needs those that were used).
func (c *Checked) compareWith(r Request, fallback *Request) Request {
	c.Compared = ComparedCompareWith
	r = publicPart(r)
	if fallback != nil {
		if r.Nonce == "" && fallback.Nonce != "" {
			r.Nonce, c.TimesFrom = fallback.Nonce, true
		}
		if r.Timestamp == "" && fallback.Timestamp != "" {
			r.Timestamp, c.TimesFrom = fallback.Timestamp, true
		}
	}
	return r
}

// checkSignature verifies signature (or the whole authorization header)
// when the secrets suffice, tries the other scheme when the scheme was
// guessed, and diagnoses a signature that does not match.
func (c *Checked) checkSignature(req Request, signature, authorization string, in CheckInput) {
	c.Received = signature
	switch {
	case c.RSA && strings.TrimSpace(in.PublicKey) == "":
		c.Needs = append(c.Needs, NeedPublicKey)
		return
	case !c.RSA && in.ConsumerSecret == "" && in.TokenSecret == "":
		c.Needs = append(c.Needs, NeedSecrets)
		return
	}
	if c.RSA {
		in.ConsumerSecret, in.TokenSecret = "", ""
	} else {
		in.PublicKey = ""
	}
	req.ConsumerSecret, req.TokenSecret = in.ConsumerSecret, in.TokenSecret
	verify := func(r Request) (*Verification, error) {
		if authorization != "" {
			return VerifyAuthorization(r, authorization, in.PublicKey)
		}
		return Verify(r, signature, in.PublicKey)
	}
	v, err := verify(req)
	if err != nil {
		c.problem(err)
		return
	}
	if c.SchemeGuessed {
		c.Scheme = ""
		if v.Valid && c.Plaintext {
			c.Scheme = SchemeEither // PLAINTEXT signs no URL (RFC 5849 section 3.4.4)
		} else if v.Valid {
			c.Scheme = schemeOf(req.URL)
		} else if other, ok := otherScheme(req.URL); ok {
			alt := req
			alt.URL = other
			if w, err := verify(alt); err == nil && w.Valid {
				req, v, c.Scheme = alt, w, schemeOf(other)
				c.Request.URL = other
				if c.Importable != nil {
					c.Importable.URL = other
				}
			}
		}
	}
	c.Kind = "signature"
	c.Verdict = verdictWord(v.Valid)
	c.Reason = v.Reason
	c.Expected = v.Expected
	if v.Result != nil {
		c.ExpectedBaseString = v.Result.SignatureBaseString
	}
	c.warn(v.Warnings)
	if v.Valid {
		return
	}
	if !c.RSA && req.Token != "" && in.TokenSecret == "" {
		c.Needs = append(c.Needs, NeedTokenSecret)
	}
	if c.tooLarge(req) {
		return
	}
	d, err := DiagnoseSignature(req, signature, in.PublicKey)
	if err != nil {
		c.problem(err)
		return
	}
	c.Signature = d
}

// checkBaseString judges base: against its own normal form when nothing
// was given to compare it with, otherwise against req's right base string.
func (c *Checked) checkBaseString(req Request, base string) {
	c.ReceivedBaseString = base
	var d *Diagnosis
	var err error
	if len(base) > 3*MaxDiagnosed || c.Compared != ComparedAlone && c.tooLarge(req) {
		// A base string of a request within the limit, its parameters
		// encoded twice, stays under three times its size.
		c.TooLarge = true
		if c.Kind == "" && c.ExpectedBaseString != "" {
			c.Kind = "baseString"
			c.Verdict = verdictWord(c.ExpectedBaseString == base)
		}
		return
	}
	if c.Compared == ComparedAlone {
		d, err = JudgeBaseString(base)
	} else {
		d, err = DiagnoseBaseString(req, base)
	}
	if err != nil {
		c.problem(err)
		return
	}
	c.Base = d
	if c.ExpectedBaseString == "" {
		c.ExpectedBaseString = d.Expected
	}
	if c.Kind == "" {
		c.Kind = "baseString"
		c.Verdict = verdictWord(d.Correct)
	}
}

// tooLarge reports, and records, whether r is over MaxDiagnosed or
// MaxDiagnosedParams (query and body pairs counted by their "&").
func (c *Checked) tooLarge(r Request) bool {
	n := len(r.URL) + len(r.Body)
	for _, p := range r.Params {
		n += len(p.Name) + len(p.Value)
	}
	pairs := len(r.Params) + strings.Count(r.URL, "&") + strings.Count(r.Body, "&")
	if n > MaxDiagnosed || pairs > MaxDiagnosedParams {
		c.TooLarge = true
	}
	return c.TooLarge
}

// ownBaseString takes the base string out of what was given as one's own:
// a server error quoting one is read with Import, anything else is taken
// as it is.
func ownBaseString(raw string) (string, error) {
	if strings.TrimSpace(raw) == "" {
		return "", nil
	}
	if im, err := Import(raw); err == nil && im.Format == ImportBaseString && im.BaseString != "" {
		return im.BaseString, nil
	}
	return strings.TrimSpace(raw), nil
}

func (c *Checked) has(need string) bool {
	for _, n := range c.Needs {
		if n == need {
			return true
		}
	}
	return false
}

// problem records err; an error that is not a *FieldError is recorded
// without its words, which could quote an input.
func (c *Checked) problem(err error) {
	var fe *FieldError
	if !errors.As(err, &fe) {
		fe = &FieldError{Reason: "could not be checked"}
	}
	c.Problems = append(c.Problems, fe)
}

// warn adds ws, each id once.
func (c *Checked) warn(ws []Warning) {
	for _, w := range ws {
		seen := false
		for _, have := range c.Warnings {
			seen = seen || have.ID == w.ID
		}
		if !seen {
			c.Warnings = append(c.Warnings, w)
		}
	}
}

// sentWarnings are the clock-free warnings of r's timestamp and version as
// they were sent, for a request no verification ran on (no secrets, or a
// base string alone); a verification gives the same ones itself.
func sentWarnings(r Request) []Warning {
	var sent []Param
	if r.Timestamp != "" {
		sent = append(sent, Param{Name: oauthTimestamp, Value: r.Timestamp})
	}
	if r.Version != "" {
		sent = append(sent, Param{Name: oauthVersion, Value: r.Version})
	}
	return requestWarnings(sent)
}

func verdictWord(valid bool) string {
	if valid {
		return "valid"
	}
	return "invalid"
}

// publicPart is r without its secrets.
func publicPart(r Request) Request {
	r.ConsumerSecret, r.TokenSecret, r.PrivateKey = "", "", ""
	r.Params = append([]Param(nil), r.Params...)
	return r
}

func schemeOf(u string) string {
	s, _, _ := strings.Cut(u, "://")
	return strings.ToLower(s)
}

// SchemeEither is Checked.Scheme when a guessed scheme does not matter: a
// PLAINTEXT signature covers no URL, so it verifies over https and http
// alike (RFC 5849 section 3.4.4).
const SchemeEither = "either"

// otherScheme is u with https and http swapped.
func otherScheme(u string) (string, bool) {
	switch s, rest, ok := strings.Cut(u, "://"); {
	case ok && strings.EqualFold(s, "https"):
		return "http://" + rest, true
	case ok && strings.EqualFold(s, "http"):
		return "https://" + rest, true
	}
	return "", false
}
