from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user folder and sees only the shipped library."""
    home = tmp_path / "trainer-home"
    monkeypatch.setenv("TRAINER_HOME", str(home))
    monkeypatch.delenv("TRAINER_CONTENT", raising=False)
    for key in (
        "OPENAI_API_KEY",
        "ANTHROPIC_API_KEY",
        "TRAINER_MODEL",
        "TRAINER_TRAINEE",
        "TRAINER_DATABASE_URL",
    ):
        monkeypatch.delenv(key, raising=False)
    return home


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """An empty user content folder with the three kinds of subfolder."""
    root = tmp_path / "content"
    for kind in ("personas", "scenarios", "rubrics"):
        (root / kind).mkdir(parents=True)
    return root
