package signer

import "strings"

const upperhex = "0123456789ABCDEF"

// isUnreserved reports whether c is in RFC 3986's unreserved set
// (ALPHA, DIGIT, "-", ".", "_", "~"), the only characters RFC 5849
// section 3.6 leaves bare.
func isUnreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// unreserved is isUnreserved as a table, for PercentEncode's loops.
var unreserved = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isUnreserved(byte(c))
	}
	return t
}()

// PercentEncode encodes s as RFC 5849 section 3.6 requires: the UTF-8
// octets of s, every octet outside the unreserved set written as "%" and two
// upper-case hex digits. A space becomes "%20", never "+".
func PercentEncode(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved[s[i]] {
			n++
		}
	}
	if n == 0 {
		return s
	}
	// Written by index into a buffer of the final size: a byte at a time
	// through strings.Builder was 2-4 times slower in wasm, where a 1 MB
	// form body is encoded three times a keystroke.
	out := make([]byte, len(s)+2*n)
	j := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved[c] {
			out[j] = c
			j++
			continue
		}
		out[j], out[j+1], out[j+2] = '%', upperhex[c>>4], upperhex[c&15]
		j += 3
	}
	return string(out)
}

// isHex reports whether c is a hexadecimal digit, either case (RFC 3986
// section 2.1).
func isHex(c byte) bool { _, ok := unhex(c); return ok }

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

// formUnescape decodes one name or value of application/x-www-form-urlencoded
// text: "+" is a space and "%XX" an octet (RFC 5849 section 3.4.1.3.1 with
// W3C.REC-html40-19980424). It reports false for a "%" not followed by two
// hex digits; the caller names the field, never the text.
func formUnescape(s string) (string, bool) { return percentDecode(s, true) }

// percentDecode decodes "%XX" escapes, and "+" as a space when plusIsSpace
// (form encoding; in an Authorization header "+" stays "+"). It reports
// false for a "%" not followed by two hex digits.
func percentDecode(s string, plusIsSpace bool) (string, bool) {
	if strings.IndexByte(s, '%') < 0 && (!plusIsSpace || strings.IndexByte(s, '+') < 0) {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+' && plusIsSpace:
			b = append(b, ' ')
		case c == '%':
			if i+2 >= len(s) {
				return "", false
			}
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if !ok1 || !ok2 {
				return "", false
			}
			b = append(b, hi<<4|lo)
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b), true
}
