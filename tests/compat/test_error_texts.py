"""AWS's error codes, HTTP statuses and message texts, word for word, through boto3 against the real binary.

The most important rows of the error-text table (the whole table is pinned through the router in
Tests/PortlessServerTests/ErrorTextTests.swift). Each row asserts what a script moved from AWS
compares: e.response["Error"]["Code"], ["Message"] and ["ResponseMetadata"]["HTTPStatusCode"].
Sources of the texts are in docs/decisions.md and beside each row.
"""

from __future__ import annotations

import json
import re
import sys
import time
import uuid
from pathlib import Path

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402

UNKNOWN_NODE = "mi-0123456789abcdef0"
DOC = json.dumps({"schemaVersion": "2.2",
                  "mainSteps": [{"action": "aws:runShellScript", "name": "run", "inputs": {"runCommand": ["echo hi"]}}]})
BAD_SIGNATURE = ("The request signature we calculated does not match the signature you provided. "
                 "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory):
    # Sessions may be as short as 2 s here, so that an expired token can be seen.
    server = pf.start_server(tmp_path_factory.mktemp("errors") / "data", name="errors-server",
                             env={"PORTLESS_TEST_MIN_SESSION_SECONDS": "2"})
    yield server
    server.process.kill_hard()


def client(server: pf.Server, service: str, access_key=None, secret_key=None, token=None):
    ak, sk = server.credentials()
    session = boto3.session.Session(aws_access_key_id=access_key or ak, aws_secret_access_key=secret_key or sk,
                                    aws_session_token=token, region_name=server.region)
    extra = {"s3": {"addressing_style": "path"}, "signature_version": "s3v4"} if service == "s3" else {}
    return session.client(service, endpoint_url=server.url,
                          config=Config(retries={"total_max_attempts": 1}, parameter_validation=False, **extra))


def refused(call) -> tuple[str, int, str]:
    with pytest.raises(ClientError) as ei:
        call()
    e = ei.value.response
    return e["Error"]["Code"], e["ResponseMetadata"]["HTTPStatusCode"], e["Error"]["Message"]


# -------------------------------------------------------------------------------------- SSM


def test_missing_document(srv):
    # moto ssm; SSM API reference: "The specified document does not exist."
    ssm = client(srv, "ssm")
    assert refused(lambda: ssm.get_document(Name="Nope")) == ("InvalidDocument", 400, "The specified document does not exist.")
    assert refused(lambda: ssm.describe_document(Name="Nope")) == ("InvalidDocument", 400, "The specified document does not exist.")
    assert refused(lambda: ssm.send_command(DocumentName="Nope", InstanceIds=[UNKNOWN_NODE])) == \
        ("InvalidDocument", 400, "The specified document does not exist.")


def test_document_version_and_duplicates(srv):
    # moto ssm (models.py) for all four texts.
    ssm = client(srv, "ssm")
    name = pf.unique("errdoc")
    ssm.create_document(Name=name, Content=DOC, VersionName="v1")
    assert refused(lambda: ssm.create_document(Name=name, Content=DOC)) == \
        ("DocumentAlreadyExists", 400, "The specified document already exists.")
    assert refused(lambda: ssm.describe_document(Name=name, DocumentVersion="9")) == \
        ("InvalidDocumentVersion", 400, "The document version is not valid or does not exist.")
    assert refused(lambda: ssm.update_document(Name=name, Content=DOC, DocumentVersion="$LATEST")) == \
        ("DuplicateDocumentContent", 400,
         "The content of the association document matches another document. Change the content of the document and try again.")
    assert refused(lambda: ssm.update_document(Name=name, Content=DOC.replace("echo hi", "echo bye"), VersionName="v1",
                                               DocumentVersion="$LATEST")) == \
        ("DuplicateDocumentVersionName", 400, "The specified version name is a duplicate.")


def test_request_validation_texts(srv):
    # AWS's "1 validation error detected" wording with botocore's SSM constraints.
    ssm = client(srv, "ssm")
    assert refused(lambda: ssm.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[UNKNOWN_NODE], TimeoutSeconds=10)) == \
        ("ValidationException", 400, "1 validation error detected: Value '10' at 'timeoutSeconds' failed to satisfy constraint: "
                                     "Member must have value greater than or equal to 30")
    assert refused(lambda: ssm.list_commands(MaxResults=51)) == \
        ("ValidationException", 400, "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: "
                                     "Member must have value less than or equal to 50")


def test_portless_wording_names_the_field(srv):
    # AWS sends InvalidInstanceId with no message (aws/aws-cli#3646): Portless's text names the field.
    ssm = client(srv, "ssm")
    assert refused(lambda: ssm.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[UNKNOWN_NODE],
                                            Parameters={"commands": ["echo"]})) == \
        ("InvalidInstanceId", 400, f"Instance {UNKNOWN_NODE} is not a managed node of this account. (field: InstanceIds)")


def test_ssm_authentication(srv):
    # UnrecognizedClientException 400 from SSM (coveooss/spring-boot-parameter-store-integration#3);
    # InvalidSignatureException text and 400: dynalite, moto core.
    ak, _ = srv.credentials()
    assert refused(lambda: client(srv, "ssm", access_key="AKIAUNKNOWNKEY000000", secret_key="x").list_commands()) == \
        ("UnrecognizedClientException", 400, "The security token included in the request is invalid.")
    assert refused(lambda: client(srv, "ssm", access_key=ak, secret_key="wrong").list_commands()) == \
        ("InvalidSignatureException", 400, BAD_SIGNATURE)


# -------------------------------------------------------------------------------------- STS and IAM


def test_sts_and_iam(srv):
    ak, _ = srv.credentials()
    sts, iam = client(srv, "sts"), client(srv, "iam")
    account = sts.get_caller_identity()["Account"]
    assert refused(lambda: client(srv, "sts", access_key="AKIAUNKNOWNKEY000000", secret_key="x").get_caller_identity()) == \
        ("InvalidClientTokenId", 403, "The security token included in the request is invalid.")
    assert refused(lambda: client(srv, "sts", access_key=ak, secret_key="wrong").get_caller_identity()) == \
        ("SignatureDoesNotMatch", 403, BAD_SIGNATURE)
    # moto iam
    assert refused(lambda: iam.get_role(RoleName="Nope")) == ("NoSuchEntity", 404, "The role with name Nope cannot be found.")
    role = pf.unique("Role")
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
                                                                "Action": "sts:AssumeRole"}]})
    iam.create_role(RoleName=role, AssumeRolePolicyDocument=trust)
    assert refused(lambda: iam.create_role(RoleName=role, AssumeRolePolicyDocument=trust)) == \
        ("EntityAlreadyExists", 409, f"Role with name {role} already exists.")
    assert refused(lambda: iam.create_role(RoleName=pf.unique("R"), AssumeRolePolicyDocument="not json")) == \
        ("MalformedPolicyDocument", 400, "Syntax errors in policy.")
    # STS output quoted in Hadoop's S3A troubleshooting guide; moto/localstack for the ARN text.
    arn = f"arn:aws:iam::{account}:role/{role}"
    assert refused(lambda: sts.assume_role(RoleArn=arn, RoleSessionName="s1", DurationSeconds=100000)) == \
        ("ValidationError", 400, "1 validation error detected: Value '100000' at 'durationSeconds' failed to satisfy constraint: "
                                 "Member must have value less than or equal to 43200")
    assert refused(lambda: sts.assume_role(RoleArn="arn:aws:iam::123456789012:user/someone", RoleSessionName="s1")) == \
        ("ValidationError", 400, "arn:aws:iam::123456789012:user/someone is invalid")
    assert refused(lambda: sts.assume_role(RoleArn=arn, RoleSessionName="s1")) == \
        ("AccessDenied", 403, "Roles may not be assumed by root accounts.")
    iam.create_user(UserName="assumer")
    iam.attach_user_policy(UserName="assumer", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    key = iam.create_access_key(UserName="assumer")["AccessKey"]
    assumer = client(srv, "sts", access_key=key["AccessKeyId"], secret_key=key["SecretAccessKey"])
    code, status, message = refused(lambda: assumer.assume_role(RoleArn=f"arn:aws:iam::{account}:role/Nope", RoleSessionName="s1"))
    assert (code, status) == ("AccessDenied", 403)
    assert message == f"User: arn:aws:iam::{account}:user/assumer is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::{account}:role/Nope"


def test_expired_token(srv):
    # "The security token included in the request is expired" (no final period), as SSM (JSON) and STS (Query) send it.
    creds = client(srv, "sts").get_session_token(DurationSeconds=2)["Credentials"]
    time.sleep(3)
    keys = dict(access_key=creds["AccessKeyId"], secret_key=creds["SecretAccessKey"], token=creds["SessionToken"])
    assert refused(lambda: client(srv, "ssm", **keys).list_commands()) == \
        ("ExpiredTokenException", 400, "The security token included in the request is expired")
    assert refused(lambda: client(srv, "sts", **keys).get_caller_identity()) == \
        ("ExpiredToken", 400, "The security token included in the request is expired")


# -------------------------------------------------------------------------------------- S3


def test_s3(srv):
    # S3's error-code table (Amazon S3 API reference, "Error responses").
    s3 = client(srv, "s3")
    assert refused(lambda: s3.get_object(Bucket="nobucket-" + uuid.uuid4().hex[:8], Key="k")) == \
        ("NoSuchBucket", 404, "The specified bucket does not exist")
    bucket = "b-" + uuid.uuid4().hex[:12]
    s3.create_bucket(Bucket=bucket)
    assert refused(lambda: s3.get_object(Bucket=bucket, Key="nokey")) == ("NoSuchKey", 404, "The specified key does not exist.")
    assert refused(lambda: s3.create_bucket(Bucket=bucket)) == \
        ("BucketAlreadyOwnedByYou", 409, "Your previous request to create the named bucket succeeded and you already own it.")
    s3.put_object(Bucket=bucket, Key="k", Body=b"x")
    assert refused(lambda: s3.delete_bucket(Bucket=bucket)) == ("BucketNotEmpty", 409, "The bucket you tried to delete is not empty")
    ak, _ = srv.credentials()
    assert refused(lambda: client(srv, "s3", access_key=ak, secret_key="wrong").list_buckets()) == \
        ("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided. "
                                       "Check your key and signing method.")


def test_s3_expired_presigned_url(srv):
    s3 = client(srv, "s3")
    bucket = "b-" + uuid.uuid4().hex[:12]
    s3.create_bucket(Bucket=bucket)
    url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=1)
    time.sleep(2)
    r = requests.get(url, timeout=10)
    assert r.status_code == 403
    assert re.search(r"<Code>AccessDenied</Code>", r.text) and re.search(r"<Message>Request has expired</Message>", r.text), r.text
