package provider

import (
	"strings"
)

// userJSON is the simulated user as GET
// /1.1/account/verify_credentials.json returns it (a few of X's fields).
const userJSON = `{"id":` + UserID + `,"id_str":"` + UserID + `","name":"X API","screen_name":"` + UserScreenName +
	`","location":"San Francisco, CA","description":"The simulated user of the OAuth playground's in-page provider.",` +
	`"protected":false,"verified":true,"followers_count":6133636,"friends_count":12,"created_at":"Wed May 23 06:01:13 +0000 2007"}`

// verifyCredentials answers GET /1.1/account/verify_credentials.json, a
// user-context resource (RFC 5849 section 3): signed with the access
// token, it returns the user. A bearer token is refused as X refuses it:
// app-only credentials cannot act as a user.
func (p *Provider) verifyCredentials(rc *received) *Response {
	if isBearer(rc.Authorization) {
		return xError(403, 220, "Your credentials do not allow access to this resource.")
	}
	if _, refusal := p.authenticate(rc, accessKind); refusal != nil {
		return refusal
	}
	return answer(200, contentJSON, userJSON)
}

// tweet answers GET /2/tweets/:id, which takes app-only and user-context
// credentials alike: a bearer token from /oauth2/token, or an OAuth 1.0a
// request signed with an access token. Every id of digits is a tweet of
// the simulated user.
func (p *Provider) tweet(rc *received) *Response {
	id := strings.TrimPrefix(rc.url.Path, "/2/tweets/")
	if id == "" || len(id) > 19 || strings.TrimLeft(id, digits) != "" {
		return answer(400, contentJSON, `{"errors":[{"parameters":{"id":[]},"message":"The id query parameter value is not valid"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`)
	}
	if isBearer(rc.Authorization) {
		if p.bearerConsumer(rc.Authorization) == "" {
			return bearerUnauthorized()
		}
	} else if _, refusal := p.authenticate(rc, accessKind); refusal != nil {
		return refusal
	}
	return answer(200, contentJSON, `{"data":{"edit_history_tweet_ids":["`+id+`"],"id":"`+id+
		`","text":"Hello from the OAuth playground's simulated API: this tweet was read with your credentials."}}`)
}
