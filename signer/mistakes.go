package signer

import (
	"net/url"
	"sort"
	"strings"
	"sync"
)

// A Mistake is one known way of getting an OAuth 1.0a signature wrong,
// from the catalogue of common mistakes. Each is a named replacement of
// one stage of the signing pipeline (or an edit of the request before
// it), so the diagnosis runs the real signer, never a second one.
type Mistake struct {
	ID          string // stable, e.g. "plus-for-space"
	Title       string // a few words
	Explanation string // what the code that made it does
	Fix         string // what to do instead

	// apply edits a copy of the request and pipeline; it reports false
	// when the mistake cannot change this request's signature. A mistake
	// that comes in several forms (several unsorted orders) has variants
	// instead.
	apply    func(r *Request, pl *pipeline) bool
	variants []func(r *Request, pl *pipeline) bool

	// replaces and wraps are the stages the forms change: a replaced
	// stage is set outright, so a mistake applied after it undoes any
	// earlier change to that stage; a wrapped one builds on the stage
	// as it was. The diagnosis skips the pairs that cannot combine.
	replaces, wraps stage

	// supersedes lists mistakes that reproduce the same signature
	// whenever this one does, but whose fix would be wrong advice for
	// it; when both match, only this one is reported.
	supersedes []string
}

// stage is a set of pipeline stages (and pseudo-stages: parts of the
// request that two mistakes cannot both change).
type stage uint32

const (
	stageRequest     stage = 1 << iota // the request's fields, edited before signing
	stageProtocol                      // pipeline.protocol
	stageCollect                       // pipeline.collect
	stageEncode                        // pipeline.encodeName and encodeValue
	stageSort                          // pipeline.sortParams
	stageMethod                        // pipeline.method
	stageBaseURI                       // pipeline.baseURI
	stageParamString                   // pipeline.paramString
	stageKey                           // pipeline.signingKey
	stageHash                          // pipeline.hash
	stageBodyHash                      // pipeline.bodyHash
	stageOutput                        // pipeline.output and readOutput
	stageDuplicates                    // how repeated names are collected
	stageVersion                       // oauth_version

	// stagesAfterBaseString are the stages after the base string: a
	// mistake that changes only these shares the base string of the
	// request it is paired with.
	stagesAfterBaseString = stageKey | stageHash | stageOutput
)

// onlyAfterBaseString reports whether m leaves the base string alone.
func (m *Mistake) onlyAfterBaseString() bool {
	return (m.replaces|m.wraps)&^stagesAfterBaseString == 0
}

// combines reports whether a, applied first, and b can make a pair that
// neither makes alone: not when b replaces a stage a has changed.
func combines(a, b *Mistake) bool {
	return (a.replaces|a.wraps)&b.replaces == 0
}

// forms returns the ways the mistake can be made.
func (m Mistake) forms() []func(r *Request, pl *pipeline) bool {
	if m.variants != nil {
		return m.variants
	}
	return []func(r *Request, pl *pipeline) bool{m.apply}
}

// Mistakes returns the catalogue the diagnosis tries, one by one and in pairs.
func Mistakes() []Mistake {
	out := make([]Mistake, len(catalogue()))
	copy(out, catalogue())
	return out
}

// MistakeTitle is a catalogued mistake's id and title.
type MistakeTitle struct {
	ID, Title string
}

// MistakeTitles returns the ids and titles of [Mistakes], in the same
// order, from a static copy (mistakes_titles.go): calling it does not
// link the catalogue's forms into a binary, so a build that never
// diagnoses stays without them.
func MistakeTitles() []MistakeTitle {
	return append([]MistakeTitle(nil), mistakeTitles[:]...)
}

// mistakeByID returns the catalogue's mistake id; it panics on an id that
// is not in it, which is a bug in this package.
func mistakeByID(id string) Mistake {
	for _, m := range catalogue() {
		if m.ID == id {
			return m
		}
	}
	panic("signer: no mistake " + id)
}

// catalogue is the list of mistakes, in the order a diagnosis reports
// them (and applies them in pairs): encoding, parameter collection, the
// base string URI and method, the key, protocol parameters and output, the
// body hash, and last one "hashed with the wrong hash" per hash. It is
// built on first use, and each family is a function, not a package
// variable: a variable initialised by code keeps everything it reaches
// linked into every binary (the linker cannot drop an init), and the
// forms cost the signing-only wasm build ~34 KB of brotli.
func catalogue() []Mistake {
	catalogueOnce.Do(func() { catalogueList = buildCatalogue() })
	return catalogueList
}

var (
	catalogueOnce sync.Once
	catalogueList []Mistake
)

func buildCatalogue() []Mistake {
	var out []Mistake
	for _, family := range [][]Mistake{encodingMistakes(), paramMistakes(), uriMistakes(), keyMistakes(), {bodyHashSHA1()}, hashMistakes()} {
		out = append(out, family...)
	}
	return out
}

func sortedCopy(ps []Param) []Param {
	out := append([]Param(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func hasNonASCII(ss ...string) bool {
	for _, s := range ss {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return true
			}
		}
	}
	return false
}

func requestText(r *Request) []string {
	texts := []string{r.URL, r.Body, r.Callback, r.Verifier, r.Realm}
	for _, p := range r.Params {
		texts = append(texts, p.Name, p.Value)
	}
	return texts
}

// anyChanges reports whether enc encodes some name or value of the
// texts (URLs, form bodies, plain values) otherwise than PercentEncode.
func anyChanges(enc func(string) string, ss ...string) bool {
	for _, s := range ss {
		for _, part := range strings.FieldsFunc(s, func(c rune) bool { return c == '&' || c == '=' || c == '?' }) {
			dec, ok := formUnescape(part)
			if ok && enc(dec) != PercentEncode(dec) {
				return true
			}
		}
	}
	return false
}

// requestParams returns the query, form body and extra parameters of r as
// collectParameters reads them, or nil when they cannot be read.
func requestParams(r *Request) []Param {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil
	}
	q, b, e, err := collectParameters(u.RawQuery, *r, nil)
	if err != nil {
		return nil
	}
	return concatParams(q, b, nil, e)
}

func orDefault(m SignatureMethod) SignatureMethod {
	if m == "" {
		return HMACSHA1
	}
	return m
}

func isHMAC(r *Request) bool {
	spec, err := lookupMethod(orDefault(r.SignatureMethod))
	return err == nil && spec.kind == kindHMAC
}
