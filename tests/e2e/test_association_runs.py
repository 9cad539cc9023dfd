"""State Manager associations with real agents: a short schedule fires again and again, a node that registers
(or gains a matching tag) gets the association at once, StartAssociationsOnce runs it now, and every run is an
association execution with per-target status backed by a Run Command command.

The server runs with PORTLESS_TEST_MIN_ASSOCIATION_RATE_SECONDS=2, which lets `rate(N seconds)` through for
tests; real schedules are at least 30 minutes apart.
"""

from __future__ import annotations

import time

import pytest

import portless_fixtures as pf

SCRIPT = "AWS-RunShellScript"


@pytest.fixture(scope="module")
def env(portless_bin, tmp_path_factory):
    base = tmp_path_factory.mktemp("associations")
    server = pf.start_server(base / "server", name="assoc-e2e-server", env={"PORTLESS_TEST_MIN_ASSOCIATION_RATE_SECONDS": "2"})
    activation = pf.create_activation(server, limit=5, tags={"role": "web"})
    agents = pf.start_agents(server, base / "agents", 1, activation)
    client = server.client()
    pf.wait_ping_status(client, agents[0].node_id, "Online", timeout=20)
    extra: list[pf.Agent] = []
    yield server, client, agents[0].node_id, base, extra
    for agent in agents + extra:
        agent.stop()
    server.process.kill_hard()


def executions(client, association_id: str) -> list[dict]:
    return client.describe_association_executions(AssociationId=association_id)["AssociationExecutions"]


def finished(client, association_id: str, count: int) -> list[dict]:
    """At least `count` executions, every one finished; [] until then."""
    runs = executions(client, association_id)
    return runs if len(runs) >= count and all(r["Status"] in ("Success", "Failed") for r in runs) else []


def test_short_schedule_fires_again_and_again(env):
    server, client, node_id, _, _ = env
    made = client.create_association(Name=SCRIPT, Targets=[{"Key": "tag:role", "Values": ["web"]}],
                                      Parameters={"commands": ["echo scheduled"]}, ScheduleExpression="rate(3 seconds)",
                                      AssociationName="every-three-seconds")["AssociationDescription"]

    def three_successes():
        runs = executions(client, made["AssociationId"])
        return runs if len([r for r in runs if r["Status"] == "Success"]) >= 3 else None

    runs = pf.wait_until(three_successes, timeout=60, desc="three scheduled runs")
    client.delete_association(AssociationId=made["AssociationId"])
    assert not [r for r in runs if r["Status"] == "Failed"], runs
    assert all(r["ResourceCountByStatus"] == "{Success=1}" for r in runs if r["Status"] == "Success"), runs
    gaps = [a["CreatedTime"] - b["CreatedTime"] for a, b in zip(runs, runs[1:])]
    assert all(gap.total_seconds() >= 2 for gap in gaps), gaps


def test_execution_targets_name_their_command(env):
    server, client, node_id, _, _ = env
    made = client.create_association(Name=SCRIPT, Targets=[{"Key": "InstanceIds", "Values": [node_id]}],
                                      Parameters={"commands": ["echo from-association"]})["AssociationDescription"]
    run = pf.wait_until(lambda: finished(client, made["AssociationId"], 1), timeout=30, desc="the run at creation")[0]
    targets = client.describe_association_execution_targets(AssociationId=made["AssociationId"],
                                                            ExecutionId=run["ExecutionId"])["AssociationExecutionTargets"]
    assert [(t["ResourceId"], t["ResourceType"], t["Status"]) for t in targets] == [(node_id, "ManagedInstance", "Success")]
    source = targets[0]["OutputSource"]
    assert source["OutputSourceType"] == "RunCommand"
    invocation = client.get_command_invocation(CommandId=source["OutputSourceId"], InstanceId=node_id)
    assert invocation["Status"] == "Success" and "from-association" in invocation["StandardOutputContent"]
    described = client.describe_association(AssociationId=made["AssociationId"])["AssociationDescription"]
    assert described["Overview"]["Status"] == "Success"
    assert described["Overview"]["AssociationStatusAggregatedCount"] == {"Success": 1}
    assert "LastSuccessfulExecutionDate" in described


def test_start_associations_once_runs_it_now(env):
    server, client, node_id, _, _ = env
    made = client.create_association(Name=SCRIPT, Targets=[{"Key": "InstanceIds", "Values": ["*"]}],
                                      Parameters={"commands": ["echo once"]})["AssociationDescription"]
    pf.wait_until(lambda: finished(client, made["AssociationId"], 1), timeout=30, desc="the run at creation")
    pf.aws(server, "ssm", "start-associations-once", "--association-ids", made["AssociationId"])
    runs = pf.wait_until(lambda: finished(client, made["AssociationId"], 2), timeout=30, desc="the run asked for")
    assert [r["Status"] for r in runs] == ["Success", "Success"]
    created = [r["CreatedTime"] for r in runs]
    assert created == sorted(created, reverse=True), "newest first"


def test_a_node_that_registers_gets_matching_associations_at_once(env):
    server, client, node_id, base, extra = env
    made = client.create_association(Name=SCRIPT, Targets=[{"Key": "tag:team", "Values": ["blue"]}],
                                      Parameters={"commands": ["echo welcome"]},
                                      ScheduleExpression="cron(0 3 ? * SUN *)")["AssociationDescription"]
    assert finished(client, made["AssociationId"], 1)[0]["ResourceCountByStatus"] == "{}", "no node matched at creation"
    activation = pf.create_activation(server, limit=1, tags={"team": "blue"})
    newcomer = pf.start_agents(server, base / "newcomer", 1, activation)[0]
    extra.append(newcomer)

    def ran_on_newcomer():
        for run in executions(client, made["AssociationId"]):
            targets = client.describe_association_execution_targets(AssociationId=made["AssociationId"],
                                                                    ExecutionId=run["ExecutionId"])["AssociationExecutionTargets"]
            if any(t["ResourceId"] == newcomer.node_id and t["Status"] == "Success" for t in targets):
                return targets
        return None

    targets = pf.wait_until(ran_on_newcomer, timeout=30, desc="the association on the new node")
    assert [t["ResourceId"] for t in targets] == [newcomer.node_id], "only the new node ran it"


def test_a_node_that_gains_a_matching_tag_gets_the_association(env):
    server, client, node_id, _, _ = env
    made = client.create_association(Name=SCRIPT, Targets=[{"Key": "tag:stage", "Values": ["canary"]}],
                                      Parameters={"commands": ["echo canary"]})["AssociationDescription"]
    client.add_tags_to_resource(ResourceType="ManagedInstance", ResourceId=node_id, Tags=[{"Key": "stage", "Value": "canary"}])
    runs = pf.wait_until(lambda: [r for r in finished(client, made["AssociationId"], 2) if r["ResourceCountByStatus"] == "{Success=1}"],
                         timeout=30, desc="the run after tagging")
    assert len(runs) == 1
    listed = client.list_associations(AssociationFilterList=[{"key": "AssociationStatusName", "value": "Success"}])["Associations"]
    assert made["AssociationId"] in [a["AssociationId"] for a in listed]


def test_a_run_missed_while_the_server_was_down_happens_once_at_start(portless_bin, tmp_path):
    env = {"PORTLESS_TEST_MIN_ASSOCIATION_RATE_SECONDS": "2"}
    server = pf.start_server(tmp_path / "server", name="assoc-restart-server", env=env)
    try:
        client = server.client()
        made = client.create_association(Name=SCRIPT, Targets=[{"Key": "InstanceIds", "Values": ["*"]}],
                                          Parameters={"commands": ["true"]}, ScheduleExpression="rate(4 seconds)")["AssociationDescription"]
        assert server.stop() == 0
        time.sleep(10)  # two runs are missed
        server = pf.start_server(server.data_dir, port=server.port, name="assoc-restart-server-2", env=env,
                                 require_credentials_line=False)
        client = server.client()
        pf.wait_until(lambda: len(executions(client, made["AssociationId"])) >= 2, timeout=10, desc="the missed run")
        time.sleep(3)
        runs = executions(client, made["AssociationId"])
        # After the restart the missed runs make one execution; the next is the schedule's, 4 seconds on.
        since_restart = sorted(run["CreatedTime"] for run in runs)[1:]
        gaps = [(later - earlier).total_seconds() for earlier, later in zip(since_restart, since_restart[1:])]
        assert since_restart and all(gap >= 3 for gap in gaps), f"the missed runs happen once, not twice: {runs}"
    finally:
        server.process.kill_hard()
