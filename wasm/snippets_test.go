//go:build js && wasm

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func snippetsCallJS(t *testing.T, args ...any) map[string]any {
	t.Helper()
	res, err := api(t).Call("snippets", args...)
	require.NoError(t, err, "snippets threw")
	return toGo(t, res).(map[string]any)
}

// TestSnippetsThroughJS: oauth1.snippets gives every library's code for
// the X example, none holding a secret; the lite build answers
// needs-full-signer, so the page loads the full one.
func TestSnippetsThroughJS(t *testing.T) {
	got := snippetsCallJS(t, xRequest())
	if lite() {
		require.Equal(t, false, got["ok"])
		assert.Equal(t, "needs-full-signer", got["error"].(map[string]any)["code"])
		return
	}
	require.Equal(t, true, got["ok"], "%v", got["error"])
	list := got["snippets"].([]any)
	var ids []any
	for _, v := range list {
		s := v.(map[string]any)
		ids = append(ids, s["id"])
		for _, k := range []string{"language", "library", "code", "reason"} {
			assert.IsType(t, "", s[k], k)
		}
		assert.Equal(t, true, s["supported"], "%s: %v", s["id"], s["reason"])
		assert.Contains(t, s["code"], "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg")
		for _, secret := range []any{xRequest()["consumerSecret"], xRequest()["tokenSecret"]} {
			assert.NotContains(t, s["code"], secret, s["id"])
		}
	}
	assert.Equal(t, []any{"curl", "python-requests-oauthlib", "node-oauth-1.0a", "go-dghubble-oauth1", "go-stdlib", "php-pecl-oauth", "ruby-simple-oauth"}, ids)

	r := xRequest()
	r["signatureMethod"] = "PLAINTEXT"
	got = snippetsCallJS(t, r)
	require.Equal(t, true, got["ok"], "%v", got["error"])
	curl := got["snippets"].([]any)[0].(map[string]any)
	assert.Equal(t, false, curl["supported"])
	assert.Equal(t, "", curl["code"])
	assert.Contains(t, curl["reason"], "PLAINTEXT")
}

// TestSnippetsHostileInput: bad requests get errors as data naming the
// field, never the value, and the runtime still answers afterwards.
func TestSnippetsHostileInput(t *testing.T) {
	const canary = "CANARY-snippets"
	cases := []struct {
		name  string
		args  []any
		field string
	}{
		{"no argument", nil, "request"},
		{"a number", []any{42}, "request"},
		{"an array", []any{jsEval(t, "['"+canary+"']")}, "request"},
		{"url not a url", []any{with("url", canary+" not a url")}, "url"},
		{"url a number", []any{with("url", 42)}, "url"},
		{"method with a space", []any{with("method", "GE T"+canary)}, "method"},
		{"throwing getter", []any{jsEval(t, "({ get url(){ throw new Error('"+canary+"') } })")}, "url"},
		{"proxy", []any{jsEval(t, "new Proxy({}, { get(){ throw new Error('"+canary+"') } })")}, ""},
		{"params not pairs", []any{with("params", []any{canary})}, "params"},
		{"10 MB body", []any{with("body", string(make([]byte, 10<<20)))}, ""},
		{"lone surrogate", []any{with("url", jsEval(t, "'https://a.example/\\ud800'"))}, ""},
		{"rsa without key", []any{with("signatureMethod", "RSA-SHA1")}, ""},
		{"__proto__ trick", []any{jsEval(t, "JSON.parse('{\"__proto__\": {\"url\": \"x\"}, \"method\": \"GET\"}')")}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := snippetsCallJS(t, c.args...)
			if got["ok"] == true {
				for _, v := range got["snippets"].([]any) {
					assert.NotContains(t, v.(map[string]any)["reason"], canary)
				}
				return
			}
			e, ok := got["error"].(map[string]any)
			require.True(t, ok, "no error object: %v", got)
			if lite() {
				assert.Equal(t, "needs-full-signer", e["code"])
				return
			}
			if c.field != "" {
				assert.Equal(t, c.field, e["field"])
			}
			assertHostileCode(t, e, canary)
			assert.NotContains(t, e["message"], canary)
		})
	}
	if !lite() {
		got := snippetsCallJS(t, xRequest())
		assert.Equal(t, true, got["ok"], "the runtime answers after hostile input")
	}
}
