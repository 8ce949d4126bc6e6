package wire

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteJSON writes v as JSON (RFC 8259). Map keys are sorted, so the text
// is the same for the same tree.
func WriteJSON(b *strings.Builder, v any) {
	// Room for the whole text at once: growing by doubling copied a 1 MB
	// form body's 13 MB result over and over (~30% of the writing in wasm).
	b.Grow(sizeJSON(v))
	writeJSON(b, v)
}

// sizeJSON is about the length of v's JSON: exact but for escapes.
func sizeJSON(v any) int {
	switch x := v.(type) {
	case string:
		return len(x) + 2
	case []any:
		n := 2
		for _, el := range x {
			n += sizeJSON(el) + 1
		}
		return n
	case map[string]any:
		n := 2
		for k, el := range x {
			n += len(k) + 4 + sizeJSON(el)
		}
		return n
	}
	return 8
}

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
		// Most objects are small (a parameter has three keys): their keys
		// are sorted on the stack, without sort.Strings' allocations.
		var small [8]string
		keys := small[:0]
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
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
	// Bytes that need no escape are copied a run at a time: byte by byte,
	// a 1 MB form body's 13 MB result took ~150 ms to write in wasm.
	run := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size > 1 {
				i += size
				continue
			}
		}
		b.WriteString(s[run:i])
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default: // a byte that is not UTF-8
			b.WriteRune(utf8.RuneError)
		}
		i++
		run = i
	}
	b.WriteString(s[run:])
	b.WriteByte('"')
}
