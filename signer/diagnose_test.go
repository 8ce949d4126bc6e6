package signer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDiagnoseRFCNegatives diagnoses three wrong signatures of the RFC
// 5849 section 1.2 temporary-credentials request, computed independently
// of this code: an empty oauth_token signed, the key without "&", and the
// realm signed.
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

func TestDiagnosePairOfMistakes(t *testing.T) {
	r := xExample("https://api.twitter.com/1.1/statuses/update.json?include_entities=true")
	rr, pl := r, defaultPipeline
	for _, id := range []string{"plus-for-space", "key-no-token-secret"} {
		for _, m := range catalogue() {
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
	assert.Equal(t, []string{"hex-not-base64"}, ids("2ecf778498996d0dda905dc7177c75073f3fcd4e"))
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

// TestDiagnosePlaintextWithoutNonce diagnoses a PLAINTEXT request that,
// as RFC 5849 section 3.1 allows, has no nonce or timestamp: it is
// diagnosed, not refused for the missing nonce.
func TestDiagnosePlaintextWithoutNonce(t *testing.T) {
	r := Request{Method: "GET", URL: "https://photos.example.net/photos?file=vacation.jpg&size=original",
		ConsumerKey: "dpf43f3p2l4k3l03", ConsumerSecret: "kd94hf93k423kf44",
		Token: "nnch734d00sl2jdk", TokenSecret: "pfkkdhi9sl3r4s00", SignatureMethod: PLAINTEXT}
	got, err := DiagnoseSignature(r, "kd94hf93k423kf44&", "")
	require.NoError(t, err)
	assert.False(t, got.Correct)
	assert.Equal(t, "kd94hf93k423kf44&pfkkdhi9sl3r4s00", got.Expected)

	got, err = DiagnoseSignature(r, "kd94hf93k423kf44&pfkkdhi9sl3r4s00", "")
	require.NoError(t, err)
	assert.True(t, got.Correct)

	r.SignatureMethod = HMACSHA1 // the others still need both
	_, err = DiagnoseSignature(r, "x", "")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "nonce", fe.Field)
}
