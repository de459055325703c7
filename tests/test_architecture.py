"""The shape of the house: arrows point down, and one module talks to litellm."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _graph_tool():
    spec = importlib.util.spec_from_file_location(
        "import_graph", ROOT / "benchmarks" / "import_graph.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_graph"] = module
    spec.loader.exec_module(module)
    return module


def test_no_package_or_module_imports_another_that_imports_it_back() -> None:
    tool = _graph_tool()
    graph = tool.module_graph()
    inner = {
        m: {t for t in ts if not (m == tool.package_of(t) and t.startswith(m + "."))}
        for m, ts in graph.items()
    }
    assert tool.cycles(tool.package_graph(graph)) == []
    assert tool.cycles(inner) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    tool = _graph_tool()
    assert tool.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_exactly_one_module_imports_litellm() -> None:
    importers = set()
    for path in (ROOT / "trainer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "litellm" or n.startswith("litellm.") for n in names):
                importers.add(path.relative_to(ROOT).as_posix())
    assert importers == {"trainer/llm.py"}


def test_the_engine_never_imports_textual() -> None:
    for package in ("session", "grading", "content", "reading", "actors", "store", "management"):
        for path in (ROOT / "trainer" / package).rglob("*.py"):
            source = path.read_text()
            assert "import textual" not in source and "from textual" not in source, path
