"""KMS in the JSON 1.1 shape (`TrentService.*`), driven by boto3 and the real aws CLI: symmetric keys and
their states, aliases, encryption bound to its context, data keys, ReEncrypt, rotation, and the key policy
deciding with IAM. Every reply is checked against botocore's model; every refusal carries KMS's code and text."""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

refused = pf.refused


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory) -> pf.Server:
    server = pf.start_server(tmp_path_factory.mktemp("kms") / "data", name="kms-server")
    yield server
    server.process.kill_hard()


@pytest.fixture(scope="module")
def kms(srv):
    client = srv.client("kms")
    checker = ModelChecker("kms")
    with RawReplies(client) as raw:
        yield client
        checker.assert_conforms(*raw.replies)


@pytest.fixture(scope="module")
def account(srv) -> str:
    return srv.client("sts").get_caller_identity()["Account"]


def new_key(kms, description: str = "app") -> dict:
    return kms.create_key(Description=description)["KeyMetadata"]


def test_create_describe_list(kms, account):
    key = new_key(kms)
    assert key["KeyState"] == "Enabled" and key["Enabled"] is True
    assert key["Arn"] == f"arn:aws:kms:{pf.REGION}:{account}:key/{key['KeyId']}"
    assert key["KeySpec"] == "SYMMETRIC_DEFAULT" and key["KeyUsage"] == "ENCRYPT_DECRYPT" and key["KeyManager"] == "CUSTOMER"
    assert kms.describe_key(KeyId=key["Arn"])["KeyMetadata"]["KeyId"] == key["KeyId"]
    listed = [k["KeyId"] for page in kms.get_paginator("list_keys").paginate(PaginationConfig={"PageSize": 1}) for k in page["Keys"]]
    assert key["KeyId"] in listed
    policy = json.loads(kms.get_key_policy(KeyId=key["KeyId"], PolicyName="default")["Policy"])
    assert policy["Statement"][0]["Sid"] == "Enable IAM User Permissions"
    assert policy["Statement"][0]["Principal"] == {"AWS": f"arn:aws:iam::{account}:root"}


def test_encrypt_decrypt_with_context(kms):
    key = new_key(kms)
    blob = kms.encrypt(KeyId=key["KeyId"], Plaintext=b"s3cret", EncryptionContext={"app": "db"})["CiphertextBlob"]
    out = kms.decrypt(CiphertextBlob=blob, EncryptionContext={"app": "db"})
    assert out["Plaintext"] == b"s3cret" and out["KeyId"] == key["Arn"]
    assert refused(lambda: kms.decrypt(CiphertextBlob=blob))[0] == "InvalidCiphertextException"
    assert refused(lambda: kms.decrypt(CiphertextBlob=blob, EncryptionContext={"app": "web"}))[0] == "InvalidCiphertextException"
    other = new_key(kms)
    code, message = refused(lambda: kms.decrypt(CiphertextBlob=blob, KeyId=other["KeyId"], EncryptionContext={"app": "db"}))
    assert (code, message) == ("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.")
    code, message = refused(lambda: kms.encrypt(KeyId=key["KeyId"], Plaintext=b"x" * 4097))
    assert code == "ValidationException"
    assert message == "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096"


def test_data_keys_and_reencrypt(kms):
    key, other = new_key(kms), new_key(kms)
    made = kms.generate_data_key(KeyId=key["KeyId"], KeySpec="AES_256")
    assert len(made["Plaintext"]) == 32
    assert kms.decrypt(CiphertextBlob=made["CiphertextBlob"])["Plaintext"] == made["Plaintext"]
    assert "Plaintext" not in kms.generate_data_key_without_plaintext(KeyId=key["KeyId"], NumberOfBytes=64)
    assert refused(lambda: kms.generate_data_key(KeyId=key["KeyId"])) == ("ValidationException", "Please specify either number of bytes or key spec.")
    code, message = refused(lambda: kms.generate_data_key(KeyId=key["KeyId"], NumberOfBytes=2048))
    assert message == "1 validation error detected: Value '2048' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024"
    moved = kms.re_encrypt(CiphertextBlob=made["CiphertextBlob"], DestinationKeyId=other["KeyId"], DestinationEncryptionContext={"to": "b"})
    assert moved["SourceKeyId"] == key["Arn"] and moved["KeyId"] == other["Arn"]
    assert kms.decrypt(CiphertextBlob=moved["CiphertextBlob"], EncryptionContext={"to": "b"})["Plaintext"] == made["Plaintext"]


def test_states(kms):
    key = new_key(kms)
    kms.disable_key(KeyId=key["KeyId"])
    assert refused(lambda: kms.encrypt(KeyId=key["KeyId"], Plaintext=b"x")) == ("DisabledException", f"{key['Arn']} is disabled.")
    kms.enable_key(KeyId=key["KeyId"])
    blob = kms.encrypt(KeyId=key["KeyId"], Plaintext=b"x")["CiphertextBlob"]
    code, message = refused(lambda: kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=31))
    assert message == "1 validation error detected: Value '31' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 30"
    scheduled = kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)
    assert scheduled["KeyState"] == "PendingDeletion" and scheduled["PendingWindowInDays"] == 7
    assert kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]["DeletionDate"]
    assert refused(lambda: kms.decrypt(CiphertextBlob=blob)) == ("KMSInvalidStateException", f"{key['Arn']} is pending deletion.")
    assert refused(lambda: kms.enable_key(KeyId=key["KeyId"])) == ("KMSInvalidStateException", f"{key['Arn']} is pending deletion.")
    kms.cancel_key_deletion(KeyId=key["KeyId"])
    assert kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]["KeyState"] == "Disabled"
    missing = "arn:aws:kms:%s:%s:key/00000000-0000-0000-0000-000000000000" % (pf.REGION, key["AWSAccountId"])
    assert refused(lambda: kms.describe_key(KeyId=missing)) == ("NotFoundException", f"Key '{missing}' does not exist")


def test_aliases(kms, account):
    key, other = new_key(kms), new_key(kms)
    kms.create_alias(AliasName="alias/orders", TargetKeyId=key["KeyId"])
    assert kms.describe_key(KeyId="alias/orders")["KeyMetadata"]["KeyId"] == key["KeyId"]
    assert kms.describe_key(KeyId=f"arn:aws:kms:{pf.REGION}:{account}:alias/orders")["KeyMetadata"]["KeyId"] == key["KeyId"]
    code, message = refused(lambda: kms.create_alias(AliasName="alias/orders", TargetKeyId=other["KeyId"]))
    assert (code, message) == ("AlreadyExistsException", f"An alias with the name arn:aws:kms:{pf.REGION}:{account}:alias/orders already exists")
    kms.update_alias(AliasName="alias/orders", TargetKeyId=other["KeyId"])
    listed = kms.list_aliases(KeyId=other["KeyId"])["Aliases"]
    assert [a["AliasName"] for a in listed] == ["alias/orders"]
    kms.delete_alias(AliasName="alias/orders")
    assert refused(lambda: kms.describe_key(KeyId="alias/orders")) == (
        "NotFoundException", f"Alias arn:aws:kms:{pf.REGION}:{account}:alias/orders is not found.")


def test_reserved_alias(srv):
    kms = srv.client("kms")  # NotAuthorizedException is not in botocore's KMS model
    key = kms.create_key()["KeyMetadata"]
    assert refused(lambda: kms.create_alias(AliasName="alias/aws/mine", TargetKeyId=key["KeyId"]))[0] == "NotAuthorizedException"


def test_rotation_keeps_old_material(kms):
    key = new_key(kms)
    old = kms.encrypt(KeyId=key["KeyId"], Plaintext=b"before")["CiphertextBlob"]
    kms.enable_key_rotation(KeyId=key["KeyId"], RotationPeriodInDays=90)
    status = kms.get_key_rotation_status(KeyId=key["KeyId"])
    assert status["KeyRotationEnabled"] is True and status["RotationPeriodInDays"] == 90
    kms.rotate_key_on_demand(KeyId=key["KeyId"])
    new = kms.encrypt(KeyId=key["KeyId"], Plaintext=b"after")["CiphertextBlob"]
    assert new[41:45] == b"\x00\x00\x00\x02" and old[41:45] == b"\x00\x00\x00\x01"
    assert kms.decrypt(CiphertextBlob=old)["Plaintext"] == b"before"
    kms.disable_key_rotation(KeyId=key["KeyId"])
    assert kms.get_key_rotation_status(KeyId=key["KeyId"])["KeyRotationEnabled"] is False


def test_iam_and_key_policy(srv, kms, account):
    iam = srv.client("iam")
    iam.create_user(UserName="kms-user")
    made = iam.create_access_key(UserName="kms-user")["AccessKey"]
    user = srv.client("kms", access_key=made["AccessKeyId"], secret_key=made["SecretAccessKey"])
    key = new_key(kms)
    code, message = refused(lambda: user.encrypt(KeyId=key["KeyId"], Plaintext=b"x"))
    assert code == "AccessDeniedException"
    assert message == (f"User: arn:aws:iam::{account}:user/kms-user is not authorized to perform: kms:Encrypt on resource: {key['Arn']} "
                       "because no identity-based policy allows the kms:Encrypt action")
    allow = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kms:Encrypt"], "Resource": key["Arn"]}]}
    iam.put_user_policy(UserName="kms-user", PolicyName="enc", PolicyDocument=json.dumps(allow))
    pf.wait_until(lambda: _allowed(lambda: user.encrypt(KeyId=key["KeyId"], Plaintext=b"x")), timeout=10, desc="policy applies")
    # A key policy that names only another principal shuts the account (and so IAM) out.
    locked = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"}, "Action": ["kms:PutKeyPolicy", "kms:GetKeyPolicy"], "Resource": "*"}]}
    kms.put_key_policy(KeyId=key["KeyId"], PolicyName="default", Policy=json.dumps(locked))
    # KMS's lockout safety check: a policy the caller could not change again needs BypassPolicyLockoutSafetyCheck.
    other = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:user/kms-user"}, "Action": "kms:Encrypt", "Resource": "*"}]}
    assert refused(lambda: kms.put_key_policy(KeyId=key["KeyId"], PolicyName="default", Policy=json.dumps(other))) == (
        "MalformedPolicyDocumentException", "The new key policy will not allow you to update the key policy in the future.")
    assert refused(lambda: kms.create_key(Policy=json.dumps(other)))[0] == "MalformedPolicyDocumentException"
    code, message = refused(lambda: user.encrypt(KeyId=key["KeyId"], Plaintext=b"x"))
    assert message.endswith("because no resource-based policy allows the kms:Encrypt action")
    assert refused(lambda: kms.encrypt(KeyId=key["KeyId"], Plaintext=b"x"))[0] == "AccessDeniedException"
    kms.put_key_policy(KeyId=key["KeyId"], PolicyName="default", Policy=json.dumps(other), BypassPolicyLockoutSafetyCheck=True)
    assert user.encrypt(KeyId=key["KeyId"], Plaintext=b"x")["KeyId"] == key["Arn"]
    assert refused(lambda: kms.get_key_policy(KeyId=key["KeyId"], PolicyName="default"))[0] == "AccessDeniedException"


def _allowed(call) -> bool:
    try:
        call()
        return True
    except Exception:  # noqa: BLE001 - any refusal means "not yet"
        return False


def test_cli_round_trip(srv, tmp_path):
    key = pf.aws(srv, "kms", "create-key", "--description", "cli").json["KeyMetadata"]
    pf.aws(srv, "kms", "create-alias", "--alias-name", "alias/cli", "--target-key-id", key["KeyId"])
    (tmp_path / "plain").write_bytes(b"from the cli")
    blob = pf.aws(srv, "kms", "encrypt", "--key-id", "alias/cli", "--plaintext", f"fileb://{tmp_path / 'plain'}",
                  "--encryption-context", "purpose=test").json["CiphertextBlob"]
    (tmp_path / "blob").write_bytes(base64.b64decode(blob))
    out = pf.aws(srv, "kms", "decrypt", "--ciphertext-blob", f"fileb://{tmp_path / 'blob'}", "--encryption-context", "purpose=test").json
    assert base64.b64decode(out["Plaintext"]) == b"from the cli"
    bad = pf.aws(srv, "kms", "decrypt", "--ciphertext-blob", f"fileb://{tmp_path / 'blob'}", check=False)
    assert bad.returncode != 0 and "InvalidCiphertextException" in bad.stderr
    gone = pf.aws(srv, "kms", "describe-key", "--key-id", "alias/none", check=False)
    assert "NotFoundException" in gone.stderr and "alias/none is not found." in gone.stderr
