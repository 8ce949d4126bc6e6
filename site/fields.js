// fields.js: the request schema, written once. Every view reads a request
// through it: the Sign view and the embed (through form.js), the Verify
// view, and the share state (share.js).
//
// Owns: the fields oauth1.sign reads, in order: each one's API name (which is
// also the id of its input on every page that has one), the key of its words
// in strings.js (fields[label].label), whether it is a secret, a credential
// or an identifier, its default, its choices when they are closed, the kind
// of input that holds it, and the shape a share link may give it.
// Must never: touch the DOM, import another module, or hold a value anybody
// typed. A browser test checks that these are exactly the fields oauth1.sign
// reads and that the signature methods are the signer's.

// SIGNATURE_METHODS are the methods of RFC 5849 §3.4 and the SHA-2 variants,
// in the order of the signer's list (oauth1.methods).
export const SIGNATURE_METHODS = Object.freeze([
  'HMAC-SHA1', 'HMAC-SHA256', 'HMAC-SHA512', 'RSA-SHA1', 'RSA-SHA256', 'RSA-SHA512', 'PLAINTEXT',
]);

// TRANSPORTS are the three places RFC 5849 §3.5 lets the protocol
// parameters travel.
export const TRANSPORTS = Object.freeze(['header', 'query', 'body']);

// WHERE are the places an extra parameter row may be sent: the query or the
// form body.
export const WHERE = Object.freeze(['query', 'body']);

// field builds one entry. o.input says how a form holds the value:
//   text   an input, textarea or select whose value is the field's (default)
//   check  a checkbox: checked is o.on, unchecked the default
//   radio  radio buttons named after the field, one per choice
//   rows   the parameter table: [[name, value, where], …]
// o.pattern is what a share link's value must look like (share.js).
function field(name, o = {}) {
  return Object.freeze({
    name,
    label: name,
    input: o.input ?? 'text',
    default: o.default ?? '',
    choices: o.choices ?? null,
    on: o.on,
    secret: o.secret === true,
    credential: o.credential === true || o.secret === true,
    identifier: o.identifier === true,
    pattern: o.pattern ?? null,
  });
}

// FIELDS is the schema, in the order share links write the fields.
export const FIELDS = Object.freeze([
  field('method', { default: 'GET', pattern: /^[A-Za-z]{1,20}$/ }),
  field('url'),
  field('body'),
  field('contentType', { pattern: /^[\x20-\x7e]{0,200}$/ }),
  field('consumerKey', { credential: true, identifier: true }),
  field('consumerSecret', { secret: true }),
  field('token', { credential: true, identifier: true }),
  field('tokenSecret', { secret: true }),
  field('privateKey', { secret: true }),
  field('signatureMethod', { default: 'HMAC-SHA1', choices: SIGNATURE_METHODS }),
  field('nonce'),
  field('timestamp'),
  field('version', { input: 'check', on: '1.0', choices: Object.freeze(['', '1.0']) }),
  field('realm'),
  field('callback'),
  field('verifier'),
  field('bodyHash', { input: 'check', on: true, default: false }),
  field('transport', { input: 'radio', default: 'header', choices: TRANSPORTS }),
  field('params', { input: 'rows', default: Object.freeze([]) }),
]);

// FIELD is the schema by name.
export const FIELD = Object.freeze(Object.fromEntries(FIELDS.map((f) => [f.name, f])));

// SECRET_FIELDS never leave the tab: no link, message, memory of previous
// values or error holds them.
export const SECRET_FIELDS = Object.freeze(FIELDS.filter((f) => f.secret).map((f) => f.name));

// CREDENTIAL_FIELDS are the fields whose values are checked against the
// known test credentials; of them only the secrets get the "this looks like a
// real credential" warning (form.js updateCredentialWarning).
export const CREDENTIAL_FIELDS = Object.freeze(FIELDS.filter((f) => f.credential).map((f) => f.name));

// PUBLIC_FIELDS are the others: what oauth1.parse returns and a share link
// may carry.
export const PUBLIC_FIELDS = Object.freeze(FIELDS.filter((f) => !f.secret).map((f) => f.name));

// defaultValue is a fresh copy of the field's default.
export function defaultValue(name) {
  const d = FIELD[name].default;
  return Array.isArray(d) ? [] : d;
}

// methodFamily groups the signature methods by how they sign: 'rsa',
// 'plaintext' or 'hmac'.
export function methodFamily(method) {
  if (typeof method === 'string' && method.startsWith('RSA-')) return 'rsa';
  if (method === 'PLAINTEXT') return 'plaintext';
  return 'hmac';
}
