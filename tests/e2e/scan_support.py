"""Helpers for the scan tests: signed Portless.* calls, agents that scan a fixture tree, reading a node's
own presigned upload URL the way a compromised node could (from its agent's journal)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checks"))

import portless_fixtures as pf  # noqa: E402
from tree import BUNDLE, run_bundle  # noqa: E402


class PortlessError(Exception):
    def __init__(self, status: int, body: dict):
        super().__init__(f"{status} {body}")
        self.status = status
        self.code = body.get("__type", "")
        self.message = body.get("message", body.get("Message", ""))


def call(server: pf.Server, creds: dict, operation: str, body: dict | None = None) -> dict:
    """One signed `Portless.<operation>` call (JSON 1.1, signed as ssm)."""
    payload = json.dumps(body or {})
    request = AWSRequest(method="POST", url=server.url + "/", data=payload, headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": f"Portless.{operation}"})
    SigV4Auth(Credentials(creds["AccessKeyId"], creds["SecretAccessKey"], creds.get("SessionToken")), "ssm", server.region).add_auth(request)
    reply = requests.post(server.url + "/", data=payload, headers=dict(request.headers), timeout=60)
    data = reply.json() if reply.content else {}
    if reply.status_code != 200:
        raise PortlessError(reply.status_code, data)
    return data


def cli_env(server: pf.Server, creds: dict) -> dict:
    env = pf.isolated_env({"AWS_ACCESS_KEY_ID": creds["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": creds["SecretAccessKey"],
                           "AWS_DEFAULT_REGION": server.region, "PORTLESS_ENDPOINT": server.url})
    if creds.get("SessionToken"):
        env["AWS_SESSION_TOKEN"] = creds["SessionToken"]
    return env


def portless(server: pf.Server, creds: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([pf.PORTLESS_BIN, *args], env=cli_env(server, creds), capture_output=True, text=True, timeout=timeout)


def spawn_scanning_agent(server: pf.Server, state_dir: Path, activation: dict, scan_root: Path) -> pf.Agent:
    """An agent whose scans read `scan_root` instead of / (PORTLESS_SCAN_ROOT)."""
    state_dir = Path(state_dir)
    state_dir.parent.mkdir(parents=True, exist_ok=True)
    argv = [pf.PORTLESS_BIN, "agent", "--server", server.url, "--state-dir", str(state_dir),
            "--activation-id", activation["ActivationId"], "--activation-code", activation["ActivationCode"]]
    process = pf.ManagedProcess(f"agent-{state_dir.name}", argv, env=pf.isolated_env({"PORTLESS_SCAN_ROOT": str(scan_root)}))
    agent = pf.Agent(server=server, state_dir=state_dir, process=process)
    agent.wait_registered()
    agent.wait_connected()
    return agent


def wait_scan(server: pf.Server, creds: dict, scan_id: str, timeout: float = 180, done=lambda scan: scan["Status"] != "InProgress") -> dict:
    deadline = time.monotonic() + timeout
    while True:
        reply = call(server, creds, "GetScan", {"ScanId": scan_id, "IncludeNodes": True})
        if done(reply["Scan"]):
            return reply
        if time.monotonic() > deadline:
            raise AssertionError(f"scan {scan_id} did not finish: {reply}")
        time.sleep(0.5)


def own_upload_url(agent: pf.Agent, scan_id: str, timeout: float = 60) -> str:
    """The presigned URL the server gave this node for the scan, read from the agent's journal."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for entry in (agent.state_dir / "journal").glob("*.json"):
            order = json.loads(entry.read_text()).get("order", {})
            environment = order.get("environment", {})
            if environment.get("SSM_scanId") == scan_id and environment.get("SSM_uploadUrl"):
                return environment["SSM_uploadUrl"]
        time.sleep(0.2)
    raise AssertionError(f"no upload URL for {scan_id} in {agent.state_dir}")


def one_result_line() -> str:
    """One check's result line, as the bundle prints it."""
    return subprocess.run(["sh", str(BUNDLE / "checks" / "U-07.sh"), "/"], capture_output=True, text=True, check=True).stdout.strip()


def local_counts(root: Path) -> dict:
    """Each status's count when the bundle runs here on `root` (what the node's scan must report)."""
    counts = {status: 0 for status in ("PASS", "FAIL", "NA", "MANUAL", "ERROR")}
    for result in run_bundle(root):
        counts[result["status"]] += 1
    return counts


def slow_bundle(tmp: Path, seconds: int) -> Path:
    """A copy of the bundle whose first check sleeps, so a test can act while a node's scan runs."""
    import shutil
    copy = tmp / "slow-bundle"
    shutil.copytree(BUNDLE, copy)
    check = copy / "checks" / "U-01.sh"
    check.write_text(check.read_text().replace('check_begin "$@"', f'check_begin "$@"\nsleep {seconds}', 1))
    return copy
