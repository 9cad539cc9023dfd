"""AWS Organizations in the JSON 1.1 shape, driven by boto3 and the real aws CLI.

The account made at first start manages the organization; CreateAccount makes member accounts with the
role AWS makes in each; service control policies are created, attached and detached. Every reply is
checked against botocore's model; every bad input gets Organizations' error and changes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

DENY_SSM = {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ssm:*", "Resource": "*"}]}


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory) -> pf.Server:
    server = pf.start_server(tmp_path_factory.mktemp("org") / "data", name="org-server")
    yield server
    server.process.kill_hard()


@pytest.fixture(scope="module")
def org(srv):
    return srv.client("organizations")


@pytest.fixture(scope="module")
def checked(org):
    checker = ModelChecker("organizations")
    with RawReplies(org) as raw:
        yield raw
        checker.assert_conforms(*raw.replies)


refused = pf.refused


def management_id(srv) -> str:
    return srv.client("sts").get_caller_identity()["Account"]


def test_first_account_manages_the_organization(srv, org, checked):
    organization = org.describe_organization()["Organization"]
    assert organization["MasterAccountId"] == management_id(srv)
    assert organization["Id"].startswith("o-")
    assert organization["FeatureSet"] == "ALL"
    roots = org.list_roots()["Roots"]
    assert len(roots) == 1 and roots[0]["Id"].startswith("r-")
    accounts = org.list_accounts()["Accounts"]
    assert [a["Id"] for a in accounts] == [management_id(srv)]
    # The CLI sees the same organization.
    cli = pf.aws(srv, "organizations", "describe-organization").json
    assert cli["Organization"]["Id"] == organization["Id"]


def test_create_account_makes_a_member_with_its_access_role(srv, org, checked):
    status = org.create_account(Email="member1@example.com", AccountName="Member One")["CreateAccountStatus"]
    assert status["State"] == "SUCCEEDED" and status["Id"].startswith("car-")
    account_id = status["AccountId"]
    assert org.describe_create_account_status(CreateAccountRequestId=status["Id"])["CreateAccountStatus"] == status
    account = org.describe_account(AccountId=account_id)["Account"]
    assert account["Name"] == "Member One" and account["Email"] == "member1@example.com"
    assert account["JoinedMethod"] == "CREATED" and account["Status"] == "ACTIVE"
    assert account_id in [a["Id"] for a in org.list_accounts()["Accounts"]]
    # FullAWSAccess is attached to the new account, as AWS attaches it.
    attached = org.list_policies_for_target(TargetId=account_id, Filter="SERVICE_CONTROL_POLICY")["Policies"]
    assert [p["Id"] for p in attached] == ["p-FullAWSAccess"]


def test_create_account_through_the_cli_with_a_role_name(srv):
    out = pf.aws(srv, "organizations", "create-account", "--email", "cli@example.com", "--account-name", "From CLI",
                 "--role-name", "AdminFromCentral").json
    assert out["CreateAccountStatus"]["State"] == "SUCCEEDED"


def test_duplicate_email_fails_the_request_not_the_call(srv, org, checked):
    before = len(org.list_accounts()["Accounts"])
    status = org.create_account(Email="MEMBER1@example.com", AccountName="Again")["CreateAccountStatus"]
    assert status["State"] == "FAILED" and status["FailureReason"] == "EMAIL_ALREADY_EXISTS"
    assert "AccountId" not in status
    assert len(org.list_accounts()["Accounts"]) == before


def test_service_control_policies(srv, org, checked):
    policy = org.create_policy(Name="deny-ssm", Description="No SSM", Type="SERVICE_CONTROL_POLICY",
                               Content=json.dumps(DENY_SSM))["Policy"]
    policy_id = policy["PolicySummary"]["Id"]
    assert json.loads(policy["Content"]) == DENY_SSM
    names = [p["Name"] for p in org.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"]]
    assert names == ["FullAWSAccess", "deny-ssm"]
    member = org.create_account(Email="scp@example.com", AccountName="SCP target")["CreateAccountStatus"]["AccountId"]
    org.attach_policy(PolicyId=policy_id, TargetId=member)
    attached = {p["Id"] for p in org.list_policies_for_target(TargetId=member, Filter="SERVICE_CONTROL_POLICY")["Policies"]}
    assert attached == {"p-FullAWSAccess", policy_id}
    targets = org.list_targets_for_policy(PolicyId=policy_id)["Targets"]
    assert [(t["TargetId"], t["Type"]) for t in targets] == [(member, "ACCOUNT")]
    assert refused(lambda: org.attach_policy(PolicyId=policy_id, TargetId=member)) == (
        "DuplicatePolicyAttachmentException", "The selected policy is already attached to the specified target.")
    assert refused(lambda: org.delete_policy(PolicyId=policy_id))[0] == "PolicyInUseException"
    updated = org.update_policy(PolicyId=policy_id, Description="Still no SSM")["Policy"]
    assert updated["PolicySummary"]["Description"] == "Still no SSM"
    org.detach_policy(PolicyId=policy_id, TargetId=member)
    assert refused(lambda: org.detach_policy(PolicyId=policy_id, TargetId=member))[0] == "PolicyNotAttachedException"
    # The last SCP of a target cannot be detached.
    assert refused(lambda: org.detach_policy(PolicyId="p-FullAWSAccess", TargetId=member))[0] == "ConstraintViolationException"
    org.delete_policy(PolicyId=policy_id)
    assert refused(lambda: org.describe_policy(PolicyId=policy_id)) == (
        "PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.")


def test_bad_input_changes_nothing(srv, org, checked):
    accounts = org.list_accounts()["Accounts"]
    policies = org.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"]
    assert refused(lambda: org.describe_account(AccountId="000000000000")) == (
        "AccountNotFoundException", "You specified an account that doesn't exist.")
    assert refused(lambda: org.create_account(Email="not-an-email", AccountName="X"))[0] == "InvalidInputException"
    assert refused(lambda: org.create_policy(Name="bad", Description="", Type="SERVICE_CONTROL_POLICY", Content="{not json"))[0] == \
        "MalformedPolicyDocumentException"
    assert refused(lambda: org.create_policy(Name="FullAWSAccess", Description="", Type="SERVICE_CONTROL_POLICY",
                                             Content=json.dumps(DENY_SSM))) == (
        "DuplicatePolicyException", "A policy with the same name already exists.")
    too_big = {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": f"ssm:Action{i}", "Resource": "*"} for i in range(200)]}
    assert refused(lambda: org.create_policy(Name="big", Description="", Type="SERVICE_CONTROL_POLICY",
                                             Content=json.dumps(too_big)))[0] == "ConstraintViolationException"
    assert refused(lambda: org.attach_policy(PolicyId="p-FullAWSAccess", TargetId="111111111111")) == (
        "TargetNotFoundException", "We can't find a root, OU, account, or email address with the TargetId that you specified.")
    assert refused(lambda: org.delete_policy(PolicyId="p-FullAWSAccess"))[0] == "InvalidInputException"
    assert refused(lambda: org.describe_create_account_status(CreateAccountRequestId="car-00000000"))[0] == \
        "CreateAccountStatusNotFoundException"
    assert org.list_accounts()["Accounts"] == accounts
    assert org.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"] == policies


def test_pagination(srv, org, checked):
    everything = org.list_accounts()["Accounts"]
    first = org.list_accounts(MaxResults=1)
    assert len(first["Accounts"]) == 1 and "NextToken" in first
    rest = org.list_accounts(NextToken=first["NextToken"])["Accounts"]
    assert first["Accounts"] + rest == everything
