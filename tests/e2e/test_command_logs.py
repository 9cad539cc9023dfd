"""Run Command's CloudWatchOutputConfig against the shared fleet: each invocation's stdout and stderr land in
the named (or SSM's default) log group under SSM's stream names; `portless logs tail` prints them and, with
--follow, what arrives later; a caller who may not write the group is refused at SendCommand."""

from __future__ import annotations

import json
import subprocess

import portless_fixtures as pf


def send(client, node_ids: list[str], commands: list[str], **output) -> str:
    reply = client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=node_ids,
                                Parameters={"commands": commands}, CloudWatchOutputConfig=output)
    command_id = reply["Command"]["CommandId"]
    for node in node_ids:
        pf.wait_invocation(client, command_id, node, timeout=60)
    return command_id


def stream_events(logs, group: str, stream: str) -> list[str]:
    return [e["message"] for e in logs.get_log_events(logGroupName=group, logStreamName=stream, startFromHead=True)["events"]]


def test_output_goes_to_the_named_group(fleet):
    group = "/portless/" + pf.unique("run")
    node = fleet.web_ids[0]
    command_id = send(fleet.client, [node], ["echo out-line", "echo err-line >&2"],
                      CloudWatchLogGroupName=group, CloudWatchOutputEnabled=True)
    logs = fleet.server.client("logs")
    base = f"{command_id}/{node}/aws-runShellScript"
    assert stream_events(logs, group, base + "/stdout") == ["out-line"]
    assert stream_events(logs, group, base + "/stderr") == ["err-line"]
    listed = fleet.client.list_commands(CommandId=command_id)["Commands"][0]
    assert listed["CloudWatchOutputConfig"] == {"CloudWatchLogGroupName": group, "CloudWatchOutputEnabled": True}
    invocation = fleet.client.list_command_invocations(CommandId=command_id)["CommandInvocations"][0]
    assert invocation["CloudWatchOutputConfig"]["CloudWatchLogGroupName"] == group


def test_default_group_is_ssms(fleet):
    node = fleet.web_ids[1]
    command_id = send(fleet.client, [node], ["echo default-group"], CloudWatchOutputEnabled=True)
    logs = fleet.server.client("logs")
    group = "aws/ssm/AWS-RunShellScript"
    assert stream_events(logs, group, f"{command_id}/{node}/aws-runShellScript/stdout") == ["default-group"]


def test_disabled_output_writes_nothing(fleet):
    group = "/portless/" + pf.unique("off")
    send(fleet.client, [fleet.db_id], ["echo nothing"], CloudWatchLogGroupName=group, CloudWatchOutputEnabled=False)
    assert fleet.server.client("logs").describe_log_groups(logGroupNamePrefix=group)["logGroups"] == []


def test_logs_tail_prints_and_follows(fleet):
    group = "/portless/" + pf.unique("tail")
    node = fleet.web_ids[0]
    send(fleet.client, [node], ["echo first-output"], CloudWatchLogGroupName=group, CloudWatchOutputEnabled=True)
    env = fleet.server.client_env()
    printed = pf.run_portless(["logs", "tail", group, "--since", "1h", "--endpoint-url", fleet.server.url], env=env)
    assert printed.returncode == 0, printed.stderr
    assert "first-output" in printed.stdout and "/aws-runShellScript/stdout" in printed.stdout

    filtered = pf.run_portless(["logs", "tail", group, "--since", "1h", "--filter-pattern", "nomatch",
                                "--endpoint-url", fleet.server.url], env=env)
    assert filtered.returncode == 0 and filtered.stdout == ""

    follower = pf.ManagedProcess("logs-tail", [pf.PORTLESS_BIN, "logs", "tail", group, "--follow", "--since", "1h",
                                               "--poll-interval", "0.2", "--endpoint-url", fleet.server.url], env=env)
    try:
        follower.wait_for_line("first-output", timeout=30)
        send(fleet.client, [node], ["echo later-output"], CloudWatchLogGroupName=group, CloudWatchOutputEnabled=True)
        follower.wait_for_line("later-output", timeout=30)
        assert sum("first-output" in line for line in follower.stdout_text().splitlines()) == 1
    finally:
        follower.stop()


def test_refused_without_permission_to_write_the_group(fleet):
    iam = fleet.server.client("iam")
    user = pf.unique("no-logs")
    iam.create_user(UserName=user)
    iam.put_user_policy(UserName=user, PolicyName="run-only", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["ssm:SendCommand", "ssm:ListCommands"], "Resource": "*"}]}))
    key = iam.create_access_key(UserName=user)["AccessKey"]
    ssm = fleet.server.client(access_key=key["AccessKeyId"], secret_key=key["SecretAccessKey"])
    before = len(pf.all_commands(fleet.client))
    code, message = pf.refused(lambda: ssm.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[fleet.db_id], Parameters={"commands": ["echo x"]},
        CloudWatchOutputConfig={"CloudWatchLogGroupName": "/secret", "CloudWatchOutputEnabled": True}))
    assert code == "AccessDeniedException" and "logs:PutLogEvents" in message
    assert len(pf.all_commands(fleet.client)) == before
