#!/bin/sh
# id: U-52
# id2026: U-10
# severity: Medium
# cis: 6.2.16
# title-ko: 동일한 UID 금지
# title-en: No two accounts share a UID
# remedy-ko: 같은 UID 를 쓰는 계정 중 하나의 UID 를 usermod -u 로 바꾼다.
# remedy-en: Give one of the accounts that share a UID another UID (usermod -u).
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
check_begin "$@"

exists /etc/passwd || { evidence file=/etc/passwd note="file not found"; finish FAIL; }
bad=$(awk -F: '/^[ \t]*(#|$)/ { next }
    { if ($3 in first) print NR ":" $1 ":" $3 ":" first[$3]; else first[$3] = $1 }' "$ROOT/etc/passwd")
if [ -z "$bad" ]; then
    evidence file=/etc/passwd value="every UID is used by one account" expected="unique UIDs"
    finish PASS
fi
while IFS=: read -r line name uid other; do
    evidence file=/etc/passwd line="$line" value="$name has UID $uid, as $other does" expected="unique UIDs"
done <<BAD
$bad
BAD
finish FAIL
