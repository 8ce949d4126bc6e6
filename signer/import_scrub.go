package signer

import "strings"

// Import never leaves a signature, a secret or userinfo in a field that is
// not a secret field (docs/architecture.md, "Security rules"): the page
// shares and embeds the request it imported, and a PLAINTEXT signature is
// the secrets themselves ("CS&TS", RFC 5849 section 3.4.4). What this file
// adds to the extraction of import.go:
//
//   - a protocol parameter is recognised however it is spelled or encoded
//     (OAUTH_SIGNATURE, oauth%5Fsignature, after ";"), and taken out;
//   - userinfo (https://user:password@host/) leaves the URL;
//   - a body of any content type is searched, multipart parts included;
//   - a last pass drops from every non-secret field whatever still names
//     oauth_signature or holds the signature's value, the secrets a
//     PLAINTEXT signature spells out or the userinfo, with a note.
//
// Notes name what was left out, never its value.

// guardMin is the shortest value the last pass looks for: a shorter one
// (the "&" of a PLAINTEXT signature with empty secrets) is in every text.
const guardMin = 4

// decodeDepth bounds how many layers of percent-encoding are undone to
// recognise a name.
const decodeDepth = 4

// maxProtocolName bounds the spelling of a protocol parameter's name:
// oauth_signature_method encoded in every octet, four times over, fits.
const maxProtocolName = 3 * len(oauthSignatureMethod) * 8

// protocolName returns the protocol parameter that raw names, however it is
// cased, quoted, padded or percent-encoded.
func protocolName(raw string) (string, bool) {
	if len(raw) < len(oauthNonce) || len(raw) > maxProtocolName {
		return "", false // the shortest names, oauth_nonce and oauth_token, decode from no fewer octets
	}
	s := raw
	for range decodeDepth {
		n := strings.ToLower(strings.Trim(s, " \t\r\n\"'"))
		if importProtocol[n] {
			return n, true
		}
		d := lenientDecode(s, true)
		if d == s {
			break
		}
		s = d
	}
	return "", false
}

// lenientDecode undoes "%XX" escapes (and "+" when plusIsSpace), leaving a
// "%" that is not followed by two hex digits as it is.
func lenientDecode(s string, plusIsSpace bool) string {
	if strings.IndexByte(s, '%') < 0 && (!plusIsSpace || strings.IndexByte(s, '+') < 0) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+' && plusIsSpace:
			b = append(b, ' ')
			continue
		case c == '%' && i+2 < len(s):
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				b = append(b, hi<<4|lo)
				i += 2
				continue
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// readings returns s and what it reads as once percent-encoding is undone,
// layer by layer, with and without "+" as a space.
func readings(s string) []string {
	out := []string{s}
	hasPlus := strings.IndexByte(s, '+') >= 0
	if !hasPlus && strings.IndexByte(s, '%') < 0 {
		return out
	}
	for _, plus := range []bool{false, true} {
		if plus && !hasPlus {
			break
		}
		cur := s
		for range decodeDepth {
			d := lenientDecode(cur, plus)
			if d == cur {
				break
			}
			out = append(out, d)
			cur = d
		}
	}
	return out
}

// namesSignature reports whether s, in any of its readings, holds the name
// oauth_signature in any case (oauth_signature_method does not count).
func namesSignature(s string) bool {
	for _, r := range readings(s) {
		for from := 0; ; {
			i := indexFold(r[from:], oauthSignature)
			if i < 0 {
				break
			}
			end := from + i + len(oauthSignature)
			if end == len(r) || !isNameChar(r[end]) {
				return true
			}
			from = end
		}
	}
	return false
}

// indexFold is strings.Index for a lower-case ASCII sub, ignoring the case
// of s, without copying s.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerASCII(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isNameChar(c byte) bool { return isAlnum(c) || c == '_' }

// takeAny moves a protocol parameter found in a place Import does not take
// it from as it is (another spelling, after ";", in a non-form body) into
// its field, or drops it; either way it leaves the text, with a note.
func (st *importState) takeAny(name, rawValue, from string) {
	value, ok := formUnescape(rawValue)
	if !ok {
		st.im.note(name + " in the " + from + " that does not decode: left out")
		return
	}
	if st.seen[name] {
		st.im.note("duplicate " + name + " in the " + from)
		return
	}
	if !st.take(Param{Name: name, Value: value}, from) {
		st.im.note("empty " + name + " in the " + from + ": left out")
		return
	}
	st.im.note(name + " spelled or placed unusually in the " + from + ": moved to its field")
}

// stripUserinfo removes userinfo from the URL (RFC 3986 section 3.2.1; its
// password form is deprecated, and a share link must not carry it), and
// keeps its parts to look for.
func (st *importState) stripUserinfo(guards *[]string) {
	r := &st.im.Request
	scheme, rest, ok := strings.Cut(r.URL, "://")
	if !ok {
		return
	}
	end := strings.IndexAny(rest, "/?#\\")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndexByte(rest[:end], '@')
	if at < 0 {
		return
	}
	info := rest[:at]
	r.URL = scheme + "://" + rest[at+1:]
	user, pass, _ := strings.Cut(info, ":")
	*guards = append(*guards, info, user, pass, lenientDecode(user, false), lenientDecode(pass, false))
	st.im.note("userinfo in the URL: left out")
}

// signatureGuards are the values no non-secret field may hold once the
// signature is known: the signature and, since a PLAINTEXT signature is
// the two secrets joined by "&" (RFC 5849 section 3.4.4), each secret.
func signatureGuards(sig string) []string {
	out := []string{sig}
	if cs, ts, ok := strings.Cut(sig, "&"); ok {
		out = append(out, cs, ts, lenientDecode(cs, false), lenientDecode(ts, false))
	}
	return out
}

// holds reports whether s, in any of its readings, names oauth_signature
// or contains one of guards.
func holds(s string, guards []string) bool {
	if s == "" {
		return false
	}
	if namesSignature(s) {
		return true
	}
	for _, r := range readings(s) {
		for _, g := range guards {
			if len(g) >= guardMin && strings.Contains(r, g) {
				return true
			}
		}
	}
	return false
}

// takeFromMultipart takes the parts of a multipart body (RFC 7578) whose
// name is a protocol parameter out of it. It reports false when the body
// is not multipart or its boundary is not found.
func (st *importState) takeFromMultipart(body, contentType string) (string, bool) {
	mt, params, _ := strings.Cut(contentType, ";")
	if !hasPrefixFold(strings.TrimSpace(mt), "multipart/") {
		return body, false
	}
	boundary := ""
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(k, "boundary") {
			boundary = strings.Trim(v, "\"")
		}
	}
	delim := "--" + boundary
	if boundary == "" || !strings.Contains(body, delim) {
		return body, false
	}
	parts := strings.Split(body, delim)
	kept := parts[:1]
	took := false
	for _, part := range parts[1:] {
		head, content, ok := strings.Cut(strings.ReplaceAll(part, "\r\n", "\n"), "\n\n")
		name := ""
		if ok {
			if i := strings.Index(strings.ToLower(head), "name="); i >= 0 {
				n := head[i+len("name="):]
				if strings.HasPrefix(n, "\"") {
					n, _, _ = strings.Cut(n[1:], "\"")
				} else if j := strings.IndexAny(n, "; \t\n"); j >= 0 {
					n = n[:j]
				}
				name = n
			}
		}
		if pname, isProtocol := protocolName(name); ok && isProtocol {
			st.takeAny(pname, PercentEncode(strings.TrimRight(content, "\n")), "body")
			took = true
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, delim), took
}

// scrubURL drops from the URL whatever names oauth_signature or holds a
// guarded value: its authority, path segments (and their ";" parameters),
// query pairs or fragment, each with a note.
func (st *importState) scrubURL(guards []string) {
	r := &st.im.Request
	if r.URL == "" || !holds(r.URL, guards) {
		return
	}
	u, frag, hasFrag := strings.Cut(r.URL, "#")
	if hasFrag && holds(frag, guards) {
		st.im.note("URL fragment naming oauth_signature or holding a secret: left out")
		hasFrag = false
	}
	u, query, hasQuery := strings.Cut(u, "?")
	if hasQuery && holds(query, guards) {
		var kept []string
		for pair := range strings.SplitSeq(query, "&") {
			if holds(pair, guards) {
				continue
			}
			kept = append(kept, pair)
		}
		st.im.note("query parameter naming oauth_signature or holding a secret: left out")
		query, hasQuery = strings.Join(kept, "&"), len(kept) > 0
	}
	prefix, path := "", u
	if scheme, rest, ok := strings.Cut(u, "://"); ok {
		end := strings.IndexAny(rest, "/\\")
		if end < 0 {
			end = len(rest)
		}
		prefix, path = scheme+"://"+rest[:end], rest[end:]
	}
	if holds(prefix, guards) {
		st.im.note("URL whose host names oauth_signature or holds a secret: left out")
		r.URL = ""
		return
	}
	if holds(path, guards) {
		segs := strings.Split(path, "/")
		kept := segs[:0]
		for i, seg := range segs {
			pieces := strings.Split(seg, ";")
			if holds(pieces[0], guards) {
				if i == len(segs)-1 {
					kept = append(kept, "")
				}
				continue
			}
			var keptPieces []string
			for _, p := range pieces {
				if !holds(p, guards) {
					keptPieces = append(keptPieces, p)
				}
			}
			kept = append(kept, strings.Join(keptPieces, ";"))
		}
		path = strings.Join(kept, "/")
		if prefix != "" && path != "" && !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		st.im.note("URL path naming oauth_signature or holding a secret: left out")
	}
	u = prefix + path
	if hasQuery {
		u += "?" + query
	}
	if hasFrag {
		u += "#" + frag
	}
	r.URL = u
}

// scrub is the last pass: every non-secret field is checked for what no
// such field may hold, and what does is dropped with a note. userinfo are
// the parts of the userinfo removed from the URL.
func (st *importState) scrub(userinfo []string) {
	im, r := st.im, &st.im.Request
	guards := userinfo
	if im.Signature != "" {
		guards = append(guards, signatureGuards(im.Signature)...)
	}
	st.scrubURL(guards)
	if holds(r.Body, guards) {
		if isFormContentType(r.ContentType) {
			var kept []string
			for pair := range strings.SplitSeq(r.Body, "&") {
				if !holds(pair, guards) {
					kept = append(kept, pair)
				}
			}
			r.Body = strings.Join(kept, "&")
			im.note("body parameter naming oauth_signature or holding a secret: left out")
		} else {
			r.Body = ""
			im.note("body naming oauth_signature or holding a secret: left out")
		}
	}
	fields := []struct {
		name string
		v    *string
	}{
		{"method", &r.Method}, {"content type", &r.ContentType}, {"realm", &r.Realm},
		{oauthConsumerKey, &r.ConsumerKey}, {oauthToken, &r.Token}, {oauthNonce, &r.Nonce},
		{oauthTimestamp, &r.Timestamp}, {oauthVersion, &r.Version}, {oauthCallback, &r.Callback},
		{oauthVerifier, &r.Verifier},
	}
	for _, f := range fields {
		if holds(*f.v, guards) {
			*f.v = ""
			im.note(f.name + " naming oauth_signature or holding a secret: left out")
		}
	}
	if method := string(r.SignatureMethod); holds(method, guards) {
		r.SignatureMethod = ""
		im.note(oauthSignatureMethod + " holding a secret: left out")
	}
	kept := r.Params[:0]
	for _, p := range r.Params {
		if holds(p.Name, guards) || holds(p.Value, guards) {
			im.note("parameter naming oauth_signature or holding a secret: left out")
			continue
		}
		kept = append(kept, p)
	}
	if len(kept) == 0 {
		kept = nil
	}
	r.Params = kept
}
