#!/bin/sh
# id: U-48
# id2026: U-02
# severity: Medium
# cis: 5.4.1.2
# title-ko: 패스워드 최소 사용기간 설정
# title-en: Passwords can be changed again only after at least 1 day
# remedy-ko: /etc/login.defs 에 PASS_MIN_DAYS 1 (이상)을 설정하고, 기존 계정은 chage -m 1 로 맞춘다.
# remedy-en: Set PASS_MIN_DAYS 1 (or more) in /etc/login.defs and chage -m 1 existing accounts.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

hit=$(keyword_line /etc/login.defs PASS_MIN_DAYS last)
if [ -z "$hit" ]; then
    evidence file=/etc/login.defs value="PASS_MIN_DAYS not set (default 0)" expected="PASS_MIN_DAYS >= 1"
    finish FAIL
fi
value=${hit#*:}
evidence file=/etc/login.defs line="${hit%%:*}" value="PASS_MIN_DAYS $value" expected="PASS_MIN_DAYS >= 1"
case $value in ''|*[!0-9]*) finish FAIL ;; esac
if [ "$value" -ge 1 ]; then finish PASS; else finish FAIL; fi
