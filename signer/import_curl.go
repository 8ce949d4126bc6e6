package signer

import (
	"errors"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer/internal/shellwords"
)

// curlCommandText reports whether s is a curl command, and returns it
// without a leading "$ " prompt.
func curlCommandText(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "$"); ok && rest != "" && isAuthHeaderSpace(rest[0]) {
		s = strings.TrimSpace(rest)
	}
	for _, name := range []string{"curl.exe", "curl"} {
		if hasPrefixFold(s, name) && (len(s) == len(name) || strings.IndexByte(" \t\r\n\\^", s[len(name)]) >= 0) {
			return s, true
		}
	}
	return "", false
}

// curlValueOptions are curl's long options that take a value, from the
// option table of curl's src/tool_getparam.c. An option not listed is
// taken to be a switch.
var curlValueOptions = map[string]bool{
	"abstract-unix-socket": true, "alt-svc": true, "aws-sigv4": true, "cacert": true, "capath": true,
	"cert": true, "cert-type": true, "ciphers": true, "config": true, "connect-timeout": true,
	"connect-to": true, "continue-at": true, "cookie": true, "cookie-jar": true, "create-file-mode": true,
	"crlfile": true, "curves": true, "data": true, "data-ascii": true, "data-binary": true,
	"data-raw": true, "data-urlencode": true, "delegation": true, "dns-interface": true,
	"dns-ipv4-addr": true, "dns-ipv6-addr": true, "dns-servers": true, "doh-url": true,
	"dump-header": true, "ech": true, "egd-file": true, "engine": true, "etag-compare": true,
	"etag-save": true, "expect100-timeout": true, "form": true, "form-string": true,
	"ftp-account": true, "ftp-alternative-to-user": true, "ftp-method": true, "ftp-port": true,
	"ftp-ssl-ccc-mode": true, "happy-eyeballs-timeout-ms": true, "haproxy-clientip": true,
	"header": true, "hostpubmd5": true, "hostpubsha256": true, "hsts": true, "interface": true,
	"ip-tos": true, "ipfs-gateway": true, "json": true, "keepalive-cnt": true, "keepalive-time": true,
	"key": true, "key-type": true, "knownhosts": true, "krb": true, "krb4": true, "libcurl": true,
	"limit-rate": true, "local-port": true, "login-options": true, "mail-auth": true,
	"mail-from": true, "mail-rcpt": true, "max-filesize": true, "max-redirs": true, "max-time": true,
	"netrc-file": true, "noproxy": true, "oauth2-bearer": true, "output": true, "output-dir": true,
	"parallel-max": true, "parallel-max-host": true, "pass": true, "pinnedpubkey": true,
	"preproxy": true, "proto": true, "proto-default": true, "proto-redir": true, "proxy": true,
	"proxy-cacert": true, "proxy-capath": true, "proxy-cert": true, "proxy-cert-type": true,
	"proxy-ciphers": true, "proxy-crlfile": true, "proxy-header": true, "proxy-key": true,
	"proxy-key-type": true, "proxy-pass": true, "proxy-pinnedpubkey": true,
	"proxy-service-name": true, "proxy-tls13-ciphers": true, "proxy-tlsauthtype": true,
	"proxy-tlspassword": true, "proxy-tlsuser": true, "proxy-user": true, "proxy1.0": true,
	"pubkey": true, "quote": true, "random-file": true, "range": true, "rate": true, "referer": true,
	"request": true, "request-target": true, "resolve": true, "retry": true, "retry-delay": true,
	"retry-max-time": true, "sasl-authzid": true, "service-name": true, "sigalgs": true,
	"socks4": true, "socks4a": true, "socks5": true, "socks5-gssapi-service": true,
	"socks5-hostname": true, "speed-limit": true, "speed-time": true, "ssl-sessions": true,
	"stderr": true, "telnet-option": true, "tftp-blksize": true, "time-cond": true, "tls-max": true,
	"tls13-ciphers": true, "tlsauthtype": true, "tlspassword": true, "tlsuser": true, "trace": true,
	"trace-ascii": true, "trace-config": true, "unix-socket": true, "upload-file": true,
	"upload-flags": true, "url": true, "url-query": true, "user": true, "user-agent": true,
	"variable": true, "vlan-priority": true, "write-out": true,
}

// curlShortValue maps curl's one-letter options that take a value to their
// long names; curlShortSwitch does the same for the switches that Import
// acts on.
var (
	curlShortValue = map[byte]string{
		'A': "user-agent", 'b': "cookie", 'c': "cookie-jar", 'C': "continue-at", 'd': "data",
		'D': "dump-header", 'e': "referer", 'E': "cert", 'F': "form", 'H': "header", 'K': "config",
		'm': "max-time", 'o': "output", 'P': "ftp-port", 'Q': "quote", 'r': "range",
		't': "telnet-option", 'T': "upload-file", 'u': "user", 'U': "proxy-user", 'w': "write-out",
		'x': "proxy", 'X': "request", 'y': "speed-time", 'Y': "speed-limit", 'z': "time-cond",
	}
	curlShortSwitch = map[byte]string{'G': "get", 'I': "head"}
)

// curlArgs collects what Import understands of curl's arguments.
type curlArgs struct {
	st            *importState
	method        string
	head, get     bool
	upload, form  bool
	url           string
	hasURL        bool
	data          strings.Builder
	hasData, json bool
	query         []string
	headers       []importHeaderLine
}

// importCurl reads a curl command line (curl's manual, "curl.1").
func importCurl(s string) (*Imported, error) {
	words, stopped, err := shellwords.Split(s)
	if err != nil {
		reason := "has a curl command that cannot be split into words"
		if errors.Is(err, shellwords.ErrUnclosedQuote) {
			reason = "has a curl command with a quote that is never closed"
		}
		return nil, fieldErr(importField, reason, ErrMalformed)
	}
	c := &curlArgs{st: newImportState(ImportCurl)}
	im, r := c.st.im, &c.st.im.Request
	if stopped {
		im.note("shell text after the curl command")
	}
	var args []string
	if len(words) > 0 {
		args = words[1:] // words[0] is curl itself
	}
	optionsDone := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		next := func(shown string) (string, bool) {
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			im.note("curl option " + shown + " without a value")
			return "", false
		}
		switch {
		case optionsDone || a == "-" || !strings.HasPrefix(a, "-"):
			if c.hasURL {
				im.note("extra argument")
				continue
			}
			c.url, c.hasURL = a, true
		case a == "--":
			optionsDone = true
		case strings.HasPrefix(a, "--"):
			name := a[2:]
			shown := "--" + name
			if !isCurlOptionName(name) {
				shown = "(unknown)"
			}
			if !curlValueOptions[name] {
				c.flag(name, shown)
				continue
			}
			if v, ok := next(shown); ok {
				c.option(name, shown, v)
			}
		default:
			for j := 1; j < len(a); j++ {
				letter := a[j]
				shown := "-" + string(letter)
				if !isAlnum(letter) && letter != '#' && letter != ':' {
					shown = "(unknown)"
				}
				long, takes := curlShortValue[letter]
				if !takes {
					c.flag(curlShortSwitch[letter], shown)
					continue
				}
				v := a[j+1:]
				if v == "" {
					var ok bool
					if v, ok = next(shown); !ok {
						break
					}
				}
				c.option(long, shown, v)
				break
			}
		}
	}

	switch {
	case c.method != "":
		r.Method = c.method
	case c.head:
		r.Method = "HEAD"
	case c.get:
		r.Method = "GET"
	case c.hasData || c.form:
		r.Method = "POST"
	case c.upload:
		r.Method = "PUT"
	default:
		r.Method = "GET"
	}

	u := c.url
	switch {
	case !c.hasURL:
		im.note("URL missing")
	case !hasScheme(u):
		u = "http://" + u // curl's own guess
		im.note("assumed http")
	}
	if u != "" {
		query := c.query
		if c.get && c.data.Len() > 0 {
			query = append(query, c.data.String())
		}
		for _, q := range query {
			u = appendQuery(u, q)
		}
	}
	r.URL = u

	_, auth, hasAuth := c.st.useHeaders(c.headers, false)
	if !c.get {
		r.Body = c.data.String()
		if r.ContentType == "" && !hasHeader(c.headers, "Content-Type") {
			switch {
			case c.json:
				r.ContentType = "application/json"
			case c.hasData:
				r.ContentType = "application/x-www-form-urlencoded" // curl's default for -d
			}
		}
	}
	return c.st.finish(auth, hasAuth)
}

// flag applies a curl switch (an option without a value).
func (c *curlArgs) flag(name, shown string) {
	switch name {
	case "get":
		c.get = true
	case "head":
		c.head = true
	default:
		c.st.im.note("curl option " + shown)
	}
}

// option applies a curl option and its value. Notes name the option,
// never the value.
func (c *curlArgs) option(name, shown, v string) {
	im := c.st.im
	switch name {
	case "request":
		c.method = v
	case "header":
		if strings.HasPrefix(v, "@") {
			im.note("headers read from a file (curl option " + shown + ")")
			return
		}
		if hname, hvalue, ok := splitHeaderLine(v); ok {
			c.headers = append(c.headers, importHeaderLine{hname, hvalue})
			return
		}
		if hname, ok := strings.CutSuffix(strings.TrimSpace(v), ";"); ok && isToken(hname) {
			c.headers = append(c.headers, importHeaderLine{hname, ""}) // "Name;" sends it empty
			return
		}
		im.note("curl option " + shown + " that is not a header")
	case "data", "data-ascii", "data-binary":
		if strings.HasPrefix(v, "@") {
			im.note("data read from a file (curl option " + shown + ")")
			c.hasData = true
			return
		}
		c.addData(v, false)
	case "data-raw":
		c.addData(v, false)
	case "data-urlencode":
		enc, ok := curlURLEncode(v)
		if !ok {
			im.note("data read from a file (curl option " + shown + ")")
			c.hasData = true
			return
		}
		c.addData(enc, false)
	case "json":
		if strings.HasPrefix(v, "@") {
			im.note("data read from a file (curl option " + shown + ")")
			c.hasData, c.json = true, true
			return
		}
		c.addData(v, true)
	case "url":
		if c.hasURL {
			im.note("extra argument")
			return
		}
		c.url, c.hasURL = v, true
	case "url-query":
		if raw, ok := strings.CutPrefix(v, "+"); ok {
			c.query = append(c.query, raw)
			return
		}
		enc, ok := curlURLEncode(v)
		if !ok {
			im.note("query read from a file (curl option " + shown + ")")
			return
		}
		c.query = append(c.query, enc)
	case "upload-file":
		c.upload = true
		im.note("curl option " + shown)
	case "form", "form-string":
		c.form = true
		im.note("curl option " + shown)
	default:
		im.note("curl option " + shown)
	}
}

// addData appends one piece of request data: curl joins -d pieces with
// "&" and --json pieces with nothing.
func (c *curlArgs) addData(v string, json bool) {
	if c.hasData && !json {
		c.data.WriteByte('&')
	}
	c.data.WriteString(v)
	c.hasData = true
	c.json = c.json || json
}

// curlURLEncode encodes a --data-urlencode value as curl does: "name=content"
// and "=content" encode the content only, a value without "=" or "@" is
// encoded whole, and "name@file" reads a file, reported as false. curl
// escapes every octet but ALPHA, DIGIT and "-._~", then writes a space as
// "+" (since curl 7.77.0; older versions left "%20", which decodes the same).
func curlURLEncode(v string) (string, bool) {
	if name, content, ok := strings.Cut(v, "="); ok {
		enc := strings.ReplaceAll(PercentEncode(content), "%20", "+")
		if name == "" {
			return enc, true
		}
		return name + "=" + enc, true
	}
	if strings.IndexByte(v, '@') >= 0 {
		return "", false
	}
	return strings.ReplaceAll(PercentEncode(v), "%20", "+"), true
}

// appendQuery adds q to the query of u, before any fragment, as curl's -G
// and --url-query do.
func appendQuery(u, q string) string {
	base, frag, hasFrag := strings.Cut(u, "#")
	switch {
	case !strings.Contains(base, "?"):
		base += "?" + q
	case strings.HasSuffix(base, "?") || strings.HasSuffix(base, "&"):
		base += q
	default:
		base += "&" + q
	}
	if hasFrag {
		base += "#" + frag
	}
	return base
}

// hasScheme reports whether u starts with a URI scheme and "://" (RFC 3986
// section 3.1).
func hasScheme(u string) bool {
	i := strings.Index(u, "://")
	if i <= 0 || !isLetter(u[0]) {
		return false
	}
	for j := 1; j < i; j++ {
		if c := u[j]; !isAlnum(c) && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func hasHeader(hs []importHeaderLine, name string) bool {
	for _, h := range hs {
		if strings.EqualFold(h.name, name) {
			return true
		}
	}
	return false
}

// isCurlOptionName reports whether a long option name looks like one of
// curl's, so that a note may show it.
func isCurlOptionName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '-' && c != '.' {
			return false
		}
	}
	return true
}
