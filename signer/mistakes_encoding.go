package signer

import (
	"strings"
	"unicode/utf8"
)

// encodingMistakes returns the percent-encoders that differ from RFC 5849
// section 3.6. Each replaces the encoder of names and values, so no two
// of them make a pair.
func encodingMistakes() []Mistake {
	return []Mistake{
		{ID: "plus-for-space", Title: "Spaces encoded as +",
			Explanation: "It is what you get when spaces are encoded as \"+\" (form encoding, as Java's URLEncoder, Python's quote_plus or Go's url.QueryEscape do).",
			Fix:         "Encode a space as %20: RFC 5849 section 3.6 allows only A-Z a-z 0-9 - . _ ~ bare and needs %XX for everything else.",
			apply:       encodedWith(func(s string) string { return strings.ReplaceAll(PercentEncode(s), "%20", "+") }),
			replaces:    stageEncode},
		{ID: "encode-uri-component", Title: "! * ' ( ) left unencoded",
			Explanation: "It is what you get when ! * ' ( ) are left bare, as JavaScript's encodeURIComponent does.",
			Fix:         "Encode those five too: in JavaScript, encodeURIComponent(s).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase()).",
			apply:       encodedWith(unescape("%21", "!", "%2A", "*", "%27", "'", "%28", "(", "%29", ")")),
			replaces:    stageEncode},
		{ID: "lower-case-hex", Title: "Lower-case hex in escapes",
			Explanation: "It is what you get when percent-escapes use lower-case hex (%2c instead of %2C).",
			Fix:         "Use upper-case hex digits in every %XX, as RFC 5849 section 3.6 requires.",
			apply: func(r *Request, pl *pipeline) bool {
				pl.encodeName, pl.encodeValue = lowerHexEncode, lowerHexEncode
				return true
			},
			replaces: stageEncode},
		{ID: "tilde-encoded", Title: "~ encoded as %7E",
			Explanation: "It is what you get when \"~\" is encoded as %7E (older PHP rawurlencode, Java URLEncoder, JavaScript escape).",
			Fix:         "Leave ~ bare: it is one of RFC 3986's unreserved characters.",
			apply:       encodedWith(func(s string) string { return strings.ReplaceAll(PercentEncode(s), "~", "%7E") }),
			replaces:    stageEncode},
		{ID: "not-utf8", Title: "Text not UTF-8-encoded first",
			Explanation: "It is what you get when non-ASCII characters are encoded as Latin-1 bytes instead of UTF-8.",
			Fix:         "Convert text to UTF-8 bytes first, then percent-encode each byte.",
			apply: func(r *Request, pl *pipeline) bool {
				pl.encodeName, pl.encodeValue = latin1Encode, latin1Encode
				return hasNonASCII(requestText(r)...)
			},
			replaces: stageEncode},
		{ID: "utf8-twice", Title: "Text UTF-8-encoded twice",
			Explanation: "It is what you get when text that is already UTF-8 is taken for Latin-1 and encoded as UTF-8 again, so \"é\" (C3 A9) is signed as \"Ã©\" (%C3%83%C2%A9): PHP's utf8_encode() does this to a UTF-8 string, and so does decoding UTF-8 bytes as ISO-8859-1 before encoding them.",
			Fix:         "Encode text as UTF-8 exactly once: percent-encode the UTF-8 bytes of the text as it was typed (RFC 5849 section 3.6).",
			apply:       encodedWith(utf8TwiceEncode),
			replaces:    stageEncode},
		{ID: "values-double-encoded", Title: "Values encoded twice",
			Explanation: "It is what you get when parameter values are percent-encoded twice, e.g. a value taken already encoded from a URL and encoded again.",
			Fix:         "Decode values taken from a URL or body first; encode each value exactly once when building the parameter string.",
			apply: func(r *Request, pl *pipeline) bool {
				pl.encodeValue = func(s string) string { return PercentEncode(PercentEncode(s)) }
				return true
			},
			replaces: stageEncode},
	}
}

// encodedWith is the form of a mistake of encoding: every name and value
// encoded with enc. It applies when enc changes some text of the request.
func encodedWith(enc func(string) string) func(*Request, *pipeline) bool {
	return func(r *Request, pl *pipeline) bool {
		pl.encodeName, pl.encodeValue = enc, enc
		return anyChanges(enc, requestText(r)...)
	}
}

// lowerHexEncode is PercentEncode with lower-case hex digits.
func lowerHexEncode(s string) string {
	e := PercentEncode(s)
	var b strings.Builder
	for i := 0; i < len(e); i++ {
		if e[i] == '%' && i+2 < len(e) {
			b.WriteString("%" + strings.ToLower(e[i+1:i+3]))
			i += 2
			continue
		}
		b.WriteByte(e[i])
	}
	return b.String()
}

// unescape replaces the given escapes in an RFC 3986 encoding, e.g. to
// model an encoder that leaves "!" bare.
func unescape(pairs ...string) func(string) string {
	r := strings.NewReplacer(pairs...)
	return func(s string) string { return r.Replace(PercentEncode(s)) }
}

// latin1Encode encodes characters below U+0100 as single Latin-1 octets,
// as code that skips the UTF-8 step does.
func latin1Encode(s string) string {
	var b []byte
	for _, c := range s {
		if c < 0x100 {
			b = append(b, byte(c))
		} else {
			b = append(b, string(c)...)
		}
	}
	return PercentEncode(string(b))
}

// utf8TwiceEncode reads each octet of s as a Latin-1 character and encodes
// the result as UTF-8 again (mojibake), then percent-encodes it.
func utf8TwiceEncode(s string) string {
	if !hasNonASCII(s) {
		return PercentEncode(s)
	}
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, c)
		} else {
			b = utf8.AppendRune(b, rune(c))
		}
	}
	return PercentEncode(string(b))
}
