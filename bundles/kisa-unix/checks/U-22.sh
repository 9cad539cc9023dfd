#!/bin/sh
# id: U-22
# id2026: U-37
# severity: High
# cis: 5.1.2-5.1.8
# title-ko: crond 파일 소유자 및 권한 설정
# title-en: crontab is usable only by root and cron files are owned by root with mode 640 or stricter
# remedy-ko: chmod o-rwx /usr/bin/crontab (750 이하); chown root 후 /etc/crontab, /etc/cron.allow, /etc/cron.deny, /etc/cron.d/* 는 640 이하, cron.d 와 cron.hourly/daily/weekly/monthly 디렉터리는 750 이하로 설정한다.
# remedy-en: chmod o-rwx /usr/bin/crontab (750 or stricter); make /etc/crontab, cron.allow, cron.deny and /etc/cron.d/* root-owned with mode 640 or stricter, and the cron.d and cron.hourly/daily/weekly/monthly directories 750 or stricter.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

if ! installed /usr/bin/crontab /bin/crontab /usr/sbin/cron /usr/sbin/crond /etc/crontab /etc/cron.d; then
    evidence note="cron is not installed (no crontab command, cron daemon, /etc/crontab or /etc/cron.d)"
    finish NA
fi
verdict=PASS
# The crontab command: no access for others (750); a setuid/setgid bit is kept (Debian 2755, RHEL 4755).
for bin in /usr/bin/crontab /bin/crontab; do
    [ -f "$ROOT$bin" ] || continue
    perm_scan 6750 root -- "$bin" || verdict=FAIL
    break
done
# Configuration and access files: root, 640.
set --
for f in /etc/crontab /etc/cron.allow /etc/cron.deny; do
    exists "$f" && set -- "$@" "$f"
done
perm_scan 640 root -- "$@" || verdict=FAIL
set --
for f in "$ROOT/etc/cron.d"/*; do
    [ -f "$f" ] && set -- "$@" "${f#"$ROOT"}"
done
count=$#
perm_scan 640 root quiet -- "$@" || verdict=FAIL
# Directories: root, no access for others (750). Scripts in the periodic directories must stay
# executable for run-parts: root, writable by root only (755).
set --
for d in /etc/cron.d /etc/cron.hourly /etc/cron.daily /etc/cron.weekly /etc/cron.monthly; do
    [ -d "$ROOT$d" ] && set -- "$@" "$d"
done
perm_scan 750 root -- "$@" || verdict=FAIL
set --
for d in /etc/cron.hourly /etc/cron.daily /etc/cron.weekly /etc/cron.monthly; do
    for f in "$ROOT$d"/*; do
        [ -f "$f" ] && set -- "$@" "${f#"$ROOT"}"
    done
done
count=$((count + $#))
perm_scan 755 root quiet -- "$@" || verdict=FAIL
# Users' crontabs: owned by root or the user the file is named after, 640.
set --
for spool in /var/spool/cron/crontabs /var/spool/cron /var/spool/cron/tabs; do
    for f in "$ROOT$spool"/*; do
        [ -f "$f" ] && set -- "$@" "${f#"$ROOT"}"
    done
done
count=$((count + $#))
perm_scan 640 "root @base" quiet -- "$@" || verdict=FAIL
evidence note="$count files in /etc/cron.d, the periodic cron directories and the crontab spool checked; only those out of bounds are listed"
finish "$verdict"
