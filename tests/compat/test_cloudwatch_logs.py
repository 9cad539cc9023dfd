"""CloudWatch Logs with the real aws CLI and boto3: groups, streams, retention and keys; PutLogEvents with
rejected events; GetLogEvents paging both ways; FilterLogEvents with term, JSON and space-delimited
patterns and pagination; AWS's codes and texts for bad input; authorization on group and stream ARNs.
Every boto3 reply is checked against botocore's model."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

refused = pf.refused


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory):
    server = pf.start_server(tmp_path_factory.mktemp("logs") / "data", name="logs-server")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def logs(srv):
    client = srv.client("logs")
    checker = ModelChecker("logs")
    with RawReplies(client) as raw:
        yield client
        checker.assert_conforms(*raw.replies)


def now_ms() -> int:
    return int(time.time() * 1000)


def messages(events: list[dict]) -> list[str]:
    return [e["message"] for e in events]


def test_groups_streams_and_retention(logs):
    logs.create_log_group(logGroupName="/portless/app")
    logs.create_log_group(logGroupName="/portless/db", logGroupClass="STANDARD")
    logs.put_retention_policy(logGroupName="/portless/app", retentionInDays=14)
    groups = logs.describe_log_groups(logGroupNamePrefix="/portless/")["logGroups"]
    assert [g["logGroupName"] for g in groups] == ["/portless/app", "/portless/db"]
    assert groups[0]["retentionInDays"] == 14 and "retentionInDays" not in groups[1]
    assert groups[0]["arn"].endswith(":log-group:/portless/app:*")
    logs.delete_retention_policy(logGroupName="/portless/app")
    assert "retentionInDays" not in logs.describe_log_groups(logGroupNamePrefix="/portless/app")["logGroups"][0]

    pages = logs.get_paginator("describe_log_groups").paginate(logGroupNamePrefix="/portless/", PaginationConfig={"PageSize": 1})
    assert [g["logGroupName"] for page in pages for g in page["logGroups"]] == ["/portless/app", "/portless/db"]

    logs.create_log_stream(logGroupName="/portless/app", logStreamName="web-1")
    logs.delete_log_stream(logGroupName="/portless/app", logStreamName="web-1")
    assert logs.describe_log_streams(logGroupName="/portless/app")["logStreams"] == []
    logs.delete_log_group(logGroupName="/portless/db")
    assert refused(lambda: logs.describe_log_streams(logGroupName="/portless/db")) == (
        "ResourceNotFoundException", "The specified log group does not exist.")


def test_events_written_read_and_filtered(logs):
    group = "/portless/events"
    logs.create_log_group(logGroupName=group)
    for stream in ("api", "worker"):
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
    base = now_ms() - 60_000
    api = [
        {"timestamp": base, "message": '{"level": "ERROR", "latency": 120, "user": {"name": "kim"}}'},
        {"timestamp": base + 10, "message": '{"level": "INFO", "latency": 20, "user": {"name": "lee"}}'},
        {"timestamp": base + 20, "message": "plain text with ERROR inside"},
    ]
    reply = logs.put_log_events(logGroupName=group, logStreamName="api", logEvents=api)
    assert "rejectedLogEventsInfo" not in reply and reply["nextSequenceToken"]
    worker = [{"timestamp": base + 5, "message": '10.0.0.1 - - "GET /health" 200 12'},
              {"timestamp": base + 15, "message": '10.0.0.2 - - "GET /missing" 404 0'}]
    logs.put_log_events(logGroupName=group, logStreamName="worker", logEvents=worker)

    # Too old and too new events are left out and reported by index.
    odd = logs.put_log_events(logGroupName=group, logStreamName="worker", logEvents=[
        {"timestamp": now_ms() - 20 * 86_400_000, "message": "ancient"},
        {"timestamp": now_ms() - 20 * 86_400_000 + 1, "message": "ancient too"},
    ])
    assert odd["rejectedLogEventsInfo"] == {"tooOldLogEventEndIndex": 1}

    got = logs.get_log_events(logGroupName=group, logStreamName="api", startFromHead=True, limit=2)
    assert messages(got["events"]) == [api[0]["message"], api[1]["message"]]
    more = logs.get_log_events(logGroupName=group, logStreamName="api", nextToken=got["nextForwardToken"])
    assert messages(more["events"]) == [api[2]["message"]]
    done = logs.get_log_events(logGroupName=group, logStreamName="api", nextToken=more["nextForwardToken"])
    assert done["events"] == [] and done["nextForwardToken"] == more["nextForwardToken"]
    back = logs.get_log_events(logGroupName=group, logStreamName="api", nextToken=more["nextBackwardToken"])
    assert messages(back["events"]) == [api[0]["message"], api[1]["message"]]

    def filtered(pattern: str, **kw) -> list[str]:
        pages = logs.get_paginator("filter_log_events").paginate(logGroupName=group, filterPattern=pattern,
                                                                 PaginationConfig={"PageSize": 1}, **kw)
        return [e["message"] for page in pages for e in page["events"]]

    assert filtered("ERROR") == [api[0]["message"], api[2]["message"]]
    assert filtered('{ $.latency > 100 }') == [api[0]["message"]]
    assert filtered('{ $.user.name = "lee" || $.level = ERROR }') == [api[0]["message"], api[1]["message"]]
    assert filtered("[ip, ..., status = 4*, bytes]") == [worker[1]["message"]]
    assert filtered("?404 ?120") == [api[0]["message"], worker[1]["message"]]
    assert filtered("", logStreamNamePrefix="work") == messages(worker)
    assert filtered("", logStreamNames=["api"], startTime=base + 5, endTime=base + 20) == [api[1]["message"]]
    every = logs.filter_log_events(logGroupName=group)["events"]
    assert [e["logStreamName"] for e in every] == ["api", "worker", "api", "worker", "api"]


def test_bad_input_gets_aws_texts_and_changes_nothing(logs):
    logs.create_log_group(logGroupName="/portless/strict")
    logs.create_log_stream(logGroupName="/portless/strict", logStreamName="s")
    now = now_ms()
    cases = [
        (lambda: logs.create_log_group(logGroupName="/portless/strict"),
         ("ResourceAlreadyExistsException", "The specified log group already exists")),
        (lambda: logs.create_log_stream(logGroupName="/portless/strict", logStreamName="s"),
         ("ResourceAlreadyExistsException", "The specified log stream already exists")),
        (lambda: logs.put_log_events(logGroupName="/portless/strict", logStreamName="nope",
                                     logEvents=[{"timestamp": now, "message": "x"}]),
         ("ResourceNotFoundException", "The specified log stream does not exist.")),
        (lambda: logs.put_log_events(logGroupName="/portless/strict", logStreamName="s",
                                     logEvents=[{"timestamp": now, "message": "b"}, {"timestamp": now - 1, "message": "a"}]),
         ("InvalidParameterException", "Log events in a single PutLogEvents request must be in chronological order.")),
        (lambda: logs.put_log_events(logGroupName="/portless/strict", logStreamName="s",
                                     logEvents=[{"timestamp": now - 2 * 86_400_000, "message": "a"}, {"timestamp": now, "message": "b"}]),
         ("InvalidParameterException", "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.")),
        (lambda: logs.put_retention_policy(logGroupName="/portless/strict", retentionInDays=2),
         ("InvalidParameterException", "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: "
          "Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, "
          "2557, 2922, 3288, 3653]")),
        (lambda: logs.filter_log_events(logGroupName="/portless/strict", filterPattern='{ $.a = 1'),
         ("InvalidParameterException", "If a filter pattern starts with '{' it must end with '}'")),
        (lambda: logs.filter_log_events(logGroupName="/portless/strict", filterPattern='{ a = 1 }'),
         ("InvalidParameterException", "Invalid filter pattern")),
        (lambda: logs.filter_log_events(logGroupName="/portless/strict", filterPattern="user@example.com"),
         ("InvalidParameterException", "Invalid character(s) in term '@'")),
        (lambda: logs.delete_log_stream(logGroupName="/portless/missing", logStreamName="s"),
         ("ResourceNotFoundException", "The specified log group does not exist.")),
    ]
    for call, expected in cases:
        assert refused(call) == expected
    assert logs.get_log_events(logGroupName="/portless/strict", logStreamName="s")["events"] == []
    assert "retentionInDays" not in logs.describe_log_groups(logGroupNamePrefix="/portless/strict")["logGroups"][0]


def test_the_cli_writes_and_filters(srv):
    pf.aws(srv, "logs", "create-log-group", "--log-group-name", "cli-group")
    pf.aws(srv, "logs", "create-log-stream", "--log-group-name", "cli-group", "--log-stream-name", "one")
    now = now_ms()
    pf.aws(srv, "logs", "put-log-events", "--log-group-name", "cli-group", "--log-stream-name", "one",
           "--log-events", f"timestamp={now},message=hello-world", f"timestamp={now + 1},message=goodbye")
    found = pf.aws(srv, "logs", "filter-log-events", "--log-group-name", "cli-group", "--filter-pattern", "hello").json
    assert [e["message"] for e in found["events"]] == ["hello-world"]
    again = pf.aws(srv, "logs", "create-log-group", "--log-group-name", "cli-group", check=False)
    assert again.returncode != 0 and "ResourceAlreadyExistsException" in again.stderr
    assert "The specified log group already exists" in again.stderr


def test_access_is_decided_on_group_and_stream_arns(srv):
    iam = srv.client("iam")
    account = srv.client("sts").get_caller_identity()["Account"]
    user = pf.unique("logs-writer")
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="team-logs", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:GetLogEvents"],
                       "Resource": f"arn:aws:logs:{srv.region}:{account}:log-group:/team/*"}]}))
    key = iam.create_access_key(UserName=user)["AccessKey"]
    root = srv.client("logs")
    for group in ("/team/app", "/other/app"):
        root.create_log_group(logGroupName=group)
    scoped = srv.client("logs", access_key=key["AccessKeyId"], secret_key=key["SecretAccessKey"])
    scoped.create_log_stream(logGroupName="/team/app", logStreamName="mine")
    scoped.put_log_events(logGroupName="/team/app", logStreamName="mine", logEvents=[{"timestamp": now_ms(), "message": "ok"}])
    assert messages(scoped.get_log_events(logGroupName="/team/app", logStreamName="mine")["events"]) == ["ok"]
    assert refused(lambda: scoped.create_log_stream(logGroupName="/other/app", logStreamName="theirs"))[0] == "AccessDeniedException"
    assert refused(lambda: scoped.create_log_group(logGroupName="/team/new"))[0] == "AccessDeniedException"
    assert refused(lambda: scoped.describe_log_groups())[0] == "AccessDeniedException"
    assert root.describe_log_streams(logGroupName="/other/app")["logStreams"] == []


def test_a_kms_key_seals_the_groups_events_at_rest(srv, logs):
    kms = srv.client("kms")
    key = kms.create_key(Description="logs")["KeyMetadata"]
    group = "/portless/sealed"
    logs.create_log_group(logGroupName=group, kmsKeyId=key["Arn"])
    assert logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"][0]["kmsKeyId"] == key["Arn"]
    logs.create_log_stream(logGroupName=group, logStreamName="s")
    secret = "db-password=" + pf.unique("secret")
    logs.put_log_events(logGroupName=group, logStreamName="s", logEvents=[{"timestamp": now_ms(), "message": secret}])
    assert messages(logs.get_log_events(logGroupName=group, logStreamName="s")["events"]) == [secret]
    assert messages(logs.filter_log_events(logGroupName=group, filterPattern='"db-password"')["events"]) == [secret]
    on_disk = b"".join(p.read_bytes() for p in srv.data_dir.rglob("portless.sqlite*") if p.is_file())
    assert secret.encode() not in on_disk

    # A disabled key makes the sealed events unreadable until it is enabled again.
    kms.disable_key(KeyId=key["KeyId"])
    code, message = refused(lambda: logs.get_log_events(logGroupName=group, logStreamName="s"))
    assert code == "InvalidParameterException" and "is disabled" in message
    kms.enable_key(KeyId=key["KeyId"])
    assert messages(logs.get_log_events(logGroupName=group, logStreamName="s")["events"]) == [secret]

    # Events written after the key is disassociated are stored as they are; the sealed ones stay readable.
    logs.disassociate_kms_key(logGroupName=group)
    logs.put_log_events(logGroupName=group, logStreamName="s", logEvents=[{"timestamp": now_ms(), "message": "plain"}])
    assert messages(logs.get_log_events(logGroupName=group, logStreamName="s")["events"]) == [secret, "plain"]

    missing = key["Arn"].rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
    code, message = refused(lambda: logs.associate_kms_key(logGroupName=group, kmsKeyId=missing))
    assert code == "InvalidParameterException" and "kmsKeyId" in message


def test_a_key_the_caller_may_not_use_is_refused(srv):
    iam = srv.client("iam")
    user = pf.unique("no-kms")
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="logs-only", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}))
    access = iam.create_access_key(UserName=user)["AccessKey"]
    key = srv.client("kms").create_key()["KeyMetadata"]
    scoped = srv.client("logs", access_key=access["AccessKeyId"], secret_key=access["SecretAccessKey"])
    assert refused(lambda: scoped.create_log_group(logGroupName="/portless/nokey", kmsKeyId=key["Arn"]))[0] == "AccessDeniedException"
    assert srv.client("logs").describe_log_groups(logGroupNamePrefix="/portless/nokey")["logGroups"] == []
