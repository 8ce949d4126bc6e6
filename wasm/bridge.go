//go:build js && wasm

package main

import (
	"slices"
	"strings"

	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// Version is the JS API's version, oauth1.version.
const Version = "0.1.0"

// register creates the oauth1 object on global and returns it. The Funcs are
// never released: they live as long as the page.
func register(global safejs.Value) (safejs.Value, error) {
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
	for name, fn := range apiFunctions() {
		f, err := safejs.FuncOf(exported(fn))
		if err != nil {
			return safejs.Undefined(), err
		}
		if err := api.Set(name, f); err != nil {
			return safejs.Undefined(), err
		}
	}
	for name, v := range constants() {
		if err := api.Set(name, v); err != nil {
			return safejs.Undefined(), err
		}
	}
	return api, global.Set("oauth1", api)
}

// apiFunc is one function of the JS API: it reads its arguments and returns
// a result tree (toJS) or an error object.
type apiFunc = func(args []safejs.Value) any

// functions are the JS API's functions by name. Those every build has are
// listed here; a file that only the full build compiles
// (//go:build js && wasm && !oauth1_lite) adds its functions in an init
// function, so that in the lite build they and everything only they reach
// are left out of the binary.
var functions = map[string]apiFunc{
	"sign": sign,
}

// fullOnly names the functions only the full build has. In the lite build
// each answers needs-full-signer, the answer on which the page loads the
// full build and asks again.
var fullOnly = []string{"verify", "diagnose", "parse", "check", "providerReset", "serve", "snippets"}

// apiFunctions is functions plus, for each name of fullOnly this build
// lacks, the needs-full-signer answer.
func apiFunctions() map[string]apiFunc {
	out := make(map[string]apiFunc, len(functions)+len(fullOnly))
	for name, fn := range functions {
		out[name] = fn
	}
	for _, name := range fullOnly {
		if _, ok := out[name]; !ok {
			out[name] = func([]safejs.Value) any {
				return errorObject("", codeNeedsFullSigner, "needs the full signer, which is loading")
			}
		}
	}
	return out
}

// constants are the API's plain properties: version; build, "full" or
// "lite" (without the RSA methods); the catalogue of mistakes diagnose can
// name ({ id, title }); the signature methods the signer knows (methods)
// and those this build runs (supported); the ids of the notes steps can
// carry and of the warnings verify and check give; and the codes errors
// can carry.
func constants() map[string]any {
	var methods, supported []any
	for _, m := range signer.SignatureMethods() {
		methods = append(methods, string(m))
		if signer.Supports(m) {
			supported = append(supported, string(m))
		}
	}
	build := "full"
	if len(supported) < len(methods) {
		build = "lite"
	}
	var mistakes []any
	for _, m := range signer.MistakeTitles() {
		mistakes = append(mistakes, map[string]any{"id": m.ID, "title": m.Title})
	}
	return map[string]any{"version": Version, "build": build, "mistakes": mistakes,
		"methods": methods, "supported": supported, "notes": anyList(signer.NoteIDs()),
		"warnings": anyList(signer.WarningIDs()), "errorCodes": anyList(errorCodes)}
}

// busy is set while an exported function runs. JS runs on one thread, so
// a call that finds it set came from inside that function: a getter,
// Proxy trap or replaced JSON.parse the signer ran, calling oauth1 again.
// Each such call nests another Go callback on the system stack, and a few
// hundred levels of them killed the runtime (fatal error: panic on system
// stack), so they are refused, whatever function they call.
var busy bool

// exported wraps a JS-facing function so that a panic becomes an error
// object instead of killing the Go runtime (safejs guards calls into JS,
// not callbacks out of it), and a re-entrant call is refused with the code
// reentrant before it reads anything.
func exported(fn func(args []safejs.Value) any) func(safejs.Value, []safejs.Value) any {
	return func(_ safejs.Value, args []safejs.Value) (out any) {
		if busy {
			// A plain map: toJS would call JSON.parse, which may be the
			// caller's own function again.
			return errorObject("", codeReentrant, "the signer was called while it was already answering a call")
		}
		busy = true
		defer func() {
			busy = false
			if recover() != nil {
				// The panic value is not shown: it could quote an input.
				out = errorObject("", codeInternal, "internal error in the signer; the inputs were not changed")
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
	if err := needsFullSigner(req.SignatureMethod, ""); err != nil {
		return errorResult(err)
	}
	res, err := signer.Sign(req)
	if err != nil {
		return errorResult(err)
	}
	return signedResult{res}
}

// needsFullSigner answers, in a build without the RSA methods, every call
// that needs them: one with an RSA signature method, or with a public key
// to read. It runs before the signer, so such a call gets this answer
// whatever else is wrong with it, and a page has only to load the full
// build on the code needs-full-signer and ask again. Like the signer's own
// error for it, it names signatureMethod.
func needsFullSigner(method signer.SignatureMethod, publicKey string) error {
	rsa := slices.Contains(signer.SignatureMethods(), method) && !signer.Supports(method)
	if rsa || strings.TrimSpace(publicKey) != "" && !signer.Supports(signer.RSASHA1) {
		return &signer.FieldError{Field: "signatureMethod", Reason: "needs the full signer, which includes the RSA methods",
			Err: signer.ErrNeedsFullSigner}
	}
	return nil
}
