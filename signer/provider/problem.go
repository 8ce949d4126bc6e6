package provider

import (
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// The oauth_problem values of the OAuth Problem Reporting extension
// (oauth.net/wiki, ProblemReporting) this provider answers with.
const (
	ProblemVersionRejected         = "version_rejected"          // oauth_version other than 1.0; with oauth_acceptable_versions
	ProblemParameterAbsent         = "parameter_absent"          // with oauth_parameters_absent
	ProblemParameterRejected       = "parameter_rejected"        // with oauth_parameters_rejected when one is to blame
	ProblemTimestampRefused        = "timestamp_refused"         // with oauth_acceptable_timestamps
	ProblemNonceUsed               = "nonce_used"                // the nonce came before within the window
	ProblemSignatureMethodRejected = "signature_method_rejected" // with oauth_acceptable_signature_methods
	ProblemSignatureInvalid        = "signature_invalid"         // with debug_sbs, the base string the provider signed
	ProblemConsumerKeyUnknown      = "consumer_key_unknown"      // no consumer registered with that key
	ProblemTokenUsed               = "token_used"                // a request token already exchanged
	ProblemTokenExpired            = "token_expired"             // a request token past its lifetime
	ProblemTokenRejected           = "token_rejected"            // unknown, of another consumer, or of the wrong kind
	ProblemVerifierInvalid         = "verifier_invalid"          // not the verifier issued for this request token
)

// Problems returns every oauth_problem value the provider can answer
// with, so that a page can check it has words for each.
func Problems() []string {
	return []string{ProblemVersionRejected, ProblemParameterAbsent, ProblemParameterRejected, ProblemTimestampRefused,
		ProblemNonceUsed, ProblemSignatureMethodRejected, ProblemSignatureInvalid, ProblemConsumerKeyUnknown,
		ProblemTokenUsed, ProblemTokenExpired, ProblemTokenRejected, ProblemVerifierInvalid}
}

// problemStatus is the status of each problem: 400 for a request that is
// malformed or unsupported, 401 for credentials, signature, timestamp or
// nonce that are refused (RFC 5849 section 3.2).
var problemStatus = map[string]int{
	ProblemVersionRejected: 400, ProblemParameterAbsent: 400,
	ProblemParameterRejected: 400, ProblemSignatureMethodRejected: 400,
}

// refuse is the Problem Reporting answer: oauth_problem, then extra (the
// problem's own parameters, such as debug_sbs), then
// oauth_problem_advice, form-encoded in the body, with a WWW-Authenticate
// challenge on a 401 (RFC 5849 section 3.2). advice is a sentence of this
// package or a signer.FieldError's reason, never a value that was sent.
func refuse(problem, advice string, extra ...signer.Param) *Response {
	status, ok := problemStatus[problem]
	if !ok {
		status = 401
	}
	ps := append([]signer.Param{{Name: "oauth_problem", Value: problem}}, extra...)
	if advice != "" {
		ps = append(ps, signer.Param{Name: "oauth_problem_advice", Value: advice})
	}
	r := answer(status, contentForm, formBody(ps))
	if status == 401 {
		r.Headers = append(r.Headers, Header{"WWW-Authenticate", `OAuth realm="https://` + Host + `/"`})
	}
	return r
}

// absent is parameter_absent naming the missing parameters, joined with
// "&" as the extension's oauth_parameters_absent is.
func absent(names []string) *Response {
	return refuse(ProblemParameterAbsent, "The request lacks "+strings.Join(names, ", ")+".",
		signer.Param{Name: "oauth_parameters_absent", Value: strings.Join(names, "&")})
}

// rejected is parameter_rejected, naming the parameter when one is to
// blame.
func rejected(name, advice string) *Response {
	var extra []signer.Param
	if name != "" {
		extra = append(extra, signer.Param{Name: "oauth_parameters_rejected", Value: name})
	}
	return refuse(ProblemParameterRejected, advice, extra...)
}
