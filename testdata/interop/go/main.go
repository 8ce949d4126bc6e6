// Command interop-go lets real Go OAuth 1.0a libraries sign and send each
// case of the interop suite (interop_test.go in the repository root).
//
// Usage: go run . LIBRARY CASES.json, LIBRARY one of dghubble/oauth1,
// mrjones/oauth. Secrets come from the environment (IOP_CONSUMER_SECRET,
// IOP_TOKEN_SECRET, their _SPECIAL variants, IOP_RSA_KEY_FILE), never from the
// case file. One JSON line per case on stdout: {case, sent} or {case, cannot}
// or {case, error}. This is a module of its own so that the libraries stay
// out of the product's go.mod.
package main

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/dghubble/oauth1"
	"github.com/mrjones/oauth"
)

// Case is one request of the suite, as interop_test.go writes it.
type Case struct {
	ID              string      `json:"id"`
	Method          string      `json:"method"`
	URL             string      `json:"url"`
	Body            string      `json:"body"`
	ContentType     string      `json:"contentType"`
	Form            [][2]string `json:"form"`
	SignatureMethod string      `json:"signatureMethod"`
	ConsumerKey     string      `json:"consumerKey"`
	Token           string      `json:"token"`
	Realm           string      `json:"realm"`
	Callback        string      `json:"callback"`
	Verifier        string      `json:"verifier"`
	Transport       string      `json:"transport"`
	Secrets         string      `json:"secrets"`
	BodyHash        bool        `json:"bodyHash"`
}

func secrets(c Case) (string, string) {
	s := ""
	if c.Secrets == "special" {
		s = "_SPECIAL"
	}
	if c.Token == "" {
		return os.Getenv("IOP_CONSUMER_SECRET" + s), "" // no token, no token secret
	}
	return os.Getenv("IOP_CONSUMER_SECRET" + s), os.Getenv("IOP_TOKEN_SECRET" + s)
}

func rsaKey() (*rsa.PrivateKey, error) {
	b, err := os.ReadFile(os.Getenv("IOP_RSA_KEY_FILE"))
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		return nil, errors.New("no PEM block in the key file")
	}
	if k, err := x509.ParsePKCS1PrivateKey(blk.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, err
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("not an RSA key")
	}
	return rk, nil
}

func newRequest(c Case) (*http.Request, error) {
	var body io.Reader
	if c.Body != "" {
		body = strings.NewReader(c.Body)
	}
	req, err := http.NewRequest(c.Method, c.URL, body)
	if err != nil {
		return nil, err
	}
	if c.ContentType != "" {
		req.Header.Set("Content-Type", c.ContentType)
	}
	return req, nil
}

func check(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

var httpClient = &http.Client{Timeout: 10 * time.Second}

// dghubble signs with its Config/Token client (header transport only).
func dghubble(c Case) (string, error) {
	if t := c.Transport; t != "" && t != "header" {
		return "dghubble/oauth1 sends the protocol parameters in the Authorization header only", nil
	}
	cs, ts := secrets(c)
	cfg := oauth1.NewConfig(c.ConsumerKey, cs)
	cfg.Realm = c.Realm
	switch c.SignatureMethod {
	case "", "HMAC-SHA1":
	case "HMAC-SHA256":
		cfg.Signer = &oauth1.HMAC256Signer{ConsumerSecret: cs}
	case "RSA-SHA1":
		k, err := rsaKey()
		if err != nil {
			return "", err
		}
		cfg.Signer = &oauth1.RSASigner{PrivateKey: k}
	default:
		return "dghubble/oauth1 ships no " + c.SignatureMethod + " signer (HMAC-SHA1, HMAC-SHA256, RSA-SHA1)", nil
	}
	ctx := context.WithValue(context.Background(), oauth1.HTTPClient, httpClient)
	switch {
	case c.Callback != "":
		// The request-token step (RFC 5849 section 2.1): POST to the endpoint.
		cfg.CallbackURL = c.Callback
		cfg.Endpoint = oauth1.Endpoint{RequestTokenURL: c.URL, AccessTokenURL: c.URL}
		_, _, err := cfg.RequestToken()
		return "", err
	case c.Verifier != "":
		cfg.Endpoint = oauth1.Endpoint{RequestTokenURL: c.URL, AccessTokenURL: c.URL}
		_, _, err := cfg.AccessToken(c.Token, ts, c.Verifier)
		return "", err
	}
	_ = ctx
	req, err := newRequest(c)
	if err != nil {
		return "", err
	}
	client := oauth1.NewClient(ctx, cfg, oauth1.NewToken(c.Token, ts))
	return "", check(client.Do(req))
}

// mrjones signs with its Consumer's http.Client (MakeHttpClient), the API
// its README recommends, or its token-request calls.
func mrjones(c Case) (string, error) {
	if t := c.Transport; t != "" && t != "header" {
		return "mrjones/oauth sends the protocol parameters in the Authorization header only", nil
	}
	if c.Realm != "" {
		return "mrjones/oauth has no realm option (AdditionalParams would sign it)", nil
	}
	cs, ts := secrets(c)
	sp := oauth.ServiceProvider{RequestTokenUrl: c.URL, AccessTokenUrl: c.URL, AuthorizeTokenUrl: c.URL,
		HttpMethod: c.Method, BodyHash: c.BodyHash}
	var cons *oauth.Consumer
	switch c.SignatureMethod {
	case "", "HMAC-SHA1":
		cons = oauth.NewCustomHttpClientConsumer(c.ConsumerKey, cs, sp, httpClient)
	case "HMAC-SHA256":
		cons = oauth.NewCustomConsumer(c.ConsumerKey, cs, crypto.SHA256, sp, httpClient)
	case "RSA-SHA1":
		k, err := rsaKey()
		if err != nil {
			return "", err
		}
		cons = oauth.NewCustomRSAConsumer(c.ConsumerKey, k, crypto.SHA1, sp, httpClient)
	default:
		return "mrjones/oauth ships no " + c.SignatureMethod + " signer (HMAC-SHA1/256, RSA-SHA1/256)", nil
	}
	switch {
	case c.Callback != "":
		_, _, err := cons.GetRequestTokenAndUrl(c.Callback)
		return "", err
	case c.Verifier != "":
		_, err := cons.AuthorizeToken(&oauth.RequestToken{Token: c.Token, Secret: ts}, c.Verifier)
		return "", err
	}
	client, err := cons.MakeHttpClient(&oauth.AccessToken{Token: c.Token, Secret: ts})
	if err != nil {
		return "", err
	}
	req, err := newRequest(c)
	if err != nil {
		return "", err
	}
	return "", check(client.Do(req))
}

var libraries = map[string]func(Case) (string, error){
	"dghubble/oauth1": dghubble,
	"mrjones/oauth":   mrjones,
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: interop-go LIBRARY CASES.json")
		os.Exit(2)
	}
	run, ok := libraries[os.Args[1]]
	if !ok {
		fmt.Fprintln(os.Stderr, "unknown library")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var cases []Case
	if err := json.Unmarshal(b, &cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	for _, c := range cases {
		out := map[string]any{"case": c.ID}
		why, err := run(c)
		switch {
		case err != nil:
			msg := err.Error()
			if len(msg) > 200 {
				msg = msg[:200]
			}
			out["error"] = msg
		case why != "":
			out["cannot"] = why
		default:
			out["sent"] = true
		}
		_ = enc.Encode(out)
	}
}
