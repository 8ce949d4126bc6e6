// form.js: the request form, for every view that has one (the Sign view of
// index.html and the compact form of embed.html; the Verify view uses its
// show/hide toggles and credential warning).
//
// Owns: the choices the markup leaves to the schema (the signature methods,
// the content types' words); reading a request from the form and writing
// one into it, with or without its secrets, through fields.js's schema (a
// field is in a form when an element has its name as id); field values (a
// select learns a value it has no option for); the parameter-row editor;
// the inputs that only RSA methods, or only the others, use; the show/hide
// toggles of secret inputs; the field at fault after a user's action
// (focused and scrolled into view, never while typing elsewhere), the
// "Use the published test key" button for RSA, and dimming an example's
// verdict while the result it judged is out of date; the Undo of an
// example's load (what the form held, secrets included, in memory only,
// dropped by any other write of the form: Clear, pagehide, an import, a
// share link); and the "this looks like a real credential" warning.
// Must never: build nodes from HTML strings, write to any storage, log, put a
// value into the URL or an attribute (a warning names the kind of
// credential, never the value), or write an input on its own: only when a
// view asks (start-up, an example, an import, a share link, Clear, pagehide).

import { fields as fieldText, controls, realCredential } from './strings.js';
import { FIELDS, FIELD, CREDENTIAL_FIELDS, SECRET_FIELDS, WHERE, defaultValue, methodFamily } from './fields.js';
import { knownCredentials, TEST_RSA_KEY } from './presets.js';
import { formText } from './strings-form.js';
import { credentialKind } from './guard.js';
import { el, setText, addToken, removeToken, plainText, testid } from './dom.js';

const $ = (id) => document.getElementById(id);

// setupForm fills in what the form's markup leaves to the schema: the
// signature methods of the #signatureMethod select (fields.js's choices)
// and the words of the #contentType options (strings.js).
export function setupForm() {
  const method = $('signatureMethod');
  method.replaceChildren(...FIELD.signatureMethod.choices.map((m) => el('option', { text: m })));
  for (const option of $('contentType').options) {
    option.textContent = fieldText.contentType.options[option.value] ?? option.value;
  }
}

// fieldLabel is the field's label in strings.js ("Consumer secret").
export function fieldLabel(name) {
  const f = FIELD[name];
  return (f && fieldText[f.label]?.label) ?? name;
}

// inForm lists the schema's fields this page's form has.
function inForm() {
  return FIELDS.filter((f) => $(f.name) !== null);
}

// readRequest reads every field of the form into a request with the signer
// API's names; fields the page has no input for are left out, and params
// when there are no rows.
export function readRequest() {
  const request = {};
  for (const f of inForm()) {
    const node = $(f.name);
    switch (f.input) {
      case 'check':
        request[f.name] = node.checked ? f.on : f.default;
        break;
      case 'radio':
        request[f.name] = document.querySelector(`input[name="${f.name}"]:checked`)?.value ?? f.default;
        break;
      case 'rows': {
        const rows = readRows();
        if (rows.length) request[f.name] = rows;
        break;
      }
      default:
        request[f.name] = node.value;
    }
  }
  return request;
}

// writeRequest fills the form from request: a field it lacks (or leaves
// empty) gets its default. Secret inputs are written, and masked, only when
// o.secrets is set; otherwise they keep what the user typed. The fields that
// depend on the method and the credential warnings follow.
export function writeRequest(request, o = {}) {
  dropUndo();
  const r = request ?? {};
  for (const f of inForm()) {
    if (f.secret && !o.secrets) continue;
    const node = $(f.name);
    const v = r[f.name];
    switch (f.input) {
      case 'check':
        node.checked = f.on === true ? v === true : typeof v === 'string' && v !== '';
        break;
      case 'radio':
        for (const radio of document.querySelectorAll(`input[name="${f.name}"]`)) {
          radio.checked = radio.value === (f.choices.includes(v) ? v : f.default);
        }
        break;
      case 'rows':
        writeRows(Array.isArray(v) ? v : []);
        break;
      default:
        setFieldValue(node, typeof v === 'string' && v !== '' ? v : defaultValue(f.name));
    }
    if (f.secret) setConcealed(node, true);
  }
  formChanged();
}

// writeSecrets sets every secret input of the form to values[name] ('' when
// missing) and masks it.
export function writeSecrets(values) {
  dropUndo();
  for (const f of inForm()) {
    if (!f.secret) continue;
    const node = $(f.name);
    node.value = typeof values[f.name] === 'string' ? values[f.name] : '';
    setConcealed(node, true);
  }
  updateCredentialWarnings();
}

// formChanged brings what depends on the inputs in line: the fields of the
// chosen method and the credential warnings.
function formChanged() {
  updateMethodFields();
  updateCredentialWarnings();
}

// noteEdit does what an edit of the form needs besides signing again: a new
// method shows its fields, a credential gets or loses its warning.
export function noteEdit(event) {
  const id = event.target && event.target.id;
  acted = isChoice(event.target);
  if (id === 'signatureMethod') updateMethodFields();
  if (CREDENTIAL_FIELDS.includes(id)) updateCredentialWarning($(id), id);
}

// ---- the field at fault ----

// acted says the last edit was a choice (a select, a checkbox, a radio) or
// a button the view reported with noteAction, not typing: only then may an
// error move the focus to its field. Typing in one field never pulls the
// caret into another.
let acted = false;

function isChoice(node) {
  return node instanceof HTMLSelectElement ||
    (node instanceof HTMLInputElement && (node.type === 'checkbox' || node.type === 'radio'));
}

// noteAction tells the form that the next signature follows a user's
// action (an example chosen, a button pressed), so an error it brings may
// take the focus to its field.
export function noteAction() {
  acted = true;
}

// showFault moves the focus to the input named field, and scrolls it into
// view (the page's and the panel's own scroll areas), when the error came
// from a user's action and the input is shown. It answers whether it did.
// Every signature attempt ends the action (signAttempted).
export function showFault(field) {
  const node = field ? $(field) : null;
  const go = acted && node !== null && !node.disabled && node.closest('[hidden]') === null;
  acted = false;
  if (!go) return false;
  node.scrollIntoView({ block: 'center', inline: 'nearest' });
  node.focus({ preventScroll: true });
  return true;
}

// signAttempted ends the action noteAction or a choice began: the next
// error, unless another action comes first, leaves the focus alone.
export function signAttempted() {
  acted = false;
}

// markVerdictStale dims a preset check (#preset-check) while the result it
// compared is out of date, and says so in place of "✓ matches"; the next
// good result redraws it (render.js) and undims it here.
export function markVerdictStale(node, stale) {
  node.classList.toggle('stale', stale);
  if (!stale) {
    delete node.dataset.stale;
    return;
  }
  node.dataset.stale = 'true';
  for (const verdict of node.querySelectorAll('.verdict')) setText(verdict, formText.staleVerdict);
}

// setupTestKey adds, under the RSA private key input, a button that fills
// in the oauth.net published test key (public, never a real credential);
// onUse runs after it has.
export function setupTestKey(onUse) {
  const input = $('privateKey');
  if (!input) return;
  const button = el('button', { className: 'toggle', text: formText.testKey.button, dataset: { testid: 'use-test-key' } });
  button.type = 'button';
  button.id = 'use-test-key';
  const hint = el('p', { className: 'hint', text: formText.testKey.hint });
  hint.id = 'hint-use-test-key';
  button.setAttribute('aria-describedby', hint.id);
  button.addEventListener('click', () => {
    input.value = TEST_RSA_KEY;
    setConcealed(input, true);
    updateCredentialWarning(input, 'privateKey');
    acted = true;
    onUse();
  });
  input.closest('.field').append(button, hint);
}

// ---- Undo after an example was loaded ----

let undoButton = null; // the Undo button, once setupUndo has made it
let undoSaved = null; // { request, context }: what the form held, secrets included; memory only
let undoRestore = () => {};

// setupUndo puts a hidden Undo button after the node after; restore(request,
// context) puts back what offerUndo saved, and focus (where the focus goes
// once the button has gone) is the example menu.
export function setupUndo(after, focus, restore) {
  undoButton = el('button', { className: 'toggle', text: formText.example.undo, dataset: { testid: 'undo-example' } });
  undoButton.type = 'button';
  undoButton.id = 'undo-example';
  undoButton.setAttribute('aria-label', formText.example.undoLabel);
  undoButton.hidden = true;
  undoButton.addEventListener('click', () => {
    const saved = undoSaved;
    dropUndo();
    if (!saved) return;
    focus.focus();
    undoRestore(saved.request, saved.context);
  });
  undoRestore = restore;
  after.after(undoButton);
}

// offerUndo shows the Undo button, which will put request (every field,
// secrets included, as readRequest read it before an example replaced it)
// and context (the view's own, such as which example was loaded) back.
export function offerUndo(request, context) {
  if (!undoButton) return;
  undoSaved = { request, context };
  undoButton.hidden = false;
}

// dropUndo forgets what offerUndo saved and hides the button.
function dropUndo() {
  undoSaved = null;
  if (undoButton) undoButton.hidden = true;
}

// setFieldValue sets an input's value; a select gets the value as an extra
// option when it has none like it (an imported or shared method, say).
export function setFieldValue(input, value) {
  if (input instanceof HTMLSelectElement && ![...input.options].some((opt) => opt.value === value)) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    input.append(option);
  }
  input.value = value;
}

// updateMethodFields shows the inputs only RSA methods use
// ([data-rsa-only]) or only the others use ([data-hmac-only]), after the
// #signatureMethod select.
export function updateMethodFields() {
  const rsa = methodFamily($('signatureMethod').value) === 'rsa';
  for (const node of document.querySelectorAll('[data-rsa-only]')) node.hidden = !rsa;
  for (const node of document.querySelectorAll('[data-hmac-only]')) node.hidden = rsa;
}

// ---- the real-credential warning ----

// updateCredentialWarning notes whether input (which holds the field named
// field) looks like a real credential, and shows its view's one warning:
// only secrets count (a consumer key or token is sent with every request
// and is not secret on its own), and however many secrets of a view look
// real there is one warning, at the first of them that is shown, that each
// such input refers to (aria-describedby); a secret in a hidden field (the
// HMAC secrets under an RSA method) is not counted. A view is the .view
// around the input, or the whole document (the embed).
export function updateCredentialWarning(input, field = input.id) {
  const kind = SECRET_FIELDS.includes(field) ? credentialKind(field, input.value, knownCredentials) : '';
  if (kind) looksReal.set(input, kind);
  else looksReal.delete(input);
  showViewWarning(input.closest('.view') ?? document.body);
}

const looksReal = new Map(); // secret input → the kind of credential it looks like

function showViewWarning(view) {
  const inputs = [...looksReal.keys()].filter((i) => i.isConnected && view.contains(i) && !i.closest('[hidden]'))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const id = inputs.length > 0 ? testid.realWarning(inputs[0].id) : '';
  for (const old of view.querySelectorAll('.real-warning[data-view-warning]')) {
    if (old.id === id) continue;
    for (const node of view.querySelectorAll('[aria-describedby]')) removeToken(node, 'aria-describedby', old.id);
    old.remove();
  }
  if (!id) return;
  let p = $(id);
  if (!p) {
    p = el('p', { className: 'real-warning', dataset: { testid: id, viewWarning: 'true' } });
    p.id = id;
    p.setAttribute('role', 'alert');
    inputs[0].closest('.field').append(p);
  }
  for (const node of view.querySelectorAll('[aria-describedby]')) {
    if (!looksReal.has(node)) removeToken(node, 'aria-describedby', id);
  }
  for (const input of inputs) addToken(input, 'aria-describedby', id);
  // Several kinds share one sentence (kinds.several), which embed.js's
  // reserved slot, made of every kind's sentence, is as tall as.
  const kinds = new Set(inputs.map((i) => looksReal.get(i)));
  const message = realCredential.message(realCredential.kinds[kinds.size > 1 ? 'several' : [...kinds][0]]);
  if (p.textContent !== message) setText(p, message);
}

function updateCredentialWarnings() {
  for (const name of CREDENTIAL_FIELDS) {
    const input = $(name);
    if (input) updateCredentialWarning(input, name);
  }
}

// ---- show / hide for secret inputs ----

const toggles = new WeakMap(); // secret input → { button, label }

// setupConcealToggles wires each show/hide button to the input its
// aria-controls names, and masks that input. label(input) is the input's
// name in the buttons' words ("Show Consumer secret").
export function setupConcealToggles(buttons, label) {
  for (const button of buttons) {
    const input = $(button.getAttribute('aria-controls'));
    toggles.set(input, { button, label: label(input) });
    button.addEventListener('click', () => setConcealed(input, !isConcealed(input)));
    setConcealed(input, true);
  }
}

function isConcealed(input) {
  return input instanceof HTMLTextAreaElement ? input.classList.contains('concealed') : input.type === 'password';
}

// setConcealed masks or shows a secret input. The password type (and the
// concealed class on the private-key textarea) keeps the value out of cloud
// spellcheck and shoulder view; spellcheck="false" stays on either way.
export function setConcealed(input, concealed) {
  if (input instanceof HTMLTextAreaElement) input.classList.toggle('concealed', concealed);
  else input.type = concealed ? 'password' : 'text';
  const toggle = toggles.get(input);
  if (!toggle) return;
  toggle.button.textContent = concealed ? controls.show : controls.hide;
  toggle.button.setAttribute('aria-label', concealed ? controls.showLabel(toggle.label) : controls.hideLabel(toggle.label));
  toggle.button.setAttribute('aria-pressed', String(!concealed));
}

// ---- the parameter rows (#params) ----

let rowSeq = 0; // ids for parameter rows

// setupParams wires the "Add parameter" button; onChange runs after a row
// is removed.
export function setupParams(onChange) {
  const add = $('params-add');
  add.addEventListener('click', () => {
    const row = addRow('', '', 'query');
    updateRowsEmpty();
    row.querySelector('input').focus();
  });
  rowsChanged = onChange;
}

let rowsChanged = () => {};

function readRows() {
  const out = [];
  for (const li of $('params').children) {
    const name = li.querySelector('.param-name').value;
    const value = li.querySelector('.param-value').value;
    if (name === '' && value === '') continue;
    out.push([name, value, li.querySelector('.param-where').value]);
  }
  return out;
}

function writeRows(rows) {
  $('params').replaceChildren();
  for (const [name, value, where] of rows) addRow(String(name ?? ''), String(value ?? ''), where);
  updateRowsEmpty();
}

function updateRowsEmpty() {
  $('params-empty').hidden = $('params').children.length > 0;
}

function addRow(name, value, where) {
  const n = ++rowSeq;
  const text = fieldText.params;
  const li = el('li', { className: 'param-row', dataset: { testid: 'param-row' } });
  const ids = { name: `param-name-${n}`, value: `param-value-${n}`, where: `param-where-${n}` };
  const whereSelect = el('select', { className: 'param-where', dataset: { testid: 'param-where' } });
  whereSelect.id = ids.where;
  for (const w of WHERE) {
    const option = el('option', { text: text[w] });
    option.value = w;
    whereSelect.append(option);
  }
  whereSelect.value = WHERE.includes(where) ? where : WHERE[0];

  const remove = el('button', { className: 'toggle remove', text: text.remove, dataset: { testid: 'param-remove' } });
  remove.type = 'button';
  remove.addEventListener('click', () => {
    const next = li.nextElementSibling ?? li.previousElementSibling;
    li.remove();
    renumberRows();
    updateRowsEmpty();
    (next ? next.querySelector('input') : $('params-add')).focus();
    rowsChanged();
  });

  li.append(
    cellWithLabel(ids.name, 'name', textInput(ids.name, name, 'param-name')),
    cellWithLabel(ids.value, 'value', textInput(ids.value, value, 'param-value')),
    cellWithLabel(ids.where, 'where', whereSelect),
    remove,
  );
  $('params').append(li);
  renumberRows();
  return li;
}

function textInput(id, value, testName) {
  const input = el('input', { className: `mono ${testName}`, dataset: { testid: testName } });
  input.id = id;
  input.type = 'text';
  input.value = value;
  return plainText(input);
}

function cellWithLabel(id, kind, control) {
  const label = el('label', { className: 'param-label', dataset: { kind } });
  label.htmlFor = id;
  return el('div', { className: `param-cell pcell-${kind}` }, [label, control]);
}

// renumberRows keeps each row's labels ("Name of parameter 2") in step
// with its position.
function renumberRows() {
  const text = fieldText.params;
  const words = { name: text.nameLabel, value: text.valueLabel, where: text.whereLabel };
  [...$('params').children].forEach((li, i) => {
    for (const label of li.querySelectorAll('label')) label.textContent = words[label.dataset.kind](i + 1);
    li.querySelector('button.remove').setAttribute('aria-label', text.removeLabel(i + 1));
  });
}
