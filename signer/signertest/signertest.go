// Package signertest provides test data for package signer and for the
// programs built on it, in the manner of net/http/httptest and
// testing/fstest: the published OAuth 1.0a test vectors, with their
// requests in the JS API's field names and their conversion to
// [signer.Request], and the requests the benchmarks sign.
//
// It is for tests and test tools only; the product never imports it.
package signertest

import (
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// vectorsJSON is testdata/vectors.json: each vector names its public
// source; its request uses the JS API's field names, and want pins
// intermediate strings by result field or step id.
//
//go:embed testdata/vectors.json
var vectorsJSON []byte

// A Vector is one published test vector.
type Vector struct {
	Name      string            `json:"name"`
	Source    string            `json:"source"`              // where it is published, or how it was computed
	Note      string            `json:"note,omitempty"`      // prose for readers
	Published string            `json:"published,omitempty"` // a value the source prints that does not reproduce
	Request   Request           `json:"request"`
	Want      map[string]string `json:"want"` // result field (see [Value]) or step id → expected value
}

// SignerRequest returns the vector's request as a [signer.Request].
func (v Vector) SignerRequest() signer.Request { return v.Request.Signer() }

// Request is a request as the JS API's oauth1.sign takes it: the same
// field names, and parameters as [name, value] pairs. Empty fields are
// left out of its JSON, as a JS caller leaves them out.
type Request struct {
	Method          string     `json:"method,omitempty"`
	URL             string     `json:"url,omitempty"`
	Body            string     `json:"body,omitempty"`
	ContentType     string     `json:"contentType,omitempty"`
	ConsumerKey     string     `json:"consumerKey,omitempty"`
	ConsumerSecret  string     `json:"consumerSecret,omitempty"`
	Token           string     `json:"token,omitempty"`
	TokenSecret     string     `json:"tokenSecret,omitempty"`
	PrivateKey      string     `json:"privateKey,omitempty"`
	SignatureMethod string     `json:"signatureMethod,omitempty"`
	Nonce           string     `json:"nonce,omitempty"`
	Timestamp       string     `json:"timestamp,omitempty"`
	Version         string     `json:"version,omitempty"`
	Realm           string     `json:"realm,omitempty"`
	Callback        string     `json:"callback,omitempty"`
	Verifier        string     `json:"verifier,omitempty"`
	BodyHash        bool       `json:"bodyHash,omitempty"`
	Transport       string     `json:"transport,omitempty"`
	Params          [][]string `json:"params,omitempty"`
}

// Signer returns r as a [signer.Request].
func (r Request) Signer() signer.Request {
	s := signer.Request{
		Method: r.Method, URL: r.URL, Body: r.Body, ContentType: r.ContentType,
		ConsumerKey: r.ConsumerKey, ConsumerSecret: r.ConsumerSecret, Token: r.Token, TokenSecret: r.TokenSecret,
		PrivateKey: r.PrivateKey, SignatureMethod: signer.SignatureMethod(r.SignatureMethod),
		Nonce: r.Nonce, Timestamp: r.Timestamp, Version: r.Version,
		Realm: r.Realm, Callback: r.Callback, Verifier: r.Verifier, BodyHash: r.BodyHash,
		Transport: signer.Transport(r.Transport),
	}
	for _, p := range r.Params {
		s.Params = append(s.Params, signer.Param{Name: p[0], Value: p[1]})
	}
	return s
}

// JSON returns r as the JSON object a JS caller passes to oauth1.sign.
func (r Request) JSON() string {
	b, err := json.Marshal(r)
	if err != nil {
		panic("signertest: " + err.Error()) // strings and a bool always marshal
	}
	return string(b)
}

var vectors = sync.OnceValue(func() []Vector {
	var f struct {
		Vectors []Vector `json:"vectors"`
	}
	if err := json.Unmarshal(vectorsJSON, &f); err != nil {
		panic("signertest: testdata/vectors.json: " + err.Error())
	}
	return f.Vectors
})

// Vectors returns the published test vectors, in the file's order. The
// slice and its maps are the caller's own.
func Vectors() []Vector {
	out := append([]Vector(nil), vectors()...)
	for i := range out {
		out[i].Want = maps.Clone(out[i].Want)
		out[i].Request.Params = append([][]string(nil), out[i].Request.Params...)
	}
	return out
}

// VectorsJSON returns the vectors file as it is stored, for a caller that
// hands it on as it is (to JavaScript, say).
func VectorsJSON() []byte { return append([]byte(nil), vectorsJSON...) }

// Value returns what a vector's want key names in a signing result: one of
// the result fields signature, baseString, signingKey, authorization,
// publicKey and bodyHash (the JS API's names), or the value of the step
// with that id.
func Value(res *signer.Result, key string) (string, bool) {
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

// XExample returns the request of the X developer documentation's
// "Creating a signature" page,
// https://docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature:
// a status update, HMAC-SHA1, whose signature the page prints as
// Ls93hJiZbQ3akF3HF3x1Bz8/zU4=.
func XExample() Request {
	return Request{
		Method:          "POST",
		URL:             "https://api.x.com/1.1/statuses/update.json?include_entities=true",
		Body:            "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21",
		ContentType:     "application/x-www-form-urlencoded",
		ConsumerKey:     "xvz1evFS4wEEPTGEFPHBog",
		ConsumerSecret:  "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
		Token:           "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
		TokenSecret:     "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
		SignatureMethod: "HMAC-SHA1",
		Nonce:           "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
		Timestamp:       "1318622958",
		Version:         "1.0",
	}
}

// ManyParams returns the X example as a GET with n query parameters
// shaped like a real search API call, about 45 bytes each: a repeated name
// with distinct values, an exact duplicate pair, bracketed filter names,
// free text with "+" spaces and UTF-8 escapes, and opaque tokens.
func ManyParams(n int) Request {
	r := XExample()
	r.Method, r.URL, r.Body, r.ContentType = "GET", ManyParamsURL(n), "", ""
	return r
}

// ManyParamsURL returns the URL of [ManyParams].
func ManyParamsURL(n int) string {
	var b strings.Builder
	b.WriteString("https://api.x.com/2/tweets/search/recent?")
	for i := range n {
		if i > 0 {
			b.WriteByte('&')
		}
		switch i % 5 {
		case 0: // duplicate name, distinct values
			b.WriteString(fmt.Sprintf("ids=%d", 1445880548472328192+i))
		case 1: // exact duplicate pair
			b.WriteString("tweet.fields=created_at%2Cauthor_id%2Cpublic_metrics%2Centities")
		case 2:
			b.WriteString(fmt.Sprintf("filter%%5B%d%%5D=lang%%3Aen+-is%%3Aretweet", i))
		case 3:
			b.WriteString(fmt.Sprintf("q%d=caf%%C3%%A9+au+lait+%%E2%%98%%95+%d", i, i))
		case 4:
			b.WriteString(fmt.Sprintf("next_token=b26v89c19zqg8o3fpzbkk%08x", i*2654435761))
		}
	}
	return b.String()
}

// MediaUpload returns the X example as a media upload with a form-encoded
// body of at least size bytes, as X's v1.1 media/upload takes it: the file
// base64-encoded in media_data, so every "+", "/" and "=" is
// percent-encoded. The bytes are pseudo-random, the same on every call.
func MediaUpload(size int) Request {
	r := XExample()
	r.URL = "https://upload.x.com/1.1/media/upload.json"
	r.Body = mediaBody(size)
	return r
}

func mediaBody(size int) string {
	const head = "media_category=tweet_image&media_data="
	raw := make([]byte, size*3/4*95/100) // base64 grows 4/3, escapes ~6%
	rng := rand.New(rand.NewPCG(1, 2))
	for {
		for i := range raw {
			raw[i] = byte(rng.Uint32())
		}
		body := head + signer.PercentEncode(base64.StdEncoding.EncodeToString(raw))
		if len(body) >= size {
			return body
		}
		raw = append(raw, make([]byte, (size-len(body))*3/4+3)...)
	}
}

// JSONBodyPrefix is how a [JSONBody] body starts: replacing it with
// `{"edit":N` for any number N keeps the body valid JSON.
const JSONBodyPrefix = `{"edit":0`

// JSONBody returns the X example's credentials on a POST of a JSON
// document of about size bytes, with the body hash on (the body is not
// form-encoded, so only oauth_body_hash covers it). With lines, each item
// is on a line of its own (about 140 bytes); without, the document is one
// line, as minified JSON is.
func JSONBody(size int, lines bool) Request {
	r := XExample()
	r.Method, r.URL, r.ContentType, r.BodyHash = "POST", "https://api.example.com/1.1/documents/update.json", "application/json", true
	var b strings.Builder
	b.WriteString(`,"items":[`)
	for i := 0; b.Len() < size-64; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		if lines {
			b.WriteString("\n  ")
		}
		b.WriteString(fmt.Sprintf(`{"id":%d,"sku":"SKU-%06d","name":"Café au lait n°%d","price":%d.%02d,"tags":["hot","drink","☕"],"note":"line one\nline \"two\""}`,
			i, i*7919%1000000, i, 2+i%9, i%100))
	}
	b.WriteString(`]}`)
	r.Body = JSONBodyPrefix + b.String()
	return r
}
