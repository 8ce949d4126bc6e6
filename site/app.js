// app.js: the wiring. Entry point of the page.
//
// Owns: filling the page text from strings.js, the preset menu, the
// parameter-table editor, the show/hide and new/now buttons, the theme toggle
// (in memory only), Clear and the pagehide wipe, booting the engine,
// re-signing on every input (coalesced to one sign per frame), and handing
// results to render.js. Its one state object holds no secret: the reveal
// choices and the memory of previous values (for "what changed") are built
// from non-secret outputs only, and Clear drops them.
// Must never: build nodes from HTML strings, write to any storage, log, open a
// network connection, put an input value into the URL (share links are
// share-panel.js's, built only on request and from share.js's allow-list,
// which has no secret), or overwrite what the user typed (inputs are written
// only on start-up, on "Load example", by the New/Now buttons, by Clear, and
// when a share link is opened).

import * as engine from './engine.js';
import {
  warning, page, fields, controls, engine as engineText, status as statusText, errors, generated,
  presetGroups, presetText, presetNotes, realCredential, primer, verify as verifyText,
} from './strings.js';
import { presets, groups, defaultPreset, findPreset, knownCredentials } from './presets.js';
import {
  fillText, setStale, showError, setText, methodFamily, el, testid,
  renderSigned, renderFieldError, setFieldValue, updateMethodFields,
} from './render.js';
import { credentialKind, newNonce, nowSeconds } from './guard.js';
import { setupSharing } from './share-panel.js';
import { setupVerify } from './verify.js';
import { coalesce } from './schedule.js';

// The text and select inputs, by the signer API's field name (each is the id
// of its input in index.html). version, bodyHash, transport and params are
// read separately.
const TEXT_FIELDS = Object.freeze([
  'method', 'url', 'body', 'contentType', 'consumerKey', 'consumerSecret', 'token', 'tokenSecret',
  'privateKey', 'signatureMethod', 'nonce', 'timestamp', 'realm', 'callback', 'verifier',
]);
const SECRET_FIELDS = Object.freeze(['consumerSecret', 'tokenSecret', 'privateKey']);
const CREDENTIAL_FIELDS = Object.freeze(['consumerKey', 'consumerSecret', 'token', 'tokenSecret', 'privateKey']);
const DEFAULTS = Object.freeze({ method: 'GET', contentType: '', signatureMethod: 'HMAC-SHA1' });

const $ = (id) => document.getElementById(id);

const ui = {
  status: $('status'),
  generalError: $('general-error'),
  fields: $('fields'),
  preset: $('preset'),
  loadPreset: $('load-preset'),
  presetSource: $('preset-source'),
  presetNote: $('preset-note'),
  presetCheck: $('preset-check'),
  params: $('params'),
  paramsEmpty: $('params-empty'),
  paramsAdd: $('params-add'),
  steps: $('steps'),
  requestCard: $('request-card'),
  placeholder: $('steps-placeholder'),
  result: $('result'),
  themeToggle: $('theme-toggle'),
  clear: $('clear'),
  slots: {
    signature: $('slot-signature'),
    baseString: $('slot-baseString'),
    authorization: $('slot-authorization'),
    chosen: $('slot-chosen'),
    chosenLabel: $('chosen-label'),
    chosenItem: $('chosen-item'),
  },
};

// schedule signs once per frame however many input events arrive.
const schedule = coalesce(signNow);

const state = {
  paused: false, // after Clear or pagehide: no signing until the next edit
  signCount: 0, // sign attempts so far (mirrored in data-sign-count)
  rendered: false, // a good result has been shown since the last wipe
  version: '', // the signer's version string, once started
  preset: null, // the preset last loaded, for the comparison with its published value
  reveal: new Set(), // keys of masked values the user chose to see
  previous: new Map(), // non-secret values of the last render, for highlighting changes
  theme: null, // 'dark' | 'light' once the user picks one; never persisted
  rowSeq: 0, // ids for parameter rows
};

function init() {
  document.title = page.title;
  fillText(document, { warning, page, fields, controls, primer });
  for (const option of $('contentType').options) option.textContent = fields.contentType.options[option.value] ?? option.value;
  $('theme-toggle').closest('.toolbar').setAttribute('aria-label', page.toolbar.label);
  fillPrimer();
  setupPresets();
  setupParams();
  setupSecretToggles();
  setupButtons();
  setupTheme();
  setupVerify({ readSignRequest: readRequest, importRequest });
  loadPreset(defaultPreset);
  setupSharing({ read: readShareable, apply: applyShared });

  ui.fields.addEventListener('input', onEdit);
  ui.fields.addEventListener('change', onEdit);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);

  setText(ui.status, statusText.loading);
  ui.status.setAttribute('aria-busy', 'true');
  engine.onUpgrade(schedule); // re-sign once the RSA build has loaded
  engine.start().then(onEngineReady, onEngineFailed);
}

function onEdit(event) {
  const id = event.target && event.target.id;
  if (id === 'signatureMethod') updateMethodFields();
  if (CREDENTIAL_FIELDS.includes(id)) updateCredentialWarning(id);
  state.paused = false;
  schedule();
}

// ---- presets ----

function setupPresets() {
  const byGroup = new Map(groups.map((g) => [g, []]));
  for (const p of presets) byGroup.get(p.group)?.push(p);
  ui.preset.replaceChildren(...groups.map((g) => {
    const optgroup = document.createElement('optgroup');
    optgroup.label = presetGroups[g];
    optgroup.append(...byGroup.get(g).map((p) => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.label;
      return option;
    }));
    return optgroup;
  }));
  ui.preset.addEventListener('change', () => showPresetInfo(findPreset(ui.preset.value)));
  ui.loadPreset.addEventListener('click', () => {
    const preset = findPreset(ui.preset.value);
    if (!preset) return;
    loadPreset(preset);
    state.paused = false;
    schedule();
  });
}

function loadPreset(preset) {
  const r = preset.request;
  ui.preset.value = preset.id;
  state.preset = preset;
  showPresetInfo(preset);
  for (const field of TEXT_FIELDS) setFieldValue($(field), r[field] ?? DEFAULTS[field] ?? '');
  $('version').checked = r.version === '1.0';
  $('bodyHash').checked = r.bodyHash === true;
  setTransport(r.transport || 'header');
  ui.params.replaceChildren();
  for (const [name, value, where] of preset.params ?? []) addParamRow(name, value, where);
  updateParamsEmpty();
  concealAll();
  updateMethodFields();
  for (const f of CREDENTIAL_FIELDS) updateCredentialWarning(f);
}

// importRequest fills the Sign view from a request the Verify view read
// (oauth1.parse never returns a secret). The secret inputs keep what the
// user typed; every other input is replaced, as "Load example" does.
function importRequest(r) {
  for (const field of TEXT_FIELDS) {
    if (!SECRET_FIELDS.includes(field)) setFieldValue($(field), String(r[field] ?? '') || (DEFAULTS[field] ?? ''));
  }
  $('version').checked = Boolean(r.version);
  $('bodyHash').checked = r.bodyHash === true;
  setTransport(r.transport || 'header');
  ui.params.replaceChildren();
  for (const [name, value, where] of Array.isArray(r.params) ? r.params : []) addParamRow(name, value, where);
  updateParamsEmpty();
  updateMethodFields();
  for (const f of CREDENTIAL_FIELDS) updateCredentialWarning(f);
  state.preset = null;
  showPresetInfo(null);
  setText(ui.presetNote, verifyText.read.imported);
  state.paused = false;
  schedule();
}

// readShareable is what share links and embeds are built from: the request
// with its secret fields deleted, and the example it started from. share.js
// then copies only the fields of its allow-list.
function readShareable() {
  const request = readRequest();
  for (const field of SECRET_FIELDS) delete request[field];
  return { request, preset: state.preset ? state.preset.id : '' };
}

// applyShared fills the inputs from a share link: request has every field of
// share.js's allow-list and no secret. The secret inputs get the published
// credentials of the example the link names, or stay empty.
function applyShared(request, preset) {
  loadPreset(preset ?? defaultPreset);
  if (!preset) {
    for (const field of SECRET_FIELDS) $(field).value = '';
    state.preset = null;
    showPresetInfo(null);
  }
  for (const field of TEXT_FIELDS) {
    if (!SECRET_FIELDS.includes(field)) setFieldValue($(field), request[field] ?? DEFAULTS[field] ?? '');
  }
  $('version').checked = request.version === '1.0';
  $('bodyHash').checked = request.bodyHash === true;
  setTransport(request.transport || 'header');
  ui.params.replaceChildren();
  for (const [name, value, where] of request.params ?? []) addParamRow(name, value, where);
  updateParamsEmpty();
  updateMethodFields();
  for (const f of CREDENTIAL_FIELDS) updateCredentialWarning(f);
  state.paused = false;
  schedule();
}

function showPresetInfo(preset) {
  if (!preset) {
    setText(ui.presetSource, '');
    setText(ui.presetNote, '');
    return;
  }
  setText(ui.presetSource, presetText.source(preset.source));
  const note = presetNotes[preset.id] ?? '';
  setText(ui.presetNote, preset.group === 'services' ? `${note} ${presetText.dummy}`.trim() : note);
}


function setTransport(value) {
  for (const radio of document.querySelectorAll('input[name="transport"]')) radio.checked = radio.value === value;
}

function readTransport() {
  return document.querySelector('input[name="transport"]:checked')?.value ?? 'header';
}

// ---- the parameter table ----

function setupParams() {
  ui.paramsAdd.addEventListener('click', () => {
    const row = addParamRow('', '', 'query');
    updateParamsEmpty();
    row.querySelector('input').focus();
  });
}

function addParamRow(name, value, where) {
  const n = ++state.rowSeq;
  const li = el('li', { className: 'param-row', dataset: { testid: 'param-row' } });
  const nameId = `param-name-${n}`;
  const valueId = `param-value-${n}`;
  const whereId = `param-where-${n}`;

  const nameInput = textInput(nameId, name, 'param-name');
  const valueInput = textInput(valueId, value, 'param-value');
  const whereSelect = el('select', { className: 'param-where', dataset: { testid: 'param-where' } });
  whereSelect.id = whereId;
  for (const w of ['query', 'body']) {
    const option = el('option', { text: fields.params[w] });
    option.value = w;
    whereSelect.append(option);
  }
  whereSelect.value = where === 'body' ? 'body' : 'query';

  const remove = el('button', { className: 'toggle remove', text: fields.params.remove, dataset: { testid: 'param-remove' } });
  remove.type = 'button';
  remove.addEventListener('click', () => {
    const next = li.nextElementSibling ?? li.previousElementSibling;
    li.remove();
    renumberParams();
    updateParamsEmpty();
    (next ? next.querySelector('input') : ui.paramsAdd).focus();
    state.paused = false;
    schedule();
  });

  li.append(
    cellWithLabel(nameId, 'name', nameInput),
    cellWithLabel(valueId, 'value', valueInput),
    cellWithLabel(whereId, 'where', whereSelect),
    remove,
  );
  ui.params.append(li);
  renumberParams();
  return li;
}

function textInput(id, value, testName) {
  const input = el('input', { className: `mono ${testName}`, dataset: { testid: testName } });
  input.id = id;
  input.type = 'text';
  input.value = value;
  for (const [k, v] of [['spellcheck', 'false'], ['autocomplete', 'off'], ['autocapitalize', 'off'], ['autocorrect', 'off'], ['translate', 'no']]) {
    input.setAttribute(k, v);
  }
  return input;
}

function cellWithLabel(id, kind, control) {
  const label = el('label', { className: 'param-label', dataset: { kind } });
  label.htmlFor = id;
  return el('div', { className: `param-cell pcell-${kind}` }, [label, control]);
}

// renumberParams keeps each row's labels ("Name of parameter 2") in step
// with its position.
function renumberParams() {
  [...ui.params.children].forEach((li, i) => {
    const n = i + 1;
    for (const label of li.querySelectorAll('label')) {
      const kind = label.dataset.kind;
      label.textContent = kind === 'name' ? fields.params.nameLabel(n) : kind === 'value' ? fields.params.valueLabel(n) : fields.params.whereLabel(n);
    }
    li.querySelector('button.remove').setAttribute('aria-label', fields.params.removeLabel(n));
  });
}

function updateParamsEmpty() {
  ui.paramsEmpty.hidden = ui.params.children.length > 0;
}

function readParams() {
  const out = [];
  for (const li of ui.params.children) {
    const name = li.querySelector('.param-name').value;
    const value = li.querySelector('.param-value').value;
    if (name === '' && value === '') continue;
    out.push([name, value, li.querySelector('.param-where').value]);
  }
  return out;
}

// ---- show / hide for secret inputs; RSA-only fields ----

function setupSecretToggles() {
  for (const button of document.querySelectorAll('button[data-toggle]')) {
    const input = $(button.dataset.toggle);
    button.addEventListener('click', () => {
      setConcealed(input, !isConcealed(input));
    });
    setConcealed(input, true);
  }
}

function isConcealed(input) {
  return input instanceof HTMLTextAreaElement ? input.classList.contains('concealed') : input.type === 'password';
}

// setConcealed masks or shows a secret input. The password type (and the
// concealed class on the private-key textarea) keeps the value out of cloud
// spellcheck and shoulder view; spellcheck="false" stays on either way.
function setConcealed(input, concealed) {
  if (input instanceof HTMLTextAreaElement) input.classList.toggle('concealed', concealed);
  else input.type = concealed ? 'password' : 'text';
  const button = document.querySelector(`button[data-toggle="${input.id}"]`);
  const name = fields[input.id]?.label ?? input.id;
  button.textContent = concealed ? controls.show : controls.hide;
  button.setAttribute('aria-label', concealed ? controls.showLabel(name) : controls.hideLabel(name));
  button.setAttribute('aria-pressed', String(!concealed));
}

function concealAll() {
  for (const id of SECRET_FIELDS) setConcealed($(id), true);
}


// ---- the real-credential warning ----

function updateCredentialWarning(field) {
  const input = $(field);
  const wrapper = input.closest('.field');
  const id = testid.realWarning(field);
  const kind = credentialKind(field, input.value, knownCredentials);
  let p = document.getElementById(id);
  if (!kind) {
    if (p) {
      p.remove();
      removeDescribedBy(input, id);
    }
    return;
  }
  const message = realCredential.message(realCredential.kinds[kind]);
  if (p && p.textContent === message) return;
  if (!p) {
    p = el('p', { className: 'real-warning', dataset: { testid: id } });
    p.id = id;
    p.setAttribute('role', 'alert');
    wrapper.append(p);
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
  }
  p.textContent = message;
}

function removeDescribedBy(input, id) {
  const rest = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((t) => t && t !== id);
  if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
  else input.removeAttribute('aria-describedby');
}

// ---- buttons: new nonce, timestamp now, clear ----

function setupButtons() {
  const nonceNew = $('nonce-new');
  nonceNew.setAttribute('aria-label', fields.nonce.newLabel);
  nonceNew.addEventListener('click', () => {
    $('nonce').value = newNonce();
    state.paused = false;
    schedule();
  });
  const tsNow = $('timestamp-now');
  tsNow.setAttribute('aria-label', fields.timestamp.nowLabel);
  tsNow.addEventListener('click', () => {
    $('timestamp').value = nowSeconds();
    state.paused = false;
    schedule();
  });
  ui.clear.addEventListener('click', () => {
    clearEverything();
    setText(ui.status, statusText.cleared);
    ui.status.dataset.state = 'cleared';
  });
}

// clearEverything wipes every input and every output, and forgets what the
// page remembered of them. Strings in memory cannot be overwritten in
// JavaScript or Go; dropping every reference is what we can do.
function clearEverything() {
  for (const input of ui.fields.querySelectorAll('input, textarea, select')) {
    if (input.type === 'checkbox') input.checked = false;
    else if (input.type === 'radio') input.checked = input.value === 'header';
    else if (input instanceof HTMLSelectElement) input.value = DEFAULTS[input.id] ?? input.options[0]?.value ?? '';
    else input.value = '';
  }
  ui.params.replaceChildren();
  updateParamsEmpty();
  concealAll();
  updateMethodFields();
  for (const f of CREDENTIAL_FIELDS) updateCredentialWarning(f);
  state.preset = null;
  showPresetInfo(null);
  clearOutputs();
  setText(ui.placeholder, page.steps.cleared);
}

// clearOutputs removes every output and the page's memory of them.
function clearOutputs() {
  state.paused = true;
  state.rendered = false;
  state.reveal.clear();
  state.previous = new Map();
  for (const slot of [ui.slots.signature, ui.slots.baseString, ui.slots.authorization, ui.slots.chosen]) slot.replaceChildren();
  ui.slots.chosenItem.hidden = true;
  ui.presetCheck.replaceChildren();
  ui.presetCheck.hidden = true;
  ui.steps.replaceChildren();
  ui.requestCard.replaceChildren();
  ui.placeholder.hidden = false;
  ui.result.hidden = true;
  setText($('generated-nonce'), '');
  setText($('generated-timestamp'), '');
  showError(document, null, ui.generalError);
  setStale([ui.result, ui.steps, ui.requestCard], false);
}

// onPageHide clears the secret inputs and every output when the page is
// left, so neither the back/forward cache nor form restoration brings them
// back. The other inputs stay, so the request is not lost.
function onPageHide() {
  for (const id of SECRET_FIELDS) $(id).value = '';
  concealAll();
  for (const f of CREDENTIAL_FIELDS) updateCredentialWarning(f);
  clearOutputs();
  setText(ui.placeholder, statusText.pagehide);
  setText(ui.status, statusText.pagehide);
}

function onPageShow(event) {
  if (!event.persisted) return;
  setText(ui.status, statusText.pagehide);
}

// ---- theme: prefers-color-scheme, plus a toggle kept in memory only ----

function setupTheme() {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const dark = state.theme ? state.theme === 'dark' : media.matches;
    if (state.theme) document.documentElement.dataset.theme = state.theme;
    else delete document.documentElement.dataset.theme;
    ui.themeToggle.setAttribute('aria-pressed', String(dark));
  };
  ui.themeToggle.addEventListener('click', () => {
    state.theme = ui.themeToggle.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark';
    apply();
  });
  media.addEventListener('change', apply);
  apply();
}

// ---- the primer ----

function fillPrimer() {
  const dl = $('primer-terms');
  for (const t of primer.terms) {
    const badge = el('span', { className: `badge ${t.secret ? 'badge-secret' : 'badge-public'}`, text: t.secret ? primer.secretLabel : primer.publicLabel });
    dl.append(el('dt', {}, [el('span', { text: t.term }), ' ', badge]), el('dd', { text: t.text }));
  }
}

// ---- signing ----


function readRequest() {
  const request = {};
  for (const field of TEXT_FIELDS) request[field] = $(field).value;
  request.version = $('version').checked ? '1.0' : '';
  request.bodyHash = $('bodyHash').checked;
  request.transport = readTransport();
  const params = readParams();
  if (params.length) request.params = params;
  return request;
}

function signNow() {
  if (!engine.ready() || state.paused) return;
  // User Timing marks around the sign and render, for `make bench`
  // (perf_test.go observes them); they hold no input. A PerformanceObserver
  // gets them as they are made, so they are cleared at once and the page's
  // timeline does not grow as the user types.
  performance.mark('oauth1:sign-start');
  const request = readRequest();
  let result = null;
  try {
    result = engine.sign(request);
  } catch {
    result = null;
  }

  if (result && result.loading) {
    // The RSA build is loading; onUpgrade signs again when it is ready, and
    // that render is the one that counts.
    setStale([ui.result, ui.steps, ui.requestCard], true);
    setText(ui.status, result.error.message);
    ui.status.dataset.state = 'loading';
    return;
  }
  if (result && result.ok === true) {
    renderGood(result, request);
  } else if (result && result.ok === false && result.error) {
    renderBad(result.error);
  } else {
    renderBroken();
  }
  state.signCount += 1;
  ui.status.dataset.signCount = String(state.signCount);
  performance.mark('oauth1:render-end');
  performance.clearMarks('oauth1:sign-start');
  performance.clearMarks('oauth1:render-end');
}

function renderGood(result, request) {
  renderSigned(ui, state, result, request);
  showGenerated(request, result);
  ui.placeholder.hidden = true;
}

function showGenerated(request, result) {
  setText($('generated-nonce'), request.nonce === '' ? generated.nonce(result.nonce ?? '') : '');
  let ts = '';
  if (request.timestamp === '') ts = generated.timestamp(result.timestamp ?? '');
  else if (/^[0-9]{13}$/.test(request.timestamp)) ts = generated.millis;
  setText($('generated-timestamp'), ts);
}

function renderBad(error) {
  renderFieldError(ui, state, error);
}

function renderBroken() {
  setStale([ui.result, ui.steps, ui.requestCard], true);
  if (!engine.ready()) {
    showError(document, null, ui.generalError);
    engineError(statusText.crashed);
    return;
  }
  showError(document, { field: '', message: errors.generic }, ui.generalError);
  ui.status.dataset.state = 'invalid';
}

// ---- engine lifecycle ----

function onEngineReady(version) {
  state.version = version;
  ui.status.removeAttribute('aria-busy');
  signNow();
}

function onEngineFailed(err) {
  ui.status.removeAttribute('aria-busy');
  // Only our own sentences reach the page; anything else gets the generic one.
  const message = err && Object.values(engineText).includes(err.message)
    ? err.message
    : engineText.startFailed;
  engineError(message);
  setText(ui.placeholder, message);
}

function engineError(message) {
  setText(ui.status, message);
  ui.status.dataset.error = 'true';
}

init();
