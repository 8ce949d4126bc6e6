package signer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPercentEncode(t *testing.T) {
	tests := []struct{ in, want string }{
		// X "Percent encoding parameters" page (test-vectors.md V2).
		{"Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen"},
		{"An encoded string!", "An%20encoded%20string%21"},
		{"Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice"},
		{"☃", "%E2%98%83"},
		// oauth.net TestCases, parameter encoding (V9.1).
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

func TestParseForm(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Param
	}{
		{"plus is space", "a=x+y", []Param{{"a", "x y", SourceBody}}},
		{"no equals means empty value", "c2&a3=2+q", []Param{{"c2", "", SourceBody}, {"a3", "2 q", SourceBody}}},
		{"decoded once", "b5=%3D%253D", []Param{{"b5", "=%3D", SourceBody}}},
		{"empty pairs skipped", "&a=1&&b=2&", []Param{{"a", "1", SourceBody}, {"b", "2", SourceBody}}},
		{"duplicates kept in order", "a=2&a=1", []Param{{"a", "2", SourceBody}, {"a", "1", SourceBody}}},
		{"lower-case hex", "a=%2b", []Param{{"a", "+", SourceBody}}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseForm(tc.in, SourceBody, "body")
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	for _, bad := range []string{"a=%", "a=%2", "a=%zz", "%g0=1"} {
		_, err := parseForm(bad, SourceBody, "body")
		var fe *FieldError
		require.ErrorAs(t, err, &fe, "parseForm(%q)", bad)
		assert.Equal(t, "body", fe.Field)
		assert.ErrorIs(t, err, ErrMalformed)
	}
}

func TestNormalizeParameters(t *testing.T) {
	// oauth.net TestCases, normalize request parameters (V9.2).
	tests := []struct{ in, want string }{
		{"name", "name="},
		{"a=b", "a=b"},
		{"a=b&c=d", "a=b&c=d"},
		{"a=x!y&a=x+y", "a=x%20y&a=x%21y"},
		{"x!y=a&x=a", "x=a&x%21y=a"},
	}
	for _, tc := range tests {
		params, err := parseForm(tc.in, SourceQuery, "url")
		require.NoError(t, err)
		got := NormalizeParameters(params)
		assert.Equal(t, tc.want, got, "NormalizeParameters(%q)", tc.in)
	}
}

func TestBaseStringURI(t *testing.T) {
	tests := []struct {
		name, in, want string
		notes          []string
	}{
		{"RFC 5849 3.4.1.2 first", "HTTP://EXAMPLE.COM:80/r%20v/X?id=123", "http://example.com/r%20v/X",
			[]string{"scheme-lowercased", "host-lowercased", "default-port-removed", "query-removed"}},
		{"RFC 5849 3.4.1.2 second", "https://www.example.net:8080/?q=1", "https://www.example.net:8080/", []string{"query-removed"}},
		{"empty path (V9.3)", "http://example.com", "http://example.com/", []string{"empty-path"}},
		{"https keeps :80", "https://h.example:80/p", "https://h.example:80/p", nil},
		{"http keeps :443", "http://h.example:443/p", "http://h.example:443/p", nil},
		{"https drops :443", "https://h.example:443/p", "https://h.example/p", []string{"default-port-removed"}},
		{"fragment dropped", "https://h.example/p#frag", "https://h.example/p", []string{"fragment-removed"}},
		{"lower-case escapes upper-cased", "https://h.example/a%2fb", "https://h.example/a%2Fb", []string{"path-normalized"}},
		{"raw non-ASCII encoded once (V15)", "http://sp.example.com/’", "http://sp.example.com/%E2%80%99", []string{"path-normalized"}},
		{"raw space encoded", "https://h.example/a b", "https://h.example/a%20b", []string{"path-normalized"}},
		{"userinfo dropped", "https://u:p@h.example/", "https://h.example/", []string{"userinfo-removed"}},
		{"IPv6 host", "http://[::1]:80/x", "http://[::1]/x", []string{"default-port-removed"}},
		{"empty port", "http://h.example:/x", "http://h.example/x", []string{"empty-port-removed"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, notes, err := BaseStringURI(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "BaseStringURI(%q)", tc.in)
			var ids []string
			for _, n := range notes {
				ids = append(ids, n.ID)
				assert.NotEmpty(t, n.Text)
			}
			assert.Equal(t, tc.notes, ids)
		})
	}
}
