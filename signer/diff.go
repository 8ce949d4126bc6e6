package signer

import (
	"net/url"
	"strconv"
	"strings"
)

// BaseStringDiff compares a received signature base string with the
// correct one: a character-level diff for highlighting, and the
// differences grouped and explained.
type BaseStringDiff struct {
	Ops         []DiffOp     // expected → received, character by character; nil when too long to diff
	Differences []Difference // what differs, in plain words
}

// A DiffOp is a run of text that is in both strings, only in the correct
// one or only in the received one.
type DiffOp struct {
	Op   DiffOpKind
	Text string
}

// DiffOpKind says which of two strings a [DiffOp]'s text is in.
type DiffOpKind string

// The kinds of [DiffOp].
const (
	DiffSame    DiffOpKind = "same"    // in both
	DiffMissing DiffOpKind = "missing" // only in the correct one
	DiffExtra   DiffOpKind = "extra"   // only in the received one
)

// A Difference is one explained difference between two base strings.
type Difference struct {
	Kind     DifferenceKind
	Text     string // one plain sentence
	Expected string // the correct piece, where there is one
	Received string // the received piece, where there is one
}

// DifferenceKind says what part of a base string a [Difference] is about
// (RFC 5849 section 3.4.1.1).
type DifferenceKind string

// The kinds of [Difference].
const (
	DifferenceStructure DifferenceKind = "structure" // the "&" that join the three parts
	DifferenceMethod    DifferenceKind = "method"    // the HTTP method
	DifferenceURI       DifferenceKind = "uri"       // the base string URI
	DifferenceMissing   DifferenceKind = "missing"   // a parameter only the correct one has
	DifferenceExtra     DifferenceKind = "extra"     // a parameter only the received one has
	DifferenceValue     DifferenceKind = "value"     // a parameter with another value
	DifferenceEncoding  DifferenceKind = "encoding"  // a parameter encoded differently
	DifferenceOrder     DifferenceKind = "order"     // the parameters' order
)

// maxCharDiff bounds the character diff: Myers' algorithm is quadratic
// in the worst case, and past this size the grouped differences say more.
const maxCharDiff = 20000

// DiffBaseStrings compares a received signature base string with the
// expected one (RFC 5849 section 3.4.1.1): method, base string URI and
// each parameter, decoded, so that a difference of encoding is told
// apart from a missing parameter or a difference of order.
func DiffBaseStrings(expected, received string) *BaseStringDiff {
	d := &BaseStringDiff{}
	if len(expected) <= maxCharDiff && len(received) <= maxCharDiff {
		d.Ops = diffChars(expected, received)
	}
	add := func(kind DifferenceKind, text, exp, rec string) {
		d.Differences = append(d.Differences, Difference{kind, text, exp, rec})
	}
	if expected == received {
		return d
	}
	em, eu, ep := splitBaseString(expected)
	rm, ru, rp := splitBaseString(received)
	if n := strings.Count(received, "&"); n != 2 {
		add(DifferenceStructure, "The received base string has "+strconv.Itoa(n)+" bare \"&\" instead of 2: its parameter string was not percent-encoded a second time, so the parts are told apart by guesswork below.", "", "")
		// Without the second encoding, everything after the URI is the
		// parameter string itself.
		if i := strings.Index(received, "&"); i >= 0 {
			if j := strings.Index(received[i+1:], "&"); j >= 0 {
				rp = PercentEncode(received[i+1+j+1:])
			}
		}
	}
	if em != rm {
		add(DifferenceMethod, "The method differs: it must be upper case, as sent.", em, rm)
	}
	if eu != ru {
		add(DifferenceURI, uriDifference(decodeOnce(eu), decodeOnce(ru)), decodeOnce(eu), decodeOnce(ru))
	}
	diffParams(decodeOnce(ep), decodeOnce(rp), add)
	return d
}

// splitBaseString cuts a base string at its first two "&".
func splitBaseString(s string) (method, uri, params string) {
	method, rest, _ := strings.Cut(s, "&")
	uri, params, _ = strings.Cut(rest, "&")
	return method, uri, params
}

// decodeOnce percent-decodes s (no "+" rule), or returns it unchanged if
// it is not valid percent-encoding.
func decodeOnce(s string) string {
	if dec, err := url.PathUnescape(s); err == nil {
		return dec
	}
	return s
}

// uriDifference says how two base string URIs differ.
func uriDifference(exp, rec string) string {
	eu, err1 := url.Parse(exp)
	ru, err2 := url.Parse(rec)
	switch {
	case err1 != nil || err2 != nil:
		return "The base string URI differs."
	case strings.ContainsAny(rec, "?#"):
		return "The received base string URI keeps the query or fragment; they must be cut off, the query going into the parameters."
	case eu.Scheme != ru.Scheme && strings.EqualFold(eu.Scheme, ru.Scheme):
		return "The scheme's letter case differs: it must be lower case."
	case eu.Scheme != ru.Scheme:
		return "The scheme differs (http or https): sign the URL exactly as the request is sent."
	case eu.Host != ru.Host && strings.EqualFold(eu.Host, ru.Host):
		return "The host's letter case differs: it must be lower case."
	case eu.Hostname() == ru.Hostname() && eu.Port() != ru.Port():
		return "The port differs: the scheme's default port (80 for http, 443 for https) is left out, any other is kept."
	case eu.Host != ru.Host:
		return "The host differs."
	case eu.EscapedPath() != ru.EscapedPath() && strings.TrimSuffix(eu.Path, "/") == strings.TrimSuffix(ru.Path, "/"):
		return "The path differs by a trailing or missing \"/\": an empty path is \"/\", and the path is signed as sent."
	}
	return "The path differs: sign the path exactly as it is sent, percent-escapes in upper case."
}

type rawParam struct{ name, value string } // as encoded in the parameter string

func parseParamString(s string) []rawParam {
	var out []rawParam
	if s == "" {
		return nil
	}
	for pair := range strings.SplitSeq(s, "&") {
		n, v, _ := strings.Cut(pair, "=")
		out = append(out, rawParam{n, v})
	}
	return out
}

// diffParams compares two parameter strings (each decoded once from the
// base string).
func diffParams(exp, rec string, add func(kind DifferenceKind, text, exp, rec string)) {
	ep, rp := parseParamString(exp), parseParamString(rec)
	// A correct encoder never leaves "+" bare, so reading "+" as a space
	// (form decoding) lets a plus-for-space encoder count as encoding.
	formDecode := func(s string) string {
		if dec, ok := formUnescape(s); ok {
			return dec
		}
		return s
	}
	key := func(p rawParam) string { return formDecode(p.name) + "\x00" + formDecode(p.value) }
	recByKey := map[string][]int{}
	for i, p := range rp {
		recByKey[key(p)] = append(recByKey[key(p)], i)
	}
	usedRec := make([]bool, len(rp))
	var unmatchedExp []rawParam
	for _, p := range ep {
		idx := recByKey[key(p)]
		if len(idx) == 0 {
			unmatchedExp = append(unmatchedExp, p)
			continue
		}
		i := idx[0]
		recByKey[key(p)] = idx[1:]
		usedRec[i] = true
		if rp[i] != p {
			add(DifferenceEncoding, "\""+decodeOnce(p.name)+"\" is encoded differently: the same text, other escapes.", p.name+"="+p.value, rp[i].name+"="+rp[i].value)
		}
	}
	var unmatchedRec []rawParam
	for i, p := range rp {
		if !usedRec[i] {
			unmatchedRec = append(unmatchedRec, p)
		}
	}
	for _, p := range unmatchedExp {
		name := decodeOnce(p.name)
		found := -1
		for j, q := range unmatchedRec {
			if decodeOnce(q.name) == name {
				found = j
				break
			}
		}
		if found >= 0 {
			q := unmatchedRec[found]
			unmatchedRec = append(unmatchedRec[:found], unmatchedRec[found+1:]...)
			add(DifferenceValue, "\""+name+"\" has another value.", p.name+"="+p.value, q.name+"="+q.value)
			continue
		}
		add(DifferenceMissing, "\""+name+"\" is missing from the received parameters.", p.name+"="+p.value, "")
	}
	for _, q := range unmatchedRec {
		add(DifferenceExtra, "\""+decodeOnce(q.name)+"\" is in the received parameters but should not be signed, or is not sent.", "", q.name+"="+q.value)
	}
	if len(unmatchedExp) == 0 && len(unmatchedRec) == 0 && len(ep) == len(rp) {
		for i := range ep {
			if key(ep[i]) != key(rp[i]) {
				add(DifferenceOrder, "The parameters are in another order: sort by encoded name, then by encoded value.", "", "")
				break
			}
		}
	}
}

// maxEdits bounds the edit distance diffChars explores; the trace it
// keeps grows with its square.
const maxEdits = 2000

// diffChars is Myers' O(ND) difference algorithm over the units of
// [diffUnits], merged into runs; nil when the strings differ by more than
// maxEdits units. A percent-escape is one unit, so "%2520" against "%2B"
// is one escape for another, never "%2" kept and "520" against "B".
func diffChars(a, b string) []DiffOp {
	return diffTokens(diffUnits(a), diffUnits(b))
}

// diffUnits cuts a base string into what a reader compares: an escape
// of an escape ("%2520", a parameter's " " encoded twice, RFC 5849
// section 3.4.1.3.2), a single escape ("%3D"), or one byte otherwise.
// Base strings are ASCII, so bytes are characters.
func diffUnits(s string) []string {
	hexAt := func(i int) bool { return i+1 < len(s) && isHex(s[i]) && isHex(s[i+1]) }
	out := make([]string, 0, len(s))
	for i := 0; i < len(s); {
		n := 1
		if s[i] == '%' && hexAt(i+1) {
			n = 3
			if s[i+1:i+3] == "25" && hexAt(i+3) {
				n = 5
			}
		}
		out = append(out, s[i:i+n])
		i += n
	}
	return out
}

// diffTokens is Myers' algorithm over a and b, merged into runs.
func diffTokens(a, b []string) []DiffOp {
	n, m := len(a), len(b)
	offset := n + m + 1
	v := make([]int, 2*offset+1)
	var trace [][]int // trace[d][k+d] is v[k] as it was before round d
	for d := 0; d <= n+m && d <= maxEdits; d++ {
		snap := make([]int, 2*d+1)
		copy(snap, v[offset-d:offset+d+1])
		trace = append(trace, snap)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, d)
			}
		}
	}
	return nil
}

func backtrack(trace [][]int, a, b []string, d int) []DiffOp {
	type run struct {
		op    DiffOpKind
		units []string // back to front
	}
	var rev []run
	push := func(op DiffOpKind, u string) {
		if len(rev) > 0 && rev[len(rev)-1].op == op {
			rev[len(rev)-1].units = append(rev[len(rev)-1].units, u)
			return
		}
		rev = append(rev, run{op, []string{u}})
	}
	x, y := len(a), len(b)
	for ; d > 0; d-- {
		v := trace[d]
		at := func(k int) int { return v[k+d] }
		k := x - y
		prevK := k - 1
		if k == -d || k != d && at(k-1) < at(k+1) {
			prevK = k + 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			push(DiffSame, a[x])
		}
		if x == prevX {
			y--
			push(DiffExtra, b[y])
		} else {
			x--
			push(DiffMissing, a[x])
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		push(DiffSame, a[x])
	}
	// rev holds runs back to front, each run's units back to front.
	out := make([]DiffOp, len(rev))
	for i, r := range rev {
		var sb strings.Builder
		for j := len(r.units) - 1; j >= 0; j-- {
			sb.WriteString(r.units[j])
		}
		out[len(rev)-1-i] = DiffOp{r.op, sb.String()}
	}
	return out
}
