"""Script steps run as SSM's agent runs them: the lines go to `_script.sh` and `sh -c` runs that
file, so a `#!` first line picks the interpreter and a file without one runs under `sh`; working
directories follow the agent's rules for absolute and relative paths; scripts see the agent's
variables; every step property of the agent's step model is accepted, and `maxAttempts` retries
nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import portless_fixtures as pf


def run_lines(fleet, lines: list[str], **params) -> dict:
    _, invocations = pf.run_and_wait(fleet.client, [fleet.db_id], lines, **params)
    return invocations[fleet.db_id]


def test_bash_shebang_runs_bash(fleet):
    inv = run_lines(fleet, ["#!/bin/bash", "declare -A m=([k]=v)", "[[ ${m[k]} == v ]] && echo bash-ok", "source /dev/null && echo sourced"])
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"] == "bash-ok\nsourced\n"


def test_python_shebang_runs_python(fleet):
    inv = run_lines(fleet, ["#!/usr/bin/env python3", "import sys", "print('python', sys.version_info[0], sys.argv[0].endswith('/_script.sh'))"])
    assert inv["Status"] == "Success", inv
    assert inv["StandardOutputContent"] == "python 3 True\n"


def test_no_shebang_runs_under_sh(fleet):
    inv = run_lines(fleet, ["readlink -f /proc/$$/exe", "echo \"script=$0\""])
    assert inv["Status"] == "Success", inv
    interpreter, script = inv["StandardOutputContent"].splitlines()
    assert interpreter == os.path.realpath("/bin/sh")
    assert script.startswith("script=/") and script.endswith("/_script.sh")


def test_a_shebang_that_is_not_the_first_bytes_is_a_comment(fleet):
    # As with SSM's agent: "  #!/bin/bash" is not a shebang, so sh runs the file.
    inv = run_lines(fleet, ["  #!/bin/bash", "readlink -f /proc/$$/exe"])
    assert inv["StandardOutputContent"].strip() == os.path.realpath("/bin/sh")


@pytest.mark.skipif(os.path.realpath("/bin/sh").endswith("bash"), reason="/bin/sh is bash here")
def test_bash_builtins_fail_under_plain_sh(fleet):
    inv = run_lines(fleet, ["source /dev/null"])
    assert inv["Status"] == "Failed"
    assert inv["ResponseCode"] == 127
    assert "source" in inv["StandardErrorContent"]


def test_exit_code_of_the_interpreter_is_the_step_code(fleet):
    inv = run_lines(fleet, ["#!/usr/bin/env python3", "raise SystemExit(7)"])
    assert inv["Status"] == "Failed" and inv["ResponseCode"] == 7


def test_absolute_working_directory(fleet, tmp_path):
    inv = run_lines(fleet, ["pwd"], workingDirectory=str(tmp_path))
    assert inv["StandardOutputContent"] == f"{tmp_path}\n"


def test_missing_absolute_working_directory_fails_without_running(fleet, tmp_path):
    marker = tmp_path / "ran"
    inv = run_lines(fleet, [f"touch {marker}"], workingDirectory=str(tmp_path / "missing"))
    assert inv["Status"] == "Failed" and inv["ResponseCode"] == 1
    assert "does not exist" in inv["StandardErrorContent"]
    assert not marker.exists()


def test_relative_working_directory_without_downloads_is_the_invocations_directory(fleet):
    cid, invocations = pf.run_and_wait(fleet.client, [fleet.db_id], ["pwd"], workingDirectory="nowhere")
    directory = invocations[fleet.db_id]["StandardOutputContent"].strip()
    assert Path(directory).name == cid


def test_relative_working_directory_is_inside_downloads(fleet):
    client = fleet.client
    name = pf.unique("RelativeDir")
    document = {
        "schemaVersion": "2.2",
        "parameters": {"url": {"type": "String"}},
        "mainSteps": [
            {"action": "aws:downloadContent", "name": "fetch",
             "inputs": {"sourceType": "HTTP", "sourceInfo": {"url": "{{ url }}"}, "destinationPath": "bundle/"}},
            {"action": "aws:runShellScript", "name": "inBundle", "inputs": {"workingDirectory": "bundle", "runCommand": ["pwd", "ls"]}},
            {"action": "aws:runShellScript", "name": "byDefault", "inputs": {"runCommand": ["pwd", "ls"]}},
        ],
    }
    client.create_document(Name=name, Content=json.dumps(document), DocumentType="Command", DocumentFormat="JSON")
    cid = client.send_command(DocumentName=name, InstanceIds=[fleet.db_id],
                              Parameters={"url": [f"{fleet.server.url}/health"]})["Command"]["CommandId"]
    pf.wait_command(client, cid, timeout=60)
    plugins = {p["Name"]: p for p in pf.invocations(client, cid, details=True)[fleet.db_id]["CommandPlugins"]}
    assert all(p["Status"] == "Success" for p in plugins.values()), plugins
    in_bundle = plugins["inBundle"]["Output"].splitlines()
    assert in_bundle[0].endswith(f"/{cid}/downloads/bundle") and in_bundle[1:] == ["health"]
    by_default = plugins["byDefault"]["Output"].splitlines()
    assert by_default[0].endswith(f"/{cid}/downloads") and by_default[1:] == ["bundle"]


def test_scripts_see_the_agents_variables(fleet):
    inv = run_lines(fleet, ["echo $AWS_SSM_INSTANCE_ID", "echo $AWS_SSM_REGION_NAME", "echo ${AWS_SSM_PLATFORM_NAME:+platform}",
                            "echo $SSM_executionTimeout"])
    assert inv["StandardOutputContent"].splitlines() == [fleet.db_id, fleet.server.region, "platform", "3600"]


def test_every_step_property_is_accepted_and_max_attempts_retries_nothing(fleet, tmp_path):
    client = fleet.client
    counter = tmp_path / "attempts"
    name = pf.unique("StepProperties")
    document = {
        "schemaVersion": "2.2",
        "mainSteps": [
            {"action": "aws:runShellScript", "name": "failing", "maxAttempts": 3, "onFailure": "Continue",
             "timeoutSeconds": 1, "settings": {"note": "read by nobody"}, "description": "fails once",
             "precondition": {"StringEquals": ["platformType", "Linux"]},
             "inputs": {"runCommand": [f"echo x >> {counter}", "sleep 2", "exit 3"]}},
        ],
    }
    client.create_document(Name=name, Content=json.dumps(document), DocumentType="Command", DocumentFormat="JSON")
    cid = client.send_command(DocumentName=name, InstanceIds=[fleet.db_id])["Command"]["CommandId"]
    pf.wait_command(client, cid, timeout=60)
    inv = pf.get_invocation(client, cid, fleet.db_id)
    # The step ran once, its own timeoutSeconds (1 s) did not stop it, and the failure stands.
    assert inv["Status"] == "Failed" and inv["ResponseCode"] == 3, inv
    assert counter.read_text() == "x\n"
