package signer_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// The X example of "Creating a signature" and "Authorizing a request"
// (https://docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature,
// https://docs.x.com/fundamentals/authentication/oauth-1-0a/authorizing-a-request).
const (
	importXURL            = "https://api.x.com/1.1/statuses/update.json?include_entities=true"
	importXBody           = "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21"
	importXStatus         = "Hello Ladies + Gentlemen, a signed OAuth request!"
	importXConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	importXTokenSecret    = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	// importXHeader is the header of "Authorizing a request" verbatim:
	// its signature is the one of the older api.twitter.com/1/ edition of
	// the example, so it does not verify against api.x.com/1.1.
	importXHeader = `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"`
	// importXSignature is the signature "Creating a signature" gives for
	// api.x.com/1.1.
	importXSignature = "Ls93hJiZbQ3akF3HF3x1Bz8/zU4="
	// importXBaseString is the base string of "Creating a signature",
	// verbatim.
	importXBaseString = "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
)

// importXRequest is what every import of the X example holds, with body and
// transport set by the caller.
func importXRequest(body string) signer.Request {
	return signer.Request{
		Method:          "POST",
		URL:             importXURL,
		Body:            body,
		ContentType:     "application/x-www-form-urlencoded",
		ConsumerKey:     "xvz1evFS4wEEPTGEFPHBog",
		Token:           "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
		SignatureMethod: signer.HMACSHA1,
		Nonce:           "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
		Timestamp:       "1318622958",
		Version:         "1.0",
		Transport:       signer.TransportHeader,
	}
}

// importXImported is the import of the X example in one of the formats
// that carry the whole request.
func importXImported(format signer.ImportFormat, body string, unparsed ...string) *signer.Imported {
	return &signer.Imported{
		Format:        format,
		Request:       importXRequest(body),
		Signature:     "tnnArxj06cWHq44gCs1OSKk/jLY=",
		Authorization: importXHeader,
		Unparsed:      unparsed,
	}
}

// importFormatTest is a text of one format and all that Import must
// return for it.
type importFormatTest struct {
	name string
	text string
	want *signer.Imported
	// expected is the signature Verify recomputes from the import with
	// the secrets, the URL swapped for verifyURL when not empty.
	expected, verifyURL string
	consumerSecret      string
	tokenSecret         string
}

// runImportFormatTests imports the text of each test, checks all that
// Import returns and, when the test expects a signature, that signing the
// import with the secrets (the X example's unless the test names others)
// gives it, and gives back the base string the import carried.
func runImportFormatTests(t *testing.T, tests []importFormatTest) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Import(tc.text)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			if tc.expected == "" {
				return
			}
			r := got.Request
			r.ConsumerSecret, r.TokenSecret = importXConsumerSecret, importXTokenSecret
			if tc.consumerSecret != "" {
				r.ConsumerSecret, r.TokenSecret = tc.consumerSecret, tc.tokenSecret
			}
			if tc.verifyURL != "" {
				r.URL = tc.verifyURL
			}
			res, err := signer.Sign(r)
			require.NoError(t, err)
			assert.Equal(t, tc.expected, res.Signature, "got signature %q, want %q", res.Signature, tc.expected)
			if got.BaseString != "" {
				assert.Equal(t, got.BaseString, res.SignatureBaseString, "signing the import must give back its base string")
			}
		})
	}
}

// importRequestTest is a text and the request, signature and notes Import
// must read from it.
type importRequestTest struct {
	name, text string
	want       signer.Request
	signature  string
	unparsed   []string
}

// runImportRequestTests imports the text of each test and checks the
// request, the signature and the notes.
func runImportRequestTests(t *testing.T, tests []importRequestTest) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Import(tc.text)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.Request)
			assert.Equal(t, tc.signature, got.Signature, "signature")
			assert.Equal(t, tc.unparsed, got.Unparsed, "unparsed")
		})
	}
}

// importCanary stands for a secret pasted into bad text: no error may
// contain it.
const importCanary = "CANARY-s3cr3t-value"

// importErrorTest is a text Import must refuse: the field its error
// names, and the sentinel behind it.
type importErrorTest struct {
	name, text, field string
	sentinel          error
}

// runImportErrorTests checks the error of each test's text: the field it
// names, the sentinel behind it, and that it never quotes the text.
func runImportErrorTests(t *testing.T, tests []importErrorTest) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Import(tc.text)
			require.Nil(t, got)
			var fe *signer.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.ErrorIs(t, err, tc.sentinel)
			assert.NotContains(t, err.Error(), importCanary)
			assert.NotContains(t, err.Error(), "CANARY")
		})
	}
}

// TestImportTransports checks that oauth_* parameters leave the query and
// the body, the rest keeping order and encoding, that an empty one Sign
// would omit stays to be signed as sent, and where the transport is.
func TestImportTransports(t *testing.T) {
	runImportRequestTests(t, []importRequestTest{
		{"query, fragment kept", "GET https://h/p?b=%20+&oauth_consumer_key=k&a=1&oauth_token=&oauth_foo=x#frag HTTP/1.1",
			signer.Request{Method: "GET", URL: "https://h/p?b=%20+&a=1&oauth_token=&oauth_foo=x#frag", ConsumerKey: "k", Transport: signer.TransportQuery},
			"", nil},
		{"query all protocol", "https://h/p?oauth_consumer_key=k&oauth_signature=a%2Bb%3D&oauth_body_hash=x",
			signer.Request{Method: "GET", URL: "https://h/p", ConsumerKey: "k", BodyHash: true, Transport: signer.TransportQuery},
			"a+b=", []string{"assumed GET"}},
		{"body", "curl https://h/p -d 'z=1&oauth_nonce=n&oauth_signature=s+p&y=%41'",
			signer.Request{Method: "POST", URL: "https://h/p", Body: "z=1&y=%41", ContentType: "application/x-www-form-urlencoded", Nonce: "n", Transport: signer.TransportBody},
			"s p", nil},
		{"body of another type: taken, not a transport", "curl https://h/p -H 'Content-Type: text/plain' -d 'oauth_nonce=n'",
			signer.Request{Method: "POST", URL: "https://h/p", ContentType: "text/plain", Nonce: "n"},
			"", []string{"oauth_* parameters in a body that is not form-encoded: moved to their fields"}},
		{"duplicate", "https://h/p?oauth_nonce=1&oauth_nonce=2",
			signer.Request{Method: "GET", URL: "https://h/p", Nonce: "1", Transport: signer.TransportQuery},
			"", []string{"assumed GET", "duplicate oauth_nonce in the query"}},
		{"header first, then query", "curl 'https://h/p?oauth_verifier=v' -H 'Authorization: OAuth oauth_consumer_key=\"k\", oauth_token=\"\", x=\"1\", oauth_body_hash=\"h\"'",
			signer.Request{Method: "GET", URL: "https://h/p", ConsumerKey: "k", Verifier: "v", BodyHash: true, Transport: signer.TransportHeader,
				Params: []signer.Param{{Name: "oauth_token", Value: "", Source: signer.SourceProtocol}, {Name: "x", Value: "1", Source: signer.SourceProtocol}}},
			"", nil},
	})
}

// TestImportErrors checks the errors of Import that belong to no one
// format: the field they name, the sentinel behind them, and that they
// never quote the text.
func TestImportErrors(t *testing.T) {
	c := importCanary
	runImportErrorTests(t, []importErrorTest{
		{"empty", " \r\n\t ", "text", signer.ErrRequired},
		{"unrecognised", "hello " + c, "text", signer.ErrMalformed},
		{"JSON error reply", `{"errors":[{"code":32,"message":"Could not authenticate you. ` + c + `"}]}`, "text", signer.ErrMalformed},
		{"bad escape in a query oauth value", "https://h/?oauth_nonce=%zz" + c, "text", signer.ErrMalformed},
		{"bad escape in a body oauth value", "curl https://h/ -d 'oauth_token=" + c + "%'", "text", signer.ErrMalformed},
	})
}

// importRSAKey returns the published RSA test key of signertest/testdata/vectors.json.
func importRSAKey(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("signertest/testdata/vectors.json")
	require.NoError(t, err)
	var file struct {
		Vectors []struct {
			Request struct {
				PrivateKey string `json:"privateKey"`
			} `json:"request"`
		} `json:"vectors"`
	}
	require.NoError(t, json.Unmarshal(data, &file))
	for _, v := range file.Vectors {
		if v.Request.PrivateKey != "" {
			return v.Request.PrivateKey
		}
	}
	t.Fatal("no RSA key in signertest/testdata/vectors.json")
	return ""
}

// importRawHTTP writes a request the way a proxy log or a debugging tool
// prints it: request line, Host, Content-Type, Authorization,
// Content-Length, a blank line, the body. An https URL is sent in origin
// form, an http one in absolute form.
func importRawHTTP(method, rawURL, contentType, authorization, body string) string {
	_, rest, _ := strings.Cut(rawURL, "://")
	host, target := rest, "/"
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host, target = rest[:i], rest[i:]
	}
	if !strings.HasPrefix(target, "/") {
		target = "/" + target
	}
	if strings.HasPrefix(rawURL, "http://") {
		target = rawURL
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", method, target, host)
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	if authorization != "" {
		fmt.Fprintf(&b, "Authorization: %s\r\n", authorization)
	}
	if body != "" {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n" + body)
	return b.String()
}

// TestImportRoundTrip signs requests in every transport, writes each as
// curl, raw HTTP, header and URL, imports them back and checks that the
// import holds the same request and verifies with the same secrets.
func TestImportRoundTrip(t *testing.T) {
	const form = "application/x-www-form-urlencoded"
	requests := []struct {
		name string
		req  signer.Request
	}{
		{"X example", signer.Request{
			Method: "POST", URL: importXURL, Body: importXBody, ContentType: form,
			ConsumerKey: "xvz1evFS4wEEPTGEFPHBog", Token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
			Version: "1.0", Realm: "X API",
		}},
		{"access token, empty form body", signer.Request{
			Method: "POST", URL: "https://photos.example.net/token", ContentType: form,
			ConsumerKey: "dpf43f3p2l4k3l03", Token: "hh5s93j4hdidpola", Verifier: "hfdp7dh39dks9884", Realm: `Photos "one"`,
		}},
		{"http GET, awkward values", signer.Request{
			Method: "get", URL: "http://photos.example.net:8080/a%2Fb/ph%C3%B6to?file=vacation.jpg&size=original&empty=&a+b=c%2Bd",
			ConsumerKey: "key+with space/!'", Token: "tok~en%", Callback: "http://printer.example.com/ready?a=1&b=2 c",
			Version: "1.0",
		}},
		{"JSON body, body hash", signer.Request{
			Method: "PUT", URL: "https://api.example.com/v1/items/42", Body: "{\"name\": \"it's\"}\n", ContentType: "application/json",
			ConsumerKey: "ck", Token: "tk", BodyHash: true,
		}},
	}
	methods := []signer.SignatureMethod{signer.HMACSHA1, signer.HMACSHA256, signer.HMACSHA512, signer.RSASHA1, signer.PLAINTEXT}
	transports := []signer.Transport{signer.TransportHeader, signer.TransportQuery, signer.TransportBody}
	rsaKey := importRSAKey(t)

	for _, rq := range requests {
		for _, m := range methods {
			for _, tr := range transports {
				orig := rq.req
				orig.SignatureMethod, orig.Transport = m, tr
				orig.Nonce, orig.Timestamp = "kllo9940pd9333jh", "1191242096"
				orig.ConsumerSecret, orig.TokenSecret = "kd94hf93k423kf44 &+", "pfkkdhi9sl3r4s00%"
				if m == signer.PLAINTEXT {
					// Verify percent-decodes a received value that holds a
					// "%", which breaks a PLAINTEXT signature of secrets
					// that needed encoding: keep these unreserved.
					orig.ConsumerSecret, orig.TokenSecret = "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"
				}
				if strings.HasPrefix(string(m), "RSA") {
					orig.PrivateKey = rsaKey
				}
				res, err := signer.Sign(orig)
				if errors.Is(err, signer.ErrNeedsFullSigner) {
					t.Logf("%s %s %s: this build has no %s", rq.name, m, tr, m)
					continue
				}
				if (orig.BodyHash && m == signer.PLAINTEXT) || (tr == signer.TransportBody && orig.Body != "" && orig.ContentType != form) {
					require.Error(t, err, "%s %s %s", rq.name, m, tr)
					continue
				}
				require.NoError(t, err, "%s %s %s", rq.name, m, tr)

				sentURL, sentBody, sentType, sentAuth := orig.URL, orig.Body, "", ""
				switch tr {
				case signer.TransportHeader:
					sentAuth = res.AuthorizationHeader
				case signer.TransportQuery:
					sentURL = res.Query
				case signer.TransportBody:
					sentBody = res.FormBody
				}
				switch {
				case tr == signer.TransportBody:
					sentType = form
				case sentBody != "":
					sentType = orig.ContentType
				}
				texts := map[signer.ImportFormat]string{
					"curl": res.Curl,
					"http": importRawHTTP(strings.ToUpper(orig.Method), sentURL, sentType, sentAuth, sentBody),
				}
				if tr == signer.TransportHeader {
					texts["header"] = res.AuthorizationHeader
				}
				if tr == signer.TransportQuery && orig.Body == "" && strings.EqualFold(orig.Method, "GET") {
					texts["url"] = res.Query
				}
				for format, text := range texts {
					t.Run(fmt.Sprintf("%s/%s/%s/%s", rq.name, m, tr, format), func(t *testing.T) {
						checkImportRoundTrip(t, format, text, orig, res)
					})
				}
			}
		}
	}
}

// checkImportRoundTrip imports text, written from orig signed as res, and
// checks it against them.
func checkImportRoundTrip(t *testing.T, format signer.ImportFormat, text string, orig signer.Request, res *signer.Result) {
	t.Helper()
	im, err := signer.Import(text)
	require.NoError(t, err)
	got := im.Request
	assert.Equal(t, format, im.Format)

	want := orig
	want.Method = strings.ToUpper(orig.Method)
	switch {
	case orig.Body != "":
	case orig.Transport == signer.TransportBody:
		want.ContentType = "application/x-www-form-urlencoded" // the body carried the parameters
	default:
		want.ContentType = "" // nothing said what an empty body was
	}
	if orig.Transport != signer.TransportHeader {
		want.Realm = "" // the realm travels in the header only
	}
	if format == "header" {
		want.Method, want.URL, want.Body, want.ContentType = "", "", "", ""
	}
	if format == "header" {
		assert.Equal(t, []string{"method missing", "URL missing"}, im.Unparsed)
	}

	assert.Equal(t, want.Method, got.Method, "method")
	assert.Equal(t, want.URL, got.URL, "url")
	assert.Equal(t, want.Body, got.Body, "body")
	assert.Equal(t, want.ContentType, got.ContentType, "content type")
	assert.Equal(t, want.ConsumerKey, got.ConsumerKey, "consumer key")
	assert.Equal(t, want.Token, got.Token, "token")
	assert.Equal(t, want.Nonce, got.Nonce, "nonce")
	assert.Equal(t, want.Timestamp, got.Timestamp, "timestamp")
	assert.Equal(t, want.SignatureMethod, got.SignatureMethod, "signature method")
	assert.Equal(t, want.Version, got.Version, "version")
	assert.Equal(t, want.Realm, got.Realm, "realm")
	assert.Equal(t, want.Callback, got.Callback, "callback")
	assert.Equal(t, want.Verifier, got.Verifier, "verifier")
	assert.Equal(t, want.BodyHash, got.BodyHash, "body hash")
	assert.Equal(t, want.Transport, got.Transport, "transport")
	assert.Empty(t, got.Params, "params")
	assert.Equal(t, res.Signature, im.Signature, "got signature %q, want %q", im.Signature, res.Signature)
	if orig.Transport == signer.TransportHeader {
		assert.Equal(t, res.AuthorizationHeader, im.Authorization, "authorization")
	}

	if format == "header" {
		got.Method, got.URL, got.Body, got.ContentType = orig.Method, orig.URL, orig.Body, orig.ContentType
	}
	got.ConsumerSecret, got.TokenSecret, got.PrivateKey = orig.ConsumerSecret, orig.TokenSecret, orig.PrivateKey
	v, err := signer.Verify(got, im.Signature, "")
	require.NoError(t, err)
	assert.True(t, v.Valid, v.Reason)
}
