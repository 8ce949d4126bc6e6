// app.js: the wiring. Entry point of the page.
//
// Owns: filling the page text from strings.js, loading a preset into the
// inputs, booting the engine, re-signing on every input (coalesced to one sign
// per frame), and handing results to render.js. It holds one small state
// object and nothing secret beyond what the inputs themselves hold.
// Must never: build nodes from HTML strings, write to any storage, log, open a
// network connection, put an input value into the URL, or overwrite what the
// user typed (inputs are written only on start-up and on "Load example").

import * as engine from './engine.js';
import {
  warning, page, fields, controls, engine as engineText, status as statusText, errors,
} from './strings.js';
import { presets, defaultPreset, findPreset } from './presets.js';
import { fillText, renderSteps, renderResult, setStale, showError, setText } from './render.js';

// The request fields, in the order the signer API names them. Each is the id
// of its input in index.html.
const FIELDS = Object.freeze([
  'method', 'url', 'body', 'contentType', 'consumerKey', 'consumerSecret',
  'token', 'tokenSecret', 'signatureMethod', 'nonce', 'timestamp', 'version',
]);

const $ = (id) => document.getElementById(id);

const ui = {
  status: $('status'),
  generalError: $('general-error'),
  fields: $('fields'),
  preset: $('preset'),
  loadPreset: $('load-preset'),
  presetSource: $('preset-source'),
  steps: $('steps'),
  result: $('result'),
  outputs: { signature: $('signature'), baseString: $('baseString'), authorization: $('authorization') },
};

const state = {
  pending: false, // a sign is scheduled
  signCount: 0, // renders so far (mirrored in data-sign-count)
  version: '', // the signer's version string, once started
  revealKey: false, // whether the user chose to see the signing key
};

function init() {
  document.title = page.title;
  fillText(document, { warning, page, fields, controls });
  setupPresets();
  loadPreset(defaultPreset);
  setupSecretToggles();
  ui.fields.addEventListener('input', schedule);

  setText(ui.status, statusText.loading);
  ui.status.setAttribute('aria-busy', 'true');
  engine.start().then(onEngineReady, onEngineFailed);
}

// ---- presets ----

function setupPresets() {
  ui.preset.replaceChildren(...presets.map((p) => {
    const option = document.createElement('option');
    option.value = p.id;
    option.textContent = p.label;
    return option;
  }));
  ui.preset.addEventListener('change', () => showPresetSource(findPreset(ui.preset.value)));
  ui.loadPreset.addEventListener('click', () => {
    loadPreset(findPreset(ui.preset.value));
    schedule();
  });
}

function loadPreset(preset) {
  ui.preset.value = preset.id;
  showPresetSource(preset);
  for (const field of FIELDS) setFieldValue($(field), preset.request[field] ?? '');
}

function showPresetSource(preset) {
  setText(ui.presetSource, preset.source ?? '');
}

function setFieldValue(input, value) {
  if (input instanceof HTMLSelectElement && ![...input.options].some((o) => o.value === value)) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    input.append(option);
  }
  input.value = value;
}

// ---- show / hide for secret inputs ----

function setupSecretToggles() {
  for (const button of document.querySelectorAll('button[data-toggle]')) {
    const input = $(button.dataset.toggle);
    const name = fields[input.id]?.label ?? input.id;
    const update = () => {
      const shown = input.type === 'text';
      button.textContent = shown ? controls.hide : controls.show;
      button.setAttribute('aria-label', shown ? controls.hideLabel(name) : controls.showLabel(name));
    };
    button.addEventListener('click', () => {
      input.type = input.type === 'password' ? 'text' : 'password';
      update();
    });
    update();
  }
}

// ---- signing ----

// schedule coalesces bursts of input events into one sign per frame. The
// timeout is a fallback for when animation frames are paused (hidden tabs).
function schedule() {
  if (state.pending) return;
  state.pending = true;
  requestAnimationFrame(flush);
  setTimeout(flush, 100);
}

function flush() {
  if (!state.pending) return;
  state.pending = false;
  signNow();
}

function readRequest() {
  const request = {};
  for (const field of FIELDS) request[field] = $(field).value;
  return request;
}

function signNow() {
  if (!engine.ready()) return; // still loading, or failed: inputs stay usable
  let result = null;
  try {
    result = engine.sign(readRequest());
  } catch {
    result = null;
  }

  if (result && result.ok === true) {
    renderGood(result);
  } else if (result && result.ok === false && result.error) {
    renderBad(result.error);
  } else {
    renderBroken();
  }
  state.signCount += 1;
  ui.status.dataset.signCount = String(state.signCount);
}

function renderGood(result) {
  renderResult(ui.outputs, result);
  renderSteps(ui.steps, Array.isArray(result.steps) ? result.steps : [], {
    revealed: state.revealKey,
    onRevealChange: (revealed) => { state.revealKey = revealed; },
  });
  showError(document, null, ui.generalError);
  setStale([ui.result, ui.steps], false);
  setText(ui.status, state.version ? statusText.readyVersion(state.version) : statusText.ready);
  ui.status.dataset.state = 'ok';
  ui.status.dataset.ready = 'true';
}

function renderBad(error) {
  showError(document, { field: error.field, message: error.message }, ui.generalError);
  setStale([ui.result, ui.steps], true);
  setText(ui.status, statusText.fieldError);
  ui.status.dataset.state = 'invalid';
}

function renderBroken() {
  setStale([ui.result, ui.steps], true);
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
}

function engineError(message) {
  setText(ui.status, message);
  ui.status.dataset.error = 'true';
}

init();
