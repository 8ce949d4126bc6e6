package rsamethods_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// TestRegistered checks that importing the package registers the three
// RSA methods, and that they sign the oauth.net RSA-SHA1 vector as
// published.
func TestRegistered(t *testing.T) {
	for _, m := range []signer.SignatureMethod{signer.RSASHA1, signer.RSASHA256, signer.RSASHA512} {
		assert.True(t, signer.Supports(m), m)
	}
	var found bool
	for _, v := range signertest.Vectors() {
		if v.Request.SignatureMethod != string(signer.RSASHA1) {
			continue
		}
		found = true
		res, err := signer.Sign(v.SignerRequest())
		require.NoError(t, err, v.Name)
		assert.Equal(t, v.Want["signature"], res.Signature, v.Name)
	}
	assert.True(t, found, "signertest has no RSA-SHA1 vector")
}

// TestParseKeys parses a key pair in each PEM form and checks the errors
// name their field.
func TestParseKeys(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	pkix, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	require.NoError(t, err)
	pemOf := func(typ string, b []byte) string { return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: b})) }

	for _, text := range []string{pemOf("PRIVATE KEY", pkcs8), pemOf("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(key))} {
		got, err := rsamethods.ParsePrivateKey(text)
		require.NoError(t, err)
		assert.True(t, got.Equal(key))
	}
	for _, text := range []string{pemOf("PUBLIC KEY", pkix), pemOf("RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(&key.PublicKey))} {
		got, err := rsamethods.ParsePublicKey(text)
		require.NoError(t, err)
		assert.True(t, got.Equal(&key.PublicKey))
	}

	var fe *signer.FieldError
	_, err = rsamethods.ParsePrivateKey(pemOf("PUBLIC KEY", pkix))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "privateKey", fe.Field)
	assert.ErrorIs(t, err, signer.ErrMalformed)
	_, err = rsamethods.ParsePublicKey("")
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "publicKey", fe.Field)
	assert.ErrorIs(t, err, signer.ErrRequired)
}
