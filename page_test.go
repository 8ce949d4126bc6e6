//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page tests drive site/ in headless Chromium: one browser per test
// function, a table over presets inside it, and every wait is on
// data-sign-count changing (never a sleep). They reuse requireBrowser,
// startServer, newBrowser, testid and jsString from browser_test.go.

// pageT is one loaded page in one browser.
type pageT struct {
	t   *testing.T
	ctx context.Context
}

// openPage starts the server and a browser, loads the page and waits for
// the first signature. setup, if given, runs before navigation (for
// example to add a script that runs before the page's own).
func openPage(t *testing.T, setup ...chromedp.Action[chromedp.Void]) *pageT {
	t.Helper()
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, setup...))
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base)))
	p := &pageT{t: t, ctx: ctx}
	if len(setup) == 0 {
		require.NoError(t, chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`))))
	}
	return p
}

// eval runs a JavaScript expression in the page and decodes its result.
func eval[T any](p *pageT, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	require.NoError(p.t, err, "evaluating %s", expr)
	return v
}

// text returns the textContent of the element with the test id, or "" and
// false when there is none.
func (p *pageT) text(id string) (string, bool) {
	p.t.Helper()
	s := eval[*string](p, `document.querySelector('[data-testid=`+jsStr(id)+`]')?.textContent ?? null`)
	if s == nil {
		return "", false
	}
	return *s, true
}

func (p *pageT) mustText(id string) string {
	p.t.Helper()
	s, ok := p.text(id)
	require.True(p.t, ok, "no element with data-testid %q", id)
	return s
}

func (p *pageT) exists(selector string) bool {
	p.t.Helper()
	return eval[bool](p, `document.querySelector(`+jsStr(selector)+`) !== null`)
}

func (p *pageT) signCount() string {
	p.t.Helper()
	return eval[string](p, `document.querySelector('[data-testid="status"]').dataset.signCount`)
}

// afterSign runs act, then waits until the page has signed again.
func (p *pageT) afterSign(act func()) {
	p.t.Helper()
	before := p.signCount()
	act()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](
		`document.querySelector('[data-testid="status"]').dataset.signCount !== `+jsStr(before),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(p.t, err, "the page did not sign again")
}

// loadPreset picks a preset in the menu and presses "Load example".
func (p *pageT) loadPreset(id string) {
	p.t.Helper()
	p.afterSign(func() {
		ok := eval[bool](p, `(() => { const s = document.getElementById('preset'); s.value = `+jsStr(id)+`;
			if (s.value !== `+jsStr(id)+`) return false; document.getElementById('load-preset').click(); return true; })()`)
		require.True(p.t, ok, "no preset %q in the menu", id)
	})
}

// setField sets an input's value as typing would, firing an input event.
func (p *pageT) setField(id, value string) {
	p.t.Helper()
	p.afterSign(func() {
		eval[chromedp.Void](p, `(() => { const el = document.getElementById(`+jsStr(id)+`); el.value = `+jsStr(value)+`;
			el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	})
}

func (p *pageT) click(id string) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.Click(testid(id))))
}

// reveal presses the reveal button of a masked value, if it is masked.
func (p *pageT) reveal(name string) {
	p.t.Helper()
	if p.exists(`[data-testid="` + name + `-masked"]`) {
		p.click(name + "-reveal")
	}
}

// jsStr quotes s as a JavaScript string literal (JSON is a subset of
// JavaScript for strings, newlines included).
func jsStr(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// vectorFile is signer/testdata/vectors.json.
type vectorFile struct {
	Vectors []struct {
		Name      string            `json:"name"`
		Source    string            `json:"source"`
		Request   map[string]any    `json:"request"`
		Want      map[string]string `json:"want"`
		Published string            `json:"published"`
	} `json:"vectors"`
}

// pagePreset is a preset as site/presets.js holds it.
type pagePreset struct {
	ID              string         `json:"id"`
	Group           string         `json:"group"`
	Vector          string         `json:"vector"`
	Label           string         `json:"label"`
	Source          string         `json:"source"`
	Request         map[string]any `json:"request"`
	Params          [][]string     `json:"params"`
	Expect          map[string]any `json:"expect"`
	Published       string         `json:"published"`
	Computed        bool           `json:"computed"`
	DiffersByDesign bool           `json:"differsByDesign"`
}

func (p *pageT) presets() []pagePreset {
	p.t.Helper()
	raw := eval[string](p, `import('./presets.js').then((m) => JSON.stringify(m.presets))`)
	var out []pagePreset
	require.NoError(p.t, json.Unmarshal([]byte(raw), &out))
	return out
}

// TestPagePresetsReproducePublishedValues loads every vector preset and
// checks that what the page shows equals what the source publishes: the
// signature and every intermediate value vectors.json pins, and the
// "published … ✓ matches" line, which names a wrong published value where
// there is one. It also keeps presets.js and vectors.json in step.
func TestPagePresetsReproducePublishedValues(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("signer", "testdata", "vectors.json"))
	require.NoError(t, err)
	var vf vectorFile
	require.NoError(t, json.Unmarshal(b, &vf))
	require.NotEmpty(t, vf.Vectors)

	p := openPage(t)
	presets := p.presets()
	byVector := map[string]pagePreset{}
	for _, pr := range presets {
		if pr.Vector != "" {
			byVector[pr.Vector] = pr
		}
	}
	assert.Equal(t, "x-creating-a-signature", presets[0].ID, "the X example stays the default preset")

	for _, v := range vf.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			pr, ok := byVector[v.Name]
			require.True(t, ok, "presets.js has no preset for vector %q", v.Name)
			assert.Equal(t, v.Request, pr.Request, "presets.js and vectors.json differ")
			assert.Equal(t, v.Published, pr.Published)
			assert.Equal(t, v.Source, pr.Source)
			for _, k := range []string{"signature", "baseStringURI", "bodyHash"} {
				if v.Want[k] != "" {
					assert.Equal(t, v.Want[k], pr.Expect[k], "expect.%s", k)
				}
			}

			p.p(t).loadPreset(pr.ID)
			pt := p.p(t)
			// check compares what the page shows under the test id with want,
			// first revealing the value (masked under the name masked) if needed.
			check := func(want, id, masked string) {
				if want == "" {
					return
				}
				if masked != "" {
					pt.reveal(masked)
				}
				assert.Equal(t, want, pt.mustText(id), id)
			}
			check(v.Want["signature"], "signature", "signature")
			check(v.Want["baseString"], "step-signatureBaseString-value", "")
			check(v.Want["baseStringURI"], "step-baseStringURI-value", "")
			check(v.Want["parameterString"], "step-parameterString-value", "")
			check(v.Want["digest"], "step-digest-value", "")
			check(v.Want["authorization"], "authorization", "authorization")
			check(v.Want["signingKey"], "step-signingKey-value", "step-signingKey")
			if k := v.Want["publicKey"]; k != "" {
				assert.Contains(t, pt.mustText("step-signingKey-value"), strings.TrimSpace(k))
			}
			if h := v.Want["bodyHash"]; h != "" {
				assert.Contains(t, pt.mustText("step-parameters-value"), "oauth_body_hash="+h)
			}

			match, _ := chromedp.Run(pt.ctx, chromedp.AttributeValue(testid("preset-check"), "data-match"))
			assert.Equal(t, "true", match.Value, "the published-value line says the page matches")
			line := pt.mustText("preset-check")
			for _, k := range []string{"signature", "baseStringURI", "bodyHash"} {
				if v.Want[k] != "" && (k == "signature" || v.Want["signature"] == "") {
					assert.Contains(t, line, v.Want[k])
				}
			}
			if v.Published != "" {
				assert.Contains(t, line, v.Published, "the wrong published value is named")
			}
		})
	}

	// The extra vectors that exercise the parameter table.
	for _, pr := range presets {
		if pr.Vector != "" || pr.Group == "services" {
			continue
		}
		t.Run(pr.ID, func(t *testing.T) {
			pt := p.p(t)
			pt.loadPreset(pr.ID)
			match, _ := chromedp.Run(pt.ctx, chromedp.AttributeValue(testid("preset-check"), "data-match"))
			assert.Equal(t, "true", match.Value, pt.mustText("preset-check"))
		})
	}
}

// p returns the page bound to a subtest's t.
func (p *pageT) p(t *testing.T) *pageT { return &pageT{t: t, ctx: p.ctx} }

// TestPageServicePresetsSign loads every service preset: each signs with no
// error, RSA presets show the public key, and the notes about bodies appear
// where they apply.
func TestPageServicePresetsSign(t *testing.T) {
	p := openPage(t)
	n := 0
	for _, pr := range p.presets() {
		if pr.Group != "services" {
			continue
		}
		n++
		t.Run(pr.ID, func(t *testing.T) {
			pt := p.p(t)
			pt.loadPreset(pr.ID)
			assert.Equal(t, "ok", eval[string](pt, `document.querySelector('[data-testid="status"]').dataset.state`))
			assert.False(t, pt.exists(".field-error"), "no error")
			sig := pt.mustText("signature")
			assert.NotEmpty(t, sig)
			method, _ := pr.Request["signatureMethod"].(string)
			if strings.HasPrefix(method, "RSA-") {
				assert.Len(t, sig, 172, "a 1024-bit RSA signature in base64")
				assert.Contains(t, pt.mustText("step-signingKey-value"), "BEGIN PUBLIC KEY")
				assert.True(t, pt.exists(`[data-testid="copy-publicKey"]`), "the public key can be copied")
			}
			notes := eval[[]string](pt, `[...document.querySelectorAll('[data-testid="step-parameters-notes"] li')].map((li) => li.dataset.note)`)
			switch pr.ID {
			case "service-x-v2-json":
				assert.Contains(t, notes, "body-not-signed")
			case "service-rsa-sha256-bodyhash":
				assert.Contains(t, notes, "body-hashed")
			case "service-woocommerce":
				assert.True(t, strings.HasPrefix(pt.mustText("step-authorizationHeader-value"), "http://shop.example.com/wp-json/wc/v3/products?per_page=5&"))
			case "service-lti":
				v := pt.mustText("step-authorizationHeader-value")
				assert.True(t, strings.HasPrefix(v, "lti_message_type=basic-lti-launch-request&"), v)
				assert.Contains(t, v, "oauth_signature=")
			case "service-netsuite":
				assert.Contains(t, pt.mustText("authorization"), `OAuth realm="1234567", `)
				assert.Len(t, sig, 44, "HMAC-SHA256")
			}
		})
	}
	assert.GreaterOrEqual(t, n, 8, "the eight service presets")
}

// TestPageBadURLKeepsLastResult types an invalid URL: the error appears at
// the URL field, and the last good result stays, dimmed. Fixing the URL
// brings everything back.
func TestPageBadURLKeepsLastResult(t *testing.T) {
	p := openPage(t)
	good := p.mustText("signature")
	goodURL := eval[string](p, `document.getElementById('url').value`)

	p.setField("url", "https://exa mple.com/%zz")
	require.True(t, p.exists(`.field-url [data-testid="error-url"]`), "the error is shown at the URL field")
	assert.Contains(t, p.mustText("error-url"), "URL")
	assert.Equal(t, "true", eval[string](p, `document.getElementById('url').getAttribute('aria-invalid')`))
	assert.Contains(t, eval[string](p, `document.getElementById('url').getAttribute('aria-describedby')`), "error-url")
	assert.Equal(t, good, p.mustText("signature"), "the last good signature stays")
	assert.True(t, p.exists(`#result.stale`), "and is dimmed")
	assert.True(t, p.exists(`#steps.stale`))
	assert.Equal(t, xBaseString, p.mustText("step-signatureBaseString-value"), "the steps stay too")
	assert.Equal(t, "https://exa mple.com/%zz", eval[string](p, `document.getElementById('url').value`), "what the user typed stays")

	p.setField("url", goodURL)
	assert.False(t, p.exists(`[data-testid="error-url"]`))
	assert.False(t, p.exists(`#result.stale`))
	assert.Equal(t, good, p.mustText("signature"))
}

// secretsInPage returns every place the page still holds text: the DOM as
// HTML, every form control's value, and all visible text.
const secretsInPage = `(() => [document.documentElement.outerHTML, document.body.innerText,
	...[...document.querySelectorAll('input, textarea, select')].map((el) => el.value)].join('\n'))()`

// TestPageClearWipesSecrets reveals everything secret, then checks that
// Clear, and separately pagehide, leave no secret anywhere in the DOM.
func TestPageClearWipesSecrets(t *testing.T) {
	const (
		consumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
		tokenSecret    = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
		keyMarker      = "MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBALRiMLAh9iimur8V"
	)
	secrets := []string{consumerSecret, tokenSecret, keyMarker, "PRIVATE KEY"}
	p := openPage(t)

	showAll := func() {
		p.loadPreset("oauthnet-rsa-sha1") // puts the test RSA key in its field
		p.loadPreset("x-creating-a-signature")
		p.setField("privateKey", eval[string](p, `import('./presets.js').then((m) => m.findPreset('oauthnet-rsa-sha1').request.privateKey)`))
		p.reveal("step-signingKey")
		p.click("toggle-consumerSecret")
		require.Contains(t, p.mustText("step-signingKey-value"), consumerSecret, "the signing key is shown")
		all := eval[string](p, secretsInPage)
		for _, s := range secrets {
			require.Contains(t, all, s, "precondition: the page shows %s", s)
		}
	}

	t.Run("clear", func(t *testing.T) {
		showAll()
		p.p(t).click("clear")
		all := eval[string](p.p(t), secretsInPage)
		for _, s := range secrets {
			assert.NotContains(t, all, s)
		}
		assert.NotContains(t, all, "xvz1evFS4wEEPTGEFPHBog", "every field is wiped, not only the secrets")
		assert.Empty(t, eval[[]string](p.p(t), `[...document.querySelectorAll('input[type=text], input[type=password], textarea')].map((el) => el.value).filter(Boolean)`))
		assert.Equal(t, "password", eval[string](p.p(t), `document.getElementById('consumerSecret').type`), "masked again")
		assert.False(t, p.p(t).exists(`#steps li`), "no steps")
		assert.False(t, p.p(t).exists(`[data-testid="signature"]`), "no signature")
		assert.Equal(t, 0, eval[int](p.p(t), `document.querySelectorAll('#result .slot > *, #preset-check > *, #request-card > *').length`), "no outputs")
	})

	t.Run("pagehide", func(t *testing.T) {
		showAll()
		eval[chromedp.Void](p.p(t), `window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }))`)
		all := eval[string](p.p(t), secretsInPage)
		for _, s := range secrets {
			assert.NotContains(t, all, s)
		}
		assert.False(t, p.p(t).exists(`#steps li`), "outputs are gone")
		assert.Equal(t, "https://api.x.com/1.1/statuses/update.json?include_entities=true",
			eval[string](p.p(t), `document.getElementById('url').value`), "the request itself stays")
	})

	assert.Equal(t, 0, eval[int](p, `localStorage.length + sessionStorage.length + document.cookie.length`), "nothing stored")
}

// TestPageParamTableDuplicates builds repeated names with the parameter
// table's own controls and checks the sorted order: by encoded name, then
// by encoded value, across query and body rows.
func TestPageParamTableDuplicates(t *testing.T) {
	p := openPage(t)
	p.loadPreset("oauthnet-empty-path")
	rows := [][3]string{
		{"a", "x!y", "query"},
		{"a", "x y", "body"},
		{"x!y", "a", "query"},
		{"x", "a", "query"},
		{"a", "x y", "query"},
	}
	for i, r := range rows {
		p.click("params-add")
		n := i + 1
		row := `#params > li:nth-child(` + string(rune('0'+n)) + `) `
		require.NoError(t, chromedp.Do(p.ctx,
			chromedp.SendKeys(chromedp.CSS(row+`.param-name`), r[0]),
			chromedp.SendKeys(chromedp.CSS(row+`.param-value`), r[1]),
		))
		if r[2] == "body" {
			p.afterSign(func() {
				eval[chromedp.Void](p, `(() => { const s = document.querySelector(`+jsStr(row+`.param-where`)+`); s.value = 'body';
					s.dispatchEvent(new Event('change', { bubbles: true })); })()`)
			})
		}
	}
	// Wait for the sign that follows the last keystroke: the signer's own
	// parameter string then holds every row.
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](
		`document.querySelectorAll('[data-testid="step-parameters-params"] tbody tr').length === 9 &&
		 document.querySelector('[data-testid="step-parameterString-value"]').textContent.includes('a=x%20y&a=x%20y&a=x%21y&')`,
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the page did not sign the five rows")

	sorted := eval[[]string](p, `[...document.querySelectorAll('[data-testid="step-sorted-params"] tbody tr')]
		.map((tr) => tr.dataset.name + '=' + tr.dataset.value).filter((s) => !s.startsWith('oauth_'))`)
	assert.Equal(t, []string{"a=x%20y", "a=x%20y", "a=x%21y", "x=a", "x%21y=a"}, sorted)

	collected := eval[[]string](p, `[...document.querySelectorAll('[data-testid="step-parameters-params"] tbody tr')]
		.map((tr) => [...tr.cells].slice(1).map((td) => td.textContent).join('|')).filter((s) => !s.startsWith('oauth_'))`)
	assert.Equal(t, []string{"a|x!y|query", "a|x y|body", "x!y|a|query", "x|a|query", "a|x y|query"}, collected,
		"collected in table order, each with where it is sent")

	// Removing a row re-signs without it.
	p.afterSign(func() { p.click("param-remove") })
	assert.Equal(t, 4, eval[int](p, `document.querySelectorAll('#params > li').length`))
	assert.Equal(t, "Name of parameter 1", eval[string](p, `document.querySelector('#params > li label').textContent`), "labels follow the rows")
}

// TestPageHighlightsWhatChanged edits one input and checks that the cards
// it affects are marked and the changed text is wrapped, while the rest
// stays untouched.
func TestPageHighlightsWhatChanged(t *testing.T) {
	p := openPage(t)
	assert.False(t, p.exists(`.step.changed, mark.delta`), "nothing is highlighted on first load")
	p.setField("nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cX")
	changed := eval[[]string](p, `[...document.querySelectorAll('#steps > li.changed')].map((li) => li.dataset.step)`)
	assert.Subset(t, changed, []string{"parameters", "encoded", "sorted", "parameterString", "signatureBaseString", "digest", "signature", "authorizationHeader"})
	assert.NotContains(t, changed, "baseStringURI", "the URL did not change")
	assert.NotContains(t, changed, "signingKey", "the key did not change")
	assert.Equal(t, "X", eval[string](p, `document.querySelector('[data-testid="step-signatureBaseString-value"] mark.delta').textContent`))
	assert.True(t, p.exists(`[data-testid="step-parameters-params"] tr.changed-row`))
	assert.NotEqual(t, xSignature, p.mustText("signature"))
}

// TestPagePlaintextAndSigningKeyHaveNoCopy checks that secrets are masked
// and have no copy button: the signing key always, and with PLAINTEXT the
// signature and every output that carries it.
func TestPagePlaintextAndSigningKeyHaveNoCopy(t *testing.T) {
	p := openPage(t)
	assert.True(t, p.exists(`[data-testid="step-signingKey-masked"]`), "the signing key starts masked")
	assert.False(t, p.exists(`[data-testid="step-signingKey"] .copy-button`))
	assert.True(t, p.exists(`[data-testid="copy-signature"]`), "a copy button for the HMAC signature")
	assert.True(t, p.exists(`[data-testid="copy-output-curl"]`), "and for curl")

	p.loadPreset("rfc-plaintext")
	assert.Equal(t, 0, eval[int](p, `document.querySelectorAll('section.outputs .copy-button').length`))
	assert.True(t, p.exists(`[data-testid="signature-masked"]`))
	assert.False(t, p.exists(`[data-testid="signature"]`))
	assert.NotContains(t, eval[string](p, `document.querySelector('section.outputs').textContent`), "ja893SD9%26", "not in any output")
	p.reveal("signature")
	assert.Equal(t, "ja893SD9&", p.mustText("signature"))
}

// TestPageWarnsAboutRealLookingCredentials checks the stronger inline
// warning: it appears for values shaped like X's real credentials and not
// for the presets' published examples.
func TestPageWarnsAboutRealLookingCredentials(t *testing.T) {
	p := openPage(t)
	assert.False(t, p.exists(`.real-warning`), "no warning for the X docs' published credentials")

	p.setField("consumerSecret", strings.Repeat("a1B2c3D4e5", 5)) // 50 letters and digits, like a real X API secret
	w, ok := p.text("real-warning-consumerSecret")
	require.True(t, ok, "a warning at the consumer secret")
	assert.Contains(t, w, "X API secret")
	assert.True(t, p.exists(`#consumerSecret[aria-describedby~="real-warning-consumerSecret"]`))

	p.setField("token", "1234567890-"+strings.Repeat("Ab3", 13)+"x")
	assert.True(t, p.exists(`[data-testid="real-warning-token"]`))

	p.loadPreset("x-creating-a-signature")
	assert.False(t, p.exists(`.real-warning`), "published values never warn")
}

// TestPageAccessibleControls checks that every control has a label, the
// secret inputs are guarded, and the theme toggle works without storage.
func TestPageAccessibleControls(t *testing.T) {
	p := openPage(t)
	p.loadPreset("oauthnet-normalize") // has parameter rows
	unlabelled := eval[[]string](p, `[...document.querySelectorAll('input, select, textarea')]
		.filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
		.map((el) => el.id || el.outerHTML)`)
	assert.Empty(t, unlabelled)
	unnamed := eval[[]string](p, `[...document.querySelectorAll('button')]
		.filter((b) => (b.getAttribute('aria-label') || b.textContent).trim() === '').map((b) => b.outerHTML)`)
	assert.Empty(t, unnamed)
	for _, id := range []string{"consumerSecret", "tokenSecret", "privateKey"} {
		attrs := eval[map[string]string](p, `(() => { const el = document.getElementById(`+jsStr(id)+`);
			return Object.fromEntries(['spellcheck', 'autocomplete', 'autocapitalize'].map((a) => [a, el.getAttribute(a)])); })()`)
		assert.Equal(t, map[string]string{"spellcheck": "false", "autocomplete": "off", "autocapitalize": "off"}, attrs, id)
	}
	assert.False(t, p.exists("form"), "no form element")

	before := eval[string](p, `document.getElementById('theme-toggle').getAttribute('aria-pressed')`)
	p.click("theme-toggle")
	after := eval[string](p, `document.getElementById('theme-toggle').getAttribute('aria-pressed')`)
	assert.NotEqual(t, before, after)
	want := map[string]string{"true": "dark", "false": "light"}[after]
	assert.Equal(t, want, eval[string](p, `document.documentElement.dataset.theme`))
	assert.Equal(t, 0, eval[int](p, `localStorage.length + sessionStorage.length + document.cookie.length`), "the theme is not stored")
}

// TestPageWithoutWebAssembly removes WebAssembly before the page's scripts
// run and checks that the page says so instead of hanging.
func TestPageWithoutWebAssembly(t *testing.T) {
	p := openPage(t, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: `delete globalThis.WebAssembly;`})
		return chromedp.Void{}, err
	})
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-error]`))))
	assert.Contains(t, p.mustText("status"), "WebAssembly is unavailable")
	assert.Equal(t, "0", p.signCount())
}

// TestPageScreenshots writes docs/screenshot.png (light), docs/screenshot-dark.png
// and docs/screenshot-360.png. It runs only with UPDATE_SCREENSHOTS=1.
func TestPageScreenshots(t *testing.T) {
	if os.Getenv("UPDATE_SCREENSHOTS") != "1" {
		t.Skip("set UPDATE_SCREENSHOTS=1 to rewrite the screenshots in docs/")
	}
	p := openPage(t)
	shoot := func(name string, width, height int64) {
		require.NoError(t, chromedp.Do(p.ctx, chromedp.EmulateViewport(width, height)))
		// Wait for the layout to settle after the resize: one re-sign.
		p.setField("nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg")
		eval[chromedp.Void](p, `document.querySelectorAll('.changed, .changed-row').forEach((el) => el.classList.remove('changed', 'changed-row'));
			document.querySelectorAll('mark.delta').forEach((m) => m.replaceWith(m.textContent)); window.scrollTo(0, 0)`)
		img, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join("docs", name), img, 0o644))
	}
	shoot("screenshot.png", 1280, 1800)
	p.click("theme-toggle")
	if eval[string](p, `document.documentElement.dataset.theme`) != "dark" {
		p.click("theme-toggle")
	}
	shoot("screenshot-dark.png", 1280, 1800)
	p.click("theme-toggle")
	shoot("screenshot-360.png", 360, 1600)
}

// TestPageHugeBodyStaysResponsive pastes a 1 MB JSON body on one line (a
// minified request): laying such a line out once took the browser over 30
// seconds, so long values are shown only in part, and the page must have
// rendered the result within a few seconds.
func TestPageHugeBodyStaysResponsive(t *testing.T) {
	p := openPage(t)
	p.loadPreset("x-creating-a-signature")
	start := time.Now()
	eval[chromedp.Void](p, `(() => {
		document.getElementById('contentType').value = 'application/json';
		document.getElementById('contentType').dispatchEvent(new Event('input', { bubbles: true }));
		const body = document.getElementById('body');
		body.value = '{"data":"' + 'x'.repeat(1 << 20) + '"}';
		body.dispatchEvent(new Event('input', { bubbles: true }));
	})()`)
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](
		`document.querySelector('[data-testid="step-authorizationHeader"]') !== null &&
		 [...document.querySelectorAll('.elided')].length > 0`,
		chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "the page did not render the 1 MB body in part")
	// One more frame, so layout of what was rendered is included.
	eval[bool](p, `new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true), 0)))`)
	took := time.Since(start)
	t.Logf("1 MB one-line body rendered in %v", took)
	assert.Less(t, took, 5*time.Second)
}

// TestPageThousandParameters signs a request with 1 000 query parameters:
// each table shows its first 200 rows and says how many more there are,
// and the text form of each step keeps every one.
func TestPageThousandParameters(t *testing.T) {
	p := openPage(t)
	var q []string
	for i := range 1000 {
		q = append(q, fmt.Sprintf("p%d=v%d", i%700, i))
	}
	p.setField("url", "https://api.example.com/search?"+strings.Join(q, "&"))
	rows := eval[int](p, `document.querySelectorAll('[data-testid="step-sorted-params"] tbody tr').length`)
	assert.Equal(t, 201, rows, "200 rows and the 'more' row")
	more := eval[string](p, `document.querySelector('[data-testid="step-sorted-params"] td.more-rows').textContent`)
	assert.Contains(t, more, "807 more", "1 000 query, 1 body and 6 protocol parameters, 200 shown")
	lines := eval[int](p, `document.querySelector('[data-testid="step-sorted-value"]').textContent.split('\n').length`)
	assert.Equal(t, 1007, lines, "the text form has every parameter")
}
