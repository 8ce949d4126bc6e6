package signer_test

import (
	"fmt"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// ExampleSign signs the request of OAuth Core 1.0a appendix A.5 and prints
// every step.
func ExampleSign() {
	res, err := signer.Sign(signer.Request{
		Method:         "GET",
		URL:            "http://photos.example.net/photos?file=vacation.jpg&size=original",
		ConsumerKey:    "dpf43f3p2l4k3l03",
		ConsumerSecret: "kd94hf93k423kf44",
		Token:          "nnch734d00sl2jdk",
		TokenSecret:    "pfkkdhi9sl3r4s00",
		Nonce:          "kllo9940pd9333jh",
		Timestamp:      "1191242096",
		Version:        "1.0",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range res.Steps[3:] {
		fmt.Printf("%s (RFC 5849 §%s):\n%s\n", s.ID, s.RFC, s.Value)
	}
	// Output:
	// parameterString (RFC 5849 §3.4.1.3.2):
	// file=vacation.jpg&oauth_consumer_key=dpf43f3p2l4k3l03&oauth_nonce=kllo9940pd9333jh&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1191242096&oauth_token=nnch734d00sl2jdk&oauth_version=1.0&size=original
	// baseStringURI (RFC 5849 §3.4.1.2):
	// http://photos.example.net/photos
	// signatureBaseString (RFC 5849 §3.4.1.1):
	// GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal
	// signingKey (RFC 5849 §3.4.2):
	// kd94hf93k423kf44&pfkkdhi9sl3r4s00
	// digest (RFC 5849 §3.4.2):
	// B5 1D FE 4F 2F 35 94 C7 98 02 BF C5 89 DD 24 31 36 1A FD 63
	// signature (RFC 5849 §3.4.2):
	// tR3+Ty81lMeYAr/Fid0kMTYa/WM=
	// authorizationHeader (RFC 5849 §3.5.1):
	// OAuth oauth_consumer_key="dpf43f3p2l4k3l03", oauth_nonce="kllo9940pd9333jh", oauth_signature="tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1191242096", oauth_token="nnch734d00sl2jdk", oauth_version="1.0"
}

// ExamplePercentEncode shows RFC 5849 section 3.6 encoding: a space is
// "%20", and "!" is encoded although encodeURIComponent leaves it bare.
func ExamplePercentEncode() {
	fmt.Println(signer.PercentEncode("Ladies + Gentlemen, a signed OAuth request!"))
	fmt.Println(signer.PercentEncode("☃ ~"))
	// Output:
	// Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21
	// %E2%98%83%20~
}

// ExampleBaseStringURI shows that only a scheme's own default port is
// dropped.
func ExampleBaseStringURI() {
	for _, u := range []string{"HTTPS://API.Example.COM:443/1.1/x.json?a=1", "https://api.example.com:80/1.1/x.json", "http://example.com"} {
		uri, notes, _ := signer.BaseStringURI(u)
		fmt.Println(uri)
		for _, n := range notes {
			fmt.Println("  -", n.Text)
		}
	}
	// Output:
	// https://api.example.com/1.1/x.json
	//   - The scheme was lower-cased.
	//   - The host was lower-cased.
	//   - The port 443 was removed: it is the default for https.
	//   - The query was removed from the URI; its parameters are signed as parameters.
	// https://api.example.com:80/1.1/x.json
	// http://example.com/
	//   - The empty path became "/".
}

// ExampleNormalizeParameters sorts duplicate names by their encoded values
// (RFC 5849 section 3.4.1.3.2), here the a3 pair of the RFC's own example.
func ExampleNormalizeParameters() {
	params := []signer.Param{
		{Name: "b5", Value: "=%3D"}, {Name: "a3", Value: "a"}, {Name: "c@", Value: ""},
		{Name: "a2", Value: "r b"}, {Name: "c2", Value: ""}, {Name: "a3", Value: "2 q"},
	}
	fmt.Println(signer.NormalizeParameters(params))
	// Output:
	// a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=
}

// rfcTemporaryCredentials is the temporary credentials request of RFC 5849
// section 1.2, as the client sent it.
func rfcTemporaryCredentials() signer.Request {
	return signer.Request{
		Method:         "POST",
		URL:            "https://photos.example.net/initiate",
		Realm:          "Photos",
		Callback:       "http://printer.example.com/ready",
		ConsumerKey:    "dpf43f3p2l4k3l03",
		ConsumerSecret: "kd94hf93k423kf44",
		Timestamp:      "137131200",
		Nonce:          "wIjqoS",
	}
}

// ExampleVerify checks the signature RFC 5849 section 1.2 prints for its
// temporary credentials request, as it appears in the Authorization
// header (still percent-encoded).
func ExampleVerify() {
	v, err := signer.Verify(rfcTemporaryCredentials(), "74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Valid)
	fmt.Println(v.Reason)
	// Output:
	// true
	// The signature matches: recomputed from these inputs with the secrets (after percent-decoding the value once).
}

// ExampleDiagnoseSignature traces a wrong signature of the RFC 5849
// section 1.2 request to its cause: the key was the consumer secret alone,
// without the "&".
func ExampleDiagnoseSignature() {
	d, err := signer.DiagnoseSignature(rfcTemporaryCredentials(), "BPTcLPnJzkthpRyoYx7n2V4rXKI=", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Correct, d.Matched, d.Expected)
	for _, m := range d.Mistakes {
		fmt.Printf("%s: %s\n%s\n", m.ID, m.Title, m.Fix)
	}
	// Output:
	// false true 74KNZJeDHnMBp0EMJ9ZHt/XKycU=
	// key-consumer-secret-only: Key is the consumer secret alone
	// Always add "&", even when there is no token secret: the key of a request-token call is "consumer_secret&".
}

// ExampleDiagnoseBaseString compares a base string built with the method
// in lower case with the correct one; it needs no secrets.
func ExampleDiagnoseBaseString() {
	r := rfcTemporaryCredentials()
	r.ConsumerSecret = ""
	received := "post&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200"
	d, err := signer.DiagnoseBaseString(r, received)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range d.Mistakes {
		fmt.Println("mistake:", m.ID)
	}
	for _, x := range d.Diff.Differences {
		fmt.Printf("%s: %s\n", x.Kind, x.Text)
	}
	// Output:
	// mistake: method-lower-case
	// method: The method differs: it must be upper case, as sent.
}
