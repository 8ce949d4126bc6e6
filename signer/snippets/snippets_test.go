package snippets_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	_ "github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
	"github.com/oauth1-playground/oauth1-playground/signer/snippets"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the generators")

// vector returns the published vector whose name starts with prefix.
func vector(t *testing.T, prefix string) signer.Request {
	t.Helper()
	for _, v := range signertest.Vectors() {
		if strings.HasPrefix(v.Name, prefix) {
			return v.SignerRequest()
		}
	}
	t.Fatalf("no vector %q", prefix)
	return signer.Request{}
}

// goldenCases are the requests whose generated code is pinned.
func goldenCases(t *testing.T) map[string]signer.Request {
	x := signertest.XExample().Signer()
	query := x
	query.Method, query.URL, query.Body, query.ContentType = "GET", "https://api.x.com/1.1/search/tweets.json?q=caf%C3%A9&count=2", "", ""
	json := x
	json.URL, json.Body, json.ContentType, json.BodyHash = "https://api.x.com/2/tweets", `{"text":"Hello \"world\" $HOME #{x}"}`, "application/json", true
	dup := x
	dup.Method, dup.URL, dup.Body, dup.ContentType = "GET", "https://api.x.com/1.1/list?a=2&a=1&b=x+y", "", ""
	queryTransport := x
	queryTransport.Transport = signer.TransportQuery
	return map[string]signer.Request{
		"x-example":       x,
		"get-query":       query,
		"json-body-hash":  json,
		"duplicates":      dup,
		"query-transport": queryTransport,
		"rfc-realm":       vector(t, "V5.c RFC"),
		"plaintext":       vector(t, "V8 "),
		"rsa-sha1":        vector(t, "V9.5 "),
	}
}

// render writes every snippet of req as one text, for a golden file.
func render(t *testing.T, req signer.Request) string {
	t.Helper()
	ss, err := snippets.Snippets(req)
	require.NoError(t, err)
	var b strings.Builder
	for _, s := range ss {
		if s.Supported {
			b.WriteString("=== " + s.ID + " (" + s.Language + ", " + s.Library + ")\n" + s.Code)
		} else {
			b.WriteString("=== " + s.ID + ": not supported: " + s.Reason + "\n")
		}
	}
	return b.String()
}

func TestSnippetsGolden(t *testing.T) {
	for name, req := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			got := render(t, req)
			file := filepath.Join("testdata", name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(file, []byte(got), 0o644))
			}
			want, err := os.ReadFile(file)
			require.NoError(t, err, "run go test ./signer/snippets -update")
			assert.Equal(t, string(want), got)
		})
	}
}

func TestSnippetsIDsAndOrder(t *testing.T) {
	ss, err := snippets.Snippets(signertest.XExample().Signer())
	require.NoError(t, err)
	var got []string
	for _, s := range ss {
		got = append(got, s.ID)
		assert.NotEmpty(t, s.Language)
		assert.NotEmpty(t, s.Library)
		assert.True(t, s.Supported, "%s on the X example: %s", s.ID, s.Reason)
	}
	assert.Equal(t, snippets.IDs(), got)
	assert.Equal(t, []string{"curl", "python-requests-oauthlib", "node-oauth-1.0a", "go-dghubble-oauth1", "go-stdlib", "php-pecl-oauth", "ruby-simple-oauth"}, got)
}

// TestSnippetsSupport is the table of what each library cannot express,
// with the word the reason must contain.
func TestSnippetsSupport(t *testing.T) {
	x := signertest.XExample().Signer()
	with := func(f func(r *signer.Request)) signer.Request {
		r := x
		f(&r)
		return r
	}
	tests := []struct {
		name    string
		req     signer.Request
		id      string
		want    bool
		because string
	}{
		{"curl PLAINTEXT", with(func(r *signer.Request) { r.SignatureMethod = signer.PLAINTEXT }), "curl", false, "PLAINTEXT"},
		{"curl HMAC", x, "curl", true, ""},
		{"python version 1.0 only", with(func(r *signer.Request) { r.Version = "" }), "python-requests-oauthlib", false, "oauth_version"},
		{"python PLAINTEXT without version: it signs no oauth_version", with(func(r *signer.Request) {
			r.SignatureMethod, r.Version = signer.PLAINTEXT, ""
		}), "python-requests-oauthlib", true, ""},
		{"dghubble an extra query parameter is no duplicate", with(func(r *signer.Request) {
			r.Params = []signer.Param{{Name: "page", Value: "2", Source: signer.SourceQuery}}
		}), "go-dghubble-oauth1", true, ""},
		{"python body hash SHA-256", with(func(r *signer.Request) {
			r.SignatureMethod, r.Body, r.ContentType, r.BodyHash = signer.HMACSHA256, "{}", "application/json", true
		}), "python-requests-oauthlib", false, "SHA-1"},
		{"python body hash SHA-1", with(func(r *signer.Request) { r.Body, r.ContentType, r.BodyHash = "{}", "application/json", true }), "python-requests-oauthlib", true, ""},
		{"python query transport", with(func(r *signer.Request) { r.Transport = signer.TransportQuery }), "python-requests-oauthlib", true, ""},
		{"python upper-case host", with(func(r *signer.Request) { r.URL = "https://API.X.COM:443/1.1/x.json" }), "python-requests-oauthlib", true, ""},
		{"python lower-case escape in path", with(func(r *signer.Request) { r.URL = "https://api.x.com/a%2fb" }), "python-requests-oauthlib", false, "normal form"},
		{"node plus in query", with(func(r *signer.Request) { r.URL = "https://api.x.com/s?q=a+b" }), "node-oauth-1.0a", false, "decodeURIComponent"},
		{"node upper-case host", with(func(r *signer.Request) { r.URL = "https://API.x.com/s" }), "node-oauth-1.0a", false, "normal form"},
		{"node duplicates", with(func(r *signer.Request) { r.URL = "https://api.x.com/s?a=1&a=2" }), "node-oauth-1.0a", true, ""},
		{"node empty duplicate first", with(func(r *signer.Request) { r.URL = "https://api.x.com/s?a=&a=2" }), "node-oauth-1.0a", false, "empty"},
		{"node callback", with(func(r *signer.Request) { r.Callback = "oob" }), "node-oauth-1.0a", false, "oauth_callback"},
		{"node query transport", with(func(r *signer.Request) { r.Transport = signer.TransportQuery }), "node-oauth-1.0a", false, "query"},
		{"node proto name", with(func(r *signer.Request) { r.URL = "https://api.x.com/s?constructor=1" }), "node-oauth-1.0a", false, "prototype"},
		{"node RSA-SHA512", with(func(r *signer.Request) {
			r.SignatureMethod, r.PrivateKey = signer.RSASHA512, vector(t, "V9.5 ").PrivateKey
		}), "node-oauth-1.0a", true, ""},
		{"dghubble duplicates", with(func(r *signer.Request) { r.URL = "https://api.x.com/s?a=1&a=2" }), "go-dghubble-oauth1", false, "map[string]string"},
		{"dghubble no token", with(func(r *signer.Request) { r.Token, r.TokenSecret = "", "" }), "go-dghubble-oauth1", false, "oauth_token"},
		{"dghubble PLAINTEXT", with(func(r *signer.Request) { r.SignatureMethod = signer.PLAINTEXT }), "go-dghubble-oauth1", false, "Signer"},
		{"dghubble port 80 on https", with(func(r *signer.Request) { r.URL = "https://api.x.com:80/s" }), "go-dghubble-oauth1", false, "normal form"},
		{"stdlib everything", with(func(r *signer.Request) {
			r.URL, r.Version, r.Transport, r.Realm = "https://api.x.com/s?a=1&a=2&b=c+d", "", signer.TransportBody, "R"
		}), "go-stdlib", true, ""},
		{"php duplicates", with(func(r *signer.Request) { r.URL = "https://api.x.com/s?a=1&a=2" }), "php-pecl-oauth", false, "PHP array"},
		{"php realm", with(func(r *signer.Request) { r.Realm = "Photos" }), "php-pecl-oauth", false, "realm"},
		{"php HMAC-SHA512", with(func(r *signer.Request) { r.SignatureMethod = signer.HMACSHA512 }), "php-pecl-oauth", false, "HMAC-SHA512"},
		{"ruby HMAC-SHA256", with(func(r *signer.Request) { r.SignatureMethod = signer.HMACSHA256 }), "ruby-simple-oauth", false, "HMAC-SHA256"},
		{"ruby realm", with(func(r *signer.Request) { r.Realm = "Photos" }), "ruby-simple-oauth", false, "realm"},
		{"ruby query without =", with(func(r *signer.Request) { r.URL = "https://api.x.com/s?flag" }), "ruby-simple-oauth", false, "CGI.parse"},
		{"ruby query duplicates", with(func(r *signer.Request) { r.URL = "https://api.x.com/s?a=1&a=2" }), "ruby-simple-oauth", true, ""},
		{"every library: extra oauth_ parameter", with(func(r *signer.Request) {
			r.Params = []signer.Param{{Name: "oauth_extra", Value: "1"}}
		}), "python-requests-oauthlib", false, "oauth_extra"},
		{"every library: token secret without token", with(func(r *signer.Request) { r.Token = "" }), "ruby-simple-oauth", false, "token secret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss, err := snippets.Snippets(tt.req)
			require.NoError(t, err)
			var got *snippets.Snippet
			for i := range ss {
				if ss[i].ID == tt.id {
					got = &ss[i]
				}
			}
			require.NotNil(t, got)
			assert.Equal(t, tt.want, got.Supported, got.Reason)
			if tt.want {
				assert.NotEmpty(t, got.Code)
				assert.Empty(t, got.Reason)
			} else {
				assert.Empty(t, got.Code)
				assert.Contains(t, got.Reason, tt.because)
			}
		})
	}
}

// TestSnippetsNoSecret: no secret, private key or PLAINTEXT signature
// appears in any snippet, for every vector and golden case with canary
// secrets, in every method.
func TestSnippetsNoSecret(t *testing.T) {
	const cs, ts = "CANARYconsumer7f3a", "CANARYtoken9b1c"
	reqs := []signer.Request{}
	for _, v := range signertest.Vectors() {
		reqs = append(reqs, v.SignerRequest())
	}
	for _, r := range goldenCases(t) {
		reqs = append(reqs, r)
	}
	key := vector(t, "V9.5 ").PrivateKey
	keyLine := strings.Split(key, "\n")[1]
	n := 0
	for _, r := range reqs {
		for _, m := range signer.SignatureMethods() {
			r.SignatureMethod, r.ConsumerSecret, r.TokenSecret, r.PrivateKey = m, cs, ts, key
			if r.Token == "" {
				r.TokenSecret = ""
			}
			ss, err := snippets.Snippets(r)
			if err != nil {
				continue // e.g. a body hash with PLAINTEXT
			}
			for _, s := range ss {
				n++
				for _, secret := range []string{cs, ts, signer.PercentEncode(cs), keyLine} {
					assert.NotContains(t, s.Code, secret, "%s for %s %s", s.ID, m, r.URL)
					assert.NotContains(t, s.Reason, secret)
				}
				if s.Supported && s.ID != "curl" {
					assert.Contains(t, s.Code, "OAUTH_", "%s reads its secrets from the environment", s.ID)
				}
			}
		}
	}
	assert.Greater(t, n, 1000)
}

func TestSnippetsSignError(t *testing.T) {
	_, err := snippets.Snippets(signer.Request{Method: "GET", URL: "not a url", ConsumerKey: "k"})
	var fe *signer.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "url", fe.Field)
}

func TestSnippetsInvalidUTF8(t *testing.T) {
	r := signertest.XExample().Signer()
	r.Body = "status=\xff"
	r.ContentType = "text/plain"
	ss, err := snippets.Snippets(r)
	require.NoError(t, err)
	for _, s := range ss {
		assert.Equal(t, s.ID == "curl", s.Supported, s.ID)
	}
}

func TestSnippetsFixedNonceAndTimestamp(t *testing.T) {
	ss, err := snippets.Snippets(signertest.XExample().Signer())
	require.NoError(t, err)
	for _, s := range ss {
		if s.ID == "curl" || s.ID == "go-dghubble-oauth1" {
			continue
		}
		assert.Contains(t, s.Code, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", s.ID)
		assert.Contains(t, s.Code, "1318622958", s.ID)
		assert.Contains(t, s.Code, "real code leaves them out", s.ID)
	}
}
