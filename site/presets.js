// presets.js: ready-made requests the page can load, as plain data.
//
// Owns: the preset menu, built from presets-data.js, which make build
// writes (wasm/genpage.go) from site/presets.json (ids, groups, labels,
// flags, and the requests of the extra and service presets) and the
// published vectors the signer's tests run
// (signer/signertest/testdata/vectors.json), so the page and the tests
// cannot drift: a few extra vectors exercise the parameter table, and the
// service presets carry dummy credentials.
// Must never: touch the DOM, call the signer, or hold anything but published
// test credentials and obvious dummies. Sentences about a preset (its notes)
// live in strings.js under presetNotes, keyed by the preset's id.
//
// A preset is
//   { id, group, label, source, request, params?, expect, published?,
//     computed?, differsByDesign?, vector? }
// request   — the JS API fields; params — rows for the parameter table,
//             [name, value, "query" | "body"];
// expect    — what the page compares with: signature, baseStringURI,
//             bodyHash, or fragments (strings the parameter string contains);
// published — a value the source prints that is wrong (or, with
//             differsByDesign, one this signer deliberately does not match);
// computed  — expect was computed independently, not printed by a source;
// vector    — the name of the vector in vectors.json the preset comes from.

import { presetData } from './presets-data.js';

// The groups of the preset menu, in order. Their titles are in strings.js
// (presetGroups).
export const groups = Object.freeze(['x', 'rfc', 'oauthnet', 'bodyhash', 'services']);

function deepFreeze(o) {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

// The first preset is loaded when the page opens. The menu's data is
// site/presets.json, resolved by make build into presets-data.js (a vector
// preset takes its request, source, published value and expect from its
// vector; the X service presets take the X docs credentials, the RSA ones
// the oauth.net test key) with each preset's sign result from the native Go
// signer, which the page shows before the wasm has started (first-paint.js).
export const presets = Object.freeze(presetData.map((p) => deepFreeze(p)));

// The RSA test key published with the oauth.net wiki's RSA-SHA1 test case,
// http://wiki.oauth.net/w/page/12238556/TestCases (section 9.3). It is
// public: never use it for anything real. The RSA service presets reuse it,
// and form.js's "Use the published test key" button fills it in.
export const TEST_RSA_KEY = presets.find((p) => p.id === 'oauthnet-rsa-sha1').request.privateKey;

export const defaultPreset = presets[0];

// findPreset returns the preset with the given id, or undefined.
export function findPreset(id) {
  return presets.find((p) => p.id === id);
}

// knownCredentials is every credential value some preset carries: the
// published examples and our dummies. The "this looks real" warning never
// fires for them.
export const knownCredentials = Object.freeze(new Set(
  presets.flatMap((p) => ['consumerKey', 'consumerSecret', 'token', 'tokenSecret', 'privateKey']
    .map((f) => p.request[f])
    .filter((v) => typeof v === 'string' && v !== '')),
));
