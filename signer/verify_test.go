package signer_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

func TestVerify(t *testing.T) {
	x := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	rsaVector := rsaVector()
	rsaReq := rsaVector.SignerRequest()
	rsaPublic := rsaReq
	rsaPublic.PrivateKey = ""
	plaintext := x
	plaintext.SignatureMethod = signer.PLAINTEXT

	tests := []struct {
		name      string
		req       signer.Request
		received  string
		publicKey string
		valid     bool
	}{
		{"HMAC valid", x, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", "", true},
		{"HMAC valid, still percent-encoded", x, "Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D", "", true},
		{"HMAC wrong edition", x, "tnnArxj06cWHq44gCs1OSKk/jLY=", "", false},
		{"HMAC not base64", x, "not base64!", "", false},
		{"RSA with the public key", rsaPublic, rsaVector.Want["signature"], rsaVector.Want["publicKey"], true},
		{"RSA with the private key's public half", rsaReq, rsaVector.Want["signature"], "", true},
		{"RSA wrong signature", rsaPublic, "jvTp" + rsaVector.Want["signature"][8:], rsaVector.Want["publicKey"], false},
		{"PLAINTEXT valid", plaintext, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE", "", true},
		{"PLAINTEXT valid, header-encoded", plaintext, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw%26LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE", "", true},
		{"PLAINTEXT wrong", plaintext, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Verify(tc.req, tc.received, tc.publicKey)
			require.NoError(t, err)
			assert.Equal(t, tc.valid, got.Valid, got.Reason)
			assert.NotEmpty(t, got.Reason)
		})
	}
}

func TestVerifyFieldErrors(t *testing.T) {
	x := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
	noNonce := x
	noNonce.Nonce = ""
	noTimestamp := x
	noTimestamp.Timestamp = ""
	rsa := x
	rsa.SignatureMethod = signer.RSASHA1
	for _, tc := range []struct {
		name, field, received, publicKey string
		req                              signer.Request
	}{
		{"no signature", "signature", "", "", x},
		{"no nonce", "nonce", "sig", "", noNonce},
		{"no timestamp", "timestamp", "sig", "", noTimestamp},
		{"RSA without any key", "publicKey", "sig", "", rsa},
		{"RSA with junk key", "publicKey", "sig", "junk " + canary, rsa},
		{"RSA with a private key as public", "publicKey", "sig", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n", rsa},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := signer.Verify(tc.req, tc.received, tc.publicKey)
			var fe *signer.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.NotContains(t, err.Error(), canary)
		})
	}
}

func TestVerifyAuthorization(t *testing.T) {
	// The header of the X "Authorizing a request" page,
	// https://docs.x.com/fundamentals/authentication/oauth-1-0a/authorizing-a-request, against the /1/ request
	// it was made for, and against the api.x.com/1.1 request of the
	// "Creating a signature" page, which it does not match.
	header := `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"`
	secretsOnly := func(url string) signer.Request {
		r := xExample(url)
		r.ConsumerKey, r.Token, r.Nonce, r.Timestamp, r.Version = "", "", "", "", ""
		return r
	}
	got, err := signer.VerifyAuthorization(secretsOnly("https://api.twitter.com/1/statuses/update.json?include_entities=true"), header, "")
	require.NoError(t, err)
	assert.True(t, got.Valid, got.Reason)
	got, err = signer.VerifyAuthorization(secretsOnly("https://api.x.com/1.1/statuses/update.json?include_entities=true"), header, "")
	require.NoError(t, err)
	assert.False(t, got.Valid)
	assert.Equal(t, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", got.Expected)

	// RFC 5849 section 1.2 temporary credentials request, folded header.
	rfc := signer.Request{Method: "POST", URL: "https://photos.example.net/initiate", ConsumerSecret: "kd94hf93k423kf44"}
	got, err = signer.VerifyAuthorization(rfc, "OAuth realm=\"Photos\",\n   oauth_consumer_key=\"dpf43f3p2l4k3l03\",\n   oauth_signature_method=\"HMAC-SHA1\",\n   oauth_timestamp=\"137131200\",\n   oauth_nonce=\"wIjqoS\",\n   oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\",\n   oauth_signature=\"74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\"", "")
	require.NoError(t, err)
	assert.True(t, got.Valid, got.Reason)

	// Body hash (draft-eaton-oauth-bodyhash appendix A.1, as python-oauth2's
	// test_request_hash_of_body signs it): valid, then the body changed.
	bh := signer.Request{Method: "PUT", URL: "http://www.example.com/resource", Body: "Hello World!", ContentType: "text/plain", ConsumerSecret: "con-test-secret"}
	bhHeader := `OAuth oauth_body_hash="Lve95gjOVATpfV8EL5X4nxwjKHE%3D", oauth_consumer_key="consumer", oauth_nonce="10288510250934", oauth_signature="t%2BMX8l%2F0S8hdbVQL99nD0X1fPnM%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1236874155", oauth_token="token", oauth_version="1.0"`
	got, err = signer.VerifyAuthorization(bh, bhHeader, "")
	require.NoError(t, err)
	assert.True(t, got.Valid, got.Reason)
	bh.Body = "Hello World?"
	got, err = signer.VerifyAuthorization(bh, bhHeader, "")
	require.NoError(t, err)
	assert.False(t, got.Valid)
	assert.Contains(t, got.Reason, "oauth_body_hash")

	for name, h := range map[string]string{
		"duplicate nonce": `OAuth oauth_nonce="a", oauth_nonce="b", oauth_signature="x"`,
		"no signature":    `OAuth oauth_consumer_key="k"`,
		"not OAuth":       `Bearer abc`,
	} {
		_, err := signer.VerifyAuthorization(rfc, h, "")
		var fe *signer.FieldError
		require.ErrorAs(t, err, &fe, name)
		assert.Equal(t, "authorization", fe.Field, name)
	}
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
