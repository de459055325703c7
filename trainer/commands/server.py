"""`trainer server`: run a team's PostgreSQL server and give people logins."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.errors import BadInput
from trainer.store.url import mask

if TYPE_CHECKING:
    from trainer.server.cluster import Cluster

STOPPED = 3  # `status` when no server runs, as service managers report it


def server_command(args: argparse.Namespace) -> int:
    from trainer.server.cluster import DATABASE, Cluster

    cluster = Cluster(getattr(args, "dir", None))
    action = args.action
    if action == "init":
        return _init(cluster, args.port, args.listen)
    if action == "start":
        from trainer.server.prepare import prepare_local

        started = time.perf_counter()
        status = cluster.start(port=args.port, listen=args.listen)
        prepare_local(cluster)
        print(
            f"server running on {status.listen}:{status.port}, database {DATABASE!r}"
            f" ({time.perf_counter() - started:.1f} s; data in {cluster.root})"
        )
        return 0
    if action == "stop":
        print("server stopped" if cluster.stop() else f"no server running in {cluster.root}")
        return 0
    if action == "status":
        return _status(cluster)
    if action == "add-user":
        return _add_user(cluster, args)
    if action == "setup":
        return _setup(args.admin_url)
    raise BadInput(f"server: unknown action {action!r}")


def _init(cluster: Cluster, port: int | None, listen: str | None) -> int:
    from trainer.errors import TrainerError
    from trainer.server.cluster import DATABASE, DEFAULT_LISTEN, DEFAULT_PORT
    from trainer.server.prepare import prepare_local

    print(f"setting up a team server in {cluster.root} (a few seconds)...", file=sys.stderr)
    cluster.init(port=port or DEFAULT_PORT, listen=listen or DEFAULT_LISTEN)
    try:
        status = cluster.start()
    except TrainerError as exc:
        raise TrainerError(
            f"{exc}; the server is set up but not running: `trainer server start --port N`"
            " (another port, if that one is taken) finishes the setup"
        ) from None
    prepare_local(cluster)
    print(f"server running on {status.listen}:{status.port}, database {DATABASE!r} ready")
    print("next: trainer server add-user NAME --role manager (or --role trainee)", file=sys.stderr)
    return 0


def _status(cluster: Cluster) -> int:
    if not cluster.initialised:
        print(f"no server set up in {cluster.root} (trainer server init)")
        return STOPPED
    status = cluster.status()
    if status.running:
        print(
            f"running on {status.listen}:{status.port} (pid {status.pid}; data in {cluster.root})"
        )
        return 0
    print(f"stopped (data in {cluster.root}; trainer server start)")
    return STOPPED


def _add_user(cluster: Cluster, args: argparse.Namespace) -> int:
    from trainer.server.accounts import add_user, with_host

    admin_url = args.admin_url or cluster.admin_url()
    url = add_user(admin_url, args.name, args.role)
    if args.host:
        url = with_host(url, args.host)
    print(
        f"{args.name} can sign in as a {args.role}. Their connection URL follows; its password is"
        " shown only this once. On their machine:\n  trainer config database URL",
        file=sys.stderr,
    )
    print(url)
    return 0


def _setup(admin_url: str) -> int:
    from trainer.server.prepare import prepare

    applied = prepare(admin_url)
    done = f"applied {', '.join(applied)}" if applied else "already up to date"
    print(f"{mask(admin_url)}: ready for the trainer ({done})")
    print(
        "next: trainer server add-user NAME --role manager --admin-url ADMIN_URL", file=sys.stderr
    )
    return 0


def add_parser(commands: Any) -> None:
    """The `trainer server` part of the command line (kept beside its command:
    it is long, and imports nothing heavy)."""
    server = commands.add_parser(
        "server",
        help="run your team's database server and give people logins",
        description="A PostgreSQL server for a team, from the installed package (no root,\n"
        "nothing downloaded). Its data lives under TRAINER_HOME/server (or --dir); it\n"
        "listens on 127.0.0.1 unless --listen says otherwise; every login has a password\n"
        "(scram-sha-256). There is no TLS: to reach it from other machines, use --listen\n"
        "on a trusted network or a tunnel.",
        epilog="a team from nothing:\n"
        "  trainer server init\n"
        "  trainer server add-user lee --role manager     prints lee's URL\n"
        "  trainer server add-user ana --role trainee     prints ana's URL\n"
        "  # each person, once: trainer config database URL\n"
        "an existing PostgreSQL (a managed one):\n"
        "  trainer server setup postgresql://admin:PASSWORD@HOST:5432/trainer\n"
        "  trainer server add-user ana --role trainee --admin-url postgresql://admin:...\n"
        "status exits 0 when running, 3 when stopped.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = server.add_subparsers(dest="action", metavar="ACTION", required=True)

    def where(parser: argparse.ArgumentParser, *, listen: bool) -> None:
        parser.add_argument(
            "--dir",
            type=Path,
            metavar="DIR",
            help="the server's folder (default: TRAINER_HOME/server)",
        )
        if listen:
            parser.add_argument("--port", type=int, metavar="N", help="TCP port (default 5432)")
            parser.add_argument(
                "--listen",
                metavar="ADDR",
                help="address(es) to listen on (default 127.0.0.1; 0.0.0.0 for every interface)",
            )

    where(actions.add_parser("init", help="create and start a new server"), listen=True)
    where(actions.add_parser("start", help="start the server"), listen=True)
    where(actions.add_parser("stop", help="stop the server"), listen=False)
    where(actions.add_parser("status", help="is it running, and where"), listen=False)
    add_user = actions.add_parser(
        "add-user",
        help="create a login and print its connection URL (password shown once)",
        description="Create a login for one person and print their connection URL. A trainee "
        "sees only their own sessions and the assignments addressed to them; a manager assigns "
        "and reports on everyone.",
    )
    add_user.add_argument("name", metavar="NAME", help="the login, also the trainee's name")
    add_user.add_argument("--role", required=True, choices=["trainee", "manager"])
    add_user.add_argument(
        "--admin-url", metavar="URL", help="an admin login on another server (default: this one's)"
    )
    add_user.add_argument(
        "--host", metavar="HOST", help="the host name others reach the server by, for the URL"
    )
    where(add_user, listen=False)
    setup = actions.add_parser(
        "setup",
        help="prepare an existing PostgreSQL: schema, roles, row-level security",
        description="Prepare an existing PostgreSQL database (a managed one) for a team, given "
        "an admin login that may create roles. Safe to run again: it applies only what is "
        "missing.",
    )
    setup.add_argument("admin_url", metavar="ADMIN_URL")
