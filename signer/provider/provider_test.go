package provider_test

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/provider"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// TestNew checks what New refuses, by field and cause, without quoting
// what it was given.
func TestNew(t *testing.T) {
	const canary = "CANARY-new"
	tests := []struct {
		name  string
		cfg   provider.Config
		field string
		cause error
	}{
		{"the zero Config is the demo app", provider.Config{}, "", nil},
		{"a consumer without a key", provider.Config{Consumers: []provider.Consumer{{Secret: canary}}}, "consumerKey", signer.ErrRequired},
		{"a consumer without a secret or key", provider.Config{Consumers: []provider.Consumer{{Key: canary}}}, "consumerSecret", signer.ErrRequired},
		{"a consumer twice", provider.Config{Consumers: []provider.Consumer{{Key: "k", Secret: canary}, {Key: "k", Secret: "s"}}}, "consumerKey", signer.ErrMalformed},
		{"a public key that is not PEM", provider.Config{Consumers: []provider.Consumer{{Key: "k", PublicKey: canary}}}, "publicKey", signer.ErrMalformed},
		{"a negative window", provider.Config{TimestampWindow: -time.Second}, "timestampWindow", signer.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := provider.New(tt.cfg)
			if tt.cause == nil {
				require.NoError(t, err)
				assert.Equal(t, provider.DefaultTimestampWindow, p.Window())
				return
			}
			requireFieldError(t, err, tt.field, tt.cause, canary)
		})
	}
}

// TestServeErrors checks that only what is not an HTTP request at all is
// an error, naming the field and never the value.
func TestServeErrors(t *testing.T) {
	const canary = "CANARY-serve"
	tests := []struct {
		name  string
		r     provider.Request
		field string
		cause error
	}{
		{"no method", provider.Request{URL: requestTokenURL}, "method", signer.ErrRequired},
		{"a method with a space", provider.Request{Method: "PO ST" + canary, URL: requestTokenURL}, "method", signer.ErrMalformed},
		{"no URL", provider.Request{Method: "POST"}, "url", signer.ErrRequired},
		{"a relative URL", provider.Request{Method: "POST", URL: "/oauth/" + canary}, "url", signer.ErrMalformed},
		{"a URL that does not parse", provider.Request{Method: "POST", URL: "https://api.x.com/%zz" + canary}, "url", signer.ErrMalformed},
		{"a header with a line break", provider.Request{Method: "POST", URL: requestTokenURL, Authorization: "OAuth a=\"" + canary + "\"\r\nX: y"}, "authorization", signer.ErrMalformed},
		{"a content type with a line break", provider.Request{Method: "POST", URL: requestTokenURL, ContentType: "text/plain\n" + canary}, "contentType", signer.ErrMalformed},
		{"over 1 MiB", provider.Request{Method: "POST", URL: requestTokenURL, Body: canary + strings.Repeat("a", provider.MaxRequest)}, "body", signer.ErrMalformed},
	}
	p, err := provider.New(provider.Config{})
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := p.Serve(tt.r)
			assert.Nil(t, res)
			requireFieldError(t, err, tt.field, tt.cause, canary)
		})
	}
}

// TestDeterministic checks that two providers with the same random source
// issue the same tokens, secrets and verifiers, and other sources other
// ones.
func TestDeterministic(t *testing.T) {
	run := func(seed byte) []string {
		f := &fixture{t: t, now: t0}
		p, err := provider.New(provider.Config{Now: func() time.Time { return f.now }, Rand: rand.NewChaCha8([32]byte{seed})})
		require.NoError(t, err)
		f.p = p
		rt := f.requestToken("oob")
		pin := f.authorize(rt.token)
		at := f.accessToken(rt, pin)
		return []string{rt.token, rt.secret, pin, at.token, at.secret, f.bearer()}
	}
	a, b, c := run(7), run(7), run(8)
	assert.Equal(t, a, b)
	for i := range a {
		assert.NotEqual(t, a[i], c[i], "value %d", i)
	}
}

// failingReader is a random source that has run dry.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("no randomness") }

// TestRandomSourceFails checks that a provider without randomness issues
// nothing and says so, as a 503.
func TestRandomSourceFails(t *testing.T) {
	f := &fixture{t: t, now: t0}
	p, err := provider.New(provider.Config{Now: func() time.Time { return f.now }, Rand: failingReader{}})
	require.NoError(t, err)
	f.p = p
	res := f.serve(f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob"}))
	assert.Equal(t, 503, res.Status)
}

// TestTimestampWindow checks a configured window, at its edges.
func TestTimestampWindow(t *testing.T) {
	f := &fixture{t: t, now: t0}
	p, err := provider.New(provider.Config{Now: func() time.Time { return f.now }, TimestampWindow: 30 * time.Second})
	require.NoError(t, err)
	f.p = p
	for _, tt := range []struct {
		offset time.Duration
		status int
	}{{-30 * time.Second, 200}, {30 * time.Second, 200}, {-31 * time.Second, 401}, {31 * time.Second, 401}} {
		res := f.serve(f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", Timestamp: strconv.FormatInt(t0.Add(tt.offset).Unix(), 10)}))
		assert.Equal(t, tt.status, res.Status, "offset %s: %s", tt.offset, res.Body)
		if tt.status == 401 {
			assert.Equal(t, "1318622928-1318622988", form(t, res.Body).Get("oauth_acceptable_timestamps"))
		}
	}
}

// TestRSAConsumer walks the flow with an RSA-SHA1 consumer registered by
// its public key (RFC 5849 section 3.4.3), with the published test key.
func TestRSAConsumer(t *testing.T) {
	var key string
	for _, v := range signertest.Vectors() {
		if v.Request.PrivateKey != "" {
			key = v.Request.PrivateKey
			break
		}
	}
	require.NotEmpty(t, key, "no RSA vector")
	res, err := signer.Sign(signer.Request{Method: "GET", URL: api, ConsumerKey: "rsa-app", PrivateKey: key, SignatureMethod: signer.RSASHA1})
	require.NoError(t, err)
	f := newFixture(t, provider.Consumer{Key: "rsa-app", PublicKey: res.PublicKey})
	rsaSign := func(r signer.Request) provider.Request {
		r.ConsumerKey, r.PrivateKey, r.SignatureMethod = "rsa-app", key, signer.RSASHA1
		return f.sign(r)
	}
	leg1 := f.serve(rsaSign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob"}))
	require.Equal(t, 200, leg1.Status, leg1.Body)
	rt := form(t, leg1.Body)
	pin := f.authorize(rt.Get("oauth_token"))
	leg3 := f.serve(rsaSign(signer.Request{Method: "POST", URL: accessTokenURL, Token: rt.Get("oauth_token"), Verifier: pin}))
	require.Equal(t, 200, leg3.Status, leg3.Body)
	at := form(t, leg3.Body)
	ok := f.serve(rsaSign(signer.Request{Method: "GET", URL: credentialsURL, Token: at.Get("oauth_token")}))
	assert.Equal(t, 200, ok.Status, ok.Body)

	// A signature over another URL is refused with the base string the
	// provider verified.
	bad := rsaSign(signer.Request{Method: "GET", URL: credentialsURL + "?x=1", Token: at.Get("oauth_token")})
	bad.URL = credentialsURL
	refused := f.serve(bad)
	assert.Equal(t, 401, refused.Status)
	v := form(t, refused.Body)
	assert.Equal(t, provider.ProblemSignatureInvalid, v.Get("oauth_problem"))
	assert.NotEmpty(t, v.Get("debug_sbs"))

	// HMAC is refused for a consumer with a public key only.
	hmac := f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", ConsumerKey: "rsa-app", ConsumerSecret: "x"})
	assert.Equal(t, provider.ProblemSignatureMethodRejected, form(t, f.serve(hmac).Body).Get("oauth_problem"))
}

// TestPlaintext checks that PLAINTEXT works over https, and that its
// refusal has no debug_sbs (it signs no base string) and no secret.
func TestPlaintext(t *testing.T) {
	f := newFixture(t)
	ok := f.serve(f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", SignatureMethod: signer.PLAINTEXT}))
	assert.Equal(t, 200, ok.Status, ok.Body)
	bad := f.serve(f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", SignatureMethod: signer.PLAINTEXT, ConsumerKey: demoKey, ConsumerSecret: "wrong"}))
	assert.Equal(t, 401, bad.Status)
	v := form(t, bad.Body)
	assert.Equal(t, provider.ProblemSignatureInvalid, v.Get("oauth_problem"))
	assert.False(t, v.Has("debug_sbs"))
	assert.NotContains(t, bad.Body, "wrong")
}

// TestResponseText checks the wire form of an answer.
func TestResponseText(t *testing.T) {
	res := &provider.Response{Status: 401, Headers: []provider.Header{{"Content-Type", "text/plain"}}, Body: "oauth_problem=nonce_used"}
	assert.Equal(t, "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\n\r\noauth_problem=nonce_used", res.Text())
	assert.Equal(t, "text/plain", res.Header("content-type"))
	assert.Empty(t, res.Header("Location"))
}
