//go:build js && wasm

package main

import (
	"errors"
	"slices"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// lite reports whether this test binary is the oauth1_lite build.
func lite() bool { return !signer.Supports(signer.RSASHA1) }

// fullOnlyTest skips, in the lite build, a test of a function only the
// full build has (bridge.go, fullOnly): there it answers needs-full-signer
// whatever it is given, which TestLiteFullOnly checks.
func fullOnlyTest(t *testing.T) {
	t.Helper()
	if lite() {
		t.Skip("the oauth1_lite build signs only: this function needs the full signer (TestLiteFullOnly)")
	}
}

// liteLacks reports whether fn is a function only the full build has and
// this test binary is the lite build.
func liteLacks(fn string) bool { return lite() && slices.Contains(fullOnly, fn) }

// TestLiteFullOnly checks that the lite build answers every function only
// the full build has (verify, diagnose, parse, check, ...) with
// needs-full-signer, whatever the argument, on which the page loads the
// full build; that sign is not among them; and that the full build has
// every one of them.
func TestLiteFullOnly(t *testing.T) {
	oauth1 := api(t)
	require.NotContains(t, fullOnly, "sign")
	for _, name := range []string{"verify", "diagnose", "parse", "check"} {
		assert.Contains(t, fullOnly, name)
	}
	for _, name := range fullOnly {
		for _, arg := range []any{withAll(map[string]any{"signature": "c2ln", "text": "GET https://example.com/ HTTP/1.1"}), "text", nil} {
			res, err := oauth1.Call(name, arg)
			require.NoError(t, err, name)
			got := toGo(t, res).(map[string]any)
			e, _ := got["error"].(map[string]any)
			if lite() {
				require.Equal(t, false, got["ok"], name)
				assert.Equal(t, "needs-full-signer", e["code"], name)
				assert.Equal(t, "", e["field"], name)
			} else if e != nil {
				assert.NotEqual(t, "needs-full-signer", e["code"], "%s: the full build has it", name)
			}
		}
	}
}

// TestErrorCodes checks that every code in oauth1.errorCodes is produced:
// through the JS API where a call can produce it in this build, and
// through errorResult for the rest (invalid, which no FieldError of the
// signer or of wasm should come to; needs-full-signer in the full build),
// and that the API produces no code outside the list.
func TestErrorCodes(t *testing.T) {
	oauth1 := api(t)
	list, err := oauth1.Get("errorCodes")
	require.NoError(t, err)
	listed := toGo(t, list).([]any)
	assert.Equal(t, []any{"required", "malformed", "unsupported-method", "needs-full-signer",
		"wrong-type", "unreadable", "internal", "invalid", "reentrant"}, listed)

	panics, err := safejs.FuncOf(exported(func([]safejs.Value) any { panic("boom") }))
	require.NoError(t, err)
	defer panics.Release()
	require.NoError(t, oauth1.Set("panics", panics))

	calls := []struct {
		code string
		fn   string
		arg  any
	}{
		{"required", "sign", with("url", "")},
		{"malformed", "sign", with("url", "notaurl")},
		{"unsupported-method", "sign", with("signatureMethod", "HMAC-MD5")},
		{"needs-full-signer", "sign", with("signatureMethod", "RSA-SHA1")},
		{"wrong-type", "sign", with("url", 1)},
		{"unreadable", "sign", jsEval(t, "({ get url(){ throw new Error('no') } })")},
		{"internal", "panics", nil},
		{"reentrant", "sign", jsEval(t, "({ get url() { globalThis.oauth1Reentry.code = globalThis.oauth1Reentry.api.sign({}).error.code; return '' } })")},
	}
	require.NoError(t, safejs.Global().Set("oauth1Reentry", map[string]any{"api": oauth1}))
	defer func() { _ = safejs.Global().Delete("oauth1Reentry") }()
	produced := map[string]bool{}
	for _, c := range calls {
		res, err := oauth1.Call(c.fn, c.arg)
		require.NoError(t, err)
		got := toGo(t, res).(map[string]any)
		if c.code == "reentrant" {
			// The getter's inner call was refused; the outer one answers as
			// usual (its url is empty).
			assert.NotEqual(t, "reentrant", got["error"].(map[string]any)["code"])
			inner, err := safejs.Global().Get("oauth1Reentry")
			require.NoError(t, err)
			code, err := inner.Get("code")
			require.NoError(t, err)
			got = map[string]any{"ok": false, "error": map[string]any{"code": toGo(t, code)}}
		}
		if c.code == "needs-full-signer" && !lite() {
			e, _ := got["error"].(map[string]any)
			assert.Equal(t, "privateKey", e["field"], "the full build signs RSA, given a key")
			continue
		}
		require.Equal(t, false, got["ok"], c.code)
		code := got["error"].(map[string]any)["code"]
		assert.Equal(t, c.code, code)
		assert.Contains(t, listed, code)
		produced[c.code] = true
	}

	// Codes no call of this build produces, from errorResult itself.
	direct := map[string]error{
		"invalid":           &signer.FieldError{Field: "url", Reason: "is odd"},
		"needs-full-signer": &signer.FieldError{Field: "signatureMethod", Reason: "needs the full signer", Err: signer.ErrNeedsFullSigner},
		"internal":          errors.New("not a FieldError"),
	}
	for code, err := range direct {
		e := errorResult(err)["error"].(map[string]any)
		assert.Equal(t, code, e["code"])
		produced[code] = true
	}
	for _, code := range listed {
		assert.True(t, produced[code.(string)], "no test produces %q", code)
	}
}

// TestLiteNeedsFullSigner checks that the lite build answers
// needs-full-signer for every call that needs RSA (an RSA method, in the
// request or in a verified Authorization header, or a public key), even
// when something else is wrong too, and that the full build never does;
// parse needs no RSA in either build.
func TestLiteNeedsFullSigner(t *testing.T) {
	oauth1 := api(t)
	const header = `OAuth oauth_consumer_key="k", oauth_nonce="n", oauth_signature="c2ln", oauth_signature_method="RSA-SHA1", oauth_timestamp="1", oauth_version="1.0"`
	type tc struct {
		name, fn, field string
		req             map[string]any
	}
	var cases []tc
	for _, m := range []string{"RSA-SHA1", "RSA-SHA256", "RSA-SHA512"} {
		cases = append(cases,
			tc{m + " sign", "sign", "signatureMethod", with("signatureMethod", m)},
			tc{m + " sign, bad url too", "sign", "signatureMethod", withAll(map[string]any{"signatureMethod": m, "url": "notaurl"})},
			tc{m + " verify", "verify", "signatureMethod", withAll(map[string]any{"signatureMethod": m, "signature": "c2ln"})},
			tc{m + " diagnose signature", "diagnose", "signatureMethod", withAll(map[string]any{"signatureMethod": m, "signature": "c2ln"})},
			tc{m + " diagnose baseString", "diagnose", "signatureMethod", withAll(map[string]any{"signatureMethod": m, "baseString": "POST&x&y"})},
		)
	}
	cases = append(cases,
		tc{"RSA in the verified header", "verify", "signatureMethod", withAll(map[string]any{"authorization": header})},
		tc{"public key to verify HMAC", "verify", "signatureMethod", withAll(map[string]any{"signature": "c2ln", "publicKey": "-----BEGIN PUBLIC KEY-----"})},
		tc{"public key to diagnose", "diagnose", "signatureMethod", withAll(map[string]any{"signature": "c2ln", "publicKey": "-----BEGIN PUBLIC KEY-----"})},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := oauth1.Call(c.fn, c.req)
			require.NoError(t, err)
			if e := assertNeedsFullSigner(t, toGo(t, res).(map[string]any)); e != nil {
				if liteLacks(c.fn) {
					c.field = "" // the lite build has no verify or diagnose at all
				}
				assert.Equal(t, c.field, e["field"])
				assertErrorShape(t, e, "needs-full-signer", "BEGIN")
			}
		})
	}

	res, err := oauth1.Call("parse", "curl -H 'Authorization: "+header+"' https://example.com/")
	require.NoError(t, err)
	got := toGo(t, res).(map[string]any)
	if lite() {
		assertNeedsFullSigner(t, got) // parse is full-only (TestLiteFullOnly)
	} else {
		require.Equal(t, true, got["ok"], "%v", got["error"])
		assert.Equal(t, "RSA-SHA1", got["request"].(map[string]any)["signatureMethod"])
	}

	// HMAC and PLAINTEXT need no RSA: every build runs them.
	for _, m := range []string{"HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "PLAINTEXT"} {
		assert.Equal(t, true, call(t, oauth1, with("signatureMethod", m))["ok"], m)
	}
}

// assertNeedsFullSigner checks that a call answered needs-full-signer in
// the lite build, and anything else in the full one; it returns the lite
// build's error object, nil in the full build.
func assertNeedsFullSigner(t *testing.T, got map[string]any) map[string]any {
	t.Helper()
	e, _ := got["error"].(map[string]any)
	if !lite() {
		if e != nil {
			assert.NotEqual(t, "needs-full-signer", e["code"], "%v", e)
		}
		return nil
	}
	require.Equal(t, false, got["ok"])
	assert.Equal(t, "needs-full-signer", e["code"])
	return e
}

// TestConstants checks oauth1.methods, supported, build and notes against
// the signer.
func TestConstants(t *testing.T) {
	oauth1 := api(t)
	get := func(name string) any {
		v, err := oauth1.Get(name)
		require.NoError(t, err)
		return toGo(t, v)
	}
	var methods, supported []any
	for _, m := range signer.SignatureMethods() {
		methods = append(methods, string(m))
		if !lite() || m == signer.PLAINTEXT || m[:4] == "HMAC" {
			supported = append(supported, string(m))
		}
	}
	assert.Equal(t, methods, get("methods"))
	assert.Equal(t, supported, get("supported"))
	assert.Len(t, get("methods"), 7)
	want := "full"
	if lite() {
		want = "lite"
		assert.Len(t, get("supported"), 4)
	}
	assert.Equal(t, want, get("build"))
	assert.Equal(t, Version, get("version"))

	var notes []any
	for _, id := range signer.NoteIDs() {
		notes = append(notes, id)
	}
	assert.Equal(t, notes, get("notes"))
	assert.Contains(t, get("notes"), "query-removed", "the note TestSignXExample sees is listed")
}
