// app.js: the wiring of the full page. Entry point of index.html.
//
// Owns: filling the page text from strings.js, the preset menu, the new/now
// buttons, the theme toggle (three states, in memory only), the banner's
// collapse (in memory only), the jump link and the Sign status line
// following the shown view, Clear and the pagehide wipe, and handing the Sign view's form (form.js) to the signing loop
// (signing.js), the Verify view (verify.js) and share links
// (share-panel.js), which lazy.js loads when they are first needed. Its
// one state object holds no secret: the reveal choices and the memory of
// previous values (for "what changed") are built from non-secret outputs
// only, and Clear drops them.
// Must never: build nodes from HTML strings, write to any storage, log, open a
// network connection, put an input value into the URL (share links are
// share-panel.js's, built only on request and from share.js's allow-list,
// which has no secret), or overwrite what the user typed (inputs are written
// only on start-up, when an example is chosen (or reloaded, or its load
// undone), by the New/Now buttons and the test-key button, by Clear, and
// when a share link is opened).

import './nortc.js'; // first: no WebRTC for any code after it
import {
  warning, page, fields, controls, status as statusText, generated, imported,
} from './strings.js';
import { presetGroups, presetText, presetNotes, primer } from './strings-sign.js';
import { presets, groups, defaultPreset, findPreset } from './presets.js';
import { SECRET_FIELDS } from './fields.js';
import { fillText, setText, el } from './dom.js';
import {
  setupForm, readRequest, writeRequest, writeSecrets, noteEdit, fieldLabel, setupConcealToggles, setupParams,
  noteAction, showFault, updateCredentialWarning, signAttempted, markVerdictStale, setupTestKey, setupUndo, offerUndo,
} from './form.js';
import { signingUi, signingView, clearOutputs, forgetSecrets } from './signing.js';
import {
  paintGenerated, editedBeforeReady, startingNote, dropPrerendered, typedBefore, restoreTyped, forgetArrived, releaseFirstFrame,
  afterFirstPaint,
} from './first-paint.js';
import { newNonce, nowSeconds } from './guard.js';
import { setupLazy, lazyCodeCard, preloadWhenIdle } from './lazy.js';

const $ = (id) => document.getElementById(id);

const ui = {
  ...signingUi(),
  fields: $('fields'),
  preset: $('preset'),
  loadPreset: $('load-preset'),
  presetSource: $('preset-source'),
  presetNote: $('preset-note'),
  placeholder: $('steps-placeholder'),
  themeToggle: $('theme-toggle'),
  clear: $('clear'),
};

const state = {
  paused: false, // after Clear or pagehide: no signing until the next edit
  signCount: 0, // sign attempts so far (mirrored in data-sign-count)
  rendered: false, // a good result has been shown since the last wipe
  version: '', // the signer's version string, once started
  preset: null, // the preset last loaded, for the comparison with its published value
  reveal: new Set(), // keys of masked values the user chose to see
  previous: new Map(), // non-secret values of the last render, for highlighting changes
  theme: null, // 'dark' | 'light' while the user picks one, null for the system's; never persisted
};

// The Code card's module (code-card.js) comes when the card is first opened.
const codeCard = lazyCodeCard(document, readRequest);

const { schedule, start } = signingView(ui, state, {
  read: readRequest,
  // Before the signer runs (first-paint.js): an example's result computed
  // at build time when the inputs hold exactly its request, else the
  // result on screen dimmed; the edit is signed once ready() runs.
  notReady: (request) => {
    // Another example's generated result comes with presets-signed.js,
    // loaded on this first need: ask again once it is here, unless the
    // signer has signed by then.
    const later = () => { if (ui.status.dataset.ready === undefined) resign(); };
    if (!paintGenerated(ui, state, state.preset?.id, request, { shown: paintedGenerated, later }) && state.rendered) editedBeforeReady(ui);
  },
  ready: () => removeStartingNote(),
  shown: (result, request) => {
    showGenerated(request, result);
    codeCard.update();
    ui.placeholder.hidden = true;
    markVerdictStale(ui.presetCheck, false);
    preloadWhenIdle(); // the views and panels not shown yet, once idle after the first live signature
    releaseFirstFrame(); // every step card laid out as usual, once idle too
  },
  // An error after the user's own action (a method chosen, say) takes the
  // focus to its field; the example's verdict is out of date with the result.
  failed: (field) => {
    if (state.rendered) markVerdictStale(ui.presetCheck, true);
    showFault(field);
    codeCard.update(); // the card says the request does not sign
  },
  signed: signAttempted,
});

// resign signs again after a change the page made (a button, an example).
function resign() {
  state.paused = false;
  schedule();
}

function init() {
  // The page arrives with the example in its inputs: what was typed into
  // them before this ran is kept, and wins over the example below.
  const typed = typedBefore(ui.fields);
  forgetArrived(ui.fields);
  document.title = page.title;
  fillText(document, { warning, page, fields, controls, primer });
  setupForm();
  $('theme-toggle').closest('.toolbar').setAttribute('aria-label', page.toolbar.label);
  fillPrimer();
  setupPresets();
  setupParams(resign);
  setupTestKey(resign);
  setupConcealToggles(document.querySelectorAll('button[data-toggle]'), (input) => fieldLabel(input.id));
  setupButtons();
  setupTheme();
  setupBanner();
  setupViewFollowers();
  loadPreset(defaultPreset);
  // The tab bar, and what loads the Verify and Tokens views, the share and
  // embed panels when first needed (lazy.js).
  hidden = setupLazy({ readSignRequest: readRequest, importRequest, readShareable, applyShared });

  ui.fields.addEventListener('input', onEdit);
  ui.fields.addEventListener('change', onEdit);

  start((message) => setText(ui.placeholder, message));
  // The worked example at once, from make build's native signing, while the
  // wasm (already requested) starts.
  removeStartingNote = startingNote(ui.fields);
  // index.html's own drawing of the example goes, in the same task as it
  // is drawn again here, listeners and all (or not, for another request).
  dropPrerendered(ui, ui.placeholder);
  paintGenerated(ui, state, state.preset?.id, readRequest(), { shown: paintedGenerated });
  // Then the early edits: the example's result dims, they are signed
  // once the signer runs.
  for (const node of restoreTyped(typed)) onEdit({ target: node });
  // The Clear and pagehide handlers that must run last, in the next task.
  setTimeout(initHidden, 0);
}

// hidden wipes the views and panels lazy.js loaded (none at first).
let hidden = { clear() {}, pageHide() {} };

// initHidden adds the Clear and pagehide handlers that must run after
// every other: the views lazy.js loaded late wipe first (the Verify view's
// wipe among them), so nothing they do reaches the discarded signer's
// successor.
function initHidden() {
  ui.clear.addEventListener('click', () => {
    hidden.clear();
    forgetSecrets();
  });
  window.addEventListener('pagehide', () => {
    hidden.pageHide();
    onPageHide();
  });
  window.addEventListener('pageshow', onPageShow);
}

// removeStartingNote takes first-paint.js's "the signer is starting" note away.
let removeStartingNote = () => {};

function paintedGenerated(result, request) {
  showGenerated(request, result);
  ui.placeholder.hidden = true;
}

function onEdit(event) {
  noteEdit(event);
  // A new method shows other secret fields: the real-credential warning
  // follows the ones shown.
  if (event.target?.id === 'signatureMethod') updateCredentialWarning($('privateKey'));
  resign();
}

// ---- presets ----

function setupPresets() {
  const byGroup = new Map(groups.map((g) => [g, []]));
  for (const p of presets) byGroup.get(p.group)?.push(p);
  // The first entry names no example: the menu shows it after Clear, an
  // import or a share link without one, so it never names an example the
  // inputs no longer hold.
  const none = el('option', { text: presetText.none });
  none.value = '';
  ui.preset.replaceChildren(none, ...groups.map((g) => {
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
  // Choosing an example loads it at once; the button loads it again over
  // later edits. Either can be undone (form.js keeps what was typed).
  const choose = () => {
    const preset = findPreset(ui.preset.value);
    if (!preset) return;
    const before = { request: readRequest(), preset: state.preset };
    loadPreset(preset);
    offerUndo(before.request, before.preset);
    noteAction();
    resign();
  };
  ui.preset.addEventListener('change', choose);
  ui.loadPreset.addEventListener('click', choose);
  setupUndo(ui.loadPreset, ui.preset, (request, preset) => {
    ui.preset.value = preset ? preset.id : '';
    state.preset = preset;
    showPresetInfo(preset);
    writeRequest(request, { secrets: true });
    resign();
  });
}

// loadPreset fills every input, secrets included, from an example.
function loadPreset(preset) {
  ui.preset.value = preset.id;
  state.preset = preset;
  showPresetInfo(preset);
  writeRequest({ ...preset.request, params: preset.params ?? [] }, { secrets: true });
}

// importRequest fills the Sign view from a request the Verify view read
// (oauth1.parse never returns a secret). The secret inputs get secrets,
// the ones typed in the Verify view when brought, else nothing: the
// example's would not belong to this request. Every other input is
// replaced, as loading an example does.
function importRequest(r, secrets = {}, brought = false) {
  writeRequest(r);
  writeSecrets(secrets);
  state.preset = null;
  showPresetInfo(null);
  setText(ui.presetNote, brought ? imported.withSecrets : imported.noSecrets);
  resign();
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
    writeSecrets({});
    state.preset = null;
    showPresetInfo(null);
  }
  writeRequest(request);
  resign();
}

function showPresetInfo(preset) {
  if (!preset) {
    ui.preset.value = '';
    setText(ui.presetSource, '');
    setText(ui.presetNote, '');
    return;
  }
  setText(ui.presetSource, presetText.source(preset.source));
  const note = presetNotes[preset.id] ?? '';
  setText(ui.presetNote, preset.group === 'services' ? `${note} ${presetText.dummy}`.trim() : note);
}

// ---- buttons: new nonce, timestamp now, clear ----

function setupButtons() {
  const nonceNew = $('nonce-new');
  nonceNew.setAttribute('aria-label', fields.nonce.newLabel);
  nonceNew.addEventListener('click', () => {
    $('nonce').value = newNonce();
    resign();
  });
  const tsNow = $('timestamp-now');
  tsNow.setAttribute('aria-label', fields.timestamp.nowLabel);
  tsNow.addEventListener('click', () => {
    $('timestamp').value = nowSeconds();
    resign();
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
  writeRequest({}, { secrets: true });
  state.preset = null;
  showPresetInfo(null);
  clearSignOutputs();
  setText(ui.placeholder, page.steps.cleared);
}

// clearSignOutputs removes every output and the page's memory of them.
function clearSignOutputs() {
  clearOutputs(ui, state);
  codeCard.clear();
  ui.placeholder.hidden = false;
  setText($('generated-nonce'), '');
  setText($('generated-timestamp'), '');
}

// onPageHide clears the secret inputs and every output when the page is
// left, so neither the back/forward cache nor form restoration brings them
// back. The other inputs stay, so the request is not lost.
// It runs after the Verify view's own pagehide wipe, and then discards the
// signer with all it was given (forgetSecrets), so a page restored from the
// back-forward cache holds no secret and has a fresh signer.
function onPageHide() {
  writeSecrets({});
  clearSignOutputs();
  setText(ui.placeholder, statusText.pagehide);
  setText(ui.status, statusText.pagehide);
  forgetSecrets();
}

function onPageShow(event) {
  if (!event.persisted) return;
  setText(ui.status, statusText.pagehide);
}

// ---- the warning banner: collapsible once read, never stored ----

// setupBanner wires the banner's button: collapsed, only its title stays.
// The choice lives in the button's aria-expanded only, so every load shows
// the whole note again.
function setupBanner() {
  const button = $('warning-collapse');
  const body = $('warning-body');
  button.addEventListener('click', () => {
    const collapse = button.getAttribute('aria-expanded') === 'true';
    body.hidden = collapse;
    button.setAttribute('aria-expanded', String(!collapse));
    setText(button, collapse ? warning.expand : warning.collapse);
  });
}

// ---- what follows the visible view: the jump link, the Sign status ----

// setupViewFollowers keeps the toolbar's jump link and the Sign view's
// status line with the view that is shown (verify.js switches them by the
// hidden attribute): the link goes to that view's result (the Sign view's
// result, or the Verify view's verdict), and the Sign view's status line,
// which speaks of signing the Sign view's request, is hidden while the
// Verify view shows its own.
function setupViewFollowers() {
  const verifyView = $('view-verify');
  const jump = $('jump-link');
  const verifying = () => !verifyView.hidden;
  const follow = () => {
    ui.status.hidden = verifying();
    jump.setAttribute('href', verifying() ? '#verdict-heading' : '#result-heading');
    setText(jump, verifying() ? page.toolbar.jumpVerdict : page.toolbar.jump);
  };
  new MutationObserver(follow).observe(verifyView, { attributes: true, attributeFilter: ['hidden'] });
  follow();
  // The link scrolls and moves the focus itself: its target may not be
  // shown yet (no result), and the fragment may hold a share link's state.
  jump.addEventListener('click', (event) => {
    event.preventDefault();
    let target = $('verdict-heading');
    if (!verifying()) target = $('result').hidden ? $('steps-heading') : $('result-heading');
    target.tabIndex = -1;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
}

// ---- theme: prefers-color-scheme, plus a toggle kept in memory only ----

// setupTheme wires the toggle through three states: the system's setting
// (state.theme null), then the theme it does not show, then the other one,
// then the system's again. The button says which is chosen
// (data-theme-choice), and nothing of it is stored.
function setupTheme() {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    if (state.theme) document.documentElement.dataset.theme = state.theme;
    else delete document.documentElement.dataset.theme;
    const choice = state.theme ?? 'system';
    ui.themeToggle.dataset.themeChoice = choice;
    setText(ui.themeToggle, page.toolbar.themeChoice[choice]);
  };
  ui.themeToggle.addEventListener('click', () => {
    const system = media.matches ? 'dark' : 'light';
    const other = system === 'dark' ? 'light' : 'dark';
    if (state.theme === null) state.theme = other;
    else if (state.theme === other) state.theme = system;
    else state.theme = null;
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

// ---- what the signer filled in ----

// showGenerated says which nonce and timestamp the signer made up for empty
// inputs, and warns about a timestamp in milliseconds.
function showGenerated(request, result) {
  setText($('generated-nonce'), request.nonce === '' ? generated.nonce(result.nonce ?? '') : '');
  let ts = '';
  if (request.timestamp === '') ts = generated.timestamp(result.timestamp ?? '');
  else if (/^[0-9]{13}$/.test(request.timestamp)) ts = generated.millis;
  setText($('generated-timestamp'), ts);
}

// The boot waits for the first paint of the example the page arrived with
// (afterFirstPaint); what is typed meanwhile is kept (typedBefore).
await afterFirstPaint();
init();
