//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// asViaMethod is an error whose As method answers for a *FieldError.
type asViaMethod struct{ fe *signer.FieldError }

func (e asViaMethod) Error() string { return "as" }
func (e asViaMethod) As(target any) bool {
	if p, ok := target.(**signer.FieldError); ok && e.fe != nil {
		*p = e.fe
		return true
	}
	return false
}

// nilUnwrap unwraps to nil.
type nilUnwrap struct{}

func (nilUnwrap) Error() string { return "nil" }
func (nilUnwrap) Unwrap() error { return nil }

// TestAsFieldError holds asFieldError to errors.As on every shape of
// error tree: none, plain, direct, typed nil, wrapped, joined (first and
// later), nested joins, an As method (that answers and that does not),
// an Unwrap to nil.
func TestAsFieldError(t *testing.T) {
	a := &signer.FieldError{Field: "url", Reason: "is empty", Err: signer.ErrRequired}
	b := &signer.FieldError{Field: "method", Reason: "is bad"}
	var typedNil *signer.FieldError
	plain := errors.New("plain")
	for name, err := range map[string]error{
		"nil":             nil,
		"plain":           plain,
		"direct":          a,
		"typed nil":       typedNil,
		"wrapped":         fmt.Errorf("x: %w", a),
		"wrapped twice":   fmt.Errorf("y: %w", fmt.Errorf("x: %w", b)),
		"joined first":    errors.Join(a, b),
		"joined later":    errors.Join(plain, nil, b),
		"joined none":     errors.Join(plain, nilUnwrap{}),
		"nested join":     errors.Join(plain, fmt.Errorf("%w and %w", plain, errors.Join(nil, b))),
		"as method":       asViaMethod{fe: b},
		"as method no":    asViaMethod{},
		"as method wraps": fmt.Errorf("z: %w", asViaMethod{fe: a}),
		"unwrap to nil":   nilUnwrap{},
		"field wraps":     &signer.FieldError{Field: "outer", Err: b},
	} {
		var want *signer.FieldError
		wantOK := errors.As(err, &want)
		got, ok := asFieldError(err)
		assert.Equal(t, wantOK, ok, name)
		assert.Same(t, want, got, name)
	}
}
