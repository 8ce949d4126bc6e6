package pagegen

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseStrings reads the words of a site/strings*.js module: each
// `export const NAME = …;` whose value is a string, an object literal
// (`{ … }`, also inside `Object.freeze(…)`) of such values, or anything
// else, which is skipped. Strings are single- or double-quoted literals,
// or template literals without ${…}, joined with +. A value of any other
// kind (a function, an array, a call, a number, a template with ${…}) is
// skipped as a whole: the parser only takes what is plainly text, and
// never runs or interprets code. The result maps each export's name to a
// string or a map of them (map[string]any, nested).
func ParseStrings(src string) (map[string]any, error) {
	p := &jsParser{src: src}
	out := map[string]any{}
	for {
		i := strings.Index(p.src[p.pos:], "export const ")
		if i < 0 {
			return out, nil
		}
		p.pos += i + len("export const ")
		name := p.ident()
		if name == "" {
			return nil, p.errorf("a name after export const")
		}
		p.space()
		if !p.eat("=") {
			return nil, p.errorf("= after export const %s", name)
		}
		v, err := p.value(0)
		if err != nil {
			return nil, fmt.Errorf("export const %s: %w", name, err)
		}
		if v != nil {
			out[name] = v
		}
	}
}

// jsParser is a cursor over the source.
type jsParser struct {
	src string
	pos int
}

// maxDepth bounds object nesting.
const maxDepth = 32

var errSkip = errors.New("not plain text")

func (p *jsParser) errorf(format string, args ...any) error {
	p.pos = min(p.pos, len(p.src))
	line := 1 + strings.Count(p.src[:p.pos], "\n")
	return fmt.Errorf("line %d: expected %s", line, fmt.Sprintf(format, args...))
}

// space skips white space and comments.
func (p *jsParser) space() {
	for p.pos < len(p.src) {
		switch {
		case strings.HasPrefix(p.src[p.pos:], "//"):
			if i := strings.IndexByte(p.src[p.pos:], '\n'); i >= 0 {
				p.pos += i + 1
			} else {
				p.pos = len(p.src)
			}
		case strings.HasPrefix(p.src[p.pos:], "/*"):
			if i := strings.Index(p.src[p.pos+2:], "*/"); i >= 0 {
				p.pos += i + 4
			} else {
				p.pos = len(p.src)
			}
		case p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n' || p.src[p.pos] == '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsParser) eat(s string) bool {
	if strings.HasPrefix(p.src[p.pos:], s) {
		p.pos += len(s)
		return true
	}
	return false
}

func (p *jsParser) ident() string {
	start := p.pos
	for p.pos < len(p.src) {
		r, size := utf8.DecodeRuneInString(p.src[p.pos:])
		if r == '_' || r == '$' || unicode.IsLetter(r) || (p.pos > start && unicode.IsDigit(r)) {
			p.pos += size
			continue
		}
		break
	}
	return p.src[start:p.pos]
}

// value reads a value and returns a string, a map, or nil for a value it
// skipped (then the cursor is after it: at the , } ) or ; that ends it).
func (p *jsParser) value(depth int) (any, error) {
	if depth > maxDepth {
		return nil, p.errorf("at most %d levels of objects", maxDepth)
	}
	p.space()
	start := p.pos
	if p.eat("Object.freeze(") {
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.space()
		if v != nil && p.eat(")") {
			return v, nil
		}
		p.pos = start
		return nil, p.skip()
	}
	if p.eat("{") {
		obj, err := p.object(depth)
		if errors.Is(err, errSkip) {
			p.pos = start
			return nil, p.skip()
		}
		return obj, err
	}
	s, err := p.concat()
	if errors.Is(err, errSkip) {
		p.pos = start
		return nil, p.skip()
	}
	return s, err
}

// object reads the members after {, up to and including }.
func (p *jsParser) object(depth int) (map[string]any, error) {
	out := map[string]any{}
	for {
		p.space()
		if p.eat("}") {
			return out, nil
		}
		var key string
		if p.pos < len(p.src) && (p.src[p.pos] == '\'' || p.src[p.pos] == '"') {
			k, err := p.literal()
			if err != nil {
				return nil, err
			}
			key = k
		} else if key = p.ident(); key == "" {
			return nil, errSkip // a spread, a computed key, a method…
		}
		p.space()
		if !p.eat(":") {
			return nil, errSkip // shorthand or a method
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out[key] = v
		}
		p.space()
		if p.eat(",") {
			continue
		}
		if p.eat("}") {
			return out, nil
		}
		return nil, p.errorf(", or } after %s", key)
	}
}

// concat reads literal (+ literal)*; anything else is errSkip.
func (p *jsParser) concat() (string, error) {
	var b strings.Builder
	for {
		p.space()
		s, err := p.literal()
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		p.space()
		if p.pos < len(p.src) && strings.ContainsRune(",;})", rune(p.src[p.pos])) {
			return b.String(), nil
		}
		if !p.eat("+") {
			return "", errSkip
		}
	}
}

// literal reads a quoted or template string literal.
func (p *jsParser) literal() (string, error) {
	if p.pos >= len(p.src) {
		return "", errSkip
	}
	q := p.src[p.pos]
	if q != '\'' && q != '"' && q != '`' {
		return "", errSkip
	}
	p.pos++
	var b strings.Builder
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == q:
			p.pos++
			return b.String(), nil
		case q == '`' && c == '$' && strings.HasPrefix(p.src[p.pos:], "${"):
			return "", errSkip
		case c == '\n' && q != '`':
			return "", p.errorf("the end of a string literal before the line ends")
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	return "", p.errorf("the end of a string literal")
}

// escape reads one escape sequence after a backslash.
func (p *jsParser) escape(b *strings.Builder) error {
	p.pos++
	if p.pos >= len(p.src) {
		return p.errorf("an escape sequence")
	}
	c := p.src[p.pos]
	p.pos++
	switch c {
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case '\n':
	case 'u':
		var hex string
		if p.eat("{") {
			i := strings.IndexByte(p.src[p.pos:], '}')
			if i < 0 || i > 6 {
				return p.errorf("a \\u{…} escape")
			}
			hex = p.src[p.pos : p.pos+i]
			p.pos += i + 1
		} else {
			if p.pos+4 > len(p.src) {
				return p.errorf("a \\uXXXX escape")
			}
			hex = p.src[p.pos : p.pos+4]
			p.pos += 4
		}
		n, err := strconv.ParseUint(hex, 16, 32)
		if err != nil || n > unicode.MaxRune {
			return p.errorf("a \\u escape of hex digits")
		}
		r := rune(n)
		if utf16Surrogate(r) {
			return errSkip // a pair of escapes: not worth the parser's weight
		}
		b.WriteRune(r)
	case '\\', '\'', '"', '`', '$':
		b.WriteByte(c)
	default:
		return errSkip
	}
	return nil
}

func utf16Surrogate(r rune) bool { return r >= 0xd800 && r <= 0xdfff }

// skip moves past a value it does not read: to the , } ) or ; that ends
// it at its own nesting level, stepping over brackets, strings, template
// literals and comments.
func (p *jsParser) skip() error {
	depth := 0
	for p.pos < len(p.src) {
		p.space()
		if p.pos >= len(p.src) {
			break
		}
		c := p.src[p.pos]
		switch {
		case c == '\'' || c == '"' || c == '`':
			if err := p.skipString(c); err != nil {
				return err
			}
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return nil
			}
			depth--
		case (c == ',' || c == ';') && depth == 0:
			return nil
		}
		p.pos++
	}
	return p.errorf("the end of a value")
}

// skipString moves past a string or template literal, ${…} included.
func (p *jsParser) skipString(q byte) error {
	p.pos++
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '\\':
			p.pos += 2
			continue
		case c == q:
			p.pos++
			return nil
		case q == '`' && strings.HasPrefix(p.src[p.pos:], "${"):
			p.pos += 2
			if err := p.skip(); err != nil {
				return err
			}
			if !p.eat("}") {
				return p.errorf("} to end ${…}")
			}
			continue
		}
		p.pos++
	}
	return p.errorf("the end of a string literal")
}
