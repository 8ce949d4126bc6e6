// Package pagegen computes, at build time and with the native Go signer,
// what the page shows before its wasm signer has started: every preset of
// the menu (site/presets.json, resolved against the published vectors of
// signer/signertest/testdata/vectors.json) with the request the page's
// form reads for it and the sign result of that request, as the JS API
// returns it ([wire.Result]), written as one ES module
// (site/presets-data.js) by wasm/genpage.go, which make build runs.
//
// Because the values come from the same signer package through the same
// result tree as oauth1.sign, they cannot differ from what the wasm
// computes; a browser test compares them anyway, preset by preset.
//
// It must never hold OAuth logic of its own (it only calls signer.Sign),
// or any credential but the published test credentials and obvious
// dummies site/presets.json carries.
package pagegen
