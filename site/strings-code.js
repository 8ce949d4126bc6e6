// strings-code.js: the words of the Sign view's Code card (code-card.js).
//
// Owns: the card's heading, intro, status words and labels.
// Must never: hold code or a library's reasons (signer/snippets writes
// those), or any HTML.

export const code = Object.freeze({
  heading: 'Code',
  intro: 'The same request in other people\u2019s libraries. Each snippet is run in CI against the real ' +
    'library and must send the signature this page computes for the same inputs (dghubble/oauth1 takes ' +
    'the timestamp from its clock). The secrets are never in the code: it reads ' +
    'OAUTH_CONSUMER_SECRET, OAUTH_TOKEN_SECRET and, for RSA, the key file named by OAUTH_PRIVATE_KEY_FILE ' +
    'from the environment.',
  tabsLabel: 'Languages and libraries',
  waiting: 'The code appears once the request is signed.',
  loading: 'Loading the full signer, which writes the code\u2026',
  failed: 'The code could not be written for this request.',
  tooLarge: 'The request is too large to show as code here (over 100 000 characters).',
  invalid: 'Fix the request first: the code is written for a request that signs.',
  unsupported: (library) => `${library} cannot send this request\u2019s signature`,
  copyName: (library) => `${library} code`,
});
