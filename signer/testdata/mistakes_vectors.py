# Computes the wrong signatures of the catalogue's library mistakes on three
# requests, from base strings built here by hand with each bug, with
# Python's own urllib, hmac, hashlib and cryptography: nothing of the Go
# signer is used. Run from anywhere: python3 signer/testdata/mistakes_vectors.py
# (needs python3-cryptography for the RSA value).
import base64, hashlib, hmac, json, os
from urllib.parse import quote, parse_qsl, urlsplit, unquote
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

enc = lambda s: quote(s, safe='~')  # RFC 3986 / RFC 5849 section 3.6

def base_string(method, base_uri, params):
    ps = sorted((enc(k), enc(v)) for k, v in params)
    return '&'.join([enc(method), enc(base_uri), enc('&'.join(k + '=' + v for k, v in ps))])

def sign(bs, cs, ts, h=hashlib.sha1):
    return hmac.new((enc(cs) + '&' + enc(ts)).encode(), bs.encode(), h).digest()

def oauth(ck, tok, method, ts, nonce, version):
    p = [('oauth_consumer_key', ck)]
    if tok: p.append(('oauth_token', tok))
    p += [('oauth_signature_method', method), ('oauth_timestamp', ts), ('oauth_nonce', nonce)]
    if version: p.append(('oauth_version', version))
    return p

X = dict(ck='xvz1evFS4wEEPTGEFPHBog', cs='kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
         tok='370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb', ts='LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
         nonce='kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg', time='1318622958', version='1.0', h=hashlib.sha1, m='HMAC-SHA1')
RFC = dict(ck='dpf43f3p2l4k3l03', cs='kd94hf93k423kf44', tok='nnch734d00sl2jdk', ts='pfkkdhi9sl3r4s00',
           nonce='chapoH', time='137131202', version='', h=hashlib.sha1, m='HMAC-SHA1')
S256 = dict(ck='ck', cs='cs', tok='tk', ts='ts', nonce='abc', time='1700000000', version='1.0', h=hashlib.sha256, m='HMAC-SHA256')

def run(name, req, method, uri, params):
    p = oauth(req['ck'], req['tok'], req['m'], req['time'], req['nonce'], req['version']) + params
    bs = base_string(method, uri, p)
    return bs, sign(bs, req['cs'], req['ts'], req['h'])

def b64(d): return base64.b64encode(d).decode()

out = []
def pin(name, value): out.append((name, value))

status = 'Hello Ladies + Gentlemen, a signed OAuth request!'
XURI = 'https://api.x.com/1.1/statuses/update.json'
dups = {'first': [('a', '2')], 'last': [('a', '10')], 'indexed': [('a[0]', '2'), ('a[1]', '1'), ('a[2]', '10')]}
for kind, signed in dups.items():
    pin('x duplicates-' + kind, b64(run('', X, 'POST', XURI, [('include_entities', 'true'), ('status', status)] + signed)[1]))
    pin('rfc duplicates-' + kind, b64(run('', RFC, 'GET', 'http://photos.example.net/photos', [('file', 'vacation.jpg'), ('size', 'original')] + signed)[1]))
    pin('sha256 duplicates-' + kind, b64(run('', S256, 'POST', 'https://api.example.com/v1/items', [('note', 'hello world'), ('n', '1')] + signed)[1]))

# body-params-in-header: the client signed each body parameter once.
pin('x body-params-in-header', b64(run('', X, 'POST', XURI, [('include_entities', 'true'), ('status', status)])[1]))
pin('rfc body-params-in-header', b64(run('', RFC, 'POST', 'http://photos.example.net/photos', [('file', 'vacation.jpg'), ('size', 'original')])[1]))
pin('sha256 body-params-in-header', b64(run('', S256, 'POST', 'https://api.example.com/v1/items', [('note', 'hello world'), ('n', '1')])[1]))

# form-body-post-only: PUT / PUT / PATCH, the body left out.
pin('x form-body-post-only', b64(run('', X, 'PUT', XURI, [('include_entities', 'true')])[1]))
pin('rfc form-body-post-only', b64(run('', RFC, 'PUT', 'http://photos.example.net/photos', [])[1]))
pin('sha256 form-body-post-only', b64(run('', S256, 'PATCH', 'https://api.example.com/v1/items', [])[1]))

# path-decoded: /a%20b/caf%C3%A9 signed as "/a b/café".
pin('x path-decoded', b64(run('', X, 'POST', 'https://api.x.com/1.1/statuses/a b/café.json', [('include_entities', 'true'), ('status', status)])[1]))
pin('rfc path-decoded', b64(run('', RFC, 'GET', 'http://photos.example.net/photos/a b/café', [('file', 'vacation.jpg'), ('size', 'original')])[1]))
pin('sha256 path-decoded', b64(run('', S256, 'POST', 'https://api.example.com/v1/a b/café', [('note', 'hello world'), ('n', '1')])[1]))

# utf8-twice: "café" UTF-8-encoded, read as Latin-1, encoded again.
moji = 'café'.encode('utf-8').decode('latin-1')
pin('x utf8-twice', b64(run('', X, 'POST', XURI, [('include_entities', 'true'), ('status', moji)])[1]))
pin('rfc utf8-twice', b64(run('', RFC, 'GET', 'http://photos.example.net/photos', [('file', moji + '.jpg'), ('size', 'original')])[1]))
pin('sha256 utf8-twice', b64(run('', S256, 'POST', 'https://api.example.com/v1/items', [('note', moji), ('n', '1')])[1]))

# signature-hex / signature-raw-bytes (HMAC): the right digest, hex or raw.
for key, req, method, uri, params in [
        ('x', X, 'POST', XURI, [('include_entities', 'true'), ('status', status)]),
        ('rfc', RFC, 'GET', 'http://photos.example.net/photos', [('file', 'vacation.jpg'), ('size', 'original')]),
        ('sha256', S256, 'POST', 'https://api.example.com/v1/items', [('note', 'hello world'), ('n', '1')])]:
    d = run('', req, method, uri, params)[1]
    pin(key + ' signature-hex', d.hex())
    pin(key + ' signature-raw-bytes (hex of the octets sent)', d.hex())

# RSA-SHA1 on the X example with the oauth.net test key: hex and raw.
here = os.path.dirname(os.path.abspath(__file__))
vectors = json.load(open(os.path.join(here, '..', 'signertest', 'testdata', 'vectors.json')))['vectors']
pem = next(v['request']['privateKey'] for v in vectors if v['name'] == 'V9.5 oauth.net RSA-SHA1')
key = serialization.load_pem_private_key(pem.encode(), None)  # the oauth.net test key, public
rx = dict(X, m='RSA-SHA1')
bs = base_string('POST', XURI, oauth(rx['ck'], rx['tok'], 'RSA-SHA1', rx['time'], rx['nonce'], rx['version']) + [('include_entities', 'true'), ('status', status)])
sig = key.sign(bs.encode(), padding.PKCS1v15(), hashes.SHA1())
pin('x rsa-sha1 signature-hex', sig.hex())
# Pairs on the X example: duplicates-last with spaces encoded as "+"
# (the whole encoder, names and values), and path-decoded with the default
# port kept.
plus = lambda s: quote(s, safe='~').replace('%20', '+')
p = oauth(X['ck'], X['tok'], X['m'], X['time'], X['nonce'], X['version']) + [('include_entities', 'true'), ('status', status), ('a', '10')]
ps = sorted((plus(k), plus(v)) for k, v in p)
bs = '&'.join([enc('POST'), enc(XURI), enc('&'.join(k + '=' + v for k, v in ps))])
pin('x duplicates-last + plus-for-space', b64(sign(bs, X['cs'], X['ts'])))
pin('x path-decoded + default-port-kept', b64(run('', X, 'POST', 'https://api.x.com:443/1.1/statuses/a b/café.json', [('include_entities', 'true'), ('status', status)])[1]))

for k, v in out:
    print('%-50s %s' % (k, v))
