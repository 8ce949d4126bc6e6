//go:build !js

package main

// The Sign view in headless Chromium: the published vectors and service
// presets on screen, errors at their field, the parameter table, change
// highlights, masking, the credential warning, accessibility, and large
// requests. One browser per test function, a table over presets inside it.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// TestBrowserSignXExample loads the page, waits for the wasm signer, and
// checks the X example's signature and base string on screen; then types
// into the token secret and checks the signature changes with no click.
func TestBrowserSignXExample(t *testing.T) {
	p := openPage(t)
	ctx := p.ctx
	sig, err := chromedp.Run(ctx, chromedp.TextContent(testid("signature")))
	require.NoError(t, err)
	assert.Equal(t, xSignature, sig)
	bs, err := chromedp.Run(ctx, chromedp.TextContent(testid("step-signatureBaseString-value")))
	require.NoError(t, err)
	assert.Equal(t, xBaseString, bs)
	warning, err := chromedp.Run(ctx, chromedp.TextContent(testid("warning")))
	require.NoError(t, err)
	assert.Contains(t, warning, "use test credentials only")

	count, err := chromedp.Run(ctx, chromedp.AttributeValue(testid("status"), "data-sign-count"))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(testid("input-tokenSecret"), "x")))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](
		`document.querySelector('[data-testid="status"]').dataset.signCount !== `+jsStr(count.Value),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the page did not re-sign after typing")
	changed, err := chromedp.Run(ctx, chromedp.TextContent(testid("signature")))
	require.NoError(t, err)
	assert.NotEqual(t, xSignature, changed)
	assert.Len(t, changed, 28, "still an HMAC-SHA1 signature")
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

// TestBrowserSignPresetsReproducePublishedValues loads every vector preset and
// checks that what the page shows equals what the source publishes: the
// signature and every intermediate value vectors.json pins, and the
// "published … ✓ matches" line, which names a wrong published value where
// there is one. It also keeps presets.js and vectors.json in step.
func TestBrowserSignPresetsReproducePublishedValues(t *testing.T) {
	var vf vectorFile
	require.NoError(t, json.Unmarshal(signertest.VectorsJSON(), &vf))
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

// TestBrowserSignServicePresets loads every service preset: each signs with no
// error, RSA presets show the public key, and the notes about bodies appear
// where they apply.
func TestBrowserSignServicePresets(t *testing.T) {
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

// TestBrowserSignBadURLKeepsLastResult types an invalid URL: the error appears at
// the URL field, and the last good result stays, dimmed. Fixing the URL
// brings everything back.
func TestBrowserSignBadURLKeepsLastResult(t *testing.T) {
	p := openPage(t)
	good := p.mustText("signature")
	goodURL := p.value("url")

	p.setField("url", "https://exa mple.com/%zz")
	require.True(t, p.exists(`.field-url [data-testid="error-url"]`), "the error is shown at the URL field")
	assert.Contains(t, p.mustText("error-url"), "URL")
	assert.Equal(t, "true", eval[string](p, `document.getElementById('url').getAttribute('aria-invalid')`))
	assert.Contains(t, eval[string](p, `document.getElementById('url').getAttribute('aria-describedby')`), "error-url")
	assert.Equal(t, good, p.mustText("signature"), "the last good signature stays")
	assert.True(t, p.exists(`#result.stale`), "and is dimmed")
	assert.True(t, p.exists(`#steps.stale`))
	assert.Equal(t, xBaseString, p.mustText("step-signatureBaseString-value"), "the steps stay too")
	assert.Equal(t, "https://exa mple.com/%zz", p.value("url"), "what the user typed stays")

	p.setField("url", goodURL)
	assert.False(t, p.exists(`[data-testid="error-url"]`))
	assert.False(t, p.exists(`#result.stale`))
	assert.Equal(t, good, p.mustText("signature"))
}

// TestBrowserSignClearWipesSecrets reveals everything secret, then checks that
// Clear, and separately pagehide, leave no secret anywhere in the DOM.
func TestBrowserSignClearWipesSecrets(t *testing.T) {
	// The first line of the oauth.net RSA test key (oauthnet-rsa-sha1).
	const keyMarker = "MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBALRiMLAh9iimur8V"
	secrets := []string{xConsumerSecret, xTokenSecret, keyMarker, "PRIVATE KEY"}
	p := openPage(t)

	showAll := func() {
		p.loadPreset("oauthnet-rsa-sha1") // puts the test RSA key in its field
		p.loadPreset("x-creating-a-signature")
		p.setField("privateKey", eval[string](p, `import('./presets.js').then((m) => m.findPreset('oauthnet-rsa-sha1').request.privateKey)`))
		p.reveal("step-signingKey")
		p.click("toggle-consumerSecret")
		require.Contains(t, p.mustText("step-signingKey-value"), xConsumerSecret, "the signing key is shown")
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
		p.p(t).pagehide()
		all := eval[string](p.p(t), secretsInPage)
		for _, s := range secrets {
			assert.NotContains(t, all, s)
		}
		assert.False(t, p.p(t).exists(`#steps li`), "outputs are gone")
		assert.Equal(t, "https://api.x.com/1.1/statuses/update.json?include_entities=true",
			p.p(t).value("url"), "the request itself stays")
	})

	assert.Equal(t, 0, p.stored(), "nothing stored")
}

// TestBrowserSignParamTableDuplicates builds repeated names with the parameter
// table's own controls and checks the sorted order: by encoded name, then
// by encoded value, across query and body rows.
func TestBrowserSignParamTableDuplicates(t *testing.T) {
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

// TestBrowserSignHighlightsWhatChanged edits one input and checks that the cards
// it affects are marked and the changed text is wrapped, while the rest
// stays untouched.
func TestBrowserSignHighlightsWhatChanged(t *testing.T) {
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

// TestBrowserSignPlaintextAndSigningKeyHaveNoCopy checks that secrets are masked
// and have no copy button: the signing key always, and with PLAINTEXT the
// signature and every output that carries it.
func TestBrowserSignPlaintextAndSigningKeyHaveNoCopy(t *testing.T) {
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

// TestBrowserSignWarnsAboutRealLookingCredentials checks the stronger inline
// warning: it appears for values shaped like X's real credentials and not
// for the presets' published examples.
func TestBrowserSignWarnsAboutRealLookingCredentials(t *testing.T) {
	p := openPage(t)
	assert.False(t, p.exists(`.real-warning`), "no warning for the X docs' published credentials")

	p.setField("consumerSecret", strings.Repeat("a1B2c3D4e5", 5)) // 50 letters and digits, like a real X API secret
	w, ok := p.text("real-warning-consumerSecret")
	require.True(t, ok, "a warning at the consumer secret")
	assert.Contains(t, w, "X API Key Secret")
	assert.True(t, p.exists(`#consumerSecret[aria-describedby~="real-warning-consumerSecret"]`))

	// A token is sent with every request, not a secret: no warning of its own
	// (browser_ux_test.go checks there is one warning per view).
	p.setField("token", "1234567890-"+strings.Repeat("Ab3", 13)+"x")
	assert.False(t, p.exists(`[data-testid="real-warning-token"]`))

	p.loadPreset("x-creating-a-signature")
	assert.False(t, p.exists(`.real-warning`), "published values never warn")
}

// TestBrowserSignAccessibleControls checks that every control has a label, the
// secret inputs are guarded, and the theme toggle works without storage.
func TestBrowserSignAccessibleControls(t *testing.T) {
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

	// The toggle's three states: browser_ux_test.go, TestBrowserUXThemeThreeStates.
	assert.Equal(t, "system", eval[string](p, `document.getElementById('theme-toggle').dataset.themeChoice`))
	p.click("theme-toggle")
	after := eval[string](p, `document.getElementById('theme-toggle').dataset.themeChoice`)
	assert.NotEqual(t, "system", after)
	assert.Equal(t, after, eval[string](p, `document.documentElement.dataset.theme`))
	assert.Equal(t, 0, p.stored(), "the theme is not stored")
}

// TestBrowserSignWithoutWebAssembly removes WebAssembly before the page's scripts
// run and checks that the page says so instead of hanging.
func TestBrowserSignWithoutWebAssembly(t *testing.T) {
	p := openPage(t, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: `delete globalThis.WebAssembly;`})
		return chromedp.Void{}, err
	})
	require.NoError(t, chromedp.Do(p.ctx, chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-error]`))))
	assert.Contains(t, p.mustText("status"), "WebAssembly is unavailable")
	assert.Equal(t, "0", p.signCount())
}

// TestBrowserSignHugeOneLineBody pastes a 1 MB JSON body on one line (a
// minified request): laying such a line out once took the browser over 30
// seconds, so long values are shown only in part. How long it takes is
// make bench's row "re-sign + render, 1 MB JSON body on one line", with its
// budget; here the page must render the result, in part, and sign it.
func TestBrowserSignHugeOneLineBody(t *testing.T) {
	p := openPage(t)
	p.loadPreset("x-creating-a-signature")
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
	assert.Equal(t, "ok", eval[string](p, `document.querySelector('[data-testid="status"]').dataset.state`), "and signed it")
}

// TestBrowserSignThousandParameters signs a request with 1 000 query parameters:
// each table shows its first 200 rows and says how many more there are,
// and the text form of each step keeps every one.
func TestBrowserSignThousandParameters(t *testing.T) {
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
