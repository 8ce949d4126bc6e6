package provider_test

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/provider"
)

// Example walks the PIN flow against the provider with the demo app, a
// fixed clock and a seeded random source, and shows the refusal of a
// request signed with the wrong token secret.
func Example() {
	now := time.Unix(1318622958, 0)
	p, err := provider.New(provider.Config{Now: func() time.Time { return now }, Rand: rand.NewChaCha8([32]byte{})})
	if err != nil {
		fmt.Println(err)
		return
	}
	nonce := 0
	send := func(r signer.Request) *provider.Response {
		nonce++
		r.ConsumerKey, r.ConsumerSecret = provider.DemoConsumerKey, provider.DemoConsumerSecret
		r.Nonce, r.Timestamp = fmt.Sprint("nonce", nonce), "1318622958"
		res, err := signer.Sign(r)
		if err != nil {
			panic(err)
		}
		answer, err := p.Serve(provider.Request{Method: r.Method, URL: r.URL, Authorization: res.AuthorizationHeader})
		if err != nil {
			panic(err)
		}
		return answer
	}

	leg1 := send(signer.Request{Method: "POST", URL: "https://api.x.com/oauth/request_token", Callback: "oob"})
	rt, _ := url.ParseQuery(leg1.Body)
	fmt.Println(leg1.Status, "oauth_callback_confirmed =", rt.Get("oauth_callback_confirmed"))

	page, _ := p.Serve(provider.Request{Method: "GET", URL: "https://api.x.com/oauth/authorize?oauth_token=" + rt.Get("oauth_token")})
	_, after, _ := strings.Cut(page.Body, "<code>")
	pin, _, _ := strings.Cut(after, "</code>")
	fmt.Println(page.Status, "PIN of", len(pin), "digits")

	leg3 := send(signer.Request{Method: "POST", URL: "https://api.x.com/oauth/access_token",
		Token: rt.Get("oauth_token"), TokenSecret: rt.Get("oauth_token_secret"), Verifier: pin})
	at, _ := url.ParseQuery(leg3.Body)
	fmt.Println(leg3.Status, at.Get("user_id"), at.Get("screen_name"))

	wrong := send(signer.Request{Method: "GET", URL: "https://api.x.com/1.1/account/verify_credentials.json",
		Token: at.Get("oauth_token"), TokenSecret: rt.Get("oauth_token_secret")})
	refusal, _ := url.ParseQuery(wrong.Body)
	fmt.Println(wrong.Status, refusal.Get("oauth_problem"))
	fmt.Println(refusal.Get("debug_sbs")[:60])
	// Output:
	// 200 oauth_callback_confirmed = true
	// 200 PIN of 7 digits
	// 200 6253282 twitterapi
	// 401 signature_invalid
	// GET&https%3A%2F%2Fapi.x.com%2F1.1%2Faccount%2Fverify_credent
}
