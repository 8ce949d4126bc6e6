// render-tables.js: the three parameter tables of the step cards: the
// collected parameters, each one before and after encoding, and the sorted
// list with where each pair was collected.
//
// Owns: building those tables (at most TABLE_ROWS rows each, then an "and N
// more" row), their explicit ARIA roles, marking the rows that are new since
// the last render, and rowKey, the identity of a row in that memory.
// Must never: parse strings as HTML, read inputs, log, or hold a row between
// renders itself (render-steps.js keeps the memory, and never of a secret
// step).

import { stepLabels, sources } from './strings-steps.js';
import { el, testid } from './dom.js';
import { escapes } from './render-values.js';

// rowKey is what identifies a parameter row when comparing with the last
// render.
export function rowKey(p) {
  return `${p.source}\u0000${p.name}\u0000${p.value}`;
}

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

export function collectedTable(step, oldKeys, hl) {
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

export function encodedTable(step, collected, oldKeys, hl) {
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

export function sortedTable(step, encoded, oldKeys, hl) {
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

