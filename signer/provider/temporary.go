package provider

import (
	"net/url"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// requestToken answers POST /oauth/request_token, the temporary
// credential request (RFC 5849 section 2.1): signed with the consumer
// credentials alone, carrying oauth_callback (an absolute http or https
// URL, or "oob" for the PIN flow), it issues a request token and secret
// and confirms the callback.
func (p *Provider) requestToken(rc *received) *Response {
	s, refusal := p.authenticate(rc, noToken, "oauth_callback")
	if refusal != nil {
		return refusal
	}
	callback := s.get("oauth_callback")
	if !validCallback(callback) {
		return rejected("oauth_callback", "oauth_callback must be an absolute http or https URL, or oob for the PIN flow.")
	}
	now := p.now()
	p.pruneRequestTokens(now)
	if len(p.requestTokens) >= maxRequestTokens {
		return tooMany()
	}
	v, err := p.randoms(tokenLength, secretLength)
	if err != nil {
		return unavailable()
	}
	p.requestTokens[v[0]] = &requestToken{token: v[0], secret: v[1], consumer: s.consumer.Key, callback: callback, issued: now}
	return answer(200, contentForm, formBody([]signer.Param{
		{Name: "oauth_token", Value: v[0]}, {Name: "oauth_token_secret", Value: v[1]},
		{Name: "oauth_callback_confirmed", Value: "true"}}))
}

// validCallback reports whether cb is "oob" or an absolute http or https
// URL with a host (RFC 5849 section 2.1).
func validCallback(cb string) bool {
	if cb == "oob" {
		return true
	}
	u, err := url.Parse(cb)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return scheme == "https" || scheme == "http"
}

// unavailable answers when the random source fails.
func unavailable() *Response {
	return xError(503, 131, "Internal error: no token could be issued")
}
