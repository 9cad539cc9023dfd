#!/bin/sh
# id: U-68
# id2026: U-63
# severity: Low
# cis: 5.2.15
# title-ko: 로그온 시 경고 메시지 제공
# title-en: Logon warning banners are set (motd, issue.net, SSH, FTP, SMTP, DNS)
# remedy-ko: /etc/motd 와 /etc/issue.net 에 경고 문구를 쓰고, sshd_config 에 Banner /etc/issue.net 을 두며, 설치된 FTP(ftpd_banner, ServerIdent), SMTP(SmtpGreetingMessage, smtpd_banner), DNS(version) 배너도 설정한다.
# remedy-en: Write a warning in /etc/motd and /etc/issue.net, set Banner /etc/issue.net in sshd_config, and set the banners of installed FTP (ftpd_banner, ServerIdent), SMTP (SmtpGreetingMessage, smtpd_banner) and DNS (version) servers.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

verdict=PASS
# first_text FILE — the first non-blank line of FILE.
first_text() {
    grep -m 1 '[^[:space:]]' "$ROOT$1" 2>/dev/null | sed 's/^[[:space:]]*//' | cut -c 1-120
}
# banner_problem FILE — why FILE is no logon warning (missing, empty, or only the stock text that
# names the operating system, as getty escapes or distribution names do); nothing when it is one.
banner_problem() {
    if ! nonempty "$1"; then echo "missing or empty"; return 0; fi
    if grep -Eq '\\[rmsvSlnO]' "$ROOT$1"; then echo "shows system details (getty escapes)"; return 0; fi
    if grep -Eiq 'debian gnu|ubuntu|red hat|centos|rocky linux|almalinux|fedora|oracle linux|suse|programs included with' "$ROOT$1"; then
        echo "the distribution's stock text (names the OS), not a warning"; return 0
    fi
}
for f in /etc/motd /etc/issue.net; do
    problem=$(banner_problem "$f")
    if [ -z "$problem" ]; then
        evidence file="$f" value="$(first_text "$f")" expected="a logon warning message"
    elif [ "$f" = /etc/motd ]; then
        evidence file="$f" value="$problem" expected="a logon warning message"
        verdict=FAIL
    elif enabled_among telnet=telnet.socket,telnetd.socket,telnet@.service; then
        evidence file="$f" value="$problem (telnet is enabled)" expected="a logon warning message"
        verdict=FAIL
    else
        evidence file="$f" value="$problem" note="not required: no telnet service enabled"
    fi
done
if exists /etc/ssh/sshd_config; then
    hit=$(sshd_option Banner)
    if [ -z "$hit" ]; then
        evidence file=/etc/ssh/sshd_config value="Banner not set (default none)" expected="Banner /etc/issue.net"
        verdict=FAIL
    else
        file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}; value=$(unquote "${rest#*:}")
        if [ "$(lower "$value")" = none ]; then
            evidence file="$file" line="$line" value="Banner $value" expected="Banner /etc/issue.net"
            verdict=FAIL
        else
            problem=$(banner_problem "$value")
            if [ -z "$problem" ]; then
                evidence file="$file" line="$line" value="Banner $value" expected="Banner FILE with a warning"
            else
                evidence file="$file" line="$line" value="Banner $value: $problem" expected="Banner FILE with a warning"
                verdict=FAIL
            fi
        fi
    fi
fi
conf=$(vsftpd_conf)
if [ -n "$conf" ]; then
    hit=$(keyword_line "$conf" ftpd_banner last)
    [ -n "$hit" ] || hit=$(keyword_line "$conf" banner_file last)
    if [ -n "$hit" ]; then
        evidence file="$conf" line="${hit%%:*}" value="${hit#*:}" expected="ftpd_banner or banner_file"
    else
        evidence file="$conf" value="no ftpd_banner or banner_file" expected="ftpd_banner or banner_file"
        verdict=FAIL
    fi
fi
if [ -n "$(proftpd_conf)" ]; then
    hit=$(proftpd_lines | awk -F: 'tolower($3) ~ /^serverident[ \t]/ { h = $0 } END { if (h != "") print h }')
    value=$(printf '%s' "$hit" | cut -d: -f3-)
    case $(lower "$value") in
        *serverident*on*\"*|*serverident*off*)
            evidence file="${hit%%:*}" line="$(printf '%s' "$hit" | cut -d: -f2)" value="$value" expected="ServerIdent on \"warning\" (or off)" ;;
        *)
            evidence file="$(proftpd_conf)" value="${value:-ServerIdent not set (default shows ProFTPD and its version)}" expected="ServerIdent on \"warning\" (or off)"
            verdict=FAIL ;;
    esac
fi
cf=$(sendmail_cf)
if [ -n "$cf" ]; then
    hit=$(numbered_active "$cf" | grep -E '^[0-9]+:O[[:space:]]*SmtpGreetingMessage[[:space:]]*=' | tail -n 1)
    value=$(printf '%s' "${hit#*:}" | sed 's/^O[[:space:]]*SmtpGreetingMessage[[:space:]]*=[[:space:]]*//')
    case $value in
        ''|*"\$v"*|*"\$Z"*)
            evidence file="$cf" line="${hit%%:*}" value="SmtpGreetingMessage=${value:-(not set)}" expected="a greeting without the Sendmail version (\$v/\$Z)"
            verdict=FAIL ;;
        *) evidence file="$cf" line="${hit%%:*}" value="SmtpGreetingMessage=$value" expected="a greeting without the Sendmail version" ;;
    esac
fi
if [ -n "$(postfix_main)" ]; then
    hit=$(postfix_setting smtpd_banner)
    case ${hit#*:} in
        '')
            evidence file="$(postfix_main)" value="smtpd_banner not set (default \$myhostname ESMTP \$mail_name)" expected="smtpd_banner set, without \$mail_version"
            verdict=FAIL ;;
        *'mail_version'*)
            evidence file="$(postfix_main)" line="${hit%%:*}" value="smtpd_banner = ${hit#*:}" expected="smtpd_banner without \$mail_version"
            verdict=FAIL ;;
        *) evidence file="$(postfix_main)" line="${hit%%:*}" value="smtpd_banner = ${hit#*:}" expected="smtpd_banner set, without \$mail_version" ;;
    esac
fi
if [ -n "$(named_conf)" ]; then
    hit=$(named_config | grep -E '^[^:]*:[0-9]+:version[[:space:]]+"' | head -n 1)
    if [ -n "$hit" ]; then
        evidence file="${hit%%:*}" line="$(printf '%s' "$hit" | cut -d: -f2)" value="$(printf '%s' "$hit" | cut -d: -f3-)" expected="version \"...\" hides the BIND version"
    else
        evidence file="$(named_conf)" value="no version statement (BIND answers version.bind with its version)" expected="version \"...\" in options"
        verdict=FAIL
    fi
fi
finish "$verdict"
