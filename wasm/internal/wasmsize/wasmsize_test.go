package wasmsize

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPackage(t *testing.T) {
	for sym, want := range map[string]string{
		"runtime.mallocgc":                       "runtime",
		"net_url.__URL_.String":                  "net_url",
		"github.com_hack_pad_safejs.Value.Call":  "github.com_hack_pad_safejs",
		"github.com_a_b_signer.pipeline.prepare": "github.com_a_b_signer",
		"type_.eq.net_url.URL":                   "type_",
		"type:.eq.[2]string":                     "type:",
		"go:buildid":                             "go:",
		"":                                       "?",
		"nodot":                                  "nodot",
	} {
		assert.Equal(t, want, Package(sym), sym)
	}
}

// TestRead reads a module with one imported and two defined functions,
// their names, and a data segment.
func TestRead(t *testing.T) {
	sec := func(id byte, body ...byte) []byte { return append([]byte{id, byte(len(body))}, body...) }
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, sec(1, 1, 0x60, 0, 0)...)                          // one type () -> ()
	m = append(m, sec(2, 1, 1, 'm', 1, 'f', 0, 0)...)                // import m.f, func type 0
	m = append(m, sec(3, 2, 0, 0)...)                                // two funcs
	m = append(m, sec(10, 2, 2, 0, 0x0b, 4, 0, 0x01, 0x01, 0x0b)...) // bodies of 2 and 4 bytes
	m = append(m, sec(11, 1, 0, 0x41, 8, 0x0b, 3, 'a', 'b', 'c')...) // "abc" at 8
	names := []byte{2, 1, 1, 'a', 2, 2, 'p', 'b'}                    // funcs 1 "a", 2 "pb"
	m = append(m, sec(0, append([]byte{4, 'n', 'a', 'm', 'e', 1, byte(len(names))}, names...)...)...)
	got, err := Read(m)
	require.NoError(t, err)
	require.Len(t, got.Funcs, 2)
	assert.Equal(t, Func{Index: 1, Name: "a", Body: []byte{0, 0x0b}}, got.Funcs[0])
	assert.Equal(t, Func{Index: 2, Name: "pb", Body: []byte{0, 1, 1, 0x0b}}, got.Funcs[1])
	assert.Equal(t, 3, got.DataSize)
	assert.Equal(t, []Total{{Name: "pb", Bytes: 4, Count: 1}, {Name: "a", Bytes: 2, Count: 1}}, got.ByFunc())

	_, err = Read([]byte("nope"))
	assert.Error(t, err)
}

func TestWhy(t *testing.T) {
	dump := "# example\n_ -> main.main\nmain.main -> a.F\na.F -> type:b.T <UsedInIface>\ntype:b.T <UsedInIface> -> b.T.String\nmain.main -> b.T.String\nb.T.String -> a.F\n"
	g, err := ReadDumpdep(strings.NewReader(dump))
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"b.T.String", "type:b.T", "a.F", "main.main", "_"}}, g.Why(regexp.MustCompile(`String$`), 5))
	assert.Empty(t, g.Why(regexp.MustCompile(`nothing`), 5))
	assert.Len(t, g.Why(regexp.MustCompile(`.`), 2), 2)
}
