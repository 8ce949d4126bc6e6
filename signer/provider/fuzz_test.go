package provider_test

import (
	"errors"
	"math/rand/v2"
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
			for _, v := range []string{method, rawURL, auth, body, ct} {
				if len(v) >= 12 {
					assert.NotContains(t, err.Error(), v)
				}
			}
			return
		}
		require.NotNil(t, res)
		assert.True(t, known[res.Status], "status %d", res.Status)
		assert.NotContains(t, res.Text(), provider.DemoConsumerSecret)
	})
}
