package signer_test

import (
	"testing"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJudgeBaseStringVectors: the base string of every published vector
// is well-formed on its own.
func TestJudgeBaseStringVectors(t *testing.T) {
	n := 0
	for _, v := range signertest.Vectors() {
		bs, ok := v.Want["baseString"]
		if !ok {
			continue
		}
		n++
		t.Run(v.Name, func(t *testing.T) {
			got, err := signer.JudgeBaseString(bs)
			require.NoError(t, err)
			var ids []string
			for _, m := range got.Mistakes {
				ids = append(ids, m.ID)
			}
			assert.True(t, got.Correct, "mistakes %v, normal form %s", ids, got.Expected)
		})
	}
	assert.NotZero(t, n)
}
