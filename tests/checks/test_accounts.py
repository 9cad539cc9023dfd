"""Account checks (U-01–U-04, U-44–U-54): the hardened verdict, and each way the guide says 취약."""

from __future__ import annotations

import pytest

from tree import evidence_text, in_layouts, run_check

HARDENED = {
    "U-01": "PASS", "U-02": "PASS", "U-03": "PASS", "U-04": "PASS", "U-44": "PASS", "U-45": "PASS",
    "U-46": "PASS", "U-47": "PASS", "U-48": "PASS",
    "U-49": "MANUAL",  # alice can log in: a person judges whether she is needed
    "U-50": "PASS", "U-51": "PASS", "U-52": "PASS", "U-53": "PASS", "U-54": "PASS",
}


@pytest.mark.parametrize("check_id", sorted(HARDENED))
def test_hardened_tree(tree, check_id):
    result = run_check(tree.root, check_id)
    assert result["status"] == HARDENED[check_id], result
    assert result["evidence"] or result["review"], result


def stacks(tree, kind):
    """The real files of the system-wide PAM stack (RHEL's live in /etc/authselect)."""
    if tree.flavor == "debian":
        return [f"/etc/pam.d/common-{kind}"]
    return ["/etc/authselect/system-auth", "/etc/authselect/password-auth"]


def edit_stacks(tree, kind, old, new):
    for name in stacks(tree, kind):
        tree.replace(name, old, new)


def pw_setting(tree, key, value):
    """Sets a pwquality option where the flavor keeps it: the PAM line (Debian) or pwquality.conf."""
    if tree.flavor == "debian":
        text = tree.path("/etc/pam.d/common-password").read_text()
        import re
        text = re.sub(rf"\s{key}=\S+", "", text)
        if value is not None:
            text = text.replace("pam_pwquality.so", f"pam_pwquality.so {key}={value}", 1)
        tree.write("/etc/pam.d/common-password", text)
    else:
        text = tree.path("/etc/security/pwquality.conf").read_text()
        lines = [line for line in text.splitlines() if not line.startswith(f"{key} ")]
        if value is not None:
            lines.append(f"{key} = {value}")
        tree.write("/etc/security/pwquality.conf", "\n".join(lines) + "\n")


def telnet_on(tree):
    tree.enable_unit("telnet.socket", "sockets.target")
    tree.write("/etc/securetty", "console\ntty1\n")
    tree.write("/etc/pam.d/login", "auth required pam_securetty.so\nauth include system-login\n")


def faillock_only_preauth(tree):
    for name in stacks(tree, "auth"):
        text = tree.path(name).read_text()
        tree.write(name, "".join(l for l in text.splitlines(True) if "authfail" not in l))


def no_faillock(tree):
    for name in stacks(tree, "auth"):
        text = tree.path(name).read_text()
        tree.write(name, "".join(l for l in text.splitlines(True) if "pam_faillock" not in l))


def tally2(tree, args):
    no_faillock(tree)
    for name in stacks(tree, "auth"):
        tree.write(name, f"auth required pam_tally2.so {args}\n" + tree.path(name).read_text())


# (check, how the tree is broken, status, text the evidence or review must hold)
CASES = [
    ("U-01", lambda t: t.write("/etc/ssh/sshd_config", "PermitRootLogin yes\n", 0o600), "FAIL", "PermitRootLogin yes"),
    ("U-01", lambda t: t.write("/etc/ssh/sshd_config", "Port 22\n", 0o600), "FAIL", "default prohibit-password"),
    ("U-01", lambda t: (t.write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\n", 0o600),
                        t.write("/etc/ssh/sshd_config.d/50-cloud.conf", "PermitRootLogin prohibit-password\n")),
     "FAIL", "/etc/ssh/sshd_config.d/50-cloud.conf"),
    ("U-01", lambda t: t.write("/etc/ssh/sshd_config", "PermitRootLogin no\nMatch Address 10.0.0.0/8\n  PermitRootLogin yes\n", 0o600),
     "FAIL", "inside a Match block"),
    ("U-01", lambda t: (t.remove("/etc/ssh/sshd_config"), t.write("/usr/sbin/sshd", "", 0o755)), "FAIL", "without a configuration file"),
    ("U-01", lambda t: (t.remove("/etc/ssh/sshd_config"), t.remove("/usr/sbin/sshd")), "NA", "neither sshd"),
    ("U-01", telnet_on, "PASS", "pam_securetty.so"),
    ("U-01", lambda t: (telnet_on(t), t.append("/etc/securetty", "pts/0\n")), "FAIL", "pts/0"),
    ("U-01", lambda t: (telnet_on(t), t.write("/etc/pam.d/login", "#auth required pam_securetty.so\n")), "FAIL", "pam_securetty.so not required"),
    ("U-01", lambda t: (telnet_on(t), t.remove("/etc/ssh/sshd_config"), t.append("/etc/securetty", "pts/1\n")), "FAIL", "pts/1"),

    ("U-02", lambda t: pw_setting(t, "minlen", 6), "FAIL", "minlen=6"),
    ("U-02", lambda t: pw_setting(t, "minlen", None), "FAIL", "minlen not set"),
    ("U-02", lambda t: pw_setting(t, "ocredit", None), "FAIL", "letters, digits and symbols not all required"),
    ("U-02", lambda t: pw_setting(t, "dcredit", 1), "FAIL", "dcredit=1"),
    ("U-02", lambda t: (pw_setting(t, "lcredit", None), pw_setting(t, "ucredit", 0)), "FAIL", "letters, digits and symbols"),
    ("U-02", lambda t: [pw_setting(t, k, None) for k in ("lcredit", "ucredit", "dcredit", "ocredit")] + [pw_setting(t, "minclass", 3)],
     "PASS", "minclass=3"),
    ("U-02", lambda t: [pw_setting(t, k, None) for k in ("lcredit", "ucredit", "dcredit", "ocredit")] + [pw_setting(t, "minclass", 2)],
     "FAIL", "minclass 2"),
    ("U-02", lambda t: edit_stacks(t, "password", "pam_pwquality.so", "pam_pwhistory.so"), "FAIL", "neither pam_pwquality.so nor pam_cracklib.so"),
    ("U-02", lambda t: edit_stacks(t, "password", "password requisite pam_pwquality.so", "#password requisite pam_pwquality.so"),
     "FAIL", "neither pam_pwquality.so"),
    ("U-02", lambda t: t.write("/etc/pam.d/common-password", "password requisite pam_cracklib.so minlen=8 minclass=3\n")
     if t.flavor == "debian" else edit_stacks(t, "password", "pam_pwquality.so local_users_only", "pam_cracklib.so minlen=8 minclass=3"),
     "FAIL", "positive credit"),
    ("U-02", lambda t: t.write("/etc/pam.d/common-password", "password requisite pam_cracklib.so minlen=9 lcredit=-1 dcredit=-1 ocredit=-1\n")
     if t.flavor == "debian" else edit_stacks(t, "password", "pam_pwquality.so local_users_only", "pam_cracklib.so minlen=9 lcredit=-1 dcredit=-1 ocredit=-1"),
     "PASS", "pam_cracklib.so"),
    ("U-02", lambda t: t.write("/etc/security/pwquality.conf", "enforcing = 0\n" +
                               (t.path("/etc/security/pwquality.conf").read_text() if t.flavor == "rhel" else "")),
     "FAIL", "enforcing=0"),
    ("U-02", lambda t: t.write("/etc/security/pwquality.conf.d/10-local.conf", "minlen = 6\n")
     if t.flavor == "rhel" else pw_setting(t, "minlen", 6), "FAIL", "minlen=6"),
    ("U-02", lambda t: t.remove("/etc/pam.d/common-password" if t.flavor == "debian" else "/etc/pam.d/system-auth")
     if t.flavor == "debian" else [t.remove(f"/etc/pam.d/{n}") for n in ("system-auth", "password-auth")],
     "FAIL", "no common-password, system-auth or password-auth"),

    ("U-03", lambda t: t.write("/etc/security/faillock.conf", "deny = 15\n"), "FAIL", "deny=15"),
    ("U-03", lambda t: t.write("/etc/security/faillock.conf", "deny = 0\n"), "FAIL", "deny=0"),
    ("U-03", lambda t: t.write("/etc/security/faillock.conf", "unlock_time = 600\n"), "PASS", "pam_faillock default 3"),
    ("U-03", lambda t: edit_stacks(t, "auth", "pam_faillock.so authfail", "pam_faillock.so authfail deny=20"), "FAIL", "deny=20"),
    ("U-03", faillock_only_preauth, "FAIL", "authfail line"),
    ("U-03", no_faillock, "FAIL", "neither pam_faillock.so nor pam_tally2.so"),
    ("U-03", lambda t: tally2(t, "deny=5 onerr=fail unlock_time=600"), "PASS", "deny=5"),
    ("U-03", lambda t: tally2(t, "onerr=fail"), "FAIL", "deny not set"),
    ("U-03", lambda t: tally2(t, "deny=11"), "FAIL", "deny=11"),

    ("U-04", lambda t: t.replace("/etc/passwd", "alice:x:", "alice:$6$salt$hash:"), "FAIL", "alice: password field is not x"),
    ("U-04", lambda t: t.replace("/etc/passwd", "alice:x:", "alice::"), "FAIL", "alice: empty password field"),
    ("U-04", lambda t: t.remove("/etc/shadow"), "FAIL", "/etc/shadow"),

    ("U-44", lambda t: t.append("/etc/passwd", "toor:x:0:0::/root:/bin/bash\n"), "FAIL", "toor has UID 0"),

    ("U-45", lambda t: t.write("/etc/pam.d/su", "auth sufficient pam_rootok.so\n#auth required pam_wheel.so use_uid\n"),
     "FAIL", "pam_wheel.so not required"),
    ("U-45", lambda t: t.write("/etc/pam.d/su", "auth sufficient pam_wheel.so trust use_uid\n"), "FAIL", "pam_wheel.so trust"),
    ("U-45", lambda t: t.write("/etc/pam.d/su", "auth required pam_wheel.so deny group=nosu\n"), "FAIL", "without deny or trust"),
    ("U-45", lambda t: t.write("/etc/pam.d/su", "auth required pam_wheel.so group=admins\n"), "PASS", "group=admins"),
    ("U-45", lambda t: (t.write("/etc/pam.d/su", "auth sufficient pam_rootok.so\n"), t.chown("/usr/bin/su", 0, 10),
                        t.chmod("/usr/bin/su", 0o4750)), "PASS", "\"mode\": \"4750\""),
    ("U-45", lambda t: (t.write("/etc/pam.d/su", "auth sufficient pam_rootok.so\n"), t.chmod("/usr/bin/su", 0o4750)),
     "FAIL", "\"group\": \"root\""),
    ("U-45", lambda t: (t.remove("/etc/pam.d/su"), t.remove("/usr/bin/su")), "NA", "no su command"),

    ("U-46", lambda t: pw_setting(t, "minlen", 6), "FAIL", "pam_pwquality.so minlen=6"),
    ("U-46", lambda t: t.replace("/etc/login.defs", "PASS_MIN_LEN 8", "PASS_MIN_LEN 6"), "FAIL", "PASS_MIN_LEN 6"),
    ("U-46", lambda t: edit_stacks(t, "password", "pam_pwquality.so", "pam_pwhistory.so"), "FAIL", "pam_unix's default is 6"),
    ("U-46", lambda t: (edit_stacks(t, "password", "pam_pwquality.so", "pam_pwhistory.so"),
                        edit_stacks(t, "password", "pam_unix.so", "pam_unix.so minlen=10")), "PASS", "pam_unix.so minlen=10"),

    ("U-47", lambda t: t.replace("/etc/login.defs", "PASS_MAX_DAYS 90", "PASS_MAX_DAYS 99999"), "FAIL", "PASS_MAX_DAYS 99999"),
    ("U-47", lambda t: t.replace("/etc/login.defs", "PASS_MAX_DAYS 90", "#PASS_MAX_DAYS 90"), "FAIL", "PASS_MAX_DAYS not set"),
    ("U-47", lambda t: t.replace("/etc/login.defs", "PASS_MAX_DAYS 90", "PASS_MAX_DAYS 60"), "PASS", "PASS_MAX_DAYS 60"),

    ("U-48", lambda t: t.replace("/etc/login.defs", "PASS_MIN_DAYS 1", "PASS_MIN_DAYS 0"), "FAIL", "PASS_MIN_DAYS 0"),
    ("U-48", lambda t: t.replace("/etc/login.defs", "PASS_MIN_DAYS 1", ""), "FAIL", "PASS_MIN_DAYS not set"),

    ("U-49", lambda t: t.replace("/etc/passwd", "alice:x:1000:1000:Alice:/home/alice:/bin/bash\n", ""), "PASS", "no account but root"),
    ("U-49", lambda t: t.append("/etc/passwd", "lp:x:7:7:lp:/var/spool/lpd:/bin/sh\n"), "FAIL", "default account lp has login shell"),
    ("U-49", lambda t: t.append("/etc/passwd", "uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\n"), "MANUAL", "default account uucp"),
    ("U-49", lambda t: None, "MANUAL", "alice (uid 1000"),

    ("U-50", lambda t: t.replace("/etc/group", "root:x:0:", "root:x:0:root,alice"), "MANUAL", "alice (member of group root"),
    ("U-50", lambda t: t.append("/etc/passwd", "ops:x:1001:0::/home/ops:/bin/bash\n"), "MANUAL", "ops (primary group GID 0"),

    ("U-51", lambda t: t.append("/etc/group", "olddev:x:1001:\n"), "MANUAL", "olddev (GID 1001)"),
    ("U-51", lambda t: t.append("/etc/group", "dev:x:1001:alice\n"), "PASS", "GID >= 1000"),

    ("U-52", lambda t: t.append("/etc/passwd", "bob:x:1000:1000::/home/bob:/bin/bash\n"), "FAIL", "bob has UID 1000, as alice does"),

    ("U-53", lambda t: t.replace("/etc/passwd", "/usr/sbin:/usr/sbin/nologin", "/usr/sbin:/bin/sh"), "FAIL", "daemon:/bin/sh"),
    ("U-53", lambda t: t.append("/etc/passwd", "svc:x:500:500::/var/lib/svc:/bin/bash\n"), "MANUAL", "system account svc (uid 500)"),
    ("U-53", lambda t: t.append("/etc/passwd", "nobody:x:65534:65534::/nonexistent:/bin/false\n"), "PASS", "no system account"),

    ("U-54", lambda t: t.replace("/etc/profile.d/tmout.sh", "TMOUT=600", "TMOUT=1200"), "FAIL", "TMOUT=1200"),
    ("U-54", lambda t: t.remove("/etc/profile.d/tmout.sh"), "FAIL", "TMOUT not set"),
    ("U-54", lambda t: t.append("/etc/profile", "export TMOUT=0\n"), "FAIL", "TMOUT=0"),
    ("U-54", lambda t: (t.remove("/etc/profile.d/tmout.sh"), t.append("/etc/profile", "readonly TMOUT=300\n")), "PASS", "TMOUT=300"),
    ("U-54", lambda t: t.write("/bin/tcsh", "", 0o755), "FAIL", "autologout not set"),
    ("U-54", lambda t: (t.write("/bin/tcsh", "", 0o755), t.write("/etc/csh.login", "set autologout=30\n")), "FAIL", "autologout=30"),
    ("U-54", lambda t: (t.write("/bin/tcsh", "", 0o755), t.write("/etc/csh.cshrc", "set autologout = 10\n")), "PASS", "autologout=10"),
]


# Checks that read the same files the same way in both layouts (passwd, group, login.defs,
# pam.d/su, su): their cases run in the Debian layout only. PAM stacks (U-01–U-03, U-46) and the
# shell start-up files (U-54) differ between the layouts, so those run in both.
ONE_LAYOUT = {"U-04", "U-44", "U-45", "U-47", "U-48", "U-49", "U-50", "U-51", "U-52", "U-53"}


@pytest.mark.parametrize("tree,check_id,breaker,status,text", in_layouts(CASES, ONE_LAYOUT), indirect=["tree"])
def test_broken_tree(tree, check_id, breaker, status, text):
    breaker(tree)
    result = run_check(tree.root, check_id)
    assert result["status"] == status, result
    assert text in evidence_text(result), result
