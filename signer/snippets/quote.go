package snippets

import (
	"strconv"
	"strings"
)

// This file writes string literals for each language, so that any request
// value (quotes, backslashes, newlines, "$", "#{", non-ASCII text) reaches
// the library exactly as the signer read it. Values are valid UTF-8 here
// (Snippets refuses the others).

// pyStr is a Python 3 string literal.
func pyStr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '\\' || c == '"':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			writeEscape(&b, `\x`, uint32(c), 2)
		case c == 0x2028 || c == 0x2029 || c == 0xfeff:
			writeEscape(&b, `\u`, uint32(c), 4)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// jsStr is a JavaScript string literal in single quotes.
func jsStr(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, c := range s {
		switch {
		case c == '\\' || c == '\'':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			writeEscape(&b, `\x`, uint32(c), 2)
		case c == 0x2028 || c == 0x2029 || c == 0xfeff:
			writeEscape(&b, `\u`, uint32(c), 4)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// goStr is a Go string literal.
func goStr(s string) string { return strconv.Quote(s) }

// phpStr is a PHP double-quoted string literal: "$" and "{" are escaped
// so nothing is interpolated.
func phpStr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '\\' || c == '"' || c == '$':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			writeEscape(&b, `\x`, uint32(c), 2)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// rbStr is a Ruby double-quoted string literal: "#" is escaped so nothing
// is interpolated.
func rbStr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '\\' || c == '"' || c == '#':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			writeEscape(&b, `\x`, uint32(c), 2)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeEscape writes prefix and c as digits lower-case hex digits, without
// fmt, which would add half a megabyte to the wasm build.
func writeEscape(b *strings.Builder, prefix string, c uint32, digits int) {
	const hex = "0123456789abcdef"
	b.WriteString(prefix)
	for i := digits - 1; i >= 0; i-- {
		b.WriteByte(hex[(c>>(4*uint(i)))&0xf])
	}
}
