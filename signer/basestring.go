package signer

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// JudgeBaseString judges a signature base string on its own, with no
// request to compare it with: it decodes the method, the base string URI
// and the parameters, rebuilds the normal form RFC 5849 sections 3.4.1.1
// to 3.4.1.3.2 give them (Expected), and names each deviation from it with
// the catalogue's mistakes. A well-formed base string has none and is
// Correct. Diff is the received base string against the normal form. A
// server's reply that quotes its base string in debug_sbs may be given
// whole. It needs no secrets (RFC 5849 section 3.4.1.1).
func JudgeBaseString(baseString string) (*Diagnosis, error) {
	bs := strings.TrimSpace(baseString)
	if strings.Contains(bs, "debug_sbs=") {
		if found, _ := findBaseString(bs); found != "" {
			bs = found
		}
	}
	if bs == "" {
		return nil, fieldErr("baseString", "is empty: paste the base string you built", ErrRequired)
	}
	j, err := readBaseString(bs)
	if err != nil {
		return nil, err
	}
	normal := j.normalForm()
	dg := &Diagnosis{
		Expected: normal,
		Tells:    baseStringTells(bs),
		Diff:     DiffBaseStrings(normal, bs),
	}
	for _, id := range j.deviations {
		dg.Mistakes = append(dg.Mistakes, mistakeByID(id))
	}
	dg.Matched = len(dg.Mistakes) > 0
	dg.Correct = !dg.Matched && normal == bs
	return dg, nil
}

// judged is a base string read into its parts, with the deviations from
// the normal form found on the way.
type judged struct {
	method  string // upper-cased
	baseURI string // normal form (section 3.4.1.2)
	params  []Param
	// deviations are catalogue ids, each once, in the order found.
	deviations []string
}

func (j *judged) deviate(id string) {
	for _, d := range j.deviations {
		if d == id {
			return
		}
	}
	j.deviations = append(j.deviations, id)
}

// normalForm joins the parts as RFC 5849 section 3.4.1.1 does.
func (j *judged) normalForm() string {
	return PercentEncode(j.method) + "&" + PercentEncode(j.baseURI) + "&" + PercentEncode(NormalizeParameters(j.params))
}

// readBaseString decodes METHOD&URI&PARAMETERS and notes how it departs
// from the normal form. Errors name the baseString field, never its text.
func readBaseString(bs string) (*judged, error) {
	j := &judged{}
	rawMethod, rest, ok1 := strings.Cut(bs, "&")
	rawURI, rawParams, ok2 := strings.Cut(rest, "&")
	if !ok1 || !ok2 {
		return nil, fieldErr("baseString", "is not METHOD&URI&PARAMETERS: it needs two \"&\" (RFC 5849 section 3.4.1.1)", ErrMalformed)
	}
	if strings.Contains(rawParams, "&") {
		// The parameter string went in without its second encoding.
		j.deviate("param-string-not-reencoded")
	} else {
		dec, ok := percentDecode(rawParams, false)
		if !ok {
			return nil, fieldErr("baseString", "has a \"%\" that is not followed by two hex digits in its parameters", ErrMalformed)
		}
		if hasLowerHex(rawParams) {
			j.deviate("lower-case-hex")
		}
		rawParams = dec
	}

	method, ok := percentDecode(rawMethod, false)
	if !ok || method == "" {
		return nil, fieldErr("baseString", "has no method before its first \"&\"", ErrMalformed)
	}
	if _, err := checkMethod(method); err != nil {
		return nil, fieldErr("baseString", "has a method that is not an HTTP method", ErrMalformed)
	}
	j.method = strings.ToUpper(method)
	if j.method != method {
		j.deviate("method-lower-case")
	}

	if hasLowerHex(rawURI) {
		j.deviate("lower-case-hex")
	}
	uri, ok := percentDecode(rawURI, false)
	if !ok {
		return nil, fieldErr("baseString", "has a \"%\" that is not followed by two hex digits in its URI", ErrMalformed)
	}
	query, err := j.readURI(uri)
	if err != nil {
		return nil, err
	}
	if err := j.readParams(rawParams); err != nil {
		return nil, err
	}
	// A query left in the URI belongs in the parameters; most clients that
	// leave it there sign its parameters too, and those are not added twice.
	for _, p := range withoutCopies(query, j.params, "") {
		if !utf8.ValidString(p.Name) || !utf8.ValidString(p.Value) {
			j.deviate("not-utf8")
		}
		j.params = append(j.params, Param{Name: latin1ToUTF8(p.Name), Value: latin1ToUTF8(p.Value)})
	}
	return j, nil
}

// readURI normalises a base string URI (RFC 5849 section 3.4.1.2) and
// returns the parameters of a query left in it.
func (j *judged) readURI(uri string) ([]Param, error) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme == "" || u.Opaque != "" || u.Hostname() == "" {
		return nil, fieldErr("baseString", "has a URI that is not an absolute http or https URL", ErrMalformed)
	}
	if _, ok := defaultPorts[u.Scheme]; !ok {
		return nil, fieldErr("baseString", "has a URI that is not an absolute http or https URL", ErrMalformed)
	}
	normal, notes := baseStringURI(uri, u)
	j.baseURI = normal
	for _, n := range notes {
		switch n.ID {
		case NoteSchemeLowercased:
			j.deviate("scheme-case")
		case NoteHostLowercased:
			j.deviate("host-case")
		case NoteDefaultPortRemoved:
			j.deviate("default-port-kept")
		case NoteEmptyPath:
			j.deviate("empty-path-no-slash")
		case NoteQueryRemoved, NoteFragmentRemoved:
			j.deviate("query-in-base-uri")
		case NotePathNormalized:
			p := rawPath(uri, u)
			if hasLowerHex(p) {
				j.deviate("lower-case-hex")
			}
			if normal, _ := normalizePath(strings.ToUpper(p)); normal != strings.ToUpper(p) {
				j.deviate("path-decoded")
			}
		}
	}
	var query []Param
	if u.RawQuery != "" {
		q, err := parseForm(u.RawQuery, SourceQuery, "baseString")
		if err != nil {
			return nil, err
		}
		query = q
	}
	return query, nil
}

// readParams reads the parameter string, decoded once from the base
// string, as encoded name=value pairs (RFC 5849 section 3.4.1.3.2).
func (j *judged) readParams(s string) error {
	var encoded []Param
	for pair := range strings.SplitSeq(s, "&") {
		if pair == "" {
			continue
		}
		rawName, rawValue, _ := strings.Cut(pair, "=")
		for _, part := range []string{rawName, rawValue} {
			if strings.Contains(part, "+") {
				j.deviate("plus-for-space")
			}
			if strings.ContainsAny(part, "!*'()") {
				j.deviate("encode-uri-component")
			}
			if strings.Contains(strings.ToUpper(part), "%7E") {
				j.deviate("tilde-encoded")
			}
			if hasLowerHex(part) {
				j.deviate("lower-case-hex")
			}
		}
		// A correct encoder never leaves "+" bare, so a "+" is a space
		// encoded the form way.
		name, ok1 := formUnescape(rawName)
		value, ok2 := formUnescape(rawValue)
		if !ok1 || !ok2 {
			return fieldErr("baseString", "has a parameter with a \"%\" that is not followed by two hex digits", ErrMalformed)
		}
		if !utf8.ValidString(name) || !utf8.ValidString(value) {
			// Octets that are not UTF-8 are most likely Latin-1 text.
			j.deviate("not-utf8")
			name, value = latin1ToUTF8(name), latin1ToUTF8(value)
		}
		switch name {
		case oauthSignature:
			j.deviate("signature-signed")
			continue
		case "realm":
			j.deviate("realm-signed")
			continue
		}
		j.params = append(j.params, Param{Name: name, Value: value})
		encoded = append(encoded, Param{Name: PercentEncode(name), Value: PercentEncode(value)})
	}
	sorted := append([]Param(nil), encoded...)
	SortParameters(sorted)
	for i := range sorted {
		if sorted[i] != encoded[i] {
			j.deviate("not-sorted")
			break
		}
	}
	return nil
}

// hasLowerHex reports whether s has a percent-escape with a lower-case hex
// digit (RFC 5849 section 3.6 requires upper case).
func hasLowerHex(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '%' && isHex(s[i+1]) && isHex(s[i+2]) && (s[i+1] >= 'a' || s[i+2] >= 'a') {
			return true
		}
	}
	return false
}

// latin1ToUTF8 reads s as Latin-1 text when it is not UTF-8, and returns
// it as UTF-8.
func latin1ToUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = utf8.AppendRune(b, rune(s[i]))
	}
	return string(b)
}
