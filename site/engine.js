// engine.js: the only module that knows about Go and WebAssembly.
//
// Owns: loading wasm_exec.js (Go's runtime glue, which sets globalThis.Go) and
// signer.wasm.js (the wasm binary as base64 text, written by `make build`),
// starting the Go program once, and handing requests to globalThis.oauth1.
// Must never: fetch anything (the CSP has connect-src 'none', which is why the
// binary arrives as a script module), touch the DOM, log, store, or keep a copy
// of a request. Errors it throws carry sentences from strings.js, never input.

import { engine as text } from './strings.js';

let starting = null; // the one start() promise: one Go instance per page
let api = null; // globalThis.oauth1 once the Go program has registered it
let exited = false; // set when the Go program returns or crashes

// start boots the signer once and resolves to its version string. Calling it
// again returns the same promise.
export function start() {
  starting ??= boot();
  return starting;
}

// ready reports whether sign can be called.
export function ready() {
  return api !== null && !exited;
}

// sign hands one request (a plain object of strings, plus optional params) to
// the Go signer and returns its plain result object: {ok: true, ...} or
// {ok: false, error: {field, message}}. It throws if the signer is not running.
export function sign(request) {
  if (exited) throw new Error(text.exited);
  if (api === null) throw new Error(text.startFailed);
  return api.sign(request);
}

// parse, verify and diagnose hand their argument to the Go functions of the
// same name (README "The JS API") and return the plain result object. Like
// sign, they throw if the signer is not running.
export function parse(text) {
  return call('parse', text);
}

export function verify(request) {
  return call('verify', request);
}

export function diagnose(request) {
  return call('diagnose', request);
}

function call(name, arg) {
  if (exited) throw new Error(text.exited);
  if (api === null || typeof api[name] !== 'function') throw new Error(text.startFailed);
  return api[name](arg);
}

async function boot() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new Error(text.noWebAssembly);
  }

  let wasmModule;
  try {
    await import('./wasm_exec.js'); // classic IIFE; sets globalThis.Go as a side effect
    wasmModule = await import('./signer.wasm.js');
  } catch {
    throw new Error(text.notBuilt);
  }
  if (typeof globalThis.Go !== 'function') throw new Error(text.notBuilt);

  const bytes = wasmBytes(wasmModule);
  if (bytes === null) throw new Error(text.notBuilt);

  const go = new globalThis.Go();
  let instance;
  try {
    ({ instance } = await WebAssembly.instantiate(bytes, go.importObject));
  } catch {
    throw new Error(text.startFailed);
  }

  // go.run resolves only when the Go program exits, so it is not awaited.
  // Go's main registers globalThis.oauth1 synchronously, then blocks forever.
  go.run(instance).then(
    () => { exited = true; },
    () => { exited = true; },
  );

  api = await registered();
  if (api === null) throw new Error(exited ? text.exited : text.noApi);
  return typeof api.version === 'string' ? api.version : '';
}

// wasmBytes takes the generated module's base64 export (b64) and decodes it.
// A module that exports ready-made bytes is accepted too.
function wasmBytes(mod) {
  if (typeof mod.b64 === 'string' && mod.b64 !== '') {
    try {
      return decodeBase64(mod.b64);
    } catch {
      return null;
    }
  }
  if (mod.bytes instanceof Uint8Array) return mod.bytes;
  return null;
}

function decodeBase64(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  // A plain loop: Uint8Array.from(atob(s), fn) is about 20 times slower on a
  // 4 MB string (wasm-notes.md).
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// registered waits briefly for globalThis.oauth1: it is normally set before
// go.run returns, but give the Go scheduler a few turns in case it is not.
async function registered() {
  for (let i = 0; i < 100; i++) {
    const candidate = globalThis.oauth1;
    if (candidate && typeof candidate.sign === 'function') return candidate;
    if (exited) return null;
    await new Promise((resolve) => setTimeout(resolve, i < 10 ? 0 : 20));
  }
  return null;
}
