"""Fleet scans end to end: the real server and agents, two accounts (the member reached by AssumeRole into a
named role), one presigned upload per node, offline nodes, tampered and misdirected uploads, bad input.

Each agent scans a fixture tree (PORTLESS_SCAN_ROOT) instead of this machine's root, so every node's
result can be compared with the bundle run here on the same tree.
"""

from __future__ import annotations

import csv as csvlib
import io
import json
import sys
import time
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checks"))

import portless_fixtures as pf  # noqa: E402
import scan_support as scans  # noqa: E402
from test_identity_access import ADMIN, SSM_FULL, client, make_user, trust  # noqa: E402
from tree import hardened_tree  # noqa: E402

ROLE = "PortlessScanTarget"


@pytest.fixture(scope="module")
def world(portless_bin, tmp_path_factory):
    base = tmp_path_factory.mktemp("scans")
    server = pf.start_server(base / "data", name="scan-server", env={"PORTLESS_TEST_MIN_ASSOCIATION_RATE_SECONDS": "2"})
    root = {"AccessKeyId": server.access_key, "SecretAccessKey": server.secret_key}
    management = client(server, "sts", root).get_caller_identity()["Account"]
    admin = make_user(server, client(server, "iam", root), "security", (ADMIN,))
    member = client(server, "organizations", admin).create_account(
        Email="member@example.com", AccountName="Member")["CreateAccountStatus"]["AccountId"]
    member_admin = client(server, "sts", admin).assume_role(
        RoleArn=f"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", RoleSessionName="setup")["Credentials"]
    member_iam = client(server, "iam", member_admin)
    member_iam.create_role(RoleName=ROLE, AssumeRolePolicyDocument=trust(f"arn:aws:iam::{management}:root"))
    member_iam.attach_role_policy(RoleName=ROLE, PolicyArn=SSM_FULL)

    trees = {
        "hardened": hardened_tree(base / "trees" / "hardened", "debian").root,
        "weak": hardened_tree(base / "trees" / "weak", "rhel"),
        "member": hardened_tree(base / "trees" / "member", "rhel").root,
    }
    trees["weak"].chmod("/etc/passwd", 0o666)
    trees["weak"].replace("/etc/ssh/sshd_config", "PermitRootLogin no", "PermitRootLogin yes")
    trees["weak"] = trees["weak"].root

    agents = {}
    mgmt_ssm = client(server, "ssm", admin)
    for name in ("hardened", "weak"):
        activation = mgmt_ssm.create_activation(IamRole="PortlessNodeRole", RegistrationLimit=1)
        agents[name] = scans.spawn_scanning_agent(server, base / f"agent-{name}", activation, trees[name])
    activation = client(server, "ssm", member_admin).create_activation(IamRole="PortlessNodeRole", RegistrationLimit=1)
    agents["member"] = scans.spawn_scanning_agent(server, base / "agent-member", activation, trees["member"])
    yield {"server": server, "admin": admin, "management": management, "member": member, "trees": trees, "agents": agents,
           "base": base, "member_admin": member_admin}
    for agent in agents.values():
        agent.stop()
    server.process.kill_hard()


def test_scan_across_two_accounts_with_one_presigned_upload_per_node(world):
    server, admin = world["server"], world["admin"]
    done = scans.portless(server, admin, "scan", "start", "--all", "--accounts", f"{world['management']},{world['member']}",
                          "--role-name", ROLE, "--name", "nightly", "--wait")
    assert done.returncode == 0, done.stdout + done.stderr
    scan_id = done.stdout.split()[1]
    shown = scans.portless(server, admin, "scan", "show", scan_id).stdout
    assert "3 scanned, 0 not scanned, 0 malformed, 0 pending" in done.stdout, shown
    assert "nodes done" in done.stderr
    reply = scans.call(server, admin, "GetScan", {"ScanId": scan_id, "IncludeNodes": True})
    scan = reply["Scan"]
    assert scan["Status"] == "Success" and scan["Name"] == "nightly"
    accounts = {a["AccountId"]: a for a in scan["Accounts"]}
    assert accounts[world["member"]]["RoleName"] == ROLE and "CommandId" in accounts[world["member"]]
    assert scan["RefusedUploadCount"] == 0
    by_node = {n["NodeId"]: n for n in reply["Nodes"]}
    for name, agent in world["agents"].items():
        node = by_node[agent.node_id]
        assert node["State"] == "Scanned", node
        assert node["AccountId"] == (world["member"] if name == "member" else world["management"])
        assert node["CheckCounts"] == scans.local_counts(world["trees"][name]), name
    assert by_node[world["agents"]["weak"].node_id]["CheckCounts"]["FAIL"] >= 2

    # The report counts what the nodes found; CSV, findings and HTML carry the same.
    report = json.loads(scans.portless(server, admin, "scan", "report", scan_id, "--format", "json").stdout)
    expected = {"pass": 0, "fail": 0, "notApplicable": 0, "manual": 0, "error": 0}
    keys = {"PASS": "pass", "FAIL": "fail", "NA": "notApplicable", "MANUAL": "manual", "ERROR": "error"}
    for name in world["agents"]:
        for status, count in scans.local_counts(world["trees"][name]).items():
            expected[keys[status]] += count
    assert {k: report["fleetCounts"][k] for k in expected} == expected
    assert len(report["nodes"]) == 3 and len(report["checks"]) == 72
    weak = next(n for n in report["nodes"] if n["node"]["nodeId"] == world["agents"]["weak"].node_id)
    assert weak["score"] < max(n["score"] for n in report["nodes"])
    csv = scans.portless(server, admin, "scan", "report", scan_id, "--format", "csv").stdout
    assert csv.startswith("\ufeff") and len(list(csvlib.reader(io.StringIO(csv[1:])))) == 1 + 3 * 72
    findings = scans.portless(server, admin, "scan", "report", scan_id, "--format", "findings").stdout.splitlines()
    assert any('"FAILED"' in line for line in findings) and all(json.loads(line) for line in findings)
    html = scans.portless(server, admin, "scan", "report", scan_id, "--format", "html", "--lang", "ko").stdout
    assert "<svg" in html and "취약" in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")

    # Each node's results are its Custom:KISA-Unix compliance, in its own account.
    node = world["agents"]["weak"].node_id
    items = pf.aws(server, "ssm", "list-compliance-items", "--resource-ids", node, "--resource-types", "ManagedInstance",
                   "--filters", "Key=ComplianceType,Values=Custom:KISA-Unix", env_extra=scans.cli_env(server, admin)).json["ComplianceItems"]
    counts = scans.local_counts(world["trees"]["weak"])
    assert len(items) == 72
    assert sum(1 for i in items if i["Status"] == "NON_COMPLIANT") == counts["FAIL"] + counts["ERROR"] + counts["MANUAL"]

    # The member's command ran in the member account, as the assumed role.
    member_ssm = client(server, "ssm", world["member_admin"])
    command = member_ssm.list_commands(CommandId=accounts[world["member"]]["CommandId"])["Commands"][0]
    assert command["DocumentName"] == "Portless-KISAUnixScan" and command["Status"] == "Success"
    assert "uploadUrl" not in json.dumps(command["Parameters"]) or command["Parameters"].get("uploadUrl") in ([""], None)


def test_an_offline_node_is_recorded_not_scanned_with_the_reason(world, tmp_path):
    server, admin = world["server"], world["admin"]
    ssm = client(server, "ssm", admin)
    activation = ssm.create_activation(IamRole="PortlessNodeRole", RegistrationLimit=1)
    agent = scans.spawn_scanning_agent(server, tmp_path / "agent-offline", activation, world["trees"]["hardened"])
    agent.stop()
    pf.wait_ping_status(ssm, agent.node_id, "ConnectionLost", timeout=30)
    scan = scans.call(server, admin, "StartScan", {"Targets": [{"Key": "InstanceIds", "Values": [agent.node_id]}]})["Scan"]
    assert scan["Status"] == "Failed" and scan["NodeCounts"]["NotScanned"] == 1
    node = scans.call(server, admin, "GetScan", {"ScanId": scan["ScanId"], "IncludeNodes": True})["Nodes"][0]
    assert node["State"] == "NotScanned" and node["Reason"].startswith("Offline: not connected when the scan started")


def test_tampered_misdirected_and_reused_uploads_are_refused_and_recorded(world, tmp_path):
    server, admin, agents = world["server"], world["admin"], world["agents"]
    pushed = scans.portless(server, admin, "scan", "bundle", "push", str(scans.slow_bundle(tmp_path, 8)))
    assert pushed.returncode == 0, pushed.stderr
    sha = pushed.stdout.split()[1]
    victim, other = agents["hardened"], agents["weak"]
    scan = scans.call(server, admin, "StartScan", {"Targets": [{"Key": "InstanceIds", "Values": [victim.node_id, other.node_id]}],
                                                   "BundleSha256": sha})["Scan"]
    url = scans.own_upload_url(victim, scan["ScanId"])
    assert victim.node_id in url and other.node_id not in url

    # Misdirected: the node's own URL aimed at the other node's key fails the signature.
    misdirected = requests.put(url.replace(victim.node_id, other.node_id), data=b"x", timeout=30)
    assert misdirected.status_code == 403 and b"SignatureDoesNotMatch" in misdirected.content
    # Tampered: a result claiming to be the other node's, through the node's own URL.
    forged = json.dumps({"portlessScan": {"scanId": scan["ScanId"], "nodeId": other.node_id, "accountId": world["management"],
                                          "bundleSha256": sha, "hostname": "forged", "startedAt": "2026-12-02T00:00:00Z",
                                          "finishedAt": "2026-12-02T00:00:01Z"}}) + "\n" + scans.one_result_line() + "\n"
    assert requests.put(url, data=forged.encode(), timeout=30).status_code == 200
    # Reused: the URL is spent.
    again = requests.put(url, data=forged.encode(), timeout=30)
    assert again.status_code == 403 and b"already received" in again.content

    reply = scans.wait_scan(server, admin, scan["ScanId"])
    nodes = {n["NodeId"]: n for n in reply["Nodes"]}
    assert nodes[victim.node_id]["State"] == "Malformed"
    assert f"claims node {other.node_id} of {world['management']} but was uploaded for {victim.node_id}" in nodes[victim.node_id]["Reason"]
    assert nodes[other.node_id]["State"] == "Scanned"
    assert reply["Scan"]["Status"] == "CompletedWithErrors"
    reasons = " | ".join(r["Reason"] for r in reply["Scan"]["RefusedUploads"])
    assert "SignatureDoesNotMatch" in reasons and "already received" in reasons and "Malformed result" in reasons


def test_bad_scan_requests_are_refused_and_change_nothing(world):
    server, admin = world["server"], world["admin"]
    before = scans.call(server, admin, "ListScans")["Scans"]
    cases = [
        ({}, "Targets"),
        ({"Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "AccountIds": ["12345"]}, "AccountIds[0]"),
        ({"Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "AccountIds": [world["member"]]}, "RoleName"),
        ({"Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "WindowSeconds": 5}, "WindowSeconds"),
        ({"Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "BundleSha256": "0" * 64}, "BundleSha256"),
        ({"Targets": [{"Key": "InstanceIds", "Values": ["*"]}], "MaxConcurrency": "lots"}, "MaxConcurrency"),
    ]
    for body, field in cases:
        with pytest.raises(scans.PortlessError) as info:
            scans.call(server, admin, "StartScan", body)
        assert info.value.status == 400 and field.lower() in info.value.message.lower(), (body, info.value.message)
    with pytest.raises(scans.PortlessError) as info:
        scans.call(server, admin, "GetScan", {"ScanId": "scan-0123456789abcdef0"})
    assert "does not exist" in info.value.message
    with pytest.raises(scans.PortlessError) as info:
        scans.call(server, admin, "PutScanBundle", {"Archive": "bm90IGEgdGFyYmFsbA=="})
    assert info.value.code == "ValidationException" and "Archive" in info.value.message
    assert scans.call(server, admin, "ListScans")["Scans"] == before


def test_associations_scan_on_schedule_and_every_new_node(world, tmp_path):
    server, admin = world["server"], world["admin"]
    env = scans.cli_env(server, admin)
    made = pf.aws(server, "ssm", "create-association", "--name", "Portless-KISAUnixScan", "--association-name", "new-servers",
                  "--targets", "Key=tag:scan,Values=yes", env_extra=env).json["AssociationDescription"]
    nightly = pf.aws(server, "ssm", "create-association", "--name", "Portless-KISAUnixScan", "--association-name", "every-few-seconds",
                     "--targets", f"Key=InstanceIds,Values={world['agents']['hardened'].node_id}",
                     "--schedule-expression", "rate(4 seconds)", env_extra=env).json["AssociationDescription"]

    # A new server registered with the tag is scanned by the first association, on that node only.
    ssm = client(server, "ssm", admin)
    activation = ssm.create_activation(IamRole="PortlessNodeRole", RegistrationLimit=1, Tags=[{"Key": "scan", "Value": "yes"}])
    agent = scans.spawn_scanning_agent(server, tmp_path / "agent-new", activation, world["trees"]["hardened"])
    try:
        def scans_of(association_id):
            return [s for s in scans.call(server, admin, "ListScans")["Scans"] if s.get("AssociationId") == association_id]
        # (Its first run, at creation, found no node: a scan of nothing.)
        def finished_with_nodes():
            return [s for s in scans_of(made["AssociationId"]) if s["Status"] != "InProgress" and sum(s["NodeCounts"].values())]
        scan = pf.wait_until(finished_with_nodes, timeout=90, desc="the new node's scan")[0]
        nodes = scans.call(server, admin, "GetScan", {"ScanId": scan["ScanId"], "IncludeNodes": True})["Nodes"]
        assert [n["NodeId"] for n in nodes] == [agent.node_id] and nodes[0]["State"] == "Scanned"
        executions = pf.wait_until(lambda: [e for e in pf.aws(server, "ssm", "describe-association-executions", "--association-id",
                                                               made["AssociationId"], env_extra=env).json["AssociationExecutions"]
                                            if e["Status"] == "Success"], timeout=30, desc="a successful execution")
        targets = pf.aws(server, "ssm", "describe-association-execution-targets", "--association-id", made["AssociationId"],
                         "--execution-id", executions[0]["ExecutionId"], env_extra=env).json["AssociationExecutionTargets"]
        assert [t["ResourceId"] for t in targets] == [agent.node_id]
        assert targets[0]["OutputSource"]["OutputSourceType"] == "PortlessScan"

        # The scheduled one fires again and again.
        pf.wait_until(lambda: len([s for s in scans_of(nightly["AssociationId"]) if s["Status"] == "Success"]) >= 2, timeout=90,
                      desc="two scheduled scans")
    finally:
        agent.stop()
        for association in (made, nightly):
            pf.aws(server, "ssm", "delete-association", "--association-id", association["AssociationId"], env_extra=env)


def test_a_node_refuses_a_bundle_whose_digest_does_not_match(world, tmp_path):
    """The scan document run by hand with one bundle's URL and another's SHA-256: the node does not run it."""
    server, admin = world["server"], world["admin"]
    root = {"AccessKeyId": server.access_key, "SecretAccessKey": server.secret_key}
    bundles = scans.call(server, root, "ListScanBundles")["Bundles"]
    while len(bundles) < 2:
        directory = tmp_path / f"bundle-{len(bundles)}"
        directory.mkdir()
        scans.portless(server, root, "scan", "bundle", "push", str(scans.slow_bundle(directory, len(bundles) + 1)))
        bundles = scans.call(server, root, "ListScanBundles")["Bundles"]
    served, claimed = bundles[0]["Sha256"], bundles[1]["Sha256"]
    bucket = f"portless-scans-{world['management']}"
    s3 = client(server, "s3", root)
    url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": f"bundles/{served}.tar.gz"}, ExpiresIn=600)
    ssm = client(server, "ssm", root)
    node = world["agents"]["hardened"].node_id
    command = ssm.send_command(DocumentName="Portless-KISAUnixScan", InstanceIds=[node], Parameters={
        "bundleUrl": [url], "bundleSha256": [claimed], "scanId": ["scan-0123456789abcdef0"], "accountId": [world["management"]],
        "workingDirectory": ["/var/tmp/portless-scan/scan-0123456789abcdef0"]})["Command"]
    invocation = pf.wait_until(lambda: next((i for i in ssm.list_command_invocations(CommandId=command["CommandId"], Details=True)
                                             ["CommandInvocations"] if i["Status"] not in ("Pending", "InProgress")), None),
                               timeout=60, desc="the invocation to end")
    assert invocation["Status"] == "Failed"
    download = next(p for p in invocation["CommandPlugins"] if p["Name"] == "DownloadBundle")
    assert f"does not match {claimed}: refusing to run it" in download["Output"]
    # The rest of the document does not run (onFailure: exit): Run Command reports those steps as skipped.
    assert {p["Name"]: p["StatusDetails"] for p in invocation["CommandPlugins"]} == {
        "DownloadBundle": "Failed", "RunChecks": "Skipped", "UploadResult": "Skipped"}

    # And a URL of anywhere but this server's scan buckets is refused before anything is sent.
    code, message = pf.refused(lambda: ssm.send_command(DocumentName="Portless-KISAUnixScan", InstanceIds=[node], Parameters={
        "bundleUrl": ["https://example.com/bundle.tar.gz"], "bundleSha256": [claimed]}))
    assert code == "InvalidParameters" and "bundleUrl" in message
