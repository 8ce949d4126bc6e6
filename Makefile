# oauth1-playground: build the signer to WebAssembly, serve the page, test
# everything. `make run` (needs Go and Node, which it installs when run as
# root) and `make test` (installs the rest
# when run as root, else says what to install) are the two commands a fresh
# clone needs. `make help` lists every target; docs/architecture.md, "Build
# and test", says how they fit together.

GO       ?= go
GOROOT   := $(shell $(GO) env GOROOT)
WASM_LIB := $(GOROOT)/lib/wasm
ADDR     ?= 127.0.0.1:8080
OUT      := .build
DIST     ?= dist

.PHONY: all help build dist dist-files run test test-steps prereqs test-native test-wasm test-node vet fmt fmt-check clean fuzz fuzz-smoke bench bench-readme load screenshots interop snippets

## all: fmt-check, vet and test.
all: fmt-check vet test

## help: list the targets, from the comments that start with two hashes.
help:
	@awk '/^## [a-z-]+:/ { t = $$2; sub(/:$$/, "", t); d = $$0; sub(/^## [a-z-]+: */, "", d); printf "  %-12s %s\n", t, d; more = 1; next } \
	     /^## / && more { d = $$0; sub(/^## /, "", d); printf "  %-12s %s\n", "", d; next } \
	     { more = 0 }' $(MAKEFILE_LIST)

## build: the signer in two builds, each as a JS module (wasm/tojs.go), and
## Go's wasm_exec.js; all generated and git-ignored. site/signer-lite.wasm.js
## (no RSA) starts with the page; site/signer.wasm.js (everything) loads the
## first time a request needs RSA. site/presets-data.js is the preset menu
## (site/presets.json) with every preset's sign result from the native Go
## signer (wasm/genpage.go), which the page and read-only embeds show
## before, or without, the wasm; the same step rewrites the committed
## site/index.html and site/embed.html in place (their words from
## strings*.js and a modulepreload per static import), and index.html the
## worked example (its inputs, result and step cards) as the page's own
## render code draws it, run in Node (wasm/internal/pagegen/prerender.mjs):
## commit them. Needs Node (.ci/prereqs installs it when run as root).
build: site/wasm_exec.js
	@.ci/prereqs node
	@mkdir -p $(OUT)
	$(GO) run wasm/genpage.go site signer/signertest/testdata/vectors.json
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(OUT)/signer.wasm ./wasm
	GOOS=js GOARCH=wasm $(GO) build -tags oauth1_lite -trimpath -ldflags='-s -w' -o $(OUT)/signer-lite.wasm ./wasm
	@# The page's CSP has connect-src 'none', which also blocks fetch() of a
	@# .wasm file, so the bytes travel inside modules that script-src allows.
	$(GO) run wasm/tojs.go $(OUT)/signer.wasm site/signer.wasm.js
	$(GO) run wasm/tojs.go $(OUT)/signer-lite.wasm site/signer-lite.wasm.js
	$(GO) run wasm/tojs.go -sizes site/signer-sizes.js lite=site/signer-lite.wasm.js full=site/signer.wasm.js
	@echo "built site/signer-lite.wasm.js ($$(wc -c < $(OUT)/signer-lite.wasm) bytes of wasm) and site/signer.wasm.js ($$(wc -c < $(OUT)/signer.wasm))"

# wasm_exec.js must come from the same Go as the compiler, so it is copied
# at build time, never committed.
site/wasm_exec.js: $(WASM_LIB)/wasm_exec.js
	cp $< $@

## dist: build, then $(DIST)/ (default dist/) holds every file a static
## host needs, and nothing else: the page's files and, for the text ones,
## .gz and .br variants (brotli when the brotli command is installed).
## Serve it from any static host; see README "Hosting dist/" for the
## headers to add.
dist: build
	@$(MAKE) --no-print-directory dist-files DIST=$(DIST)

## dist-files: dist without the build: copies site/ as it is now into
## $(DIST)/ and compresses. The dist browser test runs it with DIST set to
## a temporary folder.
DIST_FILES = $(filter-out %_test.go,$(wildcard site/*.html site/*.js site/*.css site/*.svg))
dist-files:
	@test -n "$(DIST)" || { echo "dist-files: DIST is empty"; exit 1; }
	@test -f site/signer.wasm.js || { echo "dist-files: site/signer.wasm.js is missing: run make build"; exit 1; }
	rm -rf "$(DIST)" && mkdir -p "$(DIST)"
	cp $(DIST_FILES) "$(DIST)/"
	@for f in "$(DIST)"/*.html "$(DIST)"/*.js "$(DIST)"/*.css "$(DIST)"/*.svg; do \
	  gzip -9 -k -n "$$f"; \
	  if command -v brotli >/dev/null 2>&1; then brotli -q 11 -k "$$f"; fi; \
	done
	@command -v brotli >/dev/null 2>&1 || echo "dist: brotli is not installed, so there are no .br files (apt-get install brotli)"
	@echo "dist: $$(ls "$(DIST)" | wc -l) files, $$(du -sh "$(DIST)" | cut -f1) in $(DIST)"

## run: build, then serve site/ on $(ADDR). Needs Go and Node (build's).
run: build
	$(GO) run . -addr $(ADDR)

## test: everything: vet, the native tests (signer, server, the page in
## Chromium), the js/wasm tests under Node, the README's Node example, and
## a few seconds of every fuzz target. First prereqs, which installs
## Chromium, Node and brotli when run as root, or stops and says what to
## install. REQUIRE_BROWSER=1 (CI) makes a missing Chromium a failure in
## go test too. Works under -j: prereqs first, then the rest at once.
test: prereqs
	@$(MAKE) --no-print-directory test-steps

## test-steps: test without its prereqs step (each step still checks
## what it needs itself).
test-steps: build vet test-native test-wasm test-node fuzz-smoke

## prereqs: check for Chromium, Node and brotli; as root install what is
## missing with apt-get, otherwise print the command to run and stop
## (.ci/prereqs, which CI calls too).
prereqs:
	@.ci/prereqs chromium node brotli

## test-native: go test ./... after build: signer, server, site checks and
## the browser tests. `go test -short ./...` is the hermetic part: Go only,
## no Chromium, no built files.
test-native: prereqs build
	$(GO) test ./...

## test-wasm: the signer and wasm/ tests built for js/wasm, run under Node,
## in both builds (full and oauth1_lite); the wasm/ ones with their data
## segments merged as make build merges the page's (wasm/merged_exec.sh).
test-wasm: prereqs
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_LIB)/go_js_wasm_exec" ./signer/...
	GOOS=js GOARCH=wasm $(GO) test -exec="$(CURDIR)/wasm/merged_exec.sh" ./wasm/...
	GOOS=js GOARCH=wasm $(GO) test -tags oauth1_lite -exec="$(CURDIR)/wasm/merged_exec.sh" ./wasm/...

## test-node: the README's Node example, run against the built files as a
## user would, and the in-page provider's JS API (wasm/provider.mjs).
test-node: prereqs build
	node wasm/example.mjs >/dev/null
	node wasm/provider.mjs >/dev/null
	@echo "node example: ok"

## vet: go vet natively (with every build tag the root tests use) and for
## js/wasm in both builds.
vet:
	$(GO) vet ./...
	$(GO) vet -tags 'bench load screenshots interop' .
	$(GO) vet -tags snippets . ./signer/snippets
	GOOS=js GOARCH=wasm $(GO) vet ./signer/... ./wasm/...
	GOOS=js GOARCH=wasm $(GO) vet -tags oauth1_lite ./wasm/...

## fmt: gofmt -s every Go file in place.
fmt:
	gofmt -s -w .

## fmt-check: fail, naming the files, if any Go file is not gofmt-clean.
fmt-check:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "run make fmt"; exit 1; }

## clean: remove every generated file (the wasm modules, wasm_exec.js,
## .build/ and dist/).
clean:
	rm -rf $(OUT) dist site/signer.wasm.js site/signer-lite.wasm.js site/signer-sizes.js site/wasm_exec.js site/presets-data.js site/presets-signed.js

## fuzz: run every fuzz target of every package, one after another, each
## for $(FUZZTIME). Targets are found with `go test -list`, so new ones are
## picked up by themselves. A failing input is written under the package's
## testdata/fuzz/FuzzX/ and from then on re-run by plain `go test`.
FUZZTIME  ?= 30s
## fuzz-smoke: the same, $(FUZZSMOKE) a target, for `make test`. A count,
## not a duration: Go 1.26's coordinator can fail a target with a bare
## "context deadline exceeded" when a duration ends on a loaded machine
## (go.dev/issue/75804, fixed in Go 1.27); a count has no deadline to race.
FUZZSMOKE ?= 10000x

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
## peak memory (load_test.go, build tag load).
load: build
	$(GO) test -tags load -run '^TestLoad$$' -count=1 -v .

## bench: the performance numbers, measured in one run and printed as one
## table (also written to docs/bench.md): wasm sizes raw/gzip/brotli, the
## bytes of a first page load, navigation -> first signature over 10 cold
## loads, re-sign + render per input event, a pasted 1 MB one-line body,
## Verify's paste -> diagnosis, 200 typed keys, and native vs wasm per call
## (bench*_test.go, build tag bench; needs Chromium, about 3 minutes), and
## side by side with a WebCrypto peer page in alternating cold loads
## (bench_peer_test.go: first signature, early edit, read-only embed). The
## time budgets live here, never in the functional tests. Then the signer's
## micro-benchmarks, with allocations.
bench: prereqs dist
	$(GO) test -tags bench -run '^TestBench$$' -count=1 -v .
	$(GO) test ./signer -run '^$$' -bench . -benchmem

## bench-readme: make bench, also rewriting the README's performance table
## (between its bench:targets markers) from the run, with one line per
## issue-15 target met or missed: first signature ≤ 1.5× the WebCrypto
## peer page's (testdata/bench-peer/, served beside a copy of dist/), an
## early edit signed ≤ 5× it, first load ≤ 850 KB, read-only embed
## ≤ 150 KB with no wasm.
bench-readme: prereqs dist
	BENCH_README=1 $(GO) test -tags bench -run '^TestBench$$' -count=1 -v .

## screenshots: rewrite the README's pictures in docs/ (screenshot.png,
## screenshot-dark.png, screenshot-360.png, verify.png, embed.png) from the
## built page in Chromium (screenshots_test.go, build tag screenshots).
screenshots: prereqs build
	$(GO) test -tags screenshots -run '^TestScreenshots' -count=1 -v .

## interop: real OAuth 1.0a clients (Python requests-oauthlib and authlib,
## npm oauth-1.0a, oauth and oauth-sign, Go dghubble/oauth1 and
## mrjones/oauth) sign requests into a loopback recorder; every capture must
## verify, or be a listed library bug the diagnosis names (interop_test.go,
## tag interop; prints the library x case matrix). Installs its clients:
## Debian python3 packages and npm (.ci/prereqs), npm ci, the Go module.
INTEROP_NODE := testdata/interop/node
interop: interop-prereqs $(INTEROP_NODE)/node_modules/.package-lock.json
	$(GO) test -tags interop -run '^TestInterop$$' -count=1 -v .

.PHONY: interop-prereqs
interop-prereqs:
	@.ci/prereqs node npm python3-oauthlib python3-requests-oauthlib python3-authlib

# npm ci rewrites node_modules/.package-lock.json, so this runs again only
# when the committed lock file changes.
$(INTEROP_NODE)/node_modules/.package-lock.json: $(INTEROP_NODE)/package-lock.json | interop-prereqs
	cd $(INTEROP_NODE) && npm ci --no-audit --no-fund --ignore-scripts

## snippets: every code snippet of signer/snippets (curl, Python
## requests-oauthlib, npm oauth-1.0a, Go dghubble/oauth1 and the standard
## library, PHP pecl oauth, Ruby simple_oauth) run by the real interpreter
## and library against the interop suite's loopback recorder, for the
## vectors and a set of requests; each sent oauth_signature must equal the
## signer's (snippets_test.go, tag snippets; prints the library x request
## matrix). Installs its interpreters and libraries (Debian packages via
## .ci/prereqs), npm ci, the Go module.
SNIPPETS_NODE := testdata/snippets/node
snippets: snippets-prereqs $(SNIPPETS_NODE)/node_modules/.package-lock.json
	$(GO) test -tags snippets -run '^TestSnippets$$' -count=1 -v .

.PHONY: snippets-prereqs
snippets-prereqs:
	@.ci/prereqs node npm curl python3-requests-oauthlib python3-jwt python3-cryptography php-cli php-oauth ruby ruby-simple-oauth

$(SNIPPETS_NODE)/node_modules/.package-lock.json: $(SNIPPETS_NODE)/package-lock.json | snippets-prereqs
	cd $(SNIPPETS_NODE) && npm ci --no-audit --no-fund --ignore-scripts
