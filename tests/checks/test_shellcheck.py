"""The bundle's shell is clean under shellcheck (installed by .ci/run)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tree import BUNDLE


def test_bundle_is_shellcheck_clean():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.fail("shellcheck is not installed (.ci/run installs it)")
    files = [BUNDLE / "run.sh", *sorted((BUNDLE / "lib").glob("*.sh")), *sorted((BUNDLE / "checks").glob("*.sh"))]
    assert len(files) > 70
    # -x follows the `# shellcheck source=` directives; run from the bundle so they resolve.
    done = subprocess.run([shellcheck, "-x", "--format=gcc", *[str(f.relative_to(BUNDLE)) for f in files]],
                          cwd=BUNDLE, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
