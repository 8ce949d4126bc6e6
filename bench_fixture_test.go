//go:build !js

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBenchPeerFixture: make bench's WebCrypto peer page lives under
// testdata/ only, never in site/ (so never in dist/ or served by the
// product), and has the page's own CSP, as the comparison requires.
func TestBenchPeerFixture(t *testing.T) {
	for _, f := range []string{"peer.html", "peer.js"} {
		_, err := os.Stat(filepath.Join("testdata", "bench-peer", f))
		require.NoError(t, err, f)
		_, err = os.Stat(filepath.Join("site", f))
		assert.True(t, os.IsNotExist(err), "site/%s must not exist: the peer is a test fixture", f)
	}
	html, err := os.ReadFile(filepath.Join("testdata", "bench-peer", "peer.html"))
	require.NoError(t, err)
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(html)
	require.NotNil(t, m, "the peer page has a CSP meta tag")
	assert.Equal(t, contentSecurityPolicy, string(m[1]), "the peer page has the playground's CSP")
}
