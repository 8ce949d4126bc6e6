// render.js: pure data → DOM.
//
// Owns: turning signer results into nodes (the result area, the request card,
// one card per step, the output list, inline field errors, the stale/dimmed
// state), the "what changed" highlights, masked values with their reveal
// buttons, copy buttons, and the data-testid names that tests use.
// Must never: parse strings as HTML (no inner/outer HTML setters, no
// adjacent-HTML insertion, no document writes): text goes in with textContent,
// createElement and replaceChildren only, so a Trusted Types CSP can forbid
// every HTML sink. Never calls the signer, reads inputs, logs, or puts a
// secret into an attribute: a masked value lives only in a closure until the
// user reveals it, and copy buttons exist only for values that are not secret.
// The caller keeps the memory of previous values (ctx.previous) and never
// gives it a secret one.

import {
  stepLabels, stepParts, sources, steps as explanations, controls, noteLabels, presetText,
  status as statusText, errorNames,
} from './strings.js';

// The data-testid names tests rely on. index.html spells the static ones out.
export const testid = Object.freeze({
  warning: 'warning',
  status: 'status',
  steps: 'steps',
  signature: 'signature',
  baseString: 'baseString',
  authorization: 'authorization',
  preset: 'preset',
  presetCheck: 'preset-check',
  input: (field) => `input-${field}`,
  toggle: (field) => `toggle-${field}`,
  error: (field) => `error-${field}`,
  realWarning: (field) => `real-warning-${field}`,
  step: (id) => `step-${id}`,
  stepValue: (id) => `step-${id}-value`,
  stepParams: (id) => `step-${id}-params`,
  stepParts: (id) => `step-${id}-parts`,
  stepNotes: (id) => `step-${id}-notes`,
  masked: (name) => `${name}-masked`,
  reveal: (name) => `${name}-reveal`,
  copy: (name) => `copy-${name}`,
  output: (name) => `output-${name}`,
});

const RFC_BASE = 'https://www.rfc-editor.org/rfc/rfc5849#section-';
const MASK = '•'.repeat(24);

// fillText sets the textContent of every [data-text="a.b.c"] element under
// root from the nested dictionary dict. Keys that do not name a string are
// left alone.
export function fillText(root, dict) {
  for (const node of root.querySelectorAll('[data-text]')) {
    const value = node.dataset.text.split('.').reduce((o, k) => (o == null ? undefined : o[k]), dict);
    if (typeof value === 'string') node.textContent = value;
  }
}

// methodFamily groups the seven signature methods by how they sign.
export function methodFamily(method) {
  if (typeof method === 'string' && method.startsWith('RSA-')) return 'rsa';
  if (method === 'PLAINTEXT') return 'plaintext';
  return 'hmac';
}

function explanation(id, ctx) {
  const e = explanations[id];
  if (typeof e === 'string') return e;
  if (!e) return '';
  if (id === 'authorizationHeader') return e[ctx.transport] ?? e.header;
  return e[ctx.family] ?? '';
}

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
    : valueWithCopy({ value: o.value, old: o.old, testName: o.name, copyName: o.copyName ?? o.label, big: o.big, ctx: o.ctx });
  slot.replaceChildren(...nodes);
}

function valueWithCopy({ value, old, testName, copyName, big, ctx }) {
  const out = el('output', { className: `result-value mono${big ? ' big' : ''}`, dataset: { testid: testName, empty: stepLabels.empty } });
  out.append(...diffNodes(old, value, ctx.highlight));
  const row = el('div', { className: 'value-row' }, [out]);
  if (value !== '') row.append(copyButton(value, copyName, testName));
  return [row];
}

// ------------------------------------------------------- a signing view

// renderSigned shows a good result in a signing view (the full page's Sign
// view and the embed share it). ui: {slots, requestCard, steps, presetCheck,
// result, generalError, status}; view: the view's state {reveal: Set,
// previous: Map, rendered, preset, version}, whose rendered it sets.
export function renderSigned(ui, view, result, request) {
  const ctx = {
    family: methodFamily(request.signatureMethod),
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
}

// renderFieldError shows the signer's {field, message} error at its field,
// keeping the last good result, dimmed, in a signing view.
export function renderFieldError(ui, view, error) {
  const field = String(error.field ?? '');
  let message = String(error.message ?? '');
  // The signer starts its message with the field's API name ("url is ...");
  // say it the way the page labels it.
  if (field && errorNames[field] && message.startsWith(`${field} `)) {
    message = `${errorNames[field]} ${message.slice(field.length + 1)}`;
  }
  showError(document, { field, message }, ui.generalError);
  if (view.rendered) setStale([ui.result, ui.steps, ui.requestCard], true);
  setText(ui.status, view.rendered ? statusText.fieldError : statusText.fieldErrorNoResult);
  ui.status.dataset.state = 'invalid';
  return field;
}

// setFieldValue sets an input's value; a select gets the value as an extra
// option when it has none like it (an imported or shared method, say).
export function setFieldValue(input, value) {
  if (input instanceof HTMLSelectElement && ![...input.options].some((o) => o.value === value)) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    input.append(option);
  }
  input.value = value;
}

// updateMethodFields shows the inputs only RSA methods use
// ([data-rsa-only]) or only the others use ([data-hmac-only]), after the
// #signatureMethod select.
export function updateMethodFields() {
  const rsa = methodFamily(document.getElementById('signatureMethod').value) === 'rsa';
  for (const node of document.querySelectorAll('[data-rsa-only]')) node.hidden = !rsa;
  for (const node of document.querySelectorAll('[data-hmac-only]')) node.hidden = rsa;
}

// ------------------------------------------------------------- request card

// renderRequest shows the raw HTTP request the inputs describe, before
// signing. request: the fields as sent to the signer.
export function renderRequest(container, request, ctx) {
  const text = httpRequestText(request);
  if (text === null) return;
  const old = ctx.previous.get('request');
  if (old === text && container.firstElementChild) {
    settle(container.firstElementChild);
    return;
  }
  const pre = el('pre', { className: 'value', dataset: { testid: testid.stepValue('request') } });
  pre.append(...diffNodes(old, text, ctx.highlight));
  const card = el('div', { className: `step request-card${old !== undefined && ctx.highlight ? ' changed' : ''}`, dataset: { testid: testid.step('request') } });
  card.append(
    el('div', { className: 'step-head' }, [el('h3', { className: 'step-title', text: stepLabels.requestTitle })]),
    el('p', { className: 'step-explain', text: explanations.request }),
    pre,
  );
  container.replaceChildren(card);
  ctx.previous.set('request', text);
}

// httpRequestText writes the request line, Host and Content-Type, and the
// body, as they would go over the wire before the OAuth parameters are
// added. It returns null for a URL it cannot split.
export function httpRequestText(r) {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]*)([^?#]*)(\?[^#]*)?/.exec(String(r.url ?? '').trim());
  if (!m) return null;
  const path = (m[3] || '/') + (m[4] ?? '');
  const lines = [`${String(r.method || 'GET').toUpperCase()} ${path} HTTP/1.1`, `Host: ${m[2]}`];
  if (r.contentType) lines.push(`Content-Type: ${r.contentType}`);
  return r.body ? `${lines.join('\n')}\n\n${r.body}` : lines.join('\n');
}

// ------------------------------------------------------------------ steps

// renderSteps brings list (the <ol>) in line with steps, in the order given.
// Cards whose content has not changed are kept as they are, so selection,
// focus and reveal state inside them survive a re-sign; rebuilt cards are
// marked .changed and their changed text wrapped in <mark class="delta">.
// ctx: {family, transport, url, result, reveal: Set, onReveal, previous: Map,
//       highlight: boolean}
const fingerprints = new WeakMap(); // <li> → what it shows

export function renderSteps(list, steps, ctx) {
  const current = new Map();
  for (const li of list.children) current.set(li.dataset.step, li);
  const byId = new Map(steps.map((s) => [s.id, s]));

  const next = steps.map((step) => {
    const fp = fingerprint(step, ctx);
    const old = current.get(step.id);
    if (old && fingerprints.get(old) === fp) {
      settle(old);
      return old;
    }
    const li = stepItem(step, byId, ctx);
    if (old && ctx.highlight) li.classList.add('changed');
    fingerprints.set(li, fp);
    return li;
  });

  const keep = new Set(next);
  for (const li of [...list.children]) if (!keep.has(li)) li.remove();
  let ref = list.firstElementChild;
  for (const node of next) {
    if (node === ref) {
      ref = ref.nextElementSibling;
    } else {
      list.insertBefore(node, ref);
    }
  }
  remember(steps, ctx.previous);
}

// settle takes the "what changed" marks off a card that did not change this
// time, so a highlight always means the last edit.
function settle(node) {
  node.classList.remove('changed');
  for (const tr of node.querySelectorAll('tr.changed-row')) tr.classList.remove('changed-row');
  const marks = node.querySelectorAll('mark.delta');
  for (const m of marks) m.replaceWith(m.textContent);
  if (marks.length) node.normalize();
}

function fingerprint(step, ctx) {
  const extra = { f: ctx.family, t: ctx.transport };
  if (step.id === 'baseStringURI') extra.u = ctx.url;
  if (step.id === 'authorizationHeader') {
    const r = ctx.result;
    extra.o = [r.authorization, r.query, r.formBody, r.curl];
  }
  if (step.id === 'signature') extra.a = ctx.result.authorization;
  if (step.id === 'signingKey') extra.k = ctx.result.publicKey;
  return stableJSON([step, extra]);
}

// stableJSON is JSON.stringify with object keys sorted: the signer's objects
// come from Go maps, whose key order differs from call to call.
function stableJSON(value) {
  return JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}

// remember stores what the next render compares with. Secret steps are not
// remembered: the memory must never hold a secret.
function remember(steps, previous) {
  for (const step of steps) {
    const key = `step:${step.id}`;
    if (step.secret) {
      previous.delete(key);
      continue;
    }
    previous.set(key, typeof step.value === 'string' ? step.value : '');
    if (Array.isArray(step.params)) previous.set(`${key}:rows`, step.params.map(rowKey));
    if (Array.isArray(step.parts)) previous.set(`${key}:parts`, step.parts.slice());
  }
}

function rowKey(p) {
  return `${p.source}\u0000${p.name}\u0000${p.value}`;
}

function stepItem(step, byId, ctx) {
  const li = el('li', { className: 'step', dataset: { step: step.id, testid: testid.step(step.id) } });
  const head = el('div', { className: 'step-head' });
  head.append(el('h3', { className: 'step-title', text: step.title ?? step.id }));
  if (step.rfc) head.append(rfcLink(step.rfc));
  li.append(head);

  const text = explanation(step.id, ctx);
  if (text) li.append(el('p', { className: 'step-explain', text }));

  const value = typeof step.value === 'string' ? step.value : '';
  const prev = ctx.previous;
  const old = prev.get(`step:${step.id}`);
  const hl = ctx.highlight;

  switch (step.id) {
    case 'parameters':
      li.append(collectedTable(step, prev.get('step:parameters:rows'), hl), asText(step.id, value, old, hl));
      break;
    case 'encoded':
      li.append(encodedTable(step, byId.get('parameters'), prev.get('step:encoded:rows'), hl), asText(step.id, value, old, hl));
      break;
    case 'sorted':
      li.append(sortedTable(step, byId.get('encoded'), prev.get('step:sorted:rows'), hl), asText(step.id, value, old, hl));
      break;
    case 'parameterString':
      li.append(ampersandPre(step.id, value, old, hl));
      break;
    case 'baseStringURI': {
      const typed = el('p', { className: 'typed' }, [
        el('span', { className: 'typed-label', text: stepLabels.youTyped }), ' ',
        el('span', { className: 'mono', text: ctx.url }),
      ]);
      li.append(typed, plainPre(step.id, value, old, hl));
      break;
    }
    case 'signatureBaseString':
      li.append(...baseStringNodes(step, value, prev.get('step:signatureBaseString:parts'), hl));
      break;
    case 'signingKey':
      if (step.secret) {
        li.append(secretBlock({
          key: 'step:signingKey', value, label: stepLabels.signingKeyName, testName: `step-${step.id}`,
          ctx, parts: step.parts, valueTestid: testid.stepValue(step.id),
        }));
      } else {
        const row = el('div', { className: 'value-row' }, [plainPre(step.id, value, old, hl)]);
        if (ctx.result.publicKey) row.append(copyButton(ctx.result.publicKey, stepLabels.outputs.publicKey, 'publicKey'));
        li.append(row);
      }
      break;
    case 'signature':
      li.append(...signatureNodes(step, value, old, ctx));
      break;
    case 'authorizationHeader':
      li.append(...finalNodes(step, value, old, ctx));
      break;
    default:
      li.append(plainPre(step.id, value, old, hl));
  }

  if (Array.isArray(step.notes) && step.notes.length > 0) {
    // Notes belong to the value; on the last card they go before the list
    // of the other transports.
    const outputs = li.querySelector('.outputs');
    if (outputs) outputs.before(notesList(step));
    else li.append(notesList(step));
  }
  return li;
}

function rfcLink(section) {
  const a = el('a', { className: 'rfc', text: stepLabels.rfc(section) });
  a.href = RFC_BASE + encodeURIComponent(section);
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.title = stepLabels.rfcTitle;
  return a;
}

function valuePre(id) {
  const pre = el('pre', { className: 'value', dataset: { testid: testid.stepValue(id), empty: stepLabels.empty } });
  pre.id = `value-${id}`;
  return pre;
}

function plainPre(id, value, old, hl) {
  const pre = valuePre(id);
  pre.append(...diffNodes(old, value, hl));
  return pre;
}

// asText keeps the step's value as plain lines under the table, folded, for
// copying and for comparing with what another library prints.
function asText(id, value, old, hl) {
  const details = el('details', { className: 'as-text' });
  details.append(el('summary', { text: stepLabels.asText }), plainPre(id, value, old, hl));
  return details;
}

function ampersandPre(id, value, old, hl) {
  const pre = valuePre(id);
  const marked = diffNodes(old, value, hl);
  if (marked.length > 1) {
    pre.append(...marked);
    return pre;
  }
  value.split('&').forEach((pair, i) => {
    if (i > 0) pre.append(el('span', { className: 'amp', text: '&' }));
    pre.append(escapes(pair));
  });
  return pre;
}

// escapes shows %XX sequences a little apart, so encoding is easy to spot.
function escapes(text) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(/%[0-9A-Fa-f]{2}/g)) {
    if (m.index > last) frag.append(text.slice(last, m.index));
    frag.append(el('span', { className: 'esc', text: m[0] }));
    last = m.index + m[0].length;
  }
  if (last < text.length) frag.append(text.slice(last));
  return frag;
}

function baseStringNodes(step, value, oldParts, hl) {
  const pre = valuePre(step.id);
  const parts = Array.isArray(step.parts) && step.parts.length === 3 && step.parts.join('&') === value
    ? step.parts
    : null;
  if (!parts) {
    pre.textContent = value;
    return [pre];
  }
  const legend = el('p', { className: 'parts-legend', dataset: { testid: testid.stepParts(step.id) } });
  legend.append(
    el('span', { text: stepParts.legend }), ' ',
    el('span', { className: 'part part-method', text: stepParts.method }), ' ',
    el('span', { className: 'part part-uri', text: stepParts.uri }), ' ',
    el('span', { className: 'part part-params', text: stepParts.params }),
  );
  pre.classList.add('parts');
  const names = ['method', 'uri', 'params'];
  parts.forEach((part, i) => {
    if (i > 0) pre.append(el('span', { className: 'amp', text: '&' }));
    const span = el('span', { className: `part part-${names[i]}` });
    span.append(...diffNodes(oldParts ? oldParts[i] : undefined, part, hl));
    pre.append(span);
  });
  return [legend, pre];
}

function signatureNodes(step, value, old, ctx) {
  const nodes = [];
  if (step.secret) {
    nodes.push(secretBlock({
      key: 'step:signature', value, label: stepLabels.signatureName, testName: `step-${step.id}`,
      ctx, valueTestid: testid.stepValue(step.id),
    }));
    return nodes;
  }
  const row = el('div', { className: 'value-row' }, [plainPre(step.id, value, old, ctx.highlight)]);
  if (value) row.append(copyButton(value, stepLabels.signatureName, `step-${step.id}`));
  nodes.push(row);
  const m = /oauth_signature="([^"]*)"/.exec(ctx.result.authorization ?? '');
  if (m) {
    const enc = el('p', { className: 'sub-value' }, [
      el('span', { className: 'sub-label', text: stepLabels.percentEncoded }), ' ',
      el('code', { className: 'mono', dataset: { testid: 'step-signature-encoded' } }, [escapes(m[1])]),
    ]);
    nodes.push(enc);
  }
  return nodes;
}

function finalNodes(step, value, old, ctx) {
  const nodes = [];
  if (step.secret) {
    nodes.push(secretBlock({
      key: 'step:authorizationHeader', value, label: step.title ?? '', testName: `step-${step.id}`,
      ctx, valueTestid: testid.stepValue(step.id),
    }));
  } else {
    const row = el('div', { className: 'value-row' }, [plainPre(step.id, value, old, ctx.highlight)]);
    if (value) row.append(copyButton(value, step.title ?? '', `step-${step.id}`));
    nodes.push(row);
  }
  const r = ctx.result;
  const secret = ctx.family === 'plaintext';
  const chosen = { header: 'authorization', query: 'query', body: 'formBody' }[ctx.transport] ?? 'authorization';
  const list = el('div', { className: 'outputs', dataset: { testid: 'outputs' } });
  list.append(el('h4', { className: 'outputs-heading', text: stepLabels.outputsHeading }));
  if (secret) list.append(el('p', { className: 'hint', text: stepLabels.secretOutput }));
  for (const name of ['authorization', 'query', 'formBody', 'curl']) {
    if (name !== chosen) list.append(outputItem(name, r[name] ?? '', secret, ctx));
  }
  nodes.push(list);
  return nodes;
}

function outputItem(name, value, secret, ctx) {
  const item = el('div', { className: 'output-item', dataset: { output: name } });
  item.append(el('h5', { className: 'output-label', text: stepLabels.outputs[name] }));
  if (value === '') {
    item.append(el('p', { className: 'hint', text: stepLabels.noFormBody, dataset: { testid: testid.output(name) } }));
    return item;
  }
  if (secret) {
    item.append(secretBlock({ key: `output:${name}`, value, label: stepLabels.outputs[name], testName: `output-${name}`, ctx, valueTestid: testid.output(name) }));
    return item;
  }
  const old = ctx.previous.get(`output:${name}`);
  const pre = el('pre', { className: 'value', dataset: { testid: testid.output(name) } });
  pre.append(...diffNodes(old, value, ctx.highlight));
  item.append(el('div', { className: 'value-row' }, [pre, copyButton(value, stepLabels.outputs[name], `output-${name}`)]));
  ctx.previous.set(`output:${name}`, value);
  return item;
}

function notesList(step) {
  const ul = el('ul', { className: 'notes', dataset: { testid: testid.stepNotes(step.id) } });
  ul.setAttribute('aria-label', stepLabels.notes);
  for (const note of step.notes) {
    const text = typeof note === 'string' ? note : String(note?.text ?? '');
    const id = note && typeof note.id === 'string' ? note.id : '';
    const li = el('li');
    if (id) {
      li.dataset.note = id;
      if (noteLabels[id]) li.append(el('strong', { className: 'note-label', text: noteLabels[id] }), ' ');
    }
    li.append(text);
    ul.append(li);
  }
  return ul;
}

// ----------------------------------------------------------- params tables

function tableShell(step, caption, headings) {
  const table = el('table', { className: 'params', dataset: { testid: testid.stepParams(step.id) } });
  table.append(el('caption', { className: 'visually-hidden', text: caption }));
  const head = el('tr');
  for (const h of headings) {
    const th = el('th', { text: h });
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead', {}, [head]));
  const body = el('tbody');
  table.append(body);
  return { table, body, wrap: el('div', { className: 'table-wrap' }, [table]) };
}

// tableRoles spells out the table's roles, so assistive technology keeps
// them when narrow screens lay the rows out as blocks (style.css).
function tableRoles(wrap) {
  const roles = { TABLE: 'table', THEAD: 'rowgroup', TBODY: 'rowgroup', TR: 'row', TH: 'columnheader', TD: 'cell' };
  for (const node of wrap.querySelectorAll('table, thead, tbody, tr, th, td')) node.setAttribute('role', roles[node.tagName]);
  return wrap;
}

// newRows says, for each row, whether it was not in the previous list.
function newRows(rows, oldKeys, hl) {
  if (!hl || !Array.isArray(oldKeys)) return rows.map(() => false);
  const left = new Map();
  for (const k of oldKeys) left.set(k, (left.get(k) ?? 0) + 1);
  return rows.map((p) => {
    const k = rowKey(p);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      return false;
    }
    return true;
  });
}

function sourceBadge(source) {
  const s = String(source ?? '');
  return el('span', { className: `source source-${s}`, text: sources[s] ?? s });
}

// A table shows at most TABLE_ROWS rows: building and laying out three
// tables of 1 000 rows took over 100 ms a keystroke (make bench), and the
// "as text" view under each table keeps every row.
const TABLE_ROWS = 200;

// moreRows appends the "and N more" row when params has more than
// TABLE_ROWS.
function moreRows(body, params) {
  if (params.length <= TABLE_ROWS) return;
  const td = el('td', { className: 'more-rows', text: stepLabels.moreRows(params.length - TABLE_ROWS) });
  td.colSpan = 4;
  body.append(el('tr', {}, [td]));
}

function cell(text, className = 'mono') {
  return el('td', { className, text: String(text ?? ''), dataset: { empty: stepLabels.empty } });
}

function collectedTable(step, oldKeys, hl) {
  const { body, wrap } = tableShell(step, stepLabels.paramsCaption,
    [stepLabels.position, stepLabels.name, stepLabels.value, stepLabels.source]);
  const fresh = newRows(step.params, oldKeys, hl);
  step.params.slice(0, TABLE_ROWS).forEach((p, i) => {
    const tr = el('tr', {}, [cell(i + 1, 'num'), cell(p.name), cell(p.value), el('td', {}, [sourceBadge(p.source)])]);
    if (fresh[i]) tr.classList.add('changed-row');
    body.append(tr);
  });
  moreRows(body, step.params);
  return tableRoles(wrap);
}

function encodedTable(step, collected, oldKeys, hl) {
  const { body, wrap } = tableShell(step, stepLabels.encodedCaption,
    [stepLabels.position, stepLabels.name, stepLabels.value, stepLabels.source]);
  const raw = Array.isArray(collected?.params) ? collected.params : [];
  const fresh = newRows(step.params, oldKeys, hl);
  step.params.slice(0, TABLE_ROWS).forEach((p, i) => {
    const r = raw[i];
    const tr = el('tr', {}, [
      cell(i + 1, 'num'),
      transformCell(r?.name, p.name),
      transformCell(r?.value, p.value),
      el('td', {}, [sourceBadge(p.source)]),
    ]);
    if (fresh[i]) tr.classList.add('changed-row');
    body.append(tr);
  });
  moreRows(body, step.params);
  return tableRoles(wrap);
}

// transformCell shows raw → encoded when encoding changed something.
function transformCell(raw, encoded) {
  const td = el('td', { className: 'mono' });
  const enc = el('span', { className: 'encoded', dataset: { empty: stepLabels.empty } }, [escapes(String(encoded ?? ''))]);
  if (raw !== undefined && raw !== encoded) {
    td.append(
      el('span', { className: 'raw', text: String(raw), dataset: { empty: stepLabels.empty } }),
      el('span', { className: 'arrow', text: ' → ' }),
      enc,
    );
  } else {
    td.append(enc);
  }
  return td;
}

function sortedTable(step, encoded, oldKeys, hl) {
  const { body, wrap } = tableShell(step, stepLabels.sortedCaption,
    [stepLabels.position, stepLabels.name, stepLabels.value, stepLabels.collected]);
  // Match each sorted pair to its position in the collected (encoded)
  // list: equal pairs in order of appearance.
  const positions = new Map();
  (Array.isArray(encoded?.params) ? encoded.params : []).forEach((q, j) => {
    const k = rowKey(q);
    if (!positions.has(k)) positions.set(k, []);
    positions.get(k).push(j);
  });
  const fresh = newRows(step.params, oldKeys, hl);
  step.params.slice(0, TABLE_ROWS).forEach((p, i) => {
    const queue = positions.get(rowKey(p));
    const from = queue && queue.length ? queue.shift() : -1;
    const tr = el('tr', { dataset: { name: p.name, value: p.value } }, [
      cell(i + 1, 'num'),
      el('td', { className: 'mono' }, [escapes(String(p.name ?? ''))]),
      el('td', { className: 'mono', dataset: { empty: stepLabels.empty } }, [escapes(String(p.value ?? ''))]),
      el('td', {}, [el('span', { className: 'num', text: from >= 0 ? `#${from + 1}` : '' }), ' ', sourceBadge(p.source)]),
    ]);
    if (fresh[i]) tr.classList.add('changed-row');
    body.append(tr);
  });
  moreRows(body, step.params);
  return tableRoles(wrap);
}

// ------------------------------------------------------ masking and copying

// secretBlock shows dots until the user asks. Only the revealed element
// carries valueTestid, so its textContent is always the real value. The value
// lives in this closure, never in an attribute. o: {key, value, label,
// testName, ctx, parts?, valueTestid?, className?}
function secretBlock(o) {
  const wrap = el('div', { className: `secret-value ${o.className ?? ''}`.trim() });
  const shown = el('div', { className: 'secret-shown' });
  const pre = el('pre', { className: 'value' });
  pre.id = `secret-${o.testName}`;
  const button = el('button', { className: 'toggle', dataset: { testid: testid.reveal(o.testName) } });
  button.type = 'button';
  button.setAttribute('aria-controls', pre.id);
  const valueTestid = o.valueTestid ?? o.testName;

  const show = (revealed) => {
    pre.classList.toggle('masked', !revealed);
    pre.dataset.testid = revealed ? valueTestid : testid.masked(o.testName);
    if (!revealed) {
      pre.textContent = MASK;
      shown.replaceChildren(pre);
    } else if (Array.isArray(o.parts) && o.parts.length === 2 && o.parts.join('&') === o.value) {
      pre.replaceChildren(
        el('span', { className: 'part part-method', text: o.parts[0] }),
        el('span', { className: 'amp', text: '&' }),
        el('span', { className: 'part part-params', text: o.parts[1] }),
      );
      const legend = el('p', { className: 'parts-legend' }, [
        el('span', { text: stepParts.keyLegend }), ' ',
        el('span', { className: 'part part-method', text: stepParts.consumerSecret }), ' ',
        el('span', { className: 'part part-params', text: stepParts.tokenSecret }),
      ]);
      shown.replaceChildren(legend, pre);
    } else {
      pre.textContent = o.value;
      shown.replaceChildren(pre);
    }
    button.textContent = revealed ? controls.conceal : controls.reveal;
    button.setAttribute('aria-label', revealed ? controls.concealLabel(o.label) : controls.revealLabel(o.label));
    button.setAttribute('aria-expanded', String(revealed));
  };
  let revealed = o.ctx.reveal.has(o.key);
  show(revealed);
  button.addEventListener('click', () => {
    revealed = !revealed;
    show(revealed);
    o.ctx.onReveal(o.key, revealed);
  });
  wrap.append(shown, button);
  return wrap;
}

// copyButton copies value with the async clipboard API (not a network
// request; the CSP does not govern it) and says that clipboard history may
// keep it. Only ever called for values that are not secret.
function copyButton(value, name, testName) {
  const wrap = el('span', { className: 'copy' });
  const button = el('button', { className: 'toggle copy-button', text: controls.copy, dataset: { testid: testid.copy(testName) } });
  button.type = 'button';
  button.setAttribute('aria-label', controls.copyLabel(name));
  const note = el('span', { className: 'copy-note', dataset: { testid: `${testid.copy(testName)}-note` } });
  note.setAttribute('role', 'status');
  let timer = 0;
  button.addEventListener('click', () => {
    const done = (text) => {
      note.textContent = text;
      clearTimeout(timer);
      timer = setTimeout(() => { note.textContent = ''; }, 6000);
    };
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
      done(controls.copyFailed);
      return;
    }
    navigator.clipboard.writeText(value).then(() => done(controls.copied), () => done(controls.copyFailed));
  });
  wrap.append(button, note);
  return wrap;
}

// --------------------------------------------------------------- diffing

// Values longer than SHOWN_MAX characters show only their first SHOWN_HEAD.
const SHOWN_MAX = 20000;
const SHOWN_HEAD = 4000;

// diffNodes returns text nodes for value with the part that differs from old
// wrapped in <mark class="delta">: the common prefix and suffix stay plain.
// Nothing is marked on the first render (old undefined) or when highlight is
// off. The nodes' text always joins to exactly value.
export function diffNodes(old, value, highlight) {
  if (value.length > SHOWN_MAX) {
    // A megabyte on one line takes the browser tens of seconds to lay out
    // (pre-wrap, overflow-wrap: anywhere), so show the start and say so.
    return [
      document.createTextNode(value.slice(0, SHOWN_HEAD)),
      el('span', { className: 'elided', text: controls.elided(value.length - SHOWN_HEAD) }),
    ];
  }
  if (!highlight || old === undefined || old === value || value === '') return [document.createTextNode(value)];
  let start = 0;
  const max = Math.min(old.length, value.length);
  while (start < max && old[start] === value[start]) start++;
  let end = 0;
  while (end < max - start && old[old.length - 1 - end] === value[value.length - 1 - end]) end++;
  const nodes = [];
  if (start > 0) nodes.push(document.createTextNode(value.slice(0, start)));
  const middle = value.slice(start, value.length - end);
  if (middle !== '') nodes.push(el('mark', { className: 'delta', text: middle }));
  if (end > 0) nodes.push(document.createTextNode(value.slice(value.length - end)));
  return nodes.length ? nodes : [document.createTextNode(value)];
}

// ------------------------------------------------------------ misc helpers

// setStale dims (or undims) the last good output while the inputs are invalid.
export function setStale(elements, stale) {
  for (const node of elements) node.classList.toggle('stale', stale);
}

// showError reconciles the inline error with error ({field, message}) or
// removes it when error is null. The message goes next to the input whose id
// is error.field; if there is none, into fallback. Never echoes input values:
// the message comes from the signer, which names fields, not values.
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

export function addToken(node, attr, token) {
  const tokens = (node.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  node.setAttribute(attr, tokens.join(' '));
}

export function removeToken(node, attr, token) {
  const tokens = (node.getAttribute(attr) ?? '').split(/\s+/).filter((t) => t && t !== token);
  if (tokens.length) node.setAttribute(attr, tokens.join(' '));
  else node.removeAttribute(attr);
}

// setText writes text only when it differs, so live regions stay quiet.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.dataset) Object.assign(node.dataset, props.dataset);
  if (children.length) node.append(...children);
  return node;
}

// ------------------------------------------------------- preset comparison

// renderPresetCheck compares result with what preset's source publishes and
// says so: "Published signature: … ✓ matches", or, where the source prints a
// wrong value, which one is wrong and which is right. node gets data-match.
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
