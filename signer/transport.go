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
