#!/bin/sh
# id: U-51
# id2026: U-09
# severity: Low
# cis:
# title-ko: 계정이 존재하지 않는 GID 금지
# title-en: No group without accounts
# remedy-ko: 구성원도, 기본 그룹으로 쓰는 계정도 없는 불필요한 그룹을 groupdel 로 지운다.
# remedy-en: Remove (groupdel) unneeded groups that have no members and are no account's primary group.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

exists /etc/group || { evidence file=/etc/group note="file not found"; finish FAIL; }
# System groups (GID below GID_MIN: tty, disk, …) exist without members by design; the groups
# administrators made are listed when no account belongs to them.
min=$(gid_min)
empty=$( { passwd_entries | sed 's/^/P:/'; group_entries | sed 's/^/G:/'; } | awk -F: -v min="$min" '
    $1 == "P" { primary[$5] = 1; next }
    $1 == "G" && $4 + 0 >= min && $4 != "65534" && $5 == "" && !($4 in primary) { print $2 " (GID " $4 ")" }')
evidence file=/etc/group value="groups with GID >= $min checked" expected="every such group has a member or is an account's primary group"
if [ -z "$empty" ]; then finish PASS; fi
review_lines 500 <<LIST
$empty
LIST
finish MANUAL
