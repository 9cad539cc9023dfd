#!/bin/sh
# id: U-31
# id2026: U-46
# severity: High
# cis: 2.2.15
# title-ko: 스팸 메일 릴레이 제한
# title-en: The mail server does not relay for anyone (SMTP relay is restricted)
# remedy-ko: Sendmail: promiscuous_relay 등 릴레이 허용 FEATURE 를 지우고 /etc/mail/access 에 허용 대역만 RELAY 로 둔다(8.9 미만은 Relaying denied 규칙). Postfix: mynetworks 를 내부 대역으로 한정하고 smtpd_relay_restrictions 에 reject_unauth_destination 을 둔다. Exim: relay 대상 호스트를 한정한다.
# remedy-en: Sendmail: drop promiscuous_relay and similar FEATUREs and list only allowed networks as RELAY in /etc/mail/access (before 8.9, the Relaying denied rule). Postfix: limit mynetworks and keep reject_unauth_destination in smtpd_relay_restrictions. Exim: limit the relay hosts.
# shellcheck source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source=../lib/services.sh
. "$(dirname "$0")/../lib/services.sh"
check_begin "$@"

mta_na_unless_installed
verdict=PASS
cf=$(sendmail_cf)
if [ -n "$cf" ]; then
    ver=$(sendmail_version)
    if [ -n "$ver" ] && version_below "$ver" 8 9; then
        rule=$(numbered_active "$cf" | grep -E '^[0-9]+:R\$\*[[:space:]].*\$#error.*[Rr]elaying denied' | head -n 1)
        if [ -n "$rule" ]; then
            evidence file="$cf" line="${rule%%:*}" value="${rule#*:}" note="Sendmail $ver: relay denied by rule"
        else
            evidence file="$cf" value="Sendmail $ver without a Relaying denied rule" expected="R\$* \$#error \$@ 5.7.1 \$: \"550 Relaying denied\""
            verdict=FAIL
        fi
    else
        open=""
        for mc in /etc/mail/sendmail.mc /etc/sendmail.mc; do
            hits=$(numbered_active "$mc" | grep -v '^[0-9]*:dnl' | grep -E "FEATURE\\([\`']?(promiscuous_relay|loose_relay_check|relay_local_from)" || true)
            [ -n "$hits" ] || continue
            while IFS= read -r hit; do
                evidence file="$mc" line="${hit%%:*}" value="${hit#*:}" expected="no relay-opening FEATURE"
            done <<EOF
$hits
EOF
            open=yes
        done
        relays=$(numbered_active /etc/mail/access | awk '{ n = split($0, f, /[ \t]+/) } toupper(f[n]) == "RELAY" { k = f[1]; sub(/^[0-9]+:/, "", k); sub(/^[Cc]onnect:/, "", k); if (k == "0" || k == "0.0.0.0" || k == "*" || k == "") print }')
        if [ -n "$relays" ]; then
            evidence file=/etc/mail/access line="${relays%%:*}" value="$(printf '%s' "$relays" | head -n 1 | cut -d: -f2-)" expected="RELAY only for the networks that need it"
            open=yes
        fi
        if [ -n "$open" ]; then
            verdict=FAIL
        else
            evidence file="$cf" value="Sendmail ${ver:-(version unknown)}: relaying denied by default, no relay-opening FEATURE or catch-all RELAY entry" expected="relay restricted"
        fi
    fi
fi
if [ -n "$(postfix_main)" ]; then
    mc=$(postfix_main)
    nets=$(postfix_setting mynetworks)
    case " $(printf '%s' "${nets#*:}" | tr ',' ' ') " in
        *" 0.0.0.0/0 "*|*" * "*|*" [::]/0 "*|*" ::/0 "*)
            evidence file="$mc" line="${nets%%:*}" value="mynetworks = ${nets#*:}" expected="only trusted networks"
            verdict=FAIL ;;
    esac
    relay=$(postfix_setting smtpd_relay_restrictions)
    rcpt=$(postfix_setting smtpd_recipient_restrictions)
    # guarded LIST — true when LIST has reject/defer_unauth_destination before any bare permit.
    guarded() {
        printf '%s\n' "$1" | awk '
            { n = split($0, t, /[, \t]+/)
              for (i = 1; i <= n; i++) {
                  if (t[i] == "reject_unauth_destination" || t[i] == "defer_unauth_destination") { ok = 1; break }
                  if (t[i] == "permit") break
              } }
            END { exit !ok }'
    }
    if [ -n "$relay" ] && ! guarded "${relay#*:}" && { [ -z "$rcpt" ] || ! guarded "${rcpt#*:}"; }; then
        evidence file="$mc" line="${relay%%:*}" value="smtpd_relay_restrictions = ${relay#*:}" expected="reject_unauth_destination (or defer_unauth_destination) before any permit"
        [ -n "$rcpt" ] && evidence file="$mc" line="${rcpt%%:*}" value="smtpd_recipient_restrictions = ${rcpt#*:}"
        verdict=FAIL
    elif [ -n "$relay" ]; then
        evidence file="$mc" line="${relay%%:*}" value="smtpd_relay_restrictions = ${relay#*:}" expected="reject_unauth_destination"
    else
        evidence file="$mc" value="smtpd_relay_restrictions not set (Postfix default: permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination)" expected="reject_unauth_destination"
    fi
fi
if [ -n "$(exim_config)" ]; then
    conf=/etc/exim4/update-exim4.conf.conf
    if exists "$conf"; then
        hit=$(numbered_active "$conf" | grep -E "^[0-9]+:dc_relay_nets=" | tail -n 1)
        value=$(printf '%s' "${hit#*:}" | sed "s/^dc_relay_nets=//; s/^['\"]//; s/['\"]\$//")
        evidence file="$conf" line="${hit%%:*}" value="dc_relay_nets=$value" expected="only trusted networks"
    else
        conf=$(exim_config)
        hit=$(numbered_active "$conf" | grep -E '^[0-9]+:hostlist[[:space:]]+relay_from_hosts' | tail -n 1)
        value=$(printf '%s' "${hit#*:}" | sed 's/^[^=]*=[[:space:]]*//')
        evidence file="$conf" line="${hit%%:*}" value="relay_from_hosts = $value" expected="only trusted networks"
    fi
    case " $(printf '%s' "$value" | tr ':;,' '   ') " in
        *" 0.0.0.0/0 "*|*" * "*|*" ::/0 "*) verdict=FAIL ;;
    esac
fi
finish "$verdict"
