#!/bin/sh
# id: U-42
# id2026: U-65
# severity: High
# cis: 1.8
# title-ko: 최신 보안패치 및 벤더 권고사항 적용
# title-en: Security patches and vendor recommendations are applied per policy
# remedy-ko: 패치 적용 정책을 세우고 벤더의 보안 권고에 따라 주기적으로 패치를 적용한다(apt-get upgrade, dnf update, 자동 보안 업데이트).
# remedy-en: Set a patch policy and apply the vendor's security updates on schedule (apt-get upgrade, dnf update, automatic security updates).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

release=$(first_existing /etc/os-release /usr/lib/os-release || true)
if [ -n "$release" ]; then
    name=$(sed -n 's/^PRETTY_NAME=//p' "$ROOT$release" | head -n 1 | tr -d '"')
    line=$(grep -n '^PRETTY_NAME=' "$ROOT$release" | head -n 1 | cut -d: -f1)
    evidence file="$release" line="$line" value="${name:-unknown}"
    review "Operating system: ${name:-unknown} — is this release still supported by the vendor?"
else
    evidence note="no /etc/os-release"
    review "Operating system release could not be read — identify it and check vendor support"
fi
if [ -f "$ROOT/var/lib/dpkg/status" ]; then
    count=$(grep -c '^Status: install ok installed' "$ROOT/var/lib/dpkg/status" || true)
    changed=$(stat -c '%y' "$ROOT/var/lib/dpkg/status" | cut -d. -f1)
    evidence file=/var/lib/dpkg/status value="$count packages installed; database last changed $changed"
fi
db=$(rpm_database)
if [ -n "$db" ]; then
    evidence file="$db" value="rpm database last changed $(stat -c '%y' "$ROOT$db" | cut -d. -f1)"
fi
last=""
if [ -r "$ROOT/var/log/apt/history.log" ]; then
    hit=$(grep '^Start-Date:' "$ROOT/var/log/apt/history.log" | tail -n 1 | sed 's/^Start-Date:[[:space:]]*//')
    if [ -n "$hit" ]; then
        last="$hit (apt)"
        evidence file=/var/log/apt/history.log value="last apt run $hit"
    fi
fi
for log in /var/log/dnf.rpm.log /var/log/dnf.log /var/log/yum.log; do
    [ -r "$ROOT$log" ] || continue
    hit=$(grep -v '^[[:space:]]*$' "$ROOT$log" | tail -n 1 | cut -c 1-40)
    [ -n "$hit" ] || continue
    last="${last:+$last; }$hit ($log)"
    evidence file="$log" value="last entry: $hit"
    break
done
hist=$(first_existing /var/lib/dnf/history.sqlite /var/lib/yum/history || true)
if [ -n "$hist" ]; then
    evidence file="$hist" value="package history last changed $(stat -c '%y' "$ROOT$hist" | cut -d. -f1)"
fi
review "Last package update: ${last:-not readable from logs} — within the patch policy's interval?"
auto=$(numbered_active /etc/apt/apt.conf.d/20auto-upgrades | grep -E 'Unattended-Upgrade[[:space:]]+"1"' | head -n 1)
if [ -n "$auto" ]; then
    evidence file=/etc/apt/apt.conf.d/20auto-upgrades line="${auto%%:*}" value="${auto#*:}" note="automatic security updates enabled"
elif systemd_enabled dnf-automatic.timer || systemd_enabled dnf-automatic-install.timer || systemd_enabled yum-cron.service; then
    evidence note="automatic updates enabled (dnf-automatic / yum-cron)"
else
    evidence note="no automatic update configuration found (unattended-upgrades, dnf-automatic, yum-cron)"
fi
kernels=$(for k in "$ROOT/boot"/vmlinuz-*; do [ -e "$k" ] && printf '%s ' "${k##*/vmlinuz-}"; done)
[ -n "$kernels" ] && evidence file=/boot value="installed kernels: $kernels"
review "Compare the installed packages and kernel with the vendor's security advisories and apply what the policy requires"
finish MANUAL
