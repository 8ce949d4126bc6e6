package signer_test

import (
	"net/url"
	"testing"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// importBaseStringRequest is the request Import rebuilds from the base
// string of the X example: the base string URI has no query, query and
// body parameters become extra parameters, and nothing says what the
// content type or the transport was.
func importBaseStringRequest() signer.Request {
	r := importXRequest("")
	r.URL = "https://api.x.com/1.1/statuses/update.json"
	r.ContentType, r.Transport = "", ""
	r.Params = []signer.Param{
		{Name: "include_entities", Value: "true", Source: signer.SourceExtra},
		{Name: "status", Value: importXStatus, Source: signer.SourceExtra},
	}
	return r
}

// importNoQueryOrBody is the note of every base string with parameters
// other than oauth_*.
const importNoQueryOrBody = "query and body parameters cannot be told apart in a base string: all are extra parameters"

// TestImportBaseString imports the base string of the X example, bare and
// in error texts, and checks that the import signs to it again (RFC 5849
// section 3.4.1.1).
func TestImportBaseString(t *testing.T) {
	debugSBS := "oauth_problem=signature_invalid&debug_sbs=" + url.QueryEscape(importXBaseString) + "&oauth_acceptable_timestamps=1318622000-1318623000"

	runImportFormatTests(t, []importFormatTest{
		{name: "debug_sbs error text", text: debugSBS, want: &signer.Imported{
			Format:     "baseString",
			Request:    importBaseStringRequest(),
			BaseString: importXBaseString,
			Unparsed:   []string{"text around the base string", importNoQueryOrBody},
		}, expected: importXSignature},
		{name: "bare base string", text: "\n  " + importXBaseString + "\n", want: &signer.Imported{
			Format:     "baseString",
			Request:    importBaseStringRequest(),
			BaseString: importXBaseString,
			Unparsed:   []string{importNoQueryOrBody},
		}, expected: importXSignature},
		{name: "base string in an error sentence", text: "Invalid signature. Expected signature base string: " + importXBaseString, want: &signer.Imported{
			Format:     "baseString",
			Request:    importBaseStringRequest(),
			BaseString: importXBaseString,
			Unparsed:   []string{"text around the base string", importNoQueryOrBody},
		}, expected: importXSignature},
	})
}

// TestImportBaseStringParams checks how a base string's parameters are
// rebuilt, and the notes on what it cannot say.
func TestImportBaseStringParams(t *testing.T) {
	runImportRequestTests(t, []importRequestTest{
		{"base string, odd parameters", "POST&https%3A%2F%2Fh%2F&oauth_body_hash%3Dx%26oauth_consumer_key%3Dk%26oauth_signature%3Ds%26oauth_token%3D",
			signer.Request{Method: "POST", URL: "https://h/", ConsumerKey: "k", Params: []signer.Param{
				{Name: "oauth_body_hash", Value: "x", Source: signer.SourceProtocol},
				{Name: "oauth_token", Value: "", Source: signer.SourceProtocol}}},
			"", []string{"oauth_signature in the base string: it is never signed", "base string not in normal form: signing the request gives a different one"}},
		{"base string, lower case", "get&http%3a%2f%2fh%2F&a%3D1",
			signer.Request{Method: "get", URL: "http://h/", Params: []signer.Param{{Name: "a", Value: "1", Source: signer.SourceExtra}}},
			"", []string{importNoQueryOrBody, "base string not in normal form: signing the request gives a different one"}},
	})
}

// TestImportBaseStringErrors checks the errors of base strings with bad
// escapes.
func TestImportBaseStringErrors(t *testing.T) {
	c := importCanary
	runImportErrorTests(t, []importErrorTest{
		{"bad escape in a base string", "POST&https%3A%2F%2Fh%2F&a%3D" + c + "%", "text", signer.ErrMalformed},
		{"bad escape in base string parameters", "POST&https%3A%2F%2Fh%2F&a%3D" + c + "%25", "text", signer.ErrMalformed},
	})
}
