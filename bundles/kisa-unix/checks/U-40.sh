#!/bin/sh
# id: U-40
# id2026: -
# severity: High
# cis: 
# title-ko: 웹서비스 파일 업로드 및 다운로드 제한
# title-en: Apache limits the request (upload) size (LimitRequestBody)
# remedy-ko: Apache 설정(서버 또는 DocumentRoot 의 <Directory>)에 LimitRequestBody 5000000 처럼 업로드 크기 제한을 둔다(0 은 무제한).
# remedy-en: Set LimitRequestBody (e.g. 5000000) at server level or in the DocumentRoot's <Directory>; 0 means unlimited.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

apache_na_unless_configured
sep=$(printf '\037')
hits=$(apache_directives LimitRequestBody)
if [ -z "$hits" ]; then
    evidence file="$(apache_main)" value="LimitRequestBody not set" expected="LimitRequestBody > 0 (e.g. 5000000)"
    finish FAIL
fi
verdict=PASS
while IFS="$sep" read -r file line section value; do
    evidence file="$file" line="$line" value="LimitRequestBody $value${section:+ in <$section>}" expected="LimitRequestBody > 0 (e.g. 5000000)"
    case $value in ''|*[!0-9]*|0) verdict=FAIL ;; esac
done <<EOF
$hits
EOF
finish "$verdict"
