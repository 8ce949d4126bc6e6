package signer_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// Captures and computed requests for "verify what was sent". Each
// signature was recomputed with Python's hmac and hashlib from scratch,
// never with this signer.
const (
	// dghubble/oauth1 v0.7.3, config.Client(ctx, oauth1.NewToken("", "")),
	// as a loopback server received it: an empty oauth_token in the
	// header, which the library signs as "oauth_token=".
	dghubbleEmptyTokenGET = "GET /1/statuses/home_timeline.json?count=2 HTTP/1.1\r\n" +
		"Host: 127.0.0.1:46707\r\n" +
		"Accept-Encoding: gzip\r\n" +
		`Authorization: OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="jDQ7GjlnhzpDtYlDKPudH8m54T7d1w6%2FMXfkJmygGZQ%3D", oauth_signature="UspXREDhcQLHIjcuIA5Btmo7vUU%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1796126540", oauth_token="", oauth_version="1.0"` + "\r\n" +
		"User-Agent: Go-http-client/1.1\r\n\r\n"
	// The same client posting a form.
	dghubbleEmptyTokenPOST = "POST /oauth/request_token HTTP/1.1\r\n" +
		"Host: 127.0.0.1:46707\r\n" +
		"Accept-Encoding: gzip\r\n" +
		`Authorization: OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="jbkBq%2FExP1cf15mGxEaPPTsyBsBi0IQSZQMfgIb1m0s%3D", oauth_signature="%2BHk2fam1OFRgGFzFuGKryVTxT%2F0%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1796126540", oauth_token="", oauth_version="1.0"` + "\r\n" +
		"Content-Length: 15\r\n" +
		"Content-Type: application/x-www-form-urlencoded\r\n" +
		"User-Agent: Go-http-client/1.1\r\n\r\n" +
		"a=1&b=two+words"
	dghubbleConsumerSecret = "kd94hf93k423kf44"

	// A request-token POST the way the Ruby oauth gem's
	// get_request_token sends it through Net::HTTP: an empty body that
	// Net::HTTP types as a form, and an oauth_body_hash (the SHA-1 of no
	// bytes), which draft-eaton-oauth-bodyhash section 4.1.1 says not to
	// send with a form.
	rubyBodyHashOnEmptyForm = "POST /initiate HTTP/1.1\r\n" +
		"Host: photos.example.net\r\n" +
		"Content-Type: application/x-www-form-urlencoded\r\n" +
		`Authorization: OAuth oauth_body_hash="2jmj7l5rSw0yVb%2FvlWAYkK%2FYBwk%3D", oauth_callback="oob", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="wIjqoS0Rb2F4", oauth_signature="8VeY6zH3a9dvjBtIP%2Fs%2F%2BVeZec0%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", oauth_version="1.0"` + "\r\n" +
		"Content-Length: 0\r\n\r\n"

	// PLAINTEXT with neither nonce nor timestamp, which RFC 5849 section
	// 3.1 allows: the signature is the encoded secrets (section 3.4.4).
	plaintextNoNonce = `OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="PLAINTEXT", oauth_signature="kd94hf93k423kf44%26"`
)

// TestVerifyWhatWasSent verifies captured and computed requests as they
// were sent (RFC 5849 sections 3.1, 3.2 and 3.4.1.3.1): through Import,
// then VerifyAuthorization with the header and Verify with the imported
// request and its signature, which must agree.
func TestVerifyWhatWasSent(t *testing.T) {
	tests := []struct {
		name, text     string
		url            string // replaces the imported URL (the real scheme of a capture); empty keeps it
		consumerSecret string
		valid          bool
		inBaseString   string   // a part the recomputed base string must hold
		warnings       []string // the Verification's warning IDs, in order
	}{
		{"dghubble/oauth1 empty oauth_token, GET", dghubbleEmptyTokenGET, "http://127.0.0.1:46707/1/statuses/home_timeline.json?count=2",
			dghubbleConsumerSecret, true, "oauth_token%3D%26", []string{"signature-cannot-show"}},
		{"dghubble/oauth1 empty oauth_token, form POST", dghubbleEmptyTokenPOST, "http://127.0.0.1:46707/oauth/request_token",
			dghubbleConsumerSecret, true, "oauth_token%3D%26", []string{"signature-cannot-show"}},
		{"Ruby oauth gem, body hash on an empty form POST", rubyBodyHashOnEmptyForm, "",
			dghubbleConsumerSecret, true, "oauth_body_hash%3D2jmj7l5rSw0yVb%252FvlWAYkK%252FYBwk%253D", []string{"body-hash-on-form", "signature-cannot-show"}},
		{"PLAINTEXT without nonce and timestamp", "POST /initiate HTTP/1.1\nHost: photos.example.net\nAuthorization: " + plaintextNoNonce + "\n\n", "",
			dghubbleConsumerSecret, true, "", []string{"plaintext-no-nonce", "signature-cannot-show"}},
		{"PLAINTEXT without nonce and timestamp, wrong secret", "POST /initiate HTTP/1.1\nHost: photos.example.net\nAuthorization: " + plaintextNoNonce + "\n\n", "",
			"another", false, "", []string{"plaintext-no-nonce"}},
		{"dghubble/oauth1 GET with the wrong secret", dghubbleEmptyTokenGET, "http://127.0.0.1:46707/1/statuses/home_timeline.json?count=2",
			"another", false, "oauth_token%3D%26", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			im, err := signer.Import(tc.text)
			require.NoError(t, err)
			r := im.Request
			r.ConsumerSecret = tc.consumerSecret
			if tc.url != "" {
				r.URL = tc.url
			}
			byHeader, err := signer.VerifyAuthorization(r, im.Authorization, "")
			require.NoError(t, err)
			bySignature, err := signer.Verify(r, im.Signature, "")
			require.NoError(t, err)
			for _, v := range []*signer.Verification{byHeader, bySignature} {
				assert.Equal(t, tc.valid, v.Valid, v.Reason)
				assert.Contains(t, v.Result.SignatureBaseString, tc.inBaseString)
				assert.Equal(t, tc.warnings, warningIDs(v.Warnings))
			}
		})
	}
}

// TestVerifySignsEmptyParametersAsSent checks the rule on its own: an
// empty parameter a header carried is signed, so the header with and
// without it verify differently, and Sign, given the empty field, still
// leaves it out.
func TestVerifySignsEmptyParametersAsSent(t *testing.T) {
	im, err := signer.Import(dghubbleEmptyTokenGET)
	require.NoError(t, err)
	r := im.Request
	r.URL, r.ConsumerSecret = "http://127.0.0.1:46707/1/statuses/home_timeline.json?count=2", dghubbleConsumerSecret
	withoutToken := `OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="jDQ7GjlnhzpDtYlDKPudH8m54T7d1w6%2FMXfkJmygGZQ%3D", oauth_signature="UspXREDhcQLHIjcuIA5Btmo7vUU%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1796126540", oauth_version="1.0"`
	v, err := signer.VerifyAuthorization(r, withoutToken, "")
	require.NoError(t, err)
	assert.False(t, v.Valid, "the signature covers oauth_token=, so a header without it does not verify")
	assert.NotContains(t, v.Result.SignatureBaseString, "oauth_token")

	for _, name := range []string{"oauth_callback", "oauth_verifier", "oauth_version", "oauth_nonce"} {
		t.Run(name, func(t *testing.T) {
			h := `OAuth oauth_consumer_key="k", oauth_nonce="n", oauth_timestamp="1", oauth_signature_method="HMAC-SHA1", oauth_signature="c2ln", ` + name + `=""`
			if name == "oauth_nonce" {
				h = `OAuth oauth_consumer_key="k", oauth_timestamp="1", oauth_signature_method="HMAC-SHA1", oauth_signature="c2ln", oauth_nonce=""`
			}
			v, err := signer.VerifyAuthorization(signer.Request{Method: "GET", URL: "https://h/"}, h, "")
			require.NoError(t, err)
			bs := v.Result.SignatureBaseString
			pair := signer.PercentEncode(name + "=")
			assert.True(t, strings.Contains(bs, signer.PercentEncode(name+"=&")) || strings.HasSuffix(bs, pair), "%s not signed as %s=: %s", name, name, bs)
		})
	}

	// The caller's own protocol fields and parameters give way to the
	// header's: the import's copy of the empty token, whether it kept its
	// Source or lost it on the way through JavaScript (oauth1.verify).
	for _, source := range []signer.Source{signer.SourceProtocol, signer.SourceExtra, ""} {
		stale := r
		stale.Token, stale.Version = "stale", "2.0"
		stale.Params = []signer.Param{{Name: "oauth_token", Value: "", Source: source}}
		v, err = signer.VerifyAuthorization(stale, im.Authorization, "")
		require.NoError(t, err)
		assert.True(t, v.Valid, "source %q: %s", source, v.Reason)
	}

	signed, err := signer.Sign(signer.Request{Method: "GET", URL: "https://h/", ConsumerKey: "k", Nonce: "n", Timestamp: "1"})
	require.NoError(t, err)
	assert.NotContains(t, signed.SignatureBaseString, "oauth_token", "Sign leaves out a token it was not given")
}

// TestVerifyNonceAndTimestampRequired checks that only PLAINTEXT verifies
// without the nonce or the timestamp (RFC 5849 section 3.1).
func TestVerifyNonceAndTimestampRequired(t *testing.T) {
	tests := []struct {
		name      string
		method    signer.SignatureMethod
		nonce, ts string
		field     string // the FieldError's field; empty for none
	}{
		{"HMAC without nonce", signer.HMACSHA1, "", "1", "nonce"},
		{"HMAC without timestamp", signer.HMACSHA256, "n", "", "timestamp"},
		{"HMAC without either", signer.HMACSHA1, "", "", "nonce"},
		{"HMAC with both", signer.HMACSHA1, "n", "1", ""},
		{"PLAINTEXT without either", signer.PLAINTEXT, "", "", ""},
		{"PLAINTEXT without nonce", signer.PLAINTEXT, "", "1", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := signer.Request{Method: "GET", URL: "https://h/", ConsumerKey: "k", ConsumerSecret: "s",
				SignatureMethod: tc.method, Nonce: tc.nonce, Timestamp: tc.ts}
			v, err := signer.Verify(r, "s&", "")
			if tc.field == "" {
				require.NoError(t, err)
				assert.Equal(t, tc.method == signer.PLAINTEXT, v.Valid, v.Reason)
				assert.Equal(t, tc.method == signer.PLAINTEXT && (tc.nonce == "" || tc.ts == ""), hasWarning(v.Warnings, "plaintext-no-nonce"))
				return
			}
			var fe *signer.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.ErrorIs(t, err, signer.ErrRequired)
		})
	}
}

// TestBodyHashOnForm checks that Verify checks a body hash sent with a
// form body, with a warning, and Sign still refuses to make one
// (draft-eaton-oauth-bodyhash section 4.1.1).
func TestBodyHashOnForm(t *testing.T) {
	im, err := signer.Import(rubyBodyHashOnEmptyForm)
	require.NoError(t, err)
	r := im.Request
	r.ConsumerSecret = dghubbleConsumerSecret
	require.True(t, r.BodyHash)

	_, err = signer.Sign(r)
	var fe *signer.FieldError
	require.ErrorAs(t, err, &fe, "Sign refuses to put a body hash on a form")
	assert.Equal(t, "bodyHash", fe.Field)

	tampered := `OAuth oauth_body_hash="Lve95gjOVATpfV8EL5X4nxwjKHE%3D", oauth_callback="oob", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="wIjqoS0Rb2F4", oauth_signature="8VeY6zH3a9dvjBtIP%2Fs%2F%2BVeZec0%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", oauth_version="1.0"`
	v, err := signer.VerifyAuthorization(r, tampered, "")
	require.NoError(t, err)
	assert.False(t, v.Valid)
	assert.Equal(t, []string{"body-hash-on-form"}, warningIDs(v.Warnings))

	withBody := r
	withBody.Body = "a=1"
	v, err = signer.VerifyAuthorization(withBody, im.Authorization, "")
	require.NoError(t, err)
	assert.False(t, v.Valid, "a body that does not hash to oauth_body_hash")
	assert.Contains(t, v.Reason, "oauth_body_hash")
}

// TestTimestampNotDigits checks that a timestamp that is not digits is
// signed as it is, by Sign and by Verify, with the warning
// timestamp-not-digits (RFC 5849 section 3.3).
func TestTimestampNotDigits(t *testing.T) {
	r := signer.Request{Method: "GET", URL: "http://photos.example.net/photos?file=vacation.jpg&size=original",
		ConsumerKey: "dpf43f3p2l4k3l03", ConsumerSecret: "kd94hf93k423kf44",
		Token: "nnch734d00sl2jdk", TokenSecret: "pfkkdhi9sl3r4s00", Nonce: "chapoH", Timestamp: "abc"}
	const want = "foJqjsCVQE07g8Mc+RB8eoLtVgM=" // Python hmac over the base string with oauth_timestamp=abc
	res, err := signer.Sign(r)
	require.NoError(t, err)
	assert.Equal(t, want, res.Signature)
	assert.Equal(t, []string{"timestamp-not-digits"}, warningIDs(res.Warnings))

	v, err := signer.Verify(r, want, "")
	require.NoError(t, err)
	assert.True(t, v.Valid, v.Reason)
	assert.Equal(t, []string{"timestamp-not-digits", "signature-cannot-show"}, warningIDs(v.Warnings))
}

// TestPortRange checks that a port outside 1 to 65535 is an error on url
// that never quotes the URL, wherever the URL is read.
func TestPortRange(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"https://h:1/", true},
		{"https://h:65535/", true},
		{"https://h:0443/", true},
		{"https://h:/", true},
		{"https://h:0/", false},
		{"https://h:65536/", false},
		{"https://h:99999999999999999999999/", false},
		{"http://[::1]:70000/", false},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			r := signer.Request{Method: "GET", URL: tc.url + "?secret=" + canary, ConsumerKey: "k", Nonce: "n", Timestamp: "1"}
			_, signErr := signer.Sign(r)
			_, _, uriErr := signer.BaseStringURI(r.URL)
			_, verifyErr := signer.Verify(r, "c2ln", "")
			for _, err := range []error{signErr, uriErr, verifyErr} {
				if tc.ok {
					assert.NoError(t, err)
					continue
				}
				var fe *signer.FieldError
				require.True(t, errors.As(err, &fe), "got %v", err)
				assert.Equal(t, "url", fe.Field)
				assert.ErrorIs(t, err, signer.ErrMalformed)
				assert.NotContains(t, err.Error(), canary)
			}
		})
	}
}

func warningIDs(ws []signer.Warning) []string {
	var ids []string
	for _, w := range ws {
		ids = append(ids, w.ID)
	}
	return ids
}

func hasWarning(ws []signer.Warning, id string) bool {
	for _, w := range ws {
		if w.ID == id {
			return true
		}
	}
	return false
}

// ExampleVerifyAuthorization_emptyToken verifies a request as
// dghubble/oauth1 sends it for an empty token: oauth_token="" is in the
// header, so it is signed as "oauth_token=" (RFC 5849 section 3.4.1.3.1).
func ExampleVerifyAuthorization_emptyToken() {
	r := signer.Request{Method: "GET", URL: "http://127.0.0.1:46707/1/statuses/home_timeline.json?count=2",
		ConsumerSecret: "kd94hf93k423kf44"}
	header := `OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="jDQ7GjlnhzpDtYlDKPudH8m54T7d1w6%2FMXfkJmygGZQ%3D", oauth_signature="UspXREDhcQLHIjcuIA5Btmo7vUU%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1796126540", oauth_token="", oauth_version="1.0"`
	v, err := signer.VerifyAuthorization(r, header, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Valid)
	fmt.Println(strings.Contains(v.Result.SignatureBaseString, "oauth_token%3D%26"))
	for _, w := range v.Warnings {
		fmt.Println(w.ID)
	}
	// Output:
	// true
	// true
	// signature-cannot-show
}
