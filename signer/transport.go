package signer

import "strings"

// queryTransport returns rawURL with params added to its query, each pair
// percent-encoded and sorted (RFC 5849 section 3.5.3). A fragment is
// dropped: it is never sent.
func queryTransport(rawURL string, params []Param) string {
	u, _, _ := strings.Cut(rawURL, "#")
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
		if strings.HasSuffix(u, "?") || strings.HasSuffix(u, "&") {
			sep = ""
		}
	}
	return u + sep + encodedPairs(params)
}

// formTransport returns body with params added as form pairs (RFC 5849
// section 3.5.2).
func formTransport(body string, params []Param) string {
	if body == "" {
		return encodedPairs(params)
	}
	return body + "&" + encodedPairs(params)
}

// encodedPairs joins params as encoded name=value pairs, sorted.
func encodedPairs(params []Param) string {
	enc := EncodeParameters(params)
	SortParameters(enc)
	return JoinParameters(enc)
}

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
