"""Fixtures for the Portless end-to-end suite (real binary, real aws CLI, real boto3).

Run from the repository root:

    python3 -m pytest tests/e2e -q            # whole suite (about 2 minutes)
    PORTLESS_BIN=/path/to/portless python3 -m pytest tests/e2e -q

The binary defaults to <repo>/.build/debug/portless and is copied once per session
(PORTLESS_E2E_NO_COPY=1 runs it in place). Nothing reads ~/.aws: every client gets the
server's own credentials file and an empty config file.

Scopes: `fleet` (one server + three agents, two role=web and one role=db) is shared by the
session; modules that kill or restart things (activations, resilience, server restart,
quickstart) start their own servers.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "e2e"))

import portless_fixtures as pf  # noqa: E402


def pytest_configure(config):
    # The suite must never read the host's ~/.aws or pick up its credentials.
    for key in list(os.environ):
        if key.startswith("AWS_"):
            del os.environ[key]
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"


@pytest.fixture(scope="session", autouse=True)
def _reap_all_children():
    """Whatever happens, no server/agent/quickstart process outlives the session."""
    yield
    pf.kill_all_processes()


@pytest.fixture(scope="session")
def portless_bin(tmp_path_factory) -> str:
    """The binary under test. It is copied once per session, so a rebuild during the run
    ("Text file busy") cannot mix two builds; PORTLESS_E2E_NO_COPY=1 uses it in place."""
    path = pf.PORTLESS_BIN
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(f"portless binary not found at {path} (build it, or set PORTLESS_BIN)")
    if os.environ.get("PORTLESS_E2E_NO_COPY") != "1":
        copy = tmp_path_factory.mktemp("bin") / "portless"
        shutil.copy2(path, copy)
        pf.PORTLESS_BIN = str(copy)
    return pf.PORTLESS_BIN


@pytest.fixture
def make_server(portless_bin, tmp_path):
    """Factory for function-scoped servers: make_server(name='srv', port=0)."""
    servers: list[pf.Server] = []

    def _make(name: str = "server", port: int = 0, region: str | None = pf.REGION) -> pf.Server:
        s = pf.start_server(tmp_path / name, port=port, region=region, name=name)
        servers.append(s)
        return s

    yield _make
    for s in servers:
        s.process.kill_hard()
        for old in s.previous_processes:
            old.kill_hard()


@pytest.fixture
def server(make_server) -> pf.Server:
    return make_server()


@pytest.fixture
def make_agents(tmp_path):
    """Factory: make_agents(server, n, activation) -> started, registered, connected agents."""
    agents: list[pf.Agent] = []
    counter = [0]

    def _make(server: pf.Server, n: int, activation: dict) -> list[pf.Agent]:
        counter[0] += 1
        got = pf.start_agents(server, tmp_path / f"agents{counter[0]}", n, activation)
        agents.extend(got)
        return got

    yield _make
    for a in agents:
        a.stop()


@pytest.fixture(scope="module")
def pair(portless_bin, tmp_path_factory):
    """A module's own server with two agents registered through one activation:
    (server, boto3 SSM client, [node IDs])."""
    base = tmp_path_factory.mktemp("pair")
    server = pf.start_server(base / "server", name="pair-server")
    activation = pf.create_activation(server, limit=2)
    agents = pf.start_agents(server, base / "agents", 2, activation)
    yield server, server.client(), [a.node_id for a in agents]
    for a in agents:
        a.stop()
    server.process.kill_hard()


@dataclass
class Fleet:
    server: pf.Server
    activation: dict
    agents: list[pf.Agent]
    web_ids: list[str]
    db_id: str
    fleet_tag: str
    extra_processes: list = field(default_factory=list)

    @property
    def all_ids(self) -> list[str]:
        return [a.node_id for a in self.agents]

    @cached_property
    def client(self):
        return self.server.client()

    def aws(self, *args, **kw) -> pf.AwsResult:
        return pf.aws(self.server, *args, **kw)


@pytest.fixture(scope="session")
def fleet(portless_bin, tmp_path_factory) -> Fleet:
    """One server and three agents on loopback, registered through one activation made with
    the aws CLI: two nodes tagged role=web, one role=db. Shared by the read-mostly modules."""
    base = tmp_path_factory.mktemp("fleet")
    server = pf.start_server(base / "server", name="fleet-server")
    agents: list[pf.Agent] = []
    try:
        fleet_tag = pf.unique("e2e")
        activation = pf.create_activation(
            server, limit=10, default_instance_name="web", tags={"fleet": fleet_tag}
        )
        agents = pf.start_agents(server, base / "agents", 3, activation)
        web_ids = [agents[0].node_id, agents[1].node_id]
        db_id = agents[2].node_id
        for nid in web_ids:
            pf.aws(server, "ssm", "add-tags-to-resource", "--resource-type", "ManagedInstance",
                   "--resource-id", nid, "--tags", "Key=role,Value=web")
        pf.aws(server, "ssm", "add-tags-to-resource", "--resource-type", "ManagedInstance",
               "--resource-id", db_id, "--tags", "Key=role,Value=db")
        client = server.client()
        for a in agents:
            pf.wait_ping_status(client, a.node_id, "Online", timeout=20)
        yield Fleet(server, activation, agents, web_ids, db_id, fleet_tag)
    finally:
        for a in agents:
            a.stop()
        server.process.kill_hard()
