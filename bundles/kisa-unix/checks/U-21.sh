#!/bin/sh
# id: U-21
# id2026: U-36
# severity: High
# cis: 2.1.6
# title-ko: r 계열 서비스 비활성화
# title-en: The r-services (rsh, rlogin, rexec) are disabled
# remedy-ko: inetd.conf 의 shell/login/exec 줄을 주석 처리하고 xinetd.d 의 rsh, rlogin, rexec 에 disable = yes 를 두며 rsh/rlogin/rexec 소켓을 비활성화한다.
# remedy-en: Comment out shell, login and exec in /etc/inetd.conf, set disable = yes in /etc/xinetd.d/rsh, rlogin and rexec, and disable the rsh, rlogin and rexec socket units.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

must_be_disabled "r-command (rsh, rlogin, rexec)" rsh=rsh.socket,rsh@.service rlogin=rlogin.socket,rlogin@.service \
    rexec=rexec.socket,rexec@.service shell login exec
