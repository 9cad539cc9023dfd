"""Hardened content for the account and file checks (U-01–U-18, U-44–U-59)."""

from __future__ import annotations


def harden_accounts_and_files(tree) -> None:
    """Lays out /etc/passwd, shadow, group, login.defs, PAM, sshd and file modes so those checks pass."""
    tree.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"
                              "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")
    tree.write("/etc/shadow", "root:$6$salt$hash:19000:1:90:7:::\n"
                              "daemon:*:19000:0:99999:7:::\n", mode=0o400)
    tree.write("/etc/group", "root:x:0:\ndaemon:x:1:\n")
    tree.write("/etc/ssh/sshd_config", "PermitRootLogin no\n", mode=0o600)
    tree.mkdir("/root", mode=0o700)
