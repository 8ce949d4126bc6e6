# oauth1-playground: build the signer to WebAssembly, serve the page, test
# everything. `make run` and `make test` are the two commands a fresh clone
# needs; see README.md for their prerequisites.

GO       ?= go
GOROOT   := $(shell $(GO) env GOROOT)
WASM_LIB := $(GOROOT)/lib/wasm
ADDR     ?= 127.0.0.1:8080
OUT      := .build

.PHONY: all build dist run test test-native test-wasm test-node vet fmt fmt-check clean fuzz fuzz-smoke bench load

all: fmt-check vet test

## build: the signer in two builds, each as a JS module (wasm/tojs.go), and
## Go's wasm_exec.js; all generated and git-ignored. site/signer-lite.wasm.js
## (no RSA) starts with the page; site/signer.wasm.js (everything) loads the
## first time a request needs RSA. site/vectors.js is the published test
## vectors as a module (wasm/genvectors.go), from which site/presets.js takes
## its vector presets.
build: site/wasm_exec.js
	@mkdir -p $(OUT)
	$(GO) run wasm/genvectors.go signer/signertest/testdata/vectors.json site/vectors.js
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(OUT)/signer.wasm ./wasm
	GOOS=js GOARCH=wasm $(GO) build -tags oauth1_lite -trimpath -ldflags='-s -w' -o $(OUT)/signer-lite.wasm ./wasm
	@# The page's CSP has connect-src 'none', which also blocks fetch() of a
	@# .wasm file, so the bytes travel inside modules that script-src allows.
	$(GO) run wasm/tojs.go $(OUT)/signer.wasm site/signer.wasm.js
	$(GO) run wasm/tojs.go $(OUT)/signer-lite.wasm site/signer-lite.wasm.js
	@echo "built site/signer-lite.wasm.js ($$(wc -c < $(OUT)/signer-lite.wasm) bytes of wasm) and site/signer.wasm.js ($$(wc -c < $(OUT)/signer.wasm))"

# wasm_exec.js must come from the same Go as the compiler, so it is copied
# at build time, never committed.
site/wasm_exec.js: $(WASM_LIB)/wasm_exec.js
	cp $< $@

## dist: dist/ holds every file a static host needs, and nothing else: the
## page's files and, for the text ones, .gz and .br variants (brotli when
## the brotli command is installed). Serve it from any static host; see
## README "Hosting dist/" for the headers to add.
DIST_FILES = $(filter-out %_test.go,$(wildcard site/*.html site/*.js site/*.css site/*.svg))
dist: build
	rm -rf dist && mkdir -p dist
	cp $(DIST_FILES) dist/
	@for f in dist/*.html dist/*.js dist/*.css dist/*.svg; do \
	  gzip -9 -k -n "$$f"; \
	  if command -v brotli >/dev/null 2>&1; then brotli -q 11 -k "$$f"; fi; \
	done
	@command -v brotli >/dev/null 2>&1 || echo "dist: brotli is not installed, so there are no .br files (apt-get install brotli)"
	@echo "dist: $$(ls dist | wc -l) files, $$(du -sh dist | cut -f1)"

## run: build, then serve site/ on $(ADDR).
run: build
	$(GO) run . -addr $(ADDR)

## test: vet, native tests (signer, server, browser), the js/wasm tests
## under Node, then a few seconds of every fuzz target. REQUIRE_BROWSER=1
## turns a missing Chromium into a failure.
test: build dist vet test-native test-wasm test-node fuzz-smoke
	@command -v chromium >/dev/null 2>&1 || { \
	  echo; echo "################################################################"; \
	  echo "##  BROWSER TESTS WERE SKIPPED: chromium is not installed.     ##"; \
	  echo "##  Install it with: sudo apt-get install -y chromium         ##"; \
	  echo "################################################################"; }

test-native:
	$(GO) test ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_LIB)/go_js_wasm_exec" ./signer/... ./wasm/...
	GOOS=js GOARCH=wasm $(GO) test -tags oauth1_lite -exec="$(WASM_LIB)/go_js_wasm_exec" ./wasm/...

# The README's Node example, run against the built files as a user would.
test-node: build
	node wasm/example.mjs >/dev/null
	@echo "node example: ok"

vet:
	$(GO) vet ./...
	$(GO) vet -tags 'bench load' .
	GOOS=js GOARCH=wasm $(GO) vet ./signer/... ./wasm/...
	GOOS=js GOARCH=wasm $(GO) vet -tags oauth1_lite ./wasm/...

fmt:
	gofmt -s -w .

fmt-check:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "run make fmt"; exit 1; }

clean:
	rm -rf $(OUT) dist site/signer.wasm.js site/signer-lite.wasm.js site/wasm_exec.js

## fuzz: run every fuzz target of every package, one after another, each
## for $(FUZZTIME). Targets are found with `go test -list`, so new ones are
## picked up by themselves. A failing input is written under the package's
## testdata/fuzz/FuzzX/ and from then on re-run by plain `go test`.
FUZZTIME  ?= 30s
## fuzz-smoke: the same, $(FUZZSMOKE) a target, for `make test`.
FUZZSMOKE ?= 3s

# fuzz-each runs every Fuzz* target of every package for $(1) each.
define fuzz-each
set -e; pkgs=$$($(GO) list ./...); \
for pkg in $$pkgs; do \
  targets=$$($(GO) test "$$pkg" -list '^Fuzz'); \
  for t in $$(printf '%s\n' "$$targets" | grep '^Fuzz' || true); do \
    echo "fuzz: $$pkg $$t for $(1)"; \
    $(GO) test "$$pkg" -run '^$$' -fuzz "^$$t\$$" -fuzztime $(1); \
  done; \
done
endef

fuzz:
	@$(call fuzz-each,$(FUZZTIME))

fuzz-smoke:
	@$(call fuzz-each,$(FUZZSMOKE))

## load: a bounded loopback load check of the dev server (1 000 concurrent
## connections, slow-header clients); prints requests/s, errors, latency and
## peak memory.
load: build
	$(GO) test -tags load -run '^TestLoad$$' -count=1 -v .

## bench: issue 8's numbers, measured in one run and printed as one table
## (also written to docs/bench.md): wasm sizes raw/gzip/brotli, the bytes of
## a first page load, navigation -> first signature over 10 cold loads,
## re-sign + render per input event, 200 typed keys, and native vs wasm per
## call (perf_test.go; needs Chromium, about 2 minutes). Then the signer's
## micro-benchmarks, with allocations.
bench: dist
	$(GO) test -tags bench -run '^TestBench$$' -count=1 -v .
	$(GO) test ./signer -run '^$$' -bench . -benchmem
