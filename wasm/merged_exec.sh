#!/bin/sh
# merged_exec.sh: the -exec of make test-wasm for one build: it merges the
# data segments of the js/wasm test binary (go run wasm/tojs.go -merge,
# as make build does for the page) and runs the merged binary under Node
# with Go's go_js_wasm_exec, so every wasm test also checks that merging
# changes nothing. go test runs it in the package's folder, with GOOS=js
# GOARCH=wasm set, so tojs.go is found beside this script and built for
# the host.
set -e
bin="$1"
shift
env -u GOOS -u GOARCH go run "$(dirname "$0")/tojs.go" -merge "$bin" "$bin.merged"
exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" "$bin.merged" "$@"
