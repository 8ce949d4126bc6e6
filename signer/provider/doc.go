// Package provider is a small OAuth 1.0a service provider held in memory,
// answering like X's documented endpoints so that a learner can walk the
// whole flow without a network: temporary credentials (RFC 5849 section
// 2.1), resource owner authorization (section 2.2), token credentials
// (section 2.3), a protected resource (section 3), and X's app-only
// bearer token (RFC 6749 section 4.4, client credentials).
//
// It verifies with package signer ([signer.VerifyAuthorization]), so the
// provider and the page's signer can never disagree, and refuses requests
// in the words of the OAuth Problem Reporting extension
// (oauth_problem=signature_invalid&debug_sbs=..., timestamp_refused with
// oauth_acceptable_timestamps, nonce_used, token_rejected, ...). A
// refusal's text is one [signer.Check] and [signer.Import] read back: the
// debug_sbs base string is judged on its own.
//
// # Flow
//
//  1. POST https://api.x.com/oauth/request_token with oauth_callback (a
//     URL or "oob"), signed with the consumer credentials:
//     oauth_token, oauth_token_secret, oauth_callback_confirmed=true.
//  2. GET https://api.x.com/oauth/authorize?oauth_token=...: the simulated
//     user consents at once: a 302 to the callback with oauth_token and
//     oauth_verifier, or for "oob" a page whose <code> holds the PIN.
//  3. POST https://api.x.com/oauth/access_token with oauth_verifier,
//     signed with the request token and its secret: oauth_token,
//     oauth_token_secret, user_id, screen_name.
//  4. GET https://api.x.com/1.1/account/verify_credentials.json, signed
//     with the access token: the user's JSON.
//
// App-only: POST https://api.x.com/oauth2/token with Basic credentials
// and grant_type=client_credentials gives a bearer token, which GET
// https://api.x.com/2/tweets/:id accepts and verify_credentials.json
// (user context only) refuses.
//
// # Secrets
//
// Issued tokens, their secrets and verifiers come from an injectable
// random source (crypto/rand by default). They appear only in the answers
// that issue them, as the protocol requires; errors name fields and never
// hold a value, and the package prints nothing.
package provider
