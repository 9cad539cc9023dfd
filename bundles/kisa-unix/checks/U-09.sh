#!/bin/sh
# id: U-09
# id2026: U-19
# severity: High
# cis:
# title-ko: /etc/hosts 파일 소유자 및 권한 설정
# title-en: /etc/hosts is owned by root with mode 600 or stricter
# remedy-ko: chown root /etc/hosts; chmod 600 /etc/hosts (2026 판은 644 이하를 허용)
# remedy-en: chown root /etc/hosts; chmod 600 /etc/hosts (the 2026 edition allows 644 or stricter)
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

exists /etc/hosts || { evidence file=/etc/hosts note="file not found"; finish NA; }
if owned_with_mode /etc/hosts 600; then finish PASS; else finish FAIL; fi
