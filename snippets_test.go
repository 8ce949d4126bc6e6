//go:build snippets && !js

// The snippets suite (make snippets): every supported snippet of
// signer/snippets is written to a file with its URL pointed at the interop
// suite's loopback recorder (interop_test.go), run by the real interpreter
// and library with the secrets in the environment (python3 with
// requests-oauthlib, node with oauth-1.0a, go run with dghubble/oauth1 or
// the standard library, php with pecl oauth, ruby with simple_oauth, bash
// with curl), and the oauth_signature it sent must equal signer.Sign's for
// the same request; the capture must also verify. The requests are the
// published vectors and snippetCases. A snippet that says it is not
// supported is reported with its reason, never run.

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/oauth1-playground/oauth1-playground/signer"
	"github.com/oauth1-playground/oauth1-playground/signer/signertest"
	"github.com/oauth1-playground/oauth1-playground/signer/snippets"
)

// snippetCase is one request of the suite; URL is a path and query the
// recorder's address is put in front of.
type snippetCase struct {
	ID  string
	Req signer.Request
}

const snipForm = "application/x-www-form-urlencoded"

// snippetCases returns the suite's own requests (besides the vectors):
// query, form, JSON body, non-ASCII, every method, realm, token-less,
// token requests, transports, duplicates.
func snippetCases(rsaKey string) []snippetCase {
	base := signer.Request{Method: "GET", ConsumerKey: "dpf43f3p2l4k3l03", ConsumerSecret: "kd94hf93k423kf44",
		Token: "nnch734d00sl2jdk", TokenSecret: "pfkkdhi9sl3r4s00", Nonce: "kllo9940pd9333jh", Timestamp: "1191242096", Version: "1.0"}
	c := func(id string, f func(r *signer.Request)) snippetCase {
		r := base
		f(&r)
		return snippetCase{id, r}
	}
	return []snippetCase{
		c("get-query", func(r *signer.Request) { r.URL = "/photos?file=vacation.jpg&size=original" }),
		c("form-post", func(r *signer.Request) {
			r.Method, r.URL, r.ContentType = "POST", "/statuses?page=2", snipForm
			r.Body = "status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21&include_entities=true"
		}),
		c("json-body", func(r *signer.Request) {
			r.Method, r.URL, r.ContentType, r.Body = "POST", "/items", "application/json", `{"name":"caf\u00e9","n":1}`
		}),
		c("json-body-hash", func(r *signer.Request) {
			r.Method, r.URL, r.ContentType, r.Body, r.BodyHash = "POST", "/items", "application/json", `{"name":"cafe","n":1}`, true
		}),
		c("json-body-hash-sha256", func(r *signer.Request) {
			r.Method, r.URL, r.ContentType, r.Body, r.BodyHash = "PUT", "/items/7", "application/json", `{"n":2}`, true
			r.SignatureMethod = signer.HMACSHA256
		}),
		c("non-ascii", func(r *signer.Request) { r.URL = "/search?name=caf%C3%A9&emoji=%F0%9F%98%80&kanji=%E6%BC%A2" }),
		c("non-ascii-form", func(r *signer.Request) {
			r.Method, r.URL, r.ContentType, r.Body = "POST", "/statuses", snipForm, "status=caf%C3%A9%20%26%20co&n=1"
		}),
		c("reserved-chars", func(r *signer.Request) { r.URL = "/search?q=a%20b%2Bc%26d%3De&sym=%21%2A%27%28%29~-._&plus=1+2" }),
		c("hmac-sha256", func(r *signer.Request) { r.URL, r.SignatureMethod = "/photos?file=a.jpg", signer.HMACSHA256 }),
		c("hmac-sha512", func(r *signer.Request) { r.URL, r.SignatureMethod = "/photos?file=a.jpg", signer.HMACSHA512 }),
		c("rsa-sha1", func(r *signer.Request) {
			r.URL, r.SignatureMethod, r.PrivateKey = "/photos?file=a.jpg", signer.RSASHA1, rsaKey
		}),
		c("rsa-sha256", func(r *signer.Request) {
			r.URL, r.SignatureMethod, r.PrivateKey = "/photos?file=a.jpg", signer.RSASHA256, rsaKey
		}),
		c("plaintext", func(r *signer.Request) { r.URL, r.SignatureMethod = "/photos?file=a.jpg", signer.PLAINTEXT }),
		c("realm", func(r *signer.Request) { r.URL, r.Realm = "/photos?x=1", "Photos" }),
		c("token-less", func(r *signer.Request) { r.URL, r.Token, r.TokenSecret = "/photos?x=1", "", "" }),
		c("callback", func(r *signer.Request) {
			r.Method, r.URL, r.Token, r.TokenSecret, r.Callback = "POST", "/request_token", "", "", "http://printer.example.com/ready?a=1&b=\u00e9"
		}),
		c("verifier", func(r *signer.Request) {
			r.Method, r.URL, r.Token, r.Verifier = "POST", "/access_token", "hh5s93j4hdidpola", "hfdp7dh39dks9884"
		}),
		c("query-transport", func(r *signer.Request) { r.URL, r.Transport = "/photos?file=vacation.jpg", signer.TransportQuery }),
		c("body-transport", func(r *signer.Request) {
			r.Method, r.URL, r.ContentType, r.Body, r.Transport = "POST", "/statuses", snipForm, "status=hi%20there", signer.TransportBody
		}),
		c("duplicates", func(r *signer.Request) { r.URL = "/list?a=2&a=1&a=10&b=x" }),
		c("form-duplicates", func(r *signer.Request) {
			r.Method, r.URL, r.ContentType, r.Body = "POST", "/list", snipForm, "a=2&a=1&a=10&b=x"
		}),
		c("empty-values", func(r *signer.Request) { r.URL = "/list?c2=&a3=2+q&z=" }),
		c("special-secrets", func(r *signer.Request) {
			r.URL, r.ConsumerSecret, r.TokenSecret = "/photos?x=1", "c s&+%/\u00e9=", "t!*'()~\u00fc;"
		}),
		c("no-version", func(r *signer.Request) { r.URL, r.Version = "/photos?x=1", "" }),
		c("encoded-path", func(r *signer.Request) { r.URL = "/a%20b/caf%C3%A9?x=1" }),
		c("put-form", func(r *signer.Request) {
			r.Method, r.URL, r.ContentType, r.Body = "PUT", "/items/7", snipForm, "name=new+name&tag=a"
		}),
		c("delete", func(r *signer.Request) { r.Method, r.URL = "DELETE", "/items/7?force=true" }),
		c("extra-params", func(r *signer.Request) {
			r.URL = "/photos?x=1"
			r.Params = []signer.Param{{Name: "size", Value: "large & small"}, {Name: "page", Value: "2", Source: signer.SourceQuery}}
		}),
	}
}

// snipURL points u at the recorder under /<snippet id>/<case id>, keeping
// its path and query (and an upper-case scheme, which some vectors test);
// https becomes http, since the recorder is plain loopback.
func snipURL(u, port, sid, cid string) string {
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok {
		return "http://127.0.0.1:" + port + "/" + sid + "/" + cid + u
	}
	if strings.EqualFold(scheme, "https") {
		scheme = "http"
	}
	path := ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		path = rest[i:]
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return scheme + "://127.0.0.1:" + port + "/" + sid + "/" + cid + path
}

// snipRun is one snippet to run for one case.
type snipRun struct {
	caseID string
	req    signer.Request
	s      snippets.Snippet
	forced bool   // code the generator writes although the library cannot send this signature
	reason string // why not, for a forced run
	out    string
	err    error
}

var snipExt = map[string]string{"curl": "sh", "python": "py", "node": "js", "go": "go", "php": "php", "ruby": "rb"}

func snipLang(id string) string {
	if id == "curl" {
		return "curl"
	}
	lang, _, _ := strings.Cut(id, "-")
	return lang
}

// prepareSnippetRunners installs the npm package when missing (npm ci from
// the committed lock file) and downloads the Go module's requirements.
func prepareSnippetRunners(t *testing.T) {
	t.Helper()
	npmCI(t, filepath.Join("testdata", "snippets", "node"))
	runIn(t, filepath.Join("testdata", "snippets", "go"), "go", "build", "./...")
	for _, c := range []string{"bash", "curl", "node", "php", "ruby", "go", iopPython()} {
		if _, err := exec.LookPath(c); err != nil {
			t.Fatalf("%s is not installed: run .ci/prereqs (make snippets does)", c)
		}
	}
}

// runSnippet writes the code to a file and runs it with the secrets in the
// environment.
func runSnippet(dir string, n int, r *snipRun, keyFile string) {
	lang := snipLang(r.s.ID)
	file := filepath.Join(dir, fmt.Sprintf("s%03d.%s", n, snipExt[lang]))
	var cmd *exec.Cmd
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	switch lang {
	case "go":
		abs, _ := filepath.Abs(filepath.Join("testdata", "snippets", "go"))
		run := filepath.Join(abs, fmt.Sprintf("run-%d-%03d", os.Getpid(), n))
		if err := os.MkdirAll(run, 0o755); err != nil {
			r.err = err
			return
		}
		defer os.RemoveAll(run)
		file = filepath.Join(run, "main.go")
		cmd = exec.CommandContext(ctx, "go", "run", "./"+filepath.Base(run))
		cmd.Dir = abs
	case "curl":
		cmd = exec.CommandContext(ctx, "bash", file)
	case "python":
		cmd = exec.CommandContext(ctx, iopPython(), file)
	case "node":
		cmd = exec.CommandContext(ctx, "node", file)
	case "php":
		cmd = exec.CommandContext(ctx, "php", file)
	case "ruby":
		cmd = exec.CommandContext(ctx, "ruby", file)
	}
	if err := os.WriteFile(file, []byte(r.s.Code), 0o600); err != nil {
		r.err = err
		return
	}
	nodeModules, _ := filepath.Abs(filepath.Join("testdata", "snippets", "node", "node_modules"))
	cmd.Env = append(os.Environ(),
		snippets.EnvConsumerSecret+"="+r.req.ConsumerSecret,
		snippets.EnvTokenSecret+"="+r.req.TokenSecret,
		snippets.EnvPrivateKeyFile+"="+keyFile,
		"NODE_PATH="+nodeModules,
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	r.err = cmd.Run()
	r.out = out.String()
}

func TestSnippets(t *testing.T) {
	dir := t.TempDir()
	rec := startIOPRecorder(t)
	prepareSnippetRunners(t)
	genKeyFile, _ := rsaKeyFiles(t, dir)
	genKey, err := os.ReadFile(genKeyFile)
	if err != nil {
		t.Fatal(err)
	}

	var cases []snippetCase
	for i, v := range signertest.Vectors() {
		cases = append(cases, snippetCase{fmt.Sprintf("v%02d", i), v.SignerRequest()})
	}
	cases = append(cases, snippetCases(string(genKey))...)

	var runs []*snipRun
	var matrix []string
	shown := 0                    // not-supported claims a forced run showed
	perLib := map[string][2]int{} // verified, unsupported
	caseNames := map[string]string{}
	for i, v := range signertest.Vectors() {
		caseNames[fmt.Sprintf("v%02d", i)] = v.Name
	}
	for _, c := range cases {
		for _, id := range snippets.IDs() {
			r := c.Req
			r.URL = snipURL(r.URL, rec.port, id, c.ID)
			ss, err := snippets.Snippets(r)
			if err != nil {
				t.Fatalf("%s: Snippets: %v", c.ID, err)
			}
			for _, s := range ss {
				if s.ID != id {
					continue
				}
				if !s.Supported {
					// Run the code the library would need anyway, to show the
					// reason is true: it must sign otherwise, drop what the
					// request asks for, or fail.
					fr := c.Req
					fr.URL = snipURL(fr.URL, rec.port, "forced-"+id, c.ID)
					forced, err := snippets.Forced(fr)
					if err != nil {
						t.Fatalf("%s: Forced: %v", c.ID, err)
					}
					if code, ok := forced[id]; ok {
						fs := s
						fs.Code = code
						runs = append(runs, &snipRun{caseID: c.ID, req: fr, s: fs, forced: true, reason: s.Reason})
						continue
					}
					matrix = append(matrix, fmt.Sprintf("%s\t%s\tnot supported: %s", id, c.ID, s.Reason))
					n := perLib[id]
					n[1]++
					perLib[id] = n
					continue
				}
				runs = append(runs, &snipRun{caseID: c.ID, req: r, s: s})
			}
		}
	}

	// Run them, a few at a time (the machine is shared).
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, r := range runs {
		keyFile := filepath.Join(dir, fmt.Sprintf("key%03d.pem", i))
		if r.req.PrivateKey != "" {
			if err := os.WriteFile(keyFile, []byte(r.req.PrivateKey), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			runSnippet(dir, i, r, keyFile)
		}()
	}
	wg.Wait()

	for _, r := range runs {
		if r.forced {
			t.Run("not-supported/"+r.s.ID+"/"+r.caseID, func(t *testing.T) {
				how := snipForcedDiffers(t, rec, r)
				if how == "" {
					t.Errorf("said not supported (%s), but the code the generator writes sends the signer's signature with everything the request asks for\ncode:\n%s", r.reason, r.s.Code)
					return
				}
				matrix = append(matrix, fmt.Sprintf("%s\t%s\tnot supported (shown: %s): %s", r.s.ID, r.caseID, how, r.reason))
				n := perLib[r.s.ID]
				n[1]++
				perLib[r.s.ID] = n
				shown++
			})
			continue
		}
		t.Run(r.s.ID+"/"+r.caseID, func(t *testing.T) {
			caps := rec.captures(r.s.ID + "/" + r.caseID)
			if r.err != nil || len(caps) != 1 {
				t.Fatalf("ran with %v, recorder got %d requests; output:\n%s\ncode:\n%s", r.err, len(caps), r.out, r.s.Code)
			}
			raw := string(caps[0].Head) + "\r\n" + string(caps[0].Body)
			im, err := signer.Import(raw)
			if err != nil {
				t.Fatalf("Import of the capture: %v\n%s", err, raw)
			}
			res := snipSignerResult(t, r, im)
			if im.Signature != res.Signature {
				t.Fatalf("sent oauth_signature %q, the signer's is %q\ncapture:\n%s\ncode:\n%s", im.Signature, res.Signature, raw, r.s.Code)
			}
			sec := [2]string{r.req.ConsumerSecret, r.req.TokenSecret}
			if _, _, valid := verifyImported(t, raw, sec, res.PublicKey); !valid {
				t.Fatalf("the capture does not verify\n%s", raw)
			}
			if im.Request.Nonce != res.Nonce || (r.s.ID != "go-dghubble-oauth1" && im.Request.Timestamp != res.Timestamp) {
				t.Errorf("sent nonce %q timestamp %q, want the page's %q %q", im.Request.Nonce, im.Request.Timestamp, res.Nonce, res.Timestamp)
			}
			matrix = append(matrix, fmt.Sprintf("%s\t%s\tverified", r.s.ID, r.caseID))
			n := perLib[r.s.ID]
			n[0]++
			perLib[r.s.ID] = n
		})
	}
	sort.Strings(matrix)
	var sum []string
	for _, id := range snippets.IDs() {
		sum = append(sum, fmt.Sprintf("%-26s verified %3d, not supported %3d", id, perLib[id][0], perLib[id][1]))
	}
	var names []string
	for id, n := range caseNames {
		names = append(names, id+" = "+n)
	}
	sort.Strings(names)
	t.Logf("snippets matrix (%d requests × %d libraries):\n%s\n\n%s\n%d of the not-supported answers shown by running the code anyway\n\nvectors:\n%s",
		len(cases), len(snippets.IDs()), strings.Join(matrix, "\n"), strings.Join(sum, "\n"), shown, strings.Join(names, "\n"))
}

// snipSignerResult is what the signer sends for the request of run r,
// whose capture Import read as im: with the capture's timestamp for
// go-dghubble-oauth1, whose clock sets it (see the snippet's comment).
func snipSignerResult(t *testing.T, r *snipRun, im *signer.Imported) *signer.Result {
	t.Helper()
	want := r.req
	if r.s.ID == "go-dghubble-oauth1" {
		want.Timestamp = im.Request.Timestamp
	}
	res, err := signer.Sign(want)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// snipForcedDiffers says how the forced run r differs from what the signer
// sends ("" when it does not): the program failed, or sent another
// signature, realm, transport, body hash, callback, verifier or token (a
// PLAINTEXT signature covers none of them).
func snipForcedDiffers(t *testing.T, rec *iopRecorder, r *snipRun) string {
	t.Helper()
	caps := rec.captures("forced-" + r.s.ID + "/" + r.caseID)
	if r.err != nil || len(caps) != 1 {
		return "the program fails"
	}
	raw := string(caps[0].Head) + "\r\n" + string(caps[0].Body)
	im, err := signer.Import(raw)
	if err != nil {
		return "the request it sends cannot be read"
	}
	res := snipSignerResult(t, r, im)
	transport := func(tr signer.Transport) signer.Transport {
		if tr == "" {
			return signer.TransportHeader
		}
		return tr
	}
	switch {
	case im.Signature != res.Signature:
		return "another signature"
	case im.Request.Realm != r.req.Realm:
		return "realm dropped"
	case transport(im.Request.Transport) != transport(r.req.Transport):
		return "another transport"
	case im.Request.BodyHash != r.req.BodyHash:
		return "no body hash"
	case im.Request.Callback != r.req.Callback || im.Request.Verifier != r.req.Verifier:
		return "oauth_callback or oauth_verifier dropped"
	case im.Request.Token != r.req.Token:
		return "another oauth_token"
	}
	return ""
}
