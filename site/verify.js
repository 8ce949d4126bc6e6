// verify.js: the Verify view.
//
// Owns: the Sign / Verify tabs; the paste box, the optional "your base
// string" box and the secrets to check with; reading the pasted text
// (oauth1.parse), checking it (oauth1.verify) and explaining it
// (oauth1.diagnose), coalesced to one run per frame; the verdict, its detail
// and the status line (the diagnosis, the diff and what was read are drawn
// by verify-render.js); and the "Import into the Sign view" button, through
// the hook app.js hands in.
// Must never: build nodes from HTML strings, write to any storage, log, open
// a network connection, put anything typed here into the URL, or fill a
// secret into the Sign view. Secrets live only in their inputs: nothing this
// module keeps between runs holds one, and Clear and pagehide wipe them.

import * as engine from './engine.js';
import { verify as text } from './strings-verify.js';
import { PUBLIC_FIELDS, SECRET_FIELDS, methodFamily } from './fields.js';
import { fillText, el, setText } from './dom.js';
import { setupConcealToggles, setConcealed, updateCredentialWarning } from './form.js';
import { errorSentence } from './render.js';
import { startEngine } from './signing.js';
import { findPreset } from './presets.js';
import { coalesce } from './schedule.js';
import { renderDiagnosis, renderDiff, renderRead } from './verify-render.js';

// "Try a broken example": the request of X's "Creating a signature" page
// (https://developer.x.com/en/docs/authentication/oauth-1-0a/creating-a-signature,
// api.twitter.com/1.1 edition) with the signature a client gets when it
// encodes the spaces of the status as "+" instead of "%20" (RFC 5849
// §3.6 allows only %20). Its credentials are X's published examples.
const EXAMPLE_PRESET = 'x-twitter-1-1';
const EXAMPLE_SIGNATURE = 'Il5C7oPhfqV+nSqa3WoH4988Ll0=';

const $ = (id) => document.getElementById(id);

let ui = null;
let hooks = null;
const state = {
  count: 0, // runs so far (mirrored in data-verify-count)
  importable: null, // the request the Import button fills in; never holds a secret
};

// setupVerify wires the view. hooks: { readSignRequest() → the Sign view's
// request (secrets included; used only for the "use the Sign view's
// secrets" button and, stripped of them, as the request a lone base string
// is compared with), importRequest(request) → fills the Sign view }.
export function setupVerify(h) {
  hooks = h;
  ui = {
    tabs: $('views'),
    tabSign: $('tab-sign'),
    tabVerify: $('tab-verify'),
    viewSign: $('view-sign'),
    viewVerify: $('view-verify'),
    input: $('verify-input'),
    baseString: $('verify-basestring'),
    consumerSecret: $('verify-consumerSecret'),
    tokenSecret: $('verify-tokenSecret'),
    publicKey: $('verify-publicKey'),
    useSign: $('verify-use-sign'),
    useSignNote: $('verify-use-sign-note'),
    example: $('verify-example'),
    status: $('verify-status'),
    verdict: $('verdict'),
    detail: $('verdict-detail'),
    diagnosis: $('diagnosis'),
    diff: $('diff'),
    read: $('verify-read'),
    unparsed: $('verify-unparsed'),
    import: $('verify-import'),
  };
  fillText(document, { verify: text });
  ui.tabs.setAttribute('aria-label', text.tabs.label);
  setupTabs();
  setupToggles();

  $('verify-fields').addEventListener('input', onEdit);
  ui.useSign.addEventListener('click', useSignSecrets);
  ui.example.addEventListener('click', loadExample);
  ui.import.addEventListener('click', importIntoSign);
  $('clear').addEventListener('click', () => {
    wipe(true);
    say(text.status.cleared, true);
  });
  window.addEventListener('pagehide', () => wipe(false));

  renderEmpty();
  startEngine(ui.status, {
    loading: text.status.loading,
    upgraded: schedule, // re-check once the RSA build has loaded
    ready: () => {
      say(text.status.waiting, true);
      schedule();
    },
    failed: (message) => {
      say(message, true);
      ui.status.dataset.error = 'true';
    },
  });
}

// ---- tabs ----

function setupTabs() {
  const tabs = [ui.tabSign, ui.tabVerify];
  for (const tab of tabs) tab.addEventListener('click', () => selectView(tab, false));
  ui.tabs.addEventListener('keydown', (event) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    let next = -1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (i + 1) % tabs.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (i + tabs.length - 1) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    selectView(tabs[next], true);
  });
}

function selectView(tab, focus) {
  for (const [t, panel] of [[ui.tabSign, ui.viewSign], [ui.tabVerify, ui.viewVerify]]) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    panel.hidden = !on;
  }
  if (focus) tab.focus();
  // A lone base string is compared with the Sign view's request, which may
  // have changed while this view was hidden.
  if (tab === ui.tabVerify) schedule();
}

// ---- secrets: show / hide, the real-credential warning ----

function setupToggles() {
  setupConcealToggles(document.querySelectorAll('button[data-verify-toggle]'), (input) => text.fields[secretName(input)].label);
}

// secretName is the signer's field name of a secret input here.
function secretName(input) {
  return input.id.replace(/^verify-/, '');
}

function warnAbout(input) {
  updateCredentialWarning(input, secretName(input));
}

function readSecrets() {
  return {
    consumerSecret: ui.consumerSecret.value,
    tokenSecret: ui.tokenSecret.value,
    publicKey: ui.publicKey.value,
  };
}

// useSignSecrets copies the Sign view's consumer and token secret into the
// inputs here (both are in this tab already; nothing leaves it). For RSA the
// public key that belongs to the Sign view's private key is filled in: the
// private key itself is never copied.
function useSignSecrets() {
  const r = hooks.readSignRequest();
  let used = false;
  if (r.consumerSecret || r.tokenSecret) {
    ui.consumerSecret.value = r.consumerSecret ?? '';
    ui.tokenSecret.value = r.tokenSecret ?? '';
    used = true;
  }
  if (methodFamily(r.signatureMethod) === 'rsa' && r.privateKey && engine.ready()) {
    const signed = safe(() => engine.sign(r));
    if (signed && signed.loading) {
      // The RSA build is loading: try again once it runs.
      engine.upgrade().then(useSignSecrets, () => {});
      return;
    }
    if (signed && signed.ok && signed.publicKey) {
      ui.publicKey.value = signed.publicKey;
      used = true;
    }
  }
  setText(ui.useSignNote, used ? text.secrets.usedSign : text.secrets.signEmpty);
  for (const input of [ui.consumerSecret, ui.tokenSecret]) warnAbout(input);
  schedule();
}

// loadExample fills in a request signed with a known mistake, and the
// published test secrets that go with it.
function loadExample() {
  const preset = findPreset(EXAMPLE_PRESET);
  if (!preset || !engine.ready()) return;
  const signed = safe(() => engine.sign(preset.request));
  if (!signed || !signed.ok) return;
  const enc = (s) => encodeURIComponent(s);
  ui.input.value = signed.curl.replace(`oauth_signature="${enc(signed.signature)}"`, `oauth_signature="${enc(EXAMPLE_SIGNATURE)}"`);
  ui.baseString.value = '';
  ui.consumerSecret.value = preset.request.consumerSecret;
  ui.tokenSecret.value = preset.request.tokenSecret;
  ui.publicKey.value = '';
  setText(ui.useSignNote, '');
  for (const input of [ui.consumerSecret, ui.tokenSecret]) warnAbout(input);
  schedule();
}

// wipe empties the secrets and every output; everything when all is set
// (Clear), and on pagehide the pasted text too when it holds a PLAINTEXT
// signature, which is the secrets.
function wipe(all) {
  const plaintext = /oauth_signature_method\s*=\s*"?PLAINTEXT/i.test(ui.input.value);
  for (const input of [ui.consumerSecret, ui.tokenSecret, ui.publicKey]) input.value = '';
  if (all || plaintext) {
    ui.input.value = '';
    ui.baseString.value = '';
  }
  for (const input of [ui.consumerSecret, ui.tokenSecret]) {
    setConcealed(input, true);
    warnAbout(input);
  }
  setText(ui.useSignNote, '');
  renderEmpty();
}

function onEdit(event) {
  if (event.target === ui.consumerSecret || event.target === ui.tokenSecret) {
    warnAbout(event.target);
    setText(ui.useSignNote, '');
  }
  schedule();
}

// ---- running ----

// schedule runs the check once per frame however many input events arrive.
const schedule = coalesce(runCheck);

function runCheck() {
  if (!engine.ready()) return;
  render(check(ui.input.value, ui.baseString.value, readSecrets()));
  state.count += 1;
  ui.status.dataset.verifyCount = String(state.count);
}

function safe(fn) {
  try {
    return fn();
  } catch {
    return null;
  }
}

// What a call that threw is reported as: the signer's own words are not
// there to show.
const FAILED = Object.freeze({ field: '', code: 'internal' });
const FAILED_PARSE = Object.freeze({ field: 'text', code: 'internal' });

// check reads, verifies and diagnoses. It returns a plain model for render;
// the model holds the secrets' effects (verdict, expected signature) but
// never the secrets, and is dropped after rendering.
function check(pasted, own, secrets) {
  const m = {
    empty: false, parsed: null, error: null, compared: '', timesFromBase: false, family: 'hmac',
    kind: '', verdict: 'unknown', reason: '', expected: '', received: '', needs: [], problems: [],
    sigDiagnosis: null, baseDiagnosis: null, importable: null,
  };
  if (pasted.trim() === '' && own.trim() === '') {
    m.empty = true;
    return m;
  }

  let request = null;
  let received = own.trim() === '' ? '' : baseStringOf(own);
  let signature = '';
  let authorization = '';

  if (pasted.trim() !== '') {
    const parsed = safe(() => engine.parse(pasted));
    if (!parsed || parsed.ok !== true) {
      m.error = parsed && parsed.error ? parsed.error : FAILED_PARSE;
      return m;
    }
    m.parsed = parsed;
    m.importable = pick(parsed.request);
    if (parsed.format === 'baseString') {
      if (received !== '') {
        request = pick(parsed.request);
        m.compared = 'baseString';
      } else {
        request = signViewRequest(parsed.request, m);
        received = parsed.baseString;
        m.compared = 'signView';
      }
    } else {
      request = pick(parsed.request);
      m.compared = 'pasted';
      if (!request.url) {
        const sign = signViewRequest(null, m);
        for (const f of ['method', 'url', 'body', 'contentType', 'params']) request[f] = sign[f];
        m.compared = 'header';
        m.importable = { ...request };
      }
      signature = parsed.signature ?? '';
      authorization = parsed.authorization ?? '';
    }
  } else {
    request = signViewRequest(null, m);
    m.compared = 'signView';
  }

  m.family = methodFamily(request.signatureMethod || 'HMAC-SHA1');
  if (signature !== '') checkSignature(m, request, signature, authorization, secrets);
  else if (m.parsed && m.compared !== 'signView' && m.compared !== 'baseString') m.needs.push(text.needs.signature);
  if (received !== '') checkBaseString(m, request, received);
  return m;
}

function checkSignature(m, request, signature, authorization, secrets) {
  m.received = signature;
  const rsa = m.family === 'rsa';
  if (rsa ? secrets.publicKey.trim() === '' : secrets.consumerSecret === '' && secrets.tokenSecret === '') {
    m.needs.push(rsa ? text.needs.publicKey : text.needs.secrets);
    return;
  }
  const withSecrets = rsa
    ? { ...request, publicKey: secrets.publicKey }
    : { ...request, consumerSecret: secrets.consumerSecret, tokenSecret: secrets.tokenSecret };
  const v = safe(() => engine.verify(authorization ? { ...withSecrets, authorization } : { ...withSecrets, signature }));
  if (!v || v.ok !== true) {
    m.problems.push(v && v.error ? v.error : FAILED);
    return;
  }
  m.kind = 'signature';
  m.verdict = v.valid ? 'valid' : 'invalid';
  m.reason = String(v.reason ?? '');
  m.expected = String(v.expected ?? '');
  if (v.valid) return;
  if (!rsa && request.token && secrets.tokenSecret === '') m.needs.push(text.needs.tokenSecret);
  const d = safe(() => engine.diagnose({ ...withSecrets, signature }));
  if (d && d.ok === true) m.sigDiagnosis = d;
  else m.problems.push(d && d.error ? d.error : FAILED);
}

function checkBaseString(m, request, received) {
  const d = safe(() => engine.diagnose({ ...request, baseString: received }));
  if (!d || d.ok !== true) {
    m.problems.push(d && d.error ? d.error : FAILED);
    return;
  }
  m.baseDiagnosis = d;
  if (m.kind === '') {
    m.kind = 'baseString';
    m.verdict = d.correct ? 'valid' : 'invalid';
  }
}

// baseStringOf takes the base string out of what was pasted into the "your
// base string" box: a server error quoting one is read with parse, anything
// else is taken as it is.
function baseStringOf(raw) {
  const parsed = safe(() => engine.parse(raw));
  return parsed && parsed.ok === true && parsed.format === 'baseString' && parsed.baseString ? parsed.baseString : raw.trim();
}

// pick copies the request fields of a parse result (which never carries a
// secret) into a fresh object.
function pick(r) {
  const out = {};
  for (const f of PUBLIC_FIELDS) if (r && r[f] !== undefined) out[f] = r[f];
  return out;
}

// signViewRequest is the Sign view's request without its secrets. Its
// nonce and timestamp, when empty there, come from fallback (what a pasted
// base string holds): diagnosing needs the ones that were used.
function signViewRequest(fallback, m) {
  const r = { ...hooks.readSignRequest() };
  for (const f of SECRET_FIELDS) delete r[f];
  if (fallback) {
    for (const f of ['nonce', 'timestamp']) {
      if (!r[f] && fallback[f]) {
        r[f] = fallback[f];
        m.timesFromBase = true;
      }
    }
  }
  return r;
}

// ---- rendering ----

function renderEmpty() {
  state.importable = null;
  ui.import.disabled = true;
  setVerdict('unknown', '');
  ui.detail.replaceChildren();
  ui.diagnosis.replaceChildren(el('p', { className: 'idle', text: text.diagnosis.idle }));
  ui.diff.replaceChildren(el('p', { className: 'idle', text: text.diff.idle }));
  ui.read.replaceChildren();
  ui.unparsed.replaceChildren();
  showFamily('hmac');
  if (engine.ready()) say(text.status.waiting, true);
}

function render(m) {
  if (m.empty) {
    renderEmpty();
    return;
  }
  state.importable = m.importable;
  ui.import.disabled = m.importable === null;
  showFamily(m.family);
  const plaintext = m.parsed?.request?.signatureMethod === 'PLAINTEXT';

  setVerdict(m.verdict, m.kind);
  renderDetail(m, plaintext);
  renderDiagnosis(ui.diagnosis, m);
  renderDiff(ui.diff, m.baseDiagnosis);
  renderRead(ui.read, ui.unparsed, m.parsed, plaintext);

  // The status line is the one live region: the verdict, and the mistake or
  // what is missing, in one sentence. The badge and the details below show
  // the same, so it is for screen readers only.
  const first = [m.sigDiagnosis, m.baseDiagnosis].flatMap((d) => (d ? d.mistakes : []))[0];
  let summary = `${ui.verdict.textContent}.`;
  if (first) summary = `${ui.verdict.textContent}: ${first.title}.`;
  else if (m.verdict === 'unknown') summary += ` ${ui.detail.querySelector('.field-error, .needs')?.textContent ?? ''}`;
  say(summary.replace(/\s+/g, ' ').trim(), false);
}

// say writes the status line; visible is false when it only repeats, for
// screen readers, what the view shows.
function say(message, visible) {
  setText(ui.status, message);
  ui.status.classList.toggle('visually-hidden', !visible);
  delete ui.status.dataset.error;
}

function setVerdict(verdict, kind) {
  ui.verdict.dataset.verdict = verdict;
  ui.verdict.dataset.kind = kind;
  let label = text.verdict.unknown;
  if (verdict === 'valid') label = kind === 'baseString' ? text.verdict.baseValid : text.verdict.valid;
  if (verdict === 'invalid') label = kind === 'baseString' ? text.verdict.baseInvalid : text.verdict.invalid;
  setText(ui.verdict, label);
}

function renderDetail(m, plaintext) {
  const nodes = [];
  if (m.error) nodes.push(problem(m.error, 'verify-error'));
  if (m.compared) {
    const p = el('p', { className: 'compared', text: text.compared[m.compared], dataset: { testid: 'verify-compared', compared: m.compared } });
    if (m.timesFromBase) p.append(' ', text.compared.signViewTimes);
    nodes.push(p);
  }
  if (m.reason) nodes.push(el('p', { className: 'reason', text: m.reason, dataset: { testid: 'verify-reason' } }));
  if (m.kind === 'signature' && m.verdict === 'invalid') {
    if (plaintext) {
      nodes.push(el('p', { className: 'hint', text: text.needs.plaintext }));
    } else {
      nodes.push(sigLine(text.expected, m.expected, 'verify-expected'), sigLine(text.received, m.received, 'verify-received'));
    }
  }
  for (const n of m.needs) nodes.push(el('p', { className: 'needs', text: n, dataset: { testid: 'verify-needs' } }));
  for (const e of m.problems) nodes.push(problem(e, 'verify-problem'));
  ui.detail.replaceChildren(...nodes);
}

function sigLine(label, value, testName) {
  return el('p', { className: 'sig-line' }, [
    el('span', { className: 'sig-label', text: label }), ' ',
    el('code', { className: 'mono', text: value, dataset: { testid: testName } }),
  ]);
}

// problem shows a signer error in the page's words (render.js
// errorSentence): the field's name and the error's detail, never the
// signer's message.
function problem(error, testName) {
  const field = typeof error.field === 'string' ? error.field : '';
  return el('p', { className: 'field-error', text: errorSentence(error, text.status.failed), dataset: { testid: testName, field } });
}

function showFamily(family) {
  const rsa = family === 'rsa';
  for (const node of ui.viewVerify.querySelectorAll('[data-verify-rsa]')) node.hidden = !rsa;
  for (const node of ui.viewVerify.querySelectorAll('[data-verify-hmac]')) node.hidden = rsa;
}

// ---- import ----

function importIntoSign() {
  if (!state.importable) return;
  hooks.importRequest({ ...state.importable });
  selectView(ui.tabSign, true);
}
