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
	"sign": sign, "verify": verify, "diagnose": diagnose, "parse": parse, "check": check,
}

// fullOnly names the functions only the full build has. In the lite build
// each answers needs-full-signer, the answer on which the page loads the
// full build and asks again.
var fullOnly = []string{"providerReset", "serve", "snippets"}

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
	for _, m := range signer.Mistakes() {
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
	method := req.SignatureMethod
	if extra[1] != "" {
		method = headerMethod(extra[1], method)
	}
	if err := needsFullSigner(method, extra[2]); err != nil {
		return errorResult(err)
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
	return verificationObject(v)
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
	if err := needsFullSigner(req.SignatureMethod, extra[2]); err != nil {
		return errorResult(err)
	}
	var d *signer.Diagnosis
	if extra[1] != "" {
		d, err = signer.DiagnoseBaseString(req, extra[1])
	} else {
		d, err = signer.DiagnoseSignature(req, extra[0], extra[2])
	}
	if err != nil {
		return errorResult(err)
	}
	return diagnosisObject(d)
}

// parse implements oauth1.parse(text): what a pasted raw request, curl
// command, Authorization header, URL or base string holds, as a request
// object that sign, verify and diagnose take back.
func parse(args []safejs.Value) any {
	if len(args) < 1 {
		return errorObject("text", codeRequired, "is missing: pass the text to read")
	}
	text, err := stringValue(args[0], "text")
	if err != nil {
		return errorResult(err)
	}
	im, err := signer.Import(text)
	if err != nil {
		return errorResult(err)
	}
	return importedObject(im)
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

// headerMethod is the oauth_signature_method of an Authorization header,
// which verify signs with in place of the request's, or method when the
// header has none or cannot be read (the signer then says why).
func headerMethod(header string, method signer.SignatureMethod) signer.SignatureMethod {
	_, params, err := signer.ParseAuthorizationHeader(header)
	if err != nil {
		return method
	}
	for _, p := range params {
		if p.Name == "oauth_signature_method" {
			method = signer.SignatureMethod(p.Value)
		}
	}
	return method
}
