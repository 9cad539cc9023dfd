#!/bin/sh
# id: U-02
# id2026: U-02
# severity: High
# cis: 5.3.1
# title-ko: 패스워드 복잡성 설정
# title-en: Password complexity is enforced
# remedy-ko: pam_pwquality(또는 pam_cracklib)를 password 스택에 두고 minlen=8 이상, lcredit/ucredit/dcredit/ocredit=-1(또는 minclass=3 이상)을 설정한다.
# remedy-en: Load pam_pwquality (or pam_cracklib) in the password stack with minlen=8 or more and lcredit/ucredit/dcredit/ocredit=-1 (or minclass=3 or more).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

# setting LINE MODULE KEY — sets S_FILE/S_LINE/S_VALUE for KEY on the PAM LINE of $file.
setting() {
    if [ "$2" = pam_pwquality.so ]; then conf=pwquality; else conf=""; fi
    split_setting "$(pam_setting "$file" "$1" "$2" "$3" "$conf")"
}

# credit_required KEY — true when KEY (a credit) is set negative, recording what was read.
credit_required() {
    setting "$hit" "$module" "$1"
    if [ -n "$S_VALUE" ]; then
        evidence file="$S_FILE" line="$S_LINE" value="$1=$S_VALUE" expected="$1=-1"
    fi
    is_int "$S_VALUE" && [ "$S_VALUE" -lt 0 ]
}

files=$(pam_stack_files password)
if [ -z "$files" ]; then
    evidence file=/etc/pam.d note="no common-password, system-auth or password-auth PAM file" expected="pam_pwquality.so in the password stack"
    finish FAIL
fi

verdict=PASS
for file in $files; do
    module=""
    for candidate in pam_pwquality.so pam_cracklib.so; do
        hit=$(pam_module_lines "$file" password "$candidate" | head -n 1)
        if [ -n "$hit" ]; then module=$candidate; break; fi
    done
    if [ -z "$module" ]; then
        evidence file="$file" value="neither pam_pwquality.so nor pam_cracklib.so in the password stack" expected="password requisite pam_pwquality.so"
        verdict=FAIL
        continue
    fi
    evidence file="$file" line="${hit%%:*}" value="${hit#*:}"

    if [ "$module" = pam_pwquality.so ]; then
        setting "$hit" "$module" enforcing
        if [ "$S_VALUE" = 0 ]; then
            evidence file="$S_FILE" line="$S_LINE" value="enforcing=0 (only warns)" expected="enforcing=1"
            verdict=FAIL
        fi
    fi

    setting "$hit" "$module" minlen
    if [ -z "$S_VALUE" ]; then
        evidence file="$file" value="minlen not set" expected="minlen >= 8"
        verdict=FAIL
    else
        evidence file="$S_FILE" line="$S_LINE" value="minlen=$S_VALUE" expected="minlen >= 8"
        if ! is_int "$S_VALUE" || [ "$S_VALUE" -lt 8 ]; then verdict=FAIL; fi
    fi

    # Letters, digits and symbols required: negative credits, or at least three classes.
    by_credit=yes
    credit_required lcredit || credit_required ucredit || by_credit=no
    credit_required dcredit || by_credit=no
    credit_required ocredit || by_credit=no
    if [ "$by_credit" = no ]; then
        setting "$hit" "$module" minclass
        if is_int "$S_VALUE" && [ "$S_VALUE" -ge 3 ]; then
            evidence file="$S_FILE" line="$S_LINE" value="minclass=$S_VALUE" expected="minclass >= 3"
            # Positive credits (pam_cracklib's default is 1) let a shorter password reach minlen.
            for key in lcredit ucredit dcredit ocredit; do
                setting "$hit" "$module" "$key"
                value=$S_VALUE
                if [ -z "$value" ] && [ "$module" = pam_cracklib.so ]; then value=1; fi
                if is_int "$value" && [ "$value" -gt 0 ]; then
                    evidence file="${S_FILE:-$file}" value="$key=$value (a positive credit shortens the required length)" expected="$key <= 0"
                    verdict=FAIL
                fi
            done
        else
            evidence file="${S_FILE:-$file}" value="letters, digits and symbols not all required (credits not -1, minclass ${S_VALUE:-unset})" expected="lcredit or ucredit, dcredit, ocredit = -1, or minclass >= 3"
            verdict=FAIL
        fi
    fi
done

finish "$verdict"
