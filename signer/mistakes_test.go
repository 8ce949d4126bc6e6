package signer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDiagnoseMistakeMatrix diagnoses each row of the mistake matrix on
// the Twitter example, whose wrong signatures were computed independently
// of this code (docs/architecture.md, "Test vectors and their sources"):
// each must be traced to its mistake.
func TestDiagnoseMistakeMatrix(t *testing.T) {
	const url = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true"
	tests := []struct {
		row, mistake, signature string
		edit                    func(*Request) // the request as the user sent it
	}{
		{"M1", "plus-for-space", "Il5C7oPhfqV+nSqa3WoH4988Ll0=", nil},
		{"M2", "encode-uri-component", "F/oMlVC5UEkMCYZ0a5RyUMaQX90=", nil},
		{"M3", "lower-case-hex", "lzKEyPhir88fiRVm0hC22SpU6Ig=", nil},
		{"M4", "not-sorted", "Kkc+JWNScQqYOkX9VjiWtwtEA9A=", nil},
		{"M5", "query-dropped", "Tqz6pFAShJQqSyxctXvqKWrv3BQ=", nil},
		{"M6", "key-no-token-secret", "RKDUAygjQwZd3byTbMXDxSWdBjU=", nil},
		{"M7", "key-consumer-secret-only", "ZZTSfg9XdMzdHEeZb2Ptw+x9vBw=", nil},
		{"M8", "default-port-kept", "Os/3YvXFcSTveqt4JOepHmPzpNE=", nil},
		{"M9", "host-case", "QTFXAOoy0e6iJHmmxaftUPFuOus=", func(r *Request) { r.URL = strings.Replace(r.URL, "api.twitter.com", "API.TWITTER.COM", 1) }},
		{"M10", "query-in-base-uri", "a1rzYzl3N3p3bK+yFGFWMTE5Ytg=", nil},
		{"M11", "method-lower-case", "iwDnKBz7DmmSTkwOPkrhaPRKwWw=", nil},
		{"M12", "http-vs-https", "lFCNslMlLBxW+JxvH/ltGKIApsc=", nil},
		{"M13", "param-string-not-reencoded", "xBYVBb2dTZ43s7CQn9i05o/NSwI=", nil},
		{"M14", "values-double-encoded", "1y3eNe9GJXEsLwBkHCCUJaJRTE8=", nil},
		{"M15", "timestamp-milliseconds", "a6OfaKghezhd9t94rBz0GVU7N3E=", nil},
		{"M16", "version-1.0a", "9PT9lfyKfkWeXGxdwWbxa5IuThE=", nil},
		{"M17", "realm-signed", "X2BKHjEWtt8OZFXPt9/eyLg01gw=", func(r *Request) { r.Realm = "Twitter API" }},
		{"M18", "hex-then-base64", "ODQyYjUyOTk4ODdlODg3NjAyMTJhMDU2YWM0ZWMyZWUxNjI2YjU0OQ==", nil},
		{"V1 SHA-256 under HMAC-SHA1", "hash-sha256", "Tp6gtfOx2bNZeJ2UUOeg9hvSzdsLa5QJoUwc/LeRFRA=", nil},
	}
	for _, tc := range tests {
		t.Run(tc.row+" "+tc.mistake, func(t *testing.T) {
			r := xExample(url)
			if tc.edit != nil {
				tc.edit(&r)
			}
			got, err := DiagnoseSignature(r, tc.signature, "")
			require.NoError(t, err)
			assert.False(t, got.Correct)
			require.True(t, got.Matched, "no mistake reproduces %s", tc.signature)
			assert.Equal(t, tc.mistake, got.Mistakes[0].ID)
			assert.NotEmpty(t, got.Mistakes[0].Explanation)
			assert.NotEmpty(t, got.Mistakes[0].Fix)
		})
	}
}

// TestDiagnoseEveryMistakeElsewhere makes each applicable mistake on other
// requests (the RFC 5849 section 1.2 resource request, an HMAC-SHA256
// request with a space, a tilde, non-ASCII text and an upper-case URL) and
// checks Diagnose names it, alone and in pairs.
func TestDiagnoseEveryMistakeElsewhere(t *testing.T) {
	requests := map[string]struct {
		Request
		atLeast int
	}{
		"RFC 5849 1.2 resource": {atLeast: 17, Request: Request{Method: "GET", URL: "http://photos.example.net/photos?file=vacation.jpg&size=original",
			ConsumerKey: "dpf43f3p2l4k3l03", ConsumerSecret: "kd94hf93k423kf44", Token: "nnch734d00sl2jdk", TokenSecret: "pfkkdhi9sl3r4s00",
			Timestamp: "137131202", Nonce: "chapoH", Realm: "Photos"}},
		"HMAC-SHA256 with awkward text": {atLeast: 25, Request: Request{Method: "POST", URL: "HTTPS://API.Example.COM/v1/items?q=a+b&tag=~x!",
			Body: "note=caf%C3%A9 (it's)&n=1", ContentType: "application/x-www-form-urlencoded",
			ConsumerKey: "ck", ConsumerSecret: "c s~", Token: "tk", TokenSecret: "t&s", SignatureMethod: HMACSHA256,
			Timestamp: "1700000000", Nonce: "abc", Version: "1.0"}},
		"JSON body, no token": {atLeast: 14, Request: Request{Method: "POST", URL: "https://api.example.com/2/tweets",
			Body: `{"text":"hello world"}`, ContentType: "application/json",
			ConsumerKey: "ck", ConsumerSecret: "cs", Timestamp: "1700000000", Nonce: "abc"}},
	}
	for name, tc := range requests {
		r := tc.Request
		correct, err := Sign(r)
		require.NoError(t, err)
		seen := map[string]string{}
		for _, m := range catalogue() {
			rr, pl := r, defaultPipeline
			rr.Params = append([]Param(nil), r.Params...)
			if !m.forms()[0](&rr, &pl) {
				continue
			}
			d, err := pl.prepare(rr)
			require.NoError(t, err, m.ID)
			require.NoError(t, pl.finish(d), m.ID)
			wrong := d.res.Signature
			if wrong == correct.Signature {
				continue // this mistake changes nothing for this request
			}
			got, err := DiagnoseSignature(r, wrong, "")
			require.NoError(t, err)
			require.True(t, got.Matched, "%s: %s not recognised", name, m.ID)
			if first, dup := seen[wrong]; dup {
				assert.Equal(t, first, got.Mistakes[0].ID, "%s: %s gives the same signature as %s", name, m.ID, first)
				continue
			}
			seen[wrong] = m.ID
			assert.Equal(t, m.ID, got.Mistakes[0].ID, name)
		}
		assert.GreaterOrEqual(t, len(seen), tc.atLeast, "%s: distinct mistakes that apply", name)
	}
}

// TestMistakes checks the catalogue's shape: unique ids, every entry with
// words and at least one form, the hash mistakes one per hash in order,
// and Mistakes returning a copy.
func TestMistakes(t *testing.T) {
	ms := Mistakes()
	require.Len(t, ms, len(catalogue()))
	seen := map[string]bool{}
	for _, m := range ms {
		assert.False(t, seen[m.ID], "%s is in the catalogue twice", m.ID)
		seen[m.ID] = true
		assert.NotEmpty(t, m.Title, m.ID)
		assert.NotEmpty(t, m.Explanation, m.ID)
		assert.NotEmpty(t, m.Fix, m.ID)
		assert.NotEmpty(t, m.forms(), m.ID)
	}
	hashes := ms[len(ms)-3:]
	for i, want := range []struct{ id, title, explanation string }{
		{"hash-sha1", "Hashed with SHA-1", "It is what you get when the digest is computed with SHA-1, not the hash the signature method names."},
		{"hash-sha256", "Hashed with SHA-256", "It is what you get when the digest is computed with SHA-256, not the hash the signature method names."},
		{"hash-sha512", "Hashed with SHA-512", "It is what you get when the digest is computed with SHA-512, not the hash the signature method names."},
	} {
		assert.Equal(t, want.id, hashes[i].ID)
		assert.Equal(t, want.title, hashes[i].Title)
		assert.Equal(t, want.explanation, hashes[i].Explanation)
		assert.Equal(t, "Use the hash that oauth_signature_method names.", hashes[i].Fix)
	}
	ms[0].ID = "changed"
	assert.Equal(t, "plus-for-space", Mistakes()[0].ID, "Mistakes returns a copy")
}

// TestDiagnoseBodyHashSHA1 names oauthlib's body hash, SHA-1 under
// HMAC-SHA256. The signature was computed outside this code with Python's
// hashlib and hmac: oauth_body_hash = base64(SHA-1(body)) =
// XeHivFDDKqJZRSRtJmC9t6GHJaw=, in a base string built by hand, signed with
// HMAC-SHA256 under the X example's secrets.
func TestDiagnoseBodyHashSHA1(t *testing.T) {
	r := xExample("https://api.example.com/1.1/documents/update.json")
	r.ContentType, r.Body, r.BodyHash = "application/json", `{"name":"café","n":2}`, true
	r.SignatureMethod = HMACSHA256
	got, err := DiagnoseSignature(r, "wFqTFfGYpJqCOVkA8BABH3jHBfL9KubmnllGmNVCCEU=", "")
	require.NoError(t, err)
	assert.False(t, got.Correct)
	require.True(t, got.Matched)
	assert.Equal(t, "body-hash-sha1", got.Mistakes[0].ID)

	r.SignatureMethod = HMACSHA1 // SHA-1 is the right body hash there: nothing to name
	for _, m := range Mistakes() {
		if m.ID == "body-hash-sha1" {
			assert.False(t, m.apply(&r, &pipeline{}), "body-hash-sha1 does not apply to HMAC-SHA1")
		}
	}
}
