package pagegen

import (
	"regexp"
	"strings"
)

// textElement matches an element with a data-text attribute whose content
// is text alone: the nodes site/dom.js fillText fills.
var textElement = regexp.MustCompile(`(<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?\sdata-text="([^"<>]*)"[^<>]*>)([^<]*)(</([a-zA-Z][a-zA-Z0-9]*)>)`)

// Lookup resolves a data-text key ("page.inputs.heading") in words, the
// exports of the strings modules by name; ok is false unless it names a
// string.
func Lookup(words map[string]any, key string) (string, bool) {
	var v any = words
	for _, k := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return "", false
		}
		v = m[k]
	}
	s, ok := v.(string)
	return s, ok
}

// FillText writes into html, in place, the words of every data-text
// element whose key names a string of words, as site/dom.js fillText does
// in the browser: so the page arrives with its labels, headings and
// explanations, and the script that runs later changes nothing. An element
// whose key names nothing keeps its content. It returns the new text and
// the keys it could not resolve.
func FillText(html string, words map[string]any) (string, []string) {
	var missing []string
	out := textElement.ReplaceAllStringFunc(html, func(m string) string {
		g := textElement.FindStringSubmatch(m)
		if g[2] != g[6] {
			return m
		}
		s, ok := Lookup(words, g[3])
		if !ok {
			missing = append(missing, g[3])
			return m
		}
		return g[1] + escapeHTML(s) + g[5]
	})
	return out, missing
}
