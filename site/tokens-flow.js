// tokens-flow.js: the Tokens view's flow, leg by leg: starting the in-page
// provider, building each leg's request with the signer (shown in the Sign
// view's step cards, so what changed since the leg before is marked),
// sending it to the provider, reading the answer, and handing the new
// credentials to the next leg; the break-it mistakes and what Verify says
// about a refused request; the bearer flow.
//
// Owns: the flow state (the credentials issued, which legs are done, the
// request built for the current leg), and everything drawn in the view's
// result column.
// Must never: touch the network (the provider is engine.serve, in this
// tab), log, store, put an issued credential into the URL, an attribute or
// a copy button, or keep one after wipe(): Clear and pagehide call it, and
// the signer (with the provider and all it issued) is discarded after it.

import * as engine from './engine.js';
import { tokens as text } from './strings-tokens.js';
import { el, setText } from './dom.js';
import { renderRequest, renderSteps } from './render-steps.js';
import { secretBlock } from './render-values.js';
import {
  FLOWS, SIGNED_LEGS, ENDPOINTS, signRequest, breaksFor, authorizeURL, formValues, header, locationValues, pinOf, httpText,
} from './tokens-legs.js';
import { basicSteps, renderBasicSteps, renderNotSignature } from './tokens-bearer.js';
import { renderLegs, renderChanges, renderAnswer, renderIssued, renderVerifySummary } from './tokens-render.js';

const BEARER_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

// newState is a flow with nothing issued.
function newState(epoch) {
  return {
    epoch, // bumped by wipe: an answer that arrives after it is dropped
    started: false,
    flow: 'callback',
    consumerKey: '',
    consumerSecret: '',
    callback: '',
    issued: {}, // requestToken, requestTokenSecret, callbackConfirmed, verifier, accessToken, accessTokenSecret, userId, screenName, bearer
    done: new Set(),
    current: '',
    shown: '',
    pending: null, // { leg, request, result } built for the current leg, not sent yet
    records: new Map(), // leg → { request, result, answer, opts } of its last send
    lastAccepted: null, // { nonce, timestamp } of the last signed request the provider accepted
    otherVerifier: '',
    brk: '',
    reveal: new Set(),
    previous: new Map(), // non-secret values of the cards shown last (render-steps.js)
  };
}

let state = newState(0);
let ui = null;
let hooks = null;

// idPrefix keeps the ids of the cards (render-steps.js, render-values.js)
// apart from the Sign view's: both views are in one document.
const ctx = () => ({
  idPrefix: 'tokens-',
  reveal: state.reveal,
  onReveal: (key, on) => { if (on) state.reveal.add(key); else state.reveal.delete(key); },
});

// setupFlow takes the view's nodes and hooks: { read() → { consumerKey,
// consumerSecret, callback, flow }, status(words, state), breakChanged(leg,
// choices), openVerify({ text, baseString, consumerSecret, tokenSecret }),
// shown(flow, leg) }.
export function setupFlow(nodes, h) {
  ui = nodes;
  hooks = h;
  drawIdle();
}

export function flowState() {
  return { started: state.started, flow: state.flow, current: state.current, shown: state.shown };
}

// start starts a fresh provider with the app the inputs name and shows the
// flow's first leg; it resolves to true when it runs.
export async function start() {
  const input = hooks.read();
  wipe();
  const epoch = state.epoch;
  Object.assign(state, { flow: input.flow, consumerKey: input.consumerKey, consumerSecret: input.consumerSecret, callback: input.callback });
  if (state.consumerKey === '' || state.consumerSecret === '') {
    hooks.status(text.needsConsumer, 'invalid');
    return false;
  }
  hooks.status(text.starting, 'starting');
  const config = { consumerKey: state.consumerKey, consumerSecret: state.consumerSecret, timestampWindow: 300 };
  let answer = null;
  try {
    await engine.start();
    for (let i = 0; i < 2 && epoch === state.epoch; i++) {
      answer = engine.providerReset(config);
      if (!answer || !answer.loading) break;
      hooks.status(text.loadingFull, 'loading');
      await engine.upgrade();
    }
  } catch {
    answer = null;
  }
  if (epoch !== state.epoch) return false;
  if (!answer || answer.ok !== true) {
    hooks.status(text.failed, 'error');
    return false;
  }
  state.started = true;
  hooks.status(text.started, 'started');
  goTo(FLOWS[state.flow][0]);
  return true;
}

// runTo sends every leg before leg the right way, then shows leg built and
// not sent (a link that opens the view at a leg).
export function runTo(leg) {
  const legs = FLOWS[state.flow];
  for (const l of legs.slice(0, Math.max(0, legs.indexOf(leg)))) {
    if (!state.started || state.current !== l) return;
    if (SIGNED_LEGS.includes(l)) send();
    else if (l === 'authorize') consent();
    else if (l === 'bearer_credential') finish(l);
    else sendBearer(l);
    if (state.done.has(l)) goTo(legs[legs.indexOf(l) + 1]);
  }
}

// setBreak chooses the mistake the next request makes, and builds the
// current leg's request again with it.
export function setBreak(brk) {
  state.brk = brk;
  if (state.started && state.shown === state.current && SIGNED_LEGS.includes(state.current) && !state.done.has(state.current) && !state.records.has(state.current)) {
    build(state.current);
  }
}

// wipe forgets the flow: every credential issued, every request and answer,
// and the view's memory of them, and empties the result column.
export function wipe() {
  state = newState(state.epoch + 1);
  if (ui) drawIdle();
}

// providerGone is called when the signer was replaced (a crash, or the
// RSA build taking over): the provider and its tokens are gone with it.
export function providerGone() {
  if (!state.started) return;
  wipe();
  hooks.status(text.restarted, 'restarted');
}

// ---- drawing ----

function drawIdle() {
  renderLegs(ui.legs, FLOWS[hooks.read().flow] ?? FLOWS.callback, { current: '', done: new Set(), started: false }, () => {});
  for (const node of [ui.title, ui.intro]) setText(node, '');
  setText(ui.intro, text.notStarted);
  renderChanges(ui.changes, '');
  for (const node of [ui.body, ui.answer, ui.verify, ui.next, ui.steps]) node.replaceChildren();
  ui.answer.hidden = true;
  ui.verify.hidden = true;
  renderIssued(ui.issued, {}, ctx());
  hooks.breakChanged?.('', ['']);
}

function drawLegs() {
  renderLegs(ui.legs, FLOWS[state.flow], { current: state.current, done: state.done, started: state.started }, show);
  renderIssued(ui.issued, state.issued, ctx());
}

// goTo makes leg the current one and shows it.
function goTo(leg) {
  state.current = leg;
  state.brk = '';
  show(leg);
}

// show displays leg: its request (built fresh for the current leg, as
// sent for a done one) and, once sent, the answer.
function show(leg) {
  state.shown = leg;
  drawLegs();
  setText(ui.title, text.legs[leg].title);
  setText(ui.intro, text.legIntro[leg] ?? text.flowIntro.bearer);
  renderChanges(ui.changes, leg);
  for (const node of [ui.body, ui.answer, ui.verify, ui.next]) node.replaceChildren();
  ui.answer.hidden = true;
  ui.verify.hidden = true;
  const record = state.records.get(leg);
  // open: the current leg, not sent yet (or refused and not built again).
  const open = leg === state.current && !state.done.has(leg);
  const fresh = open && !record;
  hooks.breakChanged?.(fresh ? state.brk : '', fresh ? breaksFor(leg, state.lastAccepted !== null) : ['']);
  if (SIGNED_LEGS.includes(leg)) {
    if (record) drawCards(record.request, record.result);
    else if (open) build(leg);
  } else if (leg === 'authorize') {
    drawAuthorize(open);
  } else {
    drawBearer(leg, open);
  }
  if (record) drawAnswer(leg, record);
  if (state.done.has(leg)) drawNext(leg);
  hooks.shown?.(state.flow, leg);
}

function drawCards(request, result) {
  const card = el('div', { dataset: { testid: 'tokens-request-card' } });
  const steps = ui.steps;
  const c = {
    ...ctx(), family: 'hmac', method: request.signatureMethod, transport: request.transport, url: request.url, result,
    previous: state.previous, highlight: state.previous.size > 0,
  };
  renderRequest(card, request, c);
  renderSteps(steps, Array.isArray(result.steps) ? result.steps : [], c);
  const key = el('p', { className: 'tokens-key', dataset: { testid: 'tokens-signing-key-shape' } }, [
    el('span', { text: `${text.changes.key}: ` }),
    el('code', { className: 'mono', text: keyShape(request.tokenSecret) }),
  ]);
  ui.body.replaceChildren(el('h3', { text: text.build.heading }), el('p', { className: 'hint', text: text.build.intro }), card, key, steps);
}

// keyShape names the signing key a token secret makes, never its value.
function keyShape(tokenSecret) {
  if (!tokenSecret) return 'consumer_secret&';
  if (tokenSecret === state.issued.accessTokenSecret) return 'consumer_secret&access_token_secret';
  if (tokenSecret === state.issued.requestTokenSecret) return 'consumer_secret&request_token_secret';
  return 'consumer_secret&token_secret';
}

// build signs leg's request with what was issued so far (and the chosen
// mistake) and shows it with a Send button.
function build(leg) {
  if (state.brk === 'otherVerifier' && !state.otherVerifier) state.otherVerifier = otherAttempt();
  const request = signRequest({ ...state, now: Date.now() / 1000 }, leg, state.brk);
  let result = null;
  try {
    result = engine.sign(request);
  } catch {
    result = null;
  }
  if (!result || result.ok !== true) {
    hooks.status(text.failed, 'error');
    return;
  }
  state.pending = { leg, request, result };
  drawCards(request, result);
  const send = el('button', { className: 'toggle primary', text: text.build.send, dataset: { testid: 'tokens-send' } });
  send.type = 'button';
  send.addEventListener('click', () => send_());
  ui.body.append(send);
  if (state.brk) ui.body.append(el('p', { className: 'tokens-break-note', text: text.breakIt.explain[state.brk], dataset: { testid: 'tokens-break-note' } }));
}

function send_() {
  send();
  show(state.current);
  focusNext();
}

// focusNext moves the focus, lost with the button just pressed, to what
// comes next: the Next or Build-again button.
function focusNext() {
  ui.next.querySelector('button')?.focus({ preventScroll: true });
}

// send sends the current leg's built request to the provider and takes
// what it issues.
function send() {
  const p = state.pending;
  if (!p || p.leg !== state.current) return;
  state.pending = null;
  const { request, result } = p;
  const answer = serve({ method: request.method, url: request.url, authorization: result.authorization, body: request.body, contentType: request.contentType });
  if (!answer) return;
  const record = { request, result, answer, opts: { explain: text.explain[p.leg], secret: false }, brk: state.brk };
  const ok = answer.status === 200;
  if (ok) state.lastAccepted = { nonce: String(result.nonce ?? ''), timestamp: String(result.timestamp ?? '') };
  if (ok && p.leg === 'request_token') {
    const v = formValues(answer.body);
    clearAfter('request_token');
    state.issued.requestToken = v.get('oauth_token') ?? '';
    state.issued.requestTokenSecret = v.get('oauth_token_secret') ?? '';
    state.issued.callbackConfirmed = v.get('oauth_callback_confirmed') ?? '';
    record.opts.secret = true;
    if (state.issued.callbackConfirmed === 'true') finish(p.leg);
  } else if (ok && p.leg === 'access_token') {
    const v = formValues(answer.body);
    clearAfter('access_token');
    state.issued.accessToken = v.get('oauth_token') ?? '';
    state.issued.accessTokenSecret = v.get('oauth_token_secret') ?? '';
    state.issued.userId = v.get('user_id') ?? '';
    state.issued.screenName = v.get('screen_name') ?? '';
    record.opts.secret = true;
    finish(p.leg);
  } else if (ok) {
    finish(p.leg);
  } else {
    record.checked = check(request, result, answer, p.leg);
  }
  state.records.set(p.leg, record);
  state.brk = '';
}

// serve hands a request to the provider; null (and the status line says
// so) when the call failed.
function serve(request) {
  let answer = null;
  try {
    answer = engine.serve(request);
  } catch {
    answer = null;
  }
  if (!answer || answer.ok !== true) {
    hooks.status(text.failed, 'error');
    return null;
  }
  return answer;
}

function finish(leg) {
  state.done.add(leg);
}

// clearAfter forgets what the legs after leg issued: sending leg again
// starts a new attempt.
function clearAfter(leg) {
  const legs = FLOWS[state.flow];
  for (const l of legs.slice(legs.indexOf(leg))) {
    state.done.delete(l);
    if (l !== leg) state.records.delete(l);
  }
  const keep = leg === 'access_token' ? ['requestToken', 'requestTokenSecret', 'callbackConfirmed', 'verifier'] : [];
  state.issued = Object.fromEntries(Object.entries(state.issued).filter(([k]) => keep.includes(k)));
  state.otherVerifier = '';
}

// check asks Verify (oauth1.check) about a refused request, with the
// secrets the provider holds for it.
function check(request, result, answer, leg) {
  const tokenSecret = leg === 'access_token' ? state.issued.requestTokenSecret : leg === 'verify_credentials' ? state.issued.accessTokenSecret : '';
  const input = {
    text: httpText({ method: request.method, url: request.url, authorization: result.authorization, contentType: request.contentType, body: request.body }),
    baseString: formValues(answer.body).get('debug_sbs') ?? '',
    consumerSecret: state.consumerSecret,
    tokenSecret: tokenSecret ?? '',
  };
  let checked = null;
  try {
    checked = engine.check({ text: input.text, consumerSecret: input.consumerSecret, tokenSecret: input.tokenSecret, publicKey: '', now: Date.now() });
  } catch {
    checked = null;
  }
  return { checked, input };
}

// otherAttempt runs legs 1 and 2 of a second attempt behind the scenes
// and returns its verifier, which belongs to another request token.
function otherAttempt() {
  const request = signRequest({ ...state, now: Date.now() / 1000 }, 'request_token', '');
  let result = null;
  try {
    result = engine.sign(request);
  } catch {
    return '';
  }
  if (!result || result.ok !== true) return '';
  const first = serve({ method: request.method, url: request.url, authorization: result.authorization, body: '', contentType: '' });
  const token = first && first.status === 200 ? formValues(first.body).get('oauth_token') ?? '' : '';
  if (!token) return '';
  const second = serve({ method: 'GET', url: authorizeURL(token), authorization: '', body: '', contentType: '' });
  if (!second) return '';
  return second.status === 302 ? locationValues(header(second.headers, 'Location')).verifier : pinOf(second.body);
}

function drawAnswer(leg, record) {
  const problem = renderAnswer(ui.answer, record.answer, { ...record.opts, ctx: ctx() });
  if (record.checked) {
    const sbs = record.checked.input.baseString;
    if (problem && problem.problem === 'signature_invalid' && sbs && record.result) {
      const same = sbs === record.result.baseString;
      ui.answer.append(el('p', { className: 'tokens-explain', text: same ? text.answer.sameBase : text.answer.otherBase, dataset: { testid: 'tokens-compare-base', same: String(same) } }));
    }
    renderVerifySummary(ui.verify, record.checked.checked, () => hooks.openVerify(record.checked.input));
  }
  if (leg === 'request_token' && record.answer.status === 200 && state.issued.callbackConfirmed !== 'true') {
    ui.answer.append(el('p', { className: 'field-error', text: text.problems.parameter_absent }));
  }
  if (problem || record.answer.status !== 200) drawRetry(leg);
}

function drawRetry(leg) {
  if (leg !== state.current || state.done.has(leg)) return;
  const again = el('button', { className: 'toggle', text: text.build.again, dataset: { testid: 'tokens-retry' } });
  again.type = 'button';
  again.addEventListener('click', () => {
    state.records.delete(leg);
    show(leg);
  });
  ui.next.replaceChildren(again);
}

function drawNext(leg) {
  const legs = FLOWS[state.flow];
  const i = legs.indexOf(leg);
  if (i === legs.length - 1) {
    ui.next.replaceChildren(el('p', { className: 'tokens-done', text: state.flow === 'bearer' ? text.answer.doneBearer : text.answer.done, dataset: { testid: 'tokens-done' } }));
    return;
  }
  const next = el('button', { className: 'toggle primary', text: `${text.answer.next}: ${text.legs[legs[i + 1]].name}`, dataset: { testid: 'tokens-next' } });
  next.type = 'button';
  next.addEventListener('click', () => {
    if (state.current === leg) goTo(legs[i + 1]);
    else show(state.current);
  });
  ui.next.replaceChildren(next);
}

// ---- leg 2: the user authorizes ----

function drawAuthorize(current) {
  const url = authorizeURL(state.issued.requestToken ?? '');
  const nodes = [
    el('p', { text: text.authorize.url }),
    el('pre', { className: 'value mono', text: `GET ${url}`, dataset: { testid: 'tokens-authorize-url' } }),
    el('p', { text: text.authorize.consent }),
  ];
  if (current && !state.records.has('authorize')) {
    const button = el('button', { className: 'toggle primary', text: text.authorize.consentButton, dataset: { testid: 'tokens-consent' } });
    button.type = 'button';
    button.addEventListener('click', () => {
      consent();
      show('authorize');
      focusNext();
    });
    nodes.push(button);
  }
  if (state.flow === 'oob' && state.records.has('authorize')) nodes.push(pinInput());
  ui.body.replaceChildren(...nodes);
}

// consent is the user saying yes: the provider answers the authorize URL
// with a redirect (callback) or a PIN page (oob).
function consent() {
  const answer = serve({ method: 'GET', url: authorizeURL(state.issued.requestToken ?? ''), authorization: '', body: '', contentType: '' });
  if (!answer) return;
  const record = { answer, opts: { explain: answer.status === 302 ? text.explain.authorizeRedirect : text.explain.authorizePin, secret: false } };
  if (answer.status === 302) {
    const { token, verifier } = locationValues(header(answer.headers, 'Location'));
    if (token === state.issued.requestToken && verifier) {
      state.issued.verifier = verifier;
      finish('authorize');
    } else {
      record.opts.explain = text.authorize.tokenMismatch;
    }
  } else if (answer.status === 200) {
    state.issued.verifier = pinOf(answer.body);
    if (state.issued.verifier) finish('authorize');
  }
  state.records.set('authorize', record);
}

function pinInput() {
  const input = el('input', { className: 'mono', dataset: { testid: 'tokens-pin' } });
  input.id = 'tokens-pin';
  input.type = 'text';
  input.inputMode = 'numeric';
  for (const [k, v] of [['spellcheck', 'false'], ['autocomplete', 'off'], ['autocapitalize', 'off'], ['autocorrect', 'off']]) input.setAttribute(k, v);
  input.value = state.issued.verifier ?? '';
  input.addEventListener('input', () => {
    state.issued.verifier = input.value.trim();
    renderIssued(ui.issued, state.issued, ctx());
  });
  const label = el('label', { text: text.authorize.pinLabel });
  label.htmlFor = input.id;
  return el('div', { className: 'field' }, [el('p', { text: text.authorize.pinPage }), label, input, el('p', { className: 'hint', text: text.authorize.pinHint })]);
}

// ---- the bearer flow ----

function drawBearer(leg, current) {
  const steps = basicSteps(state.consumerKey, state.consumerSecret);
  if (leg === 'bearer_credential') {
    renderBasicSteps(ui.body, steps, ctx());
    ui.body.append(renderNotSignature());
    if (current) finish(leg);
    return;
  }
  const req = bearerRequest(leg, steps);
  const wire = httpText(req);
  const nodes = [el('h3', { text: text.build.heading }), secretBlock({ key: `tokens:wire:${leg}`, value: wire, label: text.legs[leg].title, testName: 'tokens-bearer-request', ctx: ctx() })];
  if (leg !== 'bearer_token') nodes.push(renderNotSignature());
  if (current && !state.records.has(leg)) {
    const send = el('button', { className: 'toggle primary', text: leg === 'bearer_token' ? text.bearer.send : text.bearer.call, dataset: { testid: 'tokens-send' } });
    send.type = 'button';
    send.addEventListener('click', () => {
      sendBearer(leg);
      show(leg);
      focusNext();
    });
    nodes.push(send);
  }
  ui.body.replaceChildren(...nodes);
}

function bearerRequest(leg, steps) {
  if (leg === 'bearer_token') {
    return { method: 'POST', url: ENDPOINTS.bearer_token, authorization: steps.authorization, contentType: BEARER_TYPE, body: 'grant_type=client_credentials' };
  }
  return { method: 'GET', url: ENDPOINTS[leg], authorization: `Bearer ${state.issued.bearer ?? ''}`, contentType: '', body: '' };
}

function sendBearer(leg) {
  const answer = serve(bearerRequest(leg, basicSteps(state.consumerKey, state.consumerSecret)));
  if (!answer) return;
  const record = { answer, opts: { explain: text.explain[leg], secret: leg === 'bearer_token' } };
  if (leg === 'bearer_token' && answer.status === 200) {
    let token = '';
    try {
      const j = JSON.parse(String(answer.body ?? ''));
      token = j && typeof j.access_token === 'string' ? j.access_token : '';
    } catch {
      token = '';
    }
    state.issued.bearer = token;
    if (token) finish(leg);
  } else if (leg === 'app_only' && answer.status === 200) {
    finish(leg);
  } else if (leg === 'user_context') {
    // The refusal is the lesson.
    record.opts.refusal = text.explain.user_context;
    finish(leg);
  }
  state.records.set(leg, record);
}
