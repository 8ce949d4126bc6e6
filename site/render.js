// render.js: pure data → DOM.
//
// Owns: turning signer results into nodes (the steps list, the result area,
// inline field errors, the stale/dimmed state) and the data-testid names that
// tests use to find them.
// Must never: parse strings as HTML (no inner/outer HTML setters, no
// adjacent-HTML insertion, no document writes): text goes in with textContent,
// createElement and replaceChildren only, so a Trusted Types CSP can forbid
// every HTML sink. Never calls the signer, reads inputs, keeps state beyond the
// nodes it builds, or puts a secret into an attribute.

import { stepLabels, stepParts, sources, steps as explanations, controls } from './strings.js';

// The data-testid names tests rely on. index.html spells the static ones out.
export const testid = Object.freeze({
  warning: 'warning',
  status: 'status',
  steps: 'steps',
  signature: 'signature',
  baseString: 'baseString',
  authorization: 'authorization',
  preset: 'preset',
  input: (field) => `input-${field}`,
  toggle: (field) => `toggle-${field}`,
  error: (field) => `error-${field}`,
  step: (id) => `step-${id}`,
  stepValue: (id) => `step-${id}-value`,
  stepMasked: (id) => `step-${id}-masked`,
  stepReveal: (id) => `step-${id}-reveal`,
  stepParams: (id) => `step-${id}-params`,
  stepParts: (id) => `step-${id}-parts`,
  stepNotes: (id) => `step-${id}-notes`,
});

const RFC_BASE = 'https://www.rfc-editor.org/rfc/rfc5849#section-';
const MASK = '•'.repeat(24);

// fillText sets the textContent of every [data-text="a.b.c"] element under
// root from the nested dictionary dict. Keys that do not name a string are
// left alone.
export function fillText(root, dict) {
  for (const el of root.querySelectorAll('[data-text]')) {
    const value = el.dataset.text.split('.').reduce((o, k) => (o == null ? undefined : o[k]), dict);
    if (typeof value === 'string') el.textContent = value;
  }
}

// renderSteps brings list (the <ol>) in line with steps, in the order given.
// Items whose step data has not changed are kept as they are, so selection
// and focus inside them survive a re-sign.
// opts: { revealed: boolean, onRevealChange(revealed: boolean) }
const fingerprints = new WeakMap(); // <li> → JSON of the step it shows

export function renderSteps(list, steps, opts) {
  const current = new Map();
  for (const li of list.children) current.set(li.dataset.step, li);

  const next = steps.map((step) => {
    const fp = JSON.stringify(step);
    const old = current.get(step.id);
    if (old && fingerprints.get(old) === fp) return old;
    const li = stepItem(step, opts);
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
}

function stepItem(step, opts) {
  const li = el('li', { className: 'step', dataset: { step: step.id, testid: testid.step(step.id) } });

  const head = el('div', { className: 'step-head' });
  head.append(el('h3', { className: 'step-title', text: step.title ?? step.id }));
  if (step.rfc) head.append(rfcLink(step.rfc));
  li.append(head);

  const explanation = explanations[step.id];
  if (explanation) li.append(el('p', { className: 'step-explain', text: explanation }));

  if (Array.isArray(step.params)) li.append(paramsTable(step));

  const value = typeof step.value === 'string' ? step.value : '';
  const parts = Array.isArray(step.parts) && step.parts.length === 3 && step.parts.join('&') === value
    ? step.parts
    : null;
  if (parts) li.append(partsLegend(step.id));

  if (step.secret) {
    li.append(secretValue(step, value, opts));
  } else {
    const pre = valuePre(step.id);
    if (parts) {
      pre.classList.add('parts');
      pre.append(
        el('span', { className: 'part part-method', text: parts[0] }),
        el('span', { className: 'amp', text: '&' }),
        el('span', { className: 'part part-uri', text: parts[1] }),
        el('span', { className: 'amp', text: '&' }),
        el('span', { className: 'part part-params', text: parts[2] }),
      );
    } else {
      pre.textContent = value;
    }
    li.append(pre);
  }

  if (Array.isArray(step.notes) && step.notes.length > 0) {
    const ul = el('ul', { className: 'notes', dataset: { testid: testid.stepNotes(step.id) } });
    ul.setAttribute('aria-label', stepLabels.notes);
    for (const note of step.notes) {
      // A note is a sentence, or {id, text} where id names the normalisation.
      const li = el('li', { text: typeof note === 'string' ? note : String(note?.text ?? '') });
      if (note && typeof note.id === 'string') li.dataset.note = note.id;
      ul.append(li);
    }
    li.append(ul);
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
  const pre = el('pre', { className: 'value', dataset: { testid: testid.stepValue(id) } });
  pre.id = `value-${id}`;
  pre.dataset.empty = stepLabels.empty; // shown by CSS when the value is empty
  return pre;
}

// secretValue shows dots until the user asks. Only the revealed <pre> carries
// the step-<id>-value test id, so its textContent is always the real value.
// The value lives in this closure, never in an attribute.
function secretValue(step, value, opts) {
  const wrap = el('div', { className: 'secret-value' });
  const pre = valuePre(step.id);
  const button = el('button', { className: 'toggle', dataset: { testid: testid.stepReveal(step.id) } });
  button.type = 'button';
  button.setAttribute('aria-controls', pre.id);

  const show = (revealed) => {
    pre.textContent = revealed ? value : MASK;
    pre.classList.toggle('masked', !revealed);
    if (revealed) {
      pre.dataset.testid = testid.stepValue(step.id);
    } else {
      pre.dataset.testid = testid.stepMasked(step.id);
    }
    button.textContent = revealed ? controls.conceal : controls.reveal;
    button.setAttribute('aria-label', revealed ? controls.concealLabel : controls.revealLabel);
  };
  let revealed = Boolean(opts && opts.revealed);
  show(revealed);
  button.addEventListener('click', () => {
    revealed = !revealed;
    show(revealed);
    if (opts && typeof opts.onRevealChange === 'function') opts.onRevealChange(revealed);
  });

  wrap.append(pre, button);
  return wrap;
}

function paramsTable(step) {
  const table = el('table', { className: 'params', dataset: { testid: testid.stepParams(step.id) } });
  table.append(el('caption', { className: 'visually-hidden', text: stepLabels.paramsCaption }));
  const head = el('tr');
  for (const h of [stepLabels.name, stepLabels.value, stepLabels.source]) {
    const th = el('th', { text: h });
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead', {}, [head]));
  const body = el('tbody');
  for (const p of step.params) {
    const source = String(p.source ?? '');
    body.append(el('tr', {}, [
      el('td', { className: 'mono', text: String(p.name ?? ''), dataset: { empty: stepLabels.empty } }),
      el('td', { className: 'mono', text: String(p.value ?? ''), dataset: { empty: stepLabels.empty } }),
      el('td', {}, [el('span', { className: `source source-${source}`, text: sources[source] ?? source })]),
    ]));
  }
  table.append(body);
  const scroller = el('div', { className: 'table-wrap' }, [table]);
  return scroller;
}

function partsLegend(id) {
  const p = el('p', { className: 'parts-legend', dataset: { testid: testid.stepParts(id) } });
  p.append(
    el('span', { text: stepParts.legend }), ' ',
    el('span', { className: 'part part-method', text: stepParts.method }), ' ',
    el('span', { className: 'part part-uri', text: stepParts.uri }), ' ',
    el('span', { className: 'part part-params', text: stepParts.params }),
  );
  return p;
}

// renderResult fills the result area. outputs: {signature, baseString, authorization}.
export function renderResult(outputs, result) {
  setText(outputs.signature, result.signature ?? '');
  setText(outputs.baseString, result.baseString ?? '');
  setText(outputs.authorization, result.authorization ?? '');
}

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
  if (wrapper) {
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

function addToken(node, attr, token) {
  const tokens = (node.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  node.setAttribute(attr, tokens.join(' '));
}

function removeToken(node, attr, token) {
  const tokens = (node.getAttribute(attr) ?? '').split(/\s+/).filter((t) => t && t !== token);
  if (tokens.length) node.setAttribute(attr, tokens.join(' '));
  else node.removeAttribute(attr);
}

// setText writes text only when it differs, so live regions stay quiet.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.dataset) Object.assign(node.dataset, props.dataset);
  if (children.length) node.append(...children);
  return node;
}
