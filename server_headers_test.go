//go:build !js

package main

// Tests of the security headers per path, of embed.html's own frame
// ancestors, and of the -frame-ancestor flag.

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContentSecurityPolicyConsts(t *testing.T) {
	assert.NotContains(t, contentSecurityPolicy, "frame-ancestors", "the <meta> policy cannot hold frame-ancestors")
	assert.Equal(t, contentSecurityPolicy+"; frame-ancestors 'self'", headerContentSecurityPolicy)
	assert.Equal(t, wantSecurityHeaders["Content-Security-Policy"], headerContentSecurityPolicy)
}

func TestHandlerHeaders(t *testing.T) {
	h := newHandler(testSite())
	tests := []struct {
		name       string
		method     string
		target     string
		host       string
		wantStatus int
	}{
		{name: "index", method: http.MethodGet, target: "/", wantStatus: http.StatusOK},
		{name: "index.html redirect", method: http.MethodGet, target: "/index.html", wantStatus: http.StatusMovedPermanently},
		{name: "directory redirect", method: http.MethodGet, target: "/docs", wantStatus: http.StatusMovedPermanently},
		{name: "clean path redirect", method: http.MethodGet, target: "//app.js", wantStatus: http.StatusTemporaryRedirect},
		{name: "script", method: http.MethodGet, target: "/app.js", wantStatus: http.StatusOK},
		{name: "wasm module", method: http.MethodGet, target: "/signer.wasm.js", wantStatus: http.StatusOK},
		{name: "head", method: http.MethodHead, target: "/app.js", wantStatus: http.StatusOK},
		{name: "missing", method: http.MethodGet, target: "/missing", wantStatus: http.StatusNotFound},
		{name: "dotfile", method: http.MethodGet, target: "/.git/config", wantStatus: http.StatusNotFound},
		{name: "listing refused", method: http.MethodGet, target: "/empty/", wantStatus: http.StatusNotFound},
		{name: "post", method: http.MethodPost, target: "/", wantStatus: http.StatusMethodNotAllowed},
		{name: "bad host", method: http.MethodGet, target: "/", host: "evil.example", wantStatus: http.StatusMisdirectedRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := serve(t, h, tc.method, tc.target, tc.host)
			assert.Equal(t, tc.wantStatus, resp.StatusCode, "%s %s: status", tc.method, tc.target)
			assertSecurityHeaders(t, resp.Header)
		})
	}
}

func TestHandlerHeadersOnFileServerError(t *testing.T) {
	// Stat succeeds, but the file server cannot open the file, and its
	// error path deletes Cache-Control: secureHeaders must restore it.
	h := newHandler(openFailFS{testSite()})
	resp := serve(t, h, http.MethodGet, "/app.js", "")
	require.Equal(t, http.StatusForbidden, resp.StatusCode, "status")
	assertSecurityHeaders(t, resp.Header)
}

// openFailFS stats like the wrapped MapFS but refuses to open files.
type openFailFS struct{ fstest.MapFS }

// Open fails with fs.ErrPermission for everything but directories.
func (f openFailFS) Open(name string) (fs.File, error) {
	info, err := f.MapFS.Stat(name)
	if err == nil && info.IsDir() {
		return f.MapFS.Open(name)
	}
	return nil, fs.ErrPermission
}

// testAncestors are the -frame-ancestor origins of the framing tests.
var testAncestors = []string{"https://docs.example.org", "http://127.0.0.1:9000"}

// wantEmbedHeaders are the headers of embed.html when testAncestors may
// frame it: the page's, with the origins after frame-ancestors 'self' and
// no X-Frame-Options (which cannot list origins, and would refuse them in
// browsers that read it alone). Written out from wantSecurityHeaders, not
// taken from server.go.
func wantEmbedHeaders() map[string]string {
	want := map[string]string{}
	for name, value := range wantSecurityHeaders {
		want[name] = value
	}
	want["Content-Security-Policy"] += " https://docs.example.org http://127.0.0.1:9000"
	delete(want, "X-Frame-Options")
	return want
}

// assertHeaderSet checks that header holds every header of want once with
// its exact value, and no X-Frame-Options unless want has one.
func assertHeaderSet(t *testing.T, want map[string]string, header http.Header, msg string) {
	t.Helper()
	for name, value := range want {
		assert.Equal(t, []string{value}, header.Values(name), "%s: header %s", msg, name)
	}
	if _, ok := want["X-Frame-Options"]; !ok {
		assert.Empty(t, header.Values("X-Frame-Options"), "%s: X-Frame-Options", msg)
	}
}

// framingSite is a site with the embed page, its compressed variants, a
// second embed.html in a folder (not the embed page) and the full page.
func framingSite() fstest.MapFS {
	file := mapFile
	return fstest.MapFS{
		"index.html":          file("<!doctype html><title>playground</title>"),
		"index.html.gz":       file("gz page"),
		"embed.html":          file("<!doctype html><title>embed</title>"),
		"embed.html.gz":       file("gz embed"),
		"embed.html.br":       file("br embed"),
		"embed.js":            file("export {};"),
		"app.js":              file("export {};"),
		"docs/embed.html":     file("<!doctype html><title>not the embed</title>"),
		"docs/index.html":     file("<!doctype html><title>docs</title>"),
		"sub/embed.html/x":    file("a folder named embed.html"),
		".embed.html":         file("hidden"),
		"signer-lite.wasm.js": file("export const bytes = 1;"),
	}
}

// TestFrameAncestorsOnlyForEmbed is finding 4's server side: the origins
// given with -frame-ancestor reach the headers of embed.html served as
// itself (any query, HEAD, compressed, ranges, 304) and of no other
// response: the full page with its secret inputs, its scripts, the
// redirects to and from embed.html, errors and other files named
// embed.html keep frame-ancestors 'self' and X-Frame-Options SAMEORIGIN.
func TestFrameAncestorsOnlyForEmbed(t *testing.T) {
	withAncestors := newHandlerConfig(framingSite(), handlerConfig{hosts: loopbackHosts, frameAncestors: testAncestors})
	without := newHandler(framingSite())
	page, embed := wantSecurityHeaders, wantEmbedHeaders()
	tests := []struct {
		name, method, target, host string
		header                     [2]string
		wantStatus                 int
		embed                      bool
	}{
		{name: "embed", target: "/embed.html", wantStatus: http.StatusOK, embed: true},
		{name: "embed with a query", target: "/embed.html?x=1", wantStatus: http.StatusOK, embed: true},
		{name: "embed HEAD", method: http.MethodHead, target: "/embed.html", wantStatus: http.StatusOK, embed: true},
		{name: "embed gzip", target: "/embed.html", header: [2]string{"Accept-Encoding", "gzip"}, wantStatus: http.StatusOK, embed: true},
		{name: "embed brotli", target: "/embed.html", header: [2]string{"Accept-Encoding", "br"}, wantStatus: http.StatusOK, embed: true},
		{name: "embed range", target: "/embed.html", header: [2]string{"Range", "bytes=0-3"}, wantStatus: http.StatusPartialContent, embed: true},
		{name: "full page", target: "/", wantStatus: http.StatusOK},
		{name: "full page gzip", target: "/", header: [2]string{"Accept-Encoding", "gzip"}, wantStatus: http.StatusOK},
		{name: "full page with a query", target: "/?embed.html", wantStatus: http.StatusOK},
		{name: "index.html redirect", target: "/index.html", wantStatus: http.StatusMovedPermanently},
		{name: "embed trailing slash redirect", target: "/embed.html/", wantStatus: http.StatusMovedPermanently},
		{name: "embed double slash redirect", target: "//embed.html", wantStatus: http.StatusTemporaryRedirect},
		{name: "embed dot segment", target: "/./embed.html", wantStatus: http.StatusNotFound},
		{name: "embed script", target: "/embed.js", wantStatus: http.StatusOK},
		{name: "wasm module", target: "/signer-lite.wasm.js", wantStatus: http.StatusOK},
		{name: "other embed.html", target: "/docs/embed.html", wantStatus: http.StatusOK},
		{name: "folder named embed.html", target: "/sub/embed.html/", wantStatus: http.StatusNotFound},
		{name: "variant asked by name", target: "/embed.html.br", wantStatus: http.StatusNotFound},
		{name: "other case", target: "/EMBED.HTML", wantStatus: http.StatusNotFound},
		{name: "missing", target: "/embed", wantStatus: http.StatusNotFound},
		{name: "dot name", target: "/.embed.html", wantStatus: http.StatusNotFound},
		{name: "post embed", method: http.MethodPost, target: "/embed.html", wantStatus: http.StatusMethodNotAllowed},
		{name: "embed bad host", target: "/embed.html", host: "evil.example", wantStatus: http.StatusMisdirectedRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			for _, c := range []struct {
				name string
				h    http.Handler
				want map[string]string
			}{{"with -frame-ancestor", withAncestors, page}, {"without", without, page}} {
				if c.name == "with -frame-ancestor" && tc.embed {
					c.want = embed
				}
				req := newTestRequest(method, tc.target, tc.host)
				if tc.header[0] != "" {
					req.Header.Set(tc.header[0], tc.header[1])
				}
				resp := serveRequest(c.h, req)
				msg := method + " " + tc.target + " " + c.name
				assert.Equal(t, tc.wantStatus, resp.StatusCode, "%s: status", msg)
				assertHeaderSet(t, c.want, resp.Header, msg)
			}
		})
	}
}

// TestFrameAncestorsWhenEmbedMissing: a site without embed.html answers
// 404 for it, with the page's headers.
func TestFrameAncestorsWhenEmbedMissing(t *testing.T) {
	h := newHandlerConfig(testSite(), handlerConfig{hosts: loopbackHosts, frameAncestors: testAncestors})
	resp := serve(t, h, http.MethodGet, "/embed.html", "")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "status")
	assertHeaderSet(t, wantSecurityHeaders, resp.Header, "GET /embed.html, none there")
}

// TestFrameAncestorsNotModified: a conditional request for embed.html that
// gets 304 still carries the embed headers, and one for the page the
// page's.
func TestFrameAncestorsNotModified(t *testing.T) {
	h := newHandlerConfig(framingSite(), handlerConfig{hosts: loopbackHosts, frameAncestors: testAncestors})
	for target, want := range map[string]map[string]string{"/embed.html": wantEmbedHeaders(), "/app.js": wantSecurityHeaders} {
		req := newTestRequest(http.MethodGet, target, "")
		req.Header.Set("If-None-Match", "*")
		resp := serveRequest(h, req)
		assert.Equal(t, http.StatusNotModified, resp.StatusCode, "GET %s If-None-Match: *: status", target)
		assertHeaderSet(t, want, resp.Header, "304 "+target)
	}
}

// TestRunFrameAncestorOnDist runs the server as `go run . -dir dist
// -frame-ancestor ...` would, over real connections, with a folder laid out
// as make dist lays it out: only embed.html, in each of its encodings,
// names the docs origin.
func TestRunFrameAncestorOnDist(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"index.html": "<!doctype html><title>playground</title>", "index.html.gz": "gz page", "index.html.br": "br page",
		"embed.html": "<!doctype html><title>embed</title>", "embed.html.gz": "gz embed", "embed.html.br": "br embed",
		"embed.js": "export {};", "embed.js.gz": "gz js", "signer.wasm.js": "x", "signer-lite.wasm.js": "x",
		"wasm_exec.js": "x", "presets-data.js": "x",
	} {
		writeFile(t, dir, name, content)
	}
	url, _, _, cancel, done := startRun(t, "-addr", "127.0.0.1:0", "-dir", dir,
		"-frame-ancestor", "https://docs.example.org", "-frame-ancestor", "HTTP://127.0.0.1:09000/")
	defer waitRun(t, cancel, done)
	client := &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	tests := []struct {
		path, accept, body string
		status             int
		embed              bool
	}{
		{"embed.html", "", "<!doctype html><title>embed</title>", 200, true},
		{"embed.html", "br, gzip", "br embed", 200, true},
		{"embed.html", "gzip", "gz embed", 200, true},
		{"embed.html?preset=x", "gzip", "gz embed", 200, true},
		{"", "br", "br page", 200, false},
		{"", "", "<!doctype html><title>playground</title>", 200, false},
		{"index.html", "br", "", 301, false},
		{"embed.js", "gzip", "gz js", 200, false},
		{"embed.html.gz", "", "", 404, false},
		{"nope", "br", "", 404, false},
	}
	for _, tc := range tests {
		req, err := http.NewRequest(http.MethodGet, url+tc.path, nil)
		require.NoError(t, err)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		resp, err := client.Do(req)
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		msg := "GET /" + tc.path + " Accept-Encoding " + tc.accept
		assert.Equal(t, tc.status, resp.StatusCode, "%s: status", msg)
		if tc.status == 200 {
			assert.Equal(t, tc.body, string(body), "%s: body", msg)
		}
		want := wantSecurityHeaders
		if tc.embed {
			want = wantEmbedHeaders()
		}
		assertHeaderSet(t, want, resp.Header, msg)
	}
}

func TestFrameAncestorFlag(t *testing.T) {
	long := strings.Repeat("a", 63)
	tests := []struct {
		in, want, wantErr string
	}{
		{in: "https://docs.example.org", want: "https://docs.example.org"},
		{in: "https://Docs.Example.org:8443/", want: "https://docs.example.org:8443"},
		{in: "HTTPS://DOCS.example.org", want: "https://docs.example.org"},
		{in: "http://127.0.0.1:9000", want: "http://127.0.0.1:9000"},
		{in: "http://localhost:1", want: "http://localhost:1"},
		{in: "https://a.example:65535", want: "https://a.example:65535"},
		{in: "https://a.example:08443", want: "https://a.example:8443"},
		{in: "https://*.example.org", want: "https://*.example.org"},
		{in: "https://xn--bcher-kva.example", want: "https://xn--bcher-kva.example"},
		{in: "https://" + long + ".example", want: "https://" + long + ".example"},
		{in: "https://a-b.example", want: "https://a-b.example"},

		{in: "https://a.example:", wantErr: "port after the colon is empty"},
		{in: "https://a.example:/", wantErr: "port after the colon is empty"},
		{in: "https://a.example:0", wantErr: "out of range"},
		{in: "https://a.example:65536", wantErr: "out of range"},
		{in: "https://a.example:99999999999999999999999", wantErr: "out of range"},
		{in: "https://a.example:-1", wantErr: "must be a number"},
		{in: "https://a.example:+443", wantErr: "must be a number"},
		{in: "https://a.example:*", wantErr: "must be a number"},
		{in: "https://a.example:1:2", wantErr: "must be a number"},
		{in: "https://a..example", wantErr: "empty label"},
		{in: "https://.a.example", wantErr: "empty label"},
		{in: "https://a.example.", wantErr: "empty label"},
		{in: "https://*..example", wantErr: "empty label"},
		{in: "https://bücher.example", wantErr: "non-ASCII"},
		{in: "https://docs.exampl\u0435.org", wantErr: "non-ASCII"},
		{in: "https://b%C3%BCcher.example", wantErr: "only letters"},
		{in: "https://a%2eexample", wantErr: "only letters"},
		{in: "https://[::1]:8443", wantErr: "IPv6"},
		{in: "https://", wantErr: "host is empty"},
		{in: "https://:443", wantErr: "host is empty"},
		{in: "https://*.", wantErr: "host is empty"},
		{in: "https://-a.example", wantErr: "hyphen"},
		{in: "https://a-.example", wantErr: "hyphen"},
		{in: "https://a_b.example", wantErr: "only letters"},
		{in: "https://a.*.example", wantErr: "only letters"},
		{in: "https://*", wantErr: "only letters"},
		{in: "https://a b.example", wantErr: "only letters"},
		{in: "https://a.example\t", wantErr: "only letters"},
		{in: "https://a" + long + ".example", wantErr: "longer than 63"},
		{in: "https://" + strings.Repeat(long+".", 4) + "example", wantErr: "longer than 253"},
		{in: "https://user@a.example", wantErr: "user name"},
		{in: "https://a.example/path", wantErr: "no path"},
		{in: "https://a.example?q", wantErr: "no path"},
		{in: "https://a.example#f", wantErr: "no path"},
		{in: "https://a.example\\", wantErr: "no path"},
		{in: "https://a.example; script-src *", wantErr: "only letters"},
		{in: "https://a.example 'unsafe-inline'", wantErr: "only letters"},
		{in: "ftp://a.example", wantErr: "scheme must be http or https"},
		{in: "docs.example.org", wantErr: "no scheme"},
		{in: "'unsafe-inline'", wantErr: "no scheme"},
		{in: "*", wantErr: "no scheme"},
		{in: "javascript:alert(1)", wantErr: "no scheme"},
		{in: "", wantErr: "no scheme"},
	}
	for _, tc := range tests {
		var o originList
		err := o.Set(tc.in)
		if tc.wantErr != "" {
			require.Error(t, err, "Set(%q)", tc.in)
			assert.Contains(t, err.Error(), "-frame-ancestor", "Set(%q): the error names the flag", tc.in)
			assert.Contains(t, err.Error(), tc.wantErr, "Set(%q)", tc.in)
			assert.Empty(t, o, "Set(%q) added nothing", tc.in)
			continue
		}
		require.NoError(t, err, "Set(%q)", tc.in)
		assert.Equal(t, originList{tc.want}, o, "Set(%q)", tc.in)
	}
}

// TestRunFrameAncestorErrors: a bad -frame-ancestor stops the server
// before it listens, with an error that names the flag and the reason.
func TestRunFrameAncestorErrors(t *testing.T) {
	for in, reason := range map[string]string{
		"nope":                   "no scheme",
		"https://a.example:":     "port after the colon is empty",
		"https://a.example:1e5":  "must be a number",
		"https://a..example":     "empty label",
		"https://bücher.example": "non-ASCII",
	} {
		err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-frame-ancestor", in}, io.Discard, io.Discard, func(string) { t.Error("ready called") })
		require.Error(t, err, "-frame-ancestor %q", in)
		assert.Contains(t, err.Error(), "-frame-ancestor", "-frame-ancestor %q", in)
		assert.Contains(t, err.Error(), reason, "-frame-ancestor %q", in)
	}
}

// cspOrigin is the shape of every origin Set accepts: a CSP 3 host-source
// with scheme, host and optional port, in lower case.
var cspOrigin = regexp.MustCompile(`^https?://(\*\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(:[1-9][0-9]{0,4})?$`)

// FuzzFrameAncestor: whatever -frame-ancestor is given, an accepted value
// is stored as a CSP host-source that cannot end the directive or add a
// keyword (no space, quote, semicolon or comma), with a port from 1 to
// 65535, and setting the stored form again stores it unchanged.
func FuzzFrameAncestor(f *testing.F) {
	for _, s := range []string{"https://docs.example.org", "https://A.example:08443/", "https://*.x.y", "https://a:", "https://a..b",
		"https://bücher.example", "https://[::1]:1", "http://127.0.0.1:65536", "https://a; script-src *", "https://a b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		var o originList
		if err := o.Set(v); err != nil {
			if !strings.Contains(err.Error(), "-frame-ancestor") {
				t.Fatalf("Set(%q): error %q does not name the flag", v, err)
			}
			return
		}
		got := o[0]
		if !cspOrigin.MatchString(got) {
			t.Fatalf("Set(%q) stored %q, not a host-source", v, got)
		}
		if len(got) > len("https://")+maxHostLen+len("*.")+len(":65535") {
			t.Fatalf("Set(%q) stored %q, too long", v, got)
		}
		if _, port, ok := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(got, "https://"), "http://"), ":"); ok {
			n, err := parsePort(port)
			if err != nil || n < 1 || n > 65535 {
				t.Fatalf("Set(%q) stored %q, port out of range", v, got)
			}
		}
		var again originList
		if err := again.Set(got); err != nil || again[0] != got {
			t.Fatalf("Set(%q) = %q, but Set(%q) = %v, %v", v, got, got, again, err)
		}
	})
}
