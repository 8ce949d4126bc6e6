//go:build js && wasm && !oauth1_lite

package main

import (
	"math"
	"time"

	"github.com/hack-pad/safejs"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/provider"
)

// The in-page service provider (signer/provider) is in the full build
// only: the Tokens view loads it, and the lite build answers
// needs-full-signer (bridge.go, fullOnly).
func init() {
	functions["providerReset"] = providerReset
	functions["serve"] = serve
}

// prov is the provider serve answers with; nil until the first call,
// which starts one with the demo app and the wasm's clock.
var prov *provider.Provider

// providerReset implements oauth1.providerReset({ consumerKey,
// consumerSecret, publicKey, now, timestampWindow }): a fresh provider,
// every token, verifier and nonce forgotten, with that consumer
// registered (the demo app when consumerKey is empty). now, milliseconds
// since the epoch, sets the provider's clock, which then runs with the
// wasm's; timestampWindow is in seconds (300 when absent). It answers
// { ok: true }.
func providerReset(args []safejs.Value) any {
	var cfg provider.Config
	if len(args) > 0 {
		if t, ok := typeOf(args[0]); !ok || t != safejs.TypeUndefined && t != safejs.TypeNull {
			if !isObject(args[0]) || isArray(args[0]) {
				return errorResult(wrongType("config", "must be an object such as { consumerKey, consumerSecret, now }"))
			}
			obj := args[0]
			var c provider.Consumer
			for _, f := range []struct {
				name string
				to   *string
			}{{"consumerKey", &c.Key}, {"consumerSecret", &c.Secret}, {"publicKey", &c.PublicKey}} {
				v, err := readString(obj, f.name)
				if err != nil {
					return errorResult(err)
				}
				*f.to = v
			}
			if c.Key != "" || c.Secret != "" || c.PublicKey != "" {
				cfg.Consumers = []provider.Consumer{c}
			}
			if c.PublicKey != "" {
				if err := needsFullSigner("", c.PublicKey); err != nil {
					return errorResult(err)
				}
			}
			start, err := readNow(obj)
			if err != nil {
				return errorResult(err)
			}
			wall := time.Now()
			cfg.Now = func() time.Time { return start.Add(time.Since(wall)) }
			if cfg.TimestampWindow, err = readWindow(obj); err != nil {
				return errorResult(err)
			}
		}
	}
	p, err := provider.New(cfg)
	if err != nil {
		return errorResult(err)
	}
	prov = p
	return map[string]any{"ok": true}
}

// readWindow reads obj.timestampWindow, whole seconds from 1 to a day;
// missing, undefined and null are the provider's default.
func readWindow(obj safejs.Value) (time.Duration, error) {
	const field = "timestampWindow"
	v, err := property(obj, field)
	if err != nil {
		return 0, unreadable(field)
	}
	t, ok := typeOf(v)
	switch {
	case ok && (t == safejs.TypeUndefined || t == safejs.TypeNull):
		return 0, nil
	case ok && t == safejs.TypeNumber:
		s, err := v.Float()
		if err != nil || math.IsNaN(s) || s < 1 || s > 86400 || s != math.Trunc(s) {
			return 0, &signer.FieldError{Field: field, Reason: "must be a whole number of seconds from 1 to 86400", Err: signer.ErrMalformed}
		}
		return time.Duration(s) * time.Second, nil
	}
	return 0, wrongType(field, "must be a number of seconds, not a "+typeName(v))
}

// serve implements oauth1.serve({ method, url, authorization, body,
// contentType }): the provider's answer, { ok: true, status, headers:
// { name: value }, body }, refusals included; { ok: false, error } only
// for what is not an HTTP request at all.
func serve(args []safejs.Value) any {
	if len(args) < 1 || !isObject(args[0]) || isArray(args[0]) {
		return errorResult(wrongType("request", "must be an object such as { method, url, authorization, body, contentType }"))
	}
	var r provider.Request
	for _, f := range []struct {
		name string
		to   *string
	}{{"method", &r.Method}, {"url", &r.URL}, {"authorization", &r.Authorization}, {"body", &r.Body}, {"contentType", &r.ContentType}} {
		v, err := readString(args[0], f.name)
		if err != nil {
			return errorResult(err)
		}
		*f.to = v
	}
	if prov == nil {
		p, err := provider.New(provider.Config{})
		if err != nil {
			return errorResult(err)
		}
		prov = p
	}
	res, err := prov.Serve(r)
	if err != nil {
		return errorResult(err)
	}
	headers := map[string]any{}
	for _, h := range res.Headers {
		headers[h.Name] = h.Value
	}
	return map[string]any{"ok": true, "status": res.Status, "headers": headers, "body": res.Body}
}
