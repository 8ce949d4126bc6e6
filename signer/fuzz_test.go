package signer

// Fuzz targets for the signer's invariants: round trips of encoding and
// parsing, no panic on any input, and no secret in an error or in a step
// not marked secret.
// Run one with
//
//	go test ./signer -run '^$' -fuzz '^FuzzSign$' -fuzztime 30s
//
// or all of them with `make fuzz`. Inputs that fail are written under
// testdata/fuzz/FuzzX/ and re-run by plain `go test` as regression tests.
// Fuzzing is native-only; under js/wasm `go test` runs the seeds alone.

import (
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzXURL is the request URL of the X "Creating a signature" example.
const fuzzXURL = "https://api.x.com/1.1/statuses/update.json?include_entities=true"

// fuzzStrings are seeds shared by the single-string targets: the X and
// RFC 5849 examples, every class of octet, unicode and empty strings.
var fuzzStrings = []string{
	"",
	"abcABC123-._~",
	"Ladies + Gentlemen",
	"Dogs, Cats & Mice",
	"Hello Ladies + Gentlemen, a signed OAuth request!",
	"status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21",
	"b5=%3D%253D&a3=a&c%40=&a2=r%20b",
	"c2&a3=2+q",
	"file=vacation.jpg&size=original",
	"oauth_callback=http%3A%2F%2Fprinter.example.com%2Fready",
	"&a=1&&b=2&",
	"=",
	"a=b=c",
	"%",
	"a=%2",
	"%g0=1",
	"+%2B%2b",
	"☃",
	"setting up my twitter 私のさえずりを設定する",
	"\x00\t\n\r \x7f",
	"\x80\xff\xed\xa0\x80", // invalid UTF-8, including an encoded surrogate
	"!*'()",
}

// refPercentEncode is a deliberately naive, independent RFC 5849 section
// 3.6 encoder for differential testing of PercentEncode.
func refPercentEncode(s string) string {
	const bare = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
	var b strings.Builder
	for _, c := range []byte(s) {
		if strings.IndexByte(bare, c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func FuzzPercentEncode(f *testing.F) {
	for _, s := range fuzzStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := PercentEncode(s)

		// Only unreserved octets and %XX with upper-case hex.
		for i := 0; i < len(got); i++ {
			c := got[i]
			if c == '%' {
				if i+2 >= len(got) || !isUpperHexDigit(got[i+1]) || !isUpperHexDigit(got[i+2]) {
					t.Fatalf("PercentEncode(%q) = %q: bad escape at %d", s, got, i)
				}
				i += 2
				continue
			}
			if !isUnreservedRef(c) {
				t.Fatalf("PercentEncode(%q) = %q: bare %q at %d", s, got, c, i)
			}
		}

		dec, err := url.PathUnescape(got)
		require.NoError(t, err)
		require.Equal(t, s, dec, "PathUnescape(PercentEncode(s))")
		dec, ok := formUnescape(got)
		require.True(t, ok)
		require.Equal(t, s, dec, "formUnescape(PercentEncode(s))")

		require.Equal(t, refPercentEncode(s), got, "differs from the reference encoder")
	})
}

func isUpperHexDigit(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }

// isUnreservedRef is RFC 3986's unreserved set, written apart from
// isUnreserved so that a mistake there is not copied here.
func isUnreservedRef(c byte) bool {
	return strings.IndexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~", c) >= 0
}

func FuzzParseForm(f *testing.F) {
	for _, s := range fuzzStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		params, err := parseForm(text, SourceBody, "body")
		if err != nil {
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			require.Equal(t, "body", fe.Field)
			require.ErrorIs(t, err, ErrMalformed)
			require.Nil(t, params)
			return
		}
		for _, p := range params {
			require.Equal(t, SourceBody, p.Source)
		}

		// Round trip: re-encoding every pair parses to the same list.
		pairs := make([]string, len(params))
		for i, p := range params {
			pairs[i] = PercentEncode(p.Name) + "=" + PercentEncode(p.Value)
		}
		again, err := parseForm(strings.Join(pairs, "&"), SourceBody, "body")
		require.NoError(t, err)
		require.Equal(t, params, again, "round trip through PercentEncode")

		// Differential against net/url, which rejects ";" but otherwise
		// decodes the same way (url.ParseQuery keeps each name's values in
		// order).
		if !strings.Contains(text, ";") {
			want, err := url.ParseQuery(text)
			require.NoError(t, err, "ParseForm accepted what url.ParseQuery rejects")
			got := url.Values{}
			for _, p := range params {
				got[p.Name] = append(got[p.Name], p.Value)
			}
			require.Equal(t, want, got, "differs from url.ParseQuery")
		}
	})
}

// fuzzSeed derives a shuffle seed from the fuzzer's input, so a failure
// replays exactly.
func fuzzSeed(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

func FuzzNormalizeParameters(f *testing.F) {
	f.Add("a", "b", "c", "d")
	f.Add("status", "Hello Ladies + Gentlemen, a signed OAuth request!", "include_entities", "true")
	f.Add("a3", "a", "a3", "2 q")         // RFC 5849 3.4.1.3.2: same name, values sorted
	f.Add("b5", "=%3D", "c@", "")         // RFC 5849 3.4.1.3.2: encoded "=", "%" and "@"
	f.Add("x!y", "a", "x", "a")           // oauth.net: sorted after encoding, "x" < "x%21y"
	f.Add("a", "x!y", "a", "x y")         // oauth.net: "%20" < "%21"
	f.Add("☃", "私の", "\x80", "\xff")      // unicode and invalid UTF-8
	f.Add("", "", "", "")                 // empty names and values
	f.Add("a=b", "c&d", "a%3Db", "c%26d") // separators inside names and values
	f.Add("oauth_token", "1", "oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		all := []Param{
			{a, b, SourceQuery},
			{c, d, SourceBody},
			{a, b, SourceExtra}, // an exact duplicate
			{a, d, SourceProtocol},
			{b, c, SourceQuery},
			{d, "", SourceBody},
		}
		seed := fuzzSeed(a, b, c, d)
		params := all[:2+seed%uint64(len(all)-1)] // two or more pairs
		n := len(params)
		orig := slices.Clone(params)

		got := NormalizeParameters(params)
		require.Equal(t, orig, params, "NormalizeParameters modified its input")

		// Independent of input order.
		shuffled := slices.Clone(params)
		rng := rand.New(rand.NewPCG(seed, seed>>1|1))
		rng.Shuffle(n, func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		require.Equal(t, got, NormalizeParameters(shuffled), "order of %q changed the output", shuffled)
		slices.Reverse(shuffled)
		require.Equal(t, got, NormalizeParameters(shuffled), "order of %q changed the output", shuffled)

		// Every pair kept, duplicates included: "&" only separates, since
		// PercentEncode encodes it, so there are n-1 of them.
		require.Equal(t, n-1, strings.Count(got, "&"), "got %q", got)
		pieces := strings.Split(got, "&")
		want := make([]string, n)
		for i, p := range params {
			want[i] = PercentEncode(p.Name) + "=" + PercentEncode(p.Value)
		}
		assert.ElementsMatch(t, want, pieces)

		// Sorted by encoded name, then encoded value, in byte order.
		for i := 1; i < n; i++ {
			pn, pv, _ := strings.Cut(pieces[i-1], "=")
			cn, cv, _ := strings.Cut(pieces[i], "=")
			if pn > cn || pn == cn && pv > cv {
				t.Fatalf("%q sorted before %q in %q", pieces[i-1], pieces[i], got)
			}
		}
		require.Equal(t, "", NormalizeParameters(nil))
		require.Equal(t, want[0], NormalizeParameters(params[:1]))
	})
}

func FuzzBaseStringURI(f *testing.F) {
	for _, s := range []string{
		fuzzXURL,
		"https://api.twitter.com/1/statuses/update.json?include_entities=true",
		"HTTP://EXAMPLE.COM:80/r%20v/X?id=123",                       // RFC 5849 3.4.1.2
		"https://www.example.net:8080/?q=1",                          // RFC 5849 3.4.1.2
		"http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", // RFC 5849 3.4.1
		"http://photos.example.net/photos?file=vacation.jpg&size=original",
		"http://example.com",
		"https://h.example:443/p#frag",
		"https://h.example:80/p",
		"http://h.example:443/p",
		"http://h.example:/x",
		"https://u:p@H.Example/a%2fb",
		"http://sp.example.com/’",
		"https://h.example/a b?",
		"http://[::1]:80/x",
		"http://[fe80::1%25en0]:8080/",
		"http://ÉXAMPLE.com/☃",
		"http://%C3%89xample.com/",
		"https://h/%zz",
		"ftp://h/",
		"api.x.com/",
		" https://h/",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		uri, notes, err := BaseStringURI(s)
		if err != nil {
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			require.Equal(t, "url", fe.Field)
			require.Empty(t, uri)
			require.Empty(t, notes)
			return
		}
		for _, n := range notes {
			require.NotEmpty(t, n.ID)
			require.NotEmpty(t, n.Text)
		}

		scheme, rest, ok := strings.Cut(uri, "://")
		require.True(t, ok, "%q has no \"://\"", uri)
		require.Contains(t, []string{"http", "https"}, scheme, "scheme of %q", uri)
		require.NotContains(t, uri, "?")
		require.NotContains(t, uri, "#")
		slash := strings.IndexByte(rest, '/')
		require.GreaterOrEqual(t, slash, 1, "%q has no host or no path", uri)
		host, path := rest[:slash], rest[slash:]
		require.Equal(t, strings.ToLower(host), host, "host of %q is not lower case", uri)
		require.NotContains(t, host, "@", "userinfo left in %q", uri)
		require.False(t, strings.HasSuffix(host, ":"), "empty port left in %q", uri)
		require.False(t, strings.HasSuffix(host, ":"+defaultPortRef(scheme)), "default port left in %q", uri)
		for i := 0; i < len(path); i++ {
			if path[i] == '%' {
				require.True(t, i+2 < len(path) && isUpperHexDigit(path[i+1]) && isUpperHexDigit(path[i+2]),
					"path of %q has a bad escape at %d", uri, i)
				i += 2
				continue
			}
			require.True(t, isUnreservedRef(path[i]) || strings.IndexByte("!$&'()*+,;=:@/", path[i]) >= 0,
				"path of %q has a bare %q", uri, path[i])
		}

		// Idempotent: the result is already normal, so a second pass
		// neither changes it nor has anything to say.
		again, notes2, err := BaseStringURI(uri)
		require.NoError(t, err, "BaseStringURI(%q) = %q, which it then rejects", s, uri)
		require.Equal(t, uri, again, "BaseStringURI is not idempotent on %q", s)
		require.Empty(t, notes2, "BaseStringURI(%q) = %q still needs normalising", s, uri)
	})
}

func defaultPortRef(scheme string) string {
	if scheme == "https" {
		return "443"
	}
	return "80"
}

// fuzzFields are the FieldError field names Sign may report.
var fuzzFields = []string{"method", "url", "body", "params", "consumerKey", "consumerSecret",
	"token", "tokenSecret", "privateKey", "signatureMethod", "nonce", "timestamp", "version",
	"realm", "callback", "verifier", "bodyHash", "transport"}

func FuzzSign(f *testing.F) {
	x := xExample(fuzzXURL)
	f.Add(x.Method, x.URL, x.Body, x.ConsumerSecret, x.TokenSecret, "", "")
	f.Add("POST", "https://photos.example.net/initiate", "", "kd94hf93k423kf44", "", "oauth_callback", "http://printer.example.com/ready")
	f.Add("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original", "", "kd94hf93k423kf44", "pfkkdhi9sl3r4s00", "", "")
	f.Add("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", "c2&a3=2+q", "j49sk3j29djd", "dh893hdasih9", "", "")
	f.Add("post", "HTTP://Example.COM:80/r%20v/X?id=123#frag", "status="+PercentEncode("私のさえずりを設定する"), "☃ secret", "", "é", "ü")
	f.Add("GET", "https://u:p@h.example/’?q=a+b", "a=%zz", "s3cr3t&x", "t0k%en", "oauth_signature", "dropped")
	f.Add("GET", "https://h/?oauth_nonce=x", "", "secret1", "secret2", "", "") // protocol parameter in the query
	f.Add("GET", "https://h/", "oauth_token=x", "secret1", "secret2", "", "")  // in the body
	f.Add("GET", "https://h/", "", "secret1", "secret2", "oauth_version", "2") // in the extra parameters
	f.Add("PO ST", "https://h/%zz", "", "secret1", "secret2", "", "")
	f.Add("", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, method, rawURL, body, consumerSecret, tokenSecret, extraName, extraValue string) {
		// Canary secrets: ≥ 12 characters with the shortest input, and
		// neither can contain the other.
		cs, ts := "CANARY-C-"+consumerSecret, "CANARY-T-"+tokenSecret
		// The transport, and whether the body is a form or is covered by
		// oauth_body_hash instead, follow from the input.
		seed := fuzzSeed(method, rawURL, body, extraName, extraValue)
		transport := []Transport{TransportHeader, TransportQuery, TransportBody}[seed%3]
		contentType, bodyHash := "application/x-www-form-urlencoded", false
		if seed/3%2 == 1 {
			contentType, bodyHash = "application/json", true
		}
		build := func(cs, ts string, m SignatureMethod) Request {
			return Request{
				Method: method, URL: rawURL, Body: body, ContentType: contentType,
				ConsumerKey: x.ConsumerKey, ConsumerSecret: cs, Token: x.Token, TokenSecret: ts,
				SignatureMethod: m, Nonce: x.Nonce, Timestamp: x.Timestamp, Version: "1.0",
				Realm: "Photos", BodyHash: bodyHash, Transport: transport,
				Params: []Param{{Name: extraName, Value: extraValue}},
			}
		}
		inputs := strings.Join([]string{method, rawURL, body, extraName, extraValue}, "\x00")

		for _, hm := range []struct {
			m    SignatureMethod
			size int
		}{{HMACSHA1, 20}, {HMACSHA256, 32}, {HMACSHA512, 64}} {
			m := hm.m
			res, err := Sign(build(cs, ts, m))
			again, err2 := Sign(build(cs, ts, m))
			require.Equal(t, err, err2, "same input, different errors")
			require.Equal(t, res, again, "same input, different results")
			// Non-interference: the secrets change nothing but the key and
			// what is computed from it.
			other, errOther := Sign(build("other-consumer-secret", "other-token-secret", m))

			if err != nil {
				var fe *FieldError
				require.ErrorAs(t, err, &fe)
				require.Contains(t, fuzzFields, fe.Field)
				require.Nil(t, res)
				for _, secret := range []string{cs, ts} {
					if !strings.Contains(inputs, secret) {
						require.NotContains(t, err.Error(), secret, "the error echoes a secret")
						require.NotContains(t, err.Error(), PercentEncode(secret), "the error echoes a secret")
					}
				}
				require.Equal(t, err, errOther, "the error depends on the secrets")
				continue
			}
			require.NoError(t, errOther)

			sig, err := base64.StdEncoding.DecodeString(res.Signature)
			require.NoError(t, err, "signature %q is not base64", res.Signature)
			require.Len(t, sig, hm.size, "%s digest length", m)
			require.Equal(t, PercentEncode(cs)+"&"+PercentEncode(ts), res.SigningKey)

			// Everything shown, except the signing key step, must be free
			// of both secrets unless the other inputs alone produce them
			// (as the same request signed with other secrets shows).
			otherText, shown := resultText(other), resultText(res)
			for _, secret := range []string{cs, ts} {
				for _, form := range []string{secret, PercentEncode(secret), PercentEncode(PercentEncode(secret))} {
					if !strings.Contains(otherText, form) && strings.Contains(shown, form) {
						t.Fatalf("a step other than %s shows the secret %q", StepSigningKey, secret)
					}
				}
			}

			require.Equal(t, len(res.Steps), len(other.Steps))
			keyed := false
			for i, s := range res.Steps {
				require.Equal(t, s.ID == StepSigningKey, s.Secret, "step %s", s.ID)
				for _, n := range s.Notes {
					require.Contains(t, NoteIDs(), n.ID, "step %s: a note NoteIDs does not list", s.ID)
				}
				keyed = keyed || s.ID == StepSigningKey
				if !keyed {
					require.Equal(t, other.Steps[i], s, "step %s depends on the secrets", s.ID)
				}
			}
			require.True(t, keyed, "no %s step", StepSigningKey)
			require.Equal(t, other.SignatureBaseString, res.SignatureBaseString)
			require.Equal(t, other.Parameters, res.Parameters)
			require.Equal(t, other.BodyHash, res.BodyHash)

			// Verify accepts the signature with the right secrets only.
			v, err := Verify(build(cs, ts, m), res.Signature, "")
			require.NoError(t, err)
			require.True(t, v.Valid, "Verify rejects what Sign produced: %s", v.Reason)
			require.NotContains(t, v.Reason, cs)
			require.NotContains(t, v.Reason, ts)
			for _, w := range append(append([]Warning(nil), res.Warnings...), v.Warnings...) {
				require.Contains(t, WarningIDs(), w.ID, "a warning WarningIDs does not list")
				require.NotContains(t, w.Text, cs, "a warning quotes a secret")
				require.NotContains(t, w.Text, ts, "a warning quotes a secret")
			}
			v, err = Verify(build("other-consumer-secret", "other-token-secret", m), res.Signature, "")
			require.NoError(t, err)
			require.False(t, v.Valid, "Verify accepts the wrong secrets")
		}
	})
}

// resultText flattens everything a Result shows except its signing key
// (the field and the step) into one string.
func resultText(r *Result) string {
	var b strings.Builder
	add := func(s ...string) {
		for _, v := range s {
			b.WriteString(v)
			b.WriteByte(0)
		}
	}
	addParams := func(ps []Param) {
		for _, p := range ps {
			add(p.Name, p.Value, string(p.Source))
		}
	}
	add(r.Signature, r.SignatureBaseString, r.AuthorizationHeader, r.Query, r.FormBody, r.Curl,
		r.PublicKey, r.BodyHash, r.Nonce, r.Timestamp)
	addParams(r.Parameters)
	for _, s := range r.Steps {
		if s.ID == StepSigningKey {
			continue
		}
		add(s.ID, s.Title, s.RFC, s.Value)
		add(s.Parts...)
		addParams(s.Params)
		for _, n := range s.Notes {
			add(n.ID, n.Text)
		}
	}
	return b.String()
}
