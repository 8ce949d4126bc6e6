//go:build !js

package main

// Share links and "Embed this" in headless Chromium: index.html#share=…
// carries a request, never a secret (not even base64-encoded), restores
// every non-secret field, and refuses malformed states with a message;
// "Embed this" writes the iframe HTML for the current request.

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Secrets typed in these tests and the embed's. None may ever reach a URL,
// a fragment or a message to the page around a frame.
const (
	shareCanaryConsumer = "CANARYshareCONSUMER5e3f"
	shareCanaryToken    = "CANARYshareTOKEN81c2"
	shareCanaryKey      = "-----BEGIN PRIVATE KEY-----\nCANARYshareKEY0d4b\n-----END PRIVATE KEY-----\n"
)

// shareCanaries are the parts of the typed secrets a leak would show.
var shareCanaries = []string{shareCanaryConsumer, shareCanaryToken, "CANARYshareKEY0d4b"}

// shareAllowList is share.js's SHARE_FIELDS plus the format version v.
var shareAllowList = []string{"v", "preset", "method", "url", "body", "contentType", "consumerKey", "token",
	"signatureMethod", "nonce", "timestamp", "version", "realm", "callback", "verifier", "bodyHash", "transport", "params"}

// decodeShareFragment decodes the share state in a URL's #share= (or in an
// embed fragment's share=) as share.js writes it: base64url of UTF-8 JSON.
func decodeShareFragment(t *testing.T, link string) (map[string]any, string) {
	t.Helper()
	u, err := url.Parse(link)
	require.NoError(t, err)
	q, err := url.ParseQuery(u.Fragment)
	require.NoError(t, err)
	payload := q.Get("share")
	require.NotEmpty(t, payload, "no share state in %s", link)
	b, err := base64.RawURLEncoding.DecodeString(payload)
	require.NoError(t, err, "the fragment is base64url without padding")
	var state map[string]any
	require.NoError(t, json.Unmarshal(b, &state), "the fragment is JSON")
	for k := range state {
		assert.Contains(t, shareAllowList, k, "the share state has a field that is not on the allow-list")
	}
	return state, string(b)
}

// assertNoCanary checks that no typed secret is in s.
func assertNoCanary(t *testing.T, s, where string) {
	t.Helper()
	for _, c := range shareCanaries {
		assert.NotContains(t, s, c, "a typed secret reached %s", where)
	}
}

// setShareFields sets every non-secret input of the full page to values that
// differ from the default example, and types a secret into each secret
// input, then waits for the page to sign. form picks a form body sent with
// the body transport and a body row; otherwise a JSON body with a body
// hash, the query transport and query rows.
func setShareFields(p *pageT, form bool) {
	p.t.Helper()
	p.afterSign(func() {
		eval[chromedp.Void](p, `((form) => {
			const set = (id, value) => {
				const el = document.getElementById(id);
				el.value = value;
				el.dispatchEvent(new Event('input', { bubbles: true }));
				el.dispatchEvent(new Event('change', { bubbles: true }));
			};
			set('method', 'PUT');
			set('url', 'https://api.example.test/v1/items/42?color=blue&size=m%20l');
			set('contentType', form ? 'application/x-www-form-urlencoded' : 'application/json');
			set('body', form ? 'greeting=caf%C3%A9%20%E2%98%95&n=1' : '{"name": "café ☕"}');
			set('consumerKey', 'my-own-consumer-key');
			set('token', 'my-own-access-token');
			set('signatureMethod', 'HMAC-SHA256');
			set('nonce', 'nonce-for-the-share-test');
			set('timestamp', '1700000123');
			set('realm', 'Example Realm');
			set('callback', 'https://client.example.test/cb?x=1');
			set('verifier', 'verifier-123');
			set('consumerSecret', `+jsStr(shareCanaryConsumer)+`);
			set('tokenSecret', `+jsStr(shareCanaryToken)+`);
			set('privateKey', `+jsStr(shareCanaryKey)+`);
			document.getElementById('version').checked = form;
			document.getElementById('bodyHash').checked = !form;
			document.getElementById(form ? 'transport-body' : 'transport-query').checked = true;
			document.getElementById('bodyHash').dispatchEvent(new Event('change', { bubbles: true }));
			document.getElementById('params').replaceChildren();
			for (const [name, value, where] of [['dup', '1', 'query'], ['dup', '2', form ? 'body' : 'query'], ['späce name', 'a b&c', 'query']]) {
				document.getElementById('params-add').click();
				const row = document.querySelector('#params > li:last-child');
				row.querySelector('.param-name').value = name;
				row.querySelector('.param-value').value = value;
				row.querySelector('.param-where').value = where;
			}
			document.querySelector('#params .param-name').dispatchEvent(new Event('input', { bubbles: true }));
		})(`+fmt.Sprint(form)+`)`)
	})
}

// readShareFields reads every non-secret input of the full page.
func readShareFields(p *pageT) map[string]any {
	p.t.Helper()
	raw := eval[string](p, `JSON.stringify((() => {
		const v = (id) => document.getElementById(id).value;
		const out = {};
		for (const id of ['method', 'url', 'contentType', 'body', 'consumerKey', 'token', 'signatureMethod', 'nonce',
			'timestamp', 'realm', 'callback', 'verifier']) out[id] = v(id);
		out.version = document.getElementById('version').checked;
		out.bodyHash = document.getElementById('bodyHash').checked;
		out.transport = document.querySelector('input[name="transport"]:checked').value;
		out.params = [...document.querySelectorAll('#params > li')].map((li) =>
			[li.querySelector('.param-name').value, li.querySelector('.param-value').value, li.querySelector('.param-where').value]);
		return out;
	})())`)
	var out map[string]any
	require.NoError(p.t, json.Unmarshal([]byte(raw), &out))
	return out
}

// shareLink opens the share panel (if needed), sets the identifiers option
// and returns the link.
func shareLink(p *pageT, identifiers bool) string {
	p.t.Helper()
	if eval[bool](p, `document.getElementById('share-panel').hidden`) {
		p.click("share-link")
	}
	if eval[bool](p, `document.getElementById('share-identifiers').checked`) != identifiers {
		p.click("share-identifiers")
	}
	link := p.value("share-url")
	require.NotEmpty(p.t, link)
	return link
}

// TestBrowserShareLinkRoundTrip types secrets, makes a share link, checks that no
// secret is in it (not even base64-encoded), opens it, and checks that every
// non-secret field came back and the request signs to the same base string.
func TestBrowserShareLinkRoundTrip(t *testing.T) {
	p := openPage(t)
	base := startURL(t, p)
	for _, form := range []bool{false, true} {
		t.Run(map[bool]string{false: "json body", true: "form body"}[form], func(t *testing.T) {
			pt := p.p(t)
			require.NoError(t, chromedp.Do(pt.ctx,
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(base),
				chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
			))
			setShareFields(pt, form)
			want := readShareFields(pt)
			wantBaseString := pt.mustText("step-signatureBaseString-value")
			require.Contains(t, wantBaseString, "PUT&https%3A%2F%2Fapi.example.test", "the page signed the edited request")

			link := shareLink(pt, true)
			state, decoded := decodeShareFragment(t, link)
			assertNoCanary(t, link, "the share link")
			assertNoCanary(t, decoded, "the decoded share state")
			for _, secret := range []string{"consumerSecret", "tokenSecret", "privateKey"} {
				assert.NotContains(t, state, secret)
			}
			assert.Equal(t, "my-own-consumer-key", state["consumerKey"], "identifiers when asked for")
			assert.Equal(t, "x-creating-a-signature", state["preset"], "the example it started from")
			assert.Less(t, len(link), 2000, "a compact link")

			without := shareLink(pt, false)
			stateWithout, decodedWithout := decodeShareFragment(t, without)
			assert.NotContains(t, stateWithout, "consumerKey", "identifiers are left out by default")
			assert.NotContains(t, stateWithout, "token")
			assert.NotContains(t, decodedWithout, "my-own-")
			assertNoCanary(t, without+decodedWithout, "the share link")

			// Open the link in a fresh page load.
			require.NoError(t, chromedp.Do(pt.ctx,
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(link),
				chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
			))
			waitShareOpened(t, pt, wantBaseString)
			assert.Equal(t, want, readShareFields(pt), "every non-secret field is restored")
			assert.Equal(t, wantBaseString, pt.mustText("step-signatureBaseString-value"), "the same request, so the same base string")
			assert.Equal(t, xConsumerSecret, pt.value("consumerSecret"),
				"the secrets are the named example's published ones, not the typed ones")
			assert.Equal(t, xTokenSecret, pt.value("tokenSecret"))
			assertNoCanary(t, eval[string](pt, secretsInPage), "the opened page")
			assert.Contains(t, pt.mustText("share-notice"), "never carry secrets")
			assert.Equal(t, "ok", eval[string](pt, `document.getElementById('share-notice').dataset.state`))

			// Without identifiers, the consumer key and token come back empty
			// (and the signer asks for the consumer key, so wait for a sign,
			// not a signature).
			require.NoError(t, chromedp.Do(pt.ctx,
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(without),
				chromedp.WaitReady(chromedp.CSS(`[data-testid="status"]:not([data-sign-count="0"])`)),
			))
			waitShareOpened(t, pt, "")
			got := readShareFields(pt)
			assert.Equal(t, "", got["consumerKey"])
			assert.Equal(t, "", got["token"])
			got["consumerKey"], got["token"] = want["consumerKey"], want["token"]
			assert.Equal(t, want, got, "every other field is restored")
			assert.Contains(t, pt.mustText("share-notice"), "did not include the consumer key and token")
		})
	}
}

// TestBrowserShareLinkMalformed opens share links that fail the checks: each shows
// a clear message and leaves the default example, untouched.
func TestBrowserShareLinkMalformed(t *testing.T) {
	p := openPage(t)
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	cases := []struct{ name, payload, says string }{
		{"not base64", "%%%not*base64", "not valid base64url"},
		{"not JSON", b64("hello"), "JSON object"},
		{"not an object", b64(`[1,2]`), "JSON object"},
		{"other version", b64(`{"v":2,"url":"https://evil.example/"}`), "incompatible version"},
		{"a secret", b64(`{"v":1,"url":"https://evil.example/","consumerSecret":"` + shareCanaryConsumer + `"}`), "secret (consumerSecret)"},
		{"unknown field", b64(`{"v":1,"url":"https://evil.example/","signature":"x"}`), "field the playground does not know"},
		{"wrong type", b64(`{"v":1,"url":"https://evil.example/","bodyHash":"yes"}`), "bodyHash field"},
		{"unknown preset", b64(`{"v":1,"preset":"nope"}`), "example that does not exist"},
		{"bad rows", b64(`{"v":1,"params":[["a","b","header"]]}`), "params field"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pt := p.p(t)
			require.NoError(t, chromedp.Do(pt.ctx,
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(startURL(t, pt)+"#share="+c.payload),
				chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
			))
			waitShareOpened(t, pt, "")
			notice := pt.mustText("share-notice")
			assert.Contains(t, notice, "could not be loaded")
			assert.Contains(t, notice, c.says)
			assert.Contains(t, notice, "default example")
			assert.Equal(t, "invalid", eval[string](pt, `document.getElementById('share-notice').dataset.state`))
			assert.Equal(t, xSignature, pt.mustText("signature"), "the default example")
			assert.Equal(t, "https://api.x.com/1.1/statuses/update.json?include_entities=true", pt.value("url"))
			assertNoCanary(t, eval[string](pt, secretsInPage), "the page")
		})
	}
}

// TestBrowserShareEmbedThis checks "Embed this": the iframe HTML names the preset
// while the request is the example as published, switches to a share state
// when an input changes, never carries a typed secret, and shows the same
// request when opened.
func TestBrowserShareEmbedThis(t *testing.T) {
	p := openPage(t)
	base := startURL(t, p)
	p.click("embed-this")
	code := p.value("embed-code")
	assert.Equal(t, `<iframe id="oauth1-playground" src="`+base+`embed.html#preset=x-creating-a-signature&amp;readonly=1&amp;steps=signatureBaseString,signingKey,signature&amp;id=oauth1-playground" `+
		`title="OAuth 1.0a signature playground" width="100%" height="480" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`, code)

	p.setField("url", "https://api.x.com/1.1/statuses/update.json?include_entities=false")
	p.setField("consumerSecret", shareCanaryConsumer)
	eval[chromedp.Void](p, `(() => { const s = document.getElementById('embed-theme'); s.value = 'dark';
		s.dispatchEvent(new Event('change', { bubbles: true })); })()`)
	p.click("embed-readonly")
	code = p.value("embed-code")
	src := html.UnescapeString(strings.Split(strings.Split(code, `src="`)[1], `"`)[0])
	assert.True(t, strings.HasPrefix(src, base+"embed.html#share="), src)
	assert.Contains(t, src, "&theme=dark&steps=signatureBaseString,signingKey,signature&id=oauth1-playground")
	assert.NotContains(t, src, "readonly")
	_, decoded := decodeShareFragment(t, src)
	assertNoCanary(t, code+decoded, "the embed HTML")
	assert.Contains(t, decoded, "include_entities=false")
	pageBaseString := p.mustText("step-signatureBaseString-value")

	// The docs site's origin goes in as origin=, where the frame posts its
	// messages; a value that is not an origin is left out and said so.
	setOrigin := func(v string) {
		eval[chromedp.Void](p, `(() => { const el = document.getElementById('embed-origin'); el.value = `+jsStr(v)+`;
			el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	}
	setOrigin("https://docs.example.org")
	assert.Contains(t, p.value("embed-code"), "&amp;origin=https://docs.example.org\"", "origin= is written as an origin")
	assert.False(t, p.exists(`[data-testid="embed-origin-problem"]:not([hidden])`))
	setOrigin("https://docs.example.org/guide")
	assert.NotContains(t, p.value("embed-code"), "origin=")
	assert.True(t, p.exists(`[data-testid="embed-origin-problem"]:not([hidden])`), "a path is not an origin")
	setOrigin("")

	// The frame's address shows the same request (signed with the example's
	// published secrets, so compare base strings).
	require.NoError(t, chromedp.Do(p.ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(src),
		chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
	))
	assert.Equal(t, pageBaseString, p.mustText("step-signatureBaseString-value"))
	assert.Equal(t, "dark", eval[string](p, `document.documentElement.dataset.theme`))
	assert.False(t, eval[bool](p, `document.getElementById('embed-edit').hidden`), "not read-only")
}

// The secrets of the PLAINTEXT requests pasted into the Verify view below;
// their signature on the wire is importCanaryCS%26importCanaryTS.
const (
	importCanaryCS  = "CANARYimportCS7a1"
	importCanaryTS  = "CANARYimportTS2b9"
	importCanarySig = importCanaryCS + "%26" + importCanaryTS
)

// importShareCases are the paths of issue 13, finding 1, by which a
// PLAINTEXT signature (the secrets) or userinfo reached a share link after
// Import: each text, pasted into the Verify view, and the URL the Sign view
// must have after Import (so the test knows the import happened).
var importShareCases = []struct{ name, text, url string }{
	{"body, no content type",
		"POST /p HTTP/1.1\nHost: api.example.test\n\na=1&oauth_consumer_key=ck&oauth_signature=" + importCanarySig + "&oauth_signature_method=PLAINTEXT",
		"https://api.example.test/p"},
	{"body, text/plain",
		"POST /p HTTP/1.1\nHost: api.example.test\nContent-Type: text/plain\n\noauth_consumer_key=ck&oauth_signature=" + importCanarySig + "&oauth_signature_method=PLAINTEXT",
		"https://api.example.test/p"},
	{"body, multipart/form-data",
		"POST /p HTTP/1.1\nHost: api.example.test\nContent-Type: multipart/form-data; boundary=b\n\noauth_consumer_key=ck&oauth_signature=" + importCanarySig + "&oauth_signature_method=PLAINTEXT",
		"https://api.example.test/p"},
	{"body, a list of types",
		"POST /p HTTP/1.1\nHost: api.example.test\nContent-Type: text/plain, application/json\n\noauth_consumer_key=ck&oauth_signature=" + importCanarySig + "&oauth_signature_method=PLAINTEXT",
		"https://api.example.test/p"},
	{"body, percent-encoded name (curl)",
		"curl https://api.example.test/p -H 'Content-Type: text/plain' -d 'oauth%5Fsignature=" + importCanarySig + "&oauth_signature_method=PLAINTEXT&oauth_consumer_key=ck'",
		"https://api.example.test/p"},
	{"userinfo",
		"https://" + importCanaryCS + ":" + importCanaryTS + "@api.example.test/p?oauth_consumer_key=ck",
		"https://api.example.test/p"},
	{"upper case",
		"https://api.example.test/p?oauth_consumer_key=ck&OAUTH_SIGNATURE=" + importCanarySig + "&OAUTH_SIGNATURE_METHOD=PLAINTEXT",
		"https://api.example.test/p"},
	{"fragment",
		"https://api.example.test/p?oauth_consumer_key=ck#oauth_signature=" + importCanarySig,
		"https://api.example.test/p"},
	{"path",
		"https://api.example.test/v1;oauth_signature=" + importCanarySig + "/items?oauth_consumer_key=ck",
		"https://api.example.test/v1/items"},
	{"; separators",
		"https://api.example.test/p?a=1;oauth_signature=" + importCanarySig + ";oauth_signature_method=PLAINTEXT&oauth_consumer_key=ck",
		"https://api.example.test/p?a=1"},
	{"realm",
		"GET https://api.example.test/p HTTP/1.1\nAuthorization: OAuth realm=\"oauth_signature=" + importCanarySig + "\", oauth_consumer_key=\"ck\", " +
			"oauth_signature_method=\"PLAINTEXT\", oauth_signature=\"" + importCanarySig + "\"\n\n",
		"https://api.example.test/p"},
}

// assertNoImportCanary checks that neither secret of the pasted requests,
// raw or percent-encoded, is in s.
func assertNoImportCanary(t *testing.T, s, where string) {
	t.Helper()
	for _, c := range []string{importCanaryCS, importCanaryTS} {
		assert.NotContains(t, s, c, "a pasted secret reached %s", where)
	}
}

// TestBrowserShareImportNoSecret pastes each request of importShareCases
// into the Verify view, presses "Import into the Sign view", then opens
// Share link and Embed this: the link, the embed code (both decoded) and
// every non-secret field of the Sign view are free of the pasted secrets.
func TestBrowserShareImportNoSecret(t *testing.T) {
	p := openPage(t)
	base := startURL(t, p)
	for _, c := range importShareCases {
		t.Run(c.name, func(t *testing.T) {
			pt := p.p(t)
			reopen(pt, base)
			pt.click("tab-verify")
			pt.verifyInput("verify-input", c.text)
			require.False(t, eval[bool](pt, `document.getElementById('verify-import').disabled`), "Import is offered")
			pt.afterSign(func() { pt.click("verify-import") })
			pt.click("tab-sign")

			fields := readShareFields(pt)
			raw, err := json.Marshal(fields)
			require.NoError(t, err)
			assertNoImportCanary(t, string(raw), "a non-secret field of the Sign view")
			assert.Equal(t, c.url, fields["url"], "the Sign view has the imported request")
			assert.NotEqual(t, "https://api.x.com/1.1/statuses/update.json?include_entities=true", fields["url"], "the import happened")

			link := shareLink(pt, true)
			_, decoded := decodeShareFragment(t, link)
			assertNoImportCanary(t, link, "the share link")
			assertNoImportCanary(t, decoded, "the decoded share state")

			pt.click("embed-this")
			code := pt.value("embed-code")
			require.NotEmpty(t, code, "the embed code is shown: %s", pt.mustText("embed-code-problem"))
			src := html.UnescapeString(strings.Split(strings.Split(code, `src="`)[1], `"`)[0])
			assertNoImportCanary(t, code, "the embed code")
			if strings.Contains(src, "share=") {
				_, decodedEmbed := decodeShareFragment(t, src)
				assertNoImportCanary(t, decodedEmbed, "the decoded embed state")
			}
		})
	}
}

// TestBrowserShareRefusesSecretValues checks share.js's second guard: a URL
// with userinfo, or any allow-listed value that equals or holds what a
// secret input (of either view) holds right now, gives no link and no embed
// code but a message naming the fields, never the value; a share link with
// userinfo is refused when opened.
func TestBrowserShareRefusesSecretValues(t *testing.T) {
	p := openPage(t)
	base := startURL(t, p)
	cases := []struct {
		name, field, value, secretInput, says string
	}{
		{"userinfo", "url", "https://" + shareCanaryConsumer + ":x@api.example.test/p", "", "url field has a user name or password"},
		{"the consumer secret in the body, percent-encoded", "body", "a=1&oauth_signature=" + shareCanaryConsumer + "%26" + shareCanaryToken,
			"consumerSecret", "body field holds the value of a secret (consumerSecret)"},
		{"the Verify view's token secret as the realm", "realm", shareCanaryToken, "verify-tokenSecret",
			"realm field holds the value of a secret (tokenSecret of the Verify view)"},
		{"the token secret in the callback", "callback", "https://c.example/cb?s=" + shareCanaryToken, "tokenSecret",
			"callback field holds the value of a secret (tokenSecret)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pt := p.p(t)
			reopen(pt, base)
			if strings.HasPrefix(c.secretInput, "verify-") {
				pt.click("tab-verify")
				eval[chromedp.Void](pt, `(() => { const el = document.getElementById(`+jsStr(c.secretInput)+`); el.value = `+jsStr(shareCanaryToken)+`;
					el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
				pt.click("tab-sign")
			} else if c.secretInput != "" {
				pt.setField(c.secretInput, map[string]string{"consumerSecret": shareCanaryConsumer, "tokenSecret": shareCanaryToken}[c.secretInput])
			}
			pt.setField(c.field, c.value)
			pt.click("share-link")
			pt.click("embed-this")
			for _, id := range []string{"share-url", "embed-code"} {
				assert.Empty(t, pt.value(id), "%s is refused", id)
				problem := pt.mustText(id + "-problem")
				assert.Contains(t, problem, "cannot be shared")
				assert.Contains(t, problem, c.says)
				assertNoCanary(t, problem, "the refusal")
			}
			// Changing the field back gives a link again, without the value.
			pt.setField(c.field, "")
			link := pt.value("share-url")
			require.NotEmpty(t, link, "a link once the field no longer holds a secret")
			assertNoCanary(t, link, "the share link")
		})
	}

	t.Run("a link with userinfo", func(t *testing.T) {
		pt := p.p(t)
		payload := base64.RawURLEncoding.EncodeToString([]byte(`{"v":1,"url":"https://u:` + shareCanaryConsumer + `@evil.example/"}`))
		reopen(pt, base+"#share="+payload)
		notice := pt.mustText("share-notice")
		assert.Contains(t, notice, "could not be loaded")
		assert.Contains(t, notice, "url field has a user name or password")
		assertNoCanary(t, notice, "the notice")
		assert.Equal(t, "https://api.x.com/1.1/statuses/update.json?include_entities=true", pt.value("url"), "the default example")
	})
}

// reopen loads url afresh in the test's tab and waits for the signer.
func reopen(p *pageT, url string) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS(`[data-testid="status"][data-ready]`)),
	))
	// A #share= link is applied once share-panel.js has loaded (lazy.js),
	// which the signer, started early, may beat.
	require.NoError(p.t, waitLazy(p.ctx))
}

// TestBrowserShareEmbedOpenFullNoSecret checks the editable embed's "Open
// in the full playground" link: once a value holds the secret typed into
// the frame (or the URL has userinfo), the link carries no share state, so
// not the secret; with the value gone it carries the request again.
func TestBrowserShareEmbedOpenFullNoSecret(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	p := embedPage(t, newBrowser(t), base, "#preset=x-creating-a-signature")
	p.setField("consumerSecret", shareCanaryConsumer)
	for _, c := range []struct{ field, value string }{
		{"body", "status=" + shareCanaryConsumer},
		{"url", "https://u:" + shareCanaryConsumer + "@api.x.com/1.1/statuses/update.json"},
	} {
		p.setField(c.field, c.value)
		href := eval[string](p, `document.getElementById('open-full').href`)
		assertNoCanary(t, href, "the open-in-full link")
		if assert.NotContains(t, href, "#share=", "no share state while %s holds a secret", c.field) {
			continue
		}
		_, decoded := decodeShareFragment(t, href)
		assertNoCanary(t, decoded, "the open-in-full link's share state")
	}
	p.setField("url", "https://api.x.com/1.1/statuses/update.json")
	p.setField("body", "status=hello")
	href := eval[string](p, `document.getElementById('open-full').href`)
	_, decoded := decodeShareFragment(t, href)
	assert.Contains(t, decoded, "status=hello", "the request again")
	assertNoCanary(t, href+decoded, "the open-in-full link")
}

// waitShareOpened waits until the page has opened its share link: the
// share module comes on demand (site/lazy.js), and the notice says what it
// did; then, when baseString is given, until the request it restored is
// signed.
func waitShareOpened(t *testing.T, p *pageT, baseString string) {
	t.Helper()
	require.NoError(t, waitLazy(p.ctx))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById('share-notice').textContent !== ''`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the share link was not opened")
	if baseString == "" {
		return
	}
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="step-signatureBaseString-value"]')?.textContent === `+jsStr(baseString),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the restored request was not signed")
}
