"""`portless session` end to end: the real binary as server, agent and client, driven through real
pseudo-terminals (pexpect) — typing and echo, resize, Ctrl-C, exit codes, the terminal put back on
every way out, a non-interactive command's split output, a port forward carrying an HTTP server's
traffic over parallel connections, SSH through `--ssh-proxy` (when sshd is installed), the
sessions' list and termination, and the replay of a recorded session.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pexpect
import pytest

import portless_fixtures as pf

SESSION_ID_RE = re.compile(r"Starting session with SessionId: (\S+)")


@pytest.fixture(scope="module")
def node(portless_bin, tmp_path_factory):
    """A module's own server and one agent: (server, node ID)."""
    base = tmp_path_factory.mktemp("session-cli")
    server = pf.start_server(base / "server", name="session-cli-server")
    activation = pf.create_activation(server, limit=1)
    agents = pf.start_agents(server, base / "agents", 1, activation)
    pf.wait_ping_status(server.client(), agents[0].node_id, "Online", timeout=20)
    yield server, agents[0].node_id
    for agent in agents:
        agent.stop()
    server.process.kill_hard()


def client_env(server) -> dict:
    return server.client_env({"PORTLESS_ENDPOINT": server.url})


def spawn_session(server, *args: str, rows: int = 24, cols: int = 80) -> pexpect.spawn:
    return pexpect.spawn(pf.PORTLESS_BIN, ["session", *args], env=client_env(server), dimensions=(rows, cols),
                         timeout=30, encoding="utf-8", codec_errors="replace")


def spawn_wrapped(server, node_id: str) -> pexpect.spawn:
    """`portless session NODE` under a shell that prints the exit status and the terminal's modes after it."""
    script = f"'{pf.PORTLESS_BIN}' session {node_id}; echo \"RC=$?\"; stty -a"
    return pexpect.spawn("/bin/sh", ["-c", script], env=client_env(server), dimensions=(24, 80), timeout=30,
                         encoding="utf-8", codec_errors="replace")


def wait_shell(child: pexpect.spawn) -> str:
    """Waits until the remote shell answers; returns the session ID."""
    child.expect(SESSION_ID_RE)
    session_id = child.match.group(1)
    child.sendline("echo ready-$((20+22))")
    child.expect("ready-42")
    return session_id


def child_pids(pid: int) -> list[int]:
    pids = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        pids += [int(c) for c in children]
    return pids


def assert_terminal_restored(child: pexpect.spawn) -> None:
    child.expect(pexpect.EOF, timeout=30)
    modes = child.before
    assert re.search(r"(?<![-\w])icanon\b", modes), modes
    assert re.search(r"(?<![-\w])echo\b", modes), modes
    assert re.search(r"(?<![-\w])isig\b", modes), modes


def test_typing_echoes_and_the_exit_code_becomes_the_status(node):
    server, node_id = node
    child = spawn_session(server, node_id)
    wait_shell(child)
    child.send("printf 'utf8:%s\\n' \"é✓\"\r")
    child.expect("utf8:é✓")
    child.sendline("exit 7")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 7, child.before


def test_resize_reaches_the_remote_terminal(node):
    server, node_id = node
    child = spawn_session(server, node_id, rows=24, cols=80)
    wait_shell(child)
    child.sendline("stty size")
    child.expect(r"24 80")
    child.setwinsize(40, 132)
    time.sleep(0.5)
    child.sendline("stty size")
    child.expect(r"40 132")
    child.sendline("exit")
    child.expect(pexpect.EOF)


def test_ctrl_c_interrupts_the_remote_command_not_the_client(node):
    server, node_id = node
    child = spawn_session(server, node_id)
    wait_shell(child)
    child.sendline("sleep 100; echo slept-$((1+2))-through")
    time.sleep(1)
    started = time.monotonic()
    child.sendcontrol("c")
    child.sendline("echo after-$((1+1))")
    child.expect("after-2", timeout=15)
    assert time.monotonic() - started < 15
    assert "slept-3-through" not in child.before
    child.sendline("exit 0")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_d_ends_the_shell(node):
    server, node_id = node
    child = spawn_session(server, node_id)
    wait_shell(child)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_the_terminal_is_restored_after_a_normal_end(node):
    server, node_id = node
    child = spawn_wrapped(server, node_id)
    wait_shell(child)
    child.sendline("exit 5")
    child.expect("RC=5")
    assert_terminal_restored(child)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_the_terminal_is_restored_after_a_signal(node, sig):
    server, node_id = node
    child = spawn_wrapped(server, node_id)
    session_id = wait_shell(child)
    (client_pid,) = child_pids(child.pid)
    os.kill(client_pid, sig)
    child.expect(f"RC={128 + sig}")
    assert_terminal_restored(child)
    # The signal also ended the session on the server.
    ssm = server.client()
    pf.wait_until(lambda: not any(s["SessionId"] == session_id for s in ssm.describe_sessions(State="Active")["Sessions"]),
                  timeout=20, desc="the session to leave the active list")


def test_the_terminal_is_restored_when_an_admin_terminates_the_session(node):
    server, node_id = node
    child = spawn_wrapped(server, node_id)
    session_id = wait_shell(child)
    listed = pf.run_portless(["session", "list"], env=client_env(server))
    assert listed.returncode == 0, listed.stderr
    assert session_id in listed.stdout
    ended = pf.run_portless(["session", "terminate", session_id], env=client_env(server))
    assert ended.returncode == 0, ended.stderr
    child.expect(r"RC=\d+")
    assert_terminal_restored(child)
    history = pf.run_portless(["session", "list", "--state", "History"], env=client_env(server))
    assert session_id in history.stdout


def test_a_command_keeps_stdout_stderr_and_exit_code_apart(node):
    server, node_id = node
    result = subprocess.run([pf.PORTLESS_BIN, "session", node_id, "--", "sh", "-c", "echo out; echo err >&2; exit 3"],
                            env=client_env(server), capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.stdout == "out\n", result
    assert result.stderr == "err\n", result
    assert result.returncode == 3


def test_a_single_argument_is_a_shell_command_line(node):
    server, node_id = node
    result = subprocess.run([pf.PORTLESS_BIN, "session", node_id, "--", "seq 1 5 | tr -d '\\n'; exit 0"],
                            env=client_env(server), capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.stdout == "12345", result
    assert result.returncode == 0


@pytest.fixture
def http_root(tmp_path):
    """A python http.server on 127.0.0.1 (the node is this machine) serving files of several sizes."""
    root = tmp_path / "www"
    root.mkdir()
    files = {}
    for name, size in [("small.txt", 13), ("medium.bin", 300_000), ("large.bin", 3_000_000)]:
        data = os.urandom(size)
        (root / name).write_bytes(data)
        files[name] = hashlib.sha256(data).hexdigest()
    port = pf.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        pf.wait_until(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() or True, timeout=10,
                      desc="http.server")
        yield port, files
    finally:
        proc.kill()
        proc.wait()


def test_a_forward_carries_parallel_http_connections(node, http_root):
    server, node_id = node
    http_port, files = http_root
    local = pf.free_port()
    forward = pf.ManagedProcess("forward", [pf.PORTLESS_BIN, "session", node_id, "--forward", f"{local}:localhost:{http_port}"],
                                env=client_env(server))
    try:
        forward.wait_for_line(rf"Port {local} opened for sessionId \S+\.", timeout=30, stream="stdout")

        def fetch(name: str) -> str:
            with urllib.request.urlopen(f"http://127.0.0.1:{local}/{name}", timeout=60) as response:
                return hashlib.sha256(response.read()).hexdigest()

        names = list(files) * 4
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(names)) as pool:
            digests = list(pool.map(fetch, names))
        assert digests == [files[n] for n in names]
        forward.send_signal(signal.SIGINT)
        assert forward.wait_exit(20) == 0
    finally:
        forward.kill_hard()


def test_replay_plays_what_the_shell_showed_and_exports_asciicast(node, tmp_path):
    server, node_id = node
    child = spawn_session(server, node_id)
    session_id = wait_shell(child)
    child.sendline("echo replay-$((6*7))-marker")
    child.expect("replay-42-marker")
    child.sendline("exit")
    child.expect(pexpect.EOF)
    replay = pf.run_portless(["session", "replay", session_id, "--speed", "1000"], env=client_env(server))
    assert replay.returncode == 0, replay.stderr
    assert "replay-42-marker" in replay.stdout
    exported = tmp_path / "session.cast"
    result = pf.run_portless(["session", "replay", session_id, "--export", str(exported)], env=client_env(server))
    assert result.returncode == 0, result.stderr
    lines = exported.read_text().splitlines()
    assert json.loads(lines[0])["version"] == 2
    events = [json.loads(line) for line in lines[1:] if line.strip()]
    assert any(code == "o" and "replay-42-marker" in data for _, code, data in events)


@pytest.fixture
def sshd(tmp_path):
    """An OpenSSH server on a loopback port only, accepting a fresh key for root; skipped when not installed."""
    sshd_bin = shutil.which("sshd") or ("/usr/sbin/sshd" if os.path.exists("/usr/sbin/sshd") else None)
    if not sshd_bin or not shutil.which("ssh") or not shutil.which("ssh-keygen"):
        pytest.skip("OpenSSH (sshd, ssh, ssh-keygen) is not installed")
    keys = tmp_path / "ssh"
    keys.mkdir(mode=0o700)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / "host")], check=True)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / "user")], check=True)
    (keys / "authorized_keys").write_text((keys / "user.pub").read_text())
    port = pf.free_port()
    config = keys / "sshd_config"
    config.write_text("\n".join([
        f"ListenAddress 127.0.0.1:{port}", f"HostKey {keys / 'host'}", f"AuthorizedKeysFile {keys / 'authorized_keys'}",
        "PermitRootLogin prohibit-password", "PasswordAuthentication no", "StrictModes no", "UsePAM no",
        "Subsystem sftp internal-sftp",
        f"PidFile {keys / 'sshd.pid'}", "",
    ]))
    Path("/run/sshd").mkdir(exist_ok=True)
    proc = subprocess.Popen([sshd_bin, "-D", "-e", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        pf.wait_until(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() or True, timeout=10, desc="sshd")
        yield port, keys / "user"
    finally:
        proc.kill()
        proc.wait()


def ssh_argv(server, key: Path, port: int) -> list[str]:
    proxy = f"env PORTLESS_ENDPOINT={server.url} AWS_SHARED_CREDENTIALS_FILE={server.credentials_path} " \
            f"AWS_CONFIG_FILE={os.devnull} '{pf.PORTLESS_BIN}' session --ssh-proxy %h %p"
    return ["-o", f"ProxyCommand={proxy}", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-i", str(key)]


def test_ssh_and_scp_through_the_ssh_proxy(node, sshd, tmp_path):
    server, node_id = node
    port, key = sshd
    ran = subprocess.run(["ssh", *ssh_argv(server, key, port), "-p", str(port), f"root@{node_id}", "echo via-$((40+2)); exit 4"],
                         capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert ran.stdout == "via-42\n", ran
    assert ran.returncode == 4
    payload = tmp_path / "payload.bin"
    payload.write_bytes(os.urandom(2_000_000))
    target = tmp_path / "copied.bin"
    copied = subprocess.run(["scp", *ssh_argv(server, key, port), "-P", str(port), str(payload), f"root@{node_id}:{target}"],
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert copied.returncode == 0, copied
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(payload.read_bytes()).digest()
