//go:build !js

package main

import (
	"go/build/constraint"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuildTags checks that every Go file here but this one builds only
// for js/wasm, so native go build/vet/test ./... skip the package, and that
// no file imports syscall/js directly: all JS interop goes through safejs,
// which turns JS exceptions into errors.
func TestBuildTags(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		if f == "tags_test.go" {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		first, _, _ := strings.Cut(string(src), "\n")
		expr, err := constraint.Parse(first)
		require.NoError(t, err, "%s: first line must be a //go:build line", f)
		tags := func(want map[string]bool) bool { return expr.Eval(func(tag string) bool { return want[tag] }) }
		if !tags(map[string]bool{"js": true, "wasm": true}) && !tags(map[string]bool{"linux": true}) && first == "//go:build ignore" {
			continue // a `go run` tool, such as tojs.go
		}
		assert.True(t, tags(map[string]bool{"js": true, "wasm": true}), "%s builds for js/wasm", f)
		assert.False(t, tags(map[string]bool{"linux": true, "amd64": true}), "%s must not build natively", f)
		assert.NotContains(t, string(src), `"syscall/js"`, "%s: use safejs, not syscall/js", f)
	}
}
