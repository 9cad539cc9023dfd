#!/bin/sh
# id: U-47
# id2026: U-02
# severity: Medium
# cis: 5.4.1.1
# title-ko: 패스워드 최대 사용기간 설정
# title-en: Passwords expire after at most 90 days
# remedy-ko: /etc/login.defs 에 PASS_MAX_DAYS 90 (이하)을 설정하고, 기존 계정은 chage -M 90 으로 맞춘다.
# remedy-en: Set PASS_MAX_DAYS 90 (or less) in /etc/login.defs and chage -M 90 existing accounts.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

hit=$(keyword_line /etc/login.defs PASS_MAX_DAYS last)
if [ -z "$hit" ]; then
    evidence file=/etc/login.defs value="PASS_MAX_DAYS not set (no expiry)" expected="PASS_MAX_DAYS <= 90"
    finish FAIL
fi
value=${hit#*:}
evidence file=/etc/login.defs line="${hit%%:*}" value="PASS_MAX_DAYS $value" expected="PASS_MAX_DAYS <= 90"
case $value in ''|*[!0-9]*) finish FAIL ;; esac
if [ "$value" -le 90 ]; then finish PASS; else finish FAIL; fi
