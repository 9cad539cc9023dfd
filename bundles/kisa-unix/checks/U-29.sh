#!/bin/sh
# id: U-29
# id2026: U-44
# severity: High
# cis: 2.1.7, 2.1.9
# title-ko: tftp, talk 서비스 비활성화
# title-en: The tftp, talk and ntalk services are disabled
# remedy-ko: inetd.conf 의 tftp, talk, ntalk 줄을 주석 처리하고 xinetd.d 에 disable = yes 를 두며 tftp/tftpd-hpa 서비스와 소켓을 비활성화한다.
# remedy-en: Comment out tftp, talk and ntalk in /etc/inetd.conf, set disable = yes in their xinetd.d files, and disable tftp / tftpd-hpa units.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

must_be_disabled "tftp/talk" tftp=tftp-server.socket,tftp-server.service,tftpd-hpa.service,atftpd.service,atftpd.socket tftpd-hpa talk ntalk
