"""Hardened content for the account and file checks (U-01–U-18, U-44–U-59)."""

from __future__ import annotations

import os

PWQUALITY_ARGS = "minlen=8 lcredit=-1 ucredit=-1 dcredit=-1 ocredit=-1"


def harden_accounts_and_files(tree) -> None:
    """Lays out /etc/passwd, shadow, group, login.defs, PAM, sshd and file modes so those checks pass.

    One ordinary user (alice) can log in, so U-49 lists her for review (MANUAL) on a hardened tree.
    """
    tree.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"
                              "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                              "alice:x:1000:1000:Alice:/home/alice:/bin/bash\n")
    # RHEL ships /etc/shadow with mode 000, Debian 640 root:shadow; the guide wants 400 or less.
    tree.write("/etc/shadow", "root:$6$salt$hash:19000:1:90:7:::\n"
                              "daemon:*:19000:0:99999:7:::\n"
                              "alice:$6$salt$hash:19000:1:90:7:::\n",
               mode=0o000 if tree.flavor == "rhel" else 0o400)
    tree.write("/etc/group", "root:x:0:\ndaemon:x:1:\nwheel:x:10:root\nalice:x:1000:\n")
    tree.write("/etc/ssh/sshd_config", "PermitRootLogin no\n", mode=0o600)
    tree.write("/etc/hosts", "127.0.0.1 localhost\n", mode=0o600)
    tree.write("/etc/services", "ssh 22/tcp\n", mode=0o644)
    tree.write("/etc/rsyslog.conf", "*.info /var/log/messages\n", mode=0o640)
    tree.write("/etc/hosts.deny", "ALL: ALL\n")
    tree.write("/etc/hosts.allow", "sshd: 10.0.0.0/8\n")
    tree.write("/etc/login.defs", "PASS_MAX_DAYS 90\nPASS_MIN_DAYS 1\nPASS_MIN_LEN 8\nPASS_WARN_AGE 7\n"
                                  "UID_MIN 1000\nGID_MIN 1000\nUMASK 022\nENCRYPT_METHOD SHA512\n")
    tree.write("/etc/profile", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                               "export PATH\numask 022\n"
                               "for i in /etc/profile.d/*.sh; do . \"$i\"; done\n")
    tree.write("/etc/profile.d/tmout.sh", "TMOUT=600\nreadonly TMOUT\nexport TMOUT\n")
    tree.write("/etc/pam.d/su", "auth sufficient pam_rootok.so\nauth required pam_wheel.so use_uid\n")

    if tree.flavor == "debian":
        tree.write("/etc/pam.d/common-password",
                   f"password requisite pam_pwquality.so retry=3 {PWQUALITY_ARGS}\n"
                   "password [success=1 default=ignore] pam_unix.so obscure use_authtok yescrypt\n"
                   "password requisite pam_deny.so\npassword required pam_permit.so\n")
        tree.write("/etc/pam.d/common-auth",
                   "auth required pam_faillock.so preauth\n"
                   "auth [success=1 default=ignore] pam_unix.so nullok\n"
                   "auth [default=die] pam_faillock.so authfail\n"
                   "auth sufficient pam_faillock.so authsucc\n"
                   "auth requisite pam_deny.so\nauth required pam_permit.so\n")
        tree.write("/etc/security/faillock.conf", "deny = 5\nunlock_time = 600\n")
        tree.write("/etc/bash.bashrc", "[ -z \"$PS1\" ] && return\n")
    else:
        for name in ("system-auth", "password-auth"):
            # authselect keeps the stacks in /etc/authselect and links them from /etc/pam.d.
            tree.write(f"/etc/authselect/{name}",
                       "auth required pam_env.so\n"
                       "auth required pam_faillock.so preauth silent\n"
                       "auth sufficient pam_unix.so try_first_pass nullok\n"
                       "auth required pam_faillock.so authfail\n"
                       "auth required pam_deny.so\n"
                       "password requisite pam_pwquality.so local_users_only\n"
                       "password sufficient pam_unix.so sha512 shadow use_authtok\n"
                       "password required pam_deny.so\n")
            tree.symlink(f"/etc/pam.d/{name}", f"/etc/authselect/{name}")
        tree.write("/etc/security/pwquality.conf", "minlen = 8\ndcredit = -1\nucredit = -1\n"
                                                   "lcredit = -1\nocredit = -1\nenforce_for_root\n")
        tree.write("/etc/security/faillock.conf", "deny = 5\nunlock_time = 600\n")
        tree.write("/etc/bashrc", "umask 022\n")

    tree.mkdir("/root", mode=0o700)
    tree.write("/root/.bashrc", "export PATH=$PATH:/root/bin\n", mode=0o644)
    tree.write("/root/.profile" if tree.flavor == "debian" else "/root/.bash_profile",
               "PATH=$PATH:$HOME/bin\nexport PATH\n", mode=0o644)
    tree.mkdir("/home", mode=0o755)
    tree.mkdir("/home/alice", mode=0o750, uid=1000, gid=1000)
    tree.write("/home/alice/.profile", "umask 027\n", mode=0o644, uid=1000, gid=1000)
    tree.write("/home/alice/.bashrc", "alias ll='ls -l'\n", mode=0o644, uid=1000, gid=1000)
    tree.mkdir("/tmp", mode=0o1777)
    tree.mkdir("/var/tmp", mode=0o1777)
    tree.mkdir("/dev", mode=0o755)
    tree.mkdir("/dev/shm", mode=0o1777)
    tree.mkdir("/usr/bin", mode=0o755)
    tree.write("/usr/bin/su", "#!/bin/sh\n", mode=0o755)
    os.chmod(tree.path("/usr/bin/su"), 0o4755)
