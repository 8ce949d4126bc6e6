// example.mjs: sign the X documentation example with the built signer, in
// Node.js, the way a docs build script or a test suite would.
//
//   make build && node wasm/example.mjs
//
// Two generated files are all it needs: site/wasm_exec.js (Go's loader,
// sets globalThis.Go) and site/signer.wasm.js, the full signer as a string
// of one character per byte (see wasm/tojs.go).
import '../site/wasm_exec.js';
import { wasm } from '../site/signer.wasm.js';

const go = new Go();
const { instance } = await WebAssembly.instantiate(Buffer.from(wasm, 'latin1'), go.importObject);
go.run(instance); // sets globalThis.oauth1, then waits for calls: do not await it

const result = oauth1.sign({
  method: 'POST',
  url: 'https://api.x.com/1.1/statuses/update.json?include_entities=true',
  body: 'status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21',
  contentType: 'application/x-www-form-urlencoded',
  consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
  consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw', // X's published example, not a real secret
  token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
  tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
  signatureMethod: 'HMAC-SHA1',
  nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
  timestamp: '1318622958',
  version: '1.0',
});

if (!result.ok) {
  process.stderr.write(`sign failed (${result.error.code}) on field ${result.error.field}: ${result.error.message}\n`);
  process.exit(1);
}
process.stdout.write(`oauth1 ${oauth1.version}\n${result.authorization}\n`);
const published = 'Ls93hJiZbQ3akF3HF3x1Bz8/zU4=';
if (result.signature !== published) {
  process.stderr.write(`signature ${result.signature} is not the published ${published}\n`);
  process.exit(1);
}
process.exit(0); // the Go program never exits by itself
