"""Every SSM reply Portless sends, checked against botocore's own model of SSM.

Each test drives the live server (the shared `fleet`: one server, three agents, two role=web
and one role=db) through a boto3 client whose raw replies are captured before botocore
parses them (`model_check.RawReplies`), then checks EVERY captured reply — successes against
the operation's output shape, errors against its error shapes — with `model_check`.
Functional outcomes are asserted only as far as needed to know which reply was produced.

A non-conformance fails the test with the operation, the path and what the model expects.
The last test checks that every operation the server implements (read from
Sources/PortlessServer/API/SSMOperations*.swift) had at least one success reply checked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

import pytest
import requests
import yaml
from botocore.exceptions import ClientError

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402  (tests/e2e, put on sys.path by tests/conftest.py)
from model_check import ConformanceError, ModelChecker, RawReplies, Report  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CHECK = ModelChecker("ssm")

# Every report of the module: (test name, Report). Read by the coverage test at the end.
ALL_REPORTS: list[tuple[str, Report]] = []


class Checked:
    """A boto3 SSM client whose every raw reply is checked against the model by verify()."""

    def __init__(self, server: pf.Server, label: str):
        self.server = server
        self.label = label
        self.client = server.client()
        self.raw = RawReplies(self.client)
        self.reports: list[Report] = []

    def __getattr__(self, name):
        return getattr(self.client, name)

    def call(self, method: str, **kw) -> dict:
        return getattr(self.client, method)(**kw)

    def fails(self, code: str | tuple, method: str, **kw) -> dict:
        """Call, expecting a ClientError with `code`; returns the parsed error response."""
        with pytest.raises(ClientError) as e:
            getattr(self.client, method)(**kw)
        got = e.value.response["Error"]["Code"]
        codes = (code,) if isinstance(code, str) else code
        assert got in codes, f"{method}({kw}) failed with {got}, expected {codes}: {e.value}"
        return e.value.response

    def raw_request(self, operation: str | None, target: str, body: bytes | str, **kw) -> requests.Response:
        """A hand-made request (signed by botocore's SigV4Auth unless unsigned=True); the reply
        is checked as a reply of `operation` (None: no operation could be attributed)."""
        if kw.pop("unsigned", False):
            resp = requests.post(
                self.server.url + "/",
                data=body.encode() if isinstance(body, str) else body,
                headers={"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1"},
                timeout=30,
            )
        else:
            resp = pf.signed_request(self.server, target, body, **kw)
        self._record(CHECK.check_reply(operation, resp.status_code, resp.content, dict(resp.headers)))
        return resp

    def _record(self, report: Report) -> None:
        self.reports.append(report)
        ALL_REPORTS.append((self.label, report))

    def verify(self) -> list[Report]:
        for reply in self.raw.take():
            self._record(CHECK.check_raw(reply))
        assert self.reports, "no reply was checked"
        bad = [r for r in self.reports if not r.ok]
        if bad:
            raise ConformanceError(_dedupe(bad))
        return self.reports


def _dedupe(reports: list[Report]) -> list[Report]:
    """One report per (operation, set of finding paths without list indexes) — polling the same
    operation otherwise repeats the same non-conformance many times."""
    seen, out = set(), []
    for r in reports:
        key = (r.operation, r.status, frozenset(re.sub(r"\[\d+\]", "[*]", str(f)) for f in r.errors))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


@pytest.fixture
def ssm(fleet, request):
    c = Checked(fleet.server, request.node.name)
    yield c
    c.raw.close()


def _doc(commands=("echo {{ message }}",), steps=None, description="Model check document.") -> dict:
    return {
        "schemaVersion": "2.2",
        "description": description,
        "parameters": {
            "message": {"type": "String", "default": "hello", "description": "What to echo."},
            "extra": {"type": "StringList", "default": ["a", "b"], "description": "A list."},
        },
        "mainSteps": steps
        or [{"action": "aws:runShellScript", "name": "echo", "inputs": {"runCommand": list(commands)}}],
    }


# --------------------------------------------------------------------------------------
# activations
# --------------------------------------------------------------------------------------


def test_activations(ssm):
    expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)
    made = ssm.call(
        "create_activation",
        Description="model check",
        DefaultInstanceName="modelcheck",
        IamRole="portless-node",
        RegistrationLimit=3,
        ExpirationDate=expires,
        Tags=[{"Key": "suite", "Value": "compat"}],
    )
    plain = ssm.call("create_activation", IamRole="portless-node")
    act_id = made["ActivationId"]

    everything = ssm.call("describe_activations")
    assert {act_id, plain["ActivationId"]} <= {a["ActivationId"] for a in everything["ActivationList"]}
    one = ssm.call("describe_activations", Filters=[{"FilterKey": "ActivationIds", "FilterValues": [act_id]}])
    assert [a["ActivationId"] for a in one["ActivationList"]] == [act_id]
    ssm.call("describe_activations", Filters=[{"FilterKey": "DefaultInstanceName", "FilterValues": ["modelcheck"]}])
    ssm.call("describe_activations", Filters=[{"FilterKey": "IamRole", "FilterValues": ["portless-node"]}])
    page = ssm.call("describe_activations", MaxResults=1)
    assert page.get("NextToken"), "three activations exist, one per page"
    ssm.call("describe_activations", MaxResults=1, NextToken=page["NextToken"])

    ssm.call("delete_activation", ActivationId=plain["ActivationId"])
    ssm.fails(("InvalidActivation", "InvalidActivationId"), "delete_activation", ActivationId=plain["ActivationId"])
    ssm.fails(("InvalidFilter", "InvalidFilterKey", "ValidationException"), "describe_activations",
              Filters=[{"FilterKey": "Colour", "FilterValues": ["red"]}])
    ssm.fails("InvalidNextToken", "describe_activations", NextToken="garbage")
    ssm.call("delete_activation", ActivationId=act_id)
    ssm.verify()


# --------------------------------------------------------------------------------------
# nodes and tags
# --------------------------------------------------------------------------------------


def test_describe_instance_information_filters(ssm, fleet):
    allnodes = ssm.call("describe_instance_information")["InstanceInformationList"]
    assert set(fleet.all_ids) <= {n["InstanceId"] for n in allnodes}
    ssm.call("describe_instance_information", Filters=[{"Key": "PingStatus", "Values": ["Online"]}])
    ssm.call("describe_instance_information", Filters=[{"Key": "tag:role", "Values": ["web"]}])
    ssm.call("describe_instance_information", Filters=[{"Key": "InstanceIds", "Values": [fleet.db_id]}])
    ssm.call("describe_instance_information", Filters=[{"Key": "ResourceType", "Values": ["ManagedInstance"]}])
    ssm.call("describe_instance_information", Filters=[{"Key": "PlatformTypes", "Values": ["Linux"]}])
    ssm.call("describe_instance_information", Filters=[{"Key": "tag-key", "Values": ["role"]}])
    ssm.call("describe_instance_information",
             InstanceInformationFilterList=[{"key": "InstanceIds", "valueSet": fleet.web_ids}])
    ssm.call("describe_instance_information",
             InstanceInformationFilterList=[{"key": "PingStatus", "valueSet": ["Online"]}], MaxResults=5)
    ssm.fails(("InvalidInstanceInformationFilterValue", "InvalidFilterKey", "ValidationException"),
              "describe_instance_information", Filters=[{"Key": "Colour", "Values": ["red"]}])
    ssm.fails("InvalidNextToken", "describe_instance_information", NextToken="garbage")
    ssm.verify()


@pytest.fixture(scope="module")
def paging_server(portless_bin, tmp_path_factory):
    """Six registered nodes (so DescribeInstanceInformation, MaxResults >= 5, has two pages),
    four of them stopped again (ConnectionLost)."""
    base = tmp_path_factory.mktemp("compat-paging")
    srv = pf.start_server(base / "server", name="compat-paging-server")
    agents = []
    try:
        act = pf.create_activation(srv, limit=10, default_instance_name="pager")
        agents = pf.start_agents(srv, base / "agents", 6, act)
        for a in agents[2:]:
            a.stop()
        yield srv, [a.node_id for a in agents]
    finally:
        for a in agents:
            a.stop()
        srv.process.kill_hard()


def test_describe_instance_information_pagination(paging_server, request):
    srv, ids = paging_server
    ssm = Checked(srv, request.node.name)
    try:
        lost = ids[2:]
        client = srv.client()
        for nid in lost:
            pf.wait_ping_status(client, nid, "ConnectionLost", timeout=30)
        p1 = ssm.call("describe_instance_information", MaxResults=5)
        assert len(p1["InstanceInformationList"]) == 5 and p1.get("NextToken")
        p2 = ssm.call("describe_instance_information", MaxResults=5, NextToken=p1["NextToken"])
        got = [n["InstanceId"] for n in p1["InstanceInformationList"] + p2["InstanceInformationList"]]
        assert sorted(got) == sorted(ids)
        ssm.call("describe_instance_information", Filters=[{"Key": "PingStatus", "Values": ["ConnectionLost"]}])
        ssm.verify()
    finally:
        ssm.raw.close()


def test_tags_on_managed_instance(ssm, fleet):
    node = fleet.db_id
    key = pf.unique("k")
    ssm.call("add_tags_to_resource", ResourceType="ManagedInstance", ResourceId=node,
             Tags=[{"Key": key, "Value": "1"}, {"Key": key + "-b", "Value": ""}])
    tags = ssm.call("list_tags_for_resource", ResourceType="ManagedInstance", ResourceId=node)["TagList"]
    assert {"Key": key, "Value": "1"} in tags
    ssm.call("remove_tags_from_resource", ResourceType="ManagedInstance", ResourceId=node, TagKeys=[key, key + "-b"])
    ssm.call("list_tags_for_resource", ResourceType="ManagedInstance", ResourceId=node)
    ssm.fails("InvalidResourceId", "list_tags_for_resource", ResourceType="ManagedInstance",
              ResourceId="mi-00000000000000000")
    ssm.fails(("InvalidResourceType", "ValidationException"), "list_tags_for_resource", ResourceType="PatchBaseline",
              ResourceId="x")
    ssm.fails("InvalidResourceId", "list_tags_for_resource", ResourceType="Parameter", ResourceId="/no/such/parameter")
    ssm.fails("InvalidResourceId", "add_tags_to_resource", ResourceType="ManagedInstance",
              ResourceId="mi-00000000000000000", Tags=[{"Key": "a", "Value": "b"}])
    ssm.verify()


def test_parameters(ssm):
    name = "/model/" + pf.unique("p")
    ssm.call("put_parameter", Name=name, Value="one", Type="String", Tags=[{"Key": "k", "Value": "v"}])
    ssm.call("put_parameter", Name=name, Value="two", Overwrite=True)
    ssm.call("put_parameter", Name=name + "-secret", Value="s", Type="SecureString")
    ssm.call("get_parameter", Name=name + "-secret", WithDecryption=True)
    ssm.call("get_parameters", Names=[name, name + ":1", "/model/none"])
    ssm.call("get_parameters_by_path", Path="/model", Recursive=True, MaxResults=1)
    ssm.call("describe_parameters", ParameterFilters=[{"Key": "Path", "Option": "Recursive", "Values": ["/model"]}])
    ssm.call("get_parameter_history", Name=name)
    ssm.call("label_parameter_version", Name=name, ParameterVersion=1, Labels=["prod"])
    ssm.call("unlabel_parameter_version", Name=name, ParameterVersion=1, Labels=["prod"])
    ssm.call("delete_parameters", Names=[name + "-secret", "/model/none"])
    ssm.call("delete_parameter", Name=name)
    ssm.fails("ParameterNotFound", "get_parameter", Name=name)
    ssm.verify()


def test_compliance(ssm, fleet):
    node = fleet.db_id
    ctype = "Custom:" + pf.unique("model")
    ssm.call("put_compliance_items", ResourceId=node, ResourceType="ManagedInstance", ComplianceType=ctype,
             ExecutionSummary={"ExecutionTime": dt.datetime.now(dt.timezone.utc), "ExecutionId": "e1", "ExecutionType": "Command"},
             Items=[{"Id": "1", "Title": "t", "Severity": "HIGH", "Status": "NON_COMPLIANT", "Details": {"k": "v"}},
                    {"Id": "2", "Severity": "LOW", "Status": "COMPLIANT"}])
    items = ssm.call("list_compliance_items", ResourceIds=[node], ResourceTypes=["ManagedInstance"], MaxResults=1,
                     Filters=[{"Key": "ComplianceType", "Values": [ctype], "Type": "EQUAL"}])
    assert len(items["ComplianceItems"]) == 1 and items["NextToken"]
    ssm.call("list_compliance_summaries", Filters=[{"Key": "ComplianceType", "Values": [ctype]}])
    ssm.call("list_resource_compliance_summaries", Filters=[{"Key": "ComplianceType", "Values": [ctype]}])
    ssm.fails("InvalidResourceId", "put_compliance_items", ResourceId="mi-00000000000000000", ResourceType="ManagedInstance",
              ComplianceType=ctype, ExecutionSummary={"ExecutionTime": dt.datetime.now(dt.timezone.utc)}, Items=[])
    ssm.fails("InvalidFilter", "list_compliance_items", Filters=[{"Key": "Colour", "Values": ["red"]}])
    ssm.verify()


# --------------------------------------------------------------------------------------
# commands
# --------------------------------------------------------------------------------------


def _wait_command(ssm: Checked, cid: str, timeout: float = 60) -> dict:
    return pf.wait_command(ssm.client, cid, timeout=timeout)


def test_send_command_and_query_replies(ssm, fleet):
    by_ids = ssm.call(
        "send_command", DocumentName="AWS-RunShellScript", InstanceIds=fleet.all_ids,
        Parameters={"commands": ["echo out-$(hostname)", "echo err >&2"], "executionTimeout": ["120"]},
        Comment="model check by ids", TimeoutSeconds=600,
    )["Command"]
    by_tag = ssm.call(
        "send_command", DocumentName="AWS-RunShellScript", Targets=[{"Key": "tag:role", "Values": ["web"]}],
        Parameters={"commands": ["echo tagged"]}, MaxConcurrency="50%", MaxErrors="1",
    )["Command"]
    by_all = ssm.call(
        "send_command", DocumentName="AWS-RunShellScript", Targets=[{"Key": "InstanceIds", "Values": [fleet.db_id]}],
        Parameters={"commands": ["echo failing; exit 3"]}, MaxConcurrency="2", MaxErrors="0",
        DocumentVersion="$DEFAULT",
    )["Command"]
    # an in-flight look at each (Pending/InProgress replies are checked too)
    ssm.call("list_command_invocations", CommandId=by_ids["CommandId"], Details=True)
    pf.get_invocation(ssm.client, by_ids["CommandId"], fleet.db_id)  # a reply either way

    for c in (by_ids, by_tag, by_all):
        _wait_command(ssm, c["CommandId"])
    cid = by_ids["CommandId"]

    # ListCommands: all, by id, by node, filters, pages
    ssm.call("list_commands")
    ssm.call("list_commands", CommandId=cid)
    ssm.call("list_commands", InstanceId=fleet.db_id)
    since = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ssm.call("list_commands", Filters=[{"key": "Status", "value": "Success"}, {"key": "InvokedAfter", "value": since}])
    ssm.call("list_commands", Filters=[{"key": "DocumentName", "value": "AWS-RunShellScript"}])
    ssm.call("list_commands", Filters=[{"key": "Status", "value": "Failed"}])
    page = ssm.call("list_commands", MaxResults=1)
    assert page.get("NextToken")
    ssm.call("list_commands", MaxResults=1, NextToken=page["NextToken"])

    # ListCommandInvocations: Details false/true, by node, filters, pages
    ssm.call("list_command_invocations", CommandId=cid)
    full = ssm.call("list_command_invocations", CommandId=cid, Details=True)["CommandInvocations"]
    assert full and all(i.get("CommandPlugins") for i in full)
    ssm.call("list_command_invocations", InstanceId=fleet.web_ids[0], Details=True)
    ssm.call("list_command_invocations", CommandId=by_all["CommandId"], Details=True)
    ssm.call("list_command_invocations", Filters=[{"key": "Status", "value": "Success"}])
    ssm.call("list_command_invocations", Filters=[{"key": "InvokedAfter", "value": since}], Details=False)
    page = ssm.call("list_command_invocations", CommandId=cid, MaxResults=1)
    assert page.get("NextToken")
    ssm.call("list_command_invocations", CommandId=cid, MaxResults=1, NextToken=page["NextToken"], Details=True)

    # GetCommandInvocation with and without PluginName, success and failure
    for nid in fleet.all_ids:
        inv = ssm.call("get_command_invocation", CommandId=cid, InstanceId=nid)
        assert inv["Status"] == "Success", inv
    ssm.call("get_command_invocation", CommandId=cid, InstanceId=fleet.db_id, PluginName="aws:runShellScript")
    failed = ssm.call("get_command_invocation", CommandId=by_all["CommandId"], InstanceId=fleet.db_id)
    assert failed["Status"] == "Failed" and failed["ResponseCode"] == 3, failed
    ssm.call("get_command_invocation", CommandId=by_tag["CommandId"], InstanceId=fleet.web_ids[1],
             PluginName="aws:runShellScript")
    ssm.verify()


def test_cancel_command(ssm, fleet):
    cmd = ssm.call("send_command", DocumentName="AWS-RunShellScript", InstanceIds=fleet.web_ids,
                   Parameters={"commands": ["sleep 30"]}, Comment="to cancel")["Command"]
    cid = cmd["CommandId"]
    # one node running (InProgress replies), then cancel it alone, then the whole command
    running = pf.wait_until(lambda: next((n for n in fleet.web_ids if (pf.get_invocation(ssm.client, cid, n) or {})
                                          .get("Status") == "InProgress"), None),
                            timeout=20, interval=0.3, desc="an invocation InProgress")
    ssm.call("list_command_invocations", CommandId=cid, Details=True)
    ssm.call("get_command_invocation", CommandId=cid, InstanceId=running, PluginName="aws:runShellScript")
    ssm.call("cancel_command", CommandId=cid, InstanceIds=[running])
    pf.wait_invocation(ssm.client, cid, running, timeout=20, statuses={"Cancelled"})
    ssm.call("cancel_command", CommandId=cid)
    final = _wait_command(ssm, cid, timeout=20)
    assert final["Status"] in ("Cancelled", "Cancelling"), final
    ssm.call("list_command_invocations", CommandId=cid, Details=True)
    for n in fleet.web_ids:
        ssm.call("get_command_invocation", CommandId=cid, InstanceId=n)
        ssm.call("get_command_invocation", CommandId=cid, InstanceId=n, PluginName="aws:runShellScript")
    ssm.fails("InvalidCommandId", "cancel_command", CommandId="00000000-0000-4000-8000-000000000000")
    ssm.verify()


def test_command_with_multi_step_document(ssm, fleet):
    name = pf.unique("mc-steps")
    steps = [
        {"action": "aws:runShellScript", "name": "first", "inputs": {"runCommand": ["echo one"]}},
        {"action": "aws:runShellScript", "name": "second", "inputs": {"runCommand": ["echo two {{ message }} >&2"]}},
    ]
    ssm.call("create_document", Name=name, Content=json.dumps(_doc(steps=steps)), DocumentType="Command")
    cmd = ssm.call("send_command", DocumentName=name, InstanceIds=[fleet.web_ids[0]],
                   Parameters={"message": ["hi"]})["Command"]
    _wait_command(ssm, cmd["CommandId"])
    for plugin in ("first", "second"):
        ssm.call("get_command_invocation", CommandId=cmd["CommandId"], InstanceId=fleet.web_ids[0], PluginName=plugin)
    ssm.call("get_command_invocation", CommandId=cmd["CommandId"], InstanceId=fleet.web_ids[0])
    ssm.call("list_command_invocations", CommandId=cmd["CommandId"], Details=True)
    ssm.fails("InvalidPluginName", "get_command_invocation", CommandId=cmd["CommandId"],
              InstanceId=fleet.web_ids[0], PluginName="third")
    ssm.call("delete_document", Name=name)
    ssm.verify()


# --------------------------------------------------------------------------------------
# documents
# --------------------------------------------------------------------------------------


def test_documents(ssm):
    name = pf.unique("mc-doc")
    yname = pf.unique("mc-yaml")
    tag = pf.unique("t")
    created = ssm.call("create_document", Name=name, Content=json.dumps(_doc()), DocumentType="Command",
                       DocumentFormat="JSON", VersionName="v1", TargetType="/AWS::EC2::Instance",
                       Tags=[{"Key": "suite", "Value": tag}])["DocumentDescription"]
    assert created["Name"] == name
    ssm.call("create_document", Name=yname, Content=yaml.safe_dump(_doc(description="yaml")), DocumentFormat="YAML")

    ssm.call("get_document", Name=name)
    ssm.call("get_document", Name=name, DocumentFormat="YAML")
    ssm.call("get_document", Name=yname)
    ssm.call("get_document", Name=yname, DocumentFormat="JSON", DocumentVersion="1")
    ssm.call("get_document", Name=name, VersionName="v1")
    ssm.call("get_document", Name="AWS-RunShellScript")
    ssm.call("describe_document", Name=name)
    ssm.call("describe_document", Name=name, DocumentVersion="$LATEST")
    ssm.call("describe_document", Name="AWS-RunShellScript")

    ssm.call("update_document", Name=name, Content=json.dumps(_doc(commands=["echo v2"])),
             DocumentVersion="$LATEST", VersionName="v2")
    ssm.call("update_document", Name=name, Content=yaml.safe_dump(_doc(commands=["echo v3"])),
             DocumentFormat="YAML", DocumentVersion="2")
    ssm.call("list_document_versions", Name=name)
    page = ssm.call("list_document_versions", Name=name, MaxResults=1)
    assert page.get("NextToken")
    ssm.call("list_document_versions", Name=name, MaxResults=1, NextToken=page["NextToken"])
    ssm.call("update_document_default_version", Name=name, DocumentVersion="2")
    ssm.call("describe_document", Name=name, DocumentVersion="3")
    ssm.call("describe_document", Name=name, VersionName="v2")

    ssm.call("list_documents")
    ssm.call("list_documents", Filters=[{"Key": "Owner", "Values": ["Self"]}, {"Key": "DocumentType", "Values": ["Command"]}])
    ssm.call("list_documents", Filters=[{"Key": "tag:suite", "Values": [tag]}])
    ssm.call("list_documents", Filters=[{"Key": "Owner", "Values": ["Amazon"]}])
    ssm.call("list_documents", DocumentFilterList=[{"key": "Name", "value": "mc-"}])
    page = ssm.call("list_documents", MaxResults=1)
    assert page.get("NextToken")
    ssm.call("list_documents", MaxResults=1, NextToken=page["NextToken"])

    ssm.call("add_tags_to_resource", ResourceType="Document", ResourceId=name, Tags=[{"Key": "extra", "Value": "1"}])
    ssm.call("list_tags_for_resource", ResourceType="Document", ResourceId=name)
    ssm.call("remove_tags_from_resource", ResourceType="Document", ResourceId=name, TagKeys=["extra"])

    ssm.call("describe_document_permission", Name=name, PermissionType="Share")
    ssm.call("modify_document_permission", Name=name, PermissionType="Share", AccountIdsToAdd=["123456789012"],
             SharedDocumentVersion="$DEFAULT")
    shared = ssm.call("describe_document_permission", Name=name, PermissionType="Share")
    assert "123456789012" in shared["AccountIds"], shared
    ssm.call("modify_document_permission", Name=name, PermissionType="Share", AccountIdsToRemove=["123456789012"])

    # document errors
    ssm.fails("DocumentAlreadyExists", "create_document", Name=name, Content=json.dumps(_doc()))
    ssm.fails("InvalidDocumentContent", "create_document", Name=pf.unique("mc-bad"), Content="{not json")
    ssm.fails("DuplicateDocumentContent", "update_document", Name=name,
              Content=yaml.safe_dump(_doc(commands=["echo v3"])), DocumentFormat="YAML", DocumentVersion="$LATEST")
    ssm.fails("InvalidDocument", "get_document", Name=pf.unique("mc-nope"))
    ssm.fails("InvalidDocument", "describe_document", Name=pf.unique("mc-nope"))
    ssm.fails("InvalidDocumentVersion", "get_document", Name=name, DocumentVersion="9")
    ssm.fails("InvalidDocumentVersion", "update_document_default_version", Name=name, DocumentVersion="9")
    ssm.fails("InvalidPermissionType", "describe_document_permission", Name=name, PermissionType="Give")
    ssm.fails(("InvalidFilterKey",), "list_documents", Filters=[{"Key": "Colour", "Values": ["red"]}])
    ssm.fails("InvalidNextToken", "list_documents", NextToken="garbage")
    ssm.fails("InvalidDocumentOperation", "delete_document", Name="AWS-RunShellScript")

    ssm.call("delete_document", Name=name)
    ssm.call("delete_document", Name=yname)
    ssm.fails("InvalidDocument", "delete_document", Name=name)
    ssm.verify()


# --------------------------------------------------------------------------------------
# error replies
# --------------------------------------------------------------------------------------


def test_error_replies_through_boto3(ssm, fleet):
    node = fleet.db_id
    ssm.fails("InvocationDoesNotExist", "get_command_invocation",
              CommandId="00000000-0000-4000-8000-000000000000", InstanceId=node)
    ssm.fails(("InvalidInstanceId", "InvocationDoesNotExist"), "get_command_invocation",
              CommandId="00000000-0000-4000-8000-000000000000", InstanceId="mi-00000000000000000")
    ssm.fails("InvalidInstanceId", "send_command", DocumentName="AWS-RunShellScript",
              InstanceIds=["mi-00000000000000000"], Parameters={"commands": ["true"]})
    ssm.fails("InvalidParameters", "send_command", DocumentName="AWS-RunShellScript", InstanceIds=[node],
              Parameters={"nosuch": ["x"]})
    ssm.fails("InvalidParameters", "send_command", DocumentName="AWS-RunShellScript", InstanceIds=[node])
    ssm.fails("InvalidDocument", "send_command", DocumentName=pf.unique("mc-nope"), InstanceIds=[node])
    ssm.fails("InvalidDocumentVersion", "send_command", DocumentName="AWS-RunShellScript", InstanceIds=[node],
              DocumentVersion="7", Parameters={"commands": ["true"]})
    ssm.fails("InvalidCommandId", "list_commands", CommandId="00000000-0000-4000-8000-000000000000")
    ssm.fails("InvalidCommandId", "list_command_invocations", CommandId="00000000-0000-4000-8000-000000000000")
    ssm.fails(("InvalidFilterKey", "InvalidFilter"), "list_commands", Filters=[{"key": "Colour", "value": "red"}])
    ssm.fails("InvalidNextToken", "list_command_invocations", NextToken="garbage")
    ssm.verify()


def test_error_replies_to_hand_made_requests(ssm, fleet):
    node = fleet.db_id
    # malformed JSON and wrong member types
    r = ssm.raw_request("ListCommands", "AmazonSSM.ListCommands", b"{not json")
    assert r.status_code == 400 and pf.error_type(r) == "SerializationException", r.text
    r = ssm.raw_request("SendCommand", "AmazonSSM.SendCommand",
                        json.dumps({"DocumentName": "AWS-RunShellScript", "InstanceIds": node}))
    assert r.status_code == 400, r.text
    # values botocore would refuse client-side
    r = ssm.raw_request("SendCommand", "AmazonSSM.SendCommand", json.dumps(
        {"DocumentName": "AWS-RunShellScript", "InstanceIds": [node], "Parameters": {"commands": ["true"]},
         "TimeoutSeconds": 5}))
    assert r.status_code == 400, r.text
    r = ssm.raw_request("SendCommand", "AmazonSSM.SendCommand", json.dumps(
        {"DocumentName": "AWS-RunShellScript", "InstanceIds": [node], "Parameters": {"commands": ["true"]},
         "MaxConcurrency": "0"}))
    assert r.status_code == 400, r.text
    r = ssm.raw_request("DescribeInstanceInformation", "AmazonSSM.DescribeInstanceInformation",
                        json.dumps({"MaxResults": 1}))
    assert r.status_code == 400, r.text
    r = ssm.raw_request("SendCommand", "AmazonSSM.SendCommand", json.dumps(
        {"DocumentName": "AWS-RunShellScript", "Parameters": {"commands": ["true"]}}))
    assert r.status_code == 400, r.text
    # unknown operation, missing or foreign target
    r = ssm.raw_request(None, "AmazonSSM.FlyToTheMoon", b"{}")
    assert r.status_code == 400 and pf.error_type(r) == "UnknownOperationException", r.text
    r = ssm.raw_request(None, "AmazonEC2.DescribeInstances", b"{}")
    assert r.status_code == 400, r.text
    r = ssm.raw_request(None, "", b"{}")
    assert r.status_code == 400, r.text
    # authentication
    r = ssm.raw_request("ListCommands", "AmazonSSM.ListCommands", b"{}", unsigned=True)
    assert r.status_code in (400, 403), r.text
    r = ssm.raw_request("ListCommands", "AmazonSSM.ListCommands", b"{}", secret_key="wrong" * 8)
    assert r.status_code in (400, 403), r.text
    r = ssm.raw_request("ListCommands", "AmazonSSM.ListCommands", b"{}", access_key="AKIAIOSFODNN7EXAMPLE")
    assert r.status_code in (400, 403), r.text
    r = ssm.raw_request("ListCommands", "AmazonSSM.ListCommands", b"{}", region="eu-west-1")
    assert r.status_code in (400, 403), r.text
    r = ssm.raw_request("ListCommands", "AmazonSSM.ListCommands", b"{}",
                        timestamp=dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1))
    assert r.status_code in (400, 403), r.text
    # too large
    r = ssm.raw_request("ListCommands", "AmazonSSM.ListCommands", b"{" + b" " * (1 << 20) + b"}")
    assert r.status_code in (400, 413), r.text
    ssm.verify()


def test_associations(ssm):
    # A tag no node has: every reply is checked without sending work to the shared fleet.
    targets = [{"Key": "tag:model-check", "Values": ["none"]}]
    made = ssm.call("create_association", Name="AWS-RunShellScript", Targets=targets, Parameters={"commands": ["true"]},
                    ScheduleExpression="cron(0 2 ? * SUN *)", AssociationName="model-check", ComplianceSeverity="LOW",
                    MaxConcurrency="1", MaxErrors="0")["AssociationDescription"]
    assoc_id = made["AssociationId"]
    ssm.call("describe_association", AssociationId=assoc_id)
    ssm.call("list_associations", AssociationFilterList=[{"key": "AssociationName", "value": "model-check"}])
    ssm.call("update_association", AssociationId=assoc_id, Targets=targets, Parameters={"commands": ["echo two"]},
             ScheduleExpression="rate(1 day)")
    ssm.call("list_association_versions", AssociationId=assoc_id)
    ssm.call("start_associations_once", AssociationIds=[assoc_id])
    runs = ssm.call("describe_association_executions", AssociationId=assoc_id)["AssociationExecutions"]
    assert runs
    ssm.call("describe_association_execution_targets", AssociationId=assoc_id, ExecutionId=runs[0]["ExecutionId"])
    ssm.call("delete_association", AssociationId=assoc_id)
    ssm.fails("AssociationDoesNotExist", "describe_association", AssociationId=assoc_id)
    ssm.verify()


def test_sessions(ssm, fleet):
    node = fleet.db_id
    assert ssm.call("get_connection_status", Target=node)["Status"] == "connected"
    opened = ssm.call("start_session", Target=node, Reason="model check")
    ssm.call("describe_sessions", State="Active", Filters=[{"key": "SessionId", "value": opened["SessionId"]}])
    resumed = ssm.call("resume_session", SessionId=opened["SessionId"])
    assert resumed["TokenValue"] != opened["TokenValue"]
    ssm.call("terminate_session", SessionId=opened["SessionId"])
    ssm.call("describe_sessions", State="History", MaxResults=5)
    ssm.fails("TargetNotConnected", "start_session", Target="mi-00000000000000000")
    ssm.verify()


# --------------------------------------------------------------------------------------
# coverage: every implemented operation had a success reply checked
# --------------------------------------------------------------------------------------


def _implemented_operations() -> set[str]:
    src = "".join(p.read_text() for p in (REPO / "Sources/PortlessServer/API").glob("SSMOperations*.swift"))
    ops = set()
    for m in re.finditer(r'case ((?:"[A-Za-z]+"\s*,?\s*)+):', src):
        ops |= set(re.findall(r'"([A-Za-z]+)"', m.group(1)))
    return ops


def test_every_implemented_operation_was_checked():
    implemented = _implemented_operations()
    assert len(implemented) >= 22, implemented
    unknown = implemented - set(CHECK.operation_names())
    assert not unknown, f"the server implements operations botocore's SSM model does not have: {unknown}"
    if not ALL_REPORTS:
        pytest.skip("run with the rest of the module")
    ok_ops = {r.operation for _, r in ALL_REPORTS if r.status < 300}
    err_ops = {r.operation for _, r in ALL_REPORTS if r.status >= 300}
    missing = implemented - ok_ops
    assert not missing, f"no success reply of these operations was checked: {sorted(missing)}"
    star = re.compile(r"\[\d+\]")
    warnings = sorted({f"{r.operation} {star.sub('[*]', w.path)}: {w.message.split(' (value')[0]}"
                       for _, r in ALL_REPORTS for w in r.warnings})
    if warnings:
        print("\nconstraint warnings (min/max/pattern; not failures):\n  " + "\n  ".join(warnings))
    print(f"\nmodel check: {len(ALL_REPORTS)} replies checked, {len(ok_ops)} operations with success "
          f"replies, {len(err_ops - {None})} with error replies; "
          f"{sum(1 for _, r in ALL_REPORTS if not r.ok)} non-conforming")
