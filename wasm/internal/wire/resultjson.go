package wire

import (
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// WriteResult writes [Result](res) as [WriteJSON] would, byte for byte
// (keys sorted), straight from res: no tree of maps to build, sort and walk.
// In wasm the tree cost a map per parameter row and the walk an interface
// switch and a key sort per object: with 1 000 parameters (three tables of
// 1 000 rows) that was more of oauth1.sign than the signing.
func WriteResult(b *strings.Builder, res *signer.Result) {
	b.Grow(resultSize(res))
	raw(b, `{"authorization":`)
	writeJSONString(b, res.AuthorizationHeader)
	raw(b, `,"baseString":`)
	writeJSONString(b, res.SignatureBaseString)
	raw(b, `,"bodyHash":`)
	writeJSONString(b, res.BodyHash)
	raw(b, `,"curl":`)
	writeJSONString(b, res.Curl)
	raw(b, `,"formBody":`)
	writeJSONString(b, res.FormBody)
	raw(b, `,"nonce":`)
	writeJSONString(b, res.Nonce)
	raw(b, `,"ok":true,"params":`)
	writeParams(b, res.Parameters)
	raw(b, `,"publicKey":`)
	writeJSONString(b, res.PublicKey)
	raw(b, `,"query":`)
	writeJSONString(b, res.Query)
	raw(b, `,"signature":`)
	writeJSONString(b, res.Signature)
	raw(b, `,"signingKey":`)
	writeJSONString(b, res.SigningKey)
	raw(b, `,"steps":[`)
	for i, s := range res.Steps {
		if i > 0 {
			raw(b, ",")
		}
		writeStep(b, s)
	}
	raw(b, `],"timestamp":`)
	writeJSONString(b, res.Timestamp)
	raw(b, `,"warnings":[`)
	for i, w := range res.Warnings {
		if i > 0 {
			raw(b, ",")
		}
		writeIDText(b, w.ID, w.Text)
	}
	raw(b, `]}`)
}

// writeStep writes one of [Steps]' objects: id, notes, params, parts, rfc,
// secret, title, value, those that are present, in that (sorted) order.
func writeStep(b *strings.Builder, s signer.Step) {
	raw(b, `{"id":`)
	writeJSONString(b, s.ID)
	if s.Notes != nil {
		raw(b, `,"notes":[`)
		for i, n := range s.Notes {
			if i > 0 {
				raw(b, ",")
			}
			writeIDText(b, n.ID, n.Text)
		}
		raw(b, "]")
	}
	if s.Params != nil {
		raw(b, `,"params":`)
		writeParams(b, s.Params)
	}
	if s.Parts != nil {
		raw(b, `,"parts":[`)
		for i, p := range s.Parts {
			if i > 0 {
				raw(b, ",")
			}
			writeJSONString(b, p)
		}
		raw(b, "]")
	}
	raw(b, `,"rfc":`)
	writeJSONString(b, s.RFC)
	if s.Secret {
		raw(b, `,"secret":true`)
	}
	raw(b, `,"title":`)
	writeJSONString(b, s.Title)
	raw(b, `,"value":`)
	writeJSONString(b, s.Value)
	raw(b, "}")
}

// writeParams writes [Params]' list: [{ name, source, value }].
func writeParams(b *strings.Builder, ps []signer.Param) {
	raw(b, "[")
	for i, p := range ps {
		if i > 0 {
			raw(b, ",")
		}
		raw(b, `{"name":`)
		writeJSONString(b, p.Name)
		raw(b, `,"source":`)
		writeJSONString(b, string(p.Source))
		raw(b, `,"value":`)
		writeJSONString(b, p.Value)
		raw(b, "}")
	}
	raw(b, "]")
}

// writeIDText writes a note or a warning: { id, text }.
func writeIDText(b *strings.Builder, id, text string) {
	raw(b, `{"id":`)
	writeJSONString(b, id)
	raw(b, `,"text":`)
	writeJSONString(b, text)
	raw(b, "}")
}

// resultSize is about the length of WriteResult's text: exact but for
// escapes.
func resultSize(res *signer.Result) int {
	n := 320 + len(res.AuthorizationHeader) + len(res.SignatureBaseString) + len(res.BodyHash) + len(res.Curl) +
		len(res.FormBody) + len(res.Nonce) + len(res.PublicKey) + len(res.Query) + len(res.Signature) +
		len(res.SigningKey) + len(res.Timestamp) + paramsSize(res.Parameters)
	for _, s := range res.Steps {
		n += 64 + len(s.ID) + len(s.RFC) + len(s.Title) + len(s.Value) + paramsSize(s.Params)
		for _, p := range s.Parts {
			n += len(p) + 3
		}
		for _, note := range s.Notes {
			n += 20 + len(note.ID) + len(note.Text)
		}
	}
	for _, w := range res.Warnings {
		n += 20 + len(w.ID) + len(w.Text)
	}
	return n
}

func paramsSize(ps []signer.Param) int {
	n := 2
	for _, p := range ps {
		n += 34 + len(p.Name) + len(p.Source) + len(p.Value)
	}
	return n
}

// raw writes s. It stays out of line: inlined, each of this file's writes
// brought its own copy of the buffer's growth, ~40 KB more wasm.
//
//go:noinline
func raw(b *strings.Builder, s string) { b.WriteString(s) }
