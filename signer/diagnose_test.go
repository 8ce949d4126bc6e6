package signer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDiagnoseMistakeMatrix diagnoses each row of the mistake matrix on
// the Twitter example (test-vectors.md V16, computed independently of this
// code): the wrong signature must be traced to its mistake.
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

// TestDiagnoseRFCNegatives diagnoses the wrong variants test-vectors.md
// V5.a lists for the RFC 5849 section 1.2 temporary-credentials request.
func TestDiagnoseRFCNegatives(t *testing.T) {
	r := Request{Method: "POST", URL: "https://photos.example.net/initiate", Realm: "Photos",
		Callback: "http://printer.example.com/ready", ConsumerKey: "dpf43f3p2l4k3l03", ConsumerSecret: "kd94hf93k423kf44",
		Timestamp: "137131200", Nonce: "wIjqoS"}
	for sig, want := range map[string]string{
		"1JyCO2hvszn7vp6GvRLpJv0LwNo=": "empty-token-signed",
		"BPTcLPnJzkthpRyoYx7n2V4rXKI=": "key-consumer-secret-only",
		"fzspZ3v1354LAZBS0DZ9kgUJFTk=": "realm-signed",
	} {
		got, err := DiagnoseSignature(r, sig, "")
		require.NoError(t, err)
		require.True(t, got.Matched, want)
		assert.Equal(t, want, got.Mistakes[0].ID)
	}
	got, err := DiagnoseSignature(r, "74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D", "")
	require.NoError(t, err)
	assert.True(t, got.Correct, "the right signature, still header-encoded")
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
		for _, m := range catalogue {
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

func TestDiagnosePairOfMistakes(t *testing.T) {
	r := xExample("https://api.twitter.com/1.1/statuses/update.json?include_entities=true")
	rr, pl := r, defaultPipeline
	for _, id := range []string{"plus-for-space", "key-no-token-secret"} {
		for _, m := range catalogue {
			if m.ID == id {
				require.True(t, m.forms()[0](&rr, &pl))
			}
		}
	}
	d, err := pl.prepare(rr)
	require.NoError(t, err)
	require.NoError(t, pl.finish(d))
	got, err := DiagnoseSignature(r, d.res.Signature, "")
	require.NoError(t, err)
	require.True(t, got.Matched)
	require.Len(t, got.Mistakes, 2)
	assert.Equal(t, "plus-for-space", got.Mistakes[0].ID)
	assert.Equal(t, "key-no-token-secret", got.Mistakes[1].ID)
}

func TestDiagnoseNothingMatches(t *testing.T) {
	r := xExample("https://api.twitter.com/1.1/statuses/update.json?include_entities=true")
	got, err := DiagnoseSignature(r, "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "")
	require.NoError(t, err)
	assert.False(t, got.Matched)
	assert.False(t, got.Correct)
	assert.Equal(t, "hCtSmYh+iHYCEqBWrE7C7hYmtUk=", got.Expected)
}

func TestDiagnoseRSAWithPublicKey(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	r.SignatureMethod, r.PrivateKey = RSASHA256, testKeyPEM(t)
	rr := r
	rr.URL = strings.Replace(r.URL, "https", "http", 1)
	wrong, err := Sign(rr)
	require.NoError(t, err)
	r.PrivateKey = ""
	got, err := DiagnoseSignature(r, wrong.Signature, wrong.PublicKey)
	require.NoError(t, err)
	require.True(t, got.Matched)
	assert.Equal(t, "http-vs-https", got.Mistakes[0].ID)
}

func TestSignatureTells(t *testing.T) {
	spec1, _ := lookupMethod(HMACSHA1)
	ids := func(sig string) []string {
		var out []string
		for _, tl := range signatureTells(sig, spec1, HMACSHA1) {
			out = append(out, tl.ID)
		}
		return out
	}
	assert.Equal(t, []string{"hash-size-ok"}, ids("hCtSmYh+iHYCEqBWrE7C7hYmtUk="))
	assert.Equal(t, []string{"hash-size"}, ids("PLbq+OWUE2vwiOZeZBSR06GFvymUHoaBdCIHyD66IcM="))
	assert.Equal(t, []string{"hex-then-base64"}, ids("ODQyYjUyOTk4ODdlODg3NjAyMTJhMDU2YWM0ZWMyZWUxNjI2YjU0OQ=="))
	assert.Equal(t, []string{"percent-encoded", "hash-size-ok"}, ids("hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"))
	assert.Equal(t, []string{"double-percent-encoded", "not-base64"}, ids("hCtSmYh%252BiHYCEqBWrE7C7hYmtUk%253D"))
	assert.Equal(t, []string{"space-for-plus", "hash-size-ok"}, ids("hCtSmYh iHYCEqBWrE7C7hYmtUk="))
}

// TestDiagnoseBaseString diagnoses a received base string (no secrets
// needed) and explains the differences.
func TestDiagnoseBaseString(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	good, err := Sign(r)
	require.NoError(t, err)
	tests := []struct {
		name, received, mistake string
		kinds                   []string
	}{
		{"plus for space", strings.ReplaceAll(good.SignatureBaseString, "%2520", "%2B"), "plus-for-space", []string{"encoding"}},
		{"query dropped", strings.Replace(good.SignatureBaseString, "include_entities%3Dtrue%26", "", 1), "query-dropped", []string{"missing"}},
		{"lower-case method", "post" + strings.TrimPrefix(good.SignatureBaseString, "POST"), "method-lower-case", []string{"method"}},
		{"http", strings.Replace(good.SignatureBaseString, "https%3A", "http%3A", 1), "http-vs-https", []string{"uri"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := r
			r.ConsumerSecret, r.TokenSecret = "", ""
			got, err := DiagnoseBaseString(r, tc.received)
			require.NoError(t, err)
			require.True(t, got.Matched)
			assert.Equal(t, tc.mistake, got.Mistakes[0].ID)
			require.NotNil(t, got.Diff)
			var kinds []string
			for _, d := range got.Diff.Differences {
				kinds = append(kinds, string(d.Kind))
			}
			assert.Subset(t, kinds, tc.kinds)
			var exp, rec strings.Builder
			for _, op := range got.Diff.Ops {
				if op.Op != "extra" {
					exp.WriteString(op.Text)
				}
				if op.Op != "missing" {
					rec.WriteString(op.Text)
				}
			}
			assert.Equal(t, good.SignatureBaseString, exp.String())
			assert.Equal(t, tc.received, rec.String())
		})
	}
}

func TestDiffBaseStringsKinds(t *testing.T) {
	exp := "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2%26c%3Dx%2520y"
	tests := []struct{ name, rec, kind string }{
		{"order", "GET&https%3A%2F%2Fh%2Fp&b%3D2%26a%3D1%26c%3Dx%2520y", "order"},
		{"value", "GET&https%3A%2F%2Fh%2Fp&a%3D9%26b%3D2%26c%3Dx%2520y", "value"},
		{"extra", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2%26c%3Dx%2520y%26d%3D4", "extra"},
		{"encoding", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2%26c%3Dx%2Bygarbage", "value"},
		{"structure", "GET&https%3A%2F%2Fh%2Fp&a=1&b=2&c=x%20y", "structure"},
		{"port", "GET&https%3A%2F%2Fh%3A443%2Fp&a%3D1%26b%3D2%26c%3Dx%2520y", "uri"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := DiffBaseStrings(exp, tc.rec)
			var kinds []string
			for _, x := range d.Differences {
				kinds = append(kinds, string(x.Kind))
				assert.NotEmpty(t, x.Text)
			}
			assert.Contains(t, kinds, tc.kind)
		})
	}
	assert.Empty(t, DiffBaseStrings(exp, exp).Differences)
}

func TestDiagnoseFieldErrors(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	_, err := DiagnoseSignature(r, "", "")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "signature", fe.Field)
	r.Nonce = ""
	_, err = DiagnoseSignature(r, "x", "")
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "nonce", fe.Field)
}
