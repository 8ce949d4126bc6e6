// engine.js: the only module that knows about Go and WebAssembly.
//
// Owns: loading wasm_exec.js (Go's runtime glue, which sets globalThis.Go),
// starting the signer, and handing requests to it. The signer comes in two
// builds, both written by `make build` as script modules (wasm/tojs.go):
// signer-lite.wasm.js, which signs only (no RSA, no verify, diagnose, parse
// or check), starts with the page; the full signer.wasm.js is loaded the
// first time the lite one answers that a call needs it (error.code
// 'needs-full-signer'), when a view asks for it (upgrade(): the Verify view
// when it opens), or once the page is idle after its first signature
// (upgradeWhenIdle()), and then answers every call. Callers learn of the
// switch through onUpgrade, and of each loading stage, with the size make
// build wrote into signer-sizes.js, through onProgress. reset (Clear,
// pagehide) discards the running signer with its Go memory and every value
// it was handed, and starts a fresh one; a Go program that stops on its own
// (a crash) is announced (onExit) and replaced (onRestart).
// Must never: fetch anything (the CSP has connect-src 'none', which is why the
// binaries arrive as script modules), touch the DOM, log, store, or keep a
// copy of a request. Errors it throws carry sentences from strings.js, never
// input.

import { engine as text, loading as words } from './strings.js';

const LITE = './signer-lite.wasm.js';
const FULL = './signer.wasm.js';
const SIZES = './signer-sizes.js'; // { lite: { bytes, gzip }, full: … } (wasm/tojs.go -sizes)
const BUILD = { [LITE]: 'lite', [FULL]: 'full' };
// Unexpected exits answered with a restart, at most RESTARTS per minute, so
// a request that kills every runtime it meets cannot loop.
const RESTARTS = 3;

let glue = null; // the one promise of loading wasm_exec.js
let starting = null; // the promise of the signer that runs or is starting
let upgrading = null; // the one promise of loading the full build
let runtime = null; // the running signer: { go, instance, api }
let api = null; // its oauth1 object
let upgraded = false; // set once the full build answers every call
let exited = false; // set when a Go program stopped and no new one is coming
let generation = 0; // bumped when a runtime is discarded, so a start begun before never takes over
let depth = 0; // calls into Go under way (a getter may Clear from inside one)
let doomed = []; // runtimes discarded during a call, wiped once it returns
const stops = []; // times of the unexpected exits of the last minute
const modules = new Map(); // module path → promise of its compiled WebAssembly.Module (no secret)
const listeners = { upgrade: [], exit: [], restart: [], progress: [] };
let sizes = null; // the promise of loading signer-sizes.js
let known = {}; // its sizes, once loaded ({} when it is missing)
let idleWanted = false; // upgradeWhenIdle was called
let idleAsked = false; // the idle upgrade has been scheduled
let answeredLoading = false; // a call answered loading since the full build was asked for
const stages = new Map(); // module path → its last loading stage

// start boots the lite signer once and resolves to its version string.
// Calling it again returns the promise of the signer that runs now.
export function start() {
  starting ??= boot();
  return starting;
}

// onProgress registers fn({ build, stage, bytes, sentence }) to run at
// each stage of loading a signer: build 'lite' or 'full'; stage
// 'downloading', 'starting' or 'ready'; bytes the gzip size of its module
// as make build measured it (0 when unknown); sentence the words of
// strings.js for a status line.
export function onProgress(fn) {
  listeners.progress.push(fn);
  // A load that began before fn was registered: tell it where it is.
  for (const [path, stage] of stages) if (stage !== 'ready') progress(path, stage, fn);
}

// size is the download size of a build's module as strings.js words it,
// '' when make build wrote no sizes.
export function size(build) {
  const b = known[build]?.gzip;
  return typeof b === 'number' && b > 0 ? words.size(b) : '';
}

// upgradeWhenIdle asks for the full build once the page is idle after its
// first signature (requestIdleCallback), so that Verify, RSA and the rest
// answer at once when first used. The full page calls it; embeds do not.
export function upgradeWhenIdle() {
  idleWanted = true;
}

// progress tells the progress listeners (or only fn) that path's module
// reached stage.
function progress(path, stage, only) {
  stages.set(path, stage);
  const build = BUILD[path];
  const sentence = stage === 'ready' ? words.ready : words[stage](build, size(build));
  const p = { build, stage, bytes: known[build]?.gzip ?? 0, sentence };
  for (const fn of only ? [only] : listeners.progress) {
    try {
      fn(p);
    } catch {
      // a listener's failure is not the signer's
    }
  }
}

function loadSizes() {
  sizes ??= import(SIZES).then((m) => {
    known = m && typeof m.sizes === 'object' && m.sizes !== null ? m.sizes : {};
    // A download that began before the sizes came says its size now.
    for (const [path, stage] of stages) if (stage === 'downloading') progress(path, stage);
  }, () => {});
  return sizes;
}

// idle runs fn once the page is idle (or after a second without
// requestIdleCallback).
function idle(fn) {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(fn, { timeout: 10000 });
  else setTimeout(fn, 1000);
}

// ready reports whether the signer can be called.
export function ready() {
  return api !== null;
}

// onUpgrade registers fn to run once the full signer has replaced the lite
// one after a call answered "loading", so the caller can redo it.
export function onUpgrade(fn) {
  listeners.upgrade.push(fn);
}

// onExit registers fn(restarting) to run when the Go program stops
// unexpectedly (a crash): its answers are gone, and restarting says
// whether a new one is starting (then onRestart listeners follow).
export function onExit(fn) {
  listeners.exit.push(fn);
}

// onRestart registers fn(reason) to run when a fresh signer runs in place
// of one that was discarded: reason 'exited' after a crash, 'reset' after
// reset(). A caller redoes its call then.
export function onRestart(fn) {
  listeners.restart.push(fn);
}

// reset discards the running signer and everything it was given: the Go
// instance and its linear memory (overwritten with zeros at once, since
// a discarded memory lives until the next GC), the values wasm_exec.js
// keeps for Go (go._values holds every request object passed in and every
// result handed out), its functions (calls into it throw from now on) and
// globalThis.oauth1; then it starts a fresh one of the same build from the
// module already loaded. Clear and pagehide call it (docs/architecture.md,
// "Security rules"). It resolves to the new signer's version.
export function reset() {
  if (starting === null) return Promise.resolve(''); // never started: nothing to discard
  discard();
  exited = false;
  return relaunch('reset');
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

// providerReset and serve are the in-page OAuth provider of the Tokens
// view (issue 16); snippets writes the Code card's code (issue 17). Only the
// full build has them, so a first call may answer loading, as RSA does.
export function providerReset(config) {
  return call('providerReset', config);
}

export function serve(request) {
  return call('serve', request);
}

export function snippets(request) {
  return call('snippets', request);
}

function call(name, arg) {
  if (api === null) throw new Error(exited ? text.exited : text.restarting);
  if (typeof api[name] !== 'function') throw new Error(text.startFailed);
  const rt = runtime;
  let result;
  depth += 1;
  try {
    result = api[name](arg);
  } catch {
    // A Go program that stopped during the call (or before it, unnoticed)
    // throws; say so and start another.
    const gone = rt.go.exited;
    if (gone) stopped(rt);
    throw new Error(gone ? text.exited : text.startFailed);
  } finally {
    depth -= 1;
    if (depth === 0) {
      for (const d of doomed) wipe(d);
      doomed = [];
    }
  }
  if (!upgraded && result && result.ok === false && result.error && result.error.code === 'needs-full-signer') {
    answeredLoading = true;
    upgrade().catch(() => {});
    return { ok: false, loading: true, error: { ...result.error, message: words.full(name, size('full')) } };
  }
  if (name === 'sign' && idleWanted && !idleAsked && !upgraded && result && result.ok === true) {
    idleAsked = true;
    idle(() => { if (!upgraded) upgrade().catch(() => {}); });
  }
  return result;
}

// upgrade loads and starts the full build once; it takes the lite one's
// place, which is discarded.
export function upgrade() {
  if (upgrading) return upgrading;
  const gen = generation;
  upgrading = Promise.all([loadGlue(), loadSizes()]).then(() => launch(FULL)).then(
    (rt) => {
      if (gen !== generation) { // a reset or crash came first: the next RSA call asks again
        wipe(rt);
        return;
      }
      upgraded = true;
      install(rt);
      // Only a caller that got a loading answer has a call to redo: an
      // upgrade no call waited for (idle, the Verify tab) changes nothing
      // on screen.
      const waited = answeredLoading;
      answeredLoading = false;
      if (waited) for (const fn of listeners.upgrade) fn();
    },
    () => {
      upgrading = null; // let a later RSA request try again
      throw new Error(text.fullFailed);
    },
  );
  return upgrading;
}

// boot starts the lite build: its download begins at once, beside
// wasm_exec.js and the sizes. When the full build was asked for before the
// lite one could start, the full one is awaited instead; when it took over
// while the lite one was starting, the lite one is dropped.
async function boot() {
  const gen = generation;
  loadSizes();
  compiled(LITE).catch(() => {}); // launch reports a failure
  await loadGlue();
  if (upgrading) {
    try {
      await upgrading;
    } catch {
      // the full build failed: the lite one still signs
    }
    if (api !== null) return version(runtime);
  }
  const rt = await launch(LITE);
  if (upgraded || gen !== generation) {
    wipe(rt);
    if (api !== null) return version(runtime);
    throw new Error(text.restarting);
  }
  install(rt);
  return version(rt);
}

function loadGlue() {
  glue ??= (async () => {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      throw new Error(text.noWebAssembly);
    }
    try {
      await import('./wasm_exec.js'); // classic IIFE; sets globalThis.Go as a side effect
    } catch {
      throw new Error(text.notBuilt);
    }
    if (typeof globalThis.Go !== 'function') throw new Error(text.notBuilt);
  })();
  glue.catch(() => { glue = null; });
  return glue;
}

function version(rt) {
  return typeof rt.api.version === 'string' ? rt.api.version : '';
}

// install makes rt the running signer, discarding the one before.
function install(rt) {
  const old = runtime;
  runtime = rt;
  api = rt.api;
  exited = false;
  if (old) retire(old);
}

// discard drops the running signer; a start or upgrade under way will not
// take over.
function discard() {
  generation += 1;
  upgrading = null;
  const old = runtime;
  runtime = null;
  api = null;
  if (old) retire(old);
}

// relaunch starts a fresh signer of the build that ran, and tells the
// restart listeners once it runs.
function relaunch(reason) {
  const gen = generation;
  starting = loadGlue().then(() => launch(upgraded ? FULL : LITE)).then((rt) => {
    if (gen !== generation) { // discarded again while starting: a newer start, if any, tells
      wipe(rt);
      return '';
    }
    install(rt);
    for (const fn of listeners.restart) fn(reason);
    return version(rt);
  });
  starting.catch(() => { if (gen === generation) exited = true; });
  return starting;
}

// stopped handles the unexpected end of rt's Go program: announce it, and
// start a new one unless that happened too often.
function stopped(rt) {
  if (rt !== runtime) return;
  discard();
  const now = Date.now();
  while (stops.length > 0 && now - stops[0] > 60000) stops.shift();
  stops.push(now);
  const again = stops.length <= RESTARTS;
  exited = !again;
  for (const fn of listeners.exit) fn(again);
  if (again) relaunch('exited').catch(() => {});
}

// retire wipes rt now, or once the calls into Go under way have returned.
function retire(rt) {
  if (globalThis.oauth1 === rt.api) delete globalThis.oauth1;
  if (depth > 0) doomed.push(rt);
  else wipe(rt);
}

// wipe makes rt unusable and overwrites what it holds: calls into its
// functions throw (wasm_exec.js checks go.exited first), its pending
// timers are cancelled (they would resume Go), the values it handed to Go
// are dropped and its linear memory is zeroed.
function wipe(rt) {
  const { go, instance } = rt;
  go.exited = true;
  if (go._scheduledTimeouts instanceof Map) {
    for (const t of go._scheduledTimeouts.values()) clearTimeout(t);
    go._scheduledTimeouts.clear();
  }
  go._values = [];
  go._goRefCounts = [];
  go._ids = new Map();
  go._idPool = [];
  go._pendingEvent = null;
  go.importObject = {};
  const mem = instance.exports.mem;
  if (mem instanceof WebAssembly.Memory) new Uint8Array(mem.buffer).fill(0);
  rt.api = null;
}

// launch imports one generated module (once: its compiled module is kept,
// it holds no secret), starts its Go program and resolves to { go,
// instance, api }, api being the oauth1 object the program registers.
async function launch(path) {
  const module = await compiled(path);
  const go = new globalThis.Go();
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, go.importObject);
  } catch {
    throw new Error(text.startFailed);
  }

  // go.run resolves only when the Go program exits, so it is not awaited.
  // Go's main registers globalThis.oauth1 synchronously, then blocks forever.
  let done = false;
  const rt = { go, instance, api: null };
  const previous = globalThis.oauth1;
  delete globalThis.oauth1;
  const ended = () => { done = true; stopped(rt); };
  go.run(instance).then(ended, ended);
  rt.api = await registered(() => done);
  if (rt.api === null) {
    if (previous !== undefined) globalThis.oauth1 = previous;
    wipe(rt);
    throw new Error(done ? text.exited : text.noApi);
  }
  progress(path, 'ready');
  return rt;
}

function compiled(path) {
  let m = modules.get(path);
  if (!m) {
    m = (async () => {
      let mod;
      // The import at once (it requests the module, which is parsed as it
      // arrives; index.html says why it has no preload), beside the sizes (a few
      // hundred bytes), which the first stage waits for so it can say how
      // big the download is: waiting for them first cost a round trip
      // before the parse could start.
      const loading = import(path);
      loading.catch(() => {}); // awaited below
      await loadSizes();
      progress(path, 'downloading');
      try {
        mod = await loading;
      } catch {
        throw new Error(text.notBuilt);
      }
      progress(path, 'starting');
      if (typeof mod.wasm !== 'string' || mod.wasm === '') throw new Error(text.notBuilt);
      try {
        return await WebAssembly.compile(bytesOf(mod.wasm));
      } catch {
        throw new Error(text.startFailed);
      }
    })();
    modules.set(path, m);
    m.catch(() => modules.delete(path));
  }
  return m;
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
