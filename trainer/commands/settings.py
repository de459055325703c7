"""`trainer config`: show or set the trainee's name, default model, api base
and team database. A database URL is shown with its password masked."""

from __future__ import annotations

from trainer.config import KEYS, config_path, load_settings, save_setting
from trainer.errors import BadInput
from trainer.store.url import check_database_url, mask
from trainer.text import visible


def config_command(key: str | None, value: str | None) -> int:
    if key is not None and key not in KEYS:
        raise BadInput(f"config: unknown setting {key!r}; known: {', '.join(KEYS)}")
    if key is not None and value is not None:
        value = value.strip()
        if not value or any(not ch.isprintable() for ch in value):
            raise BadInput(f"config: {key} needs a printable, non-empty value")
        display = value
        if key == "database":
            check_database_url(value, source="config: database")
            display = mask(value)
        save_setting(key, value)
        print(f"{key} = {display}  (saved in {config_path()})")
        return 0
    settings = load_settings()
    shown = {
        "trainee": settings.trainee,
        "model": settings.model,
        "api_base": settings.api_base,
        "database": mask(settings.database) if settings.database else None,
    }
    for name in (key,) if key else KEYS:
        value = shown[name]
        # A hand-edited config.toml may hold anything: show it, never interpret it.
        print(f"{name} = {visible(value) if value is not None else '(not set)'}")
    if key is None:
        print(
            f"# file: {config_path()}; TRAINER_TRAINEE, TRAINER_MODEL, TRAINER_API_BASE,"
            " TRAINER_DATABASE_URL override it"
        )
    return 0
