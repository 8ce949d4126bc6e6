package pagegen

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// formFields are the inputs of index.html's Sign form, by id (the field's
// name in site/fields.js); params, a table JS builds, is not one.
var formFields = []string{
	"method", "url", "body", "contentType", "consumerKey", "consumerSecret", "token", "tokenSecret", "privateKey",
	"signatureMethod", "nonce", "timestamp", "version", "realm", "callback", "verifier", "bodyHash", "transport",
}

var optionPattern = regexp.MustCompile(`(?s)<option\b[^<>]*>[^<]*</option>`)

// FillForm writes preset p's request (FormRequest, what the form holds once
// the boot has loaded it) into page's inputs, in place, so the page arrives
// holding the request its prerendered result is for: value="…" on a text
// input, a textarea's text, selected on a select's option (an empty
// select, the signature methods, gets the signer's list; the content
// types their words), checked on a checkbox or radio button, and the
// preset menu its one option, selected. A secret input (data-secret) gets
// nothing, and loses any value it had: no secret goes into an attribute
// or the page's text; the boot fills it. words are the strings modules'
// exports (for the content types' words).
func FillForm(page string, p Preset, words map[string]any) (string, error) {
	req := FormRequest(p)
	var edits []edit
	for _, name := range formFields {
		if name == "transport" {
			e, err := fillRadios(page, name, req[name].(string))
			if err != nil {
				return "", err
			}
			edits = append(edits, e...)
			continue
		}
		el, err := findByID(page, name)
		if err != nil {
			return "", fmt.Errorf("form: %w", err)
		}
		secret, _ := el.attr("data-secret")
		want := req[name]
		switch {
		case el.tag == "select":
			e, err := fillSelect(page, el, fmt.Sprint(want), name, words)
			if err != nil {
				return "", err
			}
			edits = append(edits, e...)
		case el.tag == "textarea":
			text := fmt.Sprint(want)
			if secret == "true" {
				text = ""
			}
			if strings.HasPrefix(text, "\n") {
				text = "\n" + text
			}
			edits = append(edits, edit{el.openEnd, el.closeStart, escapeMarkup(text)})
		case el.tag == "input":
			typ, _ := el.attr("type")
			switch {
			case typ == "checkbox":
				on := want == true || (want != false && want != "" && want != nil)
				el.setAttr("checked", flag(on))
			case secret == "true":
				el.setAttr("value", nil)
			default:
				v := fmt.Sprint(want)
				if v == "" {
					el.setAttr("value", nil)
				} else {
					el.setAttr("value", &v)
				}
			}
			edits = append(edits, edit{el.start, el.openEnd, el.startTag()})
		default:
			return "", fmt.Errorf("form: #%s is a <%s>, not an input", name, el.tag)
		}
	}
	menu, err := findByID(page, "preset")
	if err != nil {
		return "", fmt.Errorf("form: %w", err)
	}
	edits = append(edits, edit{menu.openEnd, menu.closeStart, `<option value="` + escapeMarkup(p.ID) + `" selected>` + escapeMarkup(p.Label) + `</option>`})
	return applyEdits(page, edits)
}

func flag(on bool) *string {
	if !on {
		return nil
	}
	empty := ""
	return &empty
}

// fillSelect marks the option whose value is want selected, and no other.
func fillSelect(page string, sel element, want, name string, words map[string]any) ([]edit, error) {
	inner := page[sel.openEnd:sel.closeStart]
	if strings.TrimSpace(inner) == "" {
		var b strings.Builder
		for _, m := range signer.SignatureMethods() {
			b.WriteString("<option>" + escapeMarkup(string(m)) + "</option>")
		}
		if name != "signatureMethod" {
			return nil, fmt.Errorf("form: #%s has no options", name)
		}
		inner = b.String()
	}
	found := false
	out := optionPattern.ReplaceAllStringFunc(inner, func(o string) string {
		opt, err := elementAt(o, 0)
		if err != nil {
			return o
		}
		text := html.UnescapeString(o[opt.openEnd:opt.closeStart])
		value, hasValue := opt.attr("value")
		if !hasValue {
			value = text
		}
		if name == "contentType" {
			if w, ok := contentTypeWords(words)[value].(string); ok {
				text = w
			} else {
				text = value
			}
		}
		opt.setAttr("selected", flag(value == want))
		found = found || value == want
		return opt.startTag() + escapeMarkup(text) + "</option>"
	})
	if !found {
		return nil, fmt.Errorf("form: #%s has no option %q", name, want)
	}
	return []edit{{sel.openEnd, sel.closeStart, out}}, nil
}

// fillRadios checks the radio button of group name whose value is want.
func fillRadios(page, name, want string) ([]edit, error) {
	re := regexp.MustCompile(`<input\b[^<>]*\sname="` + regexp.QuoteMeta(name) + `"[^<>]*>`)
	var edits []edit
	found := false
	for _, m := range re.FindAllStringIndex(page, -1) {
		el, err := elementAt(page, m[0])
		if err != nil {
			return nil, err
		}
		v, _ := el.attr("value")
		el.setAttr("checked", flag(v == want))
		found = found || v == want
		edits = append(edits, edit{el.start, el.openEnd, el.startTag()})
	}
	if !found {
		return nil, fmt.Errorf("form: no radio button %s=%q", name, want)
	}
	return edits, nil
}

// contentTypeWords is strings.js fields.contentType.options, the words
// site/form.js setupForm gives the content types' options.
func contentTypeWords(words map[string]any) map[string]any {
	var v any = words
	for _, k := range []string{"fields", "contentType", "options"} {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	m, _ := v.(map[string]any)
	return m
}
