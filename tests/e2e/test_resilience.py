"""Agents that die: ConnectionLost, coming back with the same identity, commands waiting for them."""

from __future__ import annotations

import time

import pytest

import portless_fixtures as pf

NOT_YET_DELIVERED = {"Pending", "Delayed", "InProgress"}


@pytest.fixture(scope="module")
def outage_fleet(portless_bin, tmp_path_factory):
    """Own server with three agents: `victim` is killed and restarted, `gone` is killed and kept
    down past a command's delivery timeout, `bystander` stays up throughout."""
    base = tmp_path_factory.mktemp("resilience")
    srv = pf.start_server(base / "server", name="resilience-server")
    agents: list[pf.Agent] = []
    try:
        act = pf.create_activation(srv, limit=5, default_instance_name="res")
        agents = pf.start_agents(srv, base / "agents", 3, act)
        client = srv.client()
        for a in agents:
            pf.wait_ping_status(client, a.node_id, "Online", timeout=20)
        yield srv, agents, base
    finally:
        for a in agents:
            a.stop()
        srv.process.kill_hard()


def _statuses(client, cid) -> dict[str, str]:
    return {n: i["Status"] for n, i in pf.invocations(client, cid).items()}


def test_killed_agent_goes_connection_lost_and_comes_back(outage_fleet):
    srv, (victim, gone, bystander), base = outage_fleet
    client = srv.client()
    victim_id, gone_id = victim.node_id, gone.node_id
    ran_file = base / "ran-after-return.txt"
    never_file = base / "must-never-run.txt"

    # 1. SIGKILL two agents: both show ConnectionLost within 30 s; the bystander stays Online.
    t_kill = time.monotonic()
    victim.kill9()
    gone.kill9()
    pf.wait_ping_status(client, victim_id, "ConnectionLost", timeout=30)
    pf.wait_ping_status(client, gone_id, "ConnectionLost", timeout=max(1.0, 30 - (time.monotonic() - t_kill)))
    assert time.monotonic() - t_kill <= 31
    assert pf.instance_info(client, [bystander.node_id])[bystander.node_id]["PingStatus"] == "Online"

    # 2. Commands sent while they are down wait for them.
    back = client.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[victim_id], TimeoutSeconds=300,
        Parameters={"commands": [f"echo ran >> {ran_file}", "echo back-$((1+1))"]},
    )["Command"]["CommandId"]
    t_short = time.monotonic()
    short = client.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[gone_id], TimeoutSeconds=30,
        Parameters={"commands": [f"echo ran >> {never_file}"]},
    )["Command"]["CommandId"]
    time.sleep(3)
    assert _statuses(client, back).get(victim_id) in NOT_YET_DELIVERED, _statuses(client, back)
    assert _statuses(client, short).get(gone_id) in NOT_YET_DELIVERED, _statuses(client, short)
    assert not ran_file.exists() and not never_file.exists()

    # 3. Restart the victim with the same state dir: same node ID, Online within 10 s.
    t_restart = time.monotonic()
    victim.restart()
    assert victim.wait_connected(timeout=10) == victim_id
    pf.wait_ping_status(client, victim_id, "Online", timeout=max(1.0, 10 - (time.monotonic() - t_restart)))
    assert time.monotonic() - t_restart <= 10.5
    assert "Registered as" not in victim.process.output(), "a restart must not re-register"

    # 4. The waiting command runs once it is back, exactly once.
    inv = pf.wait_invocation(client, back, victim_id, timeout=30)
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"] == "back-2\n"
    time.sleep(2)
    assert ran_file.read_text() == "ran\n", "the command must run exactly once"

    # 5. The short-deadline command to the node that stayed down times out undelivered...
    remaining = 30 - (time.monotonic() - t_short)
    inv = pf.wait_invocation(client, short, gone_id, timeout=max(5.0, remaining + 20))
    assert inv["Status"] in ("TimedOut", "DeliveryTimedOut"), inv
    assert (inv.get("StatusDetails") or "").replace(" ", "") == "DeliveryTimedOut", inv
    assert time.monotonic() - t_short >= 29, "delivery timed out before TimeoutSeconds"

    # ... and never runs, even when that node comes back.
    gone.restart()
    assert gone.wait_connected(timeout=10) == gone_id
    pf.wait_ping_status(client, gone_id, "Online", timeout=10)
    _, res = pf.run_and_wait(client, [gone_id], ["echo alive-again"], timeout=30)
    assert res[gone_id]["StandardOutputContent"] == "alive-again\n"
    assert not never_file.exists(), "a command past its delivery deadline ran anyway"
    assert pf.get_invocation(client, short, gone_id)["Status"] == inv["Status"]
