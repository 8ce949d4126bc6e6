//go:build js && wasm

package main

import (
	"errors"
	"slices"
	"time"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/wasm/internal/wire"
)

// The codes of the JS API's errors, error.code of every { ok: false }
// result: one stable word per cause, so that a page chooses its words and
// its behaviour (loading the full build on needs-full-signer) from the
// code and never from the message. docs/architecture.md, "The boundary".
const (
	codeRequired          = "required"           // signer.ErrRequired
	codeMalformed         = "malformed"          // signer.ErrMalformed
	codeUnsupportedMethod = "unsupported-method" // signer.ErrUnsupportedSignatureMethod
	codeNeedsFullSigner   = "needs-full-signer"  // signer.ErrNeedsFullSigner
	codeWrongType         = "wrong-type"         // errWrongType
	codeUnreadable        = "unreadable"         // errUnreadable
	codeInternal          = "internal"           // a recovered panic, or an error without a field
	codeInvalid           = "invalid"            // a FieldError with none of the causes above
	codeReentrant         = "reentrant"          // a call made while another is under way (bridge.go)
)

// errorCodes is oauth1.errorCodes: every code an error can carry.
var errorCodes = []string{codeRequired, codeMalformed, codeUnsupportedMethod, codeNeedsFullSigner,
	codeWrongType, codeUnreadable, codeInternal, codeInvalid, codeReentrant}

// causes maps the sentinel behind a FieldError to its code.
var causes = []struct {
	err  error
	code string
}{
	{signer.ErrNeedsFullSigner, codeNeedsFullSigner},
	{signer.ErrUnsupportedSignatureMethod, codeUnsupportedMethod},
	{signer.ErrRequired, codeRequired},
	{signer.ErrMalformed, codeMalformed},
	{errWrongType, codeWrongType},
	{errUnreadable, codeUnreadable},
}

// errorResult turns an error into { ok: false, error: { field, code,
// message, detail } }. Only a signer.FieldError's own words are shown:
// other errors could quote an input.
func errorResult(err error) map[string]any {
	fe, ok := asFieldError(err)
	if !ok {
		return errorObject("", codeInternal, "the request could not be signed")
	}
	code := codeInvalid
	for _, c := range causes {
		if errors.Is(fe, c.err) {
			code = c.code
			break
		}
	}
	return errorObject(fe.Field, code, fe.Reason)
}

// asFieldError is errors.As(err, &fe) for fe a *signer.FieldError, the
// same walk of the tree (err first, then an As method, then Unwrap's
// error or errors, depth first), by type assertion: errors.As's
// reflection (internal/reflectlite's assignability checks) cost the wasm
// ~4 KB of brotli. TestAsFieldError holds it to errors.As.
func asFieldError(err error) (*signer.FieldError, bool) {
	for err != nil {
		if fe, ok := err.(*signer.FieldError); ok {
			return fe, true
		}
		if x, ok := err.(interface{ As(any) bool }); ok {
			var fe *signer.FieldError
			if x.As(&fe) {
				return fe, true
			}
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if fe, ok := asFieldError(e); ok {
					return fe, true
				}
			}
			return nil, false
		default:
			return nil, false
		}
	}
	return nil, false
}

// errorObject builds the error result: detail is the reason alone ("is
// empty"), for a page to put after its own label of the field; message is
// the whole sentence ("url is empty") for API users and logs.
func errorObject(field, code, detail string) map[string]any {
	message := detail
	if field != "" {
		message = field + " " + detail
	}
	return map[string]any{"ok": false, "error": map[string]any{
		"field": field, "code": code, "message": message, "detail": detail}}
}

// resultObject converts a signer.Result into the plain object of the JS
// API (wire.Result, which the page generator uses too).
func resultObject(res *signer.Result) map[string]any { return wire.Result(res) }

// stepsArray converts steps for the JS API (wire.Steps).
func stepsArray(in []signer.Step) []any { return wire.Steps(in) }

// verificationObject converts a signer.Verification for oauth1.verify,
// with warnings: [{ id, text }].
func verificationObject(v *signer.Verification) map[string]any {
	return map[string]any{
		"ok":         true,
		"valid":      v.Valid,
		"reason":     v.Reason,
		"expected":   v.Expected,
		"baseString": v.Result.SignatureBaseString,
		"steps":      stepsArray(v.Result.Steps),
		"warnings":   warningsArray(verifyWarnings(v, time.Now())),
	}
}

// verifyWarnings are a verification's warnings: the clock-free ones and
// those of its timestamp against now, each id once.
func verifyWarnings(v *signer.Verification, now time.Time) []signer.Warning {
	out := append([]signer.Warning(nil), v.Warnings...)
	for _, w := range signer.TimestampWarnings(v.Result.Timestamp, now) {
		if !slices.ContainsFunc(out, func(have signer.Warning) bool { return have.ID == w.ID }) {
			out = append(out, w)
		}
	}
	return out
}

// diagnosisObject converts a signer.Diagnosis for oauth1.diagnose.
func diagnosisObject(d *signer.Diagnosis) map[string]any {
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
			ops[i] = map[string]any{"op": string(op.Op), "text": op.Text}
		}
		differences := make([]any, len(d.Diff.Differences))
		for i, x := range d.Diff.Differences {
			differences[i] = map[string]any{"kind": string(x.Kind), "text": x.Text, "expected": x.Expected, "received": x.Received}
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

// importedObject converts what signer.Import read for oauth1.parse: the
// request in the shape sign, verify and diagnose take back, with params as
// [name, value] or [name, value, "query" | "body"], and schemeGuessed when
// the text carried no scheme (the URL's https is a guess).
func importedObject(im *signer.Imported) map[string]any {
	return map[string]any{
		"ok":            true,
		"format":        string(im.Format),
		"request":       requestObject(im.Request),
		"signature":     im.Signature,
		"authorization": im.Authorization,
		"baseString":    im.BaseString,
		"unparsed":      anyList(im.Unparsed),
		"schemeGuessed": im.SchemeGuessed,
	}
}

// requestObject is r's public fields (never a secret) in the shape sign,
// verify and diagnose take back, with params as [name, value] or [name,
// value, "query" | "body"].
func requestObject(r signer.Request) map[string]any {
	params := make([]any, len(r.Params))
	for i, p := range r.Params {
		pair := []any{p.Name, p.Value}
		if p.Source == signer.SourceQuery || p.Source == signer.SourceBody {
			pair = append(pair, string(p.Source))
		}
		params[i] = pair
	}
	return map[string]any{
		"method": r.Method, "url": r.URL, "body": r.Body, "contentType": r.ContentType,
		"consumerKey": r.ConsumerKey, "token": r.Token,
		"signatureMethod": string(r.SignatureMethod), "nonce": r.Nonce, "timestamp": r.Timestamp,
		"version": r.Version, "realm": r.Realm, "callback": r.Callback, "verifier": r.Verifier,
		"bodyHash": r.BodyHash, "transport": string(r.Transport), "params": params,
	}
}

// anyList returns list as the []any js.ValueOf takes (wire.List).
func anyList(list []string) []any { return wire.List(list) }
