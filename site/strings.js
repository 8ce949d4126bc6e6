// strings.js: every sentence the page shows, in one reviewable place.
//
// Owns: titles, labels, hints, step explanations (keyed by step id), the
// warning banner, and the loading / error / "run make build" messages.
// Must never: touch the DOM, import other modules, hold user input, or make a
// claim about privacy that the Content Security Policy and the tests do not
// back up. The warning text is the single source of truth; the README quotes it.

export const warning = Object.freeze({
  title: 'Learning tool: use test credentials only.',
  body:
    "Your consumer secret and token secret stay in this tab. The page's code cannot make network " +
    'requests (its Content Security Policy blocks them), stores nothing and logs nothing. Browser ' +
    'extensions and your clipboard are outside our control, so do not paste production secrets.',
});

// Static page text. index.html refers to these by dotted key in data-text
// attributes (data-text="inputs.heading"); app.js fills them in.
export const page = Object.freeze({
  title: 'OAuth 1.0a signature playground',
  heading: 'OAuth 1.0a signature playground',
  intro:
    'Change any input and watch every step of the RFC 5849 signature change with it. ' +
    'The signer is Go compiled to WebAssembly and runs entirely in this tab.',
  inputs: {
    heading: 'Request',
    preset: 'Example',
    loadPreset: 'Load example',
    credentials: 'Credentials',
    protocol: 'Protocol parameters',
  },
  result: {
    heading: 'Result',
    signature: 'Signature (oauth_signature)',
    baseString: 'Signature base string',
    authorization: 'Authorization header',
  },
  steps: {
    heading: 'How the signature is built',
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
  body: { label: 'Body', hint: 'Form-encoded bodies are signed; other bodies are not.' },
  contentType: { label: 'Content type' },
  consumerKey: { label: 'Consumer key' },
  consumerSecret: { label: 'Consumer secret' },
  token: { label: 'Token', hint: 'Leave empty when there is no token yet.' },
  tokenSecret: { label: 'Token secret' },
  signatureMethod: { label: 'Signature method' },
  nonce: { label: 'Nonce', hint: 'Leave empty to generate a fresh one on every change.' },
  timestamp: { label: 'Timestamp', hint: 'Seconds since 1970. Leave empty to use the current time.' },
  version: { label: 'Version', hint: 'Clear it to leave oauth_version out.' },
});

export const controls = Object.freeze({
  show: 'Show',
  hide: 'Hide',
  showLabel: (name) => `Show ${name}`,
  hideLabel: (name) => `Hide ${name}`,
  reveal: 'Reveal',
  conceal: 'Hide',
  revealLabel: 'Reveal the signing key',
  concealLabel: 'Hide the signing key',
});

export const status = Object.freeze({
  loading: 'Loading the signer…',
  ready: 'Ready. Every change is signed in this tab.',
  readyVersion: (version) => `Ready (signer ${version}). Every change is signed in this tab.`,
  fieldError: 'Fix the highlighted field. The steps below are from the last good request.',
  crashed: 'The signer failed unexpectedly. Reload the page to start it again.',
});

export const engine = Object.freeze({
  notBuilt: 'The signer is not built yet: run make build, then reload.',
  noWebAssembly: 'WebAssembly unavailable: this browser cannot run the signer.',
  noApi: 'The signer started but did not register itself. Rebuild with make build, then reload.',
  exited: 'The signer has stopped. Reload the page to start it again.',
  startFailed: 'The signer could not start. Rebuild with make build, then reload.',
});

export const errors = Object.freeze({
  generic: 'Something went wrong while signing. Your inputs are unchanged; try editing a field.',
});

// Step explanations, keyed by step id (the order the signer emits them in).
export const steps = Object.freeze({
  parameters:
    'Collect every parameter that takes part in the signature: the query string, a form-encoded ' +
    'body, and the oauth_* protocol parameters. oauth_signature itself is left out because it ' +
    'is what we are computing.',
  encoded:
    'Percent-encode each name and value with the strict RFC 3986 rules: only letters, digits and ' +
    '- . _ ~ stay as they are, and a space becomes %20, never +.',
  sorted:
    'Sort the encoded pairs by name, then by value when names repeat, comparing bytes. Both ' +
    'sides must end up with the same order, so it cannot depend on how the request was written.',
  parameterString:
    'Join each name to its value with = and the pairs with &. This one string stands for all ' +
    'the parameters.',
  baseStringURI:
    'Reduce the URL to scheme, host, port and path: lower-case scheme and host, drop the default ' +
    'port, and leave out the query and fragment, which were already counted as parameters.',
  signatureBaseString:
    'Glue the upper-case method, the encoded base URI and the encoded parameter string together ' +
    'with &. This is the exact text that gets signed, so any difference here changes the signature.',
  signingKey:
    'The key is the encoded consumer secret, &, and the encoded token secret. The & is there even ' +
    'when there is no token secret. It is made of your secrets, so it stays hidden until you ask.',
  digest:
    'Run HMAC over the base string with the signing key. The result is raw bytes, shown here in hex.',
  signature:
    'Base64-encode the digest bytes. This is the value of oauth_signature.',
  authorizationHeader:
    'Send the oauth_* parameters and the signature in the Authorization header, each value ' +
    'percent-encoded and quoted.',
});

export const stepParts = Object.freeze({
  legend: 'The three parts, joined by &:',
  method: 'method',
  uri: 'base string URI',
  params: 'parameter string',
});

export const stepLabels = Object.freeze({
  rfc: (section) => `RFC 5849 §${section}`,
  rfcTitle: 'Opens the RFC section in a new tab',
  paramsCaption: 'Parameters',
  name: 'Name',
  value: 'Value',
  source: 'From',
  notes: 'Normalisations applied',
  empty: '(empty)',
});

export const sources = Object.freeze({
  query: 'query',
  body: 'body',
  oauth: 'oauth',
  extra: 'extra',
});
