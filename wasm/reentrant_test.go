//go:build js && wasm

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReentrantCallsRefused checks finding 6 of issue 13: a getter (or a
// Proxy trap) that calls the signer from inside a call gets the error code
// reentrant, for every exported function and however often it tries, and
// the runtime lives: the outer call answers, and signing works afterwards.
// Before the refusal, a getter that signed from inside sign killed the
// runtime after about 435 levels (fatal error: panic on system stack).
func TestReentrantCallsRefused(t *testing.T) {
	oauth1 := api(t)
	// parse takes a string, so it reads no getter; the inner calls try it.
	for _, fn := range []string{"sign", "verify", "diagnose", "check"} {
		t.Run(fn, func(t *testing.T) {
			if liteLacks(fn) {
				t.Skip("full build only (TestLiteFullOnly)")
			}
			// Each inner call recurses through the same getter, as deep as it is
			// let: 1 000 levels if nothing stops it.
			probe := jsEval(t, `(api) => {
				const seen = { codes: [], depth: 0 };
				const arg = new Proxy({ url: 'https://example.com/', text: 'GET https://example.com/ HTTP/1.1' }, {
					get(target, name) {
						if (name === 'url' || name === 'text') {
							if (seen.depth < 1000) {
								seen.depth += 1;
								for (const f of ['sign', 'verify', 'diagnose', 'parse', 'check']) {
									const r = api[f](f === 'parse' ? target.text : arg);
									seen.codes.push(r && r.error ? r.error.code : 'none');
								}
							}
						}
						return Reflect.get(target, name);
					},
				});
				return { arg, seen };
			}`)
			p, err := probe.Invoke(oauth1)
			require.NoError(t, err)
			arg, err := p.Get("arg")
			require.NoError(t, err)
			res, err := oauth1.Call(fn, arg)
			require.NoError(t, err, "the runtime must survive")
			got := toGo(t, res).(map[string]any)
			seen, err := p.Get("seen")
			require.NoError(t, err)
			s := toGo(t, seen).(map[string]any)
			codes := s["codes"].([]any)
			require.Len(t, codes, 5, "the getter ran once, and each inner call was refused before it read the getter again")
			for _, c := range codes {
				assert.Equal(t, "reentrant", c)
			}
			assert.NotEqual(t, "reentrant", errorCode(got), "the outer call is not refused")
			again, err := oauth1.Call("sign", with("url", "https://example.com/"))
			require.NoError(t, err)
			assert.Equal(t, true, toGo(t, again).(map[string]any)["ok"], "signing works after the refusals")
		})
	}
}

func errorCode(res map[string]any) any {
	e, _ := res["error"].(map[string]any)
	return e["code"]
}
