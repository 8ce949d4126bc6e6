package signer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
