// engine.js: the only module that knows about Go and WebAssembly.
//
// Owns: loading wasm_exec.js (Go's runtime glue, which sets globalThis.Go),
// starting the signer, and handing requests to it. The signer comes in two
// builds, both written by `make build` as script modules (wasm/tojs.go):
// signer-lite.wasm.js, without the RSA methods, starts with the page; the
// full signer.wasm.js is loaded the first time the lite one answers that a
// call needs it (error.code 'needs-full-signer'), and then answers every
// call. Callers learn of the switch through onUpgrade.
// Must never: fetch anything (the CSP has connect-src 'none', which is why the
// binaries arrive as script modules), touch the DOM, log, store, or keep a
// copy of a request. Errors it throws carry sentences from strings.js, never
// input.

import { engine as text } from './strings.js';

let starting = null; // the one start() promise
let upgrading = null; // the one promise of loading the full build
let api = null; // the running signer's oauth1 object
let upgraded = false; // set once the full build answers every call
let exited = false; // set when the running Go program returns or crashes
const upgradeListeners = [];

// start boots the lite signer once and resolves to its version string.
// Calling it again returns the same promise.
export function start() {
  starting ??= boot();
  return starting;
}

// ready reports whether the signer can be called.
export function ready() {
  return api !== null && !exited;
}

// onUpgrade registers fn to run once the full signer has replaced the lite
// one, so a caller can redo a call that answered "loading".
export function onUpgrade(fn) {
  upgradeListeners.push(fn);
}

// sign, verify, diagnose, parse and check hand their argument to the Go functions of
// the same name (README "The JS API") and return the plain result object.
// When the lite build answers error.code 'needs-full-signer' (it does for
// every call that needs RSA: an RSA method, a private or public key to
// parse), the full build starts loading and the caller gets {ok: false,
// loading: true, error}: the signer's error, with the words of strings.js
// for the status line as its message. onUpgrade listeners run when the full
// build is ready. They throw if the signer is not running.
export function sign(request) {
  return call('sign', request);
}

export function verify(request) {
  return call('verify', request);
}

export function diagnose(request) {
  return call('diagnose', request);
}

export function parse(text) {
  return call('parse', text);
}

// check hands the Verify view's inputs to oauth1.check, which decides the
// whole verdict (README "The JS API"); a check that needs RSA answers as
// sign and verify do.
export function check(input) {
  return call('check', input);
}

function call(name, arg) {
  if (exited) throw new Error(text.exited);
  if (api === null || typeof api[name] !== 'function') throw new Error(text.startFailed);
  const result = api[name](arg);
  if (!upgraded && result && result.ok === false && result.error && result.error.code === 'needs-full-signer') {
    upgrade();
    return { ok: false, loading: true, error: { ...result.error, message: text.loadingFull } };
  }
  return result;
}

// upgrade loads and starts the full build once; the lite one stays idle.
export function upgrade() {
  upgrading ??= run('./signer.wasm.js').then(
    (full) => {
      api = full;
      upgraded = true;
      for (const fn of upgradeListeners) fn();
    },
    () => {
      upgrading = null; // let a later RSA request try again
      throw new Error(text.fullFailed);
    },
  );
  return upgrading;
}

async function boot() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new Error(text.noWebAssembly);
  }
  try {
    await import('./wasm_exec.js'); // classic IIFE; sets globalThis.Go as a side effect
  } catch {
    throw new Error(text.notBuilt);
  }
  if (typeof globalThis.Go !== 'function') throw new Error(text.notBuilt);
  api = await run('./signer-lite.wasm.js');
  return typeof api.version === 'string' ? api.version : '';
}

// run imports one generated module, starts its Go program and resolves to
// the oauth1 object the program registers.
async function run(module) {
  let mod;
  try {
    mod = await import(module);
  } catch {
    throw new Error(text.notBuilt);
  }
  if (typeof mod.wasm !== 'string' || mod.wasm === '') throw new Error(text.notBuilt);

  const go = new globalThis.Go();
  let instance;
  try {
    ({ instance } = await WebAssembly.instantiate(bytesOf(mod.wasm), go.importObject));
  } catch {
    throw new Error(text.startFailed);
  }

  // go.run resolves only when the Go program exits, so it is not awaited.
  // Go's main registers globalThis.oauth1 synchronously, then blocks forever.
  let stopped = false;
  let registeredApi = null;
  const previous = globalThis.oauth1;
  delete globalThis.oauth1;
  go.run(instance).then(
    () => { stopped = true; if (api === registeredApi) exited = true; },
    () => { stopped = true; if (api === registeredApi) exited = true; },
  );
  registeredApi = await registered(() => stopped);
  if (registeredApi === null) {
    if (previous !== undefined) globalThis.oauth1 = previous;
    throw new Error(stopped ? text.exited : text.noApi);
  }
  return registeredApi;
}

// bytesOf turns the module's string, one character per byte (U+0000-U+00FF,
// see wasm/tojs.go), back into bytes with a plain loop.
function bytesOf(s) {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

// registered waits briefly for globalThis.oauth1: it is normally set before
// go.run returns, but give the Go scheduler a few turns in case it is not.
async function registered(stopped) {
  for (let i = 0; i < 100; i++) {
    const candidate = globalThis.oauth1;
    if (candidate && typeof candidate.sign === 'function') return candidate;
    if (stopped()) return null;
    await new Promise((resolve) => setTimeout(resolve, i < 10 ? 0 : 20));
  }
  return null;
}
