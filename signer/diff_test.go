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
