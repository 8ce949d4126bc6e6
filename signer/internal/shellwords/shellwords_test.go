package shellwords_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/oauth1-playground/oauth1-playground/signer/internal/shellwords"
)

// TestSplit checks which rules Split reads a command line with: cmd.exe's
// when a "^" outside POSIX quotes ends a line or escapes a quote, the
// POSIX shell's otherwise.
func TestSplit(t *testing.T) {
	tests := []struct {
		splitTest
		cmd bool // Split must read the text as Cmd does, else as POSIX does
	}{
		{splitTest{name: "POSIX", in: `curl 'a b' -d "c"`, want: []string{"curl", "a b", "-d", "c"}}, false},
		{splitTest{name: "caret inside a word", in: "a^b", want: []string{"a^b"}}, false},
		{splitTest{name: "caret line end", in: "curl ^\n  -d a=1", want: []string{"curl", "-d", "a=1"}}, true},
		{splitTest{name: "caret CRLF line end", in: "curl ^\r\n  h", want: []string{"curl", "h"}}, true},
		{splitTest{name: "caret quote", in: `curl ^"a b^"`, want: []string{"curl", "a b"}}, true},
		{splitTest{name: "caret line end in single quotes", in: "curl 'a^\nb'", want: []string{"curl", "a^\nb"}}, false},
		{splitTest{name: "caret quote in double quotes", in: `curl "a^\"b"`, want: []string{"curl", `a^"b`}}, false},
		{splitTest{name: "caret line end in ANSI-C quotes", in: "curl $'a^\n\\'b'", want: []string{"curl", "a^\n'b"}}, false},
		{splitTest{name: "caret after an escaped quote", in: `curl \'^"a"`, want: []string{"curl", `\'a`}}, true},
		{splitTest{name: "caret after a single quote never closed", in: "curl 'a ^\n", err: shellwords.ErrUnclosedQuote}, false},
		{splitTest{name: "cmd quote never closed", in: "curl ^\n \"https://h/", err: shellwords.ErrUnclosedQuote}, true},
		{splitTest{name: "POSIX pipe", in: "curl h | jq", want: []string{"curl", "h"}, stopped: true}, false},
		{splitTest{name: "cmd ampersand", in: "curl ^\n h & echo", want: []string{"curl", "h"}, stopped: true}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, stopped, err := shellwords.Split(tc.in)
			assert.ErrorIs(t, err, tc.err, "Split(%q) error", tc.in)
			assert.Equal(t, tc.want, got, "Split(%q) = %q, want %q", tc.in, got, tc.want)
			assert.Equal(t, tc.stopped, stopped, "Split(%q) stopped", tc.in)

			rules, name := shellwords.POSIX, "POSIX"
			if tc.cmd {
				rules, name = shellwords.Cmd, "Cmd"
			}
			want, wantStopped, wantErr := rules(tc.in)
			assert.Equal(t, want, got, "Split(%q) = %q, want %s's %q", tc.in, got, name, want)
			assert.Equal(t, wantStopped, stopped, "Split(%q) stopped, want as %s", tc.in, name)
			assert.Equal(t, wantErr, err, "Split(%q) error, want %s's", tc.in, name)
		})
	}
}
