"""The real `aws` CLI (v1) against the shared fleet: a representative subset of `aws ssm`
commands, each with `--output json`, must exit 0 and print JSON that holds what was asked for.
The CLI parses every reply with botocore's SSM model (and paginates with NextToken itself)."""

from __future__ import annotations

import json

import portless_fixtures as pf


def _aws(fleet, *args) -> dict:
    r = fleet.aws("ssm", *args)  # check=True: rc 0 or the test fails with stdout/stderr
    assert r.returncode == 0
    return r.json  # raises if stdout is not JSON


def test_cli_nodes_and_tags(fleet):
    nodes = _aws(fleet, "describe-instance-information")["InstanceInformationList"]
    assert set(fleet.all_ids) <= {n["InstanceId"] for n in nodes}
    paged = _aws(fleet, "describe-instance-information", "--filters", "Key=tag:role,Values=web")
    assert {n["InstanceId"] for n in paged["InstanceInformationList"]} == set(fleet.web_ids)
    tags = _aws(fleet, "list-tags-for-resource", "--resource-type", "ManagedInstance", "--resource-id", fleet.db_id)
    assert {"Key": "role", "Value": "db"} in tags["TagList"]


def test_cli_activations(fleet):
    made = _aws(fleet, "create-activation", "--iam-role", "portless-node", "--registration-limit", "2",
                "--default-instance-name", "cli", "--tags", "Key=suite,Value=compat")
    listed = _aws(fleet, "describe-activations", "--filters", f"FilterKey=ActivationIds,FilterValues={made['ActivationId']}")
    assert [a["ActivationId"] for a in listed["ActivationList"]] == [made["ActivationId"]]
    paged = _aws(fleet, "describe-activations", "--page-size", "1")
    assert made["ActivationId"] in {a["ActivationId"] for a in paged["ActivationList"]}
    fleet.aws("ssm", "delete-activation", "--activation-id", made["ActivationId"])


def test_cli_run_command(fleet):
    sent = _aws(fleet, "send-command", "--document-name", "AWS-RunShellScript",
                "--targets", "Key=tag:role,Values=web", "--parameters", json.dumps({"commands": ["echo cli-smoke"]}),
                "--comment", "cli smoke", "--max-concurrency", "50%", "--max-errors", "1")
    cid = sent["Command"]["CommandId"]
    pf.wait_command(fleet.client, cid, timeout=60)
    cmds = _aws(fleet, "list-commands", "--command-id", cid)["Commands"]
    assert cmds[0]["Status"] == "Success", cmds
    assert _aws(fleet, "list-commands", "--page-size", "1", "--max-items", "2")["Commands"]
    invs = _aws(fleet, "list-command-invocations", "--command-id", cid, "--details")["CommandInvocations"]
    assert {i["InstanceId"] for i in invs} == set(fleet.web_ids)
    assert all(i["CommandPlugins"][0]["Output"] == "cli-smoke\n" for i in invs), invs
    inv = _aws(fleet, "get-command-invocation", "--command-id", cid, "--instance-id", fleet.web_ids[0])
    assert inv["StandardOutputContent"] == "cli-smoke\n"
    _aws(fleet, "get-command-invocation", "--command-id", cid, "--instance-id", fleet.web_ids[0],
         "--plugin-name", "aws:runShellScript")

    slow = _aws(fleet, "send-command", "--document-name", "AWS-RunShellScript", "--instance-ids", fleet.db_id,
                "--parameters", "commands=sleep 20")["Command"]["CommandId"]
    fleet.aws("ssm", "cancel-command", "--command-id", slow)
    pf.wait_command(fleet.client, slow, timeout=30, statuses={"Cancelled"})

    # an error reply: the CLI exits non-zero and names the AWS error code
    bad = fleet.aws("ssm", "get-command-invocation", "--command-id", cid, "--instance-id", fleet.db_id, check=False)
    assert bad.returncode != 0 and "InvocationDoesNotExist" in bad.stderr, bad


def test_cli_documents(fleet, tmp_path):
    name = pf.unique("cli-doc")
    doc = {
        "schemaVersion": "2.2",
        "description": "cli smoke",
        "parameters": {"message": {"type": "String", "default": "hi"}},
        "mainSteps": [{"action": "aws:runShellScript", "name": "echo", "inputs": {"runCommand": ["echo {{ message }}"]}}],
    }
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc))
    made = _aws(fleet, "create-document", "--name", name, "--content", f"file://{path}", "--document-type", "Command",
                "--tags", "Key=suite,Value=compat")
    assert made["DocumentDescription"]["Name"] == name
    got = _aws(fleet, "get-document", "--name", name, "--document-format", "YAML")
    assert got["DocumentFormat"] == "YAML" and "schemaVersion" in got["Content"]
    _aws(fleet, "describe-document", "--name", name)
    doc["mainSteps"][0]["inputs"]["runCommand"] = ["echo v2 {{ message }}"]
    path.write_text(json.dumps(doc))
    upd = _aws(fleet, "update-document", "--name", name, "--content", f"file://{path}", "--document-version", "$LATEST")
    assert upd["DocumentDescription"]["DocumentVersion"] == "2"
    versions = _aws(fleet, "list-document-versions", "--name", name)["DocumentVersions"]
    assert sorted(v["DocumentVersion"] for v in versions) == ["1", "2"]
    _aws(fleet, "update-document-default-version", "--name", name, "--document-version", "2")
    listed = _aws(fleet, "list-documents", "--filters", "Key=Owner,Values=Self", "--page-size", "2")
    assert name in {d["Name"] for d in listed["DocumentIdentifiers"]}
    fleet.aws("ssm", "modify-document-permission", "--name", name, "--permission-type", "Share",
              "--account-ids-to-add", "123456789012")
    perm = _aws(fleet, "describe-document-permission", "--name", name, "--permission-type", "Share")
    assert perm["AccountIds"] == ["123456789012"]
    fleet.aws("ssm", "modify-document-permission", "--name", name, "--permission-type", "Share",
              "--account-ids-to-remove", "123456789012")
    fleet.aws("ssm", "delete-document", "--name", name)
    gone = fleet.aws("ssm", "describe-document", "--name", name, check=False)
    assert gone.returncode != 0 and "InvalidDocument" in gone.stderr
