"""Rate control (MaxConcurrency, MaxErrors, the one-node-first ramp) against real agents."""

from __future__ import annotations

import datetime as dt

import pytest

import portless_fixtures as pf

NODES = 5


@pytest.fixture
def five(make_server, make_agents):
    server = make_server("rate")
    activation = pf.create_activation(server, limit=NODES)
    agents = make_agents(server, NODES, activation)
    return server, server.client(), [a.node_id for a in agents]


def _times(inv: dict) -> tuple[float, float]:
    parse = lambda s: dt.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
    return parse(inv["ExecutionStartDateTime"]), parse(inv["ExecutionEndDateTime"])


def _send(client, ids, commands, **kw):
    resp = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=ids,
                               Parameters={"commands": commands}, **kw)
    return resp["Command"]["CommandId"]


def _max_overlap(spans: list[tuple[float, float]]) -> int:
    events = sorted([(s, 1) for s, _ in spans] + [(e, -1) for _, e in spans])
    running = peak = 0
    for _, delta in events:
        running += delta
        peak = max(peak, running)
    return peak


def test_max_concurrency_caps_parallel_runs(five):
    _, client, ids = five
    cid = _send(client, ids, ["sleep 1"], MaxConcurrency="2")
    cmd = pf.wait_command(client, cid, timeout=60)
    assert cmd["Status"] == "Success", cmd
    assert cmd["MaxConcurrency"] == "2"
    spans = sorted(_times(pf.wait_invocation(client, cid, n)) for n in ids)
    assert _max_overlap(spans) <= 2, spans
    # With room for two, the five one-second runs take three rounds.
    assert spans[-1][0] >= spans[0][1] - 0.05, spans


def test_percent_concurrency(five):
    _, client, ids = five
    cid = _send(client, ids, ["sleep 1"], MaxConcurrency="40%")
    assert pf.wait_command(client, cid, timeout=60)["Status"] == "Success"
    spans = [_times(pf.wait_invocation(client, cid, n)) for n in ids]
    assert _max_overlap(spans) <= 2, spans


def test_max_errors_stops_sending_and_terminates_the_rest(five):
    _, client, ids = five
    cid = _send(client, ids, ["exit 4"], MaxConcurrency="1", MaxErrors="1")
    cmd = pf.wait_command(client, cid, timeout=60)
    invs = pf.invocations(client, cid)
    failed = [i for i in invs.values() if i["Status"] == "Failed"]
    terminated = [i for i in invs.values() if i["StatusDetails"] == "Terminated"]
    assert len(failed) == 2, invs
    assert len(terminated) == NODES - 2, invs
    assert all(i["Status"] == "Cancelled" for i in terminated)
    assert cmd["Status"] == "Failed" and cmd["StatusDetails"] == "Failed", cmd
    assert cmd["ErrorCount"] == 2 and cmd["CompletedCount"] == NODES and cmd["TargetCount"] == NODES, cmd
    # Terminated invocations never reached their node.
    for i in terminated:
        inv = client.get_command_invocation(CommandId=cid, InstanceId=i["InstanceId"])
        assert inv["ExecutionStartDateTime"] == "" and inv["StandardOutputContent"] == ""


def test_default_max_errors_zero_stops_after_first_error(five):
    _, client, ids = five
    cid = _send(client, ids, ["exit 1"], MaxConcurrency="1")
    cmd = pf.wait_command(client, cid, timeout=60)
    invs = pf.invocations(client, cid)
    assert sum(i["Status"] == "Failed" for i in invs.values()) == 1, invs
    assert sum(i["StatusDetails"] == "Terminated" for i in invs.values()) == NODES - 1, invs
    assert cmd["MaxErrors"] == "0" and cmd["Status"] == "Failed"


def test_errors_within_max_errors_end_incomplete(five):
    _, client, ids = five
    cid = _send(client, ids[:1], ["exit 2"], MaxErrors="2")
    cmd = pf.wait_command(client, cid, timeout=60)
    assert cmd["Status"] == "Failed" and cmd["StatusDetails"] == "Incomplete", cmd
    assert cmd["ErrorCount"] == 1


@pytest.mark.parametrize("value", ["0", "101%", "abc", "-1", "01"])
def test_bad_max_concurrency_is_refused(five, value):
    _, client, ids = five
    before = len(pf.all_commands(client))
    from botocore.exceptions import ClientError, ParamValidationError
    with pytest.raises((ClientError, ParamValidationError)):
        _send(client, ids, ["true"], MaxConcurrency=value)
    assert len(pf.all_commands(client)) == before


def test_status_filters_accept_status_details_and_execution_stage(five):
    _, client, ids = five
    cid = _send(client, ids, ["exit 1"], MaxConcurrency="1")
    pf.wait_command(client, cid, timeout=60)
    terminated = client.list_command_invocations(CommandId=cid, Filters=[{"key": "Status", "value": "Terminated"}])
    assert len(terminated["CommandInvocations"]) == NODES - 1
    assert all(i["StatusDetails"] == "Terminated" for i in terminated["CommandInvocations"])
    complete = client.list_commands(Filters=[{"key": "ExecutionStage", "value": "Complete"}])["Commands"]
    assert cid in [c["CommandId"] for c in complete]
    executing = client.list_commands(Filters=[{"key": "ExecutionStage", "value": "Executing"}])["Commands"]
    assert cid not in [c["CommandId"] for c in executing]
    from botocore.exceptions import ClientError
    with pytest.raises(ClientError) as err:
        client.list_commands(Filters=[{"key": "Status", "value": "Exploded"}])
    assert err.value.response["Error"]["Code"] == "InvalidFilterValue"
