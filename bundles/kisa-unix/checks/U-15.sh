#!/bin/sh
# id: U-15
# id2026: U-25
# severity: High
# cis: 6.1.10
# title-ko: world writable 파일 점검
# title-en: World-writable files are known and justified
# remedy-ko: 불필요한 world writable 파일은 chmod o-w 로 쓰기 권한을 지우거나 파일을 지운다.
# remedy-en: Remove other-write from world-writable files that do not need it (chmod o-w), or remove the files.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# Regular files writable by others, and directories writable by others without the sticky bit
# (a sticky directory such as /tmp is meant to be shared).
scan_index
found=$(awk '
    ($4 == "f" || $4 == "d") {
        m = $1; o = substr(m, length(m), 1) + 0
        if (o != 2 && o != 3 && o != 6 && o != 7) next
        s = (length(m) > 3) ? substr(m, length(m) - 3, 1) + 0 : 0
        if ($4 == "d" && (s == 1 || s == 3 || s == 5 || s == 7)) next
        head = $1 " " $2 " " $3 " " $4 " "; p = substr($0, length(head) + 1)
        print p " " ($4 == "d" ? "directory (no sticky bit)" : "file") " mode " substr(m, length(m) - 3)
    }' <<INDEX
$(LC_ALL=C grep -E '^0*[0-7]*[2367] [0-9]+ [0-9]+ [fd] ' "$FS_INDEX")
INDEX
)

if [ -z "$found" ]; then
    evidence note="no world-writable file, nor world-writable directory without the sticky bit" value="$(wc -l < "$FS_INDEX") entries checked"
    finish PASS
fi
review_lines 500 <<FOUND
$found
FOUND
evidence note="$REVIEW_COUNT world-writable entries; each needs a reason" expected="only justified world-writable files"
finish MANUAL
