#!/bin/sh
# id: U-41
# id2026: -
# severity: High
# cis: 
# title-ko: 웹서비스 영역의 분리
# title-en: The Apache DocumentRoot is separate from the default location
# remedy-ko: DocumentRoot 를 기본 경로(/var/www/html, /usr/local/apache*/htdocs 등)가 아닌 별도 디렉터리(예: /web)로 옮긴다.
# remedy-en: Move DocumentRoot off the default location (/var/www/html, /usr/local/apache*/htdocs, ...) to a separate directory (e.g. /web).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

apache_na_unless_configured
sep=$(printf '\037')
roots=$(apache_document_roots)
if [ -z "$roots" ]; then
    evidence file="$(apache_main)" value="DocumentRoot not set (default: ServerRoot/htdocs)" expected="a non-default DocumentRoot"
    finish FAIL
fi
verdict=PASS
while IFS="$sep" read -r file line docroot; do
    d=${docroot%/}
    evidence file="$file" line="$line" value="DocumentRoot $docroot" expected="not /var/www/html, /var/www, /usr/local/apache*/htdocs, /srv/www/htdocs"
    case $d in
        /var/www/html|/var/www|/usr/local/apache/htdocs|/usr/local/apache2/htdocs|/srv/www/htdocs|/var/apache/htdocs|/var/apache2/htdocs|/opt/apache/htdocs) verdict=FAIL ;;
    esac
done <<EOF
$roots
EOF
finish "$verdict"
