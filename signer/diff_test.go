package signer

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDiffBaseStringsKinds(t *testing.T) {
	exp := "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2%26c%3Dx%2520y"
	tests := []struct{ name, rec, kind string }{
		{"order", "GET&https%3A%2F%2Fh%2Fp&b%3D2%26a%3D1%26c%3Dx%2520y", "order"},
		{"value", "GET&https%3A%2F%2Fh%2Fp&a%3D9%26b%3D2%26c%3Dx%2520y", "value"},
		{"extra", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2%26c%3Dx%2520y%26d%3D4", "extra"},
		{"encoding", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2%26c%3Dx%2Bygarbage", "value"},
		{"structure", "GET&https%3A%2F%2Fh%2Fp&a=1&b=2&c=x%20y", "structure"},
		{"port", "GET&https%3A%2F%2Fh%3A443%2Fp&a%3D1%26b%3D2%26c%3Dx%2520y", "uri"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := DiffBaseStrings(exp, tc.rec)
			var kinds []string
			for _, x := range d.Differences {
				kinds = append(kinds, string(x.Kind))
				assert.NotEmpty(t, x.Text)
			}
			assert.Contains(t, kinds, tc.kind)
		})
	}
	assert.Empty(t, DiffBaseStrings(exp, exp).Differences)
}

// TestDiffCharsWholeEscapes checks that the character diff compares
// whole percent-escapes: "%2B" against "%2520" is one escape for another,
// never "%2" kept and "B" against "520".
func TestDiffCharsWholeEscapes(t *testing.T) {
	tests := []struct {
		name, exp, rec string
		want           []DiffOp
	}{
		{"escape for escape of escape", "a%2Bb", "a%2520b", []DiffOp{
			{DiffSame, "a"}, {DiffMissing, "%2B"}, {DiffExtra, "%2520"}, {DiffSame, "b"},
		}},
		{"double escapes", "x%2520y", "x%252By", []DiffOp{
			{DiffSame, "x"}, {DiffMissing, "%2520"}, {DiffExtra, "%252B"}, {DiffSame, "y"},
		}},
		{"letter case of an escape", "%3D1", "%3d1", []DiffOp{
			{DiffMissing, "%3D"}, {DiffExtra, "%3d"}, {DiffSame, "1"},
		}},
		{"plain characters", "abc", "abd", []DiffOp{
			{DiffSame, "ab"}, {DiffMissing, "c"}, {DiffExtra, "d"},
		}},
		{"a bare percent is a character", "%2", "%3", []DiffOp{
			{DiffSame, "%"}, {DiffMissing, "2"}, {DiffExtra, "3"},
		}},
		{"same", "a%2520b", "a%2520b", []DiffOp{{DiffSame, "a%2520b"}}},
		{"escape inserted", "a%26b", "a%26%26b", []DiffOp{
			{DiffSame, "a%26"}, {DiffExtra, "%26"}, {DiffSame, "b"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := diffChars(tc.exp, tc.rec)
			assert.Equal(t, tc.want, got)
			var exp, rec string
			for _, op := range got {
				if op.Op != DiffExtra {
					exp += op.Text
				}
				if op.Op != DiffMissing {
					rec += op.Text
				}
			}
			assert.Equal(t, tc.exp, exp, "the runs rebuild the expected string")
			assert.Equal(t, tc.rec, rec, "the runs rebuild the received string")
		})
	}
}

func TestDiffUnits(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"a%3Db", []string{"a", "%3D", "b"}},
		{"%2520%25", []string{"%2520", "%25"}},
		{"%252", []string{"%25", "2"}},
		{"%zz", []string{"%", "z", "z"}},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, diffUnits(tc.in), tc.in)
	}
}
