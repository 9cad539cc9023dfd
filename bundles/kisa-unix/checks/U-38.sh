#!/bin/sh
# id: U-38
# id2026: -
# severity: High
# cis: 
# title-ko: 웹서비스 불필요한 파일 제거
# title-en: Apache manuals and sample files are removed
# remedy-ko: Apache 매뉴얼(manual 디렉터리, httpd-manual/apache2-doc 패키지)과 예제 CGI(printenv, test-cgi)를 지우고 Alias /manual 설정을 없앤다.
# remedy-en: Remove the Apache manual (manual directories, the httpd-manual / apache2-doc package) and sample CGIs (printenv, test-cgi), and drop any Alias /manual.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

apache_na_unless_configured
sep=$(printf '\037')
sroot=$(apache_server_root "$(apache_main)")
verdict=PASS
candidates="$sroot/manual $sroot/htdocs/manual $sroot/cgi-bin/printenv $sroot/cgi-bin/test-cgi
/var/www/manual /var/www/html/manual /usr/share/httpd/manual /usr/share/doc/apache2-doc/manual
/usr/local/apache/htdocs/manual /usr/local/apache2/htdocs/manual /usr/local/apache/manual /usr/local/apache2/manual
/var/www/cgi-bin/printenv /var/www/cgi-bin/test-cgi /usr/lib/cgi-bin/printenv /usr/lib/cgi-bin/test-cgi
/usr/local/apache/cgi-bin/printenv /usr/local/apache/cgi-bin/test-cgi /usr/local/apache2/cgi-bin/printenv /usr/local/apache2/cgi-bin/test-cgi"
docroots=$(apache_document_roots | cut -d "$sep" -f3)
for d in $docroots; do candidates="$candidates ${d%/}/manual"; done
seen=" "
for f in $candidates; do
    case $seen in *" $f "*) continue ;; esac
    seen="$seen$f "
    if exists "$f"; then
        evidence file="$f" value="present" expected="removed"
        verdict=FAIL
    fi
done
aliases=$(apache_directives Alias | awk -F '\037' 'tolower($4) ~ /^"?\/manual/ { print }')
aliases="$aliases$(apache_directives AliasMatch | awk -F '\037' 'tolower($4) ~ /manual/ { print }')"
if [ -n "$aliases" ]; then
    while IFS="$sep" read -r file line _ value; do
        [ -n "$file" ] || continue
        evidence file="$file" line="$line" value="Alias $value" expected="no /manual alias"
    done <<EOF
$aliases
EOF
    verdict=FAIL
fi
[ "$verdict" = PASS ] && evidence note="no Apache manual or sample CGI found" value="$(printf '%s' "$candidates" | tr '\n' ' ')"
finish "$verdict"
