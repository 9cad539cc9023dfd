"""`portless quickstart`: server + in-process agent + a sample command, then the aws CLI works."""

from __future__ import annotations

import configparser
import json
import re
import shlex
import signal
import socket
import subprocess
from pathlib import Path

import portless_fixtures as pf

EXPORT_RE = re.compile(r"^\s*export\s+([A-Z_]+)=(.*)$")
URL_RE = re.compile(r"http://127\.0\.0\.1:\d+")


def _exports(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        m = EXPORT_RE.match(line)
        if m:
            val = m.group(2).strip()
            try:
                parts = shlex.split(val)
                val = parts[0] if parts else ""
            except ValueError:
                val = val.strip("'\"")
            out[m.group(1)] = val
    return out


def test_quickstart(portless_bin, tmp_path):
    data = tmp_path / "qs"
    proc = pf.ManagedProcess(
        "quickstart",
        [pf.PORTLESS_BIN, "quickstart", "--data-dir", str(data), "--listen", "127.0.0.1:0"],
        env=pf.isolated_env(),
    )
    try:
        proc.wait_for_line(r"^\s*export AWS_SHARED_CREDENTIALS_FILE=", timeout=120, stream="stdout")
        proc.wait_for_line(r"^\s*export AWS_DEFAULT_REGION=", timeout=30, stream="stdout")
        text = proc.stdout_text()
        # It scanned this node against the KISA Unix checks, printed the summary and wrote the report.
        summary = re.search(r"^\s+\S+ \(mi-[0-9a-f]{17}\): Scanned — (\d+) PASS, (\d+) FAIL, (\d+) NA, (\d+) MANUAL, (\d+) ERROR$", text, re.M)
        assert summary and sum(map(int, summary.groups())) == 72, text
        report = re.search(r"^Scan report: (\S+\.html)$", text, re.M)
        assert report and "<svg" in Path(report.group(1)).read_text(), text
        exports = _exports(text)
        urls = URL_RE.findall(text)
        assert urls, f"no endpoint URL printed:\n{text}"
        url = urls[-1]
        creds_file = exports["AWS_SHARED_CREDENTIALS_FILE"]
        region = exports["AWS_DEFAULT_REGION"]
        assert region == "us-east-1"

        cp = configparser.ConfigParser()
        assert cp.read(creds_file), f"{creds_file} unreadable"
        secret = cp["default"]["aws_secret_access_key"].strip()
        assert secret not in proc.output(), "quickstart printed the secret key"

        empty_cfg = tmp_path / "aws-config"
        empty_cfg.write_text("")
        env = pf.isolated_env({
            "AWS_SHARED_CREDENTIALS_FILE": creds_file,
            "AWS_DEFAULT_REGION": region,
            "AWS_CONFIG_FILE": str(empty_cfg),
        })

        def aws(*args):
            r = subprocess.run(["aws", *args, "--endpoint-url", url, "--output", "json"], env=env,
                               capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
            assert r.returncode == 0, f"aws {args} failed:\n{r.stdout}\n{r.stderr}"
            return json.loads(r.stdout)

        nodes = aws("ssm", "describe-instance-information")["InstanceInformationList"]
        assert len(nodes) >= 1, nodes
        assert any(n["PingStatus"] == "Online" and n["ResourceType"] == "ManagedInstance" for n in nodes), nodes
        node_ids = {n["InstanceId"] for n in nodes}
        for nid in node_ids:
            assert re.fullmatch(r"mi-[0-9a-f]{17}", nid)

        # The sample command ran through the API, and its output was printed.
        cmds = aws("ssm", "list-commands")["Commands"]
        assert cmds, "quickstart ran no command through the API"
        sample = min(cmds, key=lambda c: str(c["RequestedDateTime"]))
        assert sample["Status"] == "Success", sample
        invs = aws("ssm", "list-command-invocations", "--command-id", sample["CommandId"])["CommandInvocations"]
        assert invs and invs[0]["InstanceId"] in node_ids
        inv = aws("ssm", "get-command-invocation", "--command-id", sample["CommandId"],
                  "--instance-id", invs[0]["InstanceId"])
        first_line = next((l for l in inv["StandardOutputContent"].splitlines() if l.strip()), "")
        assert first_line, f"sample command printed nothing: {inv}"
        assert first_line.strip() in text, f"quickstart did not print the sample output {first_line!r}"

        # The printed hint works when pasted into a new terminal with only the printed exports.
        hint = next((l.strip() for l in text.splitlines() if l.strip().endswith("run --all -- 'uptime'")), None)
        assert hint, f"no portless run hint printed:\n{text}"
        exports_text = "\n".join(l.strip() for l in text.splitlines() if EXPORT_RE.match(l))
        pasted = subprocess.run(["bash", "-c", exports_text + "\n" + hint], env=pf.isolated_env({"AWS_CONFIG_FILE": str(empty_cfg)}),
                                capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=tmp_path)
        assert pasted.returncode == 0, f"{hint!r} failed:\n{pasted.stdout}\n{pasted.stderr}"
        assert "load average" in pasted.stdout, pasted.stdout

        # It keeps serving: a new command runs on the in-process agent.
        nid = invs[0]["InstanceId"]
        client = pf.Server(data, 0, url, Path(creds_file), proc, region=region).client()
        _, res = pf.run_and_wait(client, [nid], ["echo quick-$((2*21))"])
        assert res[nid]["StandardOutputContent"] == "quick-42\n"

        # SIGINT: it stops cleanly and the port is closed.
        port = int(url.rsplit(":", 1)[1])
        proc.send_signal(signal.SIGINT)
        rc = proc.wait_exit(30)
        assert rc in (0, 130), f"quickstart exited {rc} on SIGINT:\n{proc.dump()}"
        with socket.socket() as s:
            s.settimeout(1)
            assert s.connect_ex(("127.0.0.1", port)) != 0, "still listening after SIGINT"
        assert secret not in proc.output()
    finally:
        proc.kill_hard()
