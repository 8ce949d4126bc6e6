package shellwords_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/oauth1-playground/oauth1-playground/signer/internal/shellwords"
)

// splitTest is one case of a splitter's table: the text, the words it
// splits into, whether it stops at a control operator, and the error.
type splitTest struct {
	name    string
	in      string
	want    []string
	stopped bool
	err     error
}

// runSplitTests runs the table tests against split, named name in the
// messages.
func runSplitTests(t *testing.T, name string, split func(string) ([]string, bool, error), tests []splitTest) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, stopped, err := split(tc.in)
			assert.ErrorIs(t, err, tc.err, "%s(%q) error", name, tc.in)
			assert.Equal(t, tc.want, got, "%s(%q) = %q, want %q", name, tc.in, got, tc.want)
			assert.Equal(t, tc.stopped, stopped, "%s(%q) stopped", name, tc.in)
		})
	}
}

func TestPOSIX(t *testing.T) {
	runSplitTests(t, "POSIX", shellwords.POSIX, []splitTest{
		{name: "empty", in: "", want: nil},
		{name: "blanks only", in: " \t\r\n ", want: nil},
		{name: "words and blanks", in: " curl\t-s \n https://h/p ", want: []string{"curl", "-s", "https://h/p"}},
		{name: "single quotes are literal", in: `'a b' 'c\d' '"$x'`, want: []string{"a b", `c\d`, `"$x`}},
		{name: "empty quotes are a word", in: `'' ""`, want: []string{"", ""}},
		{name: "quotes join into one word", in: `a'b'"c"$'d'e`, want: []string{"abcde"}},
		{name: "double-quote escapes", in: `"a\"b\$c\\d\` + "`" + `e\q"`, want: []string{`a"b$c\d` + "`" + `e\q`}},
		{name: "double quotes join lines", in: "\"a\\\nb\\\r\nc\"", want: []string{"abc"}},
		{name: "double quotes keep line ends", in: "\"a\nb\"", want: []string{"a\nb"}},
		{name: "ANSI-C escapes", in: `$'\a\b\e\E\f\n\r\t\v\\\'\"\?'`, want: []string{"\a\b\x1b\x1b\f\n\r\t\v\\'\"?"}},
		{name: "ANSI-C hex and Unicode", in: `$'\x21\x4a\u00e9\U0001F600\xg'`, want: []string{"!J\u00e9\U0001F600\\xg"}},
		{name: "ANSI-C hex stops at two digits", in: `$'\x414'`, want: []string{"A4"}},
		{name: "ANSI-C octal", in: `$'\101\0\7a\1234'`, want: []string{"A\x00\x07a" + "S4"}},
		{name: "ANSI-C control character", in: `$'\cA\c?'`, want: []string{"\x01\x1f"}},
		{name: "ANSI-C unknown escape kept", in: `$'\q'`, want: []string{`\q`}},
		{name: "dollar without quote is literal", in: `$x $"y"`, want: []string{"$x", "$y"}},
		{name: "backslash quotes a character", in: `a\ b \'c\"`, want: []string{"a b", `'c"`}},
		{name: "backslash-newline joins lines", in: "a \\\n b\\\r\nc", want: []string{"a", "bc"}},
		{name: "trailing backslash kept", in: `a\`, want: []string{`a\`}},
		{name: "comment to the end of the line", in: "a # b c\nd", want: []string{"a", "d"}},
		{name: "hash inside a word", in: "a#b", want: []string{"a#b"}},
		{name: "pipe", in: "curl h | jq .", want: []string{"curl", "h"}, stopped: true},
		{name: "semicolon ends a word", in: "a;b", want: []string{"a"}, stopped: true},
		{name: "redirection ends a word", in: "a>out", want: []string{"a"}, stopped: true},
		{name: "input redirection", in: "a < in", want: []string{"a"}, stopped: true},
		{name: "and-and starting a word", in: "a && b", want: []string{"a"}, stopped: true},
		{name: "ampersand inside a word", in: "a&&b", want: []string{"a&&b"}},
		{name: "quoted operators", in: `'a|b' "c;d" e\>f`, want: []string{"a|b", "c;d", "e>f"}},
		{name: "single quote never closed", in: "curl 'https://h/", err: shellwords.ErrUnclosedQuote},
		{name: "double quote never closed", in: `curl -d "a=1`, err: shellwords.ErrUnclosedQuote},
		{name: "escaped closing double quote", in: `"a\"`, err: shellwords.ErrUnclosedQuote},
		{name: "ANSI-C quote never closed", in: `curl $'a`, err: shellwords.ErrUnclosedQuote},
		{name: "ANSI-C escaped closing quote", in: `$'a\'`, err: shellwords.ErrUnclosedQuote},
	})
}
