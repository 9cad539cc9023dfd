#!/bin/sh
# id: U-13
# id2026: U-23
# severity: High
# cis: 6.1.13
# title-ko: SUID, SGID, 설정 파일점검
# title-en: SUID and SGID files are known and needed
# remedy-ko: 불필요한 SUID/SGID 비트를 chmod -s 로 지우고, 꼭 필요한 파일은 특정 그룹만 실행하도록 chgrp 후 chmod 4750 으로 제한한다.
# remedy-en: Remove unneeded SUID/SGID bits with chmod -s; restrict needed ones to a group (chgrp, chmod 4750).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# The guide's list of set-id binaries that are seldom needed; marked in the review list.
RISKY="/sbin/dump /sbin/restore /sbin/unix_chkpwd /usr/bin/at /usr/bin/lpq /usr/bin/lpq-lpd /usr/bin/lpr
/usr/bin/lpr-lpd /usr/bin/lprm /usr/bin/lprm-lpd /usr/bin/newgrp /usr/sbin/lpc /usr/sbin/lpc-lpd /usr/sbin/traceroute"

scan_index
found=$(awk -v risky="$RISKY" -v pw="$ROOT/etc/passwd" -v gr="$ROOT/etc/group" '
    BEGIN {
        n = split(risky, r, /[ \n]+/); for (i = 1; i <= n; i++) guide[r[i]] = 1
        while ((getline l < pw) > 0) { split(l, a, ":"); if (!(a[3] in user)) user[a[3]] = a[1] }
        while ((getline l < gr) > 0) { split(l, a, ":"); if (!(a[3] in group)) group[a[3]] = a[1] }
    }
    $4 == "f" {
        m = $1; sub(/^0+/, "", m)
        # special bits: the digit before the last three
        s = (length(m) > 3) ? substr(m, length(m) - 3, 1) + 0 : 0
        if (s != 2 && s != 3 && s != 4 && s != 5 && s != 6 && s != 7) next
        head = $1 " " $2 " " $3 " " $4 " "; p = substr($0, length(head) + 1)
        what = (s >= 4 ? "SUID" : "") (s == 2 || s == 3 || s >= 6 ? (s >= 4 ? "+SGID" : "SGID") : "")
        alt = p; sub(/^\/usr/, "", alt)
        mark = (p in guide || alt in guide || ("/usr" p) in guide) ? " [on the guide list]" : ""
        print p " " what " mode " m " owner " ($2 in user ? user[$2] : $2) " group " ($3 in group ? group[$3] : $3) mark
    }' <<INDEX
$(LC_ALL=C grep -E '^0*[2-7][0-7]{3} [0-9]+ [0-9]+ f ' "$FS_INDEX")
INDEX
)

if [ -z "$found" ]; then
    evidence note="no SUID or SGID file" value="$(wc -l < "$FS_INDEX") entries checked"
    finish PASS
fi
review_lines 500 <<FOUND
$found
FOUND
evidence note="$REVIEW_COUNT SUID/SGID files; each needs a reason, those on the guide list especially" expected="only needed SUID/SGID files"
finish MANUAL
