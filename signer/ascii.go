package signer

// ASCII case helpers for text the signer has already checked is ASCII (a
// method's token characters, hex digits) or compares with an ASCII word
// that no non-ASCII character folds to. strings.ToUpper and
// strings.EqualFold give the same results there, but link Unicode's case
// tables and fold orbits into the wasm; stdlib_equiv_test.go holds each
// use to the call it replaces.
//
// Owns: ASCII-only case mapping and comparison. Must never: be used on
// text that may hold non-ASCII letters where Unicode case rules apply (a
// host name: baseuri.go keeps strings.ToLower).

// upperASCII returns s with a-z upper-cased and every other byte as it is.
func upperASCII(s string) string {
	i := 0
	for i < len(s) && !('a' <= s[i] && s[i] <= 'z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'a' <= b[i] && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// equalFoldASCII reports whether s is lower, an ASCII word in lower case,
// with any of its letters in upper case. It is strings.EqualFold(s, lower)
// for a lower without k or s: the only non-ASCII characters that fold to
// an ASCII letter are the Kelvin sign (k) and the long s (s).
func equalFoldASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
