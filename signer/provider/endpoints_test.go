package provider_test

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/provider"
)

// basic is the Authorization header of X's app-only authentication: the
// base64 of the RFC 1738-encoded key, a colon and the encoded secret.
func basic(key, secret string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(key)+":"+url.QueryEscape(secret)))
}

// bearer runs the app-only flow and returns the bearer token.
func (f *fixture) bearer() string {
	f.t.Helper()
	res := f.serve(provider.Request{Method: "POST", URL: api + "/oauth2/token", Authorization: basic(demoKey, demoSecret),
		Body: "grant_type=client_credentials", ContentType: "application/x-www-form-urlencoded;charset=UTF-8"})
	require.Equal(f.t, 200, res.Status, res.Body)
	var got struct{ TokenType, AccessToken string }
	require.NoError(f.t, json.Unmarshal([]byte(res.Body), &struct {
		TokenType   *string `json:"token_type"`
		AccessToken *string `json:"access_token"`
	}{&got.TokenType, &got.AccessToken}))
	require.Equal(f.t, "bearer", got.TokenType)
	return got.AccessToken
}

// TestEndpoints answers every endpoint once, the way X's documentation
// shows it, and checks status, content type and the fields of the body.
func TestEndpoints(t *testing.T) {
	alnum := regexp.MustCompile(`^[A-Za-z0-9]+$`)
	tests := []struct {
		name   string
		do     func(f *fixture) *provider.Response
		status int
		ctype  string
		check  func(t *testing.T, f *fixture, res *provider.Response)
	}{
		{"request_token with a callback URL", func(f *fixture) *provider.Response {
			return f.serve(f.sign(signer.Request{Method: "POST", URL: api + "/oauth/request_token", Callback: "https://app.example/cb"}))
		}, 200, "application/x-www-form-urlencoded", func(t *testing.T, f *fixture, res *provider.Response) {
			v := form(t, res.Body)
			assert.Regexp(t, alnum, v.Get("oauth_token"))
			assert.Len(t, v.Get("oauth_token_secret"), 40)
			assert.Equal(t, "true", v.Get("oauth_callback_confirmed"))
			assert.Equal(t, "no-store", res.Header("Cache-Control"))
		}},
		{"request_token for oob", func(f *fixture) *provider.Response {
			return f.serve(f.sign(signer.Request{Method: "POST", URL: api + "/oauth/request_token", Callback: "oob"}))
		}, 200, "application/x-www-form-urlencoded", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Equal(t, "true", form(t, res.Body).Get("oauth_callback_confirmed"))
		}},
		{"authorize redirects to the callback", func(f *fixture) *provider.Response {
			rt := f.requestToken("https://app.example/cb?state=1#top")
			return f.serve(provider.Request{Method: "GET", URL: api + "/oauth/authorize?oauth_token=" + rt.token})
		}, 302, "text/html; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			u, err := url.Parse(res.Header("Location"))
			require.NoError(t, err)
			assert.Equal(t, "app.example", u.Host)
			assert.Equal(t, "top", u.Fragment)
			assert.Equal(t, "1", u.Query().Get("state"))
			assert.NotEmpty(t, u.Query().Get("oauth_token"))
			assert.Regexp(t, alnum, u.Query().Get("oauth_verifier"))
		}},
		{"authenticate is authorize", func(f *fixture) *provider.Response {
			rt := f.requestToken("https://app.example/cb")
			return f.serve(provider.Request{Method: "GET", URL: api + "/oauth/authenticate?oauth_token=" + rt.token})
		}, 302, "text/html; charset=utf-8", nil},
		{"authorize for oob shows a PIN", func(f *fixture) *provider.Response {
			rt := f.requestToken("oob")
			return f.serve(provider.Request{Method: "GET", URL: api + "/oauth/authorize?oauth_token=" + rt.token})
		}, 200, "text/html; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Regexp(t, `^[0-9]{7}$`, pinOf(t, res.Body))
			assert.Empty(t, res.Header("Location"))
		}},
		{"access_token with the PIN", func(f *fixture) *provider.Response {
			rt := f.requestToken("oob")
			pin := f.authorize(rt.token)
			return f.serve(f.sign(signer.Request{Method: "POST", URL: api + "/oauth/access_token", Token: rt.token, TokenSecret: rt.secret, Verifier: pin}))
		}, 200, "application/x-www-form-urlencoded", func(t *testing.T, f *fixture, res *provider.Response) {
			v := form(t, res.Body)
			assert.Regexp(t, `^6253282-[A-Za-z0-9]{32}$`, v.Get("oauth_token"))
			assert.Len(t, v.Get("oauth_token_secret"), 40)
			assert.Equal(t, provider.UserID, v.Get("user_id"))
			assert.Equal(t, provider.UserScreenName, v.Get("screen_name"))
		}},
		{"access_token with the verifier and token in the query, as X's documentation shows", func(f *fixture) *provider.Response {
			rt := f.requestToken("https://app.example/cb")
			v := f.authorize(rt.token)
			u := api + "/oauth/access_token?oauth_token=" + url.QueryEscape(rt.token) + "&oauth_verifier=" + url.QueryEscape(v)
			r := f.sign(signer.Request{Method: "POST", URL: u, TokenSecret: rt.secret})
			return f.serve(r)
		}, 200, "application/x-www-form-urlencoded", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Equal(t, provider.UserID, form(t, res.Body).Get("user_id"))
		}},
		{"access_token with the verifier in the form body", func(f *fixture) *provider.Response {
			rt := f.requestToken("oob")
			v := f.authorize(rt.token)
			return f.serve(f.sign(signer.Request{Method: "POST", URL: api + "/oauth/access_token", Token: rt.token, TokenSecret: rt.secret,
				Body: "oauth_verifier=" + v, ContentType: "application/x-www-form-urlencoded"}))
		}, 200, "application/x-www-form-urlencoded", nil},
		{"verify_credentials with the access token", func(f *fixture) *provider.Response {
			at := f.flow("https://app.example/cb")
			return f.serve(f.sign(signer.Request{Method: "GET", URL: api + "/1.1/account/verify_credentials.json", Token: at.token, TokenSecret: at.secret}))
		}, 200, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			var user map[string]any
			require.NoError(t, json.Unmarshal([]byte(res.Body), &user))
			assert.Equal(t, provider.UserScreenName, user["screen_name"])
			assert.Equal(t, provider.UserID, user["id_str"])
		}},
		{"verify_credentials with a query and HMAC-SHA256", func(f *fixture) *provider.Response {
			at := f.flow("oob")
			return f.serve(f.sign(signer.Request{Method: "GET", URL: api + "/1.1/account/verify_credentials.json?include_email=true&skip_status=1",
				Token: at.token, TokenSecret: at.secret, SignatureMethod: signer.HMACSHA256}))
		}, 200, "application/json; charset=utf-8", nil},
		{"a tweet with the access token, user context", func(f *fixture) *provider.Response {
			at := f.flow("oob")
			return f.serve(f.sign(signer.Request{Method: "GET", URL: api + "/2/tweets/1460323737035677698", Token: at.token, TokenSecret: at.secret}))
		}, 200, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Contains(t, res.Body, `"id":"1460323737035677698"`)
		}},
		{"oauth2/token gives a bearer token", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "POST", URL: api + "/oauth2/token", Authorization: basic(demoKey, demoSecret),
				Body: "grant_type=client_credentials", ContentType: "application/x-www-form-urlencoded;charset=UTF-8"})
		}, 200, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Regexp(t, `^\{"token_type":"bearer","access_token":"AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9]{80}"\}$`, res.Body)
		}},
		{"the same bearer token each time", func(f *fixture) *provider.Response {
			first := f.bearer()
			require.Equal(t, first, f.bearer())
			return f.serve(provider.Request{Method: "GET", URL: api + "/2/tweets/20", Authorization: "Bearer " + first})
		}, 200, "application/json; charset=utf-8", nil},
		{"a bearer token reads a tweet", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "GET", URL: api + "/2/tweets/20", Authorization: "Bearer " + f.bearer()})
		}, 200, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Contains(t, res.Body, `"id":"20"`)
		}},
		{"a bearer token is refused on a user-context endpoint", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "GET", URL: api + "/1.1/account/verify_credentials.json", Authorization: "Bearer " + f.bearer()})
		}, 403, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Contains(t, res.Body, `"code":220`)
		}},
		{"a bearer token this provider did not issue", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "GET", URL: api + "/2/tweets/20", Authorization: "Bearer AAAAAAAAAAAAAAAAAAAAAnope"})
		}, 401, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Contains(t, res.Body, `"code":89`)
			assert.Contains(t, res.Header("WWW-Authenticate"), "Bearer")
		}},
		{"oauth2/token with the wrong secret", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "POST", URL: api + "/oauth2/token", Authorization: basic(demoKey, "nope"),
				Body: "grant_type=client_credentials", ContentType: "application/x-www-form-urlencoded"})
		}, 403, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Contains(t, res.Body, `"code":99`)
		}},
		{"oauth2/token without Basic", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "POST", URL: api + "/oauth2/token", Body: "grant_type=client_credentials", ContentType: "application/x-www-form-urlencoded"})
		}, 403, "application/json; charset=utf-8", nil},
		{"oauth2/token with unencoded Basic that is not base64", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "POST", URL: api + "/oauth2/token", Authorization: "Basic " + demoKey + ":" + demoSecret,
				Body: "grant_type=client_credentials", ContentType: "application/x-www-form-urlencoded"})
		}, 403, "application/json; charset=utf-8", nil},
		{"oauth2/token without grant_type", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "POST", URL: api + "/oauth2/token", Authorization: basic(demoKey, demoSecret)})
		}, 403, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Contains(t, res.Body, `"code":170`)
		}},
		{"oauth2/token with another grant_type", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "POST", URL: api + "/oauth2/token", Authorization: basic(demoKey, demoSecret),
				Body: "grant_type=password", ContentType: "application/x-www-form-urlencoded"})
		}, 403, "application/json; charset=utf-8", nil},
		{"a tweet id that is not digits", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "GET", URL: api + "/2/tweets/abc", Authorization: "Bearer " + f.bearer()})
		}, 400, "application/json; charset=utf-8", nil},
		{"another host", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "POST", URL: "https://api.twitter.example/oauth/request_token"})
		}, 404, "application/json; charset=utf-8", nil},
		{"plain http", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "POST", URL: "http://api.x.com/oauth/request_token"})
		}, 403, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Contains(t, res.Body, `"code":92`)
		}},
		{"the wrong method", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "GET", URL: api + "/oauth/request_token"})
		}, 405, "application/json; charset=utf-8", func(t *testing.T, f *fixture, res *provider.Response) {
			assert.Equal(t, "POST", res.Header("Allow"))
		}},
		{"an unknown path", func(f *fixture) *provider.Response {
			return f.serve(provider.Request{Method: "GET", URL: api + "/1.1/nothing.json"})
		}, 404, "application/json; charset=utf-8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			res := tt.do(f)
			assert.Equal(t, tt.status, res.Status, res.Body)
			assert.Equal(t, tt.ctype, res.Header("Content-Type"))
			if tt.check != nil {
				tt.check(t, f, res)
			}
		})
	}
}
