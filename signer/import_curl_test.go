package signer_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// TestImportCurl imports the X example as curl commands written by hand,
// by Postman and by browsers for bash and for cmd, and checks all that
// Import returns.
func TestImportCurl(t *testing.T) {
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

	runImportFormatTests(t, []importFormatTest{
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
	})
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

// TestImportCurlErrors checks the errors of curl commands: quotes never
// closed, whatever the quoting, and a header that does not parse.
func TestImportCurlErrors(t *testing.T) {
	c := importCanary
	runImportErrorTests(t, []importErrorTest{
		{"single quote never closed", "curl 'https://h/?" + c, "text", signer.ErrMalformed},
		{"double quote never closed", `curl https://h/ -d "a=` + c, "text", signer.ErrMalformed},
		{"ANSI-C quote never closed", `curl https://h/ -d $'` + c, "text", signer.ErrMalformed},
		{"cmd quote never closed", "curl ^\n \"https://h/" + c, "text", signer.ErrMalformed},
		{"bad header in curl", "curl https://h/ -H 'Authorization: OAuth " + c + "'", "authorization", signer.ErrMalformed},
	})
}

// TestImportCurlUnclosedQuote checks that a quote never closed, which the
// lexer reports as shellwords.ErrUnclosedQuote, reaches the user as the
// same sentence whatever the quoting.
func TestImportCurlUnclosedQuote(t *testing.T) {
	const want = "signer: text: has a curl command with a quote that is never closed"
	for _, text := range []string{"curl 'https://h/", `curl -d "a`, `curl $'a`, "curl ^\n \"https://h/"} {
		_, err := signer.Import(text)
		assert.EqualError(t, err, want, "Import(%q)", text)
	}
}
