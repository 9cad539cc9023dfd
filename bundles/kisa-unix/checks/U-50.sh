#!/bin/sh
# id: U-50
# id2026: U-08
# severity: Low
# cis:
# title-ko: 관리자 그룹에 최소한의 계정 포함
# title-en: The administrators' group holds only the accounts that need it
# remedy-ko: /etc/group 의 root(GID 0) 그룹에서 관리자가 아닌 계정을 지운다(gpasswd -d).
# remedy-en: Remove accounts that are not administrators from the root (GID 0) group in /etc/group (gpasswd -d).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

exists /etc/group || { evidence file=/etc/group note="file not found"; finish FAIL; }
# Members of GID 0 beyond root itself: listed in the group, or with GID 0 as primary group.
members=$(group_entries | awk -F: '$3 == "0" && $4 != "" { n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] != "root") print m[i] " (member of group " $1 " in /etc/group)" }')
primary=$(passwd_entries | awk -F: '$4 == "0" && $1 != "root" { print $1 " (primary group GID 0 in /etc/passwd)" }')
line=$(awk -F: '$3 == "0" { print NR ":" $0; exit }' "$ROOT/etc/group")
evidence file=/etc/group line="${line%%:*}" value="${line#*:}" expected="no account but root in the administrators' group"
if [ -z "$members$primary" ]; then finish PASS; fi
review_lines 500 <<LIST
$(printf '%s\n%s\n' "$members" "$primary" | sed '/^$/d')
LIST
finish MANUAL
