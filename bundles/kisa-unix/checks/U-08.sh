#!/bin/sh
# id: U-08
# id2026: U-18
# severity: High
# cis: 6.1.3
# title-ko: /etc/shadow 파일 소유자 및 권한 설정
# title-en: /etc/shadow is owned by root with mode 400 or stricter
# remedy-ko: chown root /etc/shadow; chmod 400 /etc/shadow
# remedy-en: chown root /etc/shadow; chmod 400 /etc/shadow
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

exists /etc/shadow || { evidence file=/etc/shadow note="file not found"; finish FAIL; }
if owned_with_mode /etc/shadow 400; then finish PASS; else finish FAIL; fi
