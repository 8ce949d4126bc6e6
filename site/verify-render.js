// verify-render.js: the Verify view's findings, data → DOM.
//
// Owns: the diagnosis (the mistakes named, what the shapes tell), the base
// string diff and its differences, and the list of what was read from the
// pasted text, from oauth1.check's answer, which verify.js hands in.
// Must never: parse strings as HTML, call the signer, read inputs, log, or
// show a secret: a PLAINTEXT signature, which is the secrets, is not shown.

import { verify as text } from './strings-verify.js';
import { PUBLIC_FIELDS, FIELD } from './fields.js';
import { el } from './dom.js';

// renderDiagnosis shows in node the mistakes the diagnoses of model m name,
// once when the signature's and the base string's name the same ones.
export function renderDiagnosis(node, m) {
  const blocks = [];
  const sig = m.sigDiagnosis;
  const base = m.baseDiagnosis;
  if (sig && base && !base.correct && mistakeIds(sig) !== '' && mistakeIds(sig) === mistakeIds(base)) {
    // Both name the same mistake: say it once, with what both shapes show.
    const merged = { ...sig, tells: [...(sig.tells ?? []), ...(base.tells ?? [])] };
    blocks.push(diagnosisBlock(merged, 'both', text.diagnosis.fromBoth));
  } else {
    if (sig) blocks.push(diagnosisBlock(sig, 'signature', base ? text.diagnosis.fromSignature : ''));
    if (base) blocks.push(diagnosisBlock(base, 'baseString', sig ? text.diagnosis.fromBaseString : ''));
  }
  if (blocks.length === 0) {
    const right = m.verdict === 'valid';
    blocks.push(el('p', { className: right ? 'right' : 'idle', text: right ? text.diagnosis.right : text.diagnosis.idle, dataset: { testid: right ? 'diagnosis-right' : 'diagnosis-idle' } }));
  }
  node.replaceChildren(...blocks);
  node.dataset.matched = String([m.sigDiagnosis, m.baseDiagnosis].some((d) => d && d.matched));
}

function mistakeIds(d) {
  return (Array.isArray(d.mistakes) ? d.mistakes : []).map((mk) => mk.id).join(' ');
}

function diagnosisBlock(d, source, heading) {
  const block = el('div', { className: 'diagnosis-block', dataset: { testid: `diagnosis-${source}`, source } });
  if (heading) block.append(el('h4', { text: heading }));
  const mistakes = Array.isArray(d.mistakes) ? d.mistakes : [];
  if (d.correct) {
    block.append(el('p', { className: 'right', text: text.diagnosis.right, dataset: { testid: 'diagnosis-right' } }));
  } else if (mistakes.length) {
    block.append(el('p', { className: 'found', text: mistakes.length > 1 ? text.diagnosis.foundPair : text.diagnosis.found }));
    for (const mk of mistakes) {
      block.append(el('article', { className: 'mistake', dataset: { testid: 'diagnosis-mistake', mistake: String(mk.id ?? '') } }, [
        el('h5', { className: 'mistake-title', text: String(mk.title ?? '') }),
        el('p', { className: 'mistake-explanation', text: String(mk.explanation ?? '') }),
        el('p', { className: 'mistake-fix' }, [el('strong', { text: text.diagnosis.fix }), ' ', String(mk.fix ?? '')]),
      ]));
    }
  } else {
    block.append(el('p', { className: 'none', text: text.diagnosis.none, dataset: { testid: 'diagnosis-none' } }));
  }
  const tells = Array.isArray(d.tells) ? d.tells : [];
  if (tells.length) {
    block.append(
      el('p', { className: 'tells-label', text: text.diagnosis.tells }),
      el('ul', { className: 'tells', dataset: { testid: 'diagnosis-tells' } },
        tells.map((t) => el('li', { text: String(t.text ?? ''), dataset: { tell: String(t.id ?? '') } }))),
    );
  }
  return block;
}

// renderDiff shows in node the character-by-character comparison (the signer
// keeps a percent-escape whole, signer/diff.go diffUnits) of a base
// string diagnosis d, and the differences the signer named.
export function renderDiff(node, d) {
  const diff = d && d.diff;
  if (!diff || !Array.isArray(diff.ops)) {
    node.replaceChildren(el('p', { className: 'idle', text: text.diff.idle }));
    return;
  }
  const nodes = [];
  const differences = Array.isArray(diff.differences) ? diff.differences : [];
  const changed = diff.ops.some((op) => op.op !== 'same');
  if (!changed && differences.length === 0) {
    nodes.push(el('p', { className: 'right', text: text.diff.same, dataset: { testid: 'diff-same' } }));
  } else {
    nodes.push(el('p', { className: 'diff-legend' }, [
      text.diff.legend, ' ',
      el('ins', { className: 'diff-missing', text: text.diff.missing }), ' ',
      el('del', { className: 'diff-extra', text: text.diff.extra }),
    ]));
  }
  const pre = el('pre', { className: 'value diff-ops', dataset: { testid: 'diff-ops' } });
  for (const op of diff.ops) {
    const t = String(op.text ?? '');
    if (op.op === 'missing') pre.append(el('ins', { className: 'diff-missing', text: t, dataset: { op: 'missing' } }));
    else if (op.op === 'extra') pre.append(el('del', { className: 'diff-extra', text: t, dataset: { op: 'extra' } }));
    else pre.append(t);
  }
  nodes.push(pre);
  if (differences.length) {
    nodes.push(el('h4', { text: text.diff.differences }));
    nodes.push(el('ul', { className: 'differences', dataset: { testid: 'diff-differences' } }, differences.map(differenceItem)));
  }
  node.replaceChildren(...nodes);
}

function differenceItem(x) {
  const kind = String(x.kind ?? '');
  const li = el('li', { className: 'difference', dataset: { kind, testid: 'diff-difference' } }, [
    el('span', { className: `badge kind kind-${kind}`, text: text.diff.kinds[kind] ?? kind }), ' ',
    el('span', { text: String(x.text ?? '') }),
  ]);
  const pair = [];
  if (x.expected) pair.push(el('dt', { text: text.diff.expected }), el('dd', {}, [el('code', { className: 'mono', text: String(x.expected) })]));
  if (x.received) pair.push(el('dt', { text: text.diff.received }), el('dd', {}, [el('code', { className: 'mono', text: String(x.received) })]));
  if (pair.length) li.append(el('dl', { className: 'difference-values' }, pair));
  return li;
}

// renderRead lists in node what oauth1.check read (its read object), and in
// unparsedNode what it could not read or guessed. A PLAINTEXT signature is
// the secrets, so it is not shown: plaintext says one was sent.
export function renderRead(node, unparsedNode, parsed, plaintext) {
  if (!parsed) {
    node.replaceChildren();
    unparsedNode.replaceChildren();
    return;
  }
  const r = parsed.request ?? {};
  const f = text.read.fields;
  const rows = [[text.read.format, text.read.formats[parsed.format] ?? String(parsed.format ?? ''), 'format']];
  for (const name of PUBLIC_FIELDS) {
    if (FIELD[name].input !== 'text' && name !== 'version') continue; // the others follow, in words
    if (r[name]) rows.push([f[name], String(r[name]), name]);
  }
  if (r.bodyHash === true) rows.push([f.bodyHash, text.read.yes, 'bodyHash']);
  if (r.transport && parsed.format !== 'baseString') rows.push([f.transport, text.read.transports[r.transport] ?? r.transport, 'transport']);
  if (Array.isArray(r.params) && r.params.length) {
    rows.push([f.params, r.params.map((p) => `${p[0]}=${p[1]}${p[2] ? ` (${p[2]})` : ''}`).join('\n'), 'params']);
  }
  // A PLAINTEXT signature is the secrets: check leaves it out of what was
  // read, and plaintext says one was sent.
  if (plaintext) rows.push([f.signature, text.needs.plaintext, 'signature']);
  else if (parsed.signature) rows.push([f.signature, String(parsed.signature), 'signature']);
  const dl = el('dl', { className: 'read-list' });
  for (const [label, value, name] of rows) {
    dl.append(el('dt', { text: label }), el('dd', { className: name === 'format' ? '' : 'mono', text: value, dataset: { testid: `read-${name}` } }));
  }
  node.replaceChildren(dl);

  const unparsed = Array.isArray(parsed.unparsed) ? parsed.unparsed : [];
  unparsedNode.replaceChildren(...(unparsed.length
    ? [el('p', { className: 'label', text: text.read.unparsed }), el('ul', {}, unparsed.map((u) => el('li', { text: String(u) })))]
    : []));
}
