package signer

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The three requests the library mistakes are made on: the X example, the
// RFC 5849 section 1.2 resource request and an HMAC-SHA256 form POST.
func libraryRequests() map[string]Request {
	return map[string]Request{
		"x": xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true"),
		"rfc": {Method: "GET", URL: "http://photos.example.net/photos?file=vacation.jpg&size=original",
			ConsumerKey: "dpf43f3p2l4k3l03", ConsumerSecret: "kd94hf93k423kf44", Token: "nnch734d00sl2jdk", TokenSecret: "pfkkdhi9sl3r4s00",
			Timestamp: "137131202", Nonce: "chapoH", Realm: "Photos"},
		"sha256": {Method: "POST", URL: "https://api.example.com/v1/items",
			Body: "note=hello%20world&n=1", ContentType: "application/x-www-form-urlencoded",
			ConsumerKey: "ck", ConsumerSecret: "cs", Token: "tk", TokenSecret: "ts", SignatureMethod: HMACSHA256,
			Timestamp: "1700000000", Nonce: "abc", Version: "1.0"},
	}
}

// asPOSTForm moves the RFC request's query into a form body, for the
// mistakes that need one.
func asPOSTForm(r *Request) {
	if !strings.HasPrefix(r.URL, "http://photos.example.net/") {
		return
	}
	r.Method, r.URL = "POST", "http://photos.example.net/photos"
	r.Body, r.ContentType = "file=vacation.jpg&size=original", "application/x-www-form-urlencoded"
}

// TestDiagnoseLibraryMistakes makes each library mistake of the catalogue
// on three requests and checks that the diagnosis names it, and it alone.
// The received signatures were computed independently of this package, by
// testdata/mistakes_vectors.py: Python's urllib, hmac and hashlib over a
// base string built there by hand with the bug (run it to see them; the
// X example's body-params-in-header value is the X documentation's own
// Ls93hJiZbQ3akF3HF3x1Bz8/zU4=, since that client signed the body once).
func TestDiagnoseLibraryMistakes(t *testing.T) {
	dupes := func(r *Request) {
		if strings.Contains(r.URL, "?") {
			r.URL += "&a=2&a=1&a=10"
		} else {
			r.URL += "?a=2&a=1&a=10"
		}
	}
	bodyInHeader := func(r *Request) {
		asPOSTForm(r)
		body, err := parseForm(r.Body, SourceBody, "body")
		if err != nil {
			panic(err)
		}
		for _, p := range body {
			r.Params = append(r.Params, Param{Name: p.Name, Value: p.Value, Source: SourceProtocol})
		}
	}
	method := func(m string) func(*Request) {
		return func(r *Request) { asPOSTForm(r); r.Method = m }
	}
	decodedPath := func(r *Request) {
		r.URL = strings.NewReplacer(
			"/1.1/statuses/update.json", "/1.1/statuses/a%20b/caf%C3%A9.json",
			".net/photos", ".net/photos/a%20b/caf%C3%A9",
			"/v1/items", "/v1/a%20b/caf%C3%A9").Replace(r.URL)
	}
	cafe := func(r *Request) {
		switch {
		case strings.Contains(r.Body, "status="):
			r.Body = "status=caf%C3%A9"
		case strings.Contains(r.Body, "note="):
			r.Body = "note=caf%C3%A9&n=1"
		default:
			r.URL = strings.Replace(r.URL, "file=vacation.jpg", "file=caf%C3%A9.jpg", 1)
		}
	}
	tests := []struct {
		mistake string
		edit    func(*Request)
		want    map[string]string // request → received signature
	}{
		{"duplicates-first", dupes, map[string]string{"x": "4BL4MXoPhJ7Fck1KOpQ2/G/XnbI=", "rfc": "xalu9hB+GzzinEX1s+nA658CoDQ=", "sha256": "doNcmgtjvzuvVRsKcefuU1ib7OS1A+jOzdngWneqMII="}},
		{"duplicates-last", dupes, map[string]string{"x": "drnzttMvUO3tVSzxk41S/V7UZpo=", "rfc": "QGC4rbWWSwL+ql7/QuqPPNx+mls=", "sha256": "2+ivCrGUsG5Qj6fwPwLq2isv6C4Dv2RmLGrbUhLVRKs="}},
		{"duplicates-indexed", dupes, map[string]string{"x": "xAax4rHQp8PwsCuLXN5ThUQIuGg=", "rfc": "GakHNRdIldivEDkQ5zMtAHbfhOc=", "sha256": "/L+sVBRCwpvCv2sEredRuL94B4A7yOHHPJHpTAX6RHU="}},
		{"body-params-in-header", bodyInHeader, map[string]string{"x": "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", "rfc": "mKTr9vwWEzC45NdvBZHsQnGtUNI=", "sha256": "v0MaAXsLWqJc6ea/qEVnQ8y56z9tCFvQe2gyf8tnVrc="}},
		{"form-body-post-only", nil, map[string]string{"x": "7Rk2XNPZTliSK/zUUC2+BR62ifE=", "rfc": "rtoIE3R3SIOPFAYJOvV1+3rb0GE=", "sha256": "TspMv275pSy037heWffbxvqeQniAchfh6Y18xfyYlT4="}},
		{"path-decoded", decodedPath, map[string]string{"x": "+/CmdGeaypMzbsv/97LErERHIPY=", "rfc": "gtsxY9IZcr2cInnQBfbWVnD1IV8=", "sha256": "XI4bS6mPGiSNKqYNJX83X7StGfwonJQH/ePxnseG6No="}},
		{"utf8-twice", cafe, map[string]string{"x": "tS3N7FOzdzziuhTY2JObfr3tyXc=", "rfc": "G/cwoBvUsiWQz4k5UoNr5ZpUtyo=", "sha256": "60SQxYva73hIAQYmCfxU0PvPCfQbcgWoxW7nt1yjiEQ="}},
		{"signature-hex", nil, map[string]string{"x": "2ecf778498996d0dda905dc7177c75073f3fcd4e", "rfc": "31da50714f223d25235a837f50332c2b6b2e8bd2", "sha256": "bf431a017b0b5aa25ce9e6bfa8456743ccb9eb3f6d085bd07b68327fcb6756b7"}},
		{"signature-hex", nil, map[string]string{"x": "2ECF778498996D0DDA905DC7177C75073F3FCD4E"}},
	}
	for _, tc := range tests {
		for name, r := range libraryRequests() {
			received, ok := tc.want[name]
			if !ok {
				continue
			}
			t.Run(tc.mistake+" "+name, func(t *testing.T) {
				switch {
				case tc.edit != nil:
					tc.edit(&r)
				case tc.mistake == "form-body-post-only":
					method(map[string]string{"x": "PUT", "rfc": "PUT", "sha256": "PATCH"}[name])(&r)
				}
				got, err := DiagnoseSignature(r, received, "")
				require.NoError(t, err)
				require.False(t, got.Correct)
				require.True(t, got.Matched, "no mistake reproduces %s", received)
				assert.Equal(t, []string{tc.mistake}, mistakeIDs(got.Mistakes))
			})
		}
	}
}

// TestDiagnoseSignatureRawBytes sends the right digest's octets as they
// are: as a Go string, percent-encoded in a header, and as a JavaScript
// string of bytes written out as UTF-8 (the octets read as Latin-1). The
// octets are those of testdata/mistakes_vectors.py.
func TestDiagnoseSignatureRawBytes(t *testing.T) {
	octets := map[string]string{"x": "2ecf778498996d0dda905dc7177c75073f3fcd4e", "rfc": "31da50714f223d25235a837f50332c2b6b2e8bd2", "sha256": "bf431a017b0b5aa25ce9e6bfa8456743ccb9eb3f6d085bd07b68327fcb6756b7"}
	for name, r := range libraryRequests() {
		raw, err := hex.DecodeString(octets[name])
		require.NoError(t, err)
		var latin1 []rune
		for _, b := range raw {
			latin1 = append(latin1, rune(b))
		}
		for how, received := range map[string]string{"octets": string(raw), "percent-encoded": PercentEncode(string(raw)), "latin-1 as UTF-8": string(latin1)} {
			t.Run(name+" "+how, func(t *testing.T) {
				got, err := DiagnoseSignature(r, received, "")
				require.NoError(t, err)
				require.True(t, got.Matched)
				assert.Equal(t, []string{"signature-raw-bytes"}, mistakeIDs(got.Mistakes))
			})
		}
	}
}

// TestDiagnoseRSASignatureEncoding recognises an RSA-SHA1 signature sent
// as hex or as raw octets, verifying it with the private key's public half
// and with the public key alone. The signature was made by
// testdata/mistakes_vectors.py with Python's cryptography package over a
// base string built there by hand.
func TestDiagnoseRSASignatureEncoding(t *testing.T) {
	const sigHex = "a1740b4dc5160693d086abc377922d76abe2c2bdb943ee7f63bdb6b11bc7f05ee4d9c7d67b89230f7a84d4c41f90b3277dd2b8065d4bd306c6ea3c208cb41c085850b1bceaff0acf62d5b09f8ff7e17ba8beccb8d0dfb6290b553cf24566210f8395bf2287a84cdbc1d3163e0b86c8a5d7a57489b13063e7d622eef2242a48fa"
	raw, err := hex.DecodeString(sigHex)
	require.NoError(t, err)
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	r.SignatureMethod, r.PrivateKey = RSASHA1, testKeyPEM(t)
	signed, err := Sign(r)
	require.NoError(t, err)
	pub := r
	pub.PrivateKey = ""
	for _, tc := range []struct {
		name, received, want string
	}{
		{"hex", sigHex, "signature-hex"},
		{"upper-case hex", strings.ToUpper(sigHex), "signature-hex"},
		{"raw octets, percent-encoded", PercentEncode(string(raw)), "signature-raw-bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DiagnoseSignature(r, tc.received, "")
			require.NoError(t, err)
			require.True(t, got.Matched)
			assert.Equal(t, []string{tc.want}, mistakeIDs(got.Mistakes))
			got, err = DiagnoseSignature(pub, tc.received, signed.PublicKey)
			require.NoError(t, err)
			require.True(t, got.Matched)
			assert.Equal(t, []string{tc.want}, mistakeIDs(got.Mistakes))
		})
	}
}

// TestDiagnoseWrongAdviceNotOffered: a client that copied the form body's
// parameters into the header signed each once, which "form body left out"
// and "repeated names keep the first value" also reproduce; their fixes
// ("add the body parameters", "sign every value") would be wrong advice,
// so only body-params-in-header is reported. Likewise a PUT whose form
// body was left out is named form-body-post-only, not form-body-not-signed.
func TestDiagnoseWrongAdviceNotOffered(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	r.Params = append(r.Params, Param{Name: "status", Value: "Hello Ladies + Gentlemen, a signed OAuth request!", Source: SourceProtocol})
	const received = "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=" // see TestDiagnoseLibraryMistakes
	for _, id := range []string{"form-body-not-signed", "duplicates-first", "duplicates-last", "body-params-in-header"} {
		wrong := reproduce(t, r, id)
		assert.Equal(t, received, wrong, "%s reproduces the signature", id)
	}
	got, err := DiagnoseSignature(r, received, "")
	require.NoError(t, err)
	assert.Equal(t, []string{"body-params-in-header"}, mistakeIDs(got.Mistakes))

	put := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	put.Method = "PUT"
	assert.Equal(t, reproduce(t, put, "form-body-not-signed"), reproduce(t, put, "form-body-post-only"))
	got, err = DiagnoseSignature(put, "7Rk2XNPZTliSK/zUUC2+BR62ifE=", "")
	require.NoError(t, err)
	assert.Equal(t, []string{"form-body-post-only"}, mistakeIDs(got.Mistakes))
}

// reproduce signs r with the mistake id made (its first form).
func reproduce(t *testing.T, r Request, id string) string {
	t.Helper()
	m := mistakeByID(id)
	rr, pl := r, defaultPipeline
	rr.Params = append([]Param(nil), r.Params...)
	require.True(t, m.forms()[0](&rr, &pl), "%s applies", id)
	d, err := pl.prepare(rr)
	require.NoError(t, err)
	require.NoError(t, pl.sign(d))
	return d.res.Signature
}

func mistakeIDs(ms []Mistake) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

// TestDiagnoseLibraryMistakePairs: the new mistakes combine with the
// others, since they wrap the stage they change. The signatures are
// testdata/mistakes_vectors.py's, computed with both bugs by hand.
func TestDiagnoseLibraryMistakePairs(t *testing.T) {
	tests := []struct {
		name, url, received string
		want                []string
	}{
		{"repeated names keep the last, spaces as +", "https://api.x.com/1.1/statuses/update.json?include_entities=true&a=2&a=1&a=10",
			"tOAhLiEjWlqwk5OKPzPmPXV3iw8=", []string{"plus-for-space", "duplicates-last"}},
		{"path decoded, default port kept", "https://api.x.com/1.1/statuses/a%20b/caf%C3%A9.json?include_entities=true",
			"UDbwYqAltZvCgl+dcTOrB1TmNH8=", []string{"path-decoded", "default-port-kept"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DiagnoseSignature(xExample(tc.url), tc.received, "")
			require.NoError(t, err)
			require.True(t, got.Matched)
			assert.Equal(t, tc.want, mistakeIDs(got.Mistakes))
		})
	}
}
