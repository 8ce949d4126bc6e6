package pagegen

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// An element is where one element of a page's HTML is: its start tag
// [start, openEnd), its content [openEnd, closeStart) and its end tag
// [closeStart, end). A void element has no content nor end tag
// (closeStart == end == openEnd).
type element struct {
	tag                             string
	attrs                           [][2]string // in order; a boolean attribute has ""
	start, openEnd, closeStart, end int
}

// attrPattern is one attribute of a start tag: name, or name="value".
var attrPattern = regexp.MustCompile(`\s([^\s"'<>/=]+)(?:="([^"]*)")?`)

var voidTags = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// idAttr is a start tag with an id attribute; its group 1 is the id.
var idAttr = regexp.MustCompile(`<[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*?)?\sid="([^"<>]*)"[^<>]*>`)

// startName is a start tag's name.
var startName = regexp.MustCompile(`^<([a-zA-Z][a-zA-Z0-9]*)`)

// findByID finds the one element whose start tag has id="id". Zero or
// two such elements are an error: the page's ids are unique.
func findByID(page, id string) (element, error) {
	var all [][]int
	for _, m := range idAttr.FindAllStringSubmatchIndex(page, -1) {
		if html.UnescapeString(page[m[2]:m[3]]) == id {
			all = append(all, m)
		}
	}
	if len(all) != 1 {
		return element{}, fmt.Errorf("%d elements with id=%q, want one", len(all), id)
	}
	return elementAt(page, all[0][0])
}

// anyTag is a start or end tag: group 1 the slash, group 2 the name.
var anyTag = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>`)

// elementAt reads the element whose start tag begins at start, finding
// its end tag by counting the same tag's nesting (the pages' text has
// no raw '<' outside tags).
func elementAt(page string, start int) (element, error) {
	openEnd := strings.IndexByte(page[start:], '>')
	if openEnd < 0 {
		return element{}, fmt.Errorf("unterminated start tag at %d", start)
	}
	openEnd += start + 1
	startTag := page[start:openEnd]
	name := startName.FindStringSubmatch(startTag)
	if name == nil {
		return element{}, fmt.Errorf("no start tag at %d", start)
	}
	e := element{tag: strings.ToLower(name[1]), start: start, openEnd: openEnd}
	for _, m := range attrPattern.FindAllStringSubmatch(startTag[len(name[0]):len(startTag)-1], -1) {
		e.attrs = append(e.attrs, [2]string{strings.ToLower(m[1]), html.UnescapeString(m[2])})
	}
	if voidTags[e.tag] {
		e.closeStart, e.end = openEnd, openEnd
		return e, nil
	}
	depth := 1
	for _, m := range anyTag.FindAllStringSubmatchIndex(page[openEnd:], -1) {
		if !strings.EqualFold(page[openEnd+m[4]:openEnd+m[5]], e.tag) {
			continue
		}
		if m[3] > m[2] {
			depth--
		} else {
			depth++
		}
		if depth == 0 {
			e.closeStart, e.end = openEnd+m[0], openEnd+m[1]
			return e, nil
		}
	}
	return element{}, fmt.Errorf("<%s> at %d has no end tag", e.tag, start)
}

// attr returns the element's attribute name and whether it has it.
func (e element) attr(name string) (string, bool) {
	for _, a := range e.attrs {
		if a[0] == name {
			return a[1], true
		}
	}
	return "", false
}

// setAttr sets (value non-nil) or removes (nil) an attribute, keeping
// the order: a new one goes last.
func (e *element) setAttr(name string, value *string) {
	for i, a := range e.attrs {
		if a[0] == name {
			if value == nil {
				e.attrs = append(e.attrs[:i:i], e.attrs[i+1:]...)
			} else {
				e.attrs[i][1] = *value
			}
			return
		}
	}
	if value != nil {
		e.attrs = append(e.attrs, [2]string{name, *value})
	}
}

// startTag writes the element's start tag from its attributes, escaped
// as the prerender's DOM shim writes them.
func (e element) startTag() string {
	var b strings.Builder
	b.WriteString("<" + e.tag)
	for _, a := range e.attrs {
		if a[1] == "" && booleanAttrs[a[0]] {
			b.WriteString(" " + a[0])
		} else {
			b.WriteString(" " + a[0] + `="` + escapeMarkup(a[1]) + `"`)
		}
	}
	b.WriteString(">")
	return b.String()
}

// booleanAttrs are written without a value when empty (hidden, not
// hidden=""), as dom-shim.mjs writes them.
var booleanAttrs = map[string]bool{"hidden": true, "checked": true, "selected": true, "disabled": true, "open": true, "readonly": true, "required": true, "multiple": true}

// escapeMarkup escapes text or an attribute value as dom-shim.mjs does.
func escapeMarkup(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// An edit replaces page[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// applyEdits makes every edit at once; they must not overlap.
func applyEdits(page string, edits []edit) (string, error) {
	sorted := append([]edit(nil), edits...)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && sorted[j].start < sorted[j-1].start; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	var b strings.Builder
	at := 0
	for _, e := range sorted {
		if e.start < at {
			return "", fmt.Errorf("overlapping edits at %d", e.start)
		}
		b.WriteString(page[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(page[at:])
	return b.String(), nil
}
