"""The `portless run` and `portless nodes` CLI against the shared fleet."""

from __future__ import annotations

import platform

import portless_fixtures as pf


def _env(fleet, **extra) -> dict:
    return fleet.server.client_env(extra)


def _run(fleet, args, env=None, timeout=120):
    r = pf.run_portless(args, env=env if env is not None else _env(fleet), timeout=timeout)
    return r


def _new_commands(fleet, before: set) -> list[dict]:
    return [c for c in pf.all_commands(fleet.client) if c["CommandId"] not in before]


def _command_ids(fleet) -> set:
    return {c["CommandId"] for c in pf.all_commands(fleet.client)}


def test_run_by_tag(fleet):
    before = _command_ids(fleet)
    r = _run(fleet, ["run", "--endpoint-url", fleet.server.url, "--targets", "tag:role=web", "--",
                     "echo cli-$((20+22)); uname -s"])
    assert r.returncode == 0, f"rc={r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    for nid in fleet.web_ids:
        assert nid in r.stdout, r.stdout
    assert fleet.db_id not in r.stdout
    assert "cli-42" in r.stdout
    assert platform.system() in r.stdout  # `uname -s` output
    assert "Success" in r.stdout
    # It went through the API: one new command, on the web nodes only, all Success.
    new = _new_commands(fleet, before)
    assert len(new) == 1, new
    invs = pf.invocations(fleet.client, new[0]["CommandId"])
    assert set(invs) == set(fleet.web_ids)
    assert {i["Status"] for i in invs.values()} == {"Success"}


def test_run_by_instance_ids_failure_exits_non_zero(fleet):
    ids = [fleet.web_ids[0], fleet.db_id]
    r = _run(fleet, ["run", "--endpoint-url", fleet.server.url, "--instance-ids", ",".join(ids), "--",
                     "echo failing-now; exit 3"])
    assert r.returncode != 0, r.stdout
    for nid in ids:
        assert nid in r.stdout
    assert fleet.web_ids[1] not in r.stdout
    assert "failing-now" in r.stdout
    assert "Failed" in r.stdout


def test_run_exits_non_zero_if_any_node_failed(fleet, tmp_path):
    marker = tmp_path / "lock"
    try:
        r = _run(fleet, ["run", "--endpoint-url", fleet.server.url, "--targets", "tag:role=web", "--",
                         f"if mkdir {marker} 2>/dev/null; then echo won; else echo lost; exit 4; fi"])
    finally:
        if marker.exists():
            marker.rmdir()
    assert r.returncode != 0, r.stdout
    assert "won" in r.stdout and "lost" in r.stdout
    for nid in fleet.web_ids:
        assert nid in r.stdout


def test_run_all_with_env_credentials_and_endpoint(fleet):
    ak, sk = fleet.server.credentials()
    env = pf.isolated_env({
        "AWS_ACCESS_KEY_ID": ak,
        "AWS_SECRET_ACCESS_KEY": sk,
        "AWS_REGION": "us-east-1",
        "PORTLESS_ENDPOINT": fleet.server.url,
    })
    r = _run(fleet, ["run", "--all", "--", "echo everywhere"], env=env)
    assert r.returncode == 0, f"stdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    for nid in fleet.all_ids:
        assert nid in r.stdout
    assert r.stdout.count("everywhere") >= 3


def test_run_with_named_profile(fleet, tmp_path):
    ak, sk = fleet.server.credentials()
    creds = tmp_path / "creds"
    creds.write_text(f"[default]\naws_access_key_id = AKIAWRONGWRONGWRONG0\naws_secret_access_key = nope\n\n"
                     f"[ops]\naws_access_key_id = {ak}\naws_secret_access_key = {sk}\n")
    creds.chmod(0o600)
    env = pf.isolated_env({
        "AWS_SHARED_CREDENTIALS_FILE": str(creds),
        "AWS_PROFILE": "ops",
        "AWS_DEFAULT_REGION": "us-east-1",
    })
    r = _run(fleet, ["run", "--endpoint-url", fleet.server.url, "--instance-ids", fleet.db_id, "--",
                     "echo via-profile"], env=env)
    assert r.returncode == 0, f"stdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    assert fleet.db_id in r.stdout and "via-profile" in r.stdout


def test_run_with_wrong_secret_fails_and_runs_nothing(fleet):
    before = _command_ids(fleet)
    ak, _ = fleet.server.credentials()
    env = pf.isolated_env({
        "AWS_ACCESS_KEY_ID": ak,
        "AWS_SECRET_ACCESS_KEY": "W" * 40,
        "AWS_DEFAULT_REGION": "us-east-1",
    })
    r = _run(fleet, ["run", "--endpoint-url", fleet.server.url, "--all", "--", "echo never"], env=env)
    assert r.returncode != 0
    assert "never" not in r.stdout
    assert _command_ids(fleet) == before


def test_nodes_lists_every_node(fleet):
    r = _run(fleet, ["nodes", "--endpoint-url", fleet.server.url])
    assert r.returncode == 0, f"stdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    for nid in fleet.all_ids:
        assert nid in r.stdout


def test_nodes_with_portless_endpoint_env(fleet):
    env = _env(fleet, PORTLESS_ENDPOINT=fleet.server.url)
    r = _run(fleet, ["nodes"], env=env)
    assert r.returncode == 0, f"stdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    assert set(pf.NODE_ID_RE.findall(r.stdout)) == set(fleet.all_ids)


def test_secret_never_printed_by_cli(fleet):
    r = _run(fleet, ["nodes", "--endpoint-url", fleet.server.url])
    sk = fleet.server.secret_key
    assert r.returncode == 0
    assert sk not in r.stdout and sk not in r.stderr


def test_cli_without_credentials_fails_with_a_message(fleet):
    env = pf.isolated_env({"AWS_DEFAULT_REGION": "us-east-1"})
    r = _run(fleet, ["nodes", "--endpoint-url", fleet.server.url], env=env)
    assert r.returncode != 0
    assert (r.stdout + r.stderr).strip()
    assert not set(pf.NODE_ID_RE.findall(r.stdout))
