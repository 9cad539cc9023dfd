#!/bin/sh
# id: U-66
# id2026: U-59
# severity: Medium
# cis: 2.2.14
# title-ko: SNMP 서비스 구동 점검
# title-en: The SNMP service is disabled unless needed
# remedy-ko: SNMP 를 쓰지 않으면 snmpd 를 비활성화한다: systemctl disable --now snmpd (rc 링크 제거).
# remedy-en: When SNMP is not needed, disable snmpd: systemctl disable --now snmpd (or remove its rc links).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

must_be_disabled SNMP snmpd snmptrapd
