package signer_test

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

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
)

// TestEveryMethodSignsAndVerifies signs the X example with each of the
// seven methods and verifies the result back, and checks that a changed
// request no longer verifies.
func TestEveryMethodSignsAndVerifies(t *testing.T) {
	sigLen := map[signer.SignatureMethod]int{signer.HMACSHA1: 28, signer.HMACSHA256: 44, signer.HMACSHA512: 88, signer.RSASHA1: 172, signer.RSASHA256: 172, signer.RSASHA512: 172}
	for _, m := range signer.SignatureMethods() {
		t.Run(string(m), func(t *testing.T) {
			r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
			r.SignatureMethod = m
			r.PrivateKey = testKeyPEM(t)
			res, err := signer.Sign(r)
			require.NoError(t, err)
			if n, ok := sigLen[m]; ok {
				assert.Len(t, res.Signature, n)
			}
			assert.Contains(t, res.AuthorizationHeader, `oauth_signature_method="`+string(m)+`"`)

			public := r
			public.PrivateKey = ""
			v, err := signer.Verify(public, res.Signature, res.PublicKey)
			require.NoError(t, err)
			assert.True(t, v.Valid, v.Reason)

			if m == signer.PLAINTEXT {
				return // PLAINTEXT signs nothing of the request: it still "verifies"
			}
			public.URL += "&x=1"
			v, err = signer.Verify(public, res.Signature, res.PublicKey)
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
	key, err := rsamethods.ParsePrivateKey(pkcs8)
	require.NoError(t, err)
	pkcs1 := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))
	pub1 := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&key.PublicKey)}))
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "oauth1-playground test"},
		NotBefore: time.Unix(0, 0), NotAfter: time.Unix(1<<32, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	cert := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))

	r := xExample("https://api.x.com/1.1/statuses/update.json")
	r.SignatureMethod = signer.RSASHA256
	r.PrivateKey = pkcs8
	a, err := signer.Sign(r)
	require.NoError(t, err)
	r.PrivateKey = pkcs1
	b, err := signer.Sign(r)
	require.NoError(t, err)
	assert.Equal(t, a.Signature, b.Signature, "PKCS#1 and PKCS#8 of one key")
	assert.Equal(t, a.PublicKey, b.PublicKey)

	r.PrivateKey = ""
	for name, pub := range map[string]string{"PUBLIC KEY": a.PublicKey, "RSA PUBLIC KEY": pub1, "CERTIFICATE": cert} {
		v, err := signer.Verify(r, a.Signature, pub)
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
			r.SignatureMethod, r.PrivateKey = signer.RSASHA1, text
			_, err := signer.Sign(r)
			var fe *signer.FieldError
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
		edit        func(*signer.Request)
	}{
		{"body hash on a form body", "bodyHash", func(r *signer.Request) { r.BodyHash = true }},
		{"body hash with PLAINTEXT", "bodyHash", func(r *signer.Request) {
			r.BodyHash, r.SignatureMethod, r.ContentType = true, signer.PLAINTEXT, "application/json"
		}},
		{"unknown transport", "transport", func(r *signer.Request) { r.Transport = signer.Transport(canary) }},
		{"body transport with a JSON body", "transport", func(r *signer.Request) {
			r.Transport, r.ContentType, r.Body = signer.TransportBody, "application/json", `{"a":"`+canary+`"}`
		}},
		{"callback also in the query", "url", func(r *signer.Request) { r.Callback, r.URL = "oob", "https://h/?oauth_callback="+canary }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := xExample("https://api.x.com/1.1/statuses/update.json")
			tc.edit(&r)
			_, err := signer.Sign(r)
			var fe *signer.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.NotContains(t, err.Error(), canary)
		})
	}
}

func TestTransports(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true#frag")
	res, err := signer.Sign(r)
	require.NoError(t, err)
	const pairs = "oauth_consumer_key=xvz1evFS4wEEPTGEFPHBog&oauth_nonce=kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg&oauth_signature=Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1318622958&oauth_token=370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb&oauth_version=1.0"
	assert.Equal(t, "https://api.x.com/1.1/statuses/update.json?include_entities=true&"+pairs, res.Query)
	assert.Equal(t, r.Body+"&"+pairs, res.FormBody)
	assert.Equal(t, "curl --request 'POST' 'https://api.x.com/1.1/statuses/update.json?include_entities=true#frag' \\\n"+
		"  --header 'Authorization: "+res.AuthorizationHeader+"' \\\n"+
		"  --header 'Content-Type: application/x-www-form-urlencoded' \\\n"+
		"  --data-raw '"+r.Body+"'", res.Curl)

	for _, tc := range []struct {
		transport signer.Transport
		rfc, last string
	}{
		{signer.TransportHeader, "3.5.1", res.AuthorizationHeader},
		{signer.TransportQuery, "3.5.3", res.Query},
		{signer.TransportBody, "3.5.2", res.FormBody},
	} {
		r.Transport = tc.transport
		got, err := signer.Sign(r)
		require.NoError(t, err)
		assert.Equal(t, res.Signature, got.Signature, "the transport does not change the signature")
		final := got.Steps[len(got.Steps)-1]
		assert.Equal(t, signer.StepAuthorizationHeader, final.ID)
		assert.Equal(t, tc.rfc, final.RFC)
		assert.Equal(t, tc.last, final.Value)
	}
	r.Transport = signer.TransportQuery
	got, err := signer.Sign(r)
	require.NoError(t, err)
	assert.NotContains(t, got.Curl, "Authorization")
	assert.Contains(t, got.Curl, "'"+res.Query+"'")
}

func TestPlaintextSteps(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json")
	r.SignatureMethod = signer.PLAINTEXT
	res, err := signer.Sign(r)
	require.NoError(t, err)
	assert.Empty(t, res.SignatureBaseString)
	for _, s := range res.Steps {
		switch s.ID {
		case signer.StepSignatureBaseString, signer.StepDigest:
			assert.Empty(t, s.Value, s.ID)
			require.NotEmpty(t, s.Notes, s.ID)
			assert.Contains(t, s.Notes[0].ID, "plaintext")
		case signer.StepSigningKey, signer.StepSignature, signer.StepAuthorizationHeader:
			assert.True(t, s.Secret, "%s holds the secrets under PLAINTEXT", s.ID)
		}
	}
	assert.Contains(t, res.AuthorizationHeader, `oauth_signature="kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw%26LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"`)
}

func TestBodyNotSignedNote(t *testing.T) {
	r := xExample("https://api.x.com/2/tweets")
	r.Body, r.ContentType = `{"text":"hello"}`, "application/json"
	res, err := signer.Sign(r)
	require.NoError(t, err)
	require.NotEmpty(t, res.Steps[0].Notes)
	assert.Equal(t, "body-not-signed", res.Steps[0].Notes[0].ID)
	r.BodyHash = true
	res, err = signer.Sign(r)
	require.NoError(t, err)
	assert.Equal(t, "body-hashed", res.Steps[0].Notes[0].ID)
	assert.True(t, strings.HasPrefix(res.Steps[0].Notes[0].Text, "oauth_body_hash is the base64 SHA-1"))
}

func TestCurlBodyWithoutContentType(t *testing.T) {
	r := xExample("https://api.x.com/2/upload")
	r.Body, r.ContentType = "raw bytes", ""
	res, err := signer.Sign(r)
	require.NoError(t, err)
	assert.Contains(t, res.Curl, "--header 'Content-Type:' \\\n  --data-raw 'raw bytes'")
}

func TestVerifyPlaintextWithEncodedSecrets(t *testing.T) {
	r := xExample("https://api.x.com/")
	r.SignatureMethod, r.ConsumerSecret, r.TokenSecret = signer.PLAINTEXT, "a b", "c&d"
	res, err := signer.Sign(r)
	require.NoError(t, err)
	require.Equal(t, "a%20b&c%26d", res.Signature)
	for _, received := range []string{res.Signature, signer.PercentEncode(res.Signature)} {
		v, err := signer.Verify(r, received, "")
		require.NoError(t, err)
		assert.True(t, v.Valid, "%s: %s", received, v.Reason)
	}
	v, err := signer.Verify(r, "a b&c&d", "")
	require.NoError(t, err)
	assert.False(t, v.Valid)
}

// TestExtraParamsAreSent checks that the caller's placed parameters reach
// the outputs, not only the signature.
func TestExtraParamsAreSent(t *testing.T) {
	r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	r.Params = []signer.Param{{"q", "a b", signer.SourceQuery}, {"extra", "1", signer.SourceBody}, {"plain", "x", ""}}
	res, err := signer.Sign(r)
	require.NoError(t, err)
	assert.Contains(t, res.Query, "?include_entities=true&plain=x&q=a%20b&oauth_consumer_key=")
	assert.Contains(t, res.FormBody, r.Body+"&extra=1&oauth_consumer_key=")
	assert.Contains(t, res.Curl, "'https://api.x.com/1.1/statuses/update.json?include_entities=true&plain=x&q=a%20b'")
	assert.Contains(t, res.Curl, "--data-raw '"+r.Body+"&extra=1'")
	assert.Contains(t, res.SignatureBaseString, "extra%3D1")

	// Importing the curl command gives a request that verifies.
	im, err := signer.Import(res.Curl)
	require.NoError(t, err)
	im.Request.ConsumerSecret, im.Request.TokenSecret = r.ConsumerSecret, r.TokenSecret
	v, err := signer.Verify(im.Request, im.Signature, "")
	require.NoError(t, err)
	assert.True(t, v.Valid, v.Reason)

	r.Params = []signer.Param{{"oauth_nonce", "x", signer.SourceExtra}}
	_, err = signer.Sign(r)
	var fe *signer.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "params", fe.Field)

	r.Params = []signer.Param{{"b", "1", signer.SourceBody}}
	r.ContentType, r.Body = "application/json", "{}"
	_, err = signer.Sign(r)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "params", fe.Field)
}

func TestSupports(t *testing.T) {
	methods := signer.SignatureMethods()
	assert.Equal(t, []signer.SignatureMethod{signer.HMACSHA1, signer.HMACSHA256, signer.HMACSHA512,
		signer.RSASHA1, signer.RSASHA256, signer.RSASHA512, signer.PLAINTEXT}, methods)
	methods[0] = "changed"
	assert.Equal(t, signer.HMACSHA1, signer.SignatureMethods()[0], "SignatureMethods returns a copy")
	for _, m := range signer.SignatureMethods() {
		assert.True(t, signer.Supports(m), "%s with signer/rsamethods linked in", m)
	}
	assert.False(t, signer.Supports("MD5-RSA"))
	assert.False(t, signer.Supports(""))

	signer.UnregisterKeyMethodsForTest(t)
	for _, m := range signer.SignatureMethods() {
		assert.Equal(t, !strings.HasPrefix(string(m), "RSA-"), signer.Supports(m), "%s without signer/rsamethods", m)
	}
}

// TestNeedsFullSigner checks that without signer/rsamethods every call
// that needs RSA, a private key or a public key says so with
// ErrNeedsFullSigner on signatureMethod.
func TestNeedsFullSigner(t *testing.T) {
	signer.UnregisterKeyMethodsForTest(t)
	hmac := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	rsa := hmac
	rsa.SignatureMethod, rsa.PrivateKey = signer.RSASHA1, testKeyPEM(t)
	public := rsaVector().Want["publicKey"]
	calls := map[string]func() error{
		"Sign RSA":                      func() error { _, err := signer.Sign(rsa); return err },
		"Verify RSA":                    func() error { _, err := signer.Verify(rsa, "c2ln", ""); return err },
		"Verify HMAC with a public key": func() error { _, err := signer.Verify(hmac, "c2ln", public); return err },
		"DiagnoseSignature RSA":         func() error { _, err := signer.DiagnoseSignature(rsa, "c2ln", public); return err },
		"DiagnoseSignature HMAC with a public key": func() error {
			_, err := signer.DiagnoseSignature(hmac, "c2ln", public)
			return err
		},
		"DiagnoseBaseString RSA": func() error { _, err := signer.DiagnoseBaseString(rsa, "POST&x&y"); return err },
		"VerifyAuthorization RSA": func() error {
			_, err := signer.VerifyAuthorization(rsa, `OAuth oauth_signature_method="RSA-SHA1", oauth_signature="c2ln"`, "")
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			var fe *signer.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "signatureMethod", fe.Field)
			assert.ErrorIs(t, err, signer.ErrNeedsFullSigner)
		})
	}
	_, err := signer.Sign(hmac)
	assert.NoError(t, err, "HMAC needs no registration")
}
