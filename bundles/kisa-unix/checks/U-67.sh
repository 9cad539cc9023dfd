#!/bin/sh
# id: U-67
# id2026: U-61
# severity: Medium
# cis: 
# title-ko: SNMP 서비스 Community String의 복잡성 설정
# title-en: The SNMP community string is not public or private
# remedy-ko: snmpd.conf 의 rocommunity/rwcommunity/com2sec 에서 public, private 대신 추측하기 어려운 값을 쓰거나 SNMPv3 만 쓴다.
# remedy-en: Replace public and private in snmpd.conf rocommunity/rwcommunity/com2sec with a hard-to-guess string, or use SNMPv3 only.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

conf=$(snmpd_conf)
if [ -z "$conf" ] && ! installed /usr/sbin/snmpd; then
    evidence note="SNMP agent is not installed (no snmpd.conf, no /usr/sbin/snmpd)"
    finish NA
fi
if [ -z "$conf" ]; then
    evidence file=/usr/sbin/snmpd note="snmpd has no snmpd.conf: no community is configured"
    finish PASS
fi
communities=$(numbered_active "$conf" | awk '
    {
        lineno = $0; sub(/:.*/, "", lineno); text = substr($0, length(lineno) + 2)
        n = split(text, t, /[ \t]+/); k = tolower(t[1])
        if (k ~ /^r[ow]community6?$/) c = t[2]
        else if (k ~ /^com2sec6?$/) { i = 2; if (t[i] == "-Cn") i += 2; c = t[i + 2] }
        else next
        gsub(/"/, "", c)
        print lineno ":" k ":" c
    }')
if [ -z "$communities" ]; then
    evidence file="$conf" value="no community configured (SNMPv3 only)" expected="no public/private community"
    finish PASS
fi
verdict=PASS
while IFS= read -r hit; do
    line=${hit%%:*}; rest=${hit#*:}; key=${rest%%:*}; community=${rest#*:}
    case $(lower "$community") in
        public|private)
            evidence file="$conf" line="$line" value="$key $community" expected="not public or private"
            verdict=FAIL ;;
        *)
            evidence file="$conf" line="$line" value="$key (community set, not public/private)" expected="not public or private" ;;
    esac
done <<EOF
$communities
EOF
finish "$verdict"
