package signer

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// authHeaderCanary stands for a secret pasted into a bad header: no error
// message may contain it.
const authHeaderCanary = "CANARY-s3cr3t-value"

// xDocHeader is the Authorization header of X's "Authorizing a request"
// page.
const xDocHeader = `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjLY%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"`

// rfcFoldedHeader is the header of RFC 5849 section 1.2, folded across
// lines as the RFC prints it, header name included.
const rfcFoldedHeader = "Authorization: OAuth realm=\"Photos\",\n" +
	"   oauth_consumer_key=\"dpf43f3p2l4k3l03\",\n" +
	"   oauth_signature_method=\"HMAC-SHA1\",\n" +
	"   oauth_timestamp=\"137131200\",\n" +
	"   oauth_nonce=\"wIjqoS\",\n" +
	"   oauth_callback=\"http%3A%2F%2Fprinter.example.com%2Fready\",\n" +
	"   oauth_signature=\"74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D\""

// protocolParams builds SourceProtocol params from name, value pairs.
func protocolParams(kv ...string) []Param {
	var out []Param
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, Param{Name: kv[i], Value: kv[i+1], Source: SourceProtocol})
	}
	return out
}

func TestParseAuthorizationHeader(t *testing.T) {
	tests := []struct {
		name, in  string
		wantRealm string
		want      []Param
	}{
		{"X doc header", xDocHeader, "", protocolParams(
			"oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog",
			"oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
			"oauth_signature", "tnnArxj06cWHq44gCs1OSKk/jLY=",
			"oauth_signature_method", "HMAC-SHA1",
			"oauth_timestamp", "1318622958",
			"oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
			"oauth_version", "1.0")},
		{"RFC 5849 1.2 folded with realm", rfcFoldedHeader, "Photos", protocolParams(
			"oauth_consumer_key", "dpf43f3p2l4k3l03",
			"oauth_signature_method", "HMAC-SHA1",
			"oauth_timestamp", "137131200",
			"oauth_nonce", "wIjqoS",
			"oauth_callback", "http://printer.example.com/ready",
			"oauth_signature", "74KNZJeDHnMBp0EMJ9ZHt/XKycU=")},
		{"lower-case scheme", `oauth oauth_token="t"`, "", protocolParams("oauth_token", "t")},
		{"upper-case header name and scheme", "AUTHORIZATION :\tOAUTH oauth_token=\"t\"", "", protocolParams("oauth_token", "t")},
		{"escaped quotes in realm", `OAuth realm="say \"hi\" \\ bye", oauth_token="t"`, `say "hi" \ bye`, protocolParams("oauth_token", "t")},
		{"escaped quote in value", `OAuth a="q\"x"`, "", protocolParams("a", `q"x`)},
		{"unquoted values", "OAuth oauth_token=abc, oauth_signature=tnnArxj06cWHq44gCs1OSKk/jLY=, oauth_nonce=n%3D, oauth_version=1.0", "",
			protocolParams("oauth_token", "abc", "oauth_signature", "tnnArxj06cWHq44gCs1OSKk/jLY=", "oauth_nonce", "n=", "oauth_version", "1.0")},
		{"unquoted realm", "OAuth realm=Photos, a=1", "Photos", protocolParams("a", "1")},
		{"duplicates kept in order", `OAuth a="2", a="1", a="2"`, "", protocolParams("a", "2", "a", "1", "a", "2")},
		{"plus is not a space", `OAuth a="x+y%20z%2B"`, "", protocolParams("a", "x+y z+")},
		{"lower-case hex", `OAuth a="%2f"`, "", protocolParams("a", "/")},
		{"percent-encoded name", `OAuth x%21y="1"`, "", protocolParams("x!y", "1")},
		{"realm not percent-decoded", `OAuth realm="a%20b 100%", a="1"`, "a%20b 100%", protocolParams("a", "1")},
		{"realm name any case", `OAuth Realm="R", a="1"`, "R", protocolParams("a", "1")},
		{"realm not first", `OAuth a="1", realm="R"`, "R", protocolParams("a", "1")},
		{"realm only", `OAuth realm="Photos"`, "Photos", nil},
		{"empty values", `OAuth a="", b=, c=`, "", protocolParams("a", "", "b", "", "c", "")},
		{"space, tab and CRLF around = and commas", "\r\n OAuth\r\n\ta = \"1\" ,\r\n\tb=\t\"2\"\r\n", "", protocolParams("a", "1", "b", "2")},
		{"no space after commas", `OAuth a="1",b="2"`, "", protocolParams("a", "1", "b", "2")},
		{"empty list elements", `OAuth , a="1",, b="2",`, "", protocolParams("a", "1", "b", "2")},
		{"unicode", `OAuth a="%E2%98%83", b="☃"`, "", protocolParams("a", "☃", "b", "☃")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			realm, got, err := ParseAuthorizationHeader(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.wantRealm, realm, "realm: got %q, want %q", realm, tc.wantRealm)
			assert.Equal(t, tc.want, got, "params of %q", tc.in)
		})
	}
}

// TestParseAuthorizationHeaderErrors checks that each malformed header
// gives a FieldError for "authorization" wrapping ErrMalformed whose message
// says what is wrong and never contains what was pasted.
func TestParseAuthorizationHeaderErrors(t *testing.T) {
	c := authHeaderCanary
	tests := []struct {
		name, in string
		wantIn   string // a part of the reason
	}{
		{"Bearer scheme", "Bearer " + c, "uses the Bearer scheme, not OAuth"},
		{"basic scheme any case", "Authorization: basic " + c, "uses the Basic scheme, not OAuth"},
		{"Digest scheme", `Digest username="` + c + `"`, "uses the Digest scheme, not OAuth"},
		{"unknown scheme", c + ` a="b"`, "does not use the OAuth scheme"},
		{"scheme glued to parameters", `OAuth` + c + `="x"`, "starts with a parameter, not the scheme"},
		{"scheme missing", `oauth_token="` + c + `"`, "starts with a parameter, not the scheme"},
		{"no scheme, quote first", `"` + c + `"`, "does not start with a scheme"},
		{"unterminated quote", `OAuth oauth_token="` + c, "oauth_token has a value whose opening quote is never closed"},
		{"unterminated quote after backslash", `OAuth a="` + c + `\`, "the 1st parameter has a value whose opening quote"},
		{"unterminated realm", `OAuth realm="` + c + `, a="b`, "no comma after realm's value"},
		{"pair without =", `OAuth a="1", b="2", ` + c + `, d="4"`, `the 3rd parameter has no "="`},
		{"known name without =", `OAuth oauth_token "` + c + `"`, `oauth_token has no "="`},
		{"empty name", `OAuth a="1", ="` + c + `"`, "the 2nd parameter has an empty name"},
		{"name not a token", `OAuth ("` + c + `")="x"`, "the 1st parameter does not start with a name"},
		{"missing comma", `OAuth a="b" ` + c + `="c"`, "no comma after the 1st parameter's value"},
		{"missing comma, no space", `OAuth oauth_nonce="b"x="` + c + `"`, "no comma after oauth_nonce's value"},
		{"quote inside bare value", `OAuth a=` + c + `"x"`, "no comma after the 1st parameter's value"},
		{"bad percent-escape in value", `OAuth oauth_signature="` + c + `%zz"`, `oauth_signature's value has a "%"`},
		{"truncated percent-escape", `OAuth a="1", b="` + c + `%4"`, `the 2nd parameter's value has a "%"`},
		{"bad percent-escape in name", `OAuth ` + c + `%2="x"`, `the 1st parameter's name has a "%"`},
		{"bad percent-escape in unknown name's value", `OAuth ` + c + `="%g1"`, `the 1st parameter's value has a "%"`},
		{"second realm", `OAuth realm="` + c + `", a="1", realm="` + c + `"`, "has two realm parameters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Contains(t, tc.in, c, "every bad input holds the canary")
			realm, params, err := ParseAuthorizationHeader(tc.in)
			var fe *FieldError
			require.ErrorAs(t, err, &fe, "got realm %q, params %v; want an error", realm, params)
			assert.Equal(t, "authorization", fe.Field)
			assert.ErrorIs(t, err, ErrMalformed)
			assert.Contains(t, fe.Reason, tc.wantIn, "reason: got %q, want it to contain %q", fe.Reason, tc.wantIn)
			assert.NotContains(t, err.Error(), c)
			assert.NotContains(t, err.Error(), "CANARY")
			assert.NotContains(t, err.Error(), "s3cr3t")
			assert.Empty(t, realm)
			assert.Nil(t, params)
		})
	}
}

// TestParseAuthorizationHeaderNothing covers inputs too short to hold a
// secret: nothing, no value, no parameters.
func TestParseAuthorizationHeaderNothing(t *testing.T) {
	tests := []struct{ name, in, wantIn string }{
		{"empty", "", "is empty"},
		{"white space only", " \r\n\t", "is empty"},
		{"header name only", "Authorization:  ", "has the header name but no value"},
		{"scheme only", "OAuth", "has no parameters"},
		{"scheme and commas", "OAuth , ,\r\n", "has no parameters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ParseAuthorizationHeader(tc.in)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "authorization", fe.Field)
			assert.ErrorIs(t, err, ErrMalformed)
			assert.Contains(t, fe.Reason, tc.wantIn, "reason: got %q, want it to contain %q", fe.Reason, tc.wantIn)
		})
	}
}

func TestAuthHeaderOrdinal(t *testing.T) {
	tests := map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th", 112: "112th"}
	for n, want := range tests {
		got := authHeaderOrdinal(n)
		assert.Equal(t, want, got, "authHeaderOrdinal(%d): got %q, want %q", n, got, want)
	}
}

// sortedLikeHeader returns a copy of params in the order AuthorizationHeader
// writes them, by encoded name then encoded value, with Source
// SourceProtocol, as ParseAuthorizationHeader gives them back.
func sortedLikeHeader(params []Param) []Param {
	var out []Param
	for _, p := range params {
		out = append(out, Param{Name: p.Name, Value: p.Value, Source: SourceProtocol})
	}
	sort.SliceStable(out, func(i, j int) bool {
		ni, nj := PercentEncode(out[i].Name), PercentEncode(out[j].Name)
		if ni != nj {
			return ni < nj
		}
		return PercentEncode(out[i].Value) < PercentEncode(out[j].Value)
	})
	return out
}

func TestAuthorizationHeaderRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		realm  string
		params []Param
	}{
		{"X doc parameters", "", protocolParams(
			"oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog", "oauth_signature", "tnnArxj06cWHq44gCs1OSKk/jLY=", "oauth_version", "1.0")},
		{"RFC realm", "Photos", protocolParams("oauth_consumer_key", "dpf43f3p2l4k3l03", "oauth_callback", "http://printer.example.com/ready")},
		{"spaces", "a realm with spaces", protocolParams("a b", "c d", " ", " ")},
		{"plus and percent", "100% + more", protocolParams("a+b", "1+1=2", "%", "%20", "%zz", "%")},
		{"quotes and backslashes", `say "hi" \ \"`, protocolParams(`"`, `"quoted"`, `\`, `\"`)},
		{"unicode", "☃ realm", protocolParams("☃", "snow ☃", "é", "\u3001")},
		{"control characters", "a\r\nb\tc", protocolParams("nl", "a\r\nb", "nul", "\x00")},
		{"empty values", "", protocolParams("a", "", "b", "")},
		{"duplicates", "", protocolParams("a", "2", "a", "1", "a", "1")},
		{"commas and equals", "a, b=c", protocolParams("a,b", "c=d,e", "=", ",")},
		{"realm only", "Photos", nil},
		{"not UTF-8", "\xff\xfe", protocolParams("\xff", "\xc3")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := AuthorizationHeader(tc.realm, tc.params)
			realm, got, err := ParseAuthorizationHeader(h)
			require.NoError(t, err, "header %q", h)
			assert.Equal(t, tc.realm, realm, "realm: got %q, want %q", realm, tc.realm)
			assert.Equal(t, sortedLikeHeader(tc.params), got, "params of %q", h)
		})
	}
}

// FuzzParseAuthorizationHeader checks that no input panics, that every
// error is a FieldError for "authorization" wrapping ErrMalformed, and that
// whatever parses survives AuthorizationHeader and a second parse.
func FuzzParseAuthorizationHeader(f *testing.F) {
	for _, s := range []string{
		xDocHeader, rfcFoldedHeader, "", "OAuth", "OAuth ,", "Bearer x", `OAuth realm="a\"b", a=1`,
		`OAuth a="2", a="1"`, `OAuth a="x+y%20z"`, `OAuth a="%`, `OAuth a="\`, `OAuth ="x"`, `OAuth a="b"c="d"`,
		`OAuth realm="x", realm="y"`, `OAuth x%72ealm="1", %72ealm="2"`, "Authorization : oauth a=b/c=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		realm, params, err := ParseAuthorizationHeader(in)
		if err != nil {
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			require.Equal(t, "authorization", fe.Field)
			require.ErrorIs(t, err, ErrMalformed)
			require.Empty(t, realm)
			require.Nil(t, params)
			return
		}
		for _, p := range params {
			require.Equal(t, SourceProtocol, p.Source)
			if strings.EqualFold(p.Name, "realm") {
				return // written back, "%72ealm" would become a realm
			}
		}
		if realm == "" && len(params) == 0 {
			return // `OAuth realm=""` writes back as "OAuth " alone
		}
		h := AuthorizationHeader(realm, params)
		realm2, params2, err := ParseAuthorizationHeader(h)
		require.NoError(t, err, "header %q written back from %q", h, in)
		require.Equal(t, realm, realm2)
		require.Equal(t, sortedLikeHeader(params), params2)
	})
}

// FuzzAuthorizationHeaderRoundTrip checks that ParseAuthorizationHeader
// gives back what AuthorizationHeader wrote.
func FuzzAuthorizationHeaderRoundTrip(f *testing.F) {
	f.Add("", "oauth_signature", "tnnArxj06cWHq44gCs1OSKk/jLY=", "oauth_version", "1.0")
	f.Add("Photos", "oauth_callback", "http://printer.example.com/ready", "oauth_nonce", "wIjqoS")
	f.Add(`say "hi" \`, "a b", "1+1=2 100%", `"`, "")
	f.Add("☃", "é", "\u3001", "a", "a")
	f.Add("a\r\n", "x,y", "=", "%zz", "\xff")
	f.Fuzz(func(t *testing.T, realm, name1, value1, name2, value2 string) {
		for _, n := range []string{name1, name2} {
			if n == "" || strings.EqualFold(n, "realm") {
				t.Skip("an empty name or a name AuthorizationHeader would write as a realm")
			}
		}
		params := []Param{{Name: name1, Value: value1}, {Name: name2, Value: value2}}
		h := AuthorizationHeader(realm, params)
		gotRealm, got, err := ParseAuthorizationHeader(h)
		require.NoError(t, err, "header %q", h)
		require.Equal(t, realm, gotRealm)
		require.Equal(t, sortedLikeHeader(params), got)
	})
}

// ExampleParseAuthorizationHeader parses the folded header of RFC 5849
// section 1.2 as pasted, header name included.
func ExampleParseAuthorizationHeader() {
	realm, params, err := ParseAuthorizationHeader(`Authorization: OAuth realm="Photos",
    oauth_consumer_key="dpf43f3p2l4k3l03",
    oauth_signature_method="HMAC-SHA1",
    oauth_timestamp="137131200",
    oauth_nonce="wIjqoS",
    oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready",
    oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("realm:", realm)
	for _, p := range params {
		fmt.Printf("%s = %s\n", p.Name, p.Value)
	}

	_, _, err = ParseAuthorizationHeader(`Bearer AAAA-secret`)
	fmt.Println(err, errors.Is(err, ErrMalformed))
	_, _, err = ParseAuthorizationHeader(`OAuth oauth_token="t", oauth_signature="abc%3"`)
	fmt.Println(err)
	// Output:
	// realm: Photos
	// oauth_consumer_key = dpf43f3p2l4k3l03
	// oauth_signature_method = HMAC-SHA1
	// oauth_timestamp = 137131200
	// oauth_nonce = wIjqoS
	// oauth_callback = http://printer.example.com/ready
	// oauth_signature = 74KNZJeDHnMBp0EMJ9ZHt/XKycU=
	// signer: authorization: uses the Bearer scheme, not OAuth true
	// signer: authorization: oauth_signature's value has a "%" that is not followed by two hex digits
}

func TestAuthorizationHeaderRealm(t *testing.T) {
	got := AuthorizationHeader(`Ph"otos`, []Param{{"oauth_b", "2 x", SourceProtocol}, {"oauth_a", "1", SourceProtocol}})
	assert.Equal(t, `OAuth realm="Ph\"otos", oauth_a="1", oauth_b="2%20x"`, got)
}
