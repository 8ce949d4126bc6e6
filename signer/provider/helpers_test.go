package provider_test

import (
	"errors"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/provider"
)

// The tests' clock: the X example's timestamp.
var t0 = time.Unix(1318622958, 0)

const (
	demoKey    = provider.DemoConsumerKey
	demoSecret = provider.DemoConsumerSecret
	api        = "https://api.x.com"
)

// requireFieldError checks that err is a *signer.FieldError naming field,
// wrapping cause, and not quoting canary (a value the test gave).
func requireFieldError(t *testing.T, err error, field string, cause error, canary string) {
	t.Helper()
	var fe *signer.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	assert.Equal(t, field, fe.Field)
	assert.ErrorIs(t, err, cause)
	assert.NotContains(t, err.Error(), canary)
}

// fixture is a provider with a clock the test moves and a seeded random
// source, and a client that signs with the signer.
type fixture struct {
	t     *testing.T
	p     *provider.Provider
	now   time.Time
	nonce int
}

func newFixture(t *testing.T, consumers ...provider.Consumer) *fixture {
	t.Helper()
	f := &fixture{t: t, now: t0}
	p, err := provider.New(provider.Config{Consumers: consumers, Now: func() time.Time { return f.now },
		Rand: rand.NewChaCha8([32]byte{1})})
	require.NoError(t, err)
	f.p = p
	return f
}

// sign signs r with the demo app unless it names a consumer, a fresh
// nonce and the clock's timestamp unless it has its own, and returns it
// as the request the provider receives.
func (f *fixture) sign(r signer.Request) provider.Request {
	f.t.Helper()
	if r.ConsumerKey == "" {
		r.ConsumerKey, r.ConsumerSecret = demoKey, demoSecret
	}
	if r.Nonce == "" {
		f.nonce++
		r.Nonce = "nonce" + strconv.Itoa(f.nonce)
	}
	if r.Timestamp == "" {
		r.Timestamp = strconv.FormatInt(f.now.Unix(), 10)
	}
	res, err := signer.Sign(r)
	require.NoError(f.t, err)
	return provider.Request{Method: r.Method, URL: r.URL, Authorization: res.AuthorizationHeader, Body: r.Body, ContentType: r.ContentType}
}

func (f *fixture) serve(r provider.Request) *provider.Response {
	f.t.Helper()
	res, err := f.p.Serve(r)
	require.NoError(f.t, err)
	return res
}

// form reads a form-encoded body.
func form(t *testing.T, body string) url.Values {
	t.Helper()
	v, err := url.ParseQuery(body)
	require.NoError(t, err, "body %q", body)
	return v
}

// creds is a token and its secret.
type creds struct{ token, secret string }

// requestToken runs leg 1 with callback.
func (f *fixture) requestToken(callback string) creds {
	f.t.Helper()
	res := f.serve(f.sign(signer.Request{Method: "POST", URL: api + "/oauth/request_token", Callback: callback}))
	require.Equal(f.t, 200, res.Status, res.Body)
	v := form(f.t, res.Body)
	return creds{v.Get("oauth_token"), v.Get("oauth_token_secret")}
}

// authorize runs leg 2 and returns the verifier, from the redirect or
// the PIN page.
func (f *fixture) authorize(token string) string {
	f.t.Helper()
	res := f.serve(provider.Request{Method: "GET", URL: api + "/oauth/authorize?oauth_token=" + url.QueryEscape(token)})
	switch res.Status {
	case 302:
		u, err := url.Parse(res.Header("Location"))
		require.NoError(f.t, err)
		return u.Query().Get("oauth_verifier")
	case 200:
		return pinOf(f.t, res.Body)
	}
	f.t.Fatalf("authorize: status %d %s", res.Status, res.Body)
	return ""
}

// accessToken runs leg 3.
func (f *fixture) accessToken(rt creds, verifier string) creds {
	f.t.Helper()
	res := f.serve(f.sign(signer.Request{Method: "POST", URL: api + "/oauth/access_token", Token: rt.token, TokenSecret: rt.secret, Verifier: verifier}))
	require.Equal(f.t, 200, res.Status, res.Body)
	v := form(f.t, res.Body)
	return creds{v.Get("oauth_token"), v.Get("oauth_token_secret")}
}

// flow runs all three legs with callback and returns the access token.
func (f *fixture) flow(callback string) creds {
	f.t.Helper()
	rt := f.requestToken(callback)
	return f.accessToken(rt, f.authorize(rt.token))
}

func pinOf(t *testing.T, page string) string {
	t.Helper()
	_, after, ok1 := strings.Cut(page, "<code>")
	pin, _, ok2 := strings.Cut(after, "</code>")
	require.True(t, ok1 && ok2, "no <code> in %q", page)
	return pin
}
