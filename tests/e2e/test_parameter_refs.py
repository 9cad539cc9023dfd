"""Parameter Store from commands, end to end: `{{ssm:/name}}` in SendCommand parameters and in a document's
content resolves at SendCommand through the caller's ssm:GetParameters permission and reaches the node's
script; a SecureString or missing reference is refused as SSM refuses it (InvalidParameters). A script reads a
SecureString itself with the aws CLI, acting as the node's role (the agent hands its steps the role session's
credentials), and cannot once the role loses kms:Decrypt."""

from __future__ import annotations

import json

import pytest

import portless_fixtures as pf

refused = pf.refused


@pytest.fixture(scope="module")
def setup(pair):
    server, ssm, nodes = pair
    ssm.put_parameter(Name="/refs/greeting", Value="hello from parameter store", Type="String")
    ssm.put_parameter(Name="/refs/greeting", Value="second version", Overwrite=True)
    ssm.put_parameter(Name="/refs/secret", Value="do-not-interpolate", Type="SecureString")
    return server, ssm, nodes


def test_reference_in_parameters_reaches_the_script(setup):
    _, ssm, nodes = setup
    _, results = pf.run_and_wait(ssm, nodes[:1], ["echo '{{ssm:/refs/greeting}}'", "echo '{{ ssm:/refs/greeting:1 }}'"])
    inv = results[nodes[0]]
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"] == "second version\nhello from parameter store\n"


def test_reference_in_document_content(setup):
    server, ssm, nodes = setup
    content = {"schemaVersion": "2.2", "description": "refs",
               "parameters": {"who": {"type": "String", "default": "{{ssm:/refs/greeting:1}}"}},
               "mainSteps": [{"action": "aws:runShellScript", "name": "say",
                              "inputs": {"runCommand": ["echo \"{{who}} / {{ssm:/refs/greeting}}\""]}}]}
    ssm.create_document(Name="RefsDoc", DocumentType="Command", Content=json.dumps(content))
    cid = ssm.send_command(DocumentName="RefsDoc", InstanceIds=nodes[:1])["Command"]["CommandId"]
    inv = pf.wait_invocation(ssm, cid, nodes[0], timeout=60)
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"] == "hello from parameter store / second version\n"


@pytest.mark.parametrize("reference", ["{{ssm:/refs/secret}}", "{{ssm:/refs/none}}", "{{ssm:/refs/greeting:9}}"])
def test_secure_or_missing_reference_is_refused(setup, reference):
    _, ssm, nodes = setup
    before = len(ssm.list_commands()["Commands"])
    code, message = refused(lambda: ssm.send_command(DocumentName="AWS-RunShellScript", InstanceIds=nodes[:1],
                                                     Parameters={"commands": [f"echo {reference}"]}))
    assert code == "InvalidParameters" and "cannot be resolved" in message
    assert len(ssm.list_commands()["Commands"]) == before


def test_reference_needs_get_parameters(setup):
    server, ssm, nodes = setup
    iam = server.client("iam")
    iam.create_user(UserName="runner")
    made = iam.create_access_key(UserName="runner")["AccessKey"]
    iam.put_user_policy(UserName="runner", PolicyName="run", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ssm:SendCommand", "ssm:ListCommands"], "Resource": "*"}]}))
    runner = server.client("ssm", access_key=made["AccessKeyId"], secret_key=made["SecretAccessKey"])
    pf.wait_until(lambda: _ok(lambda: runner.list_commands()), timeout=10, desc="policy applies")
    code, message = refused(lambda: runner.send_command(DocumentName="AWS-RunShellScript", InstanceIds=nodes[:1],
                                                        Parameters={"commands": ["echo {{ssm:/refs/greeting}}"]}))
    assert code == "AccessDeniedException"
    assert "ssm:GetParameters on resource: arn:aws:ssm:" in message and ":parameter/refs/greeting" in message


ROLE = "portless-node"  # the activation's role in the `pair` fixture


def test_script_reads_a_secure_string_through_its_role(setup):
    server, ssm, nodes = setup
    kms = server.client("kms")
    iam = server.client("iam")
    key = kms.create_key(Description="node secrets")["KeyMetadata"]
    ssm.put_parameter(Name="/role/secret", Value="only-for-the-role", Type="SecureString", KeyId=key["KeyId"])
    iam.put_role_policy(RoleName=ROLE, PolicyName="decrypt", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": key["Arn"]}]}))
    read = ["aws sts get-caller-identity --query Arn --output text",
            "aws ssm get-parameter --name /role/secret --with-decryption --query Parameter.Value --output text"]
    _, results = pf.run_and_wait(ssm, nodes[:1], read, timeout=90)
    inv = results[nodes[0]]
    assert inv["Status"] == "Success", inv
    identity, value = inv["StandardOutputContent"].splitlines()
    assert identity.endswith(f":assumed-role/{ROLE}/{nodes[0]}") and value == "only-for-the-role"

    iam.delete_role_policy(RoleName=ROLE, PolicyName="decrypt")
    _, results = pf.run_and_wait(ssm, nodes[:1], read, timeout=90)
    inv = results[nodes[0]]
    assert inv["Status"] == "Failed", inv
    assert "AccessDeniedException" in inv["StandardErrorContent"] and "kms:Decrypt" in inv["StandardErrorContent"]


def _ok(call) -> bool:
    try:
        call()
        return True
    except Exception:  # noqa: BLE001 - any refusal means "not yet"
        return False
