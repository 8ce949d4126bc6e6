//go:build !js

// Command oauth1-playground serves the static OAuth 1.0a signing playground
// in site/ on a loopback address, with a strict Content-Security-Policy and
// the other security headers on every response.
//
// Usage:
//
//	go run . [-addr 127.0.0.1:8080] [-dir site] [-public] [-log] [-frame-ancestor ORIGIN]...
//
// The server only reads files. It has no dynamic endpoints, logs no query
// strings, and refuses Host names other than loopback ones, so that a web
// page elsewhere cannot reach it through DNS rebinding. -frame-ancestor
// lets an origin frame embed.html, and no other file (server_headers.go).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// programName prefixes every line the server prints.
const programName = "oauth1-playground"

// defaultAddr is the address served when -addr is not given: loopback only.
const defaultAddr = "127.0.0.1:8080"

// shutdownTimeout bounds how long in-flight requests may take to finish
// after Ctrl-C or SIGTERM.
const shutdownTimeout = 5 * time.Second

// contentTypes maps the extensions the server is willing to serve to their
// Content-Type. Types are never sniffed or read from the system's MIME
// tables (which on Windows may say text/plain for .js); files with any other
// extension are not found.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".wasm": "application/wasm",
	".json": "application/json",
	".png":  "image/png",
	".svg":  "image/svg+xml",
	".txt":  "text/plain; charset=utf-8",
}

// loopbackHosts are the Host names (without port or brackets) accepted
// when the server listens on a loopback address.
var loopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

// requiredFiles are the generated files the page cannot work without (make build writes them).
var requiredFiles = []string{"signer-lite.wasm.js", "signer.wasm.js", "wasm_exec.js", "presets-data.js"}

// main runs the server and exits with status 1 if it fails.
func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr, nil); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", programName, err)
		os.Exit(1)
	}
}

// run parses args, serves the site directory until ctx is cancelled or the
// process gets SIGINT or SIGTERM, then shuts down gracefully and returns nil.
// It prints the URL to stdout and warnings to stderr. If ready is not nil,
// it is called once with the base URL (such as "http://127.0.0.1:41234/")
// after the listener is open and before serving starts.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(url string)) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	flags := flag.NewFlagSet(programName, flag.ContinueOnError)
	flags.SetOutput(io.Discard) // main prints the error once
	addr := flags.String("addr", defaultAddr, "`address` to listen on; non-loopback addresses need -public")
	dir := flags.String("dir", "site", "`directory` to serve")
	public := flags.Bool("public", false, "allow listening on a non-loopback address (reachable from other machines)")
	accessLog := flags.Bool("log", false, "log method, path and status of each request to stderr (never query strings)")
	var frameAncestors originList
	flags.Var(&frameAncestors, "frame-ancestor", "`origin` allowed to show embed.html in an iframe, e.g. https://docs.example.org (repeatable); the full page stays same-origin only")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			flags.SetOutput(stderr)
			flags.PrintDefaults()
			return nil
		}
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", flags.Arg(0))
	}

	listenHost, loopback, err := checkAddr(*addr, *public)
	if err != nil {
		return err
	}
	config := handlerConfig{anyHost: !loopback, frameAncestors: frameAncestors}
	if loopback {
		config.hosts = append(slices.Clone(loopbackHosts), listenHost)
	} else {
		fmt.Fprintf(stderr, "%s: warning: -public: listening on %s, reachable from other machines; the Host check is off\n", programName, *addr)
	}
	if *accessLog {
		config.accessLog = stderr
	}

	root, err := os.OpenRoot(*dir)
	if err != nil {
		return fmt.Errorf("open site directory: %w", err)
	}
	defer root.Close()
	for _, name := range requiredFiles {
		if _, err := root.Stat(name); err != nil {
			fmt.Fprintf(stderr, "%s: %s is missing: run make build\n", programName, filepath.Join(*dir, name))
		}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := newServer(newHandlerConfig(root.FS(), config), stderr)
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "%s: serving %s\n", programName, url)
	if ready != nil {
		ready(url)
	}

	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	select {
	case err := <-serveErr:
		return err // Serve never returns nil, and Shutdown was not called
	case <-ctx.Done():
	}
	stop() // a second Ctrl-C now kills the process at once

	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// checkAddr validates a -addr value. It returns the host part of addr and
// whether it is a loopback address (an IP such as 127.0.0.1 or ::1, or the
// name localhost). A non-loopback address, including an empty host or
// 0.0.0.0 (every interface), is an error unless public is true.
func checkAddr(addr string, public bool) (host string, loopback bool, err error) {
	host, _, err = net.SplitHostPort(addr)
	if err != nil {
		return "", false, fmt.Errorf("invalid -addr: %w", err)
	}
	host = strings.ToLower(host)
	if ip := net.ParseIP(host); ip != nil {
		loopback = ip.IsLoopback()
	} else {
		loopback = host == "localhost"
	}
	if !loopback && !public {
		return "", false, fmt.Errorf("refusing to listen on non-loopback address %q without the -public flag", addr)
	}
	return host, loopback, nil
}

// newServer returns the http.Server for h, with server errors logged to
// errorLog and every timeout set: with none, net/http waits for a slow
// client's headers forever (the slowloris attack), so ReadHeaderTimeout
// bounds them, and the others bound the body, the response and idle
// connections.
func newServer(h http.Handler, errorLog io.Writer) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		// Send "OPTIONS *" to h too, so that it gets the security headers.
		DisableGeneralOptionsHandler: true,
		ErrorLog:                     log.New(errorLog, programName+": ", 0),
	}
}

// handlerConfig holds the settings of newHandlerConfig that depend on how
// the server listens.
type handlerConfig struct {
	// hosts are the accepted Host names, lower case, without port or
	// brackets. Other Host names get 421 Misdirected Request.
	hosts []string
	// anyHost turns the Host check off (non-loopback bind with -public).
	anyHost bool
	// accessLog, if not nil, receives one line per request:
	// method, path and status, never the query string.
	accessLog io.Writer
	// frameAncestors are the origins besides 'self' that may frame
	// embedFile (and no other response).
	frameAncestors []string
}

// newHandler returns the handler serving the files in root with the
// security headers, GET and HEAD only, and the Host check for loopback
// names (localhost, 127.0.0.1, [::1], any port). It does everything but
// listen.
func newHandler(root fs.FS) http.Handler {
	return newHandlerConfig(root, handlerConfig{hosts: loopbackHosts})
}

// newHandlerConfig is newHandler with explicit settings. The middleware run
// in this order: access log (optional), security headers, Host check,
// dot-name and backslash refusal, then the method routing of
// http.ServeMux and the file server.
func newHandlerConfig(root fs.FS, c handlerConfig) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /", handleSite(root)) // GET also matches HEAD
	mux.Handle("/", handleMethodNotAllowed())

	var h http.Handler = mux
	h = hideDotNames(h)
	if !c.anyHost {
		h = hostGuard(c.hosts, h)
	}
	h = secureHeaders(securityHeaders(nil), securityHeaders(c.frameAncestors), h)
	if c.accessLog != nil {
		h = logRequests(c.accessLog, h)
	}
	return h
}

// hostGuard answers 421 Misdirected Request unless the request's Host
// (without port, brackets or letter case) is one of allowed. On a loopback
// address this stops DNS rebinding: a page on evil.example whose name
// resolves to 127.0.0.1 still sends Host: evil.example.
// An absolute-form request target ("GET http://evil.example/ HTTP/1.1")
// is held to the same rule: net/http then takes r.Host from the target and
// ignores the Host header (RFC 9112 section 3.2.2), so the target's host is
// the one checked; a target with a user name is refused as well.
func hostGuard(allowed []string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !slices.Contains(allowed, hostName(r.Host)) || r.URL.User != nil {
			http.Error(w, "misdirected request: use http://127.0.0.1 or http://localhost", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostName returns the lower-case name in a Host header value, without its
// port and IPv6 brackets: "[::1]:8080" gives "::1". An empty or malformed
// value gives "".
func hostName(hostport string) string {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
	} else if strings.ContainsAny(host, "[]:") {
		return ""
	}
	return strings.ToLower(host)
}

// hideDotNames answers 404 for any path with an element starting with "."
// (.git, .env, and the ".." of traversal attempts, however encoded) or
// containing a backslash or NUL, before http.ServeMux can clean the path.
func hideDotNames(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if strings.ContainsAny(p, "\\\x00") {
			http.NotFound(w, r)
			return
		}
		for elem := range strings.SplitSeq(p, "/") {
			if strings.HasPrefix(elem, ".") {
				http.NotFound(w, r)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// handleSite serves the files in root through http.FileServerFS, with the
// Content-Type taken from contentTypes. Files with other extensions, and
// directories without an index.html, are not found: there are no
// directory listings. embedFile, served as itself, gets its own headers
// (frameAsEmbed); a Range of more than maxRanges ranges is ignored.
func handleSite(root fs.FS) http.Handler {
	files := http.FileServerFS(root)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" {
			name = "."
		}
		info, err := fs.Stat(root, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if info.IsDir() {
			name = path.Join(name, "index.html")
			index, err := fs.Stat(root, name)
			if err != nil || !index.Mode().IsRegular() {
				http.NotFound(w, r)
				return
			}
		} else if !info.Mode().IsRegular() {
			http.NotFound(w, r)
			return
		}
		ctype, ok := contentTypes[path.Ext(name)]
		if !ok {
			http.NotFound(w, r)
			return
		}
		// http.FileServerFS redirects "/index.html" to "/", a directory
		// without its final slash to one with it, and a file with one to
		// one without; only the other requests are served as the file.
		servedAsIs := !strings.HasSuffix(r.URL.Path, "/index.html") && info.IsDir() == strings.HasSuffix(r.URL.Path, "/")
		if name == embedFile && r.URL.Path == "/"+embedFile {
			frameAsEmbed(w)
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Add("Vary", "Accept-Encoding")
		r = limitRanges(r)
		if servedAsIs && servePrecompressed(w, r, root, name) {
			return
		}
		files.ServeHTTP(w, r)
	})
}

// handleMethodNotAllowed answers 405 with "Allow: GET, HEAD".
func handleMethodNotAllowed() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	})
}

// logRequests writes one line per request to out: method, quoted path and
// status. It never logs the query string, headers or body.
func logRequests(out io.Writer, next http.Handler) http.Handler {
	logger := log.New(out, programName+": ", log.LstdFlags)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		logger.Printf("%s %q %d", r.Method, r.URL.Path, sw.status)
	})
}

// statusWriter is a ResponseWriter that remembers the status code.
type statusWriter struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

// WriteHeader records the first status code, then writes it.
func (w *statusWriter) WriteHeader(code int) {
	if !w.wroteHeader {
		w.wroteHeader = true
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap returns the wrapped ResponseWriter, for http.ResponseController.
func (w *statusWriter) Unwrap() http.ResponseWriter {
	return w.ResponseWriter
}
