#!/bin/sh
# id: U-62
# id2026: U-55
# severity: Medium
# cis: 
# title-ko: ftp 계정 shell 제한
# title-en: The ftp account has no login shell
# remedy-ko: usermod -s /bin/false ftp (또는 /sbin/nologin)
# remedy-en: usermod -s /bin/false ftp (or /sbin/nologin)
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

entry=$(passwd_entries | awk -F: '$1 == "ftp" { print; exit }')
if [ -z "$entry" ]; then
    evidence file=/etc/passwd note="no ftp account"
    finish NA
fi
line=$(awk -F: '$1 == "ftp" { print NR; exit }' "$ROOT/etc/passwd")
shell=${entry##*:}
evidence file=/etc/passwd line="$line" value="ftp shell ${shell:-(empty: /bin/sh)}" expected="/bin/false or nologin"
if [ -n "$shell" ] && ! login_shell "$shell"; then finish PASS; fi
finish FAIL
