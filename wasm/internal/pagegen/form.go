package pagegen

import (
	"slices"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// transports are the choices of the transport radio buttons
// (site/fields.js TRANSPORTS).
var transports = []string{"header", "query", "body"}

// FormRequest is the request the page's form reads (site/form.js
// readRequest) once the preset is loaded (writeRequest of its request with
// its params): every field of site/fields.js, a field the preset leaves
// empty at its default (method GET, signatureMethod HMAC-SHA1, transport
// header), version "1.0" when the preset has one (a checkbox), bodyHash a
// boolean, and params only when there are rows. The page paints a
// generated result only while its form reads exactly this, so a value on
// screen is always the signer's for the request in the inputs.
func FormRequest(p Preset) map[string]any {
	r := p.Request
	or := func(v, def string) string {
		if v == "" {
			return def
		}
		return v
	}
	version := ""
	if r.Version != "" {
		version = "1.0"
	}
	transport := r.Transport
	if !slices.Contains(transports, transport) {
		transport = "header"
	}
	out := map[string]any{
		"method": or(r.Method, "GET"), "url": r.URL, "body": r.Body, "contentType": r.ContentType,
		"consumerKey": r.ConsumerKey, "consumerSecret": r.ConsumerSecret, "token": r.Token, "tokenSecret": r.TokenSecret,
		"privateKey": r.PrivateKey, "signatureMethod": or(r.SignatureMethod, "HMAC-SHA1"),
		"nonce": r.Nonce, "timestamp": r.Timestamp, "version": version, "realm": r.Realm,
		"callback": r.Callback, "verifier": r.Verifier, "bodyHash": r.BodyHash, "transport": transport,
	}
	if len(p.Params) > 0 {
		rows := make([]any, len(p.Params))
		for i, row := range p.Params {
			rows[i] = anyStrings(row)
		}
		out["params"] = rows
	}
	return out
}

// SignerRequest is FormRequest(p) as a [signer.Request], converted as
// wasm/jsread.go converts a JS request: a parameter row's third element
// says where it is sent ("query", "body"), without one it is an extra
// parameter.
func SignerRequest(p Preset) signer.Request {
	f := FormRequest(p)
	s := func(k string) string { return f[k].(string) }
	req := signer.Request{
		Method: s("method"), URL: s("url"), Body: s("body"), ContentType: s("contentType"),
		ConsumerKey: s("consumerKey"), ConsumerSecret: s("consumerSecret"), Token: s("token"), TokenSecret: s("tokenSecret"),
		PrivateKey: s("privateKey"), SignatureMethod: signer.SignatureMethod(s("signatureMethod")),
		Nonce: s("nonce"), Timestamp: s("timestamp"), Version: s("version"), Realm: s("realm"),
		Callback: s("callback"), Verifier: s("verifier"), BodyHash: f["bodyHash"].(bool),
		Transport: signer.Transport(s("transport")),
	}
	for _, row := range p.Params {
		param := signer.Param{Name: row[0], Value: row[1], Source: signer.SourceExtra}
		if len(row) == 3 {
			switch row[2] {
			case "query":
				param.Source = signer.SourceQuery
			case "body":
				param.Source = signer.SourceBody
			}
		}
		req.Params = append(req.Params, param)
	}
	return req
}

func anyStrings(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}
