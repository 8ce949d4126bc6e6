package signer

// Benchmarks of the signer's hot paths. Run with `make bench` or
//
//	go test ./signer -run '^$' -bench . -benchmem

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchQueryURL returns a GET URL with n query parameters shaped like a
// real search API call: numeric ids and field lists (the same name, or the
// whole pair, over and over), bracketed filter names, free text with "+"
// spaces and UTF-8 escapes, and opaque tokens. It is about 45 bytes a
// parameter.
func benchQueryURL(n int) string {
	var b strings.Builder
	b.WriteString("https://api.x.com/2/tweets/search/recent?")
	for i := range n {
		if i > 0 {
			b.WriteByte('&')
		}
		switch i % 5 {
		case 0: // duplicate name, distinct values
			fmt.Fprintf(&b, "ids=%d", 1445880548472328192+i)
		case 1: // exact duplicate pair
			b.WriteString("tweet.fields=created_at%2Cauthor_id%2Cpublic_metrics%2Centities")
		case 2:
			fmt.Fprintf(&b, "filter%%5B%d%%5D=lang%%3Aen+-is%%3Aretweet", i)
		case 3:
			fmt.Fprintf(&b, "q%d=caf%%C3%%A9+au+lait+%%E2%%98%%95+%d", i, i)
		case 4:
			fmt.Fprintf(&b, "next_token=b26v89c19zqg8o3fpzbkk%08x", i*2654435761)
		}
	}
	return b.String()
}

// benchMediaBody returns a form-encoded body of at least size bytes: a
// media upload as X's v1.1 media/upload takes it, the file base64-encoded
// in media_data, so every "+", "/" and "=" is percent-encoded.
func benchMediaBody(size int) string {
	const head = "media_category=tweet_image&media_data="
	raw := make([]byte, size*3/4*95/100) // base64 grows 4/3, escapes ~6%
	rng := rand.New(rand.NewPCG(1, 2))
	for {
		for i := range raw {
			raw[i] = byte(rng.Uint32())
		}
		body := head + PercentEncode(base64.StdEncoding.EncodeToString(raw))
		if len(body) >= size {
			return body
		}
		raw = append(raw, make([]byte, (size-len(body))*3/4+3)...)
	}
}

func BenchmarkSign(b *testing.B) {
	bench := func(name string, r Request) {
		b.Run(name, func(b *testing.B) {
			if _, err := Sign(r); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(r.URL) + len(r.Body)))
			b.ReportAllocs()
			for b.Loop() {
				Sign(r)
			}
		})
	}

	bench("XExample", xExample("https://api.x.com/1.1/statuses/update.json?include_entities=true"))

	r := xExample(benchQueryURL(1000))
	r.Method, r.Body, r.ContentType = "GET", "", ""
	bench("Params1000", r)

	r = xExample("https://upload.x.com/1.1/media/upload.json")
	r.Body = benchMediaBody(1 << 20)
	bench("Body1MB", r)
}

func BenchmarkPercentEncode(b *testing.B) {
	for _, tc := range []struct{ name, in string }{
		{"Unreserved", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"}, // no escapes: no copy
		{"XStatus", "Hello Ladies + Gentlemen, a signed OAuth request!"},
		{"Unicode", "setting up my twitter 私のさえずりを設定する"},
		{"URL", "https://api.x.com/1.1/statuses/update.json"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.in)))
			b.ReportAllocs()
			for b.Loop() {
				PercentEncode(tc.in)
			}
		})
	}
}

func BenchmarkNormalizeParameters(b *testing.B) {
	_, query, _ := strings.Cut(benchQueryURL(1000), "?")
	params, err := ParseForm(query, SourceQuery, "url")
	if err != nil {
		b.Fatal(err)
	}
	if len(params) != 1000 {
		b.Fatalf("%d params, want 1000", len(params))
	}
	b.ReportAllocs()
	for b.Loop() {
		NormalizeParameters(params)
	}
}
