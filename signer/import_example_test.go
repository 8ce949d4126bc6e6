package signer_test

import (
	"fmt"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// ExampleImport reads a curl command, as a browser's "Copy as cURL" or
// Postman writes it, and verifies its signature with the secrets.
func ExampleImport() {
	im, err := signer.Import(`curl 'https://api.x.com/1.1/statuses/update.json?include_entities=true' \
  -H 'Authorization: OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"' \
  --data-raw 'status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21' \
  --compressed`)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := im.Request
	fmt.Println(im.Format, r.Method, r.URL)
	fmt.Println(r.ContentType)
	fmt.Println(r.ConsumerKey, r.SignatureMethod, r.Timestamp, r.Transport)
	fmt.Println(im.Signature)
	fmt.Println(im.Unparsed)

	r.ConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
	r.TokenSecret = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
	v, err := signer.Verify(r, im.Signature, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Valid)
	// Output:
	// curl POST https://api.x.com/1.1/statuses/update.json?include_entities=true
	// application/x-www-form-urlencoded
	// xvz1evFS4wEEPTGEFPHBog HMAC-SHA1 1318622958 header
	// Ls93hJiZbQ3akF3HF3x1Bz8/zU4=
	// [curl option --compressed]
	// true
}

// ExampleImport_rawHTTP reads the request of RFC 5849 section 3.1 as a
// proxy log prints it, its Authorization header folded over several lines.
func ExampleImport_rawHTTP() {
	im, err := signer.Import(`POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b HTTP/1.1
Host: example.com
Content-Type: application/x-www-form-urlencoded
Authorization: OAuth realm="Example",
               oauth_consumer_key="9djdj82h48djs9d2",
               oauth_token="kkk9d7dh3k39sjv7",
               oauth_signature_method="HMAC-SHA1",
               oauth_timestamp="137131201",
               oauth_nonce="7d8f3e4a",
               oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"

c2&a3=2+q`)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := im.Request
	fmt.Println(im.Format, r.Method, r.URL)
	fmt.Printf("body %q, realm %q, sent in the %s\n", r.Body, r.Realm, r.Transport)
	fmt.Println(im.Signature)
	fmt.Println(im.Unparsed)
	// Output:
	// http POST https://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b
	// body "c2&a3=2+q", realm "Example", sent in the header
	// bYT5CMsGcbgUdFHObYMEfcx6bsw=
	// [assumed https]
}
