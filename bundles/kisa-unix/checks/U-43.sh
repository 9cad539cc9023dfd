#!/bin/sh
# id: U-43
# id2026: U-66
# severity: High
# cis: 
# title-ko: 로그의 정기적 검토 및 보고
# title-en: Logs are reviewed and reported regularly
# remedy-ko: 접속 기록, su 기록, 로그인 실패 등 로그를 정기적으로 검토·분석하고 결과를 보고서로 남기는 절차를 운영한다.
# remedy-en: Review and analyse the logs (logins, su, failed logins, ...) on a regular schedule and keep reports of each review.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

logs=""
if [ -d "$ROOT/var/log" ]; then
    logs=$(find "$ROOT/var/log" -maxdepth 2 -type f \( -name '*.gz' -o -name '*.[0-9]' -o -name '*.old' -o -name '*.xz' \) -prune -o -type f -print 2>/dev/null | sed "s|^$ROOT||" | sort | head -n 200)
fi
if [ -n "$logs" ]; then
    evidence file=/var/log value="$(printf '%s\n' "$logs" | wc -l | tr -d ' ') current log files (rotated copies left out)"
    for want in /var/log/auth.log /var/log/secure /var/log/messages /var/log/syslog /var/log/wtmp /var/log/btmp /var/log/lastlog /var/log/sulog; do
        exists "$want" && evidence file="$want" value="present" note="$(stat -c '%s bytes, modified %y' "$ROOT$want" | cut -d. -f1)"
    done
    review_from_stdin 50 <<EOF
$(printf '%s\n' "$logs" | sed 's/^/log file: /')
EOF
else
    evidence file=/var/log note="no log files found"
fi
if exists /etc/logrotate.conf; then
    evidence file=/etc/logrotate.conf note="log rotation configured"
fi
review "Confirm the logs are reviewed on a regular schedule (who reviews, how often) and that review reports are kept"
finish MANUAL
