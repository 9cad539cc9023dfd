"""CloudTrail's LookupEvents with the real aws CLI and boto3: lookup attributes, time range, pagination and
AWS's errors, every reply checked against botocore's model; agent registrations and logins, S3 calls and
presigned URL uses (allowed and refused) are among the events."""

from __future__ import annotations

import datetime as dt
import json
import sys
import urllib.parse
from pathlib import Path

import boto3
import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402


@pytest.fixture(scope="module")
def trail(pair):
    server, _, _ = pair
    client = server.client("cloudtrail")
    checker = ModelChecker("cloudtrail")
    with RawReplies(client) as raw:
        yield server, client
        checker.assert_conforms(*raw.replies)


def lookup(client, key: str, value: str, **kw) -> list[dict]:
    return client.lookup_events(LookupAttributes=[{"AttributeKey": key, "AttributeValue": value}], **kw)["Events"]


def test_lookup_by_attribute_returns_the_accounts_events_newest_first(trail):
    server, client = trail
    ssm = server.client("ssm")
    for _ in range(3):
        ssm.list_documents(MaxResults=1)
    events = lookup(client, "EventName", "ListDocuments")
    assert len(events) >= 3
    times = [e["EventTime"] for e in events]
    assert times == sorted(times, reverse=True)
    for event in events:
        record = json.loads(event["CloudTrailEvent"])
        assert event["EventId"] == record["eventID"] and event["EventSource"] == "ssm.amazonaws.com" and event["ReadOnly"] == "true"
        assert event["AccessKeyId"] == server.access_key and record["userIdentity"]["type"] == "Root"
    assert lookup(client, "EventId", events[1]["EventId"])[0]["EventId"] == events[1]["EventId"]
    assert all(e["AccessKeyId"] == server.access_key for e in lookup(client, "AccessKeyId", server.access_key, MaxResults=5))
    assert all(e["ReadOnly"] == "false" for e in lookup(client, "ReadOnly", "false", MaxResults=5))
    assert all(e["EventSource"] == "ssm.amazonaws.com" for e in lookup(client, "EventSource", "ssm.amazonaws.com", MaxResults=5))
    assert lookup(client, "EventName", "NoSuchEvent") == []


def test_agent_registrations_and_logins_are_events(trail):
    server, client = trail
    registrations = lookup(client, "EventName", "RegisterAgent")
    logins = lookup(client, "EventName", "AgentLogin")
    assert len(registrations) >= 2 and len(logins) >= 2
    login = json.loads(logins[0]["CloudTrailEvent"])
    assert login["eventSource"] == "portless.amazonaws.com" and "errorCode" not in login
    assert login["userIdentity"]["type"] == "AssumedRole" and login["userIdentity"]["arn"].endswith("/" + login["requestParameters"]["instanceId"])
    registration = json.loads(registrations[0]["CloudTrailEvent"])
    assert registration["requestParameters"]["activationCode"] == "HIDDEN_DUE_TO_SECURITY_REASONS"
    assert registration["responseElements"]["instanceId"].startswith("mi-")


def test_s3_calls_and_presigned_uses_are_events_refusals_included(trail):
    server, client = trail
    s3 = server.client("s3")
    s3.create_bucket(Bucket="trail-objects")
    s3.put_object(Bucket="trail-objects", Key="report.txt", Body=b"secret body")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "trail-objects", "Key": "report.txt"}, ExpiresIn=60)
    assert requests.get(url, timeout=10).content == b"secret body"
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query)
    name = "X-Amz-Signature" if any(k == "X-Amz-Signature" for k, _ in query) else "Signature"
    forged = [(k, ("A" + v[1:] if v[0] != "A" else "B" + v[1:]) if k == name else v) for k, v in query]
    tampered = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(forged)))
    assert requests.get(tampered, timeout=10).status_code == 403
    events = lookup(client, "EventSource", "s3.amazonaws.com", MaxResults=10)
    records = [json.loads(e["CloudTrailEvent"]) for e in events]
    gets = [r for r in records if r["eventName"] == "GetObject"]
    assert len(gets) >= 2
    refused, used = gets[0], gets[1]
    assert refused["errorCode"] == "SignatureDoesNotMatch" and refused["additionalEventData"]["AuthenticationMethod"] == "QueryString"
    assert "errorCode" not in used and used["additionalEventData"]["AuthenticationMethod"] == "QueryString"
    assert used["requestParameters"]["bucketName"] == "trail-objects" and used["requestParameters"]["key"] == "report.txt"
    assert used["eventCategory"] == "Data" and used["managementEvent"] is False
    assert lookup(client, "ResourceName", "arn:aws:s3:::trail-objects/report.txt", MaxResults=10)
    assert lookup(client, "ResourceType", "AWS::S3::Bucket", MaxResults=10)


def test_time_range_and_pagination_with_the_cli(trail):
    server, client = trail
    ssm = server.client("ssm")
    start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    for _ in range(5):
        ssm.describe_instance_information()
    pages = list(client.get_paginator("lookup_events").paginate(
        LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "DescribeInstanceInformation"}],
        StartTime=start, PaginationConfig={"PageSize": 2}))
    assert [len(p["Events"]) for p in pages][:2] == [2, 2]
    ids = [e["EventId"] for p in pages for e in p["Events"]]
    assert len(ids) == len(set(ids)) >= 5
    out = pf.aws(server, "cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventName,AttributeValue=DescribeInstanceInformation",
                 "--start-time", start.isoformat(), "--max-items", "3").json
    assert len(out["Events"]) == 3 and out.get("NextToken")
    future = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)
    assert client.lookup_events(StartTime=future, EndTime=future + dt.timedelta(hours=1))["Events"] == []


def test_bad_lookups_are_refused_with_cloudtrails_errors(trail):
    server, client = trail
    assert pf.refused(lambda: client.lookup_events(MaxResults=51)) == (
        "InvalidMaxResultsException", "A max results value of 51 is invalid. Specify max results between 1 and 50.")
    assert pf.refused(lambda: client.lookup_events(LookupAttributes=[{"AttributeKey": "Color", "AttributeValue": "red"}])) == (
        "InvalidLookupAttributesException", "Lookup attribute key is not valid.")
    two = [{"AttributeKey": "EventName", "AttributeValue": "a"}, {"AttributeKey": "Username", "AttributeValue": "b"}]
    assert pf.refused(lambda: client.lookup_events(LookupAttributes=two))[0] == "InvalidLookupAttributesException"
    now = dt.datetime.now(dt.timezone.utc)
    assert pf.refused(lambda: client.lookup_events(StartTime=now, EndTime=now - dt.timedelta(hours=1)))[0] == "InvalidTimeRangeException"
    assert pf.refused(lambda: client.lookup_events(NextToken="not-a-token"))[0] == "InvalidNextTokenException"
    token = client.lookup_events(MaxResults=1)["NextToken"]
    other = [{"AttributeKey": "EventName", "AttributeValue": "ListDocuments"}]
    assert pf.refused(lambda: client.lookup_events(LookupAttributes=other, NextToken=token))[0] == "InvalidNextTokenException"
    assert pf.refused(lambda: client.lookup_events(EventCategory="other"))[0] == "InvalidEventCategoryException"


def test_an_account_sees_only_its_own_events_even_the_management_account(trail):
    server, client = trail
    iam = server.client("iam")
    iam.create_user(UserName="trail-admin")
    iam.attach_user_policy(UserName="trail-admin", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    admin = iam.create_access_key(UserName="trail-admin")["AccessKey"]
    admin_session = boto3.session.Session(aws_access_key_id=admin["AccessKeyId"], aws_secret_access_key=admin["SecretAccessKey"],
                                          region_name=server.region)
    member = server.client("organizations").create_account(Email="trail-member@example.com", AccountName="Trail member")["CreateAccountStatus"]["AccountId"]
    role = admin_session.client("sts", endpoint_url=server.url).assume_role(
        RoleArn=f"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", RoleSessionName="trail-check")["Credentials"]
    member_session = boto3.session.Session(aws_access_key_id=role["AccessKeyId"], aws_secret_access_key=role["SecretAccessKey"],
                                           aws_session_token=role["SessionToken"], region_name=server.region)
    member_session.client("ssm", endpoint_url=server.url).list_documents(MaxResults=1)
    mine = member_session.client("cloudtrail", endpoint_url=server.url).lookup_events(MaxResults=50)["Events"]
    assert mine and all(json.loads(e["CloudTrailEvent"])["recipientAccountId"] == member for e in mine)
    listed = [e for e in mine if e["EventName"] == "ListDocuments"]
    assert listed and json.loads(listed[0]["CloudTrailEvent"])["userIdentity"]["type"] == "AssumedRole"
    assert lookup(client, "AccessKeyId", role["AccessKeyId"]) == []
