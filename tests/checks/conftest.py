"""Fixtures for the check-bundle tests: fresh hardened trees in both layouts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tree import FLAVORS, hardened_tree  # noqa: E402


@pytest.fixture(params=FLAVORS)
def tree(request, tmp_path):
    """A hardened tree, once per layout (Debian/Ubuntu and RHEL family)."""
    return hardened_tree(tmp_path / "root", request.param)
