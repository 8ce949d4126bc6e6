// tokens-bearer.js: the app-only bearer flow of the Tokens view: building
// the Basic credential from the consumer key and secret (RFC 1738-encode
// each, join with a colon, base64), and the cards that show each step.
//
// Owns: basicSteps (the three values, as data), renderBasicSteps (a card
// per step, every value holding the secret masked until revealed) and
// renderNotSignature (why a bearer token is not a signature).
// Must never: touch the network, call the signer or the provider, log,
// store, or put a secret into an attribute or a copy button: the secret and
// everything built from it (the joined text, the base64, the header) go
// through render-values.js's secretBlock.

import { tokens as text } from './strings-tokens.js';
import { el } from './dom.js';
import { secretBlock } from './render-values.js';

// encode1738 percent-encodes every octet of s's UTF-8 but letters, digits
// and -._~ (which RFC 1738 and RFC 3986 both leave alone), upper-case hex.
export function encode1738(s) {
  let out = '';
  for (const b of new TextEncoder().encode(String(s ?? ''))) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// base64 is the base64 of s's UTF-8 bytes.
export function base64(s) {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

// basicSteps returns { key, secret, joined, credential, authorization } for
// the consumer key and secret; every value but key holds the secret.
export function basicSteps(consumerKey, consumerSecret) {
  const key = encode1738(consumerKey);
  const secret = encode1738(consumerSecret);
  const joined = `${key}:${secret}`;
  const credential = base64(joined);
  return { key, secret, joined, credential, authorization: `Basic ${credential}` };
}

// renderBasicSteps fills container with the cards of the three steps and
// the header. ctx: { reveal: Set, onReveal(key, on) } for the masked values.
export function renderBasicSteps(container, steps, ctx) {
  const masked = (name, value, label) => secretBlock({ key: `tokens:bearer:${name}`, value, label, testName: `tokens-bearer-${name}`, ctx });
  const card = (id, title, hint, nodes) => el('li', { className: 'step', dataset: { testid: `tokens-bearer-step-${id}` } }, [
    el('div', { className: 'step-head' }, [el('h3', { className: 'step-title', text: title })]),
    el('p', { className: 'step-explain', text: hint }),
    ...nodes,
  ]);
  const pair = (label, node) => el('div', { className: 'tokens-pair' }, [el('span', { className: 'tokens-pair-label', text: label }), node]);
  container.replaceChildren(el('ol', { className: 'steps' }, [
    card('encode', text.bearer.steps.encode, text.bearer.encodeHint, [
      pair(text.bearer.key, el('pre', { className: 'value', text: steps.key, dataset: { testid: 'tokens-bearer-key' } })),
      pair(text.bearer.secret, masked('secret', steps.secret, text.bearer.secret)),
    ]),
    card('join', text.bearer.steps.join, text.bearer.joinHint, [masked('joined', steps.joined, text.bearer.joined)]),
    card('base64', text.bearer.steps.base64, text.bearer.base64Hint, [masked('credential', steps.credential, text.bearer.credential)]),
    card('header', text.bearer.steps.header, text.bearer.headerHint, [masked('authorization', `Authorization: ${steps.authorization}`, text.bearer.steps.header)]),
  ]));
}

// renderNotSignature is the paragraph on why a bearer token is not a
// signature.
export function renderNotSignature() {
  return el('p', { className: 'tokens-note', text: text.bearer.notSignature, dataset: { testid: 'tokens-not-signature' } });
}
