// Package shellwords splits a command line into its words the way a POSIX
// shell or Windows cmd.exe would before running it, without expanding
// anything: no variables, no globs, no command substitution. It knows
// nothing of the command it splits; it exists so that a pasted curl
// command can be read as curl would receive it.
//
// [POSIX] follows the shell's quoting, [Cmd] follows cmd.exe and the
// Microsoft C runtime, and [Split] picks one of them by looking at the
// text. Each stops at the first control operator ("|", "&&", ";", ">" and
// so on), reporting that it stopped, since what follows is another
// command.
package shellwords

import (
	"errors"
	"strings"
)

// ErrUnclosedQuote is the error of a command line with a quote that is
// never closed. It is the only error the functions of this package
// return.
var ErrUnclosedQuote = errors.New("shellwords: a quote is never closed")

// Split splits the command line s into its words. Text with Windows cmd
// line ends ("^" at the end of a line) or escaped quotes (^"), outside
// POSIX quotes, is read with [Cmd], anything else with [POSIX]. It reports
// whether it stopped at a control operator such as "|" or "&&".
func Split(s string) (words []string, stopped bool, err error) {
	if hasCmdCarets(s) {
		return Cmd(s)
	}
	return POSIX(s)
}

// hasCmdCarets reports whether s, read with POSIX quoting, has a "^" that
// is not quoted and comes before a line end or a double quote: cmd.exe's
// line continuation and quote escape.
func hasCmdCarets(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return false
			}
			i += 1 + j
		case '$':
			if strings.HasPrefix(s[i+1:], "'") {
				for i += 2; i < len(s) && s[i] != '\''; i++ {
					if s[i] == '\\' {
						i++
					}
				}
			}
		case '"':
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '^':
			if rest := s[i+1:]; lineEnd(rest) > 0 || strings.HasPrefix(rest, `"`) {
				return true
			}
		}
	}
	return false
}

// lineEnd returns the length of the line end that s starts with: 1 for
// LF, 2 for CRLF, 0 if s starts with neither.
func lineEnd(s string) int {
	switch {
	case strings.HasPrefix(s, "\n"):
		return 1
	case strings.HasPrefix(s, "\r\n"):
		return 2
	}
	return 0
}
