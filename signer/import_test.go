package signer_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// The X "Creating a signature" and "Authorizing a request" example
// (test-vectors.md V1.0, V1.a and V1.d).
const (
	importXURL            = "https://api.x.com/1.1/statuses/update.json?include_entities=true"
	importXBody           = "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21"
	importXStatus         = "Hello Ladies + Gentlemen, a signed OAuth request!"
	importXConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	importXTokenSecret    = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	// importXHeader is V1.d verbatim: its signature is the one of the /1/
	// edition, so it does not verify against api.x.com/1.1.
	importXHeader = `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"`
	// importXSignature is the signature of V1.a (api.x.com/1.1).
	importXSignature = "Ls93hJiZbQ3akF3HF3x1Bz8/zU4="
	// importXBaseString is the base string of V1.a, verbatim.
	importXBaseString = "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
)

// importXRaw is the raw request of V1.0 with the V1.d header added, with
// CRLF line ends as it travels.
var importXRaw = strings.ReplaceAll(`POST /1.1/statuses/update.json?include_entities=true HTTP/1.1
Accept: */*
Connection: close
User-Agent: OAuth gem v0.4.4
Content-Type: application/x-www-form-urlencoded
Authorization: `+importXHeader+`
Content-Length: 76
Host: api.x.com

`+importXBody, "\n", "\r\n")

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

// importRFCRaw is the request of RFC 5849 section 3.1, verbatim
// (test-vectors.md V6).
const importRFCRaw = `POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b HTTP/1.1
Host: example.com
Content-Type: application/x-www-form-urlencoded
Authorization: OAuth realm="Example",
               oauth_consumer_key="9djdj82h48djs9d2",
               oauth_token="kkk9d7dh3k39sjv7",
               oauth_signature_method="HMAC-SHA1",
               oauth_timestamp="137131201",
               oauth_nonce="7d8f3e4a",
               oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"

c2&a3=2+q`

var importRFCImported = &signer.Imported{
	Format: "http",
	Request: signer.Request{
		Method:          "POST",
		URL:             "https://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
		Body:            "c2&a3=2+q",
		ContentType:     "application/x-www-form-urlencoded",
		ConsumerKey:     "9djdj82h48djs9d2",
		Token:           "kkk9d7dh3k39sjv7",
		SignatureMethod: signer.HMACSHA1,
		Timestamp:       "137131201",
		Nonce:           "7d8f3e4a",
		Realm:           "Example",
		Transport:       signer.TransportHeader,
	},
	Signature:     "bYT5CMsGcbgUdFHObYMEfcx6bsw=",
	Authorization: `OAuth realm="Example", oauth_consumer_key="9djdj82h48djs9d2", oauth_token="kkk9d7dh3k39sjv7", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131201", oauth_nonce="7d8f3e4a", oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"`,
	Unparsed:      []string{"assumed https"},
}

// importBaseStringRequest is the request Import rebuilds from the V1.a base
// string: query and body parameters become extra parameters.
var importBaseStringRequest = signer.Request{
	Method:          "POST",
	URL:             "https://api.x.com/1.1/statuses/update.json",
	ConsumerKey:     "xvz1evFS4wEEPTGEFPHBog",
	Token:           "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
	SignatureMethod: signer.HMACSHA1,
	Nonce:           "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
	Timestamp:       "1318622958",
	Version:         "1.0",
	Params: []signer.Param{
		{Name: "include_entities", Value: "true", Source: signer.SourceExtra},
		{Name: "status", Value: importXStatus, Source: signer.SourceExtra},
	},
}

const importNoQueryOrBody = "query and body parameters cannot be told apart in a base string: all are extra parameters"

// importLTIURL is a launch URL signed in its query, the way an LTI 1.1
// tool consumer or a signed-URL service builds it.
const importLTIURL = "https://lti.example.edu/launch?context_id=456434513&oauth_callback=about%3Ablank&oauth_consumer_key=12345&oauth_nonce=c8350c0e47782d16d2fa48b2090c1d8f&oauth_signature=QWgJfKpJNDrpncgO9oXxJb8vHiE%3D&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1251600739&oauth_version=1.0&resource_link_id=120988f929-274612&roles=Instructor&lis_person_name_full=Jane+Q.+Public"

// TestImportFormats imports the examples of each format and checks all
// that Import returns.
func TestImportFormats(t *testing.T) {
	xCurl := "curl --request POST '" + importXURL + "' --header 'Authorization: " + importXHeader +
		"' --header 'Content-Type: application/x-www-form-urlencoded' --data '" + importXBody + "'"
	xCurlDouble := `curl -X POST "` + importXURL + `" -H "Authorization: ` + strings.ReplaceAll(importXHeader, `"`, `\"`) +
		`" -H "Content-Type: application/x-www-form-urlencoded" -d "` + importXBody + `"`
	xCurlLines := "curl -s -X POST \\\n  '" + importXURL + "' \\\n  -H 'Authorization: " + importXHeader +
		"' \\\n  -d '" + importXBody + "' \\\n  --compressed"
	xPostman := "curl --location '" + importXURL + "' \\\n--header 'Authorization: " + importXHeader +
		"' \\\n--header 'Content-Type: application/x-www-form-urlencoded' \\\n--data-urlencode 'status=" + importXStatus + "'"
	// Chrome's "Copy as cURL (cmd)" quotes everything with ^".
	xCmd := "curl ^\"" + importXURL + "^\" ^\r\n  -H ^\"Authorization: " +
		strings.ReplaceAll(importXHeader, `"`, `^\^"`) + "^\" ^\r\n  --data-raw ^\"" + importXBody + "^\""
	xANSIC := "curl $'" + importXURL + "' -H $'Authorization: " + strings.ReplaceAll(importXHeader, `"`, `\x22`) +
		"' --data-raw $'status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request\\x21'"
	xANSICBody := "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request!"

	rfcUnindented := strings.ReplaceAll(importRFCRaw, "\n               ", "\n")

	bareHeader := &signer.Imported{
		Format: "header",
		Request: signer.Request{
			ConsumerKey:     "xvz1evFS4wEEPTGEFPHBog",
			Token:           "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
			SignatureMethod: signer.HMACSHA1,
			Nonce:           "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
			Timestamp:       "1318622958",
			Version:         "1.0",
			Transport:       signer.TransportHeader,
		},
		Signature:     "tnnArxj06cWHq44gCs1OSKk/jLY=",
		Authorization: importXHeader,
		Unparsed:      []string{"method missing", "URL missing"},
	}
	namedHeader := *bareHeader
	namedHeader.Unparsed = []string{"header Accept", "method missing", "URL missing"}

	debugSBS := "oauth_problem=signature_invalid&debug_sbs=" + url.QueryEscape(importXBaseString) + "&oauth_acceptable_timestamps=1318622000-1318623000"

	tests := []struct {
		name string
		text string
		want *signer.Imported
		// expected is the signature Verify recomputes from the import with
		// the secrets, the URL swapped for verifyURL when not empty.
		expected, verifyURL string
		consumerSecret      string
		tokenSecret         string
	}{
		{name: "X raw HTTP request", text: importXRaw,
			want: importXImported("http", importXBody, "header Accept", "header Connection", "header User-Agent", "header Content-Length", "assumed https"),
			// V1.d signs the /1/ URL: here it does not verify (V1 note).
			expected: importXSignature},
		{name: "X curl, single quotes", text: xCurl, want: importXImported("curl", importXBody), expected: importXSignature},
		{name: "X curl, double quotes", text: xCurlDouble, want: importXImported("curl", importXBody), expected: importXSignature},
		{name: "X curl, lines joined by backslashes", text: xCurlLines,
			want:     importXImported("curl", importXBody, "curl option -s", "curl option --compressed"),
			expected: importXSignature},
		{name: "X curl, Postman", text: xPostman,
			want:     importXImported("curl", "status=Hello+Ladies+%2B+Gentlemen%2C+a+signed+OAuth+request%21", "curl option --location"),
			expected: importXSignature},
		{name: "X curl, Windows cmd", text: xCmd, want: importXImported("curl", importXBody), expected: importXSignature},
		{name: "X curl, ANSI-C quotes", text: xANSIC, want: importXImported("curl", xANSICBody), expected: importXSignature},
		{name: "X curl, shell prompt and pipe", text: "$ " + xCurl + " | jq .",
			want: importXImported("curl", importXBody, "shell text after the curl command"), expected: importXSignature},
		{name: "RFC 5849 section 3.1 request", text: importRFCRaw, want: importRFCImported,
			// The RFC prints bYT5CMsG...; erratum 2550 gives this value.
			expected: "r6/TJjbCOr97/+UU0NsvSne7s5g=", verifyURL: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
			consumerSecret: "j49sk3j29djd", tokenSecret: "dh893hdasih9"},
		{name: "RFC 5849 request, indentation lost", text: rfcUnindented, want: importRFCImported,
			expected: "r6/TJjbCOr97/+UU0NsvSne7s5g=", verifyURL: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
			consumerSecret: "j49sk3j29djd", tokenSecret: "dh893hdasih9"},
		{name: "bare header", text: importXHeader, want: bareHeader},
		{name: "header with its name", text: "authorization: " + importXHeader + "\nAccept: */*", want: &namedHeader},
		{name: "LTI launch URL", text: importLTIURL, want: &signer.Imported{
			Format: "url",
			Request: signer.Request{
				Method:          "GET",
				URL:             "https://lti.example.edu/launch?context_id=456434513&resource_link_id=120988f929-274612&roles=Instructor&lis_person_name_full=Jane+Q.+Public",
				ConsumerKey:     "12345",
				SignatureMethod: signer.HMACSHA1,
				Nonce:           "c8350c0e47782d16d2fa48b2090c1d8f",
				Timestamp:       "1251600739",
				Version:         "1.0",
				Callback:        "about:blank",
				Transport:       signer.TransportQuery,
			},
			Signature: "QWgJfKpJNDrpncgO9oXxJb8vHiE=",
			Unparsed:  []string{"assumed GET"},
		}},
		{name: "debug_sbs error text", text: debugSBS, want: &signer.Imported{
			Format:     "baseString",
			Request:    importBaseStringRequest,
			BaseString: importXBaseString,
			Unparsed:   []string{"text around the base string", importNoQueryOrBody},
		}, expected: importXSignature},
		{name: "bare base string", text: "\n  " + importXBaseString + "\n", want: &signer.Imported{
			Format:     "baseString",
			Request:    importBaseStringRequest,
			BaseString: importXBaseString,
			Unparsed:   []string{importNoQueryOrBody},
		}, expected: importXSignature},
		{name: "base string in an error sentence", text: "Invalid signature. Expected signature base string: " + importXBaseString, want: &signer.Imported{
			Format:     "baseString",
			Request:    importBaseStringRequest,
			BaseString: importXBaseString,
			Unparsed:   []string{"text around the base string", importNoQueryOrBody},
		}, expected: importXSignature},
	}
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

// TestImportCurlOptions checks how each curl option lands in the request.
func TestImportCurlOptions(t *testing.T) {
	const form = "application/x-www-form-urlencoded"
	tests := []struct {
		name, text                     string
		method, url, body, contentType string
		unparsed                       []string
	}{
		{"GET by default", "curl https://h/p", "GET", "https://h/p", "", "", nil},
		{"-d implies POST and a form", "curl https://h/p -d a=1", "POST", "https://h/p", "a=1", form, nil},
		{"-d pieces joined by &", "curl https://h/p -d a=1 --data b=2 --data-binary c=3 --data-ascii d=4", "POST", "https://h/p", "a=1&b=2&c=3&d=4", form, nil},
		{"header content type wins", "curl -H 'content-type: text/plain' https://h/p -d hi", "POST", "https://h/p", "hi", "text/plain", nil},
		{"-X wins over -d", "curl -XPUT https://h/p -d a=1", "PUT", "https://h/p", "a=1", form, nil},
		{"-G sends data in the query", "curl -G https://h/p?x=1 -d a=1 --data-urlencode 'b=c d'", "GET", "https://h/p?x=1&a=1&b=c+d", "", "", nil},
		{"-I is HEAD", "curl -sI https://h/p", "HEAD", "https://h/p", "", "", []string{"curl option -s"}},
		{"--data-urlencode forms", "curl --url https://h/p --data-urlencode '=a b' --data-urlencode 'x y!' --data-urlencode 'n=é&+'",
			"POST", "https://h/p", "a+b&x+y%21&n=%C3%A9%26%2B", form, nil},
		{"--data-urlencode from a file", "curl https://h/p --data-urlencode n@file.txt", "POST", "https://h/p", "", form,
			[]string{"data read from a file (curl option --data-urlencode)"}},
		{"-d from a file", "curl https://h/p -d @body.txt", "POST", "https://h/p", "", form, []string{"data read from a file (curl option -d)"}},
		{"--data-raw keeps @", "curl https://h/p --data-raw @x", "POST", "https://h/p", "@x", form, nil},
		{"--json", `curl https://h/p --json '{"a":1}'`, "POST", "https://h/p", `{"a":1}`, "application/json", nil},
		{"--url-query", "curl https://h/p#f --url-query 'q=a b' --url-query +raw=%41", "GET", "https://h/p?q=a+b&raw=%41#f", "", "", nil},
		{"no scheme", "curl h.example/p", "GET", "http://h.example/p", "", "", []string{"assumed http"}},
		{"user and options with values are named, not shown", "curl -u 'me:CANARY-pw' --connect-timeout 5 -A agent -o out.json https://h/p",
			"GET", "https://h/p", "", "", []string{"curl option -u", "curl option --connect-timeout", "curl option -A", "curl option -o"}},
		{"switches", "curl -sSLk --insecure -v -i https://h/p", "GET", "https://h/p", "", "",
			[]string{"curl option -s", "curl option -S", "curl option -L", "curl option -k", "curl option --insecure", "curl option -v", "curl option -i"}},
		{"extra argument and headers", "curl https://h/p https://other/ -H 'Host: x' -H 'X-Empty;' -H 'Accept: */*'", "GET", "https://h/p", "", "",
			[]string{"extra argument", "header Host", "header X-Empty", "header Accept"}},
		{"option without value", "curl https://h/p -H", "GET", "https://h/p", "", "", []string{"curl option -H without a value"}},
		{"comment and CRLF continuation", "curl \\\r\n  https://h/p \\\r\n  -d a=1 # send it", "POST", "https://h/p", "a=1", form, nil},
		{"double-quote escapes", `curl "https://h/p" -d "a=\"\$x\\\` + "`" + `\q"`, "POST", "https://h/p", `a="$x\` + "`" + `\q`, form, nil},
		{"curl.exe", `curl.exe "https://h/p" -d "a=1"`, "POST", "https://h/p", "a=1", form, nil},
		{"-- ends the options", "curl -- -weird", "GET", "http://-weird", "", "", []string{"assumed http"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Import(tc.text)
			require.NoError(t, err)
			assert.Equal(t, signer.ImportFormat("curl"), got.Format)
			assert.Equal(t, tc.method, got.Request.Method, "method")
			assert.Equal(t, tc.url, got.Request.URL, "url")
			assert.Equal(t, tc.body, got.Request.Body, "body")
			assert.Equal(t, tc.contentType, got.Request.ContentType, "content type")
			assert.Equal(t, tc.unparsed, got.Unparsed, "unparsed")
			for _, u := range got.Unparsed {
				assert.NotContains(t, u, "CANARY")
			}
		})
	}
}

// TestImportTransports checks that oauth_* parameters leave the query and
// the body, the rest keeping order and encoding, that an empty one Sign
// would omit stays to be signed as sent, and how the URL, the body and a
// base string's parameters are rebuilt.
func TestImportTransports(t *testing.T) {
	tests := []struct {
		name, text string
		want       signer.Request
		signature  string
		unparsed   []string
	}{
		{"query, fragment kept", "GET https://h/p?b=%20+&oauth_consumer_key=k&a=1&oauth_token=&oauth_foo=x#frag HTTP/1.1",
			signer.Request{Method: "GET", URL: "https://h/p?b=%20+&a=1&oauth_token=&oauth_foo=x#frag", ConsumerKey: "k", Transport: signer.TransportQuery},
			"", nil},
		{"query all protocol", "https://h/p?oauth_consumer_key=k&oauth_signature=a%2Bb%3D&oauth_body_hash=x",
			signer.Request{Method: "GET", URL: "https://h/p", ConsumerKey: "k", BodyHash: true, Transport: signer.TransportQuery},
			"a+b=", []string{"assumed GET"}},
		{"body", "curl https://h/p -d 'z=1&oauth_nonce=n&oauth_signature=s+p&y=%41'",
			signer.Request{Method: "POST", URL: "https://h/p", Body: "z=1&y=%41", ContentType: "application/x-www-form-urlencoded", Nonce: "n", Transport: signer.TransportBody},
			"s p", nil},
		{"body only when form", "curl https://h/p -H 'Content-Type: text/plain' -d 'oauth_nonce=n'",
			signer.Request{Method: "POST", URL: "https://h/p", Body: "oauth_nonce=n", ContentType: "text/plain"},
			"", nil},
		{"duplicate", "https://h/p?oauth_nonce=1&oauth_nonce=2",
			signer.Request{Method: "GET", URL: "https://h/p", Nonce: "1", Transport: signer.TransportQuery},
			"", []string{"assumed GET", "duplicate oauth_nonce in the query"}},
		{"header first, then query", "curl 'https://h/p?oauth_verifier=v' -H 'Authorization: OAuth oauth_consumer_key=\"k\", oauth_token=\"\", x=\"1\", oauth_body_hash=\"h\"'",
			signer.Request{Method: "GET", URL: "https://h/p", ConsumerKey: "k", Verifier: "v", BodyHash: true, Transport: signer.TransportHeader,
				Params: []signer.Param{{Name: "oauth_token", Value: "", Source: signer.SourceProtocol}, {Name: "x", Value: "1", Source: signer.SourceProtocol}}},
			"", nil},
		{"non-OAuth Authorization is only named", "GET /p HTTP/1.1\nHost: h:80\nAuthorization: Basic Zm9vOmJhcg==\n\n",
			signer.Request{Method: "GET", URL: "http://h:80/p"},
			"", []string{"header Authorization"}},
		{"absolute target", "DELETE http://h/p HTTP/1.1\nHost: other\n",
			signer.Request{Method: "DELETE", URL: "http://h/p"},
			"", nil},
		{"no Host", "POST /p HTTP/1.1\nX: y\nnot a header\n\nbody",
			signer.Request{Method: "POST", Body: "body"},
			"", []string{"line 3", "header X", "URL missing: no Host header"}},
		{"Content-Length keeps a trailing line end", "PUT /p HTTP/1.1\nHost: h:8443\nContent-Length: 3\n\n{}\n\n",
			signer.Request{Method: "PUT", URL: "https://h:8443/p", Body: "{}\n"},
			"", []string{"header Content-Length", "assumed https"}},
		{"Content-Length too long", "PUT /p HTTP/1.1\nHost: h:443\nContent-Length: 9\n\n{}\n",
			signer.Request{Method: "PUT", URL: "https://h:443/p", Body: "{}"},
			"", []string{"header Content-Length"}},
		{"base string, odd parameters", "POST&https%3A%2F%2Fh%2F&oauth_body_hash%3Dx%26oauth_consumer_key%3Dk%26oauth_signature%3Ds%26oauth_token%3D",
			signer.Request{Method: "POST", URL: "https://h/", ConsumerKey: "k", Params: []signer.Param{
				{Name: "oauth_body_hash", Value: "x", Source: signer.SourceProtocol},
				{Name: "oauth_token", Value: "", Source: signer.SourceProtocol}}},
			"", []string{"oauth_signature in the base string: it is never signed", "base string not in normal form: signing the request gives a different one"}},
		{"base string, lower case", "get&http%3a%2f%2fh%2F&a%3D1",
			signer.Request{Method: "get", URL: "http://h/", Params: []signer.Param{{Name: "a", Value: "1", Source: signer.SourceExtra}}},
			"", []string{importNoQueryOrBody, "base string not in normal form: signing the request gives a different one"}},
	}
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

// TestImportErrors checks the errors of Import: the field they name, the
// sentinel behind them, and that they never quote the text.
func TestImportErrors(t *testing.T) {
	c := importCanary
	tests := []struct {
		name, text, field string
		sentinel          error
	}{
		{"empty", " \r\n\t ", "text", signer.ErrRequired},
		{"unrecognised", "hello " + c, "text", signer.ErrMalformed},
		{"JSON error reply", `{"errors":[{"code":32,"message":"Could not authenticate you. ` + c + `"}]}`, "text", signer.ErrMalformed},
		{"single quote never closed", "curl 'https://h/?" + c, "text", signer.ErrMalformed},
		{"double quote never closed", `curl https://h/ -d "a=` + c, "text", signer.ErrMalformed},
		{"ANSI-C quote never closed", `curl https://h/ -d $'` + c, "text", signer.ErrMalformed},
		{"cmd quote never closed", "curl ^\n \"https://h/" + c, "text", signer.ErrMalformed},
		{"request line without target", "POST HTTP/1.1\nHost: " + c, "text", signer.ErrMalformed},
		{"method alone", "GET\nHost: " + c, "text", signer.ErrMalformed},
		{"bad header alone", `Authorization: OAuth oauth_nonce="` + c, "authorization", signer.ErrMalformed},
		{"Basic header alone", "Authorization: Basic " + c, "authorization", signer.ErrMalformed},
		{"bad header in a request", "GET / HTTP/1.1\nHost: h\nAuthorization: OAuth " + c + `="x` + "\n\n", "authorization", signer.ErrMalformed},
		{"bad header in curl", "curl https://h/ -H 'Authorization: OAuth " + c + "'", "authorization", signer.ErrMalformed},
		{"bad escape in a query oauth value", "https://h/?oauth_nonce=%zz" + c, "text", signer.ErrMalformed},
		{"bad escape in a body oauth value", "curl https://h/ -d 'oauth_token=" + c + "%'", "text", signer.ErrMalformed},
		{"bad escape in a base string", "POST&https%3A%2F%2Fh%2F&a%3D" + c + "%", "text", signer.ErrMalformed},
		{"bad escape in base string parameters", "POST&https%3A%2F%2Fh%2F&a%3D" + c + "%25", "text", signer.ErrMalformed},
	}
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

// importRSAKey returns the published RSA test key of testdata/vectors.json.
func importRSAKey(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/vectors.json")
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
	t.Fatal("no RSA key in testdata/vectors.json")
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

// ExampleImport reads a curl command, as a browser's "Copy as cURL" or
// Postman writes it, and verifies its signature with the secrets.
func ExampleImport() {
	im, err := signer.Import(`curl 'https://api.x.com/1.1/statuses/update.json?include_entities=true' \
  -H 'Authorization: OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"' \
  --data-raw 'status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21' \
  --compressed`)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := im.Request
	fmt.Println(im.Format, r.Method, r.URL)
	fmt.Println(r.ContentType)
	fmt.Println(r.ConsumerKey, r.SignatureMethod, r.Timestamp, r.Transport)
	fmt.Println(im.Signature)
	fmt.Println(im.Unparsed)

	r.ConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	r.TokenSecret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	v, err := signer.Verify(r, im.Signature, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Valid)
	// Output:
	// curl POST https://api.x.com/1.1/statuses/update.json?include_entities=true
	// application/x-www-form-urlencoded
	// xvz1evFS4wEEPTGEFPHBog HMAC-SHA1 1318622958 header
	// Ls93hJiZbQ3akF3HF3x1Bz8/zU4=
	// [curl option --compressed]
	// true
}
