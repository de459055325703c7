"""`trainer web`: the same app, in a browser, served from this machine."""

from __future__ import annotations

import sys
from pathlib import Path

from trainer.errors import BadInput


def web_command(host: str, port: int, content: list[Path]) -> int:
    from trainer.server.web import serve

    if not 0 < port < 65536:
        raise BadInput(f"web: --port {port}: not a port number (1-65535)")
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"trainer: serving on {host}: anyone who can reach it can use the trainer as you"
            " (there are no logins in the browser app)",
            file=sys.stderr,
        )
    try:
        serve(host=host, port=port, content=content)
    except OSError as exc:
        raise BadInput(f"web: cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return 0
