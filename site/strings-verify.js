// strings-verify.js: the words of the Verify view (verify.js), beside
// strings.js. How an error names its field is strings.js's errorNames, for
// every view.
//
// Owns: every sentence around what the signer writes in the Verify view.
// Must never: touch the DOM, import other modules (but strings.js, which
// holds the few words the Sign view shows too: the tab bar's label, the
// warnings' names, the import notes), or hold user input.

import { views, warningWords, imported } from './strings.js';

// The Verify view (verify.js): paste what was sent or what the server said,
// check the signature, and name the known mistake that produced a wrong one.
// What the signer writes (mistake titles, explanations and fixes, tells,
// differences, the verification reason, the "not read" notes) is shown as
// the signer words it; everything around it is here.
export const verify = Object.freeze({
  tabs: {
    label: views.label,
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
      'one character (a percent-escape counts as one) at a time, and needs no secrets.',
  },
  secrets: {
    legend: 'Secrets, to check the signature',
    hint: 'They stay in this tab and are never filled in anywhere else. A base string needs none.',
    useSign: "Use the Sign view's secrets",
    usedSign: "The Sign view's secrets are filled in.",
    signEmpty: 'The Sign view has no secrets to use.',
  },
  fields: {
    consumerSecret: { label: 'Consumer secret (X: API Key Secret)' },
    tokenSecret: {
      label: 'Token secret (X: Access Token Secret)',
      hint: 'Leave it empty when the request has no token secret.',
    },
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
  tooLarge:
    'This request is too large to try every known mistake on as you type, so it is checked but not diagnosed. ' +
    'Trim it to the parameters that matter to name the mistake.',
  expectedBase: 'The right base string:',
  receivedBase: 'The base string given:',
  needs: {
    secrets: 'To check the signature, type the consumer secret, and the token secret if the request has one.',
    tokenSecret: 'The request has a token: if that token has a secret, type it too, or the check fails.',
    publicKey: 'To check an RSA signature, paste the RSA public key or certificate.',
    signature: 'The pasted text has no oauth_signature to check.',
    request: 'The pasted header has no method or URL to check it with.',
    plaintext: 'With PLAINTEXT the signature is the secrets, so it is hidden here.',
  },
  compared: {
    pasted: 'Checked against the request read from the pasted text.',
    header: "The pasted header has no method or URL, so the Sign view's method, URL and body are used with it:",
    alone: 'The pasted text is a base string on its own, so it is judged against its own normal form.',
    compareWith: "The base string is compared with the Sign view's request:",
    signViewTimes: "The Sign view's nonce or timestamp was empty, so the base string's is used.",
    baseString: 'Your base string is compared with the right one for the request read from the pasted text.',
    compareButton: "Compare with the Sign view's request",
    compareHint: 'Uses the request in the Sign view, without its secrets:',
    noRequest: '(the Sign view has no URL yet)',
  },
  scheme: {
    https: 'The pasted request carried no scheme: it is valid if the request went over https.',
    http: 'The pasted request carried no scheme: it is valid if the request went over http.',
    neither: 'The pasted request carried no scheme: it was checked as https and as http, and neither verifies.',
    either: 'The pasted request carried no scheme: a PLAINTEXT signature does not cover the URL, so it is valid over https and http alike.',
  },
  warnings: {
    heading: 'A server may still refuse it:',
    ids: warningWords,
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
    heading: 'Base string, character by character (whole escapes)',
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
    importHint: "Fills the Sign view with this request and shows its steps. The pasted text has no secrets: the Sign view's are emptied, unless you bring the ones typed here.",
    bringSecrets: 'Bring the consumer secret and token secret typed here',
    importedWithSecrets: imported.withSecrets,
    importedNoSecrets: imported.noSecrets,
  },
});
