#!/usr/bin/env python3
"""Generate SigV4 test vectors signed by botocore, the reference signer.

Usage: sigv4_vectors.py N SEED

Prints a JSON list of N requests. Each one is built with a seeded RNG (methods,
services ssm/sts/s3, awkward paths, queries and headers, empty/text/binary
bodies, fixed timestamps), signed by botocore's own signers
(SigV4Auth, S3SigV4Auth, SigV4QueryAuth, S3SigV4QueryAuth), and reported with
what went on the wire and what botocore computed on the way:

  id, kind ("header" | "presign"), signer (botocore class name), method,
  service, region, host, scheme, access_key, secret_key, session_token|null,
  amz_date, expires|null,
  path, query          -- raw, exactly as in botocore's prepared request URL
                          (query without "?")
  presign_input_query  -- presign only: the query before signing, on the wire
  input_headers        -- [[name, value]] before signing (host included)
  headers              -- [[name, value]] as sent after signing (host included)
  body_b64             -- the body, base64
  payload_hash         -- what botocore put on the last line of the canonical request
  signed_headers       -- botocore's ";"-joined signed header names
  canonical_request, string_to_sign, signature
  authorization|null   -- the Authorization header (header form)
  repeated_query_keys  -- true when the query names a parameter more than once

Only botocore's public signer classes are driven; their logic is not copied.
"""

import base64
import datetime
import json
import random
import sys
from unittest import mock
from urllib.parse import quote, urlencode, urlsplit

try:
    import botocore
    import botocore.auth as auth
    from botocore.awsrequest import AWSRequest
    from botocore.config import Config
    from botocore.credentials import Credentials
except ImportError as exc:  # pragma: no cover - reported to the Swift test
    sys.stderr.write(f"botocore is not importable: {exc}\n")
    sys.exit(3)


SERVICES = ["ssm", "sts", "s3"]
METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD"]
REGIONS = ["us-east-1", "ap-northeast-2", "eu-west-3", "local"]
HOSTS = [
    "{service}.{region}.amazonaws.com",
    "localhost:8443",
    "127.0.0.1:9000",
    "portless.example.test",
    "[::1]:4566",
]
TIMESTAMPS = [
    datetime.datetime(2026, 11, 22, 9, 5, 7),
    datetime.datetime(2015, 8, 30, 12, 36, 0),
    datetime.datetime(2024, 2, 29, 23, 59, 59),
    datetime.datetime(2000, 1, 1, 0, 0, 0),
    datetime.datetime(2031, 12, 31, 18, 4, 1),
]
PATH_SEGMENTS = [
    "bucket", "results", "mi-0123 x.tar", "한글", "café", "é", "a+b", "100%",
    "", ".", "..", "x=y", "a:b@c", "!$&'()*,;", "~user", "dir.name", "-_.~",
    "with space", "q?mark", "hash#tag", "%41", "semi;colon", "日本語.txt",
    "plus+and space", "tab\tchar", "a%2Fb", "UPPER", "emoji😀",
]
QUERY_WORDS = [
    "a", "b", "prefix", "list-type", "acl", "uploads", "Action", "key",
    "é", "한글", "with space", "a+b", "1+1=2", "~tilde", "-_.", "x/y",
    "", "UPPER", "lower", "%", "amp&", "semi;", "日本", "Z", "z", "0",
]
HEADER_NAMES = [
    "X-Custom-Header", "x-amz-meta-Foo", "X-Amz-Meta-Bar", "X-Odd",
    "x-dup", "Content-MD5", "Accept", "X-Amz-Target", "x-amz-checksum-crc32",
    "x-amz-sdk-checksum-algorithm", "Cache-Control",
]
HEADER_VALUES = [
    "plain", "  leading and trailing  ", "inner    run   of spaces",
    "tab\there", " \t mixed \t  whitespace\t", "", "a,b,c", "q=\"quoted  text\"",
    "UPPER lower 123", "x" * 40, "  ", "=;:/?@&",
]
NON_S3_PATH_SAFE = ["/~", "/~!$&'()*,;=:@"]


def enc(value):
    """Percent-encode like botocore.utils.percent_encode (keeps -_.~)."""
    return quote(value.encode("utf-8"), safe="-_.~")


def random_path(rng, service):
    if rng.random() < 0.12:
        return "/"
    count = rng.randint(1, 5)
    segments = [rng.choice(PATH_SEGMENTS) for _ in range(count)]
    path = "/" + "/".join(segments)
    if rng.random() < 0.2:
        path += "/"
    if rng.random() < 0.1:
        path = path.replace("/", "//", 1)
    # What goes on the wire is percent-encoded. S3 keys are encoded the way
    # botocore's serializer does it (safe="/~"); for other services vary the
    # safe set so raw sub-delimiters also reach the signer.
    safe = "/~" if service == "s3" else rng.choice(NON_S3_PATH_SAFE)
    return quote(path.encode("utf-8"), safe=safe)


def random_pairs(rng):
    pairs = []
    for _ in range(rng.randint(1, 6)):
        key = rng.choice(QUERY_WORDS) or "k"
        value = rng.choice(QUERY_WORDS)
        pairs.append((key, value))
        if rng.random() < 0.2:  # repeated key
            pairs.append((key, rng.choice(QUERY_WORDS)))
    return pairs


def random_query(rng):
    """Returns (mode, url_query_or_None, params_or_None)."""
    roll = rng.random()
    if roll < 0.25:
        return "none", None, None
    pairs = random_pairs(rng)
    if roll < 0.7:
        # A query already in the URL, encoded the way botocore encodes
        # operation parameters (percent_encode_sequence), in any order,
        # with some keys sent without "=".
        parts = []
        for key, value in pairs:
            if value == "" and rng.random() < 0.5:
                parts.append(enc(key))
            else:
                parts.append(f"{enc(key)}={enc(value)}")
        return "url", "&".join(parts), None
    # AWSRequest.params: botocore signs them percent-encoded but the
    # prepared URL carries them form-encoded (space as "+").
    return "params", None, pairs


def random_body(rng, service):
    roll = rng.random()
    if roll < 0.35:
        return b""
    if roll < 0.55 and service == "ssm":
        return json.dumps({"InstanceIds": ["mi-0123456789abcdef0"], "Comment": "héllo"}).encode("utf-8")
    if roll < 0.55 and service == "sts":
        return b"Action=GetCallerIdentity&Version=2011-06-15"
    if roll < 0.75:
        return "text body with ünïcödé and 한글\n".encode("utf-8") * rng.randint(1, 3)
    return bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 300)))


def random_headers(rng, service, method, body):
    headers = []
    if service == "ssm" and rng.random() < 0.8:
        headers.append(("X-Amz-Target", "AmazonSSM.SendCommand"))
        headers.append(("Content-Type", "application/x-amz-json-1.1"))
    elif service == "sts" and rng.random() < 0.8:
        headers.append(("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"))
    if rng.random() < 0.25:
        headers.append(("User-Agent", "Botocore/%s test" % botocore.__version__))
    if rng.random() < 0.1:
        headers.append(("Expect", "100-continue"))
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 4)):
            headers.append((rng.choice(HEADER_NAMES), rng.choice(HEADER_VALUES)))
        if rng.random() < 0.3:
            # Repeated name, different case.
            headers.append(("X-Dup", rng.choice(HEADER_VALUES)))
            headers.append(("x-dup", rng.choice(HEADER_VALUES)))
    if rng.random() < 0.03:
        headers.append(("Date", "Mon, 01 Jan 2001 00:00:00 GMT"))
    return headers


def wire_headers(request, host):
    items = [[k, v] for k, v in request.headers.items()]
    if not any(k.lower() == "host" for k, _ in items):
        items.append(["host", host])
    return items


def capture(signer):
    seen = {}
    original_cr = signer.canonical_request
    original_sts = signer.string_to_sign

    def canonical_request(request):
        seen["canonical_request"] = original_cr(request)
        return seen["canonical_request"]

    def string_to_sign(request, canonical):
        seen["string_to_sign"] = original_sts(request, canonical)
        return seen["string_to_sign"]

    signer.canonical_request = canonical_request
    signer.string_to_sign = string_to_sign
    return seen


def make_vector(rng, index):
    service = rng.choice(SERVICES)
    region = rng.choice(REGIONS)
    presign = rng.random() < (0.35 if service == "s3" else 0.15)
    method = rng.choice(METHODS)
    if presign and service != "s3":
        method = rng.choice(["GET", "GET", "POST"])
    scheme = rng.choice(["http", "https"])
    host = rng.choice(HOSTS).format(service=service, region=region)
    access_key = "AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    secret = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+") for _ in range(40))
    token = None
    if rng.random() < 0.3:
        token = "IQoJb3JpZ2luX2VjE" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789/+=") for _ in range(60))
    timestamp = rng.choice(TIMESTAMPS)

    path = random_path(rng, service)
    mode, url_query, params = random_query(rng)
    body = b"" if presign else random_body(rng, service)
    extra = [] if presign and rng.random() < 0.7 else random_headers(rng, service, method, body)
    if presign:
        extra = [(k, v) for k, v in extra if k.lower() != "date"]

    url = f"{scheme}://{host}{path}"
    if url_query is not None:
        url += "?" + url_query
    request = AWSRequest(method=method, url=url, data=body, params=params or {})
    for name, value in extra:
        request.headers[name] = value  # HTTPHeaders appends: repeats are kept
    if rng.random() < 0.3:
        request.headers["Host"] = host

    credentials = Credentials(access_key, secret, token)
    expires = None
    if presign:
        expires = rng.choice([1, 60, 600, 3600, 86400, 604800])
        cls = auth.S3SigV4QueryAuth if service == "s3" else auth.SigV4QueryAuth
        signer = cls(credentials, service, region, expires=expires)
    else:
        cls = auth.S3SigV4Auth if service == "s3" else auth.SigV4Auth
        signer = cls(credentials, service, region)
        roll = rng.random()
        if roll < 0.05 and scheme == "https":
            request.context["payload_signing_enabled"] = False
        elif roll < 0.1 and service == "s3":
            request.context["client_config"] = Config(s3={"payload_signing_enabled": False})
        elif roll < 0.13:
            request.context["checksum"] = {"request_algorithm": {"in": "trailer", "name": "x-amz-checksum-crc32"}}

    if presign:
        if params:
            presign_input_query = urlencode(params, doseq=True)
        else:
            presign_input_query = url_query or ""
    input_headers = wire_headers(request, host)

    seen = capture(signer)
    with mock.patch.object(auth, "get_current_datetime", lambda *a, **k: timestamp):
        signer.add_auth(request)
    prepared = request.prepare()
    parts = urlsplit(prepared.url)

    canonical = seen["canonical_request"]
    lines = canonical.split("\n")
    authorization = request.headers.get("Authorization")
    if presign:
        signature = parts.query.rsplit("X-Amz-Signature=", 1)[1]
    else:
        signature = authorization.rsplit("Signature=", 1)[1]

    query_for_keys = parts.query if not presign else (presign_input_query or "")
    keys = [p.partition("=")[0] for p in query_for_keys.split("&") if p]
    return {
        "id": index,
        "kind": "presign" if presign else "header",
        "signer": cls.__name__,
        "method": method,
        "service": service,
        "region": region,
        "host": host,
        "scheme": scheme,
        "access_key": access_key,
        "secret_key": secret,
        "session_token": token,
        "amz_date": timestamp.strftime("%Y%m%dT%H%M%SZ"),
        "expires": expires,
        "path": parts.path,
        "query": parts.query,
        "presign_input_query": presign_input_query if presign else None,
        "query_mode": mode,
        "input_headers": input_headers,
        "headers": wire_headers(request, host),
        "body_b64": base64.b64encode(body).decode("ascii"),
        "payload_hash": lines[-1],
        "signed_headers": lines[-2],
        "canonical_request": canonical,
        "string_to_sign": seen["string_to_sign"],
        "signature": signature,
        "authorization": authorization,
        "repeated_query_keys": len(keys) != len(set(keys)),
    }


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: sigv4_vectors.py N SEED\n")
        return 2
    count, seed = int(argv[1]), int(argv[2])
    rng = random.Random(seed)
    vectors = [make_vector(rng, i) for i in range(count)]
    json.dump(vectors, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
