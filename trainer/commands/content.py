"""`trainer validate` and `trainer list`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from trainer.content.library import (
    KINDS,
    Library,
    check_templates,
    check_variety,
    content_roots,
    load_library,
)
from trainer.content.loader import ContentError
from trainer.errors import BadInput
from trainer.text import table


def _root_of(path: Path) -> tuple[Path, Path | None]:
    """The content root a path belongs to, and the file itself if one was named."""
    path = path.expanduser().resolve()
    if path.is_file():
        if path.parent.name not in KINDS:
            raise BadInput(
                f"{path}: cannot tell whether this is a persona, scenario or rubric; "
                "keep it in a personas/, scenarios/ or rubrics/ folder"
            )
        return path.parent.parent, path
    if path.is_dir():
        if path.name in KINDS:
            return path.parent, path
        if not any((path / kind).is_dir() for kind in KINDS):
            raise BadInput(f"{path}: no personas/, scenarios/ or rubrics/ folder in it")
        return path, path
    raise BadInput(f"{path}: no such file or folder")


def validate(paths: list[Path], extra: list[Path]) -> int:
    """Check content; print one `file:line: message` per problem."""
    targets = [_root_of(p) for p in paths]
    roots = content_roots([*extra, *(root for root, _ in targets)])
    library = load_library(roots=roots)
    errors = library.errors + check_templates(library)
    warnings = check_variety(library) if not library.errors else []
    if targets:
        wanted = [t for _, t in targets if t is not None]
        errors = [e for e in errors if _within(e, wanted)]
        warnings = [w for w in warnings if _within(w, wanted)]
    for error in sorted(set(errors), key=_order):
        print(error)
    for warning in sorted(set(warnings), key=_order):
        print(warning, file=sys.stderr)
    counts = _counts(library, [t for _, t in targets if t is not None] if targets else None)
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    if errors:
        print(f"{len(set(errors))} problem(s) in {summary}", file=sys.stderr)
        return 2
    said = f" ({len(set(warnings))} warning(s))" if warnings else ""
    print(f"ok: {summary}{said}", file=sys.stderr)
    return 0


def _order(error: ContentError) -> tuple[str, int, str]:
    return (error.path, error.line or 0, error.message)


def _within(error: ContentError, wanted: list[Path]) -> bool:
    path = Path(error.path).resolve()
    return any(path == w or w in path.parents for w in wanted)


def _counts(library: Library, wanted: list[Path] | None) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(KINDS, 0)
    for (kind, _), source in library.sources.items():
        if wanted is None or any(source.path == w or w in source.path.parents for w in wanted):
            counts[kind] += 1
    return counts


def load_checked_library(extra: list[Path]) -> Library:
    """The library, or exit 2 listing its problems: never run on broken content."""
    library = load_library(extra)
    if library.errors:
        for error in library.errors[:20]:
            print(error, file=sys.stderr)
        raise BadInput(
            f"the content library has {len(library.errors)} problem(s); run `trainer validate`"
        )
    return library


def list_content(kind: str, as_json: bool, extra: list[Path]) -> int:
    library = load_checked_library(extra)
    rows = entries(library, kind)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    if not rows:
        print(f"no {kind}")
        return 0
    columns = {
        "scenarios": ["id", "difficulty", "industry", "persona", "categories", "title"],
        "personas": ["id", "name", "role", "industry", "company"],
        "rubrics": ["id", "pass_mark", "criteria", "title"],
    }[kind]
    print(table([c.upper() for c in columns], [[row[c] for c in columns] for row in rows]))
    return 0


def entries(library: Library, kind: str) -> list[dict[str, Any]]:
    """The rows `trainer list --json` prints: a public contract."""
    if kind == "scenarios":
        return [
            {
                "id": s.id,
                "title": s.title,
                "persona": s.persona,
                "industry": s.industry,
                "difficulty": s.difficulty.value,
                "categories": [c.value for c in s.categories],
                "best_outcome": s.best_outcome.value,
                "turn_limit": s.turn_limit,
                "rubric": s.rubric,
                "source": str(library.sources[("scenarios", s.id)].path),
            }
            for s in sorted(library.scenarios.values(), key=lambda s: s.id)
        ]
    if kind == "personas":
        return [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "company": p.company,
                "industry": p.industry,
                "temperament": p.temperament,
                "source": str(library.sources[("personas", p.id)].path),
            }
            for p in sorted(library.personas.values(), key=lambda p: p.id)
        ]
    return [
        {
            "id": r.id,
            "title": r.title,
            "pass_mark": r.pass_mark,
            "criteria": [c.id for c in r.criteria],
            "gates": [g.id for g in r.gates],
            "source": str(library.sources[("rubrics", r.id)].path),
        }
        for r in sorted(library.rubrics.values(), key=lambda r: r.id)
    ]
