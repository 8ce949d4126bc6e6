//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// xRequest is the X "Creating a signature" example (signertest.XExample)
// as a page would pass it, built by JSON.parse.
func xRequest() map[string]any {
	var r map[string]any
	if err := json.Unmarshal([]byte(signertest.XExample().JSON()), &r); err != nil {
		panic(err)
	}
	return r
}

// api registers oauth1 on a fresh object standing in for globalThis.
func api(t *testing.T) safejs.Value {
	t.Helper()
	global, err := safejs.ValueOf(map[string]any{})
	require.NoError(t, err)
	obj, err := register(global)
	require.NoError(t, err)
	got, err := global.Get("oauth1")
	require.NoError(t, err)
	require.True(t, got.Equal(obj))
	return obj
}

// call invokes oauth1.sign with arg and returns the result as JSON-like Go
// values, read back through JSON.stringify so the test sees what JS sees.
func call(t *testing.T, oauth1 safejs.Value, args ...any) map[string]any {
	t.Helper()
	res, err := oauth1.Call("sign", args...)
	require.NoError(t, err)
	return toGo(t, res).(map[string]any)
}

func toGo(t *testing.T, v safejs.Value) any {
	t.Helper()
	switch v.Type() {
	case safejs.TypeString:
		s, err := v.String()
		require.NoError(t, err)
		return s
	case safejs.TypeBoolean:
		b, err := v.Bool()
		require.NoError(t, err)
		return b
	case safejs.TypeNumber:
		f, err := v.Float()
		require.NoError(t, err)
		return f
	case safejs.TypeObject:
		array, _ := safejs.Global().Get("Array")
		isArr, _ := array.Call("isArray", v)
		if b, _ := isArr.Bool(); b {
			n, err := v.Length()
			require.NoError(t, err)
			out := make([]any, n)
			for i := range n {
				el, err := v.Index(i)
				require.NoError(t, err)
				out[i] = toGo(t, el)
			}
			return out
		}
		object, _ := safejs.Global().Get("Object")
		keys, err := object.Call("keys", v)
		require.NoError(t, err)
		n, _ := keys.Length()
		out := map[string]any{}
		for i := range n {
			k, _ := keys.Index(i)
			ks, _ := k.String()
			el, err := v.Get(ks)
			require.NoError(t, err)
			out[ks] = toGo(t, el)
		}
		return out
	}
	return nil
}

func TestSignXExample(t *testing.T) {
	got := call(t, api(t), xRequest())
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", got["signature"])
	assert.Equal(t, "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521", got["baseString"])
	assert.Equal(t, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE", got["signingKey"])
	assert.True(t, strings.HasPrefix(got["authorization"].(string), `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", `))

	steps := got["steps"].([]any)
	var ids []any
	for _, s := range steps {
		step := s.(map[string]any)
		ids = append(ids, step["id"])
		assert.NotEmpty(t, step["title"])
		assert.NotEmpty(t, step["rfc"])
		assert.IsType(t, "", step["value"])
	}
	assert.Equal(t, []any{"parameters", "encoded", "sorted", "parameterString", "baseStringURI",
		"signatureBaseString", "signingKey", "digest", "signature", "authorizationHeader"}, ids)
	first := steps[0].(map[string]any)["params"].([]any)[0]
	assert.Equal(t, map[string]any{"name": "include_entities", "value": "true", "source": "query"}, first)
	assert.Equal(t, true, steps[6].(map[string]any)["secret"])
	assert.Len(t, steps[5].(map[string]any)["parts"], 3)
	assert.Equal(t, []any{map[string]any{"id": "query-removed", "text": "The query was removed from the URI; its parameters are signed as parameters."}},
		steps[4].(map[string]any)["notes"])
}

func TestSignExtraParams(t *testing.T) {
	req := map[string]any{"method": "GET", "url": "http://photos.example.net/photos",
		"consumerKey": "dpf43f3p2l4k3l03", "consumerSecret": "kd94hf93k423kf44",
		"token": "nnch734d00sl2jdk", "tokenSecret": "pfkkdhi9sl3r4s00",
		"nonce": "kllo9940pd9333jh", "timestamp": "1191242096", "version": "1.0",
		"params": []any{[]any{"size", "original"}, []any{"file", "vacation.jpg", "query"}}}
	got := call(t, api(t), req)
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, "tR3+Ty81lMeYAr/Fid0kMTYa/WM=", got["signature"])
}

func TestSignGeneratesNonceAndTimestamp(t *testing.T) {
	req := xRequest()
	req["nonce"], req["timestamp"] = "", nil
	got := call(t, api(t), req)
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Len(t, got["nonce"], 32)
	assert.NotEmpty(t, got["timestamp"])
}

// TestSignBadInput checks that wrong types and bad values come back as
// { ok: false, error: { field, code, message, detail } } without the
// value, and that the runtime keeps working afterwards.
func TestSignBadInput(t *testing.T) {
	const canary = "CANARY-secret"
	oauth1 := api(t)
	tests := []struct {
		name  string
		args  []any
		field string
		code  string
	}{
		{"no argument", nil, "request", "wrong-type"},
		{"a string", []any{"POST https://x"}, "request", "wrong-type"},
		{"null", []any{nil}, "request", "wrong-type"},
		{"number url", []any{with("url", 42)}, "url", "wrong-type"},
		{"boolean secret", []any{with("consumerSecret", true)}, "consumerSecret", "wrong-type"},
		{"object token", []any{with("token", map[string]any{"a": canary})}, "token", "wrong-type"},
		{"array nonce", []any{with("nonce", []any{canary})}, "nonce", "wrong-type"},
		{"bad url", []any{with("url", "notaurl"+canary)}, "url", "malformed"},
		{"empty url", []any{with("url", "")}, "url", "required"},
		{"unknown signature method", []any{with("signatureMethod", canary)}, "signatureMethod", "unsupported-method"},
		{"params not an array", []any{with("params", canary)}, "params", "wrong-type"},
		{"params pair too short", []any{with("params", []any{[]any{canary}})}, "params", "wrong-type"},
		{"params pair not strings", []any{with("params", []any{[]any{"a", 1}})}, "params", "wrong-type"},
		{"params bad place", []any{with("params", []any{[]any{"a", "b", canary}})}, "params", "malformed"},
		{"bodyHash a string", []any{with("bodyHash", "yes")}, "bodyHash", "wrong-type"},
		{"bodyHash on a form body", []any{with("bodyHash", true)}, "bodyHash", "malformed"},
		{"transport a number", []any{with("transport", 3)}, "transport", "wrong-type"},
		{"transport unknown", []any{with("transport", canary)}, "transport", "malformed"},
		{"RSA without a private key", []any{with("signatureMethod", "RSA-SHA256")}, rsaField("privateKey"), rsaCode("required")},
		{"RSA with junk key", []any{withAll(map[string]any{"signatureMethod": "RSA-SHA1", "privateKey": canary})}, rsaField("privateKey"), rsaCode("malformed")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := call(t, oauth1, tc.args...)
			assert.Equal(t, false, got["ok"])
			e := got["error"].(map[string]any)
			assert.Equal(t, tc.field, e["field"])
			assert.NotEmpty(t, e["message"])
			assert.NotContains(t, e["message"], canary)
			assertErrorShape(t, e, tc.code, canary)
		})
	}
	got := call(t, oauth1, xRequest())
	assert.Equal(t, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", got["signature"], "the runtime still signs after bad input")
}

func TestExportedRecoversPanics(t *testing.T) {
	fn, err := safejs.FuncOf(exported(func([]safejs.Value) any { panic("boom with a secret") }))
	require.NoError(t, err)
	defer fn.Release()
	res, err := fn.Value().Invoke()
	require.NoError(t, err)
	got := toGo(t, res).(map[string]any)
	assert.Equal(t, false, got["ok"])
	assert.NotContains(t, got["error"].(map[string]any)["message"], "secret")
	assertErrorShape(t, got["error"].(map[string]any), "internal", "secret")
	assert.Equal(t, "", got["error"].(map[string]any)["field"])

	v, err := safejs.ValueOf(map[string]any{})
	require.NoError(t, err)
	_, err = register(v)
	require.NoError(t, err, "the runtime is alive after a panic")
}

func TestVerifyBadInput(t *testing.T) {
	fullOnlyTest(t)
	const canary = "CANARY-secret"
	oauth1 := api(t)
	for name, tc := range map[string]struct {
		req   map[string]any
		field string
		code  string
	}{
		"no signature":        {xRequest(), "signature", "required"},
		"signature a number":  {withAll(map[string]any{"signature": 5}), "signature", "wrong-type"},
		"malformed header":    {withAll(map[string]any{"authorization": "OAuth a=\"" + canary}), "authorization", "malformed"},
		"header no signature": {withAll(map[string]any{"authorization": `OAuth oauth_nonce="n"`}), "authorization", "required"},
		"public key not PEM":  {withAll(map[string]any{"signature": "x", "signatureMethod": "RSA-SHA1", "publicKey": canary}), rsaField("publicKey"), rsaCode("malformed")},
		"publicKey an object": {withAll(map[string]any{"signature": "x", "publicKey": map[string]any{}}), "publicKey", "wrong-type"},
	} {
		res, err := oauth1.Call("verify", tc.req)
		require.NoError(t, err, name)
		got := toGo(t, res).(map[string]any)
		assert.Equal(t, false, got["ok"], name)
		e := got["error"].(map[string]any)
		assert.Equal(t, tc.field, e["field"], name)
		assert.NotContains(t, e["message"], canary, name)
		t.Run(name, func(t *testing.T) { assertErrorShape(t, e, tc.code, canary) })
	}
}

func TestVerifyXHeader(t *testing.T) {
	fullOnlyTest(t)
	req := withAll(map[string]any{
		"url":           "https://api.twitter.com/1/statuses/update.json?include_entities=true",
		"authorization": `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"`,
	})
	res, err := api(t).Call("verify", req)
	require.NoError(t, err)
	got := toGo(t, res).(map[string]any)
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, true, got["valid"], got["reason"])
	assert.NotEmpty(t, got["steps"])
}

// rsaField is the field an RSA error names: its own in the full build; in
// the oauth1_lite build, which leaves RSA out, always signatureMethod.
func rsaField(field string) string {
	if !lite() {
		return field
	}
	return "signatureMethod"
}

// rsaCode is the code of an RSA error: its own in the full build,
// needs-full-signer in the oauth1_lite build.
func rsaCode(code string) string {
	if !lite() {
		return code
	}
	return "needs-full-signer"
}

// assertErrorShape checks the parts of an error object a page relies on:
// code is the one expected and is listed in errorCodes; detail is the
// reason alone and message the field followed by it; neither quotes
// canary.
func assertErrorShape(t *testing.T, e map[string]any, code, canary string) {
	t.Helper()
	assert.Equal(t, code, e["code"], "code of %v", e)
	assert.Contains(t, errorCodes, e["code"])
	detail, _ := e["detail"].(string)
	assert.NotEmpty(t, detail)
	assert.NotContains(t, detail, canary)
	want := detail
	if e["field"] != "" {
		want = e["field"].(string) + " " + detail
	}
	assert.Equal(t, want, e["message"])
}

func withAll(fields map[string]any) map[string]any {
	r := xRequest()
	for k, v := range fields {
		r[k] = v
	}
	return r
}

func with(field string, v any) map[string]any {
	r := xRequest()
	r[field] = v
	return r
}

func TestDiagnoseThroughJS(t *testing.T) {
	fullOnlyTest(t)
	oauth1 := api(t)
	list, err := oauth1.Get("mistakes")
	require.NoError(t, err)
	mistakes := toGo(t, list).([]any)
	assert.GreaterOrEqual(t, len(mistakes), 18, "oauth1.mistakes lists the catalogue")
	assert.Equal(t, "plus-for-space", mistakes[0].(map[string]any)["id"])
	req := withAll(map[string]any{
		"url":       "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
		"signature": "Il5C7oPhfqV+nSqa3WoH4988Ll0=", // spaces as "+": row M1 of signer/diagnose_test.go's mistake matrix
	})
	res, err := oauth1.Call("diagnose", req)
	require.NoError(t, err)
	got := toGo(t, res).(map[string]any)
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, true, got["matched"])
	assert.Equal(t, false, got["correct"])
	m := got["mistakes"].([]any)[0].(map[string]any)
	assert.Equal(t, "plus-for-space", m["id"])
	assert.NotEmpty(t, m["fix"])
	assert.Nil(t, got["diff"])

	req = withAll(map[string]any{"baseString": "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&x%3D1"})
	res, err = oauth1.Call("diagnose", req)
	require.NoError(t, err)
	got = toGo(t, res).(map[string]any)
	require.Equal(t, true, got["ok"], "%v", got["error"])
	diff := got["diff"].(map[string]any)
	assert.NotEmpty(t, diff["ops"])
	assert.NotEmpty(t, diff["differences"])
	// Typed string constants must cross as strings, not as null.
	for _, op := range diff["ops"].([]any) {
		assert.Contains(t, []any{"same", "missing", "extra"}, op.(map[string]any)["op"])
	}
	for _, d := range diff["differences"].([]any) {
		assert.NotEmpty(t, d.(map[string]any)["kind"])
		assert.IsType(t, "", d.(map[string]any)["kind"])
	}

	res, err = oauth1.Call("diagnose", xRequest())
	require.NoError(t, err)
	got = toGo(t, res).(map[string]any)
	assert.Equal(t, false, got["ok"])
	assert.Equal(t, "signature", got["error"].(map[string]any)["field"])
	assertErrorShape(t, got["error"].(map[string]any), "required", "CANARY")
}

// TestParseThroughJS imports a curl command made by sign, and checks the
// request it gives back signs to the same signature.
func TestParseThroughJS(t *testing.T) {
	fullOnlyTest(t)
	oauth1 := api(t)
	signed := call(t, oauth1, xRequest())
	res, err := oauth1.Call("parse", signed["curl"])
	require.NoError(t, err)
	got := toGo(t, res).(map[string]any)
	require.Equal(t, true, got["ok"], "%v", got["error"])
	assert.Equal(t, "curl", got["format"])
	assert.Equal(t, signed["signature"], got["signature"])
	assert.Equal(t, false, got["schemeGuessed"], "a curl command has its scheme")

	res, err = oauth1.Call("parse", "GET /r HTTP/1.1\r\nHost: example.com\r\nAuthorization: OAuth oauth_consumer_key=\"k\"\r\n\r\n")
	require.NoError(t, err)
	raw := toGo(t, res).(map[string]any)
	require.Equal(t, true, raw["ok"], "%v", raw["error"])
	assert.Equal(t, true, raw["schemeGuessed"], "a raw request's https is a guess")

	req, err := safejs.ValueOf(got["request"])
	require.NoError(t, err)
	require.NoError(t, req.Set("consumerSecret", xRequest()["consumerSecret"]))
	require.NoError(t, req.Set("tokenSecret", xRequest()["tokenSecret"]))
	require.NoError(t, req.Set("signature", got["signature"]))
	res, err = oauth1.Call("verify", req)
	require.NoError(t, err)
	ver := toGo(t, res).(map[string]any)
	require.Equal(t, true, ver["ok"], "%v", ver["error"])
	assert.Equal(t, true, ver["valid"], ver["reason"])

	for _, bad := range []struct {
		arg  any
		code string
	}{{nil, "required"}, {5, "wrong-type"}, {"", "required"}, {"not a request CANARY-x", "malformed"}} {
		res, err := oauth1.Call("parse", bad.arg)
		require.NoError(t, err)
		got := toGo(t, res).(map[string]any)
		assert.Equal(t, false, got["ok"])
		e := got["error"].(map[string]any)
		assert.NotContains(t, e["message"], "CANARY")
		assert.NotEmpty(t, e["field"])
		assertErrorShape(t, e, bad.code, "CANARY")
	}
	res, err = oauth1.Call("parse")
	require.NoError(t, err)
	got = toGo(t, res).(map[string]any)
	assert.Equal(t, map[string]any{"field": "text", "code": "required", "message": "text is missing: pass the text to read",
		"detail": "is missing: pass the text to read"}, got["error"], "parse with no argument")
}

// TestToJSStrings sends awkward strings through the JSON hand-over and
// reads them back as JS sees them.
func TestToJSStrings(t *testing.T) {
	for _, s := range []string{"", `"quoted" \back\slash`, "tab\tnewline\ncr\r\x00\x1f", "é ☃ 😀", "\u2028\u2029", "bad \xff utf-8", "</script>"} {
		got := toGo(t, toJS(map[string]any{"s": s, "list": []any{s, true, nil, 7}}).(safejs.Value)).(map[string]any)
		want := strings.ToValidUTF8(s, "\uFFFD")
		assert.Equal(t, want, got["s"], "%q", s)
		assert.Equal(t, []any{want, true, nil, float64(7)}, got["list"], "%q", s)
	}
}
