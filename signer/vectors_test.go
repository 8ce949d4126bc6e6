package signer_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

// xParamString is the parameter string the developer.twitter.com edition
// prints verbatim; it is the same in every edition.
const xParamString = "include_entities=true&oauth_consumer_key=xvz1evFS4wEEPTGEFPHBog&oauth_nonce=kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1318622958&oauth_token=370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb&oauth_version=1.0&status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21"

const xBaseTail = "&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"

// TestSignXEditions pins every intermediate string of the three X doc
// editions: https://docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature,
// its earlier copy at
// https://developer.twitter.com/en/docs/authentication/oauth-1-0a/creating-a-signature
// and the /1/-era dev.twitter.com page that ddo/oauth-1.0a and
// dghubble/oauth1 test against.
func TestSignXEditions(t *testing.T) {
	tests := []struct {
		name, url, baseURI, baseString, digest, signature string
	}{
		{
			name:       "V1.a docs.x.com api.x.com/1.1",
			url:        "https://api.x.com/1.1/statuses/update.json?include_entities=true",
			baseURI:    "https://api.x.com/1.1/statuses/update.json",
			baseString: "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json" + xBaseTail,
			digest:     "2E CF 77 84 98 99 6D 0D DA 90 5D C7 17 7C 75 07 3F 3F CD 4E",
			signature:  "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=",
		},
		{
			name:       "V1.b developer.twitter.com api.twitter.com/1.1",
			url:        "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
			baseURI:    "https://api.twitter.com/1.1/statuses/update.json",
			baseString: "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json" + xBaseTail,
			digest:     "84 2B 52 99 88 7E 88 76 02 12 A0 56 AC 4E C2 EE 16 26 B5 49",
			signature:  "hCtSmYh+iHYCEqBWrE7C7hYmtUk=",
		},
		{
			name:       "V1.c dev.twitter.com api.twitter.com/1",
			url:        "https://api.twitter.com/1/statuses/update.json?include_entities=true",
			baseURI:    "https://api.twitter.com/1/statuses/update.json",
			baseString: "POST&https%3A%2F%2Fapi.twitter.com%2F1%2Fstatuses%2Fupdate.json" + xBaseTail,
			digest:     "B6 79 C0 AF 18 F4 E9 C5 87 AB 8E 20 0A CD 4E 48 A9 3F 8C B6",
			signature:  "tnnArxj06cWHq44gCs1OSKk/jLY=",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Sign(xExample(tc.url))
			require.NoError(t, err)
			steps := stepValues(got)
			assert.Equal(t, xParamString, steps[signer.StepParameterString])
			assert.Equal(t, tc.baseURI, steps[signer.StepBaseStringURI])
			assert.Equal(t, tc.baseString, got.SignatureBaseString)
			assert.Equal(t, tc.baseString, steps[signer.StepSignatureBaseString])
			assert.Equal(t, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE", got.SigningKey)
			assert.Equal(t, tc.digest, steps[signer.StepDigest])
			assert.Equal(t, tc.signature, got.Signature)
			assert.Equal(t, tc.signature, steps[signer.StepSignature])
		})
	}
}

// TestSignXHeader checks the header against the "Authorizing a request"
// page, https://docs.x.com/fundamentals/authentication/oauth-1-0a/authorizing-a-request,
// which prints the /1/-era signature: the dev.twitter.com
// edition's request reproduces it byte for byte.
func TestSignXHeader(t *testing.T) {
	got, err := signer.Sign(xExample("https://api.twitter.com/1/statuses/update.json?include_entities=true"))
	require.NoError(t, err)
	want := `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"`
	assert.Equal(t, want, got.AuthorizationHeader)
}

// TestSignVectors checks signatures and base strings of the other published
// HMAC vectors; each case is named after its source.
func TestSignVectors(t *testing.T) {
	rfc := func(r signer.Request) signer.Request {
		r.ConsumerKey, r.ConsumerSecret = "dpf43f3p2l4k3l03", "kd94hf93k423kf44"
		return r
	}
	tests := []struct {
		name       string
		req        signer.Request
		baseString string // "" = not pinned
		signature  string
	}{
		{
			name: "V5.a RFC 5849 1.2 temporary credentials (no token)",
			req: rfc(signer.Request{Method: "POST", URL: "https://photos.example.net/initiate",
				Timestamp: "137131200", Nonce: "wIjqoS", Params: []signer.Param{{Name: "oauth_callback", Value: "http://printer.example.com/ready"}}}),
			baseString: "POST&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200",
			signature:  "74KNZJeDHnMBp0EMJ9ZHt/XKycU=",
		},
		{
			name: "V5.b RFC 5849 1.2 token credentials",
			req: rfc(signer.Request{Method: "POST", URL: "https://photos.example.net/token", Token: "hh5s93j4hdidpola", TokenSecret: "hdhd0244k9j7ao03",
				Timestamp: "137131201", Nonce: "walatlh", Params: []signer.Param{{Name: "oauth_verifier", Value: "hfdp7dh39dks9884"}}}),
			baseString: "POST&https%3A%2F%2Fphotos.example.net%2Ftoken&oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dwalatlh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dhh5s93j4hdidpola%26oauth_verifier%3Dhfdp7dh39dks9884",
			signature:  "gKgrFCywp7rO0OXSjdot/IHF7IU=",
		},
		{
			name: "V5.c RFC 5849 1.2 protected resource over plain http",
			req: rfc(signer.Request{Method: "GET", URL: "http://photos.example.net/photos?file=vacation.jpg&size=original", Token: "nnch734d00sl2jdk", TokenSecret: "pfkkdhi9sl3r4s00",
				Timestamp: "137131202", Nonce: "chapoH"}),
			baseString: "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal",
			signature:  "MdpQcU8iPSUjWoN/UDMsK2sui9I=",
		},
		{
			// RFC 5849 section 3.4.1 prints bYT5CMsGcbgUdFHObYMEfcx6bsw=,
			// which no implementation reproduces from the printed inputs
			// (erratum 2550); the base string printed there is right and
			// signs to r6/TJjbCOr97/+UU0NsvSne7s5g=.
			name: "V6 RFC 5849 3.4.1 worked example, corrected signature",
			req: signer.Request{Method: "POST", URL: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
				Body: "c2&a3=2+q", ContentType: "application/x-www-form-urlencoded",
				ConsumerKey: "9djdj82h48djs9d2", ConsumerSecret: "j49sk3j29djd", Token: "kkk9d7dh3k39sjv7", TokenSecret: "dh893hdasih9",
				Timestamp: "137131201", Nonce: "7d8f3e4a"},
			baseString: "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
			signature:  "r6/TJjbCOr97/+UU0NsvSne7s5g=",
		},
		{
			name: "V9.4 OAuth Core 1.0a appendix A.5",
			req: rfc(signer.Request{Method: "GET", URL: "http://photos.example.net/photos?file=vacation.jpg&size=original", Token: "nnch734d00sl2jdk", TokenSecret: "pfkkdhi9sl3r4s00",
				Timestamp: "1191242096", Nonce: "kllo9940pd9333jh", Version: "1.0"}),
			baseString: "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal",
			signature:  "tR3+Ty81lMeYAr/Fid0kMTYa/WM=",
		},
		{
			name: "V4 Japanese status (UTF-8 then double encoding)",
			req: signer.Request{Method: "POST", URL: "http://api.twitter.com/1/statuses/update.json",
				Body: "status=" + signer.PercentEncode("setting up my twitter 私のさえずりを設定する"), ContentType: "application/x-www-form-urlencoded",
				ConsumerKey: "GDdmIQH6jhtmLUypg82g", ConsumerSecret: "MCD8BKwGdgPHvAuvgvz4EQpqDAtx89grbuNMRd7Eh98",
				Token: "819797-Jxq8aYUDRmykzVKrgoLhXSq67TEa5ruc4GJC2rWimw", TokenSecret: "J6zix3FfA9LofH0awS24M3HcBYXO5nI1iYe8EfBA",
				Timestamp: "1272325550", Nonce: "oElnnMTQIZvqvlfXM56aBLAf5noGD0AQR3Fmi7Q6Y", Version: "1.0"},
			baseString: "POST&http%3A%2F%2Fapi.twitter.com%2F1%2Fstatuses%2Fupdate.json&oauth_consumer_key%3DGDdmIQH6jhtmLUypg82g%26oauth_nonce%3DoElnnMTQIZvqvlfXM56aBLAf5noGD0AQR3Fmi7Q6Y%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1272325550%26oauth_token%3D819797-Jxq8aYUDRmykzVKrgoLhXSq67TEa5ruc4GJC2rWimw%26oauth_version%3D1.0%26status%3Dsetting%2520up%2520my%2520twitter%2520%25E7%25A7%2581%25E3%2581%25AE%25E3%2581%2595%25E3%2581%2588%25E3%2581%259A%25E3%2582%258A%25E3%2582%2592%25E8%25A8%25AD%25E5%25AE%259A%25E3%2581%2599%25E3%2582%258B",
			signature:  "yOahq5m0YjDDjfjxHaXEsW9D+X0=",
		},
		{
			name: "V1 computed HMAC-SHA256 variant",
			req: func() signer.Request {
				r := xExample("https://api.twitter.com/1.1/statuses/update.json?include_entities=true")
				r.SignatureMethod = signer.HMACSHA256
				return r
			}(),
			signature: "PLbq+OWUE2vwiOZeZBSR06GFvymUHoaBdCIHyD66IcM=",
		},
		{
			name: "V1 computed HMAC-SHA512 variant",
			req: func() signer.Request {
				r := xExample("https://api.twitter.com/1.1/statuses/update.json?include_entities=true")
				r.SignatureMethod = signer.HMACSHA512
				return r
			}(),
			signature: "ta9JePmJt1S/7R6BAUHkep3LWcFN+Aj9UFDAUiEQI6Fs9nxZSyy4aSOESAfc50pgzBKLR6P815BuOo4YerzBIA==",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := signer.Sign(tc.req)
			require.NoError(t, err)
			if tc.baseString != "" {
				assert.Equal(t, tc.baseString, got.SignatureBaseString)
			}
			assert.Equal(t, tc.signature, got.Signature)
		})
	}
}

// TestSignSteps checks the step list's shape: every id, in order, each with
// a title and an RFC section, and only the signing key marked secret.
func TestSignSteps(t *testing.T) {
	got, err := signer.Sign(xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true"))
	require.NoError(t, err)
	var ids []string
	for _, s := range got.Steps {
		ids = append(ids, s.ID)
		assert.NotEmpty(t, s.Title, s.ID)
		assert.NotEmpty(t, s.RFC, s.ID)
		assert.Equal(t, s.ID == signer.StepSigningKey, s.Secret, s.ID)
	}
	assert.Equal(t, []string{signer.StepParameters, signer.StepEncoded, signer.StepSorted, signer.StepParameterString, signer.StepBaseStringURI,
		signer.StepSignatureBaseString, signer.StepSigningKey, signer.StepDigest, signer.StepSignature, signer.StepAuthorizationHeader}, ids)

	steps := map[string]signer.Step{}
	for _, s := range got.Steps {
		steps[s.ID] = s
	}
	// Collected in request order, each with its source.
	assert.Equal(t, signer.Param{"include_entities", "true", signer.SourceQuery}, steps[signer.StepParameters].Params[0])
	assert.Equal(t, signer.Param{"status", "Hello Ladies + Gentlemen, a signed OAuth request!", signer.SourceBody}, steps[signer.StepParameters].Params[1])
	assert.Equal(t, signer.Param{"oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog", signer.SourceProtocol}, steps[signer.StepParameters].Params[2])
	assert.Equal(t, "status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21", strings.Split(steps[signer.StepEncoded].Value, "\n")[1])
	assert.Equal(t, []string{"POST", "https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json", signer.PercentEncode(xParamString)}, steps[signer.StepSignatureBaseString].Parts)
	assert.Equal(t, []signer.Note{{ID: "query-removed", Text: "The query was removed from the URI; its parameters are signed as parameters."}}, steps[signer.StepBaseStringURI].Notes)
}

func stepValues(r *signer.Result) map[string]string {
	m := map[string]string{}
	for _, s := range r.Steps {
		m[s.ID] = s.Value
	}
	return m
}

// TestVectors runs every published vector of signertest/testdata/vectors.json,
// pinning each intermediate string it gives, not only the signature; and
// verifies each signature back.
func TestVectors(t *testing.T) {
	for _, v := range signertest.Vectors() {
		t.Run(v.Name, func(t *testing.T) {
			req := v.SignerRequest()
			res, err := signer.Sign(req)
			require.NoError(t, err)
			for key, want := range v.Want {
				got, ok := signertest.Value(res, key)
				require.True(t, ok, "unknown want key %q", key)
				assert.Equal(t, want, got, "%s of %s (%s)", key, v.Name, v.Source)
			}
			if v.Published != "" {
				assert.NotEqual(t, v.Published, res.Signature, "the published value is known not to reproduce: %s", v.Note)
			}
			ver, err := signer.Verify(req, res.Signature, "")
			require.NoError(t, err)
			assert.True(t, ver.Valid, ver.Reason)
		})
	}
}
