// Package snippetsgo is the module the snippets suite (snippets_test.go in
// the repository root) runs the generated Go snippets in: each one is
// written to a run-* folder here, run with go run and removed. It is a
// module of its own so that dghubble/oauth1 stays out of the product's
// go.mod.
package snippetsgo

import _ "github.com/dghubble/oauth1" // the library the go-dghubble-oauth1 snippet uses
