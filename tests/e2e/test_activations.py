"""Activations: registration limit, wrong code, expiry, deletion, counts."""

from __future__ import annotations

import datetime as dt
import secrets
import time
import uuid

import pytest
from botocore.exceptions import ClientError

import portless_fixtures as pf


@pytest.fixture(scope="module")
def act_server(portless_bin, tmp_path_factory):
    base = tmp_path_factory.mktemp("activations")
    srv = pf.start_server(base / "server", name="activations-server")
    yield srv
    srv.process.kill_hard()


@pytest.fixture
def spawn(act_server, tmp_path):
    """spawn(activation_or_None, name) -> Agent, stopped at teardown."""
    started: list[pf.Agent] = []

    def _spawn(activation, name: str) -> pf.Agent:
        a = pf.spawn_agent(act_server, tmp_path / name, activation)
        started.append(a)
        return a

    yield _spawn
    for a in started:
        a.stop()


def _activation(srv, act_id: str) -> dict | None:
    acts = srv.client().describe_activations()["ActivationList"]
    found = [a for a in acts if a["ActivationId"] == act_id]
    return found[0] if found else None


def _nodes_of(srv, act_id: str) -> list[str]:
    return [i["InstanceId"] for i in pf.instance_info(srv.client()).values() if i.get("ActivationId") == act_id]


def _assert_refused(agent: pf.Agent, timeout: float = 45):
    rc = agent.process.wait_exit(timeout)
    out = agent.process.output()
    assert rc != 0, f"agent should have failed; rc={rc}, output:\n{out}"
    assert out.strip(), "the agent must say why it failed"
    assert "Registered as" not in out and "Connected as" not in out, out


def test_registration_limit_one_used_twice(act_server, spawn):
    act = pf.create_activation(act_server, limit=1, default_instance_name="single")
    first = spawn(act, "first")
    nid = first.wait_registered()
    first.wait_connected()

    second = spawn(act, "second")
    _assert_refused(second)

    info = _activation(act_server, act["ActivationId"])
    assert info["RegistrationsCount"] == 1
    assert info["RegistrationLimit"] == 1
    assert _nodes_of(act_server, act["ActivationId"]) == [nid]
    # the first node is unaffected
    assert first.process.alive()
    pf.wait_ping_status(act_server.client(), nid, "Online", timeout=10)


def test_describe_activations_counts_registrations(act_server, spawn):
    act = pf.create_activation(act_server, limit=5, default_instance_name="counted",
                               tags={"team": "counters"})
    info = pf.aws(act_server, "ssm", "describe-activations",
                  "--filters", f"FilterKey=ActivationIds,FilterValues={act['ActivationId']}").json
    assert [a["ActivationId"] for a in info["ActivationList"]] == [act["ActivationId"]]
    a0 = info["ActivationList"][0]
    assert a0["RegistrationsCount"] == 0 and a0["RegistrationLimit"] == 5
    assert a0["DefaultInstanceName"] == "counted"
    assert {"Key": "team", "Value": "counters"} in a0.get("Tags", [])

    agents = [spawn(act, f"count{i}") for i in range(2)]
    for a in agents:
        a.wait_registered()
    assert _activation(act_server, act["ActivationId"])["RegistrationsCount"] == 2


def test_wrong_activation_code_is_refused(act_server, spawn):
    act = pf.create_activation(act_server, limit=5)
    bad = dict(act, ActivationCode=secrets.token_urlsafe(15))
    _assert_refused(spawn(bad, "wrongcode"))
    assert _activation(act_server, act["ActivationId"])["RegistrationsCount"] == 0
    assert _nodes_of(act_server, act["ActivationId"]) == []


def test_unknown_activation_id_is_refused(act_server, spawn):
    act = pf.create_activation(act_server, limit=5)
    bad = dict(act, ActivationId=str(uuid.uuid4()))
    _assert_refused(spawn(bad, "unknownid"))
    assert _activation(act_server, act["ActivationId"])["RegistrationsCount"] == 0


def test_expired_activation_is_refused(act_server, spawn):
    client = act_server.client()
    expires = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=4)
    act = client.create_activation(IamRole="portless-node", RegistrationLimit=5, ExpirationDate=expires)
    time.sleep(max(0.0, (expires - dt.datetime.now(dt.timezone.utc)).total_seconds()) + 2)
    info = _activation(act_server, act["ActivationId"])
    assert info["Expired"] is True, info
    _assert_refused(spawn(act, "expired"))
    assert _activation(act_server, act["ActivationId"])["RegistrationsCount"] == 0


def test_delete_activation(act_server, spawn):
    act = pf.create_activation(act_server, limit=5, default_instance_name="deleteme")
    kept = spawn(act, "kept")
    nid = kept.wait_registered()
    kept.wait_connected()

    pf.aws(act_server, "ssm", "delete-activation", "--activation-id", act["ActivationId"])
    assert _activation(act_server, act["ActivationId"]) is None

    _assert_refused(spawn(act, "after-delete"))
    # Nodes already registered stay registered and online.
    pf.wait_ping_status(act_server.client(), nid, "Online", timeout=10)

    with pytest.raises(ClientError) as ei:
        act_server.client().delete_activation(ActivationId=act["ActivationId"])
    # SSM's model has both codes for this; "InvalidActivation" covers a deleted activation.
    assert ei.value.response["Error"]["Code"] in ("InvalidActivation", "InvalidActivationId")


def test_concurrent_registrations_respect_the_limit(act_server, spawn):
    act = pf.create_activation(act_server, limit=1)
    racers = [spawn(act, f"racer{i}") for i in range(3)]
    # every racer either registers or exits non-zero
    def settled():
        return all((not r.process.alive()) or "Connected as" in r.process.output() for r in racers)

    pf.wait_until(settled, timeout=60, desc="all racing agents to register or give up")
    winners = [r for r in racers if "Registered as" in r.process.output()]
    assert len(winners) == 1, [r.process.output() for r in racers]
    for r in racers:
        if r not in winners:
            assert r.process.wait_exit(5) != 0
    assert _activation(act_server, act["ActivationId"])["RegistrationsCount"] == 1
    assert len(_nodes_of(act_server, act["ActivationId"])) == 1
