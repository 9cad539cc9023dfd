"""Mail (U-30, U-31, U-32, U-70, SMTP banner of U-68) and DNS (U-33, U-34, DNS banner of U-68) checks."""

from __future__ import annotations

import pytest

import harden_services as hs
from tree import evidence_text, run_check

CF = "/etc/mail/sendmail.cf"
MAIN_CF = "/etc/postfix/main.cf"


def test_sendmail_installed_securely(tree):
    hs.install_sendmail(tree)
    for check in ("U-31", "U-32", "U-70", "U-68"):
        assert run_check(tree.root, check)["status"] == "PASS", check
    result = run_check(tree.root, "U-30")
    assert result["status"] == "MANUAL"
    assert result["evidence"][0] == {"file": CF, "line": 3, "value": "Sendmail 8.17.1",
                                     "expected": "a supported, patched release (8.14 or later at the very least)"}
    assert any("Sendmail 8.17.1" in item for item in result["review"])


SENDMAIL_BREAKS = [
    ("U-30", lambda t: t.replace(CF, "DZ8.17.1", "DZ8.13.8"), "Sendmail 8.13.8"),
    ("U-31", lambda t: t.replace("/etc/mail/sendmail.mc", "dnl FEATURE(`promiscuous_relay')", "FEATURE(`promiscuous_relay')"),
     "promiscuous_relay"),
    ("U-31", lambda t: t.append("/etc/mail/access", "0.0.0.0\tRELAY\n"), "0.0.0.0"),
    ("U-31", lambda t: t.replace(CF, "DZ8.17.1", "DZ8.8.8"), "without a Relaying denied rule"),
    ("U-32", lambda t: t.replace(CF, ",restrictqrun", ""), "PrivacyOptions=authwarnings,novrfy,noexpn"),
    ("U-32", lambda t: t.replace(CF, "O PrivacyOptions", "#O PrivacyOptions"), "no O PrivacyOptions line"),
    ("U-70", lambda t: t.replace(CF, "novrfy,", ""), "PrivacyOptions=authwarnings,noexpn,restrictqrun"),
    ("U-70", lambda t: t.replace(CF, "noexpn,", ""), "PrivacyOptions=authwarnings,novrfy,restrictqrun"),
    ("U-68", lambda t: t.write(CF, "DZ8.17.1\nO SmtpGreetingMessage=$j Sendmail $v/$Z; $b\n"), "SmtpGreetingMessage=$j Sendmail $v/$Z"),
]


@pytest.mark.parametrize("check,breaks,shown", SENDMAIL_BREAKS)
def test_sendmail_insecure(tree, check, breaks, shown):
    hs.install_sendmail(tree)
    breaks(tree)
    result = run_check(tree.root, check)
    assert result["status"] == "FAIL"
    assert shown in evidence_text(result)


def test_sendmail_old_with_relay_rule_passes_u31(tree):
    hs.install_sendmail(tree)
    tree.replace(CF, "DZ8.17.1", "DZ8.8.8")
    tree.append(CF, 'R$*\t\t\t$#error $@ 5.7.1 $: "550 Relaying denied"\n')
    assert run_check(tree.root, "U-31")["status"] == "PASS"


def test_goaway_covers_expn_and_vrfy(tree):
    hs.install_sendmail(tree)
    tree.replace(CF, "authwarnings,novrfy,noexpn,restrictqrun", "goaway,restrictqrun")
    assert run_check(tree.root, "U-70")["status"] == "PASS"


def test_postfix_installed_securely(tree):
    hs.install_postfix(tree)
    for check in ("U-31", "U-32", "U-70", "U-68"):
        assert run_check(tree.root, check)["status"] == "PASS", check
    assert run_check(tree.root, "U-30")["status"] == "MANUAL"


POSTFIX_BREAKS = [
    ("U-31", lambda t: t.replace(MAIN_CF, "127.0.0.0/8 [::1]/128", "127.0.0.0/8, 0.0.0.0/0"), "mynetworks = 127.0.0.0/8, 0.0.0.0/0"),
    ("U-31", lambda t: t.replace(MAIN_CF, "permit_mynetworks,\n    permit_sasl_authenticated, reject_unauth_destination",
                                 "permit_mynetworks, permit, reject_unauth_destination"), "smtpd_relay_restrictions"),
    ("U-32", lambda t: t.chmod("/usr/sbin/postsuper", 0o755), "/usr/sbin/postsuper"),
    ("U-70", lambda t: t.replace(MAIN_CF, "disable_vrfy_command = yes", "disable_vrfy_command = no"), "disable_vrfy_command = no"),
    ("U-70", lambda t: t.replace(MAIN_CF, "disable_vrfy_command = yes\n", ""), "not set (default no)"),
    ("U-68", lambda t: t.replace(MAIN_CF, "smtpd_banner = $myhostname ESMTP authorized use only\n", ""), "smtpd_banner not set"),
    ("U-68", lambda t: t.replace(MAIN_CF, "authorized use only", "$mail_name $mail_version"), "$mail_version"),
]


@pytest.mark.parametrize("check,breaks,shown", POSTFIX_BREAKS)
def test_postfix_insecure(tree, check, breaks, shown):
    hs.install_postfix(tree)
    breaks(tree)
    result = run_check(tree.root, check)
    assert result["status"] == "FAIL"
    assert shown in evidence_text(result)


def test_postfix_relay_via_recipient_restrictions(tree):
    hs.install_postfix(tree)
    tree.replace(MAIN_CF, "permit_mynetworks,\n    permit_sasl_authenticated, reject_unauth_destination", "permit_mynetworks")
    assert run_check(tree.root, "U-31")["status"] == "FAIL"
    tree.append(MAIN_CF, "smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n")
    assert run_check(tree.root, "U-31")["status"] == "PASS"


def test_exim_debian_relay_nets(tree):
    tree.write("/etc/exim4/exim4.conf.template", "# exim\n")
    tree.write("/etc/exim4/update-exim4.conf.conf", "dc_eximconfig_configtype='internet'\ndc_relay_nets='192.0.2.0/24'\n")
    tree.write("/usr/sbin/exiqgrep", "", mode=0o750)
    for check in ("U-31", "U-32", "U-70"):
        assert run_check(tree.root, check)["status"] == "PASS", check
    tree.replace("/etc/exim4/update-exim4.conf.conf", "192.0.2.0/24", "0.0.0.0/0")
    assert run_check(tree.root, "U-31")["status"] == "FAIL"
    tree.chmod("/usr/sbin/exiqgrep", 0o755)
    assert run_check(tree.root, "U-32")["status"] == "FAIL"
    tree.append("/etc/exim4/exim4.conf.template", "acl_smtp_vrfy = accept\n")
    result = run_check(tree.root, "U-70")
    assert result["status"] == "FAIL" and "acl_smtp_vrfy = accept" in evidence_text(result)


@pytest.mark.parametrize("check", ["U-30", "U-31", "U-32", "U-70"])
def test_mail_checks_na_without_mail_server(tree, check):
    result = run_check(tree.root, check)
    assert result["status"] == "NA" and "no mail server" in result["evidence"][0]["note"]


# ---- DNS -------------------------------------------------------------------------------------

def test_bind_installed_securely(tree):
    hs.install_bind(tree)
    result = run_check(tree.root, "U-34")
    assert result["status"] == "PASS"
    assert result["evidence"][0]["file"] == hs.named_options_path(tree)
    assert "192.0.2.53" in result["evidence"][0]["value"]
    assert run_check(tree.root, "U-68")["status"] == "PASS"
    u33 = run_check(tree.root, "U-33")
    assert u33["status"] == "MANUAL" and u33["review"]
    if tree.flavor == "debian":
        assert "9.18.28" in u33["evidence"][0]["value"]
    else:
        assert "not readable" in u33["evidence"][0]["note"]


@pytest.mark.parametrize("old,new,shown", [
    ("allow-transfer { 192.0.2.53; };", "allow-transfer { any; };", "allow-transfer { any }"),
    ("allow-transfer { 192.0.2.53; };", "", "no allow-transfer"),
    ("allow-transfer { 192.0.2.53; };", "// allow-transfer { 192.0.2.53; };", "no allow-transfer"),
    ("allow-transfer { 192.0.2.53; };", "/* allow-transfer { 192.0.2.53; }; */", "no allow-transfer"),
])
def test_u34_zone_transfer_open(tree, old, new, shown):
    hs.install_bind(tree)
    tree.replace(hs.named_options_path(tree), old, new)
    result = run_check(tree.root, "U-34")
    assert result["status"] == "FAIL"
    assert shown in evidence_text(result)


def test_u34_per_zone_allow_transfer(tree):
    hs.install_bind(tree)
    tree.replace(hs.named_options_path(tree), "allow-transfer { 192.0.2.53; };", "")
    zones = "/etc/bind/named.conf.local" if tree.flavor == "debian" else "/etc/named.conf"
    tree.replace(zones, "type master;", "type master;\n    allow-transfer { key xfer; 192.0.2.53; };")
    assert run_check(tree.root, "U-34")["status"] == "PASS"
    tree.append(zones, 'zone "other.example" {\n    type primary;\n    file "other.zone";\n};\n')
    result = run_check(tree.root, "U-34")
    assert result["status"] == "FAIL"
    assert any(e["value"].startswith('zone "other.example" has no allow-transfer') for e in result["evidence"])


def test_u33_old_bind_fails(tree):
    if tree.flavor == "rhel":
        pytest.skip("the RHEL layout keeps versions in the rpm database, which is not read")
    hs.install_bind(tree, version="1:9.9.5.dfsg-9+deb8u19")
    result = run_check(tree.root, "U-33")
    assert result["status"] == "FAIL" and "9.9.5" in result["evidence"][0]["value"]


def test_u68_dns_version_hidden(tree):
    hs.install_bind(tree)
    tree.replace(hs.named_options_path(tree), 'version "not disclosed";', "")
    result = run_check(tree.root, "U-68")
    assert result["status"] == "FAIL" and "no version statement" in evidence_text(result)


@pytest.mark.parametrize("check", ["U-33", "U-34"])
def test_dns_checks_na_without_bind(tree, check):
    result = run_check(tree.root, check)
    assert result["status"] == "NA" and "BIND is not installed" in result["evidence"][0]["note"]
