//go:build js && wasm

package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsEval builds a JS value from source, for values Go cannot make
// (BigInt, Symbol, getters that throw, proxies).
func jsEval(t *testing.T, src string) safejs.Value {
	t.Helper()
	fn, err := safejs.Global().Get("Function")
	require.NoError(t, err)
	f, err := fn.New("return (" + src + ");")
	require.NoError(t, err)
	v, err := f.Invoke()
	require.NoError(t, err)
	return v
}

// TestHostileInput feeds every field of every exported function values of
// every wrong type, and malformed values of the right type, and checks
// each call returns { ok: false, error } naming the field without its
// value, or a normal result; and that the runtime still signs afterwards.
func TestHostileInput(t *testing.T) {
	const canary = "CANARY-hostile"
	oauth1 := api(t)
	wrongTypes := map[string]func() any{
		"number":          func() any { return 42 },
		"zero":            func() any { return 0 },
		"NaN":             func() any { return jsEval(t, "NaN") },
		"true":            func() any { return true },
		"empty array":     func() any { return []any{} },
		"array":           func() any { return []any{canary} },
		"object":          func() any { return map[string]any{"toString": canary} },
		"BigInt":          func() any { return jsEval(t, "10n**30n") },
		"Symbol":          func() any { return jsEval(t, "Symbol('"+canary+"')") },
		"function":        func() any { return jsEval(t, "function(){ return '"+canary+"' }") },
		"Date":            func() any { return jsEval(t, "new Date(0)") },
		"String object":   func() any { return jsEval(t, "new String('"+canary+"')") },
		"deeply nested":   func() any { return jsEval(t, "(()=>{let o=[]; for(let i=0;i<1e4;i++) o=[o]; return o})()") },
		"Uint8Array":      func() any { return jsEval(t, "new Uint8Array(8)") },
		"throwing getter": func() any { return jsEval(t, "({ get x(){ throw new Error('"+canary+"') } })") },
	}
	fields := []string{"method", "url", "body", "contentType", "consumerKey", "consumerSecret", "token", "tokenSecret",
		"privateKey", "signatureMethod", "nonce", "timestamp", "version", "realm", "callback", "verifier", "transport",
		"bodyHash", "params"}
	extra := map[string][]string{"verify": {"signature", "authorization", "publicKey"}, "diagnose": {"signature", "baseString", "publicKey"}}

	cases := 0
	codes := map[string]int{}
	check := func(fn string, req any, wantField string) {
		t.Helper()
		res, err := oauth1.Call(fn, req)
		require.NoError(t, err, "%s threw", fn)
		got := toGo(t, res).(map[string]any)
		if got["ok"] == true {
			return // a value that happens to be acceptable, e.g. a "true" string field cannot arise here
		}
		e, isMap := got["error"].(map[string]any)
		require.True(t, isMap, "%s: no error object", fn)
		if wantField == "" {
			assert.NotEmpty(t, e["field"], "%s: field", fn)
		} else {
			assert.Equal(t, wantField, e["field"], "%s: field", fn)
		}
		assert.NotContains(t, e["message"], canary, "%s: message quotes the value", fn)
		assertHostileCode(t, e, canary)
		codes[e["code"].(string)]++
		cases++
	}
	for _, fn := range []string{"sign", "verify", "diagnose"} {
		if liteLacks(fn) {
			continue // answered needs-full-signer, whatever it is given (TestLiteFullOnly)
		}
		for _, field := range append(append([]string(nil), fields...), extra[fn]...) {
			for name, value := range wrongTypes {
				if field == "bodyHash" && name == "true" {
					continue
				}
				t.Run(fn+"/"+field+"/"+name, func(t *testing.T) {
					req := withAll(map[string]any{"signature": "x"})
					req[field] = value()
					before := codes["wrong-type"]
					check(fn, req, field)
					if field != "params" || name != "empty array" {
						assert.Equal(t, before+1, codes["wrong-type"], "a value of the wrong type is wrong-type")
					}
				})
			}
		}
	}

	// check takes its own fields, and compareWith a request like sign's.
	for _, field := range slices.DeleteFunc([]string{"text", "baseString", "consumerSecret", "tokenSecret", "publicKey", "compareWith", "now"}, func(string) bool { return liteLacks("check") }) {
		for name, value := range wrongTypes {
			if field == "now" && (name == "number" || name == "zero") || field == "compareWith" && (name == "object" || name == "throwing getter" || name == "Date" || name == "String object" || name == "Uint8Array") {
				continue // a number is a time; an object a request
			}
			t.Run("check/"+field+"/"+name, func(t *testing.T) {
				before := codes["wrong-type"]
				check("check", map[string]any{"text": "x", field: value()}, field)
				assert.Equal(t, before+1, codes["wrong-type"], "a value of the wrong type is wrong-type")
			})
		}
	}

	// parse takes one string.
	for name, value := range wrongTypes {
		if liteLacks("parse") {
			break
		}
		t.Run("parse/"+name, func(t *testing.T) {
			res, err := oauth1.Call("parse", value())
			require.NoError(t, err)
			got := toGo(t, res).(map[string]any)
			require.Equal(t, false, got["ok"])
			e := got["error"].(map[string]any)
			assert.Equal(t, "text", e["field"])
			assert.NotContains(t, e["message"], canary)
			assert.Equal(t, "wrong-type", e["code"])
			assertHostileCode(t, e, canary)
			cases++
		})
	}

	// Odd request objects: a throwing getter or Proxy trap (which must not
	// unwind through Go), prototype tricks, non-objects. verify and diagnose
	// check their own fields first, so only sign's field is pinned.
	for _, fn := range []string{"sign", "verify", "diagnose"} {
		if liteLacks(fn) {
			continue
		}
		only := func(field string) string {
			if fn == "sign" {
				return field
			}
			return ""
		}
		t.Run(fn+"/getter", func(t *testing.T) {
			before := codes["unreadable"]
			check(fn, jsEval(t, "({ method: 'GET', signature: 'x', get url(){ throw new Error('"+canary+"') } })"), only("url"))
			assert.Equal(t, before+1, codes["unreadable"], "a throwing getter is unreadable")
		})
		t.Run(fn+"/proxy", func(t *testing.T) {
			before := codes["unreadable"]
			check(fn, jsEval(t, "new Proxy({}, { get(){ throw new Error('"+canary+"') } })"), only("method"))
			assert.Equal(t, before+1, codes["unreadable"], "a throwing Proxy trap is unreadable")
		})
		t.Run(fn+"/proto", func(t *testing.T) {
			check(fn, jsEval(t, "JSON.parse('{\"__proto__\": {\"url\": \""+canary+"\"}, \"constructor\": 1, \"method\": \"GET\"}')"), only("url"))
		})
		t.Run(fn+"/null-proto", func(t *testing.T) {
			check(fn, jsEval(t, "Object.assign(Object.create(null), { signature: 'x' })"), only("method"))
		})
		t.Run(fn+"/not-objects", func(t *testing.T) {
			for _, bad := range []any{nil, 1, "s", []any{}, true} {
				before := codes["wrong-type"]
				check(fn, bad, "request")
				assert.Equal(t, before+1, codes["wrong-type"], "a request that is not an object is wrong-type")
			}
		})
	}

	// Right type, hostile content.
	huge := strings.Repeat("a", 10<<20)
	for name, edit := range map[string]map[string]any{
		"10 MB url":          {"url": "https://h/" + huge},
		"10 MB body":         {"body": "a=" + huge},
		"10 MB secret":       {"consumerSecret": huge},
		"NUL in method":      {"method": "GE\x00T"},
		"NUL in url":         {"url": "https://h/\x00" + canary},
		"lone surrogate url": {"url": jsEval(t, "'https://h/\\uD800'+'"+canary+"'")},
		"lone surrogate key": {"consumerKey": jsEval(t, "'\\uDC00'")},
		"control characters": {"url": "https://h/\r\n" + canary},
		"bad escape":         {"url": "https://h/%" + canary},
		"oauth in params":    {"params": []any{[]any{"oauth_signature_method", canary}}},
		"PEM garbage":        {"signatureMethod": "RSA-SHA512", "privateKey": "-----BEGIN PRIVATE KEY-----\n" + canary + "\n-----END PRIVATE KEY-----"},
		"header garbage":     {"authorization": "OAuth " + strings.Repeat(`a="b", `, 10000) + `"` + canary},
	} {
		req := withAll(edit)
		for _, fn := range []string{"sign", "verify", "diagnose", "parse"} {
			if liteLacks(fn) {
				continue
			}
			var arg any = req
			if fn == "parse" {
				arg = edit[firstKey(edit)]
			}
			res, err := oauth1.Call(fn, arg)
			require.NoError(t, err, "%s %s threw", fn, name)
			got := toGo(t, res).(map[string]any)
			if e, isErr := got["error"].(map[string]any); isErr {
				assert.NotEmpty(t, e["field"], "%s %s", fn, name)
				assert.NotContains(t, e["message"], canary, "%s %s", fn, name)
				assertHostileCode(t, e, canary)
			}
			cases++
		}
	}
	t.Logf("%d hostile calls answered with a field error or a result", cases)
	assert.GreaterOrEqual(t, cases, 200)

	got := call(t, oauth1, xRequest())
	assert.Equal(t, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", got["signature"], "the runtime still signs after all of it")
}

// assertHostileCode checks that a hostile call's error has one of the
// listed codes, never internal (a panic) or invalid (a FieldError without a
// cause), and that its detail does not quote the value.
func assertHostileCode(t *testing.T, e map[string]any, canary string) {
	t.Helper()
	assert.Contains(t, errorCodes, e["code"])
	assert.NotContains(t, []any{"internal", "invalid"}, e["code"], "%v", e)
	assert.NotContains(t, e["detail"], canary)
}

func firstKey(m map[string]any) string {
	for k := range m {
		return k
	}
	return ""
}
