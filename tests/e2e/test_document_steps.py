"""Command documents run by real agents: a fleet-diagnostics document (download, run, upload),
preconditions, control flow, exit codes, nested documents, ENV_VAR parameters and hashes."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from pathlib import Path

import pytest
from botocore.exceptions import ClientError

import portless_fixtures as pf

CHECK_SCRIPT = """#!/bin/sh
echo "check-ok node=$AWS_SSM_INSTANCE_ID"
echo "kernel=$(uname -s)"
"""


class _Bundles(http.server.BaseHTTPRequestHandler):
    uploads: dict[str, bytes] = {}

    def do_GET(self):
        if self.path == "/bundles/check.sh":
            body = CHECK_SCRIPT.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def do_PUT(self):
        length = int(self.headers.get("Content-Length", "0"))
        _Bundles.uploads[self.path] = self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def bundle_server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Bundles)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _create(client, name: str, document: dict, fmt: str = "JSON") -> dict:
    return client.create_document(Name=name, Content=json.dumps(document), DocumentType="Command",
                                  DocumentFormat=fmt)["DocumentDescription"]


def _run(client, ids, name: str, parameters: dict | None = None, **kw) -> tuple[str, dict[str, dict]]:
    args = {"DocumentName": name, "InstanceIds": ids, **kw}
    if parameters is not None:
        args["Parameters"] = parameters
    cid = client.send_command(**args)["Command"]["CommandId"]
    pf.wait_command(client, cid, timeout=90)
    return cid, pf.invocations(client, cid, details=True)


def _shell(name: str, lines: list[str], **inputs) -> dict:
    return {"action": "aws:runShellScript", "name": name, "inputs": {"runCommand": lines, **inputs}}


DIAGNOSTICS = {
    "schemaVersion": "2.2",
    "description": "Fleet diagnostics: fetch the check bundle, run it, upload the result.",
    "parameters": {
        "bundleUrl": {"type": "String", "allowedPattern": r"^http://127\.0\.0\.1:[0-9]+/bundles/[a-z0-9-]+\.sh$"},
        "uploadUrl": {"type": "String", "allowedPattern": r"^http://127\.0\.0\.1:[0-9]+/upload/[a-z0-9-]+$",
                      "interpolationType": "ENV_VAR"},
    },
    "mainSteps": [
        {"action": "aws:downloadContent", "name": "fetchBundle",
         "inputs": {"sourceType": "HTTP", "sourceInfo": "{\"url\": \"{{ bundleUrl }}\"}", "destinationPath": "bundle/"}},
        _shell("runChecks", ["sh bundle/check.sh > result.txt", "cat result.txt"], onFailure="exit"),
        _shell("uploadResult", ['curl -sf -X PUT -T result.txt "$SSM_uploadUrl/$AWS_SSM_INSTANCE_ID" && echo uploaded']),
    ],
}


def test_fleet_diagnostics_document_downloads_runs_and_uploads(pair, bundle_server):
    _, client, ids = pair
    _create(client, "FleetDiagnostics", DIAGNOSTICS)
    cid, invs = _run(client, ids, "FleetDiagnostics", {
        "bundleUrl": [f"{bundle_server}/bundles/check.sh"], "uploadUrl": [f"{bundle_server}/upload/results"]})
    for node in ids:
        inv = invs[node]
        assert inv["Status"] == "Success", inv
        plugins = {p["Name"]: p for p in inv["CommandPlugins"]}
        assert list(plugins) == ["fetchBundle", "runChecks", "uploadResult"]
        assert all(p["Status"] == "Success" and p["ResponseCode"] == 0 for p in plugins.values()), plugins
        assert "Content downloaded to" in plugins["fetchBundle"]["Output"]
        assert f"check-ok node={node}" in plugins["runChecks"]["Output"]
        assert plugins["runChecks"]["ResponseStartDateTime"] <= plugins["runChecks"]["ResponseFinishDateTime"]
        uploaded = _Bundles.uploads[f"/upload/results/{node}"].decode()
        assert f"check-ok node={node}" in uploaded and "kernel=Linux" in uploaded


@pytest.mark.parametrize("url", [
    "http://example.invalid:80/bundles/check.sh",        # another host (refused before any traffic)
    "http://127.0.0.1:80/bundles/check.sh; rm -rf /",   # shell text
    "http://127.0.0.1:80/bundles/check.sh\n",           # trailing newline
    "file:///etc/passwd",
])
def test_a_bundle_url_outside_allowed_pattern_is_refused_and_nothing_sent(pair, bundle_server, url):
    _, client, ids = pair
    before = len(pf.all_commands(client))
    with pytest.raises(ClientError) as err:
        client.send_command(DocumentName="FleetDiagnostics", InstanceIds=ids, Parameters={
            "bundleUrl": [url], "uploadUrl": [f"{bundle_server}/upload/results"]})
    assert err.value.response["Error"]["Code"] == "InvalidParameters"
    assert "bundleUrl" in err.value.response["Error"]["Message"]
    assert len(pf.all_commands(client)) == before


def test_preconditions_skip_steps(pair):
    _, client, ids = pair
    _create(client, "Preconditions", {
        "schemaVersion": "2.2",
        "parameters": {"mode": {"type": "String", "default": "fast", "allowedValues": ["fast", "slow"]}},
        "mainSteps": [
            {**_shell("onWindows", ["echo windows"]), "precondition": {"StringEquals": ["platformType", "Windows"]}},
            {**_shell("onLinux", ["echo linux"]), "precondition": {"StringEquals": ["platformType", "Linux"]}},
            {**_shell("whenSlow", ["echo slow"]), "precondition": {"StringEquals": ["{{ mode }}", "slow"]}},
        ],
    })
    _, invs = _run(client, ids[:1], "Preconditions")
    inv = invs[ids[0]]
    plugins = {p["Name"]: p for p in inv["CommandPlugins"]}
    assert inv["Status"] == "Success"
    assert plugins["onWindows"]["StatusDetails"] == "Skipped" and plugins["whenSlow"]["StatusDetails"] == "Skipped"
    assert plugins["onLinux"]["Output"].strip() == "linux"


def test_control_flow_on_failure_exit_and_finally_step(pair):
    _, client, ids = pair
    _create(client, "ControlFlow", {"schemaVersion": "2.2", "mainSteps": [
        _shell("fails", ["echo first", "exit 3"], onFailure="exit"),
        _shell("neverRuns", ["echo should-not-run"]),
        _shell("cleanup", ["echo cleaned"], finallyStep=True),
    ]})
    _, invs = _run(client, ids[:1], "ControlFlow")
    inv = invs[ids[0]]
    plugins = {p["Name"]: p for p in inv["CommandPlugins"]}
    assert inv["Status"] == "Failed"
    assert plugins["fails"]["ResponseCode"] == 3 and plugins["fails"]["Status"] == "Failed"
    assert plugins["neverRuns"]["StatusDetails"] == "Skipped" and "should-not-run" not in plugins["neverRuns"]["Output"]
    assert plugins["cleanup"]["Status"] == "Success" and "cleaned" in plugins["cleanup"]["Output"]


def test_success_and_exit_and_on_success_exit(pair):
    _, client, ids = pair
    _create(client, "SuccessAndExit", {"schemaVersion": "2.2", "mainSteps": [
        _shell("fails", ["exit 5"], onFailure="successAndExit"),
        _shell("skipped", ["echo nope"]),
    ]})
    _, invs = _run(client, ids[:1], "SuccessAndExit")
    inv = invs[ids[0]]
    assert inv["Status"] == "Success", inv
    assert [p["StatusDetails"] for p in inv["CommandPlugins"]] == ["Success", "Skipped"]
    _create(client, "OnSuccessExit", {"schemaVersion": "2.2", "mainSteps": [
        _shell("done", ["echo done"], onSuccess="exit"), _shell("skipped", ["echo nope"])]})
    _, invs = _run(client, ids[:1], "OnSuccessExit")
    assert [p["StatusDetails"] for p in invs[ids[0]]["CommandPlugins"]] == ["Success", "Skipped"]


@pytest.mark.parametrize("code,status,second", [(168, "Success", "Skipped"), (169, "Failed", "Skipped"), (0, "Success", "Success")])
def test_exit_codes_168_and_169_skip_the_rest(pair, code, status, second):
    _, client, ids = pair
    name = f"ExitCode{code}"
    _create(client, name, {"schemaVersion": "2.2", "mainSteps": [_shell("first", [f"exit {code}"]), _shell("second", ["echo second"])]})
    _, invs = _run(client, ids[:1], name)
    inv = invs[ids[0]]
    assert inv["Status"] == status, inv
    assert inv["CommandPlugins"][1]["StatusDetails"] == second


def test_exit_code_194_reboot_is_reported_as_not_supported(pair):
    _, client, ids = pair
    _create(client, "WantsReboot", {"schemaVersion": "2.2", "mainSteps": [_shell("reboot", ["exit 194"])]})
    _, invs = _run(client, ids[:1], "WantsReboot")
    inv = invs[ids[0]]
    assert inv["Status"] == "Failed"
    assert "194" in inv["CommandPlugins"][0]["StatusDetails"] and "not supported" in inv["CommandPlugins"][0]["StatusDetails"]


def test_step_timeout_kills_the_process_group(pair, tmp_path):
    _, client, ids = pair
    pidfile = tmp_path / "pid"
    _create(client, "SlowStep", {"schemaVersion": "2.2", "mainSteps": [
        _shell("slow", [f"sleep 120 & echo $! > {pidfile}", "wait"], timeoutSeconds="5")]})
    _, invs = _run(client, ids[:1], "SlowStep")
    inv = invs[ids[0]]
    assert inv["Status"] == "TimedOut" and inv["StatusDetails"] == "Execution Timed Out", inv
    assert not pf.pid_alive(int(pidfile.read_text()))


def test_env_var_parameters_never_become_shell_text(pair, tmp_path):
    _, client, ids = pair
    canary = tmp_path / "injected"
    _create(client, "EnvOnly", {"schemaVersion": "2.2",
        "parameters": {"message": {"type": "String", "interpolationType": "ENV_VAR"}},
        "mainSteps": [_shell("say", ['echo "got: {{ message }}"', 'echo "env: $SSM_message"'])]})
    hostile = f"$(touch {canary}); `touch {canary}`"
    _, invs = _run(client, ids[:1], "EnvOnly", {"message": [hostile]})
    out = invs[ids[0]]["CommandPlugins"][0]["Output"]
    assert f"got: {hostile}" in out and f"env: {hostile}" in out, out
    assert not canary.exists()


def test_run_document_runs_a_nested_document_with_its_parameters(pair):
    _, client, ids = pair
    _create(client, "Greeter", {"schemaVersion": "2.2",
        "parameters": {"who": {"type": "String", "allowedPattern": "^[a-z]+$"}},
        "mainSteps": [_shell("greet", ["echo hello-{{ who }}"])]})
    _create(client, "Outer", {"schemaVersion": "2.2", "mainSteps": [
        {"action": "aws:runDocument", "name": "nested",
         "inputs": {"documentType": "SSMDocument", "documentPath": "Greeter", "documentParameters": {"who": "fleet"}}},
        _shell("after", ["echo after"])]})
    _, invs = _run(client, ids[:1], "Outer")
    inv = invs[ids[0]]
    assert inv["Status"] == "Success", inv
    assert "hello-fleet" in inv["CommandPlugins"][0]["Output"]
    # Nested parameters are checked at SendCommand, like the command's own.
    _create(client, "OuterBad", {"schemaVersion": "2.2", "mainSteps": [
        {"action": "aws:runDocument", "name": "nested",
         "inputs": {"documentType": "SSMDocument", "documentPath": "Greeter", "documentParameters": {"who": "Not Allowed!"}}}]})
    before = len(pf.all_commands(client))
    with pytest.raises(ClientError) as err:
        client.send_command(DocumentName="OuterBad", InstanceIds=ids[:1])
    assert err.value.response["Error"]["Code"] == "InvalidParameters"
    assert len(pf.all_commands(client)) == before


def test_document_hash_is_checked(pair):
    _, client, ids = pair
    description = client.describe_document(Name="Greeter")["Document"]
    cid = client.send_command(DocumentName="Greeter", InstanceIds=ids[:1], Parameters={"who": ["x"]},
                              DocumentHash=description["Hash"], DocumentHashType="Sha256")["Command"]["CommandId"]
    assert pf.wait_command(client, cid)["Status"] == "Success"
    before = len(pf.all_commands(client))
    with pytest.raises(ClientError) as err:
        client.send_command(DocumentName="Greeter", InstanceIds=ids[:1], Parameters={"who": ["x"]},
                            DocumentHash=hashlib.sha256(b"other").hexdigest(), DocumentHashType="Sha256")
    assert err.value.response["Error"]["Code"] == "InvalidDocument"
    assert "DocumentHash" in err.value.response["Error"]["Message"]
    assert len(pf.all_commands(client)) == before


def test_a_reference_to_a_missing_parameter_is_refused(pair):
    # Resolution itself is shown in test_parameter_refs.py.
    _, client, ids = pair
    before = len(pf.all_commands(client))
    with pytest.raises(ClientError) as err:
        client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=ids[:1],
                            Parameters={"commands": ["echo {{ssm:/fleet/secret}}"]})
    assert err.value.response["Error"]["Code"] == "InvalidParameters"
    assert len(pf.all_commands(client)) == before


def test_download_content_from_the_object_store_needs_no_credentials_on_the_node(pair):
    server, client, ids = pair
    import boto3
    from botocore.config import Config
    ak, sk = server.credentials()
    s3 = boto3.session.Session(aws_access_key_id=ak, aws_secret_access_key=sk, region_name=server.region).client(
        "s3", endpoint_url=server.url, config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"))
    s3.create_bucket(Bucket="bundles")
    s3.put_object(Bucket="bundles", Key="v1/check.sh", Body=CHECK_SCRIPT.encode())
    _create(client, "FromObjectStore", {"schemaVersion": "2.2", "mainSteps": [
        {"action": "aws:downloadContent", "name": "fetch",
         "inputs": {"sourceType": "S3", "sourceInfo": {"path": "s3://bundles/v1/check.sh"}, "destinationPath": "bundle/"}},
        _shell("run", ["sh bundle/check.sh"])]})
    _, invs = _run(client, ids[:1], "FromObjectStore")
    inv = invs[ids[0]]
    assert inv["Status"] == "Success", inv
    assert f"check-ok node={ids[0]}" in inv["CommandPlugins"][1]["Output"]
    _create(client, "MissingObject", {"schemaVersion": "2.2", "mainSteps": [
        {"action": "aws:downloadContent", "name": "fetch",
         "inputs": {"sourceType": "S3", "sourceInfo": {"path": "s3://bundles/v1/nope.sh"}}}]})
    before = len(pf.all_commands(client))
    with pytest.raises(ClientError) as err:
        client.send_command(DocumentName="MissingObject", InstanceIds=ids[:1])
    assert err.value.response["Error"]["Code"] == "InvalidParameters"
    assert "sourceInfo" in err.value.response["Error"]["Message"]
    assert len(pf.all_commands(client)) == before
