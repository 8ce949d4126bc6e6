//go:build js && wasm

package main

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file must not import signer/provider, which registers the RSA
// methods: the lite test binary would then have them.

// callFn invokes oauth1[fn](args...) and returns the result as Go values.
func callFn(t *testing.T, fn string, args ...any) map[string]any {
	t.Helper()
	res, err := api(t).Call(fn, args...)
	require.NoError(t, err, "%s threw", fn)
	return toGo(t, res).(map[string]any)
}

// TestProviderLite checks that the lite build answers providerReset and
// serve with needs-full-signer, on which the page loads the full build.
func TestProviderLite(t *testing.T) {
	if !lite() {
		t.Skip("the full build has the provider")
	}
	for _, fn := range []string{"providerReset", "serve"} {
		got := callFn(t, fn, map[string]any{"method": "GET", "url": "https://api.x.com/2/tweets/20"})
		require.Equal(t, false, got["ok"], fn)
		assert.Equal(t, "needs-full-signer", got["error"].(map[string]any)["code"], fn)
	}
}

// TestProviderFlow walks the PIN flow and the bearer flow through the JS
// API: requests signed by oauth1.sign, answered by oauth1.serve, with the
// clock set by providerReset.
func TestProviderFlow(t *testing.T) {
	if lite() {
		t.Skip("the provider is in the full build")
	}
	const now = 1318622958000
	ck, cs := "test-app", "test-secret"
	reset := callFn(t, "providerReset", map[string]any{"consumerKey": ck, "consumerSecret": cs, "now": now, "timestampWindow": 60})
	require.Equal(t, map[string]any{"ok": true}, reset)

	nonce := 0
	send := func(method, u string, extra map[string]any) map[string]any {
		t.Helper()
		nonce++
		req := map[string]any{"method": method, "url": u, "consumerKey": ck, "consumerSecret": cs,
			"nonce": "n" + string(rune('a'+nonce)), "timestamp": "1318622958"}
		for k, v := range extra {
			req[k] = v
		}
		signed := callFn(t, "sign", req)
		require.Equal(t, true, signed["ok"], "%v", signed)
		got := callFn(t, "serve", map[string]any{"method": method, "url": u, "authorization": signed["authorization"]})
		require.Equal(t, true, got["ok"], "%v", got)
		return got
	}
	leg1 := send("POST", "https://api.x.com/oauth/request_token", map[string]any{"callback": "oob"})
	assert.Equal(t, float64(200), leg1["status"])
	assert.Equal(t, "application/x-www-form-urlencoded", leg1["headers"].(map[string]any)["Content-Type"])
	rt, err := url.ParseQuery(leg1["body"].(string))
	require.NoError(t, err)
	assert.Equal(t, "true", rt.Get("oauth_callback_confirmed"))

	page := callFn(t, "serve", map[string]any{"method": "GET", "url": "https://api.x.com/oauth/authorize?oauth_token=" + rt.Get("oauth_token")})
	_, after, _ := strings.Cut(page["body"].(string), "<code>")
	pin, _, _ := strings.Cut(after, "</code>")
	assert.Len(t, pin, 7)

	leg3 := send("POST", "https://api.x.com/oauth/access_token", map[string]any{"token": rt.Get("oauth_token"), "tokenSecret": rt.Get("oauth_token_secret"), "verifier": pin})
	at, err := url.ParseQuery(leg3["body"].(string))
	require.NoError(t, err)
	assert.Equal(t, "twitterapi", at.Get("screen_name"))

	user := send("GET", "https://api.x.com/1.1/account/verify_credentials.json", map[string]any{"token": at.Get("oauth_token"), "tokenSecret": at.Get("oauth_token_secret")})
	assert.Equal(t, float64(200), user["status"])
	assert.Contains(t, user["body"], `"screen_name":"twitterapi"`)

	wrong := send("GET", "https://api.x.com/1.1/account/verify_credentials.json", map[string]any{"token": at.Get("oauth_token"), "tokenSecret": "wrong"})
	assert.Equal(t, float64(401), wrong["status"])
	assert.Equal(t, `OAuth realm="https://api.x.com/"`, wrong["headers"].(map[string]any)["WWW-Authenticate"])
	checked := callFn(t, "check", map[string]any{"text": wrong["body"]})
	assert.Equal(t, "alone", checked["compared"], "oauth1.check reads the debug_sbs answer")
	assert.Equal(t, "valid", checked["verdict"])

	late := send("POST", "https://api.x.com/oauth/request_token", map[string]any{"callback": "oob", "timestamp": "1318623058"})
	v, _ := url.ParseQuery(late["body"].(string))
	assert.Equal(t, "timestamp_refused", v.Get("oauth_problem"))
	// The clock started at now and has run since: the window is 60 s
	// either way of a second or so later.
	var lo, hi int64
	_, err = fmt.Sscanf(v.Get("oauth_acceptable_timestamps"), "%d-%d", &lo, &hi)
	require.NoError(t, err)
	assert.Equal(t, int64(120), hi-lo, "the window providerReset set")
	assert.True(t, lo >= 1318622898 && lo < 1318622908, "the clock providerReset set: %d", lo)

	basic := "Basic " + base64.StdEncoding.EncodeToString([]byte(ck+":"+cs))
	bearer := callFn(t, "serve", map[string]any{"method": "POST", "url": "https://api.x.com/oauth2/token", "authorization": basic,
		"body": "grant_type=client_credentials", "contentType": "application/x-www-form-urlencoded;charset=UTF-8"})
	require.Equal(t, float64(200), bearer["status"], "%v", bearer)
	token := strings.TrimSuffix(strings.TrimPrefix(bearer["body"].(string), `{"token_type":"bearer","access_token":"`), `"}`)
	tweet := callFn(t, "serve", map[string]any{"method": "GET", "url": "https://api.x.com/2/tweets/20", "authorization": "Bearer " + token})
	assert.Equal(t, float64(200), tweet["status"])
	refused := callFn(t, "serve", map[string]any{"method": "GET", "url": "https://api.x.com/1.1/account/verify_credentials.json", "authorization": "Bearer " + token})
	assert.Equal(t, float64(403), refused["status"])

	// A reset forgets every token.
	require.Equal(t, true, callFn(t, "providerReset", map[string]any{"consumerKey": ck, "consumerSecret": cs, "now": now})["ok"])
	again := callFn(t, "serve", map[string]any{"method": "GET", "url": "https://api.x.com/2/tweets/20", "authorization": "Bearer " + token})
	assert.Equal(t, float64(401), again["status"])
	// No config: the demo app.
	require.Equal(t, true, callFn(t, "providerReset")["ok"])
}

// TestProviderHostile sends providerReset and serve values of every wrong
// type, throwing getters and Proxies, and hostile strings, and checks that
// each gets an answer or an error naming the field without the value, and
// that the runtime still answers afterwards.
func TestProviderHostile(t *testing.T) {
	if lite() {
		t.Skip("the provider is in the full build")
	}
	const canary = "CANARY-provider"
	wrongTypes := map[string]func() any{
		"number": func() any { return 42 }, "true": func() any { return true }, "array": func() any { return []any{canary} },
		"object":   func() any { return map[string]any{"toString": canary} },
		"BigInt":   func() any { return jsEval(t, "10n**30n") },
		"Symbol":   func() any { return jsEval(t, "Symbol('"+canary+"')") },
		"function": func() any { return jsEval(t, "function(){ return '"+canary+"' }") },
		"getter":   func() any { return jsEval(t, "({ get x(){ throw new Error('"+canary+"') } })") },
		"NaN":      func() any { return jsEval(t, "NaN") },
	}
	cases := 0
	answer := func(fn string, arg any, wantField string) {
		t.Helper()
		got := callFn(t, fn, arg)
		cases++
		if got["ok"] == true {
			return
		}
		e := got["error"].(map[string]any)
		if wantField != "" {
			assert.Equal(t, wantField, e["field"], "%s %v", fn, e)
		}
		assertHostileCode(t, e, canary)
		assert.NotContains(t, e["message"], canary)
	}
	resetFields := []string{"consumerKey", "consumerSecret", "publicKey", "now", "timestampWindow"}
	serveFields := []string{"method", "url", "authorization", "body", "contentType"}
	for name, value := range wrongTypes {
		for _, field := range resetFields {
			if (field == "now" || field == "timestampWindow") && name == "number" {
				continue
			}
			answer("providerReset", map[string]any{"consumerKey": "k", "consumerSecret": "s", field: value()}, field)
		}
		for _, field := range serveFields {
			answer("serve", map[string]any{"method": "GET", "url": "https://api.x.com/2/tweets/20", field: value()}, field)
		}
	}
	for _, fn := range []string{"providerReset", "serve"} {
		answer(fn, jsEval(t, "new Proxy({}, { get(){ throw new Error('"+canary+"') } })"), "")
		answer(fn, jsEval(t, "({ get url(){ throw new Error('"+canary+"') }, get consumerKey(){ throw new Error('"+canary+"') } })"), "")
		for _, bad := range []any{1, "s", []any{}, true} {
			answer(fn, bad, "")
		}
	}
	answer("serve", nil, "request")
	huge := strings.Repeat("a", 10<<20)
	for _, edit := range []map[string]any{
		{"timestampWindow": -1}, {"timestampWindow": 1e300}, {"timestampWindow": 0.5}, {"now": 1e300},
		{"publicKey": "-----BEGIN PUBLIC KEY-----\n" + canary + "\n-----END PUBLIC KEY-----"},
		{"consumerKey": "", "consumerSecret": canary}, {"consumerKey": canary},
	} {
		cfg := map[string]any{"consumerKey": "k", "consumerSecret": "s"}
		for k, v := range edit {
			cfg[k] = v
		}
		answer("providerReset", cfg, "")
	}
	require.Equal(t, true, callFn(t, "providerReset", map[string]any{"consumerKey": "k", "consumerSecret": "s"})["ok"])
	for _, req := range []map[string]any{
		{"method": "GET", "url": "https://api.x.com/" + huge},
		{"method": "POST", "url": "https://api.x.com/oauth/request_token", "body": huge, "contentType": "application/x-www-form-urlencoded"},
		{"method": "POST", "url": "https://api.x.com/oauth/request_token", "authorization": "OAuth " + strings.Repeat(`a="b", `, 10000) + `"` + canary},
		{"method": "GE\x00T", "url": "https://api.x.com/"},
		{"method": "GET", "url": "https://api.x.com/\x00" + canary},
		{"method": "GET", "url": jsEval(t, "'https://api.x.com/\\uD800'+'"+canary+"'")},
		{"method": "GET", "url": "https://api.x.com/oauth/authorize?oauth_token=%" + canary},
		{"method": "POST", "url": "https://api.x.com/oauth2/token", "authorization": "Basic " + canary},
		{"method": "GET", "url": "https://api.x.com/2/tweets/20", "authorization": "Bearer \r\n" + canary},
		{"method": "GET", "url": "javascript:alert(1)"},
	} {
		answer("serve", req, "")
	}
	t.Logf("%d hostile provider calls answered", cases)
	assert.GreaterOrEqual(t, cases, 100)
	got := callFn(t, "serve", map[string]any{"method": "GET", "url": "https://api.x.com/oauth/authorize"})
	assert.Equal(t, float64(400), got["status"], "the runtime still answers after all of it")
}
