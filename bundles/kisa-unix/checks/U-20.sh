#!/bin/sh
# id: U-20
# id2026: U-35
# severity: High
# cis: 
# title-ko: Anonymous FTP 비활성화
# title-en: Anonymous FTP is disabled
# remedy-ko: vsftpd: anonymous_enable=NO; proftpd: <Anonymous> 섹션 제거(주석); pure-ftpd: NoAnonymous yes; inetd ftp: ftp/anonymous 계정 삭제(userdel ftp).
# remedy-en: vsftpd: anonymous_enable=NO; proftpd: remove (comment out) the <Anonymous> section; pure-ftpd: NoAnonymous yes; inetd ftp: delete the ftp/anonymous account.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

ftp_na_unless_installed
verdict=PASS
for server in $(ftp_servers); do
    case $server in
        vsftpd)
            conf=$(vsftpd_conf)
            hit=""
            [ -n "$conf" ] && hit=$(keyword_line "$conf" anonymous_enable last)
            if [ -z "$hit" ]; then
                evidence file="${conf:-/etc/vsftpd.conf}" value="anonymous_enable not set (vsftpd default YES)" expected="anonymous_enable=NO"
                verdict=FAIL
            else
                evidence file="$conf" line="${hit%%:*}" value="anonymous_enable=${hit#*:}" expected="anonymous_enable=NO"
                [ "$(lower "${hit#*:}")" = no ] || verdict=FAIL
            fi
            ;;
        proftpd)
            anon=$(proftpd_lines | awk -F: 'tolower($3) ~ /^<anonymous([ \t>]|$)/ { print; exit }')
            if [ -n "$anon" ]; then
                evidence file="${anon%%:*}" line="$(printf '%s' "$anon" | cut -d: -f2)" value="$(printf '%s' "$anon" | cut -d: -f3-)" expected="no active <Anonymous> section"
                verdict=FAIL
            else
                evidence file="$(proftpd_conf)" value="no active <Anonymous> section" expected="no active <Anonymous> section"
            fi
            ;;
        pure-ftpd)
            hit=$(pureftpd_setting NoAnonymous)
            value=$(printf '%s' "$hit" | cut -d: -f3-)
            if [ "$(lower "$value")" = yes ]; then
                evidence file="${hit%%:*}" value="NoAnonymous $value" expected="NoAnonymous yes"
            else
                evidence file="${hit:+${hit%%:*}}" value="NoAnonymous ${value:-not set (default no)}" expected="NoAnonymous yes"
                verdict=FAIL
            fi
            ;;
        ftp)
            accounts=$(passwd_entries | awk -F: '$1 == "ftp" || $1 == "anonymous" { print NR ":" $1 }')
            if [ -n "$accounts" ]; then
                for a in $accounts; do
                    evidence file=/etc/passwd value="account ${a#*:} (anonymous FTP login)" expected="no ftp or anonymous account for the inetd FTP server"
                done
                verdict=FAIL
            else
                evidence file=/etc/passwd value="no ftp or anonymous account" expected="no ftp or anonymous account for the inetd FTP server"
            fi
            ;;
    esac
done
finish "$verdict"
