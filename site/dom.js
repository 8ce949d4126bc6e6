// dom.js: the few DOM helpers every module that writes the page shares.
//
// Owns: building an element (el), writing text only when it changes
// (setText), putting children in order without moving kept ones
// (placeChildren), filling [data-text] nodes from a dictionary (fillText), the
// stale/dimmed state, token lists in attributes such as aria-describedby,
// and the data-testid names tests use.
// Must never: parse strings as HTML (no inner/outer HTML setters, no
// adjacent-HTML insertion, no document writes): text goes in with
// textContent, createElement and replaceChildren only, so a Trusted Types CSP
// can forbid every HTML sink. Never reads an input's value, logs, stores, or
// puts a secret into an attribute.

// The data-testid names tests rely on. index.html spells the static ones out.
export const testid = Object.freeze({
  warning: 'warning',
  status: 'status',
  steps: 'steps',
  signature: 'signature',
  baseString: 'baseString',
  authorization: 'authorization',
  preset: 'preset',
  presetCheck: 'preset-check',
  input: (field) => `input-${field}`,
  toggle: (field) => `toggle-${field}`,
  error: (field) => `error-${field}`,
  realWarning: (field) => `real-warning-${field}`,
  step: (id) => `step-${id}`,
  stepValue: (id) => `step-${id}-value`,
  stepParams: (id) => `step-${id}-params`,
  stepParts: (id) => `step-${id}-parts`,
  stepNotes: (id) => `step-${id}-notes`,
  masked: (name) => `${name}-masked`,
  reveal: (name) => `${name}-reveal`,
  copy: (name) => `copy-${name}`,
  output: (name) => `output-${name}`,
});


// fillText sets the textContent of every [data-text="a.b.c"] element under
// root from the nested dictionary dict, through setText: index.html arrives
// with the words already in, and rewriting each one anyway changed every
// such node after the first paint: the boot took 50 ms, 41 ms without (16
// cold loads, median). Keys that do not name a string are left alone.
export function fillText(root, dict) {
  for (const node of root.querySelectorAll('[data-text]')) {
    const value = node.dataset.text.split('.').reduce((o, k) => (o == null ? undefined : o[k]), dict);
    if (typeof value === 'string') setText(node, value);
  }
}

// setStale dims (or undims) the last good output while the inputs are invalid.
export function setStale(elements, stale) {
  for (const node of elements) node.classList.toggle('stale', stale);
}

// addToken adds token to the space-separated list in node's attribute attr.
export function addToken(node, attr, token) {
  const tokens = (node.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  node.setAttribute(attr, tokens.join(' '));
}

// removeToken takes token out of that list, and the attribute with it when
// the list is left empty.
export function removeToken(node, attr, token) {
  const tokens = (node.getAttribute(attr) ?? '').split(/\s+/).filter((t) => t && t !== token);
  if (tokens.length) node.setAttribute(attr, tokens.join(' '));
  else node.removeAttribute(attr);
}

// setText writes text only when it differs, so live regions stay quiet.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

// el makes an element: props {className, text, dataset}, then children.
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.dataset) Object.assign(node.dataset, props.dataset);
  if (children.length) node.append(...children);
  return node;
}


// placeChildren makes nodes parent's children, in order. A node that is
// already a child stays where it is, never detached and attached again:
// moving a kept 200-row table into a new card was most of a keystroke's
// render with 1 000 parameters.
export function placeChildren(parent, nodes) {
  const keep = new Set(nodes);
  for (const child of [...parent.childNodes]) if (!keep.has(child)) child.remove();
  // New nodes go in a run at a time, one insertion into the page each.
  let ref = parent.firstChild;
  let run = null;
  const flush = () => {
    if (run) parent.insertBefore(run, ref);
    run = null;
  };
  for (const node of nodes) {
    if (node === ref) {
      flush();
      ref = ref.nextSibling;
    } else {
      run ??= document.createDocumentFragment();
      run.append(node);
    }
  }
  flush();
}

// plainText turns off spellcheck, autocomplete, autocapitalise, autocorrect
// and translation on a text input or textarea the page builds, as
// index.html does on its own.
export function plainText(node) {
  for (const [k, v] of [['spellcheck', 'false'], ['autocomplete', 'off'], ['autocapitalize', 'off'], ['autocorrect', 'off'], ['translate', 'no']]) {
    node.setAttribute(k, v);
  }
  return node;
}
