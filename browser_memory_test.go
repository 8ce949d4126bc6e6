//go:build !js

package main

// Finding 5 of issue 13: after Clear, and after pagehide, no copy of a typed
// secret is left in the page's memory. The canaries reach the page only
// through Input.insertText (as typing does), never through a script, so a
// copy found later is the page's, not the test's: every script this file
// evaluates is free of them, and the wasm scan gets the bytes to look for
// as hex. What is measured: the V8 heap, as a snapshot after a forced GC
// (every string in it, whatever holds it), and every live
// WebAssembly.Memory, byte by byte.

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// memoryCanaries are what no memory may hold after a wipe: each secret, and
// the PLAINTEXT signature both make, percent-encoded as a header carries it.
var memoryCanaries = []string{canaryConsumer, canaryToken, canaryConsumer + "%26" + canaryToken}

func TestBrowserMemoryAfterClear(t *testing.T) {
	p := openPage(t)
	useSecrets(p)
	p.click("clear")
	assertNoCanaryInMemory(p)
}

func TestBrowserMemoryAfterPagehide(t *testing.T) {
	p := openPage(t)
	useSecrets(p)
	p.pagehide()
	eval[chromedp.Void](p, `window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))`)
	assertNoCanaryInMemory(p)
	// The restored page has a working signer of its own.
	p.loadPreset("x-creating-a-signature")
	assert.Equal(p.t, xSignature, p.mustText("signature"))
}

// useSecrets types the canary secrets into the Sign view, signs with every
// method (the RSA ones load the full build), then checks a request signed
// with them in the Verify view: verified, then diagnosed (a wrong
// signature), then as PLAINTEXT.
func useSecrets(p *pageT) {
	p.t.Helper()
	p.typeInto("consumerSecret", canaryConsumer)
	p.typeInto("tokenSecret", canaryToken)
	methods := eval[[]string](p, `[...document.getElementById('signatureMethod').options].map((o) => o.value)`)
	require.NotEmpty(p.t, methods)
	for _, m := range append(methods, "HMAC-SHA1") {
		p.afterSign(func() {
			eval[chromedp.Void](p, `(() => { const s = document.getElementById('signatureMethod'); s.value = `+jsStr(m)+`;
				s.dispatchEvent(new Event('change', { bubbles: true })); })()`)
		})
	}
	require.Equal(p.t, "full", eval[string](p, `String(globalThis.oauth1?.build)`), "an RSA method loaded the full signer")

	p.click("tab-verify")
	good := signedPaste(p.t, signer.HMACSHA1)
	p.afterVerify(func() {
		eval[chromedp.Void](p, `(() => { const el = document.getElementById('verify-input'); el.value = `+jsStr(good)+`;
			el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	})
	p.typeIntoVerify("verify-consumerSecret", canaryConsumer)
	p.typeIntoVerify("verify-tokenSecret", canaryToken)
	require.Equal(p.t, "valid", p.verdict())
	bad := strings.Replace(good, `oauth_signature="`, `oauth_signature="x`, 1)
	p.afterVerify(func() {
		eval[chromedp.Void](p, `(() => { const el = document.getElementById('verify-input'); el.value = `+jsStr(bad)+`;
			el.dispatchEvent(new Event('input', { bubbles: true })); })()`)
	})
	require.NotEqual(p.t, "valid", p.verdict())
	// A PLAINTEXT signature is the secrets, so this paste is typed too.
	p.typeIntoVerify("verify-input", signedPaste(p.t, signer.PLAINTEXT))
}

// signedPaste is a raw HTTP request signed with the canaries.
func signedPaste(t *testing.T, method signer.SignatureMethod) string {
	t.Helper()
	res, err := signer.Sign(signer.Request{Method: "POST", URL: "https://api.example.com/1/items?a=1", ConsumerKey: "memkey",
		ConsumerSecret: canaryConsumer, Token: "memtoken", TokenSecret: canaryToken, SignatureMethod: method,
		Nonce: "memnonce", Timestamp: "1318622958", Version: "1.0"})
	require.NoError(t, err)
	return "POST /1/items?a=1 HTTP/1.1\nHost: api.example.com\nAuthorization: " + res.AuthorizationHeader + "\n\n"
}

// typeInto replaces the value of the Sign view's input id with text, as
// typing would, and waits for the page to sign again.
func (p *pageT) typeInto(id, text string) {
	p.t.Helper()
	p.afterSign(func() { p.insertText(id, text) })
}

// typeIntoVerify is typeInto for the Verify view, which checks again.
func (p *pageT) typeIntoVerify(id, text string) {
	p.t.Helper()
	p.afterVerify(func() { p.insertText(id, text) })
}

func (p *pageT) insertText(id, text string) {
	p.t.Helper()
	eval[chromedp.Void](p, `(() => { const el = document.getElementById(`+jsStr(id)+`); el.focus(); el.select(); })()`)
	_, err := chromedp.Call(p.ctx, input.InsertText, input.InsertTextParams{Text: text})
	require.NoError(p.t, err)
}

// assertNoCanaryInMemory forces a GC, then counts the heap snapshot's
// strings and the live wasm memories' copies that hold a canary: zero of
// each. The scan must see memory at all: at least one live memory (the
// fresh signer's) of a plausible size.
func assertNoCanaryInMemory(p *pageT) {
	p.t.Helper()
	// Let a restart in progress finish, so the scan sees the memory that stays.
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`globalThis.oauth1 !== undefined`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(p.t, err, "no signer runs after the wipe")
	strs := heapStringsWithCanary(p)
	copies, memories, bytes := wasmCanaryCopies(p)
	p.t.Logf("after the wipe: %d heap strings and %d wasm-memory copies hold a canary (%d live memories, %d bytes)", len(strs), copies, memories, bytes)
	assert.Empty(p.t, strs, "heap strings holding a canary")
	assert.Zero(p.t, copies, "copies of a canary in wasm memory")
	assert.Positive(p.t, memories, "the scan saw no wasm memory at all")
}

// heapStringsWithCanary takes a heap snapshot (after a forced GC) and
// returns its strings that hold a canary, shortened for the failure message.
// A snapshot keeps at most the first 1 024 characters of a string, which is
// why the canaries sit near the start of whatever holds them.
func heapStringsWithCanary(p *pageT) []string {
	p.t.Helper()
	ctx := p.ctx
	_, err := chromedp.Call(ctx, heapprofiler.Enable, cdp.Empty{})
	require.NoError(p.t, err)
	for range 3 {
		_, err = chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{})
		require.NoError(p.t, err)
	}
	var mu sync.Mutex
	var snapshot strings.Builder
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		for ev, err := range chromedp.Events(lctx, heapprofiler.AddHeapSnapshotChunk) {
			if err != nil {
				return
			}
			mu.Lock()
			snapshot.WriteString(ev.Chunk)
			mu.Unlock()
		}
	}()
	_, err = chromedp.Call(ctx, heapprofiler.TakeHeapSnapshot, heapprofiler.TakeHeapSnapshotParams{})
	require.NoError(p.t, err)
	// The chunks come before the command's answer, but the goroutine above
	// may still be appending the last ones.
	var text string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		mu.Lock()
		text = snapshot.String()
		mu.Unlock()
		if json.Valid([]byte(text)) || time.Now().After(deadline) {
			break
		}
	}
	var parsed struct {
		Strings []string `json:"strings"`
	}
	require.NoError(p.t, json.Unmarshal([]byte(text), &parsed), "the heap snapshot is not JSON (%d bytes)", len(text))
	require.Greater(p.t, len(parsed.Strings), 1000, "the heap snapshot holds too few strings to be real")
	var found []string
	for _, s := range parsed.Strings {
		for _, c := range memoryCanaries {
			if strings.Contains(s, c) {
				i := strings.Index(s, c)
				found = append(found, s[max(0, i-40):min(len(s), i+len(c)+40)])
				break
			}
		}
	}
	return found
}

// wasmCanaryCopies finds every live WebAssembly.Memory (Runtime.queryObjects)
// and counts the places a canary's bytes start in them; it also returns how
// many memories and bytes it scanned.
func wasmCanaryCopies(p *pageT) (copies, memories, size int) {
	p.t.Helper()
	ctx := p.ctx
	proto, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: `WebAssembly.Memory.prototype`, ObjectGroup: "memscan"})
	require.NoError(p.t, err)
	defer chromedp.Call(ctx, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: "memscan"}) //nolint:errcheck
	list, err := chromedp.Call(ctx, runtime.QueryObjects, runtime.QueryObjectsParams{PrototypeObjectID: proto.Result.ObjectID, ObjectGroup: "memscan"})
	require.NoError(p.t, err)
	var hexes []string
	for _, c := range memoryCanaries {
		hexes = append(hexes, hex.EncodeToString([]byte(c)))
	}
	arg, err := json.Marshal(hexes)
	require.NoError(p.t, err)
	yes := true
	res, err := chromedp.Call(ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		ObjectID:      list.Objects.ObjectID,
		ReturnByValue: &yes,
		Arguments:     []*runtime.CallArgument{{Value: jsonv2.Value(arg)}},
		FunctionDeclaration: `function (hexes) {
			const needles = hexes.map((h) => Uint8Array.from(h.match(/../g), (b) => parseInt(b, 16)));
			let copies = 0, size = 0;
			for (const memory of this) {
				const bytes = new Uint8Array(memory.buffer);
				size += bytes.length;
				for (const n of needles) {
					for (let i = bytes.indexOf(n[0]); i >= 0 && i <= bytes.length - n.length; i = bytes.indexOf(n[0], i + 1)) {
						let j = 1;
						while (j < n.length && bytes[i + j] === n[j]) j++;
						if (j === n.length) copies++;
					}
				}
			}
			return { copies, memories: this.length, size };
		}`,
	})
	require.NoError(p.t, err)
	require.Nil(p.t, res.ExceptionDetails, "the wasm memory scan threw")
	var out struct{ Copies, Memories, Size int }
	require.NoError(p.t, json.Unmarshal(res.Result.Value, &out))
	return out.Copies, out.Memories, out.Size
}

// TestBrowserSignerCrashAnnouncedAndReplaced checks finding 6 of issue 13
// in the page: when the Go program stops (here: its runtime.wasmExit, the
// import a fatal error ends in, called on the live Go object found with
// Runtime.queryObjects, then the exit promise resolved as _resume does after
// a fatal error), the status line says so and never "Ready", the last result
// is dimmed until a new signer has signed it again, and signing works
// afterwards. Before, the page kept saying "Ready… every change is signed"
// over the old signature, and no edit was signed again.
func TestBrowserSignerCrashAnnouncedAndReplaced(t *testing.T) {
	p := openPage(t)
	require.Equal(t, xSignature, p.mustText("signature"))
	// The page loads the full signer once it is idle after its first
	// signature (engine.js); let it, so that one Go program runs when this
	// test stops it.
	_, errFull := chromedp.Run(p.ctx, chromedp.Poll[bool](`globalThis.oauth1?.build === 'full'`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, errFull, "the full signer did not load once the page was idle")
	// Record every state of the status line and of the result from now on.
	eval[chromedp.Void](p, `(() => {
		const status = document.querySelector('[data-testid="status"]');
		const result = document.getElementById('result');
		globalThis.seen = [];
		const note = () => seen.push({ state: status.dataset.state ?? '', text: status.textContent, stale: result.classList.contains('stale') });
		new MutationObserver(note).observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
		new MutationObserver(note).observe(result, { attributes: true, attributeFilter: ['class'] });
	})()`)

	killed := callOnLive(p, "Go.prototype", `function () {
		const live = this.filter((go) => !go.exited);
		for (const go of live) {
			go.importObject.gojs['runtime.wasmExit'](0);
			go._resolveExitPromise();
		}
		return live.length;
	}`)
	require.Equal(t, 1, killed, "one Go program was running")

	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="status"]').dataset.state === 'restarted'`,
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "the page did not announce a restarted signer: %v", eval[any](p, `globalThis.seen`))
	var seen []struct {
		State, Text string
		Stale       bool
	}
	require.NoError(t, json.Unmarshal([]byte(eval[string](p, `JSON.stringify(globalThis.seen)`)), &seen))
	require.NotEmpty(t, seen)
	assert.Equal(t, "restarting", seen[0].State, "the first thing the page said after the crash")
	assert.True(t, seen[0].Stale || len(seen) > 1 && seen[1].Stale, "the old result was dimmed at once")
	for _, s := range seen {
		if s.State == "restarted" {
			break
		}
		assert.NotContains(t, s.Text, "Ready", "the page said Ready while its signer was gone")
		if s.State == "ok" {
			t.Errorf("status ok before the new signer signed: %+v", s)
		}
	}
	assert.False(t, eval[bool](p, `document.getElementById('result').classList.contains('stale')`), "signed again, so no longer dimmed")
	assert.Equal(t, xSignature, p.mustText("signature"))
	// An edit is signed by the new signer.
	p.setField("nonce", "crashnonce")
	assert.Equal(t, "ok", eval[string](p, `document.querySelector('[data-testid="status"]').dataset.state`))
	assert.NotEqual(t, xSignature, p.mustText("signature"))
	p.setField("nonce", xNonce)
	assert.Equal(t, xSignature, p.mustText("signature"))
}

// callOnLive calls fn on the array of the live objects whose prototype the
// expression proto gives (Runtime.queryObjects) and returns its number.
func callOnLive(p *pageT, proto, fn string) int {
	p.t.Helper()
	ctx := p.ctx
	pr, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: proto, ObjectGroup: "live"})
	require.NoError(p.t, err)
	defer chromedp.Call(ctx, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: "live"}) //nolint:errcheck
	list, err := chromedp.Call(ctx, runtime.QueryObjects, runtime.QueryObjectsParams{PrototypeObjectID: pr.Result.ObjectID, ObjectGroup: "live"})
	require.NoError(p.t, err)
	yes := true
	res, err := chromedp.Call(ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		ObjectID: list.Objects.ObjectID, ReturnByValue: &yes, FunctionDeclaration: fn})
	require.NoError(p.t, err)
	require.Nil(p.t, res.ExceptionDetails, "calling on the live objects threw")
	var n int
	require.NoError(p.t, json.Unmarshal(res.Result.Value, &n))
	return n
}
