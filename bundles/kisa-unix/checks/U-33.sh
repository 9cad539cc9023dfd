#!/bin/sh
# id: U-33
# id2026: U-49
# severity: High
# cis: 
# title-ko: DNS 보안 버전 패치
# title-en: The DNS server (BIND) is a current, patched version
# remedy-ko: DNS 서비스를 쓰지 않으면 BIND 를 제거하고, 쓰면 벤더의 최신 보안 패치가 적용된 버전으로 업데이트한다.
# remedy-en: Remove BIND when DNS service is not needed; otherwise update it to the vendor's current security release.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

if ! named_installed; then
    evidence note="BIND is not installed (no named.conf, no named binary)"
    finish NA
fi
ver=$(named_version)
if [ -n "$ver" ]; then
    evidence file=/var/lib/dpkg/status value="bind9 $ver" expected="a supported, patched release (9.11 or later at the very least)"
    if version_below "$ver" 9 11; then finish FAIL; fi
    review "BIND $ver (dpkg status) — check against the distribution's security advisories and the patch policy"
else
    db=$(rpm_database)
    evidence file="$(named_conf)" note="BIND version not readable from files${db:+ (rpm database $db is present)}"
    review "BIND: installed version not readable from files — check it with the package manager against the vendor's security advisories"
fi
finish MANUAL
