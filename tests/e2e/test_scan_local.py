"""`portless scan local` against fixture root trees, in every format, and its HTML report in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import portless_fixtures as pf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checks"))

from tree import BUNDLE, hardened_tree  # noqa: E402

STATUSES = {"PASS", "FAIL", "NA", "MANUAL", "ERROR"}


@pytest.fixture(scope="module")
def weak_tree(tmp_path_factory):
    """A hardened Debian tree with root login allowed over SSH and a world-writable /etc/passwd."""
    tree = hardened_tree(tmp_path_factory.mktemp("scan-local") / "root", "debian")
    tree.write("/etc/hostname", "scan-fixture-01\n")
    tree.write("/etc/ssh/sshd_config", "PermitRootLogin yes\n")
    tree.chmod("/etc/passwd", 0o666)
    return tree


def scan(portless_bin, *args, env=None, timeout=300):
    return subprocess.run([portless_bin, "scan", "local", *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, env=env if env is not None else os.environ.copy())


def bundle_ids() -> list[str]:
    return sorted(p.stem for p in (BUNDLE / "checks").glob("U-*.sh"))


def test_json_is_one_object_per_check_in_bundle_order(portless_bin, weak_tree):
    done = scan(portless_bin, "--root", str(weak_tree.root), "--format", "json")
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in results] == bundle_ids()
    for result in results:
        assert result["status"] in STATUSES and result["status"] != "ERROR", result
        assert set(result) == {"id", "id2026", "title", "severity", "cis", "status", "evidence", "review", "remedy"}
    by_id = {r["id"]: r for r in results}
    assert by_id["U-01"]["status"] == "FAIL"
    assert by_id["U-07"]["status"] == "FAIL" and by_id["U-07"]["evidence"][0]["mode"] == "666"


def test_a_hardened_tree_passes_and_exit_status_is_zero_either_way(portless_bin, tmp_path):
    tree = hardened_tree(tmp_path / "root", "rhel")
    done = scan(portless_bin, "--root", str(tree.root))
    assert done.returncode == 0, done.stderr
    statuses = {json.loads(line)["status"] for line in done.stdout.splitlines()}
    assert "FAIL" not in statuses and "ERROR" not in statuses


def test_table_in_korean_and_english(portless_bin, weak_tree):
    ko = scan(portless_bin, "--root", str(weak_tree.root), "--format", "table", "--lang", "ko")
    assert ko.returncode == 0, ko.stderr
    assert ko.stdout.splitlines()[0].startswith("항목")
    assert "취약" in ko.stdout and "PermitRootLogin yes" in ko.stdout and "점수" in ko.stdout
    en = scan(portless_bin, "--root", str(weak_tree.root), "--format", "table", "--lang", "en")
    assert en.returncode == 0 and "Fail" in en.stdout and "Score" in en.stdout


def test_html_report_to_a_file(portless_bin, weak_tree, tmp_path):
    out = tmp_path / "report.html"
    done = scan(portless_bin, "--root", str(weak_tree.root), "--format", "html", "--lang", "ko", "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert "scan-fixture-01" in html and "양호" in html and "취약" in html
    assert "http://" not in html and "https://" not in html and "<script" not in html


def test_a_broken_check_becomes_its_error_and_the_scan_still_succeeds(portless_bin, weak_tree, tmp_path):
    bundle = tmp_path / "bundle"
    shutil.copytree(BUNDLE, bundle)
    check = bundle / "checks" / "U-07.sh"
    # Prints an object of its own id the runner lets through, but with a status nobody knows.
    check.write_text(check.read_text().replace('finish "$verdict"', 'finish BROKEN').replace("finish PASS", "finish BROKEN")
                     .replace("finish FAIL", "finish BROKEN"))
    done = scan(portless_bin, "--root", str(weak_tree.root), "--bundle", str(bundle))
    assert done.returncode == 0, done.stderr
    by_id = {r["id"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert by_id["U-07"]["status"] == "ERROR"
    assert "'status' must be PASS, FAIL, NA, MANUAL or ERROR" in by_id["U-07"]["evidence"][0]["note"]
    assert by_id["U-01"]["status"] == "FAIL"


def test_the_bundle_comes_from_the_environment(portless_bin, weak_tree, tmp_path):
    bundle = tmp_path / "env-bundle"
    shutil.copytree(BUNDLE, bundle)
    for check in (bundle / "checks").glob("U-*.sh"):
        if check.stem != "U-01":
            check.unlink()
    env = {**os.environ, "PORTLESS_BUNDLE_DIR": str(bundle)}
    done = scan(portless_bin, "--root", str(weak_tree.root), env=env)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["U-01"]


@pytest.mark.parametrize("args, message", [
    (["--root", "/nonexistent/root"], "does not exist"),
    (["--bundle", "/nonexistent/bundle"], "not a check bundle"),
])
def test_it_fails_only_when_it_cannot_run(portless_bin, args, message):
    done = scan(portless_bin, *args)
    assert done.returncode != 0
    assert message in done.stderr


def png_is_not_blank(path: Path) -> bool:
    """True when the PNG decodes to more than one colour (8-bit RGB/RGBA, as Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, color = struct.unpack(">IIBB", data[16:26])
    chunks, offset = b"", 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"IDAT":
            chunks += data[offset + 8:offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(chunks)
    channels = {2: 3, 6: 4}[color]
    assert depth == 8
    stride = width * channels + 1
    # Undo each row's PNG filter and collect the colours of every tenth row until more than ten are seen.
    pixels = set()
    previous = bytearray(stride - 1)
    for row in range(height):
        line = bytearray(raw[row * stride + 1:(row + 1) * stride])
        kind = raw[row * stride]
        for i in range(len(line)):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upleft = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upleft
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upleft)) & 0xFF
        previous = line
        if row % 10 == 0:
            pixels.update(bytes(line[i:i + 3]) for i in range(0, len(line), channels))
            if len(pixels) > 10:
                return True
    return False


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(chromium() is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_html_report_renders_in_headless_chromium(portless_bin, weak_tree, tmp_path):
    report = tmp_path / "report.html"
    done = scan(portless_bin, "--root", str(weak_tree.root), "--format", "html", "--lang", "ko", "--output", str(report))
    assert done.returncode == 0, done.stderr
    shot = tmp_path / "report.png"
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}", "--window-size=1280,2000",
                    "--hide-scrollbars", f"file://{report}"], capture_output=True, timeout=120, check=False,
                   env={**os.environ, "HOME": str(tmp_path)})
    assert shot.exists() and shot.stat().st_size > 10_000
    assert png_is_not_blank(shot)
