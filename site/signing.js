// signing.js: starting the engine for a view, and the signing loop the full
// page's Sign view and the embed share.
//
// Owns: signingUi (the nodes a signing view renders into), startEngine
// (the loading words and aria-busy while the signer starts, re-running once the RSA build has loaded, and the one sentence a
// failed start is reported with), signingView (read the view's request,
// sign it, render the result, the error or the failure, count the signs in
// data-sign-count for tests, and the User Timing marks `make bench` reads),
// and clearOutputs.
// Must never: read an input itself (the view's read() does), build nodes
// from HTML strings, store, log, or show anything but strings.js's words for
// a failure: an exception's message could quote an input.

import * as engine from './engine.js';
import { status as statusText, engine as engineText, errors } from './strings.js';
import { setText, setStale } from './dom.js';
import { renderSigned, renderFieldError, showError } from './render.js';
import { coalesce } from './schedule.js';

// signingUi finds the nodes a signing view renders into, by the ids
// index.html and embed.html share. A result slot the page does not have
// (the embed shows only the signature) is a detached node nobody sees.
export function signingUi() {
  const $ = (id) => document.getElementById(id) ?? document.createElement('div');
  return {
    status: $('status'),
    generalError: $('general-error'),
    result: $('result'),
    presetCheck: $('preset-check'),
    requestCard: $('request-card'),
    steps: $('steps'),
    slots: {
      signature: $('slot-signature'),
      baseString: $('slot-baseString'),
      authorization: $('slot-authorization'),
      chosen: $('slot-chosen'),
      chosenLabel: $('chosen-label'),
      chosenItem: $('chosen-item'),
    },
  };
}

// startEngine starts the signer for a view whose status line is status.
// ready(version) runs once it has started, failed(sentence) if it could
// not, upgraded() whenever the RSA build has replaced the lite one.
export function startEngine(status, { ready, failed, upgraded, loading = statusText.loading }) {
  setText(status, loading);
  status.setAttribute('aria-busy', 'true');
  engine.onUpgrade(upgraded);
  engine.start().then((version) => {
    status.removeAttribute('aria-busy');
    ready(version);
  }, (err) => {
    status.removeAttribute('aria-busy');
    // Only our own sentences reach the page; anything else gets the generic one.
    failed(err && Object.values(engineText).includes(err.message) ? err.message : engineText.startFailed);
  });
}

// engineError says on status that the signer cannot run.
export function engineError(status, message) {
  setText(status, message);
  status.dataset.error = 'true';
}

// signingView returns { signNow, schedule, start } for a view: signNow
// signs the view's request and shows the outcome, schedule does so once per
// frame however many edits arrive, and start(failed) starts the engine and
// signs once it runs (failed(sentence) also runs if it cannot). ui:
// signingUi()'s nodes; view: the view's state {paused, signCount, rendered,
// version, preset, reveal, previous}. o: {read() → request, shown(result,
// request) after a good result, failed(field) after an error at field,
// signed(request) after every attempt}.
export function signingView(ui, view, o) {
  const outputs = [ui.result, ui.steps, ui.requestCard];

  const broken = () => {
    setStale(outputs, true);
    if (!engine.ready()) {
      showError(document, null, ui.generalError);
      engineError(ui.status, statusText.crashed);
      return;
    }
    showError(document, { field: '', message: errors.generic }, ui.generalError);
    ui.status.dataset.state = 'invalid';
  };

  function signNow() {
    if (!engine.ready() || view.paused) return;
    // User Timing marks around the sign and render, for `make bench`
    // (perf_test.go observes them); they hold no input. A PerformanceObserver
    // gets them as they are made, so they are cleared at once and the page's
    // timeline does not grow as the user types.
    performance.mark('oauth1:sign-start');
    const request = o.read();
    let result = null;
    try {
      result = engine.sign(request);
    } catch {
      result = null;
    }
    if (result && result.loading) {
      // The RSA build is loading; the upgraded() hook signs again when it is
      // ready, and that render is the one that counts.
      setStale(outputs, true);
      setText(ui.status, engineText.loadingFull);
      ui.status.dataset.state = 'loading';
      return;
    }
    if (result && result.ok === true) {
      renderSigned(ui, view, result, request);
      o.shown?.(result, request);
    } else if (result && result.ok === false && result.error) {
      const field = renderFieldError(ui, view, result.error);
      o.failed?.(field);
    } else {
      broken();
    }
    o.signed?.(request);
    view.signCount += 1;
    ui.status.dataset.signCount = String(view.signCount);
    performance.mark('oauth1:render-end');
    performance.clearMarks('oauth1:sign-start');
    performance.clearMarks('oauth1:render-end');
  }

  const schedule = coalesce(signNow);
  const start = (failed = () => {}) => startEngine(ui.status, {
    upgraded: schedule, // re-sign once the RSA build has loaded
    ready: (version) => {
      view.version = version;
      signNow();
    },
    failed: (message) => {
      engineError(ui.status, message);
      failed(message);
    },
  });
  return { signNow, schedule, start };
}

// clearOutputs removes every output of a signing view and the view's memory
// of them, and pauses signing until the next edit.
export function clearOutputs(ui, view) {
  view.paused = true;
  view.rendered = false;
  view.reveal.clear();
  view.previous = new Map();
  for (const slot of [ui.slots.signature, ui.slots.baseString, ui.slots.authorization, ui.slots.chosen]) slot.replaceChildren();
  ui.slots.chosenItem.hidden = true;
  ui.presetCheck.replaceChildren();
  ui.presetCheck.hidden = true;
  ui.steps.replaceChildren();
  ui.requestCard.replaceChildren();
  ui.result.hidden = true;
  showError(document, null, ui.generalError);
  setStale([ui.result, ui.steps, ui.requestCard], false);
}
