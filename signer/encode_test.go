package signer

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPercentEncode(t *testing.T) {
	tests := []struct{ in, want string }{
		// X "Percent encoding parameters" page,
		// https://docs.x.com/fundamentals/authentication/oauth-1-0a/percent-encoding-parameters.
		{"Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen"},
		{"An encoded string!", "An%20encoded%20string%21"},
		{"Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice"},
		{"☃", "%E2%98%83"},
		// wiki.oauth.net/TestCases, parameter encoding.
		{"abcABC123", "abcABC123"},
		{"-._~", "-._~"},
		{"%", "%25"},
		{"+", "%2B"},
		{"&=*", "%26%3D%2A"},
		{"\n", "%0A"},
		{" ", "%20"},
		{"\x7f", "%7F"},
		{"\u0080", "%C2%80"},
		{"\u3001", "%E3%80%81"},
		// encodeURIComponent leaves these bare; RFC 5849 does not.
		{"!*'()", "%21%2A%27%28%29"},
		{"", ""},
	}
	for _, tc := range tests {
		got := PercentEncode(tc.in)
		assert.Equal(t, tc.want, got, "PercentEncode(%q)", tc.in)
	}
}
