#!/bin/sh
# id: U-70
# id2026: U-48
# severity: Medium
# cis: 
# title-ko: expn, vrfy 명령어 제한
# title-en: The SMTP EXPN and VRFY commands are refused
# remedy-ko: Sendmail: O PrivacyOptions 에 noexpn, novrfy(또는 goaway)를 둔다. Postfix: disable_vrfy_command = yes. Exim: acl_smtp_vrfy / acl_smtp_expn 을 정의하지 않는다.
# remedy-en: Sendmail: put noexpn and novrfy (or goaway) in O PrivacyOptions. Postfix: disable_vrfy_command = yes. Exim: leave acl_smtp_vrfy and acl_smtp_expn undefined.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

mta_na_unless_installed
verdict=PASS
cf=$(sendmail_cf)
if [ -n "$cf" ]; then
    sendmail_privacy_options "PrivacyOptions includes noexpn and novrfy (or goaway)"
    case $PRIVACY_OPTIONS in
        *,goaway,*) ;;
        *,noexpn,*) case $PRIVACY_OPTIONS in *,novrfy,*) ;; *) verdict=FAIL ;; esac ;;
        *) verdict=FAIL ;;
    esac
fi
if [ -n "$(postfix_main)" ]; then
    hit=$(postfix_setting disable_vrfy_command)
    if [ "$(lower "${hit#*:}")" = yes ]; then
        evidence file="$(postfix_main)" line="${hit%%:*}" value="disable_vrfy_command = ${hit#*:}" expected="disable_vrfy_command = yes"
    else
        evidence file="$(postfix_main)" line="${hit%%:*}" value="disable_vrfy_command = ${hit:+${hit#*:}}${hit:-not set (default no)}" expected="disable_vrfy_command = yes"
        verdict=FAIL
    fi
fi
conf=$(exim_config)
if [ -n "$conf" ]; then
    hits=$(numbered_active "$conf" | grep -E '^[0-9]+:acl_smtp_(vrfy|expn)[[:space:]]*=' || true)
    if [ -n "$hits" ]; then
        while IFS= read -r hit; do
            evidence file="$conf" line="${hit%%:*}" value="${hit#*:}" expected="acl_smtp_vrfy and acl_smtp_expn undefined"
        done <<EOF
$hits
EOF
        verdict=FAIL
    else
        evidence file="$conf" value="acl_smtp_vrfy and acl_smtp_expn not defined (Exim refuses VRFY and EXPN)" expected="acl_smtp_vrfy and acl_smtp_expn undefined"
    fi
fi
finish "$verdict"
