"""All six parameter types through the real API and a real agent: values given as strings (the
aws CLI and boto3 send every value as a list of strings), defaults of each type, how each reaches
the script (spliced text, a whole-string reference, `SSM_<name>`), and values that do not fit their
type, range or pattern refused at SendCommand with nothing dispatched."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

import portless_fixtures as pf

TYPED = {
    "schemaVersion": "2.2",
    "description": "Every parameter type.",
    "parameters": {
        "count": {"type": "Integer", "default": 2, "allowedValues": ["1", "2", "3"]},
        "verbose": {"type": "Boolean", "default": False},
        "labels": {"type": "StringMap", "default": {"env": "test"}, "maxChars": 40},
        "hosts": {"type": "MapList", "default": [{"name": "a"}], "minItems": 1, "maxItems": 2},
        "names": {"type": "StringList", "default": ["x"], "allowedPattern": "^[a-z]+$"},
        "mode": {"type": "String", "default": "fast", "minChars": 2, "maxChars": 8},
    },
    "mainSteps": [{
        "action": "aws:runShellScript", "name": "show",
        "inputs": {"timeoutSeconds": "{{ count }}0", "runCommand": [
            "echo 'count={{ count }} verbose={{ verbose }} mode={{ mode }}'",
            "echo 'labels={{ labels }}'",
            "echo 'hosts={{ hosts }}'",
            "echo 'names={{ names }}'",
            "echo \"env=$SSM_count/$SSM_verbose/$SSM_labels\"",
        ]},
    }],
}


@pytest.fixture(scope="module")
def typed_document(fleet) -> str:
    name = pf.unique("Typed")
    fleet.client.create_document(Name=name, Content=json.dumps(TYPED), DocumentType="Command", DocumentFormat="JSON")
    return name


def run(fleet, document: str, parameters: dict | None = None) -> dict:
    args = {"DocumentName": document, "InstanceIds": [fleet.db_id]}
    if parameters is not None:
        args["Parameters"] = parameters
    cid = fleet.client.send_command(**args)["Command"]["CommandId"]
    return pf.wait_invocation(fleet.client, cid, fleet.db_id, timeout=60)


def test_defaults_of_every_type_reach_the_script(fleet, typed_document):
    inv = run(fleet, typed_document)
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"].splitlines() == [
        "count=2 verbose=false mode=fast",
        'labels={"env":"test"}',
        'hosts=[{"name":"a"}]',
        'names=["x"]',
        'env=2/false/{"env":"test"}',
    ]


def test_values_given_as_strings_with_the_aws_cli(fleet, typed_document):
    parameters = {
        "count": ["3"], "verbose": ["True"], "labels": ['{"team": "sec"}'],
        "hosts": ['[{"name": "a"}, {"name": "b"}]'], "names": ["p", "q"], "mode": ["slow"],
    }
    result = fleet.aws("ssm", "send-command", "--document-name", typed_document, "--instance-ids", fleet.db_id,
                       "--parameters", json.dumps(parameters))
    cid = result.json["Command"]["CommandId"]
    assert result.json["Command"]["Parameters"]["verbose"] == ["true"]
    inv = pf.wait_invocation(fleet.client, cid, fleet.db_id, timeout=60)
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"].splitlines() == [
        "count=3 verbose=true mode=slow",
        'labels={"team":"sec"}',
        'hosts=[{"name":"a"},{"name":"b"}]',
        'names=["p","q"]',
        'env=3/true/{"team":"sec"}',
    ]


@pytest.mark.parametrize("name,values", [
    ("count", ["4"]),                 # not in allowedValues
    ("count", ["two"]),               # not an Integer
    ("count", ["1", "2"]),            # an Integer takes one value
    ("verbose", ["yes"]),             # not a Boolean
    ("labels", ["[1, 2]"]),           # not a JSON object
    ("labels", ['{"k": "' + "v" * 40 + '"}']),  # over maxChars
    ("hosts", ["[]"]),                # under minItems
    ("hosts", ['[{"a": 1}, {"b": 2}, {"c": 3}]']),  # over maxItems
    ("hosts", ["not json"]),
    ("names", ["ok", "NOT"]),         # an item outside allowedPattern
    ("mode", ["x"]),                  # under minChars
    ("mode", ["waytoolong"]),         # over maxChars
    ("nope", ["1"]),                  # not a parameter of the document
])
def test_values_that_do_not_fit_are_refused_and_nothing_is_dispatched(fleet, typed_document, name, values):
    before = len(pf.all_commands(fleet.client))
    with pytest.raises(ClientError) as caught:
        fleet.client.send_command(DocumentName=typed_document, InstanceIds=[fleet.db_id], Parameters={name: values})
    error = caught.value.response
    assert error["Error"]["Code"] == "InvalidParameters"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert name in error["Error"]["Message"]
    assert len(pf.all_commands(fleet.client)) == before


@pytest.mark.parametrize("declaration", [
    {"type": "Integer", "default": 1.5},
    {"type": "Boolean", "default": "maybe"},
    {"type": "StringMap", "default": [1]},
    {"type": "MapList", "default": {"a": "b"}},
    {"type": "Float"},
])
def test_documents_with_defaults_that_do_not_fit_are_refused(fleet, declaration):
    document = {"schemaVersion": "2.2", "parameters": {"p": declaration},
                "mainSteps": [{"action": "aws:runShellScript", "name": "a", "inputs": {"runCommand": ["echo {{ p }}"]}}]}
    with pytest.raises(ClientError) as caught:
        fleet.client.create_document(Name=pf.unique("BadDefault"), Content=json.dumps(document),
                                     DocumentType="Command", DocumentFormat="JSON")
    assert caught.value.response["Error"]["Code"] == "InvalidDocumentContent"
    assert "parameters.p" in caught.value.response["Error"]["Message"]


def test_run_document_parameters_take_json_values(fleet, typed_document):
    client = fleet.client
    outer = pf.unique("Outer")
    document = {
        "schemaVersion": "2.2",
        "mainSteps": [{"action": "aws:runDocument", "name": "nested", "inputs": {
            "documentType": "SSMDocument", "documentPath": typed_document,
            "documentParameters": {"count": 1, "verbose": True, "labels": {"a": "b"}, "hosts": [{"n": 1}],
                                   "names": ["z"], "mode": "ok"}}}],
    }
    client.create_document(Name=outer, Content=json.dumps(document), DocumentType="Command", DocumentFormat="JSON")
    inv = run(fleet, outer)
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"].splitlines()[:4] == [
        "count=1 verbose=true mode=ok", 'labels={"a":"b"}', 'hosts=[{"n":1}]', 'names=["z"]',
    ]
