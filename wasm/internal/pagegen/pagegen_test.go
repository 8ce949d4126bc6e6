package pagegen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

func loadRepoPresets(t *testing.T) []Preset {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "site", "presets.json"))
	require.NoError(t, err)
	presets, err := LoadPresets(raw, signertest.VectorsJSON())
	require.NoError(t, err)
	return presets
}

// TestGeneratedValuesAreTheSigners signs every preset of site/presets.json
// as the page's form reads it and checks the generated result against the
// signer's own answer and, for a vector preset, against every value the
// vector pins: what the page shows before the wasm is the signer's.
func TestGeneratedValuesAreTheSigners(t *testing.T) {
	presets := loadRepoPresets(t)
	signed, err := Sign(presets)
	require.NoError(t, err)
	vectors := map[string]signertest.Vector{}
	for _, v := range signertest.Vectors() {
		vectors[v.Name] = v
	}
	for _, p := range presets {
		t.Run(p.ID, func(t *testing.T) {
			got := signed[p.ID].Result
			res, err := signer.Sign(SignerRequest(p))
			require.NoError(t, err)
			assert.Equal(t, res.Signature, got["signature"])
			assert.Equal(t, res.SignatureBaseString, got["baseString"])
			assert.Equal(t, res.AuthorizationHeader, got["authorization"])
			require.Len(t, got["steps"], len(res.Steps))
			for i, s := range got["steps"].([]any) {
				assert.Equal(t, res.Steps[i].Value, s.(map[string]any)["value"], res.Steps[i].ID)
			}
			if p.Vector == "" {
				return
			}
			v := vectors[p.Vector]
			for key, want := range v.Want {
				if key == "baseStringURI" {
					continue // a step id, checked through Value below
				}
				have, ok := signertest.Value(res, key)
				require.True(t, ok, key)
				assert.Equal(t, want, have, key)
			}
			if w := v.Want["signature"]; w != "" {
				assert.Equal(t, w, got["signature"])
			}
		})
	}
}

// TestFormRequest checks the page form's defaults: empty method and
// signature method filled in, version a checkbox, transport a radio with
// header as default, params only when there are rows.
func TestFormRequest(t *testing.T) {
	got := FormRequest(Preset{Request: Request{URL: "https://e.example/", Version: "1.0a", Transport: "carrier-pigeon"}})
	assert.Equal(t, "GET", got["method"])
	assert.Equal(t, "HMAC-SHA1", got["signatureMethod"])
	assert.Equal(t, "1.0", got["version"])
	assert.Equal(t, "header", got["transport"])
	assert.Equal(t, false, got["bodyHash"])
	assert.NotContains(t, got, "params")
	got = FormRequest(Preset{Request: Request{Transport: "query"}, Params: [][]string{{"a", "b", "body"}}})
	assert.Equal(t, "query", got["transport"])
	assert.Equal(t, "", got["version"])
	assert.Equal(t, []any{[]any{"a", "b", "body"}}, got["params"])
	req := SignerRequest(Preset{Params: [][]string{{"a", "1", "query"}, {"b", "2", "body"}, {"c", "3"}}})
	assert.Equal(t, []signer.Param{{Name: "a", Value: "1", Source: signer.SourceQuery},
		{Name: "b", Value: "2", Source: signer.SourceBody}, {Name: "c", Value: "3", Source: signer.SourceExtra}}, req.Params)
}

// TestLoadPresetsRefuses lists the menus the page could not use.
func TestLoadPresetsRefuses(t *testing.T) {
	vectors := signertest.VectorsJSON()
	tests := []struct{ name, json, want string }{
		{"empty", `{"presets":[]}`, "none"},
		{"unknown field", `{"presets":[{"id":"a","group":"x","label":"l","vector":"V8 RFC 5849 2.1, PLAINTEXT","oops":1}]}`, "unknown field"},
		{"repeated id", `{"presets":[{"id":"a","group":"x","label":"l","vector":"V8 RFC 5849 2.1, PLAINTEXT"},{"id":"a","group":"x","label":"l","vector":"V8 RFC 5849 2.1, PLAINTEXT"}]}`, "repeated"},
		{"unknown group", `{"presets":[{"id":"a","group":"nope","label":"l","vector":"V8 RFC 5849 2.1, PLAINTEXT"}]}`, "group"},
		{"unknown vector", `{"presets":[{"id":"a","group":"x","label":"l","vector":"nope"}]}`, "no vector"},
		{"vector with request", `{"presets":[{"id":"a","group":"x","label":"l","vector":"V8 RFC 5849 2.1, PLAINTEXT","request":{}}]}`, "takes its request"},
		{"no source", `{"presets":[{"id":"a","group":"x","label":"l","request":{}}]}`, "no request or no source"},
		{"bad row", `{"presets":[{"id":"a","group":"x","label":"l","source":"s","request":{},"params":[["a","b","header"]]}]}`, "parameter row"},
		{"bad credentialsFrom", `{"presets":[{"id":"a","group":"x","label":"l","source":"s","request":{},"credentialsFrom":"nope"}]}`, "credentialsFrom"},
		{"no label", `{"presets":[{"id":"a","group":"x","vector":"V8 RFC 5849 2.1, PLAINTEXT"}]}`, "no label"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadPresets([]byte(tt.json), vectors)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestSignRefusesMadeUpValues: a preset without a fixed nonce would be
// signed with a random one, which the wasm would not reproduce.
func TestSignRefusesMadeUpValues(t *testing.T) {
	_, err := Sign([]Preset{{ID: "a", Request: Request{URL: "https://e.example/", ConsumerKey: "k", Timestamp: "1"}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nonce")
}

// TestModule checks the modules' text: the same input gives the same
// bytes, presets-data.js signs only the default (first) preset,
// presets-signed.js every preset in order, and each signed line is the JSON
// the wasm hands to JSON.parse.
func TestModule(t *testing.T) {
	presets := loadRepoPresets(t)
	signed, err := Sign(presets)
	require.NoError(t, err)
	a, err := Module(presets, signed, "p.json")
	require.NoError(t, err)
	b, err := Module(presets, signed, "p.json")
	require.NoError(t, err)
	assert.Equal(t, a, b)
	text := string(a)
	assert.True(t, strings.HasPrefix(text, "// Generated by make build from p.json"))
	assert.Len(t, signedLines(t, text), 1, "presets-data.js signs the default preset only")
	assert.Equal(t, signedLines(t, text)[0], signedLines(t, mustSignedModule(t, presets, signed))[0])
	lines := signedLines(t, mustSignedModule(t, presets, signed))
	require.Len(t, lines, len(presets))
	for i, line := range lines {
		id, obj, ok := strings.Cut(strings.TrimSuffix(line, ","), ": ")
		require.True(t, ok)
		assert.Equal(t, `"`+presets[i].ID+`"`, id)
		var got struct {
			Request map[string]any `json:"request"`
			Result  map[string]any `json:"result"`
		}
		require.NoError(t, json.Unmarshal([]byte(obj), &got))
		assert.Equal(t, signed[presets[i].ID].Result["signature"], got.Result["signature"])
	}
	_, err = Module(presets, map[string]Signed{}, "p.json")
	assert.Error(t, err)
	_, err = SignedModule(presets, map[string]Signed{}, "p.json")
	assert.Error(t, err)
}

func mustSignedModule(t *testing.T, presets []Preset, signed map[string]Signed) string {
	t.Helper()
	b, err := SignedModule(presets, signed, "p.json")
	require.NoError(t, err)
	return string(b)
}

// signedLines returns the lines of text's signedPresets export.
func signedLines(t *testing.T, text string) []string {
	t.Helper()
	_, after, ok := strings.Cut(text, "export const signedPresets = {\n")
	require.True(t, ok)
	lines := strings.Split(strings.TrimSuffix(after, "};\n"), "\n")
	return lines[:len(lines)-1]
}

// FuzzLoadPresets: whatever the menu file holds, LoadPresets returns
// presets or an error, never panics, and what it returns signs or errs.
func FuzzLoadPresets(f *testing.F) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "site", "presets.json"))
	require.NoError(f, err)
	f.Add(string(raw))
	f.Add(`{"presets":[{"id":"a","group":"x","label":"l","source":"s","request":{"nonce":"n","timestamp":"1"},"params":[["a"]]}]}`)
	vectors := signertest.VectorsJSON()
	f.Fuzz(func(t *testing.T, s string) {
		presets, err := LoadPresets([]byte(s), vectors)
		if err != nil {
			return
		}
		_, _ = Sign(presets)
	})
}
