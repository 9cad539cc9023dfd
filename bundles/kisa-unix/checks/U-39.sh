#!/bin/sh
# id: U-39
# id2026: -
# severity: High
# cis: 
# title-ko: 웹서비스 링크 사용금지
# title-en: Apache does not follow symbolic links (no FollowSymLinks)
# remedy-ko: Apache 설정의 Options 에서 FollowSymLinks 를 지우고(<Directory /> 는 Options None), 필요하면 SymLinksIfOwnerMatch 를 쓴다.
# remedy-en: Remove FollowSymLinks from the Options lines (Options None in <Directory />); use SymLinksIfOwnerMatch where links are needed.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

apache_na_unless_configured
sep=$(printf '\037')
verdict=PASS
hits=$(apache_options_enable FollowSymLinks)
if [ -n "$hits" ]; then
    while IFS="$sep" read -r file line section value; do
        evidence file="$file" line="$line" value="Options $value${section:+ in <$section>}" expected="no FollowSymLinks"
    done <<EOF
$hits
EOF
    verdict=FAIL
fi
# With no Options for <Directory />, Apache 2.4 applies its default (FollowSymlinks) everywhere else.
root=$(apache_directives Options | awk -F '\037' '$3 == "Directory /" { h = $0 } END { if (h != "") print h }')
if [ -z "$root" ]; then
    evidence file="$(apache_main)" value="no Options for <Directory /> (Apache 2.4 default: FollowSymlinks)" expected="Options None (or without FollowSymLinks) in <Directory />"
    verdict=FAIL
elif [ "$verdict" = PASS ]; then
    IFS="$sep" read -r file line section value <<EOF
$root
EOF
    evidence file="$file" line="$line" value="Options $value in <$section>" expected="no FollowSymLinks"
fi
finish "$verdict"
