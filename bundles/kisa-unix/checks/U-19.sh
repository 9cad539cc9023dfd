#!/bin/sh
# id: U-19
# id2026: U-34
# severity: High
# cis: 
# title-ko: Finger 서비스 비활성화
# title-en: The finger service is disabled
# remedy-ko: inetd.conf 의 finger 줄을 주석 처리하거나 xinetd.d/finger 에 disable = yes 를 두고, finger 소켓/서비스를 비활성화한다(systemctl disable).
# remedy-en: Comment out finger in /etc/inetd.conf or set disable = yes in /etc/xinetd.d/finger, and disable any finger socket or service unit.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

must_be_disabled finger finger=fingerd.socket,fingerd.service,cfingerd.service,efingerd.service cfingerd
