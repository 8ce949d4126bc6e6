package signer

import "strings"

// AuthorizationHeader returns the value of an Authorization header carrying
// params (RFC 5849 section 3.5.1): "OAuth ", then realm="..." when realm is
// not empty (it is never signed), then each parameter as name="value",
// names and values percent-encoded, sorted by name and joined by ", ".
// The realm is a quoted-string (RFC 2617 section 1.2): only its quotes and
// backslashes are escaped.
func AuthorizationHeader(realm string, params []Param) string {
	enc := EncodeParameters(params)
	SortParameters(enc)
	var b strings.Builder
	b.WriteString("OAuth ")
	sep := ""
	if realm != "" {
		b.WriteString(`realm="` + quoteEscaper.Replace(realm) + `"`)
		sep = ", "
	}
	for _, p := range enc {
		b.WriteString(sep + p.Name + `="` + p.Value + `"`)
		sep = ", "
	}
	return b.String()
}

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)
