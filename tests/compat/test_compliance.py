"""SSM compliance with the real aws CLI and boto3: PutComplianceItems for registered nodes (two agents
registered through an activation), ListComplianceItems / ListComplianceSummaries /
ListResourceComplianceSummaries with filters and pagination, the errors' codes and texts, and
authorization by node ARN. Every boto3 reply is checked against botocore's model."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

KISA = "Custom:KISA-Unix"
WHEN = dt.datetime(2024, 5, 1, 12, 0, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def ssm(pair):
    server, client, _ = pair
    checker = ModelChecker("ssm")
    with RawReplies(client) as raw:
        yield client
        checker.assert_conforms(*raw.replies)


def item(id_: str, severity: str = "HIGH", status: str = "NON_COMPLIANT", **details) -> dict:
    return {"Id": id_, "Title": f"check {id_}", "Severity": severity, "Status": status, "Details": details}


def put(ssm, node: str, items: list[dict], type_: str = KISA, **kw) -> dict:
    return ssm.put_compliance_items(ResourceId=node, ResourceType="ManagedInstance", ComplianceType=type_,
                                    ExecutionSummary={"ExecutionTime": WHEN, "ExecutionId": "scan-1", "ExecutionType": "Command"},
                                    Items=items, **kw)


refused = pf.refused


def ids(ssm, node: str, *filters: dict) -> list[str]:
    pages = ssm.get_paginator("list_compliance_items").paginate(
        ResourceIds=[node], ResourceTypes=["ManagedInstance"], Filters=list(filters), PaginationConfig={"PageSize": 2})
    return [i["Id"] for page in pages for i in page["ComplianceItems"]]


def test_complete_then_partial(pair, ssm):
    _, _, nodes = pair
    put(ssm, nodes[0], [item("U-01", "CRITICAL"), item("U-02", "LOW", "COMPLIANT"), item("U-03")])
    assert ids(ssm, nodes[0]) == ["U-01", "U-02", "U-03"]
    put(ssm, nodes[0], [item("U-01", "CRITICAL", "COMPLIANT"), item("U-04", "MEDIUM")], UploadType="PARTIAL")
    listed = ssm.list_compliance_items(ResourceIds=[nodes[0]], ResourceTypes=["ManagedInstance"])["ComplianceItems"]
    assert [(i["Id"], i["Status"], i["Severity"]) for i in listed] == [
        ("U-01", "COMPLIANT", "CRITICAL"), ("U-02", "COMPLIANT", "LOW"), ("U-03", "NON_COMPLIANT", "HIGH"), ("U-04", "NON_COMPLIANT", "MEDIUM")]
    first = listed[0]
    assert first["ResourceId"] == nodes[0] and first["ResourceType"] == "ManagedInstance" and first["ComplianceType"] == KISA
    assert first["ExecutionSummary"]["ExecutionTime"] == WHEN and first["ExecutionSummary"]["ExecutionId"] == "scan-1"
    # COMPLETE replaces every item of the type.
    put(ssm, nodes[0], [item("U-01", "CRITICAL"), item("U-02", "LOW", "COMPLIANT"), item("U-03"), item("U-05", "INFORMATIONAL")])
    assert ids(ssm, nodes[0]) == ["U-01", "U-02", "U-03", "U-05"]


def test_cli_puts_and_lists_with_filters(pair, ssm):
    server, _, nodes = pair
    items = [item("KB1", "HIGH", "COMPLIANT", Classification="SecurityUpdates"), item("KB2", "CRITICAL")]
    pf.aws(server, "ssm", "put-compliance-items", "--resource-id", nodes[1], "--resource-type", "ManagedInstance",
           "--compliance-type", "Patch", "--execution-summary", "ExecutionTime=2024-04-01T00:00:00Z",
           "--items", json.dumps(items))
    out = pf.aws(server, "ssm", "list-compliance-items", "--resource-ids", nodes[1], "--resource-types", "ManagedInstance",
                 "--filters", "Key=ComplianceType,Values=Patch,Type=EQUAL", "Key=Status,Values=NON_COMPLIANT,Type=EQUAL").json
    assert [i["Id"] for i in out["ComplianceItems"]] == ["KB2"]
    assert out["ComplianceItems"][0]["Details"] == {}
    before = pf.aws(server, "ssm", "list-compliance-items", "--resource-ids", nodes[1], "--resource-types", "ManagedInstance",
                    "--filters", "Key=ExecutionTime,Values=2024-04-15T00:00:00Z,Type=LESS_THAN").json
    assert sorted(i["Id"] for i in before["ComplianceItems"]) == ["KB1", "KB2"]
    assert ids(ssm, nodes[1], {"Key": "Id", "Values": ["KB"], "Type": "BEGIN_WITH"}, {"Key": "Severity", "Values": ["CRITICAL"], "Type": "NOT_EQUAL"}) == ["KB1"]
    # The CLI pages through everything with a small page size.
    paged = pf.aws(server, "ssm", "list-compliance-items", "--resource-ids", nodes[0], "--page-size", "1").json
    assert [i["Id"] for i in paged["ComplianceItems"]] == ["U-01", "U-02", "U-03", "U-05"]


def test_resource_summaries(pair, ssm):
    _, _, nodes = pair
    rows = ssm.list_resource_compliance_summaries(Filters=[{"Key": "ComplianceType", "Values": [KISA], "Type": "EQUAL"}])
    rows = rows["ResourceComplianceSummaryItems"]
    assert [r["ResourceId"] for r in rows] == [nodes[0]]
    row = rows[0]
    assert row["Status"] == "NON_COMPLIANT" and row["OverallSeverity"] == "CRITICAL" and row["ResourceType"] == "ManagedInstance"
    assert row["NonCompliantSummary"]["NonCompliantCount"] == 3
    assert row["NonCompliantSummary"]["SeveritySummary"] == {"CriticalCount": 1, "HighCount": 1, "MediumCount": 0, "LowCount": 0,
                                                              "InformationalCount": 1, "UnspecifiedCount": 0}
    assert row["CompliantSummary"]["CompliantCount"] == 1 and row["CompliantSummary"]["SeveritySummary"]["LowCount"] == 1
    every = [r for page in ssm.get_paginator("list_resource_compliance_summaries").paginate(PaginationConfig={"PageSize": 1})
             for r in page["ResourceComplianceSummaryItems"]]
    assert sorted((r["ResourceId"], r["ComplianceType"]) for r in every) == sorted([(nodes[0], KISA), (nodes[1], "Patch")])
    non = ssm.list_resource_compliance_summaries(Filters=[{"Key": "OverallSeverity", "Values": ["CRITICAL"]}])
    assert len(non["ResourceComplianceSummaryItems"]) == 2


def test_compliance_summaries(pair, ssm):
    server, _, nodes = pair
    put(ssm, nodes[1], [item("U-01", "LOW", "COMPLIANT")])
    rows = {r["ComplianceType"]: r for r in ssm.list_compliance_summaries()["ComplianceSummaryItems"]}
    assert set(rows) == {KISA, "Patch"}
    kisa = rows[KISA]
    assert kisa["CompliantSummary"]["CompliantCount"] == 1 and kisa["CompliantSummary"]["SeveritySummary"]["LowCount"] == 1
    assert kisa["NonCompliantSummary"]["NonCompliantCount"] == 1
    assert kisa["NonCompliantSummary"]["SeveritySummary"]["CriticalCount"] == 1
    cli = pf.aws(server, "ssm", "list-compliance-summaries", "--filters", "Key=ComplianceType,Values=Patch,Type=EQUAL").json
    assert [r["ComplianceType"] for r in cli["ComplianceSummaryItems"]] == ["Patch"]
    assert cli["ComplianceSummaryItems"][0]["NonCompliantSummary"]["NonCompliantCount"] == 1


def test_errors(pair, ssm):
    server, _, nodes = pair
    assert refused(lambda: put(ssm, "mi-0123456789abcdef0", []))[0] == "InvalidResourceId"
    assert refused(lambda: ssm.put_compliance_items(ResourceId=nodes[0], ResourceType="Document", ComplianceType=KISA,
                                                    ExecutionSummary={"ExecutionTime": WHEN}, Items=[]))[0] == "InvalidResourceType"
    code, message = refused(lambda: put(ssm, nodes[0], [item("1", "SEVERE")]))
    assert code == "ValidationException"
    assert message == ("1 validation error detected: Value 'SEVERE' at 'items.1.member.severity' failed to satisfy constraint: "
                       "Member must satisfy enum value set: [CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNSPECIFIED]")
    assert refused(lambda: put(ssm, nodes[0], [item("1"), item("1")]))[0] == "InvalidItemContentException"
    big = item("1", **{f"k{i}": "x" * 4096 for i in range(17)})
    assert refused(lambda: put(ssm, nodes[0], [big]))[0] == "ItemSizeLimitExceededException"
    for n in range(1, 10):
        put(ssm, nodes[1], [item("1")], type_=f"Custom:Extra{n}")
    assert refused(lambda: put(ssm, nodes[1], [item("1")], type_="Custom:Extra10")) == (
        "ComplianceTypeCountLimitExceededException",
        "You specified too many custom compliance types. You can specify a maximum of 10 different types.")
    assert refused(lambda: ssm.list_compliance_items(Filters=[{"Key": "Colour", "Values": ["red"]}]))[0] == "InvalidFilter"
    assert refused(lambda: ssm.list_compliance_summaries(NextToken="garbage"))[0] == "InvalidNextToken"
    assert refused(lambda: ssm.list_compliance_items(ResourceIds=[nodes[0], nodes[1]]))[0] == "ValidationException"
    cli = pf.aws(server, "ssm", "list-resource-compliance-summaries", "--filters", "Key=Id,Values=x", check=False)
    assert cli.returncode != 0 and "InvalidFilter" in cli.stderr
    # A failed upload changes nothing.
    assert ids(ssm, nodes[0]) == ["U-01", "U-02", "U-03", "U-05"]


def test_put_is_authorized_on_the_node(pair):
    server, _, nodes = pair
    iam = server.client("iam")
    account = server.client("sts").get_caller_identity()["Account"]
    user = pf.unique("compliance")
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="one-node", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "ssm:PutComplianceItems",
             "Resource": f"arn:aws:ssm:{server.region}:{account}:managed-instance/{nodes[0]}"},
            {"Effect": "Allow", "Action": ["ssm:ListComplianceItems", "ssm:ListResourceComplianceSummaries"], "Resource": "*"},
        ]}))
    key = iam.create_access_key(UserName=user)["AccessKey"]
    scoped = server.client(access_key=key["AccessKeyId"], secret_key=key["SecretAccessKey"])
    put(scoped, nodes[0], [item("U-09", "LOW")], type_="Custom:Scoped")
    assert refused(lambda: put(scoped, nodes[1], [item("U-09")], type_="Custom:Scoped"))[0] == "AccessDeniedException"
    assert refused(lambda: scoped.list_compliance_summaries())[0] == "AccessDeniedException"
    assert ids(scoped, nodes[0], {"Key": "ComplianceType", "Values": ["Custom:Scoped"]}) == ["U-09"]
