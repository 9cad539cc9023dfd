#!/bin/sh
# id: U-55
# id2026: U-29
# severity: Low
# cis:
# title-ko: hosts.lpd 파일 소유자 및 권한 설정
# title-en: /etc/hosts.lpd is absent, or owned by root with mode 600
# remedy-ko: /etc/hosts.lpd 를 지우거나 chown root /etc/hosts.lpd; chmod 600 /etc/hosts.lpd
# remedy-en: Remove /etc/hosts.lpd, or chown root /etc/hosts.lpd; chmod 600 /etc/hosts.lpd
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

if ! exists /etc/hosts.lpd; then
    evidence file=/etc/hosts.lpd note="file not found (the secure state)"
    finish PASS
fi
if owned_with_mode /etc/hosts.lpd 600; then finish PASS; else finish FAIL; fi
