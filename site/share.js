// share.js: what a share link or an embed may carry, and how it travels in a
// URL fragment.
//
// Owns: the share state, a plain object built field by field from an
// allow-list (SHARE_FIELDS) that has no secret in it, so a consumer secret, a
// token secret or a private key cannot reach a URL even by mistake; its
// encoding, JSON → UTF-8 → base64url, for "index.html#share=…"; strict
// validation when a fragment is read; and the options of the embed fragment
// ("embed.html#preset=…&theme=…").
// Must never: touch the DOM, read inputs, accept a field that is not on the
// list, or put a value from a link into an error (errors are a reason code
// plus, at most, one of our own field names; strings-share.js words them).
//
// A share state is
//   { v: 1, preset?, method?, url?, body?, contentType?, consumerKey?, token?,
//     signatureMethod?, nonce?, timestamp?, version?, realm?, callback?,
//     verifier?, bodyHash?, transport?, params? }
// in that key order. A field is left out when it has its default ("" for
// text, GET, HMAC-SHA1, header, no version, no body hash, no rows), so equal
// requests give equal links. consumerKey and token are identifiers, not
// secrets, but they name an application and a user account: shareState keeps
// them only when the caller opts in, or when they are the published example
// values of a preset.

import { findPreset, knownCredentials } from './presets.js';
import { FIELDS, SECRET_FIELDS } from './fields.js';
import { FLOW_IDS, LEG_IDS } from './tokens-legs.js';

// VERSION is the share format; a link of another version is refused.
export const VERSION = 1;

// MAX_ENCODED bounds the base64url text of a link: beyond it encodeShare
// refuses and decodeShare does not even decode.
export const MAX_ENCODED = 65536;

// MAX_ROWS bounds the parameter rows of a link.
const MAX_ROWS = 500;

// The allow-list: the preset, then every field of fields.js that is not a
// secret, in the schema's order, each with how it is checked and its
// default. There is no entry for a secret, and nothing else can get into a
// state.
const SPECS = Object.freeze({
  preset: { kind: 'preset' },
  ...Object.fromEntries(FIELDS.filter((f) => !f.secret).map((f) => [f.name, Object.freeze(specOf(f))])),
});

// specOf says how a share link holds the field f: text (with the pattern it
// must match, if any), one of its choices, a boolean, or parameter rows.
function specOf(f) {
  if (f.input === 'rows') return { kind: 'params' };
  if (f.input === 'check' && f.on === true) return { kind: 'bool' };
  if (f.choices) return { kind: 'choice', def: f.default, choices: f.choices };
  return { kind: 'text', def: f.default, re: f.pattern ?? undefined, identifier: f.identifier };
}

// SHARE_FIELDS is the allow-list, in the order the fields are written.
export const SHARE_FIELDS = Object.freeze(Object.keys(SPECS));

// SECRET_NAMES are the request fields that never go into a link (fields.js's
// secrets). A link that has one is refused with its own reason, so a
// hand-made link cannot smuggle one in either.
export const SECRET_NAMES = SECRET_FIELDS;

// The step ids of the signer, plus "request" for the request card, in order:
// what an embed's steps= option may name.
export const STEP_IDS = Object.freeze([
  'request', 'parameters', 'encoded', 'sorted', 'parameterString', 'baseStringURI',
  'signatureBaseString', 'signingKey', 'digest', 'signature', 'authorizationHeader',
]);

// ---------------------------------------------------------------- building

// shareState builds the share state of request (an object with the signer
// API's field names; any other field, secrets included, is ignored) and the
// preset it started from. options: { preset: id, includeIdentifiers: bool }.
export function shareState(request, options = {}) {
  const r = request !== null && typeof request === 'object' ? request : {};
  const state = { v: VERSION };
  for (const name of SHARE_FIELDS) {
    const spec = SPECS[name];
    switch (spec.kind) {
      case 'preset': {
        const id = typeof options.preset === 'string' ? options.preset : '';
        if (id !== '' && findPreset(id)) state.preset = id;
        break;
      }
      case 'text':
      case 'choice': {
        const value = typeof r[name] === 'string' ? r[name] : '';
        if (value === spec.def || value === '') break;
        if (spec.identifier && options.includeIdentifiers !== true && !knownCredentials.has(value)) break;
        state[name] = value;
        break;
      }
      case 'bool':
        if (r[name] === true) state[name] = true;
        break;
      case 'params': {
        const rows = Array.isArray(r[name]) ? r[name].map(normalRow).filter((row) => row !== null) : [];
        if (rows.length > 0) state[name] = rows;
        break;
      }
    }
  }
  return state;
}

// ------------------------------------------------------------ secret values
//
// The allow-list keeps secret fields out; these keep secret values out of
// the fields that are on it (issue 13, finding 1): a URL with userinfo, or
// any value that equals or contains what a secret input holds right now (a
// PLAINTEXT signature is "CS&TS", the secrets themselves).

// URL_FIELDS are the allow-listed fields that hold a URL.
const URL_FIELDS = Object.freeze(['url', 'callback']);

// MIN_CONTAINED is the shortest secret looked for inside a value; a shorter
// one (every text holds some "a") is refused only as the whole value.
export const MIN_CONTAINED = 4;

// hasUserinfo reports whether a URL carries "user:password@" before its host
// (RFC 3986 section 3.2.1), as typed or as the browser's URL parser reads it.
export function hasUserinfo(url) {
  if (typeof url !== 'string' || url === '') return false;
  const m = /^\s*[A-Za-z][A-Za-z0-9+.-]*:[\\/\s]*([^/?#\\]*)/.exec(url);
  if (m && m[1].includes('@')) return true;
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

// readings returns text and what it reads as with percent-encoding undone,
// layer by layer (at most three), with and without "+" as a space.
function readings(text) {
  const out = [text];
  for (const plus of [false, true]) {
    let cur = text;
    for (let i = 0; i < 3; i++) {
      const next = percentDecode(plus ? cur.replace(/\+/g, ' ') : cur);
      if (next === cur) break;
      out.push(next);
      cur = next;
    }
  }
  return out;
}

// percentDecode undoes every valid %XX escape (as UTF-8 where it decodes),
// leaving any other "%" as it is.
function percentDecode(text) {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

// holdsSecret reports whether value equals one of secrets or, for a secret of
// MIN_CONTAINED characters or more, contains it, in any of its readings.
function holdsSecret(value, secret) {
  if (secret === '' || value === '') return false;
  return readings(value).some((r) => r === secret || (secret.length >= MIN_CONTAINED && r.includes(secret)));
}

// secretProblem says why a share state must not become a link or an embed:
// { reason: 'userinfo', field } for a URL with userinfo, { reason:
// 'holds-secret', field, secret } for a value holding the current value of
// the secret input named secret, or null. secrets is [{ name, value }], the
// secret inputs' names and current values; only field and secret names
// come back, never a value.
export function secretProblem(state, secrets = []) {
  for (const field of URL_FIELDS) {
    if (hasUserinfo(state[field])) return { reason: 'userinfo', field };
  }
  const list = Array.isArray(secrets) ? secrets.filter((s) => s && typeof s.value === 'string' && s.value !== '') : [];
  for (const name of SHARE_FIELDS) {
    const v = state[name];
    const values = typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap((row) => [row[0], row[1]]) : [];
    for (const value of values) {
      const hit = list.find((s) => holdsSecret(value, s.value));
      if (hit) return { reason: 'holds-secret', field: name, secret: hit.name };
    }
  }
  return null;
}

// presetState is the share state of a preset as it is published.
export function presetState(preset) {
  return shareState({ ...preset.request, params: preset.params ?? [] }, { preset: preset.id, includeIdentifiers: true });
}

// requestFromState spells a share state out as a request with every
// allow-listed field, defaults filled in. It has no secret fields.
export function requestFromState(state) {
  const out = {};
  for (const name of SHARE_FIELDS) {
    const spec = SPECS[name];
    if (spec.kind === 'preset') continue;
    if (spec.kind === 'bool') out[name] = state[name] === true;
    else if (spec.kind === 'params') out[name] = Array.isArray(state[name]) ? state[name].map((row) => row.slice()) : [];
    else out[name] = typeof state[name] === 'string' ? state[name] : spec.def;
  }
  return out;
}

// sameState reports whether two share states are equal. States are built in
// one key order, so their JSON is canonical.
export function sameState(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function normalRow(row) {
  if (!Array.isArray(row) || row.length < 2) return null;
  const [name, value, where] = row;
  if (typeof name !== 'string' || typeof value !== 'string') return null;
  if (name === '' && value === '') return null;
  return [name, value, where === 'body' ? 'body' : 'query'];
}

// ---------------------------------------------------------------- encoding

// encodeShare writes a state as base64url (no padding) of its UTF-8 JSON.
// It returns null when the result would be longer than MAX_ENCODED.
export function encodeShare(state) {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const text = btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return text.length > MAX_ENCODED ? null : text;
}

// decodeShare reads the text after "share=" and checks it strictly. It
// returns { ok: true, state } with a state built afresh through the
// allow-list, or { ok: false, reason, field? }: reason is one of empty,
// size, base64, json, version, secret, unknown, type, preset, userinfo; field is one
// of our field names, never text from the link.
export function decodeShare(text) {
  if (typeof text !== 'string' || text === '') return fail('empty');
  if (text.length > MAX_ENCODED) return fail('size');
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return fail('base64');
  let value;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('json');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('json');

  const keys = Object.keys(value);
  for (const key of keys) {
    if (SECRET_NAMES.includes(key)) return fail('secret', key);
  }
  for (const key of keys) {
    if (key !== 'v' && !Object.hasOwn(SPECS, key)) return fail('unknown');
  }
  if (value.v !== VERSION) return fail('version');

  for (const key of keys) {
    if (key === 'v') continue;
    const problem = check(key, value[key]);
    if (problem) return fail(problem, key);
  }
  for (const key of URL_FIELDS) {
    if (hasUserinfo(value[key])) return fail('userinfo', key);
  }
  // Build the result through the same allow-list as shareState, so that it
  // is canonical and holds nothing but checked fields.
  const state = shareState(value, { preset: value.preset, includeIdentifiers: true });
  return { ok: true, state };
}

// check returns '' when value is acceptable for the field name, or the
// reason it is not.
function check(name, value) {
  const spec = SPECS[name];
  switch (spec.kind) {
    case 'preset':
      return typeof value === 'string' && findPreset(value) ? '' : 'preset';
    case 'text':
      if (typeof value !== 'string' || value.length > MAX_ENCODED) return 'type';
      return spec.re && !spec.re.test(value) ? 'type' : '';
    case 'choice':
      return typeof value === 'string' && spec.choices.includes(value) ? '' : 'type';
    case 'bool':
      return typeof value === 'boolean' ? '' : 'type';
    case 'params':
      if (!Array.isArray(value) || value.length > MAX_ROWS) return 'type';
      for (const row of value) {
        if (!Array.isArray(row) || row.length < 2 || row.length > 3) return 'type';
        if (typeof row[0] !== 'string' || typeof row[1] !== 'string') return 'type';
        if (row.length === 3 && row[2] !== 'query' && row[2] !== 'body') return 'type';
      }
      return '';
  }
  return 'type';
}

function fail(reason, field) {
  return field === undefined ? { ok: false, reason } : { ok: false, reason, field };
}

// shareFragment returns the payload of a "#share=…" fragment, or null when
// hash is some other fragment (an in-page anchor such as #primer).
export function shareFragment(hash) {
  const h = typeof hash === 'string' ? hash : '';
  // base64url has no '&': what follows one is viewFragment's (…&view=tokens&leg=…).
  return h.startsWith('#share=') ? h.slice('#share='.length).split('&')[0] : null;
}

// VIEWS are the views a fragment may open; LEG_IDS and FLOW_IDS
// (tokens-legs.js) the Tokens view's legs and flows.
export const VIEWS = Object.freeze(['sign', 'verify', 'tokens']);

// viewFragment reads the view options of the page's fragment,
// "#view=tokens&flow=oob&leg=access_token" (alone or after share=…):
// { view, flow, leg } ('' for an option not given), or null when the
// fragment names no view or a value that is not on the lists. Legs and
// flows are names, never tokens: a Tokens view link carries no credential.
export function viewFragment(hash) {
  const h = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
  if (!/(?:^|&)view=/.test(h)) return null;
  const params = new URLSearchParams(h);
  const one = (name) => (params.getAll(name).length === 1 ? params.get(name) : null);
  const out = { view: one('view') ?? '', flow: one('flow') ?? '', leg: one('leg') ?? '' };
  if (!VIEWS.includes(out.view)) return null;
  if (out.flow !== '' && !FLOW_IDS.includes(out.flow)) return null;
  if (out.leg !== '' && !LEG_IDS.includes(out.leg)) return null;
  if ((out.flow !== '' || out.leg !== '') && out.view !== 'tokens') return null;
  return out;
}

// ------------------------------------------------------------------- embeds

// The embed fragment is form-encoded (URLSearchParams), each option at most
// once:
//   preset=ID       a preset, as published (its example credentials are public)
//   share=STATE     or a share state, as in index.html#share=STATE
//   theme=light|dark|auto          (default auto)
//   readonly=1|0                   (default 0; a bare "readonly" means 1)
//   steps=ID,ID,…   which cards to show: STEP_IDS; default all
//   id=NAME         echoed in every message to the parent page
//   view=tokens&flow=FLOW&leg=LEG  the Tokens view at a leg (viewFragment's lists)
// Secrets have no option, and any option not listed is refused.
const EMBED_OPTIONS = Object.freeze(['preset', 'share', 'theme', 'readonly', 'steps', 'id', 'view', 'flow', 'leg']);
const EMBED_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

// parseEmbedFragment reads an embed.html fragment. It always returns
// { id, options: { theme, readonly, steps }, state, error }: id is the
// fragment's id when that one is valid (so the parent still gets its
// messages), state is the share state to show (the default preset's when
// the fragment names none), and error is null or { reason, field? }: when it
// is set, options and state are the defaults.
export function parseEmbedFragment(hash, fallbackPreset) {
  const raw = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
  const params = new URLSearchParams(raw);
  const idValue = params.getAll('id');
  const id = idValue.length === 1 && EMBED_ID.test(idValue[0]) ? idValue[0] : '';
  const defaults = { theme: 'auto', readonly: false, steps: null, view: '', flow: '', leg: '' };
  const fallback = presetState(fallbackPreset);
  const bad = (reason, field) => ({ id, options: defaults, state: fallback, error: field === undefined ? { reason } : { reason, field } });

  const seen = new Set();
  for (const key of params.keys()) {
    if (!EMBED_OPTIONS.includes(key)) {
      if (SECRET_NAMES.includes(key)) return bad('secret', key);
      return bad('option', /^[A-Za-z]{1,32}$/.test(key) ? key : '?');
    }
    if (seen.has(key)) return bad('repeated', key);
    seen.add(key);
  }
  if (params.has('id') && id === '') return bad('id');
  if (params.has('preset') && params.has('share')) return bad('both');

  const options = { ...defaults };
  if (params.has('theme')) {
    const theme = params.get('theme');
    if (!['light', 'dark', 'auto'].includes(theme)) return bad('theme');
    options.theme = theme;
  }
  if (params.has('readonly')) {
    const ro = params.get('readonly');
    if (!['', '1', '0', 'true', 'false'].includes(ro)) return bad('readonly');
    options.readonly = ro === '' || ro === '1' || ro === 'true';
  }
  if (params.has('steps')) {
    const list = params.get('steps').split(',').map((s) => s.trim()).filter(Boolean);
    if (list.length === 0 || list.some((s) => !STEP_IDS.includes(s))) return bad('steps');
    options.steps = list;
  }

  if (params.has('view') || params.has('flow') || params.has('leg')) {
    const v = { view: params.get('view') ?? 'tokens', flow: params.get('flow') ?? '', leg: params.get('leg') ?? '' };
    const tokensOnly = v.flow !== '' || v.leg !== '';
    if (!VIEWS.includes(v.view) || (v.flow !== '' && !FLOW_IDS.includes(v.flow)) || (v.leg !== '' && !LEG_IDS.includes(v.leg)) ||
      (tokensOnly && v.view !== 'tokens')) return bad('type', 'view');
    Object.assign(options, v);
  }

  let state = fallback;
  if (params.has('preset')) {
    const preset = findPreset(params.get('preset'));
    if (!preset) return bad('preset');
    state = presetState(preset);
  } else if (params.has('share')) {
    const decoded = decodeShare(params.get('share'));
    if (!decoded.ok) return bad(decoded.reason, decoded.field);
    state = decoded.state;
  }
  return { id, options, state, error: null };
}

// isOrigin says whether value is an http or https origin as a browser
// writes it ("https://docs.example.org", "http://127.0.0.1:8081"): no path,
// no user info, lower case, no default port.
export function isOrigin(value) {
  if (typeof value !== 'string' || value === '' || value === '*') return false;
  let url;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
}

// embedFragment writes the fragment (without "#") of an embed showing state:
// preset=ID when state is a preset as published, share=… otherwise. It
// returns null when the state is too long for a link. o: { state, theme,
// readonly, steps, id, origin, view?, flow?, leg? }: view 'tokens' writes
// view=tokens&flow=…&leg=… (names on FLOW_IDS/LEG_IDS) instead of any
// state; origin, the docs page's own origin, is
// where the embed may post its messages (embed.js); it is written only when
// isOrigin accepts it.
export function embedFragment(o) {
  const params = new URLSearchParams();
  const preset = o.state.preset ? findPreset(o.state.preset) : null;
  if (o.view === 'tokens') {
    // A Tokens leg (the demo app's): the view, flow and leg, no request.
    params.set('view', 'tokens');
    if (FLOW_IDS.includes(o.flow)) params.set('flow', o.flow);
    if (LEG_IDS.includes(o.leg)) params.set('leg', o.leg);
  } else if (preset && sameState(o.state, presetState(preset))) {
    params.set('preset', preset.id);
  } else {
    const encoded = encodeShare(o.state);
    if (encoded === null) return null;
    params.set('share', encoded);
  }
  if (o.theme && o.theme !== 'auto') params.set('theme', o.theme);
  if (o.readonly) params.set('readonly', '1');
  if (Array.isArray(o.steps) && o.steps.length > 0) params.set('steps', o.steps.join(','));
  if (o.id) params.set('id', o.id);
  if (isOrigin(o.origin)) params.set('origin', o.origin);
  // Written by hand rather than with params.toString(), which would turn the
  // commas of steps= into %2C and the origin's ':' and '/' into escapes:
  // every value here is ours (ids, base64url) or checked (id, origin), so
  // encodeURIComponent is enough, undone for those characters.
  return [...params].map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/')}`).join('&');
}
