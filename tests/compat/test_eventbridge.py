"""EventBridge with the real aws CLI and boto3: rules (event patterns and schedules), targets, TestEventPattern
and PutEvents on the default bus, with EventBridge's error codes and texts; every boto3 reply is checked against
botocore's model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

refused = pf.refused

EVENT = {
    "version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "EC2 Command Invocation Status-change Notification",
    "source": "aws.ssm", "account": "123456789012", "time": "2026-01-02T03:04:05Z", "region": "us-east-1",
    "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/mi-0123456789abcdef0"],
    "detail": {"command-id": "c", "document-name": "AWS-RunShellScript", "instance-id": "mi-0123456789abcdef0", "status": "Failed",
               "exit-code": 2, "tags": ["a", "b"]},
}


@pytest.fixture(scope="module")
def server(portless_bin, tmp_path_factory):
    s = pf.start_server(tmp_path_factory.mktemp("events") / "server", name="events-server")
    yield s
    s.process.kill_hard()


@pytest.fixture(scope="module")
def events(server):
    client = server.client("events")
    checker = ModelChecker("events")
    with RawReplies(client) as raw:
        yield client
        checker.assert_conforms(*raw.replies)


def test_rule_round_trip(server, events):
    arn = events.put_rule(Name="failed-runs", EventPattern=json.dumps({"source": ["aws.ssm"], "detail": {"status": ["Failed"]}}),
                          Description="notify", Tags=[{"Key": "team", "Value": "ops"}])["RuleArn"]
    account = server.client("sts").get_caller_identity()["Account"]
    assert arn == f"arn:aws:events:{server.region}:{account}:rule/failed-runs"
    rule = events.describe_rule(Name="failed-runs")
    assert (rule["Name"], rule["State"], rule["EventBusName"], rule["Description"]) == ("failed-runs", "ENABLED", "default", "notify")
    events.put_rule(Name="nightly", ScheduleExpression="cron(0 3 * * ? *)", State="DISABLED")
    names = [r["Name"] for page in events.get_paginator("list_rules").paginate(PaginationConfig={"PageSize": 1}) for r in page["Rules"]]
    assert names == ["failed-runs", "nightly"]
    assert [r["Name"] for r in events.list_rules(NamePrefix="ni")["Rules"]] == ["nightly"]
    events.enable_rule(Name="nightly")
    assert events.describe_rule(Name="nightly")["State"] == "ENABLED"

    reply = events.put_targets(Rule="failed-runs", Targets=[
        {"Id": "slack", "Arn": "https://hooks.example.com/T000/B000",
         "InputTransformer": {"InputPathsMap": {"node": "$.detail.instance-id"}, "InputTemplate": '{"text": "run failed on <node>"}'}},
        {"Id": "lambda", "Arn": f"arn:aws:lambda:{server.region}:{account}:function:f"},
    ])
    assert reply["FailedEntryCount"] == 1 and reply["FailedEntries"][0]["TargetId"] == "lambda"
    targets = events.list_targets_by_rule(Rule="failed-runs")["Targets"]
    assert [t["Id"] for t in targets] == ["slack"] and targets[0]["InputTransformer"]["InputPathsMap"] == {"node": "$.detail.instance-id"}

    assert refused(lambda: events.delete_rule(Name="failed-runs")) == ("ValidationException", "Rule can't be deleted since it has targets.")
    assert events.remove_targets(Rule="failed-runs", Ids=["slack"])["FailedEntryCount"] == 0
    events.delete_rule(Name="failed-runs")
    assert refused(lambda: events.describe_rule(Name="failed-runs")) == (
        "ResourceNotFoundException", "Rule failed-runs does not exist on EventBus default.")


@pytest.mark.parametrize("kwargs,code,message", [
    ({"Name": "r"}, "ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified."),
    ({"Name": "r", "ScheduleExpression": "rate(1 minutes)"}, "ValidationException", "Parameter ScheduleExpression is not valid."),
    ({"Name": "r", "ScheduleExpression": "cron(0 12 * * ?)"}, "ValidationException", "Parameter ScheduleExpression is not valid."),
    ({"Name": "r", "ScheduleExpression": "every day"}, "ValidationException", "Parameter ScheduleExpression is not valid."),
    ({"Name": "r", "EventPattern": '{"source": ["aws.health"], "detail": {}}'}, "InvalidEventPatternException",
     'Event pattern is not valid. Reason: Empty objects are not allowed\n at [Source: (String)"{"source": ["aws.health"], "detail": {}}"; line: 1, column: 40]'),
    ({"Name": "r", "EventPattern": '{"detail": {"matchSuffix": [{"suffix": [":created"]}]}}'}, "InvalidEventPatternException",
     'Event pattern is not valid. Reason: suffix match pattern must be a string\n at [Source: (String)"{"detail": {"matchSuffix": [{"suffix": [":created"]}]}}"; line: 1, column: 41]'),
])
def test_bad_rules_refused(events, kwargs, code, message):
    assert refused(lambda: events.put_rule(**kwargs)) == (code, message)
    assert "r" not in [r["Name"] for r in events.list_rules()["Rules"]]


def test_cli_rules_and_errors(server):
    out = pf.aws(server, "events", "put-rule", "--name", "cli-rule", "--event-pattern", '{"source":["my.app"]}').json
    assert out["RuleArn"].endswith(":rule/cli-rule")
    assert pf.aws(server, "events", "describe-rule", "--name", "cli-rule").json["EventPattern"] == '{"source":["my.app"]}'
    missing = pf.aws(server, "events", "describe-rule", "--name", "nope", check=False)
    assert missing.returncode != 0
    assert "(ResourceNotFoundException)" in missing.stderr and "Rule nope does not exist on EventBus default." in missing.stderr
    bad = pf.aws(server, "events", "put-rule", "--name", "x", "--event-pattern", '{"source":[{"numeric":[">","a"]}]}', check=False)
    assert "(InvalidEventPatternException)" in bad.stderr and "Reason: Value of > must be numeric" in bad.stderr
    pf.aws(server, "events", "delete-rule", "--name", "cli-rule")


@pytest.mark.parametrize("pattern,expected", [
    ({"source": ["aws.ssm"], "detail": {"status": ["Failed"]}}, True),
    ({"detail": {"status": [{"anything-but": ["Success", "Cancelled"]}]}}, True),
    ({"detail": {"exit-code": [{"numeric": [">", 0, "<=", 5]}]}}, True),
    ({"detail": {"exit-code": [{"numeric": [">", 5]}]}}, False),
    ({"detail": {"document-name": [{"prefix": "AWS-"}]}}, True),
    ({"detail": {"document-name": [{"suffix": {"equals-ignore-case": "SHELLSCRIPT"}}]}}, True),
    ({"detail": {"tags": ["b"]}}, True),
    ({"detail": {"missing": [{"exists": False}]}}, True),
    ({"detail-type": [{"wildcard": "EC2 Command * Notification"}]}, True),
    ({"$or": [{"source": ["aws.ec2"]}, {"detail": {"status": ["Success"]}}]}, False),
])
def test_test_event_pattern(events, pattern, expected):
    assert events.test_event_pattern(EventPattern=json.dumps(pattern), Event=json.dumps(EVENT))["Result"] is expected


def test_test_event_pattern_cli_and_errors(server, events):
    out = pf.aws(server, "events", "test-event-pattern", "--event-pattern", '{"source":["aws.ssm"]}', "--event", json.dumps(EVENT)).json
    assert out["Result"] is True
    assert refused(lambda: events.test_event_pattern(EventPattern='{"source":["a"]}', Event='{"source":"a"}')) == (
        "ValidationException", "Parameter Event is not valid.")
    code, message = refused(lambda: events.test_event_pattern(EventPattern='{"source":[{"exists":"yes"}]}', Event=json.dumps(EVENT)))
    assert code == "InvalidEventPatternException" and message.startswith("Event pattern is not valid. Reason: exists match pattern must be either true or false.")


def test_put_events(server, events):
    reply = events.put_events(Entries=[
        {"Source": "my.app", "DetailType": "order", "Detail": json.dumps({"id": 1})},
        {"Source": "aws.ssm", "DetailType": "spoof", "Detail": "{}"},
        {"Source": "my.app", "DetailType": "order", "Detail": "not json"},
    ])
    assert reply["FailedEntryCount"] == 2
    assert "EventId" in reply["Entries"][0]
    assert (reply["Entries"][1]["ErrorCode"], reply["Entries"][1]["ErrorMessage"]) == ("NotAuthorizedForSourceException", "Not authorized for the source.")
    assert (reply["Entries"][2]["ErrorCode"], reply["Entries"][2]["ErrorMessage"]) == ("MalformedDetail", "Detail is malformed.")
    cli = pf.aws(server, "events", "put-events", "--entries", json.dumps([{"Source": "my.app", "DetailType": "t", "Detail": "{}"}])).json
    assert cli["FailedEntryCount"] == 0


def test_denied_without_events_permission(server, events):
    iam = server.client("iam")
    iam.create_user(UserName="no-events")
    iam.put_user_policy(UserName="no-events", PolicyName="ssm-only",
                        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:*", "Resource": "*"}]}))
    key = iam.create_access_key(UserName="no-events")["AccessKey"]
    other = server.client("events", access_key=key["AccessKeyId"], secret_key=key["SecretAccessKey"])
    code, message = refused(lambda: other.put_rule(Name="x", EventPattern='{"source":["a"]}'))
    assert code == "AccessDeniedException" and "events:PutRule" in message and ":rule/x" in message
