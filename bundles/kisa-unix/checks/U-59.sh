#!/bin/sh
# id: U-59
# id2026: U-33
# severity: Low
# cis:
# title-ko: 숨겨진 파일 및 디렉토리 검색 및 제거
# title-en: Hidden files and directories are known
# remedy-ko: 목록의 숨겨진 파일과 디렉터리 중 불필요하거나 의심스러운 것을 확인하여 지운다.
# remedy-en: Review the hidden files and directories listed and remove those that are unneeded or suspicious.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# Where hidden entries hide: directly in users' home directories (shell start-up files aside,
# U-14 checks those) and anywhere under the shared temporary directories. Regular files in /dev
# are U-16's finding.
KNOWN=".profile .bashrc .bash_profile .bash_login .bash_logout .cshrc .tcshrc .login .logout .kshrc
.zshrc .zprofile .zshenv .zlogin .zlogout"
homes=$(login_accounts | awk -F: '$6 != "" && $6 != "/" { print $6 }' | sort -u | tr '\n' ' ')

scan_index
found=$(awk -v homes="$homes /root" -v known="$KNOWN" '
    BEGIN {
        n = split(homes, h, / +/); for (i = 1; i <= n; i++) if (h[i] != "") home[h[i]] = 1
        n = split(known, k, /[ \n]+/); for (i = 1; i <= n; i++) skip[k[i]] = 1
        split("/tmp/.X11-unix /tmp/.ICE-unix /tmp/.font-unix /tmp/.XIM-unix /tmp/.Test-unix", s, " ")
        for (i in s) std[s[i]] = 1
    }
    {
        head = $1 " " $2 " " $3 " " $4 " "; p = substr($0, length(head) + 1)
        base = p; sub(/.*\//, "", base)
        if (substr(base, 1, 1) != "." || base == "." || base == "..") next
        dir = substr(p, 1, length(p) - length(base) - 1)
        if (dir in home || dir ~ /^\/home\/[^\/]+$/) {
            if (base in skip) next
        } else if (!(p ~ /^\/(tmp|var\/tmp|dev\/shm)\// && !(p in std))) next
        kind = ($4 == "d") ? "directory" : ($4 == "f") ? "file" : ($4 == "l") ? "link" : "type " $4
        print p " (" kind ", mode " substr($1, length($1) - 3) ")"
    }' <<INDEX
$(LC_ALL=C grep -E '/\.[^/]*$' "$FS_INDEX")
INDEX
)

if [ -z "$found" ]; then
    evidence note="no hidden file or directory in home directories (shell start-up files aside) or under /tmp, /var/tmp, /dev/shm"
    finish PASS
fi
review_lines 500 <<FOUND
$found
FOUND
evidence note="$REVIEW_COUNT hidden entries to review" expected="only known hidden files"
finish MANUAL
