"""Registration through an activation, node inventory and tags (shared three-node fleet)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import socket
import stat

import portless_fixtures as pf


def test_agents_registered_with_distinct_node_ids(fleet):
    ids = fleet.all_ids
    assert len(ids) == 3 and len(set(ids)) == 3
    for a in fleet.agents:
        assert re.fullmatch(r"mi-[0-9a-f]{17}", a.node_id)
        out = a.process.output()
        assert f"Registered as {a.node_id}" in out
        assert f"Connected as {a.node_id}" in out
        assert a.process.alive(), f"agent exited:\n{a.process.dump()}"


def test_private_key_stays_in_state_dir_with_mode_0600(fleet):
    for a in fleet.agents:
        files = [p for p in a.state_dir.rglob("*") if p.is_file()]
        assert files, f"agent state dir {a.state_dir} is empty"
        dir_mode = stat.S_IMODE(a.state_dir.stat().st_mode)
        assert not dir_mode & 0o002, f"state dir is world-writable ({oct(dir_mode)})"
        key_files = [
            p for p in files if "key" in p.name.lower() and not p.name.lower().endswith((".pub", ".public"))
        ]
        if key_files:
            for p in key_files:
                mode = stat.S_IMODE(p.stat().st_mode)
                assert mode & 0o077 == 0, f"{p} has mode {oct(mode)}; a private key must be 0600"
        else:
            modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in files}
            assert any(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files), (
                f"no 0600 file (private key) in {a.state_dir}: {modes}"
            )


def test_describe_instance_information_via_aws_cli(fleet):
    out = fleet.aws("ssm", "describe-instance-information").json
    by_id = {i["InstanceId"]: i for i in out["InstanceInformationList"]}
    assert set(by_id) == set(fleet.all_ids), f"nodes listed: {sorted(by_id)}"
    host = socket.gethostname().split(".")[0]
    for nid in fleet.all_ids:
        info = by_id[nid]
        assert info["PingStatus"] == "Online"
        assert info["ResourceType"] == "ManagedInstance"
        assert info["PlatformType"] == "Linux"
        assert info["ComputerName"], info
        assert info["ComputerName"].split(".")[0] == host, (info["ComputerName"], host)
        ipaddress.ip_address(info["IPAddress"])  # raises if not an IP address
        assert info["AgentVersion"], info
        assert info["ActivationId"] == fleet.activation["ActivationId"]
        assert info["RegistrationDate"], info
        assert info["Name"] == "web"  # the activation's default instance name


def test_describe_instance_information_timestamps_via_boto3(fleet):
    info = pf.instance_info(fleet.client, fleet.all_ids)
    now = dt.datetime.now(dt.timezone.utc)
    for nid, item in info.items():
        reg = item["RegistrationDate"]
        assert isinstance(reg, dt.datetime), type(reg)
        assert abs((now - reg).total_seconds()) < 3600, f"{nid} RegistrationDate {reg} is not about now"
        if "LastPingDateTime" in item:
            assert abs((now - item["LastPingDateTime"]).total_seconds()) < 3600


def test_describe_instance_information_filter_by_instance_ids(fleet):
    one = fleet.db_id
    resp = fleet.client.describe_instance_information(
        Filters=[{"Key": "InstanceIds", "Values": [one]}]
    )
    assert [i["InstanceId"] for i in resp["InstanceInformationList"]] == [one]


def test_activation_tags_and_added_tags(fleet):
    for nid in fleet.all_ids:
        tags = fleet.aws(
            "ssm", "list-tags-for-resource", "--resource-type", "ManagedInstance", "--resource-id", nid
        ).json["TagList"]
        tagmap = {t["Key"]: t["Value"] for t in tags}
        assert tagmap.get("fleet") == fleet.fleet_tag, f"{nid} lacks the activation's tag: {tags}"
        want_role = "db" if nid == fleet.db_id else "web"
        assert tagmap.get("role") == want_role, f"{nid} tags {tags}"


def test_add_tags_to_resource_is_visible_and_overwrites(fleet):
    nid = fleet.db_id
    extra = pf.unique("x")
    fleet.aws("ssm", "add-tags-to-resource", "--resource-type", "ManagedInstance", "--resource-id", nid,
              "--tags", f"Key=extra,Value={extra}")
    tagmap = {t["Key"]: t["Value"] for t in fleet.client.list_tags_for_resource(
        ResourceType="ManagedInstance", ResourceId=nid)["TagList"]}
    assert tagmap.get("extra") == extra
    assert tagmap.get("role") == "db"
    extra2 = pf.unique("y")
    fleet.aws("ssm", "add-tags-to-resource", "--resource-type", "ManagedInstance", "--resource-id", nid,
              "--tags", f"Key=extra,Value={extra2}")
    tags = fleet.client.list_tags_for_resource(ResourceType="ManagedInstance", ResourceId=nid)["TagList"]
    assert [t["Value"] for t in tags if t["Key"] == "extra"] == [extra2], tags


def test_describe_activations_counts_registrations(fleet):
    acts = fleet.aws("ssm", "describe-activations").json["ActivationList"]
    mine = [a for a in acts if a["ActivationId"] == fleet.activation["ActivationId"]]
    assert len(mine) == 1, acts
    act = mine[0]
    assert act["RegistrationsCount"] == 3
    assert act["RegistrationLimit"] == 10
    assert act["DefaultInstanceName"] == "web"
    assert act["IamRole"] == "portless-node"
    assert act.get("Expired") in (False, None)
    # The activation code is a secret: it is never listed back.
    assert fleet.activation["ActivationCode"] not in str(acts)
