"""`make run` and `make test` say what they are doing while .venv is built."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")

# Stands in for python3: `-m venv DIR` makes a venv whose python and trainer
# do nothing, so the recipe runs in a second without the network.
FAKE_PYTHON = """\
#!/bin/sh
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
    mkdir -p "$3/bin"
    printf '#!/bin/sh\\nexit 0\\n' > "$3/bin/python"
    printf '#!/bin/sh\\necho trainer ran\\n' > "$3/bin/trainer"
    chmod +x "$3/bin/python" "$3/bin/trainer"
fi
"""


def make(tmp_path: Path, *targets: str) -> str:
    python = tmp_path / "python3"
    python.write_text(textwrap.dedent(FAKE_PYTHON))
    python.chmod(0o755)
    result = subprocess.run(
        ["make", "--no-print-directory", f"PYTHON={python}", f"VENV={tmp_path / 'venv'}", *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    return result.stdout


def test_the_first_run_says_it_is_setting_up_and_how_long(tmp_path):
    venv = tmp_path / "venv"
    out = make(tmp_path, "run")
    assert out.splitlines()[0] == f"Setting up {venv} (first run, about 2 minutes)..."
    assert f"{venv} is ready." in out and out.rstrip().endswith("trainer ran")
    again = make(tmp_path, "run")  # already set up: straight to the trainer
    assert "Setting up" not in again and "Updating" not in again
    assert again.strip().endswith("trainer ran")
    stamp = venv / "bin" / ".installed"
    os.utime(stamp, (0, 0))  # older than the lock: the dependencies changed
    assert make(tmp_path, "run").splitlines()[0].startswith(f"Updating {venv} (")
