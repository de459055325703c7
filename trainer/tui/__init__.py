"""The terminal app: Home, Session, Scorecard and Progress over the engine.

Importing this package imports Textual; the CLI imports it only when the app
runs, so `trainer --help`, `validate` and `list` stay fast.
"""

from __future__ import annotations

from trainer.tui.app import TrainerApp, make_app

__all__ = ["TrainerApp", "make_app"]
