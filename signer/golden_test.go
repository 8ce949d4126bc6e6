package signer

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vectorFile is testdata/vectors.json: published vectors with their
// requests in the JS API's field names, so the wasm tests under Node run
// the very same table through oauth1.sign.
type vectorFile struct {
	Vectors []vector `json:"vectors"`
}

type vector struct {
	Name      string            `json:"name"`
	Source    string            `json:"source"`
	Note      string            `json:"note"`
	Published string            `json:"published"` // a printed value that does not reproduce
	Request   jsRequest         `json:"request"`
	Want      map[string]string `json:"want"`
}

// jsRequest is the JS API's request object.
type jsRequest struct {
	Method          string     `json:"method"`
	URL             string     `json:"url"`
	Body            string     `json:"body"`
	ContentType     string     `json:"contentType"`
	ConsumerKey     string     `json:"consumerKey"`
	ConsumerSecret  string     `json:"consumerSecret"`
	Token           string     `json:"token"`
	TokenSecret     string     `json:"tokenSecret"`
	PrivateKey      string     `json:"privateKey"`
	SignatureMethod string     `json:"signatureMethod"`
	Nonce           string     `json:"nonce"`
	Timestamp       string     `json:"timestamp"`
	Version         string     `json:"version"`
	Realm           string     `json:"realm"`
	Callback        string     `json:"callback"`
	Verifier        string     `json:"verifier"`
	BodyHash        bool       `json:"bodyHash"`
	Transport       string     `json:"transport"`
	Params          [][]string `json:"params"`
}

func (j jsRequest) request() Request {
	r := Request{
		Method: j.Method, URL: j.URL, Body: j.Body, ContentType: j.ContentType,
		ConsumerKey: j.ConsumerKey, ConsumerSecret: j.ConsumerSecret, Token: j.Token, TokenSecret: j.TokenSecret,
		PrivateKey: j.PrivateKey, SignatureMethod: SignatureMethod(j.SignatureMethod),
		Nonce: j.Nonce, Timestamp: j.Timestamp, Version: j.Version,
		Realm: j.Realm, Callback: j.Callback, Verifier: j.Verifier, BodyHash: j.BodyHash, Transport: Transport(j.Transport),
	}
	for _, p := range j.Params {
		r.Params = append(r.Params, Param{Name: p[0], Value: p[1]})
	}
	return r
}

func loadVectors(t *testing.T) []vector {
	t.Helper()
	b, err := os.ReadFile("testdata/vectors.json")
	require.NoError(t, err)
	var f vectorFile
	require.NoError(t, json.Unmarshal(b, &f))
	require.NotEmpty(t, f.Vectors)
	return f.Vectors
}

// resultField returns what a vector's want key names in a Result: a
// result field, or the value of a step.
func resultField(res *Result, key string) (string, bool) {
	switch key {
	case "signature":
		return res.Signature, true
	case "baseString":
		return res.SignatureBaseString, true
	case "signingKey":
		return res.SigningKey, true
	case "authorization":
		return res.AuthorizationHeader, true
	case "publicKey":
		return res.PublicKey, true
	case "bodyHash":
		return res.BodyHash, true
	}
	for _, s := range res.Steps {
		if s.ID == key {
			return s.Value, true
		}
	}
	return "", false
}

// TestVectors runs every published vector of testdata/vectors.json,
// pinning each intermediate string it gives, not only the signature; and
// verifies each signature back.
func TestVectors(t *testing.T) {
	for _, v := range loadVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			req := v.Request.request()
			res, err := Sign(req)
			require.NoError(t, err)
			for key, want := range v.Want {
				got, ok := resultField(res, key)
				require.True(t, ok, "unknown want key %q", key)
				assert.Equal(t, want, got, "%s of %s (%s)", key, v.Name, v.Source)
			}
			if v.Published != "" {
				assert.NotEqual(t, v.Published, res.Signature, "the published value is known not to reproduce: %s", v.Note)
			}
			ver, err := Verify(req, res.Signature, "")
			require.NoError(t, err)
			assert.True(t, ver.Valid, ver.Reason)
		})
	}
}
