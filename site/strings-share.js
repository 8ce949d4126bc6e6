// strings-share.js: the words of share links, "Embed this" (share-panel.js)
// and the compact playground (embed.js), beside strings.js.
//
// Owns: the panels' text, what the page says when it opens a share link or
// an embed address, and why it refuses one.
// Must never: touch the DOM, import other modules, hold user input, or quote
// a value from a link (reasons name our own fields only).

// Share links and "Embed this" on the full page (share-panel.js), and what
// the page says when it opens a share link. Reasons name our own fields,
// never a value from the link.
export const share = Object.freeze({
  button: 'Share link',
  embedButton: 'Embed this',
  heading: 'Share link',
  intro:
    'The link holds this request and its options, never a secret: no consumer secret, token secret or private key. ' +
    'Whoever opens it sees the same request and types their own secrets; a link made from an example gets the ' +
    "example's published ones.",
  identifiers: 'Include the consumer key and token',
  identifiersHint:
    'They are identifiers, sent with every request and not secret, but they name your application and a user ' +
    'account, and links end up in browser history and chat logs. Published example values are always included.',
  linkLabel: 'Link to this request',
  linkName: 'share link',
  tooLong: 'This request is too long for a link: shorten the body or the parameters.',
  refused: (reason) => `This request cannot be shared: ${reason}. Change that field first.`,
  secretName: (id) => (id.startsWith('verify-') ? `${id.slice('verify-'.length)} of the Verify view` : id),
  embedHeading: 'Embed this request',
  embedIntro:
    'Paste this HTML into a documentation page to show this request and its steps in a compact frame. Its address ' +
    'carries only the fields a share link carries, never a secret. The site showing the frame must be allowed to: ' +
    "with this repository's server, start it with -frame-ancestor and that site's origin; a static host allows it " +
    'unless it sends a frame-ancestors or X-Frame-Options header that says otherwise.',
  theme: 'Theme of the frame',
  themes: { auto: "The reader's system setting", light: 'Light', dark: 'Dark' },
  readonly: 'Read-only: no inputs, only the request and its steps',
  origin: "Your documentation site's origin",
  originHint:
    'The frame sends its height and signature only to this origin (origin= in its address), and nothing ' +
    'without it. Write it as a browser does: scheme and host, a port only if not the default, no path.',
  originBad: 'This is not an origin such as https://docs.example.org, so it is left out of the frame address.',
  embedLabel: 'HTML to paste',
  embedName: 'embed HTML',
  steps: 'Steps to show',
  stepsHint: 'The signature is always shown. Ticking every step shows them all (the default of a frame without steps=).',
  stepNames: {
    request: 'The request',
    parameters: 'Collect the parameters',
    encoded: 'Percent-encode them',
    sorted: 'Sort them',
    parameterString: 'Parameter string',
    baseStringURI: 'Base string URI',
    signatureBaseString: 'Signature base string',
    signingKey: 'Signing key',
    digest: 'Digest',
    signature: 'Signature',
    authorizationHeader: 'Authorization header (or signed URL or body)',
  },
  noSteps: 'Tick at least one step to show.',
  listenerLabel: 'Script that sizes the frame (paste it once, on the same page)',
  listenerName: 'frame-sizing script',
  listenerHint:
    "It sets the frame's height to its content's. The frame sends its height only when your site's origin " +
    'is given above (origin=); until then it keeps the height in the HTML.',
  frameTitle: 'OAuth 1.0a signature playground',
  restored: {
    preset: (label) =>
      `Loaded from a share link. Links never carry secrets: the secrets here are the ones published with the example "${label}".`,
    custom: 'Loaded from a share link. Links never carry secrets: type your own to reproduce the signature.',
    noIdentifiers: 'The link did not include the consumer key and token either.',
  },
  invalid: (reason) => `This share link could not be loaded: ${reason}. The default example is shown instead.`,
  invalidLater: (reason) => `This share link could not be loaded: ${reason}. Nothing was changed.`,
  reasons: {
    empty: 'it is empty',
    size: 'it is too long',
    base64: 'it is not valid base64url text',
    json: 'it does not decode to a JSON object',
    version: 'it was made by an incompatible version of the playground',
    secret: (field) => `it contains a secret (${field}), which links must never carry`,
    unknown: 'it contains a field the playground does not know',
    type: (field) => `its ${field} field has the wrong type or value`,
    preset: 'it names an example that does not exist',
    userinfo: (field) => `its ${field} field has a user name or password before the host (user:password@), which links must never carry`,
    'holds-secret': (field, secret) => `its ${field} field holds the value of a secret (${secret}), which links must never carry`,
  },
});

// The compact playground of embed.html.
export const embed = Object.freeze({
  pageTitle: 'OAuth 1.0a signature playground (embedded)',
  title: 'OAuth 1.0a signature:',
  custom: 'a custom request',
  openFull: 'Open in the full playground',
  // Begins with openFull's words, so the link's accessible name contains
  // its visible text (WCAG 2.5.3, label in name).
  openFullLabel: 'Open in the full playground: this request, in a new tab',
  edit: 'Edit the request',
  warning:
    'Learning tool: use test credentials only. What you type stays in this frame: the page around it is told ' +
    "only the frame's height and, for published example credentials, the signature.",
  invalid: (reason) => `This embed's address could not be read: ${reason}. The default example is shown instead.`,
  badOrigin:
    "This embed's origin= is not an origin such as https://docs.example.org, so the frame tells the page " +
    'around it nothing (not even its height).',
  reasons: {
    option: (name) => `it has an unknown option (${name})`,
    repeated: (name) => `it repeats the option ${name}`,
    both: 'it names both a preset and a share state; use one',
    theme: 'theme must be light, dark or auto',
    readonly: 'readonly must be 1 or 0',
    steps: 'steps must be a comma-separated list of step ids',
    id: 'id must be 1 to 64 letters, digits, dots, colons, dashes or underscores',
  },
});
