#!/bin/sh
# id: U-07
# id2026: U-16
# severity: High
# cis: 6.1.2
# title-ko: /etc/passwd 파일 소유자 및 권한 설정
# title-en: /etc/passwd is owned by root with mode 644 or stricter
# remedy-ko: chown root /etc/passwd; chmod 644 /etc/passwd
# remedy-en: chown root /etc/passwd; chmod 644 /etc/passwd
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

exists /etc/passwd || { evidence file=/etc/passwd note="file not found"; finish FAIL; }
if owned_with_mode /etc/passwd 644; then finish PASS; else finish FAIL; fi
