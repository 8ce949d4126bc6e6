// tokens-render.js: data → DOM for the Tokens view: the legs stepper, the
// table of what changes from leg to leg, the provider's raw answer and what
// it means, the credentials issued so far, and what Verify says about a
// refused request.
//
// Owns: legNodes (the nodes a leg is drawn into), renderLegs,
// renderChanges, renderAnswer, renderIssued, renderVerifySummary.
// Must never: call the signer or the provider, read an input, log, store,
// parse strings as HTML, or show an issued secret unmasked before the user
// asks: token secrets, verifiers, bearer tokens and any answer body that
// holds one go through render-values.js's secretBlock (the value lives in
// its closure, never in an attribute), and no copy button holds one.

import { tokens as text } from './strings-tokens.js';
import { el } from './dom.js';
import { secretBlock } from './render-values.js';
import { answerText, problemOf, formValues, header, STATUS_TEXT } from './tokens-legs.js';

// legNodes builds the nodes tokens-flow.js draws a leg into (the stepper,
// the leg's title, explanation, changes, request, cards, the provider's
// answer, what Verify says, the next step), with issued, the list of
// credentials, which the caller places. The Tokens view and a Tokens
// embed (embed-tokens.js) both use it.
export function legNodes(issued) {
  const nodes = {
    legs: el('ol', { className: 'tokens-legs', dataset: { testid: 'tokens-legs' } }),
    title: el('h2', { dataset: { testid: 'tokens-leg-title' } }),
    intro: el('p', { className: 'step-explain', dataset: { testid: 'tokens-leg-intro' } }),
    changes: el('div', { className: 'tokens-changes-wrap', dataset: { testid: 'tokens-changes' } }),
    body: el('div', { className: 'tokens-body', dataset: { testid: 'tokens-leg-body' } }),
    steps: el('ol', { className: 'steps', dataset: { testid: 'tokens-steps' } }),
    answer: el('div', { className: 'tokens-answer', dataset: { testid: 'tokens-answer' } }),
    verify: el('div', { className: 'tokens-verify', dataset: { testid: 'tokens-verify' } }),
    next: el('div', { className: 'tokens-next' }),
    issued,
  };
  nodes.legs.setAttribute('aria-label', text.legsLabel);
  nodes.steps.setAttribute('translate', 'no');
  nodes.body.setAttribute('translate', 'no');
  return nodes;
}

// renderLegs draws the stepper: a button per leg of flow, data-state done,
// current or todo; pick(leg) runs when a done or current leg is chosen.
export function renderLegs(list, legs, { current, done, started }, pick) {
  list.replaceChildren(...legs.map((leg) => {
    const state = done.has(leg) ? 'done' : leg === current ? 'current' : 'todo';
    const button = el('button', { className: 'tokens-leg', text: text.legs[leg].name, dataset: { testid: `tokens-leg-${leg}`, state } });
    button.type = 'button';
    button.disabled = !started || state === 'todo';
    if (leg === current) button.setAttribute('aria-current', 'step');
    button.addEventListener('click', () => pick(leg));
    return el('li', {}, [button]);
  }));
}

// renderChanges is the table of what each signed leg sends: its token, its
// signing key (by name, never by value), oauth_callback, oauth_verifier;
// the column of leg is marked.
export function renderChanges(node, leg) {
  const legs = Object.keys(text.changes.values);
  if (!legs.includes(leg)) {
    node.replaceChildren();
    node.hidden = true;
    return;
  }
  const head = el('tr', {}, [el('th', { text: text.changes.row }), ...legs.map((l) => {
    const th = el('th', { text: text.legs[l].name, className: l === leg ? 'current' : '' });
    th.scope = 'col';
    return th;
  })]);
  const rows = ['token', 'key', 'callback', 'verifier'].map((row) => {
    const th = el('th', { text: text.changes[row] });
    th.scope = 'row';
    return el('tr', { dataset: { row } }, [th, ...legs.map((l) => el('td', {
      className: `mono${l === leg ? ' current' : ''}`, text: text.changes.values[l][row],
    }))]);
  });
  node.replaceChildren(
    el('h4', { text: text.changes.heading }),
    el('table', { className: 'tokens-changes', dataset: { testid: 'tokens-changes-table', leg } }, [el('thead', {}, [head]), el('tbody', {}, rows)]),
  );
  node.hidden = false;
}

// renderAnswer shows the provider's answer { status, headers, body } raw
// (masked when secret is set: the body holds a token secret or a bearer
// token) and what it means: explain (our sentence for this leg's success)
// or, for a refusal, the OAuth Problem Reporting problem in our words.
// refusal, when given, is what a refusal means on this leg (one that is
// expected). ctx: { reveal, onReveal }. It returns the problem read, or null.
export function renderAnswer(node, answer, { explain, refusal, secret, ctx }) {
  const raw = answerText(answer, STATUS_TEXT[answer.status] ?? '');
  const ok = answer.status >= 200 && answer.status < 400;
  const problem = ok ? null : problemOf(answer);
  const nodes = [
    el('h3', { text: text.answer.heading }),
    el('p', { className: `tokens-status-line ${ok ? 'ok' : 'bad'}`, dataset: { testid: 'tokens-answer-status', status: String(answer.status) } }, [
      el('strong', { text: `${answer.status} ${STATUS_TEXT[answer.status] ?? ''}`.trim() }), ' ',
      ok ? text.explain.ok : text.explain.refused,
    ]),
    el('h4', { text: text.answer.raw }),
  ];
  if (secret) {
    nodes.push(el('p', { className: 'hint', text: text.answer.secretBody }));
    nodes.push(secretBlock({ key: 'tokens:answer', value: raw, label: text.answer.raw, testName: 'tokens-answer-raw', ctx }));
  } else {
    nodes.push(el('pre', { className: 'value mono', text: raw, dataset: { testid: 'tokens-answer-raw' } }));
  }
  const fields = answerFields(answer, ctx);
  if (fields) nodes.push(el('h4', { text: text.answer.fields }), fields);
  nodes.push(el('h4', { text: text.answer.explained }));
  let words = explain;
  if (!ok) words = refusal ?? (problem ? problemWords(problem) : text.problems.unknown);
  const p = el('p', { className: 'tokens-explain', text: words, dataset: { testid: 'tokens-answer-explain' } });
  if (problem) p.dataset.problem = problem.problem;
  nodes.push(p);
  node.replaceChildren(...nodes);
  node.hidden = false;
  return problem;
}

// SECRET_FIELDS are the body fields that hold a credential's secret half.
const SECRET_FIELDS = new Set(['oauth_token_secret', 'access_token']);

// answerFields lists the fields of a form-encoded answer body, decoded
// (debug_sbs as the base string it is), secret ones masked; null for any
// other body.
function answerFields(answer, ctx) {
  if (!/application\/x-www-form-urlencoded/i.test(header(answer.headers, 'Content-Type'))) return null;
  const values = formValues(answer.body);
  if (values.size === 0) return null;
  const rows = [];
  for (const [name, value] of values) {
    const dd = el('dd');
    if (SECRET_FIELDS.has(name)) dd.append(secretBlock({ key: `tokens:field:${name}`, value, label: name, testName: `tokens-field-${name}`, ctx }));
    else dd.append(el('code', { className: 'mono', text: value, dataset: { testid: `tokens-field-${name}` } }));
    rows.push(el('dt', { className: 'mono', text: name }), dd);
  }
  return el('dl', { className: 'tokens-issued-list', dataset: { testid: 'tokens-answer-fields' } }, rows);
}

function problemWords(problem) {
  if (problem.problem && Object.hasOwn(text.problems, problem.problem)) return text.problems[problem.problem];
  return text.problems.unknown;
}

// ISSUED lists the credentials the view shows, in the order they appear:
// [name, label key, secret].
const ISSUED = [
  ['requestToken', 'requestToken', true],
  ['requestTokenSecret', 'requestTokenSecret', true],
  ['callbackConfirmed', 'callbackConfirmed', false],
  ['verifier', 'verifier', true],
  ['accessToken', 'accessToken', true],
  ['accessTokenSecret', 'accessTokenSecret', true],
  ['user', 'user', false],
  ['bearer', 'bearer', true],
];

// renderIssued lists the credentials issued so far, each secret masked
// (reveal toggle); issued: { requestToken, …, screenName, userId }.
export function renderIssued(node, issued, ctx) {
  const rows = [];
  for (const [name, label, secret] of ISSUED) {
    let value = issued[name] ?? '';
    if (name === 'user') value = issued.screenName ? `@${issued.screenName} (user_id ${issued.userId ?? ''})` : '';
    if (value === '') continue;
    const dd = el('dd');
    if (secret) dd.append(secretBlock({ key: `tokens:issued:${name}`, value, label: text.issued[label], testName: `tokens-issued-${name}`, ctx }));
    else dd.append(el('span', { className: 'mono', text: value, dataset: { testid: `tokens-issued-${name}` } }));
    rows.push(el('dt', { text: text.issued[label] }), dd);
  }
  node.replaceChildren(
    el('h3', { text: text.issued.heading }),
    el('p', { className: 'hint', text: text.issued.hint }),
    rows.length ? el('dl', { className: 'tokens-issued-list' }, rows) : el('p', { className: 'hint', text: text.issued.none }),
  );
}

// renderVerifySummary says what Verify (oauth1.check, given the request
// that was sent and the secrets the provider holds) says about it: the
// verdict, the first mistake it names, its warnings. checked may be null
// (the check could not run). open() fills the Verify view.
export function renderVerifySummary(node, checked, open) {
  const nodes = [el('h4', { text: text.breakIt.verifyHeading })];
  const verdict = checked && checked.ok ? checked.verdict : 'unknown';
  const words = verdict === 'valid' ? text.breakIt.verifyValid : verdict === 'invalid' ? text.breakIt.verifyInvalid : text.breakIt.verifyUnknown;
  nodes.push(el('p', { className: `tokens-verdict ${verdict}`, text: words, dataset: { testid: 'tokens-verify-verdict', verdict } }));
  const mistakes = checked && checked.ok ? [checked.signature, checked.baseString].flatMap((d) => (d && Array.isArray(d.mistakes) ? d.mistakes : [])) : [];
  if (mistakes.length) {
    nodes.push(el('p', { text: text.breakIt.verifyMistake(String(mistakes[0].title ?? '')), dataset: { testid: 'tokens-verify-mistake' } }));
  }
  const warnings = checked && checked.ok && Array.isArray(checked.warnings) ? checked.warnings : [];
  if (warnings.length) {
    nodes.push(el('ul', { className: 'warnings', dataset: { testid: 'tokens-verify-warnings' } }, warnings.map((w) =>
      el('li', { text: String(w.text ?? ''), dataset: { warning: String(w.id ?? '') } }))));
  }
  if (verdict === 'valid' && !warnings.length) nodes.push(el('p', { className: 'hint', text: text.breakIt.verifyCannot }));
  const button = el('button', { className: 'toggle', text: text.breakIt.verifyOpen, dataset: { testid: 'tokens-open-verify' } });
  button.type = 'button';
  button.addEventListener('click', open);
  nodes.push(button);
  node.replaceChildren(...nodes);
  node.hidden = false;
}
