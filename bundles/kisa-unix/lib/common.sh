# shellcheck shell=sh
# Shared helpers for the KISA Unix checks. A check sources this file, calls `check_begin "$@"`,
# reads the system under "$ROOT" (never changing it), records evidence, and ends with `finish STATUS`.
#
# Output: one JSON object on one line —
#   {"id","id2026","title":{"ko","en"},"severity","cis","status","evidence":[...],"review":[...],"remedy":{"ko","en"}}
# STATUS is PASS, FAIL, NA (the thing checked is absent), MANUAL (a person must judge the `review`
# list) or ERROR.

# ---- start ---------------------------------------------------------------------------------

# check_begin [ROOT] — reads the check's header (id, id2026, severity, cis, titles, remedies) from
# the script itself and sets ROOT (no trailing slash; empty for "/").
check_begin() {
    CHECK_FILE=$0
    ROOT=${1:-${PORTLESS_SCAN_ROOT:-/}}
    # Trailing slashes off and the id read by the shell itself: a check starts without a fork.
    while :; do case $ROOT in */) ROOT=${ROOT%/} ;; *) break ;; esac; done
    if [ -n "$ROOT" ] && [ ! -d "$ROOT" ]; then
        printf 'root directory not found: %s\n' "$ROOT" >&2
        exit 2
    fi
    CHECK_ID=""
    while IFS= read -r _line; do
        case $_line in
            "# id:"*) CHECK_ID=${_line#"# id:"}; CHECK_ID=${CHECK_ID#"${CHECK_ID%%[! ]*}"}; break ;;
            "#"*|"") ;;
            *) break ;;
        esac
    done < "$CHECK_FILE"
    EVIDENCE=""
    REVIEW=""
    # Run alone (not by run.sh), a check keeps its shared listings in a private directory of its own.
    if [ -z "${PORTLESS_SCAN_CACHE:-}" ]; then
        PORTLESS_SCAN_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/portless-check.XXXXXX")
        # shellcheck disable=SC2064
        trap "rm -rf '$PORTLESS_SCAN_CACHE'" EXIT
    fi
}

# header NAME — the value of the `# NAME: value` line at the top of the check.
header() {
    sed -n "s/^# $1: *//p" "$CHECK_FILE" | head -n 1
}

# ---- JSON ----------------------------------------------------------------------------------

# json_string TEXT — TEXT as a JSON string literal (quotes, backslashes and control characters escaped).
json_string() {
    printf '%s' "$1" | awk '
        BEGIN { ORS = ""; print "\"" }
        {
            if (NR > 1) print "\\n"
            gsub(/\\/, "\\\\\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r")
            gsub(/[\001-\037]/, " ")
            print
        }
        END { print "\"" }'
}

# evidence KEY=VALUE ... — records one evidence object. Keys: file, line, mode, owner, group,
# value, expected, note. `line` is a number; everything else a string.
evidence() {
    _obj=""
    for _pair in "$@"; do
        _key=${_pair%%=*}
        _val=${_pair#*=}
        case $_key:$_val in
            line:*[!0-9]*|line:) _lit=$(json_string "$_val") ;;
            line:*) _lit=$_val ;;
            # Text with nothing to escape is quoted by the shell itself (no fork).
            *[\\\"[:cntrl:]]*) _lit=$(json_string "$_val") ;;
            *) _lit="\"$_val\"" ;;
        esac
        _obj="$_obj${_obj:+,}\"$_key\":$_lit"
    done
    EVIDENCE="$EVIDENCE${EVIDENCE:+,}{$_obj}"
}

# review ITEM — adds ITEM to the list a person must judge (MANUAL results).
review() {
    case $1 in
        *[\\\"[:cntrl:]]*) REVIEW="$REVIEW${REVIEW:+,}$(json_string "$1")" ;;
        *) REVIEW="$REVIEW${REVIEW:+,}\"$1\"" ;;
    esac
}

# review_from_stdin [LIMIT] — adds each input line to the review list, at most LIMIT (default 500);
# notes how many were left out.
review_from_stdin() {
    _limit=${1:-500}
    _count=0
    while IFS= read -r _item; do
        _count=$((_count + 1))
        if [ "$_count" -le "$_limit" ]; then review "$_item"; fi
    done
    if [ "$_count" -gt "$_limit" ]; then
        evidence note="$_count items; the first $_limit are listed"
    fi

}

# finish STATUS — prints the check's JSON object and exits 0. One awk reads the headers and
# escapes them (a process per header and per string cost ~90 ms a check on slow-fork hosts).
finish() {
    FINISH_STATUS=$1 FINISH_EVIDENCE=$EVIDENCE FINISH_REVIEW=$REVIEW FINISH_ID=$CHECK_ID awk '
        function js(s) {
            gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s)
            gsub(/[\001-\037]/, " ", s)
            return "\"" s "\""
        }
        /^# [A-Za-z0-9-]+:/ {
            k = $2; sub(/:.*/, "", k)
            if (!(k in h)) { v = $0; sub(/^# [A-Za-z0-9-]+: */, "", v); h[k] = v }
        }
        END {
            printf "{\"id\":%s,\"id2026\":%s,\"title\":{\"ko\":%s,\"en\":%s},\"severity\":%s,\"cis\":%s,\"status\":%s,\"evidence\":[%s],\"review\":[%s],\"remedy\":{\"ko\":%s,\"en\":%s}}\n",
                js(ENVIRON["FINISH_ID"]), js(h["id2026"]), js(h["title-ko"]), js(h["title-en"]),
                js(h["severity"]), js(h["cis"]), js(ENVIRON["FINISH_STATUS"]),
                ENVIRON["FINISH_EVIDENCE"], ENVIRON["FINISH_REVIEW"], js(h["remedy-ko"]), js(h["remedy-en"])
        }' "$CHECK_FILE"
    exit 0
}

# ---- files ---------------------------------------------------------------------------------

# path FILE — FILE (an absolute path on the scanned system) under ROOT.
path() {
    printf '%s%s' "$ROOT" "$1"
}

# exists FILE — true when FILE exists on the scanned system (a dangling link counts).
exists() {
    [ -e "$ROOT$1" ] || [ -L "$ROOT$1" ]
}

# file_mode FILE — the octal permission bits of FILE (e.g. 644, 4755).
file_mode() {
    stat -c '%a' "$ROOT$1"
}

# file_uid FILE / file_gid FILE — numeric owner and group.
file_uid() { stat -c '%u' "$ROOT$1"; }
file_gid() { stat -c '%g' "$ROOT$1"; }

# user_name UID — the name the scanned system's /etc/passwd gives UID, or the number itself.
user_name() {
    _name=$(awk -F: -v id="$1" '$3 == id { print $1; exit }' "$ROOT/etc/passwd" 2>/dev/null)
    printf '%s' "${_name:-$1}"
}

# group_name GID — the name the scanned system's /etc/group gives GID, or the number itself.
group_name() {
    _name=$(awk -F: -v id="$1" '$3 == id { print $1; exit }' "$ROOT/etc/group" 2>/dev/null)
    printf '%s' "${_name:-$1}"
}

# file_owner FILE / file_group FILE — owner and group by name, as the scanned system names them.
file_owner() { user_name "$(file_uid "$1")"; }
file_group() { group_name "$(file_gid "$1")"; }

# mode_within MODE MAX — true when MODE grants nothing MAX does not (octal permission bits,
# special bits included: 4755 is not within 755).
mode_within() {
    [ $(( 0$1 & ~0$2 & 07777 )) -eq 0 ]
}

# file_stat FILE — sets F_MODE, F_OWNER and F_GROUP (names as the scanned system gives them) with
# one stat and one awk.
file_stat() {
    _st=$(stat -c '%a %u %g' "$ROOT$1" 2>/dev/null)
    _names=$(awk -v uid="${_st#* }" -v pw="$ROOT/etc/passwd" -v gr="$ROOT/etc/group" 'BEGIN {
        split(uid, id, " "); u = id[1]; g = id[2]
        while ((getline l < pw) > 0) { split(l, a, ":"); if (a[3] == id[1] && u == id[1]) u = a[1] }
        while ((getline l < gr) > 0) { split(l, a, ":"); if (a[3] == id[2] && g == id[2]) g = a[1] }
        print u " " g }' 2>/dev/null)
    F_MODE=${_st%% *}
    F_OWNER=${_names%% *}
    F_GROUP=${_names#* }
}

# file_evidence FILE [expected] — records FILE's mode, owner and group.
file_evidence() {
    file_stat "$1"
    if [ -n "${2:-}" ]; then
        evidence file="$1" mode="$F_MODE" owner="$F_OWNER" group="$F_GROUP" expected="$2"
    else
        evidence file="$1" mode="$F_MODE" owner="$F_OWNER" group="$F_GROUP"
    fi
}

# owned_with_mode FILE MAXMODE [OWNERS] — records the file's evidence and is true when FILE is owned
# by one of OWNERS (space separated names, default "root") with a mode within MAXMODE.
owned_with_mode() {
    _owners=${3:-root}
    file_evidence "$1" "owner in ($_owners), mode <= $2"
    case " $_owners " in *" $F_OWNER "*) ;; *) return 1 ;; esac
    mode_within "$F_MODE" "$2"
}

# ---- configuration files -------------------------------------------------------------------

# active_lines FILE — FILE without comments and blank lines (leading whitespace kept out).
active_lines() {
    [ -r "$ROOT$1" ] || return 0
    sed -e 's/^[[:space:]]*//' -e '/^#/d' -e '/^$/d' "$ROOT$1"
}

# numbered_active FILE — active lines as "LINENO:TEXT".
numbered_active() {
    [ -r "$ROOT$1" ] || return 0
    awk '{ sub(/^[ \t]+/, "") } $0 != "" && substr($0, 1, 1) != "#" { print NR ":" $0 }' "$ROOT$1"
}

# keyword_line FILE KEY [first|last] — "LINENO:VALUE" of the first (default) or last active
# `KEY value` line, KEY matched without case; nothing when absent.
keyword_line() {
    [ -r "$ROOT$1" ] || return 0
    awk -v key="$2" -v which="${3:-first}" '
        { line = $0; sub(/^[ \t]+/, "", line) }
        line == "" || substr(line, 1, 1) == "#" { next }
        {
            n = split(line, f, /[ \t=]+/)
            if (tolower(f[1]) == tolower(key)) {
                value = line; sub(/^[^ \t=]+[ \t=]+/, "", value); sub(/[ \t]+$/, "", value)
                found = NR ":" value
                if (which == "first") { print found; exit }
            }
        }
        END { if (which == "last" && found != "") print found }' "$ROOT$1"
}

# sshd_option KEY — "FILE:LINENO:VALUE" of the sshd setting in effect (sshd takes the first
# occurrence, reading Include'd sshd_config.d files where the Include line stands).
sshd_option() {
    for _f in $(sshd_config_files); do
        _hit=$(keyword_line "$_f" "$1")
        if [ -n "$_hit" ]; then printf '%s:%s\n' "$_f" "$_hit"; return 0; fi
    done
    return 0
}

# sshd_config_files — /etc/ssh/sshd_config and the files its Include lines name, in the order
# sshd reads them (an Include before other lines is read first).
sshd_config_files() {
    _main=/etc/ssh/sshd_config
    exists "$_main" || return 0
    awk '{ line = $0; sub(/^[ \t]+/, "", line) }
         tolower(line) ~ /^include[ \t]/ { sub(/^[^ \t]+[ \t]+/, "", line); print "INCLUDE " line; next }
         line != "" && substr(line, 1, 1) != "#" { if (!main) { print "MAIN"; main = 1 } }
         END { if (!main) print "MAIN" }' "$ROOT$_main" | while read -r _kind _pattern; do
        if [ "$_kind" = MAIN ]; then
            printf '%s\n' "$_main"
        else
            case $_pattern in /*) ;; *) _pattern="/etc/ssh/$_pattern" ;; esac
            for _inc in $(path "$_pattern"); do
                [ -f "$_inc" ] && printf '%s\n' "${_inc#"$ROOT"}"
            done
        fi
    done | awk '!seen[$0]++'
}

# login_defs KEY — the value of KEY in /etc/login.defs (last occurrence), or nothing.
login_defs() {
    keyword_line /etc/login.defs "$1" last | sed 's/^[0-9]*://'
}

# pam_lines FILE MODULE — active lines of pam.d FILE that load MODULE (e.g. pam_pwquality.so),
# as "LINENO:TEXT".
pam_lines() {
    numbered_active "/etc/pam.d/$1" | grep -E "(^|[[:space:]/])$2([[:space:]]|$)" || true
}

# pam_arg LINE NAME — the value of NAME=VALUE among the arguments of a PAM LINE.
pam_arg() {
    printf '%s\n' "$1" | tr -s '[:blank:]' '\n' | sed -n "s/^$2=//p" | head -n 1
}

# conf_setting FILE KEY — value of `KEY = VALUE` (or `KEY VALUE`) in FILE, last occurrence.
conf_setting() {
    keyword_line "$1" "$2" last | sed 's/^[0-9]*://'
}

# ---- services ------------------------------------------------------------------------------

# systemd_enabled UNIT — true when UNIT (e.g. telnet.socket) is enabled on the scanned system
# (a link in a *.wants or *.requires directory under /etc/systemd/system).
systemd_enabled() {
    for _dir in "$ROOT/etc/systemd/system"/*.wants "$ROOT/etc/systemd/system"/*.requires; do
        [ -e "$_dir/$1" ] || [ -L "$_dir/$1" ] && return 0
    done
    return 1
}

# inetd_enabled NAME — "FILE:LINENO" of an active inetd.conf entry or an xinetd.d service not
# marked `disable = yes`; nothing when NAME is not enabled that way.
inetd_enabled() {
    _hit=$(numbered_active /etc/inetd.conf | awk -F: -v n="$1" '{ split($2, f, /[ \t]+/) } f[1] == n { print $1; exit }')
    if [ -n "$_hit" ]; then printf '/etc/inetd.conf:%s\n' "$_hit"; return 0; fi
    for _f in "$ROOT/etc/xinetd.d"/*; do
        [ -f "$_f" ] || continue
        _rel=${_f#"$ROOT"}
        # Each `service NAME { ... }` block counts on its own (xinetd.d/echo holds a stream and a
        # dgram block): NAME is enabled when one of its blocks lacks `disable = yes`.
        if awk -v n="$1" '
                { line = $0; sub(/^[ \t]+/, "", line) }
                line ~ /^service[ \t]/ { split(line, f, /[ \t]+/); inside = (f[2] == n); off = 0; next }
                inside && tolower(line) ~ /^disable[ \t]*=[ \t]*yes/ { off = 1 }
                inside && line ~ /^}/ { if (!off) on = 1; inside = 0 }
                END { if (inside && !off) on = 1; exit !on }' "$_f"; then
            printf '%s:0\n' "$_rel"
            return 0
        fi
    done
    return 0
}

# sysv_enabled NAME — true when an rc2–5.d start link for NAME exists.
sysv_enabled() {
    for _lvl in 2 3 4 5; do
        for _link in "$ROOT/etc/rc$_lvl.d"/S[0-9][0-9]"$1" "$ROOT/etc/rc.d/rc$_lvl.d"/S[0-9][0-9]"$1"; do
            [ -e "$_link" ] || [ -L "$_link" ] && return 0
        done
    done
    return 1
}

# service_enabled NAME [UNIT...] — records evidence and is true when NAME runs at boot: a systemd
# unit (NAME.service, NAME.socket and the UNITs given), an inetd/xinetd entry or an rc link.
service_enabled() {
    _name=$1
    shift
    for _unit in "$_name.service" "$_name.socket" "$@"; do
        if systemd_enabled "$_unit"; then
            evidence note="systemd unit $_unit is enabled" value="$_unit"
            return 0
        fi
    done
    _hit=$(inetd_enabled "$_name")
    if [ -n "$_hit" ]; then
        evidence file="${_hit%%:*}" line="${_hit##*:}" note="$_name is enabled in inetd/xinetd"
        return 0
    fi
    if sysv_enabled "$_name"; then
        evidence note="rc start link for $_name" value="$_name"
        return 0
    fi
    return 1
}

# installed BINARY... — true when one of the BINARY paths exists on the scanned system.
installed() {
    for _bin in "$@"; do
        exists "$_bin" && return 0
    done
    return 1
}

# ---- filesystem walks -----------------------------------------------------------------------

# fs_index — a file listing every inode on the root filesystem of the scanned system as
# "MODE UID GID TYPE PATH" (MODE octal with special bits), made once per scan and shared through
# PORTLESS_SCAN_CACHE when the runner sets it (a check run alone makes a private one). Prints the
# listing's path. When the runner is already making it in the background (fs_index_start), waits
# for that rather than walking the filesystem a second time.
fs_index() {
    _index=$(fs_index_file)
    if [ ! -s "$_index" ] && [ -s "$_index.pending" ]; then
        read -r _builder < "$_index.pending"
        while [ ! -s "$_index" ] && kill -0 "$_builder" 2>/dev/null; do
            sleep 0.1 2>/dev/null || sleep 1
        done
    fi
    if [ ! -s "$_index" ]; then
        # find prints paths under ROOT without the ROOT prefix itself (%P), so no filter is needed.
        find "$ROOT/" -xdev \( -path "$ROOT/proc" -o -path "$ROOT/sys" -o -path "$ROOT/run" \) -prune \
            -o -printf '%#m %U %G %y /%P\n' > "$_index.$$" 2>/dev/null
        mv -f "$_index.$$" "$_index"
    fi
    printf '%s\n' "$_index"
}

# fs_index_file — where the listing of ROOT is kept in PORTLESS_SCAN_CACHE.
fs_index_file() {
    printf '%s/fs-index.%s\n' "$PORTLESS_SCAN_CACHE" "$(printf '%s' "${ROOT:-/}" | cksum | cut -d' ' -f1)"
}

# fs_index_start — for the runner: starts making ROOT's listing in the background (the walk of the
# whole filesystem is the scan's slowest step; the checks before the first one that reads the
# listing run meanwhile) and notes the builder's pid where fs_index looks for it. Sets
# FS_INDEX_PID; killing that pid stops the walk.
fs_index_start() {
    _index=$(fs_index_file)
    (
        trap 'kill "$_find" 2>/dev/null; rm -f "$_index.part"; exit 143' TERM
        find "$ROOT/" -xdev \( -path "$ROOT/proc" -o -path "$ROOT/sys" -o -path "$ROOT/run" \) -prune \
            -o -printf '%#m %U %G %y /%P\n' > "$_index.part" 2>/dev/null &
        _find=$!
        wait "$_find"
        mv -f "$_index.part" "$_index"
    ) &
    FS_INDEX_PID=$!
    printf '%s\n' "$FS_INDEX_PID" > "$_index.pending"
}

# passwd_entries — the scanned system's /etc/passwd without comments: name:pw:uid:gid:gecos:home:shell.
passwd_entries() {
    [ -r "$ROOT/etc/passwd" ] || return 0
    grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$ROOT/etc/passwd" || true
}

# login_shell SHELL — true when SHELL lets a user log in (not false/nologin/sync/shutdown/halt).
login_shell() {
    case $1 in
        ''|*/false|*/nologin|*/sync|*/shutdown|*/halt) return 1 ;;
        *) return 0 ;;
    esac
}
