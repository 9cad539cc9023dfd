#!/bin/sh
# id: U-63
# id2026: U-56
# severity: Low
# cis: 
# title-ko: ftpusers 파일 소유자 및 권한 설정
# title-en: The ftpusers files are owned by root with mode 640 or stricter
# remedy-ko: chown root /etc/ftpusers (/etc/vsftpd/ftpusers, user_list); chmod 640 해당 파일
# remedy-en: chown root and chmod 640 /etc/ftpusers (and /etc/vsftpd/ftpusers, user_list)
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

files=$(ftpusers_files)
if [ -z "$files" ]; then
    servers=$(ftp_servers | tr '\n' ' ')
    evidence note="no ftpusers or user_list file${servers:+ (FTP servers: $servers)}"
    finish NA
fi
verdict=PASS
for f in $files; do
    perm_ok "$f" 640 root || verdict=FAIL
done
finish "$verdict"
