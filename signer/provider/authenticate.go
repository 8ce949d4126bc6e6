package provider

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// tokenKind says which token credentials an endpoint is signed with.
type tokenKind int

const (
	noToken     tokenKind = iota // temporary credential request: consumer only (RFC 5849 section 2.1)
	requestKind                  // token request: the request token (section 2.3)
	accessKind                   // protected resource: the access token (section 3)
)

// signed is a request whose signature, timestamp, nonce and token the
// provider accepted.
type signed struct {
	consumer *Consumer
	params   []signer.Param // the Authorization header's parameters, as sent
	rc       *received      // the request they came with
	request  *requestToken  // for requestKind
	access   *accessToken   // for accessKind
}

// get returns the value of the header parameter name or, for
// oauth_token, oauth_verifier and oauth_callback, which X's documentation
// also shows in the query, of the query or form parameter when the
// header has none (signed there like any parameter, RFC 5849 section
// 3.4.1.3.1).
func (s *signed) get(name string) string {
	if v, _ := param(s.params, name); v != "" {
		return v
	}
	switch name {
	case "oauth_token", "oauth_verifier", "oauth_callback":
		if v, _ := param(s.rc.query, name); v != "" {
			return v
		}
		v, _ := param(s.rc.form, name)
		return v
	}
	return ""
}

// acceptedMethods are the signature methods a consumer may sign with:
// the HMAC ones and PLAINTEXT with a secret, the RSA ones with a public
// key (RFC 5849 section 3.4).
func acceptedMethods(c *Consumer) []string {
	var out []string
	if c.Secret != "" {
		out = append(out, string(signer.HMACSHA1), string(signer.HMACSHA256), string(signer.HMACSHA512), string(signer.PLAINTEXT))
	}
	if c.PublicKey != "" {
		out = append(out, string(signer.RSASHA1), string(signer.RSASHA256), string(signer.RSASHA512))
	}
	return out
}

// authenticate checks a request signed in its Authorization header the
// way RFC 5849 section 3.2 orders it: the parameters are there once each,
// oauth_version is 1.0, the consumer is registered and may use the
// signature method, the timestamp is within the window, the token is one
// of kind issued to this consumer, the signature is right, and the nonce
// is new. need names the parameters the endpoint requires beside the
// protocol's own. It returns the refusal when one of them fails.
func (p *Provider) authenticate(rc *received, kind tokenKind, need ...string) (*signed, *Response) {
	if !isOAuthScheme(rc.Authorization) {
		names := []string{"oauth_consumer_key", "oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce"}
		if kind != noToken {
			names = append(names, "oauth_token")
		}
		return nil, absent(append(names, need...))
	}
	_, params, err := signer.ParseAuthorizationHeader(rc.Authorization)
	if err != nil {
		return nil, rejected("", "The Authorization header does not parse: "+reason(err))
	}
	seen := map[string]bool{}
	for _, q := range params {
		if strings.HasPrefix(q.Name, "oauth_") && seen[q.Name] {
			return nil, rejected(q.Name, "The Authorization header has "+q.Name+" more than once.")
		}
		seen[q.Name] = true
	}
	s := &signed{params: params, rc: rc}
	required := []string{"oauth_consumer_key", "oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce"}
	if kind != noToken {
		required = append(required, "oauth_token")
	}
	var missing []string
	for _, name := range append(required, need...) {
		if s.get(name) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, absent(missing)
	}
	if v, ok := param(params, "oauth_version"); ok && v != "1.0" {
		return nil, refuse(ProblemVersionRejected, "This provider speaks OAuth 1.0a: send oauth_version=\"1.0\" or leave it out.",
			signer.Param{Name: "oauth_acceptable_versions", Value: "1.0-1.0"})
	}
	c := p.consumer(s.get("oauth_consumer_key"))
	if c == nil {
		return nil, refuse(ProblemConsumerKeyUnknown, "No app is registered with this consumer key (the API Key).")
	}
	s.consumer = c
	methods := acceptedMethods(c)
	if !slices.Contains(methods, s.get("oauth_signature_method")) {
		return nil, refuse(ProblemSignatureMethodRejected, "This consumer signs with "+strings.Join(methods, ", ")+".",
			signer.Param{Name: "oauth_acceptable_signature_methods", Value: strings.Join(methods, "&")})
	}
	now := p.now()
	ts, ok := timestamp(s.get("oauth_timestamp"))
	if !ok || ts.Before(now.Add(-p.window)) || ts.After(now.Add(p.window)) {
		return nil, refuse(ProblemTimestampRefused, "oauth_timestamp must be seconds since 1970 within "+strconv.Itoa(int(p.window/time.Second))+" seconds of the provider's clock.",
			signer.Param{Name: "oauth_acceptable_timestamps", Value: p.acceptableTimestamps(now)})
	}
	tokenSecret := ""
	switch kind {
	case requestKind:
		t, refusal := p.lookupRequestToken(s.get("oauth_token"), c.Key, now)
		if refusal != nil {
			return nil, refusal
		}
		s.request, tokenSecret = t, t.secret
	case accessKind:
		t := p.accessTokens[s.get("oauth_token")]
		if t == nil || t.consumer != c.Key {
			return nil, refuse(ProblemTokenRejected, "oauth_token is not an access token this provider issued to this consumer.")
		}
		s.access, tokenSecret = t, t.secret
	}
	r := signer.Request{Method: rc.Method, URL: rc.URL, Body: rc.Body, ContentType: rc.ContentType,
		ConsumerSecret: c.Secret, TokenSecret: tokenSecret}
	publicKey := ""
	if strings.HasPrefix(s.get("oauth_signature_method"), "RSA-") {
		publicKey = c.PublicKey
	}
	v, err := signer.VerifyAuthorization(r, rc.Authorization, publicKey)
	if err != nil {
		return nil, rejected(oauthName(err), "The request cannot be verified: "+reason(err))
	}
	if !v.Valid {
		var extra []signer.Param
		if v.Result != nil && v.Result.SignatureBaseString != "" {
			extra = append(extra, signer.Param{Name: "debug_sbs", Value: v.Result.SignatureBaseString})
		}
		return nil, refuse(ProblemSignatureInvalid, "The signature does not match the one this provider computed over debug_sbs with the secrets it holds.", extra...)
	}
	nonce := s.get("oauth_nonce")
	if p.nonces.used(c.Key, nonce, now, p.window) {
		return nil, refuse(ProblemNonceUsed, "This oauth_nonce came with an earlier request: make a new one for every request.")
	}
	if !p.nonces.remember(c.Key, nonce, ts, now, p.window) {
		return nil, tooMany()
	}
	return s, nil
}

// lookupRequestToken finds the request token sent to the token endpoint,
// issued to consumer, still valid and not exchanged yet.
func (p *Provider) lookupRequestToken(token, consumer string, now time.Time) (*requestToken, *Response) {
	t := p.requestTokens[token]
	switch {
	case t == nil || t.consumer != consumer:
		return nil, refuse(ProblemTokenRejected, "oauth_token is not a request token this provider issued to this consumer.")
	case t.used:
		return nil, refuse(ProblemTokenUsed, "This request token was exchanged for an access token already: start again with a new request token.")
	case now.Sub(t.issued) > p.lifetime:
		return nil, refuse(ProblemTokenExpired, "This request token is older than "+strconv.Itoa(int(p.lifetime/time.Minute))+" minutes: start again with a new request token.")
	}
	return t, nil
}

// isOAuthScheme reports whether an Authorization header value uses the
// OAuth scheme (RFC 5849 section 3.5.1), any case.
func isOAuthScheme(h string) bool {
	h = strings.TrimLeft(h, " \t")
	return len(h) >= 6 && strings.EqualFold(h[:5], "OAuth") && (h[5] == ' ' || h[5] == '\t')
}

// timestamp reads an oauth_timestamp, seconds since 1970 in digits.
func timestamp(s string) (time.Time, bool) {
	if s == "" || len(s) > 12 || strings.TrimLeft(s, digits) != "" {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(n, 0), true
}

// reason is a signer error's own words, which never quote a value.
func reason(err error) string {
	var fe *signer.FieldError
	if errors.As(err, &fe) {
		return fe.Field + " " + fe.Reason
	}
	return "it is malformed"
}

// oauthName is the parameter a signer error is about, when it is a
// protocol parameter, for oauth_parameters_rejected.
func oauthName(err error) string {
	var fe *signer.FieldError
	if errors.As(err, &fe) {
		switch fe.Field {
		case "timestamp", "nonce", "callback", "verifier", "token", "version", "signature":
			return "oauth_" + fe.Field
		case "consumerKey":
			return "oauth_consumer_key"
		case "signatureMethod":
			return "oauth_signature_method"
		}
	}
	return ""
}

// tooMany is X's answer past a rate limit.
func tooMany() *Response {
	return xError(429, 88, "Rate limit exceeded")
}
