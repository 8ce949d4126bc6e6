// strings-steps.js: the words of the step cards, beside strings.js.
//
// Owns: each step's title and explanation (keyed by step id and, where they
// differ, by signature-method family or transport), the labels inside the cards (parts,
// tables, outputs) and the names of where a parameter came from. The labels
// of the signer's notes stay in strings.js, where the note ids are checked.
// Must never: touch the DOM, import other modules, or hold user input.

// Step titles, keyed by step id. A string applies to every method; an
// object is keyed by method family (hmac, rsa, plaintext) or, for the last
// step, by transport. A function gets the signature method's name
// ("HMAC-SHA256"). The signer's own title is shown for a step not listed.
export const stepTitles = Object.freeze({
  parameters: 'Collect the parameters',
  encoded: 'Percent-encode every name and value',
  sorted: 'Sort by name, then by value',
  parameterString: 'Join into the parameter string',
  baseStringURI: 'Base string URI',
  signatureBaseString: 'Signature base string',
  signingKey: 'Signing key',
  digest: {
    hmac: (method) => `${method} digest`,
    rsa: (method) => `${method.replace(/^RSA-SHA/, 'SHA-')} digest of the base string`,
    plaintext: 'Digest',
  },
  signature: {
    hmac: 'Signature (base64 of the digest)',
    rsa: 'Signature (RSASSA-PKCS1-v1_5, base64)',
    plaintext: 'Signature (the signing key itself)',
  },
  authorizationHeader: {
    header: 'Authorization header',
    query: 'Signed URL (query transport)',
    body: 'Form body (body transport)',
  },
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

export const stepParts = Object.freeze({
  legend: 'The three parts, joined by &:',
  method: 'method',
  uri: 'base string URI',
  params: 'parameter string',
  keyLegend: 'The two parts, joined by &:',
  consumerSecret: 'encoded consumer secret',
  tokenSecret: 'encoded token secret',
});

// count writes a number as toLocaleString('en') does (1,048,583), with one
// formatter: toLocaleString makes a new one each call, a tenth of a
// millisecond that the cut notes of one render paid a dozen times. It is
// made on the first count, not when this module loads: the first
// Intl.NumberFormat of a page loads the locale data, ~35 ms of the boot
// task on two cores (a CPU profile of the cold load), and only a cut value
// or a long table ever needs it.
let counter = null;
const count = (n) => (counter ??= new Intl.NumberFormat('en')).format(n);

export const stepLabels = Object.freeze({
  rfc: (section) => `RFC 5849 §${section}`,
  rfcTitle: 'Opens the RFC section in a new tab',
  requestTitle: 'The HTTP request',
  moreRows: (n) => `… and ${count(n)} more parameters: the table shows the first rows only, the text below has them all.`,
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
  // A value too long to lay out quickly is cut (render-values.js): what
  // the note says, and the name its Copy button copies.
  cut: (shown, total) => `Showing the first ${count(shown)} of ${count(total)} characters: ` +
    'a page cannot lay out more of one value quickly.',
  cutCopy: 'Copy copies all of it.',
  cutCopyBeside: 'The Copy button copies all of it.',
  cutSecret: 'Nothing here can be copied: it holds a secret.',
  wholeValue: 'whole value',
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

