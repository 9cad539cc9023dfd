"""Hardened content for the service, patch and log checks (U-19–U-43, U-60–U-72)."""

from __future__ import annotations


def harden_services_and_logs(tree) -> None:
    """Lays out service, mail, DNS, web, FTP, SNMP and logging configuration so those checks pass."""
