"""EventBridge rules end to end, with the real binary, real agents, boto3 and a local webhook server: a rule on
"node registered" runs a document on the new node; a rule on failed invocations posts a Slack-style payload to a
webhook while a hanging and a failing webhook of another rule delay nothing and end as dead letters; a schedule
rule fires on time; rules, targets and their deliveries survive a restart."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import portless_fixtures as pf

NODE_REGISTERED = "SSM Managed Instance Registration"
INVOCATION_EVENT = "EC2 Command Invocation Status-change Notification"


class Webhooks:
    """A local HTTP server: /ok/<name> records each POST, /fail answers 500, /hang never answers in time."""

    def __init__(self):
        self.posts: dict[str, list[tuple[float, dict]]] = {}
        self.lock = threading.Lock()
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path.startswith("/hang"):
                    time.sleep(30)
                    return
                if self.path.startswith("/fail"):
                    self.send_response(500)
                    self.end_headers()
                    return
                with hooks.lock:
                    hooks.posts.setdefault(self.path, []).append((time.time(), json.loads(body or b"null")))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"

    def received(self, path: str) -> list[tuple[float, dict]]:
        with self.lock:
            return list(self.posts.get(path, []))


@pytest.fixture(scope="module")
def hooks():
    h = Webhooks()
    yield h
    h.http.shutdown()


@pytest.fixture(scope="module")
def server(portless_bin, tmp_path_factory):
    s = pf.start_server(tmp_path_factory.mktemp("rules") / "server", name="rules-server",
                        env={"PORTLESS_TEST_EVENT_SCHEDULE_SECONDS": "1"})
    yield s
    s.process.kill_hard()
    for old in s.previous_processes:
        old.kill_hard()


@pytest.fixture(scope="module")
def account(server):
    return server.client("sts").get_caller_identity()["Account"]


@pytest.fixture(scope="module")
def runner_role(server, account):
    iam = server.client("iam")
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
                                                      "Action": "sts:AssumeRole"}]}
    iam.create_role(RoleName="events-runner", AssumeRolePolicyDocument=json.dumps(trust))
    iam.put_role_policy(RoleName="events-runner", PolicyName="send", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "*"}]}))
    return f"arn:aws:iam::{account}:role/events-runner"


def deliveries(server, rule: str, state: str = "DEAD_LETTERED") -> list[dict]:
    reply = pf.signed_request(server, "Portless.ListRuleDeliveries", json.dumps({"Rule": rule, "State": state}))
    assert reply.status_code == 200, reply.text
    return reply.json()["Deliveries"]


def test_node_registered_runs_document(server, tmp_path, account, runner_role):
    events = server.client("events")
    events.put_rule(Name="greet-new-nodes", RoleArn=runner_role, EventPattern=json.dumps(
        {"source": ["aws.ssm"], "detail-type": [NODE_REGISTERED]}))
    events.put_targets(Rule="greet-new-nodes", Targets=[{
        "Id": "hello", "Arn": f"arn:aws:ssm:{server.region}:{account}:document/AWS-RunShellScript",
        "Input": json.dumps({"commands": ["echo hello-from-rule"]})}])
    activation = pf.create_activation(server, limit=1)
    agent = pf.spawn_agent(server, tmp_path / "agent", activation)
    try:
        node = agent.wait_registered()
        agent.wait_connected()
        ssm = server.client()

        def sent():
            found = [c for c in pf.all_commands(ssm) if node in c.get("InstanceIds", []) or c.get("Comment") == "EventBridge rule greet-new-nodes"]
            return found[0] if found else None
        command = pf.wait_until(sent, timeout=30, desc="the rule's command")
        assert command["DocumentName"] == "AWS-RunShellScript" and command["Comment"] == "EventBridge rule greet-new-nodes"
        done = pf.wait_command(ssm, command["CommandId"], timeout=60)
        assert done["Status"] == "Success"
        invocation = pf.get_invocation(ssm, command["CommandId"], node)
        assert "hello-from-rule" in invocation["StandardOutputContent"]
    finally:
        agent.stop()


def test_failed_invocation_notifies_webhook_despite_bad_targets(server, tmp_path, hooks, make_agents):
    events = server.client("events")
    failed = json.dumps({"source": ["aws.ssm"], "detail-type": [INVOCATION_EVENT], "detail": {"status": ["Failed"]}})
    events.put_rule(Name="bad-hooks", EventPattern=failed)
    events.put_targets(Rule="bad-hooks", Targets=[
        {"Id": "hang", "Arn": f"{hooks.url}/hang", "RetryPolicy": {"MaximumRetryAttempts": 1}},
        {"Id": "fail", "Arn": f"{hooks.url}/fail", "RetryPolicy": {"MaximumRetryAttempts": 2}}])
    events.put_rule(Name="notify-failures", EventPattern=failed)
    events.put_targets(Rule="notify-failures", Targets=[{
        "Id": "slack", "Arn": f"{hooks.url}/ok/slack",
        "InputTransformer": {"InputPathsMap": {"node": "$.detail.instance-id", "command": "$.detail.command-id"},
                             "InputTemplate": '{"text": "Run Command <command> failed on <node>"}'}}])
    activation = pf.create_activation(server, limit=1)
    node = make_agents(server, 1, activation)[0].node_id
    ssm = server.client()
    command_id = ssm.send_command(InstanceIds=[node], DocumentName="AWS-RunShellScript",
                                  Parameters={"commands": ["exit 3"]})["Command"]["CommandId"]
    pf.wait_command(ssm, command_id, timeout=60)
    ended = time.time()
    pf.wait_until(lambda: hooks.received("/ok/slack"), timeout=10, desc="the Slack-style webhook post")
    posted_at, payload = hooks.received("/ok/slack")[0]
    assert payload == {"text": f"Run Command {command_id} failed on {node}"}
    assert posted_at - ended < 3, "the hanging and failing webhooks delayed the good one"

    def dead():
        letters = deliveries(server, "bad-hooks")
        return letters if len(letters) == 2 else None
    letters = pf.wait_until(dead, timeout=60, desc="both bad targets dead-lettered")
    by_target = {d["TargetId"]: d for d in letters}
    assert by_target["fail"]["Attempts"] == 3 and "HTTP 500" in by_target["fail"]["LastError"]
    assert by_target["hang"]["Attempts"] == 2
    assert deliveries(server, "notify-failures") == []


def test_schedule_rule_fires_on_time(server, hooks):
    events = server.client("events")
    events.put_rule(Name="every-2s", ScheduleExpression="rate(2 seconds)")
    events.put_targets(Rule="every-2s", Targets=[{"Id": "tick", "Arn": f"{hooks.url}/ok/tick"}])
    started = time.time()
    pf.wait_until(lambda: len(hooks.received("/ok/tick")) >= 3, timeout=15, desc="three scheduled posts")
    events.disable_rule(Name="every-2s")
    times = [t for t, _ in hooks.received("/ok/tick")][:3]
    assert times[0] - started < 3.5
    assert all(1.0 < b - a < 3.5 for a, b in zip(times, times[1:])), times
    event = hooks.received("/ok/tick")[0][1]
    assert event["source"] == "aws.events" and event["detail-type"] == "Scheduled Event" and event["resources"][0].endswith(":rule/every-2s")


def test_rules_survive_restart(server, hooks):
    events = server.client("events")
    events.put_rule(Name="orders", EventPattern=json.dumps({"source": ["my.shop"], "detail": {"total": [{"numeric": [">=", 100]}]}}))
    events.put_targets(Rule="orders", Targets=[{"Id": "big", "Arn": f"{hooks.url}/ok/orders", "InputPath": "$.detail"}])
    server.restart()
    events = server.client("events")
    assert events.describe_rule(Name="orders")["State"] == "ENABLED"
    assert [t["Id"] for t in events.list_targets_by_rule(Rule="orders")["Targets"]] == ["big"]
    reply = events.put_events(Entries=[{"Source": "my.shop", "DetailType": "order", "Detail": json.dumps({"total": n})} for n in (5, 150)])
    assert reply["FailedEntryCount"] == 0
    pf.wait_until(lambda: hooks.received("/ok/orders"), timeout=10, desc="the order webhook post")
    time.sleep(0.5)
    assert [body for _, body in hooks.received("/ok/orders")] == [{"total": 150}]


def test_log_group_target_writes_each_event_to_its_own_stream(server):
    events, logs = server.client("events"), server.client("logs")
    account = server.client("sts").get_caller_identity()["Account"]
    group = "/aws/events/" + pf.unique("audit")
    events.put_rule(Name="to-logs", EventPattern=json.dumps({"source": ["my.audit"]}))
    events.put_targets(Rule="to-logs", Targets=[{"Id": "group", "Arn": f"arn:aws:logs:{server.region}:{account}:log-group:{group}:*"}])
    foreign = events.put_targets(Rule="to-logs", Targets=[{"Id": "other", "Arn": f"arn:aws:logs:{server.region}:999988887777:log-group:x"}])
    assert foreign["FailedEntryCount"] == 1
    reply = events.put_events(Entries=[{"Source": "my.audit", "DetailType": "login", "Detail": json.dumps({"user": u})} for u in ("kim", "lee")])
    ids = [entry["EventId"] for entry in reply["Entries"]]

    def written() -> list[dict]:
        found = logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]
        return logs.filter_log_events(logGroupName=group)["events"] if found else []

    pf.wait_until(lambda: len(written()) == 2, timeout=15, desc="both events in the log group")
    by_stream = {e["logStreamName"]: json.loads(e["message"]) for e in written()}
    assert set(by_stream) == set(ids)
    assert sorted(body["detail"]["user"] for body in by_stream.values()) == ["kim", "lee"]
