// first-paint.js: the page's first result before (or, in a read-only
// embed, without) the wasm signer.
//
// Owns: finding the result make build computed for a preset with the
// native Go signer (wasm/genpage.go: presets-data.js holds the default
// preset's, presets-signed.js every preset's, loaded on demand by
// loadSigned or handed in by addSigned) when, and only when,
// the view's request is exactly the one it was computed for; painting it
// with the same render code as a live result; the "signer is starting"
// note beside the inputs; and saying on the status line where the result
// came from. So the worked example, its steps and their explanations are
// on screen as soon as the first modules have run. index.html even
// arrives with it, drawn by this same code at build time
// (wasm/internal/pagegen/prerender.mjs): this module also owns taking that
// drawing down for the boot to draw it again (dropPrerendered), and
// finding what the user typed into the arrived inputs before the modules
// ran (typedBefore, restoreTyped), so the boot keeps it, then taking the
// arrived request out of the inputs' HTML (forgetArrived); and saying when
// the boot may run: after the arrived drawing's first paint
// (afterFirstPaint).
// Must never: compute anything itself (no signing, no OAuth rule: every
// value shown is the Go signer's), show a generated result for a request
// that differs from it in any field, say "Ready" (only the signer can), or
// touch the engine.

import { signedPresets as defaultSigned } from './presets-data.js';
import { FIELDS } from './fields.js';
import { firstPaint as text, status as statusText } from './strings.js';
import { renderSigned } from './render.js';
import { setText, setStale, el } from './dom.js';

// normal is request as a text with every field of fields.js, a missing one
// at its default, so two requests the signer reads the same compare equal.
function normal(request) {
  return JSON.stringify(FIELDS.map((f) => {
    const v = request?.[f.name];
    if (f.input === 'rows') return Array.isArray(v) ? v : [];
    return v === undefined ? f.default : v;
  }));
}

// signed holds, by preset id, the generated answers known so far: the
// default preset's at first (all the first paint needs), every preset's
// once presets-signed.js has come.
const signed = new Map();
let all = null; // the one promise of loading presets-signed.js

// addSigned adds a table of generated answers (presets-signed.js's
// signedPresets), by preset id.
export function addSigned(table) {
  for (const [id, entry] of Object.entries(table ?? {})) signed.set(id, entry);
}
addSigned(defaultSigned);

// loadSigned loads every preset's generated answer (presets-signed.js)
// once, and resolves when they are known.
export function loadSigned() {
  all ??= import('./presets-signed.js').then((m) => addSigned(m.signedPresets), () => { all = null; });
  return all;
}

// generatedResult returns a copy of the result make build computed for
// preset id, or null when request is not exactly the request it was
// computed for (or there is none, or it has not been loaded).
export function generatedResult(id, request) {
  const entry = typeof id === 'string' ? signed.get(id) : undefined;
  if (!entry || normal(entry.request) !== normal(request)) return null;
  return structuredClone(entry.result);
}

// paintGenerated renders the generated result for preset id into a
// signing view (ui: signing.js signingUi(), view: its state) when request
// is the preset's, then puts the status line back to "not ready": the
// result came from the build, not from a running signer. shown(result,
// request) runs after, as after a live sign. It returns whether it
// painted; ui.result.dataset.source says "generated" until a live result
// replaces it (markLive).
//
// final (a read-only embed, which never loads the signer) marks the status
// line data-ready, as a view that has shown its first result is: nothing
// will replace it. later(), when given, runs once the other presets'
// answers have loaded, if id's was not known yet: the caller asks again.
export function paintGenerated(ui, view, id, request, { shown, words = text.precomputed, final = false, later } = {}) {
  const result = generatedResult(id, request);
  if (!result) {
    if (later && typeof id === 'string' && id !== '' && !signed.has(id)) loadSigned().then(() => { if (signed.has(id)) later(); });
    return false;
  }
  renderSigned(ui, view, result, request);
  shown?.(result, request);
  ui.result.dataset.source = 'generated';
  if (final) ui.status.dataset.ready = 'true';
  else delete ui.status.dataset.ready;
  ui.status.dataset.state = 'generated';
  setText(ui.status, words === null ? statusText.loading : words);
  return true;
}

// dropPrerendered empties what make build drew into the page (the result
// slots, request card, steps and example check of index.html's worked
// example): the boot draws it again at once with the same code, with its
// copy and reveal buttons' listeners, or not at all when the inputs hold
// another request (a share link), so no result shows for a request it is
// not for. placeholder (the steps placeholder) comes back meanwhile.
export function dropPrerendered(ui, placeholder) {
  if (ui.result.dataset.source !== 'generated') return;
  const { signature, baseString, authorization, chosen } = ui.slots;
  for (const node of [signature, baseString, authorization, chosen, ui.requestCard, ui.steps, ui.presetCheck]) node.replaceChildren();
  ui.presetCheck.hidden = true;
  delete ui.presetCheck.dataset.match;
  ui.result.hidden = true;
  delete ui.result.dataset.source;
  delete ui.status.dataset.state;
  if (placeholder) placeholder.hidden = false;
}

// typedBefore lists what the user changed in the inputs under root before
// the page's modules ran (the page arrives with the example's request in
// its inputs): every input, textarea and select whose value, checked state
// or chosen option is not the one the HTML gave it. Call it before any
// script writes an input.
export function typedBefore(root) {
  const kept = [];
  for (const node of root.querySelectorAll('input, textarea, select')) {
    if (node.type === 'checkbox' || node.type === 'radio') {
      if (node.checked !== node.defaultChecked) kept.push({ node, checked: node.checked });
    } else if (node.tagName === 'SELECT') {
      if ([...node.options].some((o) => o.selected !== o.defaultSelected)) kept.push({ node, value: node.value });
    } else if (node.value !== node.defaultValue) {
      kept.push({ node, value: node.value });
    }
  }
  return kept;
}

// forgetArrived takes the request the page arrived with out of the HTML
// of the inputs under root (text inputs' value attributes, textareas'
// text), once typedBefore has read it: from then on the request lives in
// the inputs' values only, which the boot writes next, and Clear and
// pagehide wipe all of it. A secret input never has one; any it had goes.
export function forgetArrived(root) {
  for (const node of root.querySelectorAll('input, textarea')) {
    if (node.tagName === 'TEXTAREA') node.defaultValue = '';
    else if (node.type !== 'checkbox' && node.type !== 'radio') node.removeAttribute('value');
  }
}

// restoreTyped writes what typedBefore found back into its inputs (over an
// example or a share link the boot loaded) and returns those inputs.
export function restoreTyped(kept) {
  for (const k of kept) {
    if ('checked' in k) k.node.checked = k.checked;
    else k.node.value = k.value;
  }
  return kept.map((k) => k.node);
}

// afterFirstPaint resolves once the browser has presented the page's first
// contentful paint (its paint timing entry): app.js's boot (filling,
// wiring, drawing the example again) then never delays the frame that
// shows the example index.html arrived with. Run before that paint, the
// boot's task and the layout it forced came first: on two cores at
// 1280×800, 16 cold loads each alternated, that paint was presented at 220
// against 236 ms without the wait, and an edit typed at once was signed at
// 449 against 461 ms.
// It resolves at once when no paint is coming yet (a hidden or
// prerendering document) or the browser has no paint timing, and after
// waitMs at most.
export function afterFirstPaint(waitMs = 1000) {
  return new Promise((resolve) => {
    const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
    if (document.visibilityState === 'hidden' || document.prerendering || painted()
      || typeof PerformanceObserver !== 'function' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      resolve();
      return;
    }
    let timer = 0;
    const observer = new PerformanceObserver(() => {
      if (!painted()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe({ type: 'paint' });
    timer = setTimeout(() => { observer.disconnect(); resolve(); }, waitMs);
  });
}

let releasing = false; // releaseFirstFrame has been called

// releaseFirstFrame takes index.html's data-first-frame away once the page
// is idle (style.css: until then the step cards' bodies are laid out only
// near the viewport, so the first frame and the signer's start do not wait
// for them). app.js calls it after the first live signature; the layout of
// every card then happens once, when nothing else waits.
export function releaseFirstFrame() {
  const root = document.documentElement;
  if (releasing || !root.hasAttribute('data-first-frame')) return;
  releasing = true;
  const go = () => root.removeAttribute('data-first-frame');
  if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 2000 });
  else setTimeout(go, 500);
}

// markLive records that what is on screen now came from the running signer.
export function markLive(ui) {
  delete ui.result.dataset.source;
}

// editedBeforeReady dims a generated result after an edit the signer has
// not signed yet and says the edit is kept.
export function editedBeforeReady(ui) {
  setStale([ui.result, ui.steps, ui.requestCard], true);
  setText(ui.status, text.editKept);
  ui.status.dataset.state = 'starting';
}

// startingNote puts the "signer is starting" note before the inputs
// (fields, the node that holds them) and returns a function that removes
// it; the inputs are marked aria-busy, described by the note, meanwhile.
export function startingNote(fields) {
  if (!fields || !fields.parentNode) return () => {};
  const note = el('p', { className: 'hint signer-starting', text: text.starting });
  note.id = 'signer-starting';
  note.dataset.testid = 'signer-starting';
  note.setAttribute('role', 'status');
  fields.before(note);
  fields.setAttribute('aria-busy', 'true');
  return () => {
    note.remove();
    fields.removeAttribute('aria-busy');
  };
}
