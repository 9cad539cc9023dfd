"""Patch and log checks: U-42 (patches, MANUAL), U-43 (log review, MANUAL), U-72 (syslog rules)."""

from __future__ import annotations

import pytest

from tree import evidence_text, run_check


def test_u42_patch_evidence_for_a_person(tree):
    result = run_check(tree.root, "U-42")
    assert result["status"] == "MANUAL"
    text = evidence_text(result)
    if tree.flavor == "debian":
        assert "Debian GNU/Linux 12 (bookworm)" in text
        assert "2 packages installed" in text
        assert "last apt run 2026-01-10  03:00:01" in text
        assert "/etc/apt/apt.conf.d/20auto-upgrades" in text
    else:
        assert "Rocky Linux 9.4 (Blue Onyx)" in text
        assert "/var/lib/rpm/rpmdb.sqlite" in text
        assert "2026-01-10T03:00:05" in text
        assert "dnf-automatic" in text
    assert any(item.startswith("Operating system:") for item in result["review"])
    assert any(item.startswith("Last package update:") for item in result["review"])


def test_u42_without_release_or_history(tree):
    for name in ("/etc/os-release", "/var/log/apt", "/var/log/dnf.rpm.log", "/etc/apt/apt.conf.d/20auto-upgrades",
                 "/etc/systemd/system/timers.target.wants"):
        tree.remove(name)
    result = run_check(tree.root, "U-42")
    assert result["status"] == "MANUAL"
    text = evidence_text(result)
    assert "no /etc/os-release" in text and "not readable from logs" in text and "no automatic update" in text


def test_u43_lists_log_files(tree):
    tree.write("/var/log/syslog.1", "")
    tree.write("/var/log/auth.log.2.gz", "")
    result = run_check(tree.root, "U-43")
    assert result["status"] == "MANUAL"
    assert "log file: /var/log/wtmp" in result["review"]
    assert not any(".gz" in item or item.endswith(".1") for item in result["review"])
    assert any("reviewed on a regular schedule" in item for item in result["review"])


def test_u43_without_logs(tree):
    tree.remove("/var/log")
    result = run_check(tree.root, "U-43")
    assert result["status"] == "MANUAL" and "no log files found" in evidence_text(result)


def rsyslog_files(tree):
    return ["/etc/rsyslog.conf", "/etc/rsyslog.d/50-kisa.conf"] if tree.flavor == "debian" else ["/etc/rsyslog.conf"]


def drop_rule(tree, *selectors):
    """Comments out every rule whose selector starts with one of `selectors`."""
    for name in rsyslog_files(tree):
        text = tree.path(name).read_text()
        lines = ["#" + l if l.startswith(selectors) else l for l in text.splitlines(True)]
        tree.write(name, "".join(lines), mode=0o640)


@pytest.mark.parametrize("selector,category", [
    (("*.info", "*.*"), "info"), (("auth",), "auth"), (("mail.*",), "mail"), (("cron.*",), "cron"),
    (("*.alert",), "alert"),
])
def test_u72_missing_rule_fails(tree, selector, category):
    drop_rule(tree, *selector)
    result = run_check(tree.root, "U-72")
    assert result["status"] == "FAIL"
    assert f"no rule for {category} messages" in evidence_text(result)


def test_u72_evidence_names_rule_and_file(tree):
    result = run_check(tree.root, "U-72")
    assert result["status"] == "PASS"
    cron = [e for e in result["evidence"] if e["value"].startswith("cron.*")]
    assert cron and cron[0]["file"] == "/etc/rsyslog.conf" and cron[0]["line"] > 0


def test_u72_emerg_only_from_alert_rule_and_none_priority(tree):
    drop_rule(tree, "*.emerg")
    assert run_check(tree.root, "U-72")["status"] == "PASS"  # *.alert logs emerg too
    drop_rule(tree, "*.alert")
    tree.append("/etc/rsyslog.conf", "*.none\t/var/log/nothing\nmail.none\t/var/log/nomail\n")
    result = run_check(tree.root, "U-72")
    assert result["status"] == "FAIL"
    assert "no rule for emerg messages" in evidence_text(result)


def test_u72_legacy_syslog_conf(tree):
    tree.remove("/etc/rsyslog.conf")
    tree.remove("/etc/rsyslog.d")
    tree.write("/etc/syslog.conf", "*.info;mail.none;authpriv.none;cron.none\t/var/log/messages\n"
                                   "authpriv.*\t/var/log/secure\nmail.*\t/var/log/maillog\ncron.*\t/var/log/cron\n"
                                   "*.alert\t/dev/console\n*.emerg\t*\n", mode=0o640)
    assert run_check(tree.root, "U-72")["status"] == "PASS"


def test_u72_no_syslog_and_syslog_ng(tree):
    tree.remove("/etc/rsyslog.conf")
    tree.remove("/etc/rsyslog.d")
    result = run_check(tree.root, "U-72")
    assert result["status"] == "FAIL" and "no syslog configuration" in evidence_text(result)
    tree.write("/etc/syslog-ng/syslog-ng.conf", "@version: 4.3\n")
    result = run_check(tree.root, "U-72")
    assert result["status"] == "MANUAL" and result["review"]
