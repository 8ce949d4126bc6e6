//go:build !js

package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantSecurityHeaders are the exact headers every response must carry
// (docs/architecture.md, "Security rules"), written out here rather than taken from server.go so
// that a change there has to be made twice.
var wantSecurityHeaders = map[string]string{
	"Content-Security-Policy":      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'; frame-ancestors 'self'",
	"X-Content-Type-Options":       "nosniff",
	"Referrer-Policy":              "no-referrer",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
	"X-Frame-Options":              "SAMEORIGIN",
	"Cache-Control":                "no-cache",
}

// mapFile is a regular file holding s, for the test sites.
func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

// testSite is a small site for the handler tests.
func testSite() fstest.MapFS {
	file := mapFile
	return fstest.MapFS{
		"index.html":       file("<!doctype html><title>playground</title>"),
		"app.js":           file("export {};"),
		"style.css":        file("body{}"),
		"signer.wasm":      file("\x00asm\x01\x00\x00\x00"),
		"signer.wasm.js":   file("export const bytes = 1;"),
		"presets.json":     file("{}"),
		"logo.png":         file("\x89PNG"),
		"logo.svg":         file("<svg></svg>"),
		"notes.txt":        file("notes"),
		"server.go":        file("package main"),
		"archive.tar.gz":   file("gz"),
		"noext":            file("x"),
		"docs/index.html":  file("<!doctype html><title>docs</title>"),
		"empty/readme.txt": file("no index here"),
		".hidden":          file("secret"),
		".git/config":      file("[core]"),
		"sub/.env":         file("SECRET=1"),
		"odd/index.html/x": file("index.html is a directory"),
	}
}

// serve sends a request for target with method and host to h and returns
// the recorded response. An empty host means "127.0.0.1:8080" (httptest's
// default, example.com, fails the Host check).
func serve(t *testing.T, h http.Handler, method, target, host string) *http.Response {
	t.Helper()
	return serveRequest(h, newTestRequest(method, target, host))
}

// newTestRequest returns a request for target with method and host, an
// empty host meaning "127.0.0.1:8080".
func newTestRequest(method, target, host string) *http.Request {
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:8080"
	if host != "" {
		req.Host = host
	}
	return req
}

// serveRequest sends req to h and returns the recorded response.
func serveRequest(h http.Handler, req *http.Request) *http.Response {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// assertSecurityHeaders checks that every header in wantSecurityHeaders is
// present once with the exact value.
func assertSecurityHeaders(t *testing.T, header http.Header) {
	t.Helper()
	for name, want := range wantSecurityHeaders {
		assert.Equal(t, []string{want}, header.Values(name), "header %s", name)
	}
}

func TestHandlerMethods(t *testing.T) {
	h := newHandler(testSite())
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch, "PROPFIND"} {
		t.Run(method, func(t *testing.T) {
			resp := serve(t, h, method, "/app.js", "")
			assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, "%s /app.js: status", method)
			assert.Equal(t, "GET, HEAD", resp.Header.Get("Allow"), "%s /app.js: Allow", method)
		})
	}
	t.Run("HEAD", func(t *testing.T) {
		resp := serve(t, h, http.MethodHead, "/app.js", "")
		assert.Equal(t, http.StatusOK, resp.StatusCode, "HEAD /app.js: status")
	})
}

func TestHandlerHost(t *testing.T) {
	h := newHandler(testSite())
	tests := []struct {
		name string
		host string
		want int
	}{
		{name: "evil", host: "evil.example", want: http.StatusMisdirectedRequest},
		{name: "evil with port", host: "evil.example:8080", want: http.StatusMisdirectedRequest},
		{name: "loopback prefix", host: "127.0.0.1.evil.example:8080", want: http.StatusMisdirectedRequest},
		{name: "localhost suffix", host: "localhost.evil.example", want: http.StatusMisdirectedRequest},
		{name: "other loopback", host: "127.0.0.2:8080", want: http.StatusMisdirectedRequest},
		{name: "unbracketed v6", host: "::1", want: http.StatusMisdirectedRequest},
		{name: "localhost", host: "localhost:8080", want: http.StatusOK},
		{name: "localhost no port", host: "localhost", want: http.StatusOK},
		{name: "localhost upper case", host: "LOCALHOST:8080", want: http.StatusOK},
		{name: "ipv4", host: "127.0.0.1:8080", want: http.StatusOK},
		{name: "ipv6", host: "[::1]:8080", want: http.StatusOK},
		{name: "ipv6 no port", host: "[::1]", want: http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := serve(t, h, http.MethodGet, "/", tc.host)
			assert.Equal(t, tc.want, resp.StatusCode, "Host %q: status", tc.host)
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.NotContains(t, string(body), "evil", "Host %q: the error must not echo the request", tc.host)
		})
	}
	t.Run("empty host", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.Host = ""
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, http.StatusMisdirectedRequest, rec.Code, "empty Host: status")
	})
	t.Run("public mode accepts any host", func(t *testing.T) {
		resp := serve(t, newHandlerConfig(testSite(), handlerConfig{anyHost: true}), http.MethodGet, "/", "evil.example")
		assert.Equal(t, http.StatusOK, resp.StatusCode, "anyHost: status")
	})
	t.Run("listen host added", func(t *testing.T) {
		resp := serve(t, newHandlerConfig(testSite(), handlerConfig{hosts: []string{"127.0.0.2"}}), http.MethodGet, "/", "127.0.0.2:9000")
		assert.Equal(t, http.StatusOK, resp.StatusCode, "listen host: status")
	})
}

func TestHandlerContentTypes(t *testing.T) {
	h := newHandler(testSite())
	tests := []struct {
		target     string
		wantStatus int
		wantType   string
	}{
		{target: "/", wantStatus: http.StatusOK, wantType: "text/html; charset=utf-8"},
		{target: "/docs/", wantStatus: http.StatusOK, wantType: "text/html; charset=utf-8"},
		{target: "/app.js", wantStatus: http.StatusOK, wantType: "text/javascript; charset=utf-8"},
		{target: "/signer.wasm.js", wantStatus: http.StatusOK, wantType: "text/javascript; charset=utf-8"},
		{target: "/signer.wasm", wantStatus: http.StatusOK, wantType: "application/wasm"},
		{target: "/style.css", wantStatus: http.StatusOK, wantType: "text/css; charset=utf-8"},
		{target: "/presets.json", wantStatus: http.StatusOK, wantType: "application/json"},
		{target: "/logo.png", wantStatus: http.StatusOK, wantType: "image/png"},
		{target: "/logo.svg", wantStatus: http.StatusOK, wantType: "image/svg+xml"},
		{target: "/notes.txt", wantStatus: http.StatusOK, wantType: "text/plain; charset=utf-8"},
		{target: "/server.go", wantStatus: http.StatusNotFound},
		{target: "/archive.tar.gz", wantStatus: http.StatusNotFound},
		{target: "/noext", wantStatus: http.StatusNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			resp := serve(t, h, http.MethodGet, tc.target, "")
			require.Equal(t, tc.wantStatus, resp.StatusCode, "GET %s: status", tc.target)
			if tc.wantStatus == http.StatusOK {
				assert.Equal(t, []string{tc.wantType}, resp.Header.Values("Content-Type"), "GET %s: Content-Type", tc.target)
			}
		})
	}
}

func TestHandlerNoListings(t *testing.T) {
	h := newHandler(testSite())
	for _, target := range []string{"/empty/", "/empty", "/odd/", "/odd/index.html/"} {
		t.Run(target, func(t *testing.T) {
			resp := serve(t, h, http.MethodGet, target, "")
			assert.Equal(t, http.StatusNotFound, resp.StatusCode, "GET %s: status", target)
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.NotContains(t, string(body), "readme.txt", "GET %s: listing", target)
		})
	}
}

// writeFile writes content to dir/name, creating parent directories.
func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
}

// diskSite creates tmp/site with a page, dotfiles and symlinks, plus secrets
// outside it in tmp, and returns the site directory.
func diskSite(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	writeFile(t, tmp, "go.mod", "module secret")
	writeFile(t, tmp, "secret.txt", "outside")
	site := filepath.Join(tmp, "site")
	writeFile(t, site, "index.html", "<!doctype html><title>playground</title>")
	writeFile(t, site, "signer.wasm.js", "export const wasm = \"\";")
	writeFile(t, site, "signer-lite.wasm.js", "export const wasm = \"\";")
	writeFile(t, site, "wasm_exec.js", "// go")
	writeFile(t, site, "presets-data.js", "export const presetData = [];")
	writeFile(t, site, "app.js", "export {};")
	writeFile(t, site, ".hidden", "secret")
	writeFile(t, site, ".git/config", "[core]")
	writeFile(t, site, "empty/readme.txt", "no index")
	if err := os.Symlink(filepath.Join(tmp, "secret.txt"), filepath.Join(site, "leak.txt")); err != nil {
		t.Skipf("cannot create symlinks: %v", err)
	}
	require.NoError(t, os.Symlink("../secret.txt", filepath.Join(site, "relative-leak.txt")))
	require.NoError(t, os.Symlink(tmp, filepath.Join(site, "up")))
	require.NoError(t, os.Symlink("app.js", filepath.Join(site, "inside.js")))
	return site
}

func TestHandlerTraversal(t *testing.T) {
	site := diskSite(t)
	root, err := os.OpenRoot(site)
	require.NoError(t, err)
	t.Cleanup(func() { root.Close() })
	h := newHandler(root.FS())

	tests := []struct {
		name   string
		target string
	}{
		{name: "dot dot", target: "/../go.mod"},
		{name: "encoded slash", target: "/..%2fgo.mod"},
		{name: "encoded dots", target: "/%2e%2e/go.mod"},
		{name: "inner dot dot", target: "/empty/../../go.mod"},
		{name: "encoded backslash", target: "/..%5cgo.mod"},
		{name: "git config", target: "/.git/config"},
		{name: "git dir", target: "/.git/"},
		{name: "hidden", target: "/.hidden"},
		{name: "encoded hidden", target: "/%2ehidden"},
		{name: "absolute symlink out", target: "/leak.txt"},
		{name: "relative symlink out", target: "/relative-leak.txt"},
		{name: "directory symlink out", target: "/up/secret.txt"},
		{name: "directory symlink out go.mod", target: "/up/go.mod"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := serve(t, h, http.MethodGet, tc.target, "")
			assert.Contains(t, []int{http.StatusNotFound, http.StatusBadRequest}, resp.StatusCode, "GET %s: status", tc.target)
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.NotContains(t, string(body), "outside", "GET %s: body", tc.target)
			assert.NotContains(t, string(body), "secret", "GET %s: body", tc.target)
			assertSecurityHeaders(t, resp.Header)
		})
	}
	t.Run("symlink inside", func(t *testing.T) {
		resp := serve(t, h, http.MethodGet, "/inside.js", "")
		assert.Equal(t, http.StatusOK, resp.StatusCode, "GET /inside.js: status")
	})
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p under the lock.
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns the contents under the lock.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startRun calls run with args in a goroutine and returns the base URL,
// the stdout and stderr buffers, a cancel function and a channel with run's
// result.
func startRun(t *testing.T, args ...string) (url string, stdout, stderr *syncBuffer, cancel context.CancelFunc, done <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	urlCh := make(chan string, 1)
	errCh := make(chan error, 1)
	go func() { errCh <- run(ctx, args, stdout, stderr, func(u string) { urlCh <- u }) }()
	select {
	case url = <-urlCh:
	case err := <-errCh:
		t.Fatalf("run(%q) returned before ready: %v", args, err)
	case <-time.After(10 * time.Second):
		t.Fatalf("run(%q) not ready after 10s", args)
	}
	return url, stdout, stderr, cancel, errCh
}

// waitRun waits for run to return after cancel and checks it returned nil
// within the shutdown timeout.
func waitRun(t *testing.T, cancel context.CancelFunc, done <-chan error) {
	t.Helper()
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err, "run after cancel")
	case <-time.After(shutdownTimeout + time.Second):
		t.Fatal("run did not return within the shutdown timeout")
	}
}

func TestRunServesAndShutsDown(t *testing.T) {
	site := diskSite(t)
	url, stdout, stderr, cancel, done := startRun(t, "-addr", "127.0.0.1:0", "-dir", site)
	require.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), "ready URL %q", url)
	require.True(t, strings.HasSuffix(url, "/"), "ready URL %q", url)

	resp, err := http.Get(url)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "GET %s: status", url)
	assert.Contains(t, string(body), "<title>playground</title>", "GET %s: body", url)
	assertSecurityHeaders(t, resp.Header)

	resp, err = http.Get(url + "leak.txt")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "GET leak.txt: status")

	waitRun(t, cancel, done)
	assert.Equal(t, "oauth1-playground: serving "+url+"\n", stdout.String(), "stdout")
	assert.Empty(t, stderr.String(), "stderr with all files present and no -log")
}

func TestRunOptionsStarHasHeaders(t *testing.T) {
	site := diskSite(t)
	url, _, _, cancel, done := startRun(t, "-addr", "127.0.0.1:0", "-dir", site)
	defer waitRun(t, cancel, done)

	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
	_, err = io.WriteString(conn, "OPTIONS * HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.NotEqual(t, http.StatusOK, resp.StatusCode, "OPTIONS *: status")
	assertSecurityHeaders(t, resp.Header)
}

// rawRequest sends text on a new TCP connection to addr and returns the
// response and its body.
func rawRequest(t *testing.T, addr, text string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
	_, err = io.WriteString(conn, text)
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	resp.Body.Close()
	return resp, string(body)
}

// TestRunAbsoluteFormHost sends absolute-form request targets over a raw
// TCP connection (a browser never does, but a rebinding or proxy-confused
// client might): the target's host is held to the loopback rule, whatever
// the Host header says, and a target with a user name is refused; with
// -public any host passes, as for origin-form requests.
func TestRunAbsoluteFormHost(t *testing.T) {
	site := diskSite(t)
	url, _, _, cancel, done := startRun(t, "-addr", "127.0.0.1:0", "-dir", site)
	defer waitRun(t, cancel, done)
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	tests := []struct {
		name, target, host string
		want               int
	}{
		{name: "evil target, loopback Host", target: "http://evil.example/", host: addr, want: http.StatusMisdirectedRequest},
		{name: "evil target with port", target: "http://evil.example:" + strings.Split(addr, ":")[1] + "/app.js", host: addr, want: http.StatusMisdirectedRequest},
		{name: "loopback prefix target", target: "http://127.0.0.1.evil.example/", host: addr, want: http.StatusMisdirectedRequest},
		{name: "https evil target", target: "https://evil.example/", host: addr, want: http.StatusMisdirectedRequest},
		{name: "user name in target", target: "http://evil.example@" + addr + "/", host: addr, want: http.StatusMisdirectedRequest},
		{name: "loopback target", target: "http://" + addr + "/", host: addr, want: http.StatusOK},
		{name: "localhost target", target: "http://localhost/app.js", host: addr, want: http.StatusOK},
		{name: "loopback target, evil Host ignored (RFC 9112 section 3.2.2)", target: "http://" + addr + "/", host: "evil.example", want: http.StatusOK},
		{name: "origin form, evil Host", target: "/", host: "evil.example", want: http.StatusMisdirectedRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := rawRequest(t, addr, "GET "+tc.target+" HTTP/1.1\r\nHost: "+tc.host+"\r\nConnection: close\r\n\r\n")
			assert.Equal(t, tc.want, resp.StatusCode, "GET %s, Host %s: status", tc.target, tc.host)
			assertSecurityHeaders(t, resp.Header)
			assert.NotContains(t, body, "evil", "the error must not echo the request")
		})
	}

	// -public on a non-loopback address turns the Host check off for both
	// forms (a loopback -addr keeps it even with -public).
	req := httptest.NewRequest(http.MethodGet, "http://evil.example/", nil)
	resp := serveRequest(newHandlerConfig(testSite(), handlerConfig{anyHost: true}), req)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "anyHost, absolute-form target: status")
}

func TestRunAccessLog(t *testing.T) {
	site := diskSite(t)
	url, _, stderr, cancel, done := startRun(t, "-addr", "127.0.0.1:0", "-dir", site, "-log")
	resp, err := http.Get(url + "app.js?oauth_token=sekrit")
	require.NoError(t, err)
	resp.Body.Close()
	waitRun(t, cancel, done)
	assert.Contains(t, stderr.String(), `GET "/app.js" 200`, "access log line")
	assert.NotContains(t, stderr.String(), "sekrit", "access log must not hold query strings")
}

func TestRunMissingSigner(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "index.html", "<!doctype html>")
	_, _, stderr, cancel, done := startRun(t, "-addr", "127.0.0.1:0", "-dir", dir)
	waitRun(t, cancel, done)
	got := stderr.String()
	for _, name := range requiredFiles {
		assert.Contains(t, got, "oauth1-playground: "+filepath.Join(dir, name)+" is missing: run make build\n", "stderr")
	}
}

func TestRunErrors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { busy.Close() })
	site := diskSite(t)

	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{name: "busy port", args: []string{"-addr", busy.Addr().String(), "-dir", site}, wantErr: "address already in use"},
		{name: "all interfaces without -public", args: []string{"-addr", "0.0.0.0:0", "-dir", site}, wantErr: "-public"},
		{name: "empty host without -public", args: []string{"-addr", ":0", "-dir", site}, wantErr: "-public"},
		{name: "bad addr", args: []string{"-addr", "127.0.0.1", "-dir", site}, wantErr: "invalid -addr"},
		{name: "missing dir", args: []string{"-addr", "127.0.0.1:0", "-dir", filepath.Join(site, "nope")}, wantErr: "open site directory"},
		{name: "unknown flag", args: []string{"-nope"}, wantErr: "flag provided but not defined"},
		{name: "extra argument", args: []string{"-addr", "127.0.0.1:0", "extra"}, wantErr: "unexpected argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := run(ctx, tc.args, &stdout, &stderr, func(string) { t.Error("ready called") })
			require.Error(t, err, "run(%q)", tc.args)
			assert.Contains(t, err.Error(), tc.wantErr, "run(%q)", tc.args)
			assert.Empty(t, stdout.String(), "run(%q): stdout", tc.args)
		})
	}
}

func TestRunHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"-h"}, &stdout, &stderr, nil)
	require.NoError(t, err, "run -h")
	assert.Contains(t, stderr.String(), "-addr", "usage")
}

func TestRunCheckAddr(t *testing.T) {
	tests := []struct {
		name         string
		addr         string
		public       bool
		wantHost     string
		wantLoopback bool
		wantErr      bool
	}{
		{name: "default", addr: defaultAddr, wantHost: "127.0.0.1", wantLoopback: true},
		{name: "ipv6 loopback", addr: "[::1]:0", wantHost: "::1", wantLoopback: true},
		{name: "other loopback", addr: "127.0.0.2:0", wantHost: "127.0.0.2", wantLoopback: true},
		{name: "localhost", addr: "localhost:8080", wantHost: "localhost", wantLoopback: true},
		{name: "loopback with public", addr: "127.0.0.1:0", public: true, wantHost: "127.0.0.1", wantLoopback: true},
		{name: "empty host", addr: ":8080", wantErr: true},
		{name: "all interfaces", addr: "0.0.0.0:8080", wantErr: true},
		{name: "all v6 interfaces", addr: "[::]:8080", wantErr: true},
		{name: "lan", addr: "192.168.1.5:8080", wantErr: true},
		{name: "name", addr: "example.com:8080", wantErr: true},
		{name: "lan with public", addr: "192.168.1.5:8080", public: true, wantHost: "192.168.1.5"},
		{name: "all interfaces with public", addr: ":8080", public: true, wantHost: ""},
		{name: "no port", addr: "127.0.0.1", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			host, loopback, err := checkAddr(tc.addr, tc.public)
			if tc.wantErr {
				assert.Error(t, err, "checkAddr(%q, %v)", tc.addr, tc.public)
				return
			}
			require.NoError(t, err, "checkAddr(%q, %v)", tc.addr, tc.public)
			assert.Equal(t, tc.wantHost, host, "checkAddr(%q, %v): host", tc.addr, tc.public)
			assert.Equal(t, tc.wantLoopback, loopback, "checkAddr(%q, %v): loopback", tc.addr, tc.public)
		})
	}
}

func TestServerConfig(t *testing.T) {
	srv := newServer(http.NotFoundHandler(), io.Discard)
	assert.Positive(t, srv.ReadHeaderTimeout, "ReadHeaderTimeout")
	assert.Positive(t, srv.ReadTimeout, "ReadTimeout")
	assert.Positive(t, srv.WriteTimeout, "WriteTimeout")
	assert.Positive(t, srv.IdleTimeout, "IdleTimeout")
	assert.Equal(t, 64<<10, srv.MaxHeaderBytes, "MaxHeaderBytes")
	assert.True(t, srv.DisableGeneralOptionsHandler, "DisableGeneralOptionsHandler")
	assert.NotNil(t, srv.ErrorLog, "ErrorLog")
}
