package signer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCurlQuoting(t *testing.T) {
	got := curlCommand("GET", "https://h/?q=it's", [][2]string{{"Authorization", `OAuth a="b"`}}, "")
	assert.Equal(t, "curl 'https://h/?q=it'\\''s' \\\n  --header 'Authorization: OAuth a=\"b\"'", got)
	assert.Equal(t, "curl --head 'https://h/'", curlCommand("HEAD", "https://h/", nil, ""))
}

func TestCurlBodyWithoutContentType(t *testing.T) {
	r := xExample("https://api.x.com/2/upload")
	r.Body, r.ContentType = "raw bytes", ""
	res, err := Sign(r)
	require.NoError(t, err)
	assert.Contains(t, res.Curl, "--header 'Content-Type:' \\\n  --data-raw 'raw bytes'")
}
