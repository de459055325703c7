"""`trainer sync`: upload the turns kept on this machine while the team database was away."""

from __future__ import annotations

from trainer.errors import BadInput
from trainer.store.engine import database_url


def sync_command() -> int:
    from trainer.paths import trainer_home
    from trainer.store.journal import JournaledStore

    url = database_url()
    if url is None:
        raise BadInput(
            "sync: no team database is set (TRAINER_DATABASE_URL or `trainer config database URL`);"
            " sessions are saved on this machine"
        )
    # practice=True: open while the server is away, to say what waits.
    with JournaledStore(url, trainer_home(), practice=True, notice=lambda _: None) as store:
        done = store.sync() if store.remote is None else store.uploaded
    if done.sessions:
        print(f"uploaded {done.turns} turn(s) of {done.sessions} session(s)")
    else:
        print("nothing to upload: every session is on the team database")
    return 0
