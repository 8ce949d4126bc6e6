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
			_, err := signer.VerifyAuthorization(rsa, `OAuth oauth_consumer_key="k", oauth_nonce="n", oauth_timestamp="1", oauth_signature_method="RSA-SHA1", oauth_signature="c2ln"`, "")
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
