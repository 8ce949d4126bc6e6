// verify.js: the Verify view.
//
// Owns: what the view does when it is shown (views.js owns the tab bar;
// lazy.js loads this module when the view is first chosen); the paste box, the optional "your base
// string" box and the secrets to check with; handing them to oauth1.check
// (through engine.js), coalesced to one run per frame, with the Sign view's
// request only when the user asks to compare with it; drawing the answer:
// the verdict, its detail (what was compared, the right signature and base
// string beside the received ones, which scheme verified, what is needed,
// the warnings) and the status line (the diagnosis, the diff and what was
// read are drawn by verify-render.js); and the "Import into the Sign view"
// button, through the hook app.js hands in. Every decision (which request
// is compared, when the secrets suffice, what PLAINTEXT hides, what a lone
// base string is judged against) is signer.Check's: this module holds none.
// Must never: build nodes from HTML strings, write to any storage, log, open
// a network connection, put anything typed here into the URL, or fill a
// secret into the Sign view. Secrets live only in their inputs: nothing this
// module keeps between runs holds one, and Clear and pagehide wipe them.

import * as engine from './engine.js';
import { verify as text } from './strings-verify.js';
import { SECRET_FIELDS, methodFamily } from './fields.js';
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
  count: 0, // checks answered so far, not those that wait for the full build (mirrored in data-verify-count)
  importable: null, // the request the Import button fills in; never holds a secret
  plaintext: false, // the last check read a PLAINTEXT request
  checkedText: null, // the pasted text the last check read
  compare: false, // the user asked to compare with the Sign view's request
  lastMs: 0, // how long the last check and its rendering took
};

// setupVerify wires the view. hooks: { readSignRequest() → the Sign view's
// request (secrets included; used only for the "use the Sign view's
// secrets" button and, stripped of them, as the request to compare with
// when the user asks), importRequest(request, secrets, brought) → fills the
// Sign view with request and its secret inputs with secrets (empty ones
// unless the user chose to bring those typed here; brought says so),
// select(name, focus) → shows a view (views.js), onClear(fn) and
// onPageHide(fn) → run fn on Clear and on pagehide before the signer is
// discarded (app.js keeps that order for a view loaded late) }.
// It returns shown(), to call each time the view is shown.
export function setupVerify(h) {
  hooks = h;
  ui = {
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
    bring: null, // the "bring the secrets typed here" checkbox (setupBring)
    bringRow: null,
  };
  fillText(document, { verify: text });
  setupToggles();
  setupBring();

  $('verify-fields').addEventListener('input', onEdit);
  ui.useSign.addEventListener('click', useSignSecrets);
  ui.example.addEventListener('click', loadExample);
  ui.import.addEventListener('click', importIntoSign);
  h.onClear(() => {
    wipe(true);
    say(text.status.cleared, true);
  });
  h.onPageHide(() => wipe(false));

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
  return shown;
}

// ---- shown ----

// shown follows the view being shown: a comparison with the Sign view's
// request, when asked for, follows that request, which may have changed
// while this view was hidden.
function shown() {
  engine.upgrade().catch(() => {}); // the lite signer cannot check: load the full one now
  schedule();
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
  const plaintext = holdsPlaintext();
  for (const input of [ui.consumerSecret, ui.tokenSecret, ui.publicKey]) input.value = '';
  if (all || plaintext) {
    ui.input.value = '';
    ui.baseString.value = '';
    state.compare = false;
  }
  for (const input of [ui.consumerSecret, ui.tokenSecret]) {
    setConcealed(input, true);
    warnAbout(input);
  }
  setText(ui.useSignNote, '');
  renderEmpty();
}

// holdsPlaintext reports whether the pasted text is a PLAINTEXT request as
// the signer's parser reads it, however oauth_signature_method and its value
// are spelled or encoded: the last check's answer when it read this very
// text, else a parse now. When no signer can say, a text counts as holding
// one: a secret kept after pagehide is worse than a paste to redo.
function holdsPlaintext() {
  const pasted = ui.input.value;
  if (pasted.trim() === '') return false;
  if (state.checkedText === pasted) return state.plaintext;
  if (!engine.ready()) return true;
  const p = safe(() => engine.parse(pasted));
  if (!p || p.ok !== true) return p === null || p.loading === true;
  return String(p.request?.signatureMethod ?? '').toUpperCase() === 'PLAINTEXT';
}

function onEdit(event) {
  if (event.target === ui.input) state.compare = false; // a new paste is judged on its own first
  if (event.target === ui.consumerSecret || event.target === ui.tokenSecret) {
    warnAbout(event.target);
    setText(ui.useSignNote, '');
  }
  requestCheck();
}

// A check cannot be interrupted once it runs. So after one that took long
// (a huge paste), the next does not run on every frame while the user
// types: it waits until typing pauses for about as long as the last check
// took, and the keystrokes in between are handled at once.
const SLOW_CHECK_MS = 50;
let slowTimer = 0;

function requestCheck() {
  clearTimeout(slowTimer);
  if (state.lastMs <= SLOW_CHECK_MS) schedule();
  else slowTimer = setTimeout(schedule, Math.min(state.lastMs, 1000));
}

// ---- running ----

// schedule runs the check once per frame however many input events arrive.
const schedule = coalesce(runCheck);

function runCheck() {
  // A hidden view is checked when it opens (selectView): the lite signer
  // cannot check, and asking it would load the full one at start-up.
  if (!engine.ready() || ui.viewVerify.hidden) return;
  const input = {
    text: ui.input.value,
    baseString: ui.baseString.value,
    ...readSecrets(),
    now: Date.now(),
  };
  // The Sign view's request goes with the check only when the user asked
  // to compare with it (the button below a lone base string or header).
  if (state.compare) input.compareWith = signViewRequest();
  const started = performance.now();
  const c = safe(() => engine.check(input));
  state.checkedText = c && c.loading ? null : input.text;
  if (c && c.loading) {
    // The full build is loading: upgraded (setupVerify) checks again, and
    // that check is the one counted in data-verify-count.
    say(c.error.message, true);
    return;
  }
  render(c && c.ok === true ? c : { ok: false, error: c && c.error ? c.error : FAILED_PARSE });
  state.lastMs = performance.now() - started;
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
const FAILED_PARSE = Object.freeze({ field: 'text', code: 'internal' });

// signViewRequest is the Sign view's request without its secrets.
function signViewRequest() {
  const r = { ...hooks.readSignRequest() };
  for (const f of SECRET_FIELDS) delete r[f];
  return r;
}

// compareWithSignView sends the Sign view's request with the next checks,
// until the pasted text changes.
function compareWithSignView() {
  state.compare = true;
  schedule();
}

// ---- rendering ----

function renderEmpty() {
  state.importable = null;
  state.plaintext = false;
  state.checkedText = null; // state.plaintext no longer describes any text
  ui.import.disabled = true;
  updateBring();
  setVerdict('unknown', '');
  ui.detail.replaceChildren();
  ui.diagnosis.replaceChildren(el('p', { className: 'idle', text: text.diagnosis.idle }));
  ui.diff.replaceChildren(el('p', { className: 'idle', text: text.diff.idle }));
  ui.read.replaceChildren();
  ui.unparsed.replaceChildren();
  showFamily('hmac');
  if (engine.ready()) say(text.status.waiting, true);
}

// render shows oauth1.check's answer c: every decision is in c (what was
// read, what was compared, the verdict, what is needed); this only draws it.
function render(c) {
  if (c.ok && c.empty) {
    renderEmpty();
    return;
  }
  const ok = c.ok === true;
  state.importable = ok ? c.importable : null;
  state.plaintext = ok && c.plaintext;
  ui.import.disabled = state.importable === null;
  updateBring();
  showFamily(ok && c.rsa ? 'rsa' : 'hmac');

  setVerdict(ok ? c.verdict : 'unknown', ok ? c.kind : '');
  renderDetail(c);
  const m = { sigDiagnosis: ok ? c.signature : null, baseDiagnosis: ok ? c.baseString : null, verdict: ok ? c.verdict : 'unknown' };
  renderDiagnosis(ui.diagnosis, m);
  renderDiff(ui.diff, m.baseDiagnosis);
  renderRead(ui.read, ui.unparsed, ok ? c.read : null, state.plaintext && !(c.needs ?? []).includes('signature'));

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

function renderDetail(c) {
  if (!c.ok) {
    ui.detail.replaceChildren(problem(c.error, 'verify-error'));
    return;
  }
  const nodes = [];
  if (c.compared) {
    const p = el('p', { className: 'compared', text: text.compared[c.compared] ?? '', dataset: { testid: 'verify-compared', compared: c.compared } });
    if (c.compared === 'compareWith' || c.compared === 'header') p.append(' ', requestName(c.request));
    if (c.timesFrom) p.append(' ', text.compared.signViewTimes);
    nodes.push(p);
  }
  if (c.comparable && !state.compare) {
    const button = el('button', { className: 'toggle', text: text.compared.compareButton, dataset: { testid: 'verify-compare' } });
    button.type = 'button';
    button.addEventListener('click', compareWithSignView);
    nodes.push(el('p', { className: 'compare' }, [button, ' ', el('span', { className: 'hint', text: `${text.compared.compareHint} ${requestName(signViewRequest())}` })]));
  }
  if (c.schemeGuessed) {
    const words = c.scheme ? text.scheme[c.scheme] : text.scheme.neither;
    nodes.push(el('p', { className: 'scheme', text: words ?? '', dataset: { testid: 'verify-scheme', scheme: c.scheme } }));
  }
  if (c.reason) nodes.push(el('p', { className: 'reason', text: c.reason, dataset: { testid: 'verify-reason' } }));
  if (c.plaintext && c.kind === 'signature') {
    nodes.push(el('p', { className: 'hint', text: text.needs.plaintext }));
  } else {
    if (c.expected) nodes.push(sigLine(text.expected, c.expected, 'verify-expected'));
    if (c.received && c.kind === 'signature') nodes.push(sigLine(text.received, c.received, 'verify-received'));
  }
  if (c.expectedBaseString) nodes.push(baseLine(text.expectedBase, c.expectedBaseString, 'verify-expected-base'));
  if (c.receivedBaseString && c.receivedBaseString !== c.expectedBaseString) {
    nodes.push(baseLine(text.receivedBase, c.receivedBaseString, 'verify-received-base'));
  }
  if (c.tooLarge) nodes.push(el('p', { className: 'hint', text: text.tooLarge, dataset: { testid: 'verify-too-large' } }));
  for (const id of c.needs ?? []) nodes.push(el('p', { className: 'needs', text: text.needs[id] ?? '', dataset: { testid: 'verify-needs', need: id } }));
  for (const e of c.problems ?? []) nodes.push(problem(e, 'verify-problem'));
  const warnings = Array.isArray(c.warnings) ? c.warnings : [];
  if (warnings.length) {
    nodes.push(el('p', { className: 'warnings-label', text: text.warnings.heading }));
    nodes.push(el('ul', { className: 'warnings', dataset: { testid: 'verify-warnings' } }, warnings.map((w) =>
      el('li', { dataset: { warning: String(w.id ?? '') } }, [
        el('strong', { text: text.warnings.ids[w.id] ?? '' }), ' ', String(w.text ?? ''),
      ]))));
  }
  ui.detail.replaceChildren(...nodes);
}

// requestName says which request something was compared with: its method
// and URL, never a secret.
function requestName(r) {
  const method = r && r.method ? r.method : 'GET';
  return r && r.url ? `(${method} ${r.url})` : text.compared.noRequest;
}

function baseLine(label, value, testName) {
  return el('div', { className: 'sig-line base-line' }, [
    el('span', { className: 'sig-label', text: label }),
    el('pre', { className: 'value mono', text: value, dataset: { testid: testName } }),
  ]);
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

// importIntoSign fills the Sign view with the request read here. The
// pasted text has no secret, and the Sign view's (an example's, which the
// user may never have typed) would not belong to it: its secret inputs get
// the ones typed here when the user leaves "bring" ticked, else they are
// emptied and the Sign view asks for them.
function importIntoSign() {
  if (!state.importable) return;
  const brought = typedSecrets() && ui.bring.checked;
  const secrets = brought ? { consumerSecret: ui.consumerSecret.value, tokenSecret: ui.tokenSecret.value } : {};
  hooks.importRequest({ ...state.importable }, secrets, brought);
  hooks.select('sign', true);
}

// setupBring puts, before the Import button, the offer to bring the
// secrets typed here; it is shown only while some are (updateBring).
function setupBring() {
  const box = el('input', { dataset: { testid: 'verify-bring-secrets' } });
  box.type = 'checkbox';
  box.id = 'verify-bring-secrets';
  box.checked = true;
  const label = el('label', { text: text.read.bringSecrets });
  label.htmlFor = box.id;
  ui.bring = box;
  ui.bringRow = el('p', { className: 'check bring-secrets', dataset: { testid: 'verify-bring-row' } }, [box, ' ', label]);
  ui.bringRow.hidden = true;
  ui.import.before(ui.bringRow);
}

function typedSecrets() {
  return ui.consumerSecret.value !== '' || ui.tokenSecret.value !== '';
}

// updateBring shows the offer while a secret is typed here.
function updateBring() {
  ui.bringRow.hidden = !typedSecrets();
}
