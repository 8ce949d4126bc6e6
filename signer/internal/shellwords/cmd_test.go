package shellwords_test

import (
	"testing"

	"github.com/oauth1-playground/oauth1-playground/signer/internal/shellwords"
)

func TestCmd(t *testing.T) {
	runSplitTests(t, "Cmd", shellwords.Cmd, []splitTest{
		{name: "empty", in: "", want: nil},
		{name: "words and blanks", in: " curl\t-s  https://h/p ", want: []string{"curl", "-s", "https://h/p"}},
		{name: "Chrome's copy as cURL (cmd)", in: "curl ^\"https://h/p?a=1^&b=2^\" ^\r\n  -H ^\"X: ^\\^\"y^\\^\"^\"",
			want: []string{"curl", "https://h/p?a=1&b=2", "-H", `X: "y"`}},
		{name: "caret before a line end joins the lines", in: "a ^\nb^\r\nc", want: []string{"a", "bc"}},
		{name: "caret escapes an operator", in: "a ^& b ^| c ^^", want: []string{"a", "&", "b", "|", "c", "^"}},
		{name: "caret at the end is dropped", in: "a^", want: []string{"a"}},
		{name: "caret inside quotes is kept", in: `"a^b"`, want: []string{"a^b"}},
		{name: "quotes group", in: `"a b" c"d e"f`, want: []string{"a b", "cd ef"}},
		{name: "empty quotes are a word", in: `""`, want: []string{""}},
		{name: "doubled quote inside quotes", in: `"a""b"`, want: []string{`a"b`}},
		{name: "backslashes are literal", in: `a\b c\\d`, want: []string{`a\b`, `c\\d`}},
		{name: "backslash-quote is a quote", in: `\"a b\"`, want: []string{`"a`, `b"`}},
		{name: "even backslashes before a quote halve", in: `a\\"b c"`, want: []string{`a\b c`}},
		{name: "odd backslashes before a quote halve and quote", in: `a\\\"b`, want: []string{`a\"b`}},
		{name: "line ends separate words", in: "a\r\nb\nc", want: []string{"a", "b", "c"}},
		{name: "ampersand", in: "curl h & echo", want: []string{"curl", "h"}, stopped: true},
		{name: "pipe", in: "a|b", want: []string{"a"}, stopped: true},
		{name: "redirections", in: "a >out <in", want: []string{"a"}, stopped: true},
		{name: "quoted operators", in: `"a & b|c<d>e"`, want: []string{"a & b|c<d>e"}},
		{name: "quote never closed", in: "curl ^\n \"https://h/", err: shellwords.ErrUnclosedQuote},
		{name: "escaped closing quote", in: `"a\"`, err: shellwords.ErrUnclosedQuote},
	})
}
