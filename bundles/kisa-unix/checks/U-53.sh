#!/bin/sh
# id: U-53
# id2026: U-11
# severity: Low
# cis: 5.4.2
# title-ko: 사용자 shell 점검
# title-en: Accounts that need no login have /bin/false or nologin as shell
# remedy-ko: 로그인이 필요 없는 계정(daemon, bin, sys, adm, nobody 등)의 셸을 usermod -s /sbin/nologin 으로 바꾼다.
# remedy-en: Set the shell of accounts that need no login (daemon, bin, sys, adm, nobody, ...) to /sbin/nologin (usermod -s).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# The accounts the guide names must not have a login shell (FAIL); other system accounts
# (UID below UID_MIN, root aside) with a login shell are listed for review.
NAMED=" daemon bin sys adm listen nobody nobody4 noaccess diag operator games gopher lp uucp nuucp news mail "
min=$(uid_min)
verdict=PASS
entries=$(passwd_entries)
while IFS=: read -r name _pw uid _gid _gecos _home shell; do
    [ -n "$name" ] || continue
    login_shell "$shell" || continue
    [ "$name" = root ] && continue
    case $NAMED in
        *" $name "*)
            evidence file=/etc/passwd value="$name:$shell" expected="/bin/false or nologin"
            verdict=FAIL
            continue ;;
    esac
    case $uid in ''|*[!0-9]*) continue ;; esac
    if [ "$uid" -lt "$min" ]; then
        review "system account $name (uid $uid) has login shell $shell"
        [ "$verdict" = PASS ] && verdict=MANUAL
    fi
done <<ENTRIES
$entries
ENTRIES

if [ "$verdict" = MANUAL ]; then
    evidence file=/etc/passwd note="system accounts with a login shell are listed: give nologin to those that need no login" expected="/bin/false or nologin for accounts that need no login"
fi
if [ "$verdict" = PASS ]; then
    evidence file=/etc/passwd value="no system account has a login shell" expected="/bin/false or nologin for accounts that need no login"
fi
finish "$verdict"
