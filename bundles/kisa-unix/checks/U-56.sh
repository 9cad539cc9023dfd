#!/bin/sh
# id: U-56
# id2026: U-30
# severity: Medium
# cis: 5.4.4
# title-ko: UMASK 설정 관리
# title-en: The default umask is 022 or stricter
# remedy-ko: /etc/profile(및 /etc/bashrc, /etc/profile.d/*.sh)의 umask 와 /etc/login.defs 의 UMASK 를 022 이상(예: 022, 027)으로 설정한다.
# remedy-en: Set umask 022 or stricter (e.g. 022, 027) in /etc/profile (and /etc/bashrc, /etc/profile.d/*.sh) and UMASK in /etc/login.defs.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# judge FILE LINE VALUE — records a umask setting; FAIL unless it masks group and other write.
judge() {
    count=$((count + 1))
    evidence file="$1" line="$2" value="umask $3" expected="umask 022 or stricter (group and other write masked)"
    case $3 in
        ''|*[!0-7]*) verdict=FAIL ;;  # symbolic or unreadable
        *) [ $(( 0$3 & 022 )) -eq 18 ] || verdict=FAIL ;;
    esac
}

verdict=PASS
count=0
for f in $(profile_files) /etc/csh.cshrc /etc/csh.login; do
    found=$(numbered_active "$f" | awk '{ text = $0; sub(/^[0-9]+:/, "", text) }
        match(text, /(^|[ \t;])umask[ \t]+/) { v = substr(text, RSTART + RLENGTH); gsub(/["\047]/, "", v); sub(/[ \t;].*/, "", v)
            lineno = $0; sub(/:.*/, "", lineno); print lineno ":" v }')
    [ -n "$found" ] || continue
    while IFS=: read -r line value; do
        judge "$f" "$line" "$value"
    done <<FOUND
$found
FOUND
done
hit=$(keyword_line /etc/login.defs UMASK last)
if [ -n "$hit" ]; then
    judge /etc/login.defs "${hit%%:*}" "${hit#*:}"
fi
if [ "$count" -eq 0 ]; then
    evidence file=/etc/profile value="no umask setting" expected="umask 022 in /etc/profile or UMASK 022 in /etc/login.defs"
    verdict=FAIL
fi
finish "$verdict"
