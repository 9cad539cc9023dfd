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
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

verdict=NA
sshd_present=no
if exists /etc/ssh/sshd_config || installed /usr/sbin/sshd /usr/bin/sshd /sbin/sshd; then
    sshd_present=yes
    verdict=PASS
    if ! exists /etc/ssh/sshd_config; then
        evidence file=/etc/ssh/sshd_config note="sshd is installed without a configuration file" value="PermitRootLogin not set (default prohibit-password)" expected="PermitRootLogin no"
        verdict=FAIL
    else
        # The first setting outside Match blocks is in force; a Match block may allow root again.
        global=$(sshd_all PermitRootLogin | awk -F: '$3 == 0' | head -n 1)
        if [ -z "$global" ]; then
            # OpenSSH's compiled-in default is prohibit-password: root may still log in with a key.
            evidence file=/etc/ssh/sshd_config value="PermitRootLogin not set (default prohibit-password)" expected="PermitRootLogin no"
            verdict=FAIL
        else
            file=${global%%:*}; rest=${global#*:}; line=${rest%%:*}; value=${rest#*:*:}
            evidence file="$file" line="$line" value="PermitRootLogin $value" expected="PermitRootLogin no"
            case $(printf '%s' "$value" | tr '[:upper:]' '[:lower:]') in
                no) ;;
                *) verdict=FAIL ;;
            esac
        fi
        matched=$(sshd_all PermitRootLogin | awk -F: '$3 == 1 && tolower($4) != "no"')
        if [ -n "$matched" ]; then
            while IFS=: read -r file line _in value; do
                evidence file="$file" line="$line" value="PermitRootLogin $value (inside a Match block)" expected="PermitRootLogin no"
            done <<MATCHED
$matched
MATCHED
            verdict=FAIL
        fi
    fi
fi

if service_enabled telnet telnet.socket telnetd.socket inetutils-telnetd.socket; then
    pts=$(numbered_active /etc/securetty | grep -E ':pts/' || true)
    securetty=$(pam_module_lines /etc/pam.d/login auth pam_securetty.so)
    telnet_ok=yes
    if [ -n "$pts" ]; then
        first=$(printf '%s\n' "$pts" | head -n 1)
        evidence file=/etc/securetty line="${first%%:*}" value="${first#*:}" expected="no pts/* entries"
        telnet_ok=no
    fi
    if [ -z "$securetty" ]; then
        evidence file=/etc/pam.d/login value="pam_securetty.so not required" expected="auth required pam_securetty.so"
        telnet_ok=no
    else
        evidence file=/etc/pam.d/login line="${securetty%%:*}" value="${securetty#*:}" expected="auth required pam_securetty.so"
    fi
    if [ "$telnet_ok" = no ]; then verdict=FAIL; elif [ "$verdict" = NA ]; then verdict=PASS; fi
elif [ "$sshd_present" = no ]; then
    evidence note="neither sshd (no /etc/ssh/sshd_config or sshd binary) nor an enabled telnet service is present"
fi

finish "$verdict"
