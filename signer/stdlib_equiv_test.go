package signer

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// The signer replaces a few standard library calls with smaller code of
// the same result, to keep the wasm small; these tests hold each to the
// call it replaces, on table inputs and under fuzzing.

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

func TestQuoteEscape(t *testing.T) {
	for _, s := range []string{"", "photos", `a"b`, `a\b`, `\"`, `"\`, `\\""`, "é\"\\\x00\xff", `"`, `\`} {
		assert.Equal(t, quoteEscaper.Replace(s), quoteEscape(s), "%q", s)
	}
}

func FuzzQuoteEscape(f *testing.F) {
	for _, s := range []string{"", `a"b\c`, "\xff\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := quoteEscape(s), quoteEscaper.Replace(s); got != want {
			t.Fatalf("quoteEscape(%q) = %q, want %q", s, got, want)
		}
	})
}

// oldCheckMethod is checkMethod as it was, with strings.ToUpper.
func oldCheckMethod(m string) (string, error) {
	if _, err := checkMethod(m); err != nil {
		return "", err
	}
	return strings.ToUpper(m), nil
}

// oldIsFormContentType is isFormContentType as it was, with strings.EqualFold.
func oldIsFormContentType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/x-www-form-urlencoded")
}

func TestUpperASCII(t *testing.T) {
	for _, s := range []string{"", "get", "Post", "PUT", "m-search", "%2f", "%aB", "0123456789abcdef", "~!#$%&'*+^`|"} {
		assert.Equal(t, strings.ToUpper(s), upperASCII(s), "%q", s)
	}
	assert.Equal(t, "\xffA\u017f", upperASCII("\xffa\u017f"), "leaves every byte but a-z alone")
	for _, m := range []string{"get", "poſt", "GEt", "ｇｅｔ", "", "a b", "\xff"} {
		want, wantErr := oldCheckMethod(m)
		got, err := checkMethod(m)
		assert.Equal(t, want, got, "%q", m)
		assert.Equal(t, wantErr, err, "%q", m)
	}
}

func TestIsFormContentType(t *testing.T) {
	for _, ct := range formContentTypeSeeds {
		assert.Equal(t, oldIsFormContentType(ct), isFormContentType(ct), "%q", ct)
	}
	assert.True(t, isFormContentType(" Application/X-WWW-Form-URLEncoded\u00a0; charset=utf-8"))
	assert.False(t, isFormContentType("application/x-www-form-urlencoded\u212a"))
}

// TestASCIIFoldPartners proves equalFoldASCII's premise on every code
// point: the only non-ASCII characters whose case folding reaches an
// ASCII letter are the Kelvin sign (to k) and the long s (to s).
func TestASCIIFoldPartners(t *testing.T) {
	partners := map[rune]rune{}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < 0x80 {
				partners[r] = unicode.ToLower(f)
			}
		}
	}
	assert.Equal(t, map[rune]rune{0x212a: 'k', 0x17f: 's'}, partners)
	assert.NotContains(t, "application/x-www-form-urlencoded", "k")
	assert.NotContains(t, "application/x-www-form-urlencoded", "s")
}

var formContentTypeSeeds = []string{"", "application/x-www-form-urlencoded", "APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8",
	" application/x-www-form-urlencoded \t", "application/x-www-form-urlencoded\u00a0", "\u2003application/x-www-form-urlencoded",
	"application/json", "application/x-www-form-urlencodeD;", "applıcation/x-www-form-urlencoded", "application/x-www-form-urlencoded\xff",
	"text/plain; a=application/x-www-form-urlencoded"}

func FuzzUpperASCII(f *testing.F) {
	for _, s := range []string{"get", "poſt", "%2f", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantErr := oldCheckMethod(s)
		got, err := checkMethod(s)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Fatalf("checkMethod(%q) = %q, %v; want %q, %v", s, got, err, want, wantErr)
		}
		ascii := true
		for i := 0; i < len(s); i++ {
			ascii = ascii && s[i] < 0x80
		}
		if ascii && upperASCII(s) != strings.ToUpper(s) {
			t.Fatalf("upperASCII(%q) = %q, want %q", s, upperASCII(s), strings.ToUpper(s))
		}
	})
}

func FuzzIsFormContentType(f *testing.F) {
	for _, s := range formContentTypeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ct string) {
		if got, want := isFormContentType(ct), oldIsFormContentType(ct); got != want {
			t.Fatalf("isFormContentType(%q) = %v, want %v", ct, got, want)
		}
	})
}
