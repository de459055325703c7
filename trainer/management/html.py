"""The report as one self-contained HTML page a manager can open or mail.

Inline CSS and inline SVG only; a Content-Security-Policy that allows nothing
to load, so the page needs no network and runs no script even if a name in
the data tried to smuggle one in (and every such name is escaped anyway).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from trainer.management.charts import heat_map, score_chart
from trainer.management.report import Report
from trainer.management.tables import percent
from trainer.vocabulary import Category

__all__ = ["report_html"]

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;
 padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem}
.meta{color:#666;margin-top:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd}
th{background:#f4f4f6;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
.status{padding:.1rem .5rem;border-radius:.8rem;font-size:.85em;white-space:nowrap}
.passed{background:#d8f3dc}.failed{background:#ffd6d6}.past_due{background:#ffb3b3;font-weight:600}
.in_progress{background:#fff3bf}.not_started{background:#eee}
.summary span{margin-right:1.2rem}.weak{font-weight:600}
svg.chart{max-width:100%;height:auto;font-size:12px}
svg .grid{stroke:#ddd}svg .axis{fill:#555}svg .legend{fill:#1d1d1f}
"""


def _cell(value: object, numeric: bool = False) -> str:
    text = "–" if value is None else str(value)
    return f'<td class="num">{escape(text)}</td>' if numeric else f"<td>{escape(text)}</td>"


def _table(table_id: str, headers: Sequence[str], rows: Sequence[str], caption: str) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(rows) or f'<tr><td colspan="{len(headers)}">none yet</td></tr>'
    return (
        f'<table id="{table_id}"><caption hidden>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _assignments(report: Report) -> str:
    rows = []
    for p in report.assignments:
        a = p.assignment
        status = p.status.value
        rows.append(
            f'<tr data-status="{status}">'
            + _cell(a.trainee)
            + _cell(a.scenario + (" (exam)" if a.exam else ""))
            + _cell(a.due)
            + _cell(a.pass_mark, True)
            + _cell(f"{p.attempts}/{a.attempts}" if a.attempts is not None else p.attempts, True)
            + _cell(p.best_score, True)
            + _cell(p.latest_score, True)
            + f'<td><span class="status {status}">{status.replace("_", " ")}</span></td></tr>'
        )
    headers = ["Trainee", "Scenario", "Due", "Pass mark", "Attempts", "Best", "Latest", "Status"]
    return _table("assignments", headers, rows, "Assignments")


def _trainees(report: Report) -> str:
    rows = [
        f'<tr data-trainee="{escape(t.trainee, quote=True)}">'
        + _cell(t.trainee)
        + _cell(t.attempts, True)
        + _cell(t.average_score, True)
        + _cell(t.best_score, True)
        + _cell(None if t.improvement is None else f"{t.improvement:+d}", True)
        + _cell(percent(t.pressure_share), True)
        + _cell(t.weakest_category.value if t.weakest_category else None)
        + "</tr>"
        for t in report.trainees
    ]
    headers = [
        "Trainee",
        "Attempts",
        "Average",
        "Best",
        "First to best",
        "Pressure turns",
        "Weakest",
    ]
    return _table("trainees", headers, rows, "Trainees")


def _categories(report: Report) -> str:
    ordered = sorted(report.categories.items(), key=lambda ct: list(Category).index(ct[0]))
    rows = [
        f'<tr data-category="{c.value}">'
        + _cell(c.value.replace("_", " "))
        + _cell(t.turns, True)
        + _cell(t.consultative, True)
        + _cell(t.pressure, True)
        + _cell(percent(t.share), True)
        + "</tr>"
        for c, t in ordered
    ]
    headers = ["Category", "Turns", "Consultative", "Pressure", "Handled consultatively"]
    return _table("categories", headers, rows, "Objection categories")


def report_html(report: Report) -> str:
    counts: dict[str, int] = {}
    for p in report.assignments:
        counts[p.status.value] = counts.get(p.status.value, 0) + 1
    summary = "".join(
        f'<span class="status {s}">{escape(s.replace("_", " "))}: {n}</span>'
        for s, n in counts.items()
    )
    filters = ", ".join(f"{k} {v}" for k, v in report.filters.items() if v)
    weak = report.weak_spot
    weak_line = (
        f'<p class="weak" id="weak-spot">Team weak spot: {escape(weak.value.replace("_", " "))}'
        f" ({percent(report.categories[weak].share)} handled consultatively over"
        f" {report.categories[weak].turns} turns)</p>"
        if weak
        else '<p id="weak-spot">Team weak spot: not enough turns in any category yet.</p>'
    )
    categories = [c for c in Category if c in report.categories]
    heat_rows = [(t.trainee, t.categories) for t in report.trainees if t.categories]
    series = [(t.trainee, t.scores) for t in report.trainees]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';'
        " style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Objection trainer: team report, {report.today.isoformat()}</title>"
        f"<style>{CSS}</style></head><body>"
        "<h1>Team report</h1>"
        f'<p class="meta">As of {report.today.isoformat()}'
        f"{escape(' · ' + filters) if filters else ''}</p>"
        f'<p class="summary">{summary}</p>'
        f"<h2>Assignments</h2>{_assignments(report)}"
        f"<h2>Trainees</h2>{_trainees(report)}"
        f"<h2>Score over time</h2>{score_chart(series)}"
        f"<h2>Objection categories</h2>{weak_line}{_categories(report)}"
        f"{heat_map(heat_rows, report.categories, categories)}"
        "</body></html>\n"
    )
