"""Settings: the config file, the environment and flags, and `trainer config`."""

from __future__ import annotations

import pytest

from trainer.cli import main
from trainer.config import Settings, config_path, load_settings
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


@pytest.mark.parametrize("key", ["trainee", "model", "api_base"])
def test_precedence_flag_then_environment_then_file_then_default(key, monkeypatch):
    default = {"trainee": None, "model": "offline", "api_base": None}[key]
    env = f"TRAINER_{key.upper()}"
    assert getattr(load_settings(), key) == default
    main(["config", key, "from-file"])
    assert getattr(load_settings(), key) == "from-file"
    monkeypatch.setenv(env, "")  # set but empty: as if unset
    assert getattr(load_settings(), key) == "from-file"
    monkeypatch.setenv(env, "from-env")
    assert getattr(load_settings(), key) == "from-env"
    assert getattr(load_settings(**{key: "from-flag"}), key) == "from-flag"
    assert getattr(load_settings(**{key: ""}), key) == "from-env"  # an empty flag is no flag


def test_trainer_config_names_another_file(tmp_path, monkeypatch):
    other = tmp_path / "team.toml"
    other.write_text('model = "openai/team-model"\ntrainee = "  Dee  "\n')
    monkeypatch.setenv("TRAINER_CONFIG", str(other))
    settings = load_settings()
    assert (settings.model, settings.trainee) == ("openai/team-model", "Dee")
    other.write_text("model = 3\n")
    with pytest.raises(BadInput, match=r"team\.toml: model: must be a string"):
        load_settings()


def test_building_settings_reads_nothing(monkeypatch):
    """A Settings value is only what it is given: the environment and the file
    are read by load_settings, not by the constructor."""
    monkeypatch.setenv("TRAINER_MODEL", "openai/x")
    assert Settings(trainee="Sam") == Settings(trainee="Sam", model="offline", api_base=None)


def test_help_does_not_import_the_settings_library():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "trainer", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "trainer.cli" in imported
    assert not {"pydantic_settings", "trainer.config", "pydantic"} & imported
