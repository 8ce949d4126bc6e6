package provider

import "time"

// nonceStore remembers the nonces of accepted requests for as long as
// their timestamps are within the window, which is all a server must keep
// to refuse a replay (RFC 5849 section 3.3). A nonce counts per consumer
// whatever its timestamp: a client that reuses one with a new timestamp
// is refused too, which the RFC allows.
type nonceStore struct {
	seen map[nonceKey]time.Time // → the request's timestamp
}

type nonceKey struct{ consumer, nonce string }

// used reports whether consumer sent nonce before, within the window.
func (s *nonceStore) used(consumer, nonce string, now time.Time, window time.Duration) bool {
	ts, ok := s.seen[nonceKey{consumer, nonce}]
	return ok && !expired(ts, now, window)
}

// remember records nonce, pruning the ones no longer needed first. It
// reports false when the store is full of live nonces.
func (s *nonceStore) remember(consumer, nonce string, ts, now time.Time, window time.Duration) bool {
	if s.seen == nil {
		s.seen = map[nonceKey]time.Time{}
	}
	if len(s.seen) >= maxNonces {
		for k, t := range s.seen {
			if expired(t, now, window) {
				delete(s.seen, k)
			}
		}
		if len(s.seen) >= maxNonces {
			return false
		}
	}
	s.seen[nonceKey{consumer, nonce}] = ts
	return true
}

// expired reports whether a request timestamped ts would now be refused
// for its timestamp alone, so that its nonce need not be kept.
func expired(ts, now time.Time, window time.Duration) bool {
	return ts.Before(now.Add(-window))
}
