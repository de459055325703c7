"""The report as one self-contained HTML page a manager can open or mail.

Rendered from templates/report.html.j2 with autoescaping on, so every name
and id is escaped wherever the template puts it, and shown through the shared
sanitiser (trainer.text.visible) first. Inline CSS and inline SVG only; a
Content-Security-Policy that allows nothing to load, so the page needs no
network and runs no script even if a name in the data tried to smuggle one in.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2
import markupsafe

from trainer.management.charts import heat_map, score_chart
from trainer.management.report import Report
from trainer.management.tables import percent, signed
from trainer.text import visible
from trainer.vocabulary import Category

__all__ = ["report_html"]


def _shown(value: object) -> object:
    """What `{{ value }}` prints: nothing missing as a dash, text made visible.
    Autoescaping comes after, so the result is still escaped for HTML."""
    if value is None:
        return "–"
    if isinstance(value, markupsafe.Markup):
        return value  # the template's own markup: a macro's or a captured block's
    if isinstance(value, str):
        return visible(value)
    return value


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_shown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["percent"] = percent
    env.filters["signed"] = signed
    env.filters["words"] = lambda ident: ident.replace("_", " ")
    source = resources.files("trainer.management").joinpath("templates/report.html.j2")
    return env.from_string(source.read_text(encoding="utf-8"))


def report_html(report: Report) -> str:
    counts: dict[str, int] = {}
    for p in report.assignments:
        counts[p.status.value] = counts.get(p.status.value, 0) + 1
    categories = [c for c in Category if c in report.categories]
    return _template().render(
        report=report,
        today=report.today.isoformat(),
        filters=", ".join(f"{k} {v}" for k, v in report.filters.items() if v),
        counts=counts,
        weak=report.weak_spot,
        categories=[(c, report.categories[c]) for c in categories],
        chart=score_chart([(t.trainee, t.scores) for t in report.trainees]),
        heat=heat_map(
            [(t.trainee, t.categories) for t in report.trainees if t.categories],
            report.categories,
            categories,
        ),
    )
