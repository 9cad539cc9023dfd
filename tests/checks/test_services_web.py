"""Apache checks U-35–U-41 and U-71, in the Debian (/etc/apache2, envvars, *-enabled includes) and RHEL
(/etc/httpd, ServerRoot, conf.d includes) layouts."""

from __future__ import annotations

import pytest

import harden_services as hs
from tree import evidence_text, run_check

APACHE = ["U-35", "U-36", "U-37", "U-38", "U-39", "U-40", "U-41", "U-71"]


@pytest.mark.parametrize("check", APACHE)
def test_na_without_apache(tree, check):
    result = run_check(tree.root, check)
    assert result["status"] == "NA" and "no Apache configuration" in result["evidence"][0]["note"]


def test_secure_apache_passes_and_reads_included_files(tree):
    hs.install_apache(tree)
    paths = hs.apache_paths(tree)
    for check in APACHE:
        assert run_check(tree.root, check)["status"] == "PASS", check
    # Settings found in files reached through Include/IncludeOptional carry that file as evidence.
    assert run_check(tree.root, "U-71")["evidence"][0]["file"] == paths["security"]
    assert run_check(tree.root, "U-41")["evidence"][0]["file"] == paths["site"]


def site(tree, old, new):
    tree.replace(hs.apache_paths(tree)["site"], old, new)


BREAKS = [
    ("U-35", lambda t: site(t, "Options -Indexes", "Options Indexes"), "Options Indexes in <Directory /web/html>"),
    ("U-35", lambda t: site(t, "Options -Indexes", "Options +Indexes"), "Options +Indexes"),
    ("U-35", lambda t: site(t, "Options -Indexes", "Options All"), "Options All"),
    ("U-39", lambda t: site(t, "Options -Indexes", "Options FollowSymLinks"), "Options FollowSymLinks"),
    ("U-39", lambda t: t.replace(hs.apache_paths(t)["main"], "    Options None\n", ""), "no Options for <Directory />"),
    ("U-37", lambda t: site(t, "AllowOverride AuthConfig", "AllowOverride None"), "AllowOverride None in <Directory /web/html>"),
    ("U-37", lambda t: site(t, "        AllowOverride AuthConfig\n", ""), "AllowOverride None in <Directory />"),
    ("U-38", lambda t: t.mkdir("/web/html/manual"), "/web/html/manual"),
    ("U-38", lambda t: t.write("/usr/lib/cgi-bin/printenv" if t.flavor == "debian" else "/var/www/cgi-bin/test-cgi", "#!/bin/sh\n"),
     "cgi-bin/"),
    ("U-38", lambda t: t.write(hs.apache_paths(t)["security"], "ServerTokens Prod\nServerSignature Off\n"
                                                             'Alias /manual "/usr/share/httpd/manual"\n'),
     '/manual \\"/usr/share/httpd/manual'),
    ("U-40", lambda t: site(t, "LimitRequestBody 5000000", "LimitRequestBody 0"), "LimitRequestBody 0"),
    ("U-40", lambda t: site(t, "        LimitRequestBody 5000000\n", ""), "LimitRequestBody not set"),
    ("U-41", lambda t: site(t, "DocumentRoot /web/html", "DocumentRoot /var/www/html"), "DocumentRoot /var/www/html"),
    ("U-41", lambda t: site(t, "DocumentRoot /web/html", 'DocumentRoot "/usr/local/apache2/htdocs/"'), "DocumentRoot /usr/local/apache2/htdocs/"),
    ("U-71", lambda t: t.write(hs.apache_paths(t)["security"], "ServerTokens OS\nServerSignature Off\n"), "ServerTokens OS"),
    ("U-71", lambda t: t.write(hs.apache_paths(t)["security"], "ServerSignature Off\n"), "ServerTokens not set"),
    ("U-71", lambda t: t.write(hs.apache_paths(t)["security"], "ServerTokens Prod\nServerSignature On\n"), "ServerSignature On"),
]


@pytest.mark.parametrize("check,breaks,shown", BREAKS)
def test_insecure_apache(tree, check, breaks, shown):
    hs.install_apache(tree)
    breaks(tree)
    result = run_check(tree.root, check)
    assert result["status"] == "FAIL"
    assert shown in evidence_text(result)


def test_u36_root_user(tree):
    hs.install_apache(tree)
    if tree.flavor == "debian":
        tree.replace("/etc/apache2/envvars", "APACHE_RUN_USER=www-data", "APACHE_RUN_USER=root")
        shown = "User ${APACHE_RUN_USER} = root"
    else:
        tree.replace("/etc/httpd/conf/httpd.conf", "User apache", "User root")
        shown = "User root"
    result = run_check(tree.root, "U-36")
    assert result["status"] == "FAIL" and shown in evidence_text(result)


def test_u36_group_with_gid_zero_and_unresolved_variable(tree):
    hs.install_apache(tree)
    main = hs.apache_paths(tree)["main"]
    if tree.flavor == "debian":
        tree.replace(main, "Group ${APACHE_RUN_GROUP}", "Group ${NO_SUCH_VAR}")
        result = run_check(tree.root, "U-36")
        assert result["status"] == "FAIL" and "could not be resolved" in evidence_text(result)
    else:
        tree.replace(main, "Group apache", "Group sysadm")
        tree.append("/etc/group", "sysadm:x:0:\n")
        result = run_check(tree.root, "U-36")
        assert result["status"] == "FAIL" and "Group sysadm" in evidence_text(result)


def test_a_disabled_site_is_not_read(tree):
    hs.install_apache(tree)
    # A file outside the include patterns (sites-available, or a non-.conf file in conf.d) does not count.
    other = "/etc/apache2/sites-available/old.conf" if tree.flavor == "debian" else "/etc/httpd/conf.d/old.conf.disabled"
    tree.write(other, "<Directory /var/www>\n    Options Indexes FollowSymLinks\n</Directory>\n")
    assert run_check(tree.root, "U-35")["status"] == "PASS"
