package signer_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// The secrets of the PLAINTEXT requests below: their signature is
// "CANARYcs%26CANARYts" on the wire, "CANARYcs&CANARYts" decoded (RFC 5849
// section 3.4.4).
const (
	scrubCS  = "CANARYcs"
	scrubTS  = "CANARYts"
	scrubSig = scrubCS + "&" + scrubTS
)

// scrubPlaintext is a PLAINTEXT request's protocol parameters, form-encoded.
const scrubPlaintext = "oauth_consumer_key=ck&oauth_signature=" + scrubCS + "%26" + scrubTS + "&oauth_signature_method=PLAINTEXT"

// nonSecretFields lists every field of an import that is not a secret
// field (all but Signature, Authorization and BaseString, which the Verify
// view shows and never shares), with its value.
func nonSecretFields(im *signer.Imported) map[string]string {
	r := im.Request
	out := map[string]string{
		"method": r.Method, "url": r.URL, "body": r.Body, "contentType": r.ContentType,
		"consumerKey": r.ConsumerKey, "token": r.Token, "signatureMethod": string(r.SignatureMethod),
		"nonce": r.Nonce, "timestamp": r.Timestamp, "version": r.Version, "realm": r.Realm,
		"callback": r.Callback, "verifier": r.Verifier, "unparsed": strings.Join(im.Unparsed, "\n"),
	}
	for i, p := range r.Params {
		out["params["+string(rune('0'+i%10))+"]"] += p.Name + "=" + p.Value + ";"
	}
	return out
}

// assertNoScrubCanary checks that no non-secret field of im holds a canary
// or names oauth_signature.
func assertNoScrubCanary(t *testing.T, im *signer.Imported) {
	t.Helper()
	for name, v := range nonSecretFields(im) {
		assert.NotContains(t, v, "CANARY", "field %s holds a secret", name)
		if name != "unparsed" {
			assert.NotContains(t, strings.ToLower(v), "oauth_signature=", "field %s holds a signature", name)
			assert.NotContains(t, strings.ToLower(v), "oauth%5fsignature", "field %s holds a signature", name)
		}
	}
}

// TestImportPlaintextSignatureNeverInAField imports the request of issue
// 13, finding 1, in every place and spelling it was found to leak from: a
// PLAINTEXT signature (the secrets) in a body of no, another or several
// content types, userinfo, upper case, encoded names, ";", the fragment,
// the path, the realm. Each import must hold the canaries in no field but
// Signature and Authorization, and say what it left out.
func TestImportPlaintextSignatureNeverInAField(t *testing.T) {
	post := func(contentType, body string) string {
		h := "POST /p HTTP/1.1\r\nHost: api.example.test\r\n"
		if contentType != "" {
			h += "Content-Type: " + contentType + "\r\n"
		}
		return h + "\r\n" + body
	}
	multipart := "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" +
		"--XyZ\r\nContent-Disposition: form-data; name=\"oauth_signature\"\r\n\r\n" + scrubSig + "\r\n" +
		"--XyZ\r\nContent-Disposition: form-data; name=\"oauth_signature_method\"\r\n\r\nPLAINTEXT\r\n--XyZ--\r\n"
	tests := []struct {
		name, text string
		want       signer.Request
		signature  string // "" for scrubSig
		unparsed   []string
	}{
		{"body, no content type", post("", "a=1&"+scrubPlaintext),
			signer.Request{Method: "POST", URL: "https://api.example.test/p", Body: "a=1", ConsumerKey: "ck", SignatureMethod: signer.PLAINTEXT}, "",
			[]string{"assumed https", "oauth_* parameters in a body that is not form-encoded: moved to their fields"}},
		{"body, text/plain", post("text/plain", scrubPlaintext),
			signer.Request{Method: "POST", URL: "https://api.example.test/p", ContentType: "text/plain", ConsumerKey: "ck", SignatureMethod: signer.PLAINTEXT}, "",
			[]string{"assumed https", "oauth_* parameters in a body that is not form-encoded: moved to their fields"}},
		{"body, multipart/form-data holding form text", post("multipart/form-data; boundary=XyZ", scrubPlaintext),
			signer.Request{Method: "POST", URL: "https://api.example.test/p", ContentType: "multipart/form-data; boundary=XyZ", ConsumerKey: "ck", SignatureMethod: signer.PLAINTEXT}, "",
			[]string{"assumed https", "oauth_* parameters in a body that is not form-encoded: moved to their fields"}},
		{"body, multipart/form-data parts", post("multipart/form-data; boundary=XyZ", multipart),
			signer.Request{Method: "POST", URL: "https://api.example.test/p", ContentType: "multipart/form-data; boundary=XyZ", SignatureMethod: signer.PLAINTEXT,
				Body: "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--"}, "",
			[]string{"assumed https", "oauth_signature spelled or placed unusually in the body: moved to its field",
				"oauth_signature_method spelled or placed unusually in the body: moved to its field",
				"oauth_* parameters in a body that is not form-encoded: moved to their fields"}},
		{"body, a list of types", post("text/plain, application/x-www-form-urlencoded", scrubPlaintext+"&b=2"),
			signer.Request{Method: "POST", URL: "https://api.example.test/p", Body: "b=2", ContentType: "text/plain, application/x-www-form-urlencoded", ConsumerKey: "ck", SignatureMethod: signer.PLAINTEXT}, "",
			[]string{"assumed https", "oauth_* parameters in a body that is not form-encoded: moved to their fields"}},
		{"body, JSON naming oauth_signature", post("application/json", `{"oauth_signature":"`+scrubSig+`"}`),
			signer.Request{Method: "POST", URL: "https://api.example.test/p", ContentType: "application/json"}, "-",
			[]string{"assumed https", "body naming oauth_signature or holding a secret: left out"}},
		{"body, JSON with an ampersand", post("application/json", `{"q":"a&oauth_nonce=n1"}`),
			signer.Request{Method: "POST", URL: "https://api.example.test/p", Body: `{"q":"a&oauth_nonce=n1"}`, ContentType: "application/json"}, "-",
			[]string{"assumed https"}},
		{"userinfo", "https://" + scrubCS + ":" + scrubTS + "@api.example.test/p?a=1",
			signer.Request{Method: "GET", URL: "https://api.example.test/p?a=1"}, "-",
			[]string{"assumed GET", "userinfo in the URL: left out"}},
		{"userinfo in a Host header, and again in the body", "POST /p HTTP/1.1\nHost: " + scrubCS + "@api.example.test\nContent-Type: text/plain\n\nsecret " + scrubCS,
			signer.Request{Method: "POST", URL: "https://api.example.test/p", ContentType: "text/plain"}, "-",
			[]string{"assumed https", "userinfo in the URL: left out", "body naming oauth_signature or holding a secret: left out"}},
		{"upper case in the query", "https://api.example.test/p?a=1&OAUTH_SIGNATURE=" + scrubCS + "%26" + scrubTS + "&OAUTH_SIGNATURE_METHOD=PLAINTEXT",
			signer.Request{Method: "GET", URL: "https://api.example.test/p?a=1", SignatureMethod: signer.PLAINTEXT, Transport: signer.TransportQuery}, "",
			[]string{"assumed GET", "oauth_signature spelled or placed unusually in the query: moved to its field",
				"oauth_signature_method spelled or placed unusually in the query: moved to its field"}},
		{"percent-encoded names in a form body", "curl https://api.example.test/p -d 'oauth%5Fsignature=" + scrubCS + "%26" + scrubTS + "&oauth%255Fsignature%255Fmethod=PLAINTEXT&a=1'",
			signer.Request{Method: "POST", URL: "https://api.example.test/p", Body: "a=1", ContentType: "application/x-www-form-urlencoded", SignatureMethod: signer.PLAINTEXT, Transport: signer.TransportBody}, "",
			[]string{"oauth_signature_method spelled or placed unusually in the body: moved to its field"}},
		{"; separators", "https://api.example.test/p?a=1;oauth_signature=" + scrubCS + "%26" + scrubTS + ";oauth_signature_method=PLAINTEXT&b=2;c",
			signer.Request{Method: "GET", URL: "https://api.example.test/p?a=1&b=2;c", SignatureMethod: signer.PLAINTEXT, Transport: signer.TransportQuery}, "",
			[]string{"assumed GET", "oauth_signature spelled or placed unusually in the query: moved to its field",
				"oauth_signature_method spelled or placed unusually in the query: moved to its field"}},
		{"fragment", "https://api.example.test/p?a=1#oauth_signature=" + scrubCS + "%26" + scrubTS,
			signer.Request{Method: "GET", URL: "https://api.example.test/p?a=1"}, "-",
			[]string{"assumed GET", "oauth_* parameters in the URL fragment, which is never sent: left out"}},
		{"path", "https://api.example.test/v1;oauth_signature=" + scrubCS + "%26" + scrubTS + "/items/oauth_signature=" + scrubCS + "?a=1",
			signer.Request{Method: "GET", URL: "https://api.example.test/v1/items/?a=1"}, "-",
			[]string{"assumed GET", "URL path naming oauth_signature or holding a secret: left out"}},
		{"path, percent-encoded query", "https://api.example.test/p%3Foauth_signature%3D" + scrubCS + "%2526" + scrubTS,
			signer.Request{Method: "GET", URL: "https://api.example.test/"}, "-",
			[]string{"assumed GET", "URL path naming oauth_signature or holding a secret: left out"}},
		{"realm", "Authorization: OAuth realm=\"oauth_signature=" + scrubCS + "%26" + scrubTS + "\", oauth_signature_method=\"PLAINTEXT\", oauth_signature=\"" + scrubCS + "%26" + scrubTS + "\"",
			signer.Request{SignatureMethod: signer.PLAINTEXT, Transport: signer.TransportHeader}, "",
			[]string{"method missing", "URL missing", "realm naming oauth_signature or holding a secret: left out"}},
		{"realm holding the secret", "GET https://api.example.test/p HTTP/1.1\nAuthorization: OAuth realm=\"" + scrubCS + "\", oauth_signature_method=\"PLAINTEXT\", oauth_signature=\"" + scrubCS + "%26" + scrubTS + "\"\n\n",
			signer.Request{Method: "GET", URL: "https://api.example.test/p", SignatureMethod: signer.PLAINTEXT, Transport: signer.TransportHeader}, "",
			[]string{"realm naming oauth_signature or holding a secret: left out"}},
		{"header, upper case", "Authorization: OAuth OAUTH_SIGNATURE=\"" + scrubCS + "%26" + scrubTS + "\", Oauth_Nonce=\"" + scrubCS + "\"",
			signer.Request{Transport: signer.TransportHeader}, "",
			[]string{"oauth_signature spelled or placed unusually in the header: moved to its field",
				"oauth_nonce spelled or placed unusually in the header: moved to its field",
				"method missing", "URL missing", "oauth_nonce naming oauth_signature or holding a secret: left out"}},
		{"the signature's value in another field", "https://api.example.test/p?oauth_signature=" + scrubCS + "%26" + scrubTS + "&copy=" + scrubTS + "&oauth_callback=https%3A%2F%2Fc%2F%3Fs%3D" + scrubCS,
			signer.Request{Method: "GET", URL: "https://api.example.test/p", Transport: signer.TransportQuery}, "",
			[]string{"assumed GET", "query parameter naming oauth_signature or holding a secret: left out",
				"oauth_callback naming oauth_signature or holding a secret: left out"}},
		{"a base string with userinfo", "GET&https%3A%2F%2F" + scrubCS + "%40h%2Fp&a%3D1%26oauth_signature%3D" + scrubCS,
			signer.Request{Method: "GET", URL: "https://h/p", Params: []signer.Param{{Name: "a", Value: "1", Source: signer.SourceExtra}}}, "-",
			[]string{"query and body parameters cannot be told apart in a base string: all are extra parameters",
				"oauth_signature in the base string: it is never signed",
				"base string not in normal form: signing the request gives a different one", "userinfo in the URL: left out"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Import(tc.text)
			require.NoError(t, err)
			assertNoScrubCanary(t, got)
			assert.Equal(t, tc.want, got.Request)
			want := tc.signature
			switch want {
			case "":
				want = scrubSig
			case "-":
				want = ""
			}
			assert.Equal(t, want, got.Signature, "signature")
			assert.Equal(t, tc.unparsed, got.Unparsed, "unparsed")
		})
	}
}

// TestImportCheckPlaintextImportable checks the Verify view's side of
// finding 1: what Check offers to import into the Sign view, which a share
// link and an embed are then built from, holds no secret, and the request
// is still read as PLAINTEXT.
func TestImportCheckPlaintextImportable(t *testing.T) {
	for _, ct := range []string{"", "text/plain", "multipart/form-data", "text/plain, application/json"} {
		t.Run("content type "+ct, func(t *testing.T) {
			text := "POST /p HTTP/1.1\nHost: api.example.test\n"
			if ct != "" {
				text += "Content-Type: " + ct + "\n"
			}
			text += "\n" + scrubPlaintext + "&a=1"
			c, err := signer.Check(signer.CheckInput{Text: text})
			require.NoError(t, err)
			require.NotNil(t, c.Importable)
			assert.Equal(t, signer.PLAINTEXT, c.Importable.SignatureMethod)
			assert.Equal(t, "a=1", c.Importable.Body)
			assert.NotContains(t, c.Importable.URL+c.Importable.Body+c.Importable.Realm, "CANARY")
			require.NotNil(t, c.Read)
			assert.Empty(t, c.Read.Signature, "what was read keeps no PLAINTEXT signature")
		})
	}
}
