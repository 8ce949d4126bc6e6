// embed.js: the compact playground of embed.html, for documentation pages
// that show it in an iframe. Entry point of that page.
//
// Owns: reading the fragment (share.js parses and checks it) into the
// compact form (form.js), signing on every edit (signing.js's loop,
// coalesced to one sign per frame), which steps are shown, the "Open in the
// full playground" link, and telling the page around the frame its height
// and the signature through postMessage.
// Must never: take a secret from the fragment (there is no option for one),
// put a typed secret into any URL or message, post a signature made with
// secrets the user typed (the host page could replay it), build nodes from
// HTML strings, store, log, or open a network connection.
//
// The fragment (share.js, parseEmbedFragment):
//   embed.html#preset=ID | share=STATE
//             [&theme=light|dark|auto][&readonly=1|0][&steps=ID,ID,…][&id=NAME]
//
// Messages to window.parent, with targetOrigin "*" (they carry no secret):
//   { type: "oauth1-playground:height", id, height }
//       on load and whenever the content's height changes; height is in CSS
//       pixels, a whole number, enough to show everything without scrolling.
//   { type: "oauth1-playground:signed", id, signature }
//       after each signature is shown; signature is the oauth_signature on
//       screen, or null when it was made with secrets typed into the frame
//       (only the examples' published secrets are ever reported).
// id is the fragment's id= value, or "" when it has none.

import { fields, page, status as statusText } from './strings.js';
import { presetNotes } from './strings-sign.js';
import { embed as text } from './strings-share.js';
import { defaultPreset, findPreset, knownCredentials } from './presets.js';
import { SECRET_FIELDS } from './fields.js';
import { fillText, setText, testid } from './dom.js';
import { setupForm, readRequest as readForm, writeRequest, writeSecrets, noteEdit } from './form.js';
import { signingUi, signingView, clearOutputs } from './signing.js';
import {
  parseEmbedFragment, requestFromState, shareState, encodeShare,
} from './share.js';
import { reasonText } from './share-panel.js';

export const MESSAGE_HEIGHT = 'oauth1-playground:height';
export const MESSAGE_SIGNED = 'oauth1-playground:signed';

const $ = (id) => document.getElementById(id);

const ui = {
  ...signingUi(),
  notice: $('embed-notice'),
  subject: $('embed-subject'),
  presetNote: $('preset-note'),
  openFull: $('open-full'),
  edit: $('embed-edit'),
  fields: $('fields'),
};

const state = {
  id: '', // the fragment's id=, echoed in every message
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
  height: 0, // the last height posted
};

const { schedule, start } = signingView(ui, state, {
  read: readRequest,
  shown: showSigned,
  failed: (field) => {
    if (field && ui.fields.contains($(field))) ui.edit.open = true;
  },
  signed: updateOpenLink,
});


function init() {
  document.title = text.pageTitle;
  fillText(document, { embed: text, fields, page });
  setupForm();
  ui.openFull.setAttribute('aria-label', text.openFullLabel);

  applyFragment();
  ui.fields.addEventListener('input', onEdit);
  ui.fields.addEventListener('change', onEdit);
  window.addEventListener('hashchange', () => {
    applyFragment();
    schedule();
  });
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      state.paused = false;
      schedule();
    }
  });
  new ResizeObserver(postHeight).observe(document.body);

  start();
}

// applyFragment reads the fragment and shows what it asks for. A fragment
// that does not pass share.js's checks shows a message and the default
// example, with the default options.
function applyFragment() {
  const parsed = parseEmbedFragment(location.hash, defaultPreset);
  state.id = parsed.id;
  if (parsed.error) {
    const reason = text.reasons[parsed.error.reason];
    const words = typeof reason === 'function' ? reason(parsed.error.field ?? '') : reason ?? reasonText(parsed.error);
    setText(ui.notice, text.invalid(words));
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
  updateOpenLink(state.base);
}

function onEdit(event) {
  noteEdit(event);
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
// request's share state: never a secret, identifiers only when published.
function updateOpenLink(request) {
  const encoded = encodeShare(shareState(request, { preset: state.preset ? state.preset.id : '' }));
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
// ones and drops every output, so the back/forward cache keeps none of them.
function onPageHide() {
  writeSecrets(state.secrets);
  clearOutputs(ui, state);
  setText(ui.status, statusText.pagehide);
}

// ---- talking to the page around the frame ----

// post sends message to the parent page, if there is one. targetOrigin is
// "*" because the frame cannot know who embeds it (frame-ancestors decides
// who may); nothing posted is secret.
function post(message) {
  if (window.parent === window) return;
  window.parent.postMessage(message, '*');
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
