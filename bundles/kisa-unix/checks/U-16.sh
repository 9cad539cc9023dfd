#!/bin/sh
# id: U-16
# id2026: U-26
# severity: High
# cis:
# title-ko: /dev에 존재하지 않는 device 파일 점검
# title-en: No regular files under /dev
# remedy-ko: /dev 아래의 일반 파일(major/minor 번호가 없는 파일)을 확인하여 지운다.
# remedy-en: Check and remove regular files (without major/minor numbers) under /dev.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# /dev is a devtmpfs of its own on a running system, so fs_index (one filesystem) does not list it;
# it is small, so it is walked here. /dev/shm and /dev/mqueue hold ordinary files by design.
dev=$(path /dev)
if [ ! -d "$dev" ]; then
    evidence file=/dev note="no /dev directory"
    finish PASS
fi
found=$(find "$dev" \( -path "$dev/shm" -o -path "$dev/mqueue" \) -prune -o -type f -print 2>/dev/null |
    awk -v root="$ROOT" '{ p = $0; if (root != "" && index(p, root) == 1) p = substr(p, length(root) + 1); print p "\tregular file" }')
if [ -z "$found" ]; then
    evidence file=/dev note="no regular file under /dev (outside /dev/shm and /dev/mqueue)"
    finish PASS
fi
evidence_list 200 value "no regular file under /dev" <<FOUND
$found
FOUND
finish FAIL
