module github.com/oauth1-playground/oauth1-playground/testdata/interop/go

go 1.26

require (
	github.com/dghubble/oauth1 v0.7.3
	github.com/mrjones/oauth v0.0.0-20190623134757-126b35219450
)
