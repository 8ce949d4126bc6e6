// strings.js: the sentences every view shares, in one reviewable place. The
// words of one view live beside it: strings-sign.js (presets and the
// primer), strings-steps.js (the step cards), strings-verify.js (the Verify
// view) and strings-share.js (share links and the embed).
//
// Owns: titles, labels and hints of the request fields (keyed by the API
// field name, fields.js's label key), the warning banner, the controls'
// words, the status line, the engine's loading and failure messages, how an
// error names its field (errorNames) and what the page says for each error
// code (errorCodes), the real-credential warnings and the labels of the
// signer's notes (noteLabels).
// Must never: touch the DOM, import other modules (but nortc.js, which must
// run first and every page imports this module first), hold user input, or make a
// claim about privacy that the Content Security Policy and the tests do not
// back up. The warning text is the single source of truth; the README quotes it.

// First, before any other code of the page: WebRTC goes (nortc.js).
import './nortc.js';

export const warning = Object.freeze({
  title: 'Learning tool: use test credentials only.',
  body:
    "Your consumer secret and token secret stay in this tab. The page's code cannot make network " +
    'requests (its Content Security Policy blocks them), stores nothing and logs nothing. Browser ' +
    'extensions and your clipboard are outside our control, so do not paste production secrets.',
  // The banner's button: collapsed, only the title stays, until the next
  // load (the choice is never stored).
  collapse: 'Got it, collapse',
  expand: 'Show the whole note',
});

// Static page text. index.html refers to these by dotted key in data-text
// attributes (data-text="page.inputs.heading"); app.js fills them in.
export const page = Object.freeze({
  title: 'OAuth 1.0a signature playground',
  heading: 'OAuth 1.0a signature playground',
  intro:
    'Change any input and watch every step of the RFC 5849 signature change with it. ' +
    'The signer is Go compiled to WebAssembly and runs entirely in this tab.',
  toolbar: {
    label: 'Page controls',
    jump: 'Jump to the result',
    jumpVerdict: 'Jump to the verdict',
    primer: 'Keys and secrets',
    clear: 'Clear everything',
    // The theme toggle's three states (app.js): the system's setting, dark, light.
    theme: 'Theme: system',
    themeChoice: { system: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' },
  },
  inputs: {
    heading: 'Request',
    preset: 'Example',
    loadPreset: 'Reload example',
    request: 'The HTTP request',
    credentials: 'Signature method and credentials',
    protocol: 'Protocol parameters',
    sending: 'Sending',
  },
  result: {
    heading: 'Result',
    signature: 'Signature (oauth_signature)',
    baseString: 'Signature base string',
    authorization: 'Authorization header',
  },
  steps: {
    heading: 'How the signature is built',
    intro:
      'Each card is one step of RFC 5849, in order. After every edit, what changed is highlighted.',
    waiting: 'The steps appear here as soon as the signer has started.',
    cleared: 'Everything was cleared. Load an example or fill in a request to see the steps.',
  },
  footer:
    'Nothing here is sent anywhere: the page has no network access. Signatures are for learning ' +
    'and checking your own code, not a guarantee of correctness.',
});

// Labels and hints for the request fields, keyed by the API field name (the
// same name is the input's id).
export const fields = Object.freeze({
  method: { label: 'HTTP method' },
  url: { label: 'URL', hint: 'The full request URL, including any query string.' },
  params: {
    label: 'Extra parameters',
    hint:
      'Rows are signed like parameters of the URL query or of a form body. Use them for repeated ' +
      'names or values that are awkward to type into a URL.',
    name: 'Name',
    value: 'Value',
    where: 'Sent in',
    query: 'query',
    body: 'body',
    add: 'Add parameter',
    remove: 'Remove',
    nameLabel: (n) => `Name of parameter ${n}`,
    valueLabel: (n) => `Value of parameter ${n}`,
    whereLabel: (n) => `Where parameter ${n} is sent`,
    removeLabel: (n) => `Remove parameter ${n}`,
    empty: 'No extra parameters.',
  },
  contentType: {
    label: 'Content type',
    options: {
      '': 'None (no Content-Type header)',
      'application/x-www-form-urlencoded': 'Form (application/x-www-form-urlencoded)',
      'application/json': 'JSON (application/json)',
      'application/xml': 'XML (application/xml)',
      'text/plain': 'Text (text/plain)',
    },
  },
  body: {
    label: 'Body',
    hint: 'A form-encoded body is signed parameter by parameter. Other bodies are not signed, unless you turn on the body hash.',
  },
  signatureMethod: { label: 'Signature method' },
  // The hints give the names the big providers' portals use, so a learner
  // coming from X's "Keys and tokens" page finds each value's box.
  consumerKey: {
    label: 'Consumer key',
    hint: 'X: API Key. Also called consumer key (WooCommerce, NetSuite), app key or client identifier (RFC 5849).',
  },
  consumerSecret: {
    label: 'Consumer secret',
    hint: 'X: API Key Secret. Also called consumer secret (WooCommerce, NetSuite), app secret or client shared-secret.',
  },
  token: {
    label: 'Token',
    hint:
      'X: Access Token (NetSuite: Token ID); while signing in, the request token. Leave empty when there is none yet.',
  },
  tokenSecret: { label: 'Token secret', hint: 'X: Access Token Secret (NetSuite: Token Secret); RFC 5849: token shared-secret.' },
  privateKey: {
    label: 'RSA private key',
    hint: 'PEM text, from -----BEGIN to -----END. RSA methods use it instead of the consumer and token secrets.',
  },
  nonce: { label: 'Nonce', hint: 'A random string, new for every request. Leave it empty to get a fresh one on every change.', new: 'New', newLabel: 'Make a new nonce' },
  timestamp: {
    label: 'Timestamp',
    hint: 'Seconds since 1970. Servers reject old ones; the examples keep their published time.',
    now: 'Now',
    nowLabel: 'Set the timestamp to now',
  },
  version: { label: 'Include oauth_version="1.0"', hint: 'Optional in RFC 5849; some servers require it.' },
  realm: { label: 'Realm', hint: 'Sent first in the Authorization header and never signed. NetSuite needs the account ID here.' },
  callback: { label: 'Callback (oauth_callback)', hint: 'Only when asking for a request token; "oob" for no redirect.' },
  verifier: { label: 'Verifier (oauth_verifier)', hint: 'Only when exchanging a request token for an access token.' },
  bodyHash: { label: 'Add a body hash (oauth_body_hash)', hint: 'Covers a non-form body with the signature. Never used with form bodies.' },
  transport: {
    label: 'Send the OAuth parameters in',
    header: 'Authorization header',
    query: 'URL query',
    body: 'Form body',
  },
});

// Shown under the nonce and timestamp inputs when they are left empty.
export const generated = Object.freeze({
  nonce: (v) => `Empty, so this signature used oauth_nonce=${v}.`,
  timestamp: (v) => `Empty, so this signature used oauth_timestamp=${v} (now).`,
  millis: 'This looks like milliseconds: OAuth timestamps are in seconds (10 digits today).',
});

export const controls = Object.freeze({
  show: 'Show',
  hide: 'Hide',
  showLabel: (name) => `Show ${name}`,
  hideLabel: (name) => `Hide ${name}`,
  reveal: 'Reveal',
  conceal: 'Hide',
  revealLabel: (name) => `Reveal the ${name}`,
  concealLabel: (name) => `Hide the ${name}`,
  copy: 'Copy',
  copyLabel: (name) => `Copy the ${name}`,
  copied: 'Copied. Your clipboard history may keep a copy.',
  copyFailed: 'Could not copy: select the text and copy it by hand.',
});

export const status = Object.freeze({
  loading: 'Loading the signer…',
  // The status line of the Sign view and of the embed, both of which have
  // one request; the Verify view has its own (strings-verify.js), and app.js
  // hides this one while the Verify view is shown.
  ready: 'Ready. Every change to the request is signed in this tab.',
  readyVersion: (version) => `Ready (signer ${version}). Every change to the request is signed in this tab.`,
  // words: errorCodes[code].status, such as "Fix the highlighted field".
  fieldError: (words) => `${words}. The steps below are from the last good request, dimmed.`,
  fieldErrorNoResult: (words) => `${words} to see the signature.`,
  crashed: 'The signer failed unexpectedly. Reload the page to start it again.',
  cleared: 'Cleared: every field and output is empty. Nothing was stored anywhere.',
  pagehide: 'Secrets and outputs were cleared when you left the page.',
  // The Go program stopped (a crash); a new one is starting, and what is
  // shown is dimmed until it has signed again.
  restarting: 'The signer stopped unexpectedly. Starting a new one; the result below is out of date until it signs again…',
  restarted: 'The signer stopped unexpectedly and was restarted. The result below was signed again by the new one.',
});

// The tab bar of the full page (views.js), and what a view or panel the
// first view does not show says while its module loads on demand, or when
// that fails (lazy.js). No message names what was typed.
export const views = Object.freeze({
  label: 'Views',
  loading: 'Loading\u2026',
  failed: 'This part of the page could not be loaded. Reload the page to try again.',
});

// Words of the Verify view that the Sign view shows too, here so that the
// Sign view need not load strings-verify.js, which comes with the Verify
// view: strings-verify.js names them under verify.warnings.ids and
// verify.read.importedWithSecrets / importedNoSecrets.
export const warningWords = Object.freeze({
  'timestamp-milliseconds': 'Timestamp in milliseconds.',
  'timestamp-not-digits': 'Timestamp not a number.',
  'timestamp-skew': 'Timestamp far from now.',
  'version-not-1.0': 'oauth_version is not 1.0.',
  'body-hash-on-form': 'Body hash on a form body.',
  'plaintext-no-nonce': 'PLAINTEXT without nonce.',
  'signature-cannot-show': 'What a valid signature cannot show.',
});

export const imported = Object.freeze({
  withSecrets: 'Imported from the Verify view, with the secrets typed there.',
  noSecrets: 'Imported from the Verify view. The pasted text has no secrets: type the consumer secret and token secret (for RSA, the private key) to sign it as it was sent.',
});

// The refusal guard.js shows in place of the page inside another site's
// frame (it runs before the page's other modules, so its words are here).
export const frame = Object.freeze({
  title: 'Open this in its own tab',
  body:
    'This playground is shown inside another site\'s page, which could watch what you type into it. ' +
    'It works only in a tab of its own.',
  link: 'Open the playground in a new tab',
});

export const engine = Object.freeze({
  notBuilt: 'The signer is not built yet: run make build, then reload.',
  noWebAssembly:
    'WebAssembly is unavailable in this browser (or turned off), so the signer cannot run here. ' +
    'Try a current version of Firefox, Chrome, Edge or Safari.',
  noApi: 'The signer started but did not register itself. Rebuild with make build, then reload.',
  exited: 'The signer has stopped. Reload the page to start it again.',
  restarting: 'The signer is starting again; try once more in a moment.',
  startFailed: 'The signer could not start. Rebuild with make build, then reload.',
  loadingFull: 'Loading the RSA signer (the first RSA request of a visit loads it)…',
  fullFailed: 'The RSA signer could not be loaded. Rebuild with make build, then reload.',
});

// What the page says while it shows a result computed at build time
// (first-paint.js): before the signer runs, and in a read-only embed,
// which never loads it. FIRST's block.
export const firstPaint = Object.freeze({
  precomputed: 'The example below was signed when this page was built, by the same Go signer. Loading the signer for your changes…',
  starting: 'The signer is starting: what you type is kept and signed the moment it runs.',
  editKept: 'Your changes are kept and will be signed the moment the signer has started; the result below is from before them, dimmed…',
  readonly: 'Signed when this page was built, by the same Go signer the playground runs.',
});

// The signer's loading stages (engine.js onProgress) and what the first
// call that needs the full signer says while it loads. size is the words
// of size(bytes), the gzip size make build measured (signer-sizes.js), or
// '' when unknown. WASM's block.
const megabytes = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`);
export const loading = Object.freeze({
  size: (bytes) => ` (up to ${megabytes(bytes)})`,
  downloading: (build, size) =>
    build === 'full' ? `Downloading the full signer${size}…` : `Downloading the signer${size}…`,
  starting: (build) => (build === 'full' ? 'Starting the full signer…' : 'Starting the signer…'),
  ready: 'The signer is ready.',
  // fn: the API function that asked ('sign' for RSA; 'check', 'verify', …).
  full: (fn, size) =>
    fn === 'sign'
      ? `Loading the RSA signer${size}: the first RSA request of a visit downloads it once…`
      : `Loading the verifier${size}: the first check of a visit downloads it once…`,
});

// How an error names the field that caused it, keyed by the API field name
// (error.field). The page says errorNames[field] + " " + error.detail.
export const errorNames = Object.freeze({
  method: 'The HTTP method',
  url: 'The URL',
  body: 'The body',
  contentType: 'The content type',
  params: 'The extra parameters',
  consumerKey: 'The consumer key',
  consumerSecret: 'The consumer secret',
  token: 'The token',
  tokenSecret: 'The token secret',
  privateKey: 'The RSA private key',
  signatureMethod: 'The signature method',
  nonce: 'The nonce',
  timestamp: 'The timestamp',
  version: 'The version',
  realm: 'The realm',
  callback: 'The callback',
  verifier: 'The verifier',
  bodyHash: 'The body hash',
  transport: 'The transport',
  // The Verify view's inputs, and what oauth1.verify, diagnose, parse and
  // check read besides a request.
  text: 'The pasted text',
  request: 'The request',
  signature: 'The signature',
  authorization: 'The Authorization header',
  baseString: 'The base string',
  publicKey: 'The RSA public key',
  compareWith: "The Sign view's request",
  now: "The page's clock",
});

// The words for each error code the signer can return (oauth1.errorCodes):
// status is what the status line asks for (followed by " to see the
// signature." or ". The steps below …", see status above), and detail says
// what is wrong after the field's name when the error brings no detail of
// its own.
export const errorCodes = Object.freeze({
  required: { status: 'Fill in the highlighted field', detail: 'is empty' },
  malformed: { status: 'Fix the highlighted field', detail: 'is not valid' },
  'unsupported-method': { status: 'Choose one of the listed signature methods', detail: 'is not a method this signer knows' },
  'needs-full-signer': { status: 'Wait for the RSA signer, or reload the page', detail: 'needs the RSA signer, which is not loaded' },
  'wrong-type': { status: 'Fix the highlighted field', detail: 'has the wrong type' },
  unreadable: { status: 'Fix the highlighted field', detail: 'could not be read' },
  internal: { status: 'Change any field', detail: 'made the signer fail' },
  invalid: { status: 'Fix the highlighted field', detail: 'is not valid' },
  // A call into the signer made while it was already answering one (a
  // getter or Proxy trap that calls oauth1 again): refused, never run.
  reentrant: { status: 'Sign from outside the signer', detail: 'called the signer while it was already signing' },
});

export const errors = Object.freeze({
  generic: 'Something went wrong while signing. Your inputs are unchanged; try editing a field.',
  // For an error whose code is missing or unknown.
  unknownCode: errorCodes.invalid,
});

// Short labels for the signer's notes, keyed by note id. The signer's own
// sentence is shown after the label.
export const noteLabels = Object.freeze({
  'scheme-lowercased': 'scheme lower-cased',
  'host-lowercased': 'host lower-cased',
  'default-port-removed': 'default port removed',
  'empty-port-removed': 'empty port removed',
  'path-normalized': 'path normalised',
  'empty-path': 'empty path became /',
  'query-removed': 'query removed',
  'fragment-removed': 'fragment removed',
  'userinfo-removed': 'user info removed',
  'method-uppercased': 'method upper-cased',
  'body-not-signed': 'body not signed',
  'body-hashed': 'body hashed',
  'plaintext-no-base-string': 'no base string',
  'plaintext-no-digest': 'no digest',
  'rsa-no-secrets': 'secrets not used',
  'realm-not-signed': 'realm not signed',
  'realm-dropped': 'realm left out',
});

// The stronger warning a view shows once (form.js) when secrets of it are
// not the presets' published examples and look like real ones; kind is one
// of kinds (several when more than one does). Only secrets get it: the
// consumer key and the token are sent with every request.
export const realCredential = Object.freeze({
  kinds: {
    xConsumerSecret: 'an X API Key Secret (50 characters)',
    xTokenSecret: 'an X Access Token Secret (45 characters)',
    wooSecret: 'a WooCommerce consumer secret',
    hex64: 'a 64-character hex secret, such as NetSuite uses',
    privateKey: 'a private key',
    generated: 'a generated secret',
    // More than one secret of a view looks real: each of them refers to it.
    several: 'real secrets, in more than one field here',
  },
  message: (kind) =>
    `This looks like ${kind}. It stays in this tab, but browser extensions, screen sharing and your ` +
    'clipboard are outside our control. Use test credentials here; if a secret here is live, regenerate it ' +
    'when you are done (see Keys and secrets).',
});

