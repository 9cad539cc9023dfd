"""The model checker itself, on hand-made bodies: a checker that cannot fail is a defect.

No server needed. Each bad body must be caught with the right path; each good body must pass."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))

from model_check import ConformanceError, ModelChecker, RawReplies  # noqa: E402

JSON_HEADERS = {"Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "5f2b3d1e-0000-4000-8000-000000000000"}

GOOD_COMMAND = {
    "CommandId": "0a8f4b5c-1d2e-4f60-8a9b-0c1d2e3f4a5b",
    "DocumentName": "AWS-RunShellScript",
    "DocumentVersion": "$DEFAULT",
    "Comment": "",
    "ExpiresAfter": 1764000000.5,
    "Parameters": {"commands": ["uname -a"]},
    "InstanceIds": ["mi-0123456789abcdef0"],
    "Targets": [],
    "RequestedDateTime": 1763990000.25,
    "Status": "Success",
    "StatusDetails": "Success",
    "MaxConcurrency": "50",
    "MaxErrors": "0",
    "TargetCount": 1,
    "CompletedCount": 1,
    "ErrorCount": 0,
    "DeliveryTimedOutCount": 0,
    "TimeoutSeconds": 3600,
}


@pytest.fixture(scope="module")
def ssm():
    return ModelChecker("ssm")


def _paths(report):
    return [f.path for f in report.errors]


def _list_commands(**overrides):
    cmd = copy.deepcopy(GOOD_COMMAND)
    cmd.update(overrides)
    return json.dumps({"Commands": [cmd]})


# -- JSON success replies -----------------------------------------------------------------


def test_good_reply_passes(ssm):
    r = ssm.check_output("ListCommands", _list_commands(), headers=JSON_HEADERS)
    assert r.ok, r.describe()
    assert ssm.check_output("DeleteActivation", b"{}", headers=JSON_HEADERS).ok
    assert ssm.check_output("DeleteActivation", b"", headers=JSON_HEADERS).ok


def test_unknown_member_is_caught_with_its_path(ssm):
    body = json.loads(_list_commands())
    body["Commands"][0]["StatusDetailz"] = "Success"
    r = ssm.check_output("ListCommands", json.dumps(body))
    assert _paths(r) == ["Commands[0].StatusDetailz"], r.describe()
    assert "did you mean ['StatusDetails']" in str(r.errors[0])
    top = ssm.check_output("ListCommands", json.dumps({"Commands": [], "Nexttoken": "x"}))
    assert _paths(top) == ["Nexttoken"]


@pytest.mark.parametrize(
    "member,value",
    [
        ("TargetCount", "1"),  # integer sent as string
        ("TargetCount", True),  # boolean is not an integer
        ("TargetCount", 1.5),  # float is not an integer
        ("RequestedDateTime", "2026-11-25T01:02:03Z"),  # JSON protocol timestamps are epoch numbers
        ("Comment", 7),  # string sent as number
        ("InstanceIds", "mi-0123456789abcdef0"),  # list sent as scalar
        ("Parameters", ["commands"]),  # map sent as list
        ("Status", "Done"),  # not in the enum
        ("Comment", None),  # null: the protocol omits absent members instead
    ],
)
def test_wrong_types_are_caught(ssm, member, value):
    r = ssm.check_output("ListCommands", _list_commands(**{member: value}))
    assert _paths(r) == [f"Commands[0].{member}"], r.describe()


def test_nested_map_and_list_values_are_checked(ssm):
    r = ssm.check_output("ListCommands", _list_commands(Parameters={"commands": "uname"}))
    assert _paths(r) == ["Commands[0].Parameters['commands']"], r.describe()
    r = ssm.check_output("ListCommands", _list_commands(Parameters={"commands": ["a", 3]}))
    assert _paths(r) == ["Commands[0].Parameters['commands'][1]"], r.describe()
    r = ssm.check_output("ListCommands", _list_commands(Targets=[{"Key": "tag:role", "Values": ["web"], "Extra": 1}]))
    assert _paths(r) == ["Commands[0].Targets[0].Extra"], r.describe()


def test_boolean_must_be_a_json_boolean(ssm):
    body = {"InstanceInformationList": [{"InstanceId": "mi-0123456789abcdef0", "IsLatestVersion": "true"}]}
    r = ssm.check_output("DescribeInstanceInformation", json.dumps(body))
    assert _paths(r) == ["InstanceInformationList[0].IsLatestVersion"], r.describe()


def test_missing_required_member_is_caught(ssm):
    r = ssm.check_output("ListTagsForResource", json.dumps({"TagList": [{"Key": "role"}]}))
    assert _paths(r) == ["TagList[0].Value"], r.describe()
    assert "required" in str(r.errors[0])
    ok = ssm.check_output("ListTagsForResource", json.dumps({"TagList": [{"Key": "role", "Value": "web"}]}))
    assert ok.ok, ok.describe()


def test_body_that_is_not_json_or_not_an_object(ssm):
    assert not ssm.check_output("ListCommands", b"<xml/>").ok
    assert _paths(ssm.check_output("ListCommands", b"[]")) == [""]


def test_headers_are_checked(ssm):
    r = ssm.check_output("DeleteActivation", b"{}", headers={"Content-Type": "application/json"})
    assert [f.path for f in r.errors] == ["<header Content-Type>", "<header x-amzn-RequestId>"]


def test_constraints_are_warnings_not_errors(ssm):
    r = ssm.check_output("ListCommands", _list_commands(Comment="x" * 101))
    assert r.ok, r.describe()
    assert [f.path for f in r.warnings] == ["Commands[0].Comment"]


def test_assert_conforms_raises_with_every_finding(ssm):
    from model_check import RawReply

    bad = RawReply("ListCommands", 200, JSON_HEADERS, _list_commands(TargetCount="1", Oops=1).encode())
    with pytest.raises(ConformanceError) as e:
        ssm.assert_conforms(bad)
    assert "Commands[0].TargetCount" in str(e.value) and "Commands[0].Oops" in str(e.value)


# -- JSON error replies -------------------------------------------------------------------


def test_error_replies(ssm):
    good = ssm.check_error("GetCommandInvocation", json.dumps({"__type": "InvocationDoesNotExist", "message": "no"}), 400)
    assert good.ok, good.describe()
    # a namespaced __type as AWS sends it
    assert ssm.check_error("SendCommand", json.dumps({"__type": "com.amazonaws.ssm#InvalidDocument", "message": "x"}), 400).ok
    # common auth errors are fine for any operation, and without an operation
    assert ssm.check_error("ListCommands", json.dumps({"__type": "UnrecognizedClientException", "message": "x"}), 403).ok
    assert ssm.check_error(None, json.dumps({"__type": "UnknownOperationException", "message": "x"}), 400).ok

    # an error code that operation does not have
    wrong = ssm.check_error("GetCommandInvocation", json.dumps({"__type": "InvalidDocument", "message": "x"}), 400)
    assert _paths(wrong) == ["__type"], wrong.describe()
    made_up = ssm.check_error("ListCommands", json.dumps({"__type": "NoSuchThing", "message": "x"}), 400)
    assert _paths(made_up) == ["__type"]
    assert _paths(ssm.check_error("ListCommands", json.dumps({"__type": "InvalidCommandId"}), 400)) == ["message"]
    assert _paths(ssm.check_error("ListCommands", json.dumps({"message": "x"}), 400)) == ["__type"]
    assert not ssm.check_error("ListCommands", b"oops", 400).ok
    # an error body sent with a success status
    assert not ssm.check_error("ListCommands", json.dumps({"__type": "InvalidCommandId", "message": "x"}), 200).ok
    # extra members must be members of the error shape
    extra = ssm.check_error("GetCommandInvocation", json.dumps({"__type": "InvalidInstanceId", "message": "x", "Reason": "y"}), 400)
    assert _paths(extra) == ["Reason"]


def test_check_reply_dispatches_on_status(ssm):
    assert ssm.check_reply("ListCommands", 200, _list_commands(), JSON_HEADERS).ok
    err = ssm.check_reply("ListCommands", 400, json.dumps({"__type": "InvalidCommandId", "message": "x"}), JSON_HEADERS)
    assert err.ok, err.describe()


# -- capture through botocore's own event hook ------------------------------------------------


class _FakeRaw:
    def __init__(self, data: bytes):
        self._data = data

    def stream(self, **_kw):
        yield self._data


def test_raw_replies_capture_the_unparsed_body(ssm):
    client = boto3.session.Session(aws_access_key_id="AKIAEXAMPLE", aws_secret_access_key="x", region_name="us-east-1").client(
        "ssm", endpoint_url="http://127.0.0.1:9", config=Config(retries={"total_max_attempts": 1})
    )
    body = _list_commands(StatusDetailz="x").encode()

    def fake_send(request, **_kw):
        return AWSResponse(request.url, 200, JSON_HEADERS, _FakeRaw(body))

    client.meta.events.register("before-send.ssm.ListCommands", fake_send)
    with RawReplies(client) as raw:
        parsed = client.list_commands()
    # botocore's parser silently drops the unknown member; the raw capture keeps it.
    assert "StatusDetailz" not in parsed["Commands"][0]
    assert raw.last.operation == "ListCommands" and raw.last.body == body
    assert _paths(ssm.check_raw(raw.last)) == ["Commands[0].StatusDetailz"]


# -- XML (query: STS/IAM; rest-xml: S3) ----------------------------------------------------------

STS_NS = 'xmlns="https://sts.amazonaws.com/doc/2011-06-15/"'


def _sts_identity(inner: str, root="GetCallerIdentityResponse", meta=True) -> str:
    md = "<ResponseMetadata><RequestId>c2a1-11</RequestId></ResponseMetadata>" if meta else ""
    return f"<{root} {STS_NS}><GetCallerIdentityResult>{inner}</GetCallerIdentityResult>{md}</{root}>"


def test_query_xml_replies():
    sts = ModelChecker("sts")
    good = _sts_identity("<UserId>AIDA1</UserId><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:root</Arn>")
    assert sts.check_output("GetCallerIdentity", good).ok, sts.check_output("GetCallerIdentity", good).describe()
    bad = _sts_identity("<UserID>AIDA1</UserID><Account>123456789012</Account>")
    assert _paths(sts.check_output("GetCallerIdentity", bad)) == ["UserID"]
    assert not sts.check_output("GetCallerIdentity", _sts_identity("<Account>1</Account>", root="Wrong")).ok
    assert _paths(sts.check_output("GetCallerIdentity", _sts_identity("", meta=False))) == ["ResponseMetadata"]

    creds = (
        "<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
        "<SessionToken>t</SessionToken><Expiration>{exp}</Expiration></Credentials>"
        "<AssumedRoleUser><AssumedRoleId>AROA1:s</AssumedRoleId><Arn>arn:aws:sts::1:assumed-role/r/s</Arn></AssumedRoleUser>"
    )
    wrap = lambda inner: (  # noqa: E731
        f"<AssumeRoleResponse {STS_NS}><AssumeRoleResult>{inner}</AssumeRoleResult>"
        "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>"
    )
    assert sts.check_output("AssumeRole", wrap(creds.format(exp="2026-11-25T01:02:03Z"))).ok
    assert _paths(sts.check_output("AssumeRole", wrap(creds.format(exp="1764000000x")))) == ["Credentials.Expiration"]
    no_token = creds.format(exp="2026-11-25T01:02:03Z").replace("<SessionToken>t</SessionToken>", "")
    assert _paths(sts.check_output("AssumeRole", wrap(no_token))) == ["Credentials.SessionToken"]

    err = (
        f'<ErrorResponse {STS_NS}><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code>'
        "<Message>bad</Message></Error><RequestId>r</RequestId></ErrorResponse>"
    )
    assert sts.check_error("AssumeRole", err, 400).ok, sts.check_error("AssumeRole", err, 400).describe()
    assert not sts.check_error("AssumeRole", err.replace("MalformedPolicyDocument", "NoSuchPolicy"), 400).ok
    assert not sts.check_error("AssumeRole", err.replace("<Message>bad</Message>", ""), 400).ok


def test_query_xml_lists():
    iam = ModelChecker("iam")
    role = (
        "<member><Path>/</Path><RoleName>r</RoleName><RoleId>AROA1</RoleId>"
        "<Arn>arn:aws:iam::1:role/r</Arn><CreateDate>2026-11-25T01:02:03Z</CreateDate>{extra}</member>"
    )
    body = lambda roles, trunc="false": (  # noqa: E731
        '<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolesResult>'
        f"<IsTruncated>{trunc}</IsTruncated><Roles>{roles}</Roles></ListRolesResult>"
        "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListRolesResponse>"
    )
    good = body(role.format(extra="<MaxSessionDuration>3600</MaxSessionDuration>"))
    assert iam.check_output("ListRoles", good).ok, iam.check_output("ListRoles", good).describe()
    assert _paths(iam.check_output("ListRoles", body(role.format(extra="<MaxSessionDuration>1h</MaxSessionDuration>")))) == [
        "Roles[0].MaxSessionDuration"
    ]
    assert _paths(iam.check_output("ListRoles", body(role.format(extra=""), trunc="no"))) == ["IsTruncated"]
    wrong_item = body(role.format(extra="").replace("<member>", "<Role>").replace("</member>", "</Role>"))
    assert _paths(iam.check_output("ListRoles", wrong_item)) == ["Roles[0]"]
    no_name = body(role.format(extra="").replace("<RoleName>r</RoleName>", ""))
    assert _paths(iam.check_output("ListRoles", no_name)) == ["Roles[0].RoleName"]


def test_rest_xml_replies():
    s3 = ModelChecker("s3")
    body = (
        '<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        "<Owner><ID>abc</ID><DisplayName>me</DisplayName></Owner>"
        "<Buckets><Bucket><Name>b1</Name><CreationDate>2026-11-25T01:02:03.000Z</CreationDate></Bucket></Buckets>"
        "</ListAllMyBucketsResult>"
    )
    assert s3.check_output("ListBuckets", body).ok, s3.check_output("ListBuckets", body).describe()
    assert _paths(s3.check_output("ListBuckets", body.replace("<Name>b1</Name>", "<Nam>b1</Nam>"))) == ["Buckets[0].Nam"]
    # header-only replies (PutObject, HeadObject) have no body to check; ListBuckets must have one
    assert s3.check_output("PutObject", b"").ok and s3.check_output("HeadObject", b"").ok
    assert not s3.check_output("ListBuckets", b"").ok
    err = "<Error><Code>NoSuchBucket</Code><Message>gone</Message><BucketName>b</BucketName><RequestId>r</RequestId></Error>"
    assert s3.check_error("HeadBucket", err, 404).ok
    assert not s3.check_error("HeadBucket", err.replace("NoSuchBucket", "NoSuchBuckett"), 404).ok
