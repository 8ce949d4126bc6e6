// tokens.js: the Tokens view of the full page: its tab beside Sign and
// Verify, its inputs (the app's consumer key and secret, the callback, the
// flow, the break-it menu), the link to a leg, and opening the view at a
// leg from the page's fragment (#view=tokens&leg=…, share.js viewFragment).
//
// Owns: setupTokens (lazy.js calls it once, when the view is first
// chosen or a fragment names it; the tab bar and its keys are views.js's),
// what the view does when it is shown, the inputs of the view, Clear and
// pagehide for the view (the issued credentials, the inputs' secret), and
// "Open in Verify" (which fills the Verify view's paste box, base string
// and secrets, and selects it).
// Must never: start the provider (it is in the full build) before the user
// opens the view; put a consumer secret or an issued credential into the
// URL, an attribute, a copy button or the Sign view; build nodes from HTML
// strings; store, log or touch the network. The flow itself is
// tokens-flow.js's.

import * as engine from './engine.js';
import { tokens as text } from './strings-tokens.js';
import { fillText, el, setText, plainText } from './dom.js';
import { setupConcealToggles, updateCredentialWarning } from './form.js';
import { copyButton } from './render-values.js';
import { viewFragment } from './share.js';
import { DEMO, FLOW_IDS, BREAKS, flowOfLeg } from './tokens-legs.js';
import { legNodes } from './tokens-render.js';
import {
  setupFlow, start, runTo, setBreak, wipe, providerGone, flowState,
} from './tokens-flow.js';

const $ = (id) => document.getElementById(id);

let ui = null;
let opened = null; // the fragment last opened, so going back to it does not run it twice

// setupTokens builds the view into #view-tokens. h: { select(name, focus)
// → shows a view (views.js), onClear(fn) and onPageHide(fn) → run fn on
// Clear and on pagehide before the signer (and the provider in it) is
// discarded }. It returns shown(), to call each time the view is shown.
export function setupTokens(h) {
  const view = $('view-tokens');
  const tab = $('tab-tokens');
  if (!view || !tab) return () => {};
  fillText(document, { tokens: { tab: text.tab } });
  ui = { view, tab, ...build(view), select: (focus) => h.select('tokens', focus) };
  setupFlow(ui.flowNodes, {
    read,
    status,
    breakChanged,
    openVerify,
    shown: showLink,
  });
  ui.start.addEventListener('click', () => { start(); });
  ui.demo.addEventListener('click', useDemo);
  // The consumer secret gets the real-credential warning, as Sign's does.
  ui.secret.addEventListener('input', warnAboutSecret);
  ui.brk.addEventListener('change', () => setBreak(ui.brk.value));
  for (const radio of ui.flows) {
    radio.addEventListener('change', () => {
      showFlowIntro();
      if (!flowState().started) wipe();
    });
  }

  h.onClear(() => {
    clearInputs(true);
    wipe();
    status(text.cleared, 'cleared');
  });
  h.onPageHide(() => {
    clearInputs(false);
    wipe();
  });
  // A fresh signer (a crash, Clear) has a fresh provider: what was issued is gone.
  engine.onRestart(() => providerGone());

  window.addEventListener('hashchange', openFragment);
  openFragment();
  return showFlowIntro;
}

// ---- the view's nodes ----

function build(view) {
  const input = (id, type, label, hint) => {
    const node = plainText(el('input', { className: 'mono', dataset: { testid: id } }));
    node.id = id;
    node.type = type;
    const lab = el('label', { text: label });
    lab.htmlFor = id;
    const field = el('div', { className: 'field' }, [lab]);
    if (type === 'password') {
      node.dataset.secret = 'true';
      const toggle = el('button', { className: 'toggle', dataset: { testid: `toggle-${id}` } });
      toggle.type = 'button';
      toggle.setAttribute('aria-controls', id);
      toggle.setAttribute('aria-pressed', 'false');
      field.append(el('div', { className: 'control-row' }, [node, toggle]));
    } else {
      field.append(node);
    }
    if (hint) {
      const p = el('p', { className: 'hint', text: hint });
      p.id = `hint-${id}`;
      node.setAttribute('aria-describedby', p.id);
      field.append(p);
    }
    return { node, field };
  };
  const key = input('tokens-consumerKey', 'text', text.consumer.key, '');
  const secret = input('tokens-consumerSecret', 'password', text.consumer.secret, text.consumer.hint);
  const callback = input('tokens-callback', 'text', text.consumer.callback, text.consumer.callbackHint);
  const demo = el('button', { className: 'toggle', text: text.consumer.useDemo, dataset: { testid: 'tokens-use-demo' } });
  demo.type = 'button';

  const flows = FLOW_IDS.map((f) => {
    const radio = el('input', { dataset: { testid: `tokens-flow-${f}` } });
    radio.type = 'radio';
    radio.name = 'tokens-flow';
    radio.id = `tokens-flow-${f}`;
    radio.value = f;
    radio.checked = f === 'callback';
    return radio;
  });
  const flowLabel = el('p', { className: 'label', text: text.flows.label });
  flowLabel.id = 'tokens-flow-label';
  const segmented = el('div', { className: 'segmented' }, flows.flatMap((radio) => {
    const lab = el('label', { text: text.flows[radio.value] });
    lab.htmlFor = radio.id;
    return [radio, lab];
  }));
  const flowGroup = el('div', { className: 'field', dataset: { testid: 'tokens-flow' } }, [flowLabel, segmented]);
  flowGroup.setAttribute('role', 'radiogroup');
  flowGroup.setAttribute('aria-labelledby', flowLabel.id);
  const flowIntro = el('p', { className: 'hint', dataset: { testid: 'tokens-flow-intro' } });

  const startButton = el('button', { className: 'toggle primary', text: text.start, dataset: { testid: 'tokens-start' } });
  startButton.type = 'button';
  const statusLine = el('p', { className: 'status', dataset: { testid: 'tokens-status' } });
  statusLine.setAttribute('role', 'status');

  const brk = el('select', { dataset: { testid: 'tokens-break' } });
  brk.id = 'tokens-break';
  brk.append(...BREAKS.map((b) => {
    const option = el('option', { text: text.breakIt.options[b] });
    option.value = b;
    return option;
  }));
  const brkLabel = el('label', { text: text.breakIt.label });
  brkLabel.htmlFor = brk.id;
  const brkHint = el('p', { className: 'hint', text: text.breakIt.hint });
  brkHint.id = 'hint-tokens-break';
  brk.setAttribute('aria-describedby', brkHint.id);

  const link = el('output', { className: 'mono result-value', dataset: { testid: 'tokens-link' } });
  const linkRow = el('div', { className: 'value-row' }, [link]);
  const issued = el('div', { className: 'tokens-issued', dataset: { testid: 'tokens-issued' } });

  const heading = el('h2', { text: text.heading });
  heading.id = 'tokens-heading';
  const inputs = el('section', { className: 'panel inputs tokens-inputs' }, [
    heading,
    el('p', { className: 'hint', text: text.intro }),
    el('fieldset', {}, [el('legend', { text: text.consumer.legend }), key.field, secret.field, demo, callback.field]),
    flowGroup, flowIntro,
    el('div', { className: 'control-row wrap' }, [startButton]),
    statusLine,
    el('div', { className: 'field tokens-break' }, [brkLabel, brk, brkHint]),
    issued,
    el('div', { className: 'field' }, [el('p', { className: 'label', text: text.link.label }), linkRow, el('p', { className: 'hint', text: text.link.hint })]),
  ]);
  inputs.setAttribute('aria-labelledby', heading.id);

  const flowNodes = legNodes(issued);
  const results = el('section', { className: 'panel tokens-results', dataset: { testid: 'tokens-results' } }, [
    flowNodes.legs, flowNodes.title, flowNodes.intro, flowNodes.changes, flowNodes.body, flowNodes.answer, flowNodes.verify, flowNodes.next,
  ]);
  view.replaceChildren(inputs, results);
  setupConcealToggles([secret.node.parentElement.querySelector('button')], () => text.consumer.secret);
  key.node.value = DEMO.consumerKey;
  secret.node.value = DEMO.consumerSecret;
  callback.node.value = DEMO.callback;
  return {
    key: key.node, secret: secret.node, callback: callback.node, demo, flows, flowIntro, start: startButton, status: statusLine,
    brk, link, flowNodes,
  };
}

// ---- inputs ----

function chosenFlow() {
  return ui.flows.find((r) => r.checked)?.value ?? 'callback';
}

function read() {
  return {
    consumerKey: ui.key.value.trim(),
    consumerSecret: ui.secret.value,
    callback: ui.callback.value.trim() || DEMO.callback,
    flow: chosenFlow(),
  };
}

function showFlowIntro() {
  setText(ui.flowIntro, text.flowIntro[chosenFlow()]);
}

function useDemo() {
  ui.key.value = DEMO.consumerKey;
  ui.secret.value = DEMO.consumerSecret;
  ui.callback.value = DEMO.callback;
  warnAboutSecret();
}

function warnAboutSecret() {
  updateCredentialWarning(ui.secret, 'consumerSecret');
}

// clearInputs empties the secret input, and with all every input (Clear).
function clearInputs(all) {
  ui.secret.value = '';
  if (all) {
    ui.key.value = '';
    ui.callback.value = '';
  }
  ui.brk.value = '';
  setText(ui.link, '');
  warnAboutSecret();
}

function status(words, state) {
  setText(ui.status, words);
  ui.status.dataset.state = state;
  ui.start.textContent = flowState().started ? text.restart : text.start;
}

function breakChanged(value, choices) {
  for (const option of ui.brk.options) {
    option.disabled = !choices.includes(option.value);
    option.textContent = option.disabled ? `${text.breakIt.options[option.value]} (${text.breakIt.notHere})` : text.breakIt.options[option.value];
  }
  ui.brk.value = choices.includes(value) ? value : '';
  ui.brk.disabled = choices.length < 2;
}

// showLink writes the link to the leg shown: the view, the flow and the
// leg, nothing else.
function showLink(flow, leg) {
  const url = new URL(location.href);
  url.hash = `view=tokens&flow=${flow}&leg=${leg}`;
  const row = ui.link.parentElement;
  setText(ui.link, url.href);
  row.querySelector('button')?.remove();
  row.append(copyButton(url.href, text.link.name, 'tokens-link'));
  showFlowIntro();
}

// openVerify fills the Verify view with a request the provider refused,
// the base string it quoted, and the secrets it holds, and selects it.
function openVerify(input) {
  const fill = (id, value) => {
    const node = $(id);
    if (node) node.value = value;
  };
  fill('verify-input', input.text);
  fill('verify-basestring', input.baseString);
  fill('verify-consumerSecret', input.consumerSecret);
  fill('verify-tokenSecret', input.tokenSecret);
  $('verify-fields')?.dispatchEvent(new Event('input', { bubbles: true }));
  $('tab-verify').click();
}

// ---- opening at a leg ----

// openFragment opens the view at the leg the fragment names
// (#view=tokens&flow=oob&leg=access_token), with the demo app: the legs
// before it are sent the right way, and the leg is built, not sent.
async function openFragment() {
  const v = viewFragment(location.hash);
  if (!v || v.view !== 'tokens') return;
  const key = `${v.flow}|${v.leg}`;
  if (key === opened) return;
  opened = key;
  ui.select(false);
  if (!v.leg) return;
  const flow = flowOfLeg(v.leg, v.flow);
  for (const radio of ui.flows) radio.checked = radio.value === flow;
  useDemo();
  if (await start()) runTo(v.leg);
}
