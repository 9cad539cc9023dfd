#!/bin/sh
# id: U-01
# id2026: U-01
# severity: High
# cis: 5.2.8
# title-ko: root 계정 원격 접속 제한
# title-en: Remote root login is blocked
# remedy-ko: /etc/ssh/sshd_config 에 PermitRootLogin no 를 설정하고, /etc/securetty 에서 pts 항목을 지우고 /etc/pam.d/login 에 pam_securetty.so 를 둔다.
# remedy-en: Set PermitRootLogin no in /etc/ssh/sshd_config; remove pts/* from /etc/securetty and require pam_securetty.so in /etc/pam.d/login.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

verdict=NA
if exists /etc/ssh/sshd_config; then
    hit=$(sshd_option PermitRootLogin)
    if [ -z "$hit" ]; then
        # OpenSSH's compiled-in default is prohibit-password: root may still log in with a key.
        evidence file=/etc/ssh/sshd_config value="PermitRootLogin not set (default prohibit-password)" expected="PermitRootLogin no"
        verdict=FAIL
    else
        file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}; value=${rest#*:}
        evidence file="$file" line="$line" value="PermitRootLogin $value" expected="PermitRootLogin no"
        case $(printf '%s' "$value" | tr '[:upper:]' '[:lower:]') in
            no) verdict=PASS ;;
            *) verdict=FAIL ;;
        esac
    fi
fi

if service_enabled telnet telnet.socket telnetd.socket; then
    pts=$(numbered_active /etc/securetty | grep -E ':pts/' || true)
    securetty=$(pam_lines login pam_securetty.so)
    if [ -n "$pts" ]; then
        evidence file=/etc/securetty line="${pts%%:*}" value="${pts#*:}" expected="no pts/* entries"
        verdict=FAIL
    elif [ -z "$securetty" ]; then
        evidence file=/etc/pam.d/login value="pam_securetty.so not required" expected="auth required pam_securetty.so"
        verdict=FAIL
    else
        evidence file=/etc/pam.d/login line="${securetty%%:*}" value="${securetty#*:}"
        [ "$verdict" = NA ] && verdict=PASS
    fi
fi

finish "$verdict"
