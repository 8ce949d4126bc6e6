package snippets

import (
	"net/url"
	"strings"

	"github.com/oauth1-playground/oauth1-playground/signer"
)

// dghubbleSnippet writes Go with github.com/dghubble/oauth1 (v0.7.3,
// auther.go). What the library does:
//   - commonOAuthParams always sends oauth_version=1.0, and an
//     oauth_token even when it is empty;
//   - collectParameters reads the query (req.URL.Query()) and a form body
//     (only when Content-Type is exactly application/x-www-form-urlencoded)
//     into a map[string]string: one value a name; url.ParseQuery drops a
//     pair with ";";
//   - baseURI lower-cases scheme and host, drops a port 80 or 443 whatever
//     the scheme, and takes the path from RequestURI (an empty path stays
//     empty);
//   - the timestamp comes from its clock, which cannot be set (the nonce
//     can: Config.Noncer); there is no body hash and only the header
//     transport; HMAC-SHA1, HMAC-SHA256 and RSA-SHA1 are built in.
func dghubbleReason(m *model) string {
	const lib = "dghubble/oauth1"
	if r := m.commonReason(lib); r != "" {
		return r
	}
	stdlib := " Workaround: the go-stdlib snippet."
	switch {
	case m.transport != signer.TransportHeader:
		return "dghubble/oauth1 sends the protocol parameters in the Authorization header only, not the " + string(m.transport) + "." + stdlib
	case m.sig != signer.HMACSHA1 && m.sig != signer.HMACSHA256 && m.sig != signer.RSASHA1:
		return "dghubble/oauth1 ships no " + string(m.sig) + " signer (HMAC-SHA1, HMAC-SHA256 and RSA-SHA1). Workaround: implement its Signer interface (Name and Sign), or the go-stdlib snippet."
	case m.r.Version != "1.0":
		return "dghubble/oauth1 always sends oauth_version=1.0, and this request has " + versionWords(m.r.Version) + ". Workaround: set the version to 1.0."
	case !m.hasToken():
		return "dghubble/oauth1 always sends oauth_token, empty when there is none, and an empty oauth_token is signed (as oauth_token=) where the signer leaves it out." + stdlib
	case m.r.Callback != "" || m.r.Verifier != "":
		return "dghubble/oauth1 sends oauth_callback and oauth_verifier only from Config.RequestToken and Config.AccessToken, which post to the endpoint themselves." + stdlib
	case m.r.BodyHash:
		return "dghubble/oauth1 has no oauth_body_hash." + stdlib
	case duplicateNames(m.query, m.formPairs):
		return "dghubble/oauth1 collects the parameters into a map[string]string (auther.go collectParameters), so a repeated name is signed with its first value only." + stdlib
	case strings.Contains(m.url, ";") && len(m.query) > 0 || m.form && strings.Contains(m.body, ";"):
		return "dghubble/oauth1 reads the parameters with url.ParseQuery, which drops (or refuses) a pair holding \";\"; the signer signs it. Workaround: write \";\" as %3B."
	case m.form && m.contentType != "application/x-www-form-urlencoded":
		return "dghubble/oauth1 signs a form body only when Content-Type is exactly application/x-www-form-urlencoded, without parameters. Workaround: send that Content-Type."
	}
	if r := m.baseReason(lib, dghubbleBase(m.url)); r != "" {
		return r
	}
	return ""
}

func dghubbleCode(m *model) string {
	var b strings.Builder
	w := func(s ...string) { b.WriteString(strings.Join(s, "")); b.WriteByte('\n') }
	w("// ", m.method, " signed with ", string(m.sig), " by github.com/dghubble/oauth1.")
	w("// Install: go get github.com/dghubble/oauth1")
	w("// The secrets come from the environment: ", m.envList(), ".")
	w("//" + "\n" +
		"// dghubble/oauth1 takes oauth_timestamp from the clock and cannot be told" + "\n" +
		"// another, so this sends the page's signature only with the page's" + "\n" +
		"// timestamp set to now; every other input is the page's." + "\n" +
		"package main" + "\n" +
		"" + "\n" +
		"import (" + "\n" +
		"\t\"context\"")
	if m.rsa() {
		w("\t\"crypto/rsa\"" + "\n" +
			"\t\"crypto/x509\"" + "\n" +
			"\t\"encoding/pem\"")
	}
	w("\t\"fmt\"" + "\n" +
		"\t\"io\"" + "\n" +
		"\t\"log\"" + "\n" +
		"\t\"net/http\"" + "\n" +
		"\t\"os\"")
	if m.body != "" {
		w("\t\"strings\"")
	}
	w("" + "\n" +
		"\t\"github.com/dghubble/oauth1\"" + "\n" +
		")" + "\n" +
		"")
	w("// fixedNonce is the page's nonce. ", fixedComment)
	w("type fixedNonce string" + "\n" +
		"" + "\n" +
		"func (n fixedNonce) Nonce() string { return string(n) }" + "\n" +
		"" + "\n" +
		"func main() {")
	if m.rsa() {
		w("\tconfig := oauth1.NewConfig(", goStr(m.r.ConsumerKey), ", \"\")")
		w(goReadRSAKey)
		w("\tconfig.Signer = &oauth1.RSASigner{PrivateKey: key}")
	} else {
		w("\tconfig := oauth1.NewConfig(", goStr(m.r.ConsumerKey), ", os.Getenv(", goStr(EnvConsumerSecret), "))")
		if m.sig == signer.HMACSHA256 {
			w("\tconfig.Signer = &oauth1.HMAC256Signer{ConsumerSecret: config.ConsumerSecret}")
		}
	}
	if m.r.Realm != "" {
		w("\tconfig.Realm = ", goStr(m.r.Realm))
	}
	w("\tconfig.Noncer = fixedNonce(", goStr(m.res.Nonce), ") // real code leaves Noncer unset")
	if m.rsa() {
		w("\ttoken := oauth1.NewToken(", goStr(m.r.Token), ", \"\")")
	} else {
		w("\ttoken := oauth1.NewToken(", goStr(m.r.Token), ", os.Getenv(", goStr(EnvTokenSecret), "))")
	}
	w("\tclient := config.Client(context.Background(), token)" + "\n" +
		"")
	body := "nil"
	if m.body != "" {
		body = "strings.NewReader(" + goStr(m.body) + ")"
	}
	w("\treq, err := http.NewRequest(", goStr(m.method), ", ", goStr(m.url), ", ", body, ")")
	w("\tif err != nil {" + "\n" +
		"\t\tlog.Fatal(err)" + "\n" +
		"\t}")
	if m.contentType != "" {
		w("\treq.Header.Set(\"Content-Type\", ", goStr(m.contentType), ")")
	}
	w(goSendAndPrint("client"))
	return b.String()
}

// dghubbleBase is auther.go baseURI for the URL raw.
func dghubbleBase(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	if hp := strings.Split(host, ":"); len(hp) == 2 && (hp[1] == "80" || hp[1] == "443") {
		host = hp[0]
	}
	path := u.Path
	if path != "" {
		path = strings.Split(u.RequestURI(), "?")[0]
	}
	return scheme + "://" + host + path
}

// stdlibHelpers are the go-stdlib snippet's functions: RFC 5849
// sections 3.6, 3.4.1.3.1 and 3.4.1.3.2.
const stdlibHelpers = `// encode is RFC 5849 section 3.6: every octet but ALPHA, DIGIT and -._~ as %XX.
func encode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// formPairs decodes application/x-www-form-urlencoded text in order, a
// repeated name kept (section 3.4.1.3.1).
func formPairs(s string) [][2]string {
	var out [][2]string
	for _, pair := range strings.Split(s, "&") {
		if pair == "" {
			continue
		}
		name, value, _ := strings.Cut(pair, "=")
		name, _ = url.QueryUnescape(name)
		value, _ = url.QueryUnescape(value)
		out = append(out, [2]string{name, value})
	}
	return out
}

// encodedPairs encodes, sorts by name then value, and joins the pairs
// (section 3.4.1.3.2).
func encodedPairs(pairs [][2]string, join, quote string) string {
	enc := make([][2]string, len(pairs))
	for i, p := range pairs {
		enc[i] = [2]string{encode(p[0]), encode(p[1])}
	}
	sort.SliceStable(enc, func(i, j int) bool {
		if enc[i][0] != enc[j][0] {
			return enc[i][0] < enc[j][0]
		}
		return enc[i][1] < enc[j][1]
	})
	parts := make([]string, len(enc))
	for i, p := range enc {
		parts[i] = p[0] + "=" + quote + p[1] + quote
	}
	return strings.Join(parts, join)
}

`

// goStdlibSnippet writes Go with the standard library alone: RFC 5849 in
// about eighty lines, so it expresses every request the signer signs. The
// base string URI is the signer's, written out, since its normalisation
// (section 3.4.1.2) is a page of its own.
func goStdlibCode(m *model) string {
	var b strings.Builder
	w := func(s ...string) { b.WriteString(strings.Join(s, "")); b.WriteByte('\n') }
	hmacs := !m.rsa() && m.sig != signer.PLAINTEXT
	hashPkg := map[string]string{"sha1": "crypto/sha1", "sha256": "crypto/sha256", "sha512": "crypto/sha512"}[m.hashName()]
	hashNew := m.hashName() + ".New"
	if m.hashName() == "sha512" {
		hashNew = "sha512.New"
	}
	w("// ", m.method, " signed with ", string(m.sig), " by Go's standard library alone (RFC 5849).")
	w("// The secrets come from the environment: ", m.envList(), ".")
	w("package main" + "\n" +
		"" + "\n" +
		"import (")
	if m.rsa() {
		w("\t\"crypto\"")
	}
	if hmacs {
		w("\t\"crypto/hmac\"")
	}
	if m.rsa() {
		w("\t\"crypto/rsa\"")
	}
	if hmacs || m.rsa() || m.r.BodyHash {
		w("\t\"", hashPkg, "\"")
	}
	if m.rsa() {
		w("\t\"crypto/x509\"")
	}
	if hmacs || m.rsa() || m.r.BodyHash {
		w("\t\"encoding/base64\"")
	}
	if m.rsa() {
		w("\t\"encoding/pem\"")
	}
	w("\t\"fmt\"" + "\n" +
		"\t\"io\"" + "\n" +
		"\t\"log\"" + "\n" +
		"\t\"net/http\"" + "\n" +
		"\t\"net/url\"" + "\n" +
		"\t\"os\"" + "\n" +
		"\t\"sort\"" + "\n" +
		"\t\"strings\"" + "\n" +
		")" + "\n" +
		"")
	b.WriteString(stdlibHelpers)
	w("func main() {")
	w("\tmethod := ", goStr(m.method))
	w("\trawURL := ", goStr(m.url))
	w("\tbody := ", goStr(m.body))
	w("\t// The base string URI (section 3.4.1.2) of rawURL: scheme and host in" + "\n" +
		"\t// lower case, no default port, no query. Change it with rawURL.")
	w("\tbaseURI := ", goStr(m.baseURI))
	w("")
	w("\t// The protocol parameters (section 3.1). ", fixedComment)
	w("\toauth := [][2]string{")
	w("\t\t{\"oauth_consumer_key\", ", goStr(m.r.ConsumerKey), "},")
	if m.hasToken() {
		w("\t\t{\"oauth_token\", ", goStr(m.r.Token), "},")
	}
	w("\t\t{\"oauth_signature_method\", ", goStr(string(m.sig)), "},")
	w("\t\t{\"oauth_timestamp\", ", goStr(m.res.Timestamp), "},")
	w("\t\t{\"oauth_nonce\", ", goStr(m.res.Nonce), "},")
	for _, p := range [][2]string{{"oauth_version", m.r.Version}, {"oauth_callback", m.r.Callback}, {"oauth_verifier", m.r.Verifier}} {
		if p[1] != "" {
			w("\t\t{", goStr(p[0]), ", ", goStr(p[1]), "},")
		}
	}
	for _, p := range m.extraOAuth {
		w("\t\t{", goStr(p.Name), ", ", goStr(p.Value), "},")
	}
	w("\t}")
	if m.r.BodyHash {
		w("\t// oauth_body_hash: the method's hash of the body (draft-eaton-oauth-bodyhash).")
		w("\tbodySum := ", m.hashName(), ".Sum", map[string]string{"sha1": "", "sha256": "256", "sha512": "512"}[m.hashName()], "([]byte(body))")
		w("\toauth = append(oauth, [2]string{\"oauth_body_hash\", base64.StdEncoding.EncodeToString(bodySum[:])})")
	}
	w("" + "\n" +
		"\t// The signature base string (section 3.4.1): the query's pairs, the" + "\n" +
		"\t// form body's, and the protocol parameters." + "\n" +
		"\t_, query, _ := strings.Cut(rawURL, \"?\")" + "\n" +
		"\tparams := append(formPairs(query), oauth...)")
	if m.form {
		w("\tparams = append(params, formPairs(body)...) // a form body is signed")
	}
	if m.sig == signer.PLAINTEXT {
		w("\t_ = encodedPairs(params, \"&\", \"\")    // PLAINTEXT signs no base string (section 3.4.4)" + "\n" +
			"\t_ = method + baseURI")
	} else {
		w("\tbaseString := method + \"&\" + encode(baseURI) + \"&\" + encode(encodedPairs(params, \"&\", \"\"))")
	}
	w("")
	switch {
	case m.rsa():
		w("\t// RSASSA-PKCS1-v1_5 with the private key (section 3.4.3).")
		w(goReadRSAKey)
		w("\tdigest := ", hashNew, "()")
		w("\tdigest.Write([]byte(baseString))")
		w("\tsig, err := rsa.SignPKCS1v15(nil, key, crypto.", strings.ToUpper(strings.Replace(m.hashName(), "sha", "SHA", 1)), ", digest.Sum(nil))")
		w("\tif err != nil {" + "\n" +
			"\t\tlog.Fatal(err)" + "\n" +
			"\t}" + "\n" +
			"\tsignature := base64.StdEncoding.EncodeToString(sig)")
	case m.sig == signer.PLAINTEXT:
		w("\t// PLAINTEXT: the signature is the signing key (section 3.4.4).")
		w("\tsignature := encode(os.Getenv(", goStr(EnvConsumerSecret), ")) + \"&\" + encode(", m.goTokenSecret(), ")")
	default:
		w("\t// The signing key and the HMAC (section 3.4.2).")
		w("\tkey := encode(os.Getenv(", goStr(EnvConsumerSecret), ")) + \"&\" + encode(", m.goTokenSecret(), ")")
		w("\tmac := hmac.New(", hashNew, ", []byte(key))")
		w("\tmac.Write([]byte(baseString))" + "\n" +
			"\tsignature := base64.StdEncoding.EncodeToString(mac.Sum(nil))")
	}
	w("\toauth = append(oauth, [2]string{\"oauth_signature\", signature})" + "\n" +
		"")
	switch m.transport {
	case signer.TransportQuery:
		w("\t// The query transport (section 3.5.3)." + "\n" +
			"\tsep := \"?\"" + "\n" +
			"\tif strings.Contains(rawURL, \"?\") {" + "\n" +
			"\t\tsep = \"&\"" + "\n" +
			"\t}" + "\n" +
			"\trawURL += sep + encodedPairs(oauth, \"&\", \"\")")
	case signer.TransportBody:
		w("\t// The form body transport (section 3.5.2)." + "\n" +
			"\tif body != \"\" {" + "\n" +
			"\t\tbody += \"&\"" + "\n" +
			"\t}" + "\n" +
			"\tbody += encodedPairs(oauth, \"&\", \"\")")
	}
	w("\treq, err := http.NewRequest(method, rawURL, strings.NewReader(body))" + "\n" +
		"\tif err != nil {" + "\n" +
		"\t\tlog.Fatal(err)" + "\n" +
		"\t}")
	if m.transport == signer.TransportHeader {
		w("\t// The Authorization header (section 3.5.1).")
		realm := ""
		if m.r.Realm != "" {
			realm = "realm=\"" + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(m.r.Realm) + "\", "
		}
		w("\treq.Header.Set(\"Authorization\", ", goStr("OAuth "+realm), "+encodedPairs(oauth, \", \", `\"`))")
	}
	if ct := m.contentType; ct != "" || m.transport == signer.TransportBody {
		if ct == "" {
			ct = "application/x-www-form-urlencoded"
		}
		w("\treq.Header.Set(\"Content-Type\", ", goStr(ct), ")")
	}
	w(goSendAndPrint("http.DefaultClient"))
	return b.String()
}

// goReadRSAKey is the Go, in both snippets, that reads the PEM file the
// environment names into key, an *rsa.PrivateKey (PKCS #1 or PKCS #8).
var goReadRSAKey = "\tpemBytes, err := os.ReadFile(os.Getenv(" + goStr(EnvPrivateKeyFile) + "))" + "\n" +
	"\tif err != nil {" + "\n" +
	"\t\tlog.Fatal(err)" + "\n" +
	"\t}" + "\n" +
	"\tblock, _ := pem.Decode(pemBytes)" + "\n" +
	"\tif block == nil {" + "\n" +
	"\t\tlog.Fatal(\"no PEM block in the key file\")" + "\n" +
	"\t}" + "\n" +
	"\tvar key *rsa.PrivateKey" + "\n" +
	"\tif k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {" + "\n" +
	"\t\tkey = k" + "\n" +
	"\t} else if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {" + "\n" +
	"\t\tkey, _ = k.(*rsa.PrivateKey)" + "\n" +
	"\t}" + "\n" +
	"\tif key == nil {" + "\n" +
	"\t\tlog.Fatal(\"the key file holds no RSA private key\")" + "\n" +
	"\t}"

// goSendAndPrint is the Go, in both snippets, that sends req with client
// and prints the answer, closing main.
func goSendAndPrint(client string) string {
	return "\tresp, err := " + client + ".Do(req)" + "\n" +
		"\tif err != nil {" + "\n" +
		"\t\tlog.Fatal(err)" + "\n" +
		"\t}" + "\n" +
		"\tdefer resp.Body.Close()" + "\n" +
		"\tanswer, _ := io.ReadAll(resp.Body)" + "\n" +
		"\tfmt.Println(resp.Status, string(answer))" + "\n" +
		"}"
}

// goTokenSecret is the Go expression of the token secret.
func (m *model) goTokenSecret() string {
	if m.hasToken() || m.r.TokenSecret != "" {
		return "os.Getenv(" + goStr(EnvTokenSecret) + ")"
	}
	return `""`
}
