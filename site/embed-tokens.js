// embed-tokens.js: the Tokens view's leg in embed.html
// (embed.html#view=tokens&flow=oob&leg=access_token): the legs stepper,
// the leg built with the Sign view's cards, the provider's answer and what
// was issued, drawn by tokens-flow.js against the page's published demo app.
//
// Owns: setupEmbedTokens (the nodes of the Tokens section of embed.html and
// tokens-flow.js's hooks there), openLeg (a fresh provider, the legs before
// leg sent the right way, leg built), the flow and leg the frame shows.
// Must never: take a credential from the fragment or an input (the demo
// app's published key and secret are the only consumer), put an issued
// token or secret into a link, an attribute or a message to the parent
// page, start the signer itself (embed.js starts it when the frame is seen
// or focused, one frame at a time), build nodes from HTML strings, store,
// log or touch the network.

import * as engine from './engine.js';
import { tokens as text } from './strings-tokens.js';
import { el, setText } from './dom.js';
import { DEMO, flowOfLeg } from './tokens-legs.js';
import { legNodes } from './tokens-render.js';
import { setupFlow, start, runTo, wipe, providerGone, flowState } from './tokens-flow.js';

let ui = null;
let wanted = { flow: 'callback', leg: '' };
let onShown = () => {};

// setupEmbedTokens builds the leg's nodes into root; shown(flow, leg) runs
// whenever another leg is shown (embed.js points its link at it).
export function setupEmbedTokens(root, shown) {
  onShown = shown;
  const status = el('p', { className: 'status', dataset: { testid: 'tokens-status', state: 'idle' } });
  status.setAttribute('role', 'status');
  const nodes = legNodes(el('div', { className: 'tokens-issued', dataset: { testid: 'tokens-issued' } }));
  root.replaceChildren(
    el('p', { className: 'hint', text: text.embed.intro }),
    status,
    nodes.legs, nodes.title, nodes.intro, nodes.changes, nodes.body, nodes.answer, nodes.verify, nodes.next, nodes.issued,
  );
  ui = { root, status, nodes };
  setStatus(text.embed.waiting, 'waiting');
  setupFlow(nodes, {
    read: () => ({ ...DEMO, flow: wanted.flow }),
    status: setStatus,
    breakChanged: () => {},
    // Verify is the full page's: the frame has no room for it, and its link
    // carries no token, so the button is not offered here.
    openVerify: () => {},
    shown: (flow, leg) => onShown(flow, leg),
  });
  engine.onRestart(() => providerGone());
}

function setStatus(words, state) {
  setText(ui.status, words);
  ui.status.dataset.state = state;
}

// want records the leg the fragment names; openLeg opens it.
export function want(flow, leg) {
  wanted = { flow: leg ? flowOfLeg(leg, flow) : flow || 'callback', leg };
}

// wanted is the flow and leg the frame is asked to show.
export function wantedLeg() {
  return { ...wanted };
}

// openLeg starts a fresh provider with the demo app and walks to the leg
// asked for; it resolves once the leg is shown (or the provider failed).
export async function openLeg() {
  if (!(await start())) return false;
  if (wanted.leg) runTo(wanted.leg);
  return flowState().started;
}

// forget wipes every issued credential (pagehide).
export function forget() {
  wipe();
}
