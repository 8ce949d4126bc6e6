// code-card.js: the Sign view's Code card: the current request as code in
// other people's libraries (oauth1.snippets, written by signer/snippets),
// one tab a library, with a copy button; a library that cannot express the
// request shows why instead.
//
// Owns: the card's nodes under #code-card (tabs, panel, copy), when it
// asks the engine for snippets (after each signature, once per frame, and
// only while the card is open, so the lite build does not load the full
// one until someone looks; a "loading" answer waits for the full build),
// and forgetting the code on clear.
// Must never: hold a request (it reads one through read() when it draws),
// put a secret anywhere (the snippets hold none; the card shows only
// them), build nodes from HTML strings, store, or log.

import * as engine from './engine.js';
import { code as words } from './strings-code.js';
import { setText, el, placeChildren } from './dom.js';
import { copyButton } from './render-values.js';
import { coalesce } from './schedule.js';

// MAX_REQUEST is the largest body or URL the card writes code for: the code
// holds the body as a literal in seven languages.
const MAX_REQUEST = 100000;

// setupCodeCard wires the card found under root (index.html's
// #code-card, a <details>). read() returns the Sign view's request.
// It returns { update(), clear() }: update after each good signature,
// clear on Clear and pagehide.
export function setupCodeCard(root, read) {
  const card = root.getElementById('code-card');
  if (!card) return { update() {}, clear() {} };
  const summary = card.querySelector('summary');
  const intro = el('p', { className: 'hint', text: words.intro });
  const statusLine = el('p', { className: 'code-status', dataset: { testid: 'code-status' } });
  statusLine.setAttribute('role', 'status');
  const tabs = el('div', { className: 'code-tabs', dataset: { testid: 'code-tabs' } });
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', words.tabsLabel);
  const panel = el('div', { className: 'code-panel', dataset: { testid: 'code-panel' } });
  panel.setAttribute('role', 'tabpanel');
  panel.id = 'code-panel';
  setText(summary, words.heading);
  card.append(intro, statusLine, tabs, panel);

  let chosen = 'curl'; // the tab the reader picked, kept across requests
  let shown = []; // the snippets drawn now
  let signed = false; // a good signature since the last clear

  const draw = () => {
    if (!card.open) return;
    if (!signed) {
      showStatus(words.waiting);
      return;
    }
    const request = read();
    if ((request.body ?? '').length > MAX_REQUEST || (request.url ?? '').length > MAX_REQUEST) {
      showStatus(words.tooLarge);
      return;
    }
    let result = null;
    try {
      result = engine.snippets(request);
    } catch {
      result = null;
    }
    if (result && result.loading) {
      showStatus(words.loading); // engine.onUpgrade draws again
      return;
    }
    if (!result || result.ok !== true || !Array.isArray(result.snippets)) {
      showStatus(result && result.ok === false ? words.invalid : words.failed);
      return;
    }
    showSnippets(result.snippets);
  };
  const schedule = coalesce(draw);

  function showStatus(text) {
    shown = [];
    tabs.replaceChildren();
    panel.replaceChildren();
    setText(statusLine, text);
    statusLine.hidden = false;
  }

  function showSnippets(list) {
    shown = list;
    statusLine.hidden = true;
    setText(statusLine, '');
    if (!list.some((s) => s.id === chosen)) chosen = list[0].id;
    // A tab that names the same library stays (a click on it, or its focus,
    // survives the redraw after every signature); only its class follows.
    const old = new Map([...tabs.children].map((b) => [b.dataset.id, b]));
    const buttons = list.map((s) => {
      const kept = old.get(s.id);
      if (kept && kept.textContent === s.language + ' \u00b7 ' + s.library) {
        kept.classList.toggle('code-tab-unsupported', !s.supported);
        return kept;
      }
      const b = el('button', { className: 'code-tab', text: s.language + ' \u00b7 ' + s.library, dataset: { testid: `code-tab-${s.id}`, id: s.id } });
      b.type = 'button';
      b.id = `code-tab-${s.id}`;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-controls', panel.id);
      if (!s.supported) b.classList.add('code-tab-unsupported');
      b.addEventListener('click', () => choose(s.id));
      b.addEventListener('keydown', onTabKey);
      return b;
    });
    placeChildren(tabs, buttons);
    choose(chosen, false);
  }

  // onTabKey moves between tabs with the arrow keys, Home and End (the
  // ARIA tabs pattern).
  function onTabKey(event) {
    const ids = shown.map((s) => s.id);
    let i = ids.indexOf(chosen);
    if (event.key === 'ArrowRight') i = (i + 1) % ids.length;
    else if (event.key === 'ArrowLeft') i = (i - 1 + ids.length) % ids.length;
    else if (event.key === 'Home') i = 0;
    else if (event.key === 'End') i = ids.length - 1;
    else return;
    event.preventDefault();
    choose(ids[i], true);
  }

  function choose(id, focus = false) {
    const s = shown.find((x) => x.id === id);
    if (!s) return;
    chosen = id;
    for (const b of tabs.children) {
      const on = b.dataset.id === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    }
    panel.setAttribute('aria-labelledby', `code-tab-${id}`);
    panel.dataset.snippet = id;
    if (!s.supported) {
      panel.replaceChildren(
        el('p', { className: 'code-unsupported-title', text: words.unsupported(s.library) }),
        el('p', { className: 'code-reason', text: s.reason, dataset: { testid: 'code-reason' } }),
      );
      return;
    }
    const pre = el('pre', { className: 'code', dataset: { testid: 'code-text' } }, [el('code', { text: s.code })]);
    pre.setAttribute('translate', 'no');
    pre.tabIndex = 0;
    panel.replaceChildren(copyButton(() => s.code, words.copyName(s.library), 'code'), pre);
  }

  card.addEventListener('toggle', () => { if (card.open) schedule(); });
  engine.onUpgrade(schedule);
  engine.onRestart(schedule);

  return {
    update() {
      signed = true;
      if (card.open) schedule();
    },
    clear() {
      signed = false;
      showStatus(words.waiting);
    },
  };
}
