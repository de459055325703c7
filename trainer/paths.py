"""Where user data lives: TRAINER_HOME, else the platform's user data folder.

Read when asked, never at import time, so tests can point each run elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path


def trainer_home() -> Path:
    configured = os.environ.get("TRAINER_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("objection-trainer", appauthor=False))
