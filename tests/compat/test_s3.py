"""S3 compatibility: the real aws CLI, boto3 and curl against a live Portless object store.

Run: python3 -m pytest tests/compat/test_s3.py -q -p no:cacheprovider
"""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import subprocess
import time
import urllib.parse
import uuid
from pathlib import Path

import boto3
import pytest
import requests
from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

import portless_fixtures as pf


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory):
    server = pf.start_server(tmp_path_factory.mktemp("s3") / "data", name="s3-server")
    yield server
    server.process.kill_hard()


def s3_client(server, access_key=None, secret_key=None, **config):
    # SigV4 throughout; test_presigned_with_boto3_defaults covers the SigV2 URLs boto3 makes by default.
    ak, sk = server.credentials()
    session = boto3.session.Session(aws_access_key_id=access_key or ak, aws_secret_access_key=secret_key or sk,
                                    region_name=server.region)
    return session.client("s3", endpoint_url=server.url,
                          config=Config(s3={"addressing_style": "path"}, signature_version="s3v4", retries={"total_max_attempts": 1}, **config))


@pytest.fixture(scope="module")
def s3(srv):
    return s3_client(srv)


def new_bucket(s3) -> str:
    name = f"b-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return name


def err(excinfo) -> tuple[str, int]:
    e = excinfo.value.response
    return e["Error"]["Code"], e["ResponseMetadata"]["HTTPStatusCode"]


def data_files(server, bucket) -> list[str]:
    """Object bytes on disk for a bucket, plus anything staged."""
    root = server.data_dir / "objects"
    found = list((root / "buckets" / bucket / "data").glob("*")) + list((root / "tmp").glob("*"))
    return sorted(str(p) for p in found)


class FixedPayloadAuth(S3SigV4Auth):
    """botocore's S3 signer with a chosen x-amz-content-sha256 (UNSIGNED-PAYLOAD, STREAMING-...)."""

    def __init__(self, creds, region, payload_hash):
        super().__init__(creds, "s3", region)
        self.payload_hash = payload_hash

    def payload(self, request):
        return self.payload_hash


def signed(server, method, path, body=b"", headers=None, payload_hash=None):
    """A botocore-S3-signed request (header form), prepared (Host added)."""
    ak, sk = server.credentials()
    req = AWSRequest(method=method, url=server.url + path, data=body, headers=dict(headers or {}))
    req.context["payload_signing_enabled"] = True
    auth = FixedPayloadAuth(Credentials(ak, sk), server.region, payload_hash) if payload_hash else S3SigV4Auth(Credentials(ak, sk), "s3", server.region)
    auth.add_auth(req)
    prepared = req.prepare()
    prepared.headers["Host"] = f"127.0.0.1:{server.port}"
    return prepared


# ---------------------------------------------------------------------------------------------
# buckets
# ---------------------------------------------------------------------------------------------


def test_bucket_lifecycle_with_aws_cli(srv):
    name = f"cli-{uuid.uuid4().hex[:10]}"
    pf.aws(srv, "s3", "mb", f"s3://{name}")
    assert name in pf.aws(srv, "s3", "ls").stdout
    listed = pf.aws(srv, "s3api", "list-buckets").json
    assert any(b["Name"] == name for b in listed["Buckets"])
    pf.aws(srv, "s3api", "head-bucket", "--bucket", name)
    again = pf.aws(srv, "s3api", "create-bucket", "--bucket", name, check=False)
    assert again.returncode != 0 and "BucketAlreadyOwnedByYou" in again.stderr
    pf.aws(srv, "s3", "rb", f"s3://{name}")
    gone = pf.aws(srv, "s3api", "head-bucket", "--bucket", name, check=False)
    assert gone.returncode != 0 and "404" in gone.stderr


@pytest.mark.parametrize("name", ["ab", "UPPER-case", "a" * 64, "192.168.1.1", "bad_underscore", "-lead", "dots..dots"])
def test_bad_bucket_names(srv, s3, name):
    with pytest.raises(ClientError) as e:
        s3.create_bucket(Bucket=name)
    assert err(e) == ("InvalidBucketName", 400)


def test_delete_non_empty_bucket_and_missing_things(s3):
    b = new_bucket(s3)
    s3.put_object(Bucket=b, Key="x", Body=b"1")
    with pytest.raises(ClientError) as e:
        s3.delete_bucket(Bucket=b)
    assert err(e) == ("BucketNotEmpty", 409)
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=b, Key="nope")
    assert err(e) == ("NoSuchKey", 404)
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket="no-such-bucket-here", Key="x")
    assert err(e) == ("NoSuchBucket", 404)
    with pytest.raises(ClientError) as e:
        s3.list_objects_v2(Bucket="no-such-bucket-here")
    assert err(e) == ("NoSuchBucket", 404)
    with pytest.raises(ClientError) as e:
        s3.head_object(Bucket=b, Key="nope")
    assert err(e)[1] == 404


def test_error_body_is_s3_xml(srv):
    p = signed(srv, "GET", "/no-such-bucket-zz/key")
    r = requests.get(p.url, headers=dict(p.headers), timeout=10)
    assert r.status_code == 404
    assert "<Error><Code>NoSuchBucket</Code>" in r.text
    assert "<Resource>/no-such-bucket-zz/key</Resource>" in r.text and "<RequestId>" in r.text


# ---------------------------------------------------------------------------------------------
# objects
# ---------------------------------------------------------------------------------------------


def test_put_get_head_delete_with_metadata(s3):
    b = new_bucket(s3)
    body = os.urandom(100_000)
    put = s3.put_object(Bucket=b, Key="dir/a b+c.bin", Body=body, ContentType="application/x-test",
                        Metadata={"owner": "ops"})
    assert put["ETag"] == '"%s"' % hashlib.md5(body).hexdigest()
    got = s3.get_object(Bucket=b, Key="dir/a b+c.bin")
    assert got["Body"].read() == body
    assert got["ContentType"] == "application/x-test" and got["Metadata"] == {"owner": "ops"}
    assert got["ETag"] == put["ETag"] and got["ContentLength"] == len(body)
    head = s3.head_object(Bucket=b, Key="dir/a b+c.bin")
    assert head["ContentLength"] == len(body)
    s3.delete_object(Bucket=b, Key="dir/a b+c.bin")
    s3.delete_object(Bucket=b, Key="dir/a b+c.bin")  # idempotent
    assert s3.list_objects_v2(Bucket=b)["KeyCount"] == 0


def test_ranges(s3):
    b = new_bucket(s3)
    body = bytes(range(256)) * 40
    s3.put_object(Bucket=b, Key="r", Body=body)
    r = s3.get_object(Bucket=b, Key="r", Range="bytes=10-19")
    assert r["Body"].read() == body[10:20] and r["ContentRange"] == f"bytes 10-19/{len(body)}"
    assert r["ResponseMetadata"]["HTTPStatusCode"] == 206
    assert s3.get_object(Bucket=b, Key="r", Range="bytes=-5")["Body"].read() == body[-5:]
    assert s3.get_object(Bucket=b, Key="r", Range="bytes=10000-")["Body"].read() == body[10000:]
    assert s3.get_object(Bucket=b, Key="r", Range="bytes=10200-99999")["Body"].read() == body[10200:]
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=b, Key="r", Range=f"bytes={len(body)}-")
    assert err(e) == ("InvalidRange", 416)


def test_listing_prefix_delimiter_pagination(s3):
    b = new_bucket(s3)
    keys = [f"logs/2026/{i:02d}.txt" for i in range(7)] + ["logs/top.txt", "other/x", "readme", "logs/2027/a"]
    for k in keys:
        s3.put_object(Bucket=b, Key=k, Body=k.encode())
    top = s3.list_objects_v2(Bucket=b, Delimiter="/")
    assert [c["Prefix"] for c in top["CommonPrefixes"]] == ["logs/", "other/"]
    assert [o["Key"] for o in top["Contents"]] == ["readme"]
    assert top["KeyCount"] == 3
    logs = s3.list_objects_v2(Bucket=b, Prefix="logs/", Delimiter="/")
    assert [c["Prefix"] for c in logs["CommonPrefixes"]] == ["logs/2026/", "logs/2027/"]
    assert [o["Key"] for o in logs["Contents"]] == ["logs/top.txt"]
    seen, token, pages = [], None, 0
    while True:
        kw = {"Bucket": b, "Prefix": "logs/", "MaxKeys": 3}
        if token:
            kw["ContinuationToken"] = token
        page = s3.list_objects_v2(**kw)
        pages += 1
        seen += [o["Key"] for o in page.get("Contents", [])]
        if not page["IsTruncated"]:
            break
        token = page["NextContinuationToken"]
    assert seen == sorted(k for k in keys if k.startswith("logs/")) and pages == 3
    after = s3.list_objects_v2(Bucket=b, StartAfter="logs/2027/a")
    assert [o["Key"] for o in after["Contents"]] == ["logs/top.txt", "other/x", "readme"]
    paginator = s3.get_paginator("list_objects_v2")
    all_keys = [o["Key"] for p in paginator.paginate(Bucket=b, PaginationConfig={"PageSize": 2}) for o in p.get("Contents", [])]
    assert all_keys == sorted(keys)
    ls = pf.aws  # aws s3 ls with prefix
    del ls


def test_copy_and_delete_objects(s3):
    b = new_bucket(s3)
    s3.put_object(Bucket=b, Key="src", Body=b"hello", Metadata={"a": "1"})
    s3.copy_object(Bucket=b, Key="dst", CopySource={"Bucket": b, "Key": "src"})
    got = s3.get_object(Bucket=b, Key="dst")
    assert got["Body"].read() == b"hello" and got["Metadata"] == {"a": "1"}
    s3.copy_object(Bucket=b, Key="dst2", CopySource=f"{b}/src", MetadataDirective="REPLACE", Metadata={"b": "2"})
    assert s3.head_object(Bucket=b, Key="dst2")["Metadata"] == {"b": "2"}
    res = s3.delete_objects(Bucket=b, Delete={"Objects": [{"Key": "src"}, {"Key": "dst"}, {"Key": "never"}]})
    assert sorted(d["Key"] for d in res["Deleted"]) == ["dst", "never", "src"]
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=b)["Contents"]] == ["dst2"]


def test_wrong_md5_stores_nothing(srv, s3):
    b = new_bucket(s3)
    bad = base64.b64encode(hashlib.md5(b"other").digest()).decode()
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=b, Key="k", Body=b"payload", ContentMD5=bad)
    assert err(e) == ("BadDigest", 400)
    assert s3.list_objects_v2(Bucket=b)["KeyCount"] == 0
    assert data_files(srv, b) == []


def test_content_sha256_mismatch(srv, s3):
    b = new_bucket(s3)
    p = signed(srv, "PUT", f"/{b}/k", body=b"other body")  # signs the hash of another body of the same length
    assert p.headers["X-Amz-Content-SHA256"] == hashlib.sha256(b"other body").hexdigest()
    r = requests.put(p.url, headers=dict(p.headers), data=b"real body!", timeout=10)
    assert r.status_code == 400 and "<Code>XAmzContentSHA256Mismatch</Code>" in r.text
    assert s3.list_objects_v2(Bucket=b)["KeyCount"] == 0


def test_bad_keys(srv, s3):
    b = new_bucket(s3)
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=b, Key="k" * 1025, Body=b"x")
    assert err(e)[0] == "KeyTooLongError"
    p = signed(srv, "PUT", f"/{b}/a/%2E%2E/b", body=b"x")
    r = requests.put(p.url, headers=dict(p.headers), data=b"x", timeout=10)
    assert r.status_code == 400 and "InvalidArgument" in r.text
    assert data_files(srv, b) == []


def _raw_put(srv, path, headers, send: bytes, close_early: bool):
    """Send a signed PUT by hand: headers as given, then `send` bytes, then maybe hang up."""
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    lines = [f"PUT {path} HTTP/1.1"] + [f"{k}: {v}" for k, v in headers.items()]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + send)
    if close_early:
        sock.shutdown(socket.SHUT_WR)
    try:
        return sock.recv(65536).decode(errors="replace")
    except OSError:
        return ""
    finally:
        sock.close()


def test_truncated_body_and_disconnect_leave_nothing(srv, s3):
    b = new_bucket(s3)
    p = signed(srv, "PUT", f"/{b}/trunc", payload_hash="UNSIGNED-PAYLOAD")
    headers = {k: v for k, v in p.headers.items()}
    headers["Content-Length"] = "1000000"
    _raw_put(srv, f"/{b}/trunc", headers, os.urandom(300_000), close_early=True)
    time.sleep(1)
    assert s3.list_objects_v2(Bucket=b)["KeyCount"] == 0
    assert data_files(srv, b) == []


def test_oversized_body_refused_up_front(srv, s3):
    b = new_bucket(s3)
    p = signed(srv, "PUT", f"/{b}/huge", payload_hash="UNSIGNED-PAYLOAD")
    headers = {k: v for k, v in p.headers.items()}
    headers["Content-Length"] = str(6 * 1024**3)
    reply = _raw_put(srv, f"/{b}/huge", headers, b"x" * 1000, close_early=False)
    assert "400" in reply.split("\r\n")[0] and "EntityTooLarge" in reply
    assert data_files(srv, b) == []


def test_signed_chunked_upload(srv, s3):
    """STREAMING-AWS4-HMAC-SHA256-PAYLOAD, built by hand with botocore's signing primitives."""
    import hmac

    b = new_bucket(s3)
    ak, sk = srv.credentials()
    payload = os.urandom(150_000)
    chunks = [payload[i:i + 65536] for i in range(0, len(payload), 65536)] + [b""]
    req = AWSRequest(method="PUT", url=f"{srv.url}/{b}/chunked", data=b"",
                     headers={"Content-Encoding": "aws-chunked", "X-Amz-Decoded-Content-Length": str(len(payload))})
    auth = FixedPayloadAuth(Credentials(ak, sk), srv.region, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
    auth.add_auth(req)
    seed = req.headers["Authorization"].split("Signature=")[1]
    amz_date = req.headers["X-Amz-Date"]
    scope = f"{amz_date[:8]}/{srv.region}/s3/aws4_request"
    key = auth._sign(("AWS4" + sk).encode(), amz_date[:8], hex=False)
    for part in (srv.region, "s3", "aws4_request"):
        key = auth._sign(key, part, hex=False)

    def body(tamper=False):
        prev, out = seed, b""
        for c in chunks:
            sts = "\n".join(["AWS4-HMAC-SHA256-PAYLOAD", amz_date, scope, prev, hashlib.sha256(b"").hexdigest(),
                             hashlib.sha256(c).hexdigest()])
            sig = hmac.new(key, sts.encode(), hashlib.sha256).hexdigest()
            if tamper and c:
                sig = "0" * 64
            out += f"{len(c):x};chunk-signature={sig}\r\n".encode() + c + b"\r\n"
            prev = sig
        return out

    prepared = req.prepare()
    r = requests.put(prepared.url, headers=dict(prepared.headers), data=body(), timeout=20)
    assert r.status_code == 200, r.text
    assert s3.get_object(Bucket=b, Key="chunked")["Body"].read() == payload
    r = requests.put(prepared.url.replace("/chunked", "/chunked"), headers=dict(prepared.headers), data=body(tamper=True), timeout=20)
    assert r.status_code == 403 and "SignatureDoesNotMatch" in r.text
    assert s3.get_object(Bucket=b, Key="chunked")["Body"].read() == payload


# ---------------------------------------------------------------------------------------------
# multipart and the aws CLI
# ---------------------------------------------------------------------------------------------


def test_multipart_abort_and_list_parts(s3):
    b = new_bucket(s3)
    up = s3.create_multipart_upload(Bucket=b, Key="mp")
    uid = up["UploadId"]
    p1 = os.urandom(5 * 1024 * 1024)
    e1 = s3.upload_part(Bucket=b, Key="mp", UploadId=uid, PartNumber=1, Body=p1)["ETag"]
    e2 = s3.upload_part(Bucket=b, Key="mp", UploadId=uid, PartNumber=2, Body=b"tail")["ETag"]
    parts = s3.list_parts(Bucket=b, Key="mp", UploadId=uid)["Parts"]
    assert [(p["PartNumber"], p["ETag"], p["Size"]) for p in parts] == [(1, e1, len(p1)), (2, e2, 4)]
    with pytest.raises(ClientError) as e:
        s3.complete_multipart_upload(Bucket=b, Key="mp", UploadId=uid,
                                     MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e2}]})
    assert err(e) == ("InvalidPart", 400)
    done = s3.complete_multipart_upload(Bucket=b, Key="mp", UploadId=uid,
                                        MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e1}, {"PartNumber": 2, "ETag": e2}]})
    md5s = hashlib.md5(hashlib.md5(p1).digest() + hashlib.md5(b"tail").digest()).hexdigest()
    assert done["ETag"] == f'"{md5s}-2"'
    assert s3.get_object(Bucket=b, Key="mp")["Body"].read() == p1 + b"tail"
    up2 = s3.create_multipart_upload(Bucket=b, Key="gone")["UploadId"]
    s3.upload_part(Bucket=b, Key="gone", UploadId=up2, PartNumber=1, Body=b"x")
    s3.abort_multipart_upload(Bucket=b, Key="gone", UploadId=up2)
    with pytest.raises(ClientError) as e:
        s3.list_parts(Bucket=b, Key="gone", UploadId=up2)
    assert err(e) == ("NoSuchUpload", 404)
    assert "gone" not in [o["Key"] for o in s3.list_objects_v2(Bucket=b)["Contents"]]


def test_aws_cli_200mb_round_trip_and_sync(srv, s3, tmp_path):
    b = new_bucket(s3)
    big = tmp_path / "big.bin"
    with open(big, "wb") as f:
        for _ in range(200):
            f.write(os.urandom(1024 * 1024))
    t0 = time.monotonic()
    pf.aws(srv, "s3", "cp", str(big), f"s3://{b}/big.bin", timeout=300)
    up = time.monotonic() - t0
    head = s3.head_object(Bucket=b, Key="big.bin")
    assert head["ContentLength"] == 200 * 1024 * 1024 and head["ETag"].endswith('-25"')
    back = tmp_path / "back.bin"
    pf.aws(srv, "s3", "cp", f"s3://{b}/big.bin", str(back), timeout=300)
    assert hashlib.sha256(back.read_bytes()).digest() == hashlib.sha256(big.read_bytes()).digest()
    print(f"200 MB upload took {up:.1f}s")
    src = tmp_path / "tree"
    (src / "sub").mkdir(parents=True)
    for i in range(5):
        (src / f"f{i}.txt").write_text(f"file {i}")
    (src / "sub" / "deep.txt").write_text("deep")
    pf.aws(srv, "s3", "sync", str(src), f"s3://{b}/tree")
    listing = pf.aws(srv, "s3", "ls", f"s3://{b}/tree/").stdout
    assert "PRE sub/" in listing and "f3.txt" in listing
    again = pf.aws(srv, "s3", "sync", str(src), f"s3://{b}/tree").stdout
    assert again.strip() == ""
    pf.aws(srv, "s3", "rm", f"s3://{b}/tree", "--recursive")
    assert "tree" not in pf.aws(srv, "s3", "ls", f"s3://{b}/").stdout


# ---------------------------------------------------------------------------------------------
# presigned URLs
# ---------------------------------------------------------------------------------------------


def curl_put(url: str, path: Path) -> tuple[int, str]:
    r = subprocess.run(["curl", "-s", "-o", "-", "-w", "\n%{http_code}", "-X", "PUT", "-T", str(path), url],
                       capture_output=True, text=True, timeout=60)
    body, _, code = r.stdout.rpartition("\n")
    return int(code), body


def test_presigned_put_with_curl_and_get(srv, s3, tmp_path):
    b = new_bucket(s3)
    f = tmp_path / "result.tar"
    f.write_bytes(os.urandom(50_000))
    url = s3.generate_presigned_url("put_object", Params={"Bucket": b, "Key": "results/mi-0123 x.tar"}, ExpiresIn=600)
    code, body = curl_put(url, f)
    assert code == 200, body
    get_url = s3.generate_presigned_url("get_object", Params={"Bucket": b, "Key": "results/mi-0123 x.tar"}, ExpiresIn=600)
    r = requests.get(get_url, timeout=10)
    assert r.status_code == 200 and r.content == f.read_bytes()


def test_presigned_refusals_write_nothing(srv, s3, tmp_path):
    b = new_bucket(s3)
    f = tmp_path / "x"
    f.write_bytes(b"evil")
    url = s3.generate_presigned_url("put_object", Params={"Bucket": b, "Key": "one"}, ExpiresIn=600)
    # another key
    code, body = curl_put(url.replace("/one?", "/two?"), f)
    assert code == 403 and "<Code>SignatureDoesNotMatch</Code>" in body
    # changed signature
    sig = url.rsplit("X-Amz-Signature=", 1)[1]
    flipped = ("0" if sig[0] != "0" else "1") + sig[1:]
    code, body = curl_put(url.replace(sig, flipped), f)
    assert code == 403 and "SignatureDoesNotMatch" in body
    # another method
    r = requests.delete(url, timeout=10)
    assert r.status_code == 403 and "SignatureDoesNotMatch" in r.text
    # expired
    short = s3.generate_presigned_url("put_object", Params={"Bucket": b, "Key": "one"}, ExpiresIn=1)
    time.sleep(2.2)
    code, body = curl_put(short, f)
    assert code == 403 and "<Code>AccessDenied</Code>" in body and "Request has expired" in body
    # a lifetime over 7 days is refused by the server too
    too_long = url.replace("X-Amz-Expires=600", "X-Amz-Expires=604801")
    code, body = curl_put(too_long, f)
    assert code in (400, 403)
    assert s3.list_objects_v2(Bucket=b)["KeyCount"] == 0
    assert data_files(srv, b) == []


def test_unsigned_and_wrong_key_refused(srv, s3):
    b = new_bucket(s3)
    r = requests.put(f"{srv.url}/{b}/anon", data=b"x", timeout=10)
    assert r.status_code == 403 and "AccessDenied" in r.text
    bad = s3_client(srv, secret_key="wrong" * 8)
    with pytest.raises(ClientError) as e:
        bad.put_object(Bucket=b, Key="k", Body=b"x")
    assert err(e) == ("SignatureDoesNotMatch", 403)
    unknown = s3_client(srv, access_key="AKIAUNKNOWNUNKNOWN00")
    with pytest.raises(ClientError) as e:
        unknown.list_buckets()
    assert err(e) == ("InvalidAccessKeyId", 403)
    assert s3.list_objects_v2(Bucket=b)["KeyCount"] == 0


def test_presigned_with_boto3_defaults(srv, tmp_path):
    """boto3's generate_presigned_url with no signature_version makes SigV2 query URLs: they work
    for one upload and one download, and a changed or expired one writes nothing."""
    ak, sk = srv.credentials()
    plain = boto3.session.Session(aws_access_key_id=ak, aws_secret_access_key=sk, region_name=srv.region).client(
        "s3", endpoint_url=srv.url, config=Config(s3={"addressing_style": "path"}))
    s3 = s3_client(srv)
    bucket = new_bucket(s3)
    put_url = plain.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "results/node 1.txt"}, ExpiresIn=600)
    assert "Signature=" in put_url and "X-Amz-Signature" not in put_url
    body = tmp_path / "result.txt"
    body.write_text("diagnostics result\n")
    done = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "-T", str(body), put_url],
                          capture_output=True, text=True, timeout=30)
    assert done.stdout == "200", done
    assert s3.get_object(Bucket=bucket, Key="results/node 1.txt")["Body"].read() == b"diagnostics result\n"
    get_url = plain.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "results/node 1.txt"}, ExpiresIn=600)
    assert requests.get(get_url, timeout=10).content == b"diagnostics result\n"
    # Another key, a changed signature, an expired URL: refused, nothing written.
    other = put_url.replace("node%201.txt", "node%202.txt")
    assert requests.put(other, data=b"x", timeout=10).status_code == 403
    tampered = put_url.replace("Signature=", "Signature=A")
    assert requests.put(tampered, data=b"x", timeout=10).status_code == 403
    expired = plain.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "late.txt"}, ExpiresIn=1)
    time.sleep(2.5)
    r = requests.put(expired, data=b"x", timeout=10)
    assert r.status_code == 403 and "expired" in r.text, r.text
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
    assert keys == ["results/node 1.txt"]
