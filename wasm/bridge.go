//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// Version is the JS API's version, oauth1.version.
const Version = "0.1.0"

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
	d, err := signer.Diagnose(req, extra[0], extra[1], extra[2])
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
	return importedObject(im)
}
