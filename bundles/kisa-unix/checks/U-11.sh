#!/bin/sh
# id: U-11
# id2026: U-21
# severity: High
# cis:
# title-ko: /etc/syslog.conf 파일 소유자 및 권한 설정
# title-en: The syslog configuration is owned by root (or bin/sys) with mode 640 or stricter
# remedy-ko: chown root /etc/rsyslog.conf(또는 syslog.conf, syslog-ng.conf); chmod 640 로 설정한다.
# remedy-en: chown root and chmod 640 /etc/rsyslog.conf (or /etc/syslog.conf, /etc/syslog-ng/syslog-ng.conf).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

verdict=NA
for f in /etc/syslog.conf /etc/rsyslog.conf /etc/syslog-ng/syslog-ng.conf /etc/syslog-ng.conf; do
    [ -f "$ROOT$f" ] || continue
    [ "$verdict" = NA ] && verdict=PASS
    owned_with_mode "$f" 640 "root bin sys" || verdict=FAIL
done
if [ "$verdict" = NA ]; then
    evidence note="no syslog.conf, rsyslog.conf or syslog-ng.conf (no syslog daemon configuration)"
fi
finish "$verdict"
