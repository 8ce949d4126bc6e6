package signer

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// xBaseString is the X example's base string, as the X documentation
// prints it ("Creating a signature").
const xBaseString = "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"

// TestJudgeBaseString judges base strings on their own: each deviation from
// the normal form is named with the catalogue's ids, and the normal form
// (hand-written here) is what a correct signer builds.
func TestJudgeBaseString(t *testing.T) {
	tests := []struct {
		name, received, normal string
		ids                    []string
	}{
		{"well-formed", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3Dx%2520y", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3Dx%2520y", nil},
		{"plus for space", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3Dx%2By", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3Dx%2520y", []string{"plus-for-space"}},
		{"not sorted", "GET&https%3A%2F%2Fh%2Fp&b%3D2%26a%3D1", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2", []string{"not-sorted"}},
		{"repeated name not sorted by value", "GET&https%3A%2F%2Fh%2Fp&a%3D2%26a%3D10%26a%3D1", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26a%3D10%26a%3D2", []string{"not-sorted"}},
		{"lower-case hex, outer", "GET&https%3a%2f%2fh%2fp&a%3d1", "GET&https%3A%2F%2Fh%2Fp&a%3D1", []string{"lower-case-hex"}},
		{"lower-case hex, inner", "GET&https%3A%2F%2Fh%2Fp&a%3Dx%252cy", "GET&https%3A%2F%2Fh%2Fp&a%3Dx%252Cy", []string{"lower-case-hex"}},
		{"default port kept", "GET&https%3A%2F%2Fh%3A443%2Fp&a%3D1", "GET&https%3A%2F%2Fh%2Fp&a%3D1", []string{"default-port-kept"}},
		{"other port kept", "GET&https%3A%2F%2Fh%3A8443%2Fp&a%3D1", "GET&https%3A%2F%2Fh%3A8443%2Fp&a%3D1", nil},
		{"host case", "GET&https%3A%2F%2FAPI.Example.COM%2Fp&a%3D1", "GET&https%3A%2F%2Fapi.example.com%2Fp&a%3D1", []string{"host-case"}},
		{"path case kept", "GET&https%3A%2F%2Fh%2FRequestToken&a%3D1", "GET&https%3A%2F%2Fh%2FRequestToken&a%3D1", nil},
		{"scheme case", "GET&HTTPS%3A%2F%2Fh%2Fp&a%3D1", "GET&https%3A%2F%2Fh%2Fp&a%3D1", []string{"scheme-case"}},
		{"method lower case", "post&https%3A%2F%2Fh%2Fp&a%3D1", "POST&https%3A%2F%2Fh%2Fp&a%3D1", []string{"method-lower-case"}},
		{"parameter string not re-encoded", "GET&https%3A%2F%2Fh%2Fp&a=1&b=x%20y", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3Dx%2520y", []string{"param-string-not-reencoded"}},
		{"query in the base URI, signed too", "GET&https%3A%2F%2Fh%2Fp%3Fa%3D1&a%3D1%26b%3D2", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2", []string{"query-in-base-uri"}},
		{"query in the base URI only", "GET&https%3A%2F%2Fh%2Fp%3Fa%3D1&b%3D2", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3D2", []string{"query-in-base-uri"}},
		{"encodeURIComponent", "GET&https%3A%2F%2Fh%2Fp&s%3Dit's%2520ok!", "GET&https%3A%2F%2Fh%2Fp&s%3Dit%2527s%2520ok%2521", []string{"encode-uri-component"}},
		{"tilde encoded", "GET&https%3A%2F%2Fh%2Fp&s%3D%257Ex", "GET&https%3A%2F%2Fh%2Fp&s%3D~x", []string{"tilde-encoded"}},
		{"empty path", "GET&https%3A%2F%2Fh&a%3D1", "GET&https%3A%2F%2Fh%2F&a%3D1", []string{"empty-path-no-slash"}},
		{"path decoded", "GET&https%3A%2F%2Fh%2Fa%20b%2Fcaf%C3%A9&a%3D1", "GET&https%3A%2F%2Fh%2Fa%2520b%2Fcaf%25C3%25A9&a%3D1", []string{"path-decoded"}},
		{"path as sent", "GET&https%3A%2F%2Fh%2Fa%2520b&a%3D1", "GET&https%3A%2F%2Fh%2Fa%2520b&a%3D1", nil},
		{"oauth_signature signed", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26oauth_signature%3Dabc%253D", "GET&https%3A%2F%2Fh%2Fp&a%3D1", []string{"signature-signed"}},
		{"realm signed", "GET&https%3A%2F%2Fh%2Fp&a%3D1%26realm%3DPhotos", "GET&https%3A%2F%2Fh%2Fp&a%3D1", []string{"realm-signed"}},
		{"Latin-1", "GET&https%3A%2F%2Fh%2Fp&s%3Dcaf%25E9", "GET&https%3A%2F%2Fh%2Fp&s%3Dcaf%25C3%25A9", []string{"not-utf8"}},
		{"empty value keeps its =", "GET&https%3A%2F%2Fh%2Fp&a%3D%26b%3D1", "GET&https%3A%2F%2Fh%2Fp&a%3D%26b%3D1", nil},
		{"several at once", "get&https%3A%2F%2FH%3A443&b%3Dx%2By%26a%3D1", "GET&https%3A%2F%2Fh%2F&a%3D1%26b%3Dx%2520y",
			[]string{"plus-for-space", "method-lower-case", "host-case", "default-port-kept", "empty-path-no-slash", "not-sorted"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := JudgeBaseString(tc.received)
			require.NoError(t, err)
			assert.Equal(t, tc.normal, got.Expected)
			assert.ElementsMatch(t, tc.ids, mistakeIDs(got.Mistakes))
			assert.Equal(t, len(tc.ids) > 0, got.Matched)
			assert.Equal(t, tc.normal == tc.received, got.Correct)
			require.NotNil(t, got.Diff)
			assert.Equal(t, tc.normal == tc.received, len(got.Diff.Differences) == 0)
			for _, m := range got.Mistakes {
				assert.NotEmpty(t, m.Fix, m.ID)
			}
			again, err := JudgeBaseString(got.Expected)
			require.NoError(t, err)
			assert.True(t, again.Correct, "the normal form is well-formed")
		})
	}
}

// TestJudgeBaseStringServerReplies judges the base string a server quotes
// in its reply: oauth_problem=signature_invalid with debug_sbs, its value
// form-encoded (as an application/x-www-form-urlencoded reply encodes it)
// or pasted raw, with its own "&" (as replies are often printed).
func TestJudgeBaseStringServerReplies(t *testing.T) {
	tests := []struct {
		name, reply string
		correct     bool
		ids         []string
	}{
		{"form-encoded debug_sbs", "oauth_problem=signature_invalid&debug_sbs=" + url.QueryEscape(xBaseString) + "&oauth_acceptable_timestamps=1318622000-1318623000", true, nil},
		{"raw debug_sbs", "oauth_problem=signature_invalid&debug_sbs=" + xBaseString, true, nil},
		{"raw debug_sbs, client's host case", "oauth_problem=signature_invalid&debug_sbs=" + strings.Replace(xBaseString, "api.x.com", "API.X.com", 1) + "\n", false, []string{"host-case"}},
		{"Yahoo-shaped debug_sbs of a request-token call", "oauth_problem=signature_invalid&debug_sbs=GET&https%3A%2F%2Fapi.login.yahoo.com%2Foauth%2Fv2%2Fget_request_token&oauth_callback%3Doob%26oauth_consumer_key%3Ddj0yJmk9%26oauth_nonce%3D1234%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_version%3D1.0", true, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := JudgeBaseString(tc.reply)
			require.NoError(t, err)
			assert.Equal(t, tc.correct, got.Correct)
			assert.ElementsMatch(t, tc.ids, mistakeIDs(got.Mistakes))
		})
	}
	got, err := JudgeBaseString("oauth_problem=signature_invalid&debug_sbs=" + xBaseString)
	require.NoError(t, err)
	assert.Equal(t, xBaseString, got.Expected)
}

// TestDiagnoseBaseStringAlone: with no request, DiagnoseBaseString judges
// the base string on its own.
func TestDiagnoseBaseStringAlone(t *testing.T) {
	bs := "GET&https%3A%2F%2Fh%2Fp&b%3D2%26a%3D1"
	want, err := JudgeBaseString(bs)
	require.NoError(t, err)
	got, err := DiagnoseBaseString(Request{}, bs)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, []string{"not-sorted"}, mistakeIDs(got.Mistakes))
}

// TestJudgeBaseStringErrors: what is not a base string is a field error on
// baseString that does not quote it.
func TestJudgeBaseStringErrors(t *testing.T) {
	for _, in := range []string{"", "  ", "GET", "GET&https%3A%2F%2Fh", "GET&secret-not-a-url&a%3D1", "&https%3A%2F%2Fh%2F&", "G T&https%3A%2F%2Fh%2F&",
		"GET&https%3A%2F%2Fh%2F&a%3D%ZZ", "GET&ftp%3A%2F%2Fh%2F&", "GET&https%3A%2F%2F%2Fsecret&"} {
		_, err := JudgeBaseString(in)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, "%q", in)
		assert.Equal(t, "baseString", fe.Field)
		if strings.Contains(in, "secret") {
			assert.NotContains(t, err.Error(), "secret")
		}
	}
}

// FuzzJudgeBaseString: JudgeBaseString never panics, and the normal form
// it gives is judged well-formed (idempotence).
func FuzzJudgeBaseString(f *testing.F) {
	for _, s := range []string{xBaseString, "GET&https%3A%2F%2Fh%2Fp&a%3D1%26b%3Dx%2By", "post&HTTPS%3A%2F%2FH%3A443&b=1&a=2",
		"GET&https%3A%2F%2Fh%2Fp%3Fa%3D1%23f&a%3D1", "GET&http%3A%2F%2F%5B%3A%3A1%5D%3A80%2F&", "oauth_problem=x&debug_sbs=" + xBaseString,
		"GET&https%3A%2F%2Fh%2Fa%20b&s%3Dcaf%25E9%26oauth_signature%3Dx%26realm%3Dr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := JudgeBaseString(s)
		if err != nil {
			return
		}
		again, err := JudgeBaseString(got.Expected)
		if err != nil {
			t.Fatalf("the normal form %q of %q is refused: %v", got.Expected, s, err)
		}
		if !again.Correct || again.Expected != got.Expected {
			t.Fatalf("the normal form %q of %q is judged %v, normal form %q", got.Expected, s, mistakeIDs(again.Mistakes), again.Expected)
		}
	})
}
