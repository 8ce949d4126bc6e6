//go:build js && wasm

package main

import (
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// TestVectorsThroughJS runs the published vectors of signer/signertest,
// the table the Go tests run, through oauth1.sign and oauth1.verify as JS
// callers use them: each request is built by JSON.parse, so field names
// and types are exactly what a page or a Node script passes.
func TestVectorsThroughJS(t *testing.T) {
	vectors := signertest.Vectors()
	require.NotEmpty(t, vectors)

	oauth1 := api(t)
	jsonObj, err := safejs.Global().Get("JSON")
	require.NoError(t, err)
	// The file as stored, which make build hands to the page, reads in JS
	// as the same list.
	file, err := jsonObj.Call("parse", string(signertest.VectorsJSON()))
	require.NoError(t, err)
	require.Len(t, toGo(t, file).(map[string]any)["vectors"], len(vectors))
	for _, v := range vectors {
		t.Run(v.Name, func(t *testing.T) {
			if lite() && strings.HasPrefix(v.Request.SignatureMethod, "RSA-") {
				t.Skip("the oauth1_lite build leaves RSA out")
			}
			req, err := jsonObj.Call("parse", v.Request.JSON())
			require.NoError(t, err)
			got := call(t, oauth1, req)
			require.Equal(t, true, got["ok"], "%v", got["error"])
			steps := map[string]any{}
			for _, s := range got["steps"].([]any) {
				step := s.(map[string]any)
				steps[step["id"].(string)] = step["value"]
			}
			for key, want := range v.Want {
				value, ok := got[key]
				if !ok {
					value, ok = steps[key]
				}
				require.True(t, ok, "no result field or step %q", key)
				assert.Equal(t, want, value, key)
			}

			if lite() {
				return // verify is full-only (TestLiteFullOnly)
			}
			require.NoError(t, req.Set("signature", got["signature"]))
			res, err := oauth1.Call("verify", req)
			require.NoError(t, err)
			ver := toGo(t, res).(map[string]any)
			require.Equal(t, true, ver["ok"], "%v", ver["error"])
			assert.Equal(t, true, ver["valid"], ver["reason"])
		})
	}
}
