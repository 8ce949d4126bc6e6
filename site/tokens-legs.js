// tokens-legs.js: the flows of the Tokens view as data: which legs each
// flow has, and the request each leg sends, built from the credentials
// issued so far (which token, which secret, oauth_callback, oauth_verifier),
// with or without one of the break-it mistakes.
//
// Owns: FLOWS, LEG_IDS, the endpoints (X's documented URLs, answered by the
// in-page provider), the demo app's published credentials, signRequest (a
// request in the signer API's field names, for engine.sign), which break-it
// mistakes a leg can make, answer parsing helpers (form bodies, headers,
// the Location of a redirect), and httpText (a request as it goes over the
// wire, for the Verify view's paste box).
// Must never: touch the DOM, call the signer or the provider, sign or
// verify anything itself, log, or keep state: every function takes what it
// needs and returns a new value.

export const API = 'https://api.x.com';

export const ENDPOINTS = Object.freeze({
  request_token: `${API}/oauth/request_token`,
  authorize: `${API}/oauth/authorize`,
  access_token: `${API}/oauth/access_token`,
  verify_credentials: `${API}/1.1/account/verify_credentials.json`,
  bearer_token: `${API}/oauth2/token`,
  app_only: `${API}/2/tweets/1460323737035677698`,
  user_context: `${API}/1.1/account/verify_credentials.json`,
});

// DEMO is the page's published demo app: the consumer key and secret of X's
// "Creating a signature" page (signer/provider's DemoConsumerKey and
// DemoConsumerSecret), printed there, so neither half is a secret; the
// in-page provider registers whatever the inputs hold when the flow starts.
export const DEMO = Object.freeze({
  consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
  consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
  callback: 'https://app.example/callback',
});

// FLOWS lists each flow's legs, in order.
export const FLOWS = Object.freeze({
  callback: Object.freeze(['request_token', 'authorize', 'access_token', 'verify_credentials']),
  oob: Object.freeze(['request_token', 'authorize', 'access_token', 'verify_credentials']),
  bearer: Object.freeze(['bearer_credential', 'bearer_token', 'app_only', 'user_context']),
});

export const FLOW_IDS = Object.freeze(Object.keys(FLOWS));

// LEG_IDS are every leg a link may open the view at.
export const LEG_IDS = Object.freeze([...new Set(Object.values(FLOWS).flat())]);

// SIGNED_LEGS are the legs whose request is signed with OAuth 1.0a.
export const SIGNED_LEGS = Object.freeze(['request_token', 'access_token', 'verify_credentials']);

// BREAKS are the break-it mistakes, in menu order ('' sends it right).
export const BREAKS = Object.freeze(['', 'wrongSecret', 'reusedNonce', 'clockOff', 'otherVerifier', 'noCallback']);

// breaksFor lists the mistakes leg can make, given whether the provider has
// accepted a request already (a nonce to reuse).
export function breaksFor(leg, hasAccepted) {
  const out = [''];
  if (!SIGNED_LEGS.includes(leg)) return out;
  if (leg !== 'request_token') out.push('wrongSecret');
  if (hasAccepted) out.push('reusedNonce');
  out.push('clockOff');
  if (leg === 'access_token') out.push('otherVerifier');
  if (leg === 'request_token') out.push('noCallback');
  return out;
}

// flowOfLeg is the flow a link's leg belongs to, preferring want.
export function flowOfLeg(leg, want) {
  if (FLOWS[want] && FLOWS[want].includes(leg)) return want;
  return FLOW_IDS.find((f) => FLOWS[f].includes(leg)) ?? 'callback';
}

// signRequest is the request leg sends, in the signer API's field names:
// s is { consumerKey, consumerSecret, callback, flow, issued, lastAccepted,
// otherVerifier, now } (now in seconds), brk one of BREAKS. The nonce and
// timestamp are left to the signer unless a mistake sets them.
export function signRequest(s, leg, brk = '') {
  const is = s.issued ?? {};
  const r = {
    method: 'POST', url: ENDPOINTS[leg], body: '', contentType: '',
    consumerKey: s.consumerKey, consumerSecret: s.consumerSecret, token: '', tokenSecret: '', privateKey: '',
    signatureMethod: 'HMAC-SHA1', nonce: '', timestamp: '', version: '1.0', realm: '',
    callback: '', verifier: '', bodyHash: false, transport: 'header', params: [],
  };
  switch (leg) {
    case 'request_token':
      r.callback = brk === 'noCallback' ? '' : (s.flow === 'oob' ? 'oob' : s.callback);
      break;
    case 'access_token':
      r.token = is.requestToken ?? '';
      // The classic mistake here: the key without the request token secret.
      r.tokenSecret = brk === 'wrongSecret' ? '' : (is.requestTokenSecret ?? '');
      r.verifier = brk === 'otherVerifier' ? (s.otherVerifier ?? '') : (is.verifier ?? '');
      break;
    case 'verify_credentials':
      r.method = 'GET';
      r.token = is.accessToken ?? '';
      // Here: the request token secret, kept from leg 3, in place of the access token's.
      r.tokenSecret = brk === 'wrongSecret' ? (is.requestTokenSecret ?? '') : (is.accessTokenSecret ?? '');
      break;
    default:
      return null;
  }
  if (brk === 'reusedNonce' && s.lastAccepted) {
    r.nonce = s.lastAccepted.nonce;
    r.timestamp = s.lastAccepted.timestamp;
  }
  if (brk === 'clockOff') r.timestamp = String(Math.floor(s.now) - 600);
  return r;
}

// authorizeURL is where the user's browser is sent in leg 2.
export function authorizeURL(requestToken) {
  return `${ENDPOINTS.authorize}?oauth_token=${encodeURIComponent(requestToken)}`;
}

// formValues reads a form-encoded body (an answer of a token endpoint or
// an OAuth Problem Reporting refusal) into a Map.
export function formValues(text) {
  const out = new Map();
  try {
    for (const [k, v] of new URLSearchParams(String(text ?? ''))) if (!out.has(k)) out.set(k, v);
  } catch {
    // not form data: nothing to read
  }
  return out;
}

// header is the value of the header named name (any case) in headers, an
// object { name: value }, or ''.
export function header(headers, name) {
  if (!headers || typeof headers !== 'object') return '';
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === want) return Array.isArray(v) ? v.join(', ') : String(v ?? '');
  }
  return '';
}

// locationValues reads oauth_token and oauth_verifier from a redirect's
// Location header.
export function locationValues(location) {
  try {
    const u = new URL(location);
    return { token: u.searchParams.get('oauth_token') ?? '', verifier: u.searchParams.get('oauth_verifier') ?? '' };
  } catch {
    return { token: '', verifier: '' };
  }
}

// pinOf finds the PIN on the provider's PIN page: the digits of its
// <code> element (X's page), a pin or oauth_verifier field when the page is
// form data or JSON, otherwise the first run of 5 to 10 digits.
export function pinOf(body) {
  const text = String(body ?? '');
  const code = /<code>\s*([0-9]+)\s*<\/code>/.exec(text);
  if (code) return code[1];
  const form = formValues(text);
  if (form.get('oauth_verifier')) return form.get('oauth_verifier');
  try {
    const j = JSON.parse(text);
    if (j && typeof j === 'object') {
      for (const k of ['pin', 'oauth_verifier', 'verifier']) if (typeof j[k] === 'string' || typeof j[k] === 'number') return String(j[k]);
    }
  } catch {
    // not JSON
  }
  const m = /(?:^|[^0-9])([0-9]{5,10})(?![0-9])/.exec(text);
  return m ? m[1] : '';
}

// httpText writes a request as it goes over the wire: request line, Host,
// Authorization, Content-Type, body. url must be absolute.
export function httpText({ method, url, authorization, contentType, body }) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return '';
  }
  const lines = [`${method} ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`];
  if (authorization) lines.push(`Authorization: ${authorization}`);
  if (contentType) lines.push(`Content-Type: ${contentType}`);
  return body ? `${lines.join('\n')}\n\n${body}` : lines.join('\n');
}

// answerText writes a provider answer { status, headers, body } as raw
// HTTP: status line, headers sorted by name, body.
export function answerText(answer, reason = '') {
  const lines = [`HTTP/1.1 ${answer.status}${reason ? ` ${reason}` : ''}`];
  const headers = answer.headers && typeof answer.headers === 'object' ? answer.headers : {};
  for (const k of Object.keys(headers).sort()) lines.push(`${k}: ${header(headers, k)}`);
  return `${lines.join('\n')}\n\n${String(answer.body ?? '')}`;
}

// STATUS_TEXT are the reason phrases of the statuses the provider answers.
export const STATUS_TEXT = Object.freeze({
  200: 'OK', 302: 'Found', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
});

// problemOf reads the OAuth Problem Reporting answer of a refusal:
// { problem, values } from a form body or a WWW-Authenticate header, or
// null.
export function problemOf(answer) {
  const body = formValues(answer.body);
  if (body.get('oauth_problem')) return { problem: body.get('oauth_problem'), values: body };
  const auth = header(answer.headers, 'WWW-Authenticate');
  const m = /oauth_problem="?([a-z_]+)/.exec(auth);
  if (m) return { problem: m[1], values: body };
  try {
    const j = JSON.parse(String(answer.body ?? ''));
    const e = j && Array.isArray(j.errors) ? j.errors[0] : null;
    if (e && typeof e.message === 'string') return { problem: '', values: body, message: e.message };
  } catch {
    // not JSON
  }
  return null;
}
