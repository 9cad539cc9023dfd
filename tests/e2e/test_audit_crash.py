"""A kill -9 in the middle of a burst of concurrent calls loses no record of a call that got a reply: each
record is written before its reply is sent. After the restart the chain continues and verifies."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import boto3
from botocore.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402


def client(server: pf.Server, service: str):
    session = boto3.session.Session(aws_access_key_id=server.access_key, aws_secret_access_key=server.secret_key, region_name=server.region)
    return session.client(service, endpoint_url=server.url,
                          config=Config(retries={"mode": "standard", "total_max_attempts": 1}, connect_timeout=2, read_timeout=5))


def recorded_request_ids(data_dir: Path) -> set[str]:
    ids = set()
    for path in (data_dir / "audit" / "records").glob("*.ndjson"):
        for line in path.read_text().splitlines():
            try:
                ids.add(json.loads(json.loads(line)["record"])["requestID"])
            except (ValueError, KeyError):
                pass  # a last line cut short by the kill: that call was never answered
    return ids


def test_kill9_during_a_burst_loses_no_record_of_an_answered_call(portless_bin, tmp_path):
    server = pf.start_server(tmp_path / "data", name="audit-crash", env={"PORTLESS_AUDIT_DIGEST_INTERVAL": "1"})
    answered: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def burst(worker: int) -> None:
        ssm, iam = client(server, "ssm"), client(server, "iam")
        n = 0
        while not stop.is_set():
            try:
                reply = iam.create_user(UserName=f"burst-{worker}-{n}") if n % 2 else ssm.list_documents(MaxResults=1)
            except Exception:  # noqa: BLE001 - refused connections once the server is gone
                time.sleep(0.05)
                continue
            finally:
                n += 1
            with lock:
                answered.append(reply["ResponseMetadata"]["RequestId"])

    threads = [threading.Thread(target=burst, args=(i,), daemon=True) for i in range(8)]
    for thread in threads:
        thread.start()
    deadline = time.time() + 60
    while len(answered) < 150 and time.time() < deadline:
        time.sleep(0.05)
    server.process.send_signal(signal.SIGKILL)
    assert server.process.wait_exit(10) == -signal.SIGKILL
    time.sleep(1)
    stop.set()
    for thread in threads:
        thread.join(10)

    with lock:
        replies = list(answered)
    assert len(replies) >= 150, f"only {len(replies)} calls answered before the kill"
    recorded = recorded_request_ids(server.data_dir)
    missing = [request for request in replies if request not in recorded]
    assert not missing, f"{len(missing)} of {len(replies)} answered calls have no record, e.g. {missing[:3]}"

    # The restarted server continues the chain; once it has sealed at shutdown, everything verifies.
    server.restart()
    client(server, "ssm").list_documents(MaxResults=1)
    assert server.stop() == 0
    result = subprocess.run([pf.PORTLESS_BIN, "audit", "verify", "--data-dir", str(server.data_dir)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "audit log intact" in result.stdout
