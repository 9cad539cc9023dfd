#!/bin/sh
# id: U-64
# id2026: U-57
# severity: Medium
# cis: 
# title-ko: ftpusers 파일 설정(FTP 서비스 root 계정 접근제한)
# title-en: Root cannot log in over FTP
# remedy-ko: ftpusers(vsftpd 는 PAM pam_listfile 이 읽는 파일, 또는 userlist_deny=YES 인 user_list)에 root 를 추가하고, proftpd 는 RootLogin off, pure-ftpd 는 MinUID 1000 으로 둔다.
# remedy-en: List root in ftpusers (for vsftpd the file its pam_listfile line reads, or user_list with userlist_deny=YES); proftpd: RootLogin off; pure-ftpd: MinUID 1000.
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
            denied=""
            pams=$(pam_lines vsftpd pam_listfile.so)
            while IFS= read -r pam; do
                [ -n "$pam" ] || continue
                [ "$(pam_arg "${pam#*:}" sense)" = deny ] || continue
                list=$(pam_arg "${pam#*:}" file)
                [ -n "$list" ] || continue
                at=$(lists_user "$list" root)
                if [ -n "$at" ]; then
                    evidence file="$list" line="$at" value="root" note="read by pam_listfile (sense=deny) in /etc/pam.d/vsftpd"
                    denied=yes
                fi
            done <<EOF
$pams
EOF
            conf=$(vsftpd_conf)
            if [ -z "$denied" ] && [ -n "$conf" ] && [ "$(lower "$(conf_setting "$conf" userlist_enable)")" = yes ]; then
                deny=$(lower "$(conf_setting "$conf" userlist_deny)")
                list=$(conf_setting "$conf" userlist_file)
                [ -n "$list" ] || list=$(first_existing /etc/vsftpd/user_list /etc/vsftpd.user_list || true)
                at=""
                [ -n "$list" ] && at=$(lists_user "$list" root)
                if [ "$deny" != no ] && [ -n "$at" ]; then
                    evidence file="$list" line="$at" value="root" note="userlist_enable=YES, userlist_deny=${deny:-yes (default)}"
                    denied=yes
                elif [ "$deny" = no ] && [ -n "$list" ] && [ -z "$at" ]; then
                    evidence file="$list" value="root not in the allow list" note="userlist_enable=YES, userlist_deny=NO"
                    denied=yes
                fi
            fi
            if [ -z "$denied" ]; then
                evidence file="${conf:-/etc/vsftpd.conf}" value="root is not denied (not in the pam_listfile deny file nor in a deny user_list)" expected="root listed in ftpusers"
                verdict=FAIL
            fi
            ;;
        proftpd)
            hit=$(proftpd_lines | awk -F: 'tolower($3) ~ /^rootlogin[ \t]/ { h = $0 } END { if (h != "") print h }')
            if [ -n "$hit" ]; then
                value=$(printf '%s' "$hit" | cut -d: -f3- | awk '{ print $2 }')
                evidence file="${hit%%:*}" line="$(printf '%s' "$hit" | cut -d: -f2)" value="RootLogin $value" expected="RootLogin off"
                case $(lower "$value") in on|yes|true) verdict=FAIL ;; esac
            else
                evidence file="$(proftpd_conf)" value="RootLogin not set (default off)" expected="RootLogin off"
            fi
            ;;
        pure-ftpd)
            hit=$(pureftpd_setting MinUID)
            value=$(printf '%s' "$hit" | cut -d: -f3- | tr -dc '0-9')
            evidence file="${hit:+${hit%%:*}}" value="MinUID ${value:-not set}" expected="MinUID 1000 (root refused)"
            if [ -z "$value" ] || [ "$value" -eq 0 ]; then verdict=FAIL; fi
            ;;
        ftp)
            found=""
            for list in /etc/ftpusers /etc/ftpd/ftpusers; do
                at=$(lists_user "$list" root)
                if [ -n "$at" ]; then
                    evidence file="$list" line="$at" value="root"
                    found=yes
                fi
            done
            if [ -z "$found" ]; then
                evidence file=/etc/ftpusers value="root is not listed" expected="root listed in ftpusers"
                verdict=FAIL
            fi
            ;;
    esac
done
finish "$verdict"
