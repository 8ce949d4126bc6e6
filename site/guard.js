// guard.js: the first module the full page runs, which refuses to work in
// a frame of another origin; the "this looks like a real credential"
// heuristic; and fresh nonces and timestamps.
//
// Owns: the frame check (index.html loads this module before app.js, and
// app.js and form.js import it, so it has run before any other code of the
// page: inside a frame whose ancestors are not all of the page's own
// origin, it replaces the page with a refusal and a link that opens it in
// a tab of its own, and throws, so app.js never runs; otherwise it enables
// the secret inputs, which index.html ships disabled so that none is usable
// before this decision); recognising the shapes of real credentials (X's
// secret lengths, WooCommerce's cs_ prefix, 64-character hex tokens, PEM
// private keys, long random strings), so the page can warn before someone
// works with a live secret; and making nonces from the browser's random
// source.
// Must never: touch the DOM except for the frame check, keep or log a
// value, or send it anywhere. The heuristic answers with the name of a
// shape (a key of strings.realCredential.kinds), never with the value.
// embed.html has no #frame-refusal, so the check leaves it alone: it is
// made to be framed.

import './nortc.js'; // first: no WebRTC for any code after it, this module's included
import { frame as frameText } from './strings.js';

// foreignFrame says whether win is inside a frame and some ancestor is not
// of win's own origin: reading another origin's location throws, and
// location.ancestorOrigins (where the browser has it) names every
// ancestor's origin, even one a same-origin parent hides.
export function foreignFrame(win) {
  if (win.top === win.self) return false;
  const own = win.location.origin;
  if (own === 'null') return true; // a sandboxed frame: an opaque origin
  try {
    for (let w = win; w !== w.top;) {
      w = w.parent;
      if (w.location.origin !== own) return true;
    }
  } catch {
    return true;
  }
  const ancestors = win.location.ancestorOrigins;
  if (ancestors) {
    for (const origin of ancestors) {
      if (origin !== own) return true;
    }
  }
  return false;
}

// guardFrame is the frame check (see the top of this file). The refusal's
// link is this page's own address without query or fragment: a fragment
// holds a share state, which is no business of the framing page.
function guardFrame() {
  if (typeof document === 'undefined') return;
  const refusal = document.getElementById('frame-refusal');
  if (!refusal) return;
  if (!foreignFrame(window)) {
    for (const input of document.querySelectorAll('[data-guarded]')) input.disabled = false;
    return;
  }
  const url = new URL(location.href);
  url.search = '';
  url.hash = '';
  document.getElementById('frame-refusal-title').textContent = frameText.title;
  document.getElementById('frame-refusal-body').textContent = frameText.body;
  const link = document.getElementById('frame-refusal-link');
  link.textContent = frameText.link;
  link.href = url.href;
  document.title = frameText.title;
  refusal.hidden = false;
  document.body.replaceChildren(refusal);
  throw new Error('oauth1-playground: refused to run inside a frame of another origin');
}

guardFrame();

const X_SECRET = /^[A-Za-z0-9]{50}$/;
const X_TOKEN_SECRET = /^[A-Za-z0-9]{45}$/;
const WOO_SECRET = /^cs_[0-9a-f]{40}$/;
const HEX_64 = /^[0-9a-f]{64}$/i;
const TOKENISH = /^[A-Za-z0-9+/=_.~!-]{20,}$/;

function mixed(v) {
  return /[A-Za-z]/.test(v) && /[0-9]/.test(v);
}

// credentialKind says what real credential value looks like, for the
// secret field named field, or returns '' when it looks like an example or
// field is not a secret (a consumer key or token is sent with every request:
// no warning for it). known holds the presets' published values, which never
// count as real.
export function credentialKind(field, value, known) {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v === '' || known.has(value) || known.has(v)) return '';
  switch (field) {
    case 'privateKey':
      return /PRIVATE KEY-----/.test(v) ? 'privateKey' : '';
    case 'consumerSecret':
    case 'tokenSecret':
      if (field === 'consumerSecret' && X_SECRET.test(v) && mixed(v)) return 'xConsumerSecret';
      if (field === 'tokenSecret' && X_TOKEN_SECRET.test(v) && mixed(v)) return 'xTokenSecret';
      if (WOO_SECRET.test(v)) return 'wooSecret';
      if (HEX_64.test(v) && mixed(v)) return 'hex64';
      if (TOKENISH.test(v) && mixed(v)) return 'generated';
      return '';
  }
  return '';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// newNonce returns 32 random letters and digits from crypto.getRandomValues.
export function newNonce() {
  const out = [];
  const buf = new Uint8Array(64);
  while (out.length < 32) {
    crypto.getRandomValues(buf);
    for (const b of buf) {
      if (b < 248 && out.length < 32) out.push(ALPHABET[b % 62]); // 248 = 4 × 62: no bias
    }
  }
  return out.join('');
}

// nowSeconds is the current time as an OAuth timestamp.
export function nowSeconds() {
  return String(Math.floor(Date.now() / 1000));
}
