#!/bin/sh
# id: U-46
# id2026: U-02
# severity: Medium
# cis: 5.3.1
# title-ko: 패스워드 최소 길이 설정
# title-en: Passwords are at least 8 characters long
# remedy-ko: pam_pwquality(pwquality.conf) 또는 pam_cracklib 의 minlen 을 8 이상으로, /etc/login.defs 의 PASS_MIN_LEN 을 8 이상으로 설정한다.
# remedy-en: Set minlen to 8 or more for pam_pwquality (pwquality.conf) or pam_cracklib, and PASS_MIN_LEN 8 or more in /etc/login.defs.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# What passwd enforces is the PAM password stack's minlen (pam_pwquality, pam_cracklib or
# pam_unix); PASS_MIN_LEN in login.defs is what the guide reads, so it may not be set lower.
verdict=PASS
files=$(pam_stack_files password)
if [ -z "$files" ]; then
    evidence file=/etc/pam.d note="no common-password, system-auth or password-auth PAM file" expected="minlen >= 8 in the password stack"
    verdict=FAIL
fi
for file in $files; do
    found=""
    for module in pam_pwquality.so pam_cracklib.so pam_unix.so; do
        hit=$(pam_module_lines "$file" password "$module" | head -n 1)
        [ -n "$hit" ] || continue
        if [ "$module" = pam_pwquality.so ]; then conf=pwquality; else conf=""; fi
        split_setting "$(pam_setting "$file" "$hit" "$module" minlen "$conf")"
        if [ -n "$S_VALUE" ]; then
            found=yes
            evidence file="$S_FILE" line="$S_LINE" value="$module minlen=$S_VALUE (password stack $file)" expected="minlen >= 8"
            if ! is_int "$S_VALUE" || [ "$S_VALUE" -lt 8 ]; then verdict=FAIL; fi
            break
        fi
    done
    if [ -z "$found" ]; then
        evidence file="$file" value="no minlen in the password stack (pam_unix's default is 6)" expected="minlen >= 8"
        verdict=FAIL
    fi
done

hit=$(keyword_line /etc/login.defs PASS_MIN_LEN last)
if [ -n "$hit" ]; then
    evidence file=/etc/login.defs line="${hit%%:*}" value="PASS_MIN_LEN ${hit#*:}" expected="PASS_MIN_LEN >= 8"
    if ! is_int "${hit#*:}" || [ "${hit#*:}" -lt 8 ]; then verdict=FAIL; fi
fi

finish "$verdict"
