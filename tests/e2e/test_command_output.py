"""SendCommand with OutputS3BucketName writes each step's full output to the bucket at SSM's layout."""

from __future__ import annotations

import urllib.parse

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError

import portless_fixtures as pf


@pytest.fixture
def node(make_server, make_agents):
    server = make_server("output")
    agent = make_agents(server, 1, pf.create_activation(server, limit=1))[0]
    ak, sk = server.credentials()
    s3 = boto3.session.Session(aws_access_key_id=ak, aws_secret_access_key=sk, region_name=server.region).client(
        "s3", endpoint_url=server.url, config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"))
    return server, server.client(), s3, agent.node_id


def test_full_output_goes_to_the_bucket_and_urls_point_at_it(node):
    server, ssm, s3, node_id = node
    s3.create_bucket(Bucket="fleet-results")
    big = 30_000
    cid = ssm.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[node_id], OutputS3BucketName="fleet-results",
                           OutputS3KeyPrefix="diag", Parameters={"commands": [
                               f"head -c {big} /dev/zero | tr '\\0' 'x'", "echo oops >&2"]})["Command"]["CommandId"]
    inv = pf.wait_invocation(ssm, cid, node_id)
    assert inv["Status"] == "Success", inv
    base = f"diag/{cid}/{node_id}/awsrunShellScript/0.awsrunShellScript"
    stdout = s3.get_object(Bucket="fleet-results", Key=f"{base}/stdout")["Body"].read().decode()
    assert stdout == "x" * big, len(stdout)
    assert s3.get_object(Bucket="fleet-results", Key=f"{base}/stderr")["Body"].read() == b"oops\n"
    # The API reply is truncated as SSM truncates it; the bucket has it all.
    assert inv["StandardOutputContent"].endswith("---Output truncated---")
    assert urllib.parse.urlparse(inv["StandardOutputUrl"]).path == f"/fleet-results/{base}/stdout"
    listed = pf.invocations(ssm, cid, details=True)[node_id]
    assert listed["CommandPlugins"][0]["OutputS3BucketName"] == "fleet-results"
    assert listed["CommandPlugins"][0]["StandardErrorUrl"].endswith(f"/fleet-results/{base}/stderr")
    assert pf.command(ssm, cid)["OutputS3BucketName"] == "fleet-results"
    # The URL needs credentials, like S3's.
    assert requests.get(inv["StandardOutputUrl"], timeout=10).status_code == 403


def test_a_missing_output_bucket_is_refused_and_nothing_sent(node):
    _, ssm, _, node_id = node
    before = len(pf.all_commands(ssm))
    with pytest.raises(ClientError) as err:
        ssm.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[node_id], OutputS3BucketName="no-such-bucket",
                         Parameters={"commands": ["true"]})
    assert err.value.response["Error"]["Code"] == "InvalidParameters"
    assert "OutputS3BucketName" in err.value.response["Error"]["Message"]
    assert len(pf.all_commands(ssm)) == before
