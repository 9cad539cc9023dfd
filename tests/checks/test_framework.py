"""The bundle's runner and shared library: order, ERROR records for broken checks, timeouts."""

from __future__ import annotations

import json
import shutil
import subprocess
import time

from tree import BUNDLE, run_bundle, run_check


def test_every_check_prints_one_object_with_the_fields(tree):
    results = run_bundle(tree.root)
    ids = [r["id"] for r in results]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for result in results:
        assert result["status"] in {"PASS", "FAIL", "NA", "MANUAL", "ERROR"}
        assert result["severity"] in {"High", "Medium", "Low"}, result["id"]
        assert result["title"]["ko"] and result["title"]["en"], result["id"]
        assert result["remedy"]["ko"] and result["remedy"]["en"], result["id"]
        assert result["status"] != "ERROR", result


def test_u07_reports_mode_and_owner(tree):
    assert run_check(tree.root, "U-07")["status"] == "PASS"
    tree.chmod("/etc/passwd", 0o666)
    result = run_check(tree.root, "U-07")
    assert result["status"] == "FAIL"
    assert result["evidence"][0]["mode"] == "666" and result["evidence"][0]["owner"] == "root"


def broken_bundle(tmp_path):
    copy = tmp_path / "bundle"
    shutil.copytree(BUNDLE, copy)
    checks = copy / "checks"
    (checks / "U-01.sh").write_text((checks / "U-01.sh").read_text().replace("check_begin", "if then check_begin"))
    (checks / "U-07.sh").write_text((checks / "U-07.sh").read_text().replace("check_begin \"$@\"", "check_begin \"$@\"; sleep 30"))
    return copy


def test_a_broken_hanging_or_garbage_check_becomes_that_checks_error(tree, tmp_path):
    copy = broken_bundle(tmp_path)
    garbage = copy / "checks" / "U-04.sh"
    if garbage.exists():
        garbage.write_text(garbage.read_text().replace("check_begin \"$@\"", "check_begin \"$@\"; echo '{not json'; exit 0"))
    started = time.monotonic()
    done = subprocess.run(["sh", str(copy / "run.sh"), "-r", str(tree.root), "-t", "3"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    results = {r["id"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert results["U-01"]["status"] == "ERROR" and "exit status" in results["U-01"]["evidence"][0]["note"]
    assert results["U-07"]["status"] == "ERROR" and "timed out after 3 s" in results["U-07"]["evidence"][0]["note"]
    assert results["U-07"]["title"]["en"].startswith("/etc/passwd")
    if garbage.exists():
        assert results["U-04"]["status"] == "ERROR"
    assert time.monotonic() - started < 60
