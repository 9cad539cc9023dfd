"""The audit trail end to end: every call through boto3 and the aws CLI — allowed, denied, unauthenticated —
is a CloudTrail record in the data directory, secrets redacted; role sessions show their MFA; the records are
chained and sealed in signed digests, and `portless audit verify` names each record changed, removed,
reordered or inserted and each digest missing or forged; `portless audit export` writes NDJSON.

A trail delivers gzipped CloudTrail log files to a bucket under AWS's key layout.

One server per module, sealing a digest and delivering trails every second.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from totp import fresh_step, totp  # noqa: E402

ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"


def client(server: pf.Server, service: str, creds: dict):
    session = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                                    aws_session_token=creds.get("SessionToken"), region_name=server.region)
    return session.client(service, endpoint_url=server.url, config=Config(retries={"mode": "standard", "total_max_attempts": 1}))


def entries(data_dir: Path) -> list[dict]:
    """The audit log's entries, in file order."""
    out = []
    for path in sorted((data_dir / "audit" / "records").glob("*.ndjson")):
        out += [json.loads(line) for line in path.read_text().splitlines() if line]
    return out


def records(data_dir: Path) -> list[dict]:
    return [json.loads(e["record"]) for e in entries(data_dir)]


def log_text(data_dir: Path) -> str:
    return "".join(p.read_text() for p in (data_dir / "audit" / "records").glob("*.ndjson"))


def verify(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([pf.PORTLESS_BIN, "audit", "verify", "--data-dir", str(data_dir)], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def world(portless_bin, tmp_path_factory):
    base = tmp_path_factory.mktemp("audit")
    server = pf.start_server(base / "data", name="audit-server", env={"PORTLESS_AUDIT_DIGEST_INTERVAL": "1",
                                                                                   "PORTLESS_TRAIL_DELIVERY_INTERVAL": "1"})
    root = {"AccessKeyId": server.access_key, "SecretAccessKey": server.secret_key}
    yield {"server": server, "root": root, "base": base}
    server.process.kill_hard()


def test_allowed_denied_and_unauthenticated_calls_are_recorded_with_secrets_redacted(world):
    server, root = world["server"], world["root"]
    iam = client(server, "iam", root)
    iam.create_user(UserName="bob")
    key = iam.create_access_key(UserName="bob")["AccessKey"]
    bob_ssm = client(server, "ssm", key)
    code, message = pf.refused(lambda: bob_ssm.describe_instance_information())
    assert code == "AccessDeniedException"
    pf.aws(server, "ssm", "list-documents", "--max-results", "1")
    forged = client(server, "ssm", {"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": "not-the-secret"})
    assert pf.refused(lambda: forged.list_documents())[0] == "InvalidSignatureException"

    found = records(server.data_dir)
    by_name = {}
    for record in found:
        by_name.setdefault(record["eventName"], []).append(record)
    created = by_name["CreateAccessKey"][-1]
    assert created["eventSource"] == "iam.amazonaws.com" and created["readOnly"] is False
    assert created["userIdentity"]["type"] == "Root" and created["requestParameters"] == {"userName": "bob"}
    assert created["responseElements"]["accessKey"]["accessKeyId"] == key["AccessKeyId"]
    assert created["responseElements"]["accessKey"]["secretAccessKey"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
    assert key["SecretAccessKey"] not in log_text(server.data_dir)

    denied = by_name["DescribeInstanceInformation"][-1]
    assert denied["errorCode"] == "AccessDeniedException" and denied["errorMessage"] == message
    assert denied["userIdentity"] == {"type": "IAMUser", "principalId": denied["userIdentity"]["principalId"],
                                      "arn": f"arn:aws:iam::{created['recipientAccountId']}:user/bob",
                                      "accountId": created["recipientAccountId"], "accessKeyId": key["AccessKeyId"], "userName": "bob"}
    assert denied["userIdentity"]["principalId"].startswith("AIDA")
    cli = [r for r in by_name["ListDocuments"] if "errorCode" not in r][-1]
    assert cli["userAgent"].startswith("aws-cli/") and cli["sourceIPAddress"] == "127.0.0.1" and cli["readOnly"] is True
    assert cli["requestParameters"] == {"maxResults": 1}
    bad = [r for r in by_name["ListDocuments"] if "errorCode" in r][-1]
    assert bad["errorCode"] == "InvalidSignatureException" and bad["userIdentity"]["accessKeyId"] == key["AccessKeyId"]
    for record in found:
        assert record["eventVersion"] == "1.08" and record["eventType"] == "AwsApiCall" and record["awsRegion"] == "us-east-1"
        assert record["eventID"] and record["requestID"] and record["eventTime"].endswith("Z")


def test_a_role_session_assumed_with_mfa_is_recorded_as_mfa_authenticated(world):
    server, root = world["server"], world["root"]
    iam = client(server, "iam", root)
    account = client(server, "sts", root).get_caller_identity()["Account"]
    iam.create_user(UserName="carol")
    iam.attach_user_policy(UserName="carol", PolicyArn=ADMIN)
    carol = iam.create_access_key(UserName="carol")["AccessKey"]
    carol_iam = client(server, "iam", carol)
    device = carol_iam.create_virtual_mfa_device(VirtualMFADeviceName="carol")["VirtualMFADevice"]
    seed = device["Base32StringSeed"].decode()
    now = fresh_step()
    carol_iam.enable_mfa_device(UserName="carol", SerialNumber=device["SerialNumber"],
                                AuthenticationCode1=totp(seed, now, -1), AuthenticationCode2=totp(seed, now))
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:user/carol"},
                                                     "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
    iam.create_role(RoleName="Auditor", AssumeRolePolicyDocument=json.dumps(trust))
    iam.attach_role_policy(RoleName="Auditor", PolicyArn=ADMIN)
    code = totp(seed, step_offset=1)
    session = client(server, "sts", carol).assume_role(RoleArn=f"arn:aws:iam::{account}:role/Auditor", RoleSessionName="audit-s",
                                                       SerialNumber=device["SerialNumber"], TokenCode=code)["Credentials"]
    client(server, "ssm", session).list_documents(MaxResults=1)

    found = records(server.data_dir)
    assumed = [r for r in found if r["eventName"] == "AssumeRole"][-1]
    assert assumed["requestParameters"]["tokenCode"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
    assert assumed["requestParameters"]["serialNumber"] == device["SerialNumber"]
    assert assumed["responseElements"]["credentials"]["accessKeyId"] == session["AccessKeyId"]
    assert session["SecretAccessKey"] not in log_text(server.data_dir) and session["SessionToken"] not in log_text(server.data_dir)
    assert code not in json.dumps(assumed)
    call = [r for r in found if r["userIdentity"].get("accessKeyId") == session["AccessKeyId"]][-1]
    identity = call["userIdentity"]
    assert identity["type"] == "AssumedRole" and identity["arn"] == f"arn:aws:sts::{account}:assumed-role/Auditor/audit-s"
    assert identity["principalId"].endswith(":audit-s")
    assert identity["sessionContext"]["attributes"]["mfaAuthenticated"] == "true"
    issuer = identity["sessionContext"]["sessionIssuer"]
    assert issuer == {"type": "Role", "principalId": identity["principalId"].split(":")[0], "arn": f"arn:aws:iam::{account}:role/Auditor",
                      "accountId": account, "userName": "Auditor"}
    # A user's own long-term key carries no session context.
    enabled = [r for r in found if r["eventName"] == "EnableMFADevice"][-1]
    assert "sessionContext" not in enabled["userIdentity"]
    assert enabled["requestParameters"]["authenticationCode1"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
    created = [r for r in found if r["eventName"] == "CreateVirtualMFADevice"][-1]
    assert created["responseElements"]["virtualMFADevice"]["base32StringSeed"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
    assert seed not in log_text(server.data_dir)


def _tampered(world, name: str) -> Path:
    """A copy of the data directory's audit files to tamper with."""
    copy = world["base"] / f"tamper-{name}"
    shutil.copytree(world["server"].data_dir / "audit", copy / "audit")
    return copy


def _rewrite(data_dir: Path, edit) -> None:
    """Applies `edit` to the list of lines of the oldest record file."""
    path = sorted((data_dir / "audit" / "records").glob("*.ndjson"))[0]
    lines = path.read_text().splitlines()
    path.write_text("\n".join(edit(lines)) + "\n")


def _sealed(world, minimum: int) -> None:
    """Waits until at least `minimum` digests exist (the server seals every second)."""
    ssm = client(world["server"], "ssm", world["root"])
    digests = world["server"].data_dir / "audit" / "digests"
    deadline = time.time() + 30
    while len(list(digests.glob("*.json"))) < minimum:
        assert time.time() < deadline, "no digests written"
        ssm.list_documents(MaxResults=1)
        time.sleep(0.5)


def test_verify_names_each_record_changed_removed_reordered_or_inserted_and_each_digest_missing_or_forged(world):
    _sealed(world, 3)
    intact = _tampered(world, "none")
    result = verify(intact)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "audit log intact" in result.stdout

    changed = _tampered(world, "changed")
    def edit(lines):
        entry = json.loads(lines[2])
        record = json.loads(entry["record"])
        record["sourceIPAddress"] = "203.0.113.9"
        entry["record"] = json.dumps(record, separators=(",", ":"), sort_keys=True)
        lines[2] = json.dumps(entry, separators=(",", ":"), sort_keys=True)
        return lines
    _rewrite(changed, edit)
    result = verify(changed)
    assert result.returncode == 1 and "changed: record 3 " in result.stdout, result.stdout

    removed = _tampered(world, "removed")
    _rewrite(removed, lambda lines: lines[:4] + lines[5:])
    result = verify(removed)
    assert result.returncode == 1 and "removed: record 5:" in result.stdout, result.stdout

    reordered = _tampered(world, "reordered")
    _rewrite(reordered, lambda lines: lines[:5] + [lines[6], lines[5]] + lines[7:])
    result = verify(reordered)
    assert result.returncode == 1 and "reordered: record 6 " in result.stdout and "reordered: record 7 " in result.stdout, result.stdout

    inserted = _tampered(world, "inserted")
    def insert(lines):
        entry = json.loads(lines[3])
        record = json.loads(entry["record"])
        record["eventID"] = "00000000-0000-0000-0000-000000000000"
        entry["record"] = json.dumps(record, separators=(",", ":"), sort_keys=True)
        return lines[:1] + [json.dumps(entry)] + lines[1:]
    _rewrite(inserted, insert)
    result = verify(inserted)
    assert result.returncode == 1 and "inserted: record 4 (eventID 00000000-0000-0000-0000-000000000000)" in result.stdout, result.stdout
    assert "changed:" not in result.stdout and "removed:" not in result.stdout

    missing = _tampered(world, "digest-missing")
    (missing / "audit" / "digests" / "digest-00000002.json").unlink()
    result = verify(missing)
    assert result.returncode == 1 and "digest missing: digest 2:" in result.stdout, result.stdout

    forged = _tampered(world, "digest-forged")
    path = forged / "audit" / "digests" / "digest-00000001.json"
    digest = json.loads(path.read_text())
    digest["recordCount"] += 1
    digest["lastSequence"] += 1
    path.write_text(json.dumps(digest))
    result = verify(forged)
    assert result.returncode == 1 and "digest forged: digest 1:" in result.stdout, result.stdout


def test_export_writes_one_cloudtrail_record_per_line(world):
    server = world["server"]
    client(server, "ssm", world["root"]).list_documents(MaxResults=1)
    out = subprocess.run([pf.PORTLESS_BIN, "audit", "export", "--data-dir", str(server.data_dir)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) >= len(entries(server.data_dir)) - 1
    exported = [json.loads(line) for line in lines]
    assert all(r["eventVersion"] == "1.08" and "sequence" not in r for r in exported)
    assert [r["eventID"] for r in exported] == [r["eventID"] for r in records(server.data_dir)][:len(exported)]
    later = subprocess.run([pf.PORTLESS_BIN, "audit", "export", "--data-dir", str(server.data_dir), "--since", "2999-01-01T00:00:00Z"],
                           capture_output=True, text=True, timeout=60)
    assert later.returncode == 0 and later.stdout == ""
    window = subprocess.run([pf.PORTLESS_BIN, "audit", "export", "--data-dir", str(server.data_dir), "--until", exported[0]["eventTime"]],
                            capture_output=True, text=True, timeout=60)
    assert window.returncode == 0 and all(json.loads(l)["eventTime"] <= exported[0]["eventTime"] for l in window.stdout.splitlines())
    bad = subprocess.run([pf.PORTLESS_BIN, "audit", "export", "--data-dir", str(server.data_dir), "--since", "yesterday"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 and "--since" in bad.stderr


def test_a_trail_delivers_gzipped_log_files_to_its_bucket(world):
    import gzip
    import re
    server, root = world["server"], world["root"]
    account = client(server, "sts", root).get_caller_identity()["Account"]
    s3, trail = client(server, "s3", root), client(server, "cloudtrail", root)
    s3.create_bucket(Bucket="trail-logs")
    created = trail.create_trail(Name="main-trail", S3BucketName="trail-logs", S3KeyPrefix="audit")
    assert created["TrailARN"] == f"arn:aws:cloudtrail:us-east-1:{account}:trail/main-trail" and created["S3KeyPrefix"] == "audit"
    assert trail.get_trail_status(Name="main-trail")["IsLogging"] is False
    trail.start_logging(Name=created["TrailARN"])
    client(server, "ssm", root).list_documents(MaxResults=1)
    client(server, "iam", root).create_user(UserName="trail-user")
    deadline = time.time() + 30
    keys: list[str] = []
    while time.time() < deadline:
        keys = [o["Key"] for o in s3.list_objects_v2(Bucket="trail-logs").get("Contents", [])]
        delivered = [json.loads(gzip.decompress(s3.get_object(Bucket="trail-logs", Key=k)["Body"].read()))["Records"] for k in keys]
        if any(r["eventName"] == "CreateUser" for batch in delivered for r in batch):
            break
        time.sleep(0.5)
    else:
        raise AssertionError(f"no log file with CreateUser delivered: {keys}")
    pattern = rf"audit/AWSLogs/{account}/CloudTrail/us-east-1/\d{{4}}/\d{{2}}/\d{{2}}/{account}_CloudTrail_us-east-1_\d{{8}}T\d{{4}}Z_[0-9a-f]{{16}}\.json\.gz"
    assert keys and all(re.fullmatch(pattern, k) for k in keys), keys
    names = [r["eventName"] for batch in delivered for r in batch]
    assert "StartLogging" in names and "ListDocuments" in names and "CreateTrail" not in names
    status = trail.get_trail_status(Name="main-trail")
    assert status["IsLogging"] is True and status["LatestDeliveryTime"] and status["StartLoggingTime"]
    trail.stop_logging(Name="main-trail")
    assert trail.get_trail_status(Name="main-trail")["IsLogging"] is False
    listed = trail.describe_trails()["trailList"]
    assert [t["Name"] for t in listed] == ["main-trail"] and listed[0]["HomeRegion"] == "us-east-1"
    assert trail.get_trail(Name="main-trail")["Trail"]["S3BucketName"] == "trail-logs"

    assert pf.refused(lambda: trail.create_trail(Name="main-trail", S3BucketName="trail-logs")) == (
        "TrailAlreadyExistsException", f"Trail main-trail already exists for customer: {account} (field: Name)")
    assert pf.refused(lambda: trail.create_trail(Name="ab", S3BucketName="trail-logs")) == (
        "InvalidTrailNameException", "Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.")
    assert pf.refused(lambda: trail.create_trail(Name="10.0.0.1", S3BucketName="trail-logs"))[1] == "Trail name must not be formatted as an IP address."
    assert pf.refused(lambda: trail.create_trail(Name="other", S3BucketName="no-such-bucket"))[0] == "S3BucketDoesNotExistException"
    assert pf.refused(lambda: trail.get_trail(Name="missing")) == (
        "TrailNotFoundException", f"Unknown trail: arn:aws:cloudtrail:us-east-1:{account}:trail/missing for the user: {account}")
    assert [t["Name"] for t in trail.describe_trails()["trailList"]] == ["main-trail"]
    trail.delete_trail(Name="main-trail")
    assert trail.describe_trails()["trailList"] == []
    assert pf.refused(lambda: trail.start_logging(Name="main-trail"))[0] == "TrailNotFoundException"


def test_log_file_validation_delivers_signed_digest_files(world):
    import gzip
    import hashlib
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    server, root = world["server"], world["root"]
    s3, trail = client(server, "s3", root), client(server, "cloudtrail", root)
    s3.create_bucket(Bucket="trail-validated")
    trail.create_trail(Name="validated", S3BucketName="trail-validated", EnableLogFileValidation=True)
    trail.start_logging(Name="validated")
    client(server, "ssm", root).list_documents(MaxResults=1)
    deadline = time.time() + 30
    while time.time() < deadline:
        digests = [o["Key"] for o in s3.list_objects_v2(Bucket="trail-validated").get("Contents", []) if "/CloudTrail-Digest/" in o["Key"]]
        if digests:
            break
        time.sleep(0.5)
    else:
        raise AssertionError("no digest file delivered")
    client(server, "ssm", root).list_documents(MaxResults=1)
    trail.stop_logging(Name="validated")
    digests = sorted(o["Key"] for o in s3.list_objects_v2(Bucket="trail-validated")["Contents"] if "/CloudTrail-Digest/" in o["Key"])
    assert len(digests) >= 2
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode((server.data_dir / "audit" / "public-key").read_text()))
    previous_signature = None
    for name in digests:
        obj = s3.get_object(Bucket="trail-validated", Key=name)
        content = gzip.decompress(obj["Body"].read())
        digest = json.loads(content)
        assert digest["digestS3Object"] == name and obj["Metadata"]["signature-algorithm"] == "Ed25519"
        signed = f"{digest['digestEndTime']}\ntrail-validated/{name}\n{hashlib.sha256(content).hexdigest()}\n{previous_signature or 'null'}"
        key.verify(bytes.fromhex(obj["Metadata"]["signature"]), signed.encode())
        assert digest.get("previousDigestSignature") == previous_signature
        for log_file in digest["logFiles"]:
            body = gzip.decompress(s3.get_object(Bucket="trail-validated", Key=log_file["s3Object"])["Body"].read())
            assert hashlib.sha256(body).hexdigest() == log_file["hashValue"]
        previous_signature = obj["Metadata"]["signature"]
    assert trail.get_trail_status(Name="validated")["LatestDigestDeliveryTime"]
    forged = signed.replace("trail-validated/", "other-bucket/")
    with pytest.raises(Exception):
        key.verify(bytes.fromhex(previous_signature), forged.encode())
