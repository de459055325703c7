"""User settings: a small TOML file under TRAINER_HOME, overridable by the
environment (TRAINER_TRAINEE, TRAINER_MODEL, TRAINER_API_BASE,
TRAINER_DATABASE_URL) and by flags.

pydantic-settings merges them: a flag beats the environment, which beats
config.toml (or the file TRAINER_CONFIG names), which beats the default.
Only the commands that need settings import this module; `trainer --help`
never does, so it never pays for pydantic-settings.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from trainer.errors import BadInput
from trainer.paths import trainer_home

CONFIG_NAME = "config.toml"
KEYS = ("trainee", "model", "api_base", "database")
DATABASE_ENV = "TRAINER_DATABASE_URL"


@dataclass(frozen=True)
class Settings:
    # None until the trainee says who they are: the login name is never taken
    # for a person's name (a buyer greeting "root" is the first thing people notice).
    trainee: str | None = None
    model: str = "offline"
    api_base: str | None = None
    # A team database URL (postgresql://...); None means SQLite under TRAINER_HOME.
    database: str | None = None

    @property
    def database_source(self) -> str:
        """Where the database URL came from, for error messages."""
        return DATABASE_ENV if os.environ.get(DATABASE_ENV) else f"{config_path()}: database"


class _Sources(BaseSettings):
    """The merge, kept apart from Settings so that building a Settings value
    (as the terminal app's tests do) never reads the environment or a file."""

    model_config = SettingsConfigDict(env_prefix="TRAINER_", env_ignore_empty=True, extra="forbid")

    trainee: str | None = None
    model: str | None = None
    api_base: str | None = None
    database: str | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # In order of precedence: flags, TRAINER_*, the file. No .env, no secrets folder.
        return init_settings, env_settings, TomlConfigSettingsSource(settings_cls, config_path())


def config_path() -> Path:
    return Path(os.environ.get("TRAINER_CONFIG") or trainer_home() / CONFIG_NAME)


def load_settings(
    *, trainee: str | None = None, model: str | None = None, api_base: str | None = None
) -> Settings:
    flags = {"trainee": trainee, "model": model, "api_base": api_base}
    try:
        merged = _Sources(**{k: v for k, v in flags.items() if v})  # an empty flag is no flag
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(f"{config_path()}: not valid TOML: {exc}") from None
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"])
        if error["type"] == "extra_forbidden":
            raise BadInput(
                f"{config_path()}: {key}: unknown setting (known: {', '.join(KEYS)})"
            ) from None
        raise BadInput(f"{config_path()}: {key}: must be a string") from None
    return Settings(
        trainee=(merged.trainee or "").strip()[:80] or None,
        model=merged.model or "offline",
        api_base=merged.api_base,
        # TRAINER_DATABASE_URL is the name the URL is known by elsewhere too.
        database=os.environ.get(DATABASE_ENV) or merged.database or None,
    )


def save_setting(key: str, value: str) -> None:
    """Write one setting, keeping the others."""
    path = config_path()
    data: dict[str, object] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise BadInput(f"{path}: not valid TOML: {exc}") from None
    kept = {k: v for k, v in data.items() if isinstance(v, str)}
    kept[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    if "database" in kept:
        # A database URL carries a password: the file is for its owner's eyes only.
        path.touch(mode=0o600)
        path.chmod(0o600)
    # JSON strings are valid TOML basic strings for what we store.
    path.write_text(
        "".join(f"{k} = {json.dumps(v)}\n" for k, v in sorted(kept.items())), encoding="utf-8"
    )
