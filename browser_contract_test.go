//go:build !js

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageContract is what the contract probe reads off the running page: what
// the signer says it reads, lists and emits, and what site/ has for each.
type pageContract struct {
	SignReads     []string `json:"signReads"`     // the fields oauth1.sign read
	OtherReads    []string `json:"otherReads"`    // what verify, diagnose, check and parse read besides
	Fields        []string `json:"fields"`        // fields.js FIELDS, by name
	Methods       []string `json:"methods"`       // fields.js SIGNATURE_METHODS
	SignerMethods []string `json:"signerMethods"` // oauth1.methods
	Supported     []string `json:"supported"`     // oauth1.supported
	ErrorCodes    []string `json:"errorCodes"`    // oauth1.errorCodes
	CodeWords     []string `json:"codeWords"`     // strings.js errorCodes keys with both status and detail
	Notes         []string `json:"notes"`         // oauth1.notes
	NoteWords     []string `json:"noteWords"`     // strings.js noteLabels keys
	Warnings      []string `json:"warnings"`      // oauth1.warnings
	WarningWords  []string `json:"warningWords"`  // strings-verify.js warnings.ids keys
	FieldNames    []string `json:"fieldNames"`    // strings.js errorNames keys
	StepIDs       []string `json:"stepIDs"`       // every step id sign returned for the supported methods
	StepWords     []string `json:"stepWords"`     // strings-steps.js steps keys
}

// contractProbe records the names oauth1.sign (and verify, diagnose, parse)
// read from a Proxy: the wasm reads a caller's object only through
// Reflect.get, so the get trap sees every field name it reads.
const contractProbe = `(async () => {
  const f = await import('./fields.js');
  const s = await import('./strings.js');
  const st = await import('./strings-steps.js');
  const sv = await import('./strings-verify.js');
  const api = globalThis.oauth1;
  const recorder = () => {
    const read = [];
    const proxy = new Proxy({}, { get(_, key) { if (typeof key === 'string' && !read.includes(key)) read.push(key); return undefined; } });
    return { read, proxy };
  };
  const sign = recorder();
  api.sign(sign.proxy);
  const others = new Set();
  for (const name of ['verify', 'diagnose', 'check']) {
    const r = recorder();
    api[name](r.proxy);
    for (const k of r.read) others.add(k);
  }
  others.add('text'); // parse(text) names its argument "text" in errors
  const steps = new Set();
  for (const m of api.supported) {
    const res = api.sign({ method: 'GET', url: 'https://example.com/r?a=1', consumerKey: 'k', consumerSecret: 's',
      token: 't', tokenSecret: 'u', nonce: 'n', timestamp: '1', version: '1.0', signatureMethod: m });
    if (!res.ok) throw new Error('sign failed for ' + m + ': ' + res.error.code);
    for (const step of res.steps) steps.add(step.id);
  }
  return {
    signReads: sign.read,
    otherReads: [...others].filter((k) => !sign.read.includes(k)),
    fields: f.FIELDS.map((x) => x.name),
    methods: [...f.SIGNATURE_METHODS],
    signerMethods: [...api.methods],
    supported: [...api.supported],
    errorCodes: [...api.errorCodes],
    codeWords: Object.keys(s.errorCodes).filter((k) => typeof s.errorCodes[k].status === 'string' && typeof s.errorCodes[k].detail === 'string'),
    notes: [...api.notes],
    noteWords: Object.keys(s.noteLabels),
    warnings: [...api.warnings],
    warningWords: Object.keys(sv.verify.warnings.ids),
    fieldNames: Object.keys(s.errorNames),
    stepIDs: [...steps],
    stepWords: Object.keys(st.steps),
  };
})()`

// TestBrowserContract checks the seam between site/ and the signer in the
// running page: site/fields.js lists exactly the fields oauth1.sign reads
// and the signer's signature methods; strings.js has words for every error
// code, every note id and every warning id the signer can emit (and none
// for ids it cannot),
// a name for every field an error can name, and an explanation for every
// step the signer returns.
func TestBrowserContract(t *testing.T) {
	p := openPage(t)
	c := eval[pageContract](p, contractProbe)

	require.NotEmpty(t, c.SignReads, "the probe saw oauth1.sign read nothing")
	assert.ElementsMatch(t, c.SignReads, c.Fields, "fields.js lists exactly what oauth1.sign reads")
	assert.Equal(t, c.SignerMethods, c.Methods, "fields.js has the signer's methods, in its order")
	assert.Subset(t, c.SignerMethods, c.Supported)
	assert.NotEmpty(t, c.Supported)

	require.NotEmpty(t, c.ErrorCodes)
	assert.ElementsMatch(t, c.ErrorCodes, c.CodeWords, "strings.js errorCodes: words for exactly the signer's codes")
	require.NotEmpty(t, c.Notes)
	assert.ElementsMatch(t, c.Notes, c.NoteWords, "strings.js noteLabels: a label for exactly the signer's note ids")
	require.NotEmpty(t, c.Warnings)
	assert.ElementsMatch(t, c.Warnings, c.WarningWords, "strings-verify.js warnings.ids: words for exactly the signer's warning ids")

	assert.Subset(t, c.FieldNames, c.SignReads, "strings.js errorNames names every request field")
	assert.Subset(t, c.FieldNames, c.OtherReads, "strings.js errorNames names every other field an error can name")
	require.NotEmpty(t, c.StepIDs)
	assert.Subset(t, c.StepWords, c.StepIDs, "strings-steps.js explains every step the signer returns")
}
