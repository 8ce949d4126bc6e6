//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// Version is the JS API's version, oauth1.version.
const Version = "0.1.0"

// requestFields are the string fields of a sign request, by their JS names.
var requestFields = []string{
	"method", "url", "body", "contentType",
	"consumerKey", "consumerSecret", "token", "tokenSecret", "privateKey",
	"signatureMethod", "nonce", "timestamp", "version",
	"realm", "callback", "verifier", "transport",
}

// register creates the oauth1 object on global and returns it. The Funcs are
// never released: they live as long as the page.
func register(global safejs.Value) (safejs.Value, error) {
	sign, err := safejs.FuncOf(exported(sign))
	if err != nil {
		return safejs.Undefined(), err
	}
	// safejs.ValueOf does not unwrap a Func inside a map (Set does), so
	// build the object property by property.
	object, err := safejs.Global().Get("Object")
	if err != nil {
		return safejs.Undefined(), err
	}
	api, err := object.New()
	if err != nil {
		return safejs.Undefined(), err
	}
	verify, err := safejs.FuncOf(exported(verify))
	if err != nil {
		return safejs.Undefined(), err
	}
	diagnose, err := safejs.FuncOf(exported(diagnose))
	if err != nil {
		return safejs.Undefined(), err
	}
	parse, err := safejs.FuncOf(exported(parse))
	if err != nil {
		return safejs.Undefined(), err
	}
	build := "full"
	if !signer.HasRSA {
		build = "lite"
	}
	var mistakes []any
	for _, m := range signer.Mistakes() {
		mistakes = append(mistakes, map[string]any{"id": m.ID, "title": m.Title})
	}
	for name, v := range map[string]any{"version": Version, "build": build, "mistakes": mistakes,
		"sign": sign, "verify": verify, "diagnose": diagnose, "parse": parse} {
		if err := api.Set(name, v); err != nil {
			return safejs.Undefined(), err
		}
	}
	return api, global.Set("oauth1", api)
}

// exported wraps a JS-facing function so that a panic becomes an error
// object instead of killing the Go runtime (safejs guards calls into JS,
// not callbacks out of it).
func exported(fn func(args []safejs.Value) any) func(safejs.Value, []safejs.Value) any {
	return func(_ safejs.Value, args []safejs.Value) (out any) {
		defer func() {
			if recover() != nil {
				// The panic value is not shown: it could quote an input.
				out = errorObject("", "internal error in the signer; the inputs were not changed")
			}
		}()
		return toJS(fn(args))
	}
}

// sign implements oauth1.sign(request).
func sign(args []safejs.Value) any {
	req, err := readRequest(args)
	if err != nil {
		return errorResult(err)
	}
	res, err := signer.Sign(req)
	if err != nil {
		return errorResult(err)
	}
	return resultObject(res)
}

// verify implements oauth1.verify(request): the request's fields plus
// signature (the oauth_signature received) or authorization (the whole
// header received), and publicKey for RSA methods.
func verify(args []safejs.Value) any {
	req, err := readRequest(args)
	if err != nil {
		return errorResult(err)
	}
	var extra [3]string
	for i, name := range []string{"signature", "authorization", "publicKey"} {
		if extra[i], err = readString(args[0], name); err != nil {
			return errorResult(err)
		}
	}
	var v *signer.Verification
	if extra[1] != "" {
		v, err = signer.VerifyAuthorization(req, extra[1], extra[2])
	} else {
		v, err = signer.Verify(req, extra[0], extra[2])
	}
	if err != nil {
		return errorResult(err)
	}
	return map[string]any{
		"ok":         true,
		"valid":      v.Valid,
		"reason":     v.Reason,
		"expected":   v.Expected,
		"baseString": v.Result.SignatureBaseString,
		"steps":      stepsArray(v.Result.Steps),
	}
}

// diagnose implements oauth1.diagnose(request): the request's fields plus
// signature (the one received) or baseString (the one built), and
// publicKey for RSA methods.
func diagnose(args []safejs.Value) any {
	req, err := readRequest(args)
	if err != nil {
		return errorResult(err)
	}
	var extra [3]string
	for i, name := range []string{"signature", "baseString", "publicKey"} {
		if extra[i], err = readString(args[0], name); err != nil {
			return errorResult(err)
		}
	}
	d, err := signer.Diagnose(req, extra[0], extra[1], extra[2])
	if err != nil {
		return errorResult(err)
	}
	mistakes := make([]any, len(d.Mistakes))
	for i, m := range d.Mistakes {
		mistakes[i] = map[string]any{"id": m.ID, "title": m.Title, "explanation": m.Explanation, "fix": m.Fix}
	}
	tells := make([]any, len(d.Tells))
	for i, t := range d.Tells {
		tells[i] = map[string]any{"id": t.ID, "text": t.Text}
	}
	var diff any
	if d.Diff != nil {
		ops := make([]any, len(d.Diff.Ops))
		for i, op := range d.Diff.Ops {
			ops[i] = map[string]any{"op": op.Op, "text": op.Text}
		}
		differences := make([]any, len(d.Diff.Differences))
		for i, x := range d.Diff.Differences {
			differences[i] = map[string]any{"kind": x.Kind, "text": x.Text, "expected": x.Expected, "received": x.Received}
		}
		diff = map[string]any{"ops": ops, "differences": differences}
	}
	return map[string]any{
		"ok":       true,
		"correct":  d.Correct,
		"matched":  d.Matched,
		"expected": d.Expected,
		"mistakes": mistakes,
		"tells":    tells,
		"diff":     diff,
	}
}

// parse implements oauth1.parse(text): what a pasted raw request, curl
// command, Authorization header, URL or base string holds, as a request
// object that sign, verify and diagnose take back.
func parse(args []safejs.Value) any {
	if len(args) < 1 {
		return errorObject("text", "text is missing: pass the text to read")
	}
	text, err := stringValue(args[0], "text")
	if err != nil {
		return errorResult(err)
	}
	im, err := signer.Import(text)
	if err != nil {
		return errorResult(err)
	}
	r := im.Request
	params := make([]any, len(r.Params))
	for i, p := range r.Params {
		pair := []any{p.Name, p.Value}
		if p.Source == signer.SourceQuery || p.Source == signer.SourceBody {
			pair = append(pair, string(p.Source))
		}
		params[i] = pair
	}
	unparsed := make([]any, len(im.Unparsed))
	for i, u := range im.Unparsed {
		unparsed[i] = u
	}
	return map[string]any{
		"ok":     true,
		"format": im.Format,
		"request": map[string]any{
			"method": r.Method, "url": r.URL, "body": r.Body, "contentType": r.ContentType,
			"consumerKey": r.ConsumerKey, "token": r.Token,
			"signatureMethod": string(r.SignatureMethod), "nonce": r.Nonce, "timestamp": r.Timestamp,
			"version": r.Version, "realm": r.Realm, "callback": r.Callback, "verifier": r.Verifier,
			"bodyHash": r.BodyHash, "transport": string(r.Transport), "params": params,
		},
		"signature":     im.Signature,
		"authorization": im.Authorization,
		"baseString":    im.BaseString,
		"unparsed":      unparsed,
	}
}

// readRequest turns the JS request object into a signer.Request. Missing,
// undefined and null fields are empty; any other non-string is an error
// naming the field.
func readRequest(args []safejs.Value) (signer.Request, error) {
	if len(args) < 1 || !isObject(args[0]) || isArray(args[0]) {
		return signer.Request{}, &signer.FieldError{Field: "request", Reason: "must be an object such as { method, url, consumerKey, ... }"}
	}
	obj := args[0]
	s := map[string]string{}
	for _, name := range requestFields {
		v, err := readString(obj, name)
		if err != nil {
			return signer.Request{}, err
		}
		s[name] = v
	}
	params, err := readParams(obj)
	if err != nil {
		return signer.Request{}, err
	}
	bodyHash, err := readBool(obj, "bodyHash")
	if err != nil {
		return signer.Request{}, err
	}
	return signer.Request{
		Method: s["method"], URL: s["url"], Body: s["body"], ContentType: s["contentType"],
		ConsumerKey: s["consumerKey"], ConsumerSecret: s["consumerSecret"],
		Token: s["token"], TokenSecret: s["tokenSecret"], PrivateKey: s["privateKey"],
		SignatureMethod: signer.SignatureMethod(s["signatureMethod"]),
		Nonce:           s["nonce"], Timestamp: s["timestamp"], Version: s["version"],
		Realm: s["realm"], Callback: s["callback"], Verifier: s["verifier"],
		BodyHash: bodyHash, Transport: signer.Transport(s["transport"]),
		Params: params,
	}, nil
}

// readString reads obj[name] as a string.
func readString(obj safejs.Value, name string) (string, error) {
	v, err := property(obj, name)
	if err != nil {
		return "", &signer.FieldError{Field: name, Reason: "could not be read"}
	}
	return stringValue(v, name)
}

// typeOf is v.Type() for values syscall/js has no type for (a BigInt
// panics with "bad type flag"): those report false.
func typeOf(v safejs.Value) (t safejs.Type, ok bool) {
	defer func() {
		if recover() != nil {
			t, ok = safejs.TypeUndefined, false
		}
	}()
	return v.Type(), true
}

// typeName names v's JavaScript type for an error message.
func typeName(v safejs.Value) string {
	if t, ok := typeOf(v); ok {
		return t.String()
	}
	return "value of another type"
}

func stringValue(v safejs.Value, field string) (string, error) {
	t, ok := typeOf(v)
	if !ok {
		return "", &signer.FieldError{Field: field, Reason: "must be a string, not a " + typeName(v)}
	}
	switch t {
	case safejs.TypeUndefined, safejs.TypeNull:
		return "", nil
	case safejs.TypeString:
		s, err := v.String()
		if err != nil {
			return "", &signer.FieldError{Field: field, Reason: "could not be read"}
		}
		return s, nil
	}
	return "", &signer.FieldError{Field: field, Reason: "must be a string, not a " + typeName(v)}
}

// readBool reads obj[name] as a boolean; missing, undefined and null are
// false.
func readBool(obj safejs.Value, name string) (bool, error) {
	v, err := property(obj, name)
	if err != nil {
		return false, &signer.FieldError{Field: name, Reason: "could not be read"}
	}
	t, ok := typeOf(v)
	switch {
	case ok && (t == safejs.TypeUndefined || t == safejs.TypeNull):
		return false, nil
	case ok && t == safejs.TypeBoolean:
		b, err := v.Bool()
		if err != nil {
			return false, &signer.FieldError{Field: name, Reason: "could not be read"}
		}
		return b, nil
	}
	return false, &signer.FieldError{Field: name, Reason: "must be true or false, not a " + typeName(v)}
}

// readParams reads the optional params field: [[name, value], ...], with an
// optional third element "query" or "body" saying where the pair is sent.
func readParams(obj safejs.Value) ([]signer.Param, error) {
	const field = "params"
	bad := &signer.FieldError{Field: field, Reason: "must be a list of [name, value] pairs"}
	v, err := property(obj, field)
	if err != nil {
		return nil, bad
	}
	if t, ok := typeOf(v); ok && (t == safejs.TypeUndefined || t == safejs.TypeNull) {
		return nil, nil
	}
	if !isArray(v) {
		return nil, bad
	}
	n, err := length(v)
	if err != nil {
		return nil, bad
	}
	out := make([]signer.Param, 0, n)
	for i := range n {
		pair, err := property(v, i)
		if err != nil || !isArray(pair) {
			return nil, bad
		}
		m, err := length(pair)
		if err != nil || m < 2 || m > 3 {
			return nil, bad
		}
		var s [3]string
		for j := range m {
			el, err := property(pair, j)
			if t, _ := typeOf(el); err != nil || t != safejs.TypeString {
				return nil, bad
			}
			if s[j], err = el.String(); err != nil {
				return nil, bad
			}
		}
		p := signer.Param{Name: s[0], Value: s[1], Source: signer.SourceExtra}
		switch s[2] {
		case "":
		case "query":
			p.Source = signer.SourceQuery
		case "body":
			p.Source = signer.SourceBody
		default:
			return nil, &signer.FieldError{Field: field, Reason: "a pair's third element must be \"query\" or \"body\""}
		}
		out = append(out, p)
	}
	return out, nil
}

// property reads obj[key] through Reflect.get. Value.Get and Value.Index
// must never touch a caller's object: wasm_exec.js runs them without a
// try/catch, so a throwing getter or Proxy trap would unwind through the
// Go stack and corrupt the runtime. A call goes through valueCall, which
// catches, and safejs turns that into an error.
func property(obj safejs.Value, key any) (safejs.Value, error) {
	reflect, err := safejs.Global().Get("Reflect")
	if err != nil {
		return safejs.Undefined(), err
	}
	return reflect.Call("get", obj, key)
}

// length reads v.length as a whole number, through property.
func length(v safejs.Value) (int, error) {
	n, err := property(v, "length")
	if err != nil {
		return 0, err
	}
	if t, ok := typeOf(n); !ok || t != safejs.TypeNumber {
		return 0, errors.New("length is not a number")
	}
	f, err := n.Float()
	if err != nil || f < 0 || f > 1<<20 || f != float64(int(f)) {
		return 0, errors.New("length out of range")
	}
	return int(f), nil
}

func isObject(v safejs.Value) bool {
	t, ok := typeOf(v)
	return ok && t == safejs.TypeObject
}

func isArray(v safejs.Value) bool {
	array, err := safejs.Global().Get("Array")
	if err != nil {
		return false
	}
	ok, err := array.Call("isArray", v)
	if err != nil {
		return false
	}
	b, err := ok.Bool()
	return err == nil && b
}

// errorResult turns an error into { ok: false, error: { field, message } }.
// Only a signer.FieldError's own words are shown: other errors could quote
// an input.
func errorResult(err error) map[string]any {
	var fe *signer.FieldError
	if errors.As(err, &fe) {
		return errorObject(fe.Field, fe.Field+" "+fe.Reason)
	}
	return errorObject("", "the request could not be signed")
}

func errorObject(field, message string) map[string]any {
	return map[string]any{"ok": false, "error": map[string]any{"field": field, "message": message}}
}

// resultObject converts a signer.Result into the plain object of the JS
// API. It holds only types js.ValueOf accepts.
func resultObject(res *signer.Result) map[string]any {
	return map[string]any{
		"ok":            true,
		"signature":     res.Signature,
		"baseString":    res.SignatureBaseString,
		"signingKey":    res.SigningKey,
		"authorization": res.AuthorizationHeader,
		"query":         res.Query,
		"formBody":      res.FormBody,
		"curl":          res.Curl,
		"publicKey":     res.PublicKey,
		"bodyHash":      res.BodyHash,
		"nonce":         res.Nonce,
		"timestamp":     res.Timestamp,
		"params":        paramsArray(res.Parameters),
		"steps":         stepsArray(res.Steps),
	}
}

// stepsArray converts steps for the JS API: { id, title, rfc, value } and,
// where the step has them, params, parts, notes ({ id, text }) and
// secret: true.
func stepsArray(in []signer.Step) []any {
	steps := make([]any, len(in))
	for i, s := range in {
		step := map[string]any{"id": s.ID, "title": s.Title, "rfc": s.RFC, "value": s.Value}
		if s.Params != nil {
			step["params"] = paramsArray(s.Params)
		}
		if s.Parts != nil {
			parts := make([]any, len(s.Parts))
			for j, p := range s.Parts {
				parts[j] = p
			}
			step["parts"] = parts
		}
		if s.Notes != nil {
			notes := make([]any, len(s.Notes))
			for j, n := range s.Notes {
				notes[j] = map[string]any{"id": n.ID, "text": n.Text}
			}
			step["notes"] = notes
		}
		if s.Secret {
			step["secret"] = true
		}
		steps[i] = step
	}
	return steps
}

func paramsArray(ps []signer.Param) []any {
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = map[string]any{"name": p.Name, "value": p.Value, "source": string(p.Source)}
	}
	return out
}
