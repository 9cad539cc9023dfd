#!/bin/sh
# id: U-28
# id2026: U-43
# severity: High
# cis: 2.2.17
# title-ko: NIS, NIS+ 점검
# title-en: NIS and NIS+ services are disabled
# remedy-ko: NIS 가 필요 없으면 ypserv, ypbind, ypxfrd, yppasswdd, ypupdated(Debian 은 nis) 서비스를 비활성화한다.
# remedy-en: When NIS is not needed, disable ypserv, ypbind, ypxfrd, yppasswdd and ypupdated (nis on Debian).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

must_be_disabled NIS ypserv ypbind ypxfrd yppasswdd=rpc.yppasswdd.service rpc.yppasswdd ypupdated rpc.ypupdated nis nisd=rpc.nisd.service
