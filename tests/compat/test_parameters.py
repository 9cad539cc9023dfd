"""Parameter Store with boto3 and the real aws CLI: the three types, SecureString under KMS keys (the
AWS-managed alias/aws/ssm made on first use), versions and their 100-version history, selectors, labels,
paths, every DescribeParameters filter, tiers and policies, tags, and SSM's codes and texts for each refusal.
Every boto3 reply is checked against botocore's model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

refused = pf.refused
NAME_RULES = ('Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of '
              'sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_')


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory) -> pf.Server:
    server = pf.start_server(tmp_path_factory.mktemp("params") / "data", name="params-server")
    yield server
    server.process.kill_hard()


@pytest.fixture(scope="module")
def ssm(srv):
    client = srv.client("ssm")
    checker = ModelChecker("ssm")
    with RawReplies(client) as raw:
        yield client
        checker.assert_conforms(*raw.replies)


@pytest.fixture(scope="module")
def account(srv) -> str:
    return srv.client("sts").get_caller_identity()["Account"]


def test_types_and_reads(ssm, account):
    put = ssm.put_parameter(Name="/t/plain", Value="v1", Type="String")
    assert (put["Version"], put["Tier"]) == (1, "Standard")
    ssm.put_parameter(Name="/t/list", Value="a,b,c", Type="StringList")
    ssm.put_parameter(Name="/t/secret", Value="hunter2", Type="SecureString")
    got = ssm.get_parameter(Name="/t/plain")["Parameter"]
    assert got["Value"] == "v1" and got["Version"] == 1 and got["Type"] == "String" and got["DataType"] == "text"
    assert got["ARN"] == f"arn:aws:ssm:{pf.REGION}:{account}:parameter/t/plain"
    secret = ssm.get_parameter(Name="/t/secret")["Parameter"]["Value"]
    assert secret != "hunter2"
    assert ssm.get_parameter(Name="/t/secret", WithDecryption=True)["Parameter"]["Value"] == "hunter2"
    meta = ssm.describe_parameters(ParameterFilters=[{"Key": "Name", "Values": ["/t/secret"]}])["Parameters"][0]
    assert meta["KeyId"] == "alias/aws/ssm" and meta["LastModifiedUser"] == f"arn:aws:iam::{account}:root"
    assert kms_of(ssm).describe_key(KeyId="alias/aws/ssm")["KeyMetadata"]["KeyManager"] == "AWS"
    both = ssm.get_parameters(Names=["/t/plain", "/t/list", "/t/none"], WithDecryption=True)
    assert sorted(p["Name"] for p in both["Parameters"]) == ["/t/list", "/t/plain"] and both["InvalidParameters"] == ["/t/none"]
    assert refused(lambda: ssm.get_parameter(Name="/t/none")) == ("ParameterNotFound", "Parameter /t/none not found.")


def kms_of(ssm):
    """A KMS client with the SSM client's own keys."""
    import boto3
    creds = ssm._request_signer._credentials
    return boto3.session.Session(aws_access_key_id=creds.access_key, aws_secret_access_key=creds.secret_key,
                                 region_name=pf.REGION).client("kms", endpoint_url=ssm.meta.endpoint_url)


def test_overwrite_versions_and_selectors(ssm):
    ssm.put_parameter(Name="/v/a", Value="one", Type="String")
    code, message = refused(lambda: ssm.put_parameter(Name="/v/a", Value="two", Type="String"))
    assert (code, message) == ("ParameterAlreadyExists",
                               "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.")
    assert ssm.put_parameter(Name="/v/a", Value="two", Overwrite=True)["Version"] == 2
    assert ssm.get_parameter(Name="/v/a:1")["Parameter"]["Value"] == "one"
    assert ssm.get_parameter(Name="/v/a:1")["Parameter"]["Selector"] == ":1"
    assert refused(lambda: ssm.get_parameter(Name="/v/a:3")) == (
        "ParameterVersionNotFound", "Systems Manager could not find version 3 of /v/a. Verify the version and try again.")
    code, message = refused(lambda: ssm.put_parameter(Name="/v/a", Value="x", Overwrite=True, Tags=[{"Key": "k", "Value": "v"}]))
    assert code == "ValidationException" and message.startswith("Invalid request: tags and overwrite can't be used together.")
    assert refused(lambda: ssm.put_parameter(Name="/v/new", Value="x")) == (
        "ValidationException", "A parameter type is required when you create a parameter.")


def test_history_keeps_100_versions(ssm):
    ssm.put_parameter(Name="/h/p", Value="0", Type="String")
    ssm.label_parameter_version(Name="/h/p", ParameterVersion=1, Labels=["first"])
    for i in range(1, 100):
        ssm.put_parameter(Name="/h/p", Value=str(i), Overwrite=True)
    code, message = refused(lambda: ssm.put_parameter(Name="/h/p", Value="100", Overwrite=True))
    assert code == "ParameterMaxVersionLimitExceeded" and "Version 1, the oldest version, can't be deleted because it has a label" in message
    ssm.unlabel_parameter_version(Name="/h/p", ParameterVersion=1, Labels=["first"])
    assert ssm.put_parameter(Name="/h/p", Value="100", Overwrite=True)["Version"] == 101
    versions = [p["Version"] for page in ssm.get_paginator("get_parameter_history").paginate(Name="/h/p") for p in page["Parameters"]]
    assert versions == list(range(2, 102))


def test_labels(ssm):
    ssm.put_parameter(Name="/l/p", Value="one", Type="String")
    ssm.put_parameter(Name="/l/p", Value="two", Overwrite=True)
    out = ssm.label_parameter_version(Name="/l/p", ParameterVersion=1, Labels=["prod", "1bad", "awsx"])
    assert out["InvalidLabels"] == ["1bad", "awsx"] and out["ParameterVersion"] == 1
    assert ssm.get_parameter(Name="/l/p:prod")["Parameter"]["Value"] == "one"
    assert ssm.label_parameter_version(Name="/l/p", Labels=["prod"])["ParameterVersion"] == 2  # the label moves
    assert ssm.get_parameter(Name="/l/p:prod")["Parameter"]["Value"] == "two"
    ssm.label_parameter_version(Name="/l/p", ParameterVersion=1, Labels=[f"l{i}" for i in range(10)])
    assert refused(lambda: ssm.label_parameter_version(Name="/l/p", ParameterVersion=1, Labels=["eleven"])) == (
        "ParameterVersionLabelLimitExceeded", "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.")
    removed = ssm.unlabel_parameter_version(Name="/l/p", ParameterVersion=2, Labels=["prod", "none"])
    assert removed["RemovedLabels"] == ["prod"] and removed["InvalidLabels"] == ["none"]


@pytest.mark.parametrize("name, code, message", [
    ("awsThing", "ValidationException", NAME_RULES),
    ("/ssm/x", "AccessDeniedException", "No access to reserved parameter name: /ssm/x."),
    ("a/b", "ValidationException", "Parameter name must be a fully qualified name."),
    ("/a b", "ValidationException", NAME_RULES),
    ("/" + "/".join(f"l{i}" for i in range(16)), "HierarchyLevelLimitExceededException", None),
])
def test_name_rules(ssm, name, code, message):
    got = refused(lambda: ssm.put_parameter(Name=name, Value="x", Type="String"))
    assert got[0] == code and (message is None or got[1] == message)
    assert ssm.describe_parameters(ParameterFilters=[{"Key": "Name", "Values": [name]}])["Parameters"] == []


def test_tiers_and_policies(ssm):
    code, message = refused(lambda: ssm.put_parameter(Name="/tier/big", Value="x" * 5000, Type="String"))
    assert code == "ValidationException" and message.startswith("Standard tier parameters support a maximum parameter value of 4096 characters.")
    assert ssm.put_parameter(Name="/tier/big", Value="x" * 5000, Type="String", Tier="Intelligent-Tiering")["Tier"] == "Advanced"
    code, message = refused(lambda: ssm.put_parameter(Name="/tier/big", Value="x", Overwrite=True, Tier="Standard"))
    assert message.startswith("This parameter uses the advanced-parameter tier. You can't downgrade")
    policy = [{"Type": "Expiration", "Version": "1.0", "Attributes": {"Timestamp": "2099-01-01T00:00:00.000Z"}}]
    assert ssm.put_parameter(Name="/tier/exp", Value="x", Type="String", Tier="Advanced", Policies=json.dumps(policy))["Tier"] == "Advanced"
    described = ssm.describe_parameters(ParameterFilters=[{"Key": "Name", "Values": ["/tier/exp"]}])["Parameters"][0]
    assert described["Policies"][0]["PolicyType"] == "Expiration"
    assert refused(lambda: ssm.put_parameter(Name="/tier/bad", Value="x", Type="String", Tier="Advanced",
                                             Policies='[{"Type":"Nope"}]'))[0] == "InvalidPolicyTypeException"


def test_allowed_pattern_and_data_type(ssm):
    assert refused(lambda: ssm.put_parameter(Name="/p/n", Value="abc", Type="String", AllowedPattern="^\\d+$")) == (
        "ParameterPatternMismatchException", "Parameter value, cannot be validated against allowedPattern: ^\\d+$")
    assert ssm.put_parameter(Name="/p/n", Value="123", Type="String", AllowedPattern="^\\d+$")["Version"] == 1
    assert refused(lambda: ssm.put_parameter(Name="/p/d", Value="x", Type="String", DataType="Text")) == (
        "ValidationException", "The following data type is not supported: Text (Data type names are all lowercase.)")


def test_by_path_and_describe_filters(ssm):
    for name, type_ in [("/app/db/user", "String"), ("/app/db/pass", "SecureString"), ("/app/web/url", "String"), ("/app/top", "String")]:
        ssm.put_parameter(Name=name, Value="x", Type=type_, Tags=[{"Key": "team", "Value": "db" if "/db/" in name else "web"}])
    one = ssm.get_parameters_by_path(Path="/app")["Parameters"]
    assert [p["Name"] for p in one] == ["/app/top"]
    pages = ssm.get_paginator("get_parameters_by_path").paginate(Path="/app", Recursive=True, PaginationConfig={"PageSize": 2})
    assert sorted(p["Name"] for page in pages for p in page["Parameters"]) == ["/app/db/pass", "/app/db/user", "/app/top", "/app/web/url"]
    secure = ssm.get_parameters_by_path(Path="/app", Recursive=True, ParameterFilters=[{"Key": "Type", "Values": ["SecureString"]}])
    assert [p["Name"] for p in secure["Parameters"]] == ["/app/db/pass"]
    assert refused(lambda: ssm.get_parameters_by_path(Path="/app", ParameterFilters=[{"Key": "Name", "Values": ["x"]}])) == (
        "InvalidFilterKey", "The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId].")

    def names(**kw):
        return sorted(p["Name"] for page in ssm.get_paginator("describe_parameters").paginate(**kw) for p in page["Parameters"])
    assert names(ParameterFilters=[{"Key": "Path", "Option": "OneLevel", "Values": ["/app/db"]}]) == ["/app/db/pass", "/app/db/user"]
    assert names(ParameterFilters=[{"Key": "Path", "Option": "Recursive", "Values": ["/app"]}, {"Key": "tag:team", "Values": ["web"]}]) == [
        "/app/top", "/app/web/url"]
    assert names(ParameterFilters=[{"Key": "Name", "Option": "Contains", "Values": ["db/u"]}]) == ["/app/db/user"]
    assert names(ParameterFilters=[{"Key": "Name", "Option": "BeginsWith", "Values": ["/app/w"]}]) == ["/app/web/url"]
    assert names(ParameterFilters=[{"Key": "KeyId", "Values": ["alias/aws/ssm"]}, {"Key": "Path", "Values": ["/app/db"]}]) == ["/app/db/pass"]
    assert names(Filters=[{"Key": "Type", "Values": ["SecureString"]}, {"Key": "Name", "Values": ["/app"]}]) == ["/app/db/pass"]
    assert names(ParameterFilters=[{"Key": "Tier", "Values": ["Standard"]}, {"Key": "Path", "Values": ["/app"]}]) == ["/app/top"]
    assert refused(lambda: ssm.describe_parameters(ParameterFilters=[{"Key": "Path", "Option": "Equals", "Values": ["/app"]}])) == (
        "InvalidFilterOption", "The following filter option is not valid: Equals. Valid options include: [OneLevel, Recursive].")
    assert refused(lambda: ssm.describe_parameters(ParameterFilters=[{"Key": "Type", "Values": ["Nope"]}])) == (
        "InvalidFilterValue", "The following filter value is not valid: Nope. Valid values include: [String, StringList, SecureString].")
    assert refused(lambda: ssm.describe_parameters(Filters=[{"Key": "Type", "Values": ["String"]}],
                                                   ParameterFilters=[{"Key": "Type", "Values": ["String"]}])) == (
        "ValidationException", "You can use either Filters or ParameterFilters in a single request.")


def test_tags_and_delete(ssm):
    ssm.put_parameter(Name="/d/a", Value="x", Type="String", Tags=[{"Key": "k", "Value": "v"}])
    ssm.add_tags_to_resource(ResourceType="Parameter", ResourceId="/d/a", Tags=[{"Key": "k2", "Value": "v2"}])
    tags = ssm.list_tags_for_resource(ResourceType="Parameter", ResourceId="/d/a")["TagList"]
    assert sorted((t["Key"], t["Value"]) for t in tags) == [("k", "v"), ("k2", "v2")]
    ssm.remove_tags_from_resource(ResourceType="Parameter", ResourceId="/d/a", TagKeys=["k"])
    assert [t["Key"] for t in ssm.list_tags_for_resource(ResourceType="Parameter", ResourceId="/d/a")["TagList"]] == ["k2"]
    ssm.put_parameter(Name="/d/b", Value="x", Type="String")
    ssm.delete_parameter(Name="/d/a")
    assert refused(lambda: ssm.delete_parameter(Name="/d/a")) == ("ParameterNotFound", "Parameter /d/a not found.")
    out = ssm.delete_parameters(Names=["/d/b", "/d/none"])
    assert out["DeletedParameters"] == ["/d/b"] and out["InvalidParameters"] == ["/d/none"]


def test_secure_string_needs_kms_decrypt(srv, ssm, account):
    kms = srv.client("kms")
    key = kms.create_key(Description="params")["KeyMetadata"]
    ssm.put_parameter(Name="/k/secret", Value="pw", Type="SecureString", KeyId=key["KeyId"])
    assert refused(lambda: ssm.put_parameter(Name="/k/bad", Value="pw", Type="SecureString", KeyId="alias/none"))[0] == "InvalidKeyId"
    iam = srv.client("iam")
    iam.create_user(UserName="reader")
    made = iam.create_access_key(UserName="reader")["AccessKey"]
    iam.put_user_policy(UserName="reader", PolicyName="read", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": f"arn:aws:ssm:*:*:parameter/k/*"}]}))
    reader = srv.client("ssm", access_key=made["AccessKeyId"], secret_key=made["SecretAccessKey"])
    pf.wait_until(lambda: _ok(lambda: reader.get_parameter(Name="/k/secret")), timeout=10, desc="policy applies")
    code, message = refused(lambda: reader.get_parameter(Name="/k/secret", WithDecryption=True))
    assert code == "AccessDeniedException" and f"kms:Decrypt on resource: {key['Arn']}" in message
    assert refused(lambda: reader.get_parameter(Name="/t/plain"))[0] == "AccessDeniedException"
    iam.put_user_policy(UserName="reader", PolicyName="decrypt", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": key["Arn"]}]}))
    pf.wait_until(lambda: _ok(lambda: reader.get_parameter(Name="/k/secret", WithDecryption=True)), timeout=10, desc="decrypt allowed")
    assert reader.get_parameter(Name="/k/secret", WithDecryption=True)["Parameter"]["Value"] == "pw"


def _ok(call) -> bool:
    try:
        call()
        return True
    except Exception:  # noqa: BLE001 - any refusal means "not yet"
        return False


def test_cli(srv):
    pf.aws(srv, "ssm", "put-parameter", "--name", "/cli/p", "--value", "hello", "--type", "SecureString")
    got = pf.aws(srv, "ssm", "get-parameter", "--name", "/cli/p", "--with-decryption").json["Parameter"]
    assert got["Value"] == "hello"
    again = pf.aws(srv, "ssm", "put-parameter", "--name", "/cli/p", "--value", "x", "--type", "String", check=False)
    assert again.returncode != 0 and "ParameterAlreadyExists" in again.stderr
    missing = pf.aws(srv, "ssm", "get-parameter", "--name", "/cli/none", check=False)
    assert "An error occurred (ParameterNotFound) when calling the GetParameter operation" in missing.stderr
    listed = pf.aws(srv, "ssm", "get-parameters-by-path", "--path", "/cli").json["Parameters"]
    assert [p["Name"] for p in listed] == ["/cli/p"]
