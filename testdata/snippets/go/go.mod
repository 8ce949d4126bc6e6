module github.com/oauth1-playground/oauth1-playground/testdata/snippets/go

go 1.26

require github.com/dghubble/oauth1 v0.7.3
