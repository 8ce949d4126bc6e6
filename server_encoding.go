//go:build !js

package main

// Content negotiation and ranges: the .br and .gz variants make dist writes,
// chosen by the request's Accept-Encoding, and the limit on the ranges of
// one request.

import (
	"cmp"
	"io"
	"io/fs"
	"net/http"
	"slices"
	"strings"
)

// precompressed are the encodings make dist writes next to a file, in the
// order the server prefers them when the client weighs them the same.
var precompressed = []struct{ encoding, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// servePrecompressed serves name's .br or .gz variant from root, the one
// the request's Accept-Encoding weighs highest among those that exist
// (ties go to the order of precompressed; weight 0 means never), and
// reports whether it did. Content-Type stays the original file's; net/http
// leaves out Content-Length when Content-Encoding is set.
func servePrecompressed(w http.ResponseWriter, r *http.Request, root fs.FS, name string) bool {
	accept := strings.Join(r.Header.Values("Accept-Encoding"), ",")
	type choice struct {
		encoding, suffix string
		weight           int
	}
	var choices []choice
	for _, p := range precompressed {
		if q := acceptEncodingWeight(accept, p.encoding); q > 0 {
			choices = append(choices, choice{p.encoding, p.suffix, q})
		}
	}
	slices.SortStableFunc(choices, func(a, b choice) int { return cmp.Compare(b.weight, a.weight) })
	for _, c := range choices {
		f, err := root.Open(name + c.suffix)
		if err != nil {
			continue
		}
		defer f.Close()
		info, err := f.Stat()
		rs, seekable := f.(io.ReadSeeker)
		if err != nil || !info.Mode().IsRegular() || !seekable {
			continue
		}
		w.Header().Set("Content-Encoding", c.encoding)
		http.ServeContent(w, r, name, info.ModTime(), rs)
		return true
	}
	return false
}

// acceptEncodingWeight returns the weight, in thousandths from 0 to 1000,
// that an Accept-Encoding field value (several field lines joined with
// commas) gives the content coding enc, after RFC 9110 section 12.5.3:
//   - each element is a coding, compared without regard to ASCII case,
//     and an optional weight ";q=" (section 12.4.2; "Q=" is the same
//     parameter, whitespace around ";" and "=" is allowed); a missing
//     weight is 1;
//   - an element whose weight is not a qvalue ("0" to "1" with at most
//     three decimals: not "-1", "1.5" or ".5"), whose q is given twice, or
//     whose coding is not a token is ignored, as if it were not there;
//     other parameters are ignored;
//   - "*" gives its weight to every coding the value does not name;
//   - a coding named more than once gets its lowest weight, so a refusal
//     (q=0) anywhere wins;
//   - an empty value, or one naming neither enc nor "*", gives 0: the
//     server then sends the file as it is (identity).
func acceptEncodingWeight(header, enc string) int {
	named, star := -1, -1
	for elem := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(elem, ";")
		coding = trimOWS(coding)
		if !isToken(coding) {
			continue
		}
		q, ok := parseWeight(params)
		if !ok {
			continue
		}
		switch {
		case asciiEqualFold(coding, enc):
			named = lowest(named, q)
		case coding == "*":
			star = lowest(star, q)
		}
	}
	if named >= 0 {
		return named
	}
	return max(star, 0)
}

// lowest returns q if have is -1 (none yet), else the lower of the two.
func lowest(have, q int) int {
	if have < 0 {
		return q
	}
	return min(have, q)
}

// parseWeight returns the weight in thousandths given by the parameters
// after an element's coding (";q=0.5;x=y", without the first ";"), 1000 if
// they have no q, and false if q is given twice or is not a qvalue.
func parseWeight(params string) (int, bool) {
	q, seen := 1000, false
	for param := range strings.SplitSeq(params, ";") {
		name, value, hasValue := strings.Cut(param, "=")
		if !asciiEqualFold(trimOWS(name), "q") {
			continue
		}
		if seen || !hasValue {
			return 0, false
		}
		seen = true
		var ok bool
		if q, ok = parseQValue(trimOWS(value)); !ok {
			return 0, false
		}
	}
	return q, true
}

// parseQValue returns a qvalue (RFC 9110 section 12.4.2: "0" [ "." 0*3DIGIT ]
// or "1" [ "." 0*3("0") ]) in thousandths.
func parseQValue(s string) (int, bool) {
	if s == "" || len(s) > len("0.000") || (s[0] != '0' && s[0] != '1') {
		return 0, false
	}
	whole := int(s[0]-'0') * 1000
	if len(s) == 1 {
		return whole, true
	}
	if s[1] != '.' {
		return 0, false
	}
	frac, scale := 0, 100
	for _, c := range []byte(s[2:]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		frac += int(c-'0') * scale
		scale /= 10
	}
	if whole+frac > 1000 {
		return 0, false
	}
	return whole + frac, true
}

// trimOWS trims optional whitespace (spaces and tabs, RFC 9110 section 5.6.3).
func trimOWS(s string) string { return strings.Trim(s, " \t") }

// isToken reports whether s is a non-empty token (RFC 9110 section 5.6.2).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// asciiEqualFold reports whether a and b are equal without regard to ASCII
// letter case. Unlike strings.EqualFold it does not fold other letters
// (the Kelvin sign is not k): tokens are ASCII.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// maxRanges is how many ranges one request may ask for. http.ServeContent
// answers a Range of many small ranges with one multipart part each, whose
// part headers outweigh the bytes asked for; no browser needs more than a
// couple (RFC 9110 section 14.2 lets a server ignore such a Range).
const maxRanges = 2

// limitRanges returns r without its Range header (so the whole file is
// served, 200) when it asks for more than maxRanges ranges or has more
// than one Range field line, and r itself otherwise.
func limitRanges(r *http.Request) *http.Request {
	values := r.Header.Values("Range")
	if len(values) == 0 || len(values) == 1 && countRanges(values[0]) <= maxRanges {
		return r
	}
	r = r.Clone(r.Context())
	r.Header.Del("Range")
	return r
}

// countRanges counts the non-empty elements of a Range value's list.
func countRanges(v string) int {
	n := 0
	for elem := range strings.SplitSeq(v, ",") {
		if trimOWS(elem) != "" {
			n++
		}
	}
	return n
}
