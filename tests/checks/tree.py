"""Fixture root trees for the KISA Unix check bundle.

A `Tree` is a directory laid out like a Linux root filesystem. `hardened_tree(root, flavor)` builds
one where every check the bundle can decide passes, in a Debian/Ubuntu or a RHEL-family layout;
tests then break one thing and assert the check's verdict and evidence.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

BUNDLE = Path(__file__).resolve().parents[2] / "bundles" / "kisa-unix"
FLAVORS = ("debian", "rhel")


class Tree:
    """A fake root filesystem under `root`; paths given to its methods are absolute on that system."""

    def __init__(self, root: Path, flavor: str):
        self.root = Path(root)
        self.flavor = flavor

    def path(self, name: str) -> Path:
        return self.root / name.lstrip("/")

    def write(self, name: str, text: str, mode: int = 0o644, uid: int = 0, gid: int = 0) -> Path:
        """Writes a file (parents made 0755), then sets its mode and owner."""
        target = self.path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink():
            target.unlink()
        target.write_text(text)
        os.chown(target, uid, gid)
        os.chmod(target, mode)
        return target

    def append(self, name: str, text: str) -> None:
        target = self.path(name)
        with target.open("a") as handle:
            handle.write(text)

    def replace(self, name: str, old: str, new: str) -> None:
        """Replaces `old` (which must be present) with `new` in a file."""
        target = self.path(name)
        text = target.read_text()
        assert old in text, f"{old!r} is not in {name}"
        target.write_text(text.replace(old, new))

    def mkdir(self, name: str, mode: int = 0o755, uid: int = 0, gid: int = 0) -> Path:
        target = self.path(name)
        target.mkdir(parents=True, exist_ok=True)
        os.chown(target, uid, gid)
        os.chmod(target, mode)
        return target

    def symlink(self, name: str, points_to: str) -> None:
        target = self.path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink() or target.exists():
            target.unlink()
        target.symlink_to(points_to)

    def chmod(self, name: str, mode: int) -> None:
        os.chmod(self.path(name), mode)

    def chown(self, name: str, uid: int, gid: int = -1) -> None:
        os.chown(self.path(name), uid, gid, follow_symlinks=False)

    def remove(self, name: str) -> None:
        target = self.path(name)
        if target.is_dir() and not target.is_symlink():
            import shutil
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()

    def enable_unit(self, unit: str, wanted_by: str = "multi-user.target") -> None:
        """Enables a systemd unit the way `systemctl enable` does: a link in the target's .wants."""
        self.write(f"/usr/lib/systemd/system/{unit}", f"[Unit]\nDescription={unit}\n")
        self.symlink(f"/etc/systemd/system/{wanted_by}.wants/{unit}", f"/usr/lib/systemd/system/{unit}")


def run_check(root: Path, check_id: str, timeout: float = 60) -> dict:
    """Runs one check against `root` and returns its JSON object (asserting it printed exactly one)."""
    done = subprocess.run(["sh", str(BUNDLE / "checks" / f"{check_id}.sh"), str(root)],
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{check_id} exited {done.returncode}: {done.stderr}"
    lines = done.stdout.splitlines()
    assert len(lines) == 1, f"{check_id} printed {len(lines)} lines: {done.stdout!r} {done.stderr!r}"
    result = json.loads(lines[0])
    assert result["id"] == check_id
    return result


def run_bundle(root: Path, *extra: str, timeout: float = 600) -> list[dict]:
    """Runs the whole bundle's runner against `root`; one object per check, in bundle order."""
    done = subprocess.run(["sh", str(BUNDLE / "run.sh"), "-r", str(root), *extra],
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def evidence_text(result: dict) -> str:
    """Every evidence and review value of a result as one string, for `in` assertions."""
    return json.dumps(result["evidence"] + result["review"], ensure_ascii=False)


def in_layouts(cases, one_layout):
    """`pytest.param`s of (flavor, *case) for a test parametrized with `indirect=["tree"]`: every
    case in both layouts, but those of the checks in `one_layout` (whose files and logic are the
    same in both layouts, so the second run would repeat the first) in the Debian layout only."""
    import pytest

    return [pytest.param(flavor, *case, id=f"{flavor}-{case[0]}-{i}")
            for i, case in enumerate(cases) for flavor in FLAVORS
            if flavor == FLAVORS[0] or case[0] not in one_layout]


def hardened_tree(root: Path, flavor: str) -> Tree:
    """A tree where every automatable check passes, for `flavor` ("debian" or "rhel")."""
    from harden_accounts import harden_accounts_and_files
    from harden_services import harden_services_and_logs

    tree = Tree(root, flavor)
    harden_accounts_and_files(tree)
    harden_services_and_logs(tree)
    return tree
