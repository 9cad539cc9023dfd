#!/bin/sh
# id: U-26
# id2026: U-41
# severity: High
# cis: 1.1.22
# title-ko: automountd 제거
# title-en: The automounter (autofs) is disabled
# remedy-ko: autofs(automountd) 서비스를 비활성화한다: systemctl disable --now autofs, 또는 rc 링크 제거.
# remedy-en: Disable the automounter: systemctl disable --now autofs, or remove its rc links.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

must_be_disabled "automount (autofs)" autofs automount amd
