#!/bin/sh
# id: U-06
# id2026: U-15
# severity: High
# cis: 6.1.11
# title-ko: 파일 및 디렉터리 소유자 설정
# title-en: No file or directory without an existing owner or group
# remedy-ko: 소유자나 그룹이 없는 파일을 지우거나 chown/chgrp 로 알맞은 소유자와 그룹을 준다.
# remedy-en: Remove files that have no existing owner or group, or chown/chgrp them to the right account and group.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

scan_index
found=$( { passwd_entries | sed 's/^/P:/'; group_entries | sed 's/^/G:/'; } | awk -v index_file="$FS_INDEX" '
    BEGIN { FS = ":" }
    $1 == "P" { uid[$4] = 1; next }
    $1 == "G" { gid[$4] = 1; next }
    END {
        FS = " "
        while ((getline line < index_file) > 0) {
            split(line, f, " ")
            head = f[1] " " f[2] " " f[3] " " f[4] " "
            p = substr(line, length(head) + 1)
            why = ""
            if (!(f[2] in uid)) why = "no owner (uid " f[2] ")"
            if (!(f[3] in gid)) why = why (why == "" ? "" : ", ") "no group (gid " f[3] ")"
            if (why != "") print p "\t" why
        }
    }')

if [ -z "$found" ]; then
    evidence note="every file's owner and group exist in /etc/passwd and /etc/group" value="$(wc -l < "$FS_INDEX") entries checked"
    finish PASS
fi
evidence_list 200 value "owner in /etc/passwd and group in /etc/group" <<FOUND
$found
FOUND
finish FAIL
