package signer

import (
	"slices"
	"strings"
)

// Source says where a parameter came from (RFC 5849 section 3.4.1.3.1).
type Source string

// The places RFC 5849 section 3.4.1.3.1 collects parameters from, plus the
// extra parameters a caller adds by hand.
const (
	SourceQuery    Source = "query" // the request URI's query component
	SourceBody     Source = "body"  // a form-encoded entity-body
	SourceProtocol Source = "oauth" // the oauth_* protocol parameters
	SourceExtra    Source = "extra" // parameters added by the caller
)

// A Param is one name/value pair of a request, with where it came from.
// Parameters are kept in a []Param, never a map: names repeat and the order
// of a request matters to anyone reading it (RFC 5849 section 3.4.1.3).
type Param struct {
	Name   string
	Value  string
	Source Source
}

// parseForm splits application/x-www-form-urlencoded text into parameters,
// in order, decoding "+" as a space and "%XX" as an octet (RFC 5849 section
// 3.4.1.3.1). A pair without "=" has an empty value; empty pairs are
// skipped. It fails on a malformed "%" escape; the error names field, not
// the text.
func parseForm(text string, src Source, field string) ([]Param, error) {
	var out []Param
	for pair := range strings.SplitSeq(text, "&") {
		if pair == "" {
			continue
		}
		name, value, _ := strings.Cut(pair, "=")
		n, ok1 := formUnescape(name)
		v, ok2 := formUnescape(value)
		if !ok1 || !ok2 {
			return nil, fieldErr(field, "has a \"%\" that is not followed by two hex digits", ErrMalformed)
		}
		out = append(out, Param{Name: n, Value: v, Source: src})
	}
	return out, nil
}

// EncodeParameters returns a copy of params with each name and value
// percent-encoded (RFC 5849 section 3.4.1.3.2, first step).
func EncodeParameters(params []Param) []Param {
	out := make([]Param, len(params))
	for i, p := range params {
		out[i] = Param{Name: PercentEncode(p.Name), Value: PercentEncode(p.Value), Source: p.Source}
	}
	return out
}

// SortParameters sorts already-encoded params in place by name, then by
// value, using ascending byte order (RFC 5849 section 3.4.1.3.2, second
// step). The sort is stable, so fully equal pairs keep their order.
func SortParameters(encoded []Param) {
	// The positions are sorted, ties broken by position, which is the
	// stable order: slices.SortStableFunc's rotations of 40-byte pairs were
	// a fifth of signing 1 000 parameters.
	order := make([]int, len(encoded))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		pa, pb := &encoded[a], &encoded[b]
		if c := strings.Compare(pa.Name, pb.Name); c != 0 {
			return c
		}
		if c := strings.Compare(pa.Value, pb.Value); c != 0 {
			return c
		}
		return a - b
	})
	sorted := make([]Param, len(encoded))
	for i, j := range order {
		sorted[i] = encoded[j]
	}
	copy(encoded, sorted)
}

// JoinParameters joins encoded, sorted params as name=value pairs separated
// by "&" (RFC 5849 section 3.4.1.3.2, last steps). An empty value keeps its
// "=".
func JoinParameters(encoded []Param) string {
	var b strings.Builder
	b.Grow(paramsLen(encoded))
	for i, p := range encoded {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(p.Value)
	}
	return b.String()
}

// paramsLen is the length of params joined as name=value pairs with one
// separator between pairs.
func paramsLen(params []Param) int {
	n := 0
	for _, p := range params {
		n += len(p.Name) + len(p.Value) + 2
	}
	return n
}

// NormalizeParameters returns the normalized parameter string of params:
// names and values percent-encoded, sorted by encoded name then encoded
// value, joined as name=value with "&" (RFC 5849 section 3.4.1.3.2).
// Duplicate names are kept. params is not modified.
func NormalizeParameters(params []Param) string {
	enc := EncodeParameters(params)
	SortParameters(enc)
	return JoinParameters(enc)
}
