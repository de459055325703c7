"""The shape of the house: which of trainer's packages import which, and any cycles.

    .venv/bin/python benchmarks/import_graph.py          # package graph, cycles, biggest modules
    .venv/bin/python benchmarks/import_graph.py --check  # exit 1 if any cycle

Reads the source with `ast` (nothing is imported). Imports under
`if TYPE_CHECKING:` are left out: they never run. A "package" is trainer's
first level (trainer.session, trainer.llm, ...); a cycle between modules
counts too, inside a package or across.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "trainer"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.AST, here: str, is_package: bool) -> set[str]:
    found: set[str] = set()

    def walk(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                walk(node.orelse)
                continue
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("trainer"))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")
                    base = base if is_package else base[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target.startswith("trainer"):
                    found.add(target)
                    # `from trainer.x import y` may import the module trainer.x.y
                    found.update(f"{target}.{a.name}" for a in node.names)
            for field in ("body", "orelse", "finalbody", "handlers"):
                sub = getattr(node, field, None)
                if isinstance(sub, list):
                    walk(sub)

    walk(tree.body)  # type: ignore[attr-defined]
    return found


def module_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p): p for p in paths}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = _imports(ast.parse(path.read_text()), name, path.name == "__init__.py")
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def package_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    packages: dict[str, set[str]] = defaultdict(set)
    for source, targets in graph.items():
        packages[package_of(source)]
        for target in targets:
            if package_of(target) != package_of(source) and package_of(target) != "trainer":
                packages[package_of(source)].add(package_of(target))
    return dict(packages)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def main(argv: list[str]) -> int:
    graph = module_graph()
    # A package's __init__ re-exporting its own modules is not a cycle of meaning.
    inner = {
        m: {t for t in ts if not (m == package_of(t) and t.startswith(m + "."))}
        for m, ts in graph.items()
    }
    packages = package_graph(graph)
    package_cycles = cycles(packages)
    module_cycles = cycles(inner)
    if "--check" not in argv:
        print("Packages and what they import (trainer. left out):")
        for source in sorted(packages):
            targets = ", ".join(sorted(t.removeprefix("trainer.") for t in packages[source]))
            print(f"  {source.removeprefix('trainer.'):<12} -> {targets or '-'}")
        print()
        sizes = sorted(
            ((len(p.read_text().splitlines()), module_name(p)) for p in PACKAGE.rglob("*.py")),
            reverse=True,
        )
        print("Biggest modules (lines):")
        for lines, name in sizes[:8]:
            print(f"  {lines:>5}  {name}")
        print()
    print(f"Package cycles: {len(package_cycles)}")
    for cycle in package_cycles:
        print("  " + " <-> ".join(c.removeprefix("trainer.") for c in cycle))
    print(f"Module cycles: {len(module_cycles)}")
    for cycle in module_cycles:
        print("  " + " <-> ".join(c.removeprefix("trainer.") for c in cycle))
    return 1 if (package_cycles or module_cycles) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
