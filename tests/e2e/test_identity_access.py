"""Identity and access end to end: an organization of accounts, IAM users and roles, MFA, cross-account
AssumeRole, and one policy evaluator in front of every call — driven by boto3 and the real aws CLI
against the real server and real agents.

One server per module. The management account's root makes an `admin` user; everything else is done as
IAM users and role sessions, as a security team would.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import boto3
import pytest
import requests
from botocore.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from totp import fresh_step, totp  # noqa: E402

ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
SSM_FULL = "arn:aws:iam::aws:policy/AmazonSSMFullAccess"
SSM_READ = "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess"

# AWS's "Allows IAM users to self-manage an MFA device" example, attached as published.
SELF_MANAGE_MFA = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "AllowListActions", "Effect": "Allow", "Action": ["iam:ListUsers", "iam:ListVirtualMFADevices"], "Resource": "*"},
        {"Sid": "AllowUserToCreateVirtualMFADevice", "Effect": "Allow", "Action": ["iam:CreateVirtualMFADevice"],
         "Resource": "arn:aws:iam::*:mfa/*"},
        {"Sid": "AllowUserToManageTheirOwnMFA", "Effect": "Allow",
         "Action": ["iam:EnableMFADevice", "iam:GetMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice"],
         "Resource": "arn:aws:iam::*:user/${aws:username}"},
        {"Sid": "AllowUserToDeactivateTheirOwnMFAOnlyWhenUsingMFA", "Effect": "Allow", "Action": ["iam:DeactivateMFADevice"],
         "Resource": ["arn:aws:iam::*:user/${aws:username}"], "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
        {"Sid": "BlockMostAccessUnlessSignedInWithMFA", "Effect": "Deny",
         "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetMFADevice", "iam:ListMFADevices",
                       "iam:ListUsers", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice"],
         "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
    ],
}


def trust(principal: str) -> str:
    return json.dumps({"Version": "2012-10-17",
                       "Statement": [{"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}]})


def policy(*statements: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def client(server: pf.Server, service: str, creds: dict):
    """A boto3 client signing with `creds` (an access key, or STS Credentials)."""
    session = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                                    aws_session_token=creds.get("SessionToken"), region_name=server.region)
    return session.client(service, endpoint_url=server.url, config=Config(retries={"mode": "standard", "total_max_attempts": 1}))


refused = pf.refused


def make_user(server: pf.Server, iam, name: str, managed: tuple[str, ...] = (), inline: str | None = None) -> dict:
    iam.create_user(UserName=name)
    for arn in managed:
        iam.attach_user_policy(UserName=name, PolicyArn=arn)
    if inline:
        iam.put_user_policy(UserName=name, PolicyName=f"{name}-inline", PolicyDocument=inline)
    return iam.create_access_key(UserName=name)["AccessKey"]


def enable_mfa(iam, user: str) -> tuple[str, str]:
    """Creates and enables a virtual MFA device as `iam`'s caller; returns its serial and Base32 seed."""
    device = iam.create_virtual_mfa_device(VirtualMFADeviceName=user)["VirtualMFADevice"]
    seed = device["Base32StringSeed"].decode()
    now = fresh_step()
    iam.enable_mfa_device(UserName=user, SerialNumber=device["SerialNumber"],
                          AuthenticationCode1=totp(seed, now, -1), AuthenticationCode2=totp(seed, now))
    return device["SerialNumber"], seed


def run_and_wait(ssm, instance_ids=None, targets=None, text="echo ok", timeout=60) -> dict:
    kwargs = {"InstanceIds": instance_ids} if instance_ids else {"Targets": targets}
    command = ssm.send_command(DocumentName="AWS-RunShellScript", Parameters={"commands": [text]}, **kwargs)["Command"]
    deadline = time.time() + timeout
    while time.time() < deadline:
        invocations = ssm.list_command_invocations(CommandId=command["CommandId"], Details=True)["CommandInvocations"]
        if invocations and all(i["Status"] in ("Success", "Failed", "TimedOut", "Cancelled") for i in invocations):
            return {i["InstanceId"]: i for i in invocations}
        time.sleep(0.5)
    raise AssertionError(f"command {command['CommandId']} did not finish")


@pytest.fixture(scope="module")
def world(portless_bin, tmp_path_factory):
    base = tmp_path_factory.mktemp("identity")
    server = pf.start_server(base / "data", name="identity-server")
    root = {"AccessKeyId": server.access_key, "SecretAccessKey": server.secret_key}
    management = client(server, "sts", root).get_caller_identity()["Account"]
    admin = make_user(server, client(server, "iam", root), "admin", (ADMIN,))
    agents: list[pf.Agent] = []
    yield {"server": server, "root": root, "admin": admin, "management": management, "base": base, "agents": agents}
    for agent in agents:
        agent.stop()
    server.process.kill_hard()


def start_agent(world, ssm, name: str, role: str = "PortlessNodeRole") -> str:
    activation = ssm.create_activation(IamRole=role, RegistrationLimit=1)
    agent = pf.spawn_agent(world["server"], world["base"] / name, activation)
    world["agents"].append(agent)
    agent.wait_registered()
    agent.wait_connected()
    return agent.node_id


def test_root_cannot_assume_roles(world):
    server, root = world["server"], world["root"]
    iam = client(server, "iam", root)
    iam.create_role(RoleName="AnyoneInAccount", AssumeRolePolicyDocument=trust(f"arn:aws:iam::{world['management']}:root"))
    code, message = refused(lambda: client(server, "sts", root).assume_role(
        RoleArn=f"arn:aws:iam::{world['management']}:role/AnyoneInAccount", RoleSessionName="root"))
    assert (code, message) == ("AccessDenied", "Roles may not be assumed by root accounts.")


def test_central_scanner_reaches_member_accounts_that_trust_it(world):
    server, admin, management = world["server"], world["admin"], world["management"]
    organizations = client(server, "organizations", admin)
    members = {}
    for name in ("a", "b", "c"):
        status = organizations.create_account(Email=f"member-{name}@example.com", AccountName=f"Member {name}")["CreateAccountStatus"]
        members[name] = status["AccountId"]
    admin_iam = client(server, "iam", admin)
    scanner_arn = f"arn:aws:iam::{management}:role/CentralScanner"
    admin_iam.create_role(RoleName="CentralScanner", AssumeRolePolicyDocument=trust(f"arn:aws:iam::{management}:root"))
    admin_iam.put_role_policy(RoleName="CentralScanner", PolicyName="reach-members", PolicyDocument=policy(
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/PortlessScanTarget"}))
    operator = make_user(server, admin_iam, "operator", inline=policy(
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": scanner_arn}))

    nodes = {}
    for name, account in members.items():
        # The management account's admin reaches each member through the role CreateAccount made there.
        member_admin = client(server, "sts", admin).assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole", RoleSessionName="setup")["Credentials"]
        member_iam = client(server, "iam", member_admin)
        trusted = scanner_arn if name != "c" else f"arn:aws:iam::{account}:root"
        member_iam.create_role(RoleName="PortlessScanTarget", AssumeRolePolicyDocument=trust(trusted))
        member_iam.attach_role_policy(RoleName="PortlessScanTarget", PolicyArn=SSM_FULL)
        if name != "c":
            nodes[name] = start_agent(world, client(server, "ssm", member_admin), f"agent-{name}")

    # The operator becomes the central scanner (through the aws CLI), then each member's target role.
    env = {"AWS_ACCESS_KEY_ID": operator["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": operator["SecretAccessKey"]}
    scanner = pf.aws(server, "sts", "assume-role", "--role-arn", scanner_arn, "--role-session-name", "scan", env_extra=env).json["Credentials"]
    scanner_sts = client(server, "sts", scanner)
    assert scanner_sts.get_caller_identity()["Arn"] == f"arn:aws:sts::{management}:assumed-role/CentralScanner/scan"
    for name in ("a", "b"):
        target = scanner_sts.assume_role(RoleArn=f"arn:aws:iam::{members[name]}:role/PortlessScanTarget",
                                         RoleSessionName="scan")["Credentials"]
        ssm = client(server, "ssm", target)
        results = run_and_wait(ssm, [nodes[name]], text=f"echo hello-from-{name}")
        assert results[nodes[name]]["Status"] == "Success"
        assert f"hello-from-{name}" in results[nodes[name]]["CommandPlugins"][0]["Output"]
        # A member's role sees nothing of the other member's nodes.
        other = nodes["b" if name == "a" else "a"]
        code, _ = refused(lambda: ssm.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[other],
                                                   Parameters={"commands": ["id"]}))
        assert code in ("AccessDeniedException", "InvalidInstanceId")

    code, message = refused(lambda: scanner_sts.assume_role(
        RoleArn=f"arn:aws:iam::{members['c']}:role/PortlessScanTarget", RoleSessionName="scan"))
    assert code == "AccessDenied"
    assert message.startswith(f"User: arn:aws:sts::{management}:assumed-role/CentralScanner/scan is not authorized to perform: "
                              f"sts:AssumeRole on resource: arn:aws:iam::{members['c']}:role/PortlessScanTarget")
    world["members"] = members


def test_service_control_policy_limits_a_member_account(world):
    server, admin = world["server"], world["admin"]
    members = world.get("members") or pytest.skip("needs the member accounts of the previous test")
    organizations = client(server, "organizations", admin)
    member_admin = client(server, "sts", admin).assume_role(
        RoleArn=f"arn:aws:iam::{members['a']}:role/OrganizationAccountAccessRole", RoleSessionName="scp")["Credentials"]
    ssm = client(server, "ssm", member_admin)
    ssm.describe_instance_information()
    scp = organizations.create_policy(Name="no-ssm", Description="", Type="SERVICE_CONTROL_POLICY",
                                      Content=policy({"Effect": "Deny", "Action": "ssm:*", "Resource": "*"}))["Policy"]
    organizations.attach_policy(PolicyId=scp["PolicySummary"]["Id"], TargetId=members["a"])
    code, message = refused(ssm.describe_instance_information)
    assert code == "AccessDeniedException"
    assert message.endswith("with an explicit deny in a service control policy")
    organizations.detach_policy(PolicyId=scp["PolicySummary"]["Id"], TargetId=members["a"])
    ssm.describe_instance_information()


def test_send_command_only_on_team_a_and_only_with_mfa(world):
    server, root = world["server"], world["root"]
    root_ssm = client(server, "ssm", root)
    node_a = start_agent(world, root_ssm, "team-a")
    node_b = start_agent(world, root_ssm, "team-b")
    root_ssm.add_tags_to_resource(ResourceType="ManagedInstance", ResourceId=node_a, Tags=[{"Key": "team", "Value": "a"}])
    root_ssm.add_tags_to_resource(ResourceType="ManagedInstance", ResourceId=node_b, Tags=[{"Key": "team", "Value": "b"}])
    iam = client(server, "iam", root)
    keys = make_user(server, iam, "alice", inline=policy(
        {"Sid": "RunOnTeamA", "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "arn:aws:ssm:*:*:managed-instance/*",
         "Condition": {"StringEquals": {"ssm:resourceTag/team": "a"}, "Bool": {"aws:MultiFactorAuthPresent": "true"}}},
        {"Sid": "ShellDocument", "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "arn:aws:ssm:*::document/AWS-RunShellScript"},
        {"Sid": "ReadResults", "Effect": "Allow", "Action": ["ssm:ListCommandInvocations", "ssm:GetCommandInvocation"], "Resource": "*"},
        {"Sid": "OwnMFA", "Effect": "Allow", "Action": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"],
         "Resource": ["arn:aws:iam::*:mfa/${aws:username}", "arn:aws:iam::*:user/${aws:username}"]}))
    alice_iam = client(server, "iam", keys)
    serial, seed = enable_mfa(alice_iam, "alice")

    # Long-term keys carry no MFA: refused, and the message says which policy decided.
    code, message = refused(lambda: client(server, "ssm", keys).send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[node_a], Parameters={"commands": ["id"]}))
    assert code == "AccessDeniedException"
    assert message == (f"User: arn:aws:iam::{world['management']}:user/alice is not authorized to perform: ssm:SendCommand on resource: "
                       f"arn:aws:ssm:{server.region}:{world['management']}:managed-instance/{node_a} because no identity-based policy "
                       "allows the ssm:SendCommand action")

    code_now = totp(seed, step_offset=1)
    session = client(server, "sts", keys).get_session_token(SerialNumber=serial, TokenCode=code_now)["Credentials"]
    # The same code is refused a second time.
    assert refused(lambda: client(server, "sts", keys).get_session_token(SerialNumber=serial, TokenCode=code_now)) == (
        "AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code.")
    ssm = client(server, "ssm", session)
    results = run_and_wait(ssm, [node_a], text="echo team-a-with-mfa")
    assert results[node_a]["Status"] == "Success"
    assert refused(lambda: ssm.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[node_b],
                                            Parameters={"commands": ["id"]}))[0] == "AccessDeniedException"
    # Chosen by tag, team b's node is refused as well; team a's is run.
    assert refused(lambda: ssm.send_command(DocumentName="AWS-RunShellScript", Targets=[{"Key": "tag:team", "Values": ["b"]}],
                                            Parameters={"commands": ["id"]}))[0] == "AccessDeniedException"
    results = run_and_wait(ssm, targets=[{"Key": "tag:team", "Values": ["a"]}], text="echo by-tag")
    assert list(results) == [node_a]


def test_aws_recommended_mfa_policy_verbatim(world):
    server, root = world["server"], world["root"]
    iam = client(server, "iam", root)
    keys = make_user(server, iam, "bob", (SSM_READ,), inline=json.dumps(SELF_MANAGE_MFA))
    ssm = client(server, "ssm", keys)
    code, message = refused(ssm.describe_instance_information)
    assert code == "AccessDeniedException"
    assert message.endswith("with an explicit deny in an identity-based policy")
    bob_iam = client(server, "iam", keys)
    bob_iam.list_virtual_mfa_devices()
    serial, seed = enable_mfa(bob_iam, "bob")
    # Deactivating needs MFA.
    assert refused(lambda: bob_iam.deactivate_mfa_device(UserName="bob", SerialNumber=serial))[0] == "AccessDenied"
    session = client(server, "sts", keys).get_session_token(SerialNumber=serial, TokenCode=totp(seed, step_offset=1))["Credentials"]
    assert "InstanceInformationList" in client(server, "ssm", session).describe_instance_information()


def test_presigned_url_is_decided_with_the_signers_permissions_at_use(world):
    server, root = world["server"], world["root"]
    client(server, "s3", root).create_bucket(Bucket="identity-reports")
    iam = client(server, "iam", root)
    keys = make_user(server, iam, "carol", inline=policy(
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::identity-reports/*"}))
    s3 = client(server, "s3", keys)
    s3.put_object(Bucket="identity-reports", Key="r.txt", Body=b"report")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "identity-reports", "Key": "r.txt"}, ExpiresIn=600)
    assert requests.get(url, timeout=10).content == b"report"
    iam.put_user_policy(UserName="carol", PolicyName="deny-read", PolicyDocument=policy(
        {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}))
    reply = requests.get(url, timeout=10)
    assert reply.status_code == 403 and b"<Code>AccessDenied</Code>" in reply.content


def test_bucket_policy_lets_another_account_read(world):
    server, root, admin = world["server"], world["root"], world["admin"]
    members = world.get("members") or pytest.skip("needs the member accounts")
    s3 = client(server, "s3", root)
    s3.create_bucket(Bucket="shared-results")
    s3.put_object(Bucket="shared-results", Key="x", Body=b"shared")
    member = client(server, "sts", admin).assume_role(
        RoleArn=f"arn:aws:iam::{members['b']}:role/OrganizationAccountAccessRole", RoleSessionName="reader")["Credentials"]
    member_s3 = client(server, "s3", member)
    assert refused(lambda: member_s3.get_object(Bucket="shared-results", Key="x"))[0] == "AccessDenied"
    s3.put_bucket_policy(Bucket="shared-results", Policy=policy(
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{members['b']}:root"}, "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::shared-results/*"}))
    assert member_s3.get_object(Bucket="shared-results", Key="x")["Body"].read() == b"shared"


def test_simulate_principal_policy(world):
    server, root = world["server"], world["root"]
    iam = client(server, "iam", root)
    arn = f"arn:aws:iam::{world['management']}:user/alice"
    node = f"arn:aws:ssm:{server.region}:{world['management']}:managed-instance/mi-00000000000000000"
    results = iam.simulate_principal_policy(PolicySourceArn=arn, ActionNames=["ssm:SendCommand", "ssm:DeleteDocument"],
                                            ResourceArns=[node],
                                            ContextEntries=[{"ContextKeyName": "aws:MultiFactorAuthPresent", "ContextKeyValues": ["true"],
                                                             "ContextKeyType": "boolean"},
                                                            {"ContextKeyName": "ssm:resourceTag/team", "ContextKeyValues": ["a"],
                                                             "ContextKeyType": "string"}])["EvaluationResults"]
    decisions = {r["EvalActionName"]: r["EvalDecision"] for r in results}
    assert decisions == {"ssm:SendCommand": "allowed", "ssm:DeleteDocument": "implicitDeny"}
    matched = next(r for r in results if r["EvalActionName"] == "ssm:SendCommand")["MatchedStatements"]
    assert matched and matched[0]["SourcePolicyId"] == "alice-inline"
    cli = pf.aws(server, "iam", "simulate-custom-policy", "--policy-input-list", policy(
        {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}), "--action-names", "s3:GetObject").json
    assert cli["EvaluationResults"][0]["EvalDecision"] == "explicitDeny"


def test_bad_policies_and_credentials_are_refused_and_change_nothing(world):
    server, root = world["server"], world["root"]
    iam = client(server, "iam", root)
    iam.create_user(UserName="dave")
    before = iam.list_user_policies(UserName="dave")["PolicyNames"]
    bad = {
        "unknown operator": policy({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEqualz": {"aws:username": "x"}}}),
        "duplicate sid": policy({"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                                {"Sid": "A", "Effect": "Allow", "Action": "ssm:*", "Resource": "*"}),
        "principal in identity policy": policy({"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}),
        "not json": "{nope",
    }
    for name, document in bad.items():
        code, _ = refused(lambda: iam.put_user_policy(UserName="dave", PolicyName="p", PolicyDocument=document))
        assert code == "MalformedPolicyDocument", name
    code, message = refused(lambda: iam.create_role(RoleName="NoPrincipal", AssumeRolePolicyDocument=policy(
        {"Effect": "Allow", "Action": "sts:AssumeRole"})))
    assert code == "MalformedPolicyDocument"
    assert iam.list_user_policies(UserName="dave")["PolicyNames"] == before
    keys = iam.create_access_key(UserName="dave")["AccessKey"]
    iam.update_access_key(UserName="dave", AccessKeyId=keys["AccessKeyId"], Status="Inactive")
    assert refused(lambda: client(server, "sts", keys).get_caller_identity())[0] == "InvalidClientTokenId"


def test_a_node_acts_as_its_activation_role(world):
    server, root = world["server"], world["root"]
    ssm, iam = client(server, "ssm", root), client(server, "iam", root)
    node = start_agent(world, ssm, "node-role", role="EdgeNodeRole")
    role = iam.get_role(RoleName="EdgeNodeRole")["Role"]
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {"Service": "ssm.amazonaws.com"}
    attached = [p["PolicyName"] for p in iam.list_attached_role_policies(RoleName="EdgeNodeRole")["AttachedPolicies"]]
    assert attached == ["AmazonSSMManagedInstanceCore"]
    agent = world["agents"][-1]
    # Without the node policy its role may not log in: the agent stays disconnected.
    iam.detach_role_policy(RoleName="EdgeNodeRole", PolicyArn="arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
    agent.kill9()
    start = agent.process.line_count() if agent.process.alive() else 0
    agent.restart()
    time.sleep(5)
    assert pf.instance_info(ssm, [node])[node]["PingStatus"] != "Online"
    iam.attach_role_policy(RoleName="EdgeNodeRole", PolicyArn="arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
    agent.wait_connected(timeout=90, start=start)
    # Passing a role needs iam:PassRole: a user allowed only CreateActivation is refused.
    keys = make_user(server, iam, "activator", inline=policy({"Effect": "Allow", "Action": "ssm:CreateActivation", "Resource": "*"}))
    code, message = refused(lambda: client(server, "ssm", keys).create_activation(IamRole="EdgeNodeRole"))
    assert code == "AccessDeniedException" and "iam:PassRole" in message


def test_portless_iam_simulate_and_validate_policy(world, tmp_path):
    import subprocess
    server = world["server"]
    env = server.client_env({"PORTLESS_ENDPOINT": server.url})

    def portless(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([pf.PORTLESS_BIN, *args], env=env, capture_output=True, text=True, timeout=60)

    node = f"arn:aws:ssm:{server.region}:{world['management']}:managed-instance/mi-00000000000000000"
    out = portless("iam", "simulate", "--principal", f"arn:aws:iam::{world['management']}:user/alice", "--action", "ssm:SendCommand",
                   "--resource", node, "--context", "aws:MultiFactorAuthPresent=true", "--context", "ssm:resourceTag/team=a")
    assert out.returncode == 0, out.stderr
    assert "allowed" in out.stdout and "alice-inline" in out.stdout
    out = portless("iam", "simulate", "--principal", f"arn:aws:iam::{world['management']}:user/alice", "--action", "ssm:SendCommand",
                   "--resource", node, "--context", "ssm:resourceTag/team=b")
    assert "implicitDeny" in out.stdout

    ec2 = tmp_path / "ec2.json"
    ec2.write_text(policy({"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "arn:aws:ec2:*:*:instance/*"}))
    out = portless("iam", "validate-policy", str(ec2))
    assert out.returncode == 0 and "WARNING RESOURCE_NEVER_MATCHES" in out.stdout
    broken = tmp_path / "broken.json"
    broken.write_text('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*",\n "Condition": {"StringEqualz": {"a": "b"}}}]}')
    out = portless("iam", "validate-policy", str(broken))
    assert out.returncode == 1 and "ERROR" in out.stdout


def test_source_ip_and_secure_transport_reach_conditions(world):
    server, root = world["server"], world["root"]
    iam = client(server, "iam", root)
    keys = make_user(server, iam, "erin", inline=policy(
        {"Effect": "Allow", "Action": "ssm:DescribeInstanceInformation", "Resource": "*",
         "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}))
    ssm = client(server, "ssm", keys)
    assert refused(ssm.describe_instance_information)[0] == "AccessDeniedException"
    iam.put_user_policy(UserName="erin", PolicyName="erin-inline", PolicyDocument=policy(
        {"Effect": "Allow", "Action": "ssm:DescribeInstanceInformation", "Resource": "*",
         "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "127.0.0.0/8"]}}},
        {"Effect": "Deny", "Action": "ssm:ListCommands", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}))
    ssm.describe_instance_information()
    code, message = refused(ssm.list_commands)
    assert code == "AccessDeniedException" and message.endswith("with an explicit deny in an identity-based policy")
