"""File and directory checks (U-05–U-18, U-55–U-59): the hardened verdict, and each way the guide says 취약."""

from __future__ import annotations

import os

import pytest

from tree import evidence_text, in_layouts, run_check

HARDENED = {
    "U-05": "PASS", "U-06": "PASS", "U-07": "PASS", "U-08": "PASS", "U-09": "PASS",
    "U-10": "NA",  # no inetd or xinetd on the hardened tree
    "U-11": "PASS", "U-12": "PASS",
    "U-13": "MANUAL",  # su, crontab and at are set-id: a person confirms each set-id file
    "U-14": "PASS", "U-15": "PASS", "U-16": "PASS", "U-17": "PASS", "U-18": "PASS",
    "U-55": "PASS", "U-56": "PASS", "U-57": "PASS", "U-58": "PASS", "U-59": "PASS",
}


@pytest.mark.parametrize("check_id", sorted(HARDENED))
def test_hardened_tree(tree, check_id):
    result = run_check(tree.root, check_id)
    assert result["status"] == HARDENED[check_id], result
    assert result["evidence"] or result["review"], result


def root_profile(tree):
    return "/root/.profile" if tree.flavor == "debian" else "/root/.bash_profile"


def set_mode(name, mode, uid=None):
    def breaker(tree):
        tree.chmod(name, mode)
        if uid is not None:
            tree.chown(name, uid)
    return breaker


def setid(tree, name, mode):
    tree.write(name, "#!/bin/sh\n", mode=0o755)
    os.chmod(tree.path(name), mode)


def no_setid(tree):
    """Removes the hardened tree's set-id files (su; crontab and at, kept 2750/4750 for U-22/U-65)."""
    for name in ("/usr/bin/su", "/usr/bin/crontab", "/usr/bin/at"):
        tree.remove(name)


# (check, how the tree is broken, status, text the evidence or review must hold)
CASES = [
    ("U-05", lambda t: t.write(root_profile(t), "PATH=.:$PATH\nexport PATH\n"), "FAIL", "PATH=.:$PATH"),
    ("U-05", lambda t: t.write(root_profile(t), "export PATH=\"/usr/bin::/bin\"\n"), "FAIL", "/usr/bin::/bin"),
    ("U-05", lambda t: t.write(root_profile(t), "PATH=:/usr/bin:/bin\n"), "FAIL", "PATH=:/usr/bin:/bin"),
    ("U-05", lambda t: t.append("/etc/profile", "PATH=/usr/bin:.:/bin\n"), "FAIL", "/usr/bin:.:/bin"),
    ("U-05", lambda t: t.write("/etc/environment", "PATH=\".:/usr/local/bin:/usr/bin\"\n"), "FAIL", "/etc/environment"),
    ("U-05", lambda t: t.write("/root/.cshrc", "set path = ( . /usr/bin /bin )\n"), "FAIL", "set path = ( . /usr/bin /bin )"),
    ("U-05", lambda t: t.write("/etc/login.defs", "ENV_SUPATH PATH=/usr/sbin:.:/usr/bin\n"), "FAIL", "ENV_SUPATH"),
    ("U-05", lambda t: t.write(root_profile(t), "PATH=$PATH:.\n"), "PASS", "PATH=$PATH:."),

    ("U-06", lambda t: t.write("/opt/orphan", "x", uid=4242, gid=0), "FAIL", "no owner (uid 4242)"),
    ("U-06", lambda t: t.mkdir("/srv/old", gid=4343), "FAIL", "no group (gid 4343)"),

    ("U-07", set_mode("/etc/passwd", 0o664), "FAIL", "\"mode\": \"664\""),
    ("U-07", set_mode("/etc/passwd", 0o644, uid=1000), "FAIL", "\"owner\": \"alice\""),

    ("U-08", set_mode("/etc/shadow", 0o640), "FAIL", "\"mode\": \"640\""),
    ("U-08", set_mode("/etc/shadow", 0o400, uid=1000), "FAIL", "\"owner\": \"alice\""),
    ("U-08", lambda t: t.remove("/etc/shadow"), "FAIL", "file not found"),

    ("U-09", set_mode("/etc/hosts", 0o644), "FAIL", "\"mode\": \"644\""),
    ("U-09", set_mode("/etc/hosts", 0o600, uid=1000), "FAIL", "\"owner\": \"alice\""),
    ("U-09", lambda t: t.remove("/etc/hosts"), "NA", "file not found"),

    ("U-10", lambda t: t.write("/etc/xinetd.conf", "defaults {}\n", mode=0o600), "PASS", "/etc/xinetd.conf"),
    ("U-10", lambda t: t.write("/etc/inetd.conf", "# none\n", mode=0o644), "FAIL", "\"mode\": \"644\""),
    ("U-10", lambda t: (t.write("/etc/xinetd.conf", "defaults {}\n", mode=0o600),
                        t.write("/etc/xinetd.d/echo", "service echo\n{\n disable = yes\n}\n", mode=0o644)),
     "FAIL", "/etc/xinetd.d/echo"),
    ("U-10", lambda t: t.write("/etc/xinetd.conf", "defaults {}\n", mode=0o600, uid=1000), "FAIL", "\"owner\": \"alice\""),

    ("U-11", set_mode("/etc/rsyslog.conf", 0o644), "FAIL", "\"mode\": \"644\""),
    ("U-11", set_mode("/etc/rsyslog.conf", 0o640, uid=1000), "FAIL", "\"owner\": \"alice\""),
    ("U-11", lambda t: t.remove("/etc/rsyslog.conf"), "NA", "no syslog.conf"),
    ("U-11", lambda t: (t.remove("/etc/rsyslog.conf"), t.write("/etc/syslog-ng/syslog-ng.conf", "@version: 3.38\n", 0o666)),
     "FAIL", "/etc/syslog-ng/syslog-ng.conf"),

    ("U-12", set_mode("/etc/services", 0o666), "FAIL", "\"mode\": \"666\""),
    ("U-12", set_mode("/etc/services", 0o644, uid=1000), "FAIL", "\"owner\": \"alice\""),

    ("U-13", lambda t: no_setid(t), "PASS", "no SUID or SGID file"),
    ("U-13", lambda t: setid(t, "/usr/bin/newgrp", 0o4755), "MANUAL", "/usr/bin/newgrp SUID mode 4755 owner root group root [on the guide list]"),
    ("U-13", lambda t: setid(t, "/sbin/unix_chkpwd", 0o2755), "MANUAL", "/sbin/unix_chkpwd SGID mode 2755"),
    ("U-13", lambda t: setid(t, "/home/alice/.x/sh", 0o6755), "MANUAL", "/home/alice/.x/sh SUID+SGID mode 6755"),
    ("U-13", lambda t: (no_setid(t), [setid(t, f"/opt/bin/tool{i}", 0o4755) for i in range(501)]), "MANUAL", "501 items; the first 500 are listed"),

    ("U-14", set_mode("/home/alice/.bashrc", 0o666), "FAIL", "/home/alice/.bashrc"),
    ("U-14", set_mode("/home/alice/.profile", 0o664), "FAIL", "\"mode\": \"664\""),
    ("U-14", set_mode("/home/alice/.profile", 0o644, uid=1), "FAIL", "\"owner\": \"daemon\""),
    ("U-14", set_mode("/root/.bashrc", 0o646), "FAIL", "/root/.bashrc"),
    ("U-14", set_mode("/home/alice/.profile", 0o600, uid=0), "PASS", "start-up files"),

    ("U-15", lambda t: t.write("/opt/shared.txt", "x", mode=0o666), "MANUAL", "/opt/shared.txt file mode 0666"),
    ("U-15", lambda t: t.mkdir("/srv/drop", mode=0o777), "MANUAL", "/srv/drop directory (no sticky bit)"),
    ("U-15", lambda t: t.mkdir("/srv/drop", mode=0o1777), "PASS", "no world-writable"),

    ("U-16", lambda t: t.write("/dev/.backdoor", "x"), "FAIL", "/dev/.backdoor"),
    ("U-16", lambda t: t.write("/dev/sda9", "x"), "FAIL", "/dev/sda9"),
    ("U-16", lambda t: (t.write("/dev/shm/cache", "x"), t.write("/dev/mqueue/q", "x")), "PASS", "no regular file under /dev"),

    ("U-17", lambda t: t.write("/etc/hosts.equiv", "+\n", mode=0o600), "FAIL", "no \\\"+\\\" entry"),
    ("U-17", lambda t: t.write("/etc/hosts.equiv", "trusted.example\n", mode=0o644), "FAIL", "\"mode\": \"644\""),
    ("U-17", lambda t: t.write("/home/alice/.rhosts", "host1 +\n", mode=0o600, uid=1000), "FAIL", "host1 +"),
    ("U-17", lambda t: t.write("/home/alice/.rhosts", "host1 alice\n", mode=0o600, uid=0), "PASS", "/home/alice/.rhosts"),
    ("U-17", lambda t: t.write("/home/alice/.rhosts", "host1 alice\n", mode=0o600, uid=1), "FAIL", "\"owner\": \"daemon\""),

    ("U-18", lambda t: t.remove("/etc/hosts.deny"), "FAIL", "file not found"),
    ("U-18", lambda t: t.write("/etc/hosts.deny", "# ALL: ALL\nsshd: 10.1.1.1\n"), "FAIL", "no ALL:ALL rule"),
    ("U-18", lambda t: (t.remove("/etc/hosts.deny"), t.write("/etc/ufw/ufw.conf", "ENABLED=yes\n"),
                        t.write("/etc/default/ufw", "DEFAULT_INPUT_POLICY=\"DROP\"\n")), "PASS", "DEFAULT_INPUT_POLICY=DROP"),
    ("U-18", lambda t: (t.remove("/etc/hosts.deny"), t.write("/etc/ufw/ufw.conf", "ENABLED=yes\n"),
                        t.write("/etc/default/ufw", "DEFAULT_INPUT_POLICY=\"ACCEPT\"\n")), "FAIL", "DEFAULT_INPUT_POLICY=ACCEPT"),
    ("U-18", lambda t: (t.remove("/etc/hosts.deny"), t.enable_unit("nftables.service"),
                        t.write("/etc/nftables.conf", "table inet filter {\n chain input {\n  type filter hook input priority 0; policy drop;\n }\n}\n")),
     "PASS", "policy drop"),
    ("U-18", lambda t: (t.remove("/etc/hosts.deny"), t.enable_unit("iptables.service"),
                        t.write("/etc/sysconfig/iptables", "*filter\n:INPUT DROP [0:0]\nCOMMIT\n")), "PASS", ":INPUT DROP"),
    ("U-18", lambda t: (t.remove("/etc/hosts.deny"), t.enable_unit("firewalld.service")), "MANUAL", "firewalld is enabled"),

    ("U-55", lambda t: t.write("/etc/hosts.lpd", "printhost\n", mode=0o600), "PASS", "/etc/hosts.lpd"),
    ("U-55", lambda t: t.write("/etc/hosts.lpd", "printhost\n", mode=0o644), "FAIL", "\"mode\": \"644\""),
    ("U-55", lambda t: t.write("/etc/hosts.lpd", "printhost\n", mode=0o600, uid=1000), "FAIL", "\"owner\": \"alice\""),

    ("U-56", lambda t: t.replace("/etc/profile", "umask 022", "umask 002"), "FAIL", "umask 002"),
    ("U-56", lambda t: t.replace("/etc/login.defs", "UMASK 022", "UMASK 000"), "FAIL", "umask 000"),
    ("U-56", lambda t: t.write("/etc/profile.d/umask.sh", "umask u=rwx,g=rwx,o=rx\n"), "FAIL", "umask u=rwx,g=rwx,o=rx"),
    ("U-56", lambda t: t.replace("/etc/profile", "umask 022", "umask 0027"), "PASS", "umask 0027"),
    ("U-56", lambda t: (t.replace("/etc/profile", "umask 022", ""), t.replace("/etc/login.defs", "UMASK 022", ""),
                        t.write("/etc/bashrc", "") if t.flavor == "rhel" else None), "FAIL", "no umask setting"),

    ("U-57", set_mode("/home/alice", 0o757), "FAIL", "\"mode\": \"757\""),
    ("U-57", set_mode("/home/alice", 0o750, uid=0), "FAIL", "owner alice"),
    ("U-57", set_mode("/root", 0o777), "FAIL", "/root"),

    ("U-58", lambda t: t.remove("/home/alice"), "FAIL", "alice's home directory does not exist"),
    ("U-58", lambda t: t.replace("/etc/passwd", ":/home/alice:", ":/:"), "FAIL", "alice has / as home directory"),
    ("U-58", lambda t: t.replace("/etc/passwd", ":/home/alice:", "::"), "FAIL", "alice has no home directory set"),
    ("U-58", lambda t: t.append("/etc/passwd", "svc:x:998:998::/nonexistent:/usr/sbin/nologin\n"), "PASS", "existing home directory"),

    ("U-59", lambda t: t.write("/home/alice/.hidden", "x", uid=1000), "MANUAL", "/home/alice/.hidden (file"),
    ("U-59", lambda t: t.mkdir("/tmp/.  "), "MANUAL", "/tmp/.   (directory"),
    ("U-59", lambda t: t.write("/var/tmp/cache/.x", "x"), "MANUAL", "/var/tmp/cache/.x"),
    ("U-59", lambda t: t.mkdir("/tmp/.X11-unix", mode=0o1777), "PASS", "no hidden file"),
    ("U-59", lambda t: t.write("/usr/share/doc/.keep", ""), "PASS", "no hidden file"),
]


# Checks whose files are the same in both layouts (passwd, hosts, inetd, services, the file
# listing, /dev, hosts.equiv, hosts.deny, hosts.lpd, home directories): their cases run in the
# Debian layout only. Root's start-up files (U-05, U-14), shadow's mode (U-08), the syslog
# configuration (U-11) and bashrc (U-56) differ between the layouts, so those run in both.
ONE_LAYOUT = {"U-06", "U-07", "U-09", "U-10", "U-12", "U-13", "U-15", "U-16", "U-17", "U-18",
              "U-55", "U-57", "U-58", "U-59"}


@pytest.mark.parametrize("tree,check_id,breaker,status,text", in_layouts(CASES, ONE_LAYOUT), indirect=["tree"])
def test_broken_tree(tree, check_id, breaker, status, text):
    breaker(tree)
    result = run_check(tree.root, check_id)
    assert result["status"] == status, result
    assert text in evidence_text(result), result


def test_file_checks_share_one_index(tree, tmp_path, monkeypatch):
    """Under one scan cache the listing is made once; a check run alone gets a fresh one."""
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("PORTLESS_SCAN_CACHE", str(cache))
    for check_id in ("U-06", "U-13", "U-15", "U-59"):
        run_check(tree.root, check_id)
    assert len(list(cache.glob("fs-index.*"))) == 1
    monkeypatch.delenv("PORTLESS_SCAN_CACHE")
    assert run_check(tree.root, "U-15")["status"] == "PASS"
    tree.write("/opt/new.txt", "x", mode=0o666)
    assert run_check(tree.root, "U-15")["status"] == "MANUAL"


def test_backslash_and_tab_in_evidence_stay_valid_json(tree):
    """json_string escapes a backslash under mawk; U-05 keeps a tab inside the text it reports."""
    tree.write(root_profile(tree), "PATH=.:/opt/a\\b\t# tab\n")
    result = run_check(tree.root, "U-05")
    assert result["status"] == "FAIL"
    assert "PATH=.:/opt/a\\b\t# tab" in [e.get("value") for e in result["evidence"]]
