package signer

import (
	"strconv"
	"strings"
)

// paramMistakes returns the ways of collecting the parameters wrongly (RFC
// 5849 section 3.4.1.3.1) or sorting them wrongly (section 3.4.1.3.2).
// not-sorted replaces the collector and sorter, so it comes first; the
// others wrap the collector and combine with it.
func paramMistakes() []Mistake {
	return []Mistake{
		{ID: "not-sorted", Title: "Parameters not sorted",
			Explanation: "It is what you get when the parameters are joined in the order they were added instead of sorted.",
			Fix:         "Sort by encoded name, then by encoded value, byte by byte (RFC 5849 section 3.4.1.3.2).",
			variants: []func(r *Request, pl *pipeline) bool{
				unsorted(func(q, b, p, e []Param) []Param { return concatParams(q, b, p, e) }),
				unsorted(func(q, b, p, e []Param) []Param { return concatParams(b, q, sortedCopy(p), e) }),
				unsorted(func(q, b, p, e []Param) []Param { return concatParams(q, b, sortedCopy(p), e) }),
				unsorted(func(q, b, p, e []Param) []Param { return concatParams(p, q, b, e) }),
				unsorted(func(q, b, p, e []Param) []Param { return concatParams(sortedCopy(p), q, b, e) }),
			},
			replaces: stageCollect | stageSort},
		{ID: "query-dropped", Title: "Query parameters left out",
			Explanation: "It is what you get when the URL's query parameters are not signed.",
			Fix:         "Add every query parameter to the parameters you sign (RFC 5849 section 3.4.1.3.1).",
			apply: func(r *Request, pl *pipeline) bool {
				prev := pl.collect
				pl.collect = func(_, body, protocol, extra []Param) []Param { return prev(nil, body, protocol, extra) }
				return strings.Contains(r.URL, "?")
			},
			wraps: stageCollect},
		{ID: "query-plus-not-space", Title: "+ in the query kept as +",
			Explanation: "It is what you get when a \"+\" in the query is signed as a plus sign; the query is form data, where + means a space.",
			Fix:         "Decode the query as form data: + is a space, %2B a plus (RFC 5849 section 3.4.1.3.1).",
			apply: func(r *Request, pl *pipeline) bool {
				u, _, _ := strings.Cut(r.URL, "#")
				_, rawQuery, _ := strings.Cut(u, "?")
				if !strings.Contains(rawQuery, "+") {
					return false
				}
				q, err := parseForm(strings.ReplaceAll(rawQuery, "+", "%2B"), SourceQuery, "url")
				if err != nil {
					return false
				}
				prev := pl.collect
				pl.collect = func(_, body, protocol, extra []Param) []Param { return prev(q, body, protocol, extra) }
				return true
			},
			wraps: stageCollect},
		{ID: "form-body-not-signed", Title: "Form body left out",
			Explanation: "It is what you get when the form-encoded body's parameters are not signed.",
			Fix:         "Add every application/x-www-form-urlencoded body parameter to the parameters you sign.",
			apply: func(r *Request, pl *pipeline) bool {
				leaveBodyOut(pl)
				return r.Body != "" && isFormContentType(r.ContentType)
			},
			wraps: stageCollect},
		{ID: "form-body-post-only", Title: "Form body signed only for POST",
			Explanation: "It is what you get when the form body's parameters are signed only when the method is POST, so this request's form body was left out.",
			Fix:         "Sign the parameters of an application/x-www-form-urlencoded body whatever the method: PUT, PATCH and DELETE too (RFC 5849 section 3.4.1.3.1 names no method).",
			apply: func(r *Request, pl *pipeline) bool {
				leaveBodyOut(pl)
				return r.Body != "" && isFormContentType(r.ContentType) && !strings.EqualFold(r.Method, "POST")
			},
			wraps:      stageCollect,
			supersedes: []string{"form-body-not-signed"}},
		{ID: "body-params-in-header", Title: "Form body parameters also sent in the header",
			Explanation: "It is what you get when the client puts every parameter it signed, the form body's too, into the Authorization header: it signed each body parameter once, but the server collects the header's parameters and the body's, so it counts them twice.",
			Fix:         "Put only the oauth_* parameters (and realm) in the Authorization header; the body parameters travel in the body alone (RFC 5849 section 3.5.1).",
			apply: func(r *Request, pl *pipeline) bool {
				prev := pl.collect
				pl.collect = func(query, body, protocol, extra []Param) []Param {
					return prev(query, body, protocol, withoutCopies(extra, body, SourceProtocol))
				}
				body := requestBodyParams(r)
				return len(withoutCopies(r.Params, body, SourceProtocol)) < len(r.Params)
			},
			wraps:      stageCollect,
			supersedes: []string{"form-body-not-signed", "form-body-post-only", "duplicates-first", "duplicates-last"}},
		{ID: "duplicates-first", Title: "Repeated names: only the first value signed",
			Explanation: "It is what you get when parameters are collected into a map that keeps the first value of a repeated name, as Go's url.Values.Get or a \"set if absent\" loop does: a=2&a=1&a=10 is signed as a=2.",
			Fix:         "Sign every name=value pair, repeated names included, and sort repeated names by their values (RFC 5849 section 3.4.1.3.2).",
			apply:       collapsed(false),
			wraps:       stageCollect, replaces: stageDuplicates},
		{ID: "duplicates-last", Title: "Repeated names: only the last value signed",
			Explanation: "It is what you get when parameters are collected into a map or object that overwrites a repeated name, as a JavaScript object, a Python dict or PHP's parse_str does: a=2&a=1&a=10 is signed as a=10.",
			Fix:         "Sign every name=value pair, repeated names included, and sort repeated names by their values (RFC 5849 section 3.4.1.3.2).",
			apply:       collapsed(true),
			wraps:       stageCollect, replaces: stageDuplicates},
		{ID: "duplicates-indexed", Title: "Repeated names renamed a[0], a[1]",
			Explanation: "It is what you get when repeated names are collected into an array and written back with indices, as PHP's http_build_query and the Node qs module (arrayFormat \"indices\", its default) do: a=2&a=1 is signed as a[0]=2&a[1]=1.",
			Fix:         "Sign the names as they are sent: every pair a=2, a=1 under its own name, sorted by value (RFC 5849 section 3.4.1.3.2).",
			apply: func(r *Request, pl *pipeline) bool {
				prev := pl.collect
				pl.collect = func(query, body, protocol, extra []Param) []Param { return indexed(prev(query, body, protocol, extra)) }
				return hasRepeatedNames(requestParams(r))
			},
			wraps: stageCollect, replaces: stageDuplicates},
		{ID: "json-body-signed", Title: "JSON body signed as parameters",
			Explanation: "It is what you get when the JSON body's fields are signed as parameters. Only form-encoded bodies are signed.",
			Fix:         "Leave a JSON body out of the signature (or sign its hash with oauth_body_hash if the server asks for it).",
			apply: func(r *Request, pl *pipeline) bool {
				fields, ok := jsonObjectFields(r.Body)
				if isFormContentType(r.ContentType) || !ok || len(fields) == 0 {
					return false
				}
				for _, f := range fields {
					f.Source = SourceExtra
					r.Params = append(r.Params, f)
				}
				return true
			},
			wraps: stageRequest},
		{ID: "body-signed-as-form", Title: "Non-form body signed as a form",
			Explanation: "It is what you get when a body that is not application/x-www-form-urlencoded is signed as form parameters.",
			Fix:         "Sign the body's parameters only when the Content-Type is application/x-www-form-urlencoded, and send that Content-Type when you do.",
			apply: func(r *Request, pl *pipeline) bool {
				if r.Body == "" || isFormContentType(r.ContentType) || strings.HasPrefix(strings.TrimSpace(r.Body), "{") {
					return false
				}
				r.ContentType = "application/x-www-form-urlencoded"
				r.BodyHash = false
				return true
			},
			wraps: stageRequest},
		{ID: "empty-token-signed", Title: "Empty oauth_token signed",
			Explanation: "It is what you get when an empty oauth_token= is signed although there is no token.",
			Fix:         "Leave oauth_token out entirely when there is no token (e.g. for the request-token call).",
			apply: func(r *Request, pl *pipeline) bool {
				prev := pl.protocol
				pl.protocol = func(p []Param) []Param {
					return append(prev(p), Param{oauthToken, "", SourceProtocol})
				}
				return r.Token == ""
			},
			wraps: stageProtocol},
		{ID: "realm-signed", Title: "realm signed",
			Explanation: "It is what you get when realm is signed as a parameter. realm goes in the Authorization header only.",
			Fix:         "Leave realm out of the parameters you sign (RFC 5849 section 3.4.1.3.1).",
			apply: func(r *Request, pl *pipeline) bool {
				r.Params = append(r.Params, Param{Name: "realm", Value: r.Realm, Source: SourceExtra})
				return r.Realm != ""
			},
			wraps: stageRequest},
	}
}

// unsorted is a "not sorted" form: the parameters in the order collect
// gives, left as they are by the sort.
func unsorted(collect func(query, body, protocol, extra []Param) []Param) func(*Request, *pipeline) bool {
	return func(r *Request, pl *pipeline) bool {
		pl.collect = collect
		pl.sortParams = func([]Param) {}
		return true
	}
}

// collapsed is the form of a collector that keeps one value per name: the
// last one when last, else the first.
func collapsed(last bool) func(*Request, *pipeline) bool {
	return func(r *Request, pl *pipeline) bool {
		prev := pl.collect
		pl.collect = func(query, body, protocol, extra []Param) []Param {
			return collapse(prev(query, body, protocol, extra), last)
		}
		return hasRepeatedNames(requestParams(r))
	}
}

// collapse keeps one parameter per name, where the first of its name
// stood: the first value, or the last one when last.
func collapse(ps []Param, last bool) []Param {
	at := map[string]int{}
	var out []Param
	for _, p := range ps {
		i, seen := at[p.Name]
		switch {
		case !seen:
			at[p.Name] = len(out)
			out = append(out, p)
		case last:
			out[i].Value = p.Value
		}
	}
	return out
}

// indexed renames each repeated name as name[0], name[1], ... in the
// order the values come.
func indexed(ps []Param) []Param {
	count := map[string]int{}
	for _, p := range ps {
		count[p.Name]++
	}
	next := map[string]int{}
	out := make([]Param, len(ps))
	for i, p := range ps {
		if count[p.Name] > 1 {
			n := next[p.Name]
			next[p.Name]++
			p.Name += "[" + strconv.Itoa(n) + "]"
		}
		out[i] = p
	}
	return out
}

func hasRepeatedNames(ps []Param) bool {
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.Name] {
			return true
		}
		seen[p.Name] = true
	}
	return false
}

// requestBodyParams returns the parameters of r's form body, or nil.
func requestBodyParams(r *Request) []Param {
	if r.Body == "" || !isFormContentType(r.ContentType) {
		return nil
	}
	body, err := parseForm(r.Body, SourceBody, "body")
	if err != nil {
		return nil
	}
	return body
}

// withoutCopies returns ps without the parameters that are a copy of one
// in have (the same name and value; each of have cancels one copy), in
// order. With a from source, only parameters from it are dropped.
func withoutCopies(ps, have []Param, from Source) []Param {
	if len(have) == 0 {
		return ps
	}
	left := map[[2]string]int{}
	for _, p := range have {
		left[[2]string{p.Name, p.Value}]++
	}
	var out []Param
	for _, p := range ps {
		k := [2]string{p.Name, p.Value}
		if (from == "" || p.Source == from) && left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, p)
	}
	return out
}

// leaveBodyOut wraps the collector so that it leaves the form body out.
func leaveBodyOut(pl *pipeline) {
	prev := pl.collect
	pl.collect = func(query, _, protocol, extra []Param) []Param { return prev(query, nil, protocol, extra) }
}
