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
// not, upgraded() whenever the RSA build has replaced the lite one, and
// also whenever a fresh signer runs in place of a discarded one (Clear,
// pagehide, a crash). When the Go program stops unexpectedly, stopped()
// runs (by default the status line says so, never "Ready"), and restarted()
// (by default upgraded()) once a new one runs.
export function startEngine(status, {
  ready, failed, upgraded, loading = statusText.loading, stopped, restarted = upgraded,
}) {
  setText(status, loading);
  status.setAttribute('aria-busy', 'true');
  // Until it runs, the status line follows the first signer's loading
  // stages, with its size (engine.js onProgress), unless it speaks of a
  // result painted before the signer (first-paint.js: generated, or an
  // edit kept while starting).
  engine.onProgress((p) => {
    if (p.build !== 'lite' || status.getAttribute('aria-busy') !== 'true') return;
    status.dataset.loading = p.stage;
    const painted = status.dataset.state === 'generated' || status.dataset.state === 'starting';
    if (p.stage !== 'ready' && !painted) setText(status, p.sentence);
  });
  engine.onUpgrade(upgraded);
  engine.onExit((restarting) => {
    if (stopped) stopped(restarting);
    else announceStop(status, restarting);
  });
  engine.onRestart((reason) => (reason === 'exited' ? restarted() : upgraded()));
  engine.start().then((version) => {
    status.removeAttribute('aria-busy');
    ready(version);
  }, (err) => {
    status.removeAttribute('aria-busy');
    // Only our own sentences reach the page; anything else gets the generic one.
    failed(err && Object.values(engineText).includes(err.message) ? err.message : engineText.startFailed);
  });
}

// announceStop says on status that the Go program stopped: a new one is
// starting, or (after too many stops) none will.
function announceStop(status, restarting) {
  if (!restarting) {
    engineError(status, statusText.crashed);
    return;
  }
  setText(status, statusText.restarting);
  status.dataset.state = 'restarting';
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
// signed(request) after every attempt, notReady(request) when an edit
// comes before the signer runs (first-paint.js), ready() once it runs,
// before its first sign}.
// BIG_REQUEST is the size (characters in the request's strings) above
// which signNow signs in a task of its own.
const BIG_REQUEST = 200000;

// requestSize counts the characters of request's strings, in its fields
// and in lists of them (the parameter rows).
function requestSize(request) {
  let n = 0;
  const add = (v, depth) => {
    if (typeof v === 'string') n += v.length;
    else if (Array.isArray(v) && depth < 3) for (const x of v) add(x, depth + 1);
    else if (v && typeof v === 'object' && depth < 3) for (const x of Object.values(v)) add(x, depth + 1);
  };
  add(request, 0);
  return n;
}

export function signingView(ui, view, o) {
  const outputs = [ui.result, ui.steps, ui.requestCard];

  const broken = () => {
    setStale(outputs, true);
    if (!engine.ready()) {
      showError(document, null, ui.generalError);
      // A new signer may be starting (the status line already says so).
      if (ui.status.dataset.state !== 'restarting') engineError(ui.status, statusText.crashed);
      return;
    }
    showError(document, { field: '', message: errors.generic }, ui.generalError);
    ui.status.dataset.state = 'invalid';
  };

  function signNow() {
    if (view.paused) return;
    if (!engine.ready()) {
      // An edit before the signer runs: the inputs keep it, ready() signs
      // it; meanwhile the view may paint a generated result or dim its own.
      o.notReady?.(o.read());
      return;
    }
    // User Timing marks around the sign and render, for `make bench`
    // (perf_test.go observes them); they hold no input. A PerformanceObserver
    // gets them as they are made, so they are cleared at once and the page's
    // timeline does not grow as the user types.
    performance.mark('oauth1:sign-start');
    const request = o.read();
    if (requestSize(request) <= BIG_REQUEST) {
      view.deferredSign = null; // a deferred sign of older inputs is void
      show(request, signed(request));
      return;
    }
    // A huge request (a pasted megabyte) is signed in a task of its own,
    // after the frame that lays out the pasted text, and rendered in the
    // next: in one task, the textarea's layout, the signer and the render
    // blocked the tab for more than a quarter second. It reads the inputs
    // again, so the last edit before it runs is the one signed; newer
    // inputs, or Clear, void it.
    const token = {};
    view.deferredSign = token;
    const current = () => view.deferredSign === token && !view.paused && engine.ready();
    setTimeout(() => {
      if (!current()) return;
      performance.mark('oauth1:sign-start');
      const later = o.read();
      const result = signed(later);
      setTimeout(() => {
        if (!current()) return;
        view.deferredSign = null;
        show(later, result);
      }, 0);
    }, 0);
  }

  // signed signs request: the signer's result, or null if it threw.
  function signed(request) {
    let result = null;
    try {
      result = engine.sign(request);
    } catch {
      result = null;
    }
    // Between the sign and the render, so make bench can tell them apart.
    performance.mark('oauth1:signed');
    return result;
  }

  // show renders the outcome of signing request.
  function show(request, result) {
    if (result && result.loading) {
      // The RSA build is loading; the upgraded() hook signs again when it is
      // ready, and that render is the one that counts.
      setStale(outputs, true);
      setText(ui.status, result.error?.message || engineText.loadingFull); // what loads and how big (engine.js)
      ui.status.dataset.state = 'loading';
      return;
    }
    if (result && result.ok === true) {
      renderSigned(ui, view, result, request);
      delete ui.result.dataset.source; // no longer first-paint.js's generated result
      if (view.restarted) {
        // The first result of a signer that replaced a crashed one: say so
        // in place of "Ready".
        view.restarted = false;
        setText(ui.status, statusText.restarted);
        ui.status.dataset.state = 'restarted';
      }
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
    performance.clearMarks('oauth1:signed');
    performance.clearMarks('oauth1:render-end');
  }

  const schedule = coalesce(signNow);
  const start = (failed = () => {}) => startEngine(ui.status, {
    upgraded: schedule, // re-sign once the RSA build has loaded
    // The Go program stopped: what is shown is out of date until the new
    // one has signed it again, which it does as soon as it runs.
    stopped: (restarting) => {
      setStale(outputs, true);
      announceStop(ui.status, restarting);
    },
    restarted: () => {
      view.restarted = true;
      schedule();
    },
    ready: (version) => {
      view.version = version;
      o.ready?.();
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
  view.deferredSign = null;
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

// forgetSecrets drops every copy of a secret the page's memory can still
// hold once the inputs and outputs are wiped: the signer, with its Go
// memory and every request and result it was handed (engine.reset starts a
// fresh one), and the last match of a regular expression, which the
// realm remembers (RegExp.input) and which may be a secret the credential
// warning tested. Clear and pagehide call it after every other wipe.
export function forgetSecrets() {
  engine.reset().catch(() => {});
  /(?:)/.exec('');
}
