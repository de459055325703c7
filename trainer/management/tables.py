"""The report as text for the terminal and as CSV for spreadsheets."""

from __future__ import annotations

import csv
import io

from trainer.management.report import Report
from trainer.text import table

__all__ = ["CSV_COLUMNS", "percent", "report_csv", "report_text", "signed"]

CSV_COLUMNS = [
    "trainee",
    "scenario",
    "due",
    "pass_mark",
    "attempts",
    "attempt_limit",
    "best_score",
    "latest_score",
    "status",
    "exam",
    "assignment",
    "trend",  # added last, so columns read by position keep their place
]


def percent(share: float | None) -> str:
    return "-" if share is None else f"{round(share * 100)}%"


def signed(change: int | None) -> str | None:
    """A change as +20, -100 or +0; None for none."""
    return None if change is None else f"{change:+d}"


def report_text(report: Report) -> str:
    parts = [f"Assignments (as of {report.today.isoformat()})"]
    if report.assignments:
        rows = []
        for p in report.assignments:
            a = p.assignment
            used = f"{p.attempts}/{a.attempts}" if a.attempts is not None else str(p.attempts)
            rows.append(
                [
                    a.trainee,
                    a.scenario + (" (exam)" if a.exam else ""),
                    a.due,
                    a.pass_mark,
                    used,
                    p.best_score,
                    p.latest_score,
                    signed(p.trend),
                    p.status.value,
                ]
            )
        headers = ["TRAINEE", "SCENARIO", "DUE", "PASS", "ATTEMPTS", "BEST", "LATEST", "TREND"]
        parts.append(table([*headers, "STATUS"], rows))
    else:
        parts.append("no assignments yet: try `trainer assign saas-cfo-price --to NAME`")
    parts += ["", "Trainees"]
    if report.trainees:
        parts.append(
            table(
                [
                    "TRAINEE",
                    "ATTEMPTS",
                    "AVERAGE",
                    "BEST",
                    "LATEST",
                    "TREND",
                    "FIRST→BEST",
                    "PRESSURE",
                    "WEAKEST",
                ],
                [
                    [
                        t.trainee,
                        t.attempts,
                        t.average_score,
                        t.best_score,
                        t.latest_score,
                        signed(t.trend),
                        signed(t.improvement),
                        percent(t.pressure_share),
                        t.weakest_category.value if t.weakest_category else None,
                    ]
                    for t in report.trainees
                ],
            )
        )
    else:
        parts.append("no trainees yet")
    parts += ["", "Objection categories, across the team"]
    if report.categories:
        parts.append(
            table(
                ["CATEGORY", "TURNS", "CONSULTATIVE", "PRESSURE"],
                [
                    [c.value, t.turns, percent(t.share), t.pressure]
                    for c, t in sorted(report.categories.items(), key=lambda ct: ct[1].share or 0)
                ],
            )
        )
        weak = report.weak_spot
        if weak is not None:
            tally = report.categories[weak]
            parts.append(
                f"Team weak spot: {weak.value} ({percent(tally.share)} handled consultatively"
                f" over {tally.turns} turns)"
            )
        else:
            parts.append("Team weak spot: not enough turns in any category yet")
    else:
        parts.append("no graded turns yet")
    return "\n".join(parts)


def _safe(value: object) -> object:
    # A cell starting with = + - @ is a formula to a spreadsheet: a trainee
    # named "=HYPERLINK(...)" must stay text when the manager opens the file.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def report_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in report.assignments:
        data = p.to_json()
        data["assignment"] = data["id"]
        data["exam"] = "yes" if data["exam"] else "no"
        writer.writerow([_safe("" if data[c] is None else data[c]) for c in CSV_COLUMNS])
    return out.getvalue()
