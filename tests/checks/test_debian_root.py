"""The whole bundle against a real Debian root filesystem: `debootstrap --variant=minbase bookworm`.

The tree is built once from the Debian mirror this machine's apt uses and cached as a tar at
CACHE_TAR (numeric owners kept); each session extracts it into a temporary directory. Every
check's verdict is pinned below with the reason the KISA guide gives it on a stock minbase system.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tree import BUNDLE

SUITE = "bookworm"
CACHE_TAR = Path(os.environ.get("PORTLESS_DEBOOTSTRAP_TAR",
                                f"/var/cache/portless-tests/debootstrap-{SUITE}.tar"))
DEFAULT_MIRROR = "http://deb.debian.org/debian"

EXPECTED = {
    "U-01": "NA",      # no sshd in minbase and no telnet service
    "U-02": "FAIL",    # common-password has pam_unix only: no pam_pwquality/pam_cracklib
    "U-03": "FAIL",    # common-auth has no pam_faillock/pam_tally2 deny=
    "U-04": "PASS",    # every /etc/passwd password field is x (hashes in /etc/shadow)
    "U-05": "PASS",    # /etc/profile's PATH has no "." or empty entry
    "U-06": "PASS",    # every file's uid and gid exist in the tree's passwd and group
    "U-07": "PASS",    # /etc/passwd root 644
    "U-08": "FAIL",    # /etc/shadow root:shadow 640, the guide wants 400 or stricter
    "U-09": "NA",      # debootstrap writes no /etc/hosts: no file whose owner or mode could be wrong
    "U-10": "NA",      # no inetd or xinetd
    "U-11": "NA",      # no syslog daemon (no rsyslog.conf/syslog.conf) in minbase
    "U-12": "NA",      # no /etc/services (netbase is not in minbase)
    "U-13": "MANUAL",  # su, passwd, chage, unix_chkpwd... are set-id: a person confirms each
    "U-14": "PASS",    # /root/.profile and .bashrc owned by root, 644
    "U-15": "PASS",    # nothing world-writable but sticky /tmp and /var/tmp
    "U-16": "PASS",    # no regular file under /dev
    "U-17": "PASS",    # no /etc/hosts.equiv, no .rhosts
    "U-18": "FAIL",    # no /etc/hosts.deny ALL:ALL and no host firewall
    "U-19": "PASS",    # no finger service
    "U-20": "NA",      # no FTP server
    "U-21": "PASS",    # no r-services
    "U-22": "FAIL",    # /etc/cron.d/e2scrub_all 644 and the cron directories 755 (guide: 640)
    "U-23": "PASS",    # no echo/discard/daytime/chargen
    "U-24": "PASS",    # no NFS server enabled
    "U-25": "NA",      # no /etc/exports
    "U-26": "PASS",    # no automounter
    "U-27": "PASS",    # no RPC services
    "U-28": "PASS",    # no NIS
    "U-29": "PASS",    # no tftp/talk
    "U-30": "NA",      # no mail server
    "U-31": "NA",      # no mail server
    "U-32": "NA",      # no mail server
    "U-33": "NA",      # no BIND
    "U-34": "NA",      # no BIND
    "U-35": "NA",      # no Apache
    "U-36": "NA",      # no Apache
    "U-37": "NA",      # no Apache
    "U-38": "NA",      # no Apache
    "U-39": "NA",      # no Apache
    "U-40": "NA",      # no Apache
    "U-41": "NA",      # no Apache
    "U-42": "MANUAL",  # patch policy: a person judges release support and update cadence
    "U-43": "MANUAL",  # log review is a procedure: a person confirms it
    "U-44": "PASS",    # only root has UID 0
    "U-45": "FAIL",    # /etc/pam.d/su has pam_wheel commented out and su is 4755
    "U-46": "FAIL",    # no minlen anywhere (pam_unix's default is 6)
    "U-47": "FAIL",    # PASS_MAX_DAYS 99999
    "U-48": "FAIL",    # PASS_MIN_DAYS 0
    "U-49": "MANUAL",  # default accounts lp and uucp exist: a person decides whether they are needed
    "U-50": "PASS",    # the root group holds only root
    "U-51": "PASS",    # no group with GID >= 1000
    "U-52": "PASS",    # UIDs unique
    "U-53": "PASS",    # system accounts have nologin (sync's /bin/sync aside)
    "U-54": "FAIL",    # no TMOUT
    "U-55": "PASS",    # no /etc/hosts.lpd (the secure state)
    "U-56": "PASS",    # login.defs UMASK 022
    "U-57": "PASS",    # /root is root's, 700
    "U-58": "PASS",    # /root exists
    "U-59": "PASS",    # no hidden files beyond shell start-up files, /tmp empty
    "U-60": "NA",      # no remote login service at all
    "U-61": "PASS",    # no FTP service enabled
    "U-62": "NA",      # no ftp account
    "U-63": "NA",      # no ftpusers file
    "U-64": "NA",      # no FTP server
    "U-65": "NA",      # no at
    "U-66": "PASS",    # no SNMP service enabled
    "U-67": "NA",      # no snmpd
    "U-68": "FAIL",    # /etc/motd is Debian's stock text, not a warning
    "U-69": "NA",      # no /etc/exports
    "U-70": "NA",      # no mail server
    "U-71": "NA",      # no Apache
    "U-72": "FAIL",    # no syslog configuration at all
}


def apt_mirror() -> str:
    """The Debian archive URI apt on this machine uses for the suite, else deb.debian.org."""
    for name in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
        for stanza in re.split(r"\n\s*\n", Path(name).read_text()):
            fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", stanza, re.M))
            if SUITE in fields.get("Suites", "").split() and "deb" in fields.get("Types", "").split():
                return fields["URIs"].split()[0]
    for name in ["/etc/apt/sources.list", *sorted(glob.glob("/etc/apt/sources.list.d/*.list"))]:
        if not os.path.exists(name):
            continue
        for line in Path(name).read_text().splitlines():
            words = re.sub(r"\[[^]]*\]", "", line.split("#", 1)[0]).split()
            if len(words) >= 3 and words[0] == "deb" and words[2] == SUITE:
                return words[1]
    return DEFAULT_MIRROR


def debootstrap() -> str:
    found = shutil.which("debootstrap") or ("/usr/sbin/debootstrap" if os.path.exists("/usr/sbin/debootstrap") else None)
    if found:
        return found
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "debootstrap"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which("debootstrap") or "/usr/sbin/debootstrap"


def cached_tar() -> Path:
    """The minbase tree as a tar, made with debootstrap the first time."""
    if CACHE_TAR.exists():
        return CACHE_TAR
    CACHE_TAR.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix="debootstrap.", dir=CACHE_TAR.parent))
    try:
        target = build / "root"
        done = subprocess.run([debootstrap(), "--variant=minbase", SUITE, str(target), apt_mirror()],
                              capture_output=True, text=True, timeout=1800)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        part = build / "root.tar"
        subprocess.run(["tar", "--numeric-owner", "-C", str(target), "-cf", str(part), "."], check=True)
        os.replace(part, CACHE_TAR)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return CACHE_TAR


@pytest.fixture(scope="session")
def debian_root(tmp_path_factory):
    if os.geteuid() != 0:
        pytest.skip("debootstrap and a faithful extraction (owners, device nodes) need root")
    root = tmp_path_factory.mktemp("debian") / "root"
    root.mkdir()
    subprocess.run(["tar", "--numeric-owner", "-C", str(root), "-xf", str(cached_tar())], check=True)
    return root


def test_every_check_on_a_minbase_debian_root(debian_root):
    started = time.monotonic()
    done = subprocess.run(["sh", str(BUNDLE / "run.sh"), "-r", str(debian_root)],
                          capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    results = {r["id"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert sorted(results) == sorted(EXPECTED)
    errors = {i: r["evidence"] for i, r in results.items() if r["status"] == "ERROR"}
    assert not errors, errors
    wrong = {i: (r["status"], EXPECTED[i], r["evidence"][:2]) for i, r in results.items()
             if r["status"] != EXPECTED[i]}
    assert not wrong, wrong
    assert elapsed < 60, f"the bundle took {elapsed:.1f} s"
