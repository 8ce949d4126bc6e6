package shellwords_test

// FuzzSplit runs with
//
//	go test ./signer/internal/shellwords -run '^$' -fuzz '^FuzzSplit$' -fuzztime 30s
//
// Inputs that fail are written under testdata/fuzz/FuzzSplit/ and re-run
// by plain `go test` as regression tests.

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer/internal/shellwords"
)

// singleQuote quotes s for a POSIX shell inside '...': only the quote
// itself needs care.
func singleQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// doubleQuote quotes s for a POSIX shell inside "...".
func doubleQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("$`\"\\", s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// ansiCQuote quotes s for bash as $'...', writing every octet that is not
// printable ASCII as \xHH.
func ansiCQuote(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == '\'':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			b.WriteString(`\x` + string(hex[c>>4]) + string(hex[c&15]))
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// cmdQuote quotes an argument for the Microsoft C runtime's command line
// parser, then escapes it for cmd.exe with "^", as Chrome's "Copy as cURL
// (cmd)" does.
func cmdQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		n := 0
		for i < len(s) && s[i] == '\\' {
			n++
			i++
		}
		switch {
		case i == len(s):
			b.WriteString(strings.Repeat(`\`, 2*n))
		case s[i] == '"':
			b.WriteString(strings.Repeat(`\`, 2*n+1) + `"`)
		default:
			b.WriteString(strings.Repeat(`\`, n))
			b.WriteByte(s[i])
		}
	}
	b.WriteByte('"')
	var cmd strings.Builder
	for i := 0; i < b.Len(); i++ {
		c := b.String()[i]
		if strings.IndexByte(`^&|<>"%`, c) >= 0 {
			cmd.WriteByte('^')
		}
		cmd.WriteByte(c)
	}
	return cmd.String()
}

// oneLine returns the words that hold no line end: cmd.exe cannot pass
// one in an argument.
func oneLine(words []string) []string {
	var kept []string
	for _, w := range words {
		if !strings.ContainsAny(w, "\r\n") {
			kept = append(kept, w)
		}
	}
	return kept
}

// quoteAll quotes every word with quote and joins them with sep.
func quoteAll(words []string, quote func(string) string, sep string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = quote(w)
	}
	return strings.Join(quoted, sep)
}

// checkSplitter fails unless a splitter's result is words or
// ErrUnclosedQuote alone.
func checkSplitter(t *testing.T, name, text string, words []string, stopped bool, err error) {
	t.Helper()
	if err != nil {
		require.ErrorIs(t, err, shellwords.ErrUnclosedQuote, "%s(%q)", name, text)
		require.Nil(t, words, "%s(%q) gave words with its error", name, text)
		require.False(t, stopped, "%s(%q) stopped with its error", name, text)
	}
}

// FuzzSplit checks that splitting never fails but with ErrUnclosedQuote,
// that Split reads text as POSIX or as Cmd does, and that the words of
// any text, quoted again the way shells and tools write them, split back
// into the same words.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"curl 'https://h.example/p?a=1' -H 'X-A: b' --data 'c=%20d'",
		"curl --location 'https://h.example/p' \\\n--header 'Content-Type: text/plain' \\\n--data-urlencode 'a=b c+d!'",
		`curl -X POST "https://h.example/p" -H "X-A: \"b\"" -d "a=\"\$b\\"`,
		"curl $'https://h.example/p?q=\\x21' -H $'X-A: \\'\\u00e9\\'' --data-raw $'a\\nb\\101\\cA' --compressed",
		"curl ^\"https://h.example/p?a=1^&b=2^\" ^\r\n  -H ^\"X-A: ^\\^\"b^\\^\"^\" ^\r\n  --data-raw ^\"x=1^\"",
		"$ curl https://h.example/p | jq . > out.json",
		"curl a\\ b # comment\nc; d && e",
		`curl.exe "a b" c\\"d e" "f""g"`,
		"curl 'https://h.example/p -d \"unterminated",
		"0 ^\"\n\"",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words, stopped, err := shellwords.Split(text)
		checkSplitter(t, "Split", text, words, stopped, err)
		posixWords, posixStopped, posixErr := shellwords.POSIX(text)
		checkSplitter(t, "POSIX", text, posixWords, posixStopped, posixErr)
		cmdWords, cmdStopped, cmdErr := shellwords.Cmd(text)
		checkSplitter(t, "Cmd", text, cmdWords, cmdStopped, cmdErr)
		asPOSIX := err == posixErr && stopped == posixStopped && slices.Equal(words, posixWords)
		asCmd := err == cmdErr && stopped == cmdStopped && slices.Equal(words, cmdWords)
		require.True(t, asPOSIX || asCmd, "Split(%q) reads it neither as POSIX nor as Cmd does", text)

		if posixErr == nil {
			for name, quote := range map[string]func(string) string{"'...'": singleQuote, `"..."`: doubleQuote, "$'...'": ansiCQuote} {
				got, stopped, err := shellwords.POSIX(quoteAll(posixWords, quote, " \\\n "))
				require.NoError(t, err, name)
				require.False(t, stopped, name)
				require.Equal(t, posixWords, got, "words quoted as %s", name)
			}
		}
		for name, words := range map[string][]string{"POSIX": posixWords, "Cmd": cmdWords} {
			want := oneLine(words)
			if len(want) == 0 {
				continue
			}
			quoted := quoteAll(want, cmdQuote, " ^\r\n ")
			got, stopped, err := shellwords.Cmd(quoted)
			require.NoError(t, err, "%s words quoted for cmd", name)
			require.False(t, stopped, "%s words quoted for cmd", name)
			require.Equal(t, want, got, "%s words quoted for cmd", name)
			got, _, err = shellwords.Split(quoted)
			require.NoError(t, err, "%s words quoted for cmd, split", name)
			require.Equal(t, want, got, "Split of %s words quoted for cmd", name)
		}
	})
}
