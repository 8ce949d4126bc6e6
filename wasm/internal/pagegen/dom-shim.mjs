// dom-shim.mjs: the small DOM the build-time prerender (prerender.mjs) runs
// the page's own render code in, under Node.
//
// Owns: elements, text nodes and fragments with the DOM surface that
// site/render*.js, site/dom.js and site/first-paint.js use, and no more:
// document.createElement / createTextNode / createDocumentFragment /
// getElementById / querySelector(All); append, appendChild,
// replaceChildren, insertBefore, before, after, replaceWith, remove,
// normalize; textContent, dataset, className, classList.add / remove /
// toggle / contains, get/set/remove/toggle/hasAttribute, hidden, id, title,
// href, target, rel, type, scope, colSpan; children, childNodes,
// firstChild, lastChild, firstElementChild, lastElementChild,
// childElementCount, nextSibling, previousSibling, nextElementSibling,
// previousElementSibling, parentNode, rows, cells; matches, closest,
// contains, addEventListener (counted, never run). Selectors: tag, #id,
// .class, [attr], [attr="v"], [attr~="v"], compounds of them, the
// descendant and child combinators, a leading ":scope >", lists with ",".
// And serialising a node as HTML (text and attribute values escaped,
// attributes in the order they were set, so the same render gives the
// same bytes).
// Must never: guess. Reading or writing a property or calling a method it
// does not implement throws, naming it, so a render change that needs more
// of the DOM fails make build loudly instead of writing a page that differs
// from what the browser renders. It never parses HTML: nodes come from
// createElement and friends only, like the page's.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Written without a value when empty, as pagegen's elements.go writes them.
const BOOLEAN = new Set(['hidden', 'checked', 'selected', 'disabled', 'open', 'readonly', 'required', 'multiple']);
// The HTML parser drops one newline right after these start tags.
const LEADING_NEWLINE = new Set(['pre', 'textarea', 'listing']);

// escapeText and escapeAttr are how serialize writes text and attribute
// values: & < > " always, so the output reads back as the same text.
export function escapeText(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
export const escapeAttr = escapeText;

// strict wraps a node so that any property it does not have, read or
// written, throws.
const strictHandler = {
  get(target, prop, receiver) {
    if (typeof prop === 'symbol' || prop in target) return Reflect.get(target, prop, receiver);
    throw new Error(`dom-shim: ${target.describe()}.${String(prop)} is not implemented (wasm/internal/pagegen/dom-shim.mjs)`);
  },
  set(target, prop, value, receiver) {
    if (typeof prop === 'symbol' || prop in target || (typeof prop === 'string' && prop.startsWith('_'))) return Reflect.set(target, prop, value, receiver);
    throw new Error(`dom-shim: setting ${target.describe()}.${String(prop)} is not implemented (wasm/internal/pagegen/dom-shim.mjs)`);
  },
};

class Node {
  constructor(doc) {
    this._doc = doc;
    this._parent = null;
    this._kids = [];
    this._writes = 0; // how often its own children were changed
    // Every node the page's code sees is this proxy, never the bare object.
    this._self = new Proxy(this, strictHandler);
    return this._self;
  }

  describe() { return this.nodeName; }

  get parentNode() { return this._parent; }
  get childNodes() { return [...this._kids]; }
  get firstChild() { return this._kids[0] ?? null; }
  get lastChild() { return this._kids[this._kids.length - 1] ?? null; }
  get children() { return this._kids.filter((n) => n instanceof Element); }
  get firstElementChild() { return this.children[0] ?? null; }
  get lastElementChild() { return this.children.at(-1) ?? null; }
  get childElementCount() { return this.children.length; }
  get nextSibling() { return this._sibling(1, false); }
  get previousSibling() { return this._sibling(-1, false); }
  get nextElementSibling() { return this._sibling(1, true); }
  get previousElementSibling() { return this._sibling(-1, true); }

  _sibling(step, elementsOnly) {
    if (!this._parent) return null;
    const list = this._parent._kids;
    for (let i = list.indexOf(this._self) + step; i >= 0 && i < list.length; i += step) {
      if (!elementsOnly || list[i] instanceof Element) return list[i];
    }
    return null;
  }

  get textContent() { return this._kids.map((n) => n.textContent).join(''); }
  set textContent(v) {
    const s = v == null ? '' : String(v);
    this.replaceChildren(...(s === '' ? [] : [s]));
  }

  // _nodes turns append's arguments into nodes: strings become text
  // nodes, a fragment its children.
  _nodes(args) {
    const out = [];
    for (const a of args) {
      if (a instanceof Node) {
        if (a instanceof Fragment) out.push(...a._kids);
        else out.push(a);
      } else {
        out.push(this._doc.createTextNode(String(a)));
      }
    }
    return out;
  }

  _adopt(nodes, index) {
    this._writes++;
    for (const n of nodes) if (n._parent) n._parent._detach(n);
    let at = index;
    for (const n of nodes) {
      if (n === this._self || (n instanceof Element && n.contains(this._self))) throw new Error('dom-shim: a node cannot contain itself');
      n._parent = this._self;
      this._kids.splice(at++, 0, n);
    }
  }

  _detach(node) {
    this._writes++;
    const i = this._kids.indexOf(node);
    if (i >= 0) this._kids.splice(i, 1);
    node._parent = null;
  }

  append(...args) { this._adopt(this._nodes(args), this._kids.length); }
  appendChild(node) { this._adopt(this._nodes([node]), this._kids.length); return node; }
  replaceChildren(...args) {
    const nodes = this._nodes(args);
    for (const n of [...this._kids]) this._detach(n);
    this._adopt(nodes, 0);
  }
  insertBefore(node, ref) {
    const nodes = this._nodes([node]);
    for (const n of nodes) if (n._parent) n._parent._detach(n);
    const i = ref == null ? this._kids.length : this._kids.indexOf(ref);
    if (i < 0) throw new Error('dom-shim: insertBefore: the reference is not a child');
    this._adopt(nodes, i);
    return node;
  }
  before(...args) {
    if (!this._parent) return;
    const nodes = this._parent._nodes(args);
    for (const n of nodes) if (n._parent) n._parent._detach(n);
    this._parent._adopt(nodes, this._parent._kids.indexOf(this._self));
  }
  after(...args) {
    if (!this._parent) return;
    const nodes = this._parent._nodes(args);
    for (const n of nodes) if (n._parent) n._parent._detach(n);
    this._parent._adopt(nodes, this._parent._kids.indexOf(this._self) + 1);
  }
  replaceWith(...args) {
    if (!this._parent) return;
    const parent = this._parent;
    const nodes = parent._nodes(args).filter((n) => n !== this._self);
    for (const n of nodes) if (n._parent) n._parent._detach(n);
    const i = parent._kids.indexOf(this._self);
    parent._detach(this._self);
    parent._adopt(nodes, i);
  }
  remove() { if (this._parent) this._parent._detach(this._self); }

  // normalize joins adjacent text nodes and drops empty ones, as the DOM's.
  normalize() {
    const kids = [];
    for (const n of this._kids) {
      if (n instanceof Text) {
        if (n.data === '') { n._parent = null; continue; }
        const last = kids.at(-1);
        if (last instanceof Text) { last.data += n.data; n._parent = null; continue; }
      } else if (n instanceof Element) n.normalize();
      kids.push(n);
    }
    this._kids = kids;
  }

  querySelector(sel) { return this.querySelectorAll(sel)[0] ?? null; }
  querySelectorAll(sel) {
    const list = parseSelector(sel);
    const out = [];
    const walk = (node) => {
      for (const k of node._kids) {
        if (!(k instanceof Element)) continue;
        if (list.some((complex) => matchComplex(k, complex, this._self))) out.push(k);
        walk(k);
      }
    };
    walk(this);
    return out;
  }

  // serializeChildren writes the node's children as HTML.
  serializeChildren() {
    return this._kids.map((n) => n.serialize()).join('');
  }
}

class Text extends Node {
  constructor(doc, data) {
    super(doc);
    this._data = String(data);
  }
  get data() { return this._data; }
  set data(v) { this._data = String(v); }
  describe() { return '#text'; }
  get nodeName() { return '#text'; }
  get textContent() { return this.data; }
  set textContent(v) { this.data = v == null ? '' : String(v); }
  serialize() { return escapeText(this.data); }
}

class Fragment extends Node {
  describe() { return '#document-fragment'; }
  get nodeName() { return '#document-fragment'; }
  serialize() { return this.serializeChildren(); }
}

// dataset maps camelCase names to data-* attributes, as the DOM's.
function datasetOf(element) {
  const attr = (k) => `data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return new Proxy({}, {
    get(_, k) {
      if (typeof k === 'symbol') return undefined;
      return element.getAttribute(attr(k)) ?? undefined;
    },
    set(_, k, v) { element.setAttribute(attr(k), v); return true; },
    deleteProperty(_, k) { element.removeAttribute(attr(k)); return true; },
    has(_, k) { return element.hasAttribute(attr(k)); },
    ownKeys() {
      return [...element._attrs.keys()].filter((n) => n.startsWith('data-'))
        .map((n) => n.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase()));
    },
    getOwnPropertyDescriptor(_, k) {
      const v = element.getAttribute(attr(k));
      return v === null ? undefined : { value: v, enumerable: true, configurable: true, writable: true };
    },
  });
}

class ClassList {
  constructor(element) { this._el = element; }
  _list() { return (this._el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean); }
  _write(list) { this._el.setAttribute('class', list.join(' ')); }
  contains(c) { return this._list().includes(c); }
  add(...cs) {
    const list = this._list();
    for (const c of cs) if (!list.includes(c)) list.push(c);
    this._write(list);
  }
  remove(...cs) {
    if (!this._el.hasAttribute('class')) return;
    this._write(this._list().filter((c) => !cs.includes(c)));
  }
  toggle(c, force) {
    const on = force === undefined ? !this.contains(c) : Boolean(force);
    if (on) this.add(c);
    else this.remove(c);
    return on;
  }
}

class Element extends Node {
  constructor(doc, tag) {
    super(doc);
    this._tag = String(tag).toUpperCase();
    this._attrs = new Map();
    this._dataset = datasetOf(this._self);
    this._classList = new Proxy(new ClassList(this._self), {
      get(t, p) {
        if (typeof p === 'symbol' || p in t) return Reflect.get(t, p);
        throw new Error(`dom-shim: classList.${String(p)} is not implemented`);
      },
    });
    this._listeners = 0;
  }
  describe() { return `<${this._tag.toLowerCase()}>`; }
  get tagName() { return this._tag; }
  get nodeName() { return this.tagName; }
  get localName() { return this.tagName.toLowerCase(); }

  getAttribute(n) { return this._attrs.has(n) ? this._attrs.get(n) : null; }
  setAttribute(n, v) { this._attrs.set(String(n).toLowerCase(), String(v)); }
  removeAttribute(n) { this._attrs.delete(n); }
  hasAttribute(n) { return this._attrs.has(n); }
  toggleAttribute(n, force) {
    const on = force === undefined ? !this.hasAttribute(n) : Boolean(force);
    if (on && !this.hasAttribute(n)) this.setAttribute(n, '');
    if (!on) this.removeAttribute(n);
    return on;
  }

  get dataset() { return this._dataset; }
  get classList() { return this._classList; }
  get className() { return this.getAttribute('class') ?? ''; }
  set className(v) { this.setAttribute('class', v); }
  get id() { return this.getAttribute('id') ?? ''; }
  set id(v) { this.setAttribute('id', v); }
  get title() { return this.getAttribute('title') ?? ''; }
  set title(v) { this.setAttribute('title', v); }
  get href() { return this.getAttribute('href') ?? ''; }
  set href(v) { this.setAttribute('href', v); }
  get target() { return this.getAttribute('target') ?? ''; }
  set target(v) { this.setAttribute('target', v); }
  get rel() { return this.getAttribute('rel') ?? ''; }
  set rel(v) { this.setAttribute('rel', v); }
  get scope() { return this.getAttribute('scope') ?? ''; }
  set scope(v) { this.setAttribute('scope', v); }
  get colSpan() { return Number(this.getAttribute('colspan') ?? 1); }
  set colSpan(v) { this.setAttribute('colspan', String(Math.trunc(Number(v)) || 1)); }
  get type() { return this.getAttribute('type') ?? ''; }
  set type(v) { this.setAttribute('type', v); }
  // rows (a table section's <tr>s, or a table's in its sections) and cells
  // (a row's <td>s and <th>s), as the DOM's collections, as arrays.
  get rows() {
    const own = (n) => n.children.filter((k) => k.tagName === 'TR');
    if (this._tag === 'TABLE') return [...own(this), ...this.children.filter((k) => ['THEAD', 'TBODY', 'TFOOT'].includes(k.tagName)).flatMap(own)];
    if (['THEAD', 'TBODY', 'TFOOT'].includes(this._tag)) return own(this);
    throw new Error(`dom-shim: ${this.describe()}.rows is not implemented`);
  }
  get cells() {
    if (this._tag !== 'TR') throw new Error(`dom-shim: ${this.describe()}.cells is not implemented`);
    return this.children.filter((k) => k.tagName === 'TD' || k.tagName === 'TH');
  }
  get hidden() { return this.hasAttribute('hidden'); }
  set hidden(v) { this.toggleAttribute('hidden', Boolean(v)); }

  // Listeners are counted, never run: the prerender clicks nothing.
  addEventListener() { this._listeners++; }

  contains(node) {
    for (let n = node; n; n = n._parent) if (n === this._self) return true;
    return false;
  }
  matches(sel) { return parseSelector(sel).some((c) => matchComplex(this._self, c, null)); }
  closest(sel) {
    const list = parseSelector(sel);
    for (let n = this._self; n instanceof Element; n = n._parent) {
      if (list.some((c) => matchComplex(n, c, null))) return n;
    }
    return null;
  }

  serializeAttrs() {
    let s = '';
    for (const [k, v] of this._attrs) s += v === '' && BOOLEAN.has(k) ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`;
    return s;
  }

  serialize() {
    const tag = this.tagName.toLowerCase();
    if (VOID.has(tag)) {
      if (this._kids.length) throw new Error(`dom-shim: <${tag}> cannot have children in HTML`);
      return `<${tag}${this.serializeAttrs()}>`;
    }
    let inner = this.serializeChildren();
    if (LEADING_NEWLINE.has(tag) && this._kids[0] instanceof Text && this._kids[0].data.startsWith('\n')) inner = `\n${inner}`;
    return `<${tag}${this.serializeAttrs()}>${inner}</${tag}>`;
  }
}

// ---- selectors ----

// A complex selector is a list of [combinator, compound], left to right;
// the first combinator is '' or ':scope'. A compound is {tag, ids,
// classes, attrs: [{name, op, value}]}.
const cache = new Map();
function parseSelector(sel) {
  if (cache.has(sel)) return cache.get(sel);
  const list = String(sel).split(',').map((s) => parseComplex(s.trim(), sel));
  cache.set(sel, list);
  return list;
}

function parseComplex(s, whole) {
  const fail = () => { throw new Error(`dom-shim: selector ${JSON.stringify(whole)} is not implemented`); };
  const parts = [];
  let rest = s;
  let comb = '';
  if (rest.startsWith(':scope')) {
    rest = rest.slice(6).trim();
    if (!rest.startsWith('>')) fail();
    comb = ':scope';
    rest = rest.slice(1).trim();
  }
  const compound = /^([a-zA-Z][a-zA-Z0-9-]*|\*)?((?:#[\w-]+|\.[\w-]+|\[[a-zA-Z_][\w-]*(?:[~]?="[^"]*")?\])*)/;
  while (rest !== '') {
    const m = compound.exec(rest);
    if (!m || m[0] === '') fail();
    const c = { tag: m[1] && m[1] !== '*' ? m[1].toUpperCase() : null, ids: [], classes: [], attrs: [] };
    for (const t of m[2].matchAll(/#([\w-]+)|\.([\w-]+)|\[([a-zA-Z_][\w-]*)(?:(~?)="([^"]*)")?\]/g)) {
      if (t[1]) c.ids.push(t[1]);
      else if (t[2]) c.classes.push(t[2]);
      else c.attrs.push({ name: t[3].toLowerCase(), op: t[5] === undefined ? 'has' : t[4] === '~' ? 'word' : 'eq', value: t[5] });
    }
    parts.push([comb, c]);
    rest = rest.slice(m[0].length);
    const sep = /^\s*(>)?\s*/.exec(rest);
    if (rest === '') break;
    if (sep[0] === '') fail();
    comb = sep[1] ? '>' : ' ';
    rest = rest.slice(sep[0].length);
  }
  if (parts.length === 0) fail();
  return parts;
}

function matchCompound(node, c) {
  if (c.tag && node.tagName !== c.tag) return false;
  for (const id of c.ids) if (node.getAttribute('id') !== id) return false;
  if (c.classes.length) {
    const list = (node.getAttribute('class') ?? '').split(/\s+/);
    for (const k of c.classes) if (!list.includes(k)) return false;
  }
  for (const a of c.attrs) {
    const v = node.getAttribute(a.name);
    if (v === null) return false;
    if (a.op === 'eq' && v !== a.value) return false;
    if (a.op === 'word' && !v.split(/\s+/).includes(a.value)) return false;
  }
  return true;
}

// matchComplex matches right to left; scope is the node :scope names.
function matchComplex(node, parts, scope) {
  const at = (i, n) => {
    const [comb, c] = parts[i];
    if (!matchCompound(n, c)) return false;
    if (i === 0) return comb === ':scope' ? n._parent === scope : true;
    const prevComb = parts[i][0];
    if (prevComb === '>') return n._parent instanceof Element && at(i - 1, n._parent);
    for (let p = n._parent; p instanceof Element; p = p._parent) if (at(i - 1, p)) return true;
    return false;
  };
  return at(parts.length - 1, node);
}

// ---- the document ----

class Document {
  constructor() {
    this._body = new Element(this, 'body');
    return new Proxy(this, strictHandler);
  }
  describe() { return 'document'; }
  get body() { return this._body; }
  createElement(tag) { return new Element(this, tag); }
  createTextNode(data) { return new Text(this, data); }
  createDocumentFragment() { return new Fragment(this); }
  getElementById(id) {
    return this.body.querySelectorAll(`#${id}`)[0] ?? null;
  }
  querySelector(sel) { return this.body.querySelector(sel); }
  querySelectorAll(sel) { return this.body.querySelectorAll(sel); }
}

// createDocument returns a new empty document (nodes go into its body).
export function createDocument() {
  return new Document();
}
