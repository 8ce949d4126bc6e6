//go:build js && wasm

package main

import (
	"errors"

	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// requestFields are the string fields of a sign request, by their JS names.
var requestFields = []string{
	"method", "url", "body", "contentType",
	"consumerKey", "consumerSecret", "token", "tokenSecret", "privateKey",
	"signatureMethod", "nonce", "timestamp", "version",
	"realm", "callback", "verifier", "transport",
}

// The wasm-level causes of a FieldError, beside the signer's sentinels:
// jsresult.go turns each into its error code.
var (
	// errWrongType: the field holds a value of another JS type than the
	// API takes (a string, a boolean, a list of pairs, an object).
	errWrongType = errors.New("wasm: field has the wrong type")
	// errUnreadable: reading the field threw (a getter or a Proxy trap).
	errUnreadable = errors.New("wasm: field could not be read")
)

func wrongType(field, reason string) error {
	return &signer.FieldError{Field: field, Reason: reason, Err: errWrongType}
}

func unreadable(field string) error {
	return &signer.FieldError{Field: field, Reason: "could not be read", Err: errUnreadable}
}

// readRequest turns the JS request object into a signer.Request. Missing,
// undefined and null fields are empty; any other non-string is an error
// naming the field.
func readRequest(args []safejs.Value) (signer.Request, error) {
	if len(args) < 1 || !isObject(args[0]) || isArray(args[0]) {
		return signer.Request{}, wrongType("request", "must be an object such as { method, url, consumerKey, ... }")
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
		return "", unreadable(name)
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
		return "", wrongType(field, "must be a string, not a "+typeName(v))
	}
	switch t {
	case safejs.TypeUndefined, safejs.TypeNull:
		return "", nil
	case safejs.TypeString:
		s, err := v.String()
		if err != nil {
			return "", unreadable(field)
		}
		return s, nil
	}
	return "", wrongType(field, "must be a string, not a "+typeName(v))
}

// readBool reads obj[name] as a boolean; missing, undefined and null are
// false.
func readBool(obj safejs.Value, name string) (bool, error) {
	v, err := property(obj, name)
	if err != nil {
		return false, unreadable(name)
	}
	t, ok := typeOf(v)
	switch {
	case ok && (t == safejs.TypeUndefined || t == safejs.TypeNull):
		return false, nil
	case ok && t == safejs.TypeBoolean:
		b, err := v.Bool()
		if err != nil {
			return false, unreadable(name)
		}
		return b, nil
	}
	return false, wrongType(name, "must be true or false, not a "+typeName(v))
}

// readParams reads the optional params field: [[name, value], ...], with an
// optional third element "query" or "body" saying where the pair is sent.
func readParams(obj safejs.Value) ([]signer.Param, error) {
	const field = "params"
	bad := wrongType(field, "must be a list of [name, value] pairs")
	v, err := property(obj, field)
	if err != nil {
		return nil, unreadable(field)
	}
	if t, ok := typeOf(v); ok && (t == safejs.TypeUndefined || t == safejs.TypeNull) {
		return nil, nil
	}
	if !isArray(v) {
		return nil, bad
	}
	n, err := length(v, field)
	if err != nil {
		return nil, err
	}
	out := make([]signer.Param, 0, n)
	for i := range n {
		pair, err := property(v, i)
		if err != nil {
			return nil, unreadable(field)
		}
		if !isArray(pair) {
			return nil, bad
		}
		m, err := length(pair, field)
		if err != nil {
			return nil, err
		}
		if m < 2 || m > 3 {
			return nil, bad
		}
		var s [3]string
		for j := range m {
			el, err := property(pair, j)
			if err != nil {
				return nil, unreadable(field)
			}
			if t, _ := typeOf(el); t != safejs.TypeString {
				return nil, bad
			}
			if s[j], err = el.String(); err != nil {
				return nil, unreadable(field)
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
			return nil, &signer.FieldError{Field: field, Reason: "a pair's third element must be \"query\" or \"body\"", Err: signer.ErrMalformed}
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
//
// Reflect and each property name are made JS values once (jsKey): passed
// as Go strings, each was decoded from UTF-8 into a new JS string on every
// read, two for each of a sign request's ~20 fields.
func property(obj safejs.Value, key any) (safejs.Value, error) {
	if reflectObj == nil {
		r, err := safejs.Global().Get("Reflect")
		if err != nil {
			return safejs.Undefined(), err
		}
		reflectObj = &r
	}
	if name, ok := key.(string); ok {
		k, err := jsKey(name)
		if err != nil {
			return safejs.Undefined(), err
		}
		key = k
	}
	return reflectObj.Call("get", obj, key)
}

// reflectObj is the page's Reflect, once property has read it.
var reflectObj *safejs.Value

// jsKeys are the property names property has read, as JS strings. They
// are the API's own field names, never an input.
var jsKeys = map[string]safejs.Value{}

func jsKey(name string) (safejs.Value, error) {
	if k, ok := jsKeys[name]; ok {
		return k, nil
	}
	k, err := safejs.ValueOf(name)
	if err != nil {
		return safejs.Undefined(), err
	}
	jsKeys[name] = k
	return k, nil
}

// length reads v.length, for field, as a whole number, through property.
func length(v safejs.Value, field string) (int, error) {
	n, err := property(v, "length")
	if err != nil {
		return 0, unreadable(field)
	}
	if t, ok := typeOf(n); !ok || t != safejs.TypeNumber {
		return 0, wrongType(field, "must be a list of [name, value] pairs")
	}
	f, err := n.Float()
	if err != nil || f < 0 || f > 1<<20 || f != float64(int(f)) {
		return 0, wrongType(field, "must be a list of [name, value] pairs")
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
