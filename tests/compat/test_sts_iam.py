"""STS and IAM roles in the Query/XML protocol, driven by the real aws CLI and boto3.

One server per module, started with the test-only PORTLESS_TEST_MIN_SESSION_SECONDS=2 so that
credentials can be seen to expire; the 900-second floor itself is checked on a normal server.
Every reply is checked against botocore's own models (model_check), every bad input must get the
right XML error and change nothing (roles listed, session_credentials rows counted).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Optional

import boto3
import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}],
}
STS_NS = "{https://sts.amazonaws.com/doc/2011-06-15/}"


# --------------------------------------------------------------------------------------
# fixtures and helpers
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory) -> pf.Server:
    server = pf.start_server(tmp_path_factory.mktemp("sts") / "data", name="sts-server",
                             env={"PORTLESS_TEST_MIN_SESSION_SECONDS": "2"})
    yield server
    server.process.kill_hard()


_ADMINS: dict[str, dict] = {}


def admin_keys(server: pf.Server) -> dict:
    """The access key of an `operator` user with AdministratorAccess, made once per server by its root:
    roles may not be assumed by root, as on AWS."""
    if server.url not in _ADMINS:
        ak, sk = server.credentials()
        iam = boto3.session.Session(aws_access_key_id=ak, aws_secret_access_key=sk, region_name=server.region).client(
            "iam", endpoint_url=server.url)
        iam.create_user(UserName="operator")
        iam.attach_user_policy(UserName="operator", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
        _ADMINS[server.url] = iam.create_access_key(UserName="operator")["AccessKey"]
    return _ADMINS[server.url]


def client(server: pf.Server, service: str, creds: Optional[dict] = None, validate: bool = True, region: Optional[str] = None):
    """A boto3 client; `creds` is an STS Credentials dict (temporary) or None for the `operator` administrator."""
    keys = admin_keys(server)
    kwargs = dict(aws_access_key_id=keys["AccessKeyId"], aws_secret_access_key=keys["SecretAccessKey"])
    if creds is not None:
        kwargs = dict(
            aws_access_key_id=creds["AccessKeyId"],
            aws_secret_access_key=creds["SecretAccessKey"],
            aws_session_token=creds.get("SessionToken"),
        )
    session = boto3.session.Session(region_name=region or server.region, **kwargs)
    return session.client(
        service,
        endpoint_url=server.url,
        config=Config(retries={"mode": "standard", "total_max_attempts": 1}, parameter_validation=validate),
    )


def account_of(server: pf.Server) -> str:
    return client(server, "sts").get_caller_identity()["Account"]


def refused(call, code: str, status: int) -> ClientError:
    with pytest.raises(ClientError) as ei:
        call()
    err = ei.value.response
    assert err["Error"]["Code"] == code, err
    assert err["ResponseMetadata"]["HTTPStatusCode"] == status, err
    assert err["Error"].get("Message"), err
    return ei.value


def session_rows(server: pf.Server) -> int:
    db = sqlite3.connect(f"file:{server.data_dir / 'portless.sqlite'}?mode=ro", uri=True)
    try:
        return db.execute("SELECT COUNT(*) FROM session_credentials").fetchone()[0]
    finally:
        db.close()


def role_names(server: pf.Server) -> list[str]:
    pages = client(server, "iam").get_paginator("list_roles").paginate()
    return sorted(r["RoleName"] for page in pages for r in page["Roles"])


def make_role(server: pf.Server, name: Optional[str] = None, **kw) -> dict:
    """A role anyone may assume, allowed to use SSM (so its sessions can be seen working)."""
    iam = client(server, "iam")
    role = iam.create_role(RoleName=name or pf.unique("role"), AssumeRolePolicyDocument=json.dumps(TRUST), **kw)["Role"]
    iam.attach_role_policy(RoleName=role["RoleName"], PolicyArn="arn:aws:iam::aws:policy/AmazonSSMFullAccess")
    return role


def cli_env(creds: dict) -> dict:
    return {
        "AWS_ACCESS_KEY_ID": creds["AccessKeyId"],
        "AWS_SECRET_ACCESS_KEY": creds["SecretAccessKey"],
        "AWS_SESSION_TOKEN": creds["SessionToken"],
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    }


def raw_query(server: pf.Server, body: str, service: str = "sts", access_key=None, secret_key=None, sign: bool = True):
    """POST a form body to the server, SigV4-signed by botocore for `service`."""
    ak, sk = server.credentials()
    req = AWSRequest(method="POST", url=server.url + "/", data=body.encode(),
                     headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    if sign:
        SigV4Auth(Credentials(access_key or ak, secret_key or sk), service, server.region).add_auth(req)
    prepared = req.prepare()
    return requests.post(server.url + "/", headers=dict(prepared.headers), data=prepared.body, timeout=30)


def xml_error(resp) -> tuple[str, str]:
    root = ET.fromstring(resp.content)
    assert root.tag.endswith("ErrorResponse"), resp.text
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    err = root.find(f"{ns}Error")
    assert err is not None, resp.text
    assert err.findtext(f"{ns}Message"), resp.text
    assert root.findtext(f"{ns}RequestId"), resp.text
    return err.findtext(f"{ns}Type"), err.findtext(f"{ns}Code")


# --------------------------------------------------------------------------------------
# happy paths
# --------------------------------------------------------------------------------------


def test_get_caller_identity_with_the_cli(srv):
    ident = pf.aws(srv, "sts", "get-caller-identity").json
    assert ident["Account"].isdigit() and len(ident["Account"]) == 12
    assert ident["Arn"] == f"arn:aws:iam::{ident['Account']}:root"
    assert ident["UserId"] == ident["Account"]


def test_replies_match_botocore_models(srv):
    sts, iam = client(srv, "sts"), client(srv, "iam")
    name = pf.unique("model")
    with RawReplies(sts) as sraw, RawReplies(iam) as iraw:
        sts.get_caller_identity()
        sts.get_session_token(DurationSeconds=900)
        role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST), Description="d",
                               Tags=[{"Key": "k", "Value": "v"}])["Role"]
        iam.get_role(RoleName=name)
        iam.list_roles(MaxItems=1)
        iam.update_assume_role_policy(RoleName=name, PolicyDocument=json.dumps(TRUST))
        sts.assume_role(RoleArn=role["Arn"], RoleSessionName="model")
        with pytest.raises(ClientError):
            iam.get_role(RoleName="no-such-role-here")
        iam.delete_role(RoleName=name)
    ModelChecker("sts").assert_conforms(*sraw.take())
    ModelChecker("iam").assert_conforms(*iraw.take())


def test_role_lifecycle_with_the_cli(srv, tmp_path):
    name = pf.unique("cli")
    trust = tmp_path / "trust.json"
    trust.write_text(json.dumps(TRUST, indent=2))
    made = pf.aws(srv, "iam", "create-role", "--role-name", name, "--path", "/team/a/",
                  "--assume-role-policy-document", f"file://{trust}", "--description", "ops <&> \"role\"",
                  "--max-session-duration", "7200", "--tags", "Key=team,Value=ops").json["Role"]
    account = account_of(srv)
    assert made["Arn"] == f"arn:aws:iam::{account}:role/team/a/{name}"
    assert made["RoleId"].startswith("AROA") and len(made["RoleId"]) == 21
    assert made["AssumeRolePolicyDocument"] == TRUST  # the CLI URL-decodes and parses it
    assert made["MaxSessionDuration"] == 7200
    got = pf.aws(srv, "iam", "get-role", "--role-name", name).json["Role"]
    assert got["Description"] == 'ops <&> "role"'
    assert got["Tags"] == [{"Key": "team", "Value": "ops"}]
    assert got["RoleId"] == made["RoleId"]
    listed = pf.aws(srv, "iam", "list-roles", "--path-prefix", "/team/").json["Roles"]
    assert [r["RoleName"] for r in listed] == [name]

    new_trust = {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}}
    trust.write_text(json.dumps(new_trust))
    pf.aws(srv, "iam", "update-assume-role-policy", "--role-name", name, "--policy-document", f"file://{trust}")
    assert pf.aws(srv, "iam", "get-role", "--role-name", name).json["Role"]["AssumeRolePolicyDocument"] == new_trust

    pf.aws(srv, "iam", "delete-role", "--role-name", name)
    gone = pf.aws(srv, "iam", "get-role", "--role-name", name, check=False)
    assert gone.returncode != 0 and "NoSuchEntity" in gone.stderr


def test_policy_document_is_url_encoded_on_the_wire(srv):
    name = pf.unique("enc")
    make_role(srv, name)
    resp = raw_query(srv, f"Action=GetRole&Version=2010-05-08&RoleName={name}", service="iam")
    assert resp.status_code == 200, resp.text
    root = ET.fromstring(resp.content)
    ns = "{https://iam.amazonaws.com/doc/2010-05-08/}"
    assert root.tag == f"{ns}GetRoleResponse"
    doc = root.find(f"{ns}GetRoleResult/{ns}Role/{ns}AssumeRolePolicyDocument").text
    assert doc.startswith("%7B%22Version%22")
    assert root.findtext(f"{ns}ResponseMetadata/{ns}RequestId")


def test_list_roles_pages_and_path_prefix(srv):
    iam = client(srv, "iam")
    prefix = f"/{pf.unique('pg')}/"
    names = sorted(pf.unique("p") for _ in range(5))
    for n in names:
        make_role(srv, n, Path=prefix)
    first = iam.list_roles(PathPrefix=prefix, MaxItems=2)
    assert [r["RoleName"] for r in first["Roles"]] == names[:2] and first["IsTruncated"] is True
    second = iam.list_roles(PathPrefix=prefix, MaxItems=2, Marker=first["Marker"])
    assert [r["RoleName"] for r in second["Roles"]] == names[2:4]
    third = iam.list_roles(PathPrefix=prefix, MaxItems=2, Marker=second["Marker"])
    assert [r["RoleName"] for r in third["Roles"]] == names[4:] and third["IsTruncated"] is False
    assert "Marker" not in third
    paged = [r["RoleName"] for p in iam.get_paginator("list_roles").paginate(PathPrefix=prefix, PaginationConfig={"PageSize": 2}) for r in p["Roles"]]
    assert paged == names


def test_assume_role_with_the_cli_then_use_ssm_and_sts(srv):
    role = make_role(srv)
    keys = admin_keys(srv)
    out = pf.aws(srv, "sts", "assume-role", "--role-arn", role["Arn"], "--role-session-name", "alice@ops",
                 env_extra={"AWS_ACCESS_KEY_ID": keys["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": keys["SecretAccessKey"]}).json
    creds, user = out["Credentials"], out["AssumedRoleUser"]
    account = account_of(srv)
    assert creds["AccessKeyId"].startswith("ASIA") and len(creds["AccessKeyId"]) == 20
    assert user["Arn"] == f"arn:aws:sts::{account}:assumed-role/{role['RoleName']}/alice@ops"
    assert user["AssumedRoleId"] == f"{role['RoleId']}:alice@ops"
    env = cli_env(creds)
    ident = pf.aws(srv, "sts", "get-caller-identity", env_extra=env).json
    assert ident == {"UserId": user["AssumedRoleId"], "Account": account, "Arn": user["Arn"]}
    assert pf.aws(srv, "ssm", "describe-instance-information", env_extra=env).json["InstanceInformationList"] == []
    assert client(srv, "ssm", creds).list_commands()["Commands"] is not None


def test_assume_role_default_and_maximum_durations(srv):
    sts = client(srv, "sts")
    role = make_role(srv, MaxSessionDuration=7200)
    before = time.time()
    default = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="dflt")["Credentials"]
    assert abs(default["Expiration"].timestamp() - (before + 3600)) < 10
    longest = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="long", DurationSeconds=7200)["Credentials"]
    assert abs(longest["Expiration"].timestamp() - (before + 7200)) < 10
    refused(lambda: sts.assume_role(RoleArn=role["Arn"], RoleSessionName="long", DurationSeconds=7201), "ValidationError", 400)


def test_role_chaining_is_limited_to_one_hour(srv):
    role = make_role(srv, MaxSessionDuration=43200)
    creds = client(srv, "sts").assume_role(RoleArn=role["Arn"], RoleSessionName="first")["Credentials"]
    chained = client(srv, "sts", creds)
    refused(lambda: chained.assume_role(RoleArn=role["Arn"], RoleSessionName="second", DurationSeconds=7200), "ValidationError", 400)
    again = chained.assume_role(RoleArn=role["Arn"], RoleSessionName="second")["Credentials"]
    assert client(srv, "sts", again).get_caller_identity()["Arn"].endswith(f"assumed-role/{role['RoleName']}/second")


def test_session_token_works_on_ssm_and_sts(srv):
    sts = client(srv, "sts")
    before = time.time()
    creds = sts.get_session_token()["Credentials"]
    assert abs(creds["Expiration"].timestamp() - (before + 43200)) < 10
    assert creds["AccessKeyId"].startswith("ASIA")
    temp_sts = client(srv, "sts", creds)
    assert temp_sts.get_caller_identity()["Arn"] == sts.get_caller_identity()["Arn"]
    assert client(srv, "ssm", creds).describe_instance_information()["InstanceInformationList"] == []
    # Session credentials cannot mint more session credentials.
    refused(lambda: temp_sts.get_session_token(), "AccessDenied", 403)
    # The CLI too.
    assert pf.aws(srv, "ssm", "list-commands", env_extra=cli_env(creds)).json["Commands"] == []


def test_the_secret_is_never_stored_or_logged_in_the_clear(srv):
    creds = client(srv, "sts").get_session_token(DurationSeconds=900)["Credentials"]
    db = (srv.data_dir / "portless.sqlite").read_bytes() + (srv.data_dir / "portless.sqlite-wal").read_bytes()
    assert creds["SecretAccessKey"].encode() not in db
    assert creds["SessionToken"].encode() not in db
    out = srv.process.output()
    assert creds["SecretAccessKey"] not in out and creds["SessionToken"] not in out


# --------------------------------------------------------------------------------------
# refused credentials
# --------------------------------------------------------------------------------------


def test_wrong_session_token_is_refused(srv):
    creds = dict(client(srv, "sts").get_session_token(DurationSeconds=900)["Credentials"])
    creds["SessionToken"] = creds["SessionToken"][:-4] + "AAAA"
    refused(lambda: client(srv, "ssm", creds).describe_instance_information(), "UnrecognizedClientException", 400)
    refused(lambda: client(srv, "sts", creds).get_caller_identity(), "InvalidClientTokenId", 403)


def test_temporary_key_without_its_token_is_refused(srv):
    creds = dict(client(srv, "sts").get_session_token(DurationSeconds=900)["Credentials"])
    creds["SessionToken"] = None
    refused(lambda: client(srv, "ssm", creds).describe_instance_information(), "UnrecognizedClientException", 400)
    refused(lambda: client(srv, "sts", creds).get_caller_identity(), "InvalidClientTokenId", 403)


def test_token_of_other_credentials_is_refused(srv):
    sts = client(srv, "sts")
    a = dict(sts.get_session_token(DurationSeconds=900)["Credentials"])
    b = sts.get_session_token(DurationSeconds=900)["Credentials"]
    a["SessionToken"] = b["SessionToken"]
    refused(lambda: client(srv, "sts", a).get_caller_identity(), "InvalidClientTokenId", 403)


def test_long_term_key_with_a_token_is_refused(srv):
    ak, sk = srv.credentials()
    creds = {"AccessKeyId": ak, "SecretAccessKey": sk, "SessionToken": "bogus"}
    refused(lambda: client(srv, "sts", creds).get_caller_identity(), "InvalidClientTokenId", 403)


def test_unknown_temporary_key_is_refused(srv):
    creds = {"AccessKeyId": "ASIAAAAAAAAAAAAAAAAA", "SecretAccessKey": "x" * 40, "SessionToken": "t"}
    refused(lambda: client(srv, "sts", creds).get_caller_identity(), "InvalidClientTokenId", 403)
    refused(lambda: client(srv, "ssm", creds).list_commands(), "UnrecognizedClientException", 400)


def test_credentials_stop_working_when_they_expire(srv):
    sts = client(srv, "sts", validate=False)
    role = make_role(srv)
    session = sts.get_session_token(DurationSeconds=5)["Credentials"]
    assumed = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="brief", DurationSeconds=5)["Credentials"]
    for creds in (session, assumed):
        client(srv, "sts", creds).get_caller_identity()
        client(srv, "ssm", creds).list_commands()
    deadline = max(session["Expiration"], assumed["Expiration"]).timestamp()
    time.sleep(max(0.0, deadline - time.time()) + 0.2)
    for creds in (session, assumed):
        refused(lambda: client(srv, "sts", creds).get_caller_identity(), "ExpiredToken", 400)
        refused(lambda: client(srv, "ssm", creds).list_commands(), "ExpiredTokenException", 400)
    r = pf.aws(srv, "sts", "get-caller-identity", env_extra=cli_env(session), check=False)
    assert r.returncode != 0 and "ExpiredToken" in r.stderr


# --------------------------------------------------------------------------------------
# bad input: the right XML error, nothing changed
# --------------------------------------------------------------------------------------


def test_session_duration_floor_is_900_seconds(make_server):
    normal = make_server("floor")
    sts = client(normal, "sts", validate=False)
    refused(lambda: sts.get_session_token(DurationSeconds=899), "ValidationError", 400)
    role = make_role(normal)
    refused(lambda: sts.assume_role(RoleArn=role["Arn"], RoleSessionName="s", DurationSeconds=899), "ValidationError", 400)
    assert session_rows(normal) == 0
    assert sts.get_session_token(DurationSeconds=900)["Credentials"]["AccessKeyId"].startswith("ASIA")


BAD_ASSUME = [
    ("duration too short", dict(DurationSeconds=1), "ValidationError", 400),
    ("duration too long", dict(DurationSeconds=43201), "ValidationError", 400),
    ("duration above role maximum", dict(DurationSeconds=3601), "ValidationError", 400),
    ("session name too short", dict(RoleSessionName="a"), "ValidationError", 400),
    ("session name with space", dict(RoleSessionName="bad name"), "ValidationError", 400),
    ("session name too long", dict(RoleSessionName="x" * 65), "ValidationError", 400),
    ("session name missing", dict(RoleSessionName=None), "ValidationError", 400),
    ("not an ARN", dict(RoleArn="not-an-arn-at-all-really"), "ValidationError", 400),
    ("ARN of another service", dict(RoleArn="arn:aws:s3:::some-bucket-name"), "ValidationError", 400),
    ("ARN with short account", dict(RoleArn="arn:aws:iam::1234:role/x"), "ValidationError", 400),
    ("unknown role", dict(RoleArn="arn:aws:iam::{account}:role/no-such-role"), "AccessDenied", 403),
    ("other account's role", dict(RoleArn="arn:aws:iam::{other}:role/{name}"), "AccessDenied", 403),
    ("wrong path", dict(RoleArn="arn:aws:iam::{account}:role/elsewhere/{name}"), "AccessDenied", 403),
    ("malformed session policy", dict(Policy="{not json"), "MalformedPolicyDocument", 400),
    ("too many tags", dict(Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(51)]), "ValidationError", 400),
]


@pytest.mark.parametrize("case,change,code,status", BAD_ASSUME, ids=[c[0] for c in BAD_ASSUME])
def test_bad_assume_role_is_refused_and_issues_nothing(srv, case, change, code, status):
    role = make_role(srv)
    account = account_of(srv)
    other = "111111111111" if account != "111111111111" else "222222222222"
    params = dict(RoleArn=role["Arn"], RoleSessionName="good")
    for k, v in change.items():
        if v is None:
            params.pop(k)
        else:
            params[k] = v.format(account=account, other=other, name=role["RoleName"]) if isinstance(v, str) and k == "RoleArn" else v
    before = session_rows(srv)
    sts = client(srv, "sts", validate=False)
    refused(lambda: sts.assume_role(**params), code, status)
    assert session_rows(srv) == before


@pytest.mark.parametrize("duration", [1, 129601])
def test_bad_session_token_duration(srv, duration):
    before = session_rows(srv)
    refused(lambda: client(srv, "sts", validate=False).get_session_token(DurationSeconds=duration), "ValidationError", 400)
    assert session_rows(srv) == before


BAD_CREATE = [
    ("policy not JSON", dict(AssumeRolePolicyDocument="{nope"), "MalformedPolicyDocument", 400),
    ("policy without Statement", dict(AssumeRolePolicyDocument='{"Version":"2012-10-17"}'), "MalformedPolicyDocument", 400),
    ("policy without Version", dict(AssumeRolePolicyDocument='{"Statement":[{"Effect":"Allow"}]}'), "MalformedPolicyDocument", 400),
    ("policy is a list", dict(AssumeRolePolicyDocument="[1,2]"), "MalformedPolicyDocument", 400),
    ("bad role name", dict(RoleName="bad/name"), "ValidationError", 400),
    ("role name too long", dict(RoleName="r" * 65), "ValidationError", 400),
    ("bad path", dict(Path="noslash"), "ValidationError", 400),
    ("max session too short", dict(MaxSessionDuration=100), "ValidationError", 400),
    ("max session too long", dict(MaxSessionDuration=43201), "ValidationError", 400),
    ("duplicate tag keys", dict(Tags=[{"Key": "a", "Value": "1"}, {"Key": "A", "Value": "2"}]), "ValidationError", 400),
    ("missing trust policy", dict(AssumeRolePolicyDocument=None), "ValidationError", 400),
]


@pytest.mark.parametrize("case,change,code,status", BAD_CREATE, ids=[c[0] for c in BAD_CREATE])
def test_bad_create_role_is_refused_and_creates_nothing(srv, case, change, code, status):
    params = dict(RoleName=pf.unique("bad"), AssumeRolePolicyDocument=json.dumps(TRUST))
    for k, v in change.items():
        if v is None:
            params.pop(k)
        else:
            params[k] = v
    before = role_names(srv)
    refused(lambda: client(srv, "iam", validate=False).create_role(**params), code, status)
    assert role_names(srv) == before


def test_duplicate_role_is_refused_whatever_the_case(srv):
    role = make_role(srv)
    iam = client(srv, "iam")
    for name in (role["RoleName"], role["RoleName"].upper()):
        refused(lambda: iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST), Path="/other/"),
                "EntityAlreadyExists", 409)
    assert iam.get_role(RoleName=role["RoleName"])["Role"]["RoleId"] == role["RoleId"]
    assert iam.get_role(RoleName=role["RoleName"])["Role"]["Path"] == "/"


def test_unknown_role_operations_are_no_such_entity(srv):
    iam = client(srv, "iam")
    refused(lambda: iam.get_role(RoleName="never-made"), "NoSuchEntity", 404)
    refused(lambda: iam.delete_role(RoleName="never-made"), "NoSuchEntity", 404)
    refused(lambda: iam.update_assume_role_policy(RoleName="never-made", PolicyDocument=json.dumps(TRUST)), "NoSuchEntity", 404)


def test_malformed_trust_update_keeps_the_old_policy(srv):
    role = make_role(srv)
    iam = client(srv, "iam")
    refused(lambda: iam.update_assume_role_policy(RoleName=role["RoleName"], PolicyDocument="{bad"), "MalformedPolicyDocument", 400)
    assert iam.get_role(RoleName=role["RoleName"])["Role"]["AssumeRolePolicyDocument"] == TRUST


def test_list_roles_bad_paging(srv):
    iam = client(srv, "iam", validate=False)
    refused(lambda: iam.list_roles(MaxItems=0), "ValidationError", 400)
    refused(lambda: iam.list_roles(MaxItems=1001), "ValidationError", 400)
    refused(lambda: iam.list_roles(Marker="!!not-a-marker!!"), "ValidationError", 400)
    refused(lambda: iam.list_roles(PathPrefix="noslash"), "ValidationError", 400)


RAW = [
    ("unknown action", "Action=GetFederationTokenz&Version=2011-06-15", "sts", "InvalidAction", 400),
    ("unknown IAM action", "Action=CreateUserz&Version=2010-05-08", "iam", "InvalidAction", 400),
    ("missing version", "Action=GetCallerIdentity", "sts", "MissingParameter", 400),
    ("wrong version", "Action=GetCallerIdentity&Version=2010-05-08", "sts", "NoSuchVersion", 400),
    ("missing action", "Version=2011-06-15", "sts", "MissingAction", 400),
]


@pytest.mark.parametrize("case,body,service,code,status", RAW, ids=[c[0] for c in RAW])
def test_malformed_query_requests(srv, case, body, service, code, status):
    before = (role_names(srv), session_rows(srv))
    resp = raw_query(srv, body, service=service)
    assert resp.status_code == status, resp.text
    assert resp.headers["Content-Type"].startswith("text/xml")
    assert xml_error(resp) == ("Sender", code)
    assert (role_names(srv), session_rows(srv)) == before


def test_unsigned_and_badly_signed_query_requests(srv):
    body = "Action=GetCallerIdentity&Version=2011-06-15"
    resp = raw_query(srv, body, sign=False)
    assert (resp.status_code, xml_error(resp)[1]) == (403, "MissingAuthenticationToken")
    resp = raw_query(srv, body, secret_key="wrong-secret-wrong-secret-wrong-secret-00")
    assert (resp.status_code, xml_error(resp)[1]) == (403, "SignatureDoesNotMatch")
    resp = raw_query(srv, body, access_key="AKIAAAAAAAAAAAAAAAAA")
    assert (resp.status_code, xml_error(resp)[1]) == (403, "InvalidClientTokenId")
    resp = raw_query(srv, body, service="s3")
    assert (resp.status_code, xml_error(resp)[1]) == (403, "SignatureDoesNotMatch")


def test_iam_is_global_and_sts_regional(make_server):
    eu = make_server("eu", region="eu-west-1")
    # botocore signs IAM for us-east-1 whatever the client's region: accepted.
    iam = client(eu, "iam", region="eu-west-1")
    made = iam.create_role(RoleName="global", AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]
    assert client(eu, "sts", region="eu-west-1").assume_role(RoleArn=made["Arn"], RoleSessionName="eu")["Credentials"]
    # STS scoped to another region is refused like any other API.
    refused(lambda: client(eu, "sts", region="ap-south-1").get_caller_identity(), "SignatureDoesNotMatch", 403)
