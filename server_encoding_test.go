//go:build !js

package main

// Tests of Accept-Encoding negotiation, the precompressed variants and the
// limit on ranges.

import (
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAcceptEncodingWeight(t *testing.T) {
	tests := []struct {
		header, enc string
		want        int
	}{
		{"gzip, deflate, br", "br", 1000},
		{"gzip, deflate, br", "gzip", 1000},
		{"", "br", 0},
		{"identity", "gzip", 0},
		{"BR", "br", 1000},
		{"Gzip", "gzip", 1000},
		// weights (RFC 9110 section 12.4.2)
		{"br;q=0.5", "br", 500},
		{"br;q=0.001", "br", 1},
		{"br;q=1", "br", 1000},
		{"br;q=1.", "br", 1000},
		{"br;q=1.000", "br", 1000},
		{"br;q=0.", "br", 0},
		{"br;q=0", "br", 0},
		{"br; q=0.0", "br", 0},
		{"br;q=0.000", "br", 0},
		{"gzip;q=0, br", "gzip", 0},
		// the parameter name is case-insensitive
		{"br;Q=0", "br", 0},
		{"br;Q=0.25", "br", 250},
		// whitespace around ";" and "=", and tabs
		{"br ; q=0", "br", 0},
		{"br;q = 0", "br", 0},
		{"br\t;\tq=0.3\t, gzip", "br", 300},
		{"  ,, br ,", "br", 1000},
		// not a qvalue: the element is ignored, as if it were not there
		{"br;q=-1", "br", 0},
		{"br;q=1.5", "br", 0},
		{"br;q=1.001", "br", 0},
		{"br;q=2", "br", 0},
		{"br;q=.5", "br", 0},
		{"br;q=0.0001", "br", 0},
		{"br;q=0,5", "br", 0},
		{"br;q=", "br", 0},
		{"br;q", "br", 0},
		{"br;q=abc", "br", 0},
		{"br;q=0x1", "br", 0},
		{"br;q=+1", "br", 0},
		{"br;q=0.5;q=0.5", "br", 0},
		{"br;q=-1, gzip", "gzip", 1000},
		{"br;q=1.5, *;q=0.2", "br", 200},
		// other parameters are ignored
		{"br;level=5", "br", 1000},
		{"br;level=5;q=0", "br", 0},
		{"br;q=0.4;level=5", "br", 400},
		{"br;x", "br", 1000},
		{"br;;q=0.6", "br", 600},
		// "*" stands for every coding not named
		{"*", "br", 1000},
		{"*;q=0", "br", 0},
		{"*;q=0.1", "gzip", 100},
		{"br;q=0, *", "br", 0},
		{"br, *;q=0", "br", 1000},
		{"br, *;q=0", "gzip", 0},
		{"*;q=0, gzip;q=0.5", "gzip", 500},
		// a coding named twice gets its lowest weight
		{"br, br;q=0", "br", 0},
		{"br;q=0.9, br;q=0.2", "br", 200},
		// codings are tokens compared in ASCII only
		{"b r", "br", 0},
		{"\"br\"", "br", 0},
		{"gzıp", "gzip", 0},
		{"gzip", "gzıp", 0},
		{"x-gzip", "gzip", 0},
		{"brotli", "br", 0},
	}
	for _, tc := range tests {
		got := acceptEncodingWeight(tc.header, tc.enc)
		assert.Equal(t, tc.want, got, "acceptEncodingWeight(%q, %q)", tc.header, tc.enc)
	}
}

// FuzzAcceptEncoding: any Accept-Encoding value gives every coding a
// weight from 0 to 1000; letter case does not change it; repeating the
// value does not change it; and a refusal appended for a coding wins.
func FuzzAcceptEncoding(f *testing.F) {
	for _, s := range []string{"gzip, deflate, br", "br;Q=0", "br;q=-1", "br;q=1.5", "*;q=0.1, gzip;level=9",
		"br ; q = 0.5 ,", "br;q=0.5;q=0", "gzip;q=0.", "\t*\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		for _, enc := range []string{"br", "gzip", "identity"} {
			q := acceptEncodingWeight(header, enc)
			if q < 0 || q > 1000 {
				t.Fatalf("acceptEncodingWeight(%q, %q) = %d, out of range", header, enc, q)
			}
			if got := acceptEncodingWeight(asciiUpper(header), asciiUpper(enc)); got != q {
				t.Fatalf("acceptEncodingWeight(%q, %q) = %d, but %d in upper case", header, enc, q, got)
			}
			if got := acceptEncodingWeight(header+","+header, enc); got != q {
				t.Fatalf("acceptEncodingWeight(%q, %q) = %d, but %d when repeated", header, enc, q, got)
			}
			if got := acceptEncodingWeight(header+","+enc+";q=0", enc); got != 0 {
				t.Fatalf("acceptEncodingWeight(%q + refusal, %q) = %d", header, enc, got)
			}
		}
	})
}

// asciiUpper upper-cases the ASCII letters of s only.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func TestPrecompressedVariants(t *testing.T) {
	site := fstest.MapFS{
		"index.html":      {Data: []byte("<p>plain</p>")},
		"app.js":          {Data: []byte("plain js")},
		"app.js.br":       {Data: []byte("brotli bytes")},
		"app.js.gz":       {Data: []byte("gzip bytes")},
		"only.js":         {Data: []byte("no variants")},
		"gz.js":           {Data: []byte("plain gz.js")},
		"gz.js.gz":        {Data: []byte("gzip gz.js")},
		"index.html.gz":   {Data: []byte("gz html")},
		"secret.txt.br":   {Data: []byte("variant of nothing")},
		"docs/index.html": {Data: []byte("<p>docs</p>")},
	}
	tests := []struct {
		path, accept, body, encoding string
		status                       int
	}{
		{"/app.js", "gzip, deflate, br", "brotli bytes", "br", 200},
		{"/app.js", "gzip", "gzip bytes", "gzip", 200},
		{"/app.js", "", "plain js", "", 200},
		{"/app.js", "br;q=0, gzip;q=0", "plain js", "", 200},
		{"/app.js", "br;Q=0, gzip", "gzip bytes", "gzip", 200},
		{"/app.js", "br;q=-1, gzip", "gzip bytes", "gzip", 200},
		{"/app.js", "br;q=1.5", "plain js", "", 200},
		{"/app.js", "gzip;q=1, br;q=0.5", "gzip bytes", "gzip", 200},
		{"/app.js", "gzip;q=0.5, br;q=0.5", "brotli bytes", "br", 200},
		{"/app.js", "*", "brotli bytes", "br", 200},
		{"/app.js", "*;q=0", "plain js", "", 200},
		{"/app.js", "br;level=11", "brotli bytes", "br", 200},
		{"/gz.js", "br, gzip;q=0.1", "gzip gz.js", "gzip", 200},
		{"/only.js", "br, gzip", "no variants", "", 200},
		{"/", "gzip", "gz html", "gzip", 200},
		// a folder's index.html is served with its own variants, not the root's
		{"/docs/", "gzip", "<p>docs</p>", "", 200},
		// requests http.FileServerFS redirects are redirected, not served from a variant
		{"/index.html", "gzip", "", "", 301},
		{"/docs", "gzip", "", "", 301},
		{"/app.js/", "br", "", "", 301},
		{"/app.js.br", "br", "", "", 404},
		{"/secret.txt", "br", "", "", 404},
	}
	h := newHandler(site)
	for _, tc := range tests {
		req := newTestRequest(http.MethodGet, tc.path, "")
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		resp := serveRequest(h, req)
		msg := tc.path + " Accept-Encoding " + tc.accept
		assert.Equal(t, tc.status, resp.StatusCode, "%s: status", msg)
		assertSecurityHeaders(t, resp.Header)
		if tc.status != 200 {
			continue
		}
		body := readBody(t, resp)
		assert.Equal(t, tc.body, body, "%s: body", msg)
		assert.Equal(t, tc.encoding, resp.Header.Get("Content-Encoding"), "%s: Content-Encoding", msg)
		assert.Contains(t, resp.Header.Values("Vary"), "Accept-Encoding", "%s: Vary", msg)
		assert.NotEmpty(t, resp.Header.Get("Content-Type"), "%s: Content-Type", msg)
	}
	t.Run("several Accept-Encoding lines", func(t *testing.T) {
		req := newTestRequest(http.MethodGet, "/app.js", "")
		req.Header.Add("Accept-Encoding", "gzip")
		req.Header.Add("Accept-Encoding", "br;q=0")
		resp := serveRequest(h, req)
		assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	})
}

// readBody reads and closes resp.Body.
func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	return string(b)
}

// TestRangesLimited: one or two ranges are served (206, multipart for
// two); more than maxRanges, or several Range lines, get the whole file
// with 200, so a request cannot make the server write one part header per
// byte. The same holds for a precompressed variant.
func TestRangesLimited(t *testing.T) {
	content := "0123456789abcdefghij"
	site := fstest.MapFS{
		"app.js":    {Data: []byte(content)},
		"app.js.gz": {Data: []byte("GZ" + content)},
	}
	h := newHandler(site)
	many := strings.TrimSuffix(strings.Repeat("0-0,", 1000), ",")
	tests := []struct {
		name, rangeValue, accept string
		wantStatus, wantParts    int
		wantBody                 string
	}{
		{name: "one range", rangeValue: "bytes=0-3", wantStatus: 206, wantBody: "0123"},
		{name: "suffix range", rangeValue: "bytes=-4", wantStatus: 206, wantBody: "ghij"},
		{name: "two ranges", rangeValue: "bytes=0-1, 5-6", wantStatus: 206, wantParts: 2},
		{name: "two ranges and empty elements", rangeValue: "bytes=0-1,, 5-6,", wantStatus: 206, wantParts: 2},
		{name: "three ranges", rangeValue: "bytes=0-0,2-2,4-4", wantStatus: 200, wantBody: content},
		{name: "a thousand ranges", rangeValue: "bytes=" + many, wantStatus: 200, wantBody: content},
		{name: "three ranges of the variant", rangeValue: "bytes=0-0,2-2,4-4", accept: "gzip", wantStatus: 200, wantBody: "GZ" + content},
		{name: "one range of the variant", rangeValue: "bytes=0-1", accept: "gzip", wantStatus: 206, wantBody: "GZ"},
		{name: "unsatisfiable", rangeValue: "bytes=100-200", wantStatus: 416},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := newTestRequest(http.MethodGet, "/app.js", "")
			req.Header.Set("Range", tc.rangeValue)
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			resp := serveRequest(h, req)
			require.Equal(t, tc.wantStatus, resp.StatusCode, "Range %.40s: status", tc.rangeValue)
			assertSecurityHeaders(t, resp.Header)
			if tc.wantParts > 0 {
				assert.Equal(t, tc.wantParts, countParts(t, resp), "Range %s: parts", tc.rangeValue)
				return
			}
			body := readBody(t, resp)
			if tc.wantBody != "" {
				assert.Equal(t, tc.wantBody, body, "Range %.40s: body", tc.rangeValue)
			}
		})
	}
	t.Run("two Range lines", func(t *testing.T) {
		req := newTestRequest(http.MethodGet, "/app.js", "")
		req.Header.Add("Range", "bytes=0-0")
		req.Header.Add("Range", "bytes=2-2")
		resp := serveRequest(h, req)
		assert.Equal(t, 200, resp.StatusCode, "status")
		assert.Equal(t, content, readBody(t, resp), "body")
	})
}

// countParts returns the number of parts of a multipart/byteranges body.
func countParts(t *testing.T, resp *http.Response) int {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	require.NoError(t, err)
	require.Equal(t, "multipart/byteranges", mediaType)
	mr := multipart.NewReader(resp.Body, params["boundary"])
	n := 0
	for {
		if _, err := mr.NextPart(); err != nil {
			break
		}
		n++
	}
	return n
}
