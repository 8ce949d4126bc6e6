package signer

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCurlQuoting(t *testing.T) {
	got := curlCommand("GET", "https://h/?q=it's", [][2]string{{"Authorization", `OAuth a="b"`}}, "")
	assert.Equal(t, "curl 'https://h/?q=it'\\''s' \\\n  --header 'Authorization: OAuth a=\"b\"'", got)
	assert.Equal(t, "curl --head 'https://h/'", curlCommand("HEAD", "https://h/", nil, ""))
}
