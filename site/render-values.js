// render-values.js: how one value is shown: masked until revealed, with its
// copy button, with what changed since the last render marked, and with its
// percent-escapes set apart.
//
// Owns: secretBlock (a masked value and its reveal button), copyButton (the
// one copy button of the site, also behind share-panel.js's outputs),
// diffNodes (the "what changed" marks and the cut-off for huge values) and
// escapes.
// Must never: parse strings as HTML, read inputs, log, or put a secret into
// an attribute: a masked value lives only in a closure until the user reveals
// it, and copy buttons exist only for values that are not secret.

import { controls } from './strings.js';
import { stepParts } from './strings-steps.js';
import { el, testid } from './dom.js';

const MASK = '•'.repeat(24);

// secretBlock shows dots until the user asks. Only the revealed element
// carries valueTestid, so its textContent is always the real value. The value
// lives in this closure, never in an attribute. o: {key, value, label,
// testName, ctx, parts?, valueTestid?, className?}
export function secretBlock(o) {
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

// copyButton copies value (a string, or a function returning the string to
// copy when pressed) with the async clipboard API (not a network request;
// the CSP does not govern it) and says that clipboard history may keep it.
// An empty value copies nothing. Only ever called for values that are not
// secret.
export function copyButton(value, name, testName) {
  const wrap = el('span', { className: 'copy' });
  const button = el('button', { className: 'toggle copy-button', text: controls.copy, dataset: { testid: testid.copy(testName) } });
  button.type = 'button';
  button.setAttribute('aria-label', controls.copyLabel(name));
  const note = el('span', { className: 'copy-note', dataset: { testid: `${testid.copy(testName)}-note` } });
  note.setAttribute('role', 'status');
  let timer = 0;
  button.addEventListener('click', () => {
    const text = typeof value === 'function' ? value() : value;
    if (text === '') return;
    const done = (words) => {
      note.textContent = words;
      clearTimeout(timer);
      timer = setTimeout(() => { note.textContent = ''; }, 6000);
    };
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
      done(controls.copyFailed);
      return;
    }
    navigator.clipboard.writeText(text).then(() => done(controls.copied), () => done(controls.copyFailed));
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


// escapes shows %XX sequences a little apart, so encoding is easy to spot.
export function escapes(text) {
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

