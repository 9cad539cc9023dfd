#!/bin/sh
# id: U-03
# id2026: U-03
# severity: High
# cis: 5.3.2
# title-ko: 계정 잠금 임계값 설정
# title-en: Accounts lock after 10 or fewer failed logins
# remedy-ko: auth 스택에 pam_faillock.so(preauth/authfail) 를 두고 /etc/security/faillock.conf 에 deny=10 이하를 설정한다(구형은 pam_tally2.so deny=10 이하).
# remedy-en: Load pam_faillock.so (preauth and authfail) in the auth stack with deny=10 or less in /etc/security/faillock.conf (older systems: pam_tally2.so deny=10 or less).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# judge_deny FILE LINENO VALUE — records the deny value read and is true when 1 <= VALUE <= 10.
judge_deny() {
    evidence file="$1" line="$2" value="deny=$3" expected="1 <= deny <= 10"
    is_int "$3" && [ "$3" -ge 1 ] && [ "$3" -le 10 ]
}

files=$(pam_stack_files auth)
if [ -z "$files" ]; then
    evidence file=/etc/pam.d note="no common-auth, system-auth or password-auth PAM file" expected="pam_faillock.so or pam_tally2.so with deny <= 10"
    finish FAIL
fi

verdict=PASS
for file in $files; do
    # pam_faillock: the authfail call counts failures and locks; deny from its line, faillock.conf, or 3.
    authfail=$(pam_module_lines "$file" auth pam_faillock.so | while IFS= read -r l; do
        if pam_has_flag "${l#*:}" authfail; then printf '%s\n' "$l"; fi
    done | head -n 1)
    tally=$(pam_module_lines "$file" auth pam_tally2.so | head -n 1)
    [ -n "$tally" ] || tally=$(pam_module_lines "$file" auth pam_tally.so | head -n 1)
    if [ -n "$authfail" ]; then
        evidence file="$file" line="${authfail%%:*}" value="${authfail#*:}"
        split_setting "$(pam_setting "$file" "$authfail" pam_faillock.so deny faillock)"
        if [ -z "$S_VALUE" ]; then
            evidence file=/etc/security/faillock.conf value="deny not set (pam_faillock default 3)" expected="1 <= deny <= 10"
        elif ! judge_deny "$S_FILE" "$S_LINE" "$S_VALUE"; then
            verdict=FAIL
        fi
    elif [ -n "$tally" ]; then
        evidence file="$file" line="${tally%%:*}" value="${tally#*:}"
        deny=$(pam_arg "${tally#*:}" deny)
        if [ -z "$deny" ]; then
            evidence file="$file" line="${tally%%:*}" value="deny not set (no lockout)" expected="1 <= deny <= 10"
            verdict=FAIL
        elif ! judge_deny "$file" "${tally%%:*}" "$deny"; then
            verdict=FAIL
        fi
    else
        preauth=$(pam_module_lines "$file" auth pam_faillock.so | head -n 1)
        if [ -n "$preauth" ]; then
            evidence file="$file" line="${preauth%%:*}" value="${preauth#*:}" expected="an auth pam_faillock.so authfail line (failures are not counted without it)"
        else
            evidence file="$file" value="neither pam_faillock.so nor pam_tally2.so in the auth stack" expected="auth pam_faillock.so authfail with deny <= 10"
        fi
        verdict=FAIL
    fi
done

finish "$verdict"
