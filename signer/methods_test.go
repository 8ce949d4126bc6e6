package signer

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testKeyPEM is the public RSA test key of the oauth.net RSA-SHA1 vector
// (test-vectors.md V9.5). Never use it for anything real.
func testKeyPEM(t *testing.T) string {
	t.Helper()
	for _, v := range loadVectors(t) {
		if v.Request.PrivateKey != "" {
			return v.Request.PrivateKey
		}
	}
	t.Fatal("no vector with a private key")
	return ""
}

// TestEveryMethodSignsAndVerifies signs the X example with each of the
// seven methods and verifies the result back, and checks that a changed
// request no longer verifies.
func TestEveryMethodSignsAndVerifies(t *testing.T) {
	sigLen := map[SignatureMethod]int{HMACSHA1: 28, HMACSHA256: 44, HMACSHA512: 88, RSASHA1: 172, RSASHA256: 172, RSASHA512: 172}
	for _, m := range SignatureMethods {
		t.Run(string(m), func(t *testing.T) {
			r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
			r.SignatureMethod = m
			r.PrivateKey = testKeyPEM(t)
			res, err := Sign(r)
			require.NoError(t, err)
			if n, ok := sigLen[m]; ok {
				assert.Len(t, res.Signature, n)
			}
			assert.Contains(t, res.AuthorizationHeader, `oauth_signature_method="`+string(m)+`"`)

			public := r
			public.PrivateKey = ""
			v, err := Verify(public, res.Signature, res.PublicKey)
			require.NoError(t, err)
			assert.True(t, v.Valid, v.Reason)

			if m == PLAINTEXT {
				return // PLAINTEXT signs nothing of the request: it still "verifies"
			}
			public.URL += "&x=1"
			v, err = Verify(public, res.Signature, res.PublicKey)
			require.NoError(t, err)
			assert.False(t, v.Valid, "a changed URL must not verify")
		})
	}
}

// TestRSAKeyForms checks that PKCS#1 and PKCS#8 forms of one key sign
// alike, and that a public key, a PKCS#1 public key and a certificate
// all verify.
func TestRSAKeyForms(t *testing.T) {
	pkcs8 := testKeyPEM(t)
	key, err := ParsePrivateKey(pkcs8)
	require.NoError(t, err)
	pkcs1 := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))
	pub1 := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&key.PublicKey)}))
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "oauth1-playground test"},
		NotBefore: time.Unix(0, 0), NotAfter: time.Unix(1<<32, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	cert := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))

	r := xExample("https://api.x.com/1.1/statuses/update.json")
	r.SignatureMethod = RSASHA256
	r.PrivateKey = pkcs8
	a, err := Sign(r)
	require.NoError(t, err)
	r.PrivateKey = pkcs1
	b, err := Sign(r)
	require.NoError(t, err)
	assert.Equal(t, a.Signature, b.Signature, "PKCS#1 and PKCS#8 of one key")
	assert.Equal(t, a.PublicKey, b.PublicKey)

	r.PrivateKey = ""
	for name, pub := range map[string]string{"PUBLIC KEY": a.PublicKey, "RSA PUBLIC KEY": pub1, "CERTIFICATE": cert} {
		v, err := Verify(r, a.Signature, pub)
		require.NoError(t, err, name)
		assert.True(t, v.Valid, name)
	}
}

func TestPrivateKeyErrors(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	ecDER, err := x509.MarshalPKCS8PrivateKey(ec)
	require.NoError(t, err)
	pemOf := func(typ string, b []byte, headers map[string]string) string {
		return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: b, Headers: headers}))
	}
	tests := map[string]string{
		"empty":             "",
		"not PEM":           canary,
		"EC key":            pemOf("PRIVATE KEY", ecDER, nil),
		"broken PKCS#8":     pemOf("PRIVATE KEY", []byte(canary), nil),
		"broken PKCS#1":     pemOf("RSA PRIVATE KEY", []byte(canary), nil),
		"encrypted PKCS#8":  pemOf("ENCRYPTED PRIVATE KEY", []byte(canary), nil),
		"encrypted PKCS#1":  pemOf("RSA PRIVATE KEY", []byte(canary), map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-128-CBC,00"}),
		"public key":        pemOf("PUBLIC KEY", []byte(canary), nil),
		"certificate":       pemOf("CERTIFICATE", []byte(canary), nil),
		"unknown PEM block": pemOf("CANARY THING", []byte(canary), nil),
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			r := xExample("https://api.x.com/")
			r.SignatureMethod, r.PrivateKey = RSASHA1, text
			_, err := Sign(r)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "privateKey", fe.Field)
			assert.NotContains(t, err.Error(), canary)
			assert.NotContains(t, err.Error(), "CANARY")
		})
	}
}

func TestSignNewFieldErrors(t *testing.T) {
	tests := []struct {
		name, field string
		edit        func(*Request)
	}{
		{"body hash on a form body", "bodyHash", func(r *Request) { r.BodyHash = true }},
		{"body hash with PLAINTEXT", "bodyHash", func(r *Request) {
			r.BodyHash, r.SignatureMethod, r.ContentType = true, PLAINTEXT, "application/json"
		}},
		{"unknown transport", "transport", func(r *Request) { r.Transport = Transport(canary) }},
		{"body transport with a JSON body", "transport", func(r *Request) {
			r.Transport, r.ContentType, r.Body = TransportBody, "application/json", `{"a":"`+canary+`"}`
		}},
		{"callback also in the query", "url", func(r *Request) { r.Callback, r.URL = "oob", "https://h/?oauth_callback="+canary }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := xExample("https://api.x.com/1.1/statuses/update.json")
			tc.edit(&r)
			_, err := Sign(r)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.NotContains(t, err.Error(), canary)
		})
	}
}

func TestTransports(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true#frag")
	res, err := Sign(r)
	require.NoError(t, err)
	const pairs = "oauth_consumer_key=xvz1evFS4wEEPTGEFPHBog&oauth_nonce=kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg&oauth_signature=Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1318622958&oauth_token=370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb&oauth_version=1.0"
	assert.Equal(t, "https://api.x.com/1.1/statuses/update.json?include_entities=true&"+pairs, res.Query)
	assert.Equal(t, r.Body+"&"+pairs, res.FormBody)
	assert.Equal(t, "curl --request 'POST' 'https://api.x.com/1.1/statuses/update.json?include_entities=true#frag' \\\n"+
		"  --header 'Authorization: "+res.AuthorizationHeader+"' \\\n"+
		"  --header 'Content-Type: application/x-www-form-urlencoded' \\\n"+
		"  --data-raw '"+r.Body+"'", res.Curl)

	for _, tc := range []struct {
		transport Transport
		rfc, last string
	}{
		{TransportHeader, "3.5.1", res.AuthorizationHeader},
		{TransportQuery, "3.5.3", res.Query},
		{TransportBody, "3.5.2", res.FormBody},
	} {
		r.Transport = tc.transport
		got, err := Sign(r)
		require.NoError(t, err)
		assert.Equal(t, res.Signature, got.Signature, "the transport does not change the signature")
		final := got.Steps[len(got.Steps)-1]
		assert.Equal(t, StepAuthorizationHeader, final.ID)
		assert.Equal(t, tc.rfc, final.RFC)
		assert.Equal(t, tc.last, final.Value)
	}
	r.Transport = TransportQuery
	got, err := Sign(r)
	require.NoError(t, err)
	assert.NotContains(t, got.Curl, "Authorization")
	assert.Contains(t, got.Curl, "'"+res.Query+"'")
}

func TestCurlQuoting(t *testing.T) {
	got := curlCommand("GET", "https://h/?q=it's", [][2]string{{"Authorization", `OAuth a="b"`}}, "")
	assert.Equal(t, "curl 'https://h/?q=it'\\''s' \\\n  --header 'Authorization: OAuth a=\"b\"'", got)
	assert.Equal(t, "curl --head 'https://h/'", curlCommand("HEAD", "https://h/", nil, ""))
}

func TestPlaintextSteps(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json")
	r.SignatureMethod = PLAINTEXT
	res, err := Sign(r)
	require.NoError(t, err)
	assert.Empty(t, res.SignatureBaseString)
	for _, s := range res.Steps {
		switch s.ID {
		case StepSignatureBaseString, StepDigest:
			assert.Empty(t, s.Value, s.ID)
			require.NotEmpty(t, s.Notes, s.ID)
			assert.Contains(t, s.Notes[0].ID, "plaintext")
		case StepSigningKey, StepSignature, StepAuthorizationHeader:
			assert.True(t, s.Secret, "%s holds the secrets under PLAINTEXT", s.ID)
		}
	}
	assert.Contains(t, res.AuthorizationHeader, `oauth_signature="kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw%26LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"`)
}

func TestBodyNotSignedNote(t *testing.T) {
	r := xExample("https://api.x.com/2/tweets")
	r.Body, r.ContentType = `{"text":"hello"}`, "application/json"
	res, err := Sign(r)
	require.NoError(t, err)
	require.NotEmpty(t, res.Steps[0].Notes)
	assert.Equal(t, "body-not-signed", res.Steps[0].Notes[0].ID)
	r.BodyHash = true
	res, err = Sign(r)
	require.NoError(t, err)
	assert.Equal(t, "body-hashed", res.Steps[0].Notes[0].ID)
	assert.True(t, strings.HasPrefix(res.Steps[0].Notes[0].Text, "oauth_body_hash is the base64 SHA-1"))
}

func TestCurlBodyWithoutContentType(t *testing.T) {
	r := xExample("https://api.x.com/2/upload")
	r.Body, r.ContentType = "raw bytes", ""
	res, err := Sign(r)
	require.NoError(t, err)
	assert.Contains(t, res.Curl, "--header 'Content-Type:' \\\n  --data-raw 'raw bytes'")
}

func TestVerifyPlaintextWithEncodedSecrets(t *testing.T) {
	r := xExample("https://api.x.com/")
	r.SignatureMethod, r.ConsumerSecret, r.TokenSecret = PLAINTEXT, "a b", "c&d"
	res, err := Sign(r)
	require.NoError(t, err)
	require.Equal(t, "a%20b&c%26d", res.Signature)
	for _, received := range []string{res.Signature, PercentEncode(res.Signature)} {
		v, err := Verify(r, received, "")
		require.NoError(t, err)
		assert.True(t, v.Valid, "%s: %s", received, v.Reason)
	}
	v, err := Verify(r, "a b&c&d", "")
	require.NoError(t, err)
	assert.False(t, v.Valid)
}

// TestExtraParamsAreSent checks that the caller's placed parameters reach
// the outputs, not only the signature.
func TestExtraParamsAreSent(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	r.Params = []Param{{"q", "a b", SourceQuery}, {"extra", "1", SourceBody}, {"plain", "x", ""}}
	res, err := Sign(r)
	require.NoError(t, err)
	assert.Contains(t, res.Query, "?include_entities=true&plain=x&q=a%20b&oauth_consumer_key=")
	assert.Contains(t, res.FormBody, r.Body+"&extra=1&oauth_consumer_key=")
	assert.Contains(t, res.Curl, "'https://api.x.com/1.1/statuses/update.json?include_entities=true&plain=x&q=a%20b'")
	assert.Contains(t, res.Curl, "--data-raw '"+r.Body+"&extra=1'")
	assert.Contains(t, res.SignatureBaseString, "extra%3D1")

	// Importing the curl command gives a request that verifies.
	im, err := Import(res.Curl)
	require.NoError(t, err)
	im.Request.ConsumerSecret, im.Request.TokenSecret = r.ConsumerSecret, r.TokenSecret
	v, err := Verify(im.Request, im.Signature, "")
	require.NoError(t, err)
	assert.True(t, v.Valid, v.Reason)

	r.Params = []Param{{"oauth_nonce", "x", SourceExtra}}
	_, err = Sign(r)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "params", fe.Field)

	r.Params = []Param{{"b", "1", SourceBody}}
	r.ContentType, r.Body = "application/json", "{}"
	_, err = Sign(r)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "params", fe.Field)
}
