package provider

import (
	"crypto/subtle"
	"io"
	"time"
)

// requestToken is a set of temporary credentials (RFC 5849 section 2.1)
// with the callback it was issued for and, once the user authorized it,
// its verifier (section 2.2).
type requestToken struct {
	token, secret string
	consumer      string // the consumer key it was issued to
	callback      string // an absolute URL, or "oob"
	verifier      string // empty until authorized
	issued        time.Time
	used          bool // exchanged for an access token
}

// accessToken is a set of token credentials (RFC 5849 section 2.3).
type accessToken struct {
	token, secret string
	consumer      string
}

// Limits on what a provider holds, so that a script cannot make it grow
// without end; past them it answers 429, as X does past a rate limit.
const (
	maxRequestTokens = 4096
	maxAccessTokens  = 4096
	maxNonces        = 1 << 17
)

// The alphabets of issued values.
const (
	alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	digits       = "0123456789"
)

// Lengths of issued values, close to X's.
const (
	tokenLength    = 32
	secretLength   = 40
	verifierLength = 32
	pinLength      = 7
	bearerLength   = 80
)

// random returns n characters of alphabet drawn from the provider's
// random source without bias (each octet above the largest multiple of
// len(alphabet) is drawn again).
func (p *Provider) random(n int, alphabet string) (string, error) {
	limit := 256 - 256%len(alphabet)
	out := make([]byte, 0, n)
	buf := make([]byte, n)
	for len(out) < n {
		if _, err := io.ReadFull(p.rand, buf); err != nil {
			return "", err
		}
		for _, b := range buf {
			if int(b) < limit && len(out) < n {
				out = append(out, alphabet[int(b)%len(alphabet)])
			}
		}
	}
	return string(out), nil
}

// randoms draws each of ns lengths of alphanumerics in turn.
func (p *Provider) randoms(ns ...int) ([]string, error) {
	out := make([]string, len(ns))
	for i, n := range ns {
		s, err := p.random(n, alphanumeric)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// equal compares a received credential with an issued one in time that
// does not depend on where they differ.
func equal(received, issued string) bool {
	return subtle.ConstantTimeCompare([]byte(received), []byte(issued)) == 1
}

// pruneRequestTokens drops the request tokens past their lifetime and
// those exchanged, once a lifetime has passed since they were issued.
func (p *Provider) pruneRequestTokens(now time.Time) {
	for k, t := range p.requestTokens {
		if now.Sub(t.issued) > 2*p.lifetime {
			delete(p.requestTokens, k)
		}
	}
}
