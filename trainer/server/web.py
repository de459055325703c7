"""The trainer in a browser: textual-serve runs `trainer` for each visitor and
relays its screen over a websocket.

The page template is textual-serve's own with one change: the web font it
would fetch from outside comes from this server (textual-serve ships it), so
the page makes no request beyond the address it is served from.
textual-serve has no logins: it binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TITLE = "Objection trainer"


def app_command(content: list[Path]) -> str:
    """The command each browser session runs: this Python's `trainer`, with the
    same content folders; TRAINER_HOME and the rest come from the environment."""
    argv = [sys.executable, "-m", "trainer"]
    for folder in content:
        argv += ["--content", str(folder.absolute())]
    return shlex.join(argv)


def serve(*, host: str, port: int, content: list[Path]) -> None:
    from textual_serve.server import Server

    server = Server(
        app_command(content),
        host=host,
        port=port,
        title=TITLE,
        templates_path=TEMPLATES,
    )
    server.serve()
