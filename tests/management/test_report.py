"""The report built from a store: per assignment, per trainee, per category;
and its CSV and HTML forms, read back with the stdlib parsers."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from trainer.management.html import report_html
from trainer.management.report import build_report
from trainer.management.tables import report_csv, report_text
from trainer.store.sqlite import open_store
from trainer.transcript import Transcript, Turn

SCENARIO = "coaching-owner-dont-need-it"  # need (dont-need-a-coach), then price (nine-grand)
NEED, PRICE = "dont-need-a-coach", "nine-grand"
TODAY = date(2026, 11, 24)


def play(
    store, ident, trainee, started, exchanges, score=None, assignment_id=None, scenario=SCENARIO
):
    """Store a session: each exchange is (objection on the table, trainee label)."""
    turns: list[Turn] = []
    for current, label in exchanges:
        turns.append(Turn(role="buyer", text="…", state={"current": current}))
        turns.append(Turn(role="trainee", text="…", label=label))
    transcript = Transcript(
        id=ident, scenario=scenario, trainee=trainee, started=started, turns=turns
    )
    store.create_session(transcript, assignment_id=assignment_id)
    for index, turn in enumerate(turns):
        store.save_turn(ident, index, turn.model_dump(exclude_none=True))
    if score is not None:
        store.finish_session(
            ident,
            finished=started,
            outcome="stalled",
            score=score,
            passed=score >= 70,
            scorecard={"gates": []},
        )


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path)
    yield store
    store.close()


@pytest.fixture
def team(store):
    """ana improves from 40 to 80; ben pushes on price; cleo was assigned and
    has not started; an anonymous imported transcript belongs to no one."""
    a = store.create_assignment(
        trainee="ana",
        scenario=SCENARIO,
        due="2026-12-01",
        pass_mark=75,
        attempts=3,
        exam=False,
        seed=None,
    )
    b = store.create_assignment(
        trainee="ben",
        scenario=SCENARIO,
        due="2026-11-20",
        pass_mark=75,
        attempts=None,
        exam=False,
        seed=None,
    )
    store.create_assignment(
        trainee="cleo",
        scenario=SCENARIO,
        due=None,
        pass_mark=75,
        attempts=None,
        exam=False,
        seed=None,
    )
    C, P, N = "consultative", "pressure", "neutral"
    play(store, "a1", "ana", "2026-11-21T10:00:00Z", [(NEED, P), (NEED, C), (PRICE, P)], 40, a.id)
    play(
        store,
        "a2",
        "ana",
        "2026-11-22T10:00:00Z",
        [(NEED, C), (PRICE, C), (PRICE, C), (None, C)],
        80,
        a.id,
    )
    play(store, "a3", "ana", "2026-11-23T10:00:00Z", [(NEED, C)], None)  # practice, unfinished
    play(store, "c0", "cleo", "2026-11-23T10:00:00Z", [], 0)  # opened and closed: not counted
    play(
        store,
        "b1",
        "ben",
        "2026-11-21T11:00:00Z",
        [(NEED, C), (PRICE, P), (PRICE, P), (PRICE, N)],
        30,
        b.id,
    )
    play(store, "b2", "ben", "2026-11-22T11:00:00Z", [(None, P)], 10, scenario="retired-scenario")
    store.import_transcript(
        Transcript(scenario=SCENARIO, turns=[Turn(role="trainee", text="hi", label=P)])
    )
    return store


def points(page):
    """The score chart's marks, one per graded attempt (not the legend's)."""
    return [
        p
        for p in page.find("path")
        if "point" in p.attrs.get("class", "").split() and "data-score" in p.attrs
    ]


def report_of(store, library, **filters):
    snapshot = store.snapshot(**filters)
    return build_report(snapshot, library.scenarios.get, TODAY, filters=filters)


def test_per_assignment(team, library):
    rows = {a["trainee"]: a for a in report_of(team, library).to_json()["assignments"]}
    assert {
        n: (r["status"], r["attempts"], r["best_score"], r["latest_score"]) for n, r in rows.items()
    } == {
        "ana": ("passed", 2, 80, 80),
        "ben": ("past_due", 1, 30, 30),
        "cleo": ("not_started", 0, None, None),
    }
    assert rows["ana"]["attempts_left"] == 1 and rows["ana"]["due"] == "2026-12-01"


def test_per_trainee(team, library):
    trainees = {t["trainee"]: t for t in report_of(team, library).to_json()["trainees"]}
    assert list(trainees) == ["ana", "ben", "cleo"]  # the anonymous transcript is no one's
    ana, ben, cleo = trainees["ana"], trainees["ben"], trainees["cleo"]
    assert (ana["attempts"], ana["graded"], ana["average_score"], ana["best_score"]) == (
        3,
        2,
        60.0,
        80,
    )
    assert (ana["first_score"], ana["improvement"]) == (40, 40)
    assert ana["pressure_share"] == round(2 / 8, 3)
    # ana: need 3 of 4 consultative, price 2 of 3: price is her weakest.
    assert ana["categories"]["need"]["consultative_share"] == 0.75
    assert ana["weakest_category"] == "price"
    assert [p["score"] for p in ana["scores"]] == [40, 80]
    # ben: a session on a scenario the library no longer has still counts, without categories.
    assert (ben["attempts"], ben["average_score"], ben["improvement"]) == (2, 20.0, 0)
    assert ben["pressure_share"] == 0.6 and ben["weakest_category"] == "price"
    assert set(ben["categories"]) == {"need", "price"}
    assert (
        cleo["attempts"],
        cleo["best_score"],
        cleo["pressure_share"],
        cleo["weakest_category"],
    ) == (0, None, None, None)


def test_per_category_across_the_team(team, library):
    report = report_of(team, library).to_json()
    by = {c["category"]: c for c in report["categories"]}
    assert (by["need"]["turns"], by["need"]["consultative"]) == (5, 4)
    assert (by["price"]["turns"], by["price"]["consultative"], by["price"]["pressure"]) == (6, 2, 3)
    assert report["weak_spot"] == "price"


def test_filters(team, library):
    only_ben = report_of(team, library, trainee="ben").to_json()
    assert [a["trainee"] for a in only_ben["assignments"]] == ["ben"]
    assert [t["trainee"] for t in only_ben["trainees"]] == ["ben"]
    retired = report_of(team, library, scenario="retired-scenario").to_json()
    assert retired["assignments"] == [] and [t["trainee"] for t in retired["trainees"]] == ["ben"]


def test_text(team, library):
    text = report_text(report_of(team, library))
    assert (
        "ana      coaching-owner-dont-need-it  2026-12-01  75    2/3       80    80      +40    passed"
        in text
    )
    assert "Team weak spot: price (33% handled consultatively over 6 turns)" in text


def test_csv(team, library):
    rows = list(csv.DictReader(io.StringIO(report_csv(report_of(team, library)))))
    assert [
        (r["trainee"], r["status"], r["best_score"], r["attempts"], r["attempt_limit"])
        for r in rows
    ] == [
        ("ana", "passed", "80", "2", "3"),
        ("ben", "past_due", "30", "1", ""),
        ("cleo", "not_started", "", "0", ""),
    ]


def test_html(team, library, report_page):
    page = report_page(report_html(report_of(team, library)))
    assignments = page.rows("assignments")
    assert [(r["Trainee"], r["Status"], r["Best"], r["Attempts"]) for r in assignments] == [
        ("ana", "passed", "80", "2/3"),
        ("ben", "past due", "30", "1"),
        ("cleo", "not started", "–", "0"),
    ]
    assert [tr.get("data-status") for tr, _ in page.tables["assignments"][1:]] == [
        "passed",
        "past_due",
        "not_started",
    ]
    trainees = {r["Trainee"]: r for r in page.rows("trainees")}
    assert (
        trainees["ana"]["Average"],
        trainees["ana"]["First to best"],
        trainees["ana"]["Weakest"],
    ) == ("60.0", "+40", "price")
    categories = {r["Category"]: r for r in page.rows("categories")}
    assert categories["price"]["Handled consultatively"] == "33%"
    (weak,) = [e for e in page.elements if e.attrs.get("id") == "weak-spot"]
    assert "Team weak spot: price" in weak.text
    # Score over time: one series per trainee with graded attempts, in order.
    series = {g.attrs["data-trainee"] for g in page.find("g", **{"class": "series"})}
    assert series == {"ana", "ben"}
    dots = [(d.inherited("data-trainee"), d.attrs["data-score"]) for d in points(page)]
    assert dots == [("ana", "40"), ("ana", "80"), ("ben", "30"), ("ben", "10")]
    assert len(page.find("polyline")) == 2
    # The same numbers in a table beside the chart.
    assert {r["Trainee"]: (r["1"], r["2"]) for r in page.rows("scores")} == {
        "ana": ("40", "80"),
        "ben": ("30", "10"),
    }
    # The heat map: a row per trainee with categorised turns, and the team.
    cells = {
        (c.inherited("data-row"), c.attrs["data-category"]): c.attrs["data-share"]
        for c in page.find("g", **{"class": "cell"})
    }
    assert cells[("ana", "need")] == "0.750" and cells[("Whole team", "price")] == "0.333"
    (team_row,) = [g for g in page.find("g", **{"class": "heat-row"}) if g.attrs.get("data-team")]
    assert team_row.attrs["data-row"] == "Whole team"
    assert cells[("ben", "need")] == "1.000"
    assert len(page.find("svg")) == 2


def test_html_is_self_contained_and_escapes_what_users_typed(store, library, report_page):
    sly = '<script>alert("x")</script> & "Bob"'
    store.create_assignment(
        trainee=sly, scenario="x<y", due=None, pass_mark=70, attempts=None, exam=False, seed=None
    )
    play(store, "s1", sly, "2026-11-21T10:00:00Z", [(NEED, "consultative")], 90)
    text = report_html(report_of(store, library))
    assert "<script" not in text and "http" not in text.replace("http-equiv", "")
    assert "<link" not in text and "src=" not in text  # nothing to fetch
    page = report_page(text)
    (row,) = page.rows("assignments")
    assert (row["Trainee"], row["Scenario"]) == (sly, "x<y")  # shown as typed, never as markup
    assert page.find("g", **{"class": "series"})[0].attrs["data-trainee"] == sly


def test_csv_cells_cannot_become_spreadsheet_formulas(store, library):
    store.create_assignment(
        trainee='=HYPERLINK("x")',
        scenario=SCENARIO,
        due=None,
        pass_mark=70,
        attempts=None,
        exam=False,
        seed=None,
    )
    (row,) = csv.DictReader(io.StringIO(report_csv(report_of(store, library))))
    assert row["trainee"] == '\'=HYPERLINK("x")'


def test_an_empty_report(store, library, report_page):
    report = report_of(store, library)
    assert report.to_json()["weak_spot"] is None
    page = report_page(report_html(report))
    assert [cells for _, cells in page.tables["assignments"][1:]] == [["none yet"]]
    assert "No graded attempts yet." in "".join(
        e.text for e in page.find("p", **{"class": "empty"})
    )


def test_every_trainees_scores_stay_visible_when_they_coincide(store, library, report_page):
    """Three trainees with the very same scores: no mark hides another. Each
    series has its own marker shape, sits a few pixels apart, and the numbers
    are in the table beside the chart."""
    for name in ("ana", "ben", "cleo"):
        for n, score in enumerate((40, 100, 0)):
            play(
                store, f"{name}{n}", name, f"2026-11-2{n + 1}T10:00:00Z", [(NEED, "neutral")], score
            )
    page = report_page(report_html(report_of(store, library)))
    series = page.find("g", **{"class": "series"})
    assert len({g.attrs["data-marker"] for g in series}) == 3  # three shapes
    marks = points(page)
    assert len(marks) == 9
    spots = {(m.attrs["data-x"], m.attrs["data-y"]) for m in marks}
    assert len(spots) == 9  # nobody's mark sits exactly on another's
    assert len({m.attrs["d"] for m in marks}) == 9
    by_attempt: dict[str, list[float]] = {}
    for m in marks:
        by_attempt.setdefault(m.attrs["data-score"], []).append(float(m.attrs["data-x"]))
    for xs in by_attempt.values():  # side by side, close enough to read as one attempt
        assert 3 <= max(xs) - min(xs) <= 12
    assert [(r["Trainee"], r["1"], r["2"], r["3"]) for r in page.rows("scores")] == [
        ("ana", "40", "100", "0"),
        ("ben", "40", "100", "0"),
        ("cleo", "40", "100", "0"),
    ]


def test_html_shows_control_characters_through_the_shared_sanitiser(store, library, report_page):
    store.create_assignment(
        trainee="ana\x1b[2J",
        scenario=SCENARIO,
        due=None,
        pass_mark=70,
        attempts=None,
        exam=False,
        seed=None,
    )
    text = report_html(report_of(store, library))
    assert "\x1b" not in text
    (row,) = report_page(text).rows("assignments")
    assert row["Trainee"] == "ana\\x1b[2J"
