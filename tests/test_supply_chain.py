"""The environment is what the lock says: no compromised litellm, no stray
start-up files."""

from __future__ import annotations

import re
import sysconfig
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
COMPROMISED = ("1.82.7", "1.82.8", "1.107.0")
# .pth files run code at every Python start. These are the ones our own
# install makes; anything else is a package doing something at start-up
# (as the compromised litellm releases did), and must be looked at.
EXPECTED_PTH = (
    re.compile(r"__editable__\.objection_trainer-[\w.]+\.pth"),
    re.compile(r"distutils-precedence\.pth"),  # setuptools' own shim
)


def test_litellm_range_excludes_the_compromised_releases():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    (spec,) = [Requirement(d) for d in project["dependencies"] if d.startswith("litellm")]
    for version in COMPROMISED:
        assert not spec.specifier.contains(version, prereleases=True), version


def test_locks_pin_a_safe_litellm_with_hashes():
    for lock in ("dev.lock", "run.lock"):
        text = (ROOT / "requirements" / lock).read_text()
        pinned = re.search(r"^litellm==([\w.]+) \\\n\s+--hash=sha256:", text, re.MULTILINE)
        assert pinned, f"{lock}: litellm is not pinned with a hash"
        assert pinned.group(1) not in COMPROMISED


def test_installed_litellm_is_not_compromised():
    assert metadata.version("litellm") not in COMPROMISED


def test_no_unexpected_pth_start_up_files():
    site = Path(sysconfig.get_paths()["purelib"])
    found = sorted(p.name for p in site.glob("*.pth"))
    unexpected = [name for name in found if not any(rx.fullmatch(name) for rx in EXPECTED_PTH)]
    assert unexpected == [], f"unexpected start-up files in {site}: {unexpected}"
