"""The wheel carries every module, the prompts and the shipped library."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "trainer").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_wheel_contains_code_prompts_and_library(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("objection_trainer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for source in (ROOT / "trainer").rglob("*.py"):
        assert str(source.relative_to(ROOT)) in names
    for kind in ("personas", "scenarios", "rubrics"):
        for item in (ROOT / kind).glob("*.yaml"):
            assert f"trainer/library/{kind}/{item.name}" in names
    assert "trainer/actors/prompts/buyer.j2" in names
    assert "trainer/grading/prompts/judge.j2" in names
    assert "trainer/management/templates/report.html.j2" in names  # the HTML report
    assert "trainer/reading/data/model.json" in names  # the detector's fallback model
