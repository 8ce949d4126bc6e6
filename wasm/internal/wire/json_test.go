package wire

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWriteJSONSortsKeys checks that object keys come out sorted at every
// depth, inside arrays too, so the same tree always gives the same text
// and a page needs no sorting pass of its own. (No result has
// integer-like keys, which JS would put first whatever the order.)
func TestWriteJSONSortsKeys(t *testing.T) {
	tree := map[string]any{
		"b": []any{map[string]any{"z": 1, "a": map[string]any{"y": nil, "x": true}}},
		"a": map[string]any{"d": "", "c": []any{}},
		"c": 2,
	}
	want := `{"a":{"c":[],"d":""},"b":[{"a":{"x":true,"y":null},"z":1}],"c":2}`
	for range 20 { // map iteration order changes from run to run
		var b strings.Builder
		WriteJSON(&b, tree)
		assert.Equal(t, want, b.String())
	}
}

// TestWriteJSONStrings checks the string escapes against encoding/json's
// reading of them: quotes, backslashes, control characters, non-ASCII and
// invalid UTF-8 (read back as U+FFFD).
func TestWriteJSONStrings(t *testing.T) {
	for _, s := range []string{"", `"`, `\`, "a\nb\tc\x00\x1f", "☃ é \u2028", "bad\xffutf8", "</script>"} {
		var b strings.Builder
		WriteJSON(&b, s)
		var got string
		require.NoError(t, json.Unmarshal([]byte(b.String()), &got), b.String())
		assert.Equal(t, string([]rune(s)), got)
	}
}

// FuzzWriteJSON checks that any string comes out as valid JSON that reads
// back as the same (valid UTF-8) text.
func FuzzWriteJSON(f *testing.F) {
	f.Add("a\"b\\c\x01")
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		WriteJSON(&b, []any{s, map[string]any{s: s}})
		var got []any
		require.NoError(t, json.Unmarshal([]byte(b.String()), &got))
		assert.Equal(t, string([]rune(s)), got[0])
	})
}
