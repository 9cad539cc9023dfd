#!/bin/sh
# id: U-72
# id2026: U-67
# severity: Low
# cis: 4.2.1.2
# title-ko: 정책에 따른 시스템 로깅 설정
# title-en: System logging is configured per policy (rsyslog rules)
# remedy-ko: rsyslog.conf(또는 syslog.conf)에 *.info;mail.none;authpriv.none;cron.none /var/log/messages, authpriv.* /var/log/secure, mail.* /var/log/maillog, cron.* /var/log/cron, *.alert /dev/console, *.emerg * 규칙을 두고 재시작한다.
# remedy-en: Add to rsyslog.conf (or syslog.conf): *.info;mail.none;authpriv.none;cron.none /var/log/messages, authpriv.* /var/log/secure, mail.* /var/log/maillog, cron.* /var/log/cron, *.alert /dev/console, *.emerg *; then restart the daemon.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

files=$(syslog_files)
if [ -z "$files" ]; then
    if exists /etc/syslog-ng/syslog-ng.conf; then
        evidence file=/etc/syslog-ng/syslog-ng.conf note="syslog-ng is used: its filters are not read by this check"
        review "Check /etc/syslog-ng/syslog-ng.conf logs info, auth/authpriv, mail, cron, alert and emerg messages per the logging policy"
        finish MANUAL
    fi
    evidence note="no syslog configuration (/etc/rsyslog.conf, /etc/rsyslog.d, /etc/syslog.conf)" expected="rsyslog rules for *.info, authpriv, mail, cron, *.alert, *.emerg"
    finish FAIL
fi
found=$(for f in $files; do numbered_active "$f" | sed "s|^|$f:|"; done | awk '
    function level(p) {
        if (p == "*" || p == "debug") return 7
        if (p == "info") return 6
        if (p == "notice") return 5
        if (p == "warning" || p == "warn") return 4
        if (p == "err" || p == "error") return 3
        if (p == "crit") return 2
        if (p == "alert") return 1
        if (p == "emerg" || p == "panic") return 0
        return -1
    }
    function hit(cat) { if (!(cat in got)) { got[cat] = 1; print cat "\t" file "\t" line "\t" text } }
    {
        file = $0; sub(/:.*/, "", file); rest = substr($0, length(file) + 2)
        line = rest; sub(/:.*/, "", line); text = substr(rest, length(line) + 2)
        if (text ~ /^[$&~:(]/ || text ~ /^(module|input|global|template|if|ruleset|action|main_queue|include|parser|lookup_table|set|unset|call|stop)[ \t(]/) next
        split(text, f, /[ \t]+/); sel = f[1]
        if (sel !~ /\./) next
        n = split(sel, s, ";")
        for (i = 1; i <= n; i++) {
            k = index(s[i], "."); if (k == 0) continue
            facs = tolower(substr(s[i], 1, k - 1)); pri = tolower(substr(s[i], k + 1))
            if (pri ~ /^!/ || pri == "none") continue
            exact = 0; if (pri ~ /^=/) { exact = 1; pri = substr(pri, 2) }
            lv = level(pri); if (lv < 0) continue
            m = split(facs, fa, ",")
            for (j = 1; j <= m; j++) {
                fc = fa[j]
                if (fc == "*") {
                    if (exact ? lv == 6 : lv >= 6) hit("info")
                    if (exact ? lv == 1 : (lv >= 1 && lv <= 5)) hit("alert")
                    if (exact ? lv == 0 : lv <= 5) hit("emerg")
                }
                if ((fc == "auth" || fc == "authpriv" || fc == "security") && (exact ? lv == 6 : lv >= 6)) hit("auth")
                if (fc == "mail" && (exact ? lv == 6 : lv >= 6)) hit("mail")
                if (fc == "cron" && (exact ? lv == 6 : lv >= 6)) hit("cron")
            }
        }
    }')
verdict=PASS
tab=$(printf '\t')
for cat in info auth mail cron alert emerg; do
    case $cat in
        info) want="*.info (e.g. *.info;mail.none;authpriv.none;cron.none /var/log/messages)" ;;
        auth) want="authpriv.* (or auth,authpriv.*) to a log file" ;;
        mail) want="mail.* to a log file" ;;
        cron) want="cron.* to a log file" ;;
        alert) want="*.alert (e.g. *.alert /dev/console)" ;;
        emerg) want="*.emerg (e.g. *.emerg *)" ;;
    esac
    row=$(printf '%s\n' "$found" | awk -F '\t' -v c="$cat" '$1 == c { print; exit }')
    if [ -n "$row" ]; then
        IFS="$tab" read -r _ file line text <<EOF
$row
EOF
        evidence file="$file" line="$line" value="$text" expected="$want"
    else
        evidence file="$(printf '%s\n' "$files" | head -n 1)" value="no rule for $cat messages" expected="$want"
        verdict=FAIL
    fi
done
finish "$verdict"
