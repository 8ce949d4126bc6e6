// strings-tokens.js: the words of the Tokens view (tokens.js and its
// tokens-*.js companions), beside strings.js.
//
// Owns: every sentence of the Tokens view: the flows and their legs, what
// changes from leg to leg, the explanation of each provider answer and of
// each OAuth Problem Reporting refusal, the break-it menu, the bearer flow.
// Must never: touch the DOM, import other modules, or hold user input or an
// issued credential.

export const tokens = Object.freeze({
  tab: 'Tokens',
  heading: 'Get the tokens: the whole flow against an in-page provider',
  intro:
    'Your consumer key and secret are how an app asks for more credentials. Walk the flow X documents: ' +
    'a request token, the user saying yes, an access token, then a call made as that user; or the app-only ' +
    'bearer token. The provider is a small OAuth service running in this tab (Go, compiled to WebAssembly): ' +
    'nothing goes over the network, and every token it issues is made up.',
  consumer: {
    legend: 'Your app (the consumer)',
    key: 'Consumer key (API Key)',
    secret: 'Consumer secret (API Key Secret)',
    hint:
      "The page's published demo app by default: its secret is printed here, so it is no secret. Or type your " +
      'own test key and secret: the in-page provider registers whatever you give it when the flow starts.',
    useDemo: 'Use the demo app',
    callback: 'Callback URL (oauth_callback)',
    callbackHint: 'Where the provider sends the user back after they say yes. The PIN flow sends "oob" instead.',
  },
  flows: {
    label: 'Flow',
    callback: 'Three-legged (callback)',
    oob: 'PIN (oob)',
    bearer: 'App-only bearer token',
  },
  flowIntro: {
    callback:
      'For a web app: the user is sent to the provider, says yes, and comes back to your callback URL with a ' +
      'verifier.',
    oob:
      'For an app that cannot receive a redirect (a command-line tool, a device): oauth_callback is "oob" (out of ' +
      'band), the provider shows the user a PIN, and the user types it into your app.',
    bearer:
      'For calls made as the app itself, with no user: the consumer key and secret are exchanged for one bearer ' +
      'token (OAuth 2.0 client credentials), which is then sent as it is, with no signature.',
  },
  start: 'Start the flow',
  restart: 'Start again',
  starting: 'Starting the provider…',
  loadingFull: 'Loading the full signer (the provider is in it)…',
  started: 'A fresh provider runs in this tab, with your app registered.',
  restarted: 'The signer was restarted, and the provider with it: its tokens are gone. Start the flow again.',
  cleared: 'Cleared: the issued tokens and the provider are gone.',
  failed: 'The provider could not start. Reload the page to try again.',
  notStarted: 'Press "Start the flow": the provider starts with your app registered.',
  needsConsumer: 'The consumer key and the consumer secret are both needed.',
  legsLabel: 'Legs of the flow',
  // embed.html#view=tokens&flow=…&leg=… (embed-tokens.js).
  embed: {
    title: 'OAuth 1.0a tokens:',
    subject: (flow) => `the demo app, ${flow}`,
    openFullLabel: 'Open in the full playground: this leg, in a new tab',
    waiting: 'The provider starts when this frame is seen or focused.',
    intro:
      "With the page's published demo app: the legs before this one were sent the right way by the in-page " +
      'provider. Nothing leaves this frame.',
  },
  legs: {
    request_token: { name: '1. Request token', title: 'Leg 1: POST oauth/request_token' },
    authorize: { name: '2. Authorize', title: 'Leg 2: the user authorizes (GET oauth/authorize)' },
    access_token: { name: '3. Access token', title: 'Leg 3: POST oauth/access_token' },
    verify_credentials: { name: '4. Call as the user', title: 'The protected call: GET account/verify_credentials.json' },
    bearer_credential: { name: '1. Basic credential', title: 'Step 1: the Basic credential from the key and secret' },
    bearer_token: { name: '2. Bearer token', title: 'Step 2: POST oauth2/token' },
    app_only: { name: '3. App-only call', title: 'Step 3: the bearer token on an app-only endpoint' },
    user_context: { name: '4. User-context call', title: 'Step 4: the bearer token on a user-context endpoint' },
  },
  legIntro: {
    request_token:
      'Your app asks for a temporary credential. It has no token yet, so the request is signed with the consumer ' +
      'credentials only: the signing key is the consumer secret and "&" with nothing after it. oauth_callback says ' +
      'where the user comes back to (RFC 5849 §2.1).',
    authorize:
      'Your app sends the user\'s browser to this URL with the request token. This request is not signed: the user ' +
      'logs in at the provider and says yes (simulated here). RFC 5849 §2.2.',
    access_token:
      'Your app trades the request token for the user\'s access token. Now there is a token: the request token, ' +
      'and its secret joins the signing key. oauth_verifier proves the user said yes (RFC 5849 §2.3).',
    verify_credentials:
      'Every call made as the user is signed with the access token, and the access token secret in the key. The ' +
      'request token and its secret are used up: never sign with them again.',
  },
  authorize: {
    url: 'The user\'s browser goes to',
    consent: 'The user logs in and clicks "Authorize app"',
    consentButton: 'Authorize app (as the user)',
    redirected: 'The provider redirects the browser to your callback URL. Your app reads oauth_token (to find its request token secret again) and oauth_verifier from the query.',
    pinPage: 'The provider shows the user a PIN page. The user reads the PIN and types it into your app.',
    pinLabel: 'PIN the user typed into your app (oauth_verifier)',
    pinHint: 'Filled in with the PIN from the page; change it to see the provider refuse a wrong one.',
    tokenMismatch: 'The oauth_token in the redirect is not your request token: stop here, as a client must.',
  },
  changes: {
    heading: 'What changes from leg to leg',
    row: 'Leg',
    token: 'oauth_token',
    key: 'Signing key',
    callback: 'oauth_callback',
    verifier: 'oauth_verifier',
    none: '(none)',
    values: {
      request_token: { token: '(none)', key: 'consumer_secret&', callback: 'your callback URL, or oob', verifier: '(none)' },
      access_token: { token: 'request token', key: 'consumer_secret&request_token_secret', callback: '(none)', verifier: 'from the redirect or PIN' },
      verify_credentials: { token: 'access token', key: 'consumer_secret&access_token_secret', callback: '(none)', verifier: '(none)' },
    },
    current: 'this leg',
  },
  build: {
    heading: 'The request, signed as the Sign view signs it',
    intro: 'Marked: what changed since the request shown before.',
    send: 'Send it to the provider',
    again: 'Build it again',
  },
  answer: {
    heading: 'What the provider answered',
    raw: 'Raw answer',
    body: 'Body',
    secretBody: 'The body holds a secret: shown masked.',
    explained: 'What it means',
    fields: 'Read from the body',
    sameBase: 'Your base string and debug_sbs are the same, so the base string is not the problem: the signing key is.',
    otherBase: 'Your base string and debug_sbs differ: the provider signed something else than you did. Open it in Verify to see where.',
    next: 'Next leg',
    done: 'Done: the app can now call the API as this user, for as long as the access token lives.',
    doneBearer: 'Done: an app-only token works for app-only calls, and only for them.',
  },
  issued: {
    heading: 'Credentials so far',
    hint: 'Issued tokens are secrets: masked until you reveal them, never put into a link, and wiped by Clear.',
    consumerSecret: 'consumer secret',
    requestToken: 'Request token (oauth_token)',
    requestTokenSecret: 'Request token secret',
    callbackConfirmed: 'oauth_callback_confirmed',
    verifier: 'Verifier (oauth_verifier)',
    accessToken: 'Access token (oauth_token)',
    accessTokenSecret: 'Access token secret',
    user: 'User',
    bearer: 'Bearer token',
    none: 'None yet.',
  },
  explain: {
    request_token:
      'A request token and its secret (oauth_token, oauth_token_secret): the secret goes into the signing key of ' +
      'leg 3. oauth_callback_confirmed=true says the provider took your oauth_callback (OAuth 1.0a); a client must ' +
      'stop when it is missing.',
    authorizeRedirect:
      'A 302 redirect to your callback URL, with the request token and a verifier. The verifier is only good for ' +
      'this request token, once.',
    authorizePin: 'A page with the PIN. The PIN is the verifier.',
    access_token:
      'The access token and its secret: the user\'s credentials for this app. user_id and screen_name say who ' +
      'said yes. Keep the secret like a password.',
    verify_credentials: 'The user\'s account, as JSON: the signature checked out with the access token secret.',
    bearer_token:
      'A bearer token: from now on the app sends "Authorization: Bearer …" and nothing else. No signature, no nonce, ' +
      'no timestamp.',
    app_only: 'The app-only endpoint accepts the bearer token.',
    user_context:
      'A user-context endpoint refuses it: a bearer token speaks for the app, not for a user. Calls made as a user ' +
      'need the three-legged flow\'s access token and a signature.',
    ok: 'The provider accepted the request.',
    refused: 'The provider refused the request.',
  },
  problems: {
    signature_invalid:
      'signature_invalid: the provider built its own base string and signing key and got another signature. ' +
      'debug_sbs is the base string it expected: compare it with yours. When the base strings are equal, the key ' +
      'differs: a wrong or missing token secret.',
    timestamp_refused:
      'timestamp_refused: oauth_timestamp is outside the window the provider accepts; oauth_acceptable_timestamps ' +
      'gives the range. Fix the client\'s clock (or use the server\'s Date header).',
    nonce_used:
      'nonce_used: this nonce was already used with this timestamp. A nonce must be new for every request, even ' +
      'a retry; it is what stops a captured request from being replayed.',
    token_rejected: 'token_rejected: the provider does not know this token, or it is not the kind this endpoint takes.',
    token_expired: 'token_expired: the request token is too old; start again with a new one.',
    token_used:
      'token_used: this request token was exchanged for an access token already. A request token works once; ' +
      'start again with a new one.',
    verifier_invalid:
      'verifier_invalid: the verifier does not belong to this request token. It came from another attempt, was ' +
      'mistyped, or was used already.',
    consumer_key_unknown: 'consumer_key_unknown: no app with this consumer key is registered.',
    parameter_absent:
      'parameter_absent: a required parameter is missing; oauth_parameters_absent names it. Without oauth_callback ' +
      'the provider cannot confirm a callback (OAuth 1.0a).',
    signature_method_rejected: 'signature_method_rejected: the provider does not accept this signature method.',
    unknown: 'The provider refused it; the body says why.',
  },
  breakIt: {
    label: 'Break the next request',
    hint: 'The next request fails the way real clients fail. The provider refuses it, and Verify says what it sees.',
    options: {
      '': 'Nothing: send it right',
      wrongSecret: 'Wrong token secret',
      reusedNonce: 'Reused nonce',
      clockOff: 'Clock 10 minutes off',
      otherVerifier: 'Verifier from another attempt',
      noCallback: 'Callback not confirmed (no oauth_callback)',
    },
    explain: {
      wrongSecret: 'Signed with the secret of the previous leg\'s token (or none): the signing key is wrong.',
      reusedNonce: 'Signed with the nonce and timestamp of the last request the provider accepted.',
      clockOff: 'oauth_timestamp is 10 minutes behind the provider\'s clock.',
      otherVerifier: 'A second attempt ran behind the scenes; its verifier is sent with this request token.',
      noCallback: 'Leg 1 is sent without oauth_callback, as OAuth 1.0 clients did.',
    },
    notHere: 'Not on this leg.',
    verifyHeading: 'What Verify says about the request that was sent',
    verifyOpen: 'Open in Verify',
    verifyValid: 'Verify: the signature is valid with the right secrets, so the refusal is about something else.',
    verifyInvalid: 'Verify: the signature is invalid with the right secrets.',
    verifyUnknown: 'Verify could not decide.',
    verifyMistake: (title) => `Verify names the mistake: ${title}`,
    verifyCannot: 'Verify checks the signature only; nonces, tokens and verifiers are the provider\'s memory.',
  },
  bearer: {
    steps: {
      encode: 'RFC 1738-encode the key and the secret',
      join: 'Join them with a colon',
      base64: 'Base64 the result',
      header: 'The Authorization header',
    },
    encodeHint: 'Letters, digits and -._~ stay; every other octet becomes %XX. For most keys nothing changes, but do it anyway.',
    joinHint: 'key:secret. The colon is why the parts are encoded first: an encoded secret holds no colon.',
    base64Hint: 'Base64 of the UTF-8 bytes. This is not encryption: anyone can decode it back to your secret.',
    headerHint: 'Sent over TLS only, to POST oauth2/token with grant_type=client_credentials.',
    key: 'encoded key',
    secret: 'encoded secret',
    joined: 'key:secret',
    credential: 'Basic credential',
    notSignature:
      'A bearer token is not a signature. A signed request proves, request by request, that the sender holds a ' +
      'secret it never sends, and a captured request is useless for another URL, another body or later. A bearer ' +
      'token is the secret itself, sent with every call: anyone who holds it can use it, from anywhere, until it is ' +
      'revoked.',
    send: 'Send it to the provider',
    call: 'Call the endpoint with the bearer token',
  },
  link: {
    label: 'Link to this leg',
    hint: 'Opens the Tokens view at this leg with the demo app. It carries no token and no secret.',
    name: 'link to this leg',
  },
});
