#!/bin/sh
# id: U-17
# id2026: U-27
# severity: High
# cis: 6.2.14
# title-ko: $HOME/.rhosts, hosts.equiv 사용 금지
# title-en: No usable $HOME/.rhosts or /etc/hosts.equiv
# remedy-ko: /etc/hosts.equiv 와 $HOME/.rhosts 를 지우거나, 소유자를 root(또는 해당 계정)로, 권한을 600 이하로 하고 "+" 항목을 지운다.
# remedy-en: Remove /etc/hosts.equiv and $HOME/.rhosts, or make them owned by root (or the user) with mode 600 or stricter and no "+" entry.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

verdict=PASS
present=0

# judge FILE OWNERS — owner among OWNERS, mode <= 600, and no "+" entry.
judge() {
    present=$((present + 1))
    owned_with_mode "$1" 600 "$2" || verdict=FAIL
    plus=$(numbered_active "$1" | grep -E '^[0-9]+:(\+|[^[:space:]]+[[:space:]]+\+)([[:space:]]|$)' | head -n 1)
    if [ -n "$plus" ]; then
        evidence file="$1" line="${plus%%:*}" value="${plus#*:}" expected="no \"+\" entry"
        verdict=FAIL
    fi
}

f=$(tree_resolve /etc/hosts.equiv)
[ -f "$ROOT$f" ] && judge "$f" root
entries=$(passwd_entries)
seen=" "
while IFS=: read -r name _pw _uid _gid _gecos home _shell; do
    [ -n "$home" ] || continue
    [ "$home" = / ] && home=""
    f=$(tree_resolve "$home/.rhosts")
    case $seen in *" $f "*) continue ;; esac
    seen="$seen$f "
    [ -f "$ROOT$f" ] && judge "$f" "root $name"
done <<ENTRIES
$entries
ENTRIES

if [ "$present" -eq 0 ]; then
    evidence note="no /etc/hosts.equiv and no .rhosts in any home directory"
fi
finish "$verdict"
