// render-tables.js: the three parameter tables of the step cards: the
// collected parameters, each one before and after encoding, and the sorted
// list with where each pair was collected.
//
// Owns: building those tables (at most TABLE_ROWS rows each, then an "and N
// more" row; each cell cut at CELL_MAX characters, at most MARKS escapes
// set apart per table), bringing last render's table up to date row by
// row, their explicit ARIA roles, marking the rows that are new since the
// last render, and rowKey, the identity of a row in that memory.
// Must never: parse strings as HTML, read inputs, log, or remember a row's
// values between renders itself (render-steps.js keeps that memory, never
// of a secret step; a kept <tr> is only ever a node of the page).

import { stepLabels, sources } from './strings-steps.js';
import { el, testid } from './dom.js';
import { cutAt, cutCell, markBudget, CELL_MAX, MARKS } from './render-values.js';

// rowKey is what identifies a parameter row when comparing with the last
// render.
export function rowKey(p) {
  return `${p.source}\u0000${p.name}\u0000${p.value}`;
}

function tableShell(step, caption, headings, reuse) {
  if (reuse) {
    // The same step's table from the last render: same caption and
    // headings, so only its rows are brought up to date.
    const table = reuse.querySelector('table');
    return { table, body: table.tBodies[0], wrap: reuse };
  }
  const table = el('table', { className: 'params', dataset: { testid: testid.stepParams(step.id) } });
  role(table, 'table');
  table.append(el('caption', { className: 'visually-hidden', text: caption }));
  const head = role(el('tr'), 'row');
  for (const h of headings) {
    const th = role(el('th', { text: h }), 'columnheader');
    th.scope = 'col';
    head.append(th);
  }
  table.append(role(el('thead', {}, [head]), 'rowgroup'));
  const body = role(el('tbody'), 'rowgroup');
  table.append(body);
  return { table, body, wrap: el('div', { className: 'table-wrap' }, [table]) };
}

// role spells out an element's role, so assistive technology keeps it
// when narrow screens lay the rows out as blocks (style.css).
function role(node, name) {
  node.setAttribute('role', name);
  return node;
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

// fillRows brings body's rows in line with specs ({print, build()}, one a
// row, print being everything the row shows): a row already in body with
// the same print is kept as it is (a keystroke in one value rebuilds one
// row, not the table), the others are built. fresh marks the rows new
// since the last render. Then the "and N more" row when there are more
// than TABLE_ROWS parameters.
const prints = new WeakMap(); // <tr> → its print

function fillRows(body, rowSpecs, fresh, total) {
  const specs = rowSpecs.slice();
  if (total > TABLE_ROWS) {
    specs.push({
      print: `more\u0000${total}`,
      build: () => {
        const td = el('td', { className: 'more-rows', text: stepLabels.moreRows(total - TABLE_ROWS) });
        td.colSpan = 4;
        return el('tr', {}, [td]);
      },
    });
  }
  // Most rows are where they were: those are matched by position, the
  // rest by print.
  const before = [...body.rows];
  const taken = new Set();
  const at = specs.map((spec, i) => {
    const tr = before[i];
    if (tr && prints.get(tr) === spec.print) {
      taken.add(tr);
      return tr;
    }
    return null;
  });
  let old = null;
  const rows = specs.map((spec, i) => {
    let tr = at[i];
    if (!tr) {
      if (old === null) {
        old = new Map();
        for (const r of before) {
          const k = prints.get(r);
          if (k !== undefined && !taken.has(r) && !old.has(k)) old.set(k, r);
        }
      }
      tr = old.get(spec.print);
      if (tr) old.delete(spec.print);
    }
    if (!tr) {
      tr = role(spec.build(), 'row');
      for (const td of tr.cells) role(td, 'cell');
      prints.set(tr, spec.print);
    }
    tr.classList.toggle('changed-row', fresh[i] === true);
    return tr;
  });
  // The rows that go are taken out first: left in place, each one stood
  // where the loop below compared, and every kept row after it was moved
  // (detached and attached again) to go before it. Rows that are already
  // in place stay where they are.
  const keep = new Set(rows);
  for (const tr of before) if (!keep.has(tr)) tr.remove();
  let ref = body.firstElementChild;
  for (const tr of rows) {
    if (tr === ref) ref = ref.nextElementSibling;
    else body.insertBefore(tr, ref);
  }
}

// allowances shares a table's escape marks (MARKS) among the values shown,
// in order, so a row's marks depend only on the rows above it and a kept
// row never holds more than its share.
function allowances(values) {
  let left = MARKS;
  return values.map((v) => {
    const n = Math.min(left, countEscapes(v));
    left -= n;
    return n;
  });
}

function countEscapes(text) {
  let n = 0;
  for (let i = text.indexOf('%'); i >= 0 && i < CELL_MAX; i = text.indexOf('%', i + 1)) {
    if (/^%[0-9A-Fa-f]{2}/.test(text.slice(i, i + 3))) n++;
  }
  return n;
}

function cell(text, className = 'mono') {
  const td = el('td', { className, dataset: { empty: stepLabels.empty } });
  td.append(cutCell(String(text ?? ''), stepLabels.wholeValue));
  return td;
}

// The tables are built only for steps that are not secret: cutCell's
// Copy button copies the whole value.
export function collectedTable(step, oldKeys, hl, reuse) {
  const { body, wrap } = tableShell(step, stepLabels.paramsCaption,
    [stepLabels.position, stepLabels.name, stepLabels.value, stepLabels.source], reuse);
  const fresh = newRows(step.params, oldKeys, hl);
  const specs = step.params.slice(0, TABLE_ROWS).map((p, i) => ({
    print: `${i}\u0000${rowKey(p)}`,
    build: () => el('tr', {}, [cell(i + 1, 'num'), cell(p.name), cell(p.value), el('td', {}, [sourceBadge(p.source)])]),
  }));
  fillRows(body, specs, fresh, step.params.length);
  return wrap;
}

export function encodedTable(step, collected, oldKeys, hl, reuse) {
  const { body, wrap } = tableShell(step, stepLabels.encodedCaption,
    [stepLabels.position, stepLabels.name, stepLabels.value, stepLabels.source], reuse);
  const raw = Array.isArray(collected?.params) ? collected.params : [];
  const fresh = newRows(step.params, oldKeys, hl);
  const shown = step.params.slice(0, TABLE_ROWS);
  const allow = allowances(shown.flatMap((p) => [String(p.name ?? ''), String(p.value ?? '')]));
  const specs = shown.map((p, i) => {
    const r = raw[i];
    const a = [allow[2 * i], allow[2 * i + 1]];
    return {
      print: `${i}\u0000${rowKey(p)}\u0000${r ? rowKey(r) : ''}\u0000${a}`,
      build: () => el('tr', {}, [
        cell(i + 1, 'num'),
        transformCell(r?.name, p.name, a[0]),
        transformCell(r?.value, p.value, a[1]),
        el('td', {}, [sourceBadge(p.source)]),
      ]),
    };
  });
  fillRows(body, specs, fresh, step.params.length);
  return wrap;
}

// transformCell shows raw → encoded when encoding changed something, with
// at most marks escapes set apart.
function transformCell(raw, encoded, marks) {
  const td = el('td', { className: 'mono' });
  const enc = el('span', { className: 'encoded', dataset: { empty: stepLabels.empty } },
    [cutCell(String(encoded ?? ''), stepLabels.wholeValue, markBudget(marks))]);
  if (raw !== undefined && raw !== encoded) {
    const r = el('span', { className: 'raw', dataset: { empty: stepLabels.empty } }, [cutCell(String(raw), stepLabels.wholeValue)]);
    td.append(r, el('span', { className: 'arrow', text: ' → ' }), enc);
  } else {
    td.append(enc);
  }
  return td;
}

export function sortedTable(step, encoded, oldKeys, hl, reuse) {
  const { body, wrap } = tableShell(step, stepLabels.sortedCaption,
    [stepLabels.position, stepLabels.name, stepLabels.value, stepLabels.collected], reuse);
  // Match each sorted pair to its position in the collected (encoded)
  // list: equal pairs in order of appearance.
  const positions = new Map();
  (Array.isArray(encoded?.params) ? encoded.params : []).forEach((q, j) => {
    const k = rowKey(q);
    if (!positions.has(k)) positions.set(k, []);
    positions.get(k).push(j);
  });
  const fresh = newRows(step.params, oldKeys, hl);
  const shown = step.params.slice(0, TABLE_ROWS);
  const allow = allowances(shown.flatMap((p) => [String(p.name ?? ''), String(p.value ?? '')]));
  const specs = shown.map((p, i) => {
    const queue = positions.get(rowKey(p));
    const from = queue && queue.length ? queue.shift() : -1;
    const name = String(p.name ?? '');
    const value = String(p.value ?? '');
    return {
      print: `${i}\u0000${rowKey(p)}\u0000${from}\u0000${allow[2 * i]},${allow[2 * i + 1]}`,
      build: () => el('tr', { dataset: { name: name.slice(0, cutAt(name, CELL_MAX, CELL_MAX)), value: value.slice(0, cutAt(value, CELL_MAX, CELL_MAX)) } }, [
        cell(i + 1, 'num'),
        el('td', { className: 'mono' }, [cutCell(name, stepLabels.wholeValue, markBudget(allow[2 * i]))]),
        el('td', { className: 'mono', dataset: { empty: stepLabels.empty } }, [cutCell(value, stepLabels.wholeValue, markBudget(allow[2 * i + 1]))]),
        el('td', {}, [el('span', { className: 'num', text: from >= 0 ? `#${from + 1}` : '' }), ' ', sourceBadge(p.source)]),
      ]),
    };
  });
  fillRows(body, specs, fresh, step.params.length);
  return wrap;
}
