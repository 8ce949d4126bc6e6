//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// TestVectorsThroughJS runs signer/testdata/vectors.json, the table the
// Go tests run, through oauth1.sign and oauth1.verify as JS callers use
// them: each request is built by JSON.parse, so field names and types are
// exactly what a page or a Node script passes.
func TestVectorsThroughJS(t *testing.T) {
	raw, err := os.ReadFile("../signer/testdata/vectors.json")
	require.NoError(t, err)
	var file struct {
		Vectors []struct {
			Name    string            `json:"name"`
			Request json.RawMessage   `json:"request"`
			Want    map[string]string `json:"want"`
		} `json:"vectors"`
	}
	require.NoError(t, json.Unmarshal(raw, &file))
	require.NotEmpty(t, file.Vectors)

	oauth1 := api(t)
	jsonObj, err := safejs.Global().Get("JSON")
	require.NoError(t, err)
	for _, v := range file.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			if !signer.HasRSA && strings.Contains(string(v.Request), `"RSA-`) {
				t.Skip("the oauth1_lite build leaves RSA out")
			}
			req, err := jsonObj.Call("parse", string(v.Request))
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

			require.NoError(t, req.Set("signature", got["signature"]))
			res, err := oauth1.Call("verify", req)
			require.NoError(t, err)
			ver := toGo(t, res).(map[string]any)
			require.Equal(t, true, ver["ok"], "%v", ver["error"])
			assert.Equal(t, true, ver["valid"], ver["reason"])
		})
	}
}
