package shellwords

import "strings"

// Cmd splits a Windows cmd.exe command line into words: first cmd's own
// escapes ("^x" is x, "^" before a line end joins the lines), then the
// argument rules of the Microsoft C runtime ("..." groups, "" inside
// quotes is a quote, backslashes are literal unless they precede a quote,
// \" is a quote). It stops at an unquoted "&", "|", "<" or ">" and reports
// that it did. The error is [ErrUnclosedQuote], with no words.
func Cmd(s string) (words []string, stopped bool, err error) {
	var line strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '^' && !quoted:
			switch n := lineEnd(s[i+1:]); {
			case n > 0:
				i += n // "^" before a line end joins the lines
			case i+1 < len(s):
				i++
				line.WriteByte(s[i])
			}
		case c == '"':
			quoted = !quoted
			line.WriteByte(c)
		case !quoted && strings.IndexByte("&|<>", c) >= 0:
			stopped = true
			i = len(s)
		default:
			line.WriteByte(c)
		}
	}
	t := line.String()
	var b strings.Builder
	inWord, inQuotes := false, false
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '\\':
			n := 0
			for i+n < len(t) && t[i+n] == '\\' {
				n++
			}
			if i+n < len(t) && t[i+n] == '"' {
				b.WriteString(strings.Repeat(`\`, n/2))
				if n%2 == 1 {
					b.WriteByte('"')
					i += n
				} else {
					i += n - 1
				}
			} else {
				b.WriteString(t[i : i+n])
				i += n - 1
			}
			inWord = true
		case c == '"':
			if inQuotes && i+1 < len(t) && t[i+1] == '"' {
				b.WriteByte('"') // "" inside quotes is a quote
				i++
			} else {
				inQuotes = !inQuotes
			}
			inWord = true
		case !inQuotes && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			if inWord {
				words = append(words, b.String())
				b.Reset()
				inWord = false
			}
		default:
			b.WriteByte(c)
			inWord = true
		}
	}
	if inQuotes {
		return nil, false, ErrUnclosedQuote
	}
	if inWord {
		words = append(words, b.String())
	}
	return words, stopped, nil
}
