#!/bin/sh
# id: U-37
# id2026: -
# severity: High
# cis: 
# title-ko: 웹서비스 상위 디렉토리 접근 금지
# title-en: Access above the web root is restricted (AllowOverride AuthConfig with .htaccess authentication)
# remedy-ko: DocumentRoot 의 <Directory> 에 AllowOverride AuthConfig(또는 All)를 두고 .htaccess 로 사용자 인증을 설정해 상위 디렉터리 이동을 제한한다.
# remedy-en: Set AllowOverride AuthConfig (or All) in the DocumentRoot's <Directory> and protect it with .htaccess authentication, so that moving above it is restricted.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

apache_na_unless_configured
sep=$(printf '\037')
roots=$(apache_document_roots)
if [ -z "$roots" ]; then
    evidence file="$(apache_main)" value="no DocumentRoot set" note="cannot tell which directory to check"
    finish FAIL
fi
verdict=PASS
while IFS="$sep" read -r rfile rline docroot; do
    hit=$(apache_section_value AllowOverride "$docroot")
    if [ -z "$hit" ]; then
        evidence file="$rfile" line="$rline" value="DocumentRoot $docroot: no AllowOverride (default None)" expected="AllowOverride AuthConfig"
        verdict=FAIL
        continue
    fi
    IFS="$sep" read -r file line section value <<EOF
$hit
EOF
    evidence file="$file" line="$line" value="AllowOverride $value in <$section> (DocumentRoot $docroot)" expected="AllowOverride AuthConfig"
    case " $(lower "$value") " in *" authconfig "*|*" all "*) ;; *) verdict=FAIL ;; esac
done <<EOF
$roots
EOF
finish "$verdict"
