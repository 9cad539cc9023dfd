#!/bin/sh
# id: U-18
# id2026: U-28
# severity: High
# cis: 3.4.3
# title-ko: 접속 IP 및 포트 제한
# title-en: Access to services is limited by address and port
# remedy-ko: /etc/hosts.deny 에 ALL:ALL 을 두고 /etc/hosts.allow 에 허용할 호스트만 적거나, 호스트 방화벽(nftables, iptables, firewalld, ufw)에서 기본 차단 후 허용할 주소와 포트만 연다.
# remedy-en: Put ALL:ALL in /etc/hosts.deny and only the allowed hosts in /etc/hosts.allow, or run a host firewall (nftables, iptables, firewalld, ufw) that drops by default and opens only the allowed addresses and ports.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# TCP wrappers: a deny-all rule in hosts.deny.
deny=$(numbered_active /etc/hosts.deny | awk -F: '{ t = $0; sub(/^[0-9]+:/, "", t); gsub(/[ \t]/, "", t) }
    toupper(t) ~ /^ALL:ALL($|:)/ { print; exit }')
if [ -n "$deny" ]; then
    evidence file=/etc/hosts.deny line="${deny%%:*}" value="${deny#*:}" expected="ALL:ALL"
    allow=$(numbered_active /etc/hosts.allow | head -n 1)
    if [ -n "$allow" ]; then
        evidence file=/etc/hosts.allow line="${allow%%:*}" value="${allow#*:}"
    fi
    finish PASS
fi
evidence file=/etc/hosts.deny value="$(if exists /etc/hosts.deny; then echo "no ALL:ALL rule"; else echo "file not found"; fi)" expected="ALL:ALL"

# ufw: enabled with incoming traffic dropped by default.
if [ "$(conf_setting /etc/ufw/ufw.conf ENABLED | tr -d '"' | tr '[:upper:]' '[:lower:]')" = yes ]; then
    policy=$(conf_setting /etc/default/ufw DEFAULT_INPUT_POLICY | tr -d '"')
    evidence file=/etc/default/ufw value="ufw enabled, DEFAULT_INPUT_POLICY=$policy" expected="DEFAULT_INPUT_POLICY=DROP or REJECT"
    case $policy in DROP|REJECT) finish PASS ;; esac
fi

# nftables / iptables rule files loaded at boot: an input chain that drops by default.
if service_enabled nftables; then
    hit=$(numbered_active /etc/nftables.conf | grep -Ei 'hook[[:space:]]+input.*policy[[:space:]]+drop' | head -n 1)
    if [ -n "$hit" ]; then
        evidence file=/etc/nftables.conf line="${hit%%:*}" value="${hit#*:}" expected="input chain policy drop"
        finish PASS
    fi
    evidence file=/etc/nftables.conf value="no input chain with policy drop" expected="input chain policy drop"
fi
for rules in /etc/iptables/rules.v4 /etc/sysconfig/iptables; do
    exists "$rules" || continue
    if service_enabled iptables netfilter-persistent.service; then
        hit=$(numbered_active "$rules" | grep -E '^[0-9]+:(:INPUT[[:space:]]+(DROP|REJECT)|-A[[:space:]]+INPUT[[:space:]]+-j[[:space:]]+(DROP|REJECT))' | head -n 1)
        if [ -n "$hit" ]; then
            evidence file="$rules" line="${hit%%:*}" value="${hit#*:}" expected="INPUT dropped by default"
            finish PASS
        fi
        evidence file="$rules" value="INPUT not dropped by default" expected="INPUT dropped by default"
    fi
done

# firewalld: zones decide; a person reads them.
if service_enabled firewalld; then
    zone=$(conf_setting /etc/firewalld/firewalld.conf DefaultZone)
    review "firewalld is enabled with default zone ${zone:-public}: check that its zones open only the allowed addresses and ports"
    finish MANUAL
fi

finish FAIL
