"""User settings: a small TOML file under TRAINER_HOME, overridable by the
environment (TRAINER_TRAINEE, TRAINER_MODEL, TRAINER_API_BASE) and by flags."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from trainer.errors import BadInput
from trainer.paths import trainer_home

CONFIG_NAME = "config.toml"
KEYS = ("trainee", "model", "api_base")


@dataclass(frozen=True)
class Settings:
    # None until the trainee says who they are: the login name is never taken
    # for a person's name (a buyer greeting "root" is the first thing people notice).
    trainee: str | None = None
    model: str = "offline"
    api_base: str | None = None


def config_path() -> Path:
    return Path(os.environ.get("TRAINER_CONFIG") or trainer_home() / CONFIG_NAME)


def _read(path: Path) -> dict[str, object]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: not valid TOML: {exc}") from None


def load_settings(
    *, trainee: str | None = None, model: str | None = None, api_base: str | None = None
) -> Settings:
    path = config_path()
    data = _read(path)
    for key in data:
        if key not in KEYS:
            raise BadInput(f"{path}: {key}: unknown setting (known: trainee, model, api_base)")

    def pick(flag: str | None, env: str, key: str) -> str | None:
        value = flag or os.environ.get(env) or data.get(key)
        if value is not None and not isinstance(value, str):
            raise BadInput(f"{path}: {key}: must be a string")
        return value

    name = (pick(trainee, "TRAINER_TRAINEE", "trainee") or "").strip()[:80]
    return Settings(
        trainee=name or None,
        model=pick(model, "TRAINER_MODEL", "model") or "offline",
        api_base=pick(api_base, "TRAINER_API_BASE", "api_base"),
    )


def save_setting(key: str, value: str) -> None:
    """Write one setting, keeping the others."""
    path = config_path()
    data = {k: v for k, v in _read(path).items() if isinstance(v, str)}
    data[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    # JSON strings are valid TOML basic strings for what we store.
    path.write_text(
        "".join(f"{k} = {json.dumps(v)}\n" for k, v in sorted(data.items())), encoding="utf-8"
    )
