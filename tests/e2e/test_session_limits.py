"""Session preferences enforced end to end: the account's SSM-SessionManagerRunShell (changed with the aws CLI as on
AWS) sets the idle timeout, the maximum duration, run-as and the shell profile; the server warns, then ends the
session, and says why. One preferences minute lasts 3 seconds here (PORTLESS_TEST_SESSION_MINUTE_SECONDS).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import portless_fixtures as pf  # noqa: E402
from test_session_plugin import SESSION_RE, plugin_env, session  # noqa: E402


def preferences(**inputs) -> str:
    base = {"idleSessionTimeout": "20", "maxSessionDuration": "", "runAsEnabled": False, "runAsDefaultUser": "",
            "shellProfile": {"linux": "", "windows": ""}}
    base.update(inputs)
    return json.dumps({"schemaVersion": "1.0", "description": "Session Manager preferences", "sessionType": "Standard_Stream",
                       "inputs": base})


@pytest.fixture(scope="module")
def world(portless_bin, tmp_path_factory):
    base = tmp_path_factory.mktemp("session-limits")
    server = pf.start_server(base / "data", name="session-limits-server", env={"PORTLESS_TEST_SESSION_MINUTE_SECONDS": "3"})
    agent = pf.spawn_agent(server, base / "agent", pf.create_activation(server))
    node = agent.wait_connected()
    pf.aws(server, "ssm", "create-document", "--name", "SSM-SessionManagerRunShell", "--document-type", "Session",
           "--content", preferences())
    yield {"server": server, "node": node}
    agent.stop()
    server.process.kill_hard()


def set_preferences(server: pf.Server, **inputs) -> None:
    version = pf.aws(server, "ssm", "update-document", "--name", "SSM-SessionManagerRunShell", "--document-version", "$LATEST",
                     "--content", preferences(**inputs)).json["DocumentDescription"]["DocumentVersion"]
    pf.aws(server, "ssm", "update-document-default-version", "--name", "SSM-SessionManagerRunShell", "--document-version", version)


def shell(world, keys: dict | None = None) -> pexpect.spawn:
    server = world["server"]
    child = pexpect.spawn("aws", ["ssm", "start-session", "--target", world["node"], "--endpoint-url", server.url],
                          env=plugin_env(server, keys), encoding="utf-8", timeout=30)
    child.expect(SESSION_RE)
    child.session_id = child.match.group(1)
    child.expect(r"[$#] ")
    return child


def test_the_idle_timeout_warns_then_ends_the_session(world):
    server = world["server"]
    set_preferences(server, idleSessionTimeout="1")
    child = shell(world)
    child.expect(r"This session ends in \d+ seconds unless you type something", timeout=10)
    child.expect(pexpect.EOF, timeout=10)
    assert "Session ended after 1 minute of inactivity." in child.before
    ended = pf.wait_until(lambda: session(server, child.session_id).get("EndDate") and session(server, child.session_id), timeout=10)
    assert ended["Details"] == "Session ended after 1 minute of inactivity."


def test_the_maximum_duration_ends_a_busy_session(world):
    server = world["server"]
    set_preferences(server, maxSessionDuration="2")
    child = shell(world)
    assert session(server, child.session_id, "Active")["MaxSessionDuration"] == "2"
    started = time.monotonic()
    with pytest.raises(pexpect.EOF):
        while time.monotonic() - started < 20:
            child.sendline("echo $((40+2))-busy")
            child.expect("42-busy", timeout=2)
            time.sleep(0.5)
    assert 5 <= time.monotonic() - started < 12
    assert pf.wait_until(lambda: session(server, child.session_id).get("Details"), timeout=10) == \
        "Session reached its maximum duration of 2 minutes."


def test_run_as_and_the_shell_profile_follow_the_preferences(world):
    server = world["server"]
    subprocess.run(["useradd", "-m", "-s", "/bin/bash", "session-ops"], capture_output=True)
    set_preferences(server, runAsEnabled=True, runAsDefaultUser="session-ops",
                    shellProfile={"linux": "export PROFILE_MARK=from-preferences", "windows": ""})
    child = shell(world)
    child.sendline("echo $(id -un)/$PROFILE_MARK")
    child.expect("session-ops/from-preferences")
    child.sendline("exit")
    child.expect(pexpect.EOF)

    # A principal's SSMSessionRunAs tag wins over the default user.
    iam = server.client("iam")
    iam.create_user(UserName="tagged", Tags=[{"Key": "SSMSessionRunAs", "Value": "portless-user"}])
    iam.put_user_policy(UserName="tagged", PolicyName="sessions", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*"}]}))
    keys = iam.create_access_key(UserName="tagged")["AccessKey"]
    child = shell(world, keys)
    child.sendline("id -un")
    child.expect("portless-user")
    child.sendline("exit")
    child.expect(pexpect.EOF)
