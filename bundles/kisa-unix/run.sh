#!/bin/sh
# Runs every check of this bundle, in order, against a root directory, and prints one JSON object
# per check per line. A check that fails to run, runs past its timeout or prints anything but one
# JSON object of its own id yields an ERROR object instead, so a broken check never spoils a scan.
#
#   run.sh [-r ROOT] [-t SECONDS] [-c CHECK_ID]...
#
# ROOT defaults to $PORTLESS_SCAN_ROOT, else / (an agent in a container scans the host mounted at
# PORTLESS_SCAN_ROOT).
#
# Exit status 0 when the bundle ran, whatever the findings; 2 on a usage error.
set -u

BUNDLE_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=${PORTLESS_SCAN_ROOT:-/}
TIMEOUT=${PORTLESS_CHECK_TIMEOUT:-60}
ONLY=""
while getopts "r:t:c:" opt; do
    case $opt in
        r) ROOT=$OPTARG ;;
        t) TIMEOUT=$OPTARG ;;
        c) ONLY="$ONLY $OPTARG" ;;
        *) echo "usage: run.sh [-r ROOT] [-t SECONDS] [-c CHECK_ID]..." >&2; exit 2 ;;
    esac
done
case $TIMEOUT in ''|*[!0-9]*) echo "run.sh: -t takes whole seconds" >&2; exit 2 ;; esac
if [ ! -d "$ROOT" ]; then echo "run.sh: root directory not found: $ROOT" >&2; exit 2; fi

. "$BUNDLE_DIR/lib/common.sh"

PORTLESS_SCAN_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/portless-scan.XXXXXX")
export PORTLESS_SCAN_CACHE
FS_INDEX_PID=""
trap 'if [ -n "$FS_INDEX_PID" ]; then kill "$FS_INDEX_PID" 2>/dev/null; fi; rm -rf "$PORTLESS_SCAN_CACHE"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# selected CHECK — true when CHECK (a check's path) is to run.
selected() {
    [ -z "$ONLY" ] && return 0
    _id=${1##*/}
    case " $ONLY " in *" ${_id%.sh} "*) return 0 ;; esac
    return 1
}

# The file listing the file checks share (a walk of the whole filesystem) is started in the
# background when a selected check reads it, so the checks before that one run meanwhile.
while IFS= read -r check; do
    if [ -n "$check" ] && selected "$check"; then
        _run_root=$ROOT
        while :; do case $ROOT in */) ROOT=${ROOT%/} ;; *) break ;; esac; done
        fs_index_start
        ROOT=$_run_root
        break
    fi
done <<CHECKS
$(grep -l '^scan_index' "$BUNDLE_DIR"/checks/U-*.sh)
CHECKS

# error_record FILE REASON — the ERROR object for a check that did not produce its own result.
error_record() {
    CHECK_FILE=$1
    CHECK_ID=$(header id)
    EVIDENCE=""
    REVIEW=""
    evidence note="$2"
    (finish ERROR)
}

for check in "$BUNDLE_DIR"/checks/U-*.sh; do
    selected "$check" || continue
    id=${check##*/}
    id=${id%.sh}
    out="$PORTLESS_SCAN_CACHE/out"
    err="$PORTLESS_SCAN_CACHE/err"
    timeout -k 2 "$TIMEOUT" sh "$check" "$ROOT" >"$out" 2>"$err" </dev/null
    status=$?
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        error_record "$check" "timed out after $TIMEOUT s"
    elif [ "$status" -ne 0 ]; then
        error_record "$check" "exit status $status: $(tail -c 400 "$err" | tr '\n' ' ')"
    # One line, a JSON object of this check's id: printed as it is (one awk checks and prints it).
    elif ! awk -v head="{\"id\":\"$id\"," 'NR == 1 { line = $0 }
            END { if (NR != 1 || index(line, head) != 1 || line !~ /}$/) exit 1; print line }' "$out"; then
        error_record "$check" "the check did not print one JSON object for $id"
    fi
done
exit 0
