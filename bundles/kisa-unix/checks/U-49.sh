#!/bin/sh
# id: U-49
# id2026: U-07
# severity: Low
# cis:
# title-ko: 불필요한 계정 제거
# title-en: No unneeded accounts
# remedy-ko: 사용하지 않는 계정과 기본 계정(lp, uucp, nuucp 등)을 userdel 로 지우거나 잠근다.
# remedy-en: Remove (userdel) or lock unused accounts and default accounts such as lp, uucp and nuucp.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# Default accounts the guide names as unneeded: with a login shell they are FAIL; without one
# they are listed for review. Every other account that can log in (root aside) is listed with
# its last password change, so a person can tell which are unneeded or dormant.
DEFAULTS=" lp uucp nuucp "
verdict=PASS
entries=$(passwd_entries)
shadow=$(path /etc/shadow)
while IFS=: read -r name _pw uid _gid _gecos _home shell; do
    [ -n "$name" ] || continue
    lastchg=""
    if [ -r "$shadow" ]; then
        lastchg=$(awk -F: -v n="$name" '$1 == n { print $3; exit }' "$shadow")
    fi
    case $DEFAULTS in
        *" $name "*)
            if login_shell "$shell"; then
                evidence file=/etc/passwd value="default account $name has login shell $shell" expected="no lp, uucp or nuucp account that can log in"
                verdict=FAIL
            else
                review "default account $name (uid $uid, shell $shell): remove it if unused"
                [ "$verdict" = PASS ] && verdict=MANUAL
            fi
            continue ;;
    esac
    [ "$name" = root ] && continue
    if login_shell "$shell"; then
        review "$name (uid $uid, shell $shell, password last changed ${lastchg:-unknown} days after 1970-01-01)"
        [ "$verdict" = PASS ] && verdict=MANUAL
    fi
done <<ENTRIES
$entries
ENTRIES

if [ "$verdict" = PASS ]; then
    evidence file=/etc/passwd value="no account but root can log in and no default account lp, uucp or nuucp"
elif [ "$verdict" = MANUAL ]; then
    evidence file=/etc/passwd note="accounts that can log in (root aside) and default accounts are listed: remove or lock those not needed" expected="only needed accounts"
fi
finish "$verdict"
