package signer_test

// Benchmarks of the signer's hot paths, on the requests of signertest.
// Run with `make bench` or
//
//	go test ./signer -run '^$' -bench . -benchmem

import (
	"testing"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
)

func BenchmarkSign(b *testing.B) {
	bench := func(name string, r signer.Request) {
		b.Run(name, func(b *testing.B) {
			if _, err := signer.Sign(r); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(r.URL) + len(r.Body)))
			b.ReportAllocs()
			for b.Loop() {
				signer.Sign(r)
			}
		})
	}

	bench("XExample", signertest.XExample().Signer())
	bench("Params1000", signertest.ManyParams(1000).Signer())
	bench("Body1MB", signertest.MediaUpload(1<<20).Signer())
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
				signer.PercentEncode(tc.in)
			}
		})
	}
}

func BenchmarkNormalizeParameters(b *testing.B) {
	res, err := signer.Sign(signertest.ManyParams(1000).Signer())
	if err != nil {
		b.Fatal(err)
	}
	var params []signer.Param
	for _, p := range res.Parameters {
		if p.Source == signer.SourceQuery {
			params = append(params, p)
		}
	}
	if len(params) != 1000 {
		b.Fatalf("%d params, want 1000", len(params))
	}
	b.ReportAllocs()
	for b.Loop() {
		signer.NormalizeParameters(params)
	}
}

// BenchmarkDiagnoseNoMatch is the diagnosis's worst case: a signature on
// the X example that no mistake, and no pair of them, reproduces, so every
// single and every pair is tried.
func BenchmarkDiagnoseNoMatch(b *testing.B) {
	r := signertest.XExample().Signer()
	const wrong = "AAAAAAAAAAAAAAAAAAAAAAAAAAA="
	dg, err := signer.DiagnoseSignature(r, wrong, "")
	if err != nil {
		b.Fatal(err)
	}
	if dg.Matched || dg.Correct {
		b.Fatal("the benchmark's signature is reproduced by the catalogue")
	}
	b.ReportAllocs()
	for b.Loop() {
		signer.DiagnoseSignature(r, wrong, "")
	}
}
