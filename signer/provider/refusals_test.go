package provider_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/provider"
)

const (
	requestTokenURL = api + "/oauth/request_token"
	accessTokenURL  = api + "/oauth/access_token"
	credentialsURL  = api + "/1.1/account/verify_credentials.json"
)

// TestRefusals makes every request fail the way people really fail and
// checks the Problem Reporting answer: status, oauth_problem, the
// problem's own parameters, and that no secret is in it.
func TestRefusals(t *testing.T) {
	other := provider.Consumer{Key: "other-app", Secret: "other-secret"}
	tests := []struct {
		name    string
		do      func(f *fixture) provider.Request
		status  int
		problem string
		extra   map[string]string // parameters the answer must carry
	}{
		{"no Authorization header", func(f *fixture) provider.Request {
			return provider.Request{Method: "POST", URL: requestTokenURL}
		}, 400, provider.ProblemParameterAbsent, map[string]string{
			"oauth_parameters_absent": "oauth_consumer_key&oauth_signature_method&oauth_signature&oauth_timestamp&oauth_nonce&oauth_callback"}},
		{"a Basic header on an OAuth endpoint", func(f *fixture) provider.Request {
			return provider.Request{Method: "POST", URL: requestTokenURL, Authorization: basic(demoKey, demoSecret)}
		}, 400, provider.ProblemParameterAbsent, nil},
		{"request_token without oauth_callback", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL})
		}, 400, provider.ProblemParameterAbsent, map[string]string{"oauth_parameters_absent": "oauth_callback"}},
		{"access_token without oauth_verifier", func(f *fixture) provider.Request {
			rt := f.requestToken("oob")
			f.authorize(rt.token)
			return f.sign(signer.Request{Method: "POST", URL: accessTokenURL, Token: rt.token, TokenSecret: rt.secret})
		}, 400, provider.ProblemParameterAbsent, map[string]string{"oauth_parameters_absent": "oauth_verifier"}},
		{"access_token without the token", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: accessTokenURL, Verifier: "1234567"})
		}, 400, provider.ProblemParameterAbsent, map[string]string{"oauth_parameters_absent": "oauth_token"}},
		{"a header that does not parse", func(f *fixture) provider.Request {
			return provider.Request{Method: "POST", URL: requestTokenURL, Authorization: `OAuth oauth_consumer_key="unterminated`}
		}, 400, provider.ProblemParameterRejected, nil},
		{"a protocol parameter twice", func(f *fixture) provider.Request {
			r := f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob"})
			r.Authorization += `, oauth_nonce="again"`
			return r
		}, 400, provider.ProblemParameterRejected, map[string]string{"oauth_parameters_rejected": "oauth_nonce"}},
		{"a protocol parameter in the query as well", func(f *fixture) provider.Request {
			r := f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob"})
			r.URL += "?oauth_callback=oob"
			return r
		}, 400, provider.ProblemParameterRejected, nil},
		{"a callback that is not a URL", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "javascript:alert(1)"})
		}, 400, provider.ProblemParameterRejected, map[string]string{"oauth_parameters_rejected": "oauth_callback"}},
		{"oauth_version 2.0", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", Version: "2.0"})
		}, 400, provider.ProblemVersionRejected, map[string]string{"oauth_acceptable_versions": "1.0-1.0"}},
		{"an unknown consumer key", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", ConsumerKey: "unknown", ConsumerSecret: "s"})
		}, 401, provider.ProblemConsumerKeyUnknown, nil},
		{"RSA-SHA1 from a consumer with a secret", func(f *fixture) provider.Request {
			r := f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob"})
			r.Authorization = strings.Replace(r.Authorization, "HMAC-SHA1", "RSA-SHA1", 1)
			return r
		}, 400, provider.ProblemSignatureMethodRejected, map[string]string{
			"oauth_acceptable_signature_methods": "HMAC-SHA1&HMAC-SHA256&HMAC-SHA512&PLAINTEXT"}},
		{"the clock 10 minutes behind", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", Timestamp: strconv.FormatInt(t0.Add(-10*time.Minute).Unix(), 10)})
		}, 401, provider.ProblemTimestampRefused, map[string]string{"oauth_acceptable_timestamps": "1318622658-1318623258"}},
		{"the clock 10 minutes ahead", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", Timestamp: strconv.FormatInt(t0.Add(10*time.Minute).Unix(), 10)})
		}, 401, provider.ProblemTimestampRefused, nil},
		{"a timestamp in milliseconds", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", Timestamp: strconv.FormatInt(t0.UnixMilli(), 10)})
		}, 401, provider.ProblemTimestampRefused, nil},
		{"the wrong consumer secret", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", ConsumerKey: demoKey, ConsumerSecret: "wrong"})
		}, 401, provider.ProblemSignatureInvalid, nil},
		{"the wrong token secret", func(f *fixture) provider.Request {
			at := f.flow("oob")
			return f.sign(signer.Request{Method: "GET", URL: credentialsURL, Token: at.token, TokenSecret: "wrong"})
		}, 401, provider.ProblemSignatureInvalid, nil},
		{"signed with the request token secret after the exchange", func(f *fixture) provider.Request {
			rt := f.requestToken("oob")
			at := f.accessToken(rt, f.authorize(rt.token))
			return f.sign(signer.Request{Method: "GET", URL: credentialsURL, Token: at.token, TokenSecret: rt.secret})
		}, 401, provider.ProblemSignatureInvalid, nil},
		{"a reused nonce", func(f *fixture) provider.Request {
			r := f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", Nonce: "same"})
			require.Equal(t, 200, f.serve(r).Status)
			return r
		}, 401, provider.ProblemNonceUsed, nil},
		{"a reused nonce with a new timestamp", func(f *fixture) provider.Request {
			require.Equal(t, 200, f.serve(f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", Nonce: "same"})).Status)
			f.now = f.now.Add(time.Minute)
			return f.sign(signer.Request{Method: "POST", URL: requestTokenURL, Callback: "oob", Nonce: "same"})
		}, 401, provider.ProblemNonceUsed, nil},
		{"a request token this provider did not issue", func(f *fixture) provider.Request {
			return f.sign(signer.Request{Method: "POST", URL: accessTokenURL, Token: "made-up", TokenSecret: "x", Verifier: "1234567"})
		}, 401, provider.ProblemTokenRejected, nil},
		{"the access token at access_token", func(f *fixture) provider.Request {
			at := f.flow("oob")
			return f.sign(signer.Request{Method: "POST", URL: accessTokenURL, Token: at.token, TokenSecret: at.secret, Verifier: "1234567"})
		}, 401, provider.ProblemTokenRejected, nil},
		{"the request token on a resource", func(f *fixture) provider.Request {
			rt := f.requestToken("oob")
			return f.sign(signer.Request{Method: "GET", URL: credentialsURL, Token: rt.token, TokenSecret: rt.secret})
		}, 401, provider.ProblemTokenRejected, nil},
		{"another consumer's access token", func(f *fixture) provider.Request {
			at := f.flow("oob")
			return f.sign(signer.Request{Method: "GET", URL: credentialsURL, ConsumerKey: other.Key, ConsumerSecret: other.Secret, Token: at.token, TokenSecret: at.secret})
		}, 401, provider.ProblemTokenRejected, nil},
		{"a request token exchanged twice", func(f *fixture) provider.Request {
			rt := f.requestToken("oob")
			pin := f.authorize(rt.token)
			f.accessToken(rt, pin)
			return f.sign(signer.Request{Method: "POST", URL: accessTokenURL, Token: rt.token, TokenSecret: rt.secret, Verifier: pin})
		}, 401, provider.ProblemTokenUsed, nil},
		{"a request token past its lifetime", func(f *fixture) provider.Request {
			rt := f.requestToken("oob")
			pin := f.authorize(rt.token)
			f.now = f.now.Add(provider.DefaultRequestTokenLifetime + time.Second)
			return f.sign(signer.Request{Method: "POST", URL: accessTokenURL, Token: rt.token, TokenSecret: rt.secret, Verifier: pin})
		}, 401, provider.ProblemTokenExpired, nil},
		{"the verifier from another attempt", func(f *fixture) provider.Request {
			first := f.requestToken("oob")
			pin := f.authorize(first.token)
			second := f.requestToken("oob")
			f.authorize(second.token)
			return f.sign(signer.Request{Method: "POST", URL: accessTokenURL, Token: second.token, TokenSecret: second.secret, Verifier: pin})
		}, 401, provider.ProblemVerifierInvalid, nil},
		{"a verifier before the user authorized", func(f *fixture) provider.Request {
			rt := f.requestToken("oob")
			return f.sign(signer.Request{Method: "POST", URL: accessTokenURL, Token: rt.token, TokenSecret: rt.secret, Verifier: "1234567"})
		}, 401, provider.ProblemVerifierInvalid, nil},
		{"authorize without oauth_token", func(f *fixture) provider.Request {
			return provider.Request{Method: "GET", URL: api + "/oauth/authorize"}
		}, 400, provider.ProblemParameterAbsent, map[string]string{"oauth_parameters_absent": "oauth_token"}},
		{"authorize with a token this provider did not issue", func(f *fixture) provider.Request {
			return provider.Request{Method: "GET", URL: api + "/oauth/authorize?oauth_token=made-up"}
		}, 401, provider.ProblemTokenRejected, nil},
		{"authorize after the exchange", func(f *fixture) provider.Request {
			rt := f.requestToken("oob")
			f.accessToken(rt, f.authorize(rt.token))
			return provider.Request{Method: "GET", URL: api + "/oauth/authorize?oauth_token=" + rt.token}
		}, 401, provider.ProblemTokenUsed, nil},
		{"authorize past the lifetime", func(f *fixture) provider.Request {
			rt := f.requestToken("oob")
			f.now = f.now.Add(provider.DefaultRequestTokenLifetime + time.Second)
			return provider.Request{Method: "GET", URL: api + "/oauth/authorize?oauth_token=" + rt.token}
		}, 401, provider.ProblemTokenExpired, nil},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, provider.Consumer{Key: demoKey, Secret: demoSecret}, other)
			req := tt.do(f)
			res := f.serve(req)
			require.Equal(t, tt.status, res.Status, res.Body)
			assert.Equal(t, "application/x-www-form-urlencoded", res.Header("Content-Type"))
			v := form(t, res.Body)
			assert.Equal(t, tt.problem, v.Get("oauth_problem"))
			assert.NotEmpty(t, v.Get("oauth_problem_advice"))
			for name, want := range tt.extra {
				assert.Equal(t, want, v.Get(name), name)
			}
			if tt.status == 401 {
				assert.Equal(t, `OAuth realm="https://api.x.com/"`, res.Header("WWW-Authenticate"))
			}
			for _, secret := range []string{demoSecret, other.Secret, signer.PercentEncode(demoSecret)} {
				assert.NotContains(t, res.Text(), secret)
			}
			seen[v.Get("oauth_problem")] = true
		})
	}
	for _, p := range provider.Problems() {
		assert.True(t, seen[p], "no case answers %s", p)
	}
}

// TestSignatureInvalidQuotesTheBaseString checks that debug_sbs is the
// base string the provider signed, which is the client's own when only a
// secret was wrong, and that signer.Check reads the refusal back: the
// base string judged on its own, in normal form.
func TestSignatureInvalidQuotesTheBaseString(t *testing.T) {
	f := newFixture(t)
	sent := signer.Request{Method: "POST", URL: requestTokenURL, Callback: "https://app.example/cb", ConsumerKey: demoKey, ConsumerSecret: "wrong", Nonce: "n1", Timestamp: strconv.FormatInt(t0.Unix(), 10)}
	res := f.serve(f.sign(sent))
	require.Equal(t, 401, res.Status)
	client, err := signer.Sign(sent)
	require.NoError(t, err)
	assert.Equal(t, client.SignatureBaseString, form(t, res.Body).Get("debug_sbs"))

	for _, text := range []string{res.Body, res.Text()} {
		c, err := signer.Check(signer.CheckInput{Text: text, Now: t0})
		require.NoError(t, err)
		assert.Equal(t, signer.ComparedAlone, c.Compared)
		assert.Equal(t, "baseString", c.Kind)
		assert.Equal(t, "valid", c.Verdict, c.Reason)
		assert.Equal(t, client.SignatureBaseString, c.ReceivedBaseString)

		j, err := signer.JudgeBaseString(text)
		require.NoError(t, err)
		assert.True(t, j.Correct)
	}
}
