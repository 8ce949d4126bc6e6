package signer_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// TestVerificationWarnings checks the clock-free warnings of Verify on
// one request edited a field at a time (RFC 5849 sections 3.1 and 3.3):
// only a valid signature gets signature-cannot-show.
func TestVerificationWarnings(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(r *signer.Request)
		valid bool
		want  []string
	}{
		{"none but what a signature cannot show", func(r *signer.Request) {}, true, []string{"signature-cannot-show"}},
		{"millisecond timestamp", func(r *signer.Request) { r.Timestamp = "1318622958000" }, true, []string{"timestamp-milliseconds", "signature-cannot-show"}},
		{"12 digits are seconds", func(r *signer.Request) { r.Timestamp = "131862295800" }, true, []string{"signature-cannot-show"}},
		{"timestamp not digits", func(r *signer.Request) { r.Timestamp = "1318622958.5" }, true, []string{"timestamp-not-digits", "signature-cannot-show"}},
		{"version 2.0", func(r *signer.Request) { r.Version = "2.0" }, true, []string{"version-not-1.0", "signature-cannot-show"}},
		{"version sent empty", func(r *signer.Request) {
			r.Version = ""
			r.Params = append(r.Params, signer.Param{Name: "oauth_version", Value: "", Source: signer.SourceProtocol})
		}, true, []string{"version-not-1.0", "signature-cannot-show"}},
		{"no version", func(r *signer.Request) { r.Version = "" }, true, []string{"signature-cannot-show"}},
		{"invalid signature", func(r *signer.Request) { r.Version = "1.1"; r.ConsumerSecret = "wrong" }, false, []string{"version-not-1.0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true")
			tc.edit(&r)
			want := r
			want.ConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
			signed, err := signer.Sign(want)
			require.NoError(t, err)
			v, err := signer.Verify(r, signed.Signature, "")
			require.NoError(t, err)
			assert.Equal(t, tc.valid, v.Valid, v.Reason)
			assert.Equal(t, tc.want, warningIDs(v.Warnings))
			for _, w := range v.Warnings {
				assert.NotContains(t, w.Text, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "a warning never quotes a secret")
				assert.NotContains(t, w.Text, "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE")
			}
		})
	}
}

// TestSignWarnings checks that Sign's Result carries the request's own
// warnings, and never signature-cannot-show.
func TestSignWarnings(t *testing.T) {
	tests := []struct {
		timestamp, version string
		want               []string
	}{
		{"1318622958", "1.0", nil},
		{"", "", nil}, // generated: digits, now
		{"abc", "1.0", []string{"timestamp-not-digits"}},
		{"1318622958000", "1.0a", []string{"timestamp-milliseconds", "version-not-1.0"}},
	}
	for _, tc := range tests {
		t.Run(tc.timestamp+" "+tc.version, func(t *testing.T) {
			r := xExample("https://api.x.com/1.1/statuses/update.json")
			r.Timestamp, r.Version = tc.timestamp, tc.version
			res, err := signer.Sign(r)
			require.NoError(t, err)
			assert.Equal(t, tc.want, warningIDs(res.Warnings))
		})
	}
}

// TestTimestampWarnings checks the clock's warnings: more than 5 minutes
// from now, said in the two largest units, ahead or behind; a 13-digit
// timestamp read as milliseconds (RFC 5849 section 3.3).
func TestTimestampWarnings(t *testing.T) {
	now := time.Unix(1764547200, 0) // 2025-12-01 00:00:00 UTC
	at := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).Unix(), 10) }
	atMilli := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).UnixMilli(), 10) }
	const day = 24 * time.Hour
	tests := []struct {
		name, timestamp string
		want            string // the text's span and direction; empty for no warning
	}{
		{"now", at(0), ""},
		{"4 minutes 59 seconds ahead", at(5*time.Minute - time.Second), ""},
		{"5 minutes behind", at(-5 * time.Minute), ""},
		{"5 minutes 1 second behind", at(-5*time.Minute - time.Second), "5 minutes behind"},
		{"7 minutes ahead", at(7 * time.Minute), "7 minutes ahead of"},
		{"1 hour 5 minutes behind", at(-65 * time.Minute), "1 hour 5 minutes behind"},
		{"3 days 2 hours ahead", at(3*day + 2*time.Hour + 10*time.Minute), "3 days 2 hours ahead of"},
		{"1 day, minutes not said", at(day + 30*time.Minute), "1 day ahead of"},
		{"2 years 10 days behind", at(-(2*365*day + 10*day)), "2 years 10 days behind"},
		{"zero", "0", "55 years 348 days behind"},
		{"milliseconds, on time", atMilli(-time.Second), ""},
		{"milliseconds, an hour behind", atMilli(-time.Hour), "(read as milliseconds) is 1 hour behind"},
		{"more digits than int64", "99999999999999999999", "far more than a thousand years ahead of"},
		{"empty", "", ""},
		{"not digits", "abc", ""},
		{"negative", "-1", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := signer.TimestampWarnings(tc.timestamp, now)
			if tc.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, "timestamp-skew", got[0].ID)
			assert.Contains(t, got[0].Text, tc.want+" this computer's clock")
		})
	}
}

// ExampleTimestampWarnings shows the warning for a client whose clock is
// three days ahead: a server refuses the request although its signature
// is right.
func ExampleTimestampWarnings() {
	now := time.Date(2025, 12, 1, 12, 0, 0, 0, time.UTC)
	sent := now.Add(3*24*time.Hour + 2*time.Hour).Unix()
	for _, w := range signer.TimestampWarnings(strconv.FormatInt(sent, 10), now) {
		first, _, _ := strings.Cut(w.Text, ". ")
		fmt.Println(w.ID)
		fmt.Println(first + ".")
	}
	// Output:
	// timestamp-skew
	// The timestamp is 3 days 2 hours ahead of this computer's clock.
}

// TestWarningIDs checks that WarningIDs lists each ID once, returns a
// copy, and holds every ID the tests above see.
func TestWarningIDs(t *testing.T) {
	ids := signer.WarningIDs()
	seen := map[string]bool{}
	for _, id := range ids {
		assert.False(t, seen[id], "listed twice: %s", id)
		seen[id] = true
	}
	for _, id := range []string{"timestamp-milliseconds", "timestamp-not-digits", "timestamp-skew", "version-not-1.0",
		"body-hash-on-form", "plaintext-no-nonce", "signature-cannot-show"} {
		assert.True(t, seen[id], id)
	}
	ids[0] = "changed"
	assert.False(t, slices.Contains(signer.WarningIDs(), "changed"), "WarningIDs returns a copy")
}

// FuzzTimestampWarnings checks that any timestamp and clock give at most
// one warning, of a listed ID, whose text never quotes the timestamp.
func FuzzTimestampWarnings(f *testing.F) {
	for _, s := range []string{"", "0", "1318622958", "1318622958000", "abc", "-1", "99999999999999999999", "１２３"} {
		f.Add(s, int64(1764547200))
	}
	f.Fuzz(func(t *testing.T, timestamp string, now int64) {
		got := signer.TimestampWarnings(timestamp, time.Unix(now, 0))
		require.LessOrEqual(t, len(got), 1)
		for _, w := range got {
			require.Contains(t, signer.WarningIDs(), w.ID)
			if len(timestamp) >= 6 { // shorter ones may be a number the text says, such as 1970
				require.NotContains(t, w.Text, timestamp)
			}
		}
	})
}
