package provider

import (
	"github.com/oauth1-playground/oauth1-playground/signer"
)

// accessToken answers POST /oauth/access_token, the token request (RFC
// 5849 section 2.3): signed with the consumer credentials and the request
// token and its secret, carrying the oauth_verifier the authorization
// gave, it exchanges the request token (once) for an access token and
// secret, and says whose they are.
func (p *Provider) accessToken(rc *received) *Response {
	s, refusal := p.authenticate(rc, requestKind, "oauth_verifier")
	if refusal != nil {
		return refusal
	}
	t := s.request
	if t.verifier == "" || !equal(s.get("oauth_verifier"), t.verifier) {
		return refuse(ProblemVerifierInvalid, "oauth_verifier is not the one the authorization of this request token gave.")
	}
	if len(p.accessTokens) >= maxAccessTokens {
		return tooMany()
	}
	v, err := p.randoms(tokenLength, secretLength)
	if err != nil {
		return unavailable()
	}
	token := UserID + "-" + v[0]
	t.used = true
	p.accessTokens[token] = &accessToken{token: token, secret: v[1], consumer: s.consumer.Key}
	return answer(200, contentForm, formBody([]signer.Param{
		{Name: "oauth_token", Value: token}, {Name: "oauth_token_secret", Value: v[1]},
		{Name: "user_id", Value: UserID}, {Name: "screen_name", Value: UserScreenName}}))
}
