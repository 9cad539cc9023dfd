"""The bundle's shell is clean under shellcheck (installed by .ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from tree import BUNDLE


def test_bundle_is_shellcheck_clean():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.fail("shellcheck is not installed (.ci/run installs it)")
    files = ["run.sh", *sorted(str(p.relative_to(BUNDLE)) for p in (BUNDLE / "lib").glob("*.sh")),
             *sorted(str(p.relative_to(BUNDLE)) for p in (BUNDLE / "checks").glob("*.sh"))]
    assert len(files) > 70
    # Each check re-reads the libraries it sources (~0.4 s a check), so the files are split
    # among one shellcheck per CPU. -x follows the `# shellcheck source=` directives.
    workers = max(1, min(4, os.cpu_count() or 1))
    chunks = [files[i::workers] for i in range(workers)]

    def lint(chunk):
        return subprocess.run([shellcheck, "-x", "--format=gcc", *chunk], cwd=BUNDLE,
                              capture_output=True, text=True, timeout=600)

    with ThreadPoolExecutor(workers) as pool:
        runs = list(pool.map(lint, chunks))
    findings = "".join(r.stdout + r.stderr for r in runs)
    assert all(r.returncode == 0 for r in runs), findings
    assert findings == ""
