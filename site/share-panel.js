// share-panel.js: "Share link" and "Embed this" on the full page, and
// opening a share link (index.html#share=…).
//
// Owns: the panels behind the two toolbar buttons (built here with
// dom.js's el), the notice shown after a share link is opened or refused,
// and keeping the link, the iframe HTML (with the steps= the author ticks)
// and the script that sizes the frame in step with the inputs while a
// panel is open (it watches the status line's sign count); while the
// Tokens view is shown, the iframe HTML of the leg it shows
// (embed.html#view=tokens&flow=…&leg=…: names only, never a token).
// Must never: put a secret into a link or an embed (app.js hands over the
// request with its secret fields removed, share.js copies only allow-listed
// fields, and a state whose URL has userinfo or whose value holds what a
// secret input holds right now is refused, naming the fields, never the
// value: the secret inputs, [data-secret="true"] in either view, are read
// for that comparison only, when a link is built, and nothing keeps them),
// read any other input, store, log, navigate, or turn a string into nodes:
// the iframe HTML is plain text in a read-only textarea.

import { share as text } from './strings-share.js';
import { views as viewWords } from './strings.js';
import { findPreset } from './presets.js';
import { el, setText, plainText } from './dom.js';
import { copyButton } from './render-values.js';
import {
  shareState, encodeShare, decodeShare, requestFromState, shareFragment, embedFragment, secretProblem, isOrigin,
  STEP_IDS,
} from './share.js';

// FRAME_ID is the id of the iframe in the HTML to paste, and the id= of its
// fragment: the embed echoes it in its messages, so a page with several
// frames can tell them apart.
const FRAME_ID = 'oauth1-playground';

// EMBED_STEPS are the step cards an embed shows unless the author ticks
// others: the three a reader compares with their own code.
const EMBED_STEPS = Object.freeze(['signatureBaseString', 'signingKey', 'signature']);

// setupSharing wires the two panels and opens the page's own #share= link,
// if it has one. read() returns { request, preset }: the request without its
// secret fields and the id of the example it started from ('' for none).
// apply(request, preset) writes a share link's request (every allow-listed
// field, no secret) into the inputs; preset is the example it names, or null.
// tokensLeg() is the Tokens view's { flow, shown } leg (tokens-flow.js's
// flowState), or null while that view's module is not loaded (lazy.js),
// passed in so that neither the embed, which imports this module for
// reasonText, nor the full page's first load downloads the Tokens view.
export function setupSharing({ read, apply, tokensLeg }) {
  const $ = (id) => document.getElementById(id);
  const ui = {
    shareButton: $('share-link'),
    embedButton: $('embed-this'),
    sharePanel: $('share-panel'),
    embedPanel: $('embed-panel'),
    notice: $('share-notice'),
    status: $('status'),
  };
  setText(ui.shareButton, text.button);
  setText(ui.embedButton, text.embedButton);

  // The share panel: the identifiers option, the link and its copy button.
  const shareIds = checkbox('share-identifiers', text.identifiers, text.identifiersHint);
  const shareOut = outputArea('share-url', text.linkLabel, text.linkName, 3);
  const shareHeading = el('h2', { text: text.heading });
  shareHeading.id = 'share-heading';
  ui.sharePanel.replaceChildren(shareHeading, el('p', { className: 'hint', text: text.intro }), shareIds.field, shareOut.field);
  ui.sharePanel.setAttribute('aria-labelledby', shareHeading.id);

  // The embed panel: theme, read-only, identifiers, and the HTML to paste.
  const theme = el('select', { dataset: { testid: 'embed-theme' } });
  theme.id = 'embed-theme';
  for (const value of ['auto', 'light', 'dark']) {
    const option = el('option', { text: text.themes[value] });
    option.value = value;
    theme.append(option);
  }
  const themeLabel = el('label', { text: text.theme });
  themeLabel.htmlFor = theme.id;
  const readonly = checkbox('embed-readonly', text.readonly, '');
  readonly.input.checked = true;
  const embedIds = checkbox('embed-identifiers', text.identifiers, text.identifiersHint);
  const steps = stepsField('embed-steps');
  const origin = originInput('embed-origin', text.origin, text.originHint);
  const embedOut = outputArea('embed-code', text.embedLabel, text.embedName, 4);
  const listenerOut = outputArea('embed-listener', text.listenerLabel, text.listenerName, 7, text.listenerHint);
  const embedHeading = el('h2', { text: text.embedHeading });
  embedHeading.id = 'embed-heading';
  ui.embedPanel.replaceChildren(
    embedHeading,
    el('p', { className: 'hint', text: text.embedIntro }),
    el('div', { className: 'field' }, [themeLabel, theme]),
    readonly.field,
    embedIds.field,
    steps.field,
    origin.field,
    el('div', { className: 'embed-outputs' }, [embedOut.field, listenerOut.field]),
  );
  ui.embedPanel.setAttribute('aria-labelledby', embedHeading.id);

  const panels = [[ui.shareButton, ui.sharePanel], [ui.embedButton, ui.embedPanel]];
  const show = (button, panel, open) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  for (const [button, panel] of panels) {
    button.setAttribute('aria-controls', panel.id);
    show(button, panel, false);
    button.addEventListener('click', () => {
      show(button, panel, panel.hidden);
      refresh();
    });
  }
  for (const control of [shareIds.input, theme, readonly.input, embedIds.input, ...steps.inputs]) control.addEventListener('change', refresh);
  origin.input.addEventListener('input', refresh);

  // refresh rebuilds whatever an open panel shows from the current request.
  function refresh() {
    if (ui.sharePanel.hidden && ui.embedPanel.hidden) return;
    const { request, preset } = read();
    if (!ui.sharePanel.hidden) {
      const state = shareState(request, { preset, includeIdentifiers: shareIds.input.checked });
      const problem = secretProblem(state, secretInputs());
      const encoded = problem ? null : encodeShare(state);
      if (problem) shareOut.set('', text.refused(reasonText(problem)));
      else shareOut.set(encoded === null ? '' : linkTo(encoded), encoded === null ? text.tooLong : '');
    }
    const leg = !ui.embedPanel.hidden && tokensShown() ? tokensLeg() : null;
    if (!ui.embedPanel.hidden && tokensShown() && !leg) {
      // The Tokens view is still loading: its leg is not known yet (the
      // view's hidden and data-state changes refresh again).
      embedOut.set('', viewWords.loading);
      listenerOut.set('', '');
    } else if (leg) {
      // The Tokens view: an embed of the leg shown, with the demo app; no
      // request, no token, nothing typed.
      const { flow, shown } = leg;
      const fragment = embedFragment({ state: {}, view: 'tokens', flow, leg: shown, theme: theme.value, id: FRAME_ID, origin: origin.input.value.trim() });
      origin.check();
      embedOut.set(fragment === null ? '' : iframeHTML(fragment), '');
      listenerOut.set(embedOut.area.value === '' ? '' : listenerScript(), '');
    } else if (!ui.embedPanel.hidden) {
      const state = shareState(request, { preset, includeIdentifiers: embedIds.input.checked });
      const problem = secretProblem(state, secretInputs());
      const chosen = steps.chosen();
      const fragment = problem || chosen.length === 0 ? null : embedFragment({
        state,
        theme: theme.value,
        readonly: readonly.input.checked,
        // Every card ticked is the embed's default: no steps= at all.
        steps: chosen.length === STEP_IDS.length ? null : chosen,
        id: FRAME_ID,
        origin: origin.input.value.trim(),
      });
      origin.check();
      if (problem) embedOut.set('', text.refused(reasonText(problem)));
      else if (chosen.length === 0) embedOut.set('', text.noSteps);
      else embedOut.set(fragment === null ? '' : iframeHTML(fragment), fragment === null ? text.tooLong : '');
      listenerOut.set(embedOut.area.value === '' ? '' : listenerScript(), '');
    }
  }

  // Typing a secret can make a link shown already hold it: build it again.
  document.addEventListener('input', (event) => {
    if (event.target instanceof Element && event.target.matches('[data-secret="true"]')) refresh();
  });

  // Every sign (after any edit, example or button) bumps data-sign-count.
  new MutationObserver(refresh).observe(ui.status, { attributes: true, attributeFilter: ['data-sign-count'] });
  // The Tokens view shown or hidden, or another of its legs shown.
  const tokensView = $('view-tokens');
  if (tokensView) new MutationObserver(refresh).observe(tokensView, { attributes: true, attributeFilter: ['hidden', 'data-state'], subtree: true });
  function tokensShown() {
    return Boolean(tokensView && !tokensView.hidden);
  }

  // Clear and leaving the page close the panels and empty them, like every
  // other output.
  const closeAll = () => {
    for (const [button, panel] of panels) show(button, panel, false);
    shareOut.set('', '');
    embedOut.set('', '');
    listenerOut.set('', '');
    ui.notice.hidden = true;
    setText(ui.notice, '');
  };
  $('clear').addEventListener('click', closeAll);
  window.addEventListener('pagehide', closeAll);

  // Opening a share link: now, and when only the fragment changes (a link
  // pasted into the address bar of this tab). The same link is not applied
  // twice, so going back from #primer does not undo edits.
  let opened = null;
  const open = (initial) => {
    const payload = shareFragment(location.hash);
    if (payload === null || payload === opened) return;
    opened = payload;
    const decoded = decodeShare(payload);
    if (!decoded.ok) {
      notify(ui.notice, 'invalid', (initial ? text.invalid : text.invalidLater)(reasonText(decoded)));
      return;
    }
    const preset = decoded.state.preset ? findPreset(decoded.state.preset) ?? null : null;
    const request = requestFromState(decoded.state);
    apply(request, preset);
    let message = preset ? text.restored.preset(preset.label) : text.restored.custom;
    if (request.consumerKey === '' && request.token === '') message += ` ${text.restored.noIdentifiers}`;
    notify(ui.notice, 'ok', message);
  };
  window.addEventListener('hashchange', () => open(false));
  open(true);
}

// reasonText words decodeShare's or secretProblem's reason; field and
// secret are always our own names.
export function reasonText(decoded) {
  const r = text.reasons[decoded.reason];
  if (typeof r === 'function') return r(decoded.field ?? '', text.secretName(decoded.secret ?? ''));
  return r ?? text.reasons.json;
}

// secretInputs are the names and current values of every secret input on
// the page, both views, for secretProblem to compare with; the caller drops
// them as soon as it has its answer.
function secretInputs() {
  return [...document.querySelectorAll('[data-secret="true"]')].map((input) => ({ name: input.id, value: input.value }));
}

function notify(node, state, message) {
  node.dataset.state = state;
  setText(node, message);
  node.hidden = false;
}

function linkTo(encoded) {
  const url = new URL(location.href);
  url.hash = `share=${encoded}`;
  return url.href;
}

// iframeHTML is the frame to paste: no border of the browser's own, and a
// first height that listenerScript replaces with the content's.
function iframeHTML(fragment) {
  const url = new URL('embed.html', location.href);
  url.hash = fragment;
  return `<iframe id="${FRAME_ID}" src="${attr(url.href)}" title="${attr(text.frameTitle)}" ` +
    'width="100%" height="480" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>';
}

// listenerScript is the script that sizes the frame from its height
// messages (README "Embedding"): only from this page's origin, only from
// that frame's window.
function listenerScript() {
  return [
    '<script>',
    "addEventListener('message', (e) => {",
    `  if (e.origin !== ${JSON.stringify(location.origin)}) return;`,
    '  const f = document.getElementById(e.data && e.data.id);',
    '  if (!f || e.source !== f.contentWindow) return;',
    "  if (e.data.type === 'oauth1-playground:height') f.style.height = e.data.height + 'px';",
    '});',
    '</script>',
  ].join('\n');
}

// stepsField is a fieldset with a checkbox per step card an embed can show
// (share.js's STEP_IDS), EMBED_STEPS ticked; chosen() lists those ticked,
// in the cards' order.
function stepsField(id) {
  const legend = el('legend', { text: text.steps });
  const inputs = STEP_IDS.map((step) => {
    const input = el('input', { dataset: { testid: `${id}-${step}`, step } });
    input.id = `${id}-${step}`;
    input.type = 'checkbox';
    input.checked = EMBED_STEPS.includes(step);
    return input;
  });
  const boxes = inputs.map((input) => {
    const lab = el('label', { text: text.stepNames[input.dataset.step] ?? input.dataset.step });
    lab.htmlFor = input.id;
    return el('div', { className: 'field check' }, [input, lab]);
  });
  const hint = el('p', { className: 'hint', text: text.stepsHint });
  const field = el('fieldset', { className: 'embed-steps', dataset: { testid: id } }, [legend, ...boxes, hint]);
  return { field, inputs, chosen: () => inputs.filter((i) => i.checked).map((i) => i.dataset.step) };
}

// attr escapes text for a double-quoted HTML attribute of the snippet.
function attr(s) {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function checkbox(id, label, hint) {
  const input = el('input', { dataset: { testid: id } });
  input.id = id;
  input.type = 'checkbox';
  const lab = el('label', { text: label });
  lab.htmlFor = id;
  const field = el('div', { className: 'field check' }, [input, lab]);
  if (hint) {
    const p = el('p', { className: 'hint', text: hint });
    p.id = `hint-${id}`;
    input.setAttribute('aria-describedby', p.id);
    field.append(p);
  }
  return { field, input };
}

// outputArea is a read-only textarea with a copy button. The button copies
// whatever the textarea holds when it is pressed; it never holds a secret.
// originInput is the docs site's origin for the embed's origin=: without
// it the frame posts nothing, not even its height. check says when the
// value is not an origin as a browser writes it (it is then left out).
function originInput(id, label, hint) {
  const input = el('input', { className: 'mono', dataset: { testid: id } });
  input.id = id;
  input.type = 'url';
  input.placeholder = 'https://docs.example.org';
  plainText(input);
  const lab = el('label', { text: label });
  lab.htmlFor = id;
  const help = el('p', { className: 'hint', text: hint });
  help.id = `hint-${id}`;
  input.setAttribute('aria-describedby', help.id);
  const problem = el('p', { className: 'share-problem', text: text.originBad, dataset: { testid: `${id}-problem` } });
  problem.hidden = true;
  const check = () => {
    const value = input.value.trim();
    problem.hidden = value === '' || isOrigin(value);
  };
  return { input, check, field: el('div', { className: 'field' }, [lab, input, help, problem]) };
}

function outputArea(id, label, name, rows, hint = '') {
  const area = el('textarea', { className: 'mono share-output', dataset: { testid: id } });
  area.id = id;
  area.rows = rows;
  area.readOnly = true;
  plainText(area);
  area.addEventListener('focus', () => area.select());
  const lab = el('label', { text: label });
  lab.htmlFor = id;
  // Not .field-error: render.js's showError removes every one of those.
  const problem = el('p', { className: 'share-problem', dataset: { testid: `${id}-problem` } });
  problem.hidden = true;

  const row = el('div', { className: 'control-row top' }, [area, copyButton(() => area.value, name, id)]);
  const field = el('div', { className: 'field' }, [lab, row, problem]);
  if (hint) {
    const p = el('p', { className: 'hint', text: hint });
    p.id = `hint-${id}`;
    area.setAttribute('aria-describedby', p.id);
    field.append(p);
  }
  const set = (value, error) => {
    area.value = value;
    problem.textContent = error;
    problem.hidden = error === '';
  };
  return { field, area, set };
}
