//go:build (interop || snippets) && !js

// The interop suite (make interop): real OAuth 1.0a client libraries, written
// by other people, sign the requests of interopCases and send them to a
// loopback recorder; every capture is read back through signer.Import (as raw
// HTTP, as a curl command and as the Authorization header alone) and verified
// with its secrets. A library bug listed in knownBugs must verify invalid and
// be named by signer.DiagnoseSignature. The clients live in testdata/interop/
// (python/, node/ with its own package.json, go/ as a module of its own), so
// no third-party code enters the product's go.mod or the page.

package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oauth1-playground/oauth1-playground/signer"
	_ "github.com/oauth1-playground/oauth1-playground/signer/rsamethods"
)

// interopCase is one request every library is asked to sign; the JSON names
// are what the client programs read. Path is appended to
// http://host:port/<library slug>/<case id>, so the recorder can tell the
// captures apart; the port is never a default one.
type interopCase struct {
	ID              string      `json:"id"`
	Method          string      `json:"method"`
	Path            string      `json:"-"`
	UpperHost       bool        `json:"-"`
	URL             string      `json:"url"`
	Body            string      `json:"body,omitempty"`
	ContentType     string      `json:"contentType,omitempty"`
	Form            [][2]string `json:"form,omitempty"`
	SignatureMethod string      `json:"signatureMethod,omitempty"`
	ConsumerKey     string      `json:"consumerKey"`
	Token           string      `json:"token,omitempty"`
	Realm           string      `json:"realm,omitempty"`
	Callback        string      `json:"callback,omitempty"`
	Verifier        string      `json:"verifier,omitempty"`
	Transport       string      `json:"transport,omitempty"`
	Secrets         string      `json:"secrets,omitempty"`
	BodyHash        bool        `json:"bodyHash,omitempty"`
	BodyBytes       bool        `json:"bodyBytes,omitempty"` // Python: pass the body as bytes, not str
}

const (
	iopConsumerKey = "dpf43f3p2l4k3l03"
	iopToken       = "nnch734d00sl2jdk"
	iopFormType    = "application/x-www-form-urlencoded"
)

// The secrets, given to the clients in the environment only. The special
// pair holds reserved and non-ASCII characters (RFC 5849 section 3.4.2
// encodes them in the key).
var iopSecrets = map[string][2]string{
	"plain":   {"kd94hf93k423kf44", "pfkkdhi9sl3r4s00"},
	"special": {"c s&+%/é=", "t!*'()~ü;"},
}

var interopCases = []interopCase{
	{ID: "get-query", Method: "GET", Path: "/photos?file=vacation.jpg&size=original", Token: iopToken},
	{ID: "form-post", Method: "POST", Path: "/statuses?page=2", ContentType: iopFormType, Token: iopToken,
		Form: [][2]string{{"status", "Hello Ladies + Gentlemen, a signed OAuth request!"}, {"include_entities", "true"}}},
	{ID: "form-post-bytes", Method: "POST", Path: "/statuses", ContentType: iopFormType, Token: iopToken, BodyBytes: true,
		Form: [][2]string{{"status", "café & co"}, {"n", "1"}}},
	{ID: "json-post", Method: "POST", Path: "/items", ContentType: "application/json", Token: iopToken,
		Body: `{"name":"café","n":1}`, BodyHash: true},
	{ID: "json-sha256-bodyhash", Method: "POST", Path: "/items", ContentType: "application/json", Token: iopToken,
		Body: `{"name":"café","n":2}`, BodyHash: true, SignatureMethod: "HMAC-SHA256"},
	{ID: "form-duplicates", Method: "POST", Path: "/list", ContentType: iopFormType, Token: iopToken,
		Form: [][2]string{{"a", "2"}, {"a", "1"}, {"a", "10"}, {"b", "x"}}},
	{ID: "no-token", Method: "GET", Path: "/photos?x=1"},
	{ID: "put-form", Method: "PUT", Path: "/items/7", ContentType: iopFormType, Token: iopToken,
		Form: [][2]string{{"name", "new name"}, {"tag", "a"}}},
	{ID: "delete", Method: "DELETE", Path: "/items/7?force=true", Token: iopToken},
	{ID: "reserved-chars", Method: "GET", Path: "/search?q=a%20b%2Bc%26d%3De&sym=%21%2A%27%28%29~-._&plus=1+2", Token: iopToken},
	{ID: "non-ascii", Method: "GET", Path: "/search?name=caf%C3%A9&emoji=%F0%9F%98%80&kanji=%E6%BC%A2", Token: iopToken},
	{ID: "encoded-path", Method: "GET", Path: "/a%20b/caf%C3%A9?x=1", Token: iopToken},
	{ID: "duplicates", Method: "GET", Path: "/list?a=2&a=1&a=10&b=x", Token: iopToken},
	{ID: "empty-values", Method: "GET", Path: "/list?c2=&a3=2+q&z=", Token: iopToken},
	{ID: "upper-host", Method: "GET", Path: "/Photos?x=1", UpperHost: true, Token: iopToken},
	{ID: "hmac-sha256", Method: "GET", Path: "/photos?file=a.jpg", SignatureMethod: "HMAC-SHA256", Token: iopToken},
	{ID: "rsa-sha1", Method: "GET", Path: "/photos?file=a.jpg", SignatureMethod: "RSA-SHA1", Token: iopToken},
	{ID: "plaintext", Method: "GET", Path: "/photos?file=a.jpg", SignatureMethod: "PLAINTEXT", Token: iopToken},
	{ID: "realm", Method: "GET", Path: "/photos?x=1", Realm: "Photos", Token: iopToken},
	{ID: "callback", Method: "POST", Path: "/request_token", Callback: "http://printer.example.com/ready?a=1&b=é"},
	{ID: "verifier", Method: "POST", Path: "/access_token", Token: "hh5s93j4hdidpola", Verifier: "hfdp7dh39dks9884"},
	{ID: "query-transport", Method: "GET", Path: "/photos?file=vacation.jpg", Transport: "query", Token: iopToken},
	{ID: "body-transport", Method: "POST", Path: "/statuses", ContentType: iopFormType, Transport: "body", Token: iopToken,
		Form: [][2]string{{"status", "hi there"}}},
	{ID: "special-secrets", Method: "GET", Path: "/photos?x=1", Secrets: "special", Token: iopToken},
}

// interopClient is one library and how to run the program that drives it.
type interopClient struct {
	Library string // as its registry names it
	Slug    string // in the recorder's paths
	Lang    string // python, node or go
}

var interopClients = []interopClient{
	{"requests-oauthlib", "requests-oauthlib", "python"},
	{"authlib", "authlib", "python"},
	{"oauth-1.0a", "oauth-1.0a", "node"},
	{"oauth", "oauth", "node"},
	{"oauth-sign", "oauth-sign", "node"},
	{"dghubble/oauth1", "dghubble-oauth1", "go"},
	{"mrjones/oauth", "mrjones-oauth", "go"},
}

// knownBug is a library mistake seen on the wire: the capture must verify
// invalid and the diagnosis must name Mistake. Evidence says what the
// library's source does.
type knownBug struct {
	Mistake  string // catalogue id that names it
	Evidence string
	// Gap, when set, says why the diagnosis cannot name it from the capture
	// even with Mistake in the catalogue; the test then demands "invalid" only.
	Gap string
}

// knownBugs, by "library/case". A Mistake the catalogue does not have yet is
// a known gap: the test still demands "invalid", logs the gap and reports it
// in the summary, and checks the name by itself once the id lands.
var knownBugs = map[string]knownBug{
	"oauth-1.0a/reserved-chars": {Mistake: "query-plus-not-space",
		Evidence: "oauth-1.0a.js deParam decodes the query with decodeURIComponent, which keeps + (a space in form data, RFC 5849 section 3.4.1.3.1) as +"},
	"oauth-1.0a/empty-values": {Mistake: "query-plus-not-space",
		Evidence: "the same deParam: a3=2+q is signed as a3=2%2Bq instead of a3=2%20q"},
	"oauth-1.0a/upper-host": {Mistake: "host-case",
		Evidence: "getBaseUrl is url.split('?')[0]: the host is signed as written (LOCALHOST), never lower-cased (section 3.4.1.2)",
		Gap:      "node's http lower-cases the Host header it sends, so the capture holds no trace of the upper-case host that was signed"},
	"oauth/duplicates": {Mistake: "duplicates-indexed",
		Evidence: "lib/oauth.js _prepareParameters: querystring.parse gives an array for a repeated name and the loop signs it as a[0]=2&a[1]=1&a[2]=10"},
	"dghubble/oauth1/duplicates": {Mistake: "duplicates-first",
		Evidence: "auther.go collectParameters puts the query into a map[string]string with value[0]: only a=2 is signed (its comment: duplicate parameters are not supported)"},
	"authlib/form-post-bytes": {Mistake: "form-body-not-signed",
		Evidence: "authlib/common/urls.py extract_params returns None for a bytes body (url_decode takes str only), so OAuth1Auth signs a form body given as bytes without its parameters"},
	"dghubble/oauth1/form-duplicates": {Mistake: "duplicates-first",
		Evidence: "auther.go collectParameters reads the form body the same way (url.ParseQuery, then value[0] into the map): only a=2 is signed"},
	"requests-oauthlib/json-sha256-bodyhash": {Mistake: "body-hash-sha1",
		Evidence: "oauthlib/oauth1/rfc5849/__init__.py get_oauth_params hashes the body with hashlib.sha1 whatever the signature method (its comment: no effort made to replace SHA-1); the body hash draft (section 3.1) takes the signature method's hash, as decision 5 and mrjones/oauth do"},
	"mrjones/oauth/form-post": {Mistake: "query-dropped",
		Evidence: "oauth.go parseBody takes the parameters from the query or, for a form body, from the body, never both"},
	"mrjones/oauth/encoded-path": {Mistake: "path-decoded",
		Evidence: "oauth.go canonicalizeUrl writes u.Path (decoded, /a b/café) instead of the path as sent"},
	"mrjones/oauth/upper-host": {Mistake: "host-case",
		Evidence: "oauth.go canonicalizeUrl writes u.Host as given, never lower-cased (section 3.4.1.2)"},
}

// iopCapture is one request as the recorder read it off the socket.
type iopCapture struct {
	Head []byte // request line and headers, verbatim, up to the blank line
	Body []byte // the body, de-chunked
}

// iopRecorder is a loopback HTTP/1.1 server that keeps every request's bytes
// and answers 200 with a token response (so token-request calls succeed).
type iopRecorder struct {
	ln   net.Listener
	ln6  net.Listener
	mu   sync.Mutex
	got  map[string][]iopCapture // by "slug/case"
	wg   sync.WaitGroup
	port string
}

const iopMaxBody = 1 << 20

func startIOPRecorder(t *testing.T) *iopRecorder {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	r := &iopRecorder{ln: ln, got: map[string][]iopCapture{}, port: port}
	// "localhost" may resolve to ::1 first; listen there too when we can.
	if ln6, err := net.Listen("tcp", "[::1]:"+port); err == nil {
		r.ln6 = ln6
		go r.serve(ln6)
	}
	go r.serve(ln)
	t.Cleanup(func() {
		ln.Close()
		if r.ln6 != nil {
			r.ln6.Close()
		}
		r.wg.Wait()
	})
	return r
}

func (r *iopRecorder) serve(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			r.handle(c)
		}()
	}
}

func (r *iopRecorder) handle(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(15 * time.Second))
	var raw bytes.Buffer
	br := bufio.NewReader(io.TeeReader(io.LimitReader(c, iopMaxBody+64<<10), &raw))
	req, err := http.ReadRequest(br)
	if err != nil {
		return
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, iopMaxBody))
	if err != nil {
		return
	}
	head := raw.Bytes()
	if i := bytes.Index(head, []byte("\r\n\r\n")); i >= 0 {
		head = head[:i+2]
	}
	parts := strings.SplitN(strings.TrimPrefix(req.URL.EscapedPath(), "/"), "/", 3)
	if len(parts) >= 2 {
		r.mu.Lock()
		key := parts[0] + "/" + parts[1]
		r.got[key] = append(r.got[key], iopCapture{Head: append([]byte(nil), head...), Body: body})
		r.mu.Unlock()
	}
	const answer = "oauth_token=hh5s93j4hdidpola&oauth_token_secret=hdhd0244k9j7ao03&oauth_callback_confirmed=true"
	fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", iopFormType, len(answer), answer)
}

func (r *iopRecorder) captures(key string) []iopCapture {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.got[key]
}

// iopResult is one line a client program prints.
type iopResult struct {
	Case   string `json:"case"`
	Sent   bool   `json:"sent"`
	Cannot string `json:"cannot"`
	Error  string `json:"error"`
}

// python finds the interpreter that has Debian's python3-* packages: a
// pyenv or venv python3 earlier on PATH would not. IOP_PYTHON overrides.
func iopPython() string {
	if p := os.Getenv("IOP_PYTHON"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		return "/usr/bin/python3"
	}
	return "python3"
}

// prepareClients installs the npm packages when missing (npm ci from the
// committed lock file) and builds the Go clients' module once.
func prepareClients(t *testing.T, dir string) (goBin string) {
	t.Helper()
	npmCI(t, filepath.Join("testdata", "interop", "node"))
	goBin = filepath.Join(dir, "interop-go")
	runIn(t, filepath.Join("testdata", "interop", "go"), "go", "build", "-o", goBin, ".")
	return goBin
}

// npmCI installs the npm packages of the runner folder dir when missing
// (npm ci from its committed lock file); the interop and snippets suites
// both call it.
func npmCI(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err != nil {
		runIn(t, dir, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
	}
}

// runIn runs the command name with args (at least one) in dir, and fails
// t with its output when it fails.
func runIn(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s in %s: %v\n%s", name, args[0], dir, err, out)
	}
}

func runClient(t *testing.T, cl interopClient, casesFile, goBin string, env []string) map[string]iopResult {
	t.Helper()
	var name string
	var args []string
	switch cl.Lang {
	case "python":
		name, args = iopPython(), []string{filepath.Join("testdata", "interop", "python", "client.py")}
	case "node":
		name, args = "node", []string{filepath.Join("testdata", "interop", "node", "client.js")}
	case "go":
		name = goBin
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, append(args, cl.Library, casesFile)...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Errorf("%s client for %s: %v\n%s", cl.Lang, cl.Library, err, stderr.String())
		return nil
	}
	res := map[string]iopResult{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var r iopResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Errorf("%s: unreadable line %q: %v", cl.Library, line, err)
			return nil
		}
		res[r.Case] = r
	}
	return res
}

func rsaKeyFiles(t *testing.T, dir string) (keyFile, publicPEM string) {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	keyFile = filepath.Join(dir, "key.pem")
	priv := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)})
	if err := os.WriteFile(keyFile, priv, 0o600); err != nil {
		t.Fatal(err)
	}
	pub, err := x509.MarshalPKIXPublicKey(&k.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return keyFile, string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pub}))
}

// iopCurl writes the capture as the curl command a user would paste.
func iopCurl(c iopCapture) string {
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
	lines := strings.Split(strings.TrimRight(string(c.Head), "\r\n"), "\r\n")
	f := strings.Fields(lines[0])
	var host string
	var hs []string
	for _, l := range lines[1:] {
		name, value, _ := strings.Cut(l, ":")
		value = strings.TrimSpace(value)
		switch strings.ToLower(name) {
		case "host":
			host = value
			continue
		case "content-length", "transfer-encoding", "connection", "accept-encoding", "user-agent", "accept":
			continue
		}
		hs = append(hs, "-H "+q(name+": "+value))
	}
	cmd := "curl -X " + f[0] + " " + q("http://"+host+f[1])
	if len(hs) > 0 {
		cmd += " " + strings.Join(hs, " ")
	}
	if len(c.Body) > 0 {
		cmd += " --data-raw " + q(string(c.Body))
	}
	return cmd
}

// verifyImported verifies what Import read, as http (the capture's scheme).
func verifyImported(t *testing.T, text string, sec [2]string, pub string) (signer.Request, string, bool) {
	t.Helper()
	im, err := signer.Import(text)
	if err != nil {
		t.Fatalf("Import: %v\n%s", err, text)
	}
	req := im.Request
	req.URL = iopAsHTTP(req.URL)
	req.ConsumerSecret, req.TokenSecret = sec[0], sec[1]
	v, err := signer.Verify(req, im.Signature, pub)
	if err != nil {
		t.Fatalf("Verify: %v\n%s", err, text)
	}
	return req, im.Signature, v.Valid
}

// sentAsAsked fails when the library left out what the case asked for (a
// realm, callback, verifier, token, method or transport it ignored would
// make "verified" say nothing about that feature).
func sentAsAsked(t *testing.T, c interopCase, raw string) {
	t.Helper()
	im, err := signer.Import(raw)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	r := im.Request
	method := signer.SignatureMethod(c.SignatureMethod)
	if method == "" {
		method = signer.HMACSHA1
	}
	got := r.SignatureMethod
	if got == "" {
		got = signer.HMACSHA1
	}
	transport := signer.Transport(c.Transport)
	if transport == "" {
		transport = signer.TransportHeader
	}
	for _, f := range []struct{ name, got, want string }{
		{"signature method", string(got), string(method)},
		{"token", r.Token, c.Token},
		{"realm", r.Realm, c.Realm},
		{"callback", r.Callback, c.Callback},
		{"verifier", r.Verifier, c.Verifier},
		{"transport", string(r.Transport), string(transport)},
		{"method", r.Method, c.Method},
	} {
		if f.got != f.want {
			t.Errorf("sent %s %q, the case asked for %q", f.name, f.got, f.want)
		}
	}
}

// iopAsHTTP gives the URL Import read the capture's scheme: on loopback it
// is http, and a raw request carries none.
func iopAsHTTP(u string) string {
	if rest, ok := strings.CutPrefix(u, "https://"); ok {
		return "http://" + rest
	}
	return u
}

func TestInterop(t *testing.T) {
	dir := t.TempDir()
	rec := startIOPRecorder(t)
	goBin := prepareClients(t, dir)
	keyFile, pub := rsaKeyFiles(t, dir)
	env := []string{
		"IOP_CONSUMER_SECRET=" + iopSecrets["plain"][0], "IOP_TOKEN_SECRET=" + iopSecrets["plain"][1],
		"IOP_CONSUMER_SECRET_SPECIAL=" + iopSecrets["special"][0], "IOP_TOKEN_SECRET_SPECIAL=" + iopSecrets["special"][1],
		"IOP_RSA_KEY_FILE=" + keyFile,
	}
	known := map[string]bool{}
	for _, m := range signer.Mistakes() {
		known[m.ID] = true
	}

	// Every client runs at once: each is a separate process, and the
	// recorder keeps their captures apart by path.
	results := make([]map[string]iopResult, len(interopClients))
	var wg sync.WaitGroup
	for i, cl := range interopClients {
		cases := make([]interopCase, len(interopCases))
		for j, c := range interopCases {
			host := "127.0.0.1"
			if c.UpperHost {
				host = "LOCALHOST"
			}
			c.URL = "http://" + host + ":" + rec.port + "/" + cl.Slug + "/" + c.ID + c.Path
			c.ConsumerKey = iopConsumerKey
			if len(c.Form) > 0 {
				var b []string
				for _, kv := range c.Form {
					b = append(b, signer.PercentEncode(kv[0])+"="+signer.PercentEncode(kv[1]))
				}
				c.Body = strings.Join(b, "&")
			}
			cases[j] = c
		}
		js, _ := json.MarshalIndent(cases, "", "  ")
		file := filepath.Join(dir, cl.Slug+".json")
		if err := os.WriteFile(file, js, 0o600); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = runClient(t, cl, file, goBin, env)
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}

	var matrix []string
	var gaps []string
	for i, cl := range interopClients {
		for _, c := range interopCases {
			name := cl.Library + "/" + c.ID
			res, ok := results[i][c.ID]
			t.Run(name, func(t *testing.T) {
				switch {
				case !ok:
					t.Fatalf("the client printed nothing for this case")
				case res.Cannot != "":
					matrix = append(matrix, name+"\tcannot express: "+res.Cannot)
					t.Skipf("cannot express: %s", res.Cannot)
				case res.Error != "":
					t.Fatalf("the library failed: %s", res.Error)
				}
				caps := rec.captures(cl.Slug + "/" + c.ID)
				if len(caps) != 1 {
					t.Fatalf("recorder got %d requests, want 1", len(caps))
				}
				cp := caps[0]
				sec := iopSecrets["plain"]
				if c.Secrets != "" {
					sec = iopSecrets[c.Secrets]
				}
				if c.Token == "" {
					sec[1] = "" // no token, so no token secret (RFC 5849 section 3.4.2)
				}
				raw := string(cp.Head) + "\r\n" + string(cp.Body)
				sentAsAsked(t, c, raw)
				req, sig, valid := verifyImported(t, raw, sec, pub)
				chk, err := signer.Check(signer.CheckInput{Text: raw, ConsumerSecret: sec[0], TokenSecret: sec[1],
					PublicKey: pub, Now: time.Now()})
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				// PLAINTEXT signs no URL, so both schemes verify and either may be said.
				if !chk.SchemeGuessed || (valid && chk.Scheme != "http" && c.SignatureMethod != "PLAINTEXT") {
					t.Errorf("Check of a raw capture: schemeGuessed %v, scheme %q; want true, http", chk.SchemeGuessed, chk.Scheme)
				}
				if want := map[bool]string{true: "valid", false: "invalid"}[valid]; chk.Verdict != want {
					t.Errorf("Check says %q, Verify says %s", chk.Verdict, want)
				}
				bug, isBug := knownBugs[name]
				if !isBug {
					if !valid {
						d, _ := signer.DiagnoseSignature(req, sig, pub)
						t.Fatalf("raw HTTP capture does not verify; diagnosis %s\n%s", iopMistakeIDs(d), raw)
					}
					if _, _, v := verifyImported(t, iopCurl(cp), sec, pub); !v {
						t.Errorf("the curl form does not verify\n%s", iopCurl(cp))
					}
					im, _ := signer.Import(raw)
					if im.Authorization != "" {
						hr := im.Request
						hr.URL = iopAsHTTP(hr.URL)
						hr.ConsumerSecret, hr.TokenSecret = sec[0], sec[1]
						v, err := signer.VerifyAuthorization(hr, im.Authorization, pub)
						if err != nil || !v.Valid {
							t.Errorf("the header alone does not verify: %v", err)
						}
					}
					note := ""
					if c.BodyHash { // asked for where the library has it: say whether it came
						note = map[bool]string{true: " (oauth_body_hash sent)", false: " (no oauth_body_hash sent)"}[im.Request.BodyHash]
					}
					matrix = append(matrix, name+"\tverified"+note)
					return
				}
				if valid {
					t.Fatalf("listed as bug %s but verifies: remove it from knownBugs", bug.Mistake)
				}
				d, err := signer.DiagnoseSignature(req, sig, pub)
				if err != nil {
					t.Fatal(err)
				}
				if bug.Gap != "" || !known[bug.Mistake] {
					why := bug.Gap
					if why == "" {
						why = "not in the catalogue yet"
					}
					gaps = append(gaps, name+"\t"+bug.Mistake+": "+why+"; diagnosis "+iopMistakeIDs(d))
					matrix = append(matrix, name+"\tbug, KNOWN GAP: "+bug.Mistake)
					t.Logf("KNOWN GAP: %s: %s (%s)", bug.Mistake, why, bug.Evidence)
					return
				}
				if !iopHasMistake(d, bug.Mistake) {
					t.Fatalf("diagnosis %s does not name %s (%s)", iopMistakeIDs(d), bug.Mistake, bug.Evidence)
				}
				if !iopHasMistake(chk.Signature, bug.Mistake) {
					t.Errorf("Check's diagnosis %s does not name %s", iopMistakeIDs(chk.Signature), bug.Mistake)
				}
				matrix = append(matrix, name+"\tbug named: "+bug.Mistake)
			})
		}
	}
	sort.Strings(matrix)
	t.Logf("interop matrix (%d library × case):\n%s", len(matrix), strings.Join(matrix, "\n"))
	if len(gaps) > 0 {
		t.Logf("known gaps (library bugs the catalogue cannot name yet):\n%s", strings.Join(gaps, "\n"))
	}
}

func iopMistakeIDs(d *signer.Diagnosis) string {
	if d == nil {
		return "[]"
	}
	var ids []string
	for _, m := range d.Mistakes {
		ids = append(ids, m.ID)
	}
	return "[" + strings.Join(ids, " ") + "]"
}

func iopHasMistake(d *signer.Diagnosis, id string) bool {
	for _, m := range d.Mistakes {
		if m.ID == id {
			return true
		}
	}
	return false
}
