package signer

import (
	"crypto/hmac"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
)

// A Tell is something the shape of a received value shows without
// recomputing anything, e.g. "28 base64 characters: a SHA-1 digest".
type Tell struct {
	ID   string
	Text string
}

// Diagnosis is the outcome of [DiagnoseSignature], [DiagnoseBaseString]
// and [JudgeBaseString]. For a base string judged on its own, the inputs
// are the parts it names, Expected is its normal form and Mistakes are
// its deviations from it.
type Diagnosis struct {
	Correct  bool            // the received value is what the inputs produce
	Matched  bool            // a mistake (or a pair of them) reproduces the received value
	Mistakes []Mistake       // the mistakes that reproduce it; empty when none does
	Expected string          // the correct signature, or base string when one was given
	Tells    []Tell          // what the received value's shape shows
	Diff     *BaseStringDiff // the received base string against the correct one, when one was given
}

// DiagnoseSignature explains a signature that does not match. It
// recomputes the request once per catalogued mistake, and once per pair of
// them, and reports which reproduces the received signature: compared for
// HMAC and PLAINTEXT, verified for RSA with publicKeyPEM or, when that is
// empty, the public half of r.PrivateKey. r's Nonce and Timestamp must be
// the ones that were used (RFC 5849 section 3.4).
func DiagnoseSignature(r Request, signature, publicKeyPEM string) (*Diagnosis, error) {
	if signature == "" {
		return nil, fieldErr("signature", "is empty: paste the signature you got, or the base string you built", ErrRequired)
	}
	correct, err := prepareDiagnosis(r)
	if err != nil {
		return nil, err
	}
	received := strings.TrimSpace(signature)
	dg := &Diagnosis{Tells: signatureTells(received, correct.spec, correct.sigMethod)}
	if strings.Contains(received, "%") {
		if dec, err := url.PathUnescape(received); err == nil {
			received = dec
		}
	}
	check, err := correct.keyVerifier(publicKeyPEM)
	if err != nil {
		return nil, err
	}
	var match func(d *draft, pl pipeline) bool
	if check != nil {
		verified := map[string]bool{} // base string, hash and signature octets → verified
		match = func(d *draft, pl pipeline) bool {
			sig, ok := pl.decodeOutput(received)
			if !ok {
				return false
			}
			spec := pl.hash(d.spec)
			key := d.res.SignatureBaseString + "\x00" + spec.hash.String() + "\x00" + string(sig)
			v, seen := verified[key]
			if !seen {
				v = check(spec, spec.sum([]byte(d.res.SignatureBaseString)), sig)
				verified[key] = v
			}
			return v
		}
	} else {
		if err := defaultPipeline.finish(correct); err != nil {
			return nil, err
		}
		dg.Expected = correct.res.Signature
		match = func(d *draft, pl pipeline) bool {
			if d.res.Signature == "" && pl.sign(d) != nil {
				return false
			}
			if d.digest == nil { // PLAINTEXT
				return d.res.Signature == received
			}
			got, ok := pl.decodeOutput(received)
			return ok && hmac.Equal(got, d.digest)
		}
	}
	dg.search(r, correct, match)
	return dg, nil
}

// DiagnoseBaseString explains a signature base string that does not
// match, which needs no secrets: it diffs it against the correct one and
// reports which catalogued mistake, or pair of them, reproduces it. r's
// Nonce and Timestamp must be the ones that were used. With no request
// (an empty URL) the base string is judged on its own, by
// [JudgeBaseString] (RFC 5849 section 3.4.1.1).
func DiagnoseBaseString(r Request, baseString string) (*Diagnosis, error) {
	if baseString == "" {
		return nil, fieldErr("baseString", "is empty: paste the base string you built", ErrRequired)
	}
	if r.URL == "" {
		return JudgeBaseString(baseString)
	}
	correct, err := prepareDiagnosis(r)
	if err != nil {
		return nil, err
	}
	baseString = strings.TrimSpace(baseString)
	dg := &Diagnosis{
		Expected: correct.res.SignatureBaseString,
		Tells:    baseStringTells(baseString),
		Diff:     DiffBaseStrings(correct.res.SignatureBaseString, baseString),
	}
	dg.search(r, correct, func(d *draft, _ pipeline) bool { return d.res.SignatureBaseString == baseString })
	return dg, nil
}

// prepareDiagnosis checks that r has the nonce and timestamp that were
// used and prepares the correct computation.
func prepareDiagnosis(r Request) (*draft, error) {
	// PLAINTEXT may omit both, as in Verify (RFC 5849 section 3.1).
	if spec, err := lookupMethod(orDefault(r.SignatureMethod)); err == nil && spec.kind == kindPlaintext {
		return defaultPipeline.prepare(r)
	}
	if r.Nonce == "" {
		return nil, fieldErr("nonce", "is empty: diagnosing needs the oauth_nonce that was used", ErrRequired)
	}
	if r.Timestamp == "" {
		return nil, fieldErr("timestamp", "is empty: diagnosing needs the oauth_timestamp that was used", ErrRequired)
	}
	return defaultPipeline.prepare(r)
}

// search records whether the correct computation matches what was
// received and, if not, which mistake or pair of them does.
//
// Work is shared: each form of each mistake is prepared once; a pair
// whose second (or first) mistake changes nothing before the base string
// reuses the other's prepared draft and only signs again; pairs whose
// second mistake replaces a stage the first changed are skipped, since
// they give what the second gives alone.
func (dg *Diagnosis) search(r Request, correct *draft, match func(d *draft, pl pipeline) bool) {
	if match(correct, quietPipeline) {
		dg.Correct = true
		return
	}

	type tried struct {
		m    *Mistake
		form func(*Request, *pipeline) bool
		d    *draft
	}
	build := func(reuse *draft, forms ...func(*Request, *pipeline) bool) (*draft, pipeline, bool) {
		rr, pl := r, quietPipeline
		rr.Params = append([]Param(nil), r.Params...)
		for _, apply := range forms {
			apply(&rr, &pl)
		}
		if reuse != nil {
			return reuse.resigned(), pl, true
		}
		d, err := pl.prepare(rr)
		return d, pl, err == nil
	}

	var singles []tried
	cat := catalogue()
	for i := range cat {
		m := &cat[i]
		for _, form := range m.forms() {
			rr, pl := r, quietPipeline
			rr.Params = append([]Param(nil), r.Params...)
			if !form(&rr, &pl) {
				continue
			}
			var d *draft
			if m.onlyAfterBaseString() {
				d = correct.resigned()
			} else {
				var err error
				if d, err = pl.prepare(rr); err != nil {
					continue
				}
			}
			singles = append(singles, tried{m, form, d})
			if match(d, pl) {
				if !dg.Matched || dg.Mistakes[len(dg.Mistakes)-1].ID != m.ID {
					dg.Mistakes = append(dg.Mistakes, *m)
				}
				dg.Matched = true
			}
		}
	}
	if dg.Matched {
		dg.Mistakes = withoutSuperseded(dg.Mistakes)
		return
	}
	for i, a := range singles {
		for _, b := range singles[i+1:] {
			if a.m == b.m || !combines(a.m, b.m) {
				continue
			}
			var reuse *draft
			switch {
			case b.m.onlyAfterBaseString():
				reuse = a.d
			case a.m.onlyAfterBaseString():
				reuse = b.d
			}
			if d, pl, ok := build(reuse, a.form, b.form); ok && match(d, pl) {
				dg.Matched = true
				dg.Mistakes = append(dg.Mistakes, *a.m, *b.m)
				return
			}
		}
	}
}

// quietPipeline is the correct pipeline without the steps a diagnosis
// never shows.
var quietPipeline = func() pipeline {
	pl := defaultPipeline
	pl.quiet = true
	return pl
}()

// resigned returns a copy of d, prepared up to its base string, for
// signing again with other key, hash or output stages.
func (d *draft) resigned() *draft {
	dd := *d
	res := *d.res
	res.Steps = res.Steps[:len(res.Steps):len(res.Steps)]
	res.Signature, res.SigningKey, dd.digest = "", "", nil
	dd.res = &res
	return &dd
}

// withoutSuperseded drops the mistakes that another of ms supersedes: they
// reproduce its signature, but their fix would be wrong advice.
func withoutSuperseded(ms []Mistake) []Mistake {
	gone := map[string]bool{}
	for _, m := range ms {
		for _, id := range m.supersedes {
			gone[id] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if !gone[m.ID] {
			out = append(out, m)
		}
	}
	return out
}

// signatureTells reads what a received signature's shape shows.
func signatureTells(sig string, spec methodSpec, method SignatureMethod) []Tell {
	var tells []Tell
	add := func(id, text string) { tells = append(tells, Tell{id, text}) }
	if strings.Contains(sig, "%25") {
		add("double-percent-encoded", "It contains %25: it was percent-encoded twice.")
	} else if strings.Contains(sig, "%") {
		add("percent-encoded", "It is percent-encoded, as it appears in a header or URL; it was decoded once before comparing.")
		if dec, err := url.PathUnescape(sig); err == nil {
			sig = dec
		}
	}
	if strings.Contains(sig, " ") {
		add("space-for-plus", "It contains a space: a \"+\" of the base64 was decoded as a form space somewhere. Percent-encode the signature (+ is %2B).")
		sig = strings.ReplaceAll(sig, " ", "+")
	}
	if spec.kind == kindPlaintext {
		return tells
	}
	if isHexText([]byte(sig)) {
		// No base64 of a digest or RSA signature is all hex digits: its
		// padding or its letters show.
		add("hex-not-base64", "It is hexadecimal text ("+strconv.Itoa(len(sig)/2)+" octets), not base64: the signature octets were written as hex.")
		return tells
	}
	raw, err := base64.StdEncoding.DecodeString(sig)
	if err != nil {
		add("not-base64", "It is not valid base64, so it cannot be a digest's base64.")
		return tells
	}
	if isHexText(raw) {
		add("hex-then-base64", "It decodes to hexadecimal text: the digest was written as hex and then base64-encoded. Base64-encode the raw digest bytes.")
		return tells
	}
	if spec.kind == kindHMAC {
		names := map[int]string{20: "SHA-1", 32: "SHA-256", 64: "SHA-512"}
		if name, ok := names[len(raw)]; ok {
			if want := spec.hash.Size(); len(raw) != want {
				add("hash-size", "It is "+strconv.Itoa(len(sig))+" base64 characters, the size of a "+name+" digest, but "+string(method)+" makes "+spec.hash.String()+".")
			} else {
				add("hash-size-ok", "Its length fits "+string(method)+" ("+strconv.Itoa(len(raw))+" bytes).")
			}
		} else {
			add("odd-size", "It decodes to "+strconv.Itoa(len(raw))+" bytes, which is no SHA digest size.")
		}
	}
	return tells
}

func isHexText(b []byte) bool {
	if len(b) == 0 || len(b)%2 != 0 {
		return false
	}
	_, err := hex.DecodeString(string(b))
	return err == nil
}

// baseStringTells reads what a received base string's shape shows.
func baseStringTells(bs string) []Tell {
	var tells []Tell
	add := func(id, text string) { tells = append(tells, Tell{id, text}) }
	if n := strings.Count(bs, "&"); n != 2 {
		add("ampersand-count", "It has "+strconv.Itoa(n)+" raw \"&\" where a base string has exactly 2: its parameter string was not percent-encoded a second time.")
	}
	for i := 0; i+2 < len(bs); i++ {
		if bs[i] == '%' && isHex(bs[i+1]) && isHex(bs[i+2]) && (bs[i+1] >= 'a' || bs[i+2] >= 'a') {
			add("lower-hex", "It has lower-case percent-escapes such as %2f: RFC 5849 section 3.6 requires upper case.")
			break
		}
	}
	if strings.Contains(bs, "+") {
		add("plus", "It contains \"+\": spaces were encoded as + (form encoding) instead of %20.")
	}
	if method, rest, ok := strings.Cut(bs, "&"); ok {
		if method != strings.ToUpper(method) {
			add("method-case", "Its method is not upper case.")
		}
		uri, _, _ := strings.Cut(rest, "&")
		if dec, err := url.PathUnescape(uri); err == nil && strings.ContainsAny(dec, "?#") {
			add("query-in-uri", "Its base string URI contains a query or fragment: they belong in the parameters, not the URI.")
		}
	}
	return tells
}
