package signertest_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// TestVectors checks the embedded file: every vector has a name, a
// source and something to pin, names are unique, Vectors returns copies,
// and a request's JSON is the file's object again.
func TestVectors(t *testing.T) {
	vs := signertest.Vectors()
	require.NotEmpty(t, vs)
	var file struct {
		Vectors []struct {
			Request map[string]any `json:"request"`
		} `json:"vectors"`
	}
	require.NoError(t, json.Unmarshal(signertest.VectorsJSON(), &file))
	require.Len(t, file.Vectors, len(vs))
	names := map[string]bool{}
	for i, v := range vs {
		assert.False(t, names[v.Name], "%s twice", v.Name)
		names[v.Name] = true
		assert.NotEmpty(t, v.Source, v.Name)
		assert.NotEmpty(t, v.Want, v.Name)
		var back map[string]any
		require.NoError(t, json.Unmarshal([]byte(v.Request.JSON()), &back))
		assert.Equal(t, file.Vectors[i].Request, back, v.Name)
	}
	vs[0].Want["signature"] = "changed"
	assert.NotEqual(t, "changed", signertest.Vectors()[0].Want["signature"], "Vectors returns copies")
}

func TestSignerRequest(t *testing.T) {
	r := signertest.Request{Method: "POST", URL: "https://h/", SignatureMethod: "PLAINTEXT", Transport: "query",
		BodyHash: true, Params: [][]string{{"a", "1"}}}
	got := r.Signer()
	assert.Equal(t, signer.Request{Method: "POST", URL: "https://h/", SignatureMethod: signer.PLAINTEXT,
		Transport: signer.TransportQuery, BodyHash: true, Params: []signer.Param{{Name: "a", Value: "1"}}}, got)
}

// TestBenchmarkRequests checks the benchmark requests' shapes and that
// each signs.
func TestBenchmarkRequests(t *testing.T) {
	x, err := signer.Sign(signertest.XExample().Signer())
	require.NoError(t, err)
	assert.Equal(t, "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=", x.Signature, "the X page's signature")

	many := signertest.ManyParams(1000)
	assert.Equal(t, 999, strings.Count(many.URL, "&"))
	assert.Equal(t, "GET", many.Method)
	body := signertest.MediaUpload(1 << 20)
	assert.GreaterOrEqual(t, len(body.Body), 1<<20)
	assert.Less(t, len(body.Body), 1<<20+1<<14)
	assert.Equal(t, body.Body, signertest.MediaUpload(1<<20).Body, "the same bytes on every call")
	for _, lines := range []bool{true, false} {
		j := signertest.JSONBody(1<<20, lines)
		assert.True(t, strings.HasPrefix(j.Body, signertest.JSONBodyPrefix))
		assert.True(t, json.Valid([]byte(j.Body)))
		assert.True(t, json.Valid([]byte(`{"edit":12345`+strings.TrimPrefix(j.Body, signertest.JSONBodyPrefix))))
		assert.Equal(t, lines, strings.Contains(j.Body, "\n  {"))
	}
	for name, r := range map[string]signertest.Request{"ManyParams": many, "MediaUpload": body, "JSONBody": signertest.JSONBody(1<<16, true)} {
		_, err := signer.Sign(r.Signer())
		assert.NoError(t, err, name)
	}
}
