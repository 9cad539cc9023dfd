#!/bin/sh
# id: U-65
# id2026: U-58
# severity: Medium
# cis: 5.1.8
# title-ko: at 서비스 권한 설정
# title-en: at is usable only by root and the at files are owned by root with mode 640 or stricter
# remedy-ko: chmod o-rwx /usr/bin/at (4750); chown root /etc/at.allow /etc/at.deny; chmod 640 /etc/at.allow /etc/at.deny
# remedy-en: chmod o-rwx /usr/bin/at (4750); chown root /etc/at.allow /etc/at.deny; chmod 640 /etc/at.allow /etc/at.deny
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

if ! installed /usr/bin/at /bin/at /usr/sbin/atd /etc/at.allow /etc/at.deny; then
    evidence note="at is not installed (no /usr/bin/at, atd, /etc/at.allow or /etc/at.deny)"
    finish NA
fi
verdict=PASS
for bin in /usr/bin/at /bin/at; do
    [ -f "$ROOT$bin" ] || continue
    perm_ok "$bin" 6750 root || verdict=FAIL
    break
done
for f in /etc/at.allow /etc/at.deny; do
    exists "$f" || continue
    perm_ok "$f" 640 root || verdict=FAIL
done
finish "$verdict"
