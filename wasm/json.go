//go:build js && wasm

package main

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hack-pad/safejs"
)

// toJS hands a result tree (map[string]any, []any, string, bool, int, nil)
// to JavaScript as one JSON text that JSON.parse turns into the object.
// Converting a tree value by value costs a call into JS per property:
// for a 1 000-parameter request, whose steps hold three tables of 1 000
// rows, that was most of the time of oauth1.sign. If JSON.parse is not
// available the tree goes back as it is, for js.ValueOf to convert.
func toJS(v any) any {
	var b strings.Builder
	writeJSON(&b, v)
	jsonObj, err := safejs.Global().Get("JSON")
	if err != nil {
		return v
	}
	parsed, err := jsonObj.Call("parse", b.String())
	if err != nil {
		return v
	}
	return parsed
}

// writeJSON writes v as JSON (RFC 8259). Map keys are sorted, so the text
// is the same for the same tree.
func writeJSON(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case string:
		writeJSONString(b, x)
	case []any:
		b.WriteByte('[')
		for i, el := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, el)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			writeJSON(b, x[k])
		}
		b.WriteByte('}')
	default:
		// Only the types above are ever built; anything else would be a
		// bug, and null keeps the rest of the result usable.
		b.WriteString("null")
	}
}

// writeJSONString writes s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 as U+FFFD (what the JS side
// would read anyway).
func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
			i++
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			i++
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += size
		}
	}
	b.WriteByte('"')
}
