#!/bin/sh
# id: U-24
# id2026: U-39
# severity: High
# cis: 2.2.7
# title-ko: NFS 서비스 비활성화
# title-en: The NFS server is disabled unless needed
# remedy-ko: NFS 가 필요 없으면 nfs-server(nfs-kernel-server), nfs-mountd, rpc-statd, nfslock 서비스를 비활성화한다(systemctl disable --now).
# remedy-en: When NFS is not needed, disable nfs-server (nfs-kernel-server), nfs-mountd, rpc-statd and nfslock (systemctl disable --now).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

must_be_disabled NFS nfs-server nfs-kernel-server nfs nfs-mountd rpc-statd=rpc-statd-notify.service nfslock nfs-lock rpc-mountd
