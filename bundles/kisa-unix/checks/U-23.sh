#!/bin/sh
# id: U-23
# id2026: U-38
# severity: High
# cis: 2.1.1-2.1.4
# title-ko: DoS 공격에 취약한 서비스 비활성화
# title-en: Services open to denial of service (echo, discard, daytime, chargen) are disabled
# remedy-ko: inetd.conf 의 echo, discard, daytime, chargen 줄을 주석 처리하고 xinetd.d 의 해당 파일(stream, dgram 모두)에 disable = yes 를 둔다.
# remedy-en: Comment out echo, discard, daytime and chargen in /etc/inetd.conf and set disable = yes in both the stream and dgram blocks of their /etc/xinetd.d files.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

must_be_disabled "echo/discard/daytime/chargen" echo=echo-stream.socket,echo-dgram.socket discard=discard-stream.socket,discard-dgram.socket \
    daytime=daytime-stream.socket,daytime-dgram.socket chargen=chargen-stream.socket,chargen-dgram.socket
