package shellwords

import "strings"

// POSIX splits a POSIX shell command line into words as sh does, without
// expanding anything (POSIX.1-2017 XCU section 2.2): '...' is literal,
// "..." honours \$ \` \" \\ and backslash-newline, $'...' decodes the
// ANSI-C escapes bash documents for it, an unquoted backslash quotes the
// next character, and a backslash before a line end joins the lines. A
// word starting with "#" comments out the rest of its line. It stops at an
// unquoted control operator ("|", ";", "<", ">", or "&" starting a word)
// and reports that it did. The error is [ErrUnclosedQuote], with no words.
func POSIX(s string) (words []string, stopped bool, err error) {
	var b strings.Builder
	inWord := false
	end := func() {
		if inWord {
			words = append(words, b.String())
			b.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			end()
		case c == '\\':
			switch n := lineEnd(s[i+1:]); {
			case n > 0:
				i += n // backslash-newline joins the lines
			case i+1 < len(s):
				b.WriteByte(s[i+1])
				i++
				inWord = true
			default:
				b.WriteByte('\\')
				inWord = true
			}
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, false, ErrUnclosedQuote
			}
			b.WriteString(s[i+1 : i+1+j])
			i += 1 + j
			inWord = true
		case c == '"':
			n, ok := doubleQuoted(s[i+1:], &b)
			if !ok {
				return nil, false, ErrUnclosedQuote
			}
			i += n
			inWord = true
		case c == '$' && strings.HasPrefix(s[i+1:], "'"):
			n, ok := ansiCQuoted(s[i+2:], &b)
			if !ok {
				return nil, false, ErrUnclosedQuote
			}
			i += 1 + n
			inWord = true
		case c == '#' && !inWord:
			for i+1 < len(s) && s[i+1] != '\n' {
				i++
			}
		case c == '|' || c == ';' || c == '<' || c == '>' || c == '&' && !inWord:
			end()
			return words, true, nil
		default:
			b.WriteByte(c)
			inWord = true
		}
	}
	end()
	return words, false, nil
}

// doubleQuoted reads the rest of a "..." string, s starting after the
// opening quote, into b. It returns the number of bytes read, closing quote
// included, and false if the quote is never closed.
func doubleQuoted(s string, b *strings.Builder) (int, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			return i + 1, true
		case c == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case c == '\\' && lineEnd(s[i+1:]) > 0:
			i += lineEnd(s[i+1:])
		default:
			b.WriteByte(c)
		}
	}
	return 0, false
}

// ansiCDigits is the most hex digits each of bash's \x, \u and \U
// escapes reads.
var ansiCDigits = map[byte]int{'x': 2, 'u': 4, 'U': 8}

// ansiCQuoted reads the rest of a $'...' string, s starting after the
// opening quote, into b, decoding the escapes bash documents for it
// (bash manual, "ANSI-C Quoting"). It returns the number of bytes read,
// closing quote included, and false if the quote is never closed.
func ansiCQuoted(s string, b *strings.Builder) (int, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' {
			return i + 1, true
		}
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'e', 'E':
			b.WriteByte(0x1b)
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '\\', '\'', '"', '?':
			b.WriteByte(e)
		case 'c':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i] & 0x1f)
			}
		case 'x', 'u', 'U':
			n, v := 0, rune(0)
			for n < ansiCDigits[e] && i+1+n < len(s) {
				d, ok := unhex(s[i+1+n])
				if !ok {
					break
				}
				v = v<<4 | rune(d)
				n++
			}
			switch {
			case n == 0:
				b.WriteByte('\\')
				b.WriteByte(e)
			case e == 'x':
				b.WriteByte(byte(v))
			default:
				b.WriteRune(v)
			}
			i += n
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, n := 0, 0
			for n < 3 && i+n < len(s) && '0' <= s[i+n] && s[i+n] <= '7' {
				v = v<<3 | int(s[i+n]-'0')
				n++
			}
			b.WriteByte(byte(v))
			i += n - 1
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return 0, false
}

// unhex returns the value of the hex digit c, and false if c is not one.
func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
