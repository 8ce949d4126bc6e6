// provider.mjs: the in-page provider's JS API under Node.js, as the Tokens
// view and docs scripts call it: oauth1.providerReset, then oauth1.sign
// for each leg and oauth1.serve for the answer. Walks the callback flow,
// the PIN flow and the bearer flow, and the refusals of the "break it"
// menu; exits non-zero on the first surprise. Run by `make test-node`.
//
//   make build && node wasm/provider.mjs
import assert from 'node:assert/strict';
import '../site/wasm_exec.js';
import { wasm } from '../site/signer.wasm.js';

const go = new Go();
const { instance } = await WebAssembly.instantiate(Buffer.from(wasm, 'latin1'), go.importObject);
go.run(instance); // sets globalThis.oauth1; never resolves

const api = 'https://api.x.com';
const app = { consumerKey: 'node-app', consumerSecret: 'node-secret' }; // a test app, not a real secret
const now = Date.UTC(2026, 0, 1);
const ts = String(now / 1000);
const form = (body) => Object.fromEntries(new URLSearchParams(body));
let n = 0;

// send signs a request with the app and the leg's credentials and serves it.
function send(method, url, creds = {}, opts = {}) {
  const signed = oauth1.sign({ method, url, ...app, nonce: opts.nonce ?? `nonce-${++n}`, timestamp: opts.timestamp ?? ts, ...creds });
  assert.equal(signed.ok, true, JSON.stringify(signed.error));
  const res = oauth1.serve({ method, url, authorization: signed.authorization });
  assert.equal(res.ok, true, JSON.stringify(res.error));
  return res;
}

assert.deepEqual(oauth1.providerReset({ ...app, now, timestampWindow: 300 }), { ok: true });

// Three-legged, with a callback.
let leg1 = send('POST', `${api}/oauth/request_token`, { callback: 'https://app.example/cb' });
assert.equal(leg1.status, 200);
const rt = form(leg1.body);
assert.equal(rt.oauth_callback_confirmed, 'true');
const consent = oauth1.serve({ method: 'GET', url: `${api}/oauth/authorize?oauth_token=${encodeURIComponent(rt.oauth_token)}` });
assert.equal(consent.status, 302);
const back = new URL(consent.headers.Location);
assert.equal(back.origin + back.pathname, 'https://app.example/cb');
assert.equal(back.searchParams.get('oauth_token'), rt.oauth_token);
const verifier = back.searchParams.get('oauth_verifier');

// Break it: the verifier of another attempt.
const other = form(send('POST', `${api}/oauth/request_token`, { callback: 'oob' }).body);
let res = send('POST', `${api}/oauth/access_token`, { token: other.oauth_token, tokenSecret: other.oauth_token_secret, verifier });
assert.equal(res.status, 401);
assert.equal(form(res.body).oauth_problem, 'verifier_invalid');

const leg3 = send('POST', `${api}/oauth/access_token`, { token: rt.oauth_token, tokenSecret: rt.oauth_token_secret, verifier });
assert.equal(leg3.status, 200);
const at = form(leg3.body);
assert.equal(at.screen_name, 'twitterapi');
res = send('GET', `${api}/1.1/account/verify_credentials.json`, { token: at.oauth_token, tokenSecret: at.oauth_token_secret });
assert.equal(res.status, 200);
assert.equal(JSON.parse(res.body).screen_name, 'twitterapi');

// Break it: the wrong token secret, a reused nonce, the clock 10 minutes off.
res = send('GET', `${api}/1.1/account/verify_credentials.json`, { token: at.oauth_token, tokenSecret: rt.oauth_token_secret });
assert.equal(res.status, 401);
const refusal = form(res.body);
assert.equal(refusal.oauth_problem, 'signature_invalid');
assert.match(refusal.debug_sbs, /^GET&https%3A%2F%2Fapi\.x\.com%2F1\.1%2Faccount%2Fverify_credentials\.json&/);
const judged = oauth1.check({ text: res.body, now });
assert.equal(judged.compared, 'alone');
assert.equal(judged.verdict, 'valid');
send('GET', `${api}/2/tweets/20`, { token: at.oauth_token, tokenSecret: at.oauth_token_secret }, { nonce: 'once' });
res = send('GET', `${api}/2/tweets/20`, { token: at.oauth_token, tokenSecret: at.oauth_token_secret }, { nonce: 'once' });
assert.equal(form(res.body).oauth_problem, 'nonce_used');
res = send('POST', `${api}/oauth/request_token`, { callback: 'oob' }, { timestamp: String(now / 1000 - 600) });
assert.equal(form(res.body).oauth_problem, 'timestamp_refused');
// The provider's clock started at now and has run since, for a second or so.
const [lo, hi] = form(res.body).oauth_acceptable_timestamps.split('-').map(Number);
assert.equal(hi - lo, 600);
assert.ok(lo >= now / 1000 - 300 && lo < now / 1000 - 290, `window ${lo}-${hi}`);

// PIN.
const pinToken = form(send('POST', `${api}/oauth/request_token`, { callback: 'oob' }).body);
const page = oauth1.serve({ method: 'GET', url: `${api}/oauth/authorize?oauth_token=${pinToken.oauth_token}` });
assert.equal(page.status, 200);
assert.equal(page.headers['Content-Type'], 'text/html; charset=utf-8');
const pin = /<code>(\d{7})<\/code>/.exec(page.body)[1];
assert.equal(send('POST', `${api}/oauth/access_token`, { token: pinToken.oauth_token, tokenSecret: pinToken.oauth_token_secret, verifier: pin }).status, 200);

// App-only: Basic of the RFC 1738-encoded key and secret, then Bearer.
const basic = 'Basic ' + Buffer.from(`${encodeURIComponent(app.consumerKey)}:${encodeURIComponent(app.consumerSecret)}`).toString('base64');
res = oauth1.serve({ method: 'POST', url: `${api}/oauth2/token`, authorization: basic, body: 'grant_type=client_credentials',
  contentType: 'application/x-www-form-urlencoded;charset=UTF-8' });
assert.equal(res.status, 200);
const { token_type: type, access_token: bearer } = JSON.parse(res.body);
assert.equal(type, 'bearer');
assert.equal(oauth1.serve({ method: 'GET', url: `${api}/2/tweets/20`, authorization: `Bearer ${bearer}` }).status, 200);
assert.equal(oauth1.serve({ method: 'GET', url: `${api}/1.1/account/verify_credentials.json`, authorization: `Bearer ${bearer}` }).status, 403);

// Hostile input: an error naming the field, never the value; the runtime survives.
const bad = oauth1.serve({ method: 'GET', get url() { throw new Error('CANARY'); } });
assert.equal(bad.ok, false);
assert.equal(bad.error.field, 'url');
assert.doesNotMatch(JSON.stringify(bad), /CANARY/);
assert.equal(oauth1.serve({ method: 'GET', url: 'CANARY' }).error.code, 'malformed');
assert.equal(oauth1.providerReset({ consumerKey: 1 }).error.code, 'wrong-type');
assert.equal(oauth1.serve({ method: 'GET', url: `${api}/2/tweets/20`, authorization: `Bearer ${bearer}` }).status, 200);

process.stdout.write('provider: callback, PIN and bearer flows and their refusals: ok\n');
process.exit(0);
