#!/bin/sh
# id: U-25
# id2026: U-40
# severity: High
# cis: 
# title-ko: NFS 접근 통제
# title-en: NFS exports are not shared with everyone
# remedy-ko: /etc/exports 의 각 공유에 허용할 호스트를 지정하고(* 금지) no_root_squash 를 쓰지 않은 뒤 exportfs -ra 로 적용한다.
# remedy-en: Name the allowed hosts for every share in /etc/exports (no *), do not use no_root_squash, then run exportfs -ra.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

files=""
for f in /etc/exports "$ROOT/etc/exports.d"/*.exports; do
    f=${f#"$ROOT"}
    [ -n "$(numbered_active "$f")" ] && files="$files $f"
done
if [ -z "$files" ]; then
    evidence note="no NFS exports (/etc/exports and /etc/exports.d empty or absent)"
    finish NA
fi
verdict=PASS
for f in $files; do
    bad=$(numbered_active "$f" | awk '
        {
            lineno = $0; sub(/:.*/, "", lineno); text = substr($0, length(lineno) + 2)
            n = split(text, t, /[ \t]+/); clients = 0; why = ""
            for (i = 2; i <= n; i++) {
                if (t[i] == "" || t[i] ~ /^-/ || t[i] ~ /^\\$/) continue
                clients++
                host = t[i]; sub(/\(.*/, "", host)
                if (host == "" || host == "*" || host == "0.0.0.0/0" || host == "::/0" || host == "0.0.0.0/0.0.0.0") why = why "shared with everyone (" t[i] "); "
                if (t[i] ~ /no_root_squash/) why = why "no_root_squash (" t[i] "); "
            }
            if (clients == 0) why = "no client named: shared with everyone; "
            if (why != "") print lineno ":" text " -- " why
        }')
    if [ -n "$bad" ]; then
        while IFS= read -r hit; do
            evidence file="$f" line="${hit%%:*}" value="${hit#*:}" expected="named hosts only, root_squash"
        done <<EOF
$bad
EOF
        verdict=FAIL
    else
        evidence file="$f" value="$(numbered_active "$f" | wc -l | tr -d ' ') exports, each limited to named hosts" expected="named hosts only, root_squash"
    fi
done
finish "$verdict"
