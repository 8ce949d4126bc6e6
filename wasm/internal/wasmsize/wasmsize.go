// Package wasmsize says where the bytes of a Go WebAssembly module go: it
// reads the code section (id 10) and the "name" custom section's function
// names (present when the module is built without -ldflags=-s), and sums
// function body sizes by function and by Go package. Brotli weights come
// from the caller (cmd/wasmsize shells out to the brotli command).
//
// Owns: reading a module binary's sections, function bodies and names
// (WebAssembly Core Specification §5.5, custom "name" section appendix
// 7.4.1). Must never: be linked into the signer (it is a build tool), or
// write a module.
package wasmsize

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Section is one section of a module: its id, its name for a custom
// section, and its size without the id and length bytes.
type Section struct {
	ID   byte
	Name string
	Size int
}

// Func is one function with a body in the code section.
type Func struct {
	Index int    // in the function index space (imports first)
	Name  string // from the name section, "" if absent
	Body  []byte // the body, with its locals, as in the binary
}

// Module is what Read finds.
type Module struct {
	Sections []Section
	Funcs    []Func
	DataSize int // bytes of segment contents in the data section
}

// Read parses module.
func Read(module []byte) (*Module, error) {
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm module")
	}
	m := &Module{}
	var imports int
	var names map[int]string
	var code []byte
	for i := 8; i < len(module); {
		id := module[i]
		size, n, err := uleb(module[i+1:])
		if err != nil {
			return nil, err
		}
		start := i + 1 + n
		end := start + int(size)
		if end > len(module) || end < start {
			return nil, errors.New("section runs past the end")
		}
		body := module[start:end]
		s := Section{ID: id, Size: int(size)}
		switch id {
		case 0:
			l, k, err := uleb(body)
			if err != nil || k+int(l) > len(body) {
				return nil, errors.New("bad custom section name")
			}
			s.Name = string(body[k : k+int(l)])
			if s.Name == "name" {
				names, err = funcNames(body[k+int(l):])
				if err != nil {
					return nil, err
				}
			}
		case 2:
			imports, err = countFuncImports(body)
			if err != nil {
				return nil, err
			}
		case 10:
			code = body
		case 11:
			m.DataSize, err = dataSize(body)
			if err != nil {
				return nil, err
			}
		}
		m.Sections = append(m.Sections, s)
		i = end
	}
	if code != nil {
		count, k, err := uleb(code)
		if err != nil {
			return nil, err
		}
		p := k
		for f := 0; f < int(count); f++ {
			size, k, err := uleb(code[p:])
			if err != nil || p+k+int(size) > len(code) {
				return nil, errors.New("bad function body")
			}
			idx := imports + f
			m.Funcs = append(m.Funcs, Func{Index: idx, Name: names[idx], Body: code[p+k : p+k+int(size)]})
			p += k + int(size)
		}
	}
	return m, nil
}

// Package is the Go package a linker symbol name belongs to:
// "net/url.(*URL).String" is "net/url", "type:.eq.[2]string" is "type:",
// "go:buildid" is "go:".
func Package(sym string) string {
	if sym == "" {
		return "?"
	}
	if i := strings.Index(sym, ":"); i >= 0 && !strings.Contains(sym[:i], ".") {
		return sym[:i+1]
	}
	// the name section spells "github.com/a/b.F" as "github.com_a_b.F"
	for _, host := range []string{"github.com_", "golang.org_", "gopkg.in_"} {
		if strings.HasPrefix(sym, host) {
			if dot := strings.Index(sym[len(host):], "."); dot >= 0 {
				return sym[:len(host)+dot]
			}
		}
	}
	slash := strings.LastIndex(sym, "/")
	// a generic instantiation's brackets may hold slashes: cut them off first
	if b := strings.Index(sym, "["); b >= 0 && b < len(sym) && slash > b {
		slash = strings.LastIndex(sym[:b], "/")
	}
	dot := strings.Index(sym[slash+1:], ".")
	if dot < 0 {
		return sym
	}
	return sym[:slash+1+dot]
}

// Total is a name and a byte count.
type Total struct {
	Name  string
	Bytes int
	Count int
}

// ByPackage sums body sizes by Package, largest first.
func (m *Module) ByPackage() []Total {
	sums := map[string]*Total{}
	for _, f := range m.Funcs {
		p := Package(f.Name)
		t := sums[p]
		if t == nil {
			t = &Total{Name: p}
			sums[p] = t
		}
		t.Bytes += len(f.Body)
		t.Count++
	}
	out := make([]Total, 0, len(sums))
	for _, t := range sums {
		out = append(out, *t)
	}
	sortTotals(out)
	return out
}

// ByFunc is every function's body size, largest first.
func (m *Module) ByFunc() []Total {
	out := make([]Total, 0, len(m.Funcs))
	for _, f := range m.Funcs {
		out = append(out, Total{Name: f.Name, Bytes: len(f.Body), Count: 1})
	}
	sortTotals(out)
	return out
}

// Without drops from m every function whose name base has too.
func (m *Module) Without(base *Module) {
	seen := map[string]bool{}
	for _, f := range base.Funcs {
		seen[f.Name] = true
	}
	kept := m.Funcs[:0]
	for _, f := range m.Funcs {
		if !seen[f.Name] {
			kept = append(kept, f)
		}
	}
	m.Funcs = kept
}

// Code is the concatenated bodies of the functions keep selects.
func (m *Module) Code(keep func(Func) bool) []byte {
	var b []byte
	for _, f := range m.Funcs {
		if keep(f) {
			b = append(b, f.Body...)
		}
	}
	return b
}

func sortTotals(t []Total) {
	sort.Slice(t, func(i, j int) bool {
		if t[i].Bytes != t[j].Bytes {
			return t[i].Bytes > t[j].Bytes
		}
		return t[i].Name < t[j].Name
	})
}

func countFuncImports(b []byte) (int, error) {
	count, p, err := uleb(b)
	if err != nil {
		return 0, err
	}
	funcs := 0
	for i := 0; i < int(count); i++ {
		for j := 0; j < 2; j++ { // module and field names
			l, k, err := uleb(b[p:])
			if err != nil {
				return 0, err
			}
			p += k + int(l)
		}
		if p >= len(b) {
			return 0, errors.New("bad import")
		}
		kind := b[p]
		p++
		switch kind {
		case 0: // func: type index
			_, k, err := uleb(b[p:])
			if err != nil {
				return 0, err
			}
			p += k
			funcs++
		case 1: // table: reftype, limits
			p++
			k, err := skipLimits(b[p:])
			if err != nil {
				return 0, err
			}
			p += k
		case 2: // memory: limits
			k, err := skipLimits(b[p:])
			if err != nil {
				return 0, err
			}
			p += k
		case 3: // global: valtype, mut
			p += 2
		default:
			return 0, fmt.Errorf("unknown import kind %d", kind)
		}
	}
	return funcs, nil
}

func skipLimits(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, errors.New("bad limits")
	}
	p := 1
	_, k, err := uleb(b[p:])
	if err != nil {
		return 0, err
	}
	p += k
	if b[0]&1 != 0 {
		_, k, err = uleb(b[p:])
		if err != nil {
			return 0, err
		}
		p += k
	}
	return p, nil
}

// funcNames reads subsection 1 (function names) of a name section.
func funcNames(b []byte) (map[int]string, error) {
	names := map[int]string{}
	for p := 0; p < len(b); {
		id := b[p]
		size, k, err := uleb(b[p+1:])
		if err != nil {
			return nil, err
		}
		sub := b[p+1+k:]
		if int(size) > len(sub) {
			return nil, errors.New("bad name subsection")
		}
		sub = sub[:size]
		if id == 1 {
			count, q, err := uleb(sub)
			if err != nil {
				return nil, err
			}
			for i := 0; i < int(count); i++ {
				idx, k, err := uleb(sub[q:])
				if err != nil {
					return nil, err
				}
				q += k
				l, k, err := uleb(sub[q:])
				if err != nil || q+k+int(l) > len(sub) {
					return nil, errors.New("bad function name")
				}
				names[int(idx)] = string(sub[q+k : q+k+int(l)])
				q += k + int(l)
			}
		}
		p += 1 + k + int(size)
	}
	return names, nil
}

func dataSize(b []byte) (int, error) {
	count, p, err := uleb(b)
	if err != nil {
		return 0, err
	}
	total := 0
	for i := 0; i < int(count); i++ {
		if p >= len(b) {
			return 0, errors.New("bad data segment")
		}
		kind := b[p]
		p++
		switch kind {
		case 0, 2:
			if kind == 2 {
				_, k, err := uleb(b[p:])
				if err != nil {
					return 0, err
				}
				p += k
			}
			if b[p] != 0x41 {
				return 0, errors.New("non-constant data offset")
			}
			p++
			for b[p]&0x80 != 0 {
				p++
			}
			p++ // last LEB byte
			if b[p] != 0x0b {
				return 0, errors.New("bad data offset")
			}
			p++
		case 1:
		default:
			return 0, fmt.Errorf("unknown data segment kind %d", kind)
		}
		l, k, err := uleb(b[p:])
		if err != nil {
			return 0, err
		}
		p += k + int(l)
		total += int(l)
	}
	return total, nil
}

func uleb(b []byte) (uint64, int, error) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i]&0x80 == 0 {
			return v, i + 1, nil
		}
	}
	return 0, 0, errors.New("bad LEB128")
}
