#!/bin/sh
# id: U-32
# id2026: U-47
# severity: High
# cis: 
# title-ko: 일반사용자의 Sendmail 실행 방지
# title-en: Ordinary users cannot run the mail queue (restrictqrun)
# remedy-ko: Sendmail: sendmail.cf 의 O PrivacyOptions 에 restrictqrun 을 추가한다. Postfix: chmod o-x /usr/sbin/postsuper. Exim: chmod o-x /usr/sbin/exiqgrep.
# remedy-en: Sendmail: add restrictqrun to O PrivacyOptions in sendmail.cf. Postfix: chmod o-x /usr/sbin/postsuper. Exim: chmod o-x /usr/sbin/exiqgrep.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

mta_na_unless_installed
verdict=PASS
cf=$(sendmail_cf)
if [ -n "$cf" ]; then
    sendmail_privacy_options "PrivacyOptions includes restrictqrun"
    case $PRIVACY_OPTIONS in *,restrictqrun,*) ;; *) verdict=FAIL ;; esac
fi
if [ -n "$(postfix_main)" ]; then
    for bin in /usr/sbin/postsuper /usr/bin/postsuper; do
        [ -f "$ROOT$bin" ] || continue
        file_evidence "$bin" "no execute permission for others"
        others_can_run "$bin" && verdict=FAIL
        break
    done
fi
if [ -n "$(exim_config)" ]; then
    for bin in /usr/sbin/exiqgrep /usr/bin/exiqgrep; do
        [ -f "$ROOT$bin" ] || continue
        file_evidence "$bin" "no execute permission for others"
        others_can_run "$bin" && verdict=FAIL
        break
    done
fi
finish "$verdict"
