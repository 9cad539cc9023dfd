#!/bin/sh
# id: U-60
# id2026: U-52
# severity: Medium
# cis: 2.1.8
# title-ko: ssh 원격접속 허용
# title-en: Remote access uses SSH, not telnet or FTP
# remedy-ko: sshd 를 사용하고 telnet 과 FTP 서비스를 비활성화한다(systemctl disable --now telnet.socket vsftpd 등, inetd.conf 주석 처리).
# remedy-en: Use sshd for remote access and disable telnet and FTP (systemctl disable --now telnet.socket, vsftpd, ...; comment them out of inetd.conf).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

verdict=PASS
if enabled_among telnet=telnet.socket,telnetd.socket,telnet@.service,telnetd.service in.telnetd; then
    verdict=FAIL
fi
if ftp_enabled; then
    verdict=FAIL
fi
[ "$verdict" = FAIL ] && finish FAIL
if enabled_among ssh=ssh@.service sshd=sshd.socket; then
    finish PASS
fi
if installed /usr/sbin/sshd; then
    evidence file=/usr/sbin/sshd note="sshd is installed but not enabled; no telnet or FTP service enabled either"
else
    evidence note="no remote login service enabled (no sshd, telnet or FTP)"
fi
finish NA
