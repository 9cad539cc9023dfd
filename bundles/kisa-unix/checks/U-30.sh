#!/bin/sh
# id: U-30
# id2026: U-45
# severity: High
# cis: 
# title-ko: Sendmail 버전 점검
# title-en: The mail server (Sendmail) is a current, patched version
# remedy-ko: 메일 서비스를 쓰지 않으면 제거하고, 쓰면 벤더의 최신 보안 패치가 적용된 버전으로 업데이트한다.
# remedy-en: Remove the mail server when it is not needed; otherwise update it to the vendor's current security release.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

mta_na_unless_installed
verdict=MANUAL
cf=$(sendmail_cf)
if [ -n "$cf" ]; then
    ver=$(sendmail_version)
    if [ -z "$ver" ]; then
        evidence file="$cf" value="no DZ (version) line" note="Sendmail version not readable"
        review "Sendmail: version not readable from $cf — check the installed version against the vendor's security releases"
    else
        line=$(grep -n '^DZ' "$ROOT$cf" | head -n 1 | cut -d: -f1)
        evidence file="$cf" line="$line" value="Sendmail $ver" expected="a supported, patched release (8.14 or later at the very least)"
        if version_below "$ver" 8 14; then
            verdict=FAIL
        else
            review "Sendmail $ver ($cf DZ line) — check against the vendor's current security release and the patch policy"
        fi
    fi
fi
for pkg in postfix exim4-daemon-light exim4-daemon-heavy exim4-base; do
    ver=$(dpkg_version "$pkg")
    [ -n "$ver" ] || continue
    evidence file=/var/lib/dpkg/status value="$pkg $ver"
    review "$pkg $ver (dpkg status) — check against the distribution's security advisories"
done
if [ -n "$(postfix_main)$(exim_config)" ] && [ -z "$(dpkg_version postfix)$(dpkg_version exim4-base)" ]; then
    db=$(rpm_database)
    evidence note="Postfix/Exim version not readable from files${db:+ (rpm database $db is present)}"
    review "Postfix/Exim: installed version not readable from files — check it with the package manager against the vendor's security advisories"
fi
finish "$verdict"
