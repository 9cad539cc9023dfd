#!/bin/sh
# id: U-10
# id2026: U-20
# severity: High
# cis:
# title-ko: /etc/(x)inetd.conf 파일 소유자 및 권한 설정
# title-en: /etc/inetd.conf and /etc/xinetd.conf (and xinetd.d) are owned by root with mode 600
# remedy-ko: chown root /etc/inetd.conf /etc/xinetd.conf /etc/xinetd.d/*; chmod 600 로 설정한다.
# remedy-en: chown root and chmod 600 /etc/inetd.conf, /etc/xinetd.conf and /etc/xinetd.d/*.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

verdict=NA
for f in /etc/inetd.conf /etc/xinetd.conf "$ROOT/etc/xinetd.d"/*; do
    f=${f#"$ROOT"}
    [ -f "$ROOT$f" ] || continue
    [ "$verdict" = NA ] && verdict=PASS
    owned_with_mode "$f" 600 || verdict=FAIL
done
if [ "$verdict" = NA ]; then
    evidence note="no /etc/inetd.conf, /etc/xinetd.conf or /etc/xinetd.d file (no inetd/xinetd)"
fi
finish "$verdict"
