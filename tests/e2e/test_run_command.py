"""Run Command against the shared three-node fleet (two role=web, one role=db)."""

from __future__ import annotations

import json
import os
import time

import pytest

import portless_fixtures as pf


def _send_cli(fleet, *target_args, parameters: dict, extra: tuple = ()) -> str:
    out = fleet.aws(
        "ssm", "send-command", "--document-name", "AWS-RunShellScript",
        *target_args, "--parameters", json.dumps(parameters), *extra,
    ).json
    cmd = out["Command"]
    assert cmd["DocumentName"] == "AWS-RunShellScript"
    assert cmd["Status"] in ("Pending", "InProgress", "Success")
    return cmd["CommandId"]


def test_send_command_by_tag_reaches_only_web_nodes(fleet):
    # exactly the CLI shorthand from the docs
    out = fleet.aws(
        "ssm", "send-command", "--document-name", "AWS-RunShellScript",
        "--parameters", "commands='echo hi'", "--targets", "Key=tag:role,Values=web",
        "--comment", "by-tag",
    ).json
    cid = out["Command"]["CommandId"]
    client = fleet.client
    for nid in fleet.web_ids:
        inv = pf.wait_invocation(client, cid, nid, timeout=60)
        assert inv["Status"] == "Success", inv
        assert inv["StandardOutputContent"] == "hi\n"
    cmd = pf.wait_command(client, cid, timeout=30)
    assert cmd["Status"] == "Success"
    assert cmd["TargetCount"] == 2
    assert cmd["CompletedCount"] == 2
    assert cmd["ErrorCount"] == 0
    assert cmd["Comment"] == "by-tag"
    assert cmd["Targets"] == [{"Key": "tag:role", "Values": ["web"]}]

    invs = fleet.aws("ssm", "list-command-invocations", "--command-id", cid).json["CommandInvocations"]
    assert sorted(i["InstanceId"] for i in invs) == sorted(fleet.web_ids)
    assert fleet.db_id not in {i["InstanceId"] for i in invs}


def test_per_node_stdout_and_exit_code_success(fleet):
    cid = _send_cli(fleet, "--targets", "Key=tag:role,Values=web",
                    parameters={"commands": ["echo $((40+2))", "exit 0"]})
    client = fleet.client
    for nid in fleet.web_ids:
        pf.wait_invocation(client, cid, nid, timeout=60)
        inv = fleet.aws("ssm", "get-command-invocation", "--command-id", cid, "--instance-id", nid).json
        assert inv["Status"] == "Success", inv
        assert inv["StatusDetails"] == "Success", inv
        assert inv["ResponseCode"] == 0
        assert inv["StandardOutputContent"] == "42\n"
        assert inv["StandardErrorContent"] == ""
        assert inv["CommandId"] == cid and inv["InstanceId"] == nid
        assert inv["DocumentName"] == "AWS-RunShellScript"


def test_send_command_to_all_nodes(fleet):
    cid = _send_cli(fleet, "--targets", "Key=InstanceIds,Values=*",
                    parameters={"commands": ["echo all-$((6*7))"]})
    client = fleet.client
    for nid in fleet.all_ids:
        inv = pf.wait_invocation(client, cid, nid, timeout=60)
        assert inv["Status"] == "Success", inv
        assert inv["StandardOutputContent"] == "all-42\n"
    assert set(pf.invocations(client, cid)) == set(fleet.all_ids)
    cmd = pf.wait_command(client, cid, timeout=30)
    assert cmd["TargetCount"] == 3 and cmd["CompletedCount"] == 3 and cmd["Status"] == "Success"


def test_send_command_by_instance_ids(fleet):
    cid = _send_cli(fleet, "--instance-ids", fleet.db_id, parameters={"commands": ["echo only-db"]})
    client = fleet.client
    inv = pf.wait_invocation(client, cid, fleet.db_id, timeout=60)
    assert inv["StandardOutputContent"] == "only-db\n"
    assert set(pf.invocations(client, cid)) == {fleet.db_id}
    cmd = pf.command(client, cid)
    assert cmd["InstanceIds"] == [fleet.db_id]


def test_failing_command_reports_exit_code_and_stderr(fleet):
    client = fleet.client
    nid = fleet.db_id
    resp = client.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[nid],
        Parameters={"commands": ["echo to-out", "echo to-err >&2", "exit 3"]},
    )
    cid = resp["Command"]["CommandId"]
    inv = pf.wait_invocation(client, cid, nid, timeout=60)
    assert inv["Status"] == "Failed", inv
    assert inv["ResponseCode"] == 3
    assert inv["StandardOutputContent"] == "to-out\n"
    assert inv["StandardErrorContent"] == "to-err\n"
    cmd = pf.wait_command(client, cid, timeout=30)
    assert cmd["Status"] == "Failed"
    assert cmd["ErrorCount"] == 1


def test_mixed_results_per_node(fleet, tmp_path):
    """One script, different exit codes per node (decided by a file only one node's run sees)."""
    client = fleet.client
    marker = tmp_path / "lock"
    # mkdir is atomic: the first run to create the directory exits 0, the other exits 5.
    script = [f"if mkdir {marker} 2>/dev/null; then echo first; exit 0; else echo later; exit 5; fi"]
    try:
        resp = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=fleet.web_ids,
                                   Parameters={"commands": script})
        cid = resp["Command"]["CommandId"]
        results = {n: pf.wait_invocation(client, cid, n, timeout=60) for n in fleet.web_ids}
    finally:
        if marker.exists():
            marker.rmdir()
    codes = sorted(r["ResponseCode"] for r in results.values())
    assert codes == [0, 5], results
    by_code = {r["ResponseCode"]: r for r in results.values()}
    assert by_code[0]["Status"] == "Success" and by_code[0]["StandardOutputContent"] == "first\n"
    assert by_code[5]["Status"] == "Failed" and by_code[5]["StandardOutputContent"] == "later\n"
    cmd = pf.wait_command(client, cid, timeout=30)
    assert cmd["Status"] == "Failed"
    assert cmd["ErrorCount"] == 1


def test_working_directory_is_honoured(fleet, tmp_path):
    workdir = tmp_path / "work dir"
    workdir.mkdir()
    (workdir / "here.txt").write_text("x")
    client = fleet.client
    cid, res = pf.run_and_wait(client, [fleet.web_ids[0]], ["pwd", "ls"], workingDirectory=str(workdir))
    inv = res[fleet.web_ids[0]]
    assert inv["Status"] == "Success", inv
    lines = inv["StandardOutputContent"].splitlines()
    assert os.path.realpath(lines[0]) == os.path.realpath(workdir)
    assert "here.txt" in lines[1:]


def test_multiple_lines_and_list_command_invocations_details(fleet):
    client = fleet.client
    nid = fleet.web_ids[1]
    cid, res = pf.run_and_wait(client, [nid], ["echo line-a", "echo line-b", "echo oops >&2"])
    assert res[nid]["StandardOutputContent"] == "line-a\nline-b\n"
    assert res[nid]["StandardErrorContent"] == "oops\n"
    out = fleet.aws("ssm", "list-command-invocations", "--command-id", cid, "--details").json
    invs = out["CommandInvocations"]
    assert len(invs) == 1
    inv = invs[0]
    assert inv["InstanceId"] == nid and inv["Status"] == "Success"
    plugins = inv["CommandPlugins"]
    assert len(plugins) == 1
    p = plugins[0]
    assert "runShellScript" in p["Name"]
    assert p["Status"] == "Success"
    assert p["ResponseCode"] == 0
    assert p["Output"] == "line-a\nline-b\n\n----------ERROR-------\noops\n", p["Output"]


def test_command_executed_waiter(fleet):
    """boto3's own waiter (which retries InvocationDoesNotExist) works against Portless."""
    client = fleet.client
    nid = fleet.web_ids[0]
    resp = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[nid],
                               Parameters={"commands": ["echo waited"]})
    cid = resp["Command"]["CommandId"]
    client.get_waiter("command_executed").wait(
        CommandId=cid, InstanceId=nid, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    inv = client.get_command_invocation(CommandId=cid, InstanceId=nid)
    assert inv["Status"] == "Success" and inv["StandardOutputContent"] == "waited\n"


def test_output_truncation(fleet):
    client = fleet.client
    nid = fleet.web_ids[0]
    cid, res = pf.run_and_wait(client, [nid], ["head -c 30000 /dev/zero | tr '\\0' x"])
    inv = res[nid]
    assert inv["Status"] == "Success", {k: v for k, v in inv.items() if k != "StandardOutputContent"}
    out = inv["StandardOutputContent"]
    assert out == "x" * 24000 + "\n---Output truncated---", (len(out), out[-40:])
    # Details Output is capped at 2,500 chars (+ marker).
    plugin = pf.invocations(client, cid, details=True)[nid]["CommandPlugins"][0]
    assert plugin["Output"].startswith("x" * 2500)
    assert len(plugin["Output"]) <= 2500 + len("\n---Output truncated---")


def test_stderr_truncation(fleet):
    client = fleet.client
    nid = fleet.web_ids[1]
    cid, res = pf.run_and_wait(client, [nid], ["head -c 9000 /dev/zero | tr '\\0' e >&2"])
    err = res[nid]["StandardErrorContent"]
    assert err == "e" * 8000 + "\n---Error truncated----", (len(err), err[-40:])


def test_cancel_kills_the_whole_process_group(fleet, tmp_path):
    client = fleet.client
    nid = fleet.web_ids[0]
    d = tmp_path / "cancel"
    d.mkdir()
    d.chmod(0o777)
    sh_pid_file, sleep_pid_file = d / "sh.pid", d / "sleep.pid"
    script = [
        f"echo $$ > {sh_pid_file}",
        f"sleep 300 & echo $! > {sleep_pid_file}",
        "wait",
    ]
    resp = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[nid],
                               Parameters={"commands": script})
    cid = resp["Command"]["CommandId"]
    pids: list[int] = []
    try:
        def read_pids():
            if sleep_pid_file.exists() and sh_pid_file.exists():
                a, b = sh_pid_file.read_text().strip(), sleep_pid_file.read_text().strip()
                if a.isdigit() and b.isdigit():
                    return [int(a), int(b)]
            return None

        pids = pf.wait_until(read_pids, timeout=60, desc="the script to write its pids")
        sh_pid, sleep_pid = pids
        assert pf.pid_alive(sh_pid) and pf.pid_alive(sleep_pid)
        assert "sleep" in pf.pid_cmdline(sleep_pid)
        pf.wait_invocation(client, cid, nid, timeout=20, statuses={"InProgress"})

        t0 = time.monotonic()
        fleet.aws("ssm", "cancel-command", "--command-id", cid, "--instance-ids", nid)
        inv = pf.wait_invocation(client, cid, nid, timeout=10)
        assert inv["Status"] == "Cancelled", inv
        assert time.monotonic() - t0 < 10, "cancel must end the invocation quickly"
        pf.wait_until(lambda: not pf.pid_alive(sh_pid), timeout=10, desc=f"script shell {sh_pid} gone")
        pf.wait_until(lambda: not pf.pid_alive(sleep_pid), timeout=10,
                      desc=f"background sleep {sleep_pid} (same process group) gone")
        cmd = pf.wait_command(client, cid, timeout=20)
        assert cmd["Status"] == "Cancelled", cmd
    finally:
        for pid in pids:  # never leave a stray sleep behind, even when the test failed
            if pf.pid_alive(pid):
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    pass


def test_cancel_whole_command_without_instance_ids(fleet, tmp_path):
    """CancelCommand without InstanceIds cancels every invocation: running ones are killed, ones
    not yet started (rate control may hold them back) never start."""
    client = fleet.client
    started = tmp_path / "started"
    started.mkdir()
    started.chmod(0o777)
    resp = client.send_command(
        DocumentName="AWS-RunShellScript", Targets=[{"Key": "tag:role", "Values": ["web"]}],
        Parameters={"commands": [f"touch {started}/$$", "sleep 300"]},
    )
    cid = resp["Command"]["CommandId"]
    try:
        pf.wait_until(lambda: len(list(started.iterdir())) >= 1, timeout=60, desc="a web node started")
        client.cancel_command(CommandId=cid)
        for nid in fleet.web_ids:
            inv = pf.wait_invocation(client, cid, nid, timeout=20)
            assert inv["Status"] == "Cancelled", inv
        assert pf.wait_command(client, cid, timeout=20)["Status"] == "Cancelled"
        time.sleep(2)
        for f in started.iterdir():
            pid = int(f.name)
            pf.wait_until(lambda: not pf.pid_alive(pid), timeout=10, desc=f"script {pid} gone")
        after = {f.name for f in started.iterdir()}
        time.sleep(2)
        assert {f.name for f in started.iterdir()} == after, "a cancelled invocation started later"
    finally:
        for f in started.iterdir():
            pid = int(f.name)
            for kill in (os.killpg, os.kill):
                try:
                    kill(pid, 9)
                except (ProcessLookupError, PermissionError):
                    pass


def test_execution_timeout(fleet):
    client = fleet.client
    nid = fleet.db_id
    t0 = time.monotonic()
    resp = client.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[nid],
        Parameters={"commands": ["echo before", "sleep 120", "echo after"], "executionTimeout": ["5"]},
    )
    cid = resp["Command"]["CommandId"]
    inv = pf.wait_invocation(client, cid, nid, timeout=45)
    assert inv["Status"] == "TimedOut", inv
    assert "after" not in inv["StandardOutputContent"]
    assert inv["StandardOutputContent"].startswith("before")
    assert time.monotonic() - t0 < 45


def test_list_commands_reports_parameters(fleet):
    client = fleet.client
    nid = fleet.web_ids[1]
    cid, _ = pf.run_and_wait(client, [nid], ["echo p"], workingDirectory="/tmp")
    cmd = pf.command(client, cid)
    assert cmd["Parameters"]["commands"] == ["echo p"]
    assert cmd["Parameters"]["workingDirectory"] == ["/tmp"]
    assert cmd["DocumentName"] == "AWS-RunShellScript"
    assert cmd["RequestedDateTime"] and cmd["ExpiresAfter"]
    ids = [c["CommandId"] for c in pf.all_commands(client)]
    assert cid in ids and len(ids) == len(set(ids))


@pytest.mark.parametrize("params", [
    {"commands": ["true"], "workingDirectory": ["/nonexistent/dir/for/portless"]},
])
def test_bad_working_directory_fails_cleanly(fleet, params):
    client = fleet.client
    nid = fleet.db_id
    resp = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[nid], Parameters=params)
    inv = pf.wait_invocation(client, resp["Command"]["CommandId"], nid, timeout=60)
    assert inv["Status"] == "Failed", inv


def test_invocation_of_untargeted_node_does_not_exist(fleet):
    client = fleet.client
    resp = client.send_command(DocumentName="AWS-RunShellScript",
                               Targets=[{"Key": "tag:role", "Values": ["web"]}],
                               Parameters={"commands": ["echo web-only"]})
    cid = resp["Command"]["CommandId"]
    for nid in fleet.web_ids:
        pf.wait_invocation(client, cid, nid, timeout=60)
    from botocore.exceptions import ClientError

    with pytest.raises(ClientError) as ei:
        client.get_command_invocation(CommandId=cid, InstanceId=fleet.db_id)
    assert ei.value.response["Error"]["Code"] == "InvocationDoesNotExist"


def test_list_commands_and_invocations_filtered_by_instance(fleet):
    client = fleet.client
    db_cid, _ = pf.run_and_wait(client, [fleet.db_id], ["echo for-db"])
    web_cid, _ = pf.run_and_wait(client, [fleet.web_ids[0]], ["echo for-web"])
    db_cmds = {c["CommandId"] for c in pf.all_commands(client, InstanceId=fleet.db_id)}
    assert db_cid in db_cmds and web_cid not in db_cmds
    invs = client.list_command_invocations(InstanceId=fleet.db_id)["CommandInvocations"]
    assert invs and all(i["InstanceId"] == fleet.db_id for i in invs)
    assert db_cid in {i["CommandId"] for i in invs}


def test_many_concurrent_commands_keep_their_outputs_apart(fleet):
    client = fleet.client
    cids = {}
    for i in range(6):
        resp = client.send_command(DocumentName="AWS-RunShellScript",
                                   Targets=[{"Key": "InstanceIds", "Values": ["*"]}],
                                   Parameters={"commands": [f"sleep 0.$((RANDOM % 5))", f"echo n-{i}"]})
        cids[resp["Command"]["CommandId"]] = i
    for cid, i in cids.items():
        for nid in fleet.all_ids:
            inv = pf.wait_invocation(client, cid, nid, timeout=90)
            assert inv["Status"] == "Success", (inv["StatusDetails"], inv["StandardErrorContent"], inv["StandardOutputContent"], inv["ResponseCode"])
            assert inv["StandardOutputContent"] == f"n-{i}\n", (cid, nid, inv["StandardOutputContent"])


def test_output_is_passed_through_exactly(fleet):
    """Quotes, dollars, backslashes and non-ASCII text survive the trip both ways."""
    client = fleet.client
    nid = fleet.db_id
    lines = [
        """printf '%s\\n' 'single "double" $NOT_EXPANDED \\back'""",
        "echo \"caf\u00e9 \u2713 \u65e5\u672c\"",
        "printf 'no-newline-at-end'",
    ]
    _, res = pf.run_and_wait(client, [nid], lines)
    inv = res[nid]
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"] == (
        'single "double" $NOT_EXPANDED \\back\n'
        "caf\u00e9 \u2713 \u65e5\u672c\n"
        "no-newline-at-end"
    ), inv["StandardOutputContent"]


def test_large_output_below_the_limit_is_complete(fleet):
    client = fleet.client
    nid = fleet.web_ids[1]
    _, res = pf.run_and_wait(client, [nid], ["seq 1 4000"])  # 18,893 chars
    expected = "".join(f"{i}\n" for i in range(1, 4001))
    assert len(expected) < 24000
    assert res[nid]["StandardOutputContent"] == expected


@pytest.mark.parametrize("targets, expect", [
    ([{"Key": "tag:role", "Values": ["web", "db"]}], "all"),          # values are ORed
    ([{"Key": "tag:role", "Values": ["web"]}, {"Key": "tag:fleet", "Values": ["FLEET"]}], "web"),  # keys ANDed
    ([{"Key": "tag:role", "Values": ["db"]}, {"Key": "tag:fleet", "Values": ["nope"]}], "none"),
    ([{"Key": "tag-key", "Values": ["role"]}], "all"),
], ids=["values-or", "keys-and", "keys-and-empty", "tag-key"])
def test_target_selection(fleet, targets, expect):
    client = fleet.client
    targets = [{"Key": t["Key"], "Values": [fleet.fleet_tag if v == "FLEET" else v for v in t["Values"]]}
               for t in targets]
    want = {"all": set(fleet.all_ids), "web": set(fleet.web_ids), "none": set()}[expect]
    resp = client.send_command(DocumentName="AWS-RunShellScript", Targets=targets,
                               Parameters={"commands": ["echo targeted"]})
    cid = resp["Command"]["CommandId"]
    for nid in want:
        inv = pf.wait_invocation(client, cid, nid, timeout=60)
        assert inv["StandardOutputContent"] == "targeted\n"
    cmd = pf.wait_command(client, cid, timeout=30)
    assert set(pf.invocations(client, cid)) == want
    assert cmd["TargetCount"] == len(want)
