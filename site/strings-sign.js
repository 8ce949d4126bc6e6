// strings-sign.js: the words only the Sign view shows, beside strings.js.
//
// Owns: the preset menu's group titles, the comparison with a preset's
// published value, the notes on particular presets, and the "Keys and
// secrets" primer.
// Must never: touch the DOM, import other modules, hold user input, or make a
// claim about privacy that the Content Security Policy and the tests do not
// back up.

// Preset menu and the comparison with the published value.
export const presetGroups = Object.freeze({
  x: 'X / Twitter documentation',
  rfc: 'RFC 5849',
  oauthnet: 'OAuth Core 1.0a and the oauth.net wiki',
  bodyhash: 'Body hash extension (draft-eaton-oauth-bodyhash)',
  services: 'Services, with dummy credentials',
});

export const presetText = Object.freeze({
  // The Example menu's first entry, shown when the inputs hold no example.
  none: '— choose an example —',
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

// The "Keys and secrets" primer, in our own words.
export const primer = Object.freeze({
  heading: 'Keys and secrets',
  intro:
    'OAuth 1.0a uses pairs: a public identifier that travels with every request, and a secret that never ' +
    'travels but goes into the signature. Anyone holding both can act as you.',
  terms: [
    {
      term: 'Consumer key (X: API Key; client identifier)',
      secret: false,
      text:
        'Names your application. It is sent with every request as oauth_consumer_key, so it is not a secret on ' +
        'its own; still keep it private, because together with the consumer secret it is your app.',
    },
    {
      term: 'Consumer secret (X: API Key Secret)',
      secret: true,
      text:
        'Proves a request comes from your application. With HMAC it is never sent: it only goes into the ' +
        'signing key. PLAINTEXT is the exception: it sends the consumer secret itself (and the token secret), ' +
        'as the signature, so anyone who sees that request has them. Treat it like a password.',
    },
    {
      term: 'Access token (X: Access Token; oauth_token)',
      secret: false,
      text:
        'Names the user account that authorised your application. It is sent with the request. ' +
        'Request tokens, used during sign-in, work the same way for a few minutes.',
    },
    {
      term: 'Access token secret (X: Access Token Secret; token secret)',
      secret: true,
      text:
        'Proves you hold that access token. Like the consumer secret it only goes into the signing key and is ' +
        'never sent, except with PLAINTEXT, whose signature is the two secrets themselves, joined by &.',
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
