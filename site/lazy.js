// lazy.js: what the full page's first view does not show, loaded on
// demand: the Verify view (verify.js), the Tokens view (tokens.js and
// tokens.css), the share and embed panels (share-panel.js) and the Code
// card (code-card.js). None of them is a static import of the page, so
// none is in its first load or its modulepreload list.
//
// Owns: when each one loads (its tab chosen, or a fragment naming it; its
// toolbar button pressed, or a #share= link; the card opened; and, for all
// of them, once the page is idle after its first live signature, so a
// later click is instant), the "loading" and "failed" words shown in its
// place meanwhile, and the order of the Clear and pagehide wipes of the
// views loaded late (app.js runs them before it discards the signer, as it
// did when they were set up at start; a Clear or pagehide while one was
// coming wipes what it sets up).
// Must never: build a view itself (each module builds its own), build nodes
// from HTML strings, put anything typed into a message, store, or log.

import * as engine from './engine.js';
import { views as words } from './strings.js';
import { el, setText } from './dom.js';
import { setupViews } from './views.js';

const $ = (id) => document.getElementById(id);

// What each part needs, imported in one place so the idle preload and the
// load on demand ask for the same modules.
const modules = {
  verify: () => import('./verify.js'),
  tokens: () => Promise.all([import('./tokens.js'), import('./tokens-flow.js'), tokensStyle()]),
  sharing: () => import('./share-panel.js'),
  code: () => import('./code-card.js'),
};

let style = null;

// tokensStyle adds tokens.css to the page once; it resolves when the sheet
// has loaded, or failed to (an unstyled view beats none).
function tokensStyle() {
  style ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = 'tokens.css';
    link.addEventListener('load', resolve);
    link.addEventListener('error', resolve);
    document.head.append(link);
  });
  return style;
}

let preloaded = false;

// preloadWhenIdle fetches and runs every lazy module (none is set up) once
// the page is idle, so opening one later is instant. app.js calls it after
// the first live signature; calls after the first do nothing.
export function preloadWhenIdle() {
  if (preloaded) return;
  preloaded = true;
  const go = () => {
    for (const load of Object.values(modules)) load().catch(() => {});
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 3000 });
  else setTimeout(go, 1000);
}

// busy marks on the root element, in data-lazy-loading, the parts that
// are loading now (names only: "verify tokens"), for tests and styles.
function busy(name, on) {
  const root = document.documentElement;
  const names = new Set((root.dataset.lazyLoading ?? '').split(' ').filter(Boolean));
  if (on) names.add(name);
  else names.delete(name);
  if (names.size) root.dataset.lazyLoading = [...names].join(' ');
  else delete root.dataset.lazyLoading;
}

// part is one lazily loaded module, name: load() imports and sets it up once
// (again after a failure); wipe('clear' | 'pagehide') runs the Clear or
// pagehide handlers it registered (onClear, onPageHide), or, while it is
// coming, runs them once it is set up.
function part(name, load, setup, { loading = () => {}, failed = () => {} } = {}) {
  const p = { clears: [], hides: [], pending: null, promise: null, done: false, value: undefined };
  const hooks = { onClear: (fn) => p.clears.push(fn), onPageHide: (fn) => p.hides.push(fn) };
  const run = (fns) => {
    for (const fn of fns) fn();
  };
  p.load = () => {
    if (p.promise) return p.promise;
    loading();
    busy(name, true);
    p.promise = load().then((m) => {
      p.value = setup(m, hooks);
      p.done = true;
      if (p.pending) run(p.pending === 'clear' ? p.clears : p.hides);
      p.pending = null;
      busy(name, false);
      return p.value;
    });
    p.promise.catch(() => {
      p.promise = null;
      p.pending = null;
      failed();
      busy(name, false);
    });
    return p.promise;
  };
  p.wipe = (kind) => {
    if (p.done) run(kind === 'clear' ? p.clears : p.hides);
    else if (p.promise) p.pending = kind;
  };
  return p;
}

// statusLine is the short line a part shows in its place while it loads.
function statusLine(text, failed = false) {
  const p = el('p', { className: 'status', text, dataset: { testid: 'lazy-status', state: failed ? 'failed' : 'loading' } });
  p.setAttribute('role', failed ? 'alert' : 'status');
  return p;
}

// setupLazy wires the tab bar (views.js), the share and embed buttons and
// the page's fragment to the parts they load. h: { readSignRequest,
// importRequest } for the Verify view (verify.js setupVerify), { read,
// apply } for share links (share-panel.js setupSharing). It returns
// { clear(), pageHide() }: app.js calls them on Clear and pagehide before
// it discards the signer.
export function setupLazy(h) {
  // A view's module returns shown(), run each time the view is shown
  // (still shown once the module has come).
  const whenShown = (name) => (shown) => {
    if (typeof shown === 'function' && !$(`view-${name}`)?.hidden) shown();
  };
  const chosen = (name) => {
    if (name === 'verify') verify.load().then(whenShown('verify'), () => {});
    else if (name === 'tokens') tokens.load().then(whenShown('tokens'), () => {});
  };
  const select = setupViews(chosen);

  const verifyStatus = $('verify-status');
  const verify = part('verify', modules.verify, (m, hooks) => m.setupVerify({ ...hooks, select, readSignRequest: h.readSignRequest, importRequest: h.importRequest }), {
    loading: () => {
      setText(verifyStatus, words.loading);
      delete verifyStatus.dataset.error;
    },
    failed: () => {
      setText(verifyStatus, words.failed);
      verifyStatus.dataset.error = 'true';
    },
  });

  let flow = null; // tokens-flow.js, once the Tokens view is set up
  const tokensView = $('view-tokens');
  const tokens = part('tokens', modules.tokens, ([m, flowModule], hooks) => {
    const shown = m.setupTokens({ ...hooks, select });
    flow = flowModule;
    return shown;
  }, {
    loading: () => tokensView?.replaceChildren(statusLine(words.loading)),
    failed: () => tokensView?.replaceChildren(statusLine(words.failed, true)),
  });

  const sharing = setupSharingButtons(h, () => (flow ? flow.flowState() : null));

  // The page's engine: this page has a Verify view, so the full signer
  // loads once the page is idle after its first signature, loaded view or not.
  engine.upgradeWhenIdle();

  // The fragment: a share link (share-panel.js opens it), a Tokens leg
  // (tokens.js reads and checks it, then selects its view) or the Verify view.
  const openFragment = () => {
    const hash = location.hash;
    if (hash.startsWith('#share=')) sharing.load().catch(() => {});
    if (/(?:^#|&)view=tokens(?:&|$)/.test(hash)) tokens.load().catch(() => {});
    else if (/(?:^#|&)view=verify(?:&|$)/.test(hash) && !/(?:^#|&)(?:flow|leg)=/.test(hash)) select('verify');
  };
  window.addEventListener('hashchange', openFragment);
  openFragment();

  const parts = [verify, tokens, sharing];
  return {
    clear: () => parts.forEach((p) => p.wipe('clear')),
    pageHide: () => parts.forEach((p) => p.wipe('pagehide')),
  };
}

// setupSharingButtons makes the toolbar's "Share link" and "Embed this"
// load share-panel.js on their first press, showing the panel pressed with
// the loading word meanwhile, and opening it once setupSharing has wired
// the buttons itself. Its part's wipe closes a panel that still loads.
function setupSharingButtons(h, tokensLeg) {
  const pairs = [[$('share-link'), $('share-panel')], [$('embed-this'), $('embed-panel')]].filter(([b, p]) => b && p);
  const before = new AbortController(); // the listeners below, until share-panel.js has its own
  const wanted = new Set(); // the buttons whose panel is showing the loading word
  const show = (button, panel, open) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  const close = (button, panel) => {
    show(button, panel, false);
    panel.replaceChildren();
    wanted.delete(button);
  };
  const closeAll = () => {
    for (const [b, panel] of pairs) close(b, panel);
  };
  const p = part('sharing', modules.sharing, (m) => {
    before.abort();
    m.setupSharing({ read: h.readShareable, apply: h.applyShared, tokensLeg });
    for (const button of [...wanted]) button.click(); // now setupSharing's own listener opens it
    wanted.clear();
  }, {
    failed: () => {
      for (const [b, panel] of pairs) if (wanted.has(b)) panel.replaceChildren(statusLine(words.failed, true));
    },
  });
  for (const [button, panel] of pairs) {
    button.addEventListener('click', () => {
      if (!panel.hidden) {
        close(button, panel);
        return;
      }
      wanted.add(button);
      panel.replaceChildren(statusLine(words.loading));
      show(button, panel, true);
      p.load().catch(() => {});
    }, { signal: before.signal });
  }
  const wipe = p.wipe;
  p.wipe = (kind) => {
    if (!p.done) closeAll();
    wipe(kind);
  };
  return p;
}

// lazyCodeCard stands in for code-card.js's setupCodeCard(root, read)
// until the card is first opened, and then hands
// over to it: the same { update(), clear() }, remembering whether a good
// signature is shown so the card, once loaded, draws it or waits.
export function lazyCodeCard(root, read) {
  const card = root.getElementById('code-card');
  if (!card) return { update() {}, clear() {} };
  let real = null;
  let signed = false;
  let line = null;
  let promise = null;
  const load = () => {
    if (!promise) busy('code', true);
    promise ??= modules.code().then((m) => {
      line?.remove();
      real = m.setupCodeCard(root, read);
      if (signed) real.update();
      else real.clear();
      busy('code', false);
    }, () => {
      promise = null;
      busy('code', false);
      if (line) {
        setText(line, words.failed);
        line.dataset.state = 'failed';
      }
    });
    return promise;
  };
  card.addEventListener('toggle', () => {
    if (!card.open || real) return;
    if (!line) card.append(line = statusLine(words.loading));
    setText(line, words.loading);
    line.dataset.state = 'loading';
    load();
  });
  return {
    update() {
      signed = true;
      real?.update();
    },
    clear() {
      signed = false;
      real?.clear();
    },
  };
}
