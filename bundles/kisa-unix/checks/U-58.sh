#!/bin/sh
# id: U-58
# id2026: U-32
# severity: Medium
# cis: 6.2.7
# title-ko: 홈디렉토리로 지정한 디렉토리의 존재 관리
# title-en: Every account that can log in has an existing home directory
# remedy-ko: 홈 디렉터리가 없는 계정은 지우거나, 홈 디렉터리를 만들어 소유자를 맞추고 /etc/passwd 에 지정한다. root 가 아닌 계정의 홈이 / 이면 바꾼다.
# remedy-en: Remove accounts without a home directory, or create it, chown it to the account and set it in /etc/passwd; give non-root accounts a home other than /.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# System accounts with nologin/false are skipped: they never get a session in a home directory.
verdict=PASS
checked=0
entries=$(login_accounts)
while IFS=: read -r name _pw _uid _gid _gecos home _shell; do
    [ -n "$name" ] || continue
    checked=$((checked + 1))
    if [ -z "$home" ]; then
        evidence file=/etc/passwd value="$name has no home directory set" expected="an existing home directory"
        verdict=FAIL
    elif [ "$home" = / ] && [ "$name" != root ]; then
        evidence file=/etc/passwd value="$name has / as home directory" expected="a home directory of its own"
        verdict=FAIL
    elif [ ! -d "$(path "$(tree_resolve "$home")")" ]; then
        evidence file="$home" value="$name's home directory does not exist" expected="an existing home directory"
        verdict=FAIL
    fi
done <<ENTRIES
$entries
ENTRIES
if [ "$verdict" = PASS ]; then
    evidence note="$checked accounts that can log in have an existing home directory"
fi
finish "$verdict"
