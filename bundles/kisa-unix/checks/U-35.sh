#!/bin/sh
# id: U-35
# id2026: -
# severity: High
# cis: 
# title-ko: 웹서비스 디렉토리 리스팅 제거
# title-en: Apache does not list directory contents (no Indexes)
# remedy-ko: Apache 설정의 모든 Options 에서 Indexes 를 지우거나 -Indexes 로 바꾼다(Options All 도 Indexes 를 포함한다).
# remedy-en: Remove Indexes from every Options line of the Apache configuration, or make it -Indexes (Options All includes Indexes too).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

apache_na_unless_configured
sep=$(printf '\037')
hits=$(apache_options_enable Indexes)
if [ -z "$hits" ]; then
    evidence file="$(apache_main)" value="no Options line enables Indexes (includes read)" expected="no Indexes"
    finish PASS
fi
while IFS="$sep" read -r file line section value; do
    evidence file="$file" line="$line" value="Options $value${section:+ in <$section>}" expected="no Indexes"
done <<EOF
$hits
EOF
finish FAIL
