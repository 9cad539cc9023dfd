#!/bin/sh
# id: U-34
# id2026: U-50
# severity: High
# cis: 
# title-ko: DNS Zone Transfer 설정
# title-en: DNS zone transfers go only to allowed hosts
# remedy-ko: named.conf 의 options(또는 각 master zone)에 allow-transfer { 보조 DNS 주소; }; 를 두고 any 를 쓰지 않는다.
# remedy-en: Set allow-transfer { secondary-server-addresses; }; in named.conf options (or in every master zone), never any.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

if ! named_installed; then
    evidence note="BIND is not installed (no named.conf, no named binary)"
    finish NA
fi
if [ -z "$(named_conf)" ]; then
    evidence note="named is installed but no named.conf was found (/etc/bind/named.conf, /etc/named.conf)"
    review "Locate the BIND configuration and check allow-transfer"
    finish MANUAL
fi
facts=$(named_config | awk '
    {
        file = $0; sub(/:.*/, "", file); rest = substr($0, length(file) + 2)
        line = rest; sub(/:.*/, "", line); text = substr(rest, length(line) + 2)
        gsub(/[{};]/, " & ", text)
        n = split(text, t, /[ \t]+/)
        for (i = 1; i <= n; i++) {
            w = t[i]
            if (w == "") continue
            if (capture) {
                if (w == "{") cdepth++
                else if (w == "}") { cdepth--; if (cdepth == 0) { print "AT\t" cctx "\t" cfile "\t" cline "\t" clist; capture = 0 } }
                else if (w != ";") clist = clist (clist == "" ? "" : " ") w
                continue
            }
            if (w == "{") { depth++; ctx[depth] = stmt; stmt = ""; continue }
            if (w == "}") { if (depth > 0) depth--; stmt = ""; continue }
            if (w == ";") { stmt = ""; continue }
            if (stmt == "" && w == "allow-transfer") {
                capture = 1; cdepth = 0; clist = ""; cfile = file; cline = line
                cctx = (depth > 0 ? ctx[depth] : "top"); continue
            }
            if (stmt == "" && w == "type" && depth > 0 && ctx[depth] ~ /^zone/) {
                if (i < n) print "TYPE\t" ctx[depth] "\t" file "\t" line "\t" t[i + 1]
            }
            stmt = stmt (stmt == "" ? "" : " ") w
        }
    }')
verdict=PASS
global=""
tab=$(printf '\t')
while IFS="$tab" read -r kind ctx file line value; do
    [ "$kind" = AT ] || continue
    evidence file="$file" line="$line" value="allow-transfer { $value } ($ctx)" expected="allow-transfer limited to the secondary servers"
    case " $value " in *" any "*) verdict=FAIL ;; esac
    case $ctx in options*|view*) global=yes ;; esac
done <<EOF
$facts
EOF
if [ -z "$global" ]; then
    masters=0
    while IFS="$tab" read -r kind ctx file line value; do
        [ "$kind" = TYPE ] || continue
        case $value in master|primary) ;; *) continue ;; esac
        masters=$((masters + 1))
        if ! printf '%s\n' "$facts" | awk -F '\t' -v c="$ctx" '$1 == "AT" && $2 == c { f = 1 } END { exit !f }'; then
            evidence file="$file" line="$line" value="$ctx has no allow-transfer (BIND default: any host)" expected="allow-transfer in options or in the zone"
            verdict=FAIL
        fi
    done <<EOF
$facts
EOF
    if [ "$masters" -eq 0 ]; then
        evidence file="$(named_conf)" value="no allow-transfer in options (BIND default: any host)" expected="allow-transfer { secondary servers; }; in options"
        verdict=FAIL
    fi
fi
finish "$verdict"
