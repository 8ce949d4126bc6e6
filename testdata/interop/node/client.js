// Interop client: real npm OAuth 1.0a libraries sign (and, where they can,
// send) each case. Usage: node client.js LIBRARY CASES.json, LIBRARY one of
// oauth-1.0a, oauth, oauth-sign. Secrets come from the environment
// (IOP_CONSUMER_SECRET, IOP_TOKEN_SECRET, their _SPECIAL variants,
// IOP_RSA_KEY_FILE), never from the case file. One JSON line per case on
// stdout: {case, sent} or {case, cannot} or {case, error}. Run by
// interop_test.go.
'use strict';

const fs = require('fs');
const http = require('http');
const crypto = require('crypto');

function secrets(c) {
  const s = c.secrets === 'special' ? '_SPECIAL' : '';
  return [process.env['IOP_CONSUMER_SECRET' + s], process.env['IOP_TOKEN_SECRET' + s]];
}
const rsaKey = () => fs.readFileSync(process.env.IOP_RSA_KEY_FILE, 'utf8');
const method = (c) => c.signatureMethod || 'HMAC-SHA1';

// formObject turns the case's form pairs into the object these libraries
// take, a repeated name becoming an array (as their docs show).
function formObject(pairs) {
  const o = {};
  for (const [k, v] of pairs || []) {
    if (Object.prototype.hasOwnProperty.call(o, k)) o[k] = [].concat(o[k], v);
    else o[k] = v;
  }
  return o;
}

// send writes one request as given: the libraries oauth-1.0a and oauth-sign
// compute signatures and headers but do not send requests.
function send(c, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: c.method, headers, timeout: 10000 }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error('status ' + res.statusCode))));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function baseHeaders(c) {
  const h = {};
  if (c.contentType) h['Content-Type'] = c.contentType;
  return h;
}

const libraries = {
  'oauth-1.0a': async (c) => {
    const OAuth = require('oauth-1.0a');
    const [cs, ts] = secrets(c);
    const m = method(c);
    if ((c.transport || 'header') !== 'header') {
      return 'oauth-1.0a returns the parameters and a header value only; putting them in a query or body is the caller\'s code, not the library\'s';
    }
    if (c.callback || c.verifier) return 'oauth-1.0a has no oauth_callback or oauth_verifier option';
    let hash;
    if (m === 'HMAC-SHA1' || m === 'HMAC-SHA256') {
      const alg = m === 'HMAC-SHA1' ? 'sha1' : 'sha256';
      hash = (base, key) => crypto.createHmac(alg, key).update(base).digest('base64');
    } else if (m === 'RSA-SHA1') {
      // The library's documented way: the caller's hash_function; the key is ignored.
      hash = (base) => crypto.createSign('RSA-SHA1').update(base).sign(rsaKey(), 'base64');
    }
    const oauth = OAuth({
      consumer: { key: c.consumerKey, secret: m.startsWith('RSA') ? '' : cs },
      signature_method: m, hash_function: hash, realm: c.realm || undefined,
      // Its default body_hash_function is hash_function (an HMAC under the
      // signing key); the body hash draft wants a plain digest of the body.
      body_hash_function: (body) => crypto.createHash(m === 'HMAC-SHA256' ? 'sha256' : 'sha1').update(body).digest('base64'),
    });
    const isForm = c.contentType === 'application/x-www-form-urlencoded';
    const request = { url: c.url, method: c.method, data: isForm ? formObject(c.form) : {} };
    if (c.bodyHash) { request.data = c.body; request.includeBodyHash = true; }
    const token = c.token ? { key: c.token, secret: ts } : undefined;
    const headers = Object.assign(baseHeaders(c), oauth.toHeader(oauth.authorize(request, token)));
    await send(c, c.url, headers, c.body);
  },

  oauth: async (c) => {
    const { OAuth } = require('oauth');
    const [cs, ts] = secrets(c);
    const m = method(c);
    const transport = c.transport || 'header';
    if (c.realm) return 'oauth sends realm only in OAuthEcho, whose signature is for the verify-credentials URL, not this request';
    if (transport === 'body') return 'oauth has no body transport';
    const secret = m.startsWith('RSA') ? rsaKey() : cs;
    const oa = new OAuth(c.url, c.url, c.consumerKey, secret, '1.0', c.callback || null, m);
    const done = (resolve, reject) => (err) => (err ? reject(new Error(err.statusCode ? 'status ' + err.statusCode : String(err))) : resolve());
    if (transport === 'query') {
      if (c.method !== 'GET') return 'oauth\'s signUrl signs a URL to be fetched as given; only GET makes sense';
      const signed = oa.signUrl(c.url, c.token || null, c.token ? ts : null, c.method);
      await send(c, signed, baseHeaders(c), c.body);
      return;
    }
    await new Promise((resolve, reject) => {
      const cb = done(resolve, reject);
      if (c.callback) {
        oa.getOAuthRequestToken((err) => cb(err));
      } else if (c.verifier) {
        oa.getOAuthAccessToken(c.token, ts, c.verifier, (err) => cb(err));
      } else if (c.method === 'GET') {
        oa.get(c.url, c.token || null, c.token ? ts : null, cb);
      } else if (c.method === 'DELETE') {
        oa.delete(c.url, c.token || null, c.token ? ts : null, cb);
      } else {
        const isForm = c.contentType === 'application/x-www-form-urlencoded';
        const body = isForm ? formObject(c.form) : c.body;
        const f = c.method === 'PUT' ? oa.put : oa.post;
        f.call(oa, c.url, c.token || null, c.token ? ts : null, body, isForm ? null : c.contentType, cb);
      }
    });
  },

  'oauth-sign': async (c) => {
    const { sign } = require('oauth-sign');
    const [cs, ts] = secrets(c);
    const m = method(c);
    if ((c.transport || 'header') !== 'header') return 'oauth-sign computes the signature only; no transport';
    // oauth-sign takes the method, base URI and parameters; collecting them
    // from the request is the caller's job (as the request package did).
    const u = new URL(c.url);
    const params = [];
    for (const [k, v] of u.searchParams) params.push([k, v]);
    if (c.contentType === 'application/x-www-form-urlencoded') params.push(...(c.form || []));
    const oauthParams = {
      oauth_consumer_key: c.consumerKey,
      oauth_nonce: crypto.randomBytes(16).toString('hex'),
      oauth_signature_method: m,
      oauth_timestamp: String(Math.floor(Date.now() / 1000)),
      oauth_version: '1.0',
    };
    if (c.token) oauthParams.oauth_token = c.token;
    if (c.callback) oauthParams.oauth_callback = c.callback;
    if (c.verifier) oauthParams.oauth_verifier = c.verifier;
    const all = formObject(params.concat(Object.entries(oauthParams)));
    const base = u.protocol + '//' + u.host + u.pathname;
    const sig = m.startsWith('RSA')
      ? sign(m, c.method, base, all, rsaKey())
      : sign(m, c.method, base, all, cs, c.token ? ts : '');
    oauthParams.oauth_signature = sig;
    const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
    let h = 'OAuth ' + (c.realm ? 'realm="' + enc(c.realm) + '", ' : '');
    h += Object.entries(oauthParams).map(([k, v]) => enc(k) + '="' + enc(v) + '"').join(', ');
    await send(c, c.url, Object.assign(baseHeaders(c), { Authorization: h }), c.body);
  },
};

async function main() {
  const [lib, file] = process.argv.slice(2);
  const run = libraries[lib];
  const cases = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const c of cases) {
    const out = { case: c.id };
    try {
      const why = await run(c);
      if (why) out.cannot = why;
      else out.sent = true;
    } catch (e) {
      out.error = String(e && e.message ? e.message : e).slice(0, 200);
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }
}

main();
