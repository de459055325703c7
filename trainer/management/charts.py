"""Inline SVG charts for the HTML report: no scripts, no fonts or files to
fetch, so the page reads the same offline and in a mail attachment.

Every string that came from a user (trainee names, scenario ids) goes through
html.escape before it touches the markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from trainer.management.categories import CategoryTally
from trainer.management.report import ScorePoint
from trainer.vocabulary import Category

__all__ = ["PALETTE", "heat_colour", "heat_map", "score_chart"]

# Okabe-Ito: tells series apart for colour-blind readers too.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def score_chart(series: Sequence[tuple[str, Sequence[ScorePoint]]]) -> str:
    """Score (0-100) by attempt number, one line per trainee."""
    series = [(name, points) for name, points in series if points]
    if not series:
        return '<p class="empty">No graded attempts yet.</p>'
    left, top, width, height = 40, 12, 520, 200
    legend_x = left + width + 16
    most = max(len(points) for _, points in series)
    total_height = max(top + height + 36, top + 18 * len(series) + 8)

    pad = 16  # keeps the first and last dots off the axis labels

    def x(n: int) -> float:
        return left + (width / 2 if most == 1 else pad + (width - 2 * pad) * n / (most - 1))

    def y(score: int) -> float:
        return top + height * (1 - max(0, min(100, score)) / 100)

    parts = [
        f'<svg id="score-chart" class="chart" role="img"'
        f' viewBox="0 0 {legend_x + 180} {total_height}" width="{legend_x + 180}"'
        f' height="{total_height}"><title>Score over time per trainee</title>'
    ]
    for mark in (0, 25, 50, 75, 100):
        parts.append(
            f'<line class="grid" x1="{left}" x2="{left + width}" y1="{y(mark):.1f}" y2="{y(mark):.1f}"/>'
            f'<text class="axis" x="{left - 6}" y="{y(mark) + 4:.1f}" text-anchor="end">{mark}</text>'
        )
    for n in range(most):
        parts.append(
            f'<text class="axis" x="{x(n):.1f}" y="{top + height + 16}" text-anchor="middle">{n + 1}</text>'
        )
    parts.append(
        f'<text class="axis" x="{left + width / 2}" y="{top + height + 32}" text-anchor="middle">'
        "attempt</text>"
    )
    for i, (name, points) in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        coords = [(x(n), y(p.score)) for n, p in enumerate(points)]
        parts.append(
            f'<g class="series" data-trainee="{_attr(name)}" stroke="{colour}" fill="{colour}">'
        )
        if len(coords) > 1:
            line = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
            parts.append(f'<polyline fill="none" stroke-width="2" points="{line}"/>')
        for n, ((cx, cy), point) in enumerate(zip(coords, points, strict=True)):
            label = f"{name}, attempt {n + 1}: {point.score} ({point.scenario or '-'}, {point.started[:10]})"
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" data-score="{point.score}">'
                f"<title>{escape(label)}</title></circle>"
            )
        ly = top + 8 + 18 * i
        parts.append(
            f'<rect x="{legend_x}" y="{ly - 8}" width="10" height="10"/>'
            f'<text class="legend" x="{legend_x + 16}" y="{ly + 1}" stroke="none">{escape(name)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def heat_colour(share: float | None) -> str:
    """Red (never consultative) through yellow to green (always)."""
    if share is None:
        return "#e5e5e5"
    return f"hsl({round(120 * share)}, 65%, 72%)"


def heat_map(
    rows: Sequence[tuple[str, Mapping[Category, CategoryTally]]],
    team: Mapping[Category, CategoryTally],
    categories: Sequence[Category],
) -> str:
    """Trainees by objection category, then the whole team; each cell the
    share of turns handled consultatively."""
    if not categories or not rows:
        return '<p class="empty">No turns filed under an objection category yet.</p>'
    # The team row is marked by an attribute, not a name: a trainee may be called "team".
    everyone = [(name, tallies, "") for name, tallies in rows]
    everyone.append(("Whole team", team, ' data-team="yes"'))
    label_w, cell_w, cell_h, head = 140, 92, 30, 28
    width = label_w + cell_w * len(categories)
    height = head + cell_h * len(everyone)
    parts = [
        f'<svg id="heatmap" class="chart" role="img"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        "<title>Objection categories handled consultatively</title>"
    ]
    for j, category in enumerate(categories):
        cx = label_w + cell_w * j + cell_w / 2
        parts.append(
            f'<text class="axis" x="{cx:.1f}" y="{head - 10}" text-anchor="middle">'
            f"{escape(category.value.replace('_', ' '))}</text>"
        )
    for i, (name, tallies, marker) in enumerate(everyone):
        ry = head + cell_h * i
        parts.append(
            f'<g class="heat-row" data-row="{_attr(name)}"{marker}>'
            f'<text class="legend" x="{label_w - 8}" y="{ry + cell_h / 2 + 4}" text-anchor="end">'
            f"{escape(name)}</text>"
        )
        for j, category in enumerate(categories):
            tally = tallies.get(category)
            share = tally.share if tally else None
            shown = "–" if share is None else f"{round(share * 100)}%"
            detail = (
                "no turns"
                if tally is None
                else f"{tally.consultative} of {tally.turns} turns consultative"
            )
            parts.append(
                f'<g class="cell" data-category="{category.value}"'
                f' data-share="{"" if share is None else f"{share:.3f}"}">'
                f'<rect x="{label_w + cell_w * j + 1}" y="{ry + 1}" width="{cell_w - 2}"'
                f' height="{cell_h - 2}" fill="{heat_colour(share)}"/>'
                f'<text x="{label_w + cell_w * j + cell_w / 2}" y="{ry + cell_h / 2 + 4}"'
                f' text-anchor="middle">{shown}</text>'
                f"<title>{escape(f'{name}, {category.value}: {detail}')}</title></g>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
