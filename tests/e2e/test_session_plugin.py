"""Session Manager through AWS's own client: the real `aws ssm start-session` with the session-manager-plugin built
from AWS's public source (../shared/tools), against the real server and agent. Shells, interactive and
non-interactive commands, port forwarding to the node and to another host, `ssh`/`scp` through AWS-StartSSHSession
to a real sshd on loopback, recording, command-line events, policy refusals, termination by an admin, and bad
frames on the data channel.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pexpect
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import portless_fixtures as pf  # noqa: E402
from ws_probe import Probe  # noqa: E402
import data_channel as dc  # noqa: E402

TOOLS = next((p for p in (pf.REPO_ROOT.parent / "shared" / "tools", Path("/work/shared/tools"))
              if (p / "session-manager-plugin").exists()), None)
SESSION_RE = re.compile(r"Starting session with SessionId: (\S+)")


def policy(*statements: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


@pytest.fixture(scope="module")
def world(portless_bin, tmp_path_factory):
    if TOOLS is None:
        pytest.fail("session-manager-plugin not found next to the repository (../shared/tools)")
    base = tmp_path_factory.mktemp("sessions")
    server = pf.start_server(base / "data", name="session-server")
    agent = pf.spawn_agent(server, base / "agent", pf.create_activation(server))
    node = agent.wait_connected()
    yield {"server": server, "node": node, "base": base, "agent": agent}
    agent.stop()
    server.process.kill_hard()


def plugin_env(server: pf.Server, keys: dict | None = None) -> dict:
    extra = {"PATH": f"{TOOLS}:{os.environ['PATH']}", "TMPDIR": str(server.data_dir.parent)}
    if keys:
        extra.update(AWS_ACCESS_KEY_ID=keys["AccessKeyId"], AWS_SECRET_ACCESS_KEY=keys["SecretAccessKey"])
        if keys.get("SessionToken"):
            extra["AWS_SESSION_TOKEN"] = keys["SessionToken"]
    env = server.client_env(extra)
    if keys:
        env["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    return env


def start_session(world, *args: str) -> pexpect.spawn:
    server = world["server"]
    child = pexpect.spawn("aws", ["ssm", "start-session", "--target", world["node"], "--endpoint-url", server.url, *args],
                          env=plugin_env(server), encoding="utf-8", timeout=30, dimensions=(24, 100))
    child.expect(SESSION_RE)
    child.session_id = child.match.group(1)
    return child


def session(server: pf.Server, session_id: str, state: str = "History") -> dict:
    found = server.client().describe_sessions(State=state, Filters=[{"key": "SessionId", "value": session_id}])["Sessions"]
    return found[0] if found else {}


def transcript(server: pf.Server, session_id: str) -> str:
    reply = pf.signed_request(server, "Portless.GetSessionTranscript", json.dumps({"SessionId": session_id}))
    assert reply.status_code == 200, reply.text
    return reply.json()["Transcript"]


def test_a_shell_through_the_plugin_is_recorded_and_its_command_lines_published(world):
    server = world["server"]
    account = server.client("sts").get_caller_identity()["Account"]
    group = "/portless/session-commands"
    events = server.client("events")
    events.put_rule(Name="watch-sudo", EventPattern=json.dumps({
        "source": ["aws.ssm"], "detail-type": ["Portless Session Command Line"],
        "detail": {"command-line": [{"wildcard": "*sudo su*"}]}}))
    events.put_targets(Rule="watch-sudo", Targets=[{"Id": "log", "Arn": f"arn:aws:logs:{server.region}:{account}:log-group:{group}"}])

    child = start_session(world)
    child.expect(r"[$#] ")
    child.sendline("echo $((6*7))-answer; id -un")
    child.expect("42-answer")
    child.expect("portless-user")
    child.sendline("echo 'sudo su - is only text here'")
    child.expect("is only text here")
    child.sendline("printf '\\xea\\xb0\\x80\\xeb\\x82\\x98\\n'")
    child.expect("가나")
    child.sendline("exit")
    child.expect(pexpect.EOF, timeout=20)
    assert f"Exiting session with sessionId: {child.session_id}" in child.before or "Exiting session" in child.before

    ended = pf.wait_until(lambda: session(server, child.session_id).get("Status") == "Terminated" and session(server, child.session_id),
                          timeout=20, desc="session in History")
    assert ended["Target"] == world["node"] and ended["DocumentName"] == "SSM-SessionManagerRunShell"
    assert ended["Owner"] == f"arn:aws:iam::{account}:root"
    cast = transcript(server, child.session_id).splitlines()
    header = json.loads(cast[0])
    assert header["version"] == 2 and header["width"] > 0
    events_ = [json.loads(line) for line in cast[1:]]
    output = "".join(e[2] for e in events_ if e[1] == "o")
    typed = "".join(e[2] for e in events_ if e[1] == "i")
    assert "42-answer" in output and "가나" in output
    assert "echo $((6*7))-answer" in typed
    assert all(b[0] >= a[0] for a, b in zip(events_, events_[1:]))

    logs = server.client("logs")
    found = pf.wait_until(lambda: logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]
                          and logs.filter_log_events(logGroupName=group)["events"], timeout=20, desc="command-line event delivered")
    detail = json.loads(found[0]["message"])["detail"]
    assert detail["command-line"] == "echo 'sudo su - is only text here'"
    assert detail["session-id"] == child.session_id and detail["run-as-user"] == "portless-user"


def test_transcripts_are_unreadable_on_disk(world):
    server = world["server"]
    child = start_session(world)
    child.expect(r"[$#] ")
    child.sendline("echo secret-$((1000+337))")
    child.expect("secret-1337")
    child.sendline("exit")
    child.expect(pexpect.EOF, timeout=20)
    assert "secret-1337" in transcript(server, child.session_id)
    stored = b"".join(p.read_bytes() for p in server.data_dir.rglob("*") if p.is_file())
    assert b"secret-1337" not in stored


def test_commands_through_the_plugin(world):
    server = world["server"]
    # The plugin ends a session when its stdin ends, so it gets a terminal here too.
    noninteractive = start_session(world, "--document-name", "AWS-StartNonInteractiveCommand",
                                   "--parameters", json.dumps({"command": ["echo out-1; echo err-2 >&2; exit 3"]}))
    noninteractive.expect(pexpect.EOF, timeout=30)
    assert "out-1" in noninteractive.before and "err-2" in noninteractive.before
    assert pf.wait_until(lambda: session(server, noninteractive.session_id).get("Status"), timeout=20) == "Terminated"

    child = start_session(world, "--document-name", "AWS-StartInteractiveCommand",
                          "--parameters", json.dumps({"command": ["read -r word; echo got-$word"]}))
    child.sendline("typed")
    child.expect("got-typed")
    child.expect(pexpect.EOF, timeout=20)


class _Files(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_files(directory: Path, host: str) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = lambda *a, **k: _Files(*a, directory=str(directory), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer((host, 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, httpd.server_address[1]


@pytest.mark.parametrize("document,host", [("AWS-StartPortForwardingSession", "127.0.0.1"),
                                           ("AWS-StartPortForwardingSessionToRemoteHost", "127.0.0.2")])
def test_port_forwarding_carries_parallel_connections(world, tmp_path, document, host):
    server = world["server"]
    payload = os.urandom(3 << 20)
    (tmp_path / "blob").write_bytes(payload)
    httpd, port = serve_files(tmp_path, host)
    local = pf.free_port()
    parameters = {"portNumber": [str(port)], "localPortNumber": [str(local)]}
    if host != "127.0.0.1":
        parameters["host"] = [host]
    child = start_session(world, "--document-name", document, "--parameters", json.dumps(parameters))
    try:
        child.expect(f"Port {local} opened for sessionId {child.session_id}")
        child.expect("Waiting for connections")

        def fetch(_):
            with urllib.request.urlopen(f"http://127.0.0.1:{local}/blob", timeout=60) as reply:
                return hashlib.sha256(reply.read()).hexdigest()

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            digests = list(pool.map(fetch, range(6)))
        assert digests == [hashlib.sha256(payload).hexdigest()] * 6
    finally:
        child.sendintr()
        child.expect(pexpect.EOF, timeout=20)
        httpd.shutdown()
    ended = pf.wait_until(lambda: session(server, child.session_id).get("Status") == "Terminated" and session(server, child.session_id),
                          timeout=30, desc="port session ended")
    assert ended["DocumentName"] == document


def start_sshd(base: Path) -> tuple[subprocess.Popen, int, Path]:
    """A real sshd on 127.0.0.1 only, accepting one key for root."""
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    if not Path(sshd).exists():
        pytest.fail("sshd is not installed (.ci/run installs openssh-server)")
    directory = base / "sshd"
    directory.mkdir()
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(directory / "host")], check=True)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(directory / "client")], check=True)
    (directory / "authorized_keys").write_text((directory / "client.pub").read_text())
    os.chmod(directory / "authorized_keys", 0o600)
    port = pf.free_port()
    config = directory / "sshd_config"
    config.write_text(f"Port {port}\nListenAddress 127.0.0.1\nHostKey {directory / 'host'}\nPidFile {directory / 'pid'}\n"
                      f"AuthorizedKeysFile {directory / 'authorized_keys'}\nPasswordAuthentication no\n"
                      "PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\nSubsystem sftp /usr/lib/openssh/sftp-server\n")
    Path("/run/sshd").mkdir(exist_ok=True)
    process = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    pf.wait_until(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() or True, timeout=10, desc="sshd listening")
    return process, port, directory / "client"


def test_ssh_and_scp_through_aws_start_ssh_session(world, tmp_path):
    server = world["server"]
    sshd, port, key = start_sshd(tmp_path)
    try:
        proxy = (f"aws ssm start-session --target %h --document-name AWS-StartSSHSession --parameters portNumber=%p "
                 f"--endpoint-url {server.url}")
        options = ["-o", f"ProxyCommand={proxy}", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                   "-o", "BatchMode=yes", "-i", str(key)]
        env = plugin_env(server)
        ran = subprocess.run(["ssh", *options, "-p", str(port), f"root@{world['node']}", "echo via-ssh-$((40+2))"],
                             env=env, capture_output=True, text=True, timeout=60)
        assert "via-ssh-42" in ran.stdout, ran.stderr
        blob = tmp_path / "upload.bin"
        blob.write_bytes(os.urandom(4 << 20))
        copied = subprocess.run(["scp", *options, "-P", str(port), str(blob), f"root@{world['node']}:{tmp_path}/copied.bin"],
                                env=env, capture_output=True, text=True, timeout=120)
        assert copied.returncode == 0, copied.stderr
        assert hashlib.sha256((tmp_path / "copied.bin").read_bytes()).digest() == hashlib.sha256(blob.read_bytes()).digest()
    finally:
        sshd.terminate()
        sshd.wait(10)


def test_an_admin_terminates_a_session(world):
    server = world["server"]
    child = start_session(world, "--reason", "change CHG-1")
    child.expect(r"[$#] ")
    assert session(server, child.session_id, "Active")["Reason"] == "change CHG-1"
    server.client().terminate_session(SessionId=child.session_id)
    child.expect(pexpect.EOF, timeout=20)
    assert session(server, child.session_id)["Status"] == "Terminated"


def test_policy_decides_who_may_start_a_session(world):
    server, node = world["server"], world["node"]
    ssm, iam = server.client(), server.client("iam")
    ssm.add_tags_to_resource(ResourceType="ManagedInstance", ResourceId=node, Tags=[{"Key": "env", "Value": "prod"}])
    iam.create_user(UserName="dev-operator")
    iam.put_user_policy(UserName="dev-operator", PolicyName="dev-only", PolicyDocument=policy(
        {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "arn:aws:ssm:*:*:managed-instance/*",
         "Condition": {"StringEquals": {"ssm:resourceTag/env": "dev"}}},
        {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "arn:aws:ssm:*:*:document/SSM-SessionManagerRunShell"},
        {"Effect": "Allow", "Action": ["ssm:TerminateSession", "ssm:ResumeSession"], "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*"}))
    keys = iam.create_access_key(UserName="dev-operator")["AccessKey"]
    iam.create_user(UserName="mfa-operator")
    iam.put_user_policy(UserName="mfa-operator", PolicyName="with-mfa", PolicyDocument=policy(
        {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*",
         "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}))
    mfa_keys = iam.create_access_key(UserName="mfa-operator")["AccessKey"]
    for who in (keys, mfa_keys):
        refused = subprocess.run(["aws", "ssm", "start-session", "--target", node, "--endpoint-url", server.url],
                                 env=plugin_env(server, who), capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert refused.returncode != 0
        assert "(AccessDeniedException)" in refused.stderr and "ssm:StartSession" in refused.stderr, refused.stderr
    # Tagged for dev, the node is the dev operator's; its session is named after them and only they may end it.
    ssm.add_tags_to_resource(ResourceType="ManagedInstance", ResourceId=node, Tags=[{"Key": "env", "Value": "dev"}])
    dev = pf.Server.client(server, access_key=keys["AccessKeyId"], secret_key=keys["SecretAccessKey"])
    opened = dev.start_session(Target=node)
    assert re.fullmatch(r"dev-operator-[0-9a-f]{17}", opened["SessionId"])
    assert opened["StreamUrl"].endswith(f"/v1/data-channel/{opened['SessionId']}?role=publish_subscribe")
    assert dev.terminate_session(SessionId=opened["SessionId"])["SessionId"] == opened["SessionId"]
    root_session = server.client().start_session(Target=node)["SessionId"]
    code, _ = pf.refused(lambda: dev.terminate_session(SessionId=root_session))
    assert code == "AccessDeniedException"
    server.client().terminate_session(SessionId=root_session)
    ssm.remove_tags_from_resource(ResourceType="ManagedInstance", ResourceId=node, TagKeys=["env"])


def test_bad_frames_and_spent_tokens_change_nothing(world):
    server, node = world["server"], world["node"]
    ssm = server.client()
    opened = ssm.start_session(Target=node)
    url, token = opened["StreamUrl"], opened["TokenValue"]

    wrong = Probe(url)
    wrong.send(dc.open_frame("not-the-token"), text=True)
    assert wrong.close_code() == 1008
    garbage = Probe(url)
    garbage.send(b"\x00\x01garbage", text=False)
    assert garbage.close_code() == 1008
    unknown = Probe(url.replace(opened["SessionId"], "root-0123456789abcdef0"))
    unknown.send(dc.open_frame(token), text=True)
    assert unknown.close_code() == 1008

    good = Probe(url)
    good.send(dc.open_frame(token), text=True)
    opcode, handshake = good.frame()
    assert opcode == 2 and handshake[4:36].decode().strip() == "output_stream_data"
    assert json.loads(handshake[120:])["RequestedClientActions"][0]["ActionParameters"]["SessionType"] == "Standard_Stream"
    for junk in (b"", b"\x00" * 119, os.urandom(300), b"\x00\x00\x00\x74" + b"input_stream_data".ljust(32) + os.urandom(200)):
        good.send(junk)
    # The spent token opens nothing, and the session is still there.
    again = Probe(url)
    again.send(dc.open_frame(token), text=True)
    assert again.close_code() == 1008
    assert session(server, opened["SessionId"], "Active")["Status"] == "Connected"
    # The server resends the unacknowledged handshake request to the connected client.
    opcode, resent = good.frame()
    assert resent[48:56] == handshake[48:56]
    ssm.terminate_session(SessionId=opened["SessionId"])
    assert good.close_code() == 1000
    assert session(server, opened["SessionId"])["Status"] == "Terminated"


def test_a_dropped_client_resumes_and_gets_what_it_missed(world):
    server, node = world["server"], world["node"]
    ssm = server.client()
    opened = ssm.start_session(Target=node)

    first = Probe(opened["StreamUrl"])
    first.send(dc.open_frame(opened["TokenValue"]), text=True)
    _, handshake = first.frame()
    first.close()
    assert pf.wait_until(lambda: session(server, opened["SessionId"], "Active").get("Status") == "Disconnected", timeout=10)
    resumed = ssm.resume_session(SessionId=opened["SessionId"])
    assert resumed["TokenValue"] != opened["TokenValue"]
    second = Probe(resumed["StreamUrl"])
    second.send(dc.open_frame(resumed["TokenValue"]), text=True)
    _, again = second.frame()
    # The same message (sequence number and ID), never acknowledged, is sent again on the new connection.
    assert again[48:56] == handshake[48:56] and again[64:80] == handshake[64:80]
    assert session(server, opened["SessionId"], "Active")["Status"] == "Connected"
    ssm.terminate_session(SessionId=opened["SessionId"])
    assert ssm.resume_session(SessionId=opened["SessionId"]).get("TokenValue") is None


def rss_kib(process: pf.ManagedProcess) -> int:
    status = Path(f"/proc/{process.pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])


@pytest.mark.parametrize("document, command", [
    ("AWS-StartInteractiveCommand", "yes"),
    ("AWS-StartNonInteractiveCommand", "head -c 20000000000 /dev/zero"),
])
def test_a_client_that_stops_reading_stalls_only_its_own_session(world, document, command):
    server, node = world["server"], world["node"]
    ssm = server.client()
    opened = ssm.start_session(Target=node, DocumentName=document, Parameters={"command": [command]})
    stalled = Probe(opened["StreamUrl"])
    dc.handshake(stalled, opened["TokenValue"])
    before = {"server": rss_kib(server.process), "agent": rss_kib(world["agent"].process)}
    time.sleep(4)  # the command writes as fast as the legs let it; the probe reads nothing more
    # Another session works meanwhile.
    child = start_session(world)
    child.expect(r"[$#] ")
    child.sendline("echo still-$((2+3))")
    child.expect("still-5")
    child.sendline("exit")
    child.expect(pexpect.EOF, timeout=20)
    for name, process in (("server", server.process), ("agent", world["agent"].process)):
        grown = rss_kib(process) - before[name]
        assert grown < 32 * 1024, f"the {name} grew by {grown} KiB behind a client that does not read"
    assert session(server, opened["SessionId"], "Active")["Status"] == "Connected"
    ssm.terminate_session(SessionId=opened["SessionId"])
    stalled.close()
    assert pf.wait_until(lambda: session(server, opened["SessionId"]).get("Status"), timeout=20) == "Terminated"


def test_the_agent_leg_refuses_strangers(world):
    server = world["server"]
    url = server.url.replace("http://", "ws://") + "/agent/v1/session"
    for first in (b"not json", json.dumps({"instanceId": world["node"], "sessionId": "root-0123456789abcdef0", "token": "guess"}).encode()):
        probe = Probe(url)
        probe.send(first, text=True)
        assert probe.close_code() == 1008
    opened = server.client().start_session(Target=world["node"])
    probe = Probe(url)
    probe.send(json.dumps({"instanceId": world["node"], "sessionId": opened["SessionId"], "token": "guess"}).encode(), text=True)
    assert probe.close_code() == 1008
    server.client().terminate_session(SessionId=opened["SessionId"])
