#!/bin/sh
# id: U-12
# id2026: U-22
# severity: High
# cis:
# title-ko: /etc/services 파일 소유자 및 권한 설정
# title-en: /etc/services is owned by root (or bin/sys) with mode 644 or stricter
# remedy-ko: chown root /etc/services; chmod 644 /etc/services
# remedy-en: chown root /etc/services; chmod 644 /etc/services
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

exists /etc/services || { evidence file=/etc/services note="file not found"; finish NA; }
if owned_with_mode /etc/services 644 "root bin sys"; then finish PASS; else finish FAIL; fi
