#!/bin/sh
# id: U-27
# id2026: U-42
# severity: High
# cis: 2.2.7
# title-ko: RPC 서비스 확인
# title-en: Unneeded RPC services are disabled
# remedy-ko: inetd.conf 의 rpc 항목과 xinetd.d 의 rstatd, rusersd, rwalld, sprayd, rexd, rquotad, cmsd, ttdbserverd 등을 비활성화하고 해당 systemd 서비스를 끈다.
# remedy-en: Disable inetd/xinetd RPC entries (rstatd, rusersd, rwalld, sprayd, rexd, rquotad, cmsd, ttdbserverd, ...) and the matching systemd units.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

# inetd.conf RPC entries are named like "rstatd/2-4" with an rpc/* protocol: any active one counts.
rpc_lines=$(numbered_active /etc/inetd.conf | awk -F: '{ split($2, f, /[ \t]+/) } f[3] ~ /^rpc\// { print }')
verdict=PASS
if [ -n "$rpc_lines" ]; then
    while IFS= read -r hit; do
        evidence file=/etc/inetd.conf line="${hit%%:*}" value="${hit#*:}" expected="no RPC services in inetd.conf"
    done <<EOF
$rpc_lines
EOF
    verdict=FAIL
fi
if enabled_among rpc.cmsd cmsd rpc.ttdbserverd ttdbserverd sadmind rusersd=rpc-rusersd.service rpc.rusersd \
    walld rwalld=rpc-rwalld.service rpc.rwalld sprayd=rpc-sprayd.service rpc.sprayd rstatd=rpc-rstatd.service rpc.rstatd \
    rpc.nisd rexd rpc.rexd rpc.pcnfsd rpc.ypupdated rquotad=rpc-rquotad.service,quota_rpc.service rpc.rquotad \
    kcms_server cachefsd; then
    verdict=FAIL
fi
if [ "$verdict" = PASS ]; then
    evidence note="no unneeded RPC service enabled (inetd rpc entries, xinetd.d, systemd units, rc links)" expected="disabled"
fi
if systemd_enabled rpcbind.service || systemd_enabled rpcbind.socket; then
    evidence note="rpcbind is enabled: needed only for NFS or other RPC services in use" value="rpcbind"
fi
finish "$verdict"
