//go:build js && wasm && !oauth1_lite

package main

import (
	"errors"
	"math"
	"time"

	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// check is full-only (bridge.go, fullOnly): the lite build answers it with
// needs-full-signer.
func init() { functions["check"] = check }

// check implements oauth1.check({ text, baseString, consumerSecret,
// tokenSecret, publicKey, compareWith, now }): the Verify view's whole
// verdict (signer.Check). compareWith is a request object, read like
// sign's; now is milliseconds since the epoch, the wasm's clock when
// absent. In the lite build, a check that needs RSA (a public key given,
// or an RSA request to verify) answers needs-full-signer, as verify does.
func check(args []safejs.Value) any {
	if len(args) < 1 || !isObject(args[0]) || isArray(args[0]) {
		return errorResult(wrongType("request", "must be an object such as { text, consumerSecret, ... }"))
	}
	obj := args[0]
	var in signer.CheckInput
	for _, f := range []struct {
		name string
		to   *string
	}{{"text", &in.Text}, {"baseString", &in.BaseString}, {"consumerSecret", &in.ConsumerSecret},
		{"tokenSecret", &in.TokenSecret}, {"publicKey", &in.PublicKey}} {
		v, err := readString(obj, f.name)
		if err != nil {
			return errorResult(err)
		}
		*f.to = v
	}
	compare, err := property(obj, "compareWith")
	if err != nil {
		return errorResult(unreadable("compareWith"))
	}
	if t, ok := typeOf(compare); !ok || t != safejs.TypeUndefined && t != safejs.TypeNull {
		r, err := readRequest([]safejs.Value{compare})
		if err != nil {
			if fe, ok := asFieldError(err); ok && fe.Field == "request" {
				fe.Field = "compareWith"
			}
			return errorResult(err)
		}
		in.CompareWith = &r
	}
	if in.Now, err = readNow(obj); err != nil {
		return errorResult(err)
	}
	if err := needsFullSigner("", in.PublicKey); err != nil {
		return errorResult(err)
	}
	c, err := signer.Check(in)
	if err != nil {
		return errorResult(err)
	}
	for _, p := range c.Problems {
		if errors.Is(p, signer.ErrNeedsFullSigner) {
			return errorResult(p)
		}
	}
	return checkedObject(c)
}

// readNow reads obj.now, milliseconds since the epoch, as a time; missing,
// undefined and null are the wasm's clock.
func readNow(obj safejs.Value) (time.Time, error) {
	v, err := property(obj, "now")
	if err != nil {
		return time.Time{}, unreadable("now")
	}
	t, ok := typeOf(v)
	switch {
	case ok && (t == safejs.TypeUndefined || t == safejs.TypeNull):
		return time.Now(), nil
	case ok && t == safejs.TypeNumber:
		ms, err := v.Float()
		if err != nil || math.IsNaN(ms) || math.Abs(ms) > 8.64e15 {
			return time.Time{}, wrongType("now", "must be milliseconds since 1970, as Date.now() gives")
		}
		return time.UnixMilli(int64(ms)), nil
	}
	return time.Time{}, wrongType("now", "must be a number of milliseconds, not a "+typeName(v))
}

// checkedObject converts a signer.Checked for oauth1.check. It holds no
// secret: Check leaves them out.
func checkedObject(c *signer.Checked) map[string]any {
	out := map[string]any{
		"ok": true, "empty": c.Empty, "compared": c.Compared, "comparable": c.Comparable, "timesFrom": c.TimesFrom,
		"request": requestObject(c.Request), "importable": nil, "read": nil,
		"method": string(c.Method), "rsa": c.RSA, "plaintext": c.Plaintext,
		"kind": c.Kind, "verdict": c.Verdict, "reason": c.Reason,
		"schemeGuessed": c.SchemeGuessed, "scheme": c.Scheme,
		"expected": c.Expected, "received": c.Received,
		"expectedBaseString": c.ExpectedBaseString, "receivedBaseString": c.ReceivedBaseString,
		"tooLarge": c.TooLarge, "needs": anyList(c.Needs), "problems": problemsArray(c.Problems),
		"signature": nil, "baseString": nil, "warnings": warningsArray(c.Warnings),
	}
	if c.Importable != nil {
		out["importable"] = requestObject(*c.Importable)
	}
	if c.Read != nil {
		read := importedObject(c.Read)
		delete(read, "ok")
		out["read"] = read
	}
	if c.Signature != nil {
		d := diagnosisObject(c.Signature)
		delete(d, "ok")
		out["signature"] = d
	}
	if c.Base != nil {
		d := diagnosisObject(c.Base)
		delete(d, "ok")
		out["baseString"] = d
	}
	return out
}

// problemsArray is each problem as the error object of an { ok: false }
// result: { field, code, message, detail }.
func problemsArray(ps []*signer.FieldError) []any {
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = errorResult(p)["error"]
	}
	return out
}
