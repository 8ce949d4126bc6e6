package signer_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// The X example, api.twitter.com/1.1 edition (docs/architecture.md, "Test
// vectors and their sources"): its secrets, right signature, and the
// signature with spaces encoded as "+" (M1, computed).
const (
	chkConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	chkTokenSecret    = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	chkRight          = "hCtSmYh+iHYCEqBWrE7C7hYmtUk="
	chkPlus           = "Il5C7oPhfqV+nSqa3WoH4988Ll0="
	chkNoTokenSecret  = "RKDUAygjQwZd3byTbMXDxSWdBjU="
	chkBase           = "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
	chkAuthParams     = `oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="SIG", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"`
	chkBody           = "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21"
)

var chkNow = time.Unix(1318622958, 0)

func chkHeader(sig string) string {
	return "OAuth " + strings.Replace(chkAuthParams, "SIG", url.QueryEscape(sig), 1)
}

func chkCurl(sig string) string {
	return `curl -X POST 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true' -H 'Authorization: ` +
		chkHeader(sig) + `' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw '` + chkBody + `'`
}

// chkRaw is the X example as a raw HTTP request, which carries no scheme.
func chkRaw(sig string) string {
	return "POST /1.1/statuses/update.json?include_entities=true HTTP/1.1\r\nHost: api.twitter.com\r\n" +
		"Authorization: " + chkHeader(sig) + "\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" + chkBody
}

// chkSignView is the X example as the Sign view holds it, secrets included.
func chkSignView() *signer.Request {
	return &signer.Request{
		Method: "POST", URL: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
		Body: chkBody, ContentType: "application/x-www-form-urlencoded",
		ConsumerKey: "xvz1evFS4wEEPTGEFPHBog", ConsumerSecret: chkConsumerSecret,
		Token: "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", TokenSecret: chkTokenSecret,
		Nonce: "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", Timestamp: "1318622958", Version: "1.0",
	}
}

func mistakeIDs(d *signer.Diagnosis) []string {
	if d == nil {
		return nil
	}
	ids := []string{}
	for _, m := range d.Mistakes {
		ids = append(ids, m.ID)
	}
	return ids
}

// chkGot is the part of a Checked the table compares.
type chkGot struct {
	compared, kind, verdict, expected, received string
	needs                                       []string
	sigMistakes                                 []string
	comparable                                  bool
}

func chkSummary(c *signer.Checked) chkGot {
	g := chkGot{compared: c.Compared, kind: c.Kind, verdict: c.Verdict, expected: c.Expected, received: c.Received,
		needs: c.Needs, sigMistakes: mistakeIDs(c.Signature), comparable: c.Comparable}
	return g
}

// TestCheck is the Verify view's policy: which request is compared, when
// the secrets suffice, a token given without its secret, PLAINTEXT, a
// header without a URL.
func TestCheck(t *testing.T) {
	secrets := func(in signer.CheckInput) signer.CheckInput {
		in.ConsumerSecret, in.TokenSecret, in.Now = chkConsumerSecret, chkTokenSecret, chkNow
		return in
	}
	tests := []struct {
		name string
		in   signer.CheckInput
		want chkGot
	}{
		{"nothing", signer.CheckInput{}, chkGot{verdict: "unknown"}},
		{"valid curl", secrets(signer.CheckInput{Text: chkCurl(chkRight)}),
			chkGot{compared: "pasted", kind: "signature", verdict: "valid", expected: chkRight, received: chkRight}},
		{"mistake named", secrets(signer.CheckInput{Text: chkCurl(chkPlus)}),
			chkGot{compared: "pasted", kind: "signature", verdict: "invalid", expected: chkRight, received: chkPlus, sigMistakes: []string{"plus-for-space"}}},
		{"no secrets: says so", signer.CheckInput{Text: chkCurl(chkPlus), Now: chkNow},
			chkGot{compared: "pasted", verdict: "unknown", received: chkPlus, needs: []string{"secrets"}}},
		{"token without its secret", signer.CheckInput{Text: chkCurl(chkNoTokenSecret), ConsumerSecret: chkConsumerSecret, Now: chkNow},
			chkGot{compared: "pasted", kind: "signature", verdict: "valid", expected: chkNoTokenSecret, received: chkNoTokenSecret}},
		{"token secret missing, wrong", signer.CheckInput{Text: chkCurl(chkRight), ConsumerSecret: chkConsumerSecret, Now: chkNow},
			chkGot{compared: "pasted", kind: "signature", verdict: "invalid", expected: chkNoTokenSecret, received: chkRight,
				needs: []string{"tokenSecret"}, sigMistakes: []string{}}},
		{"no signature", secrets(signer.CheckInput{Text: "https://api.twitter.com/1.1/statuses/update.json?oauth_consumer_key=a"}),
			chkGot{compared: "pasted", verdict: "unknown", needs: []string{"signature"}}},
		{"header alone, nothing to compare", secrets(signer.CheckInput{Text: chkHeader(chkRight)}),
			chkGot{compared: "pasted", verdict: "unknown", received: "", needs: []string{"request"}, comparable: true}},
		{"header alone, with the Sign view's request", secrets(signer.CheckInput{Text: chkHeader(chkRight), CompareWith: chkSignView()}),
			chkGot{compared: "header", kind: "signature", verdict: "valid", expected: chkRight, received: chkRight, comparable: true}},
		{"lone base string: judged alone", signer.CheckInput{Text: chkBase, CompareWith: nil, Now: chkNow},
			chkGot{compared: "alone", kind: "baseString", verdict: "valid", comparable: true}},
		{"lone base string: compared when asked", signer.CheckInput{Text: strings.Replace(chkBase, "include_entities%3Dtrue%26", "", 1), CompareWith: chkSignView(), Now: chkNow},
			chkGot{compared: "compareWith", kind: "baseString", verdict: "invalid", comparable: true}},
		{"own base string beside the curl", secrets(signer.CheckInput{Text: chkCurl(chkRight), BaseString: chkBase}),
			chkGot{compared: "pasted", kind: "signature", verdict: "valid", expected: chkRight, received: chkRight}},
		{"own base string beside a base string", signer.CheckInput{Text: chkBase, BaseString: chkBase, Now: chkNow},
			chkGot{compared: "baseString", kind: "baseString", verdict: "valid"}},
		{"own base string alone", signer.CheckInput{BaseString: chkBase, Now: chkNow},
			chkGot{compared: "alone", kind: "baseString", verdict: "valid", comparable: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := signer.Check(tt.in)
			require.NoError(t, err)
			got := chkSummary(c)
			if tt.want.sigMistakes == nil && got.sigMistakes != nil && len(got.sigMistakes) == 0 {
				got.sigMistakes = nil
			}
			assert.Equal(t, tt.want, got)
			assert.Empty(t, c.Problems)
		})
	}
}

// TestCheckShowsTheRightStrings: the right signature and base string are
// there whenever the secrets are (item 6), valid or not.
func TestCheckShowsTheRightStrings(t *testing.T) {
	for _, sig := range []string{chkRight, chkPlus} {
		c, err := signer.Check(signer.CheckInput{Text: chkCurl(sig), ConsumerSecret: chkConsumerSecret, TokenSecret: chkTokenSecret, Now: chkNow})
		require.NoError(t, err)
		assert.Equal(t, chkRight, c.Expected)
		assert.Equal(t, chkBase, c.ExpectedBaseString)
		assert.Equal(t, sig, c.Received)
	}
}

// TestCheckCompareWith: a lone base string compared with a request names
// the mistake, and its diff is against that request; the request's empty
// nonce and timestamp come from the base string.
func TestCheckCompareWith(t *testing.T) {
	sv := chkSignView()
	sv.Nonce, sv.Timestamp = "", ""
	c, err := signer.Check(signer.CheckInput{Text: strings.Replace(chkBase, "include_entities%3Dtrue%26", "", 1), CompareWith: sv, Now: chkNow})
	require.NoError(t, err)
	assert.True(t, c.TimesFrom)
	assert.Equal(t, []string{"query-dropped"}, mistakeIDs(c.Base))
	assert.Equal(t, chkBase, c.ExpectedBaseString)
	assert.Empty(t, c.Request.ConsumerSecret+c.Request.TokenSecret, "no secret in the verdict")
	require.NotNil(t, c.Importable)
	assert.Empty(t, c.Importable.ConsumerSecret)
}

// TestCheckWarnings: valid or not, checked or not, what a server may still
// refuse the request for, against the given clock.
func TestCheckWarnings(t *testing.T) {
	ms := strings.Replace(chkBase, "oauth_timestamp%3D1318622958", "oauth_timestamp%3D1318622958000", 1)
	tests := []struct {
		name string
		in   signer.CheckInput
		want []string
	}{
		{"valid, on time", signer.CheckInput{Text: chkCurl(chkRight), ConsumerSecret: chkConsumerSecret, TokenSecret: chkTokenSecret, Now: chkNow},
			[]string{"signature-cannot-show"}},
		{"valid, a day late", signer.CheckInput{Text: chkCurl(chkRight), ConsumerSecret: chkConsumerSecret, TokenSecret: chkTokenSecret, Now: chkNow.Add(24 * time.Hour)},
			[]string{"signature-cannot-show", "timestamp-skew"}},
		{"no secrets", signer.CheckInput{Text: chkCurl(chkRight), Now: chkNow}, nil},
		{"a lone base string in milliseconds", signer.CheckInput{Text: ms, Now: chkNow}, []string{"timestamp-milliseconds"}},
		{"version 2.0, unchecked", signer.CheckInput{Text: strings.Replace(chkCurl(chkRight), `oauth_version="1.0"`, `oauth_version="2.0"`, 1), Now: chkNow},
			[]string{"version-not-1.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := signer.Check(tt.in)
			require.NoError(t, err)
			var got []string
			for _, w := range c.Warnings {
				got = append(got, w.ID)
			}
			assert.ElementsMatch(t, tt.want, got)
		})
	}
}

// TestCheckJudgedAlone: a lone base string is judged against its own
// normal form, never against an unrelated request, and its deviation is
// named.
func TestCheckJudgedAlone(t *testing.T) {
	right := "status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
	plus := "status%3DHello%2BLadies%2B%252B%2BGentlemen%252C%2Ba%2Bsigned%2BOAuth%2Brequest%2521"
	c, err := signer.Check(signer.CheckInput{Text: "oauth_problem=signature_invalid&debug_sbs=" + url.QueryEscape(strings.Replace(chkBase, right, plus, 1)), Now: chkNow})
	require.NoError(t, err)
	assert.Equal(t, "alone", c.Compared)
	assert.Equal(t, "invalid", c.Verdict)
	assert.Contains(t, mistakeIDs(c.Base), "plus-for-space")
	assert.Equal(t, chkBase, c.ExpectedBaseString, "its normal form")
}

// TestCheckScheme: a raw HTTP request has no scheme; it is tried as https
// and as http, and the one that verifies is said.
func TestCheckScheme(t *testing.T) {
	httpsSig := chkRight
	r := chkSignView()
	r.URL = "http://api.twitter.com/1.1/statuses/update.json?include_entities=true"
	res, err := signer.Sign(*r)
	require.NoError(t, err)
	tests := []struct {
		name, sig, scheme, verdict string
	}{
		{"sent over https", httpsSig, "https", "valid"},
		{"sent over http", res.Signature, "http", "valid"},
		{"neither", chkPlus, "", "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := signer.Check(signer.CheckInput{Text: chkRaw(tt.sig), ConsumerSecret: chkConsumerSecret, TokenSecret: chkTokenSecret, Now: chkNow})
			require.NoError(t, err)
			assert.True(t, c.SchemeGuessed)
			assert.Equal(t, tt.scheme, c.Scheme)
			assert.Equal(t, tt.verdict, c.Verdict)
			if tt.scheme != "" {
				assert.True(t, strings.HasPrefix(c.Importable.URL, tt.scheme+"://"), c.Importable.URL)
			}
		})
	}
	c, err := signer.Check(signer.CheckInput{Text: chkCurl(chkRight), ConsumerSecret: chkConsumerSecret, TokenSecret: chkTokenSecret, Now: chkNow})
	require.NoError(t, err)
	assert.False(t, c.SchemeGuessed, "a curl command has its scheme")
	assert.Empty(t, c.Scheme)

	// PLAINTEXT signs no URL: a raw capture verifies over either scheme
	// (RFC 5849 section 3.1's PLAINTEXT request, without nonce and timestamp).
	raw := "POST /initiate HTTP/1.1\nHost: photos.example.net\n" +
		`Authorization: OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="PLAINTEXT", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="kd94hf93k423kf44%26"` + "\n\n"
	c, err = signer.Check(signer.CheckInput{Text: raw, ConsumerSecret: "kd94hf93k423kf44", Now: chkNow})
	require.NoError(t, err)
	assert.True(t, c.SchemeGuessed)
	assert.Equal(t, "valid", c.Verdict)
	assert.Equal(t, signer.SchemeEither, c.Scheme)
}

// TestCheckPlaintext: a PLAINTEXT signature is the secrets, so neither it
// nor the right one is in the verdict.
func TestCheckPlaintext(t *testing.T) {
	text := `curl 'https://photos.example.net/initiate' -H 'Authorization: OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="PLAINTEXT", oauth_timestamp="137131200", oauth_nonce="wIjqoS", oauth_signature="kd94hf93k423kf44%26"'`
	for _, tt := range []struct{ name, secret, verdict string }{{"right", "kd94hf93k423kf44", "valid"}, {"wrong", "other", "invalid"}} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := signer.Check(signer.CheckInput{Text: text, ConsumerSecret: tt.secret, Now: chkNow})
			require.NoError(t, err)
			assert.Equal(t, tt.verdict, c.Verdict)
			assert.True(t, c.Plaintext)
			assert.Empty(t, c.Expected)
			assert.Empty(t, c.Received)
			assert.Empty(t, c.Read.Signature+c.Read.Authorization, "what was read keeps no secret")
			if c.Signature != nil {
				assert.Empty(t, c.Signature.Expected)
			}
		})
	}
}

// TestCheckRSA: an RSA request needs the public key.
func TestCheckRSA(t *testing.T) {
	text := `curl 'https://photos.example.net/photos?file=vacaction.jpg&size=original' -H 'Authorization: OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="RSA-SHA1", oauth_timestamp="1196666512", oauth_nonce="13917289812797014437", oauth_version="1.0", oauth_signature="abc%3D"'`
	c, err := signer.Check(signer.CheckInput{Text: text, ConsumerSecret: "ignored", Now: chkNow})
	require.NoError(t, err)
	assert.True(t, c.RSA)
	assert.Equal(t, []string{"publicKey"}, c.Needs)
	assert.Equal(t, "unknown", c.Verdict)
}

// TestCheckRSAVerifies: the oauth.net RSA-SHA1 case, pasted as curl,
// verifies with its public key, and a signature from another key does not.
func TestCheckRSAVerifies(t *testing.T) {
	var v signertest.Vector
	for _, x := range signertest.Vectors() {
		if x.Name == "V9.5 oauth.net RSA-SHA1" {
			v = x
		}
	}
	require.NotEmpty(t, v.Name)
	res, err := signer.Sign(v.SignerRequest())
	require.NoError(t, err)
	text := "curl '" + v.Request.URL + "' -H 'Authorization: " + res.AuthorizationHeader + "'"
	c, err := signer.Check(signer.CheckInput{Text: text, PublicKey: res.PublicKey, Now: chkNow})
	require.NoError(t, err)
	assert.Equal(t, "valid", c.Verdict)
	assert.True(t, c.RSA)
	assert.Equal(t, v.Want["baseString"], c.ExpectedBaseString)

	bad := strings.Replace(text, url.QueryEscape(res.Signature), url.QueryEscape("AAAA"+res.Signature[4:]), 1)
	require.NotEqual(t, text, bad)
	c, err = signer.Check(signer.CheckInput{Text: bad, PublicKey: res.PublicKey, Now: chkNow})
	require.NoError(t, err)
	assert.Equal(t, "invalid", c.Verdict)
	assert.NotNil(t, c.Signature, "diagnosed")
	assert.Empty(t, c.Problems)
}

// TestCheckTooLarge: a request over the diagnosis limits is verified, not
// diagnosed, and says so; one within them is diagnosed.
func TestCheckTooLarge(t *testing.T) {
	tests := []struct {
		name, extra string
		large       bool
	}{
		{"the X example", "", false},
		{"many parameters", strings.Repeat("a=1&", signer.MaxDiagnosedParams+1), true},
		{"a long value", "a=" + strings.Repeat("b", signer.MaxDiagnosed) + "&", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(chkCurl(chkPlus), "--data-raw '", "--data-raw '"+tt.extra, 1)
			c, err := signer.Check(signer.CheckInput{Text: text, ConsumerSecret: chkConsumerSecret, TokenSecret: chkTokenSecret, Now: chkNow})
			require.NoError(t, err)
			assert.Equal(t, "invalid", c.Verdict)
			assert.Equal(t, tt.large, c.TooLarge)
			assert.Equal(t, !tt.large, c.Signature != nil, "diagnosed")
			assert.NotEmpty(t, c.Expected, "the right signature either way")
		})
	}
	c, err := signer.Check(signer.CheckInput{Text: chkBase + strings.Repeat("%26a%3D1", 3*signer.MaxDiagnosed/8), Now: chkNow})
	require.NoError(t, err)
	assert.True(t, c.TooLarge, "a long lone base string")
}

// TestCheckBadInput: text Import cannot read is Import's error, on
// "text", never quoting it.
func TestCheckBadInput(t *testing.T) {
	for _, text := range []string{"\x00\x01binary", "print('hello')", "OAuth oauth_consumer_key=\"a\", oauth_nonce=\"%zz\""} {
		c, err := signer.Check(signer.CheckInput{Text: text, ConsumerSecret: "s3cr3t", Now: chkNow})
		if err == nil {
			assert.NotNil(t, c)
			continue
		}
		var fe *signer.FieldError
		require.True(t, errors.As(err, &fe), "%v", err)
		assert.NotContains(t, fe.Error(), "s3cr3t")
		assert.NotContains(t, fe.Error(), "hello")
	}
}

// FuzzCheck: any text gives a verdict or a field error, and never puts a
// secret in the verdict.
func FuzzCheck(f *testing.F) {
	f.Add(chkCurl(chkPlus), "")
	f.Add(chkRaw(chkRight), chkBase)
	f.Add(chkBase, "")
	f.Add(chkHeader(chkRight), "x")
	const secret = "Zq9SecretZq9"
	f.Fuzz(func(t *testing.T, text, own string) {
		c, err := signer.Check(signer.CheckInput{Text: text, BaseString: own, ConsumerSecret: secret, TokenSecret: secret, Now: chkNow})
		if err != nil {
			var fe *signer.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("not a field error: %v", err)
			}
			if strings.Contains(fe.Error(), secret) {
				t.Fatal("the error quotes a secret")
			}
			return
		}
		if strings.Contains(text+own, secret) {
			return
		}
		for _, s := range []string{c.Expected, c.Received, c.Request.ConsumerSecret, c.Request.TokenSecret} {
			if strings.Contains(s, secret) {
				t.Fatal("a secret is in the verdict")
			}
		}
	})
}
