# shellcheck shell=sh
# Helpers for the account and file checks (U-01–U-18, U-44–U-59), sourced after common.sh.

# ---- tree-relative paths -------------------------------------------------------------------

# tree_resolve FILE — FILE with its symbolic links followed inside the scanned tree (an absolute
# link target is taken under ROOT, not on the host), as a path on the scanned system.
tree_resolve() {
    _f=$1
    _n=0
    while [ -L "$ROOT$_f" ] && [ "$_n" -lt 10 ]; do
        _t=$(readlink "$ROOT$_f")
        case $_t in
            /*) _f=$_t ;;
            *) _f="$(dirname "$_f")/$_t" ;;
        esac
        _n=$((_n + 1))
    done
    printf '%s\n' "$_f"
}

# ---- lists as evidence ---------------------------------------------------------------------

# Long lists (thousands of set-id or hidden files on a real root) are turned into JSON by one awk
# run rather than one `evidence`/`review` call (and its forks) per item.
JSON_AWK='function esc(s) { gsub(/\\/, "\\\\\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s)
    gsub(/\r/, "\\r", s); gsub(/[\001-\037]/, " ", s); return "\"" s "\"" }'

# evidence_list LIMIT KEY [EXPECTED] — reads "FILE<TAB>VALUE" lines and records each as evidence
# (file=FILE KEY=VALUE expected=EXPECTED), at most LIMIT of them; notes how many there were.
# Returns false when there was no line.
evidence_list() {
    _out=$(awk -v limit="$1" -v key="$2" -v expect="${3:-}" "$JSON_AWK"'
        $0 == "" { next }
        {
            n++
            if (n > limit) next
            t = index($0, "\t"); f = t ? substr($0, 1, t - 1) : $0; v = t ? substr($0, t + 1) : ""
            o = "{\"file\":" esc(f) ",\"" key "\":" esc(v) (expect != "" ? ",\"expected\":" esc(expect) : "") "}"
            out = out (out == "" ? "" : ",") o
        }
        END { print n + 0; print out }')
    _count=${_out%%"$NL"*}
    _json=${_out#*"$NL"}
    [ "$_count" -gt 0 ] || return 1
    EVIDENCE="$EVIDENCE${EVIDENCE:+,}$_json"
    if [ "$_count" -gt "$1" ]; then evidence note="$_count items; the first $1 are listed"; fi
    return 0
}

# review_lines [LIMIT] — adds each non-empty input line to the review list, at most LIMIT
# (default 500); notes how many there were when some were left out. Sets REVIEW_COUNT.
review_lines() {
    _limit=${1:-500}
    _out=$(awk -v limit="$_limit" "$JSON_AWK"'
        $0 == "" { next }
        { n++; if (n <= limit) out = out (out == "" ? "" : ",") esc($0) }
        END { print n + 0; print out }')
    REVIEW_COUNT=${_out%%"$NL"*}
    _json=${_out#*"$NL"}
    [ "$REVIEW_COUNT" -gt 0 ] || return 0
    REVIEW="$REVIEW${REVIEW:+,}$_json"
    if [ "$REVIEW_COUNT" -gt "$_limit" ]; then
        evidence note="$REVIEW_COUNT items; the first $_limit are listed"
    fi
}

NL='
'

# ---- shared filesystem listing --------------------------------------------------------------

# scan_index — sets FS_INDEX to the shared fs_index listing ("MODE UID GID TYPE PATH"). Run alone
# (no runner, so no PORTLESS_SCAN_CACHE), the check gets a private cache removed when it ends, so
# a stale or planted listing in a shared temporary directory is never read.
scan_index() {
    if [ -z "${PORTLESS_SCAN_CACHE:-}" ]; then
        PORTLESS_SCAN_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/portless-check.XXXXXX") || exit 1
        export PORTLESS_SCAN_CACHE
        # shellcheck disable=SC2064
        trap "rm -rf '$PORTLESS_SCAN_CACHE'" EXIT
    fi
    # shellcheck disable=SC2034 # read by the checks
    FS_INDEX=$(fs_index)
}

# ---- accounts ------------------------------------------------------------------------------

# uid_min — the first UID of ordinary users (UID_MIN in login.defs, default 1000).
uid_min() {
    _v=$(login_defs UID_MIN)
    case $_v in ''|*[!0-9]*) _v=1000 ;; esac
    printf '%s\n' "$_v"
}

# gid_min — the first GID of ordinary groups (GID_MIN in login.defs, default 1000).
gid_min() {
    _v=$(login_defs GID_MIN)
    case $_v in ''|*[!0-9]*) _v=1000 ;; esac
    printf '%s\n' "$_v"
}

# login_accounts — passwd entries whose shell lets them log in (name:pw:uid:gid:gecos:home:shell).
login_accounts() {
    passwd_entries | while IFS= read -r _entry; do
        _shell=${_entry##*:}
        if login_shell "$_shell"; then printf '%s\n' "$_entry"; fi
    done
}

# group_entries — the scanned system's /etc/group without comments.
group_entries() {
    [ -r "$ROOT/etc/group" ] || return 0
    grep -v '^[[:space:]]*#' "$ROOT/etc/group" | grep -v '^[[:space:]]*$' || true
}

# ---- PAM -----------------------------------------------------------------------------------

# pam_stack_files KIND — the PAM files of the system-wide KIND stack (auth or password) present
# on the scanned system: Debian's common-KIND, the RHEL family's system-auth and password-auth.
pam_stack_files() {
    for _name in "common-$1" system-auth password-auth; do
        if exists "/etc/pam.d/$_name"; then printf '%s\n' "/etc/pam.d/$_name"; fi
    done
}

# pam_module_lines FILE TYPE MODULE — active lines of the PAM FILE (full path on the scanned
# system, links followed inside the tree) of TYPE (auth, password, …; "-type" lines count) that
# load MODULE, as "LINENO:TEXT".
pam_module_lines() {
    numbered_active "$(tree_resolve "$1")" | awk -v type="$2" -v module="$3" '
        {
            text = $0; sub(/^[0-9]+:/, "", text)
            n = split(text, f, /[ \t]+/)
            t = f[1]; sub(/^-/, "", t)
            if (t != type) next
            # the control may be a bracketed list with blanks: skip to the module field
            i = 2
            if (substr(f[2], 1, 1) == "[") { while (i <= n && f[i] !~ /\]$/) i++ }
            m = f[i + 1]; sub(/.*\//, "", m)
            if (m == module) print
        }'
}

# pam_line_control TEXT — the control field of a PAM line (required, requisite, [..], …).
pam_line_control() {
    printf '%s\n' "$1" | awk '{ sub(/^[ \t]+/, ""); n = split($0, f, /[ \t]+/)
        c = f[2]; if (substr(c, 1, 1) == "[") { for (i = 3; i <= n && c !~ /\]$/; i++) c = c " " f[i] }
        print c }'
}

# pam_has_flag TEXT FLAG — true when the PAM line TEXT has the bare argument FLAG.
pam_has_flag() {
    printf '%s\n' "$1" | tr -s '[:blank:]' '\n' | grep -qx "$2"
}

# pwquality_conf KEY — "FILE:LINENO:VALUE" of KEY in /etc/security/pwquality.conf and the
# pwquality.conf.d drop-ins read after it (the last one read wins); nothing when unset.
pwquality_conf() {
    _found=""
    for _f in /etc/security/pwquality.conf "$ROOT/etc/security/pwquality.conf.d"/*.conf; do
        _f=${_f#"$ROOT"}
        exists "$_f" || continue
        _hit=$(keyword_line "$_f" "$1" last)
        if [ -n "$_hit" ]; then _found="$_f:$_hit"; fi
    done
    if [ -n "$_found" ]; then printf '%s\n' "$_found"; fi
}

# pam_setting FILE LINE MODULE KEY [CONF] — "FILE:LINENO:VALUE" of KEY for the module on the PAM
# LINE ("LINENO:TEXT" of FILE): the line's own KEY=VALUE argument wins, else the module's
# configuration file (CONF: pwquality or faillock), else nothing.
pam_setting() {
    _text=${2#*:}
    _v=$(pam_arg "$_text" "$4")
    if [ -n "$_v" ]; then
        printf '%s:%s:%s\n' "$1" "${2%%:*}" "$_v"
        return 0
    fi
    case ${5:-} in
        pwquality) pwquality_conf "$4" ;;
        faillock)
            _hit=$(keyword_line /etc/security/faillock.conf "$4" last)
            if [ -n "$_hit" ]; then printf '/etc/security/faillock.conf:%s\n' "$_hit"; fi ;;
    esac
}

# split_setting "FILE:LINENO:VALUE" — sets S_FILE, S_LINE, S_VALUE.
split_setting() {
    # shellcheck disable=SC2034 # read by the checks
    S_FILE=${1%%:*}
    _rest=${1#*:}
    S_LINE=${_rest%%:*}
    S_VALUE=${_rest#*:}
    # shellcheck disable=SC2034 # read by the checks
    if [ -z "$1" ]; then S_FILE=""; S_LINE=""; S_VALUE=""; fi
}

# is_int VALUE — true when VALUE is a (possibly negative) whole number.
is_int() {
    case $1 in
        ''|-|*[!0-9-]*|?*-*) return 1 ;;
        *) return 0 ;;
    esac
}

# ---- sshd ----------------------------------------------------------------------------------

# sshd_all KEY — every active KEY line of the sshd configuration, in the order sshd reads the
# files, as "FILE:LINENO:INMATCH:VALUE" (INMATCH is 1 for a line inside a Match block).
sshd_all() {
    for _f in $(sshd_config_files); do
        numbered_active "$_f" | awk -v key="$1" -v file="$_f" '
            {
                lineno = $0; sub(/:.*/, "", lineno)
                text = $0; sub(/^[0-9]+:/, "", text)
                split(text, f, /[ \t=]+/)
                k = tolower(f[1])
                if (k == "match") { inmatch = 1; next }
                if (k == tolower(key)) {
                    value = text; sub(/^[^ \t=]+[ \t=]+/, "", value); sub(/[ \t]+$/, "", value)
                    print file ":" lineno ":" (inmatch ? 1 : 0) ":" value
                }
            }'
    done
}

# ---- shell start-up files ------------------------------------------------------------------

# profile_files — the system-wide sh start-up files present: /etc/profile, /etc/profile.d/*.sh,
# /etc/bashrc, /etc/bash.bashrc.
profile_files() {
    for _f in /etc/profile "$ROOT/etc/profile.d"/*.sh /etc/bashrc /etc/bash.bashrc; do
        _f=${_f#"$ROOT"}
        if [ -f "$ROOT$_f" ]; then printf '%s\n' "$_f"; fi
    done
}
