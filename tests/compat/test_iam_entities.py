"""IAM users, groups, managed and inline policies, boundaries, access keys, tags, login profiles and
virtual MFA devices in the Query/XML protocol, driven by boto3 and the real aws CLI.

One server per module. Every reply is checked against botocore's IAM model (model_check); every bad
input must get IAM's code and text and change nothing. TOTP codes are computed here (RFC 6238), so
EnableMFADevice is driven exactly as an authenticator app would.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import sys
from pathlib import Path
from typing import Callable, Optional

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402
from totp import fresh_step, totp  # noqa: E402

ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
READ_SSM = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:Describe*", "Resource": "*"}]}
TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
AWS_MANAGED = ["AdministratorAccess", "ReadOnlyAccess", "AmazonSSMFullAccess", "AmazonSSMReadOnlyAccess",
               "AmazonSSMManagedInstanceCore", "IAMUserChangePassword"]
PASSWORD = "Portless-Test-9"


# --------------------------------------------------------------------------------------
# fixtures and helpers
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory) -> pf.Server:
    server = pf.start_server(tmp_path_factory.mktemp("iam") / "data", name="iam-server")
    yield server
    server.process.kill_hard()


def client(server: pf.Server, service: str = "iam", keys: Optional[tuple[str, str]] = None, validate: bool = True):
    """A boto3 client signed with `keys` (access key ID, secret), or the root's."""
    ak, sk = keys or server.credentials()
    session = boto3.session.Session(region_name=server.region, aws_access_key_id=ak, aws_secret_access_key=sk)
    return session.client(service, endpoint_url=server.url,
                          config=Config(retries={"mode": "standard", "total_max_attempts": 1}, parameter_validation=validate))


def iam(server: pf.Server, validate: bool = True):
    return client(server, "iam", validate=validate)


def account_of(server: pf.Server) -> str:
    return client(server, "sts").get_caller_identity()["Account"]


def refused(call: Callable, code: str, status: int, message: Optional[str] = None) -> dict:
    with pytest.raises(ClientError) as ei:
        call()
    err = ei.value.response
    assert err["Error"]["Code"] == code, err
    assert err["ResponseMetadata"]["HTTPStatusCode"] == status, err
    if message is not None:
        assert err["Error"]["Message"] == message, err
    assert err["Error"].get("Message"), err
    return err


def make_user(server: pf.Server, **kw) -> dict:
    return iam(server).create_user(UserName=pf.unique("user"), **kw)["User"]


def make_policy(server: pf.Server, document: Optional[dict] = None, **kw) -> dict:
    return iam(server).create_policy(PolicyName=pf.unique("pol"), PolicyDocument=json.dumps(document or READ_SSM), **kw)["Policy"]


def aws_arn(name: str) -> str:
    return f"arn:aws:iam::aws:policy/{name}"


def db_rows(server: pf.Server, query: str) -> list:
    db = sqlite3.connect(f"file:{server.data_dir / 'portless.sqlite'}?mode=ro", uri=True)
    try:
        return db.execute(query).fetchall()
    finally:
        db.close()


def user_names(server: pf.Server) -> list[str]:
    pages = iam(server).get_paginator("list_users").paginate()
    return sorted(u["UserName"] for page in pages for u in page["Users"])


# --------------------------------------------------------------------------------------
# every operation, checked against botocore's model
# --------------------------------------------------------------------------------------


def test_every_operation_matches_botocore_model(srv):
    c = iam(srv)
    name, group, role = pf.unique("mu"), pf.unique("mg"), pf.unique("mr")
    with RawReplies(c) as raw:
        boundary = c.create_policy(PolicyName=pf.unique("mb"), PolicyDocument=json.dumps(ALLOW_ALL), Path="/bounds/",
                                   Description="boundary", Tags=[{"Key": "team", "Value": "ops"}])["Policy"]
        c.create_user(UserName=name, Path="/staff/", PermissionsBoundary=boundary["Arn"], Tags=[{"Key": "k", "Value": "v"}])
        c.get_user(UserName=name)
        c.list_users(PathPrefix="/staff/", MaxItems=5)
        c.tag_user(UserName=name, Tags=[{"Key": "k2", "Value": "v2"}])
        c.list_user_tags(UserName=name)
        c.untag_user(UserName=name, TagKeys=["k2"])
        c.delete_user_permissions_boundary(UserName=name)
        c.put_user_permissions_boundary(UserName=name, PermissionsBoundary=boundary["Arn"])
        c.create_group(GroupName=group, Path="/teams/")
        c.add_user_to_group(GroupName=group, UserName=name)
        c.get_group(GroupName=group)
        c.list_groups()
        c.list_groups_for_user(UserName=name)
        c.put_group_policy(GroupName=group, PolicyName="g1", PolicyDocument=json.dumps(READ_SSM))
        c.get_group_policy(GroupName=group, PolicyName="g1")
        c.list_group_policies(GroupName=group)
        c.attach_group_policy(GroupName=group, PolicyArn=aws_arn("AmazonSSMReadOnlyAccess"))
        c.list_attached_group_policies(GroupName=group)
        c.put_user_policy(UserName=name, PolicyName="u1", PolicyDocument=json.dumps(READ_SSM))
        c.get_user_policy(UserName=name, PolicyName="u1")
        c.list_user_policies(UserName=name)
        c.attach_user_policy(UserName=name, PolicyArn=boundary["Arn"])
        c.list_attached_user_policies(UserName=name)
        c.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(TRUST), PermissionsBoundary=boundary["Arn"])
        c.get_role(RoleName=role)
        c.put_role_policy(RoleName=role, PolicyName="r1", PolicyDocument=json.dumps(READ_SSM))
        c.get_role_policy(RoleName=role, PolicyName="r1")
        c.list_role_policies(RoleName=role)
        c.attach_role_policy(RoleName=role, PolicyArn=aws_arn("AmazonSSMManagedInstanceCore"))
        c.list_attached_role_policies(RoleName=role)
        c.tag_role(RoleName=role, Tags=[{"Key": "a", "Value": "b"}])
        c.list_role_tags(RoleName=role)
        c.untag_role(RoleName=role, TagKeys=["a"])
        c.delete_role_permissions_boundary(RoleName=role)
        c.put_role_permissions_boundary(RoleName=role, PermissionsBoundary=boundary["Arn"])
        c.get_policy(PolicyArn=boundary["Arn"])
        c.get_policy(PolicyArn=aws_arn("AdministratorAccess"))
        c.list_policies(Scope="Local", OnlyAttached=True)
        c.list_policies(Scope="AWS", MaxItems=2)
        c.create_policy_version(PolicyArn=boundary["Arn"], PolicyDocument=json.dumps(READ_SSM), SetAsDefault=False)
        c.get_policy_version(PolicyArn=boundary["Arn"], VersionId="v2")
        c.list_policy_versions(PolicyArn=boundary["Arn"])
        c.set_default_policy_version(PolicyArn=boundary["Arn"], VersionId="v2")
        c.set_default_policy_version(PolicyArn=boundary["Arn"], VersionId="v1")
        c.delete_policy_version(PolicyArn=boundary["Arn"], VersionId="v2")
        c.tag_policy(PolicyArn=boundary["Arn"], Tags=[{"Key": "x", "Value": "y"}])
        c.list_policy_tags(PolicyArn=boundary["Arn"])
        c.untag_policy(PolicyArn=boundary["Arn"], TagKeys=["x"])
        c.list_entities_for_policy(PolicyArn=boundary["Arn"])
        key = c.create_access_key(UserName=name)["AccessKey"]
        c.list_access_keys(UserName=name)
        c.update_access_key(UserName=name, AccessKeyId=key["AccessKeyId"], Status="Inactive")
        c.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])
        c.create_login_profile(UserName=name, Password=PASSWORD, PasswordResetRequired=True)
        c.get_login_profile(UserName=name)
        c.update_login_profile(UserName=name, PasswordResetRequired=False)
        device = c.create_virtual_mfa_device(VirtualMFADeviceName=pf.unique("mfa"), Tags=[{"Key": "d", "Value": "1"}])["VirtualMFADevice"]
        seed = device["Base32StringSeed"].decode()
        at = fresh_step()
        c.enable_mfa_device(UserName=name, SerialNumber=device["SerialNumber"],
                            AuthenticationCode1=totp(seed, at, -1), AuthenticationCode2=totp(seed, at))
        c.list_mfa_devices(UserName=name)
        c.list_virtual_mfa_devices(AssignmentStatus="Assigned")
        c.list_virtual_mfa_devices()
        c.deactivate_mfa_device(UserName=name, SerialNumber=device["SerialNumber"])
        c.delete_virtual_mfa_device(SerialNumber=device["SerialNumber"])
        c.delete_login_profile(UserName=name)
        c.delete_access_key(UserName=name, AccessKeyId=key["AccessKeyId"])
        c.update_user(UserName=name, NewPath="/moved/")
        for call in [
            lambda: c.get_user(UserName="nobody-here"),
            lambda: c.delete_policy(PolicyArn=boundary["Arn"]),
            lambda: c.attach_user_policy(UserName=name, PolicyArn=f"arn:aws:iam::{account_of(srv)}:policy/none"),
        ]:
            with pytest.raises(ClientError):
                call()
        c.detach_user_policy(UserName=name, PolicyArn=boundary["Arn"])
        c.delete_user_policy(UserName=name, PolicyName="u1")
        c.delete_user_permissions_boundary(UserName=name)
        c.remove_user_from_group(GroupName=group, UserName=name)
        c.delete_user(UserName=name)
        c.detach_group_policy(GroupName=group, PolicyArn=aws_arn("AmazonSSMReadOnlyAccess"))
        c.delete_group_policy(GroupName=group, PolicyName="g1")
        c.delete_group(GroupName=group)
        c.detach_role_policy(RoleName=role, PolicyArn=aws_arn("AmazonSSMManagedInstanceCore"))
        c.delete_role_policy(RoleName=role, PolicyName="r1")
        c.delete_role_permissions_boundary(RoleName=role)
        c.delete_role(RoleName=role)
        c.delete_policy(PolicyArn=boundary["Arn"])
    replies = raw.take()
    assert len(replies) >= 80
    ModelChecker("iam").assert_conforms(*replies)


# --------------------------------------------------------------------------------------
# users, groups, policies: happy paths
# --------------------------------------------------------------------------------------


def test_user_lifecycle_with_the_cli(srv, tmp_path):
    name = pf.unique("cli")
    made = pf.aws(srv, "iam", "create-user", "--user-name", name, "--path", "/ops/", "--tags", "Key=team,Value=ops").json["User"]
    assert made["UserName"] == name and made["Path"] == "/ops/"
    assert made["Arn"] == f"arn:aws:iam::{account_of(srv)}:user/ops/{name}"
    assert made["UserId"].startswith("AIDA") and len(made["UserId"]) == 21 and made["UserId"][4:].isalnum()
    assert made["UserId"][4:] == made["UserId"][4:].upper()
    got = pf.aws(srv, "iam", "get-user", "--user-name", name).json["User"]
    assert got["UserId"] == made["UserId"] and got["Tags"] == [{"Key": "team", "Value": "ops"}]
    listed = pf.aws(srv, "iam", "list-users", "--path-prefix", "/ops/").json["Users"]
    assert [u["UserName"] for u in listed if u["UserName"] == name] == [name]
    group = pf.unique("clig")
    pf.aws(srv, "iam", "create-group", "--group-name", group)
    pf.aws(srv, "iam", "add-user-to-group", "--group-name", group, "--user-name", name)
    members = pf.aws(srv, "iam", "get-group", "--group-name", group).json
    assert [u["UserName"] for u in members["Users"]] == [name]
    doc = tmp_path / "policy.json"
    doc.write_text(json.dumps(READ_SSM, indent=2))
    policy = pf.aws(srv, "iam", "create-policy", "--policy-name", pf.unique("clip"), "--policy-document", f"file://{doc}").json["Policy"]
    assert policy["PolicyId"].startswith("ANPA") and len(policy["PolicyId"]) == 21
    pf.aws(srv, "iam", "attach-user-policy", "--user-name", name, "--policy-arn", policy["Arn"])
    attached = pf.aws(srv, "iam", "list-attached-user-policies", "--user-name", name).json["AttachedPolicies"]
    assert attached == [{"PolicyName": policy["PolicyName"], "PolicyArn": policy["Arn"]}]
    version = pf.aws(srv, "iam", "get-policy-version", "--policy-arn", policy["Arn"], "--version-id", "v1").json["PolicyVersion"]
    assert version["Document"] == READ_SSM and version["IsDefaultVersion"] is True
    assert pf.aws(srv, "iam", "get-policy", "--policy-arn", policy["Arn"]).json["Policy"]["AttachmentCount"] == 1
    key = pf.aws(srv, "iam", "create-access-key", "--user-name", name).json["AccessKey"]
    assert key["AccessKeyId"].startswith("AKIA") and len(key["SecretAccessKey"]) == 40 and key["Status"] == "Active"
    pf.aws(srv, "iam", "delete-access-key", "--user-name", name, "--access-key-id", key["AccessKeyId"])
    pf.aws(srv, "iam", "detach-user-policy", "--user-name", name, "--policy-arn", policy["Arn"])
    pf.aws(srv, "iam", "remove-user-from-group", "--group-name", group, "--user-name", name)
    pf.aws(srv, "iam", "delete-user", "--user-name", name)
    gone = pf.aws(srv, "iam", "get-user", "--user-name", name, check=False)
    assert gone.returncode != 0 and "NoSuchEntity" in gone.stderr
    assert f"The user with name {name} cannot be found." in gone.stderr


def test_new_users_key_signs_as_that_user(srv):
    user = make_user(srv)
    key = iam(srv).create_access_key(UserName=user["UserName"])["AccessKey"]
    keys = (key["AccessKeyId"], key["SecretAccessKey"])
    # A new user may do nothing until a policy allows it (GetCallerIdentity needs no permission).
    refused(lambda: client(srv, "iam", keys).get_user(), "AccessDenied", 403)
    iam(srv).put_user_policy(UserName=user["UserName"], PolicyName="self", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["iam:GetUser", "iam:ListAccessKeys"], "Resource": "arn:aws:iam::*:user/${aws:username}"}]}))
    ident = client(srv, "sts", keys).get_caller_identity()
    assert ident["Arn"] == f"arn:aws:iam::{ident['Account']}:user/{user['UserName']}"
    assert ident["UserId"] == user["UserId"]
    assert client(srv, "iam", keys).get_user()["User"]["UserId"] == user["UserId"]
    own = client(srv, "iam", keys).list_access_keys()["AccessKeyMetadata"]
    assert [k["AccessKeyId"] for k in own] == [key["AccessKeyId"]]
    env = {"AWS_ACCESS_KEY_ID": keys[0], "AWS_SECRET_ACCESS_KEY": keys[1], "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"}
    assert pf.aws(srv, "sts", "get-caller-identity", env_extra=env).json["UserId"] == user["UserId"]
    used = iam(srv).get_access_key_last_used(AccessKeyId=key["AccessKeyId"])
    assert used["UserName"] == user["UserName"]
    assert used["AccessKeyLastUsed"]["ServiceName"] in ("sts", "iam")
    assert used["AccessKeyLastUsed"]["Region"] == srv.region or used["AccessKeyLastUsed"]["Region"] == "us-east-1"
    assert "LastUsedDate" in used["AccessKeyLastUsed"]


def test_unused_key_reports_no_last_use(srv):
    user = make_user(srv)
    key = iam(srv).create_access_key(UserName=user["UserName"])["AccessKey"]
    used = iam(srv).get_access_key_last_used(AccessKeyId=key["AccessKeyId"])["AccessKeyLastUsed"]
    assert used == {"ServiceName": "N/A", "Region": "N/A"}


def test_inactive_key_is_refused_like_an_unknown_one(srv):
    user = make_user(srv)
    key = iam(srv).create_access_key(UserName=user["UserName"])["AccessKey"]
    keys = (key["AccessKeyId"], key["SecretAccessKey"])
    client(srv, "sts", keys).get_caller_identity()
    iam(srv).update_access_key(UserName=user["UserName"], AccessKeyId=key["AccessKeyId"], Status="Inactive")
    inactive = refused(lambda: client(srv, "sts", keys).get_caller_identity(), "InvalidClientTokenId", 403)
    unknown = refused(lambda: client(srv, "sts", ("AKIAUNKNOWNUNKNOWN00", keys[1])).get_caller_identity(), "InvalidClientTokenId", 403)
    assert inactive["Error"]["Message"] == unknown["Error"]["Message"]
    refused(lambda: client(srv, "ssm", keys).list_commands(), "UnrecognizedClientException", 400)
    listed = iam(srv).list_access_keys(UserName=user["UserName"])["AccessKeyMetadata"]
    assert [k["Status"] for k in listed] == ["Inactive"]
    iam(srv).update_access_key(UserName=user["UserName"], AccessKeyId=key["AccessKeyId"], Status="Active")
    assert client(srv, "sts", keys).get_caller_identity()["UserId"] == user["UserId"]


def test_deleted_key_stops_working(srv):
    user = make_user(srv)
    key = iam(srv).create_access_key(UserName=user["UserName"])["AccessKey"]
    iam(srv).delete_access_key(UserName=user["UserName"], AccessKeyId=key["AccessKeyId"])
    refused(lambda: client(srv, "sts", (key["AccessKeyId"], key["SecretAccessKey"])).get_caller_identity(), "InvalidClientTokenId", 403)


def test_secrets_and_passwords_are_not_stored_in_the_clear(srv):
    user = make_user(srv)
    key = iam(srv).create_access_key(UserName=user["UserName"])["AccessKey"]
    iam(srv).create_login_profile(UserName=user["UserName"], Password=PASSWORD)
    raw = b"".join(p.read_bytes() for p in srv.data_dir.glob("portless.sqlite*"))
    assert key["SecretAccessKey"].encode() not in raw
    assert PASSWORD.encode() not in raw
    stored = db_rows(srv, f"SELECT json_extract(body, '$.loginProfile.passwordHash') FROM iam_users WHERE name_key = '{user['UserName'].lower()}'")
    assert stored[0][0].startswith("pbkdf2-sha256$600000$")


def test_rename_carries_keys_groups_and_policies(srv):
    c = iam(srv)
    user = make_user(srv)
    group = c.create_group(GroupName=pf.unique("rg"))["Group"]
    c.add_user_to_group(GroupName=group["GroupName"], UserName=user["UserName"])
    c.put_user_policy(UserName=user["UserName"], PolicyName="p", PolicyDocument=json.dumps(READ_SSM))
    key = c.create_access_key(UserName=user["UserName"])["AccessKey"]
    new = pf.unique("renamed")
    c.update_user(UserName=user["UserName"], NewUserName=new, NewPath="/new/")
    refused(lambda: c.get_user(UserName=user["UserName"]), "NoSuchEntity", 404, f"The user with name {user['UserName']} cannot be found.")
    got = c.get_user(UserName=new)["User"]
    assert got["UserId"] == user["UserId"] and got["Path"] == "/new/"
    assert [k["AccessKeyId"] for k in c.list_access_keys(UserName=new)["AccessKeyMetadata"]] == [key["AccessKeyId"]]
    assert [u["UserName"] for u in c.get_group(GroupName=group["GroupName"])["Users"]] == [new]
    assert c.list_user_policies(UserName=new)["PolicyNames"] == ["p"]
    ident = client(srv, "sts", (key["AccessKeyId"], key["SecretAccessKey"])).get_caller_identity()
    assert ident["Arn"].endswith(f":user/new/{new}") and ident["UserId"] == user["UserId"]


def test_list_users_pages(srv):
    prefix = f"/{pf.unique('pg')}/"
    names = sorted(pf.unique("p") for _ in range(5))
    for n in names:
        iam(srv).create_user(UserName=n, Path=prefix)
    first = iam(srv).list_users(PathPrefix=prefix, MaxItems=2)
    assert [u["UserName"] for u in first["Users"]] == names[:2] and first["IsTruncated"]
    rest = iam(srv).list_users(PathPrefix=prefix, Marker=first["Marker"])
    assert [u["UserName"] for u in rest["Users"]] == names[2:] and not rest["IsTruncated"]
    paged = [u["UserName"] for page in iam(srv).get_paginator("list_users").paginate(PathPrefix=prefix, PaginationConfig={"PageSize": 1})
             for u in page["Users"]]
    assert paged == names


def test_get_user_of_root_and_of_roles(srv):
    root = iam(srv).get_user()["User"]
    account = account_of(srv)
    assert root["UserId"] == account and root["Arn"] == f"arn:aws:iam::{account}:root"
    role = iam(srv).create_role(RoleName=pf.unique("gr"), AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]
    iam(srv).attach_role_policy(RoleName=role["RoleName"], PolicyArn=aws_arn("AdministratorAccess"))
    # Roles may not be assumed by root: an administrator user assumes it.
    admin = make_user(srv)
    iam(srv).attach_user_policy(UserName=admin["UserName"], PolicyArn=aws_arn("AdministratorAccess"))
    admin_key = iam(srv).create_access_key(UserName=admin["UserName"])["AccessKey"]
    creds = client(srv, "sts", (admin_key["AccessKeyId"], admin_key["SecretAccessKey"])).assume_role(
        RoleArn=role["Arn"], RoleSessionName="sess")["Credentials"]
    session = boto3.session.Session(region_name=srv.region, aws_access_key_id=creds["AccessKeyId"],
                                    aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
    role_iam = session.client("iam", endpoint_url=srv.url)
    refused(lambda: role_iam.get_user(), "ValidationError", 400, "Must specify userName when calling with non-User credentials")


def test_aws_managed_policies_are_visible_and_attachable(srv):
    c = iam(srv)
    listed = {p["PolicyName"]: p for page in c.get_paginator("list_policies").paginate(Scope="AWS") for p in page["Policies"]}
    assert sorted(listed) == sorted(AWS_MANAGED)
    admin = c.get_policy(PolicyArn=aws_arn("AdministratorAccess"))["Policy"]
    assert admin["Arn"] == aws_arn("AdministratorAccess") and admin["IsAttachable"] and admin["Path"] == "/"
    version = c.get_policy_version(PolicyArn=admin["Arn"], VersionId=admin["DefaultVersionId"])["PolicyVersion"]
    assert version["Document"] == {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    core = c.get_policy_version(PolicyArn=aws_arn("AmazonSSMManagedInstanceCore"), VersionId="v2")["PolicyVersion"]["Document"]
    assert "ssm:UpdateInstanceInformation" in core["Statement"][0]["Action"]
    read_only = c.get_policy_version(PolicyArn=aws_arn("ReadOnlyAccess"), VersionId="v1")["PolicyVersion"]["Document"]
    actions = read_only["Statement"][0]["Action"]
    assert {"ssm:Describe*", "s3:Get*", "iam:List*", "kms:Describe*", "logs:Get*"} <= set(actions)
    assert not any(a.split(":")[1].startswith(("Put", "Create", "Delete", "Update")) for a in actions)
    user = make_user(srv)
    before = c.get_policy(PolicyArn=aws_arn("ReadOnlyAccess"))["Policy"]["AttachmentCount"]
    c.attach_user_policy(UserName=user["UserName"], PolicyArn=aws_arn("ReadOnlyAccess"))
    assert c.get_policy(PolicyArn=aws_arn("ReadOnlyAccess"))["Policy"]["AttachmentCount"] == before + 1
    entities = c.list_entities_for_policy(PolicyArn=aws_arn("ReadOnlyAccess"))
    assert user["UserName"] in [u["UserName"] for u in entities["PolicyUsers"]]
    refused(lambda: c.delete_policy(PolicyArn=aws_arn("ReadOnlyAccess")), "AccessDenied", 403)
    refused(lambda: c.create_policy_version(PolicyArn=aws_arn("ReadOnlyAccess"), PolicyDocument=json.dumps(READ_SSM)), "AccessDenied", 403)


def test_policy_versions(srv):
    c = iam(srv)
    policy = make_policy(srv)
    for _ in range(4):
        c.create_policy_version(PolicyArn=policy["Arn"], PolicyDocument=json.dumps(ALLOW_ALL))
    versions = c.list_policy_versions(PolicyArn=policy["Arn"])["Versions"]
    assert [v["VersionId"] for v in versions] == ["v5", "v4", "v3", "v2", "v1"]
    assert [v["IsDefaultVersion"] for v in versions] == [False, False, False, False, True]
    made = c.create_policy_version
    refused(lambda: made(PolicyArn=policy["Arn"], PolicyDocument=json.dumps(READ_SSM)), "LimitExceeded", 409,
            "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.")
    assert len(c.list_policy_versions(PolicyArn=policy["Arn"])["Versions"]) == 5
    c.delete_policy_version(PolicyArn=policy["Arn"], VersionId="v3")
    v6 = made(PolicyArn=policy["Arn"], PolicyDocument=json.dumps(READ_SSM), SetAsDefault=True)["PolicyVersion"]
    assert v6["VersionId"] == "v6" and v6["IsDefaultVersion"]
    assert c.get_policy(PolicyArn=policy["Arn"])["Policy"]["DefaultVersionId"] == "v6"
    refused(lambda: c.delete_policy_version(PolicyArn=policy["Arn"], VersionId="v6"), "DeleteConflict", 409,
            "Cannot delete the default version of a policy.")
    refused(lambda: c.get_policy_version(PolicyArn=policy["Arn"], VersionId="v3"), "NoSuchEntity", 404,
            f"Policy {policy['Arn']} version v3 does not exist or is not attachable.")
    refused(lambda: c.delete_policy(PolicyArn=policy["Arn"]), "DeleteConflict", 409,
            "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.")
    for v in ["v1", "v2", "v4", "v5"]:
        c.delete_policy_version(PolicyArn=policy["Arn"], VersionId=v)
    c.delete_policy(PolicyArn=policy["Arn"])
    refused(lambda: c.get_policy(PolicyArn=policy["Arn"]), "NoSuchEntity", 404, f"Policy {policy['Arn']} was not found.")


def test_policy_documents_are_url_encoded_on_the_wire(srv):
    c = iam(srv)
    policy = make_policy(srv)
    user = make_user(srv)
    c.put_user_policy(UserName=user["UserName"], PolicyName="p", PolicyDocument=json.dumps(READ_SSM))
    with RawReplies(c) as raw:
        c.get_policy_version(PolicyArn=policy["Arn"], VersionId="v1")
        c.get_user_policy(UserName=user["UserName"], PolicyName="p")
    for reply in raw.take():
        assert b">%7B%22Version%22%3A%20%222012-10-17%22" in reply.body, reply.body


def test_boundaries_show_in_get_user_and_get_role_and_count(srv):
    c = iam(srv)
    boundary = make_policy(srv, ALLOW_ALL)
    user = make_user(srv, PermissionsBoundary=boundary["Arn"])
    role = c.create_role(RoleName=pf.unique("br"), AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]
    c.put_role_permissions_boundary(RoleName=role["RoleName"], PermissionsBoundary=boundary["Arn"])
    shown = {"PermissionsBoundaryType": "PermissionsBoundaryPolicy", "PermissionsBoundaryArn": boundary["Arn"]}
    assert c.get_user(UserName=user["UserName"])["User"]["PermissionsBoundary"] == shown
    assert c.get_role(RoleName=role["RoleName"])["Role"]["PermissionsBoundary"] == shown
    got = c.get_policy(PolicyArn=boundary["Arn"])["Policy"]
    assert got["PermissionsBoundaryUsageCount"] == 2 and got["AttachmentCount"] == 0
    usage = c.list_entities_for_policy(PolicyArn=boundary["Arn"], PolicyUsageFilter="PermissionsBoundary")
    assert [u["UserName"] for u in usage["PolicyUsers"]] == [user["UserName"]]
    assert [r["RoleName"] for r in usage["PolicyRoles"]] == [role["RoleName"]]
    refused(lambda: c.delete_policy(PolicyArn=boundary["Arn"]), "DeleteConflict", 409, "Cannot delete a policy attached to entities.")
    c.delete_user_permissions_boundary(UserName=user["UserName"])
    c.delete_role_permissions_boundary(RoleName=role["RoleName"])
    assert "PermissionsBoundary" not in c.get_user(UserName=user["UserName"])["User"]
    c.delete_policy(PolicyArn=boundary["Arn"])


def test_inline_policies_replace_and_list(srv):
    c = iam(srv)
    user = make_user(srv)
    for name in ["b", "a", "c"]:
        c.put_user_policy(UserName=user["UserName"], PolicyName=name, PolicyDocument=json.dumps(READ_SSM))
    c.put_user_policy(UserName=user["UserName"], PolicyName="a", PolicyDocument=json.dumps(ALLOW_ALL))
    assert c.list_user_policies(UserName=user["UserName"])["PolicyNames"] == ["a", "b", "c"]
    got = c.get_user_policy(UserName=user["UserName"], PolicyName="a")
    assert got["PolicyDocument"] == ALLOW_ALL and got["UserName"] == user["UserName"]
    c.delete_user_policy(UserName=user["UserName"], PolicyName="b")
    assert c.list_user_policies(UserName=user["UserName"])["PolicyNames"] == ["a", "c"]


def test_login_profile_and_change_password(srv):
    c = iam(srv)
    user = make_user(srv)
    c.attach_user_policy(UserName=user["UserName"], PolicyArn=aws_arn("IAMUserChangePassword"))
    made = c.create_login_profile(UserName=user["UserName"], Password=PASSWORD, PasswordResetRequired=True)["LoginProfile"]
    assert made["UserName"] == user["UserName"] and made["PasswordResetRequired"] is True
    assert c.get_login_profile(UserName=user["UserName"])["LoginProfile"]["PasswordResetRequired"] is True
    key = c.create_access_key(UserName=user["UserName"])["AccessKey"]
    own = client(srv, "iam", (key["AccessKeyId"], key["SecretAccessKey"]))
    refused(lambda: own.change_password(OldPassword="Wrong-Password-1", NewPassword="Another-Pass-2"), "AccessDenied", 403)
    own.change_password(OldPassword=PASSWORD, NewPassword="Another-Pass-2")
    assert c.get_login_profile(UserName=user["UserName"])["LoginProfile"]["PasswordResetRequired"] is False
    stored = db_rows(srv, f"SELECT json_extract(body, '$.loginProfile.passwordHash') FROM iam_users WHERE name_key = '{user['UserName'].lower()}'")[0][0]
    c.update_login_profile(UserName=user["UserName"], Password="Third-Pass-33", PasswordResetRequired=True)
    again = db_rows(srv, f"SELECT json_extract(body, '$.loginProfile.passwordHash') FROM iam_users WHERE name_key = '{user['UserName'].lower()}'")[0][0]
    assert again != stored
    pf.aws(srv, "iam", "delete-login-profile", "--user-name", user["UserName"])
    refused(lambda: c.get_login_profile(UserName=user["UserName"]), "NoSuchEntity", 404,
            f"Login Profile for User {user['UserName']} cannot be found.")


def test_virtual_mfa_device_with_totp_codes(srv):
    c = iam(srv)
    user = make_user(srv)
    name = pf.unique("dev")
    device = c.create_virtual_mfa_device(VirtualMFADeviceName=name, Path="/mfa/")["VirtualMFADevice"]
    account = account_of(srv)
    assert device["SerialNumber"] == f"arn:aws:iam::{account}:mfa/mfa/{name}"
    seed = device["Base32StringSeed"].decode()
    assert len(base64.b32decode(seed + "=" * (-len(seed) % 8))) == 20
    at = fresh_step()
    refused(lambda: c.enable_mfa_device(UserName=user["UserName"], SerialNumber=device["SerialNumber"],
                                        AuthenticationCode1=totp(seed, at), AuthenticationCode2=totp(seed, at, -1)),
            "InvalidAuthenticationCode", 403, "Authentication code for device is not valid.")
    unassigned = c.list_virtual_mfa_devices(AssignmentStatus="Unassigned")["VirtualMFADevices"]
    assert device["SerialNumber"] in [d["SerialNumber"] for d in unassigned]
    c.enable_mfa_device(UserName=user["UserName"], SerialNumber=device["SerialNumber"],
                        AuthenticationCode1=totp(seed, at, -1), AuthenticationCode2=totp(seed, at))
    devices = c.list_mfa_devices(UserName=user["UserName"])["MFADevices"]
    assert [(d["UserName"], d["SerialNumber"]) for d in devices] == [(user["UserName"], device["SerialNumber"])]
    assigned = {d["SerialNumber"]: d for d in c.list_virtual_mfa_devices(AssignmentStatus="Assigned")["VirtualMFADevices"]}
    assert assigned[device["SerialNumber"]]["User"]["UserName"] == user["UserName"]
    assert "Base32StringSeed" not in assigned[device["SerialNumber"]]
    refused(lambda: c.delete_virtual_mfa_device(SerialNumber=device["SerialNumber"]), "DeleteConflict", 409)
    refused(lambda: c.delete_user(UserName=user["UserName"]), "DeleteConflict", 409, "Cannot delete entity, must delete MFA device first.")
    pf.aws(srv, "iam", "deactivate-mfa-device", "--user-name", user["UserName"], "--serial-number", device["SerialNumber"])
    assert c.list_mfa_devices(UserName=user["UserName"])["MFADevices"] == []
    pf.aws(srv, "iam", "delete-virtual-mfa-device", "--serial-number", device["SerialNumber"])
    refused(lambda: c.delete_virtual_mfa_device(SerialNumber=device["SerialNumber"]), "NoSuchEntity", 404)
    assert not db_rows(srv, f"SELECT 1 FROM iam_mfa_devices WHERE name_key = '{device['SerialNumber'].lower()}'")


def test_mfa_seed_is_sealed_at_rest(srv):
    device = iam(srv).create_virtual_mfa_device(VirtualMFADeviceName=pf.unique("seal"))["VirtualMFADevice"]
    seed = device["Base32StringSeed"].decode()
    raw = b"".join(p.read_bytes() for p in srv.data_dir.glob("portless.sqlite*"))
    assert seed.encode() not in raw


def test_tags_on_users_roles_and_policies(srv):
    c = iam(srv)
    user = make_user(srv, Tags=[{"Key": "Env", "Value": "dev"}])
    c.tag_user(UserName=user["UserName"], Tags=[{"Key": "env", "Value": "prod"}, {"Key": "owner", "Value": "me"}])
    assert c.list_user_tags(UserName=user["UserName"])["Tags"] == [{"Key": "env", "Value": "prod"}, {"Key": "owner", "Value": "me"}]
    c.untag_user(UserName=user["UserName"], TagKeys=["OWNER"])
    assert c.list_user_tags(UserName=user["UserName"])["Tags"] == [{"Key": "env", "Value": "prod"}]
    policy = make_policy(srv, Tags=[{"Key": "a", "Value": "1"}])
    assert c.get_policy(PolicyArn=policy["Arn"])["Policy"]["Tags"] == [{"Key": "a", "Value": "1"}]
    c.untag_policy(PolicyArn=policy["Arn"], TagKeys=["a"])
    assert c.list_policy_tags(PolicyArn=policy["Arn"])["Tags"] == []
    many = [{"Key": f"k{i}", "Value": "v"} for i in range(49)]
    c.tag_user(UserName=user["UserName"], Tags=many)
    refused(lambda: c.tag_user(UserName=user["UserName"], Tags=[{"Key": "one-more", "Value": "v"}]), "LimitExceeded", 409)
    assert len(c.list_user_tags(UserName=user["UserName"])["Tags"]) == 50


# --------------------------------------------------------------------------------------
# bad inputs: IAM's code and text, and nothing changes
# --------------------------------------------------------------------------------------


def test_duplicate_and_unknown_entities(srv):
    c = iam(srv)
    user = make_user(srv)
    before = user_names(srv)
    refused(lambda: c.create_user(UserName=user["UserName"].upper()), "EntityAlreadyExists", 409,
            f"User with name {user['UserName'].upper()} already exists.")
    assert user_names(srv) == before
    group = c.create_group(GroupName=pf.unique("dg"))["Group"]
    refused(lambda: c.create_group(GroupName=group["GroupName"]), "EntityAlreadyExists", 409,
            f"Group with name {group['GroupName']} already exists.")
    policy = make_policy(srv)
    refused(lambda: c.create_policy(PolicyName=policy["PolicyName"], PolicyDocument=json.dumps(READ_SSM), Path="/other/"),
            "EntityAlreadyExists", 409, f"A policy called {policy['PolicyName']} already exists. Duplicate names are not allowed.")
    refused(lambda: c.get_group(GroupName="no-such-group"), "NoSuchEntity", 404, "The group with name no-such-group cannot be found.")
    refused(lambda: c.get_user_policy(UserName=user["UserName"], PolicyName="none"), "NoSuchEntity", 404,
            "The user policy with name none cannot be found.")
    refused(lambda: c.get_group_policy(GroupName=group["GroupName"], PolicyName="none"), "NoSuchEntity", 404,
            "The group policy with name none cannot be found.")
    refused(lambda: c.delete_access_key(UserName=user["UserName"], AccessKeyId="AKIAXXXXXXXXXXXXXXXX"), "NoSuchEntity", 404,
            "The Access Key with id AKIAXXXXXXXXXXXXXXXX cannot be found.")
    refused(lambda: c.get_login_profile(UserName=user["UserName"]), "NoSuchEntity", 404,
            f"Login Profile for User {user['UserName']} cannot be found.")
    refused(lambda: c.create_access_key(UserName="no-such-user"), "NoSuchEntity", 404, "The user with name no-such-user cannot be found.")
    refused(lambda: c.add_user_to_group(GroupName=group["GroupName"], UserName="no-such-user"), "NoSuchEntity", 404)
    name = pf.unique("dupmfa")
    c.create_virtual_mfa_device(VirtualMFADeviceName=name)
    refused(lambda: c.create_virtual_mfa_device(VirtualMFADeviceName=name), "EntityAlreadyExists", 409,
            "MFADevice entity at the same path and name already exists.")


@pytest.mark.parametrize("case,kwargs", [
    ("name with a space", dict(UserName="bad name")),
    ("name too long", dict(UserName="u" * 65)),
    ("empty name", dict(UserName="")),
    ("path without slashes", dict(UserName="okname", Path="nopath")),
    ("51 tags", dict(UserName="okname", Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(51)])),
    ("duplicate tag keys", dict(UserName="okname", Tags=[{"Key": "a", "Value": "1"}, {"Key": "A", "Value": "2"}])),
])
def test_bad_create_user_is_refused_and_creates_nothing(srv, case, kwargs):
    before = user_names(srv)
    refused(lambda: iam(srv, validate=False).create_user(**kwargs), "ValidationError", 400)
    assert user_names(srv) == before


def test_unknown_boundary_is_refused(srv):
    before = user_names(srv)
    arn = f"arn:aws:iam::{account_of(srv)}:policy/not-there"
    refused(lambda: iam(srv).create_user(UserName=pf.unique("nb"), PermissionsBoundary=arn), "NoSuchEntity", 404,
            f"Scope ARN: {arn} does not exist or is not attachable.")
    assert user_names(srv) == before


@pytest.mark.parametrize("blocker,message", [
    ("access key", "Cannot delete entity, must delete access keys first."),
    ("login profile", "Cannot delete entity, must delete login profile first."),
    ("group", "Cannot delete entity, must remove users from group first."),
    ("inline policy", "Cannot delete entity, must delete policies first."),
    ("attached policy", "Cannot delete entity, must detach all policies first."),
])
def test_delete_user_with_dependents_is_refused(srv, blocker, message):
    c = iam(srv)
    user = make_user(srv)
    name = user["UserName"]
    if blocker == "access key":
        c.create_access_key(UserName=name)
    elif blocker == "login profile":
        c.create_login_profile(UserName=name, Password=PASSWORD)
    elif blocker == "group":
        c.add_user_to_group(GroupName=c.create_group(GroupName=pf.unique("blk"))["Group"]["GroupName"], UserName=name)
    elif blocker == "inline policy":
        c.put_user_policy(UserName=name, PolicyName="p", PolicyDocument=json.dumps(READ_SSM))
    else:
        c.attach_user_policy(UserName=name, PolicyArn=aws_arn("AmazonSSMReadOnlyAccess"))
    refused(lambda: c.delete_user(UserName=name), "DeleteConflict", 409, message)
    assert c.get_user(UserName=name)["User"]["UserId"] == user["UserId"]


def test_delete_group_and_role_and_policy_conflicts(srv):
    c = iam(srv)
    group = c.create_group(GroupName=pf.unique("cg"))["Group"]["GroupName"]
    user = make_user(srv)
    c.add_user_to_group(GroupName=group, UserName=user["UserName"])
    refused(lambda: c.delete_group(GroupName=group), "DeleteConflict", 409, "Cannot delete entity, must remove users from group first.")
    c.remove_user_from_group(GroupName=group, UserName=user["UserName"])
    c.put_group_policy(GroupName=group, PolicyName="p", PolicyDocument=json.dumps(READ_SSM))
    refused(lambda: c.delete_group(GroupName=group), "DeleteConflict", 409, "Cannot delete entity, must delete policies first.")
    role = c.create_role(RoleName=pf.unique("cr"), AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["RoleName"]
    c.put_role_policy(RoleName=role, PolicyName="p", PolicyDocument=json.dumps(READ_SSM))
    refused(lambda: c.delete_role(RoleName=role), "DeleteConflict", 409, "Cannot delete entity, must delete policies first.")
    c.delete_role_policy(RoleName=role, PolicyName="p")
    policy = make_policy(srv)
    c.attach_role_policy(RoleName=role, PolicyArn=policy["Arn"])
    refused(lambda: c.delete_role(RoleName=role), "DeleteConflict", 409, "Cannot delete entity, must detach all policies first.")
    refused(lambda: c.delete_policy(PolicyArn=policy["Arn"]), "DeleteConflict", 409, "Cannot delete a policy attached to entities.")
    assert c.get_role(RoleName=role)["Role"]["RoleName"] == role
    assert c.get_policy(PolicyArn=policy["Arn"])["Policy"]["AttachmentCount"] == 1


def test_attach_limits_and_unknown_policies(srv):
    c = iam(srv)
    user = make_user(srv)["UserName"]
    unknown = f"arn:aws:iam::{account_of(srv)}:policy/never-made"
    refused(lambda: c.attach_user_policy(UserName=user, PolicyArn=unknown), "NoSuchEntity", 404,
            f"Policy {unknown} does not exist or is not attachable.")
    refused(lambda: c.attach_user_policy(UserName=user, PolicyArn=aws_arn("NotAPolicyHere")), "NoSuchEntity", 404,
            f"Policy {aws_arn('NotAPolicyHere')} does not exist or is not attachable.")
    policies = [make_policy(srv)["Arn"] for _ in range(11)]
    for arn in policies[:10]:
        c.attach_user_policy(UserName=user, PolicyArn=arn)
    c.attach_user_policy(UserName=user, PolicyArn=policies[0])
    refused(lambda: c.attach_user_policy(UserName=user, PolicyArn=policies[10]), "LimitExceeded", 409,
            "Cannot exceed quota for PoliciesPerUser: 10")
    attached = c.list_attached_user_policies(UserName=user)["AttachedPolicies"]
    assert sorted(p["PolicyArn"] for p in attached) == sorted(policies[:10])
    role = c.create_role(RoleName=pf.unique("lr"), AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["RoleName"]
    for arn in policies[:10]:
        c.attach_role_policy(RoleName=role, PolicyArn=arn)
    refused(lambda: c.attach_role_policy(RoleName=role, PolicyArn=policies[10]), "LimitExceeded", 409, "Cannot exceed quota for PoliciesPerRole: 10")
    refused(lambda: c.detach_user_policy(UserName=user, PolicyArn=policies[10]), "NoSuchEntity", 404)


def big_document(size: int) -> str:
    """A policy whose size without whitespace is a little over `size`."""
    actions = [f"ssm:Describe{i:05d}" for i in range(size // 20 + 1)]
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}, indent=4)


@pytest.mark.parametrize("kind,limit", [("user", 2048), ("group", 5120), ("role", 10240)])
def test_inline_policy_size_limits(srv, kind, limit):
    c = iam(srv)
    if kind == "user":
        name = make_user(srv)["UserName"]
        put = lambda doc, p="big": c.put_user_policy(UserName=name, PolicyName=p, PolicyDocument=doc)  # noqa: E731
        names = lambda: c.list_user_policies(UserName=name)["PolicyNames"]  # noqa: E731
    elif kind == "group":
        name = c.create_group(GroupName=pf.unique("sg"))["Group"]["GroupName"]
        put = lambda doc, p="big": c.put_group_policy(GroupName=name, PolicyName=p, PolicyDocument=doc)  # noqa: E731
        names = lambda: c.list_group_policies(GroupName=name)["PolicyNames"]  # noqa: E731
    else:
        name = c.create_role(RoleName=pf.unique("sr"), AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["RoleName"]
        put = lambda doc, p="big": c.put_role_policy(RoleName=name, PolicyName=p, PolicyDocument=doc)  # noqa: E731
        names = lambda: c.list_role_policies(RoleName=name)["PolicyNames"]  # noqa: E731
    doc = big_document(limit)
    assert len("".join(doc.split())) > limit and len(doc) > limit
    refused(lambda: put(doc), "LimitExceeded", 409, f"Maximum policy size of {limit} bytes exceeded for {kind} {name}")
    assert names() == []
    # Whitespace does not count: a document just under the limit passes however it is indented.
    fits = json.loads(big_document(limit - 200))
    put(json.dumps(fits, indent=8), "fits")
    assert names() == ["fits"]
    # The limit is on all of the entity's inline policies together.
    refused(lambda: put(json.dumps(fits), "second"), "LimitExceeded", 409, f"Maximum policy size of {limit} bytes exceeded for {kind} {name}")
    assert names() == ["fits"]


def test_managed_policy_size_and_document_errors(srv):
    c = iam(srv)
    before = [p["PolicyName"] for p in c.list_policies(Scope="Local")["Policies"]]
    refused(lambda: c.create_policy(PolicyName=pf.unique("big"), PolicyDocument=big_document(6144)), "LimitExceeded", 409,
            "Cannot exceed quota for PolicySize: 6144")
    refused(lambda: c.create_policy(PolicyName=pf.unique("bad"), PolicyDocument="{not json"), "MalformedPolicyDocument", 400)
    refused(lambda: c.create_policy(PolicyName="bad name", PolicyDocument=json.dumps(READ_SSM)), "ValidationError", 400)
    refused(lambda: iam(srv, validate=False).create_policy(PolicyName=pf.unique("p"), PolicyDocument=json.dumps(READ_SSM), Path="/a//b/"),
            "ValidationError", 400)
    assert [p["PolicyName"] for p in c.list_policies(Scope="Local")["Policies"]] == before
    refused(lambda: c.get_policy(PolicyArn="arn:aws:iam::123:not-a-policy"), "InvalidInput", 400,
            "ARN arn:aws:iam::123:not-a-policy is not valid.")
    refused(lambda: iam(srv, validate=False).list_policies(Scope="Mine"), "ValidationError", 400)


def test_access_key_quota_and_status_values(srv):
    c = iam(srv)
    user = make_user(srv)["UserName"]
    c.create_access_key(UserName=user)
    c.create_access_key(UserName=user)
    refused(lambda: c.create_access_key(UserName=user), "LimitExceeded", 409, "Cannot exceed quota for AccessKeysPerUser: 2")
    keys = c.list_access_keys(UserName=user)["AccessKeyMetadata"]
    assert len(keys) == 2
    refused(lambda: iam(srv, validate=False).update_access_key(UserName=user, AccessKeyId=keys[0]["AccessKeyId"], Status="Paused"),
            "ValidationError", 400)
    assert [k["Status"] for k in c.list_access_keys(UserName=user)["AccessKeyMetadata"]] == ["Active", "Active"]


def test_bad_login_profiles(srv):
    c = iam(srv)
    user = make_user(srv)["UserName"]
    refused(lambda: c.create_login_profile(UserName=user, Password="short"), "PasswordPolicyViolation", 400,
            "Password does not conform to the account password policy.")
    refused(lambda: c.create_login_profile(UserName=user, Password="alllowercaseletters"), "PasswordPolicyViolation", 400)
    refused(lambda: c.get_login_profile(UserName=user), "NoSuchEntity", 404)
    c.create_login_profile(UserName=user, Password=PASSWORD)
    refused(lambda: c.create_login_profile(UserName=user, Password=PASSWORD), "EntityAlreadyExists", 409,
            f"Login Profile for user {user} already exists.")


def test_bad_mfa_inputs(srv):
    c = iam(srv, validate=False)
    user = make_user(srv)["UserName"]
    device = c.create_virtual_mfa_device(VirtualMFADeviceName=pf.unique("bm"))["VirtualMFADevice"]
    refused(lambda: c.enable_mfa_device(UserName=user, SerialNumber=device["SerialNumber"], AuthenticationCode1="12345",
                                        AuthenticationCode2="123456"), "ValidationError", 400)
    refused(lambda: c.enable_mfa_device(UserName=user, SerialNumber=device["SerialNumber"], AuthenticationCode1="abcdef",
                                        AuthenticationCode2="123456"), "ValidationError", 400)
    refused(lambda: c.enable_mfa_device(UserName=user, SerialNumber=device["SerialNumber"], AuthenticationCode1="000000",
                                        AuthenticationCode2="000000"), "InvalidAuthenticationCode", 403,
            "Authentication code for device is not valid.")
    refused(lambda: c.list_virtual_mfa_devices(AssignmentStatus="Some"), "ValidationError", 400)
    assert c.list_mfa_devices(UserName=user)["MFADevices"] == []


def test_virtual_mfa_device_with_the_cli(srv, tmp_path):
    user = make_user(srv)["UserName"]
    seed_file = tmp_path / "seed.txt"
    made = pf.aws(srv, "iam", "create-virtual-mfa-device", "--virtual-mfa-device-name", pf.unique("climfa"),
                  "--outfile", str(seed_file), "--bootstrap-method", "Base32StringSeed").json["VirtualMFADevice"]
    seed = seed_file.read_text()
    assert len(base64.b32decode(seed + "=" * (-len(seed) % 8))) == 20
    at = fresh_step()
    pf.aws(srv, "iam", "enable-mfa-device", "--user-name", user, "--serial-number", made["SerialNumber"],
           "--authentication-code1", totp(seed, at, -1), "--authentication-code2", totp(seed, at))
    listed = pf.aws(srv, "iam", "list-mfa-devices", "--user-name", user).json["MFADevices"]
    assert [d["SerialNumber"] for d in listed] == [made["SerialNumber"]]
    wrong = pf.aws(srv, "iam", "enable-mfa-device", "--user-name", user, "--serial-number", made["SerialNumber"],
                   "--authentication-code1", "000000", "--authentication-code2", "000000", check=False)
    assert wrong.returncode != 0 and "EntityAlreadyExists" in wrong.stderr


def test_a_user_is_in_at_most_ten_groups(srv):
    c = iam(srv)
    user = make_user(srv)["UserName"]
    groups = [c.create_group(GroupName=pf.unique("ten"))["Group"]["GroupName"] for _ in range(11)]
    for group in groups[:10]:
        c.add_user_to_group(GroupName=group, UserName=user)
    c.add_user_to_group(GroupName=groups[0], UserName=user)
    refused(lambda: c.add_user_to_group(GroupName=groups[10], UserName=user), "LimitExceeded", 409, "Cannot exceed quota for GroupsPerUser: 10")
    assert sorted(g["GroupName"] for g in c.list_groups_for_user(UserName=user)["Groups"]) == sorted(groups[:10])
    assert c.get_group(GroupName=groups[10])["Users"] == []
