// peer.js: make bench's WebCrypto peer page (bench_peer_test.go). It signs
// X's "Creating a signature" example with HMAC-SHA1 (RFC 5849 §3.4) in
// plain JS and WebCrypto, shows the signature and sets data-ready on the
// status, as the playground does, and signs again on every nonce edit.
// A test fixture: never served by the product (not in site/ or dist/).
// Must never: be imported by the playground, or fetch anything.

const request = {
  method: 'POST',
  url: 'https://api.x.com/1.1/statuses/update.json',
  query: [['include_entities', 'true']],
  body: [['status', 'Hello Ladies + Gentlemen, a signed OAuth request!']],
  consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
  consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
  token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
  tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
  timestamp: '1318622958',
};

// pct is RFC 5849 §3.6 percent-encoding.
const pct = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

async function sign(nonce) {
  const params = [...request.query, ...request.body,
    ['oauth_consumer_key', request.consumerKey], ['oauth_nonce', nonce], ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', request.timestamp], ['oauth_token', request.token], ['oauth_version', '1.0']]
    .map(([k, v]) => [pct(k), pct(v)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const base = [request.method, pct(request.url), pct(params.map(([k, v]) => k + '=' + v).join('&'))].join('&');
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(pct(request.consumerSecret) + '&' + pct(request.tokenSecret)),
    { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(base)));
  return btoa(String.fromCharCode(...mac));
}

const nonce = document.getElementById('nonce');
const out = document.querySelector('[data-testid="signature"]');
const status = document.querySelector('[data-testid="status"]');
let count = 0;

async function run() {
  const sig = await sign(nonce.value);
  out.textContent = sig;
  count += 1;
  status.dataset.signCount = String(count);
  status.dataset.ready = 'true';
  status.textContent = 'Ready.';
}

nonce.addEventListener('input', run);
run();
