"""Settings: the config file, the environment and flags, and `trainer config`."""

from __future__ import annotations

import pytest

from trainer.cli import main
from trainer.config import config_path, load_settings
from trainer.errors import BadInput


def test_set_once_then_used_everywhere(capsys, monkeypatch):
    assert main(["config", "trainee", "Ana Lopez"]) == 0
    assert main(["config", "model", "openai/gpt-4o-mini"]) == 0
    assert load_settings().trainee == "Ana Lopez"
    assert load_settings().model == "openai/gpt-4o-mini"
    monkeypatch.setenv("TRAINER_TRAINEE", "ben")  # the environment beats the file
    assert load_settings().trainee == "ben"
    assert load_settings(trainee="cleo").trainee == "cleo"  # and a flag beats both
    capsys.readouterr()
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "trainee = ben" in out and "model = openai/gpt-4o-mini" in out


def test_a_value_with_quotes_round_trips():
    main(["config", "trainee", 'O"Brien \\ co'])
    assert load_settings().trainee == 'O"Brien \\ co'


def test_bad_values_and_files_are_clear_errors(capsys):
    assert main(["config", "trainee", "\x1b[31m"]) == 2
    assert "printable" in capsys.readouterr().err
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("trainee = [oops\n")
    with pytest.raises(BadInput, match="not valid TOML"):
        load_settings()
    config_path().write_text('colour = "red"\n')
    with pytest.raises(BadInput, match="unknown setting"):
        load_settings()
