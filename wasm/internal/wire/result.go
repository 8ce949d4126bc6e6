package wire

import "github.com/oauth1-playground/oauth1-playground/signer"

// Result converts a signer.Result into the plain object of oauth1.sign:
// { ok: true, signature, baseString, signingKey, authorization, query,
// formBody, curl, publicKey, bodyHash, nonce, timestamp, params, steps,
// warnings }. It holds only the types [WriteJSON] writes.
// docs/architecture.md, "The boundary".
func Result(res *signer.Result) map[string]any {
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
		"params":        Params(res.Parameters),
		"steps":         Steps(res.Steps),
		"warnings":      Warnings(res.Warnings),
	}
}

// Steps converts steps for the JS API: { id, title, rfc, value } and,
// where the step has them, params, parts, notes ({ id, text }) and
// secret: true. docs/architecture.md, "The boundary".
func Steps(in []signer.Step) []any {
	steps := make([]any, len(in))
	for i, s := range in {
		step := map[string]any{"id": s.ID, "title": s.Title, "rfc": s.RFC, "value": s.Value}
		if s.Params != nil {
			step["params"] = Params(s.Params)
		}
		if s.Parts != nil {
			step["parts"] = List(s.Parts)
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

// Params converts parameters to [{ name, value, source }].
// docs/architecture.md, "The boundary".
func Params(ps []signer.Param) []any {
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = map[string]any{"name": p.Name, "value": p.Value, "source": string(p.Source)}
	}
	return out
}

// Warnings converts warnings to [{ id, text }].
// docs/architecture.md, "The boundary".
func Warnings(ws []signer.Warning) []any {
	out := make([]any, len(ws))
	for i, w := range ws {
		out[i] = map[string]any{"id": w.ID, "text": w.Text}
	}
	return out
}

// List returns list as a []any of strings. docs/architecture.md, "The
// boundary".
func List(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}
