// presets.js: ready-made requests the page can load, as plain data.
//
// Owns: the list of example requests (field values exactly as the signer API
// takes them) with a label and a note on where each comes from.
// Must never: touch the DOM, call the signer, or hold anything but published
// test credentials. Every preset here is public example data.

// The example from X's "Creating a signature" page (docs.x.com, api.x.com/1.1
// edition; test-vectors.md V1.a). Expected signature: Ls93hJiZbQ3akF3HF3x1Bz8/zU4=
const xCreatingASignature = Object.freeze({
  id: 'x-creating-a-signature',
  label: 'X docs: "Creating a signature"',
  source:
    'The worked example from the X developer docs (Authentication, OAuth 1.0a, "Creating a ' +
    'signature"; the api.x.com/1.1 edition). Its credentials are published test values.',
  expectedSignature: 'Ls93hJiZbQ3akF3HF3x1Bz8/zU4=',
  request: Object.freeze({
    method: 'POST',
    url: 'https://api.x.com/1.1/statuses/update.json?include_entities=true',
    body: 'status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21',
    contentType: 'application/x-www-form-urlencoded',
    consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
    consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    signatureMethod: 'HMAC-SHA1',
    nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
    timestamp: '1318622958',
    version: '1.0',
  }),
});

// Add new presets to this list; the first one is loaded when the page opens.
export const presets = Object.freeze([xCreatingASignature]);

export const defaultPreset = presets[0];

export function findPreset(id) {
  return presets.find((p) => p.id === id) ?? defaultPreset;
}
