#!/bin/sh
# id: U-69
# id2026: U-40
# severity: Medium
# cis: 
# title-ko: NFS 설정파일 접근권한
# title-en: /etc/exports is owned by root with mode 644 or stricter
# remedy-ko: chown root /etc/exports; chmod 644 /etc/exports
# remedy-en: chown root /etc/exports; chmod 644 /etc/exports
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

if ! exists /etc/exports; then
    evidence file=/etc/exports note="file not found (NFS server not configured)"
    finish NA
fi
if perm_ok /etc/exports 644 root; then finish PASS; fi
finish FAIL
