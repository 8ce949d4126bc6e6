package signer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
	// wiki.oauth.net/TestCases, normalize request parameters.
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
