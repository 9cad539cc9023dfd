"""Service checks: services that must be off, cron/at permissions, FTP, NFS, SNMP, SSH, banners.

Each check runs on the hardened tree (both layouts), then on the tree with exactly one thing broken.
"""

from __future__ import annotations

import pytest

import harden_services as hs
from tree import evidence_text, in_layouts, run_bundle, run_check

MINE = ["U-%02d" % n for n in list(range(19, 44)) + list(range(60, 73))]

# Status of each check on the hardened tree. NA: the server is not installed there (a hardened host
# without FTP, mail, DNS, Apache, NFS exports or SNMP agent); MANUAL: a person must judge (versions,
# patches, log review). U-62 is NA because the hardened tree has no ftp account.
HARDENED = {
    "U-19": "PASS", "U-20": "NA", "U-21": "PASS", "U-22": "PASS", "U-23": "PASS", "U-24": "PASS",
    "U-25": "NA", "U-26": "PASS", "U-27": "PASS", "U-28": "PASS", "U-29": "PASS", "U-30": "NA",
    "U-31": "NA", "U-32": "NA", "U-33": "NA", "U-34": "NA", "U-35": "NA", "U-36": "NA", "U-37": "NA",
    "U-38": "NA", "U-39": "NA", "U-40": "NA", "U-41": "NA", "U-42": "MANUAL", "U-43": "MANUAL",
    "U-60": "PASS", "U-61": "PASS", "U-62": "NA", "U-63": "NA", "U-64": "NA", "U-65": "PASS",
    "U-66": "PASS", "U-67": "NA", "U-68": "PASS", "U-69": "NA", "U-70": "NA", "U-71": "NA", "U-72": "PASS",
}

# With every server installed and configured securely (not enabled at boot).
INSTALLED = dict(HARDENED, **{
    "U-20": "PASS", "U-25": "PASS", "U-30": "MANUAL", "U-31": "PASS", "U-32": "PASS", "U-33": "MANUAL",
    "U-34": "PASS", "U-35": "PASS", "U-36": "PASS", "U-37": "PASS", "U-38": "PASS", "U-39": "PASS",
    "U-40": "PASS", "U-41": "PASS", "U-63": "PASS", "U-64": "PASS", "U-67": "PASS", "U-69": "PASS",
    "U-70": "PASS", "U-71": "PASS",
})


def install_everything(tree):
    hs.install_vsftpd(tree)
    hs.install_sendmail(tree)
    hs.install_postfix(tree)
    hs.install_bind(tree)
    hs.install_nfs_exports(tree)
    hs.install_snmpd(tree)
    hs.install_apache(tree)


def results(tree):
    return {r["id"]: r for r in run_bundle(tree.root, *sum((["-c", c] for c in MINE), []))}


def test_hardened_tree(tree):
    found = results(tree)
    assert {c: r["status"] for c, r in found.items()} == HARDENED
    for check, result in found.items():
        assert result["id2026"], check
        if result["status"] == "NA":
            assert any("note" in e for e in result["evidence"]), check
        if result["status"] == "MANUAL":
            assert result["review"], check


def test_every_server_installed_securely(tree):
    install_everything(tree)
    assert {c: r["status"] for c, r in results(tree).items()} == INSTALLED


# ---- services that must be off -------------------------------------------------------------

def enable(tree, how, name):
    """Turns a service on one of the ways a system starts it; returns text the evidence must show."""
    if how == "unit":
        tree.enable_unit(name, wanted_by="sockets.target" if name.endswith(".socket") else "multi-user.target")
        return name
    if how == "inetd":
        tree.write("/etc/inetd.conf", "# inetd\n#telnet stream tcp nowait root /usr/sbin/in.telnetd\n"
                                      f"{name}\tstream\ttcp\tnowait\troot\t/usr/sbin/tcpd\tin.{name}d\n", mode=0o600)
        return "/etc/inetd.conf"
    if how == "xinetd":
        tree.write(f"/etc/xinetd.d/{name}", f"service {name}\n{{\n\tsocket_type = stream\n\tdisable = no\n}}\n", mode=0o600)
        return f"/etc/xinetd.d/{name}"
    if how == "xinetd-default":  # no disable line at all: xinetd runs it
        tree.write(f"/etc/xinetd.d/{name}", f"service {name}\n{{\n\tsocket_type = stream\n}}\n", mode=0o600)
        return f"/etc/xinetd.d/{name}"
    if how == "rc":
        tree.symlink(f"/etc/rc3.d/S20{name}", f"../init.d/{name}")
        return f"rc start link for {name}"
    raise AssertionError(how)


OFF_CASES = [
    ("U-19", "inetd", "finger"), ("U-19", "xinetd", "finger"), ("U-19", "unit", "finger.socket"),
    ("U-21", "inetd", "shell"), ("U-21", "inetd", "login"), ("U-21", "xinetd", "rexec"), ("U-21", "unit", "rlogin.socket"),
    ("U-21", "rc", "rsh"),
    ("U-23", "inetd", "echo"), ("U-23", "inetd", "discard"), ("U-23", "xinetd", "daytime"), ("U-23", "xinetd-default", "chargen"),
    ("U-24", "unit", "nfs-server.service"), ("U-24", "unit", "nfs-kernel-server.service"), ("U-24", "rc", "nfs"),
    ("U-26", "unit", "autofs.service"), ("U-26", "rc", "autofs"),
    ("U-27", "unit", "rpc-rquotad.service"), ("U-27", "xinetd", "rstatd"), ("U-27", "xinetd", "rusersd"),
    ("U-28", "unit", "ypbind.service"), ("U-28", "unit", "nis.service"), ("U-28", "rc", "ypserv"),
    ("U-29", "unit", "tftp.socket"), ("U-29", "unit", "tftpd-hpa.service"), ("U-29", "inetd", "talk"), ("U-29", "xinetd", "ntalk"),
    ("U-60", "unit", "telnet.socket"), ("U-60", "inetd", "telnet"), ("U-60", "unit", "vsftpd.service"),
    ("U-61", "unit", "vsftpd.service"), ("U-61", "unit", "proftpd.service"), ("U-61", "inetd", "ftp"), ("U-61", "rc", "vsftpd"),
    ("U-66", "unit", "snmpd.service"), ("U-66", "rc", "snmpd"),
]


# inetd.conf, xinetd.d, rc links and systemd units are in the same places in both layouts: these
# checks' cases run in the Debian layout only. U-60 and U-61 also weigh sshd and the FTP servers,
# whose units and files differ between the layouts, so they run in both.
OFF_ONE_LAYOUT = {"U-19", "U-21", "U-23", "U-24", "U-26", "U-27", "U-28", "U-29", "U-66"}


@pytest.mark.parametrize("tree,check,how,name", in_layouts(OFF_CASES, OFF_ONE_LAYOUT), indirect=["tree"])
def test_an_enabled_service_fails(tree, check, how, name):
    shown = enable(tree, how, name)
    result = run_check(tree.root, check)
    assert result["status"] == "FAIL"
    assert shown in evidence_text(result)


def test_xinetd_service_disabled_passes_and_one_enabled_block_fails(tree):
    # xinetd.d/echo has a stream and a dgram block: disabled only when both say so.
    both_off = ("service echo\n{\n\tid = echo-stream\n\tdisable = yes\n}\n"
                "service echo\n{\n\tid = echo-dgram\n\tdisable = yes\n}\n")
    tree.write("/etc/xinetd.d/echo", both_off, mode=0o600)
    assert run_check(tree.root, "U-23")["status"] == "PASS"
    tree.write("/etc/xinetd.d/echo", both_off.replace("echo-stream\n\tdisable = yes", "echo-stream\n\tdisable = no"), mode=0o600)
    result = run_check(tree.root, "U-23")
    assert result["status"] == "FAIL" and "/etc/xinetd.d/echo" in evidence_text(result)


def test_inetd_rpc_entry_fails_u27(tree):
    tree.write("/etc/inetd.conf", "rstatd/2-4\tdgram\trpc/udp\twait\troot\t/usr/sbin/rpc.rstatd\trpc.rstatd\n", mode=0o600)
    result = run_check(tree.root, "U-27")
    assert result["status"] == "FAIL"
    assert result["evidence"][0]["file"] == "/etc/inetd.conf" and "rstatd/2-4" in result["evidence"][0]["value"]


def test_commented_inetd_entries_pass(tree):
    tree.write("/etc/inetd.conf", "#finger stream tcp nowait nobody /usr/sbin/tcpd in.fingerd\n"
                                  "# shell stream tcp nowait root /usr/sbin/tcpd in.rshd\n", mode=0o600)
    for check in ("U-19", "U-21"):
        assert run_check(tree.root, check)["status"] == "PASS"


# ---- U-60 SSH --------------------------------------------------------------------------

def test_u60_without_any_remote_login_service_is_na(tree):
    tree.remove("/etc/systemd/system/multi-user.target.wants")
    tree.remove("/usr/sbin/sshd")
    result = run_check(tree.root, "U-60")
    assert result["status"] == "NA" and "no remote login service" in evidence_text(result)


def test_u60_evidence_names_the_ssh_unit(tree):
    unit = "ssh.service" if tree.flavor == "debian" else "sshd.service"
    assert unit in evidence_text(run_check(tree.root, "U-60"))


# ---- U-22 cron, U-65 at ---------------------------------------------------------------------

def spool(tree):
    return "/var/spool/cron/crontabs" if tree.flavor == "debian" else "/var/spool/cron"


CRON_BREAKS = [
    ("crontab others may run it", lambda t: t.chmod("/usr/bin/crontab", 0o2755 if t.flavor == "debian" else 0o4755),
     "/usr/bin/crontab", "755"),
    ("/etc/crontab 644", lambda t: t.chmod("/etc/crontab", 0o644), "/etc/crontab", "644"),
    ("/etc/crontab not root's", lambda t: t.chown("/etc/crontab", 4242), "/etc/crontab", "4242"),
    ("cron.allow 644", lambda t: t.chmod("/etc/cron.allow", 0o644), "/etc/cron.allow", "644"),
    ("cron.deny 666", lambda t: t.write("/etc/cron.deny", "guest\n", mode=0o666), "/etc/cron.deny", "666"),
    ("cron.d file 644", lambda t: t.chmod("/etc/cron.d/sysstat", 0o644), "/etc/cron.d/sysstat", "644"),
    ("cron.d dir 755", lambda t: t.chmod("/etc/cron.d", 0o755), "/etc/cron.d", "755"),
    ("cron.daily script writable", lambda t: t.chmod("/etc/cron.daily/logrotate", 0o777), "/etc/cron.daily/logrotate", "777"),
    ("cron.weekly dir others", lambda t: t.chmod("/etc/cron.weekly", 0o755), "/etc/cron.weekly", "755"),
    ("spool crontab 644", lambda t: t.chmod(spool(t) + "/root", 0o644), "/root", "644"),
    ("spool crontab of someone else", lambda t: t.write(spool(t) + "/alice", "* * * * * true\n", mode=0o600, uid=4242),
     "/alice", "4242"),
]


@pytest.mark.parametrize("label,breaks,file,shown", CRON_BREAKS, ids=[c[0] for c in CRON_BREAKS])
def test_u22_cron_permissions(tree, label, breaks, file, shown):
    breaks(tree)
    result = run_check(tree.root, "U-22")
    assert result["status"] == "FAIL"
    bad = [e for e in result["evidence"] if e.get("file", "").endswith(file)]
    assert bad and shown in (bad[0]["mode"] + bad[0]["owner"]), result["evidence"]


def test_u22_users_own_crontab_passes(tree):
    tree.append("/etc/passwd", "alice:x:1000:1000::/home/alice:/bin/bash\n")
    tree.write(spool(tree) + "/alice", "* * * * * true\n", mode=0o600, uid=1000)
    assert run_check(tree.root, "U-22")["status"] == "PASS"


def test_u22_na_without_cron(tree):
    for name in ("/usr/bin/crontab", "/etc/crontab", "/etc/cron.d"):
        tree.remove(name)
    assert run_check(tree.root, "U-22")["status"] == "NA"


@pytest.mark.parametrize("name,mode", [("/usr/bin/at", 0o4755), ("/etc/at.deny", 0o644)])
def test_u65_at_permissions(tree, name, mode):
    tree.chmod(name, mode)
    result = run_check(tree.root, "U-65")
    assert result["status"] == "FAIL"
    assert any(e.get("file") == name and e["mode"] == oct(mode)[2:] for e in result["evidence"])


def test_u65_at_allow_owned_by_user_fails(tree):
    tree.write("/etc/at.allow", "root\n", mode=0o600, uid=1000)
    result = run_check(tree.root, "U-65")
    assert result["status"] == "FAIL" and "/etc/at.allow" in evidence_text(result)


def test_u65_na_without_at(tree):
    tree.remove("/usr/bin/at")
    tree.remove("/etc/at.deny")
    assert run_check(tree.root, "U-65")["status"] == "NA"


# ---- FTP: U-20, U-61–U-64, and the FTP banner of U-68 -------------------------------------

def test_ftp_servers_installed_and_enabled(tree):
    hs.install_vsftpd(tree, enable=True)
    assert run_check(tree.root, "U-61")["status"] == "FAIL"
    for check in ("U-20", "U-63", "U-64", "U-68"):
        assert run_check(tree.root, check)["status"] == "PASS", check


def test_proftpd_installed_securely(tree):
    hs.install_proftpd(tree)
    for check in ("U-20", "U-61", "U-63", "U-64", "U-68"):
        assert run_check(tree.root, check)["status"] == "PASS", check


def vsftpd_set(tree, key, value):
    conf = hs.vsftpd_conf_path(tree)
    text = "".join(l for l in tree.path(conf).read_text().splitlines(True) if not l.startswith(key + "="))
    if value is not None:
        text += f"{key}={value}\n"
    tree.write(conf, text, mode=0o600)


FTP_BREAKS = [
    # check, server, how to break it, text the evidence must show
    ("U-20", "vsftpd", lambda t: vsftpd_set(t, "anonymous_enable", "YES"), "anonymous_enable=YES"),
    ("U-20", "vsftpd", lambda t: vsftpd_set(t, "anonymous_enable", None), "default YES"),
    ("U-20", "proftpd", lambda t: t.append(hs.proftpd_conf_path(t), "<Anonymous ~ftp>\n  User ftp\n</Anonymous>\n"),
     "<Anonymous ~ftp>"),
    ("U-63", "vsftpd", lambda t: t.chmod(hs.ftpusers_path(t), 0o644), "644"),
    ("U-63", "proftpd", lambda t: t.chown("/etc/ftpusers", 4242), "4242"),
    ("U-64", "vsftpd", lambda t: t.write(hs.ftpusers_path(t), "#root\nbin\n", mode=0o640), "root is not denied"),
    ("U-64", "vsftpd", lambda t: t.write("/etc/pam.d/vsftpd", "auth required pam_shells.so\n"), "root is not denied"),
    ("U-64", "proftpd", lambda t: t.replace(hs.proftpd_conf_path(t), "RootLogin off", "RootLogin on"), "RootLogin on"),
    ("U-68", "vsftpd", lambda t: vsftpd_set(t, "ftpd_banner", None), "no ftpd_banner"),
    ("U-68", "proftpd", lambda t: t.replace(hs.proftpd_conf_path(t), "ServerIdent on", "#ServerIdent on"),
     "ServerIdent not set"),
]


@pytest.mark.parametrize("check,server,breaks,shown", FTP_BREAKS)
def test_ftp_insecure(tree, check, server, breaks, shown):
    (hs.install_vsftpd if server == "vsftpd" else hs.install_proftpd)(tree)
    breaks(tree)
    result = run_check(tree.root, check)
    assert result["status"] == "FAIL"
    assert shown in evidence_text(result)


def test_u64_vsftpd_user_list_deny(tree):
    hs.install_vsftpd(tree)
    tree.write("/etc/pam.d/vsftpd", "auth required pam_shells.so\n")
    vsftpd_set(tree, "userlist_enable", "YES")
    tree.write("/etc/vsftpd/user_list" if tree.flavor == "rhel" else "/etc/vsftpd.user_list", "root\n", mode=0o640)
    result = run_check(tree.root, "U-64")
    assert result["status"] == "PASS" and "userlist_enable=YES" in evidence_text(result)


def test_inetd_ftp_and_anonymous_account(tree):
    enable(tree, "inetd", "ftp")
    tree.write("/etc/ftpusers", "root\n", mode=0o640)
    assert run_check(tree.root, "U-20")["status"] == "PASS"
    assert run_check(tree.root, "U-64")["status"] == "PASS"
    tree.append("/etc/passwd", "ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\n")
    result = run_check(tree.root, "U-20")
    assert result["status"] == "FAIL" and "account ftp" in evidence_text(result)


@pytest.mark.parametrize("shell,status", [("/sbin/nologin", "PASS"), ("/bin/false", "PASS"),
                                          ("/bin/bash", "FAIL"), ("", "FAIL")])
def test_u62_ftp_account_shell(tree, shell, status):
    tree.append("/etc/passwd", f"ftp:x:14:50:FTP User:/var/ftp:{shell}\n")
    result = run_check(tree.root, "U-62")
    assert result["status"] == status
    assert result["evidence"][0]["file"] == "/etc/passwd" and "ftp shell" in result["evidence"][0]["value"]


# ---- NFS: U-25, U-69 -------------------------------------------------------------------------

@pytest.mark.parametrize("line,shown", [
    ("/srv/share *(rw)", "shared with everyone"),
    ("/srv/share (rw,sync)", "shared with everyone"),
    ("/srv/share", "no client named"),
    ("/srv/share 192.0.2.0/24(rw,no_root_squash)", "no_root_squash"),
    ("/srv/a 192.0.2.5(ro) 0.0.0.0/0(ro)", "shared with everyone"),
])
def test_u25_open_exports_fail(tree, line, shown):
    hs.install_nfs_exports(tree)
    tree.append("/etc/exports", line + "\n")
    result = run_check(tree.root, "U-25")
    assert result["status"] == "FAIL"
    assert shown in evidence_text(result) and result["evidence"][0]["file"] == "/etc/exports"


def test_u25_exports_d_and_domain_wildcard(tree):
    tree.write("/etc/exports.d/web.exports", "/srv/web *.example.com(ro) 192.0.2.7(rw)\n")
    assert run_check(tree.root, "U-25")["status"] == "PASS"


@pytest.mark.parametrize("mode,uid,status", [(0o644, 0, "PASS"), (0o600, 0, "PASS"), (0o666, 0, "FAIL"), (0o644, 1000, "FAIL")])
def test_u69_exports_permissions(tree, mode, uid, status):
    hs.install_nfs_exports(tree)
    tree.chmod("/etc/exports", mode)
    tree.chown("/etc/exports", uid)
    result = run_check(tree.root, "U-69")
    assert result["status"] == status
    assert result["evidence"][0]["file"] == "/etc/exports" and result["evidence"][0]["mode"] == oct(mode)[2:]


# ---- SNMP: U-66, U-67 ------------------------------------------------------------------------

@pytest.mark.parametrize("line,shown", [
    ("rocommunity public 127.0.0.1", "rocommunity public"),
    ("rwcommunity private", "rwcommunity private"),
    ("com2sec notConfigUser default public", "com2sec public"),
    ("com2sec -Cn ctx readonly default Private", "com2sec Private"),
    ("rocommunity6 public", "rocommunity6 public"),
])
def test_u67_default_communities_fail(tree, line, shown):
    hs.install_snmpd(tree)
    tree.append("/etc/snmp/snmpd.conf", line + "\n")
    result = run_check(tree.root, "U-67")
    assert result["status"] == "FAIL" and shown in evidence_text(result)


def test_u67_v3_only_passes_and_secret_is_not_echoed(tree):
    hs.install_snmpd(tree)
    assert "Xq7-mon1tor" not in evidence_text(run_check(tree.root, "U-67"))
    tree.write("/etc/snmp/snmpd.conf", "createUser admin SHA secretpass AES\nrouser admin priv\n")
    result = run_check(tree.root, "U-67")
    assert result["status"] == "PASS" and "SNMPv3 only" in evidence_text(result)


def test_snmpd_installed_and_enabled(tree):
    hs.install_snmpd(tree)
    assert run_check(tree.root, "U-66")["status"] == "PASS"
    tree.enable_unit("snmpd.service")
    result = run_check(tree.root, "U-66")
    assert result["status"] == "FAIL" and "snmpd.service" in evidence_text(result)


# ---- U-68 banners ---------------------------------------------------------------------------

BANNER_BREAKS = [
    ("motd empty", lambda t: t.write("/etc/motd", ""), "/etc/motd", "missing or empty"),
    ("motd stock", lambda t: t.write("/etc/motd", "\nThe programs included with the Debian GNU/Linux system are free software;\n"),
     "/etc/motd", "stock text"),
    ("sshd banner none", lambda t: t.append("/etc/ssh/sshd_config", "") or t.replace("/etc/ssh/sshd_config", "Banner /etc/issue.net", "Banner none"),
     "/etc/ssh/sshd_config", "Banner none"),
    ("sshd banner unset", lambda t: t.replace("/etc/ssh/sshd_config", "Banner /etc/issue.net\n", ""),
     "/etc/ssh/sshd_config", "Banner not set"),
    ("sshd banner getty escapes", lambda t: t.write("/etc/issue.net", "Kernel \\r on an \\m\n"),
     "/etc/ssh/sshd_config", "getty escapes"),
]


@pytest.mark.parametrize("label,breaks,file,shown", BANNER_BREAKS, ids=[b[0] for b in BANNER_BREAKS])
def test_u68_banners(tree, label, breaks, file, shown):
    breaks(tree)
    result = run_check(tree.root, "U-68")
    assert result["status"] == "FAIL"
    assert any(e.get("file") == file and shown in e.get("value", "") for e in result["evidence"]), result["evidence"]


def test_u68_issue_net_required_with_telnet(tree):
    tree.replace("/etc/ssh/sshd_config", "Banner /etc/issue.net", "Banner /etc/ssh/banner")
    tree.write("/etc/ssh/banner", hs.WARNING)
    tree.write("/etc/issue.net", "Ubuntu 22.04 LTS\n")
    assert run_check(tree.root, "U-68")["status"] == "PASS"
    tree.enable_unit("telnet.socket", wanted_by="sockets.target")
    result = run_check(tree.root, "U-68")
    assert result["status"] == "FAIL" and "telnet is enabled" in evidence_text(result)
