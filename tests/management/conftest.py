"""Shared pieces for the manager tests: the two bot trainees and a CLI driver."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest

from trainer.cli import main
from trainer.content.library import Library, load_library
from trainer.content.models import Scenario

SCENARIO = "saas-cfo-price"


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


CLI = Callable[..., Run]


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()


def consultative_lines(scenario: Scenario) -> list[str]:
    """A trainee who listens: per objection, an open question using a word
    that uncovers the real concern, then an answer using a word that resolves
    it; finally asks, not assumes, for a next step."""
    lines = []
    for objection in scenario.objections:
        uncover = objection.uncover.keywords[0] if objection.uncover.keywords else "that"
        resolve = objection.resolve.keywords[0] if objection.resolve.keywords else "option"
        lines.append(
            "I hear you, and that's fair. Can you tell me more about what's behind it,"
            f" especially the {uncover} side?"
        )
        lines.append(
            f"That makes sense. One option: we could start with a small {resolve} step so you"
            " can check the results yourself before committing to more."
        )
    lines.append("Would it be okay to set up a short call next week to look at that together?")
    return lines


PRESSURE_LINES = [
    "This price is only good until Friday, so let's get the paperwork signed today.",
    "Everyone else already signed; you'd be crazy to fall behind your competitors.",
    "I can knock 20% off if you sign right now.",
    "/end",
]


@pytest.fixture
def consultative(library: Library) -> Callable[[str], list[str]]:
    """The lines of the trainee who passes, for a scenario id."""
    return lambda scenario_id: consultative_lines(library.scenario(scenario_id))


@pytest.fixture
def pressure() -> list[str]:
    """The lines of the trainee who pushes, and fails."""
    return list(PRESSURE_LINES)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CLI:
    """Run `trainer ARGS...` in-process, with `stdin` lines as the trainee."""

    def run(*argv: str, stdin: list[str] | None = None) -> Run:
        capsys.readouterr()  # drop what earlier steps printed
        monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{x}\n" for x in stdin or [])))
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


# --- reading the HTML report back -------------------------------------------

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    ancestors: list[dict[str, str]]  # attributes of each open element around it, outermost first
    text: str = ""

    def inherited(self, name: str) -> str | None:
        """An attribute from this element or the nearest ancestor that has it."""
        for attrs in [self.attrs, *reversed(self.ancestors)]:
            if name in attrs:
                return attrs[name]
        return None


class ReportPage(HTMLParser):
    """The report as a test sees it: tables by id (rows of cell texts, with the
    row's attributes), and every element with its ancestors, for the SVG."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[tuple[dict[str, str], list[str]]]] = {}
        self.elements: list[Element] = []
        self.title = ""
        self._stack: list[Element] = []
        self.feed(text)
        self.close()
        assert not self._stack, f"unclosed elements: {[e.tag for e in self._stack]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, [e.attrs for e in self._stack])
        self.elements.append(element)
        if tag == "table":
            self.tables[element.attrs.get("id", "")] = []
        if tag == "tr":
            table = next(e for e in reversed(self._stack) if e.tag == "table")
            self.tables[table.attrs.get("id", "")].append((element.attrs, []))
        if tag not in VOID:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(
            Element(tag, {k: v or "" for k, v in attrs}, [e.attrs for e in self._stack])
        )

    def handle_endtag(self, tag: str) -> None:
        assert self._stack and self._stack[-1].tag == tag, f"</{tag}> closes {self._stack[-1:]}"
        element = self._stack.pop()
        if tag in ("td", "th"):
            table = next(e for e in reversed(self._stack) if e.tag == "table")
            self.tables[table.attrs.get("id", "")][-1][1].append(element.text.strip())
        if tag == "title" and self._stack and self._stack[-1].tag == "head":
            self.title = element.text

    def handle_data(self, data: str) -> None:
        for element in self._stack:
            element.text += data

    def rows(self, table_id: str) -> list[dict[str, str]]:
        """Body rows as {header: cell}."""
        (_, header), *body = self.tables[table_id]
        return [dict(zip(header, cells, strict=True)) for _, cells in body]

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


@pytest.fixture
def report_page() -> type[ReportPage]:
    return ReportPage
