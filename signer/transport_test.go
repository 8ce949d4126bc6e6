package signer_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

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
