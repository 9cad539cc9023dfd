"""The server on its own: start-up contract, root credentials, region, graceful stop, restart."""

from __future__ import annotations

import configparser
import re
import stat

import pytest
from botocore.exceptions import ClientError

import portless_fixtures as pf


def test_startup_announces_url_and_root_credentials(server: pf.Server):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.url)
    assert server.port != 0
    # The announced file is DIR/credentials.
    assert server.credentials_path.resolve() == (server.data_dir / "credentials").resolve()
    mode = stat.S_IMODE(server.credentials_path.stat().st_mode)
    assert mode == 0o600, f"credentials file mode is {oct(mode)}, want 0o600"

    cp = configparser.ConfigParser()
    cp.read(server.credentials_path)
    assert "default" in cp.sections(), f"no [default] section: {server.credentials_path.read_text()!r}"
    ak = cp["default"]["aws_access_key_id"].strip()
    sk = cp["default"]["aws_secret_access_key"].strip()
    assert re.fullmatch(r"AKIA[A-Z0-9]{16}", ak), ak
    assert len(sk) >= 20

    out = server.process.output()
    assert sk not in out, "the root secret key must never be printed"
    # Give the server a moment to say anything else, then check again.
    pf.aws(server, "ssm", "list-commands")
    assert sk not in server.process.output()


def test_fresh_server_is_empty_and_answers_the_aws_cli(server: pf.Server):
    info = pf.aws(server, "ssm", "describe-instance-information").json
    assert info["InstanceInformationList"] == []
    cmds = pf.aws(server, "ssm", "list-commands").json
    assert cmds["Commands"] == []
    acts = pf.aws(server, "ssm", "describe-activations").json
    assert acts["ActivationList"] == []


def test_default_region_is_us_east_1(make_server):
    srv = make_server("noregion", region=None)
    ok = srv.client(region="us-east-1").list_commands()
    assert ok["Commands"] == []
    # A request scoped to another region is refused (the server serves one region).
    with pytest.raises(ClientError) as ei:
        srv.client(region="eu-west-1").list_commands()
    assert ei.value.response["ResponseMetadata"]["HTTPStatusCode"] in (400, 403)


def test_sigterm_is_graceful_and_state_survives_restart(make_server):
    srv = make_server("restartme")
    before_bytes = srv.credentials_path.read_bytes()
    before_mtime = srv.credentials_path.stat().st_mtime_ns
    ak, sk = srv.credentials()
    act = pf.create_activation(srv, limit=3, default_instance_name="keep")
    first_output = srv.process.output()

    rc = srv.stop()
    assert rc == 0, f"server exited {rc} on SIGTERM; output:\n{srv.process.dump()}"

    srv.restart()
    # Same credentials, file untouched, still 0600.
    assert srv.credentials_path.read_bytes() == before_bytes
    assert srv.credentials_path.stat().st_mtime_ns == before_mtime
    assert stat.S_IMODE(srv.credentials_path.stat().st_mode) == 0o600
    assert srv.credentials() == (ak, sk)
    # The old key still works, and state (the activation) survived.
    acts = srv.client().describe_activations()["ActivationList"]
    assert [a["ActivationId"] for a in acts] == [act["ActivationId"]]

    second_output = srv.process.output()
    assert sk not in first_output and sk not in second_output
    creation_talk = re.compile(
        r"(?im)^(?=.*\b(creat\w*|generat\w*|new|wrote|writing|bootstrap\w*)\b)"
        r"(?=.*(credential|root|account|access key|secret)).*$"
    )
    assert not creation_talk.search(second_output), (
        f"second start talks about creating credentials:\n{second_output}"
    )
    rc = srv.stop()
    assert rc == 0
