"""SSM command documents: create/get/describe/list/update/default version/delete, sharing, tags,
validation of content at create and update (every bad input leaves the document list unchanged),
JSON <-> YAML, and SendCommand with custom documents through the shared fleet."""

from __future__ import annotations

import hashlib
import json
import textwrap

import pytest
import yaml
from botocore.exceptions import ClientError

import portless_fixtures as pf


@pytest.fixture(scope="module")
def doc_server(portless_bin, tmp_path_factory):
    base = tmp_path_factory.mktemp("documents")
    srv = pf.start_server(base / "server", name="documents-server")
    yield srv
    srv.process.kill_hard()


@pytest.fixture(scope="module")
def ssm(doc_server):
    return doc_server.client()


@pytest.fixture(scope="module")
def account_id(doc_server):
    return _account(doc_server)


def _account(srv) -> str:
    # The Owner of a document the root account creates is that account's 12-digit id.
    c = srv.client()
    name = pf.unique("acct")
    c.create_document(Name=name, Content=json.dumps(_doc()))
    owner = c.describe_document(Name=name)["Document"]["Owner"]
    c.delete_document(Name=name)
    return owner


def _doc(commands=None, parameters=None, steps=None, description="A test document.") -> dict:
    doc = {
        "schemaVersion": "2.2",
        "description": description,
        "parameters": parameters if parameters is not None else {
            "message": {"type": "String", "default": "hello", "description": "What to echo."},
        },
        "mainSteps": steps if steps is not None else [
            {"action": "aws:runShellScript", "name": "echo",
             "inputs": {"runCommand": commands or ["echo {{ message }}"]}},
        ],
    }
    return doc


def _code(excinfo) -> str:
    return excinfo.value.response["Error"]["Code"]


def _message(excinfo) -> str:
    return excinfo.value.response["Error"]["Message"]


def _all_documents(client, **kw) -> list[dict]:
    out, token = [], None
    while True:
        args = dict(kw)
        if token:
            args["NextToken"] = token
        page = client.list_documents(**args)
        out.extend(page["DocumentIdentifiers"])
        token = page.get("NextToken")
        if not token:
            return out


def _state(client) -> list:
    """Everything a refused request must leave untouched: own documents and all their versions."""
    state = []
    for d in _all_documents(client, Filters=[{"Key": "Owner", "Values": ["Self"]}]):
        versions = client.list_document_versions(Name=d["Name"])["DocumentVersions"]
        state.append((d["Name"], d["DocumentVersion"],
                      [(v["DocumentVersion"], v.get("VersionName"), v["IsDefaultVersion"]) for v in versions]))
    return sorted(state)


def _create(client, name=None, doc=None, **kw) -> dict:
    name = name or pf.unique("doc")
    content = doc if isinstance(doc, str) else json.dumps(doc or _doc())
    return client.create_document(Name=name, Content=content, **kw)["DocumentDescription"]


# ------------------------------------------------------------------------------------
# create / get / describe / list
# ------------------------------------------------------------------------------------


def test_create_describe_get(ssm, account_id):
    name = pf.unique("doc")
    content = json.dumps(_doc(), indent=2)
    d = ssm.create_document(Name=name, Content=content, DocumentType="Command", DocumentFormat="JSON",
                            VersionName="v1.0", Tags=[{"Key": "team", "Value": "ops"}])["DocumentDescription"]
    assert d["Name"] == name
    assert d["Owner"] == account_id and len(account_id) == 12 and account_id.isdigit()
    assert d["Status"] == "Active"
    assert d["DocumentVersion"] == "1" and d["DefaultVersion"] == "1" and d["LatestVersion"] == "1"
    assert d["VersionName"] == "v1.0"
    assert d["HashType"] == "Sha256"
    assert d["Hash"] == hashlib.sha256(content.encode()).hexdigest()
    assert d["DocumentType"] == "Command" and d["SchemaVersion"] == "2.2" and d["DocumentFormat"] == "JSON"
    assert d["Description"] == "A test document."
    assert d["Parameters"] == [{"Name": "message", "Type": "String", "Description": "What to echo.", "DefaultValue": "hello"}]
    assert "Linux" in d["PlatformTypes"]
    assert d["Tags"] == [{"Key": "team", "Value": "ops"}]
    assert d["CreatedDate"] is not None

    desc = ssm.describe_document(Name=name)["Document"]
    for key in ("Name", "Owner", "Hash", "DocumentVersion", "DefaultVersion", "LatestVersion", "VersionName",
                "Parameters", "PlatformTypes", "SchemaVersion", "DocumentFormat", "Tags"):
        assert desc[key] == d[key], key

    got = ssm.get_document(Name=name)
    assert got["Name"] == name and got["DocumentVersion"] == "1" and got["VersionName"] == "v1.0"
    assert got["Content"] == content
    assert got["DocumentType"] == "Command" and got["DocumentFormat"] == "JSON" and got["Status"] == "Active"

    # by ARN, by version number, by version name, $LATEST, $DEFAULT
    arn = f"arn:aws:ssm:{pf.REGION}:{account_id}:document/{name}"
    assert ssm.get_document(Name=arn)["Content"] == content
    assert ssm.describe_document(Name=arn)["Document"]["Name"] == name
    for kw in ({"DocumentVersion": "1"}, {"DocumentVersion": "$LATEST"}, {"DocumentVersion": "$DEFAULT"},
               {"VersionName": "v1.0"}):
        assert ssm.get_document(Name=name, **kw)["Content"] == content


def test_builtin_document_is_listed_and_owned_by_amazon(ssm):
    docs = {d["Name"]: d for d in _all_documents(ssm)}
    builtin = docs["AWS-RunShellScript"]
    assert builtin["Owner"] == "Amazon"
    assert builtin["DocumentType"] == "Command" and builtin["SchemaVersion"] == "2.2"
    assert "Linux" in builtin["PlatformTypes"]
    mine = _all_documents(ssm, Filters=[{"Key": "Owner", "Values": ["Self"]}])
    assert "AWS-RunShellScript" not in {d["Name"] for d in mine}
    amazon = _all_documents(ssm, Filters=[{"Key": "Owner", "Values": ["Amazon"]}])
    assert [d["Name"] for d in amazon if d["DocumentType"] == "Command"] == ["AWS-RunShellScript", "Portless-KISAUnixScan"]
    assert [d["Name"] for d in amazon if d["DocumentType"] == "Session"] == [
        "AWS-StartInteractiveCommand", "AWS-StartNonInteractiveCommand", "AWS-StartPortForwardingSession",
        "AWS-StartPortForwardingSessionToRemoteHost", "AWS-StartSSHSession"]
    desc = ssm.describe_document(Name="AWS-RunShellScript")["Document"]
    assert desc["Owner"] == "Amazon" and desc["DocumentVersion"] == "1"
    assert {p["Name"] for p in desc["Parameters"]} == {"commands", "workingDirectory", "executionTimeout"}
    got = ssm.get_document(Name="AWS-RunShellScript")
    assert json.loads(got["Content"])["mainSteps"][0]["name"] == "aws:runShellScript"
    assert desc["Hash"] == hashlib.sha256(got["Content"].encode()).hexdigest()


def test_unknown_document_and_version(ssm):
    with pytest.raises(ClientError) as e:
        ssm.get_document(Name=pf.unique("nope"))
    assert _code(e) == "InvalidDocument"
    with pytest.raises(ClientError) as e:
        ssm.describe_document(Name=pf.unique("nope"))
    assert _code(e) == "InvalidDocument"
    name = _create(ssm)["Name"]
    for version in ("2", "0", "latest", "$latest"):
        with pytest.raises(ClientError) as e:
            ssm.get_document(Name=name, DocumentVersion=version)
        assert _code(e) == "InvalidDocumentVersion", version
    with pytest.raises(ClientError) as e:
        ssm.describe_document(Name=name, VersionName="no-such-name")
    assert _code(e) == "InvalidDocumentVersion"


# ------------------------------------------------------------------------------------
# YAML and JSON
# ------------------------------------------------------------------------------------

YAML_DOC = textwrap.dedent("""\
    schemaVersion: '2.2'
    description: Sets a file mode.
    parameters:
      mode:
        type: String
        default: '0644'
        allowedPattern: '^[0-7]{4}$'
      files:
        type: StringList
        default:
          - /tmp/a
          - /tmp/b
    mainSteps:
      - action: aws:runShellScript
        name: chmod
        inputs:
          timeoutSeconds: 60
          runCommand:
            - "echo {{ mode }}"
            - 'true'
    """)


def test_yaml_create_then_json_and_yaml_get(ssm):
    name = pf.unique("yaml")
    d = ssm.create_document(Name=name, Content=YAML_DOC, DocumentFormat="YAML")["DocumentDescription"]
    assert d["DocumentFormat"] == "YAML"
    assert d["Hash"] == hashlib.sha256(YAML_DOC.encode()).hexdigest()
    params = {p["Name"]: p for p in d["Parameters"]}
    assert params["mode"]["DefaultValue"] == "0644"
    assert params["files"]["Type"] == "StringList"
    assert json.loads(params["files"]["DefaultValue"]) == ["/tmp/a", "/tmp/b"]

    as_yaml = ssm.get_document(Name=name)
    assert as_yaml["DocumentFormat"] == "YAML" and as_yaml["Content"] == YAML_DOC

    as_json = ssm.get_document(Name=name, DocumentFormat="JSON")
    assert as_json["DocumentFormat"] == "JSON"
    parsed = json.loads(as_json["Content"])
    assert parsed["schemaVersion"] == "2.2"
    assert parsed["parameters"]["mode"]["default"] == "0644"
    assert parsed["mainSteps"][0]["inputs"]["runCommand"] == ["echo {{ mode }}", "true"]
    assert parsed["mainSteps"][0]["inputs"]["timeoutSeconds"] == 60
    assert parsed == yaml.safe_load(YAML_DOC)


def test_json_create_then_yaml_get(ssm):
    doc = _doc(commands=["echo 'a: b'", "0755", "yes", "on", "null", "#!/bin/sh\necho multi\n"],
               parameters={"message": {"type": "String", "default": "2.2"}})
    name = _create(ssm, doc=doc)["Name"]
    got = ssm.get_document(Name=name, DocumentFormat="YAML")
    assert got["DocumentFormat"] == "YAML"
    assert yaml.safe_load(got["Content"]) == doc
    # a YAML get leaves the JSON original as it was
    assert json.loads(ssm.get_document(Name=name)["Content"]) == doc


def test_yaml_with_bad_syntax_is_refused(ssm):
    before = _state(ssm)
    with pytest.raises(ClientError) as e:
        ssm.create_document(Name=pf.unique("doc"), Content="schemaVersion: '2.2'\nmainSteps: [\n", DocumentFormat="YAML")
    assert _code(e) == "InvalidDocumentContent"
    with pytest.raises(ClientError) as e:
        ssm.create_document(Name=pf.unique("doc"), Content=YAML_DOC)  # YAML given as JSON
    assert _code(e) == "InvalidDocumentContent"
    assert _state(ssm) == before


# ------------------------------------------------------------------------------------
# versions, default version
# ------------------------------------------------------------------------------------


def test_versions_and_default_version(ssm):
    name = _create(ssm, VersionName="first")["Name"]
    v2 = ssm.update_document(Name=name, Content=json.dumps(_doc(commands=["echo two"])),
                             DocumentVersion="$LATEST", VersionName="second")["DocumentDescription"]
    assert v2["DocumentVersion"] == "2" and v2["LatestVersion"] == "2" and v2["DefaultVersion"] == "1"
    assert v2["VersionName"] == "second"
    v3 = ssm.update_document(Name=name, Content=YAML_DOC, DocumentFormat="YAML", DocumentVersion="2")["DocumentDescription"]
    assert v3["DocumentVersion"] == "3" and v3["DocumentFormat"] == "YAML"

    assert ssm.describe_document(Name=name)["Document"]["DocumentVersion"] == "1"
    assert ssm.describe_document(Name=name, DocumentVersion="$LATEST")["Document"]["DocumentVersion"] == "3"
    assert json.loads(ssm.get_document(Name=name, DocumentVersion="2")["Content"])["mainSteps"][0]["inputs"]["runCommand"] == ["echo two"]
    assert ssm.get_document(Name=name, VersionName="second")["DocumentVersion"] == "2"

    before = _state(ssm)
    # only the latest version may be updated
    with pytest.raises(ClientError) as e:
        ssm.update_document(Name=name, Content=json.dumps(_doc(commands=["echo x"])), DocumentVersion="1")
    assert _code(e) == "InvalidDocumentVersion"
    # identical content to an existing version
    with pytest.raises(ClientError) as e:
        ssm.update_document(Name=name, Content=YAML_DOC, DocumentFormat="YAML", DocumentVersion="$LATEST")
    assert _code(e) == "DuplicateDocumentContent"
    # version names are unique
    with pytest.raises(ClientError) as e:
        ssm.update_document(Name=name, Content=json.dumps(_doc(commands=["echo y"])), VersionName="first")
    assert _code(e) == "DuplicateDocumentVersionName"
    # invalid content on update
    with pytest.raises(ClientError) as e:
        ssm.update_document(Name=name, Content=json.dumps(_doc(steps=[])))
    assert _code(e) == "InvalidDocumentContent" and "mainSteps" in _message(e)
    with pytest.raises(ClientError) as e:
        ssm.update_document(Name=pf.unique("nope"), Content=json.dumps(_doc()))
    assert _code(e) == "InvalidDocument"
    assert _state(ssm) == before

    out = ssm.update_document_default_version(Name=name, DocumentVersion="2")["Description"]
    assert out == {"Name": name, "DefaultVersion": "2", "DefaultVersionName": "second"}
    d = ssm.describe_document(Name=name)["Document"]
    assert d["DocumentVersion"] == "2" and d["DefaultVersion"] == "2" and d["LatestVersion"] == "3"
    listed = {x["Name"]: x for x in _all_documents(ssm, Filters=[{"Key": "Name", "Values": [name]}])}
    assert listed[name]["DocumentVersion"] == "2" and listed[name]["VersionName"] == "second"

    versions = ssm.list_document_versions(Name=name)["DocumentVersions"]
    assert [(v["DocumentVersion"], v["IsDefaultVersion"]) for v in versions] == [("3", False), ("2", True), ("1", False)]
    assert [v.get("VersionName") for v in versions] == [None, "second", "first"]

    before = _state(ssm)
    for bad in ("9", "$LATEST"):
        with pytest.raises(ClientError) as e:
            ssm.update_document_default_version(Name=name, DocumentVersion=bad)
        assert _code(e) == "InvalidDocumentVersion", bad
    assert _state(ssm) == before


# ------------------------------------------------------------------------------------
# delete
# ------------------------------------------------------------------------------------


def test_delete_document(ssm):
    name = _create(ssm)["Name"]
    ssm.update_document(Name=name, Content=json.dumps(_doc(commands=["echo 2"])))
    ssm.delete_document(Name=name)
    assert name not in {d["Name"] for d in _all_documents(ssm)}
    with pytest.raises(ClientError) as e:
        ssm.get_document(Name=name)
    assert _code(e) == "InvalidDocument"
    # the name can be used again, starting from version 1
    d = _create(ssm, name=name)
    assert d["DocumentVersion"] == "1" and d["LatestVersion"] == "1" and d["Tags"] == []

    before = _state(ssm)
    with pytest.raises(ClientError) as e:
        ssm.delete_document(Name="AWS-RunShellScript")
    assert _code(e) == "InvalidDocumentOperation"
    with pytest.raises(ClientError) as e:
        ssm.delete_document(Name=pf.unique("nope"))
    assert _code(e) == "InvalidDocument"
    assert _state(ssm) == before
    assert "AWS-RunShellScript" in {d["Name"] for d in _all_documents(ssm)}


# ------------------------------------------------------------------------------------
# sharing
# ------------------------------------------------------------------------------------


def test_document_permissions_round_trip(ssm):
    name = _create(ssm)["Name"]
    empty = ssm.describe_document_permission(Name=name, PermissionType="Share")
    assert empty["AccountIds"] == [] and empty["AccountSharingInfoList"] == []

    ssm.modify_document_permission(Name=name, PermissionType="Share",
                                   AccountIdsToAdd=["111122223333", "444455556666"], SharedDocumentVersion="$LATEST")
    got = ssm.describe_document_permission(Name=name, PermissionType="Share")
    assert got["AccountIds"] == ["111122223333", "444455556666"]
    assert got["AccountSharingInfoList"] == [
        {"AccountId": "111122223333", "SharedDocumentVersion": "$LATEST"},
        {"AccountId": "444455556666", "SharedDocumentVersion": "$LATEST"},
    ]
    # remove wins over add; "all" is accepted in any case
    ssm.modify_document_permission(Name=name, PermissionType="Share", AccountIdsToAdd=["all", "777788889999"],
                                   AccountIdsToRemove=["111122223333", "777788889999"])
    got = ssm.describe_document_permission(Name=name, PermissionType="Share")
    assert got["AccountIds"] == ["444455556666", "All"]
    assert {x["AccountId"]: x["SharedDocumentVersion"] for x in got["AccountSharingInfoList"]} == {
        "444455556666": "$LATEST", "All": "$DEFAULT"}

    # a shared document cannot be deleted
    with pytest.raises(ClientError) as e:
        ssm.delete_document(Name=name)
    assert _code(e) == "InvalidDocumentOperation"

    before = ssm.describe_document_permission(Name=name, PermissionType="Share")["AccountIds"]
    for kwargs, code in [
        ({"PermissionType": "Read", "AccountIdsToAdd": ["111122223333"]}, "InvalidPermissionType"),
        ({"PermissionType": "Share", "AccountIdsToAdd": ["12345"]}, "ValidationException"),
        ({"PermissionType": "Share", "AccountIdsToAdd": ["abcdabcdabcd"]}, "ValidationException"),
        ({"PermissionType": "Share", "AccountIdsToAdd": [f"{i:012d}" for i in range(1, 22)]}, "DocumentPermissionLimit"),
        ({"PermissionType": "Share", "AccountIdsToAdd": ["111122223333"], "SharedDocumentVersion": "1"}, "ValidationException"),
        ({"PermissionType": "Share"}, "ValidationException"),
    ]:
        with pytest.raises(ClientError) as e:
            ssm.modify_document_permission(Name=name, **kwargs)
        assert _code(e) == code, kwargs
    with pytest.raises(ClientError) as e:
        ssm.describe_document_permission(Name=name, PermissionType="Read")
    assert _code(e) == "InvalidPermissionType"
    with pytest.raises(ClientError) as e:
        ssm.describe_document_permission(Name="AWS-RunShellScript", PermissionType="Share")
    assert _code(e) == "InvalidDocumentOperation"
    with pytest.raises(ClientError) as e:
        ssm.modify_document_permission(Name=pf.unique("nope"), PermissionType="Share", AccountIdsToAdd=["111122223333"])
    assert _code(e) == "InvalidDocument"
    assert ssm.describe_document_permission(Name=name, PermissionType="Share")["AccountIds"] == before

    ssm.modify_document_permission(Name=name, PermissionType="Share", AccountIdsToRemove=["All", "444455556666"])
    assert ssm.describe_document_permission(Name=name, PermissionType="Share")["AccountIds"] == []
    ssm.delete_document(Name=name)


# ------------------------------------------------------------------------------------
# validation: every rule refuses, names the field, and changes nothing
# ------------------------------------------------------------------------------------

SHELL = {"action": "aws:runShellScript", "name": "s", "inputs": {"runCommand": ["echo hi"]}}


def _step(**over):
    step = json.loads(json.dumps(SHELL))
    inputs = over.pop("inputs", None)
    if inputs is not None:
        step["inputs"] = inputs
    step.update(over)
    return step


BAD_CONTENT = [
    ("no schemaVersion", {"mainSteps": [SHELL]}, "InvalidDocumentContent", "schemaVersion"),
    ("schema 1.2", {"schemaVersion": "1.2", "mainSteps": [SHELL]}, "InvalidDocumentSchemaVersion", "schemaVersion"),
    ("schema 0.3", {"schemaVersion": "0.3", "mainSteps": [SHELL]}, "InvalidDocumentContent",
     "Document schema version is invalid. Value: 0.3"),
    ("schema 1.2", {"schemaVersion": "1.2", "mainSteps": [SHELL]}, "InvalidDocumentSchemaVersion", "schemaVersion"),
    ("no mainSteps", {"schemaVersion": "2.2"}, "InvalidDocumentContent", "mainSteps"),
    ("empty mainSteps", {"schemaVersion": "2.2", "mainSteps": []}, "InvalidDocumentContent", "mainSteps"),
    ("unknown top-level", {"schemaVersion": "2.2", "mainSteps": [SHELL], "runtimeConfig": {}}, "InvalidDocumentContent", "runtimeConfig"),
    ("duplicate step names", {"schemaVersion": "2.2", "mainSteps": [SHELL, SHELL]}, "InvalidDocumentContent", "mainSteps[1].name"),
    ("bad step name", {"schemaVersion": "2.2", "mainSteps": [_step(name="has space")]}, "InvalidDocumentContent", "mainSteps[0].name"),
    ("missing step name", {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runShellScript", "inputs": {"runCommand": "x"}}]},
     "InvalidDocumentContent", "mainSteps[0].name"),
    ("unknown action", {"schemaVersion": "2.2", "mainSteps": [_step(action="aws:runPowerShellScript")]},
     "InvalidDocumentContent", "mainSteps[0].action"),
    ("no inputs", {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runShellScript", "name": "s"}]},
     "InvalidDocumentContent", "mainSteps[0].inputs"),
    ("runCommand missing", {"schemaVersion": "2.2", "mainSteps": [SHELL, _step(name="t", inputs={"workingDirectory": "/"})]},
     "InvalidDocumentContent", "mainSteps[1].inputs.runCommand"),
    ("runCommand not strings", {"schemaVersion": "2.2", "mainSteps": [SHELL, _step(name="t", inputs={"runCommand": [1, 2]})]},
     "InvalidDocumentContent", "mainSteps[1].inputs.runCommand"),
    ("downloadContent without sourceType",
     {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:downloadContent", "name": "d", "inputs": {"sourceInfo": {"url": "x"}}}]},
     "InvalidDocumentContent", "mainSteps[0].inputs.sourceType"),
    ("downloadContent without sourceInfo",
     {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:downloadContent", "name": "d", "inputs": {"sourceType": "HTTP"}}]},
     "InvalidDocumentContent", "mainSteps[0].inputs.sourceInfo"),
    ("runDocument without documentPath",
     {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runDocument", "name": "r", "inputs": {"documentType": "SSMDocument"}}]},
     "InvalidDocumentContent", "mainSteps[0].inputs.documentPath"),
    ("runDocument without documentType",
     {"schemaVersion": "2.2", "mainSteps": [{"action": "aws:runDocument", "name": "r", "inputs": {"documentPath": "x"}}]},
     "InvalidDocumentContent", "mainSteps[0].inputs.documentType"),
    ("bad parameter name", {"schemaVersion": "2.2", "parameters": {"my-param": {"type": "String"}}, "mainSteps": [SHELL]},
     "InvalidDocumentContent", 'Parameter name "my-param" is not alpha-numeric.'),
    ("bad parameter type", {"schemaVersion": "2.2", "parameters": {"p": {"type": "Float"}}, "mainSteps": [SHELL]},
     "InvalidDocumentContent", "parameters.p.type"),
    ("allowedPattern does not compile", {"schemaVersion": "2.2", "parameters": {"p": {"type": "String", "allowedPattern": "(["}},
                                         "mainSteps": [SHELL]}, "InvalidDocumentContent", "parameters.p.allowedPattern"),
    ("default fails allowedPattern",
     {"schemaVersion": "2.2", "parameters": {"p": {"type": "String", "default": "abc", "allowedPattern": "^[0-9]+$"}}, "mainSteps": [SHELL]},
     "InvalidDocumentContent", "parameters.p.default"),
    ("default not in allowedValues",
     {"schemaVersion": "2.2", "parameters": {"p": {"type": "String", "default": "c", "allowedValues": ["a", "b"]}}, "mainSteps": [SHELL]},
     "InvalidDocumentContent", "parameters.p.default"),
    ("default over maxChars",
     {"schemaVersion": "2.2", "parameters": {"p": {"type": "String", "default": "abcd", "maxChars": 3}}, "mainSteps": [SHELL]},
     "InvalidDocumentContent", "parameters.p.default"),
    ("default under minItems",
     {"schemaVersion": "2.2", "parameters": {"p": {"type": "StringList", "default": ["a"], "minItems": 2}}, "mainSteps": [SHELL]},
     "InvalidDocumentContent", "parameters.p.default"),
    ("undeclared reference",
     {"schemaVersion": "2.2", "mainSteps": [SHELL, _step(name="t", inputs={"runCommand": ["echo ok", "echo {{ who }}"]})]},
     "InvalidDocumentContent", 'Parameter "who" is not declared.'),
    ("bad onFailure", {"schemaVersion": "2.2", "mainSteps": [_step(inputs={"runCommand": "x", "onFailure": "retry"})]},
     "InvalidDocumentContent", "mainSteps[0].inputs.onFailure"),
    ("bad onSuccess", {"schemaVersion": "2.2", "mainSteps": [_step(inputs={"runCommand": "x", "onSuccess": "successAndExit"})]},
     "InvalidDocumentContent", "mainSteps[0].inputs.onSuccess"),
    ("finallyStep not last",
     {"schemaVersion": "2.2", "mainSteps": [_step(inputs={"runCommand": "x", "finallyStep": True}), _step(name="t")]},
     "InvalidDocumentContent", "mainSteps[0].inputs.finallyStep"),
    ("precondition operator",
     {"schemaVersion": "2.2", "mainSteps": [_step(precondition={"StringNotEquals": ["platformType", "Linux"]})]},
     "InvalidDocumentContent", "mainSteps[0].precondition.StringNotEquals"),
    ("precondition arity",
     {"schemaVersion": "2.2", "mainSteps": [_step(precondition={"StringEquals": ["platformType", "Linux", "x"]})]},
     "InvalidDocumentContent", "mainSteps[0].precondition.StringEquals"),
    ("not an object", ["schemaVersion", "2.2"], "InvalidDocumentContent", "Content"),
    ("not JSON", "{schemaVersion: 2.2", "InvalidDocumentContent", "JSON not well-formed. at Line: 1, Column: 2"),
]
# Each row: what is refused, the content, the error code, and what the message must contain — the
# path at fault in Portless's wording, or AWS's own text where AWS has one (then sent word for word).


@pytest.mark.parametrize("label,content,code,named", BAD_CONTENT, ids=[c[0] for c in BAD_CONTENT])
def test_bad_content_is_refused_on_create_and_update(ssm, label, content, code, named):
    existing = _create(ssm)["Name"]
    before = _state(ssm)
    text = content if isinstance(content, str) else json.dumps(content)
    name = pf.unique("bad")
    with pytest.raises(ClientError) as e:
        ssm.create_document(Name=name, Content=text)
    assert _code(e) == code, _message(e)
    assert named in _message(e)
    with pytest.raises(ClientError) as e:
        ssm.update_document(Name=existing, Content=text, DocumentVersion="$LATEST")
    assert _code(e) == code
    assert named in _message(e)
    assert _state(ssm) == before
    ssm.delete_document(Name=existing)


@pytest.mark.parametrize("name", ["ab", "has space", "slash/name", "x" * 129, "AWS-Mine", "aws-lower", "AmazonDoc", "amzn-doc"])
def test_bad_and_reserved_names_are_refused(ssm, name):
    before = _state(ssm)
    with pytest.raises(ClientError) as e:
        ssm.create_document(Name=name, Content=json.dumps(_doc()))
    assert _code(e) == "ValidationException"
    assert "Name" in _message(e)
    assert _state(ssm) == before


def test_other_create_refusals(ssm):
    name = _create(ssm)["Name"]
    before = _state(ssm)
    cases = [
        ({"Name": name}, "DocumentAlreadyExists"),
        ({"DocumentType": "Automation"}, "ValidationException"),
        ({"DocumentType": "Session"}, "InvalidDocumentContent"),  # command content is not Session content
        ({"DocumentFormat": "TEXT"}, "ValidationException"),
        ({"VersionName": "bad version"}, "ValidationException"),
        ({"Tags": [{"Key": "aws:reserved", "Value": "x"}]}, "ValidationException"),
        ({"Content": json.dumps(_doc(description="x" * (64 * 1024)))}, "MaxDocumentSizeExceeded"),
    ]
    for over, code in cases:
        kwargs = {"Name": pf.unique("doc"), "Content": json.dumps(_doc())}
        kwargs.update(over)
        with pytest.raises(ClientError) as e:
            ssm.create_document(**kwargs)
        assert _code(e) == code, (over.keys(), _message(e))
    with pytest.raises(ClientError) as e:
        ssm.update_document(Name="AWS-RunShellScript", Content=json.dumps(_doc()))
    assert _code(e) == "InvalidDocumentOperation"
    assert _state(ssm) == before
    assert json.loads(ssm.get_document(Name=name)["Content"]) == _doc()


# ------------------------------------------------------------------------------------
# ListDocuments filters and pagination; tags
# ------------------------------------------------------------------------------------


def test_list_documents_filters_and_pages(doc_server, ssm):
    prefix = pf.unique("lst")
    tag = pf.unique("t")
    names = [f"{prefix}-{i}" for i in range(7)]
    for i, n in enumerate(names):
        _create(ssm, name=n, Tags=[{"Key": "suite", "Value": tag}, {"Key": "parity", "Value": "even" if i % 2 == 0 else "odd"}])

    by_name = _all_documents(ssm, Filters=[{"Key": "Name", "Values": [prefix]}])
    assert [d["Name"] for d in by_name] == names
    legacy = _all_documents(ssm, DocumentFilterList=[{"key": "Name", "value": prefix}])
    assert [d["Name"] for d in legacy] == names
    even = _all_documents(ssm, Filters=[{"Key": "tag:parity", "Values": ["even"]}, {"Key": "tag:suite", "Values": [tag]}])
    assert [d["Name"] for d in even] == names[0::2]
    assert all({"Key": "suite", "Value": tag} in d["Tags"] for d in even)
    assert [d["Name"] for d in _all_documents(ssm, Filters=[{"Key": "tag:suite", "Values": [tag]},
                                                            {"Key": "TagKeys", "Values": ["parity"]}])] == names
    assert [d["Name"] for d in _all_documents(ssm, Filters=[{"Key": "Name", "Values": [prefix]},
                                                            {"Key": "DocumentType", "Values": ["Command"]},
                                                            {"Key": "Owner", "Values": ["Self"]},
                                                            {"Key": "PlatformTypes", "Values": ["Linux"]}])] == names
    assert _all_documents(ssm, Filters=[{"Key": "Name", "Values": [prefix]}, {"Key": "Owner", "Values": ["Amazon"]}]) == []
    assert _all_documents(ssm, Filters=[{"Key": "Name", "Values": [prefix]}, {"Key": "DocumentType", "Values": ["Automation"]}]) == []
    assert [d["Name"] for d in _all_documents(ssm, Filters=[{"Key": "Name", "Values": [prefix]},
                                                            {"Key": "Owner", "Values": ["All"]}])] == names

    page1 = ssm.list_documents(Filters=[{"Key": "Name", "Values": [prefix]}], MaxResults=3)
    assert [d["Name"] for d in page1["DocumentIdentifiers"]] == names[:3] and page1["NextToken"]
    page2 = ssm.list_documents(Filters=[{"Key": "Name", "Values": [prefix]}], MaxResults=3, NextToken=page1["NextToken"])
    assert [d["Name"] for d in page2["DocumentIdentifiers"]] == names[3:6]

    with pytest.raises(ClientError) as e:
        ssm.list_documents(Filters=[{"Key": "Colour", "Values": ["red"]}])
    assert _code(e) == "InvalidFilterKey"
    with pytest.raises(ClientError) as e:
        ssm.list_documents(Filters=[{"Key": "Owner", "Values": ["Self", "Amazon"]}])
    assert _code(e) == "InvalidFilterValue"
    with pytest.raises(ClientError) as e:
        ssm.list_documents(DocumentFilterList=[{"key": "tag:x", "value": "y"}])
    assert _code(e) in ("InvalidFilterKey", "ValidationException")
    with pytest.raises(ClientError) as e:
        ssm.list_documents(NextToken="garbage")
    assert _code(e) == "InvalidNextToken"
    for bad, rule in ((0, "greater than or equal to 1"), (51, "less than or equal to 50")):
        resp = pf.signed_request(doc_server, "AmazonSSM.ListDocuments", json.dumps({"MaxResults": bad}))
        assert resp.status_code == 400 and pf.error_type(resp) == "ValidationException", resp.text
        assert resp.json()["message"] == (f"1 validation error detected: Value '{bad}' at 'maxResults' failed to satisfy constraint: "
                                          f"Member must have value {rule}")


def test_document_tags(ssm):
    name = _create(ssm, Tags=[{"Key": "a", "Value": "1"}])["Name"]
    ssm.add_tags_to_resource(ResourceType="Document", ResourceId=name, Tags=[{"Key": "b", "Value": "2"}])
    tags = ssm.list_tags_for_resource(ResourceType="Document", ResourceId=name)["TagList"]
    assert tags == [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]
    assert ssm.describe_document(Name=name)["Document"]["Tags"] == tags
    ssm.remove_tags_from_resource(ResourceType="Document", ResourceId=name, TagKeys=["a"])
    assert ssm.list_tags_for_resource(ResourceType="Document", ResourceId=name)["TagList"] == [{"Key": "b", "Value": "2"}]
    with pytest.raises(ClientError) as e:
        ssm.add_tags_to_resource(ResourceType="Document", ResourceId=pf.unique("nope"), Tags=[{"Key": "b", "Value": "2"}])
    assert _code(e) == "InvalidResourceId"


# ------------------------------------------------------------------------------------
# the aws CLI
# ------------------------------------------------------------------------------------


def test_aws_cli_document_commands(doc_server, tmp_path):
    name = pf.unique("cli")
    path = tmp_path / "doc.yaml"
    path.write_text(YAML_DOC)
    out = pf.aws(doc_server, "ssm", "create-document", "--name", name, "--content", f"file://{path}",
                 "--document-format", "YAML", "--document-type", "Command", "--tags", "Key=via,Value=cli").json
    assert out["DocumentDescription"]["Name"] == name and out["DocumentDescription"]["DocumentFormat"] == "YAML"
    got = pf.aws(doc_server, "ssm", "get-document", "--name", name, "--document-format", "JSON").json
    assert json.loads(got["Content"]) == yaml.safe_load(YAML_DOC)
    desc = pf.aws(doc_server, "ssm", "describe-document", "--name", name).json["Document"]
    assert desc["Hash"] == hashlib.sha256(YAML_DOC.encode()).hexdigest()
    listed = pf.aws(doc_server, "ssm", "list-documents", "--filters", f"Key=Name,Values={name}").json
    assert [d["Name"] for d in listed["DocumentIdentifiers"]] == [name]
    (tmp_path / "v2.json").write_text(json.dumps(_doc(commands=["echo v2"])))
    upd = pf.aws(doc_server, "ssm", "update-document", "--name", name, "--content", f"file://{tmp_path / 'v2.json'}",
                 "--document-version", "$LATEST").json
    assert upd["DocumentDescription"]["DocumentVersion"] == "2"
    pf.aws(doc_server, "ssm", "update-document-default-version", "--name", name, "--document-version", "2")
    versions = pf.aws(doc_server, "ssm", "list-document-versions", "--name", name).json["DocumentVersions"]
    assert [v["DocumentVersion"] for v in versions if v["IsDefaultVersion"]] == ["2"]
    pf.aws(doc_server, "ssm", "modify-document-permission", "--name", name, "--permission-type", "Share",
           "--account-ids-to-add", "123456789012")
    perm = pf.aws(doc_server, "ssm", "describe-document-permission", "--name", name, "--permission-type", "Share").json
    assert perm["AccountIds"] == ["123456789012"]
    pf.aws(doc_server, "ssm", "modify-document-permission", "--name", name, "--permission-type", "Share",
           "--account-ids-to-remove", "123456789012")
    bad = pf.aws(doc_server, "ssm", "create-document", "--name", pf.unique("cli"), "--content",
                 json.dumps({"schemaVersion": "2.2", "mainSteps": []}), check=False)
    assert bad.returncode != 0 and "InvalidDocumentContent" in bad.stderr and "mainSteps" in bad.stderr
    pf.aws(doc_server, "ssm", "delete-document", "--name", name)
    gone = pf.aws(doc_server, "ssm", "describe-document", "--name", name, check=False)
    assert gone.returncode != 0 and "InvalidDocument" in gone.stderr


# ------------------------------------------------------------------------------------
# SendCommand with custom documents, through the fleet
# ------------------------------------------------------------------------------------


def _run(fleet, name, node, **kw) -> dict:
    client = fleet.client
    cmd = client.send_command(DocumentName=name, InstanceIds=[node], **kw)["Command"]
    inv = pf.wait_invocation(client, cmd["CommandId"], node, timeout=60)
    return {"command": cmd, "invocation": inv}


def test_send_command_with_custom_document_versions(fleet):
    client = fleet.client
    node = fleet.web_ids[0]
    name = pf.unique("run")
    doc1 = _doc(commands=["echo v1 {{ message }}"], parameters={"message": {"type": "String", "default": "dflt"}})
    client.create_document(Name=name, Content=json.dumps(doc1))

    r = _run(fleet, name, node)
    assert r["command"]["DocumentName"] == name and r["command"]["DocumentVersion"] == "1"
    assert r["invocation"]["Status"] == "Success", r
    assert r["invocation"]["StandardOutputContent"] == "v1 dflt\n"

    r = _run(fleet, name, node, Parameters={"message": ["given"]})
    assert r["invocation"]["StandardOutputContent"] == "v1 given\n"

    doc2 = _doc(commands=["echo v2 {{ message }}"], parameters={"message": {"type": "String", "default": "second"}})
    client.update_document(Name=name, Content=yaml.safe_dump(doc2), DocumentFormat="YAML", DocumentVersion="$LATEST")

    r = _run(fleet, name, node)  # $DEFAULT is still version 1
    assert r["command"]["DocumentVersion"] == "1" and r["invocation"]["StandardOutputContent"] == "v1 dflt\n"
    r = _run(fleet, name, node, DocumentVersion="$LATEST")
    assert r["command"]["DocumentVersion"] == "2" and r["invocation"]["StandardOutputContent"] == "v2 second\n"
    r = _run(fleet, name, node, DocumentVersion="1")
    assert r["invocation"]["StandardOutputContent"] == "v1 dflt\n"

    client.update_document_default_version(Name=name, DocumentVersion="2")
    r = _run(fleet, name, node)
    assert r["command"]["DocumentVersion"] == "2" and r["invocation"]["StandardOutputContent"] == "v2 second\n"

    account = client.describe_document(Name=name)["Document"]["Owner"]
    arn = f"arn:aws:ssm:{fleet.server.region}:{account}:document/{name}"
    r = _run(fleet, arn, node, DocumentVersion="1")
    assert r["invocation"]["StandardOutputContent"] == "v1 dflt\n"

    before = len(pf.all_commands(client))
    for version in ("3", "0", "latest"):
        with pytest.raises(ClientError) as e:
            client.send_command(DocumentName=name, InstanceIds=[node], DocumentVersion=version)
        assert _code(e) == "InvalidDocumentVersion", version
    with pytest.raises(ClientError) as e:
        client.send_command(DocumentName=pf.unique("nope"), InstanceIds=[node])
    assert _code(e) == "InvalidDocument"
    with pytest.raises(ClientError) as e:
        client.send_command(DocumentName=name, InstanceIds=[node], Parameters={"unknown": ["x"]})
    assert _code(e) == "InvalidParameters"
    assert len(pf.all_commands(client)) == before


def test_send_command_with_custom_document_via_cli(fleet):
    name = pf.unique("runcli")
    doc = {
        "schemaVersion": "2.2",
        "parameters": {"word": {"type": "String", "allowedValues": ["alpha", "beta"], "default": "alpha"}},
        "mainSteps": [
            {"action": "aws:runShellScript", "name": "first", "inputs": {"runCommand": ["echo one-{{ word }}"]}},
            {"action": "aws:runShellScript", "name": "second", "inputs": {"runCommand": ["echo two"]}},
        ],
    }
    fleet.aws("ssm", "create-document", "--name", name, "--content", json.dumps(doc))
    out = fleet.aws("ssm", "send-command", "--document-name", name, "--targets", "Key=tag:role,Values=web",
                    "--parameters", "word=beta").json
    cid = out["Command"]["CommandId"]
    for nid in fleet.web_ids:
        inv = pf.wait_invocation(fleet.client, cid, nid, timeout=60)
        assert inv["Status"] == "Success", inv
        step = fleet.aws("ssm", "get-command-invocation", "--command-id", cid, "--instance-id", nid,
                         "--plugin-name", "first").json
        assert step["StandardOutputContent"] == "one-beta\n"
    bad = fleet.aws("ssm", "send-command", "--document-name", name, "--instance-ids", fleet.web_ids[0],
                    "--parameters", "word=gamma", check=False)
    assert bad.returncode != 0 and "InvalidParameters" in bad.stderr


def test_send_command_builtin_document_versions(fleet):
    client = fleet.client
    node = fleet.web_ids[1]
    for version in (None, "$DEFAULT", "$LATEST", "1"):
        kw = {"DocumentVersion": version} if version else {}
        r = _run(fleet, "AWS-RunShellScript", node, Parameters={"commands": ["echo builtin"]}, **kw)
        assert r["command"]["DocumentVersion"] == "1"
        assert r["invocation"]["StandardOutputContent"] == "builtin\n", r
    r = _run(fleet, f"arn:aws:ssm:{fleet.server.region}::document/AWS-RunShellScript", node,
             Parameters={"commands": ["echo by-arn"]})
    assert r["invocation"]["StandardOutputContent"] == "by-arn\n"
    with pytest.raises(ClientError) as e:
        client.send_command(DocumentName="AWS-RunShellScript", InstanceIds=[node], DocumentVersion="2",
                            Parameters={"commands": ["true"]})
    assert _code(e) == "InvalidDocumentVersion"

