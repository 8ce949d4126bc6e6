package provider

import (
	"encoding/base64"
	"net/url"
	"strings"
)

// bearerPrefix starts every bearer token X issues.
const bearerPrefix = "AAAAAAAAAAAAAAAAAAAAA"

// bearerToken answers POST /oauth2/token, X's app-only authentication
// (RFC 6749 section 4.4, client credentials): the Authorization header is
// Basic with the base64 of the RFC 1738-encoded consumer key, a colon and
// the encoded consumer secret (section 2.3.1), the body
// grant_type=client_credentials. It returns the consumer's bearer token,
// the same one each time, as X does until it is invalidated.
func (p *Provider) bearerToken(rc *received) *Response {
	key, secret, ok := basicCredentials(rc.Authorization)
	c := p.consumer(key)
	if !ok || c == nil || c.Secret == "" || !equal(secret, c.Secret) {
		return xError(403, 99, "Unable to verify your credentials")
	}
	grant, _ := param(rc.form, "grant_type")
	switch {
	case grant == "":
		return xError(403, 170, "Missing required parameter: grant_type")
	case grant != "client_credentials":
		return xError(403, 99, "grant_type must be client_credentials")
	}
	token := ""
	for t, k := range p.bearers {
		if k == c.Key {
			token = t
		}
	}
	if token == "" {
		r, err := p.random(bearerLength, alphanumeric)
		if err != nil {
			return unavailable()
		}
		token = bearerPrefix + r
		p.bearers[token] = c.Key
	}
	return answer(200, contentJSON, `{"token_type":"bearer","access_token":"`+token+`"}`)
}

// basicCredentials reads a Basic Authorization header (RFC 7617) whose
// user and password are form-encoded (RFC 6749 section 2.3.1).
func basicCredentials(h string) (user, password string, ok bool) {
	scheme, cred, found := strings.Cut(strings.TrimSpace(h), " ")
	if !found || !strings.EqualFold(scheme, "Basic") {
		return "", "", false
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(cred))
	if err != nil {
		return "", "", false
	}
	u, pw, found := strings.Cut(string(raw), ":")
	if !found {
		return "", "", false
	}
	if user, err = url.QueryUnescape(u); err != nil {
		return "", "", false
	}
	if password, err = url.QueryUnescape(pw); err != nil {
		return "", "", false
	}
	return user, password, true
}

// isBearer reports whether an Authorization header uses the Bearer scheme
// (RFC 6750 section 2.1).
func isBearer(h string) bool {
	scheme, _, _ := strings.Cut(strings.TrimSpace(h), " ")
	return strings.EqualFold(scheme, "Bearer")
}

// bearerConsumer is the consumer key a bearer token was issued to, or "".
func (p *Provider) bearerConsumer(h string) string {
	_, token, _ := strings.Cut(strings.TrimSpace(h), " ")
	return p.bearers[strings.TrimSpace(token)]
}

// bearerUnauthorized is X's answer to a bearer token it did not issue.
func bearerUnauthorized() *Response {
	r := xError(401, 89, "Invalid or expired token.")
	r.Headers = append(r.Headers, Header{"WWW-Authenticate", `Bearer realm="https://` + Host + `/", error="invalid_token"`})
	return r
}
