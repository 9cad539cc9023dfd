#!/bin/sh
# id: U-04
# id2026: U-04
# severity: High
# cis: 6.2.1
# title-ko: 패스워드 파일 보호
# title-en: Password hashes are kept in /etc/shadow
# remedy-ko: pwconv 로 쉐도우 패스워드를 사용하여 /etc/passwd 의 두 번째 필드를 x 로 만든다.
# remedy-en: Run pwconv so that passwords live in /etc/shadow and the second field of /etc/passwd is x.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/accounts.sh
. "$(dirname "$0")/../lib/accounts.sh"
check_begin "$@"

exists /etc/passwd || { evidence file=/etc/passwd note="file not found"; finish FAIL; }
verdict=PASS
if ! exists /etc/shadow; then
    evidence file=/etc/shadow note="file not found" expected="shadow passwords in use"
    verdict=FAIL
fi
# Line numbers are those of /etc/passwd itself.
bad=$(awk -F: '/^[ \t]*(#|$)/ { next }
        $2 != "x" { print NR ":" $1 ":" ($2 == "" ? "empty password field" : "password field is not x") }' "$ROOT/etc/passwd")
if [ -n "$bad" ]; then
    while IFS=: read -r line name value; do
        evidence file=/etc/passwd line="$line" value="$name: $value" expected="second field x"
    done <<BAD
$bad
BAD
    verdict=FAIL
else
    evidence file=/etc/passwd value="every account's password field is x" expected="second field x"
fi

finish "$verdict"
