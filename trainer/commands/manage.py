"""`trainer assign`, `report`, `export` and `import`: the manager's commands.

Glue only: parse what the manager typed into domain values, call
trainer.management, print. Each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from pathlib import Path

from trainer import clock
from trainer.commands.content import load_checked_library
from trainer.content.library import Library
from trainer.errors import BadInput
from trainer.management.assignments import check_attempts, check_pass_mark, parse_due
from trainer.store.engine import open_store
from trainer.text import visible

__all__ = ["assign_command", "export_command", "import_command", "report_command"]


def _names(raw: list[str]) -> list[str]:
    # The same clean-up the config applies to a trainee name, so the name a
    # manager types matches the one a trainee's sessions are recorded under.
    names = list(dict.fromkeys(n.strip()[:80] for n in raw))
    if "" in names:
        raise BadInput("--to: a trainee name cannot be empty")
    for name in names:
        if not name.isprintable():  # it ends up on terminals and in reports
            raise BadInput(f"--to {name!r}: control characters are not allowed in a name")
    return names


def assign_command(args: argparse.Namespace, extra: list[Path]) -> int:
    library = load_checked_library(extra)
    try:
        scenario = library.scenario(args.scenario)
    except LookupError as exc:
        raise BadInput(str(exc.args[0])) from None
    trainees = _names(args.trainees)
    due = parse_due(args.due) if args.due is not None else None
    pass_mark = (
        check_pass_mark(args.pass_mark)
        if args.pass_mark is not None
        else library.rubric(scenario.rubric).pass_mark
    )
    attempts = check_attempts(args.attempts) if args.attempts is not None else None
    # One seed per exam, shared by every trainee in it: the same buyer for all.
    seed = secrets.randbelow(2**31) if args.exam else None
    with open_store() as store:
        made = [
            store.create_assignment(
                trainee=name,
                scenario=scenario.id,
                due=due.isoformat() if due else None,
                pass_mark=pass_mark,
                attempts=attempts,
                exam=args.exam,
                seed=seed,
            )
            for name in trainees
        ]
    terms = [f"pass mark {pass_mark}"]
    terms.append(f"due {due.isoformat()}" if due else "no due date")
    terms.append(f"{attempts} attempt(s)" if attempts else "unlimited attempts")
    if args.exam:
        terms.append(f"exam (seed {seed}: no hints, no undo)")
    print(f"assigned {scenario.id} · {' · '.join(terms)}")
    for assignment in made:
        print(f"  #{assignment.id}  {assignment.trainee}")
    if due is not None and due < clock.today():
        print(f"trainer: note: {due.isoformat()} has already passed", file=sys.stderr)
    return 0


def report_command(args: argparse.Namespace, extra: list[Path]) -> int:
    from trainer.content.library import load_library
    from trainer.management.report import build_report

    if (args.since is not None or args.send is not None) and not args.xapi:
        raise BadInput("--since and --send go with --xapi")
    # A report must still come out when a content file is broken: sessions on
    # scenarios that no longer load just go without categories.
    library = load_library(extra)
    if args.xapi:
        return _xapi(args, library)
    with open_store() as store:
        snapshot = store.snapshot(trainee=args.trainee, scenario=args.scenario)
    report = build_report(
        snapshot,
        library.scenarios.get,
        clock.today(),
        filters={"trainee": args.trainee, "scenario": args.scenario},
    )
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    elif args.csv:
        from trainer.management.tables import report_csv

        sys.stdout.write(report_csv(report))
    elif args.html is not None:
        from trainer.management.html import report_html

        _write(args.html, report_html(report), "--html")
        print(f"report written to {args.html}", file=sys.stderr)
    else:
        from trainer.management.tables import report_text

        print(report_text(report))
    return 0


def _xapi(args: argparse.Namespace, library: Library) -> int:
    from trainer.management.xapi import parse_since, send_statements, statements

    since = parse_since(args.since) if args.since is not None else None
    with open_store() as store:
        snapshot = store.snapshot(trainee=args.trainee, scenario=args.scenario, turns=False)
    made = statements(snapshot.sessions, library.scenarios.get, since=since)
    if args.send is None:
        print(json.dumps(made, ensure_ascii=False, indent=2))
        return 0
    showing = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if showing:
            print(f"\rsending {done}/{total}", end="", file=sys.stderr, flush=True)

    result = send_statements(
        made,
        args.send,
        user=os.environ.get("TRAINER_LRS_USER"),
        password=os.environ.get("TRAINER_LRS_PASSWORD"),
        progress=progress,
    )
    if showing and made:
        print(file=sys.stderr)
    print(f"{result.stored} statement(s) stored in the LRS", file=sys.stderr)
    if result.conflicts:
        print(
            f"trainer: {result.conflicts} statement id(s) are held by the LRS with other "
            "content; it kept its own",
            file=sys.stderr,
        )
    return 0


def export_command(args: argparse.Namespace, extra: list[Path]) -> int:
    from trainer.content.library import load_library
    from trainer.management.transfer import export_json, export_markdown

    with open_store() as store:
        transcript = store.load_session(args.session)  # UnknownSession: exit 2
        assert transcript.id is not None
        scorecard = store.scorecard(transcript.id)
    if args.format == "json":
        text = export_json(transcript, scorecard)
    else:
        scenario = load_library(extra).scenarios.get(transcript.scenario or "")
        text = export_markdown(transcript, scorecard, scenario.title if scenario else None)
    if args.out is None:
        sys.stdout.write(text)
    else:
        _write(args.out, text, "--out")
        print(f"session {visible(transcript.id)} written to {args.out}", file=sys.stderr)
    return 0


def import_command(args: argparse.Namespace, extra: list[Path]) -> int:
    from trainer.management.transfer import import_paths

    library = load_checked_library(extra)
    from trainer.store.base import ImportOutcome

    counts = dict.fromkeys(ImportOutcome, 0)
    bad = 0
    with open_store() as store:
        for item in import_paths(store, library, args.paths):
            if item.error is not None or item.outcome is None:
                bad += 1
                print(visible(item.error or item.where), file=sys.stderr)
                continue
            counts[item.outcome] += 1
            name = visible((item.session or "(no id)")[:12])
            where = visible(item.where)
            if item.outcome is ImportOutcome.KEPT:
                print(f"= {name}  {where}: already in the store")
                continue
            score = "unfinished" if item.score is None else f"score {item.score}"
            linked = f" · assignment #{item.assignment}" if item.assignment else ""
            if item.outcome is ImportOutcome.UPDATED:
                # The copy stored earlier was unfinished; this one replaces it.
                print(f"~ {name}  {where}: updated, {score}{linked}")
            else:
                print(f"+ {name}  {where}: {score}{linked}")
    print(
        f"imported {counts[ImportOutcome.ADDED]}, updated {counts[ImportOutcome.UPDATED]},"
        f" already there {counts[ImportOutcome.KEPT]}, unreadable {bad}",
        file=sys.stderr,
    )
    return 2 if bad else 0


def _write(path: Path, text: str, flag: str) -> None:
    if path.is_dir():
        raise BadInput(f"{flag} {path}: is a folder; give a file name")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{flag} {path}: cannot write: {exc.strerror or exc}") from None
