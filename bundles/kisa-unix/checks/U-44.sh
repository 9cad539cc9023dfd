#!/bin/sh
# id: U-44
# id2026: U-05
# severity: Medium
# cis: 6.2.5
# title-ko: root 이외의 UID가 '0' 금지
# title-en: No account other than root has UID 0
# remedy-ko: root 외에 UID 0 인 계정의 UID 를 usermod -u 로 바꾸거나 계정을 지운다.
# remedy-en: Give every account other than root a different UID (usermod -u), or remove it.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

exists /etc/passwd || { evidence file=/etc/passwd note="file not found"; finish FAIL; }
bad=$(awk -F: '/^[ \t]*(#|$)/ { next } $3 == "0" && $1 != "root" { print NR ":" $1 }' "$ROOT/etc/passwd")
if [ -z "$bad" ]; then
    evidence file=/etc/passwd value="only root has UID 0" expected="only root has UID 0"
    finish PASS
fi
while IFS=: read -r line name; do
    evidence file=/etc/passwd line="$line" value="$name has UID 0" expected="only root has UID 0"
done <<BAD
$bad
BAD
finish FAIL
