package provider

import (
	"strings"
)

// route is one endpoint: its method and path, and what answers it.
type route struct {
	method, path string
	serve        func(p *Provider, rc *received) *Response
}

// routes are the endpoints of X's "Obtaining access tokens" pages and the
// two resources the flows end on (RFC 5849 section 2, RFC 6749 section
// 4.4). A path ending in "/" is a prefix: /2/tweets/ takes an id.
var routes = []route{
	{"POST", "/oauth/request_token", (*Provider).requestToken},
	{"GET", "/oauth/authorize", (*Provider).authorize},
	{"GET", "/oauth/authenticate", (*Provider).authorize},
	{"POST", "/oauth/access_token", (*Provider).accessToken},
	{"GET", "/1.1/account/verify_credentials.json", (*Provider).verifyCredentials},
	{"POST", "/oauth2/token", (*Provider).bearerToken},
	{"GET", "/2/tweets/", (*Provider).tweet},
}

// Serve answers one request the way X's endpoints do. Every request that
// can be sent over HTTP gets a Response, a refusal included; the error is
// a *signer.FieldError, naming the field and never quoting it, only for
// what is not an HTTP request at all (an empty or malformed method or
// URL, a header value with a line break, over MaxRequest octets).
func (p *Provider) Serve(r Request) (*Response, error) {
	rc, err := read(r)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !strings.EqualFold(rc.url.Hostname(), Host) || rc.url.Port() != "" && rc.url.Port() != "443" {
		return xError(404, 34, "Sorry, that page does not exist: this provider answers https://"+Host+" only."), nil
	}
	if !strings.EqualFold(rc.url.Scheme, "https") {
		return xError(403, 92, "SSL is required"), nil
	}
	var allow []string
	for _, rt := range routes {
		if rc.url.Path != rt.path && !(strings.HasSuffix(rt.path, "/") && strings.HasPrefix(rc.url.Path, rt.path)) {
			continue
		}
		if rc.Method == rt.method {
			return rt.serve(p, rc), nil
		}
		allow = append(allow, rt.method)
	}
	if len(allow) > 0 {
		res := xError(405, 34, "This endpoint takes "+strings.Join(allow, ", ")+".")
		res.Headers = append(res.Headers, Header{"Allow", strings.Join(allow, ", ")})
		return res, nil
	}
	return xError(404, 34, "Sorry, that page does not exist"), nil
}
