"""Hardened content for the service, patch and log checks (U-19–U-43, U-60–U-72).

`harden_services_and_logs(tree)` gives the hardened tree: no FTP, mail, DNS, web, NFS or SNMP server
installed (their checks are NA there), SSH enabled, cron/at locked down, banners and rsyslog rules
set. The `install_*` functions add one of those servers, configured securely, in the tree's layout
(Debian/Ubuntu or RHEL); tests install one and then break exactly one setting.
"""

from __future__ import annotations

WARNING = ("WARNING: Authorized use only. This system is monitored; "
           "unauthorized access is prohibited and will be prosecuted.\n")


def harden_services_and_logs(tree) -> None:
    """Lays out service, mail, DNS, web, FTP, SNMP and logging configuration so those checks pass."""
    debian = tree.flavor == "debian"

    # Remote access: SSH only (U-60), with a banner (U-68).
    tree.enable_unit("ssh.service" if debian else "sshd.service")
    tree.write("/usr/sbin/sshd", "", mode=0o755)
    sshd = tree.path("/etc/ssh/sshd_config")
    if not sshd.exists() or "banner" not in sshd.read_text().lower():
        if sshd.exists():
            tree.append("/etc/ssh/sshd_config", "Banner /etc/issue.net\n")
        else:
            tree.write("/etc/ssh/sshd_config", "Banner /etc/issue.net\n", mode=0o600)
    tree.write("/etc/motd", WARNING)
    tree.write("/etc/issue.net", WARNING)

    # cron (U-22): crontab usable by root (and its group) only, files root-owned 640 or stricter.
    tree.write("/usr/bin/crontab", "", mode=0o2750 if debian else 0o4750)
    tree.write("/etc/crontab", "SHELL=/bin/sh\n17 * * * * root cd / && run-parts /etc/cron.hourly\n", mode=0o600)
    tree.write("/etc/cron.allow", "root\n", mode=0o600)
    tree.mkdir("/etc/cron.d", mode=0o700)
    tree.write("/etc/cron.d/sysstat", "*/10 * * * * root /usr/lib/sysstat/sa1 1 1\n", mode=0o600)
    for period in ("hourly", "daily", "weekly", "monthly"):
        tree.mkdir(f"/etc/cron.{period}", mode=0o700)
    tree.write("/etc/cron.daily/logrotate", "#!/bin/sh\n/usr/sbin/logrotate /etc/logrotate.conf\n", mode=0o700)
    spool = "/var/spool/cron/crontabs" if debian else "/var/spool/cron"
    tree.mkdir(spool, mode=0o730 if debian else 0o700)
    tree.write(f"{spool}/root", "0 3 * * * /usr/local/sbin/backup\n", mode=0o600)

    # at (U-65).
    tree.write("/usr/bin/at", "", mode=0o4750)
    tree.write("/etc/at.deny", "daemon\nbin\n", mode=0o640)

    # System logging (U-72), log files (U-43), release and package data (U-42).
    if debian:
        tree.write("/etc/rsyslog.conf", "module(load=\"imuxsock\")\n"
                                        "$IncludeConfig /etc/rsyslog.d/*.conf\n"
                                        "*.*;auth,authpriv.none\t-/var/log/syslog\n"
                                        "auth,authpriv.*\t\t/var/log/auth.log\n"
                                        "cron.*\t\t\t-/var/log/cron.log\n"
                                        "mail.*\t\t\t-/var/log/mail.log\n"
                                        "*.emerg\t\t\t:omusrmsg:*\n", mode=0o640)
        tree.write("/etc/rsyslog.d/50-kisa.conf", "*.info;mail.none;authpriv.none;cron.none\t/var/log/messages\n"
                                                  "*.alert\t\t\t/dev/console\n")
        for log in ("syslog", "auth.log", "cron.log", "mail.log", "messages", "wtmp"):
            tree.write(f"/var/log/{log}", "", mode=0o640)
        tree.write("/etc/os-release", 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n')
        tree.write("/var/lib/dpkg/status", "Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b7\n\n"
                                           "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2+deb12u3\n")
        tree.write("/var/log/apt/history.log", "\nStart-Date: 2026-01-10  03:00:01\nCommandline: apt-get -y upgrade\n"
                                               "End-Date: 2026-01-10  03:01:12\n")
        tree.write("/etc/apt/apt.conf.d/20auto-upgrades", 'APT::Periodic::Update-Package-Lists "1";\n'
                                                          'APT::Periodic::Unattended-Upgrade "1";\n')
    else:
        tree.write("/etc/rsyslog.conf", "module(load=\"imjournal\")\n"
                                        "*.info;mail.none;authpriv.none;cron.none\t/var/log/messages\n"
                                        "authpriv.*\t\t/var/log/secure\n"
                                        "mail.*\t\t\t-/var/log/maillog\n"
                                        "cron.*\t\t\t/var/log/cron\n"
                                        "*.alert\t\t\t/dev/console\n"
                                        "*.emerg\t\t\t:omusrmsg:*\n", mode=0o640)
        for log in ("messages", "secure", "maillog", "cron", "wtmp"):
            tree.write(f"/var/log/{log}", "", mode=0o600)
        tree.write("/etc/os-release", 'PRETTY_NAME="Rocky Linux 9.4 (Blue Onyx)"\nID="rocky"\nVERSION_ID="9.4"\n')
        tree.write("/var/lib/rpm/rpmdb.sqlite", "SQLite format 3\n")
        tree.write("/var/log/dnf.rpm.log", "2026-01-10T03:00:05+0000 SUBDEBUG Upgrade: openssl-libs-1:3.0.7-27.el9.x86_64\n")
        tree.enable_unit("dnf-automatic.timer", wanted_by="timers.target")
    tree.write("/etc/logrotate.conf", "weekly\nrotate 4\n")


# ---- servers, installed and configured securely ---------------------------------------------

def vsftpd_conf_path(tree) -> str:
    return "/etc/vsftpd.conf" if tree.flavor == "debian" else "/etc/vsftpd/vsftpd.conf"


def ftpusers_path(tree) -> str:
    return "/etc/ftpusers" if tree.flavor == "debian" else "/etc/vsftpd/ftpusers"


def install_vsftpd(tree, enable: bool = False) -> None:
    """vsftpd with anonymous login off, root refused through pam_listfile, and a banner."""
    tree.write("/usr/sbin/vsftpd", "", mode=0o755)
    tree.write(vsftpd_conf_path(tree), "listen=YES\nanonymous_enable=NO\nlocal_enable=YES\n"
                                       f"ftpd_banner={WARNING.strip()}\n", mode=0o600)
    tree.write(ftpusers_path(tree), "# users refused\nroot\nbin\ndaemon\n", mode=0o640)
    tree.write("/etc/pam.d/vsftpd", "auth required pam_listfile.so item=user sense=deny "
                                    f"file={ftpusers_path(tree)} onerr=succeed\n"
                                    "auth required pam_shells.so\n")
    if enable:
        tree.enable_unit("vsftpd.service")


def proftpd_conf_path(tree) -> str:
    return "/etc/proftpd/proftpd.conf" if tree.flavor == "debian" else "/etc/proftpd.conf"


def install_proftpd(tree, enable: bool = False) -> None:
    """ProFTPD without an <Anonymous> section, root login off, a warning as ServerIdent."""
    tree.write("/usr/sbin/proftpd", "", mode=0o755)
    tree.write(proftpd_conf_path(tree), 'ServerName "files"\n'
                                        f'ServerIdent on "{WARNING.strip()}"\n'
                                        "RootLogin off\nUseFtpUsers on\n"
                                        "# <Anonymous ~ftp>\n#   User ftp\n# </Anonymous>\n")
    tree.write("/etc/ftpusers", "root\n", mode=0o640)
    if enable:
        tree.enable_unit("proftpd.service")


def install_sendmail(tree, version: str = "8.17.1") -> None:
    """Sendmail with restrictqrun, noexpn/novrfy, relaying denied by default and a plain greeting."""
    tree.write("/etc/mail/sendmail.cf", f"# sendmail.cf\nV10/Berkeley\nDZ{version}\n"
                                        "O PrivacyOptions=authwarnings,novrfy,noexpn,restrictqrun\n"
                                        f"O SmtpGreetingMessage=$j {WARNING.strip()}\n", mode=0o644)
    tree.write("/etc/mail/sendmail.mc", "include(`/usr/share/sendmail-cf/m4/cf.m4')dnl\n"
                                        "dnl FEATURE(`promiscuous_relay')dnl\n"
                                        "FEATURE(`access_db')dnl\n")
    tree.write("/etc/mail/access", "Connect:localhost.localdomain\tRELAY\nConnect:127.0.0.1\tRELAY\n")


def install_postfix(tree) -> None:
    """Postfix relaying for the local networks only, VRFY off, a banner without the version."""
    tree.write("/etc/postfix/main.cf", "myhostname = mail.example.com\n"
                                       "mynetworks = 127.0.0.0/8 [::1]/128\n"
                                       "smtpd_relay_restrictions = permit_mynetworks,\n"
                                       "    permit_sasl_authenticated, reject_unauth_destination\n"
                                       "disable_vrfy_command = yes\n"
                                       "smtpd_banner = $myhostname ESMTP authorized use only\n")
    tree.write("/usr/sbin/postsuper", "", mode=0o750)
    if tree.flavor == "debian":
        tree.append("/var/lib/dpkg/status", "\nPackage: postfix\nStatus: install ok installed\nVersion: 3.7.11-0+deb12u1\n")


def named_conf_path(tree) -> str:
    return "/etc/bind/named.conf" if tree.flavor == "debian" else "/etc/named.conf"


def named_options_path(tree) -> str:
    """The file holding the options block (Debian includes named.conf.options)."""
    return "/etc/bind/named.conf.options" if tree.flavor == "debian" else "/etc/named.conf"


def install_bind(tree, version: str = "1:9.18.28-1~deb12u2") -> None:
    """BIND allowing zone transfers to the secondary only and hiding its version."""
    options = ("options {\n"
               "    directory \"/var/cache/bind\";\n"
               "    allow-transfer { 192.0.2.53; };  // secondary\n"
               "    version \"not disclosed\";\n"
               "};\n")
    zone = 'zone "example.com" IN {\n    type master;\n    file "example.com.zone";\n};\n'
    if tree.flavor == "debian":
        tree.write("/etc/bind/named.conf", 'include "/etc/bind/named.conf.options";\n'
                                           'include "/etc/bind/named.conf.local";\n')
        tree.write("/etc/bind/named.conf.options", options)
        tree.write("/etc/bind/named.conf.local", zone)
        tree.append("/var/lib/dpkg/status", f"\nPackage: bind9\nStatus: install ok installed\nVersion: {version}\n")
    else:
        tree.write("/etc/named.conf", "/* BIND */\n" + options + zone, mode=0o640)
    tree.write("/usr/sbin/named", "", mode=0o755)


def install_nfs_exports(tree) -> None:
    """An export limited to one network, root squashed."""
    tree.write("/etc/exports", "# shares\n/srv/share 192.0.2.0/24(ro,root_squash,sync)\n")


def install_snmpd(tree) -> None:
    """net-snmp with a non-default read-only community, installed but not enabled."""
    tree.write("/usr/sbin/snmpd", "", mode=0o755)
    tree.write("/etc/snmp/snmpd.conf", "agentAddress udp:127.0.0.1:161\n"
                                       "rocommunity Xq7-mon1tor 127.0.0.1\n", mode=0o600)


def apache_paths(tree) -> dict:
    if tree.flavor == "debian":
        return {"main": "/etc/apache2/apache2.conf", "site": "/etc/apache2/sites-enabled/000-default.conf",
                "security": "/etc/apache2/conf-enabled/security.conf", "user_file": "/etc/apache2/envvars"}
    return {"main": "/etc/httpd/conf/httpd.conf", "site": "/etc/httpd/conf.d/site.conf",
            "security": "/etc/httpd/conf.d/security.conf", "user_file": "/etc/httpd/conf/httpd.conf"}


def install_apache(tree) -> None:
    """Apache in the tree's layout: no Indexes or FollowSymLinks, unprivileged user, AuthConfig on the
    web root, upload limit, non-default DocumentRoot, version hidden; site and security settings in
    included files."""
    paths = apache_paths(tree)
    root_dir = ("<Directory />\n    Options None\n    AllowOverride None\n    Require all denied\n</Directory>\n")
    site = ("<VirtualHost *:80>\n"
            "    DocumentRoot /web/html\n"
            "    <Directory /web/html>\n"
            "        Options -Indexes\n"
            "        AllowOverride AuthConfig\n"
            "        LimitRequestBody 5000000\n"
            "        Require all granted\n"
            "    </Directory>\n"
            "</VirtualHost>\n")
    security = "ServerTokens Prod\nServerSignature Off\n"
    if tree.flavor == "debian":
        tree.write("/etc/apache2/envvars", "export APACHE_RUN_USER=www-data\nexport APACHE_RUN_GROUP=www-data\n")
        tree.write(paths["main"], "DefaultRuntimeDir ${APACHE_RUN_DIR}\n"
                                  "User ${APACHE_RUN_USER}\nGroup ${APACHE_RUN_GROUP}\n"
                                  "IncludeOptional mods-enabled/*.load\n"
                                  "Include ports.conf\n" + root_dir +
                                  "IncludeOptional conf-enabled/*.conf\n"
                                  "IncludeOptional sites-enabled/*.conf\n")
        tree.write("/etc/apache2/ports.conf", "Listen 80\n")
        tree.mkdir("/etc/apache2/mods-enabled")
    else:
        tree.write(paths["main"], 'ServerRoot "/etc/httpd"\nListen 80\n'
                                  "Include conf.modules.d/*.conf\n"
                                  "User apache\nGroup apache\n" + root_dir +
                                  "IncludeOptional conf.d/*.conf\n")
        tree.mkdir("/etc/httpd/conf.modules.d")
    tree.write(paths["site"], site)
    tree.write(paths["security"], security)
    tree.mkdir("/web/html")
