package signer

import (
	"strings"
	"testing"

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
