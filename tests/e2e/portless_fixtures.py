"""Helpers for the Portless end-to-end suite.

Everything here drives the REAL `portless` binary (server, agents, CLI) and the REAL
`aws` CLI / boto3. Nothing is mocked.  Every wait is bounded; every child process is
tracked so the fixtures can kill it in teardown.
"""

from __future__ import annotations

import atexit
import configparser
import datetime as _dt
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

REPO_ROOT = Path(__file__).resolve().parents[2]
PORTLESS_BIN = os.environ.get("PORTLESS_BIN") or str(REPO_ROOT / ".build" / "debug" / "portless")

REGION = "us-east-1"
NODE_ID_RE = re.compile(r"\bmi-[0-9a-f]{17}\b")
REGISTERED_RE = re.compile(r"Registered as (mi-[0-9a-f]{17})\b")
CONNECTED_RE = re.compile(r"Connected as (mi-[0-9a-f]{17})\b")
LISTEN_RE = re.compile(r"Portless server listening on (http://127\.0\.0\.1:(\d+))")
CREDS_RE = re.compile(r"Root credentials: (\S+)")

TERMINAL_STATUSES = {
    "Success",
    "Failed",
    "Cancelled",
    "TimedOut",
    # Finer states, in case a server reports them as Status.
    "DeliveryTimedOut",
    "ExecutionTimedOut",
    "Undeliverable",
    "Terminated",
}

# Every process the suite starts, so a session-level finaliser can make sure none survives.
_ALL_PROCESSES: list["ManagedProcess"] = []
_ALL_LOCK = threading.Lock()


# --------------------------------------------------------------------------------------
# small utilities
# --------------------------------------------------------------------------------------


def free_port() -> int:
    """A port that was free a moment ago on 127.0.0.1 (bind to 0, read, close)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(
    fn: Callable[[], Any],
    timeout: float,
    interval: float = 0.5,
    desc: str = "condition",
) -> Any:
    """Call fn until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last: Any = None
    last_exc: Optional[BaseException] = None
    while True:
        try:
            last = fn()
            last_exc = None
            if last:
                return last
        except AssertionError:
            raise
        except Exception as exc:  # noqa: BLE001 - report the last error on timeout
            last_exc = exc
        if time.monotonic() >= deadline:
            raise AssertionError(
                f"timed out after {timeout:.0f}s waiting for {desc}; last value={last!r}"
                + (f"; last error={last_exc!r}" if last_exc else "")
            )
        time.sleep(interval)


def pid_alive(pid: int) -> bool:
    """True if `pid` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode(errors="replace")
    except (FileNotFoundError, ProcessLookupError):
        return False
    # state is the field after the parenthesised comm
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state not in ("Z", "X")


def pid_cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


# --------------------------------------------------------------------------------------
# child processes
# --------------------------------------------------------------------------------------


class ManagedProcess:
    """A child process whose stdout and stderr are read line by line in the background."""

    def __init__(self, name: str, argv: list[str], env: Optional[dict] = None, cwd: Optional[str] = None):
        self.name = name
        self.argv = [str(a) for a in argv]
        self.lines: list[tuple[str, str]] = []  # (stream, line)
        self._cond = threading.Condition()
        self._eof = {"stdout": False, "stderr": False}
        self.proc = subprocess.Popen(
            self.argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        with _ALL_LOCK:
            _ALL_PROCESSES.append(self)
        self._threads = [
            threading.Thread(target=self._pump, args=("stdout", self.proc.stdout), daemon=True),
            threading.Thread(target=self._pump, args=("stderr", self.proc.stderr), daemon=True),
        ]
        for t in self._threads:
            t.start()

    def _pump(self, stream_name: str, stream) -> None:
        try:
            for raw in iter(stream.readline, b""):
                line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
                with self._cond:
                    self.lines.append((stream_name, line))
                    self._cond.notify_all()
        finally:
            with self._cond:
                self._eof[stream_name] = True
                self._cond.notify_all()

    # -- output ---------------------------------------------------------------------

    @property
    def pid(self) -> int:
        return self.proc.pid

    def output(self, stream: Optional[str] = None) -> str:
        with self._cond:
            return "\n".join(l for s, l in self.lines if stream is None or s == stream)

    def stdout_text(self) -> str:
        return self.output("stdout")

    def line_count(self) -> int:
        with self._cond:
            return len(self.lines)

    def wait_for_line(
        self,
        pattern: "re.Pattern[str] | str",
        timeout: float,
        start: int = 0,
        stream: Optional[str] = None,
    ) -> re.Match:
        """Wait for a line (at index >= start) matching `pattern`; fail if the process exits first."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        idx = start
        with self._cond:
            while True:
                while idx < len(self.lines):
                    s, line = self.lines[idx]
                    idx += 1
                    if stream is not None and s != stream:
                        continue
                    m = rx.search(line)
                    if m:
                        return m
                all_eof = all(self._eof.values())
                if all_eof and self.proc.poll() is not None:
                    raise AssertionError(
                        f"{self.name} exited (rc={self.proc.returncode}) before printing "
                        f"a line matching {rx.pattern!r}. Output:\n{self._dump()}"
                    )
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"{self.name}: no line matching {rx.pattern!r} within {timeout:.0f}s. "
                        f"Output so far:\n{self._dump()}"
                    )
                self._cond.wait(min(remaining, 0.5))

    def _dump(self, limit: int = 60) -> str:
        tail = self.lines[-limit:]
        return "\n".join(f"  [{s}] {l}" for s, l in tail) or "  (no output)"

    def dump(self) -> str:
        with self._cond:
            return self._dump()

    # -- lifecycle ------------------------------------------------------------------

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_exit(self, timeout: float) -> int:
        try:
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"{self.name} (pid {self.pid}) did not exit within {timeout:.0f}s. Output:\n{self.dump()}"
            )
        # let the pump threads drain what is left
        for t in self._threads:
            t.join(timeout=5)
        return rc

    def send_signal(self, sig: int) -> None:
        if self.alive():
            os.kill(self.pid, sig)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> int:
        """Send `sig` and wait for exit; returns the exit code (fails the test on timeout)."""
        self.send_signal(sig)
        return self.wait_exit(timeout)

    def kill_hard(self) -> None:
        """Teardown: SIGTERM the process group, then SIGKILL it. Never raises."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.proc.wait(timeout=8)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.pid, signal.SIGKILL)  # stragglers in the group
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except Exception:  # noqa: BLE001
                pass


def kill_all_processes() -> None:
    with _ALL_LOCK:
        procs = list(_ALL_PROCESSES)
        _ALL_PROCESSES.clear()
    for p in procs:
        p.kill_hard()


atexit.register(kill_all_processes)  # belt and braces, e.g. when pytest is interrupted


# --------------------------------------------------------------------------------------
# server
# --------------------------------------------------------------------------------------


def isolated_env(extra: Optional[dict] = None) -> dict:
    """os.environ without any AWS_/PORTLESS_ settings (so nothing leaks in from the host)."""
    env = {k: v for k, v in os.environ.items() if not (k.startswith("AWS_") or k.startswith("PORTLESS_"))}
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    env["AWS_CONFIG_FILE"] = os.devnull
    env["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    if extra:
        env.update({k: str(v) for k, v in extra.items()})
    return env


@dataclass
class Server:
    data_dir: Path
    port: int
    url: str
    credentials_path: Path
    process: ManagedProcess
    region: str = REGION
    start_count: int = 1
    previous_processes: list = field(default_factory=list)

    # -- credentials ----------------------------------------------------------------

    def credentials(self) -> tuple[str, str]:
        cp = configparser.ConfigParser()
        cp.read(self.credentials_path)
        sec = cp["default"]
        return sec["aws_access_key_id"].strip(), sec["aws_secret_access_key"].strip()

    @property
    def access_key(self) -> str:
        return self.credentials()[0]

    @property
    def secret_key(self) -> str:
        return self.credentials()[1]

    # -- client settings ------------------------------------------------------------

    def aws_config_file(self) -> Path:
        p = self.data_dir.parent / f"{self.data_dir.name}-empty-aws-config"
        if not p.exists():
            p.write_text("")
        return p

    def client_env(self, extra: Optional[dict] = None) -> dict:
        env = isolated_env()
        env.update(
            AWS_SHARED_CREDENTIALS_FILE=str(self.credentials_path),
            AWS_CONFIG_FILE=str(self.aws_config_file()),
            AWS_DEFAULT_REGION=self.region,
            AWS_EC2_METADATA_DISABLED="true",
            AWS_MAX_ATTEMPTS="1",
            AWS_RETRY_MODE="standard",
        )
        if extra:
            env.update({k: str(v) for k, v in extra.items()})
        return env

    def client(
        self,
        service: str = "ssm",
        access_key: Optional[str] = None,
        secret_key: Optional[str] = None,
        region: Optional[str] = None,
    ):
        """A boto3 client aimed at this server (explicit keys; never reads ~/.aws)."""
        ak, sk = self.credentials()
        session = boto3.session.Session(
            aws_access_key_id=access_key if access_key is not None else ak,
            aws_secret_access_key=secret_key if secret_key is not None else sk,
            region_name=region or self.region,
        )
        return session.client(
            service,
            endpoint_url=self.url,
            config=Config(
                retries={"mode": "standard", "total_max_attempts": 1},
                connect_timeout=10,
                read_timeout=60,
            ),
        )

    # -- lifecycle ------------------------------------------------------------------

    def stop(self, timeout: float = 20) -> int:
        return self.process.stop(signal.SIGTERM, timeout=timeout)

    def restart(self, timeout: float = 60) -> "Server":
        """Start the server again on the same data dir and the same port."""
        if self.process.alive():
            rc = self.stop()
            assert rc == 0, f"server exited with {rc} on SIGTERM"
        self.previous_processes.append(self.process)
        new = start_server(
            self.data_dir,
            port=self.port,
            region=self.region,
            timeout=timeout,
            name=f"{self.process.name}-restart{self.start_count}",
            require_credentials_line=False,
        )
        assert new.url == self.url, f"restarted server listens on {new.url}, expected {self.url}"
        self.process = new.process
        self.credentials_path = new.credentials_path
        self.start_count += 1
        return self


def server_argv(data_dir: Path, port: int, region: Optional[str]) -> list[str]:
    argv = [PORTLESS_BIN, "server", "--data-dir", str(data_dir), "--listen", f"127.0.0.1:{port}"]
    if region:
        argv += ["--region", region]
    return argv


def start_server(
    data_dir: Path,
    port: int = 0,
    region: Optional[str] = REGION,
    timeout: float = 60,
    name: str = "server",
    require_credentials_line: bool = True,
    env: Optional[dict] = None,
) -> Server:
    """Starts a server; `env` adds to the isolated environment (e.g. PORTLESS_TEST_MIN_SESSION_SECONDS)."""
    data_dir = Path(data_dir)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    proc = ManagedProcess(name, server_argv(data_dir, port, region), env=isolated_env(env))
    try:
        m = proc.wait_for_line(LISTEN_RE, timeout=timeout, stream="stdout")
        url, actual_port = m.group(1), int(m.group(2))
        if port:
            assert actual_port == port, f"asked for port {port}, server says {actual_port}"
        if require_credentials_line:
            cm = proc.wait_for_line(CREDS_RE, timeout=10, stream="stdout")
            creds_path = Path(cm.group(1).strip().strip("'\""))
        else:
            # A restart may or may not repeat the line; the file is in the data dir either way.
            cm = CREDS_RE.search(proc.stdout_text())
            creds_path = Path(cm.group(1).strip().strip("'\"")) if cm else data_dir / "credentials"
        assert creds_path.exists(), f"credentials file {creds_path} announced but missing"
        wait_until(lambda: _port_open(actual_port), timeout=10, desc=f"port {actual_port} accepting")
    except BaseException:
        proc.kill_hard()
        raise
    return Server(
        data_dir=data_dir,
        port=actual_port,
        url=url,
        credentials_path=creds_path,
        process=proc,
        region=region or REGION,
    )


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


# --------------------------------------------------------------------------------------
# aws CLI
# --------------------------------------------------------------------------------------


@dataclass
class AwsResult:
    argv: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def json(self) -> Any:
        return json.loads(self.stdout) if self.stdout.strip() else {}


def aws(server: Server, *args: str, check: bool = True, timeout: float = 90, env_extra: Optional[dict] = None) -> AwsResult:
    """Run the real aws CLI against `server`, JSON output."""
    argv = ["aws", *[str(a) for a in args], "--endpoint-url", server.url, "--output", "json"]
    r = subprocess.run(
        argv,
        env=server.client_env(env_extra),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    res = AwsResult(argv, r.returncode, r.stdout, r.stderr)
    if check and r.returncode != 0:
        raise AssertionError(
            f"aws {' '.join(args)} failed with rc={r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"
        )
    return res


# --------------------------------------------------------------------------------------
# activations and agents
# --------------------------------------------------------------------------------------


def create_activation(
    server: Server,
    limit: int = 10,
    default_instance_name: Optional[str] = None,
    tags: Optional[dict] = None,
    iam_role: str = "portless-node",
) -> dict:
    args = ["ssm", "create-activation", "--iam-role", iam_role, "--registration-limit", str(limit)]
    if default_instance_name:
        args += ["--default-instance-name", default_instance_name]
    if tags:
        args += ["--tags", *[f"Key={k},Value={v}" for k, v in tags.items()]]
    out = aws(server, *args).json
    assert out.get("ActivationId") and out.get("ActivationCode"), f"bad create-activation reply {out}"
    return out


@dataclass
class Agent:
    server: Server
    state_dir: Path
    process: ManagedProcess
    node_id: Optional[str] = None
    runs: int = 1

    def wait_registered(self, timeout: float = 60) -> str:
        m = self.process.wait_for_line(REGISTERED_RE, timeout=timeout)
        self.node_id = m.group(1)
        return self.node_id

    def wait_connected(self, timeout: float = 60, start: int = 0) -> str:
        m = self.process.wait_for_line(CONNECTED_RE, timeout=timeout, start=start)
        if self.node_id is not None:
            assert m.group(1) == self.node_id, f"agent connected as {m.group(1)}, registered as {self.node_id}"
        else:
            self.node_id = m.group(1)
        return m.group(1)

    def connected_count(self) -> int:
        return len(CONNECTED_RE.findall(self.process.output()))

    def kill9(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait_exit(10)

    def restart(self) -> "Agent":
        """Start the agent again with the same state dir (no activation flags)."""
        assert not self.process.alive(), "restart() needs the previous agent process gone"
        self.process = ManagedProcess(
            f"agent-{self.state_dir.name}-run{self.runs + 1}",
            [PORTLESS_BIN, "agent", "--server", self.server.url, "--state-dir", str(self.state_dir)],
            env=isolated_env(),
        )
        self.runs += 1
        return self

    def stop(self) -> None:
        self.process.kill_hard()


def spawn_agent(server: Server, state_dir: Path, activation: Optional[dict], name: Optional[str] = None) -> Agent:
    state_dir = Path(state_dir)
    state_dir.parent.mkdir(parents=True, exist_ok=True)
    argv = [PORTLESS_BIN, "agent", "--server", server.url, "--state-dir", str(state_dir)]
    if activation is not None:
        argv += ["--activation-id", activation["ActivationId"], "--activation-code", activation["ActivationCode"]]
    proc = ManagedProcess(name or f"agent-{state_dir.name}", argv, env=isolated_env())
    return Agent(server=server, state_dir=state_dir, process=proc)


def start_agents(server: Server, base_dir: Path, n: int, activation: dict, timeout: float = 60) -> list[Agent]:
    """Start n agents (in parallel) registered through `activation`; wait until each is connected."""
    agents = [spawn_agent(server, Path(base_dir) / f"agent{i}", activation) for i in range(n)]
    try:
        for a in agents:
            a.wait_registered(timeout=timeout)
            a.wait_connected(timeout=timeout)
    except BaseException:
        for a in agents:
            a.stop()
        raise
    ids = [a.node_id for a in agents]
    assert len(set(ids)) == n, f"agents got duplicate node IDs: {ids}"
    return agents


# --------------------------------------------------------------------------------------
# SSM queries
# --------------------------------------------------------------------------------------


def instance_info(client, node_ids: Optional[Iterable[str]] = None) -> dict[str, dict]:
    """InstanceInformation by node ID (all pages)."""
    out: dict[str, dict] = {}
    kwargs: dict = {}
    for _ in range(100):
        resp = client.describe_instance_information(**kwargs)
        for item in resp.get("InstanceInformationList", []):
            out[item["InstanceId"]] = item
        tok = resp.get("NextToken")
        if not tok:
            break
        kwargs["NextToken"] = tok
    if node_ids is not None:
        wanted = set(node_ids)
        out = {k: v for k, v in out.items() if k in wanted}
    return out


def wait_ping_status(client, node_id: str, status: str, timeout: float, interval: float = 0.5) -> dict:
    def check():
        info = instance_info(client, [node_id]).get(node_id)
        return info if info and info.get("PingStatus") == status else None

    return wait_until(check, timeout=timeout, interval=interval, desc=f"{node_id} PingStatus {status}")


def all_commands(client, **kwargs) -> list[dict]:
    out: list[dict] = []
    for _ in range(200):
        resp = client.list_commands(**kwargs)
        out.extend(resp.get("Commands", []))
        tok = resp.get("NextToken")
        if not tok:
            break
        kwargs["NextToken"] = tok
    return out


def command(client, command_id: str) -> dict:
    cmds = client.list_commands(CommandId=command_id)["Commands"]
    assert len(cmds) == 1, f"list-commands --command-id {command_id} returned {len(cmds)} commands"
    return cmds[0]


def invocations(client, command_id: str, details: bool = False) -> dict[str, dict]:
    out: dict[str, dict] = {}
    kwargs: dict = {"CommandId": command_id, "Details": details}
    for _ in range(100):
        resp = client.list_command_invocations(**kwargs)
        for inv in resp.get("CommandInvocations", []):
            out[inv["InstanceId"]] = inv
        tok = resp.get("NextToken")
        if not tok:
            break
        kwargs["NextToken"] = tok
    return out


def get_invocation(client, command_id: str, node_id: str) -> Optional[dict]:
    """GetCommandInvocation, or None while the server says InvocationDoesNotExist."""
    try:
        return client.get_command_invocation(CommandId=command_id, InstanceId=node_id)
    except ClientError as e:
        if e.response["Error"]["Code"] == "InvocationDoesNotExist":
            return None
        raise


def wait_invocation(
    client,
    command_id: str,
    node_id: str,
    timeout: float = 60,
    statuses: Iterable[str] = TERMINAL_STATUSES,
    interval: float = 0.5,
) -> dict:
    wanted = set(statuses)

    def check():
        inv = get_invocation(client, command_id, node_id)
        return inv if inv and inv.get("Status") in wanted else None

    return wait_until(
        check, timeout=timeout, interval=interval, desc=f"invocation {command_id}/{node_id} in {sorted(wanted)}"
    )


def wait_command(client, command_id: str, timeout: float = 60, statuses: Iterable[str] = TERMINAL_STATUSES) -> dict:
    wanted = set(statuses)

    def check():
        c = command(client, command_id)
        return c if c.get("Status") in wanted else None

    return wait_until(check, timeout=timeout, desc=f"command {command_id} in {sorted(wanted)}")


def run_and_wait(
    client, node_ids: list[str], commands: list[str], timeout: float = 60, **params
) -> tuple[str, dict[str, dict]]:
    """SendCommand AWS-RunShellScript to node_ids; return (CommandId, {node: GetCommandInvocation})."""
    parameters: dict = {"commands": commands}
    for k, v in params.items():
        parameters[k] = v if isinstance(v, list) else [str(v)]
    resp = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=node_ids, Parameters=parameters)
    cid = resp["Command"]["CommandId"]
    return cid, {n: wait_invocation(client, cid, n, timeout=timeout) for n in node_ids}


# --------------------------------------------------------------------------------------
# raw signed / unsigned requests
# --------------------------------------------------------------------------------------


def signed_request(
    server: Server,
    target: str,
    body: bytes | str,
    access_key: Optional[str] = None,
    secret_key: Optional[str] = None,
    region: Optional[str] = None,
    service: str = "ssm",
    timestamp: Optional[_dt.datetime] = None,
):
    """POST `body` to the server with X-Amz-Target, SigV4-signed by botocore. Returns requests.Response."""
    import requests

    ak, sk = server.credentials()
    creds = Credentials(access_key or ak, secret_key or sk)
    if isinstance(body, str):
        body = body.encode()
    req = AWSRequest(
        method="POST",
        url=server.url + "/",
        data=body,
        headers={"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1"},
    )
    if timestamp is None:
        SigV4Auth(creds, service, region or server.region).add_auth(req)
    else:
        # botocore takes the signing time from botocore.auth.get_current_datetime(); sign at a chosen time.
        import botocore.auth as bauth

        orig = bauth.get_current_datetime
        bauth.get_current_datetime = lambda remove_tzinfo=True: timestamp.astimezone(_dt.timezone.utc).replace(
            tzinfo=None
        )
        try:
            SigV4Auth(creds, service, region or server.region).add_auth(req)
        finally:
            bauth.get_current_datetime = orig
    prepared = req.prepare()
    return requests.post(server.url + "/", headers=dict(prepared.headers), data=prepared.body, timeout=30)


def error_type(resp) -> str:
    try:
        return str(resp.json().get("__type", ""))
    except ValueError:
        return ""


def unique(prefix: str = "m") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def run_portless(args: list[str], env: dict, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PORTLESS_BIN, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def refused(call) -> tuple[str, str]:
    """The error code and message of a boto3 call that must fail."""
    import pytest
    with pytest.raises(ClientError) as info:
        call()
    error = info.value.response["Error"]
    return error["Code"], error["Message"]
