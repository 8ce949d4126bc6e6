package pagegen

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needNode skips a -short run on a machine without Node, and fails any
// other: make build needs it. Built for js/wasm (make test-wasm runs these
// tests under Node too), the test cannot start a process: the native run
// checks the prerender.
func needNode(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "js" {
		t.Skip("js/wasm cannot start node; the native go test runs the prerender")
	}
	if _, err := exec.LookPath("node"); err != nil {
		if testing.Short() {
			t.Skip("node is not installed: the prerender comparison needs it (.ci/prereqs node)")
		}
		t.Fatal("node is not installed: make build needs it (.ci/prereqs node)")
	}
}

// prerenderSite is a copy of site/'s modules with the presets-data.js make
// build writes for presets, so the prerender runs on current data without
// a build.
func prerenderSite(t *testing.T, presets []Preset) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(siteDir, "*.js"))
	require.NoError(t, err)
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.Base(f)), src, 0o644))
	}
	signed, err := Sign(presets)
	require.NoError(t, err)
	module, err := Module(presets, signed, "site/presets.json", "vectors.json")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "presets-data.js"), module, 0o644))
	return dir
}

// runShim runs src, an ES module, under Node with dom-shim.mjs's exports
// as shim, and returns what it prints.
func runShim(t *testing.T, src string) (string, error) {
	t.Helper()
	needNode(t)
	abs, err := filepath.Abs("dom-shim.mjs")
	require.NoError(t, err)
	cmd := exec.Command("node", "--input-type=module", "-e", "import * as shim from "+jsString("file://"+filepath.ToSlash(abs))+";\n"+src)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestShimSerializes: text and attribute values are escaped (& < > "),
// attributes keep the order they were set in, booleans have no value,
// void elements no end tag, and a <pre> whose text starts with a newline
// keeps it through the parser.
func TestShimSerializes(t *testing.T) {
	out, err := runShim(t, `
const d = shim.createDocument();
const div = d.createElement('div');
div.id = 'a"b';
div.className = 'x <y> & z';
div.dataset.testid = '"quoted"';
div.hidden = true;
div.setAttribute('data-empty', '');
div.append('1 < 2 & 3 > "0"', d.createElement('br'));
const pre = d.createElement('pre');
pre.textContent = '\nline';
div.append(pre);
console.log(div.serialize());
console.log(shim.escapeText('<&>"'), shim.escapeAttr("'"));
`)
	require.NoError(t, err, out)
	assert.Equal(t, `<div id="a&quot;b" class="x &lt;y&gt; &amp; z" data-testid="&quot;quoted&quot;" hidden data-empty="">1 &lt; 2 &amp; 3 &gt; &quot;0&quot;<br><pre>`+"\n\nline</pre></div>\n&lt;&amp;&gt;&quot; '\n", out)
}

// TestShimRefusesTheUnknown: what the shim does not implement throws,
// naming it, instead of doing nothing; unsupported selectors too.
func TestShimRefusesTheUnknown(t *testing.T) {
	for _, src := range []string{
		`shim.createDocument().createElement('p').innerHTML = '<b>x</b>';`,
		`shim.createDocument().createElement('p').style;`,
		`shim.createDocument().createElement('p').querySelector('p:hover');`,
		`shim.createDocument().createElement('p').classList.replace('a', 'b');`,
		`shim.createDocument().write('x');`,
	} {
		out, err := runShim(t, src)
		assert.Error(t, err, src)
		assert.Contains(t, out, "not implemented", src)
	}
}

// TestShimSelectors: the selectors the render code passes find what the
// DOM's would.
func TestShimSelectors(t *testing.T) {
	out, err := runShim(t, `
const d = shim.createDocument();
const li = d.createElement('li');
const head = d.createElement('div'); head.className = 'step-head';
const inner = d.createElement('div'); inner.className = 'step-head'; inner.dataset.testid = 'x';
const mark = d.createElement('mark'); mark.className = 'delta other';
head.append(inner, mark);
li.append(head);
d.body.append(li);
const input = d.createElement('input'); input.id = 'f'; input.setAttribute('aria-describedby', 'a b');
d.body.append(input);
console.log([
  li.querySelectorAll(':scope > .step-head').length,
  li.querySelectorAll('.step-head').length,
  li.querySelectorAll('mark.delta').length,
  li.querySelector('[data-testid="x"]') === inner,
  inner.closest('li') === li,
  d.querySelector('[aria-describedby~="b"]') === input,
  d.getElementById('f') === input,
  li.querySelectorAll('div [data-testid]').length,
].join(' '));
`)
	require.NoError(t, err, out)
	assert.Equal(t, "1 2 1 true true true true 1\n", out)
}

// TestFindByID finds an element's start tag, content and end tag across
// nested elements of its own tag, and refuses a missing or repeated id.
func TestFindByID(t *testing.T) {
	page := `<div id="outer" class="a"><div><p>x</p></div><DIV>y</DIV></div><input id="i" value="a&amp;b" checked><p id="twice"></p><p id="twice"></p>`
	e, err := findByID(page, "outer")
	require.NoError(t, err)
	assert.Equal(t, `<div><p>x</p></div><DIV>y</DIV>`, page[e.openEnd:e.closeStart])
	assert.Equal(t, [][2]string{{"id", "outer"}, {"class", "a"}}, e.attrs)
	in, err := findByID(page, "i")
	require.NoError(t, err)
	v, _ := in.attr("value")
	assert.Equal(t, "a&b", v)
	assert.Equal(t, `<input id="i" value="a&amp;b" checked>`, in.startTag())
	_, err = findByID(page, "twice")
	assert.Error(t, err)
	_, err = findByID(page, "none")
	assert.Error(t, err)
	_, err = findByID(`<div id="open"><div></div>`, "open")
	assert.Error(t, err, "no end tag")
}

// TestFillFormKeepsSecretsOut: the default preset's request is in the
// inputs, and no secret input gets a value, whatever it had.
func TestFillFormKeepsSecretsOut(t *testing.T) {
	presets := loadRepoPresets(t)
	words, err := Words(siteDir)
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join(siteDir, "index.html"))
	require.NoError(t, err)
	// As if someone had written one in.
	dirty := strings.Replace(string(raw), `id="consumerSecret"`, `id="consumerSecret" value="s3cr3t-marker"`, 1)
	got, err := FillForm(dirty, presets[0], words)
	require.NoError(t, err)
	assert.False(t, strings.Contains(got, "s3cr3t-marker"), "a secret input kept its value")
	req := presets[0].Request
	for _, secret := range []string{req.ConsumerSecret, req.TokenSecret} {
		require.NotEmpty(t, secret)
		assert.False(t, strings.Contains(got, secret), "a secret of the preset is in the page")
	}
	assert.True(t, strings.Contains(got, `value="`+escapeMarkup(req.URL)+`"`), "the URL")
	assert.True(t, strings.Contains(got, `value="`+escapeMarkup(req.Nonce)+`"`), "the nonce")
	again, err := FillForm(got, presets[0], words)
	require.NoError(t, err)
	assert.Equal(t, got, again, "filling is idempotent")
}

// FuzzStartTag: any attribute values written by startTag read back the
// same through elementAt.
func FuzzStartTag(f *testing.F) {
	f.Add("a", `x"<>&'y`, "")
	f.Add("", "&amp;", "\n")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		e := element{tag: "div", attrs: [][2]string{{"id", "x"}, {"data-a", a}, {"title", b}, {"class", c}}}
		page := e.startTag() + "</div>"
		got, err := findByID(page, "x")
		require.NoError(t, err)
		for i, want := range e.attrs {
			v, ok := got.attr(want[0])
			require.True(t, ok, want[0])
			assert.Equal(t, e.attrs[i][1], v)
		}
		assert.Equal(t, page, got.startTag()+"</div>")
	})
}

// FuzzFindByID: whatever the page holds, findByID returns an element
// inside it or an error, never a panic, and an element's parts are in
// order. The id is fuzzed too, from a few (each compiles a pattern).
func FuzzFindByID(f *testing.F) {
	f.Add(`<section><ol id="steps" class="steps"><li><ol><li>a</li></ol></li></ol></section>`, "steps")
	f.Add(`<div id="x"><div></div>`, "x")
	f.Add(`<p id="x" a="`, "x")
	f.Fuzz(func(t *testing.T, page, id string) {
		if len(id) > 8 {
			id = id[:8]
		}
		e, err := findByID(page, id)
		if err != nil {
			return
		}
		require.True(t, 0 <= e.start && e.start < e.openEnd && e.openEnd <= e.closeStart && e.closeStart <= e.end && e.end <= len(page))
	})
}
