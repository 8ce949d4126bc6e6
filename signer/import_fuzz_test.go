package signer

// Fuzz targets for Import: it never panics, reads the same text the same
// way, and its errors never quote the text, which may hold secrets
// (docs/architecture.md, "Security rules"). Run one with
//
//	go test ./signer -run '^$' -fuzz '^FuzzImport$' -fuzztime 30s
//	go test ./signer -run '^$' -fuzz '^FuzzImportCurl$' -fuzztime 30s
//
// Inputs that fail are written under testdata/fuzz/FuzzImport*/ and re-run
// by plain `go test` as regression tests.

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer/internal/shellwords"
)

// importFuzzCanary stands for a secret in fuzzed text. A "§" in a seed
// marks where secrets go; FuzzImport also inserts one in the middle of
// every input.
const importFuzzCanary = "CANARY-s3cr3t-value"

// importFuzzHeader is the header of X's "Authorizing a request"
// (https://docs.x.com/fundamentals/authentication/oauth-1-0a/authorizing-a-request).
const importFuzzHeader = `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"`

// importFuzzCurls are curl commands as tools write them: by hand, by
// Postman and Insomnia, by browsers for bash and for cmd.
var importFuzzCurls = []string{
	"curl 'https://api.x.com/1.1/statuses/update.json?include_entities=true' -H 'Authorization: " + importFuzzHeader + "' --data 'status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21'",
	"curl --location 'https://api.x.com/1.1/statuses/update.json?include_entities=true' \\\n--header 'Authorization: " + importFuzzHeader + "' \\\n--header 'Content-Type: application/x-www-form-urlencoded' \\\n--data-urlencode 'status=Hello Ladies + Gentlemen, a signed OAuth request!'",
	"curl --request POST \\\n  --url 'https://h.example/p?a=1' \\\n  --header 'Authorization: OAuth realm=\"R\", oauth_consumer_key=\"§\"' \\\n  --data a=1",
	`curl -X POST "https://h.example/p" -H "Authorization: OAuth oauth_nonce=\"§\", oauth_signature=\"x%2By\"" -d "a=\"\$b\\"`,
	"curl $'https://h.example/p?q=\\x21' -H $'X-A: \\'\\u00e9\\'' --data-raw $'a\\nb' --compressed",
	"curl ^\"https://h.example/p?a=1^&b=2^\" ^\r\n  -H ^\"authorization: OAuth oauth_token=^\\^\"§^\\^\"^\" ^\r\n  --data-raw ^\"x=1^\"",
	"curl -sSLk -G https://h.example/p -d 'oauth_consumer_key=§&oauth_signature=a%3D' --url-query +b=%41 -u user:§",
	"curl -XPUT https://h.example/p --json '{\"a\":1}' -H 'Content-Type;' -I -- -x",
	"$ curl https://h.example/p?oauth_nonce=§ | jq . > out.json",
	"curl 'https://h.example/p -d \"unterminated",
	"curl.exe \"https://h.example/p\" -d \"a=1\" # comment",
	"curl",
}

// importFuzzTexts are the other formats Import reads.
var importFuzzTexts = []string{
	"POST /1.1/statuses/update.json?include_entities=true HTTP/1.1\r\nAccept: */*\r\nContent-Type: application/x-www-form-urlencoded\r\nAuthorization: " + importFuzzHeader + "\r\nContent-Length: 76\r\nHost: api.x.com\r\n\r\nstatus=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21",
	"POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b HTTP/1.1\nHost: example.com\nContent-Type: application/x-www-form-urlencoded\nAuthorization: OAuth realm=\"Example\",\n               oauth_consumer_key=\"9djdj82h48djs9d2\",\n               oauth_token=\"§\",\n               oauth_signature=\"bYT5CMsGcbgUdFHObYMEfcx6bsw%3D\"\n\nc2&a3=2+q",
	"GET http://h.example:80/p?oauth_token=&oauth_nonce=§#f HTTP/1.1\nHost: h\nX-Y: z\n\n",
	"PUT /p HTTP/1.1\nHost: h:80\nContent-Length: 3\n\n{}\n",
	importFuzzHeader,
	"Authorization: OAuth realm=\"Photos\",\n   oauth_consumer_key=\"dpf43f3p2l4k3l03\",\n   oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\",\n   oauth_signature=\"74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\"\nContent-Type: text/plain",
	"Authorization: Basic §",
	"https://lti.example.edu/launch?context_id=1&oauth_consumer_key=§&oauth_signature=QWgJ%3D&oauth_body_hash=x&roles=Instructor",
	"oauth_problem=signature_invalid&debug_sbs=POST%26https%253A%252F%252Fh%252Fp%26a%253D1%2526oauth_nonce%253D§",
	"POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_token%3D%26oauth_body_hash%3Dx%26oauth_signature%3Dy",
	"Invalid signature. Expected signature base string: get&http%3a%2f%2fh%2F&a%3D§%",
	"POST /p HTTP/1.1\nHost: h\nContent-Type: text/plain\n\noauth_signature=§%26§&OAUTH_SIGNATURE_METHOD=PLAINTEXT;oauth%5Fnonce=n",
	"https://§:§@h.example/p;oauth_signature=§/q?a=1;oauth_signature=§%26§#oauth_signature=§",
	"POST /p HTTP/1.1\nHost: h\nContent-Type: multipart/form-data; boundary=b\n\n--b\nContent-Disposition: form-data; name=\"oauth_signature\"\n\n§&§\n--b--",
	"POST HTTP/1.1",
	"GET",
	`{"errors":[{"code":32,"message":"Could not authenticate you."}]}`,
	"",
	"§",
}

// importFuzzFields are the FieldError fields Import may report.
var importFuzzFields = []string{importField, authHeaderField}

// checkImportError fails unless err is a *FieldError of Import that does
// not quote the canary.
func checkImportError(t *testing.T, im *Imported, err error) {
	t.Helper()
	var fe *FieldError
	require.True(t, errors.As(err, &fe), "error %T is not a *FieldError", err)
	require.Contains(t, importFuzzFields, fe.Field)
	require.Nil(t, im)
	require.NotContains(t, err.Error(), "CANARY", "the error quotes the text")
}

// importNonSecret returns every field of an import that is not a secret
// field: all but Signature, Authorization and BaseString.
func importNonSecret(im *Imported) []string {
	r := im.Request
	out := []string{r.Method, r.URL, r.Body, r.ContentType, r.ConsumerKey, r.Token, string(r.SignatureMethod),
		r.Nonce, r.Timestamp, r.Version, r.Realm, r.Callback, r.Verifier}
	for _, p := range r.Params {
		out = append(out, p.Name, p.Value)
	}
	return out
}

// checkImportScrubbed checks what can be stated of any import (issue 13,
// finding 1): the URL has no userinfo, and no field but Signature,
// Authorization and BaseString holds the signature's value or, for a
// PLAINTEXT one, either secret it spells out, once it is long enough to be
// told from ordinary text.
func checkImportScrubbed(t *testing.T, im *Imported) {
	t.Helper()
	if _, rest, ok := strings.Cut(im.Request.URL, "://"); ok {
		end := strings.IndexAny(rest, "/?#\\")
		if end < 0 {
			end = len(rest)
		}
		require.NotContains(t, rest[:end], "@", "userinfo left in the URL")
	}
	for _, g := range signatureGuards(im.Signature) {
		if len(g) < guardMin {
			continue
		}
		for _, v := range importNonSecret(im) {
			require.NotContains(t, v, g, "a field holds the signature or a secret it spells out")
		}
	}
}

// checkUserinfoLeavesURL puts userinfo into the first URL of a text that
// is a URL or starts with a request line with an absolute target, and
// checks that no field but the secret ones holds it.
func checkUserinfoLeavesURL(t *testing.T, text string) {
	t.Helper()
	const user, pass = "CANARYuser", "CANARYpass"
	firstLine, _, _ := strings.Cut(text, "\n")
	i := strings.Index(firstLine, "://")
	if i < 0 || strings.Contains(text, "CANARYu") || strings.Contains(text, "CANARYp") {
		return
	}
	in := text[:i+3] + user + ":" + pass + "@" + text[i+3:]
	im, err := Import(in)
	if err != nil || (im.Format != ImportURL && im.Format != ImportHTTP) {
		return
	}
	for _, v := range importNonSecret(im) {
		require.NotContains(t, v, user, "the userinfo's user reached a field")
		require.NotContains(t, v, pass, "the userinfo's password reached a field")
	}
}

func FuzzImport(f *testing.F) {
	for _, s := range append(append([]string(nil), importFuzzCurls...), importFuzzTexts...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		withSecrets := strings.ReplaceAll(text, "§", importFuzzCanary)
		mid := len(text) / 2
		for _, in := range []string{withSecrets, text[:mid] + importFuzzCanary + text[mid:]} {
			im, err := Import(in)
			if err != nil {
				checkImportError(t, im, err)
			}
		}

		im, err := Import(text)
		if err != nil {
			checkImportError(t, im, err)
			return
		}
		checkImportScrubbed(t, im)
		checkUserinfoLeavesURL(t, text)
		require.Contains(t, []ImportFormat{ImportHTTP, ImportCurl, ImportHeader, ImportURL, ImportBaseString}, im.Format)
		require.Contains(t, []Transport{"", TransportHeader, TransportQuery, TransportBody}, im.Request.Transport)
		again, err := Import(text)
		require.NoError(t, err)
		require.Equal(t, im, again, "same text, different imports")

		// Sign what was imported, then import its curl command: the
		// signature must survive the trip and verify.
		r := im.Request
		r.ConsumerSecret, r.TokenSecret = "consumer secret", "token secret"
		r.Params = nil // extra parameters are signed, never sent
		if r.Nonce == "" {
			r.Nonce = "nonce"
		}
		if r.Timestamp == "" {
			r.Timestamp = "1318622958"
		}
		if r.Body != "" && r.ContentType == "" {
			// Result.Curl sends no Content-Type then, and curl adds its
			// form default, which Import follows: name a non-form type.
			r.ContentType = "application/octet-stream"
		}
		res, err := Sign(r)
		if err != nil {
			return
		}
		back, err := Import(res.Curl)
		require.NoError(t, err, "importing the curl of %q", res.Curl)
		require.Equal(t, ImportCurl, back.Format)
		require.Equal(t, res.Signature, back.Signature, "signature through %q", res.Curl)
		br := back.Request
		br.ConsumerSecret, br.TokenSecret = r.ConsumerSecret, r.TokenSecret
		v, err := Verify(br, back.Signature, "")
		require.NoError(t, err, "verifying the import of %q", res.Curl)
		if r.SignatureMethod != PLAINTEXT {
			require.True(t, v.Valid, "%s: %q", v.Reason, res.Curl)
		}
	})
}

func FuzzImportCurl(f *testing.F) {
	for _, s := range importFuzzCurls {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		im, err := Import(text)
		if err != nil {
			checkImportError(t, im, err)
		} else if _, ok := curlCommandText(strings.TrimSpace(text)); ok {
			require.Equal(t, ImportCurl, im.Format)
		}

		// The words of any text, quoted as Result.Curl quotes them, split
		// back into the same words. FuzzSplit in internal/shellwords
		// checks the other quotings, for the shell and for cmd.exe.
		words, _, err := shellwords.POSIX(text)
		if err == nil && len(words) > 0 {
			quoted := make([]string, len(words))
			for i, w := range words {
				quoted[i] = shellQuote(w)
			}
			got, stopped, err := shellwords.POSIX(strings.Join(quoted, " \\\n "))
			require.NoError(t, err)
			require.False(t, stopped)
			require.Equal(t, words, got, "words quoted as '...'")
		}

		// A curl command built from its parts gives those parts back.
		if len(words) >= 2 {
			// No oauth_* name in any spelling or encoding: those leave the
			// query and the body (import_scrub.go).
			clean := strings.NewReplacer("%", "", "_", "-").Replace
			u := "https://h.example/" + clean(words[1])
			body := clean(words[len(words)-1])
			cmd := "curl --request PATCH " + shellQuote(u) + " --data-raw " + shellQuote(body) +
				" --header " + shellQuote("Content-Type: text/plain")
			im, err := Import(cmd)
			require.NoError(t, err, cmd)
			require.Equal(t, "PATCH", im.Request.Method)
			require.Equal(t, u, im.Request.URL)
			require.Equal(t, body, im.Request.Body)
			require.Equal(t, "text/plain", im.Request.ContentType)
			require.Empty(t, im.Unparsed)
		}
	})
}
