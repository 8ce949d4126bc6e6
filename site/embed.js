// embed.js: the compact playground of embed.html, for documentation pages
// that show it in an iframe. Entry point of that page.
//
// Owns: reading the fragment (share.js parses and checks it) into the
// compact form (form.js), signing on every edit (signing.js's loop,
// coalesced to one sign per frame), which steps are shown, the "Open in the
// full playground" link, the reserved slot the real-credential warnings
// show in, and telling the page around the frame its height and the
// signature through postMessage.
// Must never: take a secret from the fragment (there is no option for one),
// put a typed secret into any URL or message, post a signature made with
// secrets the user typed (the host page could replay it), post to "*" or to
// an origin it could not confirm, post while a secret field is being typed
// in, let a secret's value change the frame's height, build nodes from HTML
// strings, store, log, or open a network connection.
//
// The fragment (share.js, parseEmbedFragment, after origin= is taken out
// here):
//   embed.html#preset=ID | share=STATE
//             [&theme=light|dark|auto][&readonly=1|0][&steps=ID,ID,…][&id=NAME]
//             [&origin=https://docs.example.org]
//   embed.html#view=tokens[&flow=FLOW][&leg=LEG][&theme=…][&id=NAME][&origin=…]
//             a leg of the Tokens view with the demo app (embed-tokens.js),
//             its signer started when seen or focused, as an editable frame's
////
// Messages to window.parent, posted with the declared origin= as
// targetOrigin and only when targetOrigin (below) accepts it; without it
// the frame posts nothing:
//   { type: "oauth1-playground:height", id, height }
//       on load and whenever the content's height changes; height is in CSS
//       pixels, a whole number, enough to show everything without scrolling.
//   { type: "oauth1-playground:signed", id, signature }
//       whenever the signature on screen changes; signature is the
//       oauth_signature, or null when it was made with secrets typed into
//       the frame (only the examples' published secrets are ever reported).
// id is the fragment's id= value, or "" when it has none. Each message is
// posted only when it differs from the last one of its type. After an edit
// of a secret field nothing is posted until the secret fields have been
// left alone for QUIET_MS; then the latest of each type goes, if it
// changed. So the page around the frame never learns a keystroke, and,
// once a secret was typed (null reported), nothing at all while the
// reader goes on typing it.

import { fields, page, status as statusText, realCredential, firstPaint } from './strings.js';
import { presetNotes } from './strings-sign.js';
import { embed as text } from './strings-share.js';
import { defaultPreset, findPreset, knownCredentials } from './presets.js';
import { SECRET_FIELDS } from './fields.js';
import { el, fillText, setText, testid } from './dom.js';
import { setupForm, readRequest as readForm, writeRequest, writeSecrets, noteEdit } from './form.js';
import { signingUi, signingView, clearOutputs, forgetSecrets } from './signing.js';
import { paintGenerated, editedBeforeReady, addSigned } from './first-paint.js';
import { flowOfLeg } from './tokens-legs.js';
import { tokens as tokensText } from './strings-tokens.js';
// Every preset's generated answer: a frame shows any example without the
// signer (the full page loads this only on demand).
import { signedPresets } from './presets-signed.js';
import {
  parseEmbedFragment, requestFromState, shareState, encodeShare, secretProblem, isOrigin,
} from './share.js';
import { reasonText } from './share-panel.js';

export const MESSAGE_HEIGHT = 'oauth1-playground:height';
export const MESSAGE_SIGNED = 'oauth1-playground:signed';

// QUIET_MS is how long the secret fields must be left alone before the
// frame posts again.
export const QUIET_MS = 1000;

const $ = (id) => document.getElementById(id);

const ui = {
  ...signingUi(),
  notice: $('embed-notice'),
  subject: $('embed-subject'),
  presetNote: $('preset-note'),
  openFull: $('open-full'),
  edit: $('embed-edit'),
  fields: $('fields'),
  warningSlot: $('real-warning-slot'),
  tokens: $('embed-tokens'),
};

const state = {
  id: '', // the fragment's id=, echoed in every message
  tokens: false, // view=tokens: the frame shows a leg of the Tokens view (embed-tokens.js)
  readonly: false,
  steps: null, // Set of step ids to show, or null for all
  base: null, // the request from the fragment: every allow-listed field, no secret
  preset: null, // the preset the fragment names: its published secrets are used
  secrets: {}, // the preset's published secrets, by field name
  paused: false,
  signCount: 0,
  rendered: false,
  version: '',
  reveal: new Set(),
  previous: new Map(),
  height: 0, // the last height measured
  target: null, // the origin messages go to, or null: post nothing
  held: false, // a secret field was edited less than QUIET_MS ago
  quiet: 0, // the timer that ends held
  outbox: new Map(), // type → the latest message not posted yet
  sent: new Map(), // type → the last message posted, as JSON
  starting: false, // startSigner has run
  stopWatching: () => {}, // stops startWhenNeeded's observer
  releaseStart: () => {}, // lets the next frame start its signer
};

// embed-tokens.js, once a frame showing a Tokens leg has loaded it
// (tokensModule), and the promise of that load.
let tokens = null;
let tokensLoading = null;

const { schedule, start } = signingView(ui, state, {
  read: readRequest,
  shown: showSigned,
  failed: (field) => {
    if (field && ui.fields.contains($(field))) ui.edit.open = true;
  },
  signed: updateOpenLink,
  // Before the signer runs: the example's result from make build, or the
  // one on screen dimmed, and (a read-only frame with a request make build
  // did not sign) the signer is needed after all.
  notReady: (request) => {
    if (paintFirst(request)) return;
    if (state.rendered) editedBeforeReady(ui);
    if (state.readonly) startSigner();
  },
  ready: () => state.releaseStart(),
});


function init() {
  document.title = text.pageTitle;
  fillText(document, { embed: text, fields, page });
  setupForm();
  ui.openFull.setAttribute('aria-label', text.openFullLabel);
  reserveWarningSlot();
  applyFragment();
  ui.fields.addEventListener('input', onEdit);
  ui.fields.addEventListener('change', onEdit);
  window.addEventListener('hashchange', () => {
    const was = state.tokens;
    applyFragment();
    // Between the Sign cards and a Tokens leg the frame starts afresh.
    if (was !== state.tokens) location.reload();
    else if (state.tokens) {
      if (state.starting) openLeg();
    } else schedule();
  });
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      state.paused = false;
      schedule();
    }
  });
  new ResizeObserver(postHeight).observe(document.body);

  // A read-only frame showing an example shows make build's result and
  // never loads the signer; any other starts it when it is first seen or
  // focused (startWhenNeeded).
  // A Tokens leg needs the provider, in the full signer: always started
  // when seen or focused, whatever readonly says.
  if (state.tokens) {
    tokensModule();
    startWhenNeeded();
    return;
  }
  addSigned(signedPresets);
  const painted = paintFirst(readRequest());
  if (!(painted && state.readonly)) startWhenNeeded();
}

// paintFirst shows the result make build computed for the frame's
// example, when the frame's request is exactly the example's.
function paintFirst(request) {
  return paintGenerated(ui, state, state.preset?.id, request, {
    shown: showSigned,
    words: state.readonly ? firstPaint.readonly : firstPaint.precomputed,
    final: state.readonly,
  });
}

// LOCK is the Web Locks name the frames of one origin start their signer
// under, one at a time: a docs page with five editable frames does not
// download, compile and start five Go programs at once.
export const LOCK = 'oauth1-playground:signer-start';

// startWhenNeeded starts the signer once the frame is in the viewport (an
// IntersectionObserver sees through to the top-level viewport) or gets the
// focus, whichever comes first.
function startWhenNeeded() {
  const seen = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) startSigner();
  });
  seen.observe(document.getElementById('embed-root') ?? document.body);
  state.stopWatching = () => seen.disconnect();
  document.addEventListener('focusin', startSigner, { once: true });
}

// startSigner starts the signer, once, holding LOCK until it runs or has
// failed (at most START_MS), so frames of the same origin start one after
// another. Without the Web Locks API it starts at once.
const START_MS = 20000;
function startSigner() {
  if (state.starting) return;
  state.starting = true;
  state.stopWatching();
  ui.status.dataset.engine = 'waiting';
  const run = () => new Promise((resolve) => {
    const timer = setTimeout(resolve, START_MS);
    state.releaseStart = () => {
      clearTimeout(timer);
      ui.status.dataset.engine = 'ready';
      ui.status.dataset.engineReadyAt = String(performance.timeOrigin + performance.now());
      resolve();
    };
    ui.status.dataset.engine = 'starting';
    ui.status.dataset.engineStartAt = String(performance.timeOrigin + performance.now());
    if (state.tokens) openLeg().finally(() => state.releaseStart());
    else start(() => state.releaseStart());
  });
  if (navigator.locks && typeof navigator.locks.request === 'function') navigator.locks.request(LOCK, run).catch(run);
  else run();
}

// applyFragment reads the fragment and shows what it asks for. A fragment
// that does not pass share.js's checks shows a message and the default
// example, with the default options.
function applyFragment() {
  const { rest, origin } = takeOrigin(location.hash);
  const parsed = parseEmbedFragment(rest, defaultPreset);
  state.id = parsed.id;
  state.target = targetOrigin(origin, {
    framed: window.parent !== window,
    ancestors: location.ancestorOrigins ? [...location.ancestorOrigins] : null,
    referrer: document.referrer,
  });
  if (parsed.error) {
    const reason = text.reasons[parsed.error.reason];
    const words = typeof reason === 'function' ? reason(parsed.error.field ?? '') : reason ?? reasonText(parsed.error);
    setText(ui.notice, text.invalid(words));
    ui.notice.hidden = false;
  } else if (origin !== null && !isOrigin(origin)) {
    setText(ui.notice, text.badOrigin);
    ui.notice.hidden = false;
  } else {
    setText(ui.notice, '');
    ui.notice.hidden = true;
  }

  const { theme, readonly, steps } = parsed.options;
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  state.readonly = readonly;
  state.steps = steps ? new Set(steps) : null;
  ui.edit.hidden = readonly;
  document.body.classList.toggle('embed-readonly', readonly);

  state.preset = parsed.state.preset ? findPreset(parsed.state.preset) ?? null : null;
  state.base = requestFromState(parsed.state);
  state.secrets = {};
  for (const name of SECRET_FIELDS) {
    const value = state.preset ? state.preset.request[name] : '';
    state.secrets[name] = typeof value === 'string' ? value : '';
  }
  setText(ui.subject, state.preset ? state.preset.label : text.custom);
  setText(ui.presetNote, state.preset ? presetNotes[state.preset.id] ?? '' : '');

  writeRequest({ ...state.base, ...state.secrets }, { secrets: true });

  state.reveal.clear();
  state.previous = new Map();
  state.rendered = false;
  state.paused = false;

  // view=tokens: the leg, with the demo app; the Sign cards are hidden.
  state.tokens = parsed.options.view === 'tokens';
  document.body.classList.toggle('embed-tokens-view', state.tokens);
  ui.tokens.hidden = !state.tokens;
  if (state.tokens) {
    const leg = parsed.options.leg;
    const flow = leg ? flowOfLeg(leg, parsed.options.flow) : parsed.options.flow || 'callback';
    state.wanted = { flow, leg };
    setText(ui.subject, tokensText.embed.subject(tokensText.flows[flow]));
    fillText(document, { embed: { title: tokensText.embed.title } });
    tokensLink(flow, leg);
    return;
  }
  fillText(document, { embed: { title: text.title } });
  ui.openFull.setAttribute('aria-label', text.openFullLabel);
  updateOpenLink(state.base);
}

// tokensModule loads embed-tokens.js (and the Tokens view's modules behind
// it) once, for a frame that shows a leg: a frame of the Sign cards never
// downloads them, which keeps a read-only embed small.
function tokensModule() {
  tokensLoading ??= import('./embed-tokens.js').then((m) => {
    m.setupEmbedTokens(ui.tokens, (flow, leg) => {
      if (state.tokens) tokensLink(flow, leg);
    });
    tokens = m;
    return m;
  });
  return tokensLoading;
}

// openLeg opens the leg the fragment names (state.wanted) with a fresh
// provider; it resolves once the leg is shown or the provider failed.
function openLeg() {
  return tokensModule().then((m) => {
    m.want(state.wanted.flow, state.wanted.leg);
    return m.openLeg();
  });
}

// tokensLink points "Open in the full playground" at the Tokens view at
// the leg shown: the view, the flow and the leg, never a token.
function tokensLink(flow, leg) {
  const url = new URL('index.html', location.href);
  url.hash = `view=tokens&flow=${encodeURIComponent(flow)}${leg ? `&leg=${encodeURIComponent(leg)}` : ''}`;
  ui.openFull.href = url.href;
  ui.openFull.setAttribute('aria-label', tokensText.embed.openFullLabel);
}

function onEdit(event) {
  noteEdit(event);
  if (event.target && SECRET_FIELDS.includes(event.target.id)) hold();
  state.paused = false;
  schedule();
}

// readRequest is the fragment's request with the form's values on top (in
// read-only mode, the fragment's alone) and the secrets: typed ones, or the
// preset's published ones.
function readRequest() {
  const request = { ...state.base, params: state.base.params.map((row) => row.slice()) };
  Object.assign(request, state.readonly ? state.secrets : readForm());
  if (request.params.length === 0) delete request.params;
  return request;
}

// secretsArePublic says whether every secret of request is empty or one of
// the presets' published values: only then may its signature leave the frame.
function secretsArePublic(request) {
  return SECRET_FIELDS.every((name) => request[name] === '' || knownCredentials.has(request[name]));
}

// updateOpenLink points "Open in the full playground" at index.html with the
// request's share state: never a secret, identifiers only when published. A
// state whose URL has userinfo or whose value holds a secret of request
// (share.js's secretProblem) is left out: the link opens the plain page.
function updateOpenLink(request) {
  const share = shareState(request, { preset: state.preset ? state.preset.id : '' });
  const secrets = SECRET_FIELDS.map((name) => ({ name, value: typeof request[name] === 'string' ? request[name] : '' }));
  const encoded = secretProblem(share, secrets) ? null : encodeShare(share);
  const url = new URL('index.html', location.href);
  if (encoded !== null) url.hash = `share=${encoded}`;
  ui.openFull.href = url.href;
}

// showSigned keeps the steps the fragment left out in their place, and
// tells the page around the frame the signature.
function showSigned(result, request) {
  // Steps left out by steps= keep their place (and so their number, as on
  // the full page) but take no room: embed.css collapses .step-off.
  const shown = state.steps;
  ui.requestCard.hidden = shown !== null && !shown.has('request');
  for (const li of ui.steps.children) li.classList.toggle('step-off', shown !== null && !shown.has(li.dataset.step));

  const onScreen = ui.slots.signature.querySelector(`[data-testid="${testid.signature}"]`);
  const signature = onScreen ? onScreen.textContent : String(result.signature ?? '');
  post({ type: MESSAGE_SIGNED, id: state.id, signature: secretsArePublic(request) ? signature : null });
}

// onPageHide puts the examples' published secrets back in place of typed
// ones, drops every output and discards the signer (forgetSecrets), so the
// back/forward cache keeps none of them.
function onPageHide() {
  clearTimeout(state.quiet);
  state.outbox.clear();
  setHeld(false);
  writeSecrets(state.secrets);
  clearOutputs(ui, state);
  tokens?.forget();
  setText(ui.status, statusText.pagehide);
  forgetSecrets(); // the signer and all it was given, as the full page does
}

// reserveWarningSlot fills the slot under the fields with every
// real-credential warning there is, invisible and stacked in one place
// (embed.css): the slot is as tall as the tallest of them, and a field's
// warning, when form.js shows one, is laid over the slot instead of
// pushing the content down. So the frame's height is the same whatever a
// typed credential looks like.
function reserveWarningSlot() {
  ui.warningSlot.replaceChildren(...Object.values(realCredential.kinds).map((kind) =>
    el('p', { className: 'real-warning', text: realCredential.message(kind) })));
}

// ---- talking to the page around the frame ----

// takeOrigin takes origin= out of the fragment hash: rest is the fragment
// without it, for share.js, and origin the value ('' when empty), or null
// when there is no origin=. A repeated origin= gives '' (no origin).
export function takeOrigin(hash) {
  const raw = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
  const kept = [];
  const found = [];
  for (const pair of raw.split('&')) {
    const eq = pair.indexOf('=');
    let key = eq < 0 ? pair : pair.slice(0, eq);
    try {
      key = decodeURIComponent(key.replace(/\+/g, ' '));
    } catch {
      // not ours: share.js reports it
    }
    if (key !== 'origin') {
      if (pair !== '') kept.push(pair);
      continue;
    }
    let value = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      value = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      value = '';
    }
    found.push(value);
  }
  const origin = found.length === 0 ? null : found.length === 1 ? found[0] : '';
  return { rest: kept.join('&'), origin };
}


// targetOrigin decides where messages go: the origin the fragment declares,
// when the frame has a parent and nothing the browser says contradicts it.
// With location.ancestorOrigins (Chromium, Safari) the parent's origin must
// be its first entry; without it, a document.referrer, if any, must be of
// that origin. Neither: the declared origin alone, which postMessage holds
// the parent to (it delivers nothing to a page of another origin). Any
// other case, null: post nothing. Never "*".
export function targetOrigin(declared, { framed, ancestors, referrer }) {
  if (!framed || !isOrigin(declared)) return null;
  if (Array.isArray(ancestors)) return ancestors[0] === declared ? declared : null;
  if (typeof referrer === 'string' && referrer !== '') {
    try {
      return new URL(referrer).origin === declared ? declared : null;
    } catch {
      return null;
    }
  }
  return declared;
}

// post sends message to the parent page: now, or, while a secret field is
// being edited, once it has been left alone (hold). Only the latest message
// of each type waits, and a message like the last one posted is dropped.
function post(message) {
  state.outbox.set(message.type, message);
  if (!state.held) flush();
}

function flush() {
  for (const [type, message] of state.outbox) {
    const json = JSON.stringify(message);
    if (state.sent.get(type) === json) continue;
    state.sent.set(type, json);
    if (state.target !== null && state.target !== '*') window.parent.postMessage(message, state.target);
  }
  state.outbox.clear();
}

// hold stops posting until the secret fields have been left alone for
// QUIET_MS, then posts what waited.
function hold() {
  clearTimeout(state.quiet);
  setHeld(true);
  state.quiet = setTimeout(() => {
    setHeld(false);
    flush();
  }, QUIET_MS);
}

// setHeld records held, also as data-held on the status line, where tests
// wait for it (the page around the frame cannot read the frame's DOM).
function setHeld(held) {
  state.held = held;
  if (held) ui.status.dataset.held = 'true';
  else delete ui.status.dataset.held;
}

// postHeight reports the content's height when it changed. A
// ResizeObserver calls it at most once per rendered frame.
function postHeight() {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === state.height) return;
  state.height = height;
  post({ type: MESSAGE_HEIGHT, id: state.id, height });
}

init();
