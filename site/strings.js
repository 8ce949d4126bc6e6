// strings.js: every sentence the page shows, in one reviewable place.
//
// Owns: titles, labels, hints, step explanations (keyed by step id and, where
// they differ, by signature-method family or transport), the warning banner,
// the "Keys and secrets" primer, the real-credential warnings, preset notes,
// and the loading / error / "run make build" messages.
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
    primer: 'Keys and secrets',
    clear: 'Clear everything',
    themeDark: 'Dark theme',
  },
  inputs: {
    heading: 'Request',
    preset: 'Example',
    loadPreset: 'Load example',
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
  consumerKey: { label: 'Consumer key', hint: 'Also called API key or client identifier.' },
  consumerSecret: { label: 'Consumer secret', hint: 'Also called API secret.' },
  token: { label: 'Token', hint: 'The access token (or request token). Leave empty when there is none yet.' },
  tokenSecret: { label: 'Token secret' },
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
  elided: (n) => ` … and ${n.toLocaleString('en')} more characters, not shown (a page cannot lay out a line that long quickly); Copy copies all of it.`,
});

export const status = Object.freeze({
  loading: 'Loading the signer…',
  ready: 'Ready. Every change is signed in this tab.',
  readyVersion: (version) => `Ready (signer ${version}). Every change is signed in this tab.`,
  fieldError: 'Fix the highlighted field. The steps below are from the last good request, dimmed.',
  fieldErrorNoResult: 'Fix the highlighted field to see the signature.',
  crashed: 'The signer failed unexpectedly. Reload the page to start it again.',
  cleared: 'Cleared: every field and output is empty. Nothing was stored anywhere.',
  pagehide: 'Secrets and outputs were cleared when you left the page.',
});

export const engine = Object.freeze({
  notBuilt: 'The signer is not built yet: run make build, then reload.',
  noWebAssembly:
    'WebAssembly is unavailable in this browser (or turned off), so the signer cannot run here. ' +
    'Try a current version of Firefox, Chrome, Edge or Safari.',
  noApi: 'The signer started but did not register itself. Rebuild with make build, then reload.',
  exited: 'The signer has stopped. Reload the page to start it again.',
  startFailed: 'The signer could not start. Rebuild with make build, then reload.',
  loadingFull: 'Loading the RSA signer (the first RSA request of a visit loads it)…',
  fullFailed: 'The RSA signer could not be loaded. Rebuild with make build, then reload.',
});

// How an error message names the field that caused it, keyed by the
// signer's field name (the signer's message starts with that name).
export const errorNames = Object.freeze({
  method: 'The HTTP method',
  url: 'The URL',
  body: 'The body',
  params: 'The extra parameters',
  consumerKey: 'The consumer key',
  privateKey: 'The RSA private key',
  signatureMethod: 'The signature method',
  nonce: 'The nonce',
  timestamp: 'The timestamp',
  bodyHash: 'The body hash',
  transport: 'The transport',
});

export const errors = Object.freeze({
  generic: 'Something went wrong while signing. Your inputs are unchanged; try editing a field.',
});

// Preset menu and the comparison with the published value.
export const presetGroups = Object.freeze({
  x: 'X / Twitter documentation',
  rfc: 'RFC 5849',
  oauthnet: 'OAuth Core 1.0a and the oauth.net wiki',
  bodyhash: 'Body hash extension (draft-eaton-oauth-bodyhash)',
  services: 'Services, with dummy credentials',
});

export const presetText = Object.freeze({
  source: (s) => `Source: ${s}.`,
  dummy: 'The credentials are dummies: the signature is real, but no server will accept it.',
  matches: '✓ matches',
  differs: '✗ differs: an input no longer matches the example',
  published: {
    signature: 'Published signature:',
    baseStringURI: 'Published base string URI:',
    bodyHash: 'Published body hash:',
    fragments: 'Published parameter encoding:',
  },
  computed: 'Expected signature (computed independently; the source prints none):',
  wrong: (p) => `The source prints ${p}, which is wrong: it does not follow from the source's own inputs.`,
  right: 'The right value is',
  byDesign: (p) => `The source prints ${p}. This signer differs on purpose; the note says why.`,
});

// Notes on particular presets, keyed by preset id.
export const presetNotes = Object.freeze({
  'x-creating-a-signature':
    'This is the example learners meet first. Follow the cards from the parameters to the header: ' +
    'every value matches the X page.',
  'x-twitter-1-1':
    'Some editions of this page printed tnnArxj06cWHq44gCs1OSKk/jLY= next to this base string. ' +
    'That value belongs to the older api.twitter.com/1 URL; for this URL hCtSmYh+iHYCEqBWrE7C7hYmtUk= is right.',
  'x-twitter-1':
    "Today's \"Authorizing a request\" page still prints a header with this /1/-era signature, so it " +
    'never matches the api.x.com/1.1 base string of "Creating a signature". Compare the two URLs.',
  'x-hmac-sha256': 'The same request signed with HMAC-SHA256: the digest is 32 bytes and the signature 44 characters.',
  'x-hmac-sha512': 'The same request signed with HMAC-SHA512: the digest is 64 bytes and the signature 88 characters.',
  'x-percent-encoding':
    "The rows hold the X page's examples. The parameter string shows them encoded exactly as the page prints: " +
    'a space is %20, + is %2B, and the snowman is three UTF-8 bytes.',
  'rfc-temporary-credentials':
    'The RFC sends this request over HTTPS, so the base string URI starts with https://. ' +
    'realm goes in the header and never into the base string.',
  'rfc-protected-resource-https':
    'The same request as the RFC example, but over https: one letter in the URL gives a different signature. ' +
    'A proxy that ends TLS makes servers see http and reject it.',
  'rfc-3-4-1':
    'RFC 5849 prints bYT5CMsGcbgUdFHObYMEfcx6bsw= for this request, and it does not follow from the RFC\'s own ' +
    'base string and secrets (erratum 2550). Every independent implementation gets r6/TJjbCOr97/+UU0NsvSne7s5g=.',
  'rfc-base-uri-default-port':
    'The RFC example for the base string URI: scheme and host are lower-cased and the default port 80 is removed; the path keeps its case.',
  'rfc-base-uri-other-port': 'A port that is not the default for the scheme stays in the base string URI.',
  'rfc-plaintext':
    'The RFC\'s header carries oauth_signature="ja893SD9%26": the same value, percent-encoded. ' +
    'It sends no nonce or timestamp, which PLAINTEXT may leave out.',
  'oauthnet-empty-path': 'A URL with no path is signed as if its path were /.',
  'oauthnet-encoding':
    'The oauth.net encoding table, one row per parameter. Its rows with control characters (line feed, U+007F, U+0080) ' +
    'are left out because a text field cannot hold them.',
  'oauthnet-normalize':
    'Repeated names are sorted by their encoded values: x%20y comes before x%21y because a space (%20) sorts before ! (%21).',
  'oauthnet-rsa-sha1': '"vacaction" is misspelt in the original and must stay so, or the signature changes.',
  'bodyhash-a1-1a': 'oauth_token is sent, but signed with no token secret: the key is con-test-secret&.',
  'bodyhash-a1-1b': 'oauth_token is sent, but signed with no token secret: the key is con-test-secret&.',
  'bodyhash-a2': 'With no body, the hash is that of the empty string. oauth_token is signed with no token secret.',
  'bodyhash-py-path':
    'python-oauth2 puts the raw U+2019 into the base string URI, so it is encoded only once. This signer ' +
    'percent-encodes it as a browser sends it (/%E2%80%99) and then encodes the whole URI again, as for any path. ' +
    'RFC 5849 leaves this open; a python-oauth2 server would reject this request.',
  'service-x-v1-form': 'X API v1.1 signs the form body parameter by parameter, so changing the body changes the signature.',
  'service-x-v2-json':
    'X API v2 takes JSON bodies, and they are not signed: only the query and the oauth_* parameters are. ' +
    'Edit the JSON and watch the signature stay the same.',
  'service-netsuite':
    'NetSuite requires HMAC-SHA256 and the account ID as realm. realm is sent in the header but never signed.',
  'service-woocommerce':
    'Over plain http, WooCommerce takes the OAuth parameters in the query string. Some older WooCommerce docs ' +
    'and clients left the & off the signing key; RFC 5849 keeps it.',
  'service-lti':
    'An LTI 1.1 launch is a form POST: every form field and the oauth_* parameters travel in the body, and all are signed.',
  'service-magento':
    'Square brackets in the query are percent-encoded like any other character. Some servers sort 10 before 2 here ' +
    '(natural sort), which breaks signatures; RFC 5849 compares bytes.',
  'service-rsa-sha256-bodyhash':
    'The JSON body is covered through oauth_body_hash, the base64 SHA-256 of its exact bytes. ' +
    'Signed with the published oauth.net test key.',
  'service-jira':
    'Jira Server application links sign with RSA-SHA1. The server holds only the public key shown in the signing-key card.',
});

// Step explanations, keyed by step id. A string applies to every method;
// an object is keyed by method family (hmac, rsa, plaintext) or, for the last
// step, by transport.
export const steps = Object.freeze({
  request:
    'This is the HTTP request the fields describe, before it is signed. Signing only adds the oauth_* ' +
    'parameters: the request itself stays as it is.',
  parameters:
    'Everything that will be signed is gathered first: the query string, a form-encoded body, the extra ' +
    'parameters, and the oauth_* protocol parameters. realm and oauth_signature are left out. ' +
    'The values are still raw here, with no encoding.',
  encoded:
    'Each name and each value is percent-encoded on its own: letters, digits and - . _ ~ stay, and every ' +
    'other byte of the UTF-8 text becomes %XX with upper-case hex. A space becomes %20, never +.',
  sorted:
    'The pairs are sorted by encoded name, and pairs with the same name by encoded value, comparing bytes. ' +
    'Client and server both sort, so the order the request was written in does not matter.',
  parameterString:
    'Each name is joined to its value with =, and the pairs with &. This one string stands for every parameter.',
  baseStringURI:
    'The URL is cut down to scheme, host, port and path: scheme and host lower-cased, a default port dropped, ' +
    'the query and fragment removed (the query was collected above). The list below says what changed in your URL.',
  signatureBaseString: {
    hmac:
      'The upper-case method, the encoded base string URI and the encoded parameter string are joined with &. ' +
      'The parameter string is encoded a second time, so %20 becomes %2520, and exactly two & are left bare. ' +
      'This is the exact text that gets signed.',
    rsa:
      'The upper-case method, the encoded base string URI and the encoded parameter string are joined with &. ' +
      'The parameter string is encoded a second time, so %20 becomes %2520, and exactly two & are left bare. ' +
      'This is the exact text that gets signed.',
    plaintext: 'PLAINTEXT signs nothing, so there is no base string.',
  },
  signingKey: {
    hmac:
      'The key is the encoded consumer secret, then &, then the encoded token secret. The & stays even when ' +
      'there is no token secret. It is made of your secrets, so it stays hidden until you reveal it.',
    rsa:
      'RSA methods have no shared key: the private key signs, and the server checks with the public key shown here. ' +
      'The consumer and token secrets are not used.',
    plaintext:
      'The key is the encoded consumer secret, &, and the encoded token secret. With PLAINTEXT this key is also ' +
      'the signature, so it stays hidden until you reveal it.',
  },
  digest: {
    hmac:
      'HMAC mixes the signing key into a hash of the signature base string. The result is raw bytes, shown here ' +
      'in hex: 20 bytes for SHA-1, 32 for SHA-256, 64 for SHA-512.',
    rsa:
      'The signature base string is hashed, shown here in hex. The private key then signs this hash ' +
      '(RSASSA-PKCS1-v1_5), which gives the signature bytes.',
    plaintext: 'PLAINTEXT computes no digest.',
  },
  signature: {
    hmac:
      'The digest bytes are base64-encoded: this is oauth_signature. When it is sent it is percent-encoded ' +
      'once more, so / becomes %2F, + becomes %2B and = becomes %3D.',
    rsa:
      'The RSA signature bytes are base64-encoded: this is oauth_signature. When it is sent it is percent-encoded ' +
      'once more, so / becomes %2F, + becomes %2B and = becomes %3D.',
    plaintext:
      'The signature is the signing key itself, so it is as secret as your secrets. ' +
      'Use PLAINTEXT only over HTTPS.',
  },
  authorizationHeader: {
    header:
      'The oauth_* parameters and the signature go into the Authorization header: each value percent-encoded ' +
      'and quoted, the pairs joined by a comma and a space, realm first if there is one.',
    query:
      'The oauth_* parameters and the signature are added to the URL query, each percent-encoded. ' +
      'Anyone who sees the URL (server logs, browser history) sees them too.',
    body:
      'The oauth_* parameters and the signature are added to the form body, each percent-encoded. ' +
      'This works only for application/x-www-form-urlencoded bodies.',
  },
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

export const stepParts = Object.freeze({
  legend: 'The three parts, joined by &:',
  method: 'method',
  uri: 'base string URI',
  params: 'parameter string',
  keyLegend: 'The two parts, joined by &:',
  consumerSecret: 'encoded consumer secret',
  tokenSecret: 'encoded token secret',
});

export const stepLabels = Object.freeze({
  rfc: (section) => `RFC 5849 §${section}`,
  rfcTitle: 'Opens the RFC section in a new tab',
  requestTitle: 'The HTTP request',
  moreRows: (n) => `… and ${n.toLocaleString('en')} more parameters: the table shows the first rows only, the text below has them all.`,
  paramsCaption: 'Parameters',
  position: '#',
  name: 'Name',
  value: 'Value',
  source: 'From',
  raw: 'raw',
  encoded: 'encoded',
  collected: 'Collected as',
  sortedCaption: 'Parameters in sorted order',
  encodedCaption: 'Each name and value before and after encoding',
  notes: 'What happened at this step',
  empty: '(empty)',
  youTyped: 'Your URL:',
  asText: 'As text',
  baseStringName: 'signature base string',
  signingKeyName: 'signing key',
  signatureName: 'signature',
  percentEncoded: 'Percent-encoded, as it is sent:',
  outputsHeading: 'The other ways to send it',
  noFormBody: 'Not available: the body is not form-encoded.',
  secretOutput: 'With PLAINTEXT this contains the signature, which is your secrets, so it is hidden and cannot be copied.',
  outputs: {
    authorization: 'Authorization header',
    query: 'Signed URL (query transport)',
    formBody: 'Form body (body transport)',
    curl: 'curl command',
    publicKey: 'public key',
  },
});

export const sources = Object.freeze({
  query: 'query',
  body: 'body',
  oauth: 'oauth',
  extra: 'extra',
});

// The stronger warning shown at a credential field whose value is not one
// of the presets' published examples and looks like a real credential.
export const realCredential = Object.freeze({
  kinds: {
    xConsumerKey: 'an X API key (25 characters)',
    xConsumerSecret: 'an X API secret (50 characters)',
    xToken: 'an X access token',
    xTokenSecret: 'an X access token secret (45 characters)',
    wooKey: 'a WooCommerce key',
    wooSecret: 'a WooCommerce secret',
    hex64: 'a 64-character hex credential, such as NetSuite uses',
    privateKey: 'a private key',
    generated: 'a generated credential',
  },
  message: (kind) =>
    `This looks like ${kind}. It stays in this tab, but browser extensions, screen sharing and your ` +
    'clipboard are outside our control. Use test credentials here; if this one is live, regenerate it ' +
    'when you are done (see Keys and secrets).',
});

// The "Keys and secrets" primer, in our own words.
export const primer = Object.freeze({
  heading: 'Keys and secrets',
  intro:
    'OAuth 1.0a uses pairs: a public identifier that travels with every request, and a secret that never ' +
    'travels but goes into the signature. Anyone holding both can act as you.',
  terms: [
    {
      term: 'Consumer key (API key, client identifier)',
      secret: false,
      text:
        'Names your application. It is sent with every request as oauth_consumer_key, so it is not a secret on ' +
        'its own; still keep it private, because together with the consumer secret it is your app.',
    },
    {
      term: 'Consumer secret (API secret)',
      secret: true,
      text:
        'Proves a request comes from your application. It is never sent: it only goes into the signing key. ' +
        'Treat it like a password.',
    },
    {
      term: 'Access token (oauth_token)',
      secret: false,
      text:
        'Names the user account that authorised your application. It is sent with the request. ' +
        'Request tokens, used during sign-in, work the same way for a few minutes.',
    },
    {
      term: 'Access token secret (token secret)',
      secret: true,
      text:
        'Proves you hold that access token. Like the consumer secret it is never sent (except with PLAINTEXT, ' +
        'where the signature is the secrets) and only goes into the signing key.',
    },
    {
      term: 'Bearer token',
      secret: true,
      text:
        'Not part of OAuth 1.0a: an OAuth 2.0 token, such as X\'s app-only token, sent as it is in ' +
        '"Authorization: Bearer …". There is no signature, so anyone who sees it can use it. This page never needs one.',
    },
    {
      term: 'RSA private key',
      secret: true,
      text:
        'Signs requests for RSA methods. The server holds only the matching public key, so the private key ' +
        'never needs to leave your system.',
    },
  ],
  secretLabel: 'secret',
  publicLabel: 'not secret on its own',
  keepHeading: 'Where to keep them',
  keep:
    'On the server that makes the requests: in a secret manager, or in environment variables set by your ' +
    'deployment. Never in browser or mobile app code, a repository, a ticket, a chat or a screenshot, and not in ' +
    'this page beyond a quick test.',
  rotateHeading: 'How often to rotate',
  rotate:
    'On a schedule your team can keep (every few months is common), whenever someone who had access leaves, ' +
    'and at once if you suspect a leak. Rotating is only painless if you have practised it.',
  leakHeading: 'If one leaked',
  leak:
    'Revoke it and regenerate it in the provider\'s developer portal (on X: the app\'s "Keys and tokens" page, ' +
    'Regenerate), then deploy the new value and check the account\'s activity for anything you did not do. ' +
    'Deleting the message or commit that exposed it is not enough: copies live on in history and caches.',
});

// The Verify view (verify.js): paste what was sent or what the server said,
// check the signature, and name the known mistake that produced a wrong one.
// What the signer writes (mistake titles, explanations and fixes, tells,
// differences, the verification reason, the "not read" notes) is shown as
// the signer words it; everything around it is here.
export const verify = Object.freeze({
  tabs: {
    label: 'Views',
    sign: 'Sign',
    verify: 'Verify',
  },
  heading: 'Verify a signed request',
  intro:
    'Paste what you have: a raw HTTP request, a curl command, an Authorization header, a URL with ' +
    'oauth_* parameters, or a server error that quotes its base string (oauth_problem=signature_invalid&debug_sbs=…). ' +
    'The page checks the signature and, when it is wrong, names the mistake that produced it.',
  example: 'Try a broken example',
  exampleHint: "Fills in the X documentation's request, signed with a common mistake, and its published test secrets.",
  input: {
    label: 'What you sent, or what the server answered',
    hint: 'Checked as you type. The text stays in this tab: it is not stored and never goes into the URL.',
  },
  baseString: {
    label: 'Your base string (optional)',
    hint:
      'The signature base string your code built, or a server error that quotes one. It is compared with the right ' +
      'one character by character, and needs no secrets.',
  },
  secrets: {
    legend: 'Secrets, to check the signature',
    hint: 'They stay in this tab and are never filled in anywhere else. A base string needs none.',
    useSign: "Use the Sign view's secrets",
    usedSign: "The Sign view's secrets are filled in.",
    signEmpty: 'The Sign view has no secrets to use.',
  },
  fields: {
    consumerSecret: { label: 'Consumer secret' },
    tokenSecret: { label: 'Token secret', hint: 'Leave it empty when the request has no token secret.' },
    publicKey: {
      label: 'RSA public key',
      hint: 'PEM text of the client\'s public key or certificate, from -----BEGIN to -----END. Never the private key.',
    },
  },
  status: {
    loading: 'Loading the signer…',
    waiting: 'Paste a request, and the verdict appears here as you type.',
    cleared: 'Cleared.',
    failed: 'Something went wrong while checking. Your text is unchanged; try editing it.',
  },
  verdictHeading: 'Verdict',
  verdict: {
    valid: 'Signature valid',
    invalid: 'Signature invalid',
    unknown: 'Not checked',
    baseValid: 'Base string right',
    baseInvalid: 'Base string differs',
  },
  expected: 'The right signature:',
  received: 'The pasted signature:',
  needs: {
    secrets: 'To check the signature, type the consumer secret, and the token secret if the request has one.',
    tokenSecret: 'The request has a token: if that token has a secret, type it too, or the check fails.',
    publicKey: 'To check an RSA signature, paste the RSA public key or certificate.',
    signature: 'The pasted text has no oauth_signature to check.',
    plaintext: 'With PLAINTEXT the signature is the secrets, so it is hidden here.',
  },
  // How a verify or diagnose error names its field (the signer's message
  // starts with the field's API name); page fields use errorNames.
  errorNames: {
    text: 'The pasted text',
    signature: 'The signature',
    authorization: 'The Authorization header',
    baseString: 'The base string',
    publicKey: 'The RSA public key',
    consumerSecret: 'The consumer secret',
    tokenSecret: 'The token secret',
  },
  compared: {
    pasted: 'Checked against the request read from the pasted text.',
    header: "The pasted header has no method or URL, so the Sign view's method, URL and body are used with it.",
    signView: 'The pasted text is a base string on its own, so it is compared with the request in the Sign view.',
    signViewTimes: "The Sign view's nonce or timestamp was empty, so the base string's is used.",
    baseString: 'Your base string is compared with the right one for the request read from the pasted text.',
  },
  diagnosis: {
    heading: 'Diagnosis',
    fromSignature: 'The signature',
    fromBaseString: 'The base string',
    fromBoth: 'The signature and the base string',
    found: 'It is what this mistake produces:',
    foundPair: 'It is what these two mistakes together produce:',
    fix: 'Fix:',
    none:
      'None of the known mistakes, alone or in pairs, reproduces it. Check the secrets, and that the nonce, ' +
      'the timestamp and every parameter are the ones that were sent.',
    tells: 'What its shape shows:',
    right: 'Nothing to diagnose: it is right.',
    idle: 'When a signature or base string does not match, the mistake that produced it is named here.',
  },
  diff: {
    heading: 'Base string, character by character',
    legend: 'The pasted base string against the right one for the request:',
    missing: 'missing from the pasted one',
    extra: 'extra in the pasted one',
    differences: 'What differs',
    expected: 'Right:',
    received: 'Pasted:',
    same: 'The two base strings are identical.',
    idle: 'Paste a base string, or a server error that quotes one, to compare it with the right one here.',
    kinds: {
      structure: 'structure',
      method: 'method',
      uri: 'URL',
      missing: 'missing',
      extra: 'extra',
      value: 'value',
      encoding: 'encoding',
      order: 'order',
    },
  },
  read: {
    heading: 'What was read',
    format: 'Read as',
    formats: {
      http: 'a raw HTTP request',
      curl: 'a curl command',
      header: 'an Authorization header',
      url: 'a URL with oauth_* parameters',
      baseString: 'a signature base string',
    },
    fields: {
      method: 'Method',
      url: 'URL',
      contentType: 'Content type',
      body: 'Body',
      signatureMethod: 'Signature method',
      consumerKey: 'Consumer key',
      token: 'Token',
      nonce: 'Nonce',
      timestamp: 'Timestamp',
      version: 'oauth_version',
      realm: 'Realm',
      callback: 'Callback',
      verifier: 'Verifier',
      bodyHash: 'Body hash',
      transport: 'OAuth parameters in',
      params: 'Other parameters',
      signature: 'Signature',
    },
    transports: {
      header: 'the Authorization header',
      query: 'the URL query',
      body: 'the form body',
    },
    yes: 'yes',
    unparsed: 'Not read, or guessed',
    import: 'Import into the Sign view',
    importHint: 'Fills the Sign view with this request and shows its steps. Secrets typed there are kept; none are filled in.',
    imported: 'Imported from the Verify view. Secrets you had typed were kept: the pasted text has none.',
  },
});

// Share links and "Embed this" on the full page (share-panel.js), and what
// the page says when it opens a share link. Reasons name our own fields,
// never a value from the link.
export const share = Object.freeze({
  button: 'Share link',
  embedButton: 'Embed this',
  heading: 'Share link',
  intro:
    'The link holds this request and its options, never a secret: no consumer secret, token secret or private key. ' +
    'Whoever opens it sees the same request and types their own secrets; a link made from an example gets the ' +
    "example's published ones.",
  identifiers: 'Include the consumer key and token',
  identifiersHint:
    'They are identifiers, sent with every request and not secret, but they name your application and a user ' +
    'account, and links end up in browser history and chat logs. Published example values are always included.',
  linkLabel: 'Link to this request',
  linkName: 'share link',
  tooLong: 'This request is too long for a link: shorten the body or the parameters.',
  embedHeading: 'Embed this request',
  embedIntro:
    'Paste this HTML into a documentation page to show this request and its steps in a compact frame. Its address ' +
    'carries only the fields a share link carries, never a secret. The site showing the frame must be allowed to: ' +
    "start the server with -frame-ancestor and that site's origin.",
  theme: 'Theme of the frame',
  themes: { auto: "The reader's system setting", light: 'Light', dark: 'Dark' },
  readonly: 'Read-only: no inputs, only the request and its steps',
  embedLabel: 'HTML to paste',
  embedName: 'embed HTML',
  frameTitle: 'OAuth 1.0a signature playground',
  restored: {
    preset: (label) =>
      `Loaded from a share link. Links never carry secrets: the secrets here are the ones published with the example "${label}".`,
    custom: 'Loaded from a share link. Links never carry secrets: type your own to reproduce the signature.',
    noIdentifiers: 'The link did not include the consumer key and token either.',
  },
  invalid: (reason) => `This share link could not be loaded: ${reason}. The default example is shown instead.`,
  invalidLater: (reason) => `This share link could not be loaded: ${reason}. Nothing was changed.`,
  reasons: {
    empty: 'it is empty',
    size: 'it is too long',
    base64: 'it is not valid base64url text',
    json: 'it does not decode to a JSON object',
    version: 'it was made by an incompatible version of the playground',
    secret: (field) => `it contains a secret (${field}), which links must never carry`,
    unknown: 'it contains a field the playground does not know',
    type: (field) => `its ${field} field has the wrong type or value`,
    preset: 'it names an example that does not exist',
  },
});

// The compact playground of embed.html.
export const embed = Object.freeze({
  pageTitle: 'OAuth 1.0a signature playground (embedded)',
  title: 'OAuth 1.0a signature:',
  custom: 'a custom request',
  openFull: 'Open in the full playground',
  openFullLabel: 'Open this request in the full playground, in a new tab',
  edit: 'Edit the request',
  warning:
    'Learning tool: use test credentials only. What you type stays in this frame: the page around it is told ' +
    "only the frame's height and, for published example credentials, the signature.",
  invalid: (reason) => `This embed's address could not be read: ${reason}. The default example is shown instead.`,
  reasons: {
    option: (name) => `it has an unknown option (${name})`,
    repeated: (name) => `it repeats the option ${name}`,
    both: 'it names both a preset and a share state; use one',
    theme: 'theme must be light, dark or auto',
    readonly: 'readonly must be 1 or 0',
    steps: 'steps must be a comma-separated list of step ids',
    id: 'id must be 1 to 64 letters, digits, dots, colons, dashes or underscores',
  },
});
