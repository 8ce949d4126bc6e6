//go:build js && wasm

package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// The X example, api.twitter.com/1.1 edition, as a curl command (see
// signer/check_test.go): its secrets, its right signature and the one
// spaces encoded as "+" give (M1, computed).
const (
	ckConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	ckTokenSecret    = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	ckRight          = "hCtSmYh+iHYCEqBWrE7C7hYmtUk="
	ckPlus           = "Il5C7oPhfqV+nSqa3WoH4988Ll0="
	ckBase           = "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
	ckNow            = 1318622958000.0
)

func ckCurl(sig string) string {
	return `curl -X POST 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true' -H 'Authorization: OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="` +
		url.QueryEscape(sig) + `", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21'`
}

func checkCall(t *testing.T, in map[string]any) map[string]any {
	t.Helper()
	res, err := api(t).Call("check", in)
	require.NoError(t, err)
	return toGo(t, res).(map[string]any)
}

// TestCheckThroughJS: oauth1.check gives the Verify view's verdict.
func TestCheckThroughJS(t *testing.T) {
	fullOnlyTest(t)
	secrets := map[string]any{"consumerSecret": ckConsumerSecret, "tokenSecret": ckTokenSecret, "now": ckNow}
	in := func(fields map[string]any) map[string]any {
		for k, v := range secrets {
			fields[k] = v
		}
		return fields
	}

	got := checkCall(t, in(map[string]any{"text": ckCurl(ckRight)}))
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, "valid", got["verdict"])
	assert.Equal(t, "signature", got["kind"])
	assert.Equal(t, ckRight, got["expected"])
	assert.Equal(t, ckBase, got["expectedBaseString"])
	assert.Equal(t, "curl", got["read"].(map[string]any)["format"])
	assert.NotContains(t, got["request"], "consumerSecret")

	got = checkCall(t, in(map[string]any{"text": ckCurl(ckPlus)}))
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, "invalid", got["verdict"])
	assert.Equal(t, ckRight, got["expected"])
	assert.Equal(t, ckPlus, got["received"])
	mistakes := got["signature"].(map[string]any)["mistakes"].([]any)
	require.Len(t, mistakes, 1)
	assert.Equal(t, "plus-for-space", mistakes[0].(map[string]any)["id"])

	got = checkCall(t, map[string]any{"text": "oauth_problem=signature_invalid&debug_sbs=" + ckBase})
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, "alone", got["compared"])
	assert.Equal(t, true, got["comparable"])
	assert.Equal(t, "baseString", got["kind"])
	assert.NotNil(t, got["baseString"])

	// Compared with a request only when one is given.
	sv := xRequest()
	got = checkCall(t, map[string]any{"text": strings.Replace(ckBase, "include_entities%3Dtrue%26", "", 1), "compareWith": sv})
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, "compareWith", got["compared"])
	assert.Equal(t, "invalid", got["verdict"])

	// Without secrets: what is needed, and no secret anywhere.
	got = checkCall(t, map[string]any{"text": ckCurl(ckPlus)})
	assert.Equal(t, []any{"secrets"}, got["needs"])
	assert.Equal(t, "unknown", got["verdict"])

	got = checkCall(t, map[string]any{})
	assert.Equal(t, true, got["empty"])
}

// TestCheckBadInputThroughJS: wrong types and unreadable text are errors
// with a field and a code, never quoting the value, and the runtime still
// checks afterwards.
func TestCheckBadInputThroughJS(t *testing.T) {
	fullOnlyTest(t)
	const canary = "CANARY-check"
	oauth1 := api(t)
	cases := []struct {
		name        string
		arg         any
		field, code string
	}{
		{"not an object", canary, "request", "wrong-type"},
		{"text a number", map[string]any{"text": 42}, "text", "wrong-type"},
		{"secret an array", map[string]any{"text": "x", "consumerSecret": []any{canary}}, "consumerSecret", "wrong-type"},
		{"now a string", map[string]any{"text": ckCurl(ckRight), "now": canary}, "now", "wrong-type"},
		{"compareWith a string", map[string]any{"text": ckBase, "compareWith": canary}, "compareWith", "wrong-type"},
		{"compareWith's url a number", map[string]any{"text": ckBase, "compareWith": map[string]any{"url": 1}}, "url", "wrong-type"},
		{"throwing getter", jsEval(t, "({ get text(){ throw new Error('"+canary+"') } })"), "text", "unreadable"},
		{"throwing compareWith", jsEval(t, "({ text: 'x', get compareWith(){ throw new Error('"+canary+"') } })"), "compareWith", "unreadable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := oauth1.Call("check", c.arg)
			require.NoError(t, err)
			got := toGo(t, res).(map[string]any)
			require.Equal(t, false, got["ok"])
			e := got["error"].(map[string]any)
			assert.Equal(t, c.field, e["field"])
			assertErrorShape(t, e, c.code, canary)
		})
	}
	for _, text := range []string{strings.Repeat("\x00\xff", 1<<20), strings.Repeat("a&", 1<<19), "print('Authorization: OAuth oauth_nonce=\"" + canary + "')", "\xed\xa0\x80"} {
		res, err := oauth1.Call("check", map[string]any{"text": text, "consumerSecret": canary})
		require.NoError(t, err)
		got := toGo(t, res).(map[string]any)
		if e, ok := got["error"].(map[string]any); ok {
			assert.NotContains(t, e["message"], canary)
		}
	}
	// A 10 MB body is verified, not diagnosed, and says so.
	big := strings.Replace(ckCurl(ckPlus), "--data-raw '", "--data-raw 'a="+strings.Repeat("b", 10<<20)+"&", 1)
	got := checkCall(t, map[string]any{"text": big, "consumerSecret": ckConsumerSecret, "tokenSecret": ckTokenSecret})
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, "invalid", got["verdict"])
	assert.Equal(t, true, got["tooLarge"])

	got = checkCall(t, map[string]any{"text": ckCurl(ckRight), "consumerSecret": ckConsumerSecret, "tokenSecret": ckTokenSecret})
	assert.Equal(t, "valid", got["verdict"], "the runtime still checks")
}

// TestCheckLite: the lite build answers needs-full-signer for a check that
// needs RSA, as for verify; the full build never does.
func TestCheckLite(t *testing.T) {
	header := `curl https://example.com/ -H 'Authorization: OAuth oauth_consumer_key="k", oauth_nonce="n", oauth_signature="c2ln", oauth_signature_method="RSA-SHA1", oauth_timestamp="1", oauth_version="1.0"'`
	for name, in := range map[string]map[string]any{
		"public key":       {"text": header, "publicKey": "-----BEGIN PUBLIC KEY-----"},
		"public key, HMAC": {"text": ckCurl(ckRight), "publicKey": "-----BEGIN PUBLIC KEY-----"},
	} {
		t.Run(name, func(t *testing.T) {
			assertNeedsFullSigner(t, checkCall(t, in))
		})
	}
	if lite() {
		return // the lite build has no check at all (TestLiteFullOnly)
	}
	got := checkCall(t, map[string]any{"text": header})
	require.Equal(t, true, got["ok"], "an RSA request without a key needs no RSA yet: %v", got["error"])
	assert.Equal(t, []any{"publicKey"}, got["needs"])
	got = checkCall(t, map[string]any{"text": ckBase, "compareWith": map[string]any{"url": "https://example.com/", "signatureMethod": "RSA-SHA1", "nonce": "n", "timestamp": "1"}})
	assert.Equal(t, true, got["ok"], "a base string needs no RSA: %v", got["error"])
}

// TestVerifyWarningsThroughJS: oauth1.verify and oauth1.sign return
// warnings, and oauth1.warnings lists every id.
func TestVerifyWarningsThroughJS(t *testing.T) {
	fullOnlyTest(t)
	oauth1 := api(t)
	res, err := oauth1.Call("verify", withAll(map[string]any{"signature": "c2ln"}))
	require.NoError(t, err)
	got := toGo(t, res).(map[string]any)
	require.Equal(t, true, got["ok"], "%v", got["error"])
	ws, ok := got["warnings"].([]any)
	require.True(t, ok, "warnings is a list")
	ids := []string{}
	for _, w := range ws {
		ids = append(ids, w.(map[string]any)["id"].(string))
	}
	assert.Contains(t, ids, "timestamp-skew", "the X example's 2011 timestamp is years from the clock")

	// Sign keeps a timestamp that is not digits, with its warning.
	signed := call(t, oauth1, with("timestamp", "abc"))
	require.Equal(t, true, signed["ok"], "%v", signed["error"])
	sw := signed["warnings"].([]any)
	require.NotEmpty(t, sw)
	assert.Equal(t, "timestamp-not-digits", sw[0].(map[string]any)["id"])

	v, err := oauth1.Get("warnings")
	require.NoError(t, err)
	want := []any{}
	for _, id := range signer.WarningIDs() {
		want = append(want, id)
	}
	assert.Equal(t, want, toGo(t, v))
}
