package signer

import "errors"

// A FieldError reports a request field that cannot be signed. Field is the
// field's name as the JS API spells it ("url", "consumerSecret", ...), so a
// page can point at the input that caused it. Reason says what is wrong in
// plain words.
//
// A FieldError never contains the field's value: values may be secrets.
type FieldError struct {
	Field  string // the JS API name of the field, e.g. "timestamp"
	Reason string // e.g. "must be a whole number of seconds"
	Err    error  // an optional sentinel the reason stands for
}

// Error returns "signer: FIELD: REASON".
func (e *FieldError) Error() string { return "signer: " + e.Field + ": " + e.Reason }

// Unwrap returns the sentinel error behind the reason, if any.
func (e *FieldError) Unwrap() error { return e.Err }

// Sentinel errors that callers may test for with [errors.Is].
var (
	// ErrUnsupportedSignatureMethod is behind a FieldError for a signature
	// method the signer does not implement (RFC 5849 section 3.4).
	ErrUnsupportedSignatureMethod = errors.New("signer: unsupported signature method")
	// ErrRequired is behind a FieldError for a required field left empty.
	ErrRequired = errors.New("signer: required field is empty")
	// ErrMalformed is behind a FieldError for a field whose syntax is wrong.
	ErrMalformed = errors.New("signer: malformed field")
	// ErrNeedsFullSigner is behind a FieldError on "signatureMethod" for
	// a call that needs the RSA methods (an RSA signature method, or a
	// public key to verify with) in a program that has not registered
	// them: see [RegisterKeyMethod] and signer/rsamethods.
	ErrNeedsFullSigner = errors.New("signer: the RSA methods are in the full build")
)

func fieldErr(field, reason string, sentinel error) *FieldError {
	return &FieldError{Field: field, Reason: reason, Err: sentinel}
}
