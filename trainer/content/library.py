"""The content library: the shipped personas, scenarios and rubrics, plus the
user's own folders, loaded strictly and cross-checked."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from trainer.content.loader import ContentError, Lines, load_model
from trainer.content.models import Offer, Persona, Rubric, Scenario
from trainer.content.templates import NAME_MARK, check
from trainer.vocabulary import Stage

__all__ = [
    "DEFAULT_RUBRIC",
    "DEFAULT_SCENARIO",
    "KINDS",
    "Library",
    "UnknownContent",
    "content_roots",
    "check_templates",
    "check_variety",
    "load_library",
    "shipped_root",
    "template_context",
]

Kind = Literal["personas", "scenarios", "rubrics"]
KINDS: tuple[Kind, ...] = ("personas", "scenarios", "rubrics")
MODELS: dict[Kind, type[BaseModel]] = {
    "personas": Persona,
    "scenarios": Scenario,
    "rubrics": Rubric,
}
DEFAULT_RUBRIC = "consultative-vs-pressure"
DEFAULT_SCENARIO = "saas-cfo-price"  # where a first-time user starts
# More files than any real library holds: a mistyped --content pointing at a
# home folder should fail fast rather than crawl.
MAX_FILES_PER_KIND = 2000


class UnknownContent(LookupError):
    """An id that names no file in the library."""

    def __init__(self, kind: str, ident: str, known: Iterable[str]) -> None:
        names = sorted(known)
        hint = (
            f"; known: {', '.join(names[:12])}{' ...' if len(names) > 12 else ''}" if names else ""
        )
        super().__init__(f"unknown {kind[:-1]} {ident!r}{hint}")
        self.kind = kind
        self.ident = ident


def shipped_root() -> Path:
    """Where the shipped library is: inside an installed wheel, or the source tree."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "library"
    if (installed / "scenarios").is_dir():
        return installed
    return package.parent


def content_roots(extra: Iterable[Path] = ()) -> list[Path]:
    """The shipped library, then TRAINER_CONTENT folders, then --content folders."""
    roots = [shipped_root()]
    env = os.environ.get("TRAINER_CONTENT", "")
    roots += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    roots += list(extra)
    unique: list[Path] = []
    for root in roots:
        resolved = root.expanduser().resolve()
        if resolved not in unique:
            unique.append(resolved)
    return unique


@dataclass(frozen=True)
class Source:
    path: Path
    sha256: str
    lines: Lines = field(default_factory=dict, compare=False, repr=False)

    def line(self, *where: str | int) -> int | None:
        return self.lines.get(tuple(where))


@dataclass
class Library:
    personas: dict[str, Persona] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    rubrics: dict[str, Rubric] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)

    def scenario(self, ident: str) -> Scenario:
        try:
            return self.scenarios[ident]
        except KeyError:
            raise UnknownContent("scenarios", ident, self.scenarios) from None

    def persona(self, ident: str) -> Persona:
        try:
            return self.personas[ident]
        except KeyError:
            raise UnknownContent("personas", ident, self.personas) from None

    def rubric(self, ident: str) -> Rubric:
        try:
            return self.rubrics[ident]
        except KeyError:
            raise UnknownContent("rubrics", ident, self.rubrics) from None

    def content_hash(self, kind: Kind, ident: str) -> str | None:
        source = self.sources.get((kind, ident))
        return source.sha256 if source else None

    def _store(self, kind: Kind) -> dict[str, Any]:
        stores: dict[str, dict[str, Any]] = {
            "personas": self.personas,
            "scenarios": self.scenarios,
            "rubrics": self.rubrics,
        }
        return stores[kind]


def _files(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    found = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    yield from found[:MAX_FILES_PER_KIND]


def load_library(extra_roots: Iterable[Path] = (), *, roots: list[Path] | None = None) -> Library:
    """Load every content file under the roots; problems go to `library.errors`."""
    library = Library()
    for root in roots if roots is not None else content_roots(extra_roots):
        if not root.is_dir():
            library.errors.append(ContentError(str(root), None, "content folder does not exist"))
            continue
        if not any((root / kind).is_dir() for kind in KINDS):
            library.errors.append(
                ContentError(
                    str(root), None, "content folder has no personas/, scenarios/ or rubrics/"
                )
            )
            continue
        for kind in KINDS:
            for path in _files(root / kind):
                _load_one(library, kind, path)
    _cross_check(library)
    return library


def _load_one(library: Library, kind: Kind, path: Path) -> None:
    model, errors, lines = load_model(path, MODELS[kind])
    library.errors.extend(errors)
    if model is None:
        return
    ident = str(model.id)  # type: ignore[attr-defined]
    known = library.sources.get((kind, ident))
    if known is not None:
        library.errors.append(
            ContentError(str(path), None, f"duplicate id {ident!r}: also defined in {known.path}")
        )
        return
    library._store(kind)[ident] = model
    library.sources[(kind, ident)] = Source(
        path, hashlib.sha256(path.read_bytes()).hexdigest(), lines
    )


def _cross_check(library: Library) -> None:
    for ident, scenario in library.scenarios.items():
        source = library.sources[("scenarios", ident)]
        if scenario.persona not in library.personas:
            library.errors.append(
                ContentError(
                    str(source.path),
                    source.line("persona"),
                    f"persona: no persona {scenario.persona!r} in the library",
                )
            )
        if scenario.rubric not in library.rubrics:
            library.errors.append(
                ContentError(
                    str(source.path),
                    source.line("rubric") or source.line(),
                    f"rubric: no rubric {scenario.rubric!r} in the library",
                )
            )
    if DEFAULT_RUBRIC not in library.rubrics:
        library.errors.append(
            ContentError("rubrics", None, f"the default rubric {DEFAULT_RUBRIC!r} is missing")
        )


_SAMPLE_OFFER = Offer(
    product="the product", price="$10,000 a year", context="a sample offer", stage=Stage.PROPOSAL
)


def template_context(
    persona: Persona, scenario: Scenario | None, trainee: str | None
) -> dict[str, Any]:
    """The names a content template may use. Kept small on purpose: content is
    data. With no trainee name, `trainee` is a mark that `without_name` takes
    out of the rendered line, with the comma that went with it."""
    return {
        "persona": {"name": persona.name, "role": persona.role, "company": persona.company},
        "offer": (scenario.offer if scenario else _SAMPLE_OFFER).model_dump(mode="json"),
        "scenario": {"title": scenario.title if scenario else "a sample scenario"},
        "trainee": trainee or NAME_MARK,
    }


def check_templates(library: Library) -> list[ContentError]:
    """Render every authored line once with sample values."""
    errors: list[ContentError] = []
    for ident, persona in library.personas.items():
        source = library.sources[("personas", ident)]
        context = template_context(persona, None, "Sam")
        for move, lines in persona.lines.items():
            for index, line in enumerate(lines):
                where = ("lines", move.value, index)
                if problem := check(line, context):
                    errors.append(_template_error(source, where, problem))
    for ident, scenario in library.scenarios.items():
        source = library.sources[("scenarios", ident)]
        buyer = library.personas.get(scenario.persona)
        if buyer is None:
            continue  # already reported by the cross-check
        context = template_context(buyer, scenario, "Sam")
        texts: list[tuple[tuple[str | int, ...], str]] = [
            (("opening", i), t) for i, t in enumerate(scenario.opening)
        ]
        for n, objection in enumerate(scenario.objections):
            base: tuple[str | int, ...] = ("objections", n)
            texts.append((base + ("surface",), objection.surface))
            for name in ("variants", "reveal", "resolved"):
                texts += [(base + (name, i), t) for i, t in enumerate(getattr(objection, name))]
        for place, text in texts:
            if problem := check(text, context):
                errors.append(_template_error(source, place, problem))
    return errors


# Fewer authored lines than this for a move and a buyer starts to sound the
# same in a twelve-turn conversation (the voice never repeats a sentence, so
# it falls back on the common lines every buyer shares).
MIN_LINES = {"push_back": 4, "soften": 4, "harden": 4, "agree_next_step": 2, "agree": 2}
MIN_OBJECTION_LINES = {"variants": 2, "reveal": 2, "resolved": 2, "hints": 1, "asks": 1}


def check_variety(library: Library) -> list[ContentError]:
    """Warnings, not errors: content that will make the buyer repeat itself or
    speak in common lines rather than its own."""
    warnings: list[ContentError] = []
    for ident, persona in library.personas.items():
        source = library.sources[("personas", ident)]
        for move, least in MIN_LINES.items():
            lines = persona.lines.get(move, [])  # type: ignore[call-overload]
            if len(lines) < least:
                warnings.append(
                    ContentError(
                        str(source.path),
                        source.line("lines", move),
                        f"warning: lines.{move}: {len(lines)} line(s); write at least {least} so "
                        "the buyer does not repeat itself",
                    )
                )
        if not persona.facts:
            warnings.append(
                ContentError(
                    str(source.path),
                    None,
                    "warning: facts: none; the buyer cannot answer direct questions "
                    "(how many staff, who decides, what they use today)",
                )
            )
    for ident, scenario in library.scenarios.items():
        source = library.sources[("scenarios", ident)]
        for n, objection in enumerate(scenario.objections):
            for name, least in MIN_OBJECTION_LINES.items():
                have = len(getattr(objection, name))
                if have < least:
                    warnings.append(
                        ContentError(
                            str(source.path),
                            source.line("objections", n),
                            f"warning: objections.{n}.{name}: {have} line(s); write at least "
                            f"{least} so the buyer ({objection.id}) speaks in its own words",
                        )
                    )
            if objection.in_short is None:
                warnings.append(
                    ContentError(
                        str(source.path),
                        source.line("objections", n),
                        f"warning: objections.{n}.in_short: missing; the buyer will refer to "
                        '"the real issue" instead of naming it',
                    )
                )
    return warnings


def _template_error(source: Source, where: tuple[str | int, ...], problem: str) -> ContentError:
    field = ".".join(str(p) for p in where)
    return ContentError(str(source.path), source.line(*where), f"{field}: {problem}")
