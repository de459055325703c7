"""Fixtures for the terminal app: the shipped library, a fresh store per test,
fixed settings, and the app factory with them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tui_support import SCENARIO, SEED

from trainer.config import Settings
from trainer.content.library import Library, load_library
from trainer.practice.factory import new_session
from trainer.session.session import Session
from trainer.store.sqlite import SqliteStore, open_store
from trainer.tui.app import TrainerApp, make_app


@pytest.fixture(scope="session")
def library() -> Library:
    loaded = load_library()
    assert not loaded.errors, loaded.errors
    return loaded


@pytest.fixture
def store(_isolated_home: Path) -> Iterator[SqliteStore]:
    opened = open_store()
    yield opened
    opened.close()


@pytest.fixture
def settings() -> Settings:
    return Settings(trainee="Sam")


@pytest.fixture
def build(library: Library, store: SqliteStore, settings: Settings) -> Callable[..., TrainerApp]:
    """make_app with the test's store; keyword arguments go to make_app."""

    def _build(**options: object) -> TrainerApp:
        options.setdefault("seed", SEED)
        return make_app(library, store, settings, **options)  # type: ignore[arg-type]

    return _build


@pytest.fixture
def session_for(library: Library, store: SqliteStore) -> Callable[..., Session]:
    def _session(scenario: str = SCENARIO, *, mode: str = "practice", seed: int = SEED) -> Session:
        return new_session(library, scenario, store=store, trainee="Sam", seed=seed, mode=mode)

    return _session
