//go:build !js

package main

// A Tokens leg in embed.html (#view=tokens&flow=…&leg=…): the frame starts
// the full signer and its provider when seen, walks to the leg with the
// demo app and shows it built with the Sign view's cards; its "Open in the
// full playground" link names the view, flow and leg and nothing else; in
// a docs page of another origin the page around it hears only heights; and
// the full page's "Embed this" writes such a frame while the Tokens view is
// shown.

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inEmbedTokens is the selector of test id inside the embed's Tokens leg.
func inEmbedTokens(id string) string { return `#embed-tokens [data-testid="` + id + `"]` }

// openFullHash is the fragment of the embed's "Open in the full playground" link.
const openFullHash = `new URL(document.getElementById('open-full').href).hash`

// TestBrowserTokensEmbedAtLeg opens embed.html at the PIN flow's access
// token leg: the legs before it were sent, the leg is built (its
// oauth_verifier, the request token's secret in the key), the Sign cards
// are hidden, the link carries the leg, and going on to the next leg moves
// the link with it. No id is used twice.
func TestBrowserTokensEmbedAtLeg(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"embed.html#view=tokens&flow=oob&leg=access_token")))
	p := tokensPage{&pageT{t: t, ctx: ctx}}
	p.waitFor(`document.querySelector(`+jsStr(inEmbedTokens("tokens-leg-access_token"))+`)?.dataset.state === 'current'`, 60*time.Second)
	assert.Equal(t, "done", eval[string](p.pageT, `document.querySelector(`+jsStr(inEmbedTokens("tokens-leg-authorize"))+`).dataset.state`))
	header := eval[string](p.pageT, `document.querySelector(`+jsStr(inEmbedTokens("step-authorizationHeader-value"))+`)?.textContent ?? ''`)
	assert.Contains(t, header, "oauth_verifier=", "the leg is built with the Sign view's cards")
	assert.Contains(t, eval[string](p.pageT, `document.querySelector(`+jsStr(inEmbedTokens("tokens-signing-key-shape"))+`)?.textContent ?? ''`), "consumer_secret&request_token_secret")
	assert.False(t, eval[bool](p.pageT, `document.getElementById('embed-tokens').hidden`))
	assert.True(t, eval[bool](p.pageT, `getComputedStyle(document.getElementById('steps')).display === 'none' && getComputedStyle(document.getElementById('embed-edit')).display === 'none'`), "the Sign cards are not shown")
	assert.Equal(t, "#view=tokens&flow=oob&leg=access_token", eval[string](p.pageT, openFullHash))
	assert.True(t, strings.HasPrefix(eval[string](p.pageT, `document.getElementById('open-full').getAttribute('aria-label')`), "Open in the full playground"))
	assert.Empty(t, eval[[]string](p.pageT, idProblems), "ids unique in the frame")

	// Send the leg and go on: the link follows the leg shown.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(inEmbedTokens("tokens-send")))))
	p.waitFor(`!!document.querySelector(`+jsStr(inEmbedTokens("tokens-next"))+`)`, 10*time.Second)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(inEmbedTokens("tokens-next")))))
	p.waitFor(`document.querySelector(`+jsStr(inEmbedTokens("tokens-leg-verify_credentials"))+`)?.dataset.state === 'current'`, 10*time.Second)
	assert.Equal(t, "#view=tokens&flow=oob&leg=verify_credentials", eval[string](p.pageT, openFullHash))
	// The access token is issued and shown masked; the link never holds it.
	assert.True(t, p.exists(inEmbedTokens("tokens-issued-accessToken-masked")), "the issued token is masked")
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(inEmbedTokens("tokens-issued-accessToken-reveal")))))
	token := eval[string](p.pageT, `document.querySelector(`+jsStr(inEmbedTokens("tokens-issued-accessToken"))+`)?.textContent ?? ''`)
	require.NotEmpty(t, token)
	assert.NotContains(t, eval[string](p.pageT, `document.getElementById('open-full').href`), token)
	assert.Equal(t, 0, p.stored())
}

// TestBrowserTokensEmbedFramed frames a Tokens leg in a docs page of
// another origin: the frame walks to the leg, and the page around it is
// told only heights, never a signature or a token.
func TestBrowserTokensEmbedFramed(t *testing.T) {
	requireBrowser(t)
	host := newDocsHost(t)
	base := startFramedServer(t, host.URL)
	host.frame(base + "embed.html#view=tokens&flow=callback&leg=verify_credentials&id=playground&origin=" + url.QueryEscape(host.URL))
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(host.URL)))
	frame := frameNode(t, ctx)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(`+jsStr(inEmbedTokens("tokens-leg-verify_credentials"))+`)?.dataset.state === 'current'`,
		chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(60*time.Second)))
	require.NoError(t, err, "the frame opens at the leg")
	header, err := chromedp.Run(ctx, chromedp.TextContent(inEmbedTokens("step-authorizationHeader-value"), chromedp.FromNode(frame)))
	require.NoError(t, err)
	token := regexp.MustCompile(`oauth_token="([^"]+)"`).FindStringSubmatch(header)
	require.Len(t, token, 2, "the protected call is signed with the access token: %s", header)
	waitMessages(t, ctx, `(ms) => ms.some((m) => m.data.type === '`+messageHeight+`')`)
	time.Sleep(500 * time.Millisecond)
	for _, m := range messages(t, ctx) {
		assert.Equal(t, messageHeight, m.Data["type"], "only heights go to the page: %v", m.Data)
		raw, err := json.Marshal(m.Data)
		require.NoError(t, err)
		assert.NotContains(t, string(raw), token[1], "no token in a message")
	}
}

// TestBrowserTokensEmbedThis: with the Tokens view shown at a leg, "Embed
// this" writes an iframe of that leg, names only; a framed copy of it opens
// at the leg.
func TestBrowserTokensEmbedThis(t *testing.T) {
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	p := tokensPage{&pageT{t: t, ctx: ctx}}
	require.NoError(t, navigateReady(ctx, base+"#view=tokens&flow=oob&leg=access_token"))
	p.waitFor(`document.querySelector('#view-tokens [data-testid="tokens-leg-access_token"]')?.dataset.state === 'current'`, 60*time.Second)
	p.click("embed-this")
	code := eval[string](p.pageT, `document.querySelector('[data-testid="embed-code"]').value`)
	assert.Contains(t, code, "embed.html#view=tokens&amp;flow=oob&amp;leg=access_token&amp;id=oauth1-playground")
	assert.NotContains(t, code, "preset=")
	assert.NotContains(t, code, "share=")
	verifier := p.revealed("tokens-issued-verifier")
	assert.NotContains(t, code, verifier, "no token in the embed code")
	assert.NotContains(t, code, tokensDemoSecret)

	// The Sign view shown again: the embed is the Sign request's.
	p.click("tab-sign")
	p.waitFor(`document.querySelector('[data-testid="embed-code"]').value.includes('preset=')`, 5*time.Second)
}
