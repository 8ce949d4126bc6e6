package signer

import (
	"bytes"
	"strings"
)

// importBaseString finds a signature base string in s (RFC 5849 section
// 3.4.1.1): the form-encoded value of a debug_sbs parameter, as some
// servers send in an oauth_problem reply, or a METHOD&URI&PARAMETERS
// string anywhere in the text. It reports false when there is none.
func importBaseString(s string) (*Imported, bool, error) {
	bs, whole := findBaseString(s)
	if bs == "" {
		return nil, false, nil
	}
	parts := strings.SplitN(bs, "&", 3)
	uri, ok1 := unescapeAuthParam(parts[1])
	paramString, ok2 := unescapeAuthParam(parts[2])
	if !ok1 || !ok2 {
		return nil, false, fieldErr(importField, "has a base string with a \"%\" that is not followed by two hex digits", ErrMalformed)
	}

	st := newImportState(ImportBaseString)
	im, r := st.im, &st.im.Request
	im.BaseString = bs
	r.Method, r.URL = parts[0], uri
	var signed []Param
	extra, hasSignature := false, false
	for pair := range strings.SplitSeq(paramString, "&") {
		if pair == "" {
			continue
		}
		rawName, rawValue, _ := strings.Cut(pair, "=")
		name, ok1 := unescapeAuthParam(rawName)
		value, ok2 := unescapeAuthParam(rawValue)
		if !ok1 || !ok2 {
			return nil, false, fieldErr(importField, "has a base string whose parameters have a \"%\" that is not followed by two hex digits", ErrMalformed)
		}
		p := Param{Name: name, Value: value}
		switch {
		case name == oauthSignature:
			hasSignature = true
			continue
		case name == oauthBodyHash:
			// Kept as sent: Sign would hash an empty body.
			r.Params = append(r.Params, Param{Name: name, Value: value, Source: SourceProtocol})
		case st.take(p, "base string"):
		case strings.HasPrefix(name, "oauth_"):
			r.Params = append(r.Params, Param{Name: name, Value: value, Source: SourceProtocol})
		default:
			extra = true
			r.Params = append(r.Params, Param{Name: name, Value: value, Source: SourceExtra})
		}
		signed = append(signed, p)
	}
	if !whole {
		im.note("text around the base string")
	}
	if extra {
		im.note("query and body parameters cannot be told apart in a base string: all are extra parameters")
	}
	if hasSignature {
		im.note("oauth_signature in the base string: it is never signed")
	}
	baseURI, _, err := BaseStringURI(uri)
	rebuilt := PercentEncode(strings.ToUpper(parts[0])) + "&" + PercentEncode(baseURI) + "&" + PercentEncode(NormalizeParameters(signed))
	if err != nil || rebuilt != bs {
		im.note("base string not in normal form: signing the request gives a different one")
	}
	var userinfo []string
	st.stripUserinfo(&userinfo)
	st.scrub(userinfo)
	return im, true, nil
}

// findBaseString returns the base string in s, and whether it is all of s.
// A debug_sbs value is form-decoded once first.
func findBaseString(s string) (bs string, whole bool) {
	const key = "debug_sbs="
	if i := strings.Index(s, key); i >= 0 {
		v := s[i+len(key):]
		v = v[:baseStringEnd(v, 0)]
		if dec, ok := formUnescape(v); ok {
			if start, end, ok := scanBaseString(dec); ok && start == 0 && end == len(dec) {
				return dec, false
			}
		}
	}
	start, end, ok := scanBaseString(s)
	if !ok {
		return "", false
	}
	return s[start:end], start == 0 && end == len(s)
}

// scanBaseString finds the first METHOD&SCHEME%3A%2F%2F...&PARAMETERS in
// s: a method of letters, an encoded http or https URI, and an encoded
// parameter string, which holds no "&" of its own (RFC 5849 section
// 3.4.1.1).
func scanBaseString(s string) (start, end int, ok bool) {
	// Lower-case ASCII only, byte for byte, so indices stay those of s.
	lower := []byte(s)
	for i, c := range lower {
		if 'A' <= c && c <= 'Z' {
			lower[i] = c + 'a' - 'A'
		}
	}
	for from := 0; ; {
		i := bytes.Index(lower[from:], []byte("&http"))
		if i < 0 {
			return 0, 0, false
		}
		amp := from + i
		from = amp + 1
		rest := lower[amp+1:]
		if !bytes.HasPrefix(rest, []byte("http%3a%2f%2f")) && !bytes.HasPrefix(rest, []byte("https%3a%2f%2f")) {
			continue
		}
		start = amp
		for start > 0 && isLetter(s[start-1]) {
			start--
		}
		if start == amp || start > 0 && (isAlnum(s[start-1]) || s[start-1] == '_') {
			continue
		}
		uriEnd := baseStringEnd(s, amp+1)
		if uriEnd == len(s) || s[uriEnd] != '&' {
			continue
		}
		return start, baseStringEnd(s, uriEnd+1), true
	}
}

// baseStringEnd returns the index in s of the first octet at or after from
// that cannot be part of a base string's URI or parameter string: "&",
// white space or a character that quotes text.
func baseStringEnd(s string, from int) int {
	for i := from; i < len(s); i++ {
		if strings.IndexByte("& \t\r\n\"'<>`", s[i]) >= 0 {
			return i
		}
	}
	return len(s)
}
