// views.js: the full page's tab bar: the Sign, Verify and Tokens tabs.
//
// Owns: which view is shown (each tab's aria-selected and tabindex, each
// view's hidden attribute), the tab bar's label, and moving between the
// tabs with the arrow keys, Home and End (the ARIA tabs pattern), for
// every view from the start: the Verify and Tokens views' modules load
// only when their view is first chosen (lazy.js), and the keys work before.
// Must never: build a view's content, load a module (it says which view was
// chosen; lazy.js loads), build nodes from HTML strings, store, or log.

import { views as words } from './strings.js';

const $ = (id) => document.getElementById(id);

// VIEWS are the tabs in their order: the view's name, its tab's id and its
// panel's id.
const VIEWS = Object.freeze([
  ['sign', 'tab-sign', 'view-sign'],
  ['verify', 'tab-verify', 'view-verify'],
  ['tokens', 'tab-tokens', 'view-tokens'],
]);

// setupViews wires the tab bar. chosen(name) runs each time a view is
// selected (by a click, a key, or select), after it is shown. It returns
// select(name, focus): show that view, moving the focus to its tab if
// focus is set.
export function setupViews(chosen) {
  const bar = $('views');
  const tabs = VIEWS.map(([name, tab, view]) => ({ name, tab: $(tab), view: $(view) })).filter((t) => t.tab && t.view);
  bar.setAttribute('aria-label', words.label);

  const select = (name, focus = false) => {
    const picked = tabs.find((t) => t.name === name);
    if (!picked) return;
    for (const t of tabs) {
      const on = t === picked;
      t.tab.setAttribute('aria-selected', String(on));
      t.tab.tabIndex = on ? 0 : -1;
      t.view.hidden = !on;
    }
    if (focus) picked.tab.focus();
    chosen(name);
  };

  for (const t of tabs) t.tab.addEventListener('click', () => select(t.name, false));
  bar.addEventListener('keydown', (event) => {
    const i = tabs.findIndex((t) => t.tab === document.activeElement);
    if (i < 0) return;
    let next = -1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (i + 1) % tabs.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (i + tabs.length - 1) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    select(tabs[next].name, true);
  });
  return select;
}
