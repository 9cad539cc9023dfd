#!/bin/sh
# id: U-36
# id2026: -
# severity: High
# cis: 
# title-ko: 웹서비스 웹 프로세스 권한 제한
# title-en: Apache does not run as root (User and Group)
# remedy-ko: Apache 설정(Debian 은 /etc/apache2/envvars)의 User 와 Group 을 root 가 아닌 전용 계정(www-data, apache 등)으로 둔다.
# remedy-en: Set User and Group in the Apache configuration (/etc/apache2/envvars on Debian) to a dedicated unprivileged account (www-data, apache).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

apache_na_unless_configured
sep=$(printf '\037')
verdict=PASS
for key in User Group; do
    hit=$(apache_directives "$key" | awk -F '\037' '$3 == "" { h = $0 } END { if (h != "") print h }')
    if [ -z "$hit" ]; then
        evidence file="$(apache_main)" value="$key not set (Apache default #-1, not root)" expected="$key not root"
        continue
    fi
    IFS="$sep" read -r file line _ raw <<EOF
$hit
EOF
    value=$(apache_expand "$(unquote "$raw")")
    evidence file="$file" line="$line" value="$key $raw${value:+ = $value}" expected="$key not root"
    # shellcheck disable=SC2016 # a literal ${
    case $value in
        *'${'*|'')
            evidence note="$key $raw could not be resolved from envvars"
            verdict=FAIL ;;
        root|'#0') verdict=FAIL ;;
        '#'*) ;;
        *)
            if [ "$key" = User ]; then db=/etc/passwd; else db=/etc/group; fi
            id=$(awk -F: -v n="$value" '$1 == n { print $3; exit }' "$ROOT$db" 2>/dev/null)
            [ "$id" = 0 ] && verdict=FAIL ;;
    esac
done
finish "$verdict"
