// presets.js: ready-made requests the page can load, as plain data.
//
// Owns: the preset menu. Each published test vector becomes a preset: its
// request, source, published value and expected results come from
// vectors.js, which make build writes from the vectors the signer's tests run
// (signer/signertest/testdata/vectors.json, by wasm/genvectors.go), so the
// page and the tests cannot drift; this file adds only the preset's id, menu
// group, label and flags. Here too: a few extra vectors that exercise the
// parameter table, and service presets with dummy credentials.
// Must never: touch the DOM, call the signer, or hold anything but published
// test credentials and obvious dummies. Sentences about a preset (its notes)
// live in strings.js under presetNotes, keyed by the preset's id.
//
// A preset is
//   { id, group, label, source, request, params?, expect, published?,
//     computed?, differsByDesign?, vector? }
// request   — the JS API fields; params — rows for the parameter table,
//             [name, value, "query" | "body"];
// expect    — what the page compares with: signature, baseStringURI,
//             bodyHash, or fragments (strings the parameter string contains);
// published — a value the source prints that is wrong (or, with
//             differsByDesign, one this signer deliberately does not match);
// computed  — expect was computed independently, not printed by a source;
// vector    — the name of the vector in vectors.js the preset comes from.

import { vectors } from './vectors.js';

// The groups of the preset menu, in order. Their titles are in strings.js
// (presetGroups).
export const groups = Object.freeze(['x', 'rfc', 'oauthnet', 'bodyhash', 'services']);

// byName finds a vector of vectors.js; a preset naming one that is missing
// means the build is stale or the two files disagree, so the module fails
// to load rather than show a preset with no request.
function byName(name) {
  const v = vectors.find((x) => x.name === name);
  if (!v) throw new Error(`vectors.js has no vector named ${JSON.stringify(name)}: run make build`);
  return v;
}

// fromVector builds the preset for vector p.vector: p gives id, group, label
// and flags; the vector its request, source, published value and expect (the
// signature, base string URI and body hash it pins, where it pins them).
function fromVector(p) {
  const v = byName(p.vector);
  const expect = {};
  for (const k of ['signature', 'baseStringURI', 'bodyHash']) if (v.want[k]) expect[k] = v.want[k];
  const out = { ...p, source: v.source, expect, request: { ...v.request } };
  if (v.published) out.published = v.published;
  return deepFreeze(out);
}

// extra freezes a preset that is not in vectors.js: its request and expect are here.
function extra(p) {
  return deepFreeze(p);
}

function service(p) {
  return deepFreeze({ ...p, group: 'services', expect: {} });
}

function deepFreeze(o) {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

// The RSA test key published with the oauth.net wiki's RSA-SHA1 test case,
// http://wiki.oauth.net/w/page/12238556/TestCases (section 9.3). It is
// public: never use it for anything real. The RSA service presets reuse it,
// and form.js's "Use the published test key" button fills it in.
export const TEST_RSA_KEY = byName('V9.5 oauth.net RSA-SHA1').request.privateKey;

// The example credentials of X's "Creating a signature" page,
// https://docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature.
// X published them and marked them invalid; the service presets for X reuse them.
const X_DOCS = (({ consumerKey, consumerSecret, token, tokenSecret }) =>
  Object.freeze({ consumerKey, consumerSecret, token, tokenSecret }))(byName('V1.a X docs, api.x.com/1.1').request);

// The first preset is loaded when the page opens.
export const presets = Object.freeze([
  // X's "Creating a signature" page in its three editions:
  // https://docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature,
  // https://developer.twitter.com/en/docs/authentication/oauth-1-0a/creating-a-signature
  // and https://dev.twitter.com/oauth/overview/creating-signatures (the last
  // as asserted by https://github.com/ddo/oauth-1.0a and
  // https://github.com/dghubble/oauth1 in their tests).
  fromVector({ id: 'x-creating-a-signature', group: 'x', vector: 'V1.a X docs, api.x.com/1.1', label: 'X docs "Creating a signature" (api.x.com/1.1)' }),
  fromVector({ id: 'x-twitter-1-1', group: 'x', vector: 'V1.b developer.twitter.com, api.twitter.com/1.1', label: 'developer.twitter.com edition (api.twitter.com/1.1)' }),
  fromVector({ id: 'x-twitter-1', group: 'x', vector: 'V1.c dev.twitter.com, api.twitter.com/1', label: 'dev.twitter.com edition (api.twitter.com/1)' }),
  // The api.twitter.com/1.1 example under the other HMAC methods: no source
  // prints these signatures; they were computed independently.
  fromVector({ id: 'x-hmac-sha256', group: 'x', vector: 'V1 computed HMAC-SHA256', label: 'X example signed with HMAC-SHA256 (computed)', computed: true }),
  fromVector({ id: 'x-hmac-sha512', group: 'x', vector: 'V1 computed HMAC-SHA512', label: 'X example signed with HMAC-SHA512 (computed)', computed: true }),
  // Sign in with Twitter (https://dev.twitter.com/web/sign-in/implementing),
  // as https://github.com/dghubble/oauth1 reference_test.go signs it.
  fromVector({ id: 'x-signin-request-token', group: 'x', vector: 'V3.a Sign in with Twitter, request token', label: 'Sign in with Twitter: request token' }),
  fromVector({ id: 'x-signin-access-token', group: 'x', vector: 'V3.b Sign in with Twitter, access token', label: 'Sign in with Twitter: access token' }),
  // The older Twitter docs (https://dev.twitter.com/docs/auth/oauth), from
  // https://github.com/request/oauth-sign test.js, which also pins the
  // HMAC-SHA256 signatures.
  fromVector({ id: 'x-old-request-token', group: 'x', vector: 'V4 older Twitter docs, request token, HMAC-SHA1', label: 'Older Twitter docs: request token' }),
  fromVector({ id: 'x-old-request-token-sha256', group: 'x', vector: 'V4 older Twitter docs, request token, HMAC-SHA256', label: 'Older Twitter docs: request token, HMAC-SHA256' }),
  fromVector({ id: 'x-old-access-token', group: 'x', vector: 'V4 older Twitter docs, access token, HMAC-SHA1', label: 'Older Twitter docs: access token' }),
  fromVector({ id: 'x-old-access-token-sha256', group: 'x', vector: 'V4 older Twitter docs, access token, HMAC-SHA256', label: 'Older Twitter docs: access token, HMAC-SHA256' }),
  fromVector({ id: 'x-old-japanese', group: 'x', vector: 'V4 older Twitter docs, Japanese status, HMAC-SHA1', label: 'Older Twitter docs: Japanese status' }),
  fromVector({ id: 'x-old-japanese-sha256', group: 'x', vector: 'V4 older Twitter docs, Japanese status, HMAC-SHA256', label: 'Older Twitter docs: Japanese status, HMAC-SHA256' }),
  // RFC 5849 section 1.2, https://www.rfc-editor.org/rfc/rfc5849#section-1.2;
  // the https edition of the protected-resource request is computed.
  fromVector({ id: 'rfc-temporary-credentials', group: 'rfc', vector: 'V5.a RFC 5849 1.2, temporary credentials', label: '§1.2 temporary credentials (realm, callback)' }),
  fromVector({ id: 'rfc-token-credentials', group: 'rfc', vector: 'V5.b RFC 5849 1.2, token credentials', label: '§1.2 token credentials (verifier)' }),
  fromVector({ id: 'rfc-protected-resource', group: 'rfc', vector: 'V5.c RFC 5849 1.2, protected resource (plain http)', label: '§1.2 protected resource (plain http)' }),
  fromVector({ id: 'rfc-protected-resource-https', group: 'rfc', vector: 'V5.c over https (scheme trap)', label: '§1.2 protected resource over https: the scheme trap (computed)', computed: true }),
  // RFC 5849 section 3.4.1's worked example,
  // https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1, with the signature
  // corrected by erratum 2550 (https://www.rfc-editor.org/errata/eid2550);
  // its HMAC-SHA256 signature from https://github.com/request/oauth-sign test.js.
  fromVector({ id: 'rfc-3-4-1', group: 'rfc', vector: 'V6 RFC 5849 3.4.1 worked example', label: "§3.4.1 worked example (the RFC's printed signature is wrong)" }),
  fromVector({ id: 'rfc-3-4-1-sha256', group: 'rfc', vector: 'V6 RFC 5849 3.4.1 worked example, HMAC-SHA256', label: '§3.4.1 worked example, HMAC-SHA256' }),
  // https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1.2 and #section-2.1.
  fromVector({ id: 'rfc-base-uri-default-port', group: 'rfc', vector: 'V7 RFC 5849 3.4.1.2, base string URI with default port', label: '§3.4.1.2 base string URI: default port' }),
  fromVector({ id: 'rfc-base-uri-other-port', group: 'rfc', vector: 'V7 RFC 5849 3.4.1.2, base string URI with other port', label: '§3.4.1.2 base string URI: other port' }),
  fromVector({ id: 'rfc-plaintext', group: 'rfc', vector: 'V8 RFC 5849 2.1, PLAINTEXT', label: '§2.1 PLAINTEXT' }),
  // The oauth.net wiki's test cases, http://wiki.oauth.net/w/page/12238556/TestCases;
  // OAuth Core 1.0a appendix A.5, https://oauth.net/core/1.0a/; the PLAINTEXT
  // cases of the oauth project's JavaScript test suite,
  // https://code.google.com/archive/p/oauth/.
  fromVector({ id: 'oauthnet-empty-path', group: 'oauthnet', vector: 'V9.3 oauth.net, empty path becomes /', label: 'Empty path becomes /' }),
  fromVector({ id: 'oauthnet-appendix-a5', group: 'oauthnet', vector: 'V9.4 OAuth Core 1.0a appendix A.5', label: 'OAuth Core 1.0a appendix A.5 (photos.example.net)' }),
  fromVector({ id: 'oauthnet-plaintext-token', group: 'oauthnet', vector: 'V9.4 PLAINTEXT with token secret', label: 'PLAINTEXT with a token secret' }),
  fromVector({ id: 'oauthnet-plaintext-no-token', group: 'oauthnet', vector: 'V9.4 PLAINTEXT without token', label: 'PLAINTEXT without a token' }),
  fromVector({ id: 'oauthnet-rsa-sha1', group: 'oauthnet', vector: 'V9.5 oauth.net RSA-SHA1', label: 'RSA-SHA1 with the published test key' }),
  // Body hashes (OAuth Request Body Hash,
  // https://datatracker.ietf.org/doc/html/draft-eaton-oauth-bodyhash-00,
  // appendices A.1 and A.2) as https://github.com/joestump/python-oauth2
  // tests/test_oauth.py signs them. python-oauth2 puts a raw non-ASCII path
  // into the base string URI unencoded; this signer percent-encodes it as a
  // browser sends it, so that preset differs on purpose.
  fromVector({ id: 'bodyhash-a1-1a', group: 'bodyhash', vector: 'V15 body hash A.1 1a PUT', label: 'A.1 PUT with a text body (1a)' }),
  fromVector({ id: 'bodyhash-a1-1b', group: 'bodyhash', vector: 'V15 body hash A.1 1b PUT', label: 'A.1 PUT with a text body (1b)' }),
  fromVector({ id: 'bodyhash-a2', group: 'bodyhash', vector: 'V15 body hash A.2 GET, no body', label: 'A.2 GET with no body' }),
  fromVector({ id: 'bodyhash-py-plain', group: 'bodyhash', vector: 'V15 python-oauth2 empty-body hash, plain', label: 'python-oauth2: empty-body hash' }),
  fromVector({ id: 'bodyhash-py-query', group: 'bodyhash', vector: 'V15 python-oauth2 empty-body hash, non-ASCII query', label: 'python-oauth2: non-ASCII query' }),
  fromVector({ id: 'bodyhash-py-path', group: 'bodyhash', vector: 'V15 python-oauth2 empty-body hash, raw non-ASCII path', label: 'python-oauth2: raw non-ASCII path (differs on purpose)', differsByDesign: true }),

  // ---- extra vectors that need the parameter table ----
  // From the tables of X's "Percent encoding parameters" page,
  // https://docs.x.com/fundamentals/authentication/oauth-1-0a/percent-encoding-parameters,
  // and of http://wiki.oauth.net/w/page/12238556/TestCases.

  extra({
    id: 'x-percent-encoding',
    group: 'x',
    label: 'X docs "Percent encoding parameters" table',
    source: 'docs.x.com fundamentals/authentication/oauth-1-0a/percent-encoding-parameters',
    expect: { fragments: ['a=Ladies%20%2B%20Gentlemen&b=An%20encoded%20string%21&c=Dogs%2C%20Cats%20%26%20Mice&d=%E2%98%83'] },
    request: {
      method: 'GET',
      url: 'https://api.x.com/1.1/search/tweets.json',
      consumerKey: 'k',
      consumerSecret: 's',
      nonce: 'n',
      timestamp: '1',
    },
    params: [
      ['a', 'Ladies + Gentlemen', 'query'],
      ['b', 'An encoded string!', 'query'],
      ['c', 'Dogs, Cats & Mice', 'query'],
      ['d', '☃', 'query'],
    ],
  }),
  extra({
    id: 'oauthnet-encoding',
    group: 'oauthnet',
    label: 'Parameter encoding table (section 5.1)',
    source: 'wiki.oauth.net TestCases, parameter encoding',
    expect: { fragments: ['a=abcABC123&b=-._~&c=%25&d=%2B&e=%26%3D%2A&f=%20&g=%E3%80%81'] },
    request: {
      method: 'GET',
      url: 'http://example.com/',
      consumerKey: 'k',
      consumerSecret: 's',
      nonce: 'n',
      timestamp: '1',
    },
    params: [
      ['a', 'abcABC123', 'query'],
      ['b', '-._~', 'query'],
      ['c', '%', 'query'],
      ['d', '+', 'query'],
      ['e', '&=*', 'query'],
      ['f', ' ', 'query'],
      ['g', '\u3001', 'query'],
    ],
  }),
  extra({
    id: 'oauthnet-normalize',
    group: 'oauthnet',
    label: 'Normalize request parameters: duplicates (section 9.1.1)',
    source: 'wiki.oauth.net TestCases, normalize request parameters',
    expect: { fragments: ['a=x%20y&a=x%21y', '&name=&', 'x=a&x%21y=a'] },
    request: {
      method: 'GET',
      url: 'http://example.com/',
      consumerKey: 'k',
      consumerSecret: 's',
      nonce: 'n',
      timestamp: '1',
    },
    params: [
      ['a', 'x!y', 'query'],
      ['a', 'x y', 'query'],
      ['name', '', 'query'],
      ['x!y', 'a', 'query'],
      ['x', 'a', 'query'],
    ],
  }),

  // ---- services, with dummy credentials ----

  service({
    id: 'service-x-v1-form',
    label: 'X API v1.1: form POST (signed body)',
    source: 'docs.x.com, OAuth 1.0a user context; the X docs example credentials',
    request: {
      method: 'POST',
      url: 'https://api.x.com/1.1/friendships/create.json',
      contentType: 'application/x-www-form-urlencoded',
      body: 'screen_name=XDevelopers&follow=true',
      ...X_DOCS,
      signatureMethod: 'HMAC-SHA1',
      nonce: 'b2f8a0e1c9d74f3e8a6b5c4d3e2f1a0b',
      timestamp: '1700000000',
      version: '1.0',
    },
  }),
  service({
    id: 'service-x-v2-json',
    label: 'X API v2: JSON POST (body not signed)',
    source: 'docs.x.com, POST /2/tweets with OAuth 1.0a user context; the X docs example credentials',
    request: {
      method: 'POST',
      url: 'https://api.x.com/2/tweets',
      contentType: 'application/json',
      body: '{"text": "Hello from the OAuth 1.0a playground"}',
      ...X_DOCS,
      signatureMethod: 'HMAC-SHA1',
      nonce: '5f1c9e7a3b2d4c6e8f0a1b2c3d4e5f60',
      timestamp: '1700000000',
      version: '1.0',
    },
  }),
  service({
    id: 'service-netsuite',
    label: 'NetSuite RESTlet: HMAC-SHA256 with realm',
    source: 'NetSuite token-based authentication (dummy account 1234567)',
    request: {
      method: 'GET',
      url: 'https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=42&deploy=1',
      consumerKey: 'dummy0consumer0key0000000000000000000000000000000000000000000001',
      consumerSecret: 'dummy0consumer0secret000000000000000000000000000000000000000002',
      token: 'dummy0token0id00000000000000000000000000000000000000000000000003',
      tokenSecret: 'dummy0token0secret0000000000000000000000000000000000000000000004',
      signatureMethod: 'HMAC-SHA256',
      nonce: 'Xq3vB7nR2mK9pL4w',
      timestamp: '1700000000',
      version: '1.0',
      realm: '1234567',
    },
  }),
  service({
    id: 'service-woocommerce',
    label: 'WooCommerce REST API over http: query string',
    source: 'WooCommerce REST API authentication over HTTP (dummy store)',
    request: {
      method: 'GET',
      url: 'http://shop.example.com/wp-json/wc/v3/products?per_page=5',
      consumerKey: 'ck_dummy000000000000000000000000000000000001',
      consumerSecret: 'cs_dummy000000000000000000000000000000000002',
      signatureMethod: 'HMAC-SHA256',
      nonce: 'a7c3e9f1b5d2',
      timestamp: '1700000000',
      transport: 'query',
    },
  }),
  service({
    id: 'service-lti',
    label: 'LTI 1.1 launch: form POST, parameters in the body',
    source: 'IMS LTI 1.1 basic launch (dummy tool and course)',
    request: {
      method: 'POST',
      url: 'https://tool.example.com/lti/launch',
      contentType: 'application/x-www-form-urlencoded',
      body:
        'lti_message_type=basic-lti-launch-request&lti_version=LTI-1p0&resource_link_id=rl-42' +
        '&context_id=course-7&user_id=u-1001&roles=Instructor' +
        '&launch_presentation_return_url=https%3A%2F%2Flms.example.com%2Freturn',
      consumerKey: 'dummy-lti-consumer',
      consumerSecret: 'dummy-lti-secret',
      signatureMethod: 'HMAC-SHA1',
      nonce: '8d2f6b1e4a9c',
      timestamp: '1700000000',
      version: '1.0',
      callback: 'about:blank',
      transport: 'body',
    },
  }),
  service({
    id: 'service-magento',
    label: 'Magento / Adobe Commerce integration: HMAC-SHA256',
    source: 'Adobe Commerce web API, OAuth-based integration (dummy store)',
    request: {
      method: 'GET',
      url: 'https://magento.example.com/rest/V1/products?searchCriteria[pageSize]=10&searchCriteria[currentPage]=1',
      consumerKey: 'dummyconsumerkey0000000000000001',
      consumerSecret: 'dummyconsumersecret0000000000002',
      token: 'dummyaccesstoken0000000000000003',
      tokenSecret: 'dummytokensecret0000000000000004',
      signatureMethod: 'HMAC-SHA256',
      nonce: 'c4e8a2f6b0d1',
      timestamp: '1700000000',
      version: '1.0',
    },
  }),
  service({
    id: 'service-rsa-sha256-bodyhash',
    label: 'RSA-SHA256 JSON POST with body hash',
    source: 'In the style of payment APIs that sign JSON with RSA-SHA256 and oauth_body_hash; the oauth.net test key',
    request: {
      method: 'POST',
      url: 'https://sandbox.api.example.com/payments/v1/transfers',
      contentType: 'application/json',
      body: '{"amount": "10.00", "currency": "EUR", "reference": "playground-1"}',
      consumerKey: 'dummy-consumer-key!rsa-example',
      privateKey: TEST_RSA_KEY,
      signatureMethod: 'RSA-SHA256',
      nonce: 'f0e1d2c3b4a59687',
      timestamp: '1700000000',
      version: '1.0',
      bodyHash: true,
    },
  }),
  service({
    id: 'service-jira',
    label: 'Jira Server style: RSA-SHA1 with the published test key',
    source: 'Jira Server / Data Center application links (dummy site); the oauth.net test key',
    request: {
      method: 'GET',
      url: 'https://jira.example.com/rest/api/2/issue/DEMO-1',
      consumerKey: 'playground-jira-client',
      token: 'dummyJiraAccessToken0000000000001',
      privateKey: TEST_RSA_KEY,
      signatureMethod: 'RSA-SHA1',
      nonce: '3a9f7c1e5b2d8046',
      timestamp: '1700000000',
      version: '1.0',
    },
  }),
]);

export const defaultPreset = presets[0];

// findPreset returns the preset with the given id, or undefined.
export function findPreset(id) {
  return presets.find((p) => p.id === id);
}

// knownCredentials is every credential value some preset carries: the
// published examples and our dummies. The "this looks real" warning never
// fires for them.
export const knownCredentials = Object.freeze(new Set(
  presets.flatMap((p) => ['consumerKey', 'consumerSecret', 'token', 'tokenSecret', 'privateKey']
    .map((f) => p.request[f])
    .filter((v) => typeof v === 'string' && v !== '')),
));
