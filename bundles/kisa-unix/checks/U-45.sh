#!/bin/sh
# id: U-45
# id2026: U-06
# severity: Low
# cis: 5.6
# title-ko: root 계정 su 제한
# title-en: su is limited to the wheel group
# remedy-ko: /etc/pam.d/su 에 auth required pam_wheel.so use_uid 를 두고 wheel 그룹에 관리자만 넣거나, su 를 wheel 그룹 소유 4750 으로 바꾼다.
# remedy-en: Add "auth required pam_wheel.so use_uid" to /etc/pam.d/su and keep only administrators in wheel, or make su group wheel with mode 4750.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

su_bin=""
for b in /usr/bin/su /bin/su; do
    if [ -f "$(path "$(tree_resolve "$b")")" ]; then su_bin=$(tree_resolve "$b"); break; fi
done
if [ -z "$su_bin" ] && ! exists /etc/pam.d/su; then
    evidence note="no su command and no /etc/pam.d/su"
    finish NA
fi

if exists /etc/pam.d/su; then
    lines=$(pam_module_lines /etc/pam.d/su auth pam_wheel.so)
    if [ -n "$lines" ]; then
        while IFS= read -r hit; do
            text=${hit#*:}
            control=$(pam_line_control "$text")
            case $control in
                required|requisite) ;;
                *) evidence file=/etc/pam.d/su line="${hit%%:*}" value="$text" expected="auth required pam_wheel.so"; continue ;;
            esac
            if pam_has_flag "$text" deny || pam_has_flag "$text" trust; then
                evidence file=/etc/pam.d/su line="${hit%%:*}" value="$text" expected="auth required pam_wheel.so (without deny or trust)"
                continue
            fi
            evidence file=/etc/pam.d/su line="${hit%%:*}" value="$text" expected="auth required pam_wheel.so"
            group=$(pam_arg "$text" group)
            group=${group:-wheel}
            members=$(group_entries | awk -F: -v g="$group" '$1 == g { print $4; exit }')
            if [ -n "$members" ]; then
                evidence file=/etc/group value="$group: $members"
            fi
            finish PASS
        done <<LINES
$lines
LINES
    else
        evidence file=/etc/pam.d/su value="pam_wheel.so not required" expected="auth required pam_wheel.so use_uid"
    fi
fi

# The other way: su itself executable only by its group (4750 with a group such as wheel).
if [ -n "$su_bin" ]; then
    mode=$(file_mode "$su_bin")
    group=$(file_group "$su_bin")
    file_evidence "$su_bin" "mode 4750 with an administrators' group (not root)"
    if [ $(( 0$mode & 07 )) -eq 0 ] && [ "$group" != root ] && [ "$group" != 0 ]; then
        finish PASS
    fi
fi
finish FAIL
