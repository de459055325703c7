"""The `trainer` command: argument parsing and dispatch.

Each command's work lives in trainer/commands/; this module only parses, and
imports a command's module when that command runs, so `trainer --help`,
`trainer validate` and `trainer list` never pay for Textual or litellm.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from trainer import __version__
from trainer.errors import BadInput, TrainerError

DESCRIPTION = """\
Practise handling sales objections against a buyer who behaves like a real one,
and get graded, turn by turn, on consultative versus pressure tactics.

With no command, opens the trainer (a terminal app) on its home screen.
Everything works offline by default; point --model at any litellm model string
(for example openai/gpt-4o-mini with OPENAI_API_KEY set, or a local server with
--model openai/llama3 --api-base http://127.0.0.1:11434/v1) for a model-voiced buyer.
"""

EPILOG = """\
examples:
  trainer list scenarios                      what there is to practise
  trainer practice saas-cfo-price             a session in the terminal app
  trainer chat saas-cfo-price --out t.json    the same, headless, line by line
  trainer grade t.json                        a scorecard for a transcript
  trainer validate my-team/                   check your own content

Content: --content DIR (repeatable) or TRAINER_CONTENT add folders holding
personas/, scenarios/ and rubrics/. User data lives under TRAINER_HOME.
Exit codes: 0 ok, 1 run-time failure, 2 bad input.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors name the command and exit 2 without a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _content_option(parser: argparse.ArgumentParser, dest: str = "sub_content") -> None:
    # Accepted before and after the command name; argparse would let a
    # subcommand's default overwrite the top-level value, so they get two dests.
    parser.add_argument(
        "--content",
        dest=dest,
        metavar="DIR",
        action="append",
        type=Path,
        default=[],
        help="extra content folder with personas/, scenarios/, rubrics/ (repeatable)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="trainer",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _content_option(parser, dest="content")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    validate = commands.add_parser(
        "validate",
        help="check personas, scenarios and rubrics; one file:line: message per problem",
        description="Check content files: YAML, fields, references between files, and every "
        "template rendered once with sample values. Exit 0 when valid, 2 otherwise.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="content files or folders (default: the whole library)",
    )
    _content_option(validate)

    listing = commands.add_parser(
        "list",
        help="list personas, scenarios or rubrics",
        description="List the content library. --json prints one JSON object per line.",
    )
    listing.add_argument("kind", choices=["personas", "scenarios", "rubrics"])
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    _content_option(listing)

    chat = commands.add_parser(
        "chat",
        help="headless role-play: trainee lines on stdin, BUYER: lines on stdout",
        description="Role-play a scenario without the terminal app. Reads one trainee line per "
        "input line until end of input or /end; prints each buyer line as 'BUYER: text'; then "
        "prints a short scorecard. In-session commands: /end /undo /hint /retry /offline.",
    )
    chat.add_argument("scenario", metavar="SCENARIO_ID", help="see `trainer list scenarios`")
    _model_options(chat)
    chat.add_argument("--seed", type=int, help="fix the buyer's wording (same seed, same words)")
    chat.add_argument(
        "--trainee",
        metavar="NAME",
        help="who is practising (default: the name in the config; without one the buyer uses no name)",
    )
    chat.add_argument("--out", type=Path, metavar="FILE", help="write the transcript JSON here")
    chat.add_argument("--exam", action="store_true", help="no hints, no undo")
    _content_option(chat)

    practice = commands.add_parser(
        "practice",
        help="open a session in the terminal app",
        description="Open the terminal app straight into a role-play of SCENARIO_ID (or resume a "
        "saved session). In the session, type your lines; /hint asks the coach, /undo takes back "
        "the last exchange, /restart starts over, /end shows the scorecard. ctrl+q quits; every "
        "turn is saved as you go.",
    )
    practice.add_argument(
        "scenario", nargs="?", metavar="SCENARIO_ID", help="see `trainer list scenarios`"
    )
    _model_options(practice)
    practice.add_argument("--exam", action="store_true", help="exam mode: no hints, no undo")
    practice.add_argument(
        "--trainee",
        metavar="NAME",
        help="who is practising (default: the name in the config; without one the buyer uses no name)",
    )
    practice.add_argument(
        "--seed", type=int, help="fix the buyer's wording (same seed, same words)"
    )
    practice.add_argument(
        "--resume", metavar="SESSION_ID", help="pick a saved session up where it stopped"
    )
    _content_option(practice)

    grade = commands.add_parser(
        "grade",
        help="grade transcripts (.json, .jsonl, a folder) or real calls with --rep",
        description="Grade transcripts against a rubric. PATH is a transcript .json, a .jsonl "
        "file with one transcript per line, or a folder of them. Transcripts with no scenario, "
        "or one unknown to the library, use the default rubric. With --json, prints one "
        "scorecard per transcript as JSON Lines, in input order.\n\n"
        "PATH may also be a recorded call: WebVTT from Teams or Zoom, SRT, Otter's text "
        "export, or Gong's transcript JSON (the format is read from the content). --rep names "
        "the seller, by name or speaker id; everyone else is the buyer. Without --rep, the "
        "speakers found are listed. The scorecard lists the buyer's objections found.",
        epilog="examples:\n  trainer grade t.json\n  trainer grade calls/ --rep 'Sam Ortiz' --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    grade.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    grade.add_argument(
        "--rep",
        metavar="NAME",
        help="in a call: the seller being graded, by name or speaker id",
    )
    grade.add_argument("--rubric", metavar="ID", help="grade with this rubric instead")
    grade.add_argument(
        "--judge",
        metavar="offline|MODEL",
        default="offline",
        help="offline (default, deterministic) or a litellm model string for an LLM judge",
    )
    grade.add_argument("--api-base", metavar="URL", help="OpenAI-compatible server for the judge")
    grade.add_argument(
        "--json", action="store_true", help="JSON Lines, one scorecard per transcript"
    )
    _content_option(grade)

    simulate = commands.add_parser(
        "simulate",
        help="bot trainees play scenarios: see how hard a scenario plays",
        description="Play bot trainees (consultative, pushy, evasive, injection) through "
        "scenarios with the offline buyer and report outcome and score. Nothing is saved. "
        "A scenario where the consultative bot misses the best outcome likely has triggers "
        "a good trainee would not hit.",
    )
    simulate.add_argument("scenarios", nargs="*", metavar="SCENARIO_ID", help="default: all")
    simulate.add_argument(
        "--bot",
        dest="bots",
        action="append",
        choices=["consultative", "pushy", "evasive", "injection"],
        help="only this bot (repeatable; default: all four)",
    )
    simulate.add_argument("--seed", type=int, default=1, help="the buyer's wording seed")
    simulate.add_argument("--json", action="store_true", help="one JSON object per line")
    _content_option(simulate)

    drill = commands.add_parser(
        "drill",
        help="the objections due for practice, weakest first; --start runs the first",
        description="List the objections due for practice, weakest first. Each (trainee, "
        "objection) is a spaced-repetition card rated from how that objection went in every "
        "graded session and drill: pushing on it or never asking about it brings it back the "
        "next day; buttoning it up brings it back later each time. --start runs the first as "
        "a short session on that one objection: the buyer raises it at once, up to six of your "
        "lines, graded on its stages (trainee lines on stdin, as in `trainer chat`).",
        epilog="examples:\n"
        "  trainer drill --trainee ana\n"
        "  trainer drill --trainee ana --json\n"
        "  trainer drill --trainee ana --start",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    drill.add_argument("--trainee", metavar="NAME", help="whose drills (default: config, else all)")
    drill.add_argument("--json", action="store_true", help="one JSON object per due objection")
    drill.add_argument(
        "--start", action="store_true", help="run the first due drill (or the next, early)"
    )
    drill.add_argument(
        "--all", action="store_true", help="also list the drills not due yet, soonest first"
    )
    _model_options(drill)
    drill.add_argument("--seed", type=int, help="fix the buyer's wording (same seed, same words)")
    _content_option(drill)

    config = commands.add_parser(
        "config",
        help="show or set your name, default model, api base and team database",
        description="With no argument, show the settings; with KEY, show one; with KEY VALUE, "
        "save it in config.toml under TRAINER_HOME. Example: trainer config trainee ana. "
        "`trainer config database postgresql://ana:PASSWORD@HOST:5432/trainer` keeps your "
        "sessions on your team's server (the URL your manager gave you) instead of this machine.",
    )
    config.add_argument(
        "key", nargs="?", metavar="KEY", choices=["trainee", "model", "api_base", "database"]
    )
    config.add_argument("value", nargs="?", metavar="VALUE")

    sessions = commands.add_parser(
        "sessions",
        help="list saved sessions",
        description="List the sessions saved under TRAINER_HOME, oldest first.",
    )
    sessions.add_argument("--json", action="store_true", help="one JSON object per line")
    sessions.add_argument("--trainee", metavar="NAME", help="only this trainee")
    sessions.add_argument("--scenario", metavar="ID", help="only this scenario")

    assign = commands.add_parser(
        "assign",
        help="assign a scenario to trainees, with a due date and pass mark",
        description="Create one assignment per trainee. --exam makes it a graded drill: a fixed "
        "seed so everyone meets the same buyer behaviour, no hints, no undo, and the attempt "
        "limit enforced.",
    )
    assign.add_argument("scenario", metavar="SCENARIO_ID")
    assign.add_argument(
        "--to",
        dest="trainees",
        metavar="NAME",
        action="append",
        required=True,
        help="a trainee (repeatable)",
    )
    assign.add_argument("--due", metavar="YYYY-MM-DD", help="due date")
    assign.add_argument(
        "--pass-mark", type=int, metavar="N", help="default: the rubric's pass mark"
    )
    assign.add_argument("--attempts", type=int, metavar="N", help="attempt limit (default: none)")
    assign.add_argument(
        "--exam", action="store_true", help="graded drill: fixed seed, no hints or undo"
    )
    _content_option(assign)

    report = commands.add_parser(
        "report",
        help="who passed, who is improving, and the team's weak spot",
        description="Report on assignments, trainees and objection categories. Text by default; "
        "--json or --csv for programs; --html FILE for one self-contained page to open or mail; "
        "--xapi for xAPI statements an LMS takes (passed/failed for assignments and exams, "
        "completed for practice), printed or, with --send URL, stored in a learning record "
        "store. TRAINER_XAPI_BASE sets the IRI the actor's account and the activities live "
        "under.",
    )
    fmt = report.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="one JSON document")
    fmt.add_argument("--csv", action="store_true", help="assignments as CSV")
    fmt.add_argument("--html", type=Path, metavar="FILE", help="write a self-contained HTML report")
    fmt.add_argument(
        "--xapi",
        action="store_true",
        help="xAPI statements, one per graded attempt, as a JSON array (for an LMS or LRS)",
    )
    report.add_argument(
        "--since",
        metavar="DATE",
        help="with --xapi: only attempts finished on or after DATE (YYYY-MM-DD or ISO time)",
    )
    report.add_argument(
        "--send",
        metavar="URL",
        help="with --xapi: store the statements in the LRS at URL (its xAPI endpoint), with "
        "basic auth from TRAINER_LRS_USER and TRAINER_LRS_PASSWORD; sending twice is harmless",
    )
    report.add_argument("--trainee", metavar="NAME", help="only this trainee")
    report.add_argument("--scenario", metavar="ID", help="only this scenario")
    _content_option(report)

    export = commands.add_parser(
        "export",
        help="export a saved session as Markdown or JSON",
        description="Print a saved session (transcript and scorecard) as Markdown or JSON.",
    )
    export.add_argument(
        "session", metavar="SESSION_ID", help="an id from `trainer sessions` (a prefix works)"
    )
    export.add_argument("--format", choices=["md", "json"], default="md")
    export.add_argument("--out", type=Path, metavar="FILE", help="write here instead of stdout")
    _content_option(export)

    importing = commands.add_parser(
        "import",
        help="add transcripts from other machines to this store",
        description="Import transcript files (.json, .jsonl, or folders). Re-importing the same "
        "transcript adds nothing; the finished copy of a session imported unfinished replaces "
        "it (shown as 'updated').",
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    _content_option(importing)

    from trainer.commands.server import add_parser as add_server

    add_server(commands)
    web = commands.add_parser(
        "web",
        help="serve the trainer to a browser (localhost by default)",
        description="Serve the same terminal app to a web browser, through textual-serve: each "
        "browser tab runs its own trainer on this machine, with this machine's settings and "
        "store. Every file the page needs comes from this server. There are no logins in the "
        "browser, so it listens on 127.0.0.1 unless --host says otherwise. Ctrl+C stops it.",
    )
    web.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    web.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    _content_option(web)
    commands.add_parser(
        "sync",
        help="upload turns kept on this machine while the team database was away",
        description="When the team database cannot be reached, sessions go on and their turns "
        "are kept under TRAINER_HOME; any command that reaches the server uploads them. This "
        "does only that, and says how much it uploaded. Exit 1 while the server is unreachable.",
    )
    return parser


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        metavar="M",
        help="who voices the buyer: 'offline' (default) or any litellm model string, "
        "e.g. openai/gpt-4o-mini (key from OPENAI_API_KEY)",
    )
    parser.add_argument(
        "--api-base",
        metavar="URL",
        help="an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 with --model openai/NAME",
    )


def _extra(args: argparse.Namespace) -> list[Path]:
    return [*getattr(args, "content", []), *getattr(args, "sub_content", [])]


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    command = args.command
    if command == "validate":
        from trainer.commands.content import validate

        return validate(args.paths, _extra(args))
    if command == "list":
        from trainer.commands.content import list_content

        return list_content(args.kind, args.json, _extra(args))
    if command == "chat":
        from trainer.commands.chat import chat

        return chat(
            args.scenario,
            model=args.model,
            api_base=args.api_base,
            seed=args.seed,
            trainee=args.trainee,
            out=args.out,
            exam=args.exam,
            extra=_extra(args),
        )
    if command == "grade":
        from trainer.commands.grade import grade_paths

        return grade_paths(
            args.paths,
            rubric=args.rubric,
            judge=args.judge,
            api_base=args.api_base,
            as_json=args.json,
            extra=_extra(args),
            rep=args.rep,
        )
    if command == "simulate":
        from trainer.commands.simulate import simulate_command

        return simulate_command(args.scenarios, args.bots or [], args.seed, args.json, _extra(args))
    if command == "drill":
        from trainer.commands.drill import drill_command

        return drill_command(
            trainee=args.trainee,
            as_json=args.json,
            start=args.start,
            everything=args.all,
            model=args.model,
            api_base=args.api_base,
            seed=args.seed,
            extra=_extra(args),
        )
    if command == "config":
        from trainer.commands.settings import config_command

        return config_command(args.key, args.value)
    if command == "sessions":
        from trainer.commands.history import list_sessions

        return list_sessions(as_json=args.json, trainee=args.trainee, scenario=args.scenario)
    if command in ("assign", "report", "export", "import"):
        import importlib

        manage = importlib.import_module("trainer.commands.manage")
        handler = getattr(manage, f"{command}_command")
        return int(handler(args, _extra(args)))
    if command == "web":
        from trainer.commands.web import web_command

        return web_command(args.host, args.port, _extra(args))
    if command == "sync":
        from trainer.commands.sync import sync_command

        return sync_command()
    if command == "server":
        from trainer.commands.server import server_command

        return server_command(args)
    if command == "practice":
        if args.scenario is None and args.resume is None:
            parser.error(
                "practice: give a SCENARIO_ID (see `trainer list scenarios`) or --resume ID"
            )
        from trainer.tui.launch import launch

        return launch(
            scenario=args.scenario,
            model=args.model,
            api_base=args.api_base,
            exam=args.exam,
            trainee=args.trainee,
            seed=args.seed,
            resume=args.resume,
            extra=_extra(args),
        )
    if command is None:
        from trainer.tui.launch import launch

        return launch(extra=_extra(args))
    parser.print_help()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run(args, parser)
    except TrainerError as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("trainer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `trainer list scenarios | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


__all__ = ["BadInput", "build_parser", "main"]

if __name__ == "__main__":
    sys.exit(main())
