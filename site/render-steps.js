// render-steps.js: the step cards: the request card and one card per step
// of the signature, each kept as it is while what it shows has not changed.
//
// Owns: renderSteps (bringing the list of cards in line with the signer's
// steps: a card whose step is unchanged is kept, a changed one is rebuilt
// around the last card's tables, whose unchanged rows stay, and refills its
// value <pre>, its "as text" <details>, its Copy rows and the outputs
// list in place), renderRequest
// (the HTTP request before signing), each card's explanation, value, parts,
// notes and outputs, each long value cut with a note and Copy
// (render-values.js cutNote), and the memory of the last render's values
// (ctx.previous) that the "what changed" marks compare with.
// Must never: parse strings as HTML, call the signer, read inputs, log, or
// remember a secret step: only values the signer did not mark secret go into
// ctx.previous.

import { noteLabels } from './strings.js';
import { stepLabels, stepParts, stepTitles, steps as explanations } from './strings-steps.js';
import { el, testid, placeChildren } from './dom.js';
import { secretBlock, copyButton, diffNodes, escapes, cutAt, cutNote, markBudget, keptCopy, valueRow } from './render-values.js';
import { rowKey, collectedTable, encodedTable, sortedTable } from './render-tables.js';

const RFC_BASE = 'https://www.rfc-editor.org/rfc/rfc5849#section-';

function explanation(id, ctx) {
  const e = explanations[id];
  if (typeof e === 'string') return e;
  if (!e) return '';
  if (id === 'authorizationHeader') return e[ctx.transport] ?? e.header;
  return e[ctx.family] ?? '';
}

// title is the step's title in strings-steps.js's words, or the signer's
// for a step it does not list.
function title(step, ctx) {
  let t = stepTitles[step.id];
  if (t && typeof t === 'object') t = t[step.id === 'authorizationHeader' ? ctx.transport : ctx.family];
  if (typeof t === 'function') t = t(String(ctx.method ?? '').toUpperCase());
  return typeof t === 'string' ? t : String(step.title ?? step.id);
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
  // The request holds no secret: the credentials are not in it yet.
  pre.append(...diffNodes(old, text, ctx.highlight, { copy: stepLabels.requestTitle }));
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
// ctx: {family, method, transport, url, result, reveal: Set, onReveal, previous: Map,
//       highlight: boolean, idPrefix?: string}; idPrefix goes before every id
// the cards set, so two views' cards can share one document.
const fingerprints = new WeakMap(); // <li> → what it shows ([step, extra])
let idPrefix = ''; // ctx.idPrefix of the render under way (rendering is synchronous)
let reuseIn = null; // the card stepItem is filling again, whose value <pre>s valuePre reuses

export function renderSteps(list, steps, ctx) {
  idPrefix = typeof ctx.idPrefix === 'string' ? ctx.idPrefix : '';
  const current = new Map();
  for (const li of list.children) current.set(li.dataset.step, li);
  const byId = new Map(steps.map((s) => [s.id, s]));

  const next = steps.map((step) => {
    const fp = fingerprint(step, ctx);
    const old = current.get(step.id);
    if (old && same(fingerprints.get(old), fp)) {
      settle(old);
      return old;
    }
    const li = stepItem(step, byId, ctx, old);
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
  const extra = { f: ctx.family, t: ctx.transport, m: ctx.method };
  if (step.id === 'baseStringURI') extra.u = ctx.url;
  if (step.id === 'authorizationHeader') {
    const r = ctx.result;
    extra.o = [r.authorization, r.query, r.formBody, r.curl];
  }
  if (step.id === 'signature') extra.a = ctx.result.authorization;
  if (step.id === 'signingKey') extra.k = ctx.result.publicKey;
  return [step, extra];
}

// same compares two fingerprints, plain data from JSON.parse, value by
// value. Strings compare whole in one go: JSON.stringify of a 1 MB form
// body's steps (13 MB of text) took tens of ms a keystroke.
function same(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.hasOwn(b, k) || !same(a[k], b[k])) return false;
  return true;
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


// stepItem builds the card of step. old, the card the last render showed
// for the same step, is filled again in place: its tables stay in the page
// and keep their unchanged rows.
function stepItem(step, byId, ctx, old) {
  reuseIn = old ?? null;
  try {
    return fillStep(step, byId, ctx, old);
  } finally {
    reuseIn = null;
  }
}

function fillStep(step, byId, ctx, old) {
  const nodes = [];
  const add = (...n) => { nodes.push(...n); };
  // The heading and the explanation rarely change: the last card's stay.
  const heading = title(step, ctx);
  let head = old?.querySelector(':scope > .step-head');
  if (!head || head.dataset.title !== heading || head.dataset.rfc !== String(step.rfc ?? '')) {
    head = el('div', { className: 'step-head', dataset: { title: heading, rfc: String(step.rfc ?? '') } });
    head.append(el('h3', { className: 'step-title', text: heading }));
    if (step.rfc) head.append(rfcLink(step.rfc));
  }
  add(head);

  const text = explanation(step.id, ctx);
  if (text) {
    const was = old?.querySelector(':scope > .step-explain');
    add(was && was.textContent === text ? was : el('p', { className: 'step-explain', text }));
  }

  const value = typeof step.value === 'string' ? step.value : '';
  const prev = ctx.previous;
  const was = prev.get(`step:${step.id}`);
  const hl = ctx.highlight;
  // A secret step's value gets no Copy, in a cut note either.
  const cut = step.secret ? { secret: true } : { copy: title(step, ctx) };
  // The table of the same step last time, when it is not secret.
  const reuse = old && !step.secret ? old.querySelector(`[data-testid="${testid.stepParams(step.id)}"]`)?.closest('.table-wrap') : null;

  switch (step.id) {
    case 'parameters':
      add(collectedTable(step, prev.get('step:parameters:rows'), hl, reuse), asText(step.id, value, was, hl, cut));
      break;
    case 'encoded':
      add(encodedTable(step, byId.get('parameters'), prev.get('step:encoded:rows'), hl, reuse), asText(step.id, value, was, hl, cut));
      break;
    case 'sorted':
      add(sortedTable(step, byId.get('encoded'), prev.get('step:sorted:rows'), hl, reuse), asText(step.id, value, was, hl, cut));
      break;
    case 'parameterString':
      add(ampersandPre(step.id, value, was, hl, cut));
      break;
    case 'baseStringURI': {
      const url = String(ctx.url ?? '');
      const shown = cutAt(url);
      const typedUrl = el('span', { className: 'mono', text: shown < url.length ? url.slice(0, shown) : url });
      if (shown < url.length) typedUrl.append(cutNote(url, shown, { copy: stepLabels.youTyped }));
      const typed = el('p', { className: 'typed' }, [
        el('span', { className: 'typed-label', text: stepLabels.youTyped }), ' ', typedUrl,
      ]);
      add(typed, plainPre(step.id, value, was, hl, cut));
      break;
    }
    case 'signatureBaseString':
      add(...baseStringNodes(step, value, prev.get('step:signatureBaseString:parts'), hl, cut));
      break;
    case 'signingKey':
      if (step.secret) {
        add(secretBlock({
          key: 'step:signingKey', value, label: stepLabels.signingKeyName, testName: `step-${step.id}`,
          ctx, parts: step.parts, valueTestid: testid.stepValue(step.id),
        }));
      } else {
        const row = el('div', { className: 'value-row' }, [plainPre(step.id, value, was, hl, cut)]);
        if (ctx.result.publicKey) row.append(copyButton(ctx.result.publicKey, stepLabels.outputs.publicKey, 'publicKey'));
        add(row);
      }
      break;
    case 'signature':
      add(...signatureNodes(step, value, was, ctx));
      break;
    case 'authorizationHeader':
      add(...finalNodes(step, value, was, ctx));
      break;
    default:
      add(plainPre(step.id, value, was, hl, cut));
  }

  if (Array.isArray(step.notes) && step.notes.length > 0) {
    // Notes belong to the value; on the last card they go before the list
    // of the other transports.
    const outputs = nodes.findIndex((n) => n.classList?.contains('outputs'));
    if (outputs >= 0) nodes.splice(outputs, 0, notesList(step));
    else add(notesList(step));
  }
  if (old) {
    // The same node again, its kept table never leaving the page.
    old.className = 'step';
    placeChildren(old, nodes);
    return old;
  }
  const li = el('li', { className: 'step', dataset: { step: step.id, testid: testid.step(step.id) } });
  li.append(...nodes);
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

// valuePre is the <pre> of step id's value: the one the card being
// rebuilt (reuseIn) already has, emptied, or a new one. Filling the kept
// node again costs a few text nodes; a new one, its removal and insertion.
function valuePre(id) {
  const pid = `${idPrefix}value-${id}`;
  const kept = reuseIn?.querySelector(`[id="${pid}"]`);
  if (kept) {
    kept.className = 'value';
    kept.replaceChildren();
    return kept;
  }
  const pre = el('pre', { className: 'value', dataset: { testid: testid.stepValue(id), empty: stepLabels.empty } });
  pre.id = pid;
  return pre;
}

// plainPre shows a value, cut when long (o: cutNote's options).
function plainPre(id, value, old, hl, o = {}) {
  const pre = valuePre(id);
  pre.append(...diffNodes(old, value, hl, o));
  return pre;
}

// asText keeps the step's value as plain lines under the table, folded, for
// copying and for comparing with what another library prints.
function asText(id, value, old, hl, o) {
  const pre = plainPre(id, value, old, hl, o);
  // The rebuilt card's own <details> stays, around its refilled <pre>.
  const kept = pre.parentNode;
  if (kept && kept.classList?.contains('as-text')) return kept;
  const details = el('details', { className: 'as-text' });
  details.append(el('summary', { text: stepLabels.asText }), pre);
  return details;
}

// ampersandPre shows the parameter string with its & and escapes set
// apart (at most MARKS escapes), or, after an edit, with what changed
// marked.
function ampersandPre(id, value, old, hl, o) {
  const pre = valuePre(id);
  const marked = diffNodes(old, value, hl, o);
  if (marked.some((n) => n.nodeName === 'MARK')) {
    pre.append(...marked);
    return pre;
  }
  const cut = cutAt(value);
  const budget = markBudget();
  (cut < value.length ? value.slice(0, cut) : value).split('&').forEach((pair, i) => {
    if (i > 0) pre.append(el('span', { className: 'amp', text: '&' }));
    pre.append(escapes(pair, budget));
  });
  if (cut < value.length) pre.append(cutNote(value, cut, o));
  return pre;
}

function baseStringNodes(step, value, oldParts, hl, o) {
  const pre = valuePre(step.id);
  const parts = Array.isArray(step.parts) && step.parts.length === 3 && step.parts.join('&') === value
    ? step.parts
    : null;
  if (!parts) {
    pre.append(...diffNodes(undefined, value, false, o));
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
  // Each part is cut on its own (the parameter string is the long one);
  // a cut part's note offers the whole base string.
  let shown = 0; // characters of value shown before this part
  parts.forEach((part, i) => {
    if (i > 0) {
      pre.append(el('span', { className: 'amp', text: '&' }));
      shown += 1;
    }
    const span = el('span', { className: `part part-${names[i]}` });
    const nodes = diffNodes(oldParts ? oldParts[i] : undefined, part, hl);
    const cut = cutAt(part);
    if (cut < part.length) nodes[nodes.length - 1] = cutNote(value, shown + cut, o);
    shown += cut;
    span.append(...nodes);
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
  nodes.push(valueRow(plainPre(step.id, value, old, ctx.highlight, { beside: true }), value, stepLabels.signatureName, `step-${step.id}`));
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
      key: 'step:authorizationHeader', value, label: title(step, ctx), testName: `step-${step.id}`,
      ctx, valueTestid: testid.stepValue(step.id),
    }));
  } else {
    nodes.push(valueRow(plainPre(step.id, value, old, ctx.highlight, { beside: true }), value, title(step, ctx), `step-${step.id}`));
  }
  const r = ctx.result;
  const secret = ctx.family === 'plaintext';
  const chosen = { header: 'authorization', query: 'query', body: 'formBody' }[ctx.transport] ?? 'authorization';
  const items = ['authorization', 'query', 'formBody', 'curl']
    .filter((name) => name !== chosen)
    .map((name) => outputItem(name, r[name] ?? '', secret, ctx));
  // The rebuilt card's list stays when its heading and hint are the same.
  const key = `${secret}\u0000${chosen}`;
  let list = reuseIn?.querySelector('[data-testid="outputs"]');
  if (list && outputsKeys.get(list) === key) {
    placeChildren(list, [...[...list.children].filter((n) => !n.classList.contains('output-item')), ...items]);
  } else {
    list = el('div', { className: 'outputs', dataset: { testid: 'outputs' } });
    outputsKeys.set(list, key);
    list.append(el('h4', { className: 'outputs-heading', text: stepLabels.outputsHeading }));
    if (secret) list.append(el('p', { className: 'hint', text: stepLabels.secretOutput }));
    list.append(...items);
  }
  nodes.push(list);
  return nodes;
}

const outputsKeys = new WeakMap(); // .outputs list → what its heading and hint were built for

function outputItem(name, value, secret, ctx) {
  if (!secret && value !== '') {
    // The rebuilt card's item for name, when it shows a value with Copy:
    // its <pre> is filled again and its button copies the new value.
    const pre = reuseIn?.querySelector(`[data-testid="${testid.output(name)}"]`);
    const item = pre?.parentNode?.parentNode;
    if (pre && pre.className === 'value' && item?.dataset?.output === name && pre.parentNode.className === 'value-row'
        && keptCopy(pre.nextSibling, value, stepLabels.outputs[name], `output-${name}`)) {
      const old = ctx.previous.get(`output:${name}`);
      pre.replaceChildren(...diffNodes(old, value, ctx.highlight, { beside: true }));
      ctx.previous.set(`output:${name}`, value);
      return item;
    }
  }
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
  pre.append(...diffNodes(old, value, ctx.highlight, { beside: true }));
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

