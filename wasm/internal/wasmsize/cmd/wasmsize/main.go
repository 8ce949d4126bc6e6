//go:build !js

// Command wasmsize prints where a Go wasm module's bytes go, by package and
// by function, raw and as brotli:
//
//	GOOS=js GOARCH=wasm go build -tags oauth1_lite -trimpath -o /tmp/lite.wasm ./wasm
//	go run ./wasm/internal/wasmsize/cmd/wasmsize [-top 30] [-drop 15] [-base floor.wasm] /tmp/lite.wasm
//
// -base leaves out every function that another module has too (by name):
// given an empty safejs program, what remains is what the signer adds.
// Build without -ldflags='-s -w': the "name" section is what maps bodies to
// functions. The brotli columns shell out to `brotli -q 11`: "alone" is
// the package's code compressed by itself (an upper bound, no shared
// context), "drop" is how much the whole code section shrinks when the
// package's bodies are left out (a lower bound: what it costs in context).
//
// Why is X linked? Give the linker's reachability edges and a pattern:
//
//	GOOS=js GOARCH=wasm go build -tags oauth1_lite -ldflags=-dumpdep -o /dev/null ./wasm 2>/tmp/dumpdep.txt
//	go run ./wasm/internal/wasmsize/cmd/wasmsize -why 'net/netip\.ParseAddr$' /tmp/dumpdep.txt
//
// prints, for each matching symbol, the chain back to the root.
//
// Owns: the size report. Must never: be linked into the signer.
// It is a native developer tool (never built for js/wasm, so never in the
// page): its report goes to standard output.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/wasm/internal/wasmsize"
)

func main() {
	top := flag.Int("top", 30, "packages and functions to list")
	drop := flag.Int("drop", 15, "largest packages to remove-and-measure with brotli (0: none)")
	prefix := flag.String("pkg", "", "list only functions whose package starts with this")
	base := flag.String("base", "", "a module (e.g. an empty safejs program) whose functions, by name, are left out of the report")
	why := flag.String("why", "", "read FILE as -ldflags=-dumpdep output and print why the symbols matching this pattern are linked")
	flag.Parse()
	if *why != "" && flag.NArg() == 1 {
		re, err := regexp.Compile(*why)
		check(err)
		f, err := os.Open(flag.Arg(0))
		check(err)
		g, err := wasmsize.ReadDumpdep(f)
		check(err)
		for _, chain := range g.Why(re, *top) {
			fmt.Println(strings.Join(chain, "\n  <- "))
			fmt.Println()
		}
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-top N] [-drop N] [-pkg PREFIX] [-base MODULE.wasm] MODULE.wasm | -why PATTERN DUMPDEP.txt")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	check(err)
	m, err := wasmsize.Read(b)
	check(err)
	if *base != "" {
		bb, err := os.ReadFile(*base)
		check(err)
		bm, err := wasmsize.Read(bb)
		check(err)
		m.Without(bm)
		fmt.Printf("without the %d functions of %s\n", len(bm.Funcs), *base)
	}
	named := false
	for _, f := range m.Funcs {
		if f.Name != "" {
			named = true
			break
		}
	}
	if !named {
		fmt.Fprintln(os.Stderr, "wasmsize: no function names: build without -ldflags='-s -w'")
		os.Exit(1)
	}

	fmt.Printf("module %d bytes\n", len(b))
	for _, s := range m.Sections {
		fmt.Printf("  section %2d %-12s %9d\n", s.ID, s.Name, s.Size)
	}
	fmt.Printf("  data segment contents %d\n", m.DataSize)

	all := m.Code(func(wasmsize.Func) bool { return true })
	allBr := brotli(all)
	fmt.Printf("\ncode %d bytes in %d functions, %d brotli\n", len(all), len(m.Funcs), allBr)

	pkgs := m.ByPackage()
	fmt.Printf("\n%-50s %6s %9s %9s %9s\n", "package", "funcs", "raw", "br alone", "br drop")
	for i, p := range pkgs {
		if i >= *top {
			break
		}
		alone, dropped := "", ""
		if i < *drop {
			name := p.Name
			in := func(f wasmsize.Func) bool { return wasmsize.Package(f.Name) == name }
			alone = fmt.Sprint(brotli(m.Code(in)))
			dropped = fmt.Sprint(allBr - brotli(m.Code(func(f wasmsize.Func) bool { return !in(f) })))
		}
		fmt.Printf("%-50s %6d %9d %9s %9s\n", p.Name, p.Count, p.Bytes, alone, dropped)
	}

	fmt.Printf("\n%-80s %9s\n", "function", "raw")
	n := 0
	for _, f := range m.ByFunc() {
		if *prefix != "" && !strings.HasPrefix(wasmsize.Package(f.Name), *prefix) {
			continue
		}
		if n >= *top {
			break
		}
		n++
		fmt.Printf("%-80s %9d\n", f.Name, f.Bytes)
	}
}

func brotli(b []byte) int {
	cmd := exec.Command("brotli", "-q", "11", "-c")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	check(err)
	return len(out)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}
