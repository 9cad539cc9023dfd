#!/bin/sh
# id: U-61
# id2026: U-54
# severity: Low
# cis: 2.2.9
# title-ko: ftp 서비스 확인
# title-en: The FTP service is disabled
# remedy-ko: FTP 서비스를 비활성화한다: systemctl disable --now vsftpd(proftpd, pure-ftpd), inetd.conf 의 ftp 줄 주석 처리 또는 xinetd.d 에 disable = yes. 파일 전송은 SFTP 를 쓴다.
# remedy-en: Disable FTP: systemctl disable --now vsftpd (proftpd, pure-ftpd), comment out ftp in inetd.conf or set disable = yes in xinetd.d; use SFTP for file transfer.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

if ftp_enabled; then
    finish FAIL
fi
servers=$(ftp_servers | tr '\n' ' ')
evidence note="no FTP service enabled (systemd units, inetd.conf, xinetd.d, rc links)" value="${servers:+installed but not enabled: }${servers:-no FTP server installed}" expected="FTP disabled"
finish PASS
