//go:build snippets

package snippets

import "github.com/oauth1-playground/oauth1-playground/signer"

// Forced returns, for the snippets suite only (build tag snippets, never in
// the product), the code each library's generator writes for req where
// [Snippets] says the library cannot send its signature, by snippet id, so
// the suite can run it and show that it indeed signs otherwise, drops
// something, or fails. curl is left out (its PLAINTEXT line holds the
// secrets), and so is a request with a field that is not UTF-8.
func Forced(req signer.Request) (map[string]string, error) {
	res, err := signer.Sign(req)
	if err != nil {
		return nil, err
	}
	m := newModel(req, res)
	out := map[string]string{}
	if m.invalidUTF8 {
		return out, nil
	}
	for _, g := range generators {
		if g.id != "curl" && g.reason(m) != "" {
			out[g.id] = g.write(m)
		}
	}
	return out, nil
}
