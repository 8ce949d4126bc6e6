package snippets_test

import (
	"fmt"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/snippets"
)

// Snippets writes one snippet a library; a library that cannot send the
// request's signature says why.
func ExampleSnippets() {
	ss, err := snippets.Snippets(signer.Request{
		Method: "GET", URL: "https://api.example.com/photos?size=a+b",
		ConsumerKey: "key", ConsumerSecret: "never in a snippet",
		Nonce: "n0nce", Timestamp: "1318622958", Version: "1.0",
	})
	if err != nil {
		panic(err)
	}
	for _, s := range ss {
		fmt.Println(s.ID, s.Supported)
	}
	// Output:
	// curl true
	// python-requests-oauthlib true
	// node-oauth-1.0a false
	// go-dghubble-oauth1 false
	// go-stdlib true
	// php-pecl-oauth true
	// ruby-simple-oauth true
}
