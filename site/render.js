// render.js: pure data → DOM for a signing view (the full page's Sign view
// and the embed).
//
// Owns: the result area (signature, base string, Authorization header and
// the chosen transport's output), renderSigned (a good result: result area,
// request card, steps, preset check, status line and its warnings) and
// renderFieldError (a bad one), the inline field errors and the sentence an
// error is said in
// (errorSentence: the field's name from strings.js and the error's detail or
// its code's words, never the signer's message), and the comparison with a
// preset's published value. Step cards are render-steps.js's, tables
// render-tables.js's, single values render-values.js's.
// Must never: parse strings as HTML (no inner/outer HTML setters, no
// adjacent-HTML insertion, no document writes), call the signer, read an
// input, log, or put a secret into an attribute or into ctx.previous (the
// caller's memory of previous values, which never holds a secret).

import { status as statusText, errorNames, errorCodes, errors, warningWords } from './strings.js';
import { presetText } from './strings-sign.js';
import { stepLabels } from './strings-steps.js';
import { methodFamily } from './fields.js';
import { el, setText, setStale, addToken, removeToken, testid, placeChildren } from './dom.js';
import { secretBlock, diffNodes, valueRow } from './render-values.js';
import { renderRequest, renderSteps } from './render-steps.js';

// ---------------------------------------------------------------- result area

// renderResult fills the result area's slots from a good result.
// slots: {signature, baseString, authorization, chosen, chosenLabel, chosenItem}.
// ctx: {family, transport, reveal: Set, onReveal(key, on), previous: Map}.
export function renderResult(slots, result, ctx) {
  const secret = ctx.family === 'plaintext';
  const prev = ctx.previous;
  fillSlot(slots.signature, {
    name: 'signature', label: stepLabels.signatureName, value: result.signature ?? '', secret, ctx,
    old: prev.get('result:signature'), big: true,
  });
  fillSlot(slots.baseString, {
    name: 'baseString', label: stepLabels.baseStringName, value: result.baseString ?? '', secret: false, ctx,
    old: prev.get('result:baseString'),
  });
  fillSlot(slots.authorization, {
    name: 'authorization', label: stepLabels.outputs.authorization, value: result.authorization ?? '', secret, ctx,
    old: prev.get('result:authorization'),
  });
  const chosen = ctx.transport === 'query' ? 'query' : ctx.transport === 'body' ? 'formBody' : '';
  slots.chosenItem.hidden = chosen === '';
  if (chosen) {
    setText(slots.chosenLabel, stepLabels.outputs[chosen]);
    fillSlot(slots.chosen, {
      name: `result-${chosen}`, label: stepLabels.outputs[chosen], value: result[chosen] ?? '', secret, ctx,
      old: prev.get(`result:${chosen}`),
    });
  }
  if (!secret) {
    prev.set('result:signature', result.signature ?? '');
    prev.set('result:authorization', result.authorization ?? '');
    if (chosen) prev.set(`result:${chosen}`, result[chosen] ?? '');
  } else {
    for (const k of ['result:signature', 'result:authorization', 'result:query', 'result:formBody']) prev.delete(k);
  }
  prev.set('result:baseString', result.baseString ?? '');
}

function fillSlot(slot, o) {
  const nodes = o.secret
    ? [secretBlock({ key: `result:${o.name}`, value: o.value, label: o.label, testName: o.name, ctx: o.ctx, className: o.big ? 'big' : '' })]
    : valueWithCopy(slot, { value: o.value, old: o.old, testName: o.name, copyName: o.copyName ?? o.label, big: o.big, ctx: o.ctx });
  placeChildren(slot, nodes);
}

// valueWithCopy shows value in an <output> with its Copy button. The
// slot's own <output>, row and button are filled again when they are the
// same kind (a re-sign): only the text changes.
function valueWithCopy(slot, { value, old, testName, copyName, big, ctx }) {
  const className = `result-value mono${big ? ' big' : ''}`;
  const row = slot.firstChild;
  let out = row && row === slot.lastChild ? row.firstChild : null;
  if (out && out.className === className && out.dataset.testid === testName) {
    out.replaceChildren();
  } else {
    out = el('output', { className, dataset: { testid: testName, empty: stepLabels.empty } });
  }
  out.append(...diffNodes(old, value, ctx.highlight, { beside: value !== '' }));
  return [valueRow(out, value, copyName, testName)];
}

// ------------------------------------------------------- a signing view

// renderSigned shows a good result in a signing view (the full page's Sign
// view and the embed share it). ui: {slots, requestCard, steps, presetCheck,
// result, generalError, status}; view: the view's state {reveal: Set,
// previous: Map, rendered, preset, version}, whose rendered it sets.
export function renderSigned(ui, view, result, request) {
  const ctx = {
    family: methodFamily(request.signatureMethod),
    method: request.signatureMethod,
    transport: request.transport,
    url: request.url,
    result,
    reveal: view.reveal,
    onReveal: (key, on) => { if (on) view.reveal.add(key); else view.reveal.delete(key); },
    previous: view.previous,
    highlight: view.rendered,
  };
  renderResult(ui.slots, result, ctx);
  renderRequest(ui.requestCard, request, ctx);
  renderSteps(ui.steps, Array.isArray(result.steps) ? result.steps : [], ctx);
  renderPresetCheck(ui.presetCheck, view.preset, result);
  ui.result.hidden = false;
  view.rendered = true;

  showError(document, null, ui.generalError);
  setStale([ui.result, ui.steps, ui.requestCard], false);
  setText(ui.status, view.version ? statusText.readyVersion(view.version) : statusText.ready);
  ui.status.dataset.state = 'ok';
  ui.status.dataset.ready = 'true';
  renderSignWarnings(ui.status, result.warnings);
}

// renderSignWarnings shows, under the status line, what a server may
// refuse a signed request for (a timestamp that is not digits): the
// page's words for each warning id, then the signer's sentence.
function renderSignWarnings(status, warnings) {
  let node = status.nextElementSibling;
  if (!node || node.dataset.testid !== 'sign-warnings') {
    node = el('ul', { className: 'warnings', dataset: { testid: 'sign-warnings' } });
    status.after(node);
  }
  const list = Array.isArray(warnings) ? warnings : [];
  node.hidden = list.length === 0;
  if (list.length === 0 && node.childElementCount === 0) return; // nothing then, nothing now
  node.replaceChildren(...list.map((w) => el('li', { dataset: { warning: String(w.id ?? '') } }, [
    el('strong', { text: warningWords[w.id] ?? '' }), ' ', String(w.text ?? ''),
  ])));
}

// renderFieldError shows the signer's error ({field, code, detail}) at its
// field, keeping the last good result, dimmed, in a signing view. The
// status line asks for what the error's code needs. It returns the field.
export function renderFieldError(ui, view, error) {
  const field = typeof error.field === 'string' ? error.field : '';
  showError(document, { field, message: errorSentence(error) }, ui.generalError);
  if (view.rendered) setStale([ui.result, ui.steps, ui.requestCard], true);
  const words = codeWords(error).status;
  setText(ui.status, view.rendered ? statusText.fieldError(words) : statusText.fieldErrorNoResult(words));
  ui.status.dataset.state = 'invalid';
  return field;
}

// codeWords is strings.js's words for error's code, or the generic ones
// when the code is missing or unknown.
function codeWords(error) {
  const code = error && typeof error.code === 'string' ? error.code : '';
  return Object.hasOwn(errorCodes, code) ? errorCodes[code] : errors.unknownCode;
}

// errorSentence says error ({field, code, message, detail}) the page's
// way: the field's name (strings.js errorNames) and the error's detail
// ("The URL" + " " + "is empty"), or the code's words when it brings no
// detail. An error with no field the page can name gets generic. The
// signer's message is never read: the detail names fields, never values.
export function errorSentence(error, generic = errors.generic) {
  const field = error && typeof error.field === 'string' ? error.field : '';
  if (!Object.hasOwn(errorNames, field)) return generic;
  const detail = typeof error.detail === 'string' && error.detail.trim() !== '' ? error.detail.trim() : codeWords(error).detail;
  return `${errorNames[field]} ${detail}`;
}

// showError reconciles the inline error with error ({field, message}) or
// removes it when error is null. message is the page's own sentence
// (errorSentence); it goes next to the input whose id is error.field, or,
// if there is none, into fallback. Never echoes input values.
export function showError(doc, error, fallback) {
  const field = error ? String(error.field ?? '') : '';
  const message = error ? String(error.message ?? '') : '';
  const wantId = error ? testid.error(field || 'request') : null;

  for (const p of [...doc.querySelectorAll('.field-error')]) {
    if (p.dataset.testid === wantId && p.textContent === message) continue;
    detachError(doc, p);
  }
  if (!error) return;
  if (doc.querySelector(`.field-error[data-testid="${CSS.escape(wantId)}"]`)) return;

  const p = el('p', { className: 'field-error', text: message, dataset: { testid: wantId } });
  p.id = wantId;
  const input = field ? doc.getElementById(field) : null;
  const wrapper = input && input.closest('.field');
  if (wrapper && !wrapper.hidden) {
    wrapper.append(p);
    input.setAttribute('aria-invalid', 'true');
    addToken(input, 'aria-describedby', p.id);
  } else {
    fallback.append(p);
  }
}

function detachError(doc, p) {
  const input = doc.querySelector(`[aria-describedby~="${CSS.escape(p.id)}"]`);
  if (input) {
    input.removeAttribute('aria-invalid');
    removeToken(input, 'aria-describedby', p.id);
  }
  p.remove();
}
// ------------------------------------------------------- preset comparison

// renderPresetCheck compares result with what preset's source publishes and
// says so: "Published signature: … ✓ matches", or, where the source prints a
// wrong value, which one is wrong and which is right. node gets data-match.
const shownChecks = new WeakMap(); // node → the checks it shows

export function renderPresetCheck(node, preset, result) {
  const expect = preset && preset.expect ? preset.expect : {};
  const checks = [];
  const stepValue = (id) => {
    const s = Array.isArray(result.steps) ? result.steps.find((x) => x.id === id) : null;
    return s && typeof s.value === 'string' ? s.value : '';
  };
  if (expect.signature) {
    let label = presetText.published.signature;
    if (preset.computed) label = presetText.computed;
    if (preset.published && !preset.differsByDesign) label = presetText.right;
    checks.push({ label, want: [expect.signature], ok: result.signature === expect.signature, testName: 'signature' });
  } else if (Array.isArray(expect.fragments)) {
    const ps = stepValue('parameterString');
    checks.push({ label: presetText.published.fragments, want: expect.fragments, ok: expect.fragments.every((f) => ps.includes(f)), testName: 'fragments' });
  } else {
    if (expect.baseStringURI) {
      checks.push({ label: presetText.published.baseStringURI, want: [expect.baseStringURI], ok: stepValue('baseStringURI') === expect.baseStringURI, testName: 'baseStringURI' });
    }
    if (expect.bodyHash) {
      checks.push({ label: presetText.published.bodyHash, want: [expect.bodyHash], ok: result.bodyHash === expect.bodyHash, testName: 'bodyHash' });
    }
  }
  // The same checks as last time (most keystrokes): the lines stay.
  const key = JSON.stringify([preset?.published ?? '', preset?.differsByDesign ?? false, checks]);
  // Clear empties the node and a stale verdict has other words (form.js
  // markVerdictStale): then it is built again.
  if (shownChecks.get(node) === key && (checks.length === 0 || node.firstChild) && !node.dataset.stale) return;
  shownChecks.set(node, key);
  if (checks.length === 0) {
    node.replaceChildren();
    node.hidden = true;
    delete node.dataset.match;
    return;
  }
  const lines = [];
  if (preset.published) {
    const text = preset.differsByDesign ? presetText.byDesign(preset.published) : presetText.wrong(preset.published);
    lines.push(el('p', { className: 'check-wrong', text, dataset: { testid: 'preset-published-wrong' } }));
  }
  for (const c of checks) {
    const p = el('p', { className: `check ${c.ok ? 'ok' : 'bad'}`, dataset: { testid: `preset-check-${c.testName}`, match: String(c.ok) } });
    p.append(el('span', { className: 'check-label', text: c.label }), ' ');
    c.want.forEach((w, i) => {
      if (i > 0) p.append(' ');
      p.append(el('code', { className: 'mono', text: w }));
    });
    p.append(' ', el('strong', { className: 'verdict', text: c.ok ? presetText.matches : presetText.differs }));
    lines.push(p);
  }
  node.replaceChildren(...lines);
  node.hidden = false;
  node.dataset.match = String(checks.every((c) => c.ok));
}
