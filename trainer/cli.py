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
    return parser


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
