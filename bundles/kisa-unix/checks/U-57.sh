#!/bin/sh
# id: U-57
# id2026: U-31
# severity: Medium
# cis: 6.2.8
# title-ko: 홈디렉토리 소유자 및 권한 설정
# title-en: Home directories are owned by their account and not writable by others
# remedy-ko: 각 계정의 홈 디렉터리 소유자를 해당 계정으로 바꾸고(chown) chmod o-w 로 다른 사용자의 쓰기 권한을 지운다.
# remedy-en: chown each home directory to its account and remove other write (chmod o-w).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# Accounts that can log in; a missing home directory is U-58's finding.
verdict=PASS
checked=0
entries=$(login_accounts)
while IFS=: read -r name _pw _uid _gid _gecos home _shell; do
    if [ -z "$name" ] || [ -z "$home" ]; then continue; fi
    dir=$(tree_resolve "$home")
    [ -d "$ROOT$dir" ] || continue
    checked=$((checked + 1))
    owner=$(file_owner "$dir")
    mode=$(file_mode "$dir")
    if [ "$owner" != "$name" ] || [ $(( 0$mode & 02 )) -ne 0 ]; then
        file_evidence "$dir" "owner $name, not writable by others"
        verdict=FAIL
    fi
done <<ENTRIES
$entries
ENTRIES
if [ "$verdict" = PASS ]; then
    evidence note="$checked home directories of accounts that can log in checked: owned by the account, not writable by others"
fi
finish "$verdict"
