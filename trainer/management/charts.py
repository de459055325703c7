"""The HTML report's charts as geometry: where every mark goes, computed here;
drawn as inline SVG by the report's template (templates/report.html.j2),
which escapes every name. No scripts, no fonts or files to fetch, so the page
reads the same offline and in a mail attachment.

On the score chart every trainee's series stays visible when scores
coincide: each has its own marker shape and line dash, is shifted sideways
by a few pixels, and the numbers are in a table beside the chart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from trainer.management.categories import CategoryTally
from trainer.management.report import ScorePoint
from trainer.vocabulary import Category

__all__ = [
    "MARKERS",
    "PALETTE",
    "HeatMap",
    "ScoreChart",
    "heat_colour",
    "heat_map",
    "marker_path",
    "score_chart",
]

# Okabe-Ito: tells series apart for colour-blind readers too.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# A shape per series, so two series are told apart without colour, and one
# drawn over another still shows round its edges. Seven shapes against eight
# colours: the same shape in the same colour comes back only at the 57th.
MARKERS = ["circle", "square", "triangle", "diamond", "triangle-down", "plus", "cross"]
DASHES = ["", "6 3", "2 3", "8 3 2 3"]
# How far each series moves sideways from the next, in pixels: enough to see
# a marker under another, too little to read as another attempt.
SPREAD = 5.0


def marker_path(shape: str, cx: float, cy: float, r: float = 5.0) -> str:
    """An SVG path for a marker of about 2r across, centred on (cx, cy)."""
    if shape == "circle":
        return (
            f"M{cx - r:.1f},{cy:.1f}a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0"
            f"a{r:.1f},{r:.1f} 0 1,0 {-2 * r:.1f},0Z"
        )
    if shape == "square":
        s = r * 0.85
        return f"M{cx - s:.1f},{cy - s:.1f}h{2 * s:.1f}v{2 * s:.1f}h{-2 * s:.1f}Z"
    if shape in ("triangle", "triangle-down"):
        k = 1 if shape == "triangle" else -1
        return (
            f"M{cx:.1f},{cy - k * r:.1f}L{cx + r:.1f},{cy + k * r * 0.8:.1f}"
            f"L{cx - r:.1f},{cy + k * r * 0.8:.1f}Z"
        )
    if shape == "diamond":
        return f"M{cx:.1f},{cy - r:.1f}L{cx + r:.1f},{cy:.1f}L{cx:.1f},{cy + r:.1f}L{cx - r:.1f},{cy:.1f}Z"
    t = r * 0.35  # half the thickness of the plus and the cross
    if shape == "plus":
        return (
            f"M{cx - t:.1f},{cy - r:.1f}h{2 * t:.1f}v{r - t:.1f}h{r - t:.1f}v{2 * t:.1f}"
            f"h{t - r:.1f}v{r - t:.1f}h{-2 * t:.1f}v{t - r:.1f}h{t - r:.1f}v{-2 * t:.1f}"
            f"h{r - t:.1f}Z"
        )
    a = r * 0.75  # the cross: two bars, corner to corner
    return (
        f"M{cx - a:.1f},{cy - a + t:.1f}L{cx - a + t:.1f},{cy - a:.1f}L{cx + a:.1f},{cy + a - t:.1f}"
        f"L{cx + a - t:.1f},{cy + a:.1f}Z"
        f"M{cx + a - t:.1f},{cy - a:.1f}L{cx + a:.1f},{cy - a + t:.1f}L{cx - a + t:.1f},{cy + a:.1f}"
        f"L{cx - a:.1f},{cy + a - t:.1f}Z"
    )


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    score: int
    label: str  # the tooltip: who, which attempt, which scenario, when
    path: str


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    marker: str
    dash: str
    line: str  # polyline points; "" for a single attempt
    marks: list[Mark]
    legend_y: float
    legend_marker: str


@dataclass(frozen=True)
class ScoreChart:
    width: float
    height: float
    left: float
    right: float
    axis_y: float
    grid: list[tuple[int, float]]  # (score, y)
    ticks: list[tuple[int, float]]  # (attempt number, x)
    legend_x: float
    series: list[Series]
    attempts: int  # the most attempts any trainee has: the number table's width


def score_chart(series: Sequence[tuple[str, Sequence[ScorePoint]]]) -> ScoreChart | None:
    """Score (0-100) by attempt number, one series per trainee; None when no
    one has a graded attempt."""
    series = [(name, points) for name, points in series if points]
    if not series:
        return None
    left, top, width, height = 40, 12, 520, 200
    legend_x = left + width + 16
    most = max(len(points) for _, points in series)
    pad = 16 + SPREAD * len(series) / 2  # keeps the outermost marks off the axis labels

    def x(n: int) -> float:
        return left + (width / 2 if most == 1 else pad + (width - 2 * pad) * n / (most - 1))

    def y(score: int) -> float:
        return top + height * (1 - max(0, min(100, score)) / 100)

    drawn = []
    for i, (name, points) in enumerate(series):
        marker = MARKERS[i % len(MARKERS)]
        shift = (i - (len(series) - 1) / 2) * SPREAD
        marks = [
            Mark(
                x=x(n) + shift,
                y=y(p.score),
                score=p.score,
                label=f"{name}, attempt {n + 1}: {p.score} ({p.scenario or '-'}, {p.started[:10]})",
                path=marker_path(marker, x(n) + shift, y(p.score)),
            )
            for n, p in enumerate(points)
        ]
        legend_y = top + 8 + 18 * i
        drawn.append(
            Series(
                name=name,
                colour=PALETTE[i % len(PALETTE)],
                marker=marker,
                dash=DASHES[i % len(DASHES)],
                line=" ".join(f"{m.x:.1f},{m.y:.1f}" for m in marks) if len(marks) > 1 else "",
                marks=marks,
                legend_y=legend_y,
                legend_marker=marker_path(marker, legend_x + 5, legend_y - 3),
            )
        )
    return ScoreChart(
        width=legend_x + 180,
        height=max(top + height + 36, top + 18 * len(series) + 8),
        left=left,
        right=left + width,
        axis_y=top + height,
        grid=[(mark, y(mark)) for mark in (0, 25, 50, 75, 100)],
        ticks=[(n + 1, x(n)) for n in range(most)],
        legend_x=legend_x,
        series=drawn,
        attempts=most,
    )


def heat_colour(share: float | None) -> str:
    """Red (never consultative) through yellow to green (always)."""
    if share is None:
        return "#e5e5e5"
    return f"hsl({round(120 * share)}, 65%, 72%)"


@dataclass(frozen=True)
class HeatCell:
    category: str
    x: float
    share: str  # "0.750", or "" when there are no turns
    shown: str  # "75%", or "–"
    colour: str
    title: str


@dataclass(frozen=True)
class HeatRow:
    name: str
    team: bool  # the whole team's row, marked apart: a trainee may be called "team"
    y: float
    cells: list[HeatCell]


@dataclass(frozen=True)
class HeatMap:
    width: float
    height: float
    label_w: float
    cell_w: float
    cell_h: float
    head: float
    columns: list[tuple[str, float]]  # (category words, centre x)
    rows: list[HeatRow]


def heat_map(
    rows: Sequence[tuple[str, Mapping[Category, CategoryTally]]],
    team: Mapping[Category, CategoryTally],
    categories: Sequence[Category],
) -> HeatMap | None:
    """Trainees by objection category, then the whole team; each cell the
    share of turns handled consultatively. None when there is nothing to map."""
    if not categories or not rows:
        return None
    everyone = [(name, tallies, False) for name, tallies in rows]
    everyone.append(("Whole team", team, True))
    label_w, cell_w, cell_h, head = 140, 92, 30, 28
    drawn = []
    for i, (name, tallies, is_team) in enumerate(everyone):
        cells = []
        for j, category in enumerate(categories):
            tally = tallies.get(category)
            share = tally.share if tally else None
            detail = (
                "no turns"
                if tally is None
                else f"{tally.consultative} of {tally.turns} turns consultative"
            )
            cells.append(
                HeatCell(
                    category=category.value,
                    x=label_w + cell_w * j,
                    share="" if share is None else f"{share:.3f}",
                    shown="–" if share is None else f"{round(share * 100)}%",
                    colour=heat_colour(share),
                    title=f"{name}, {category.value}: {detail}",
                )
            )
        drawn.append(HeatRow(name=name, team=is_team, y=head + cell_h * i, cells=cells))
    return HeatMap(
        width=label_w + cell_w * len(categories),
        height=head + cell_h * len(everyone),
        label_w=label_w,
        cell_w=cell_w,
        cell_h=cell_h,
        head=head,
        columns=[
            (c.value.replace("_", " "), label_w + cell_w * j + cell_w / 2)
            for j, c in enumerate(categories)
        ],
        rows=drawn,
    )
