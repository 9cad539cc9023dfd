"""Bad input and bad authentication are refused AWS-style and change nothing."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import time
from pathlib import Path

import pytest
import requests
from botocore.exceptions import ClientError

import portless_fixtures as pf

UNKNOWN_NODE = "mi-0123456789abcdef0"


@pytest.fixture
def snapshot(fleet):
    """Records the command count before the test; `check()` asserts it did not change."""

    class Snap:
        def __init__(self):
            self.client = fleet.client
            self.before = self._state()

        def _state(self):
            cmds = pf.all_commands(self.client)
            return len(cmds), sorted(c["CommandId"] for c in cmds)

        def check(self):
            after = self._state()
            assert after == self.before, f"state changed: {self.before[0]} -> {after[0]} commands"

    return Snap()


def _marker_body(fleet, marker: Path) -> dict:
    return {
        "DocumentName": "AWS-RunShellScript",
        "InstanceIds": [fleet.web_ids[0]],
        "Parameters": {"commands": [f"touch {marker}"]},
    }


def _assert_marker_never_appears(fleet, marker: Path):
    """Run a harmless command to the same node and wait for it: anything queued before it has had
    its chance to run too. Then the marker must not exist."""
    client = fleet.client
    _, res = pf.run_and_wait(client, [fleet.web_ids[0]], ["echo sentinel"])
    assert res[fleet.web_ids[0]]["Status"] == "Success"
    time.sleep(1)
    assert not marker.exists(), f"{marker} was created: a refused request ran a command"


def _client_error(fn) -> ClientError:
    with pytest.raises(ClientError) as ei:
        fn()
    return ei.value


# ----------------------------------------------------------------------------- SSM input


def test_unknown_instance_id_is_invalid_instance_id(fleet, snapshot):
    err = _client_error(lambda: fleet.client.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[UNKNOWN_NODE],
        Parameters={"commands": ["echo never"]}))
    assert err.response["Error"]["Code"] == "InvalidInstanceId"
    assert err.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    snapshot.check()


def test_unknown_instance_id_among_known_ones_runs_nothing(fleet, snapshot, tmp_path):
    marker = tmp_path / "mixed-marker"
    err = _client_error(lambda: fleet.client.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[fleet.web_ids[0], UNKNOWN_NODE],
        Parameters={"commands": [f"touch {marker}"]}))
    assert err.response["Error"]["Code"] == "InvalidInstanceId"
    snapshot.check()
    _assert_marker_never_appears(fleet, marker)


def test_unknown_instance_id_via_aws_cli(fleet, snapshot):
    r = fleet.aws("ssm", "send-command", "--document-name", "AWS-RunShellScript",
                  "--instance-ids", UNKNOWN_NODE, "--parameters", "commands='echo never'", check=False)
    assert r.returncode != 0
    assert "InvalidInstanceId" in r.stderr
    snapshot.check()


@pytest.mark.parametrize("parameters", [
    {},
    {"workingDirectory": ["/tmp"]},
], ids=["no-parameters", "no-commands"])
def test_missing_required_parameter_is_invalid_parameters(fleet, snapshot, parameters):
    err = _client_error(lambda: fleet.client.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[fleet.web_ids[0]], Parameters=parameters))
    assert err.response["Error"]["Code"] == "InvalidParameters"
    assert err.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    snapshot.check()


@pytest.mark.parametrize("parameters", [
    {"commands": ["echo x"], "noSuchParameter": ["1"]},
    {"commands": ["echo x"], "executionTimeout": ["abc"]},
    {"commands": ["echo x"], "executionTimeout": ["1", "2"]},
], ids=["unknown-parameter", "timeout-not-a-number", "timeout-two-values"])
def test_bad_parameter_values_are_invalid_parameters(fleet, snapshot, parameters):
    err = _client_error(lambda: fleet.client.send_command(
        DocumentName="AWS-RunShellScript", InstanceIds=[fleet.web_ids[0]], Parameters=parameters))
    assert err.response["Error"]["Code"] == "InvalidParameters"
    snapshot.check()


def test_unknown_document_is_invalid_document(fleet, snapshot):
    err = _client_error(lambda: fleet.client.send_command(
        DocumentName="No-Such-Document-" + secrets.token_hex(4), InstanceIds=[fleet.web_ids[0]],
        Parameters={"commands": ["echo x"]}))
    assert err.response["Error"]["Code"] == "InvalidDocument"
    assert err.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    snapshot.check()


def test_unknown_command_id(fleet, snapshot):
    import uuid

    client = fleet.client
    err = _client_error(lambda: client.get_command_invocation(
        CommandId=str(uuid.uuid4()), InstanceId=fleet.web_ids[0]))
    assert err.response["Error"]["Code"] in ("InvocationDoesNotExist", "InvalidCommandId")
    # ListCommands for an unknown ID: an empty list or InvalidCommandId (both are in SSM's model).
    try:
        assert client.list_commands(CommandId=str(uuid.uuid4()))["Commands"] == []
    except ClientError as e:
        assert e.response["Error"]["Code"] == "InvalidCommandId"
    snapshot.check()


# ----------------------------------------------------------------------------- authentication


def test_unsigned_request_is_refused(fleet, snapshot, tmp_path):
    r = requests.post(
        fleet.server.url + "/",
        headers={"X-Amz-Target": "AmazonSSM.ListCommands", "Content-Type": "application/x-amz-json-1.1"},
        data="{}", timeout=30,
    )
    assert r.status_code in (400, 403), r.status_code
    assert "MissingAuthenticationToken" in pf.error_type(r), r.text

    marker = tmp_path / "unsigned-marker"
    r = requests.post(
        fleet.server.url + "/",
        headers={"X-Amz-Target": "AmazonSSM.SendCommand", "Content-Type": "application/x-amz-json-1.1"},
        data=json.dumps(_marker_body(fleet, marker)), timeout=30,
    )
    assert r.status_code in (400, 403)
    assert "MissingAuthenticationToken" in pf.error_type(r), r.text
    snapshot.check()
    _assert_marker_never_appears(fleet, marker)


def test_our_manual_signer_is_accepted(fleet):
    """Control for the raw-request tests below: a correctly signed raw request works."""
    r = pf.signed_request(fleet.server, "AmazonSSM.ListCommands", "{}")
    assert r.status_code == 200, r.text
    assert "Commands" in r.json()


def test_unknown_access_key_is_unrecognized_client(fleet, snapshot, tmp_path):
    bogus_ak = "AKIA" + secrets.token_hex(8).upper()
    client = fleet.server.client(access_key=bogus_ak, secret_key=secrets.token_urlsafe(30))
    marker = tmp_path / "unknown-key-marker"
    err = _client_error(lambda: client.send_command(**_marker_body(fleet, marker)))
    assert err.response["Error"]["Code"] == "UnrecognizedClientException"
    assert err.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    snapshot.check()
    _assert_marker_never_appears(fleet, marker)


def test_wrong_secret_is_invalid_signature(fleet, snapshot, tmp_path):
    client = fleet.server.client(secret_key=fleet.server.secret_key[:-4] + "abcd")
    marker = tmp_path / "wrong-secret-marker"
    err = _client_error(lambda: client.send_command(**_marker_body(fleet, marker)))
    assert err.response["Error"]["Code"] in ("InvalidSignatureException", "SignatureDoesNotMatch")
    assert err.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    snapshot.check()
    _assert_marker_never_appears(fleet, marker)


def test_wrong_secret_via_aws_cli(fleet, snapshot, tmp_path):
    creds = tmp_path / "bad-credentials"
    creds.write_text(
        "[default]\n"
        f"aws_access_key_id = {fleet.server.access_key}\n"
        f"aws_secret_access_key = {'Z' * 40}\n"
    )
    r = pf.aws(fleet.server, "ssm", "list-commands", check=False,
               env_extra={"AWS_SHARED_CREDENTIALS_FILE": str(creds)})
    assert r.returncode != 0
    assert "InvalidSignatureException" in r.stderr or "SignatureDoesNotMatch" in r.stderr, r.stderr
    snapshot.check()


def test_tampered_body_after_signing_is_refused(fleet, snapshot, tmp_path):
    """Sign one body, send another: the payload hash no longer matches."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    marker = tmp_path / "tampered-marker"
    ak, sk = fleet.server.credentials()
    req = AWSRequest(method="POST", url=fleet.server.url + "/", data=b"{}",
                     headers={"X-Amz-Target": "AmazonSSM.SendCommand",
                              "Content-Type": "application/x-amz-json-1.1"})
    SigV4Auth(Credentials(ak, sk), "ssm", fleet.server.region).add_auth(req)
    headers = dict(req.prepare().headers)
    r = requests.post(fleet.server.url + "/", headers=headers,
                      data=json.dumps(_marker_body(fleet, marker)), timeout=30)
    assert r.status_code in (400, 403), r.text
    assert any(c in pf.error_type(r) for c in ("InvalidSignature", "SignatureDoesNotMatch")), r.text
    snapshot.check()
    _assert_marker_never_appears(fleet, marker)


def test_stale_signature_is_refused(fleet, snapshot):
    old = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=20)
    r = pf.signed_request(fleet.server, "AmazonSSM.ListCommands", "{}", timestamp=old)
    assert r.status_code in (400, 403), r.text
    assert r.status_code != 200
    snapshot.check()


def test_signature_for_another_region_is_refused(fleet, snapshot):
    r = pf.signed_request(fleet.server, "AmazonSSM.ListCommands", "{}", region="eu-west-1")
    assert r.status_code in (400, 403), r.text
    snapshot.check()


def test_malformed_json_is_serialization_exception(fleet, snapshot):
    r = pf.signed_request(fleet.server, "AmazonSSM.SendCommand", b'{"DocumentName": "AWS-RunShellScript",')
    assert r.status_code == 400, r.text
    assert "SerializationException" in pf.error_type(r), r.text
    snapshot.check()


def test_wrong_json_shape_is_refused(fleet, snapshot):
    r = pf.signed_request(fleet.server, "AmazonSSM.SendCommand",
                          json.dumps({"DocumentName": 42, "InstanceIds": "not-a-list"}))
    assert r.status_code == 400, r.text
    assert pf.error_type(r), r.text
    snapshot.check()


def test_oversized_request_is_refused(fleet, snapshot):
    body = json.dumps({"DocumentName": "AWS-RunShellScript", "InstanceIds": [fleet.db_id],
                       "Parameters": {"commands": ["echo " + "x" * (2 << 20)]}})
    r = pf.signed_request(fleet.server, "AmazonSSM.SendCommand", body)
    assert r.status_code == 413, r.text
    assert "RequestEntityTooLarge" in pf.error_type(r), r.text
    snapshot.check()
    # The server is still healthy afterwards.
    assert pf.all_commands(fleet.client) is not None


def test_unknown_target_is_unknown_operation(fleet, snapshot):
    r = pf.signed_request(fleet.server, "AmazonSSM.FrobnicateTheFleet", "{}")
    assert r.status_code == 400, r.text
    assert "UnknownOperationException" in pf.error_type(r), r.text
    snapshot.check()


def test_secrets_never_logged(fleet):
    """After all the traffic above (good and bad), neither the root secret nor the activation
    code appears in the server's or the agents' output."""
    sk = fleet.server.secret_key
    code = fleet.activation["ActivationCode"]
    outputs = [fleet.server.process.output()] + [a.process.output() for a in fleet.agents]
    for out in outputs:
        assert sk not in out
        assert code not in out
