package pagegen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const siteDir = "../../../site"

// TestPagesAreCurrent checks, like a fmt check, that the committed
// index.html and embed.html are what make build writes: the modulepreload
// block lists every module their scripts import statically and every
// data-text element holds its words from strings*.js, and index.html holds
// the worked example as the prerender writes it (which needs Node: a
// -short run without it skips). Run make build when it fails.
func TestPagesAreCurrent(t *testing.T) {
	words, err := Words(siteDir)
	require.NoError(t, err)
	for _, page := range Pages {
		t.Run(page.Name, func(t *testing.T) {
			want, missing, err := Render(siteDir, page, words)
			require.NoError(t, err)
			assert.Empty(t, missing, "data-text keys that name no string")
			if page.Prerender {
				needNode(t)
				presets := loadRepoPresets(t)
				want, err = Prerendered(want, prerenderSite(t, presets), "prerender.mjs", presets, words)
				require.NoError(t, err)
			}
			got, err := os.ReadFile(filepath.Join(siteDir, page.Name))
			require.NoError(t, err)
			assert.True(t, string(got) == want, "site/%s is not what make build writes: run make build", page.Name)
		})
	}
}

// TestStaticImports walks a small module graph: multi-line and bare
// imports are followed, dynamic ones and comments are not, each module is
// listed once, entries not at all, and a missing (not yet generated)
// module is a leaf.
func TestStaticImports(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	write("app.js", "import './first.js';\nimport {\n  a,\n  b,\n} from './b.js';\nconst x = import('./dynamic.js');\n// import './commented.js'\nimport { g } from './generated.js';\n")
	write("first.js", "export const f = 1;\n")
	write("b.js", "import * as f from './first.js';\nimport { c } from \"./c.js\";\nexport const a = 1, b = 2;\n")
	write("c.js", "import './app.js';\nexport const c = 3;\n")
	got, err := StaticImports(dir, "app.js")
	require.NoError(t, err)
	assert.Equal(t, []string{"first.js", "b.js", "c.js", "generated.js"}, got)
	_, err = StaticImports(dir, "nope.js")
	assert.Error(t, err)
}

// TestWritePreloads checks the block goes before the first module script
// or preload, and is replaced in place on the next run.
func TestWritePreloads(t *testing.T) {
	html := "<head>\n<link rel=\"modulepreload\" href=\"signer.js\">\n<script type=\"module\" src=\"app.js\"></script>\n</head>"
	once, err := WritePreloads(html, []string{"a.js", "b&c.js"})
	require.NoError(t, err)
	assert.Equal(t, "<head>\n"+preloadStart+"<link rel=\"modulepreload\" href=\"a.js\">\n<link rel=\"modulepreload\" href=\"b&amp;c.js\">\n"+preloadEnd+
		"<link rel=\"modulepreload\" href=\"signer.js\">\n<script type=\"module\" src=\"app.js\"></script>\n</head>", once)
	twice, err := WritePreloads(once, []string{"z.js"})
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(twice, preloadStart))
	assert.Contains(t, twice, `href="z.js"`)
	assert.NotContains(t, twice, `href="a.js"`)
	_, err = WritePreloads("<p>no script</p>", nil)
	assert.Error(t, err)
	_, err = WritePreloads(preloadStart+"<script type=\"module\"></script>", nil)
	assert.Error(t, err, "a block without its end marker")
}

// TestFillText fills text-only data-text elements, escaping, in place;
// leaves elements with children, mismatched tags and unknown keys alone.
func TestFillText(t *testing.T) {
	words := map[string]any{"page": map[string]any{"title": "A <b> & \"c\"", "n": map[string]any{"x": "deep"}}}
	got, missing := FillText(`<h1 id="t" data-text="page.title">old</h1><p data-text="page.n.x"></p><p data-text="page.nope"></p><div data-text="page.title"><span>x</span></div>`, words)
	assert.Equal(t, `<h1 id="t" data-text="page.title">A &lt;b&gt; &amp; &quot;c&quot;</h1><p data-text="page.n.x">deep</p><p data-text="page.nope"></p><div data-text="page.title"><span>x</span></div>`, got)
	assert.Equal(t, []string{"page.nope"}, missing)
	again, _ := FillText(got, words)
	assert.Equal(t, got, again, "filling is idempotent")
}

// TestParseStrings reads what the strings modules hold and skips the rest.
func TestParseStrings(t *testing.T) {
	src := "// words\nimport { x } from './y.js';\n" +
		"export const page = Object.freeze({\n" +
		"  title: 'OAuth \\'1.0a\\'', // comment\n" +
		"  intro: \"two \" +\n    'parts' + `, three`,\n" +
		"  fn: (n) => `${n} items, {braces}`,\n" +
		"  'quoted-key': 'q',\n" +
		"  nested: Object.freeze({ deep: { deeper: 'd\\u00e9\\u{1F600}' }, list: ['a', 'b'] }),\n" +
		"  call: field('x', { a: 1 }),\n" +
		"  tmpl: `plain`,\n" +
		"  n: 42,\n" +
		"});\n" +
		"export const list = Object.freeze(['a', 'b']);\n" +
		"export const plain = 'p';\n" +
		"const hidden = 'h';\n" +
		"export function notConst() { return 'x'; }\n" +
		"export const last = { a: 'a', ...spread };\n"
	got, err := ParseStrings(src)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{
		"page": map[string]any{
			"title": "OAuth '1.0a'", "intro": "two parts, three", "quoted-key": "q",
			"nested": map[string]any{"deep": map[string]any{"deeper": "dé😀"}}, "tmpl": "plain",
		},
		"plain": "p",
	}, got)
}

// TestParseStringsRefuses lists sources the parser rejects rather than
// guess at.
func TestParseStringsRefuses(t *testing.T) {
	for _, src := range []string{
		"export const = 'x';",
		"export const a 'x';",
		"export const a = { b: 'unterminated };",
		"export const a = 'line\nbreak';",
		"export const a = { b: 'x'",
		"export const a = '\\u12';",
		"export const a = " + strings.Repeat("{ a: ", 40) + "'x'" + strings.Repeat(" }", 40) + ";",
	} {
		_, err := ParseStrings(src)
		assert.Error(t, err, src)
	}
}

// TestWordsOfTheSite reads the real strings modules: a few known words.
func TestWordsOfTheSite(t *testing.T) {
	words, err := Words(siteDir)
	require.NoError(t, err)
	for _, key := range []string{"page.inputs.heading", "fields.url.label", "embed.title", "verify.tabs.sign", "firstPaint.precomputed"} {
		s, ok := Lookup(words, key)
		assert.True(t, ok && s != "", key)
	}
}

// FuzzParseStrings: any source gives words or an error, never a panic or
// a hang, and every word it gives is a string or a map of them.
func FuzzParseStrings(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(siteDir, "strings*.js"))
	for _, name := range files {
		src, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(string(src))
	}
	f.Add("export const a = { b: `${ {c: '}'} }`, d: 'e' };")
	f.Fuzz(func(t *testing.T, src string) {
		words, err := ParseStrings(src)
		if err != nil {
			return
		}
		var check func(v any)
		check = func(v any) {
			switch x := v.(type) {
			case string:
			case map[string]any:
				for _, y := range x {
					check(y)
				}
			default:
				t.Fatalf("a word of type %T", v)
			}
		}
		for _, v := range words {
			check(v)
		}
	})
}

// TestParseStringsEndsInEscape: a backslash as the last byte of an
// unterminated string is an error, not a panic.
func TestParseStringsEndsInEscape(t *testing.T) {
	for _, src := range []string{"export const a = f('x\\", "export const a = 'x\\", "export const a = f(`${'\\"} {
		assert.NotPanics(t, func() { _, _ = ParseStrings(src) }, src)
	}
}
