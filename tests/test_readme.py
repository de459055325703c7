"""The README's commands are ones the trainer accepts, with dates to come."""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path

import pytest

from trainer.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    lines = [re.sub(r"\s#\s.*$", "", line).strip() for b in blocks for line in b.splitlines()]
    return [line for line in lines if line.startswith(".venv/bin/trainer")]


def test_the_readme_has_commands():
    assert len(_commands()) >= 15


@pytest.mark.parametrize("line", _commands())
def test_every_readme_command_parses(line):
    argv = shlex.split(line.split(" > ")[0])[1:]
    build_parser().parse_args(argv)  # a usage error exits, failing the test


def test_dates_in_the_readme_are_not_past():
    """A copied `assign --due` must not be refused or warned about as past."""
    found = [date.fromisoformat(d) for d in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", README)]
    assert found and all(d > date.today() for d in found), found
