package signer

import (
	"strconv"
	"strings"
	"time"
)

// A Warning is something about a request that a server may refuse it for
// although its signature is right, or that a valid signature cannot show.
// ID is one of the Warning* constants (pages translate on it); Text is a
// short English sentence that never quotes a secret.
type Warning struct {
	ID   string
	Text string
}

// Stable warning IDs: every ID a [Warning] from this package can have.
const (
	WarningTimestampMilliseconds = "timestamp-milliseconds" // RFC 5849 section 3.3: seconds, not milliseconds
	WarningTimestampNotDigits    = "timestamp-not-digits"   // section 3.3: a positive integer
	WarningTimestampSkew         = "timestamp-skew"         // section 3.3: servers refuse old timestamps
	WarningVersionNot10          = "version-not-1.0"        // section 3.1: "1.0" if present
	WarningBodyHashOnForm        = "body-hash-on-form"      // draft-eaton-oauth-bodyhash section 4.1.1
	WarningPlaintextNoNonce      = "plaintext-no-nonce"     // section 3.1: PLAINTEXT may omit nonce and timestamp
	WarningSignatureCannotShow   = "signature-cannot-show"  // section 3.2: what else a server checks
)

// WarningIDs returns every ID a [Warning] from this package can have, so
// that a page can check it has words for each. The slice is a copy.
func WarningIDs() []string {
	return []string{
		WarningTimestampMilliseconds, WarningTimestampNotDigits, WarningTimestampSkew,
		WarningVersionNot10, WarningBodyHashOnForm, WarningPlaintextNoNonce, WarningSignatureCannotShow,
	}
}

// maxSkew is how far from a server's clock a timestamp is commonly
// accepted; RFC 5849 section 3.3 leaves the window to the server.
const maxSkew = 5 * time.Minute

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// isMillisecondTimestamp reports whether a timestamp of digits counts
// milliseconds: 13 digits, which seconds since 1970 reach only in the
// year 33658.
func isMillisecondTimestamp(ts string) bool { return len(ts) == 13 && isDigits(ts) }

// requestWarnings returns the warnings a request's own parameters give,
// whatever the clock: a timestamp in milliseconds or not made of digits,
// and an oauth_version other than "1.0" (RFC 5849 sections 3.1 and 3.3).
func requestWarnings(params []Param) []Warning {
	var out []Warning
	for _, p := range params {
		switch p.Name {
		case oauthTimestamp:
			switch {
			case !isDigits(p.Value):
				out = append(out, Warning{WarningTimestampNotDigits, "The timestamp is not made of digits only. It is signed as it is, but a server expects a whole number of seconds since 1970 (RFC 5849 section 3.3) and may refuse it."})
			case isMillisecondTimestamp(p.Value):
				out = append(out, Warning{WarningTimestampMilliseconds, "The timestamp has 13 digits: it counts milliseconds, where RFC 5849 section 3.3 wants seconds since 1970. A server reads it as thousands of years ahead and refuses it; divide it by 1000."})
			}
		case oauthVersion:
			if p.Value != "1.0" {
				out = append(out, Warning{WarningVersionNot10, "oauth_version is not \"1.0\": RFC 5849 section 3.1 allows only \"1.0\" (or no oauth_version at all), and servers refuse other values."})
			}
		}
	}
	return out
}

// cannotShow is the warning added to every valid verification: what a
// server checks that a signature cannot show (RFC 5849 sections 3.2 and 4).
var cannotShow = Warning{WarningSignatureCannotShow, "A valid signature shows only that these inputs and secrets produce it. It cannot show that the keys are still the current ones (not regenerated since), that the token belongs to this consumer key's app, that the app has the permissions the request needs, that the nonce was not used before, or that the server's clock accepts the timestamp."}

// TimestampWarnings returns the warnings a timestamp gives against a
// clock: one of id timestamp-skew when it is more than 5 minutes from now,
// saying by how much (RFC 5849 section 3.3 leaves the window to the
// server; 5 minutes is common). A 13-digit timestamp is read as
// milliseconds, so a millisecond timestamp that is otherwise on time gives
// none here: [Verification.Warnings] already names it. An empty timestamp
// or one not made of digits gives none either.
func TimestampWarnings(timestamp string, now time.Time) []Warning {
	if !isDigits(timestamp) {
		return nil
	}
	n, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil { // more digits than an int64 holds
		return []Warning{{WarningTimestampSkew, "The timestamp is far more than a thousand years ahead of this computer's clock. " + skewAdvice}}
	}
	nowUnits, read := now.Unix(), ""
	if isMillisecondTimestamp(timestamp) {
		nowUnits, read = now.UnixMilli(), " (read as milliseconds)"
	}
	diff := n - nowUnits
	ahead := diff > 0
	if !ahead {
		diff = -diff
	}
	if read != "" {
		diff /= 1000
	}
	if diff <= int64(maxSkew/time.Second) {
		return nil
	}
	where := "behind"
	if ahead {
		where = "ahead of"
	}
	return []Warning{{WarningTimestampSkew, "The timestamp" + read + " is " + spanText(diff) + " " + where + " this computer's clock. " + skewAdvice}}
}

const skewAdvice = "Servers commonly refuse a timestamp more than 5 minutes from their own clock (RFC 5849 section 3.3): check the clock of the machine that signed, or that the timestamp is seconds since 1970."

// spanText says a number of seconds, more than a minute, in its two
// largest units, e.g. "3 days 2 hours" or "7 minutes".
func spanText(secs int64) string {
	const day = 24 * 3600
	units := []struct {
		size int64
		name string
	}{{365 * day, "year"}, {day, "day"}, {3600, "hour"}, {60, "minute"}}
	var parts []string
	for _, u := range units {
		if len(parts) == 2 || len(parts) == 1 && secs < u.size {
			break
		}
		n := secs / u.size
		if n == 0 {
			continue
		}
		secs -= n * u.size
		name := u.name
		if n != 1 {
			name += "s"
		}
		parts = append(parts, strconv.FormatInt(n, 10)+" "+name)
	}
	return strings.Join(parts, " ")
}
