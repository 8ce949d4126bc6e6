package provider_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/provider"
)

// FuzzServe sends arbitrary requests to every endpoint: Serve must answer
// each with a Response of a known status or a *signer.FieldError that
// does not quote the request, never panic, and never put the consumer
// secret in an answer.
func FuzzServe(f *testing.F) {
	for _, seed := range []struct{ method, url, auth, body, ct string }{
		{"POST", requestTokenURL, `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="n", oauth_signature="c2ln", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_callback="oob"`, "", ""},
		{"POST", accessTokenURL, `OAuth oauth_token="t", oauth_verifier="1234567"`, "", ""},
		{"GET", api + "/oauth/authorize?oauth_token=%zz", "", "", ""},
		{"POST", api + "/oauth2/token", "Basic eHZ6MWV2RlM0d0VFUFRHRUZQSEJvZzprQWNTT3FGMjFGdTg1ZTd6ano3Wlo=", "grant_type=client_credentials", "application/x-www-form-urlencoded"},
		{"GET", api + "/2/tweets/20", "Bearer AAAA", "", ""},
		{"GET", credentialsURL + "?a=%", `OAuth realm="x", oauth_consumer_key=""`, "a=%&b", "application/x-www-form-urlencoded"},
		{"get", "HTTPS://API.X.COM:443/oauth/request_token#f", "oauth  ", "\x00", "\xff"},
	} {
		f.Add(seed.method, seed.url, seed.auth, seed.body, seed.ct)
	}
	known := map[int]bool{200: true, 302: true, 400: true, 401: true, 403: true, 404: true, 405: true, 429: true, 503: true}
	f.Fuzz(func(t *testing.T, method, rawURL, auth, body, ct string) {
		p, err := provider.New(provider.Config{Now: func() time.Time { return t0 }, Rand: rand.NewChaCha8([32]byte{})})
		require.NoError(t, err)
		r := provider.Request{Method: method, URL: rawURL, Authorization: auth, Body: body, ContentType: ct}
		res, err := p.Serve(r)
		if err != nil {
			var fe *signer.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			in := []*string{&r.Method, &r.URL, &r.Authorization, &r.Body, &r.ContentType}
			for _, v := range in {
				if len(*v) < 12 || !strings.Contains(err.Error(), *v) {
					continue
				}
				// The error holds the input: a quote, or a fixed sentence
				// that happens to contain it (a URL "equest_token", and the
				// reason's example https://api.x.com/oauth/request_token).
				// The same request with that input's letters and digits
				// rotated tells them apart: a quote holds the rotated text.
				kept := *v
				*v = rotate(kept)
				p2, errNew := provider.New(provider.Config{Now: func() time.Time { return t0 }, Rand: rand.NewChaCha8([32]byte{})})
				require.NoError(t, errNew)
				_, err2 := p2.Serve(r)
				if err2 != nil && *v != kept {
					assert.NotContains(t, err2.Error(), *v, "the error quotes the request")
				}
				*v = kept
			}
			return
		}
		require.NotNil(t, res)
		assert.True(t, known[res.Status], "status %d", res.Status)
		assert.NotContains(t, res.Text(), provider.DemoConsumerSecret)
	})
}

// rotate turns every ASCII letter 13 places and every digit 5 places,
// keeping the rest: a different text of the same length and shape.
func rotate(s string) string {
	return strings.Map(func(c rune) rune {
		switch {
		case c >= 'a' && c <= 'z':
			return 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			return 'A' + (c-'A'+13)%26
		case c >= '0' && c <= '9':
			return '0' + (c-'0'+5)%10
		}
		return c
	}, s)
}
