package signer

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// canary is a value no error message, and no step but the secret ones,
// may contain.
const canary = "CANARY-s3cr3t-value"

// Canary is canary for the external test package (package signer_test),
// which sees the exported names of this package's test files.
const Canary = canary

// XExampleForTest is signertest.XExample as a Request and TestKeyPEMForTest
// the RSA private key of its oauth.net RSA-SHA1 vector: this package's
// internal tests cannot import signertest (it imports signer), so the
// external test package's init (signertest_test.go) sets them.
var (
	XExampleForTest   Request
	TestKeyPEMForTest string
)

// xExample is the request of the X "Creating a signature" page,
// https://docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature,
// with another URL: each edition of the page changes only the URL.
func xExample(url string) Request {
	r := XExampleForTest
	r.URL = url
	return r
}

// testKeyPEM is the public test key of the oauth.net RSA-SHA1 vector
// (wiki.oauth.net/TestCases). Never use it for anything real.
func testKeyPEM(t *testing.T) string {
	t.Helper()
	if TestKeyPEMForTest == "" {
		t.Fatal("signertest_test.go's init did not run")
	}
	return TestKeyPEMForTest
}

// TestSignFieldErrors checks that each bad field gives a FieldError that
// names it, and that no message ever contains what was typed.
func TestSignFieldErrors(t *testing.T) {
	ok := xExample("https://api.x.com/1.1/statuses/update.json")
	tests := []struct {
		name, field string
		edit        func(*Request)
		sentinel    error
	}{
		{"empty method", "method", func(r *Request) { r.Method = "" }, ErrRequired},
		{"method with space", "method", func(r *Request) { r.Method = "PO ST" + canary }, ErrMalformed},
		{"empty url", "url", func(r *Request) { r.URL = "" }, ErrRequired},
		{"no scheme", "url", func(r *Request) { r.URL = "api.x.com/" + canary }, ErrMalformed},
		{"ftp scheme", "url", func(r *Request) { r.URL = "ftp://h/" + canary }, ErrMalformed},
		{"no host", "url", func(r *Request) { r.URL = "https:///" + canary }, ErrMalformed},
		{"bad escape in path", "url", func(r *Request) { r.URL = "https://h/%zz" + canary }, ErrMalformed},
		{"bad escape in query", "url", func(r *Request) { r.URL = "https://h/?a=%" + canary + "%" }, ErrMalformed},
		{"leading space", "url", func(r *Request) { r.URL = " https://h/" + canary }, ErrMalformed},
		{"oauth param in query", "url", func(r *Request) { r.URL = "https://h/?oauth_nonce=" + canary }, ErrMalformed},
		{"bad escape in form body", "body", func(r *Request) { r.Body = "a=%zz" + canary }, ErrMalformed},
		{"oauth param in body", "body", func(r *Request) { r.Body = "oauth_token=" + canary }, ErrMalformed},
		{"oauth param in extra", "params", func(r *Request) { r.Params = []Param{{Name: "oauth_consumer_key", Value: canary}} }, ErrMalformed},
		{"empty consumer key", "consumerKey", func(r *Request) { r.ConsumerKey = "" }, ErrRequired},
		{"unknown method", "signatureMethod", func(r *Request) { r.SignatureMethod = SignatureMethod("MD5-" + canary) }, ErrUnsupportedSignatureMethod},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			r.ConsumerSecret, r.TokenSecret = canary, canary
			tc.edit(&r)
			_, err := Sign(r)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.ErrorIs(t, err, tc.sentinel)
			assert.NotContains(t, err.Error(), canary)
			assert.NotContains(t, err.Error(), "CANARY")
		})
	}
}

func TestSignBodyOnlyWhenFormEncoded(t *testing.T) {
	tests := []struct {
		contentType string
		signed      bool
	}{
		{"application/x-www-form-urlencoded", true},
		{"Application/X-WWW-Form-Urlencoded; charset=UTF-8", true},
		{"application/json", false},
		{"", false},
		{"text/plain", false},
	}
	for _, tc := range tests {
		r := xExample("https://api.x.com/1.1/statuses/update.json")
		r.ContentType = tc.contentType
		got, err := Sign(r)
		require.NoError(t, err)
		assert.Equal(t, tc.signed, strings.Contains(got.SignatureBaseString, "status%3D"), "content type %q", tc.contentType)
	}
}

func TestSignOmitsEmptyTokenAndVersion(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json")
	r.Token, r.TokenSecret, r.Version = "", "", ""
	got, err := Sign(r)
	require.NoError(t, err)
	assert.NotContains(t, got.SignatureBaseString, "oauth_token")
	assert.NotContains(t, got.SignatureBaseString, "oauth_version")
	assert.NotContains(t, got.AuthorizationHeader, "oauth_token")
	assert.True(t, strings.HasSuffix(got.SigningKey, "&"), "the & stays when the token secret is empty")
}

func TestSignGeneratesNonceAndTimestamp(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Unix(1700000000, 0) }
	r := xExample("https://api.x.com/1.1/statuses/update.json")
	r.Nonce, r.Timestamp = "", ""
	a, err := Sign(r)
	require.NoError(t, err)
	b, err := Sign(r)
	require.NoError(t, err)
	assert.Equal(t, "1700000000", a.Timestamp)
	assert.Len(t, a.Nonce, nonceSize)
	assert.NotEqual(t, a.Nonce, b.Nonce, "two generated nonces")
	assert.Contains(t, a.SignatureBaseString, "oauth_nonce%3D"+a.Nonce)
	assert.Empty(t, strings.Trim(a.Nonce, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
}

func TestSignOauthSignatureNeverSigned(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?oauth_signature=abc&include_entities=true")
	got, err := Sign(r)
	require.NoError(t, err)
	assert.Equal(t, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", got.Signature)
}

func TestSignDigestLengths(t *testing.T) {
	for m, size := range map[SignatureMethod]int{HMACSHA1: 20, HMACSHA256: 32, HMACSHA512: 64} {
		r := xExample("https://api.x.com/")
		r.SignatureMethod = m
		got, err := Sign(r)
		require.NoError(t, err)
		raw, err := base64.StdEncoding.DecodeString(got.Signature)
		require.NoError(t, err)
		assert.Len(t, raw, size, string(m))
		assert.Contains(t, got.SignatureBaseString, "oauth_signature_method%3D"+string(m))
	}
}

func TestSignMethodUpperCased(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	r.Method = "post"
	got, err := Sign(r)
	require.NoError(t, err)
	assert.Equal(t, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", got.Signature)
}

// TestNoteIDs signs requests that between them make every note, and checks
// that each note's ID is one NoteIDs lists and each listed ID occurs.
func TestNoteIDs(t *testing.T) {
	listed := map[string]bool{}
	for _, id := range NoteIDs() {
		require.False(t, listed[id], "NoteIDs lists %s twice", id)
		listed[id] = true
	}
	edits := []func(*Request){
		func(r *Request) {},
		func(r *Request) { r.URL = "HTTPS://user:pw@API.Example.com:443/a%2fb?q=1#frag" },
		func(r *Request) { r.URL, r.Method = "http://h:/", "post" },
		func(r *Request) { r.URL = "https://h" },
		func(r *Request) { r.Body, r.ContentType = `{"a":1}`, "application/json" },
		func(r *Request) { r.Body, r.ContentType, r.BodyHash = `{"a":1}`, "application/json", true },
		func(r *Request) { r.SignatureMethod = PLAINTEXT },
		func(r *Request) { r.SignatureMethod, r.PrivateKey = RSASHA256, testKeyPEM(t) },
		func(r *Request) { r.Realm = "Photos" },
		func(r *Request) { r.Realm, r.Transport = "Photos", TransportQuery },
		func(r *Request) { r.Realm, r.Transport, r.Body = "Photos", TransportBody, "" },
	}
	seen := map[string]bool{}
	for i, edit := range edits {
		r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
		edit(&r)
		res, err := Sign(r)
		require.NoError(t, err, "request %d", i)
		for _, s := range res.Steps {
			for _, n := range s.Notes {
				assert.True(t, listed[n.ID], "request %d, step %s: note %q is not in NoteIDs", i, s.ID, n.ID)
				seen[n.ID] = true
			}
		}
	}
	for id := range listed {
		assert.True(t, seen[id], "no request made note %s", id)
	}
}

// UnregisterKeyMethodsForTest removes the registered key-pair methods
// until t ends, so that a test sees the signer as a program without
// signer/rsamethods does. Tests that use it must not run in parallel.
func UnregisterKeyMethodsForTest(t testing.TB) {
	keyMethodsMu.Lock()
	saved := keyMethods
	keyMethods = map[SignatureMethod]KeyMethod{}
	keyMethodsMu.Unlock()
	t.Cleanup(func() {
		keyMethodsMu.Lock()
		keyMethods = saved
		keyMethodsMu.Unlock()
	})
}

func TestSignNewFieldErrors(t *testing.T) {
	tests := []struct {
		name, field string
		edit        func(*Request)
	}{
		{"body hash on a form body", "bodyHash", func(r *Request) { r.BodyHash = true }},
		{"body hash with PLAINTEXT", "bodyHash", func(r *Request) {
			r.BodyHash, r.SignatureMethod, r.ContentType = true, PLAINTEXT, "application/json"
		}},
		{"unknown transport", "transport", func(r *Request) { r.Transport = Transport(canary) }},
		{"body transport with a JSON body", "transport", func(r *Request) {
			r.Transport, r.ContentType, r.Body = TransportBody, "application/json", `{"a":"`+canary+`"}`
		}},
		{"callback also in the query", "url", func(r *Request) { r.Callback, r.URL = "oob", "https://h/?oauth_callback="+canary }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := xExample("https://api.x.com/1.1/statuses/update.json")
			tc.edit(&r)
			_, err := Sign(r)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.NotContains(t, err.Error(), canary)
		})
	}
}

func TestBodyNotSignedNote(t *testing.T) {
	r := xExample("https://api.x.com/2/tweets")
	r.Body, r.ContentType = `{"text":"hello"}`, "application/json"
	res, err := Sign(r)
	require.NoError(t, err)
	require.NotEmpty(t, res.Steps[0].Notes)
	assert.Equal(t, "body-not-signed", res.Steps[0].Notes[0].ID)
	r.BodyHash = true
	res, err = Sign(r)
	require.NoError(t, err)
	assert.Equal(t, "body-hashed", res.Steps[0].Notes[0].ID)
	assert.True(t, strings.HasPrefix(res.Steps[0].Notes[0].Text, "oauth_body_hash is the base64 SHA-1"))
}
