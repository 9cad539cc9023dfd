#!/bin/sh
# id: U-05
# id2026: U-14
# severity: High
# cis: 6.2.6
# title-ko: root홈, 패스 디렉터리 권한 및 패스 설정
# title-en: root's PATH has no "." or empty entry before its end
# remedy-ko: root 의 시작 파일(/etc/profile, /root/.profile 등)의 PATH 에서 맨 앞이나 중간의 "." 과 빈 항목("::")을 지운다.
# remedy-en: Remove "." and empty entries ("::", a leading ":") from the start and middle of PATH in root's start-up files (/etc/profile, /root/.profile, ...).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

home=$(passwd_entries | awk -F: '$1 == "root" { print $6; exit }')
[ -n "$home" ] || home=/root
[ "$home" = / ] && home=""

files=""
for f in "$home/.profile" "$home/.bashrc" "$home/.bash_profile" "$home/.bash_login" \
         "$home/.cshrc" "$home/.tcshrc" "$home/.login" \
         /etc/profile "$ROOT/etc/profile.d"/*.sh /etc/bashrc /etc/bash.bashrc /etc/environment \
         /etc/csh.cshrc /etc/csh.login /etc/login.defs; do
    f=${f#"$ROOT"}
    [ -f "$ROOT$f" ] && files="$files $f"
done

# Each PATH assignment as "LINENO<TAB>VERDICT<TAB>TEXT" (VERDICT ok or bad; TEXT last, as it may hold tabs).
assignments() {
    numbered_active "$1" | awk -v file="$1" '
        function judge(value, sep,    n, i, e, bad) {
            gsub(/\$\{PATH\}|\$PATH/, "<PATH>", value)
            n = split(value, e, sep)
            for (i = 1; i < n; i++) if (e[i] == "." || e[i] == "") bad = 1
            return bad ? "bad" : "ok"
        }
        {
            lineno = $0; sub(/:.*/, "", lineno)
            text = $0; sub(/^[0-9]+:/, "", text)
            if (file == "/etc/login.defs" && text !~ /^ENV_SUPATH[ \t]/) next
            if (match(text, /(^|[ \t;])(export[ \t]+)?PATH=/)) {
                value = substr(text, RSTART + RLENGTH)
                q = substr(value, 1, 1)
                if (q == "\"" || q == "\047") {
                    value = substr(value, 2); i = index(value, q); if (i) value = substr(value, 1, i - 1)
                } else {
                    sub(/[ \t;].*/, "", value)
                }
                if (value != "") print lineno "\t" judge(value, ":") "\t" text
            } else if (match(text, /^setenv[ \t]+PATH[ \t]+/)) {
                value = substr(text, RSTART + RLENGTH); gsub(/["\047]/, "", value); sub(/[ \t;].*/, "", value)
                print lineno "\t" judge(value, ":") "\t" text
            } else if (match(text, /^set[ \t]+path[ \t]*=[ \t]*\(/)) {
                value = substr(text, RSTART + RLENGTH); sub(/\).*/, "", value)
                gsub(/["\047]/, "", value); sub(/^[ \t]+/, "", value); sub(/[ \t]+$/, "", value)
                print lineno "\t" judge(value, "[ \t]+") "\t" text
            }
        }'
}

verdict=PASS
count=0
tab=$(printf '\t')
for f in $files; do
    found=$(assignments "$f")
    [ -n "$found" ] || continue
    while IFS="$tab" read -r line judged text; do
        count=$((count + 1))
        evidence file="$f" line="$line" value="$text" expected="no \".\" or empty entry before the end of PATH"
        [ "$judged" = bad ] && verdict=FAIL
    done <<FOUND
$found
FOUND
done
if [ "$count" -eq 0 ]; then
    evidence note="no PATH assignment in root's start-up files (the built-in default has no \".\")" value="${files:-no start-up file}"
fi

finish "$verdict"
