"""One sanitiser and one table printer for everything shown to people."""

from __future__ import annotations

import json

from trainer.cli import main
from trainer.store.sqlite import open_store
from trainer.text import table, visible
from trainer.transcript import Transcript, Turn

SLY = "ana\x1b[2J\x07\u202e"


def test_visible_shows_control_characters_as_escapes():
    assert visible("plain words, “quotes” and ünïcode") == "plain words, “quotes” and ünïcode"
    assert visible("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07"
    assert visible("one\ntwo\tthree") == "one\\x0atwo\\x09three"  # one line stays one line
    assert visible("one\ntwo\x1b", newlines=True) == "one\ntwo\\x1b"
    assert visible("right-to-left \u202eoverride") == "right-to-left \\u202eoverride"


def test_the_terminal_app_uses_the_same_sanitiser():
    from trainer.tui.widgets import plain

    for text in (SLY, "line one\nline two\x1b]0;title\x07", "[bold]markup[/]"):
        assert plain(text) == visible(text, newlines=True)


def test_table_lines_up_columns_and_sanitises_cells():
    text = table(
        ["ID", "NAME", "TAGS", "SCORE"],
        [["a1", SLY, ["price", "trust"], 80], ["b22", None, [], None]],
    )
    lines = text.splitlines()
    assert lines[0] == "ID   NAME                  TAGS         SCORE"
    assert lines[1] == "a1   ana\\x1b[2J\\x07\\u202e  price,trust  80"
    assert lines[2] == "b22  -                                  -"
    assert "\x1b" not in text and all(line == line.rstrip() for line in lines)
    assert table(["A", "B"], []) == "A  B"


def test_every_text_listing_prints_untrusted_names_the_same_way(capsys):
    """sessions, report and import all show an imported trainee name with
    escape sequences as the same visible escapes, never raw."""
    with open_store() as store:
        store.import_transcript(
            Transcript(
                id="sly\x1b[2J-session",
                scenario="saas-cfo-price",
                trainee=SLY,
                started="2026-11-21T10:00:00Z",
                turns=[Turn(role="buyer", text="Hi"), Turn(role="trainee", text="Hello")],
            )
        )
        store.create_assignment(
            trainee=SLY,
            scenario="saas-cfo-price",
            due=None,
            pass_mark=70,
            attempts=None,
            exam=False,
            seed=None,
        )
    capsys.readouterr()
    shown = visible(SLY)
    for argv in (["sessions"], ["report"]):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert shown in out, argv
        assert "\x1b" not in out and "\x07" not in out, argv
    assert main(["sessions", "--json"]) == 0  # JSON keeps the data as it is, escaped by JSON
    assert json.loads(capsys.readouterr().out)["trainee"] == SLY


def test_simulate_prints_a_table(capsys):
    assert main(["simulate", "saas-cfo-price", "--bot", "consultative", "--bot", "pushy"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["SCENARIO", "BOT", "OUTCOME", "BEST", "SCORE", "TURNS"]
    assert [r.split()[:2] for r in rows] == [
        ["saas-cfo-price", "consultative"],
        ["saas-cfo-price", "pushy"],
    ]
    # Columns line up: each value starts where its header does.
    for row in rows:
        assert row[header.index("BOT")] != " " and row[header.index("BOT") - 1] == " "
        assert row[header.index("SCORE") - 1] == " " and row[header.index("SCORE")].isdigit()
