package snippets

import (
	"strconv"
	"strings"
)

// This file writes string literals for each language, so that any request
// value (quotes, backslashes, newlines, "$", "#{", non-ASCII text) reaches
// the library exactly as the signer read it. Values are valid UTF-8 here
// (Snippets refuses the others).

// A literal is one language's double- or single-quoted string literal:
// its quote, the characters a backslash escapes (the quote, the backslash
// and whatever would interpolate), and whether U+2028, U+2029 and U+FEFF
// are written as \u escapes.
type literal struct {
	quote    byte
	escaped  string
	lineSeps bool
}

// write is s as l's literal: escaped characters after a backslash,
// \n \r \t, other control characters as \xHH, the rest as they are.
func (l literal) write(s string) string {
	var b strings.Builder
	b.WriteByte(l.quote)
	for _, c := range s {
		switch {
		case c == '\\' || strings.ContainsRune(l.escaped, c):
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
		case l.lineSeps && (c == 0x2028 || c == 0x2029 || c == 0xfeff):
			writeEscape(&b, `\u`, uint32(c), 4)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte(l.quote)
	return b.String()
}

// pyStr is a Python 3 string literal.
func pyStr(s string) string { return literal{'"', `"`, true}.write(s) }

// jsStr is a JavaScript string literal in single quotes.
func jsStr(s string) string { return literal{'\'', `'`, true}.write(s) }

// goStr is a Go string literal.
func goStr(s string) string { return strconv.Quote(s) }

// phpStr is a PHP double-quoted string literal: "$" is escaped so nothing
// is interpolated.
func phpStr(s string) string { return literal{'"', `"$`, false}.write(s) }

// rbStr is a Ruby double-quoted string literal: "#" is escaped so nothing
// is interpolated.
func rbStr(s string) string { return literal{'"', `"#`, false}.write(s) }

// writeEscape writes prefix and c as digits lower-case hex digits, without
// fmt, which would add half a megabyte to the wasm build.
func writeEscape(b *strings.Builder, prefix string, c uint32, digits int) {
	const hex = "0123456789abcdef"
	b.WriteString(prefix)
	for i := digits - 1; i >= 0; i-- {
		b.WriteByte(hex[(c>>(4*uint(i)))&0xf])
	}
}
