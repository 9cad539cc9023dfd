"""Crash safety: kill -9 the agent mid-step, kill -9 the server mid-run."""

from __future__ import annotations

import os
import time
from pathlib import Path

import portless_fixtures as pf


def test_agent_killed_mid_step_reports_the_step_failed_with_its_output_and_never_reruns(make_server, make_agents, tmp_path):
    server = make_server("crash-agent")
    agent = make_agents(server, 1, pf.create_activation(server, limit=1))[0]
    client = server.client()
    pidfile, runs = tmp_path / "pid", tmp_path / "runs"
    cid = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[agent.node_id], Parameters={"commands": [
        # The pause lets the agent read the line from the pipe before it is killed: bytes still in the pipe die with it.
        f"echo run >> {runs}", "echo before-the-crash", "sleep 1", f"echo $$ > {pidfile}", "sleep 60",
        "echo after-the-crash"]})["Command"]["CommandId"]
    pf.wait_until(lambda: pidfile.exists() and pidfile.read_text().strip(), timeout=30, desc="script started")
    script_pid = int(pidfile.read_text())
    agent.kill9()
    assert pf.pid_alive(script_pid), "the script should outlive the killed agent until it restarts"
    agent.restart().wait_connected(timeout=30)
    inv = pf.wait_invocation(client, cid, agent.node_id, timeout=30)
    assert inv["Status"] == "Failed", inv
    assert inv["StatusDetails"] == "Agent restarted during execution", inv
    assert "before-the-crash" in inv["StandardOutputContent"], inv
    assert "after-the-crash" not in inv["StandardOutputContent"]
    plugin = pf.invocations(client, cid, details=True)[agent.node_id]["CommandPlugins"][0]
    assert plugin["StatusDetails"] == "Agent restarted during this step", plugin
    # The restarted agent stopped what the old one left running, and never ran the command again.
    pf.wait_until(lambda: not pf.pid_alive(script_pid), timeout=10, desc="left-over script killed")
    time.sleep(1)
    assert runs.read_text().count("run") == 1


def test_server_killed_mid_run_loses_and_doubles_nothing(make_server, make_agents, tmp_path):
    server = make_server("crash-server", port=pf.free_port())
    agents = make_agents(server, 3, pf.create_activation(server, limit=3))
    ids = [a.node_id for a in agents]
    client = server.client()
    marks = tmp_path / "marks"
    marks.mkdir()
    cid = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=ids, MaxConcurrency="1", Parameters={"commands": [
        f'echo run >> {marks}/"$AWS_SSM_INSTANCE_ID"', "sleep 2", 'echo "done on $AWS_SSM_INSTANCE_ID"']})["Command"]["CommandId"]
    pf.wait_until(lambda: any(marks.iterdir()), timeout=30, desc="first node started")
    server.process.kill_hard()
    time.sleep(1)
    server.restart()
    client = server.client()
    cmd = pf.wait_command(client, cid, timeout=90)
    assert cmd["Status"] == "Success", cmd
    assert cmd["CompletedCount"] == 3 and cmd["ErrorCount"] == 0, cmd
    for node in ids:
        inv = pf.wait_invocation(client, cid, node)
        assert inv["Status"] == "Success", inv
        assert f"done on {node}" in inv["StandardOutputContent"], inv
        assert (marks / node).read_text().count("run") == 1, f"{node} ran {(marks / node).read_text().count('run')} times"
