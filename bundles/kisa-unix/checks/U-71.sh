#!/bin/sh
# id: U-71
# id2026: -
# severity: Medium
# cis: 
# title-ko: Apache 웹 서비스 정보 숨김
# title-en: Apache hides its version (ServerTokens Prod, ServerSignature Off)
# remedy-ko: Apache 설정(Debian 은 conf-enabled/security.conf)에 ServerTokens Prod 와 ServerSignature Off 를 둔다.
# remedy-en: Set ServerTokens Prod and ServerSignature Off in the Apache configuration (conf-enabled/security.conf on Debian).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

apache_na_unless_configured
sep=$(printf '\037')
verdict=PASS
hit=$(apache_directives ServerTokens | awk -F '\037' '$3 == "" { h = $0 } END { if (h != "") print h }')
if [ -z "$hit" ]; then
    evidence file="$(apache_main)" value="ServerTokens not set (default Full)" expected="ServerTokens Prod"
    verdict=FAIL
else
    IFS="$sep" read -r file line section value <<EOF
$hit
EOF
    evidence file="$file" line="$line" value="ServerTokens $value" expected="ServerTokens Prod"
    case $(lower "$value") in prod|productonly) ;; *) verdict=FAIL ;; esac
fi
hits=$(apache_directives ServerSignature)
if [ -z "$hits" ]; then
    evidence file="$(apache_main)" value="ServerSignature not set (default Off)" expected="ServerSignature Off"
else
    while IFS="$sep" read -r file line section value; do
        evidence file="$file" line="$line" value="ServerSignature $value${section:+ in <$section>}" expected="ServerSignature Off"
        [ "$(lower "$value")" = off ] || verdict=FAIL
    done <<EOF
$hits
EOF
fi
finish "$verdict"
