package wire

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// TestResultShape checks the field names of oauth1.sign's answer and the
// step fields, for the X docs example.
func TestResultShape(t *testing.T) {
	var vector signertest.Vector
	for _, v := range signertest.Vectors() {
		if v.Name == "V1.a X docs, api.x.com/1.1" {
			vector = v
		}
	}
	res, err := signer.Sign(vector.SignerRequest())
	require.NoError(t, err)
	got := Result(res)
	assert.Equal(t, true, got["ok"])
	assert.Equal(t, vector.Want["signature"], got["signature"])
	assert.Equal(t, res.SignatureBaseString, got["baseString"])
	for _, k := range []string{"signingKey", "authorization", "query", "formBody", "curl", "publicKey", "bodyHash", "nonce", "timestamp", "params", "steps", "warnings"} {
		assert.Contains(t, got, k)
	}
	steps := got["steps"].([]any)
	require.Len(t, steps, len(res.Steps))
	for i, s := range steps {
		step := s.(map[string]any)
		assert.Equal(t, res.Steps[i].ID, step["id"])
		assert.Equal(t, res.Steps[i].Value, step["value"])
		if res.Steps[i].Secret {
			assert.Equal(t, true, step["secret"])
		}
	}
	assert.Equal(t, []any{"a", "b"}, List([]string{"a", "b"}))
}
