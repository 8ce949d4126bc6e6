// guard.js: the "this looks like a real credential" heuristic, and fresh
// nonces and timestamps.
//
// Owns: recognising the shapes of real credentials (X's key lengths,
// WooCommerce's ck_/cs_ prefixes, 64-character hex tokens, PEM private keys,
// long random strings), so the page can warn before someone works with a live
// secret; and making nonces from the browser's random source.
// Must never: touch the DOM, keep or log a value, or send it anywhere. It
// answers with the name of a shape (a key of strings.realCredential.kinds),
// never with the value.

const X_KEY = /^[A-Za-z0-9]{25}$/;
const X_SECRET = /^[A-Za-z0-9]{50}$/;
const X_TOKEN = /^[0-9]{1,20}-[A-Za-z0-9]{20,60}$/;
const X_TOKEN_SECRET = /^[A-Za-z0-9]{45}$/;
const WOO_KEY = /^ck_[0-9a-f]{40}$/;
const WOO_SECRET = /^cs_[0-9a-f]{40}$/;
const HEX_64 = /^[0-9a-f]{64}$/i;
const TOKENISH = /^[A-Za-z0-9+/=_.~!-]{20,}$/;

function mixed(v) {
  return /[A-Za-z]/.test(v) && /[0-9]/.test(v);
}

// credentialKind says what real credential value looks like, for the
// credential field named field, or returns '' when it looks like an example.
// known holds the presets' published values, which never count as real.
export function credentialKind(field, value, known) {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v === '' || known.has(value) || known.has(v)) return '';
  switch (field) {
    case 'privateKey':
      return /PRIVATE KEY-----/.test(v) ? 'privateKey' : '';
    case 'consumerKey':
      if (X_KEY.test(v) && mixed(v)) return 'xConsumerKey';
      if (WOO_KEY.test(v)) return 'wooKey';
      if (HEX_64.test(v) && mixed(v)) return 'hex64';
      return '';
    case 'token':
      if (X_TOKEN.test(v)) return 'xToken';
      if (HEX_64.test(v) && mixed(v)) return 'hex64';
      return '';
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
