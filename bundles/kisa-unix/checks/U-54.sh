#!/bin/sh
# id: U-54
# id2026: U-12
# severity: Low
# cis: 5.4.5
# title-ko: Session Timeout 설정
# title-en: Idle sessions time out after at most 600 seconds
# remedy-ko: /etc/profile(또는 /etc/profile.d/*.sh)에 TMOUT=600 과 export TMOUT 을, csh 를 쓰면 /etc/csh.login 에 set autologout=10 을 둔다.
# remedy-en: Set TMOUT=600 and export TMOUT in /etc/profile (or /etc/profile.d/*.sh); for csh, set autologout=10 in /etc/csh.login.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# Every TMOUT assignment in the system-wide sh start-up files must be 1..600 (the order in which
# they run depends on the files' own logic, so none may be weaker); at least one is required.
verdict=PASS
count=0
for f in $(profile_files); do
    found=$(numbered_active "$f" | awk '{
            text = $0; sub(/^[0-9]+:/, "", text)
            if (match(text, /(^|[ \t;])(export[ \t]+|readonly[ \t]+|declare[ \t]+-[a-z]+[ \t]+|typeset[ \t]+-[a-z]+[ \t]+)?TMOUT=/)) {
                v = substr(text, RSTART + RLENGTH); gsub(/["\047]/, "", v); sub(/[ \t;].*/, "", v)
                lineno = $0; sub(/:.*/, "", lineno)
                print lineno ":" v
            }
        }')
    [ -n "$found" ] || continue
    while IFS=: read -r line value; do
        count=$((count + 1))
        evidence file="$f" line="$line" value="TMOUT=$value" expected="1 <= TMOUT <= 600"
        if ! is_int "$value" || [ "$value" -lt 1 ] || [ "$value" -gt 600 ]; then verdict=FAIL; fi
    done <<FOUND
$found
FOUND
done
if [ "$count" -eq 0 ]; then
    evidence file=/etc/profile value="TMOUT not set" expected="TMOUT=600 (or less) in /etc/profile or /etc/profile.d/*.sh"
    verdict=FAIL
fi

# csh and tcsh read autologout (minutes) from /etc/csh.login or /etc/csh.cshrc.
if installed /bin/csh /usr/bin/csh /bin/tcsh /usr/bin/tcsh; then
    hit=""
    for f in /etc/csh.login /etc/csh.cshrc; do
        h=$(numbered_active "$f" | awk '{ text = $0; sub(/^[0-9]+:/, "", text) }
            match(text, /^set[ \t]+autologout[ \t]*=[ \t]*/) { v = substr(text, RSTART + RLENGTH); gsub(/["\047]/, "", v); sub(/[ \t;].*/, "", v)
                lineno = $0; sub(/:.*/, "", lineno); print lineno ":" v }' | tail -n 1)
        if [ -n "$h" ]; then hit="$f:$h"; fi
    done
    if [ -z "$hit" ]; then
        evidence file=/etc/csh.login value="csh is installed; autologout not set" expected="set autologout=10 (minutes) or less"
        verdict=FAIL
    else
        split_setting "$hit"
        evidence file="$S_FILE" line="$S_LINE" value="autologout=$S_VALUE" expected="1 <= autologout <= 10 (minutes)"
        if ! is_int "$S_VALUE" || [ "$S_VALUE" -lt 1 ] || [ "$S_VALUE" -gt 10 ]; then verdict=FAIL; fi
    fi
fi

finish "$verdict"
