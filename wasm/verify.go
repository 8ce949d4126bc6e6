//go:build js && wasm && !oauth1_lite

package main

// verify.go: oauth1.verify, diagnose and parse, which only the full build
// has (bridge.go, fullOnly): the page's first signer, the oauth1_lite
// build, signs only, and leaves these and everything only they reach in the
// signer (verification, the diagnosis, the importers) out of its binary.
// The lite build answers each with needs-full-signer, and the page loads
// the full build (site/engine.js).

import (
	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

func init() {
	functions["verify"] = verify
	functions["diagnose"] = diagnose
	functions["parse"] = parse
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
