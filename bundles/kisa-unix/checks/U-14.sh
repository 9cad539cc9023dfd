#!/bin/sh
# id: U-14
# id2026: U-24
# severity: High
# cis: 6.2.10
# title-ko: 사용자, 시스템 시작파일 및 환경파일 소유자 및 권한 설정
# title-en: Users' start-up and environment files are owned by root or the user and writable only by the owner
# remedy-ko: 홈 디렉터리의 환경파일(.profile, .bashrc, .cshrc 등)을 root 또는 해당 계정 소유로 바꾸고 chmod go-w 로 그룹·다른 사용자의 쓰기 권한을 지운다.
# remedy-en: Make each home start-up file (.profile, .bashrc, .cshrc, ...) owned by root or its user and remove group and other write (chmod go-w).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

STARTUP=".profile .kshrc .cshrc .tcshrc .login .logout .bashrc .bash_profile .bash_login .bash_logout
.zshrc .zprofile .zshenv .zlogin .zlogout .exrc .netrc"

verdict=PASS
checked=0
entries=$(passwd_entries)
while IFS=: read -r name _pw _uid _gid _gecos home _shell; do
    if [ -z "$home" ] || [ ! -d "$ROOT$home" ]; then continue; fi
    [ "$home" = / ] && home=""
    for dot in $STARTUP; do
        f=$home/$dot
        [ -e "$ROOT$f" ] || [ -L "$ROOT$f" ] || continue
        if [ -L "$ROOT$f" ]; then f=$(tree_resolve "$f"); fi
        [ -f "$ROOT$f" ] || continue
        checked=$((checked + 1))
        owner=$(file_owner "$f")
        mode=$(file_mode "$f")
        if { [ "$owner" != root ] && [ "$owner" != "$name" ]; } || [ $(( 0$mode & 022 )) -ne 0 ]; then
            file_evidence "$f" "owner root or $name, no group/other write"
            verdict=FAIL
        fi
    done
done <<ENTRIES
$entries
ENTRIES

if [ "$verdict" = PASS ]; then
    evidence note="$checked start-up files in home directories checked: owned by root or their user, writable only by the owner"
fi
finish "$verdict"
