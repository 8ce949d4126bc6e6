package provider

import (
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// authorize answers GET /oauth/authorize?oauth_token=... (and
// /oauth/authenticate), resource owner authorization (RFC 5849 section
// 2.2). The simulated user consents at once: the request token gets a
// verifier, and the answer is a 302 to the callback with oauth_token and
// oauth_verifier added to its query, or, for "oob", a page whose <code>
// element holds the verifier as a 7-digit PIN. Authorizing the same
// token again gives the same verifier. The request is not signed.
func (p *Provider) authorize(rc *received) *Response {
	token, _ := param(rc.query, "oauth_token")
	if token == "" {
		return absent([]string{"oauth_token"})
	}
	now := p.now()
	t := p.requestTokens[token]
	switch {
	case t == nil:
		return refuse(ProblemTokenRejected, "oauth_token is not a request token this provider issued.")
	case t.used:
		return refuse(ProblemTokenUsed, "This request token was exchanged for an access token already: start again with a new request token.")
	case now.Sub(t.issued) > p.lifetime:
		return refuse(ProblemTokenExpired, "This request token is too old: start again with a new request token.")
	}
	if t.verifier == "" {
		alphabet, n := alphanumeric, verifierLength
		if t.callback == "oob" {
			alphabet, n = digits, pinLength
		}
		v, err := p.random(n, alphabet)
		if err != nil {
			return unavailable()
		}
		t.verifier = v
	}
	if t.callback == "oob" {
		return answer(200, contentHTML, pinPage(t.verifier))
	}
	r := answer(302, contentHTML, "")
	r.Headers = append(r.Headers, Header{"Location", withQuery(t.callback, []signer.Param{
		{Name: "oauth_token", Value: t.token}, {Name: "oauth_verifier", Value: t.verifier}})})
	return r
}

// pinPage is the page X shows for the PIN flow, the PIN in its <code>.
// pin is digits only, so the page needs no escaping.
func pinPage(pin string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Authorize app</title></head><body>` +
		`<p>You've granted access to this app.</p>` +
		`<p id="code-desc">Next, return to the app and enter this PIN to complete the authorization process:</p>` +
		`<kbd aria-labelledby="code-desc"><code>` + pin + `</code></kbd></body></html>`
}

// withQuery adds ps to the query of rawURL, before any fragment.
func withQuery(rawURL string, ps []signer.Param) string {
	base, frag, hasFrag := strings.Cut(rawURL, "#")
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
		if strings.HasSuffix(base, "?") || strings.HasSuffix(base, "&") {
			sep = ""
		}
	}
	out := base + sep + formBody(ps)
	if hasFrag {
		out += "#" + frag
	}
	return out
}
