package wasmsize

import (
	"bufio"
	"io"
	"regexp"
	"strings"
)

// Reach is the linker's reachability graph as `go build
// -ldflags=-dumpdep` prints it ("from -> to" lines, on stderr): for each
// symbol, the first symbol seen to reach it.
type Reach struct {
	parent map[string]string
	order  []string
}

// ReadDumpdep reads -dumpdep output; other lines are skipped.
func ReadDumpdep(r io.Reader) (*Reach, error) {
	g := &Reach{parent: map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		from, to, ok := strings.Cut(sc.Text(), " -> ")
		if !ok {
			continue
		}
		from, to = symbol(from), symbol(to)
		if _, seen := g.parent[to]; !seen && to != from {
			g.parent[to] = from
			g.order = append(g.order, to)
		}
	}
	return g, sc.Err()
}

// symbol drops the " <UsedInIface>"-style marks -dumpdep adds to a name.
func symbol(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, " <"); i >= 0 {
		s = s[:i]
	}
	return s
}

// Why returns, for each symbol matching re (at most max of them, in the
// order the linker reached them), the chain from it back to the root:
// why it is linked.
func (g *Reach) Why(re *regexp.Regexp, max int) [][]string {
	var out [][]string
	for _, sym := range g.order {
		if len(out) >= max {
			break
		}
		if !re.MatchString(sym) {
			continue
		}
		chain := []string{sym}
		seen := map[string]bool{sym: true}
		for p, ok := g.parent[sym]; ok && !seen[p]; p, ok = g.parent[p] {
			chain = append(chain, p)
			seen[p] = true
		}
		out = append(out, chain)
	}
	return out
}
