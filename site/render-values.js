// render-values.js: how one value is shown: masked until revealed, with its
// copy button, with what changed since the last render marked, and with its
// percent-escapes set apart.
//
// Owns: secretBlock (a masked value and its reveal button), copyButton (the
// one copy button of the site, also behind share-panel.js's outputs; a
// re-sign keeps it with keptCopy and valueRow, pointed at the new value),
// diffNodes (the "what changed" marks), escapes, and how much of a long
// value is shown (cutAt, cutNote, cutCell, markBudget: the caps on text and
// on highlights per value, table and card).
// Must never: parse strings as HTML, read inputs, log, or put a secret into
// an attribute: a masked value lives only in a closure until the user reveals
// it, and copy buttons (and the WeakMap of what each copies) exist only for
// values that are not secret.

import { controls } from './strings.js';
import { stepParts, stepLabels } from './strings-steps.js';
import { el, testid } from './dom.js';

const MASK = '•'.repeat(24);

// secretBlock shows dots until the user asks. Only the revealed element
// carries valueTestid, so its textContent is always the real value. The value
// lives in this closure, never in an attribute. o: {key, value, label,
// testName, ctx, parts?, valueTestid?, className?}; the pre's id starts with
// ctx.idPrefix when given.
export function secretBlock(o) {
  const wrap = el('div', { className: `secret-value ${o.className ?? ''}`.trim() });
  const shown = el('div', { className: 'secret-shown' });
  const pre = el('pre', { className: 'value' });
  pre.id = `${o.ctx?.idPrefix ?? ''}secret-${o.testName}`;
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
      // Revealed, a long secret is cut like any value, with no Copy.
      const cut = cutAt(o.value);
      pre.replaceChildren(cut < o.value.length ? o.value.slice(0, cut) : o.value);
      if (cut < o.value.length) pre.append(cutNote(o.value, cut, { secret: true }));
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
const copyValues = new WeakMap(); // a copy button's <span> → what it copies (never a secret)
const copyNames = new WeakMap(); // that <span> → its name and test name

export function copyButton(value, name, testName) {
  const wrap = el('span', { className: 'copy' });
  copyValues.set(wrap, value);
  copyNames.set(wrap, `${name}\u0000${testName}`);
  const button = el('button', { className: 'toggle copy-button', text: controls.copy, dataset: { testid: testid.copy(testName) } });
  button.type = 'button';
  button.setAttribute('aria-label', controls.copyLabel(name));
  const note = el('span', { className: 'copy-note', dataset: { testid: `${testid.copy(testName)}-note` } });
  note.setAttribute('role', 'status');
  let timer = 0;
  button.addEventListener('click', () => {
    const v = copyValues.get(wrap);
    const text = typeof v === 'function' ? v() : v;
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

// keptCopy is node when it is a copyButton made with name and testName,
// which then copies value from now on; otherwise null. A re-sign keeps
// the button (and its focus) rather than building another.
export function keptCopy(node, value, name, testName) {
  if (!node || copyNames.get(node) !== `${name}\u0000${testName}`) return null;
  copyValues.set(node, value);
  return node;
}

// valueRow is pre in a .value-row with a Copy button for value (none when
// value is ''): the row pre is already in, with its button, when they fit,
// or a new one.
export function valueRow(pre, value, name, testName) {
  const row = pre.parentNode;
  if (row && row.className === 'value-row' && row.firstChild === pre) {
    const copy = pre.nextSibling;
    if (value === '' ? copy === null : copy !== null && copy.nextSibling === null && keptCopy(copy, value, name, testName)) return row;
  }
  const fresh = el('div', { className: 'value-row' }, [pre]);
  if (value !== '') fresh.append(copyButton(value, name, testName));
  return fresh;
}

// --------------------------------------------------------------- cutting

// How much of one value the page lays out. Up to TEXT_MAX characters a
// value is shown whole; a longer one shows its first TEXT_HEAD and a note
// that says what was cut and offers Copy for all of it. A table cell shows
// at most CELL_MAX. At most MARKS percent-escapes are set apart per value
// or table (markBudget). 1 MB of a%20b in a form body made ~420 000 nodes,
// one per escape, and a keystroke froze the tab for ~10 s; a megabyte on
// one line takes the browser tens of seconds to lay out (pre-wrap,
// overflow-wrap: anywhere).
export const TEXT_MAX = 20000;
export const TEXT_HEAD = 4000;
export const CELL_MAX = 500;
export const MARKS = 1000;

// markBudget is a fresh allowance of escape marks, shared by the values of
// one card or one table.
export function markBudget(n = MARKS) {
  return { left: n };
}

// cutAt is where to cut value to show about n characters: never inside a
// surrogate pair or a %XX escape. It returns value.length when value is
// at most max long.
export function cutAt(value, n = TEXT_HEAD, max = TEXT_MAX) {
  if (value.length <= max) return value.length;
  let k = n;
  const c = value.charCodeAt(k - 1);
  if (c >= 0xd800 && c <= 0xdbff) k--;
  const pct = value.lastIndexOf('%', k - 1);
  if (pct >= 0 && pct > k - 3) k = pct;
  return k;
}

// cutNote says that only the first shown characters of value are on
// screen. o.copy (a name for copyButton) adds a Copy button for the whole
// value, o.beside says the value's own Copy button copies all of it, and
// o.secret says nothing can be copied. Only ever given copy for a value
// that is not secret.
export function cutNote(value, shown, o = {}) {
  const note = el('span', {
    className: 'elided cut',
    dataset: { testid: 'cut', shown: String(shown), total: String(value.length) },
  });
  let words = stepLabels.cut(shown, value.length);
  if (o.secret) words += ` ${stepLabels.cutSecret}`;
  else if (o.copy) words += ` ${stepLabels.cutCopy}`;
  else if (o.beside) words += ` ${stepLabels.cutCopyBeside}`;
  note.append(el('span', { className: 'cut-words', text: ` … ${words}` }));
  if (o.copy && !o.secret) note.append(' ', copyButton(value, o.copy, 'cut'));
  return note;
}

// cutCell is a table cell's text: value, or its first CELL_MAX characters
// and a note with a Copy button for all of it. copyName: what the button
// copies, '' when value may be secret.
export function cutCell(value, copyName, budget) {
  const cut = cutAt(value, CELL_MAX, CELL_MAX);
  const frag = document.createDocumentFragment();
  const shown = cut < value.length ? value.slice(0, cut) : value;
  // Nothing at all for '', so [data-empty]:empty still matches.
  if (shown !== '') frag.append(budget ? escapes(shown, budget) : shown);
  if (cut < value.length) frag.append(cutNote(value, cut, copyName ? { copy: copyName } : {}));
  return frag;
}

// --------------------------------------------------------------- diffing

// diffNodes returns nodes for value with the part that differs from old
// wrapped in <mark class="delta">: the common prefix and suffix stay plain.
// Nothing is marked on the first render (old undefined) or when highlight
// is off. A value longer than TEXT_MAX shows its first characters (cutAt),
// marked the same way, and cutNote's words; o is cutNote's options. Up to
// the cut, the nodes' text joins to exactly value.
export function diffNodes(old, value, highlight, o = {}) {
  const cut = cutAt(value);
  const nodes = marked(old, value, highlight, cut);
  if (cut < value.length) nodes.push(cutNote(value, cut, o));
  return nodes;
}

function marked(old, value, highlight, cut) {
  const shown = cut < value.length ? value.slice(0, cut) : value;
  if (!highlight || old === undefined || old === value || value === '') return [document.createTextNode(shown)];
  const [start, stop] = diffRange(old, value, cut);
  const nodes = [];
  if (start > 0) nodes.push(document.createTextNode(shown.slice(0, start)));
  if (stop > start) nodes.push(el('mark', { className: 'delta', text: shown.slice(start, stop) }));
  if (stop < shown.length) nodes.push(document.createTextNode(shown.slice(Math.max(start, stop))));
  return nodes.length ? nodes : [document.createTextNode(shown)];
}

// diffRange is [start, stop): the part of value's first cut characters
// that is not in the common prefix and suffix of old and value. The cost
// stays in the shown part: the characters after the cut are compared as
// one string, never one by one.
function diffRange(old, value, cut) {
  const both = Math.min(old.length, value.length);
  const max = Math.min(both, cut);
  let start = 0;
  while (start < max && old[start] === value[start]) start++;
  if (start >= cut) return [cut, cut];
  const room = both - start;
  let end = 0;
  const tail = value.length - cut;
  if (tail > 0) {
    // The common suffix reaches into the shown part only if it holds all
    // of the cut-off tail.
    if (tail > room || old.slice(old.length - tail) !== value.slice(cut)) return [start, cut];
    end = tail;
  }
  while (end < room && old[old.length - 1 - end] === value[value.length - 1 - end]) end++;
  return [start, Math.min(value.length - end, cut)];
}

// escapes shows %XX sequences a little apart, so encoding is easy to spot,
// as long as budget (markBudget) lasts; the rest is plain text. Callers
// cut text first.
export function escapes(text, budget = markBudget()) {
  const frag = document.createDocumentFragment();
  let last = 0;
  if (budget.left > 0) {
    for (const m of text.matchAll(/%[0-9A-Fa-f]{2}/g)) {
      if (m.index > last) frag.append(text.slice(last, m.index));
      frag.append(el('span', { className: 'esc', text: m[0] }));
      last = m.index + m[0].length;
      if (--budget.left <= 0) break;
    }
  }
  if (last < text.length) frag.append(text.slice(last));
  return frag;
}
