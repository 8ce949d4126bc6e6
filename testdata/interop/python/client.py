"""Interop client: real Python OAuth 1.0a libraries sign and send each case.

Usage: client.py LIBRARY CASES.json, LIBRARY one of requests-oauthlib, authlib.
Secrets come from the environment (IOP_CONSUMER_SECRET, IOP_TOKEN_SECRET, their
_SPECIAL variants, IOP_RSA_KEY_FILE), never from the case file. One JSON line
per case on stdout: {"case": id, "sent": true} or {"case": id, "cannot": why}
or {"case": id, "error": what}. Run by interop_test.go; this file only drives
the libraries, it signs nothing itself.
"""

import json
import os
import sys

import requests


def secrets(case):
    suffix = "_SPECIAL" if case.get("secrets") == "special" else ""
    return os.environ["IOP_CONSUMER_SECRET" + suffix], os.environ["IOP_TOKEN_SECRET" + suffix]


def rsa_key():
    with open(os.environ["IOP_RSA_KEY_FILE"]) as f:
        return f.read()


def headers_of(case):
    h = {}
    if case.get("contentType"):
        h["Content-Type"] = case["contentType"]
    return h


def body_of(lib, case):
    if not case.get("body"):
        return None
    # str is what requests builds from a dict; bytes is the case's variant.
    # authlib's body hash takes bytes only (hashlib.sha1 of a str raises
    # TypeError in ClientAuth.sign), so it gets the body as bytes there.
    if case.get("bodyBytes") or (lib == "authlib" and case.get("bodyHash")):
        return case["body"].encode("utf-8")
    return case["body"]


def requests_oauthlib_auth(case):
    from requests_oauthlib import OAuth1
    import oauthlib.oauth1 as o

    cs, ts = secrets(case)
    method = case.get("signatureMethod") or "HMAC-SHA1"
    stype = {"header": o.SIGNATURE_TYPE_AUTH_HEADER, "query": o.SIGNATURE_TYPE_QUERY,
             "body": o.SIGNATURE_TYPE_BODY}[case.get("transport") or "header"]
    kw = dict(client_secret=None if method.startswith("RSA") else cs,
              resource_owner_key=case.get("token") or None,
              resource_owner_secret=(ts if case.get("token") else None),
              callback_uri=case.get("callback") or None,
              verifier=case.get("verifier") or None,
              signature_method=method, signature_type=stype,
              # oauthlib adds oauth_body_hash only when it is given the body.
              force_include_body=bool(case.get("bodyHash")))
    if method.startswith("RSA"):
        kw["rsa_key"] = rsa_key()
    if case.get("realm"):
        kw["realm"] = case["realm"]
    return OAuth1(case["consumerKey"], **kw), None


def authlib_auth(case):
    # authlib refuses plain http unless told; the recorder is loopback http.
    os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")
    from authlib.integrations.requests_client import OAuth1Auth
    from authlib.oauth1 import rfc5849 as a

    cs, ts = secrets(case)
    method = case.get("signatureMethod") or "HMAC-SHA1"
    if method not in a.ClientAuth.SIGNATURE_METHODS:
        return None, "authlib 1.2 ships no %s signer (only HMAC-SHA1, RSA-SHA1, PLAINTEXT)" % method
    stype = {"header": a.SIGNATURE_TYPE_HEADER, "query": a.SIGNATURE_TYPE_QUERY,
             "body": a.SIGNATURE_TYPE_BODY}[case.get("transport") or "header"]
    kw = dict(client_secret=None if method.startswith("RSA") else cs,
              token=case.get("token") or None,
              token_secret=(ts if case.get("token") else None),
              redirect_uri=case.get("callback") or None,
              verifier=case.get("verifier") or None,
              signature_method=method, signature_type=stype,
              realm=case.get("realm") or None,
              # authlib adds oauth_body_hash only when it signs the body.
              force_include_body=bool(case.get("bodyHash")))
    if method.startswith("RSA"):
        kw["rsa_key"] = rsa_key()
    return OAuth1Auth(case["consumerKey"], **kw), None


LIBRARIES = {"requests-oauthlib": requests_oauthlib_auth, "authlib": authlib_auth}


def main():
    lib, path = sys.argv[1], sys.argv[2]
    make = LIBRARIES[lib]
    with open(path) as f:
        cases = json.load(f)
    for case in cases:
        out = {"case": case["id"]}
        try:
            auth, why = make(case)
            if why:
                out["cannot"] = why
            else:
                r = requests.request(case["method"], case["url"], data=body_of(lib, case),
                                     headers=headers_of(case), auth=auth, timeout=10,
                                     allow_redirects=False)
                out["sent"] = r.status_code == 200
                if r.status_code != 200:
                    out["error"] = "status %d" % r.status_code
        except Exception as e:  # a library refusing a case is reported, not hidden
            out["error"] = "%s: %s" % (type(e).__name__, str(e)[:200])
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
