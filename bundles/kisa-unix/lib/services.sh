# shellcheck shell=sh
# Helpers for the service, patch and log checks (U-19–U-43, U-60–U-72), sourced after common.sh.
# Everything reads files under "$ROOT" only: no service is asked anything, nothing is run.
# Local names start with _s so they do not clobber common.sh's.

# first_existing FILE... — the first FILE that exists on the scanned system; false when none does.
first_existing() {
    for _sf in "$@"; do
        if exists "$_sf"; then printf '%s\n' "$_sf"; return 0; fi
    done
    return 1
}

# nonempty FILE — true when FILE exists and holds something besides blank lines.
nonempty() {
    [ -f "$ROOT$1" ] && grep -q '[^[:space:]]' "$ROOT$1" 2>/dev/null
}

# lower TEXT — TEXT in lower case.
lower() {
    printf '%s' "$1" | tr '[:upper:]' '[:lower:]'
}

# unquote TEXT — TEXT without surrounding double or single quotes.
unquote() {
    printf '%s' "$1" | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'\$/\\1/"
}

# ---- services that must be off ---------------------------------------------------------------

# _service_index — reads once per check what starts at boot, with the same rules as common.sh's
# service_enabled but without a process per name: SVC_UNITS (entries of /etc/systemd/system/*.wants
# and *.requires), SVC_INETD ("NAME:LINE" of active inetd.conf entries), SVC_XINETD ("NAME|FILE" of
# xinetd.d service blocks without `disable = yes`) and SVC_RC (names with rc2–5 start links).
_service_index() {
    [ -n "${SVC_INDEXED:-}" ] && return 0
    SVC_INDEXED=1
    _setc=$(path /etc)
    SVC_UNITS=" "
    for _sf in "$_setc"/systemd/system/*.wants/* "$_setc"/systemd/system/*.requires/*; do
        [ -e "$_sf" ] || [ -L "$_sf" ] || continue
        SVC_UNITS="$SVC_UNITS${_sf##*/} "
    done
    SVC_RC=" "
    for _sf in "$_setc"/rc[2345].d/S[0-9][0-9]* "$_setc"/rc.d/rc[2345].d/S[0-9][0-9]*; do
        [ -e "$_sf" ] || [ -L "$_sf" ] || continue
        _sn=${_sf##*/}
        SVC_RC="$SVC_RC${_sn#S[0-9][0-9]} "
    done
    SVC_INETD=""
    if [ -r "$_setc/inetd.conf" ]; then
        SVC_INETD=$(awk '{ sub(/^[ \t]+/, "") } $0 != "" && substr($0, 1, 1) != "#" { print $1 ":" NR }' "$_setc/inetd.conf")
    fi
    SVC_XINETD=""
    for _sf in "$_setc"/xinetd.d/*; do
        [ -f "$_sf" ] || continue
        SVC_XINETD=$(awk -v root="$ROOT" '
            FNR == 1 { if (inside && !off) print name "|" substr(prev, length(root) + 1); inside = 0 }
            { prev = FILENAME; line = $0; sub(/^[ \t]+/, "", line) }
            line ~ /^service[ \t]/ { split(line, f, /[ \t]+/); name = f[2]; inside = 1; off = 0; next }
            inside && tolower(line) ~ /^disable[ \t]*=[ \t]*yes/ { off = 1 }
            inside && line ~ /^}/ { if (!off) print name "|" substr(FILENAME, length(root) + 1); inside = 0 }
            END { if (inside && !off) print name "|" substr(prev, length(root) + 1) }' "$_setc"/xinetd.d/*)
        break
    done
}

# enabled_among NAME[=UNIT,UNIT...]... — for each NAME, service_enabled's verdict (NAME.service,
# NAME.socket and the extra UNITs, inetd/xinetd, rc links) with the same evidence; sets ENABLED to
# the enabled NAMEs (space separated) and is true when there is one. Call it outside $(...), or
# the evidence is lost.
enabled_among() {
    _service_index
    ENABLED=""
    for _sspec in "$@"; do
        _sname=${_sspec%%=*}
        _sunits="$_sname.service $_sname.socket"
        case $_sspec in
            *=*) _sifs=$IFS; IFS=,; for _su in ${_sspec#*=}; do _sunits="$_sunits $_su"; done; IFS=$_sifs ;;
        esac
        _shit=""
        for _su in $_sunits; do
            case $SVC_UNITS in
                *" $_su "*) evidence note="systemd unit $_su is enabled" value="$_su"; _shit=1; break ;;
            esac
        done
        if [ -z "$_shit" ]; then
            for _sw in $SVC_INETD; do
                if [ "${_sw%:*}" = "$_sname" ]; then
                    evidence file=/etc/inetd.conf line="${_sw##*:}" note="$_sname is enabled in inetd/xinetd"
                    _shit=1
                    break
                fi
            done
        fi
        if [ -z "$_shit" ]; then
            for _sw in $SVC_XINETD; do
                if [ "${_sw%%|*}" = "$_sname" ]; then
                    evidence file="${_sw#*|}" line=0 note="$_sname is enabled in inetd/xinetd"
                    _shit=1
                    break
                fi
            done
        fi
        if [ -z "$_shit" ]; then
            case $SVC_RC in
                *" $_sname "*) evidence note="rc start link for $_sname" value="$_sname"; _shit=1 ;;
            esac
        fi
        [ -n "$_shit" ] && ENABLED="$ENABLED${ENABLED:+ }$_sname"
    done
    [ -n "$ENABLED" ]
}

# inetd_has NAME — true when NAME is enabled in inetd.conf or xinetd.d (no evidence).
inetd_has() {
    _service_index
    for _sw in $SVC_INETD; do [ "${_sw%:*}" = "$1" ] && return 0; done
    for _sw in $SVC_XINETD; do [ "${_sw%%|*}" = "$1" ] && return 0; done
    return 1
}

# must_be_disabled LABEL NAME[=UNIT,...]... — the whole verdict of a "service X is off" check:
# FAIL when one of the services is enabled (evidence for each), else PASS with a note.
must_be_disabled() {
    _slabel=$1
    shift
    if enabled_among "$@"; then
        finish FAIL
    fi
    _snames=""
    for _sspec in "$@"; do _snames="$_snames${_snames:+, }${_sspec%%=*}"; done
    evidence note="no $_slabel service enabled (systemd units, inetd.conf, xinetd.d, rc links)" value="$_snames" expected="disabled"
    finish PASS
}

# ---- package databases (read as files) -----------------------------------------------------

# dpkg_version PACKAGE — the installed version of PACKAGE from /var/lib/dpkg/status, or nothing.
dpkg_version() {
    [ -r "$ROOT/var/lib/dpkg/status" ] || return 0
    awk -v pkg="$1" 'BEGIN { RS = "" }
        {
            name = ""; ver = ""; ok = 0
            n = split($0, l, "\n")
            for (i = 1; i <= n; i++) {
                if (l[i] ~ /^Package: /) name = substr(l[i], 10)
                else if (l[i] ~ /^Version: /) ver = substr(l[i], 10)
                else if (l[i] ~ /^Status: .* installed$/) ok = 1
            }
            if (name == pkg && ok) { print ver; exit }
        }' "$ROOT/var/lib/dpkg/status"
}

# rpm_database — the rpm database file of the scanned system, or nothing.
rpm_database() {
    first_existing /var/lib/rpm/rpmdb.sqlite /usr/lib/sysimage/rpm/rpmdb.sqlite /var/lib/rpm/Packages /var/lib/rpm/Packages.db || true
}

# ---- Apache ------------------------------------------------------------------------------

# apache_main — the main Apache configuration file, or nothing when Apache is not configured.
apache_main() {
    first_existing /etc/apache2/apache2.conf /etc/httpd/conf/httpd.conf /usr/local/apache2/conf/httpd.conf \
        /usr/local/apache/conf/httpd.conf /etc/apache2/httpd.conf || true
}

# apache_server_root MAIN — ServerRoot from MAIN, else the directory above conf/ (RHEL, source
# builds) or MAIN's own directory (Debian).
apache_server_root() {
    _sroot=$(keyword_line "$1" ServerRoot | sed 's/^[0-9]*://')
    if [ -n "$_sroot" ]; then unquote "$_sroot"; return 0; fi
    _sdir=${1%/*}
    case $_sdir in */conf) _sdir=${_sdir%/conf} ;; esac
    printf '%s' "$_sdir"
}

# apache_expand VALUE — VALUE with ${VAR} replaced from Debian's /etc/apache2/envvars (or
# RHEL's /etc/sysconfig/httpd); unknown variables stay as they are.
apache_expand() {
    # shellcheck disable=SC2016 # a literal ${
    case $1 in *'${'*) ;; *) printf '%s' "$1"; return 0 ;; esac
    _senv=""
    for _sf in /etc/apache2/envvars /etc/sysconfig/httpd; do
        [ -r "$ROOT$_sf" ] && _senv="$_senv $(path "$_sf")"
    done
    # shellcheck disable=SC2086 # the file list splits on purpose
    printf '%s\n' "$1" | awk -v files="$_senv" '
        BEGIN {
            n = split(files, fl, " ")
            for (i = 1; i <= n; i++) {
                while ((getline line < fl[i]) > 0) {
                    sub(/^[ \t]*export[ \t]+/, "", line)
                    if (line ~ /^[A-Za-z_][A-Za-z_0-9]*=/) {
                        k = line; sub(/=.*/, "", k); v = line; sub(/^[^=]*=/, "", v)
                        sub(/[ \t]*(#.*)?$/, "", v); gsub(/^["\047]|["\047]$/, "", v)
                        if (v !~ /\$/) env[k] = v
                    }
                }
            }
        }
        {
            out = $0
            while (match(out, /\$\{[A-Za-z_][A-Za-z_0-9]*\}/)) {
                k = substr(out, RSTART + 2, RLENGTH - 3)
                if (!(k in env)) break
                out = substr(out, 1, RSTART - 1) env[k] substr(out, RSTART + RLENGTH)
            }
            printf "%s", out
        }'
}

# _apache_emit FILE SERVERROOT DEPTH — FILE's active lines as "FILE:LINENO:TEXT", Include and
# IncludeOptional lines replaced by the lines of the files they name (a directory: all its files).
_apache_emit() {
    [ "$3" -gt 8 ] && return 0
    [ -f "$ROOT$1" ] || return 0
    numbered_active "$1" | while IFS= read -r _sline; do
        _stext=${_sline#*:}
        case $_stext in
            [Ii][Nn][Cc][Ll][Uu][Dd][Ee][[:space:]]*|[Ii][Nn][Cc][Ll][Uu][Dd][Ee][Oo][Pp][Tt][Ii][Oo][Nn][Aa][Ll][[:space:]]*)
                printf '%s:%s\n' "$1" "$_sline"
                _spat=$(printf '%s' "$_stext" | sed 's/^[^[:space:]]*[[:space:]]*//; s/[[:space:]]*$//')
                _spat=$(apache_expand "$(unquote "$_spat")")
                case $_spat in /*) ;; *) _spat="$2/$_spat" ;; esac
                if [ -d "$ROOT$_spat" ]; then _spat="${_spat%/}/*"; fi
                for _sinc in $(path "$_spat"); do
                    [ -f "$_sinc" ] || continue
                    _apache_emit "${_sinc#"$ROOT"}" "$2" $(($3 + 1))
                done
                ;;
            *) printf '%s:%s\n' "$1" "$_sline" ;;
        esac
    done
}

# apache_load — reads the Apache configuration once (call it in the check's own shell, not in
# $(...)); apache_config then prints it.
apache_load() {
    _smain=$(apache_main)
    APACHE_CONFIG_CACHE=""
    [ -n "$_smain" ] || return 0
    # Shared by the Apache checks of one scan through the runner's cache directory.
    _scache=""
    if [ -n "${PORTLESS_SCAN_CACHE:-}" ] && [ -d "$PORTLESS_SCAN_CACHE" ]; then
        _scache="$PORTLESS_SCAN_CACHE/apache-config.$(printf '%s' "${ROOT:-/}" | cksum | cut -d' ' -f1)"
        if [ -f "$_scache" ]; then
            APACHE_CONFIG_CACHE=$(cat "$_scache")
            return 0
        fi
    fi
    APACHE_CONFIG_CACHE=$(_apache_emit "$_smain" "$(apache_server_root "$_smain")" 0)
    if [ -n "$_scache" ]; then
        printf '%s\n' "$APACHE_CONFIG_CACHE" > "$_scache.$$" && mv -f "$_scache.$$" "$_scache"
    fi
}

# apache_config — every active line of the Apache configuration, includes expanded in place, as
# "FILE:LINENO:TEXT".
apache_config() {
    [ -n "${APACHE_CONFIG_CACHE+set}" ] || apache_load
    [ -n "$APACHE_CONFIG_CACHE" ] && printf '%s\n' "$APACHE_CONFIG_CACHE"
    return 0
}

# apache_directives NAME — each NAME directive as "FILE<US>LINENO<US>SECTION<US>VALUE" (US: the \037 unit separator,
# so that empty fields survive `read`), where
# SECTION is the innermost <Directory>, <Location> or <Files> section ("Directory /var/www") or
# empty at server and virtual-host level. NAME is matched without case.
apache_directives() {
    apache_config | awk -v key="$1" '
        {
            file = $0; sub(/:.*/, "", file); rest = substr($0, length(file) + 2)
            line = rest; sub(/:.*/, "", line); text = substr(rest, length(line) + 2)
            sub(/[ \t]+$/, "", text)
            if (text ~ /^<\//) { if (depth > 0) depth--; next }
            if (text ~ /^</) {
                t = text; sub(/^</, "", t); sub(/>$/, "", t)
                name = t; sub(/[ \t].*/, "", name); arg = t; sub(/^[^ \t]*[ \t]*/, "", arg)
                gsub(/"/, "", arg)
                depth++
                kind = tolower(name)
                if (kind ~ /^(directory|directorymatch|location|locationmatch|files|filesmatch)$/) sect[depth] = name " " arg
                else sect[depth] = (depth > 1 ? sect[depth - 1] : "")
                next
            }
            n = split(text, f, /[ \t]+/)
            if (tolower(f[1]) == tolower(key)) {
                value = text; sub(/^[^ \t]+[ \t]*/, "", value)
                print file "\037" line "\037" (depth > 0 ? sect[depth] : "") "\037" value
            }
        }'
}

# apache_document_roots — every DocumentRoot value (quotes stripped, variables expanded), one a
# line as "FILE<US>LINENO<US>PATH".
apache_document_roots() {
    _sus=$(printf '\037')
    apache_directives DocumentRoot | while IFS="$_sus" read -r _sf _sl _ss _sv; do
        printf '%s\037%s\037%s\n' "$_sf" "$_sl" "$(apache_expand "$(unquote "$_sv")")"
    done
}

# apache_na_unless_configured — finishes NA (with evidence) when there is no Apache configuration;
# otherwise loads it.
apache_na_unless_configured() {
    apache_load
    if [ -z "$(apache_main)" ]; then
        evidence note="no Apache configuration (/etc/apache2/apache2.conf, /etc/httpd/conf/httpd.conf, /usr/local/apache*/conf/httpd.conf)"
        finish NA
    fi
}

# ---- mail --------------------------------------------------------------------------------

# sendmail_cf — the sendmail configuration file, or nothing.
sendmail_cf() {
    first_existing /etc/mail/sendmail.cf /etc/sendmail.cf || true
}

# sendmail_version — the version in sendmail.cf's DZ line, or nothing.
sendmail_version() {
    _scf=$(sendmail_cf)
    [ -n "$_scf" ] || return 0
    sed -n 's/^DZ[[:space:]]*//p' "$ROOT$_scf" | head -n 1
}

# sendmail_privacy — "LINENO:VALUE" of the active `O PrivacyOptions=` line of sendmail.cf, or nothing.
sendmail_privacy() {
    _scf=$(sendmail_cf)
    [ -n "$_scf" ] || return 0
    numbered_active "$_scf" | sed -n 's/^\([0-9]*\):O[[:space:]]*PrivacyOptions[[:space:]]*=[[:space:]]*/\1:/p' | tail -n 1
}

# sendmail_privacy_options EXPECTED — records sendmail.cf's PrivacyOptions line (or its absence) as
# evidence against EXPECTED and sets PRIVACY_OPTIONS to ",opt,opt," (lower case, no blanks; empty
# when there is no such line).
sendmail_privacy_options() {
    _scf=$(sendmail_cf)
    _hit=$(sendmail_privacy)
    # shellcheck disable=SC2034  # read by the checks that source this library
    if [ -z "$_hit" ]; then
        evidence file="$_scf" value="no O PrivacyOptions line" expected="$1"
        PRIVACY_OPTIONS=""
    else
        evidence file="$_scf" line="${_hit%%:*}" value="PrivacyOptions=${_hit#*:}" expected="$1"
        PRIVACY_OPTIONS=",$(lower "${_hit#*:}" | tr -d ' \t'),"
    fi
}

# postfix_main — /etc/postfix/main.cf when Postfix is configured, or nothing.
postfix_main() {
    first_existing /etc/postfix/main.cf || true
}

# postfix_setting KEY — "LINENO:VALUE" of KEY in main.cf (last occurrence, continuation lines
# joined), or nothing.
postfix_setting() {
    _smc=$(postfix_main)
    [ -n "$_smc" ] || return 0
    awk -v key="$1" '
        /^[ \t]*#/ { next }
        /^[ \t]/ && cur != "" { val = val " " $0; next }
        { if (cur == key) { found = ln ":" val }; cur = ""; }
        /^[A-Za-z_0-9]+[ \t]*=/ {
            cur = $0; sub(/[ \t]*=.*/, "", cur); val = $0; sub(/^[^=]*=[ \t]*/, "", val); ln = NR
        }
        END { if (cur == key) found = ln ":" val; if (found != "") { gsub(/[ \t]+/, " ", found); print found } }' "$ROOT$_smc"
}

# exim_config — the Exim configuration file, or nothing.
exim_config() {
    first_existing /etc/exim4/exim4.conf.template /etc/exim4/exim4.conf /etc/exim/exim.conf /etc/exim.conf || true
}

# mta_na_unless_installed — finishes NA when no Sendmail, Postfix or Exim configuration exists.
mta_na_unless_installed() {
    if [ -z "$(sendmail_cf)$(postfix_main)$(exim_config)" ]; then
        evidence note="no mail server configuration (sendmail.cf, /etc/postfix/main.cf, Exim)"
        finish NA
    fi
}

# ---- DNS -----------------------------------------------------------------------------------

# named_conf — the main BIND configuration file, or nothing.
named_conf() {
    first_existing /etc/bind/named.conf /etc/named.conf /etc/named/named.conf || true
}

# named_installed — true when BIND is present (configuration or daemon).
named_installed() {
    [ -n "$(named_conf)" ] || installed /usr/sbin/named /usr/local/sbin/named
}

# _named_emit FILE DEPTH — FILE's lines without comments as "FILE:LINENO:TEXT", include
# statements replaced by the included file's lines.
_named_emit() {
    [ "$2" -gt 8 ] && return 0
    [ -f "$ROOT$1" ] || return 0
    awk '
        {
            line = $0
            if (incomment) { if (match(line, /\*\//)) { line = substr(line, RSTART + 2); incomment = 0 } else next }
            while (match(line, /\/\*/)) {
                head = substr(line, 1, RSTART - 1); tail = substr(line, RSTART + 2)
                if (match(tail, /\*\//)) line = head " " substr(tail, RSTART + 2)
                else { line = head; incomment = 1 }
            }
            sub(/\/\/.*/, "", line); sub(/#.*/, "", line)
            sub(/^[ \t]+/, "", line); sub(/[ \t]+$/, "", line)
            if (line != "") print NR ":" line
        }' "$ROOT$1" | while IFS= read -r _sline; do
        _stext=${_sline#*:}
        case $_stext in
            include[[:space:]]*)
                _sinc=$(printf '%s' "$_stext" | sed -n 's/^include[[:space:]]*"\([^"]*\)".*/\1/p')
                case $_sinc in /*) _named_emit "$_sinc" $(($2 + 1)) ;; ?*) _named_emit "${1%/*}/$_sinc" $(($2 + 1)) ;; esac
                ;;
            *) printf '%s:%s\n' "$1" "$_sline" ;;
        esac
    done
}

# named_config — the whole BIND configuration, includes expanded, as "FILE:LINENO:TEXT".
named_config() {
    _snc=$(named_conf)
    [ -n "$_snc" ] || return 0
    _named_emit "$_snc" 0
}

# named_version — the installed BIND version from the dpkg database, or nothing.
named_version() {
    for _spkg in bind9 bind9-dnsutils; do
        _sver=$(dpkg_version "$_spkg")
        if [ -n "$_sver" ]; then printf '%s\n' "$_sver"; return 0; fi
    done
    return 0
}

# ---- FTP -----------------------------------------------------------------------------------

vsftpd_conf() { first_existing /etc/vsftpd.conf /etc/vsftpd/vsftpd.conf || true; }
proftpd_conf() { first_existing /etc/proftpd/proftpd.conf /etc/proftpd.conf || true; }
pureftpd_conf() { first_existing /etc/pure-ftpd/pure-ftpd.conf /etc/pure-ftpd.conf /etc/pure-ftpd/conf || true; }

# ftp_servers — the FTP servers present on the scanned system (vsftpd, proftpd, pure-ftpd, and
# "ftp" for an inetd/xinetd FTP entry), one a line.
ftp_servers() {
    if [ -n "$(vsftpd_conf)" ] || installed /usr/sbin/vsftpd; then echo vsftpd; fi
    if [ -n "$(proftpd_conf)" ] || installed /usr/sbin/proftpd; then echo proftpd; fi
    if [ -n "$(pureftpd_conf)" ] || installed /usr/sbin/pure-ftpd; then echo pure-ftpd; fi
    if inetd_has ftp || installed /usr/sbin/in.ftpd /usr/sbin/ftpd /usr/libexec/ftpd; then echo ftp; fi
}

# ftp_na_unless_installed — finishes NA when no FTP server is present.
ftp_na_unless_installed() {
    if [ -z "$(ftp_servers)" ]; then
        evidence note="no FTP server installed (vsftpd, proftpd, pure-ftpd, inetd/xinetd ftp)"
        finish NA
    fi
}

# ftp_enabled — records evidence and is true when an FTP server starts at boot (ENABLED names it).
ftp_enabled() {
    enabled_among vsftpd proftpd pure-ftpd=pure-ftpd-mysql.service,pure-ftpd-ldap.service ftp=ftpd.socket,ftpd.service
}

# ftpusers_files — the ftpusers / user_list files present, one a line.
ftpusers_files() {
    for _sf in /etc/ftpusers /etc/ftpd/ftpusers /etc/vsftpd/ftpusers /etc/vsftpd/user_list \
               /etc/vsftpd.ftpusers /etc/vsftpd.user_list; do
        exists "$_sf" && printf '%s\n' "$_sf"
    done
    return 0
}

# lists_user FILE NAME — "LINENO" of an active line of FILE that is exactly NAME, or nothing.
lists_user() {
    numbered_active "$1" | awk -F: -v n="$2" '{ sub(/[ \t]+$/, "", $2) } $2 == n { print $1; exit }'
}

# ---- SNMP ----------------------------------------------------------------------------------

snmpd_conf() { first_existing /etc/snmp/snmpd.conf /etc/snmpd.conf /usr/local/etc/snmp/snmpd.conf || true; }

# ---- syslog --------------------------------------------------------------------------------

# syslog_files — the syslog daemon configuration files present (rsyslog.conf and rsyslog.d/*.conf,
# or syslog.conf), one a line.
syslog_files() {
    for _sf in /etc/rsyslog.conf /etc/syslog.conf; do
        exists "$_sf" && printf '%s\n' "$_sf"
    done
    for _sf in "$ROOT/etc/rsyslog.d"/*.conf; do
        [ -f "$_sf" ] && printf '%s\n' "${_sf#"$ROOT"}"
    done
    return 0
}

# ---- file permissions --------------------------------------------------------------------

# perm_ok FILE MAXMODE [OWNERS] [quiet] — like owned_with_mode, but with `quiet` records FILE's
# evidence only when it fails (for long lists of files).
perm_ok() {
    _sowners=${3:-root}
    _sown=$(file_owner "$1")
    _smode=$(file_mode "$1")
    case " $_sowners " in *" $_sown "*) _sok=0 ;; *) _sok=1 ;; esac
    if [ "$_sok" -eq 0 ] && ! mode_within "$_smode" "$2"; then _sok=1; fi
    if [ "$_sok" -ne 0 ] || [ "${4:-}" != quiet ]; then
        file_evidence "$1" "owner in ($_sowners), mode <= $2"
    fi
    return "$_sok"
}

# proftpd_lines — active lines of proftpd.conf and its conf.d files as "FILE:LINENO:TEXT".
proftpd_lines() {
    _spc=$(proftpd_conf)
    [ -n "$_spc" ] || return 0
    for _sf in "$_spc" $(for _sg in "$ROOT/etc/proftpd/conf.d"/*.conf; do [ -f "$_sg" ] && printf '%s\n' "${_sg#"$ROOT"}"; done); do
        numbered_active "$_sf" | sed "s|^|$_sf:|"
    done
}

# pureftpd_setting KEY — the value of a pure-ftpd setting: Debian's /etc/pure-ftpd/conf/KEY file or
# `KEY value` in pure-ftpd.conf; as "FILE:LINENO:VALUE", or nothing.
pureftpd_setting() {
    if [ -f "$(path "/etc/pure-ftpd/conf/$1")" ]; then
        _sv=$(active_lines "/etc/pure-ftpd/conf/$1" | head -n 1)
        printf '/etc/pure-ftpd/conf/%s:1:%s\n' "$1" "$_sv"
        return 0
    fi
    for _sf in /etc/pure-ftpd/pure-ftpd.conf /etc/pure-ftpd.conf; do
        _sh=$(keyword_line "$_sf" "$1" last)
        if [ -n "$_sh" ]; then printf '%s:%s\n' "$_sf" "$_sh"; return 0; fi
    done
    return 0
}

# version_below VERSION MAJOR MINOR — true when the upstream VERSION (epoch and packaging suffix
# ignored: "1:9.18.28-1~deb12u2" is 9.18) is below MAJOR.MINOR; false when it cannot be read.
version_below() {
    printf '%s\n' "$1" | awk -v M="$2" -v m="$3" '
        { v = $0; sub(/^[0-9]+:/, "", v)
          if (!match(v, /^[0-9]+\.[0-9]+/)) exit 1
          split(substr(v, 1, RLENGTH), p, ".")
          exit !((p[1] + 0 < M + 0) || (p[1] + 0 == M + 0 && p[2] + 0 < m + 0)) }'
}

# others_can_run FILE — true when FILE grants execute permission to others.
others_can_run() {
    [ $(( 0$(file_mode "$1") & 01 )) -ne 0 ]
}

# apache_section_value DIRECTIVE DIR — "FILE<US>LINENO<US>SECTION<US>VALUE" of DIRECTIVE in the
# <Directory> section that best covers DIR (the longest Directory path that is DIR or above it);
# nothing when no such section sets DIRECTIVE.
apache_section_value() {
    apache_directives "$1" | awk -F '\037' -v dir="$2" '
        BEGIN { sub(/\/+$/, "", dir) }
        $3 ~ /^Directory / {
            p = substr($3, 11); sub(/\/+$/, "", p)
            if (p == "" || dir == p || index(dir, p "/") == 1) {
                if (length(p) >= best) { best = length(p); hit = $0 }
            }
        }
        END { if (hit != "") print hit }'
}

# apache_options_enable WORD — Options directives that turn WORD on (WORD, +WORD, or All), as
# "FILE<US>LINENO<US>SECTION<US>VALUE".
apache_options_enable() {
    apache_directives Options | awk -F '\037' -v w="$(lower "$1")" '
        { n = split(tolower($4), t, /[ \t]+/)
          for (i = 1; i <= n; i++) if (t[i] == w || t[i] == "+" w || t[i] == "all") { print; break } }'
}

# perm_scan MAXMODE OWNERS [quiet] -- FILE... — perm_ok for many files with one stat and one awk.
# OWNERS may hold `@base`, meaning the user the file is named after (users' crontabs). Records
# evidence for every file (only the failing ones with `quiet`); true when all pass.
perm_scan() {
    _smax=$1; _sowners=$2; _squiet=""
    shift 2
    if [ "${1:-}" = quiet ]; then _squiet=quiet; shift; fi
    [ "${1:-}" = -- ] && shift
    [ $# -gt 0 ] || return 0
    _sfail=0
    _srows=$(for _sf in "$@"; do printf '%s\n' "$ROOT$_sf"; done |
        tr '\n' '\0' | xargs -0 stat -c '%a %u %g %n' 2>/dev/null |
        awk -v max="$_smax" -v owners=" $_sowners " -v root="$ROOT" -v pw="$ROOT/etc/passwd" -v gr="$ROOT/etc/group" '
            function bits(m, i,   d) { d = substr(sprintf("%04d", m), i, 1) + 0; return d }
            function within(m, x,   i, a, b, k) {
                for (i = 1; i <= 4; i++) {
                    a = bits(m, i); b = bits(x, i)
                    for (k = 4; k >= 1; k /= 2) { if (a >= k && b < k) return 0; if (a >= k) a -= k; if (b >= k) b -= k }
                }
                return 1
            }
            BEGIN {
                FS = ":"
                while ((getline l < pw) > 0) { split(l, f, ":"); if (!(f[3] in user)) user[f[3]] = f[1] }
                while ((getline l < gr) > 0) { split(l, f, ":"); if (!(f[3] in group)) group[f[3]] = f[1] }
                FS = " "
            }
            {
                mode = $1; uid = $2; gid = $3; p = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ /, "", p)
                if (root != "" && index(p, root) == 1) p = substr(p, length(root) + 1)
                u = (uid in user) ? user[uid] : uid; g = (gid in group) ? group[gid] : gid
                base = p; sub(/.*\//, "", base)
                ok = within(mode, max) && (index(owners, " " u " ") || (index(owners, " @base ") && u == base))
                print (ok ? "OK" : "BAD") "\037" mode "\037" u "\037" g "\037" p
            }')
    _ssep=$(printf '\037')
    _sexp="owner in ($(printf '%s' "$_sowners" | sed 's/@base/the named user/')), mode <= $_smax"
    while IFS="$_ssep" read -r _sok _smode _sown _sgrp _sp; do
        [ -n "$_sp" ] || continue
        [ "$_sok" = OK ] || _sfail=1
        if [ "$_sok" != OK ] || [ -z "$_squiet" ]; then
            evidence file="$_sp" mode="$_smode" owner="$_sown" group="$_sgrp" expected="$_sexp"
        fi
    done <<EOF
$_srows
EOF
    return "$_sfail"
}
