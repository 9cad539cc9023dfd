"""The founding diagnostics document, as our users run it on AWS today (seed 000, section 1): three
`aws:runShellScript` steps with `#!/bin/bash`, `maxAttempts` and a Linux precondition that download
the check scripts from a presigned URL, `source` them, and upload the result with a presigned PUT.

It is created byte for byte as published — only the URL `allowedPattern`s point at this server
instead of an S3 bucket — and run on two real agents, each with its own presigned URLs made by
boto3's `generate_presigned_url` exactly as the seed's Lambda makes them (no signature version
given, 600 s). Each node's uploaded tar is read back."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

import portless_fixtures as pf

BUCKET = "bucketname"

# The steps exactly as published in the seed document.
DOWNLOAD_STEP = {
    "action": "aws:runShellScript",
    "name": "Download_CCE_Script",
    "precondition": {"StringEquals": ["platformType", "Linux"]},
    "maxAttempts": 3,
    "inputs": {
        "workingDirectory": "{{ workingDirectory }}",
        "runCommand": [
            "#!/bin/bash",
            "#################################################",
            "# Get CCE Script",
            "#################################################",
            "curl -o script.tar '{{ scriptUrl }}'",
            "curl -sS -w \"%{http_code}\" -o {{ workingDirectory }}/script.tar '{{ scriptUrl }}'",
            "tar -xf script.tar",
        ],
    },
}
RUN_STEP = {
    "action": "aws:runShellScript",
    "name": "Run_CCE_Script",
    "maxAttempts": 1,
    "precondition": {"StringEquals": ["platformType", "Linux"]},
    "inputs": {
        "workingDirectory": "{{ workingDirectory }}",
        "runCommand": [
            "#!/bin/bash",
            "#################################################",
            "# RUN CCE Script",
            "#################################################",
            "source script.sh",
        ],
    },
}
UPLOAD_STEP = {
    "action": "aws:runShellScript",
    "name": "Upload_result",
    "maxAttempts": 3,
    "precondition": {"StringEquals": ["platformType", "Linux"]},
    "inputs": {
        "workingDirectory": "{{ workingDirectory }}",
        "runCommand": [
            "#!/bin/bash",
            "#################################################",
            "# Upload Result",
            "#################################################",
            "hostname=$(hostname)",
            "result=\"${hostname}.tar\"",
            "curl -sS -w \"%{http_code}\" -X PUT -T \"$result\" \"{{ uploadUrl }}\"",
        ],
    },
}

# The check script in the bundle: bash only (an associative array, [[ ]], $BASH_VERSION), sourced
# by the run step, and it leaves "$(hostname).tar" in the working directory for the upload step.
CHECK_SCRIPT = """#!/bin/bash
declare -A results=([U-01]=PASS [U-02]=FAIL)
mkdir -p result
{
  echo "node=$AWS_SSM_INSTANCE_ID"
  echo "bash=$BASH_VERSION"
  echo "pwd=$PWD"
  for id in "${!results[@]}"; do [[ -n "$id" ]] && echo "$id ${results[$id]}"; done
} > result/summary.txt
tar -cf "$(hostname).tar" result
"""


def seed_document(port: int) -> dict:
    url_pattern = "^http:\\/\\/127\\.0\\.0\\.1:" + str(port) + "\\/" + BUCKET + "\\/.*$"
    return {
        "schemaVersion": "2.2",
        "description": "CCE diagnostics: download the check scripts, run them, upload the result.",
        "parameters": {
            "scriptUrl": {
                "type": "String",
                "description": "URL for the script to be downloaded",
                "allowedPattern": url_pattern,
            },
            "uploadUrl": {
                "type": "String",
                "description": "URL for the script to be uploaded",
                "allowedPattern": url_pattern,
            },
            "workingDirectory": {
                "type": "String",
                "description": "(Optional) The path to the working directory on your instance.",
                "allowedPattern": "^\\/tmp\\/runcommand_script./*$",
            },
        },
        "mainSteps": [DOWNLOAD_STEP, RUN_STEP, UPLOAD_STEP],
    }


def create_presigned_url(server: pf.Server, bucket_name: str, object_name: str, method: str, expiration: int = 600) -> str:
    """The seed's Lambda helper, aimed at this server: boto3 with no signature version chosen."""
    access_key, secret_key = server.credentials()
    s3_client = boto3.client("s3", region_name=server.region, endpoint_url=server.url,
                             aws_access_key_id=access_key, aws_secret_access_key=secret_key,
                             config=Config(s3={"addressing_style": "path"}))
    return s3_client.generate_presigned_url(method, Params={"Bucket": bucket_name, "Key": object_name}, ExpiresIn=expiration)


@pytest.fixture
def working_directories():
    """The per-node working directories the document's pattern allows. As on an EC2 instance, the
    directory must exist before the command runs (the agent does not create it)."""
    paths = [Path("/tmp/runcommand_scriptA"), Path("/tmp/runcommand_scriptB")]
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir()
    yield paths
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def bundle() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        data = CHECK_SCRIPT.encode()
        info = tarfile.TarInfo("script.sh")
        info.size, info.mode = len(data), 0o644
        tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_seed_document_runs_green_on_two_agents(pair, working_directories):
    server, ssm, node_ids = pair
    s3 = server.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_object(Bucket=BUCKET, Key="script.tar", Body=bundle())
    ssm.create_document(Name="CCE-Diagnostics", DocumentType="Command", DocumentFormat="JSON",
                        Content=json.dumps(seed_document(server.port)))

    # One SendCommand per node with that node's own URLs, as the seed's Lambda does.
    commands = {}
    for node, directory in zip(node_ids, working_directories):
        parameters = {
            "scriptUrl": [create_presigned_url(server, BUCKET, "script.tar", "get_object")],
            "uploadUrl": [create_presigned_url(server, BUCKET, f"results/{node}.tar", "put_object")],
            "workingDirectory": [str(directory)],
        }
        commands[node] = ssm.send_command(DocumentName="CCE-Diagnostics", InstanceIds=[node],
                                          Parameters=parameters)["Command"]["CommandId"]

    for node, directory in zip(node_ids, working_directories):
        command = pf.wait_command(ssm, commands[node], timeout=120)
        invocation = pf.invocations(ssm, commands[node], details=True)[node]
        plugins = {p["Name"]: p for p in invocation["CommandPlugins"]}
        assert command["Status"] == "Success", plugins
        assert list(plugins) == ["Download_CCE_Script", "Run_CCE_Script", "Upload_result"]
        assert all(p["Status"] == "Success" and p["ResponseCode"] == 0 for p in plugins.values()), plugins
        for step in ("Download_CCE_Script", "Upload_result"):  # curl -w "%{http_code}" printed the HTTP status
            output = ssm.get_command_invocation(CommandId=commands[node], InstanceId=node, PluginName=step)["StandardOutputContent"]
            assert output == "200", (step, output)

        uploaded = s3.get_object(Bucket=BUCKET, Key=f"results/{node}.tar")["Body"].read()
        with tarfile.open(fileobj=io.BytesIO(uploaded)) as tar:
            member = tar.extractfile("result/summary.txt")
            assert member is not None
            summary = member.read().decode()
        assert f"node={node}" in summary
        assert "bash=" in summary and "bash=\n" not in summary, summary
        assert f"pwd={directory}" in summary
        assert "U-01 PASS" in summary and "U-02 FAIL" in summary


def test_each_node_can_upload_only_its_own_result(pair, tmp_path):
    server, _, node_ids = pair
    s3 = server.client("s3")
    s3.create_bucket(Bucket="seed-isolation")
    url = create_presigned_url(server, "seed-isolation", f"results/{node_ids[0]}.tar", "put_object")
    other = url.replace(node_ids[0], node_ids[1])
    payload = tmp_path / "x.tar"
    payload.write_bytes(b"not mine")
    code = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "-T", str(payload), other],
                          capture_output=True, text=True, timeout=30).stdout
    assert code == "403"
    assert s3.list_objects_v2(Bucket="seed-isolation").get("KeyCount", 0) == 0
