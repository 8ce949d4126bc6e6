package provider

import (
	"crypto/rand"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
)

// DefaultTimestampWindow is how far a request's oauth_timestamp may be
// from the provider's clock, either way, when Config leaves it zero: the
// five minutes servers commonly allow (RFC 5849 section 3.3).
const DefaultTimestampWindow = 300 * time.Second

// DefaultRequestTokenLifetime is how long an unexchanged request token
// stays valid when Config leaves it zero (RFC 5849 section 2.1 leaves it
// to the server).
const DefaultRequestTokenLifetime = 15 * time.Minute

// The page's published demo app: the consumer key and secret of X's
// "Creating a signature" documentation page, registered when a Config
// names no consumer. They are published, so they are not secrets.
const (
	DemoConsumerKey    = "xvz1evFS4wEEPTGEFPHBog"
	DemoConsumerSecret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"
)

// The simulated resource owner every authorization is granted by: the
// user of X's own documentation examples.
const (
	UserID         = "6253282"
	UserScreenName = "twitterapi"
)

// Host is the only host the provider answers for (https only).
const Host = "api.x.com"

// A Consumer is a registered client (RFC 5849 section 1.1): its key and
// shared secret, for HMAC and PLAINTEXT, and/or an RSA public key (PEM)
// for the RSA methods.
type Consumer struct {
	Key       string // client identifier, oauth_consumer_key
	Secret    string // client shared-secret; may be empty for an RSA-only client
	PublicKey string // PEM RSA public key or certificate; empty for none
}

// Config configures a Provider. The zero Config is the demo app, the
// system clock, a 300-second timestamp window and crypto/rand.
type Config struct {
	Consumers []Consumer // registered clients; none means the demo app

	Now                  func() time.Time // the provider's clock; nil means time.Now
	TimestampWindow      time.Duration    // oauth_timestamp tolerance either way; 0 means DefaultTimestampWindow
	RequestTokenLifetime time.Duration    // 0 means DefaultRequestTokenLifetime
	Rand                 io.Reader        // source of tokens, secrets and verifiers; nil means crypto/rand
}

// Provider is an in-memory OAuth 1.0a service provider (RFC 5849 section
// 2). Its methods are safe for concurrent use.
type Provider struct {
	mu        sync.Mutex
	consumers []Consumer
	now       func() time.Time
	window    time.Duration
	lifetime  time.Duration
	rand      io.Reader

	requestTokens map[string]*requestToken // by oauth_token
	accessTokens  map[string]*accessToken  // by oauth_token
	bearers       map[string]string        // bearer token → consumer key
	nonces        nonceStore
}

// New returns a provider with cfg's consumers registered and no token
// issued. A consumer without a key, with neither a secret nor a public
// key, with a public key that does not parse, or registered twice is a
// *signer.FieldError naming consumerKey, consumerSecret or publicKey.
func New(cfg Config) (*Provider, error) {
	p := &Provider{now: cfg.Now, window: cfg.TimestampWindow, lifetime: cfg.RequestTokenLifetime, rand: cfg.Rand,
		requestTokens: map[string]*requestToken{}, accessTokens: map[string]*accessToken{}, bearers: map[string]string{}}
	if p.now == nil {
		p.now = time.Now
	}
	if p.window < 0 {
		return nil, &signer.FieldError{Field: "timestampWindow", Reason: "must not be negative", Err: signer.ErrMalformed}
	}
	if p.window == 0 {
		p.window = DefaultTimestampWindow
	}
	if p.lifetime <= 0 {
		p.lifetime = DefaultRequestTokenLifetime
	}
	if p.rand == nil {
		p.rand = rand.Reader
	}
	consumers := cfg.Consumers
	if len(consumers) == 0 {
		consumers = []Consumer{{Key: DemoConsumerKey, Secret: DemoConsumerSecret}}
	}
	for _, c := range consumers {
		if err := p.register(c); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// register adds c to the registered consumers (RFC 5849 section 1.1).
func (p *Provider) register(c Consumer) error {
	switch {
	case c.Key == "":
		return &signer.FieldError{Field: "consumerKey", Reason: "is empty: register the consumer key the client signs with", Err: signer.ErrRequired}
	case c.Secret == "" && c.PublicKey == "":
		return &signer.FieldError{Field: "consumerSecret", Reason: "is empty: register a consumer secret or, for RSA, a public key", Err: signer.ErrRequired}
	case p.consumer(c.Key) != nil:
		return &signer.FieldError{Field: "consumerKey", Reason: "is registered already", Err: signer.ErrMalformed}
	}
	if c.PublicKey != "" {
		if _, err := rsamethods.ParsePublicKey(c.PublicKey); err != nil {
			return err
		}
	}
	p.consumers = append(p.consumers, c)
	return nil
}

// consumer returns the registered consumer with key, or nil.
func (p *Provider) consumer(key string) *Consumer {
	for i := range p.consumers {
		if p.consumers[i].Key == key {
			return &p.consumers[i]
		}
	}
	return nil
}

// Window returns the timestamp window, either way of the clock.
func (p *Provider) Window() time.Duration { return p.window }

// acceptableTimestamps is the oauth_acceptable_timestamps value of the
// Problem Reporting extension: the lowest and highest acceptable
// timestamps, joined with "-".
func (p *Provider) acceptableTimestamps(now time.Time) string {
	lo, hi := now.Add(-p.window).Unix(), now.Add(p.window).Unix()
	return strconv.FormatInt(lo, 10) + "-" + strconv.FormatInt(hi, 10)
}
