// prerender.mjs: the worked example as HTML, by the page's own render code.
//
//	node wasm/internal/pagegen/prerender.mjs SITE < nodes.json > fragments.json
//
// Owns: running, under Node and in the DOM shim (dom-shim.mjs), exactly what
// the page's boot runs for the default preset before the signer has started
// (site/app.js init: first-paint.js paintGenerated with the request the
// form holds for it, the build-time result of presets-data.js, and the
// steps placeholder hidden as app.js's paintedGenerated hides it), into
// nodes that carry the attributes the page's HTML gives them; and printing,
// per node id, its final attributes, its children as HTML when the render
// wrote them, and what the render put after it (the status line's
// warnings list). wasm/genpage.go (pagegen.Prerender) hands it the nodes
// and splices the answer into site/index.html.
// Must never: compute a value (every value comes from presets-data.js,
// which the native Go signer wrote), render with code of its own (the
// page's modules do all of it), or write a file: its answer goes to
// stdout, and any failure (an unknown id, a DOM feature the shim lacks) is
// an exit status of 1 with the reason on stderr.
//
// Input: {"nodes": [{"id", "tag", "attrs": [[name, value], …]}, …]}.
// Output: {"nodes": [{"id", "attrs": [[name, value], …], "html": string|null,
// "after": string}, …]}, nodes in input order, attributes in the order they
// were first set.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDocument } from './dom-shim.mjs';

async function main() {
  const site = process.argv[2];
  if (!site) throw new Error('usage: node prerender.mjs SITE < nodes.json');
  const input = JSON.parse(readFileSync(0, 'utf8'));
  const doc = createDocument();
  globalThis.document = doc;

  // Each node in a host of its own, so the render sees no sibling the page
  // would not give it; what it puts beside a node is reported as "after".
  const nodes = new Map();
  for (const n of input.nodes) {
    const host = doc.createElement('div');
    const node = doc.createElement(n.tag);
    for (const [k, v] of n.attrs) node.setAttribute(k, v);
    host.append(node);
    doc.body.append(host);
    nodes.set(n.id, { node, host });
  }

  const siteURL = (f) => pathToFileURL(resolve(site, f)).href;
  const { signingUi } = await import(siteURL('signing.js'));
  const { paintGenerated } = await import(siteURL('first-paint.js'));
  const { defaultPreset } = await import(siteURL('presets.js'));
  const { signedPresets } = await import(siteURL('presets-data.js'));

  const ui = signingUi();
  for (const [key, value] of Object.entries({ ...ui, ...ui.slots })) {
    if (key === 'slots') continue;
    if (!value.parentNode) throw new Error(`prerender: signingUi().${key} is an id the prerender was not given (wasm/internal/pagegen/prerender.go)`);
  }
  const placeholder = nodes.get('steps-placeholder')?.node;
  if (!placeholder) throw new Error('prerender: no steps-placeholder node');

  const entry = signedPresets[defaultPreset.id];
  if (!entry) throw new Error(`prerender: presets-data.js has no result for the default preset ${defaultPreset.id}`);
  const request = entry.request;
  // app.js's state object, as init leaves it before the first paint.
  const state = {
    paused: false, signCount: 0, rendered: false, version: '', preset: defaultPreset,
    reveal: new Set(), previous: new Map(), theme: null,
  };
  // app.js's paintedGenerated: showGenerated writes words only for a nonce
  // or timestamp the signer made up, which a prerendered example must not
  // have; then the placeholder goes.
  const shown = (result, req) => {
    if (req.nonce === '' || req.timestamp === '' || /^[0-9]{13}$/.test(req.timestamp)) {
      throw new Error('prerender: the default preset needs a nonce and a timestamp in seconds (app.js showGenerated would write words the prerender does not)');
    }
    placeholder.hidden = true;
  };
  // A node whose children the render wrote gets them replaced in the
  // page; the others keep theirs.
  for (const { node } of nodes.values()) node._writes = 0;

  if (!paintGenerated(ui, state, defaultPreset.id, request, { shown })) {
    throw new Error(`prerender: first-paint.js would not paint ${defaultPreset.id} for the request presets-data.js holds`);
  }

  const out = [];
  for (const [id, { node, host }] of nodes) {
    const kids = host.childNodes;
    const at = kids.indexOf(node);
    if (at !== 0) throw new Error(`prerender: the render put nodes before #${id}`);
    const html = node._writes > 0 ? node.serializeChildren() : null;
    out.push({
      id,
      attrs: [...node._attrs],
      html,
      after: kids.slice(1).map((k) => k.serialize()).join(''),
    });
  }
  process.stdout.write(`${JSON.stringify({ nodes: out })}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
