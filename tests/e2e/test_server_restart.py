"""A server restart (SIGTERM, start again on the same data dir and port) loses nothing, and the
agents reconnect by themselves."""

from __future__ import annotations

import time

import portless_fixtures as pf


def test_server_restart_keeps_everything_and_agents_reconnect(portless_bin, tmp_path):
    port = pf.free_port()
    srv = pf.start_server(tmp_path / "server", port=port, name="restart-server")
    agents: list[pf.Agent] = []
    try:
        act = pf.create_activation(srv, limit=5, default_instance_name="persist", tags={"env": "restart"})
        agents = pf.start_agents(srv, tmp_path / "agents", 2, act)
        ids = [a.node_id for a in agents]
        pf.aws(srv, "ssm", "add-tags-to-resource", "--resource-type", "ManagedInstance",
               "--resource-id", ids[0], "--tags", "Key=role,Value=web")
        client = srv.client()
        for nid in ids:
            pf.wait_ping_status(client, nid, "Online", timeout=20)
        creds_before = srv.credentials_path.read_bytes()

        # Work done before the restart.
        cid1, res1 = pf.run_and_wait(client, ids, ["echo before-restart-$((1+1))", "echo err-side >&2"])
        for nid in ids:
            assert res1[nid]["Status"] == "Success", res1[nid]
        failed_cid, failed = pf.run_and_wait(client, [ids[1]], ["exit 7"])
        assert failed[ids[1]]["ResponseCode"] == 7
        info_before = pf.instance_info(client, ids)
        commands_before = {c["CommandId"]: c for c in pf.all_commands(client)}

        # A command still running while the server goes down.
        inflight_file = tmp_path / "inflight.txt"
        started_file = tmp_path / "inflight-started"
        inflight = client.send_command(
            DocumentName="AWS-RunShellScript", InstanceIds=[ids[0]],
            Parameters={"commands": [f"touch {started_file}", "sleep 4",
                                     f"echo done >> {inflight_file}", "echo survived"]},
        )["Command"]["CommandId"]
        pf.wait_until(started_file.exists, timeout=30, desc="in-flight command started")

        connected_before = [a.connected_count() for a in agents]
        line_marks = [a.process.line_count() for a in agents]

        # SIGTERM: graceful, exit code 0.
        rc = srv.stop()
        assert rc == 0, f"server exit code {rc} on SIGTERM:\n{srv.process.dump()}"
        time.sleep(1)
        for a in agents:
            assert a.process.alive(), f"agent died when the server went away:\n{a.process.dump()}"

        srv.restart()
        assert srv.url == f"http://127.0.0.1:{port}"
        assert srv.credentials_path.read_bytes() == creds_before
        client = srv.client()

        # Agents reconnect by themselves (a new "Connected as" line each) and are Online again.
        for a, mark in zip(agents, line_marks):
            assert a.wait_connected(timeout=60, start=mark) == a.node_id
        for a, n in zip(agents, connected_before):
            assert a.connected_count() == n + 1
        for nid in ids:
            pf.wait_ping_status(client, nid, "Online", timeout=30)

        # Nodes, with their details and tags.
        info_after = pf.instance_info(client, ids)
        assert set(info_after) == set(ids)
        for nid in ids:
            for key in ("ComputerName", "ActivationId", "RegistrationDate", "Name", "PlatformType"):
                assert info_after[nid][key] == info_before[nid][key], key
        tags = {t["Key"]: t["Value"] for t in client.list_tags_for_resource(
            ResourceType="ManagedInstance", ResourceId=ids[0])["TagList"]}
        assert tags.get("role") == "web" and tags.get("env") == "restart", tags
        acts = client.describe_activations()["ActivationList"]
        assert [(a["ActivationId"], a["RegistrationsCount"]) for a in acts] == [(act["ActivationId"], 2)]

        # Commands and invocation outputs.
        commands_after = {c["CommandId"]: c for c in pf.all_commands(client)}
        assert set(commands_before) <= set(commands_after)
        for cid, before in commands_before.items():
            after = commands_after[cid]
            for key in ("Status", "DocumentName", "Parameters", "TargetCount", "CompletedCount", "ErrorCount"):
                assert after[key] == before[key], (cid, key, before[key], after[key])
        for nid in ids:
            inv = client.get_command_invocation(CommandId=cid1, InstanceId=nid)
            assert inv["Status"] == "Success"
            assert inv["StandardOutputContent"] == "before-restart-2\n"
            assert inv["StandardErrorContent"] == "err-side\n"
        inv = client.get_command_invocation(CommandId=failed_cid, InstanceId=ids[1])
        assert inv["Status"] == "Failed" and inv["ResponseCode"] == 7

        # New work after the restart reaches both (by tag and by ID).
        cid2 = client.send_command(
            DocumentName="AWS-RunShellScript", Targets=[{"Key": "tag:role", "Values": ["web"]}],
            Parameters={"commands": ["echo after-restart"]},
        )["Command"]["CommandId"]
        inv = pf.wait_invocation(client, cid2, ids[0], timeout=60)
        assert inv["Status"] == "Success" and inv["StandardOutputContent"] == "after-restart\n"
        assert set(pf.invocations(client, cid2)) == {ids[0]}
        _, res3 = pf.run_and_wait(client, ids, ["echo both"])
        assert all(r["StandardOutputContent"] == "both\n" for r in res3.values())

        # The command that was running during the restart finished and was reported, once.
        inv = pf.wait_invocation(client, inflight, ids[0], timeout=60)
        assert inv["Status"] == "Success", inv
        assert inv["StandardOutputContent"] == "survived\n"
        assert inflight_file.read_text() == "done\n", "the in-flight step ran more than once"

        # A second SIGTERM is still graceful.
        assert srv.stop() == 0
    finally:
        for a in agents:
            a.stop()
        srv.process.kill_hard()
        for old in srv.previous_processes:
            old.kill_hard()
