package signer

import "strings"

// curlCommand returns a POSIX-shell curl command for the request. Every
// argument is single-quoted, so nothing in it is expanded by the shell.
func curlCommand(method, url string, headers [][2]string, body string) string {
	var b strings.Builder
	b.WriteString("curl")
	switch {
	case method == "HEAD":
		b.WriteString(" --head")
	case method != "GET" || body != "":
		b.WriteString(" --request " + shellQuote(method))
	}
	b.WriteString(" " + shellQuote(url))
	for _, h := range headers {
		// "Name:" with nothing after it makes curl send no such header,
		// rather than one it would choose itself.
		line := h[0] + ":"
		if h[1] != "" {
			line += " " + h[1]
		}
		b.WriteString(" \\\n  --header " + shellQuote(line))
	}
	if body != "" {
		b.WriteString(" \\\n  --data-raw " + shellQuote(body))
	}
	return b.String()
}

// shellQuote quotes s for a POSIX shell: inside single quotes only the
// quote itself needs care.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
