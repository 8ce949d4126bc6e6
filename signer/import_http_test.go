package signer_test

import (
	"strings"
	"testing"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// importXRaw is the raw request of the X example ("Creating a
// signature") with the header of "Authorizing a request" added, with CRLF
// line ends as it travels.
var importXRaw = strings.ReplaceAll(`POST /1.1/statuses/update.json?include_entities=true HTTP/1.1
Accept: */*
Connection: close
User-Agent: OAuth gem v0.4.4
Content-Type: application/x-www-form-urlencoded
Authorization: `+importXHeader+`
Content-Length: 76
Host: api.x.com

`+importXBody, "\n", "\r\n")

// importRFCRaw is the request of RFC 5849 section 3.1, verbatim.
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
	SchemeGuessed: true,
}

// importLTIURL is a launch URL signed in its query, the way an LTI 1.1
// tool consumer or a signed-URL service builds it.
const importLTIURL = "https://lti.example.edu/launch?context_id=456434513&oauth_callback=about%3Ablank&oauth_consumer_key=12345&oauth_nonce=c8350c0e47782d16d2fa48b2090c1d8f&oauth_signature=QWgJfKpJNDrpncgO9oXxJb8vHiE%3D&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1251600739&oauth_version=1.0&resource_link_id=120988f929-274612&roles=Instructor&lis_person_name_full=Jane+Q.+Public"

// TestImportHTTP imports raw HTTP requests and checks all that Import
// returns (RFC 9112 sections 3 to 6).
func TestImportHTTP(t *testing.T) {
	rfcUnindented := strings.ReplaceAll(importRFCRaw, "\n               ", "\n")
	xRaw := importXImported("http", importXBody, "header Accept", "header Connection", "header User-Agent", "header Content-Length", "assumed https")
	xRaw.SchemeGuessed = true

	runImportFormatTests(t, []importFormatTest{
		{name: "X raw HTTP request", text: importXRaw,
			want: xRaw,
			// The header's signature is the one of the /1/ URL: signing
			// the 1.1 request gives another.
			expected: importXSignature},
		{name: "RFC 5849 section 3.1 request", text: importRFCRaw, want: importRFCImported,
			// The RFC prints bYT5CMsG...; erratum 2550 gives this value.
			expected: "r6/TJjbCOr97/+UU0NsvSne7s5g=", verifyURL: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
			consumerSecret: "j49sk3j29djd", tokenSecret: "dh893hdasih9"},
		{name: "RFC 5849 request, indentation lost", text: rfcUnindented, want: importRFCImported,
			expected: "r6/TJjbCOr97/+UU0NsvSne7s5g=", verifyURL: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
			consumerSecret: "j49sk3j29djd", tokenSecret: "dh893hdasih9"},
	})
}

// TestImportHTTPRequests checks how the request line and the headers of a
// raw HTTP request make the request: the Host, the scheme guess, the body
// that Content-Length bounds, and the headers that are only named.
func TestImportHTTPRequests(t *testing.T) {
	runImportRequestTests(t, []importRequestTest{
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
	})
}

// TestImportSchemeGuessed checks that SchemeGuessed is set exactly when
// the text carried no scheme: a raw HTTP request whose target is a path
// takes its scheme from a guess on the Host, whatever the port; an
// absolute target, a URL and curl (which itself sends http for a URL
// without one) carry theirs.
func TestImportSchemeGuessed(t *testing.T) {
	tests := []struct {
		name, text string
		url        string
		guessed    bool
	}{
		{"path and Host", "GET /p HTTP/1.1\nHost: h\n\n", "https://h/p", true},
		{"path and Host with port 80", "GET /p HTTP/1.1\nHost: h:80\n\n", "http://h:80/p", true},
		{"path and Host with port 443", "GET /p HTTP/1.1\nHost: h:443\n\n", "https://h:443/p", true},
		{"path and Host with another port", "GET /p HTTP/1.1\nHost: h:8080\n\n", "https://h:8080/p", true},
		{"path without Host", "GET /p HTTP/1.1\nAccept: */*\n\n", "", false},
		{"absolute http target", "GET http://h/p HTTP/1.1\nHost: h\n\n", "http://h/p", false},
		{"absolute https target", "GET https://h/p HTTP/1.1\n\n", "https://h/p", false},
		{"URL", "http://h/p?oauth_nonce=n", "http://h/p", false},
		{"curl without a scheme", "curl h/p", "http://h/p", false},
		{"curl with https", "curl https://h/p", "https://h/p", false},
		{"header alone", `OAuth oauth_consumer_key="k"`, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Import(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if got.Request.URL != tc.url || got.SchemeGuessed != tc.guessed {
				t.Errorf("got URL %q, SchemeGuessed %v; want %q, %v", got.Request.URL, got.SchemeGuessed, tc.url, tc.guessed)
			}
		})
	}
}

// TestImportHeader imports an Authorization header pasted alone, with and
// without its name (RFC 5849 section 3.5.1).
func TestImportHeader(t *testing.T) {
	// A header alone says nothing of the method, the URL or the body.
	headerOnly := importXRequest("")
	headerOnly.Method, headerOnly.URL, headerOnly.ContentType = "", "", ""
	bareHeader := &signer.Imported{
		Format:        "header",
		Request:       headerOnly,
		Signature:     "tnnArxj06cWHq44gCs1OSKk/jLY=",
		Authorization: importXHeader,
		Unparsed:      []string{"method missing", "URL missing"},
	}
	namedHeader := *bareHeader
	namedHeader.Unparsed = []string{"header Accept", "method missing", "URL missing"}

	runImportFormatTests(t, []importFormatTest{
		{name: "bare header", text: importXHeader, want: bareHeader},
		{name: "header with its name", text: "authorization: " + importXHeader + "\nAccept: */*", want: &namedHeader},
	})
}

// TestImportURL imports a URL signed in its query (RFC 5849 section
// 3.5.3).
func TestImportURL(t *testing.T) {
	runImportFormatTests(t, []importFormatTest{
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
	})
}

// TestImportHTTPErrors checks the errors of raw HTTP requests and headers
// pasted alone.
func TestImportHTTPErrors(t *testing.T) {
	c := importCanary
	runImportErrorTests(t, []importErrorTest{
		{"request line without target", "POST HTTP/1.1\nHost: " + c, "text", signer.ErrMalformed},
		{"method alone", "GET\nHost: " + c, "text", signer.ErrMalformed},
		{"bad header alone", `Authorization: OAuth oauth_nonce="` + c, "authorization", signer.ErrMalformed},
		{"Basic header alone", "Authorization: Basic " + c, "authorization", signer.ErrMalformed},
		{"bad header in a request", "GET / HTTP/1.1\nHost: h\nAuthorization: OAuth " + c + `="x` + "\n\n", "authorization", signer.ErrMalformed},
	})
}
