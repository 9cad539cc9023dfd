"""Session documents with boto3 and the real aws CLI: the account's SSM-SessionManagerRunShell (its session
preferences) created, updated, made default, read, listed and deleted as on AWS, the built-in Session documents
owned by Amazon, and SSM's codes and texts for bad Session content. Every boto3 reply is checked against
botocore's model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portless_fixtures as pf  # noqa: E402
from model_check import ModelChecker, RawReplies  # noqa: E402

refused = pf.refused
RUN_SHELL = "SSM-SessionManagerRunShell"
BUILTINS = {
    "AWS-StartSSHSession": ["portNumber"],
    "AWS-StartPortForwardingSession": ["localPortNumber", "portNumber"],
    "AWS-StartPortForwardingSessionToRemoteHost": ["host", "localPortNumber", "portNumber"],
    "AWS-StartInteractiveCommand": ["command"],
    "AWS-StartNonInteractiveCommand": ["command"],
}


def preferences(idle: str = "20", **inputs) -> dict:
    """The content the console writes for SSM-SessionManagerRunShell, with `inputs` changed."""
    base = {
        "s3BucketName": "", "s3KeyPrefix": "", "s3EncryptionEnabled": True, "cloudWatchLogGroupName": "",
        "cloudWatchEncryptionEnabled": True, "cloudWatchStreamingEnabled": True, "kmsKeyId": "", "runAsEnabled": False,
        "runAsDefaultUser": "", "idleSessionTimeout": idle, "maxSessionDuration": "", "shellProfile": {"windows": "", "linux": ""},
    }
    base.update(inputs)
    return {"schemaVersion": "1.0", "description": "Document to hold regional settings for Session Manager",
            "sessionType": "Standard_Stream", "inputs": base}


@pytest.fixture(scope="module")
def srv(portless_bin, tmp_path_factory) -> pf.Server:
    server = pf.start_server(tmp_path_factory.mktemp("sessiondocs") / "data", name="sessiondocs-server")
    yield server
    server.process.kill_hard()


@pytest.fixture(scope="module")
def ssm(srv):
    client = srv.client("ssm")
    checker = ModelChecker("ssm")
    with RawReplies(client) as raw:
        yield client
        checker.assert_conforms(*raw.replies)


def test_preferences_document_with_the_cli(srv, tmp_path):
    content = tmp_path / "prefs.json"
    content.write_text(json.dumps(preferences("15", runAsEnabled=True, runAsDefaultUser="deploy",
                                              shellProfile={"linux": "cd /srv", "windows": ""})))
    created = pf.aws(srv, "ssm", "create-document", "--name", RUN_SHELL, "--document-type", "Session",
                     "--content", f"file://{content}").json["DocumentDescription"]
    assert (created["Name"], created["DocumentType"], created["SchemaVersion"]) == (RUN_SHELL, "Session", "1.0")
    assert (created["DocumentVersion"], created["DefaultVersion"], created["Status"]) == ("1", "1", "Active")
    assert created["PlatformTypes"] == ["Windows", "Linux", "MacOS"]

    content.write_text(json.dumps(preferences("45", maxSessionDuration="120")))
    updated = pf.aws(srv, "ssm", "update-document", "--name", RUN_SHELL, "--content", f"file://{content}",
                     "--document-version", "$LATEST").json["DocumentDescription"]
    assert (updated["DocumentVersion"], updated["DefaultVersion"], updated["LatestVersion"]) == ("2", "1", "2")
    default = pf.aws(srv, "ssm", "update-document-default-version", "--name", RUN_SHELL, "--document-version", "2").json
    assert default["Description"] == {"Name": RUN_SHELL, "DefaultVersion": "2"}

    got = pf.aws(srv, "ssm", "get-document", "--name", RUN_SHELL).json
    assert (got["DocumentType"], got["DocumentVersion"]) == ("Session", "2")
    assert json.loads(got["Content"])["inputs"]["idleSessionTimeout"] == "45"
    described = pf.aws(srv, "ssm", "describe-document", "--name", RUN_SHELL, "--document-version", "1").json["Document"]
    assert (described["DocumentType"], described["DocumentVersion"], described["DefaultVersion"]) == ("Session", "1", "2")
    listed = pf.aws(srv, "ssm", "list-documents", "--filters", "Key=DocumentType,Values=Session", "Key=Owner,Values=Self").json
    assert [d["Name"] for d in listed["DocumentIdentifiers"]] == [RUN_SHELL]
    assert listed["DocumentIdentifiers"][0]["DocumentType"] == "Session"

    bad = pf.aws(srv, "ssm", "update-document", "--name", RUN_SHELL, "--content", json.dumps(preferences("61")), check=False)
    assert bad.returncode != 0
    assert "An error occurred (InvalidDocumentContent) when calling the UpdateDocument operation" in bad.stderr
    assert bad.stderr.rstrip().endswith(
        "idleSessionTimeout must be a whole number of minutes from 1 to 60. (field: inputs.idleSessionTimeout)")
    pf.aws(srv, "ssm", "delete-document", "--name", RUN_SHELL)
    gone = pf.aws(srv, "ssm", "get-document", "--name", RUN_SHELL, check=False)
    assert "An error occurred (InvalidDocument) when calling the GetDocument operation" in gone.stderr
    assert gone.stderr.rstrip().endswith(": The specified document does not exist.")


def test_preferences_document_with_boto3_and_yaml(ssm):
    name = "Team-SessionPreferences"
    yaml = ("schemaVersion: '1.0'\ndescription: team shells\nsessionType: Standard_Stream\n"
            "inputs:\n  idleSessionTimeout: '10'\n  maxSessionDuration: '60'\n  runAsEnabled: true\n  runAsDefaultUser: ops\n")
    created = ssm.create_document(Name=name, DocumentType="Session", DocumentFormat="YAML", Content=yaml)["DocumentDescription"]
    assert (created["DocumentType"], created["DocumentFormat"]) == ("Session", "YAML")
    as_json = json.loads(ssm.get_document(Name=name, DocumentFormat="JSON")["Content"])
    assert as_json["inputs"] == {"idleSessionTimeout": "10", "maxSessionDuration": "60", "runAsEnabled": True, "runAsDefaultUser": "ops"}
    versions = ssm.list_document_versions(Name=name)["DocumentVersions"]
    assert [v["DocumentVersion"] for v in versions] == ["1"]
    ssm.delete_document(Name=name)


@pytest.mark.parametrize("name,parameters", sorted(BUILTINS.items()))
def test_builtin_session_documents(ssm, name, parameters):
    described = ssm.describe_document(Name=name)["Document"]
    assert (described["Owner"], described["DocumentType"], described["SchemaVersion"]) == ("Amazon", "Session", "1.0")
    assert sorted(p["Name"] for p in described["Parameters"]) == parameters
    content = json.loads(ssm.get_document(Name=name)["Content"])
    assert content["schemaVersion"] == "1.0"
    assert refused(lambda: ssm.update_document(Name=name, Content=json.dumps(content)))[0] == "InvalidDocumentOperation"
    assert refused(lambda: ssm.delete_document(Name=name))[0] == "InvalidDocumentOperation"


def test_builtin_content_matches_aws(ssm):
    ssh = json.loads(ssm.get_document(Name="AWS-StartSSHSession")["Content"])
    assert ssh["sessionType"] == "Port" and ssh["properties"] == {"portNumber": "{{ portNumber }}"}
    assert ssh["parameters"]["portNumber"]["default"] == "22"
    forward = json.loads(ssm.get_document(Name="AWS-StartPortForwardingSession")["Content"])
    assert forward["properties"]["type"] == "LocalPortForwarding" and forward["parameters"]["portNumber"]["default"] == "80"
    remote = json.loads(ssm.get_document(Name="AWS-StartPortForwardingSessionToRemoteHost")["Content"])
    assert remote["properties"]["host"] == "{{ host }}" and "default" not in remote["parameters"]["host"]
    interactive = json.loads(ssm.get_document(Name="AWS-StartInteractiveCommand")["Content"])
    assert interactive["sessionType"] == "InteractiveCommands"
    assert interactive["properties"]["linux"] == {"commands": "{{command}}", "runAsElevated": False}
    other = json.loads(ssm.get_document(Name="AWS-StartNonInteractiveCommand")["Content"])
    assert other["sessionType"] == "NonInteractiveCommands"
    amazon = ssm.list_documents(Filters=[{"Key": "Owner", "Values": ["Amazon"]}, {"Key": "DocumentType", "Values": ["Session"]}])
    assert sorted(d["Name"] for d in amazon["DocumentIdentifiers"]) == sorted(BUILTINS)


@pytest.mark.parametrize("content,code,message", [
    ({"schemaVersion": "2.2", "sessionType": "Standard_Stream", "inputs": {}},
     "InvalidDocumentSchemaVersion", "2.2 is not a valid schema version for Session document type"),
    ({"schemaVersion": "3.0", "sessionType": "Port"}, "InvalidDocumentContent", "Document schema version is invalid. Value: 3.0"),
    ({"schemaVersion": "1.0", "sessionType": "Port", "properties": {"portNumber": "{{ port }}"}},
     "InvalidDocumentContent", 'Parameter "port" is not declared.'),
    ({"schemaVersion": "1.0", "sessionType": "Port", "parameters": {"bad_name": {"type": "String"}}, "properties": {"portNumber": "22"}},
     "InvalidDocumentContent", 'Parameter name "bad_name" is not alpha-numeric.'),
    ({"schemaVersion": "1.0", "sessionType": "Shell"}, "InvalidDocumentContent",
     "sessionType 'Shell' is not one of Standard_Stream, InteractiveCommands, NonInteractiveCommands, Port."),
    (preferences(maxSessionDuration="2000"), "InvalidDocumentContent",
     "maxSessionDuration must be a whole number of minutes from 1 to 1440. (field: inputs.maxSessionDuration)"),
    (preferences(runAsEnabled="maybe"), "InvalidDocumentContent", "runAsEnabled must be true or false. (field: inputs.runAsEnabled)"),
    ({"schemaVersion": "1.0", "sessionType": "Standard_Stream"}, "InvalidDocumentContent",
     "inputs is required for a Standard_Stream Session document (it holds the session preferences)."),
])
def test_bad_session_content(ssm, content, code, message):
    assert refused(lambda: ssm.create_document(Name="BadSession", DocumentType="Session", Content=json.dumps(content))) == (code, message)


def test_malformed_json_and_cli_text(srv, ssm):
    assert refused(lambda: ssm.create_document(Name="BadSession", DocumentType="Session", Content='{"schemaVersion": }')) == (
        "InvalidDocumentContent", "JSON not well-formed. at Line: 1, Column: 19")
    cli = pf.aws(srv, "ssm", "create-document", "--name", "BadSession", "--document-type", "Session",
                 "--content", json.dumps({"schemaVersion": "2.2", "sessionType": "Port"}), check=False)
    assert cli.returncode != 0
    assert "An error occurred (InvalidDocumentSchemaVersion) when calling the CreateDocument operation" in cli.stderr
    assert cli.stderr.rstrip().endswith(": 2.2 is not a valid schema version for Session document type")


def test_session_documents_are_not_commands(ssm):
    code, message = refused(lambda: ssm.send_command(DocumentName="AWS-StartSSHSession", InstanceIds=["mi-0123456789abcdef0"]))
    assert code == "InvalidDocument" and "Session document" in message
    ssm.create_document(Name="Shells", DocumentType="Session", Content=json.dumps(preferences()))
    assert refused(lambda: ssm.send_command(DocumentName="Shells", InstanceIds=["mi-0123456789abcdef0"]))[0] == "InvalidDocument"
    # Content of one type is not valid as the other.
    assert refused(lambda: ssm.create_document(Name="NotCommand", Content=json.dumps(preferences())))[0] == "InvalidDocumentContent"
    command = {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": ["x"]}}]}
    assert refused(lambda: ssm.update_document(Name="Shells", Content=json.dumps(command)))[0] == "InvalidDocumentContent"
    ssm.delete_document(Name="Shells")
