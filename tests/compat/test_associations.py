"""State Manager associations over SSM JSON 1.1, driven by the real aws CLI and boto3.

Associations are created with rate and cron schedules, described, listed with filters, updated (each update
a new version), listed by version and deleted; every reply is checked against botocore's model, and bad
input gets SSM's error code with AWS's text where AWS has one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

SCRIPT = "AWS-RunShellScript"
ALL = [{"Key": "InstanceIds", "Values": ["*"]}]
NOT_FOUND = "0a1b2c3d-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory) -> pf.Server:
    server = pf.start_server(tmp_path_factory.mktemp("assoc") / "data", name="assoc-server")
    yield server
    server.process.kill_hard()


@pytest.fixture(scope="module")
def ssm(srv):
    return srv.client()


@pytest.fixture(scope="module")
def checked(ssm):
    checker = ModelChecker("ssm")
    with RawReplies(ssm) as raw:
        yield raw
        checker.assert_conforms(*raw.replies)


refused = pf.refused


def test_cli_creates_with_a_rate_and_describes(srv, ssm, checked):
    made = pf.aws(srv, "ssm", "create-association", "--name", SCRIPT, "--targets", "Key=tag:Role,Values=web",
                  "--parameters", "commands=uptime", "--schedule-expression", "rate(30 minutes)",
                  "--association-name", "cli-uptime").json["AssociationDescription"]
    assert made["AssociationVersion"] == "1" and made["ScheduleExpression"] == "rate(30 minutes)"
    assert made["Targets"] == [{"Key": "tag:Role", "Values": ["web"]}]
    assert made["Parameters"] == {"commands": ["uptime"]}
    described = ssm.describe_association(AssociationId=made["AssociationId"])["AssociationDescription"]
    assert described["AssociationName"] == "cli-uptime"
    assert described["Overview"]["Status"] in ("Pending", "Success")
    listed = pf.aws(srv, "ssm", "list-associations", "--association-filter-list", "key=AssociationName,value=cli-uptime").json
    assert [a["AssociationId"] for a in listed["Associations"]] == [made["AssociationId"]]


def test_cron_with_apply_only_at_cron_interval_waits_for_its_time(ssm, checked):
    made = ssm.create_association(Name=SCRIPT, Targets=ALL, Parameters={"commands": ["true"]},
                                  ScheduleExpression="cron(0 2 ? * SUN *)", ApplyOnlyAtCronInterval=True,
                                  ScheduleOffset=1, AssociationName="weekly")["AssociationDescription"]
    assert made["ApplyOnlyAtCronInterval"] is True and made["ScheduleOffset"] == 1
    assert made["Overview"] == {"Status": "Pending", "DetailedStatus": "Creating"}
    executions = ssm.describe_association_executions(AssociationId=made["AssociationId"])["AssociationExecutions"]
    assert executions == []


def test_update_makes_versions_and_clears_what_it_omits(ssm, checked):
    made = ssm.create_association(Name=SCRIPT, Targets=ALL, Parameters={"commands": ["echo one"]},
                                  ScheduleExpression="rate(1 day)", AssociationName="versions",
                                  MaxConcurrency="10%", MaxErrors="1", ComplianceSeverity="LOW")["AssociationDescription"]
    assoc_id = made["AssociationId"]
    updated = ssm.update_association(AssociationId=assoc_id, Parameters={"commands": ["echo two"]},
                                     ScheduleExpression="rate(2 hours)", AssociationVersion="$LATEST")["AssociationDescription"]
    assert updated["AssociationVersion"] == "2"
    assert updated["ScheduleExpression"] == "rate(2 hours)"
    assert "AssociationName" not in updated and "MaxConcurrency" not in updated, "UpdateAssociation clears what it omits"
    assert updated["Targets"] == ALL
    versions = ssm.list_association_versions(AssociationId=assoc_id)["AssociationVersions"]
    assert [v["AssociationVersion"] for v in versions] == ["1", "2"]
    assert versions[0]["Parameters"] == {"commands": ["echo one"]} and versions[0]["ComplianceSeverity"] == "LOW"
    first = ssm.describe_association(AssociationId=assoc_id, AssociationVersion="1")["AssociationDescription"]
    assert first["ScheduleExpression"] == "rate(1 day)"
    code, message = refused(lambda: ssm.update_association(AssociationId=assoc_id, AssociationVersion="1",
                                                           Parameters={"commands": ["x"]}))
    assert code == "InvalidAssociationVersion"
    assert message.startswith("The version you specified isn't valid.")


def test_list_filters(ssm, checked):
    made = ssm.create_association(Name=SCRIPT, Targets=[{"Key": "InstanceIds", "Values": ["mi-0123456789abcdef0"]}],
                                  Parameters={"commands": ["true"]}, AssociationName="by-node")["AssociationDescription"]
    by_node = ssm.list_associations(AssociationFilterList=[{"key": "InstanceId", "value": "mi-0123456789abcdef0"}])
    assert [a["AssociationId"] for a in by_node["Associations"]] == [made["AssociationId"]]
    by_id = ssm.list_associations(AssociationFilterList=[{"key": "AssociationId", "value": made["AssociationId"]}])
    assert len(by_id["Associations"]) == 1
    by_name = ssm.list_associations(AssociationFilterList=[{"key": "Name", "value": SCRIPT}])["Associations"]
    assert made["AssociationId"] in [a["AssociationId"] for a in by_name]
    later = ssm.list_associations(AssociationFilterList=[{"key": "LastExecutedAfter", "value": "2999-01-01T00:00:00Z"}])
    assert later["Associations"] == []
    pages = ssm.get_paginator("list_associations").paginate(PaginationConfig={"PageSize": 1})
    assert len([a for page in pages for a in page["Associations"]]) >= 3


def test_delete(ssm, checked):
    made = ssm.create_association(Name=SCRIPT, Targets=ALL, Parameters={"commands": ["echo bye"]},
                                  AssociationName="doomed")["AssociationDescription"]
    ssm.delete_association(AssociationId=made["AssociationId"])
    code, message = refused(lambda: ssm.describe_association(AssociationId=made["AssociationId"]))
    assert (code, message) == ("AssociationDoesNotExist", "The specified association doesn't exist.")
    code, _ = refused(lambda: ssm.delete_association(AssociationId=made["AssociationId"]))
    assert code == "AssociationDoesNotExist"


@pytest.mark.parametrize(
    ("kwargs", "code", "text"),
    [
        ({"Name": "NoSuchDocument", "Targets": ALL}, "InvalidDocument", "The specified document does not exist."),
        ({"Name": SCRIPT, "Targets": ALL, "Parameters": {"commands": ["true"]}, "ScheduleExpression": "rate(5 minutes)"},
         "InvalidSchedule", "The schedule is invalid: a rate must be at least 30 minutes. (field: ScheduleExpression)"),
        ({"Name": SCRIPT, "Targets": ALL, "Parameters": {"commands": ["true"]}, "ScheduleExpression": "cron(0/10 * * * ? *)"},
         "InvalidSchedule", "The schedule is invalid: runs must be at least 30 minutes apart. (field: ScheduleExpression)"),
        ({"Name": SCRIPT, "Targets": ALL, "Parameters": {"commands": ["true"]}, "ScheduleExpression": "cron(0 2 * * * *)"},
         "InvalidSchedule", "The schedule is invalid: one of day-of-month and day-of-week must be '?'. (field: ScheduleExpression)"),
        ({"Name": SCRIPT, "Targets": ALL, "Parameters": {"commands": ["true"]}, "ScheduleExpression": "rate(1 day)",
          "ApplyOnlyAtCronInterval": True},
         "InvalidParameters", "ApplyOnlyAtCronInterval is not supported for rate expressions."),
        ({"Name": SCRIPT, "Targets": [{"Key": "Name", "Values": ["x"]}], "Parameters": {"commands": ["true"]}},
         "InvalidTarget", None),
        ({"Name": SCRIPT, "Targets": ALL, "Parameters": {"nope": ["x"]}}, "InvalidParameters", None),
        ({"Name": SCRIPT, "Targets": ALL, "DocumentVersion": "9", "Parameters": {"commands": ["true"]}},
         "InvalidDocumentVersion", "The document version is not valid or does not exist."),
    ],
    ids=["document", "short-rate", "short-cron", "both-days", "apply-only-rate", "target", "parameter", "version"],
)
def test_create_refusals(ssm, kwargs, code, text):
    got_code, got_text = refused(lambda: ssm.create_association(**kwargs))
    assert got_code == code
    if text is not None:
        assert got_text == text


def test_cli_error_texts(srv):
    result = pf.aws(srv, "ssm", "describe-association", "--association-id", NOT_FOUND, check=False)
    assert result.returncode != 0
    assert "(AssociationDoesNotExist)" in result.stderr
    assert "The specified association doesn't exist." in result.stderr
    result = pf.aws(srv, "ssm", "start-associations-once", "--association-ids", NOT_FOUND, check=False)
    assert "(InvalidAssociation)" in result.stderr and "The association isn't valid or doesn't exist." in result.stderr


def test_duplicate_is_refused(ssm):
    body = dict(Name=SCRIPT, Targets=[{"Key": "tag:dup", "Values": ["1"]}], Parameters={"commands": ["true"]})
    ssm.create_association(**body)
    assert refused(lambda: ssm.create_association(**body)) == ("AssociationAlreadyExists", "The specified association already exists.")
