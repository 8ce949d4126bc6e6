package wire

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// TestWriteResultIsWriteJSONOfResult checks that WriteResult writes the
// very text WriteJSON writes for Result's tree, for every signing vector
// (HMAC, RSA, PLAINTEXT, body hash, notes, warnings, secret steps) and
// for a result with empty and missing lists, escapes and bad UTF-8.
func TestWriteResultIsWriteJSONOfResult(t *testing.T) {
	var results []*signer.Result
	for _, v := range signertest.Vectors() {
		res, err := signer.Sign(v.SignerRequest())
		if err != nil {
			continue
		}
		results = append(results, res)
	}
	require.NotEmpty(t, results)
	results = append(results, &signer.Result{}, &signer.Result{
		Signature: "a\"b\\c\n\x01", SignatureBaseString: "bad\xffutf8 ☃", Parameters: []signer.Param{},
		Steps: []signer.Step{
			{ID: "x", Params: []signer.Param{}, Parts: []string{}, Notes: []signer.Note{}},
			{ID: "y", Title: "</script>", Secret: true, Params: []signer.Param{{Name: "n", Value: "v\u2028", Source: "query"}},
				Parts: []string{"p", ""}, Notes: []signer.Note{{ID: "i", Text: "t"}}},
		},
		Warnings: []signer.Warning{{ID: "w", Text: "x\ty"}},
	})
	for i, res := range results {
		var want, got strings.Builder
		WriteJSON(&want, Result(res))
		WriteResult(&got, res)
		assert.Equal(t, want.String(), got.String(), "result %d", i)
	}
}
