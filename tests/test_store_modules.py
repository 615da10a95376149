"""The store package's shape: each module imports on its own, no import cycle
among versioner's modules, the model needs no store, and no module is long."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "versioner"
MODULES = {
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts[:-1] if p.name == "__init__.py"
             else p.relative_to(PACKAGE.parent).with_suffix("").parts): p
    for p in sorted(PACKAGE.rglob("*.py"))
}
# the store package and the modules it was split into
SPLIT = sorted(m for m in MODULES if m.startswith("versioner.store")
               or m in ("versioner.model", "versioner.times", "versioner.keys", "versioner.prepared"))


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(name: str, path: Path) -> set[str]:
    """The versioner modules ``name`` imports when it runs: at the top or inside a
    function (a late import still makes a cycle), not under ``if TYPE_CHECKING``."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    package = package[: len(package) - child.level + 1]
                    base = ".".join([*package, *([child.module] if child.module else [])])
                # `from versioner.ui import cells` imports the module cells
                found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                             for a in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m in MODULES and m != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: list[str] = []
    cycles: list[list[str]] = []

    def walk(module: str) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(graph[module]):
            if state.get(other) == 1:
                cycles.append([*path[path.index(other):], other])
            elif other not in state:
                walk(other)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module)
    return cycles


def test_no_import_cycle_among_versioner_modules() -> None:
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    assert [" -> ".join(cycle) for cycle in _cycles(graph)] == []


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def test_the_model_and_the_time_rules_import_nothing_from_the_store() -> None:
    """The stages take and give model types: importing them must not bring in SQL."""
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    for start in ("versioner.model", "versioner.times", "versioner.keys", "versioner.prepared"):
        seen, todo = set(), [start]
        while todo:
            module = todo.pop()
            if module not in seen:
                seen.add(module)
                todo.extend(graph[module])
        assert not {m for m in seen if m.startswith("versioner.store")}, start


@pytest.mark.parametrize("module", SPLIT)
def test_each_module_of_the_split_imports_in_a_fresh_interpreter(module: str) -> None:
    code = (f"import sys, {module}\n"
            "assert 'sqlite3' not in sys.modules or not"
            f" {module!r}.startswith(('versioner.model', 'versioner.times', 'versioner.keys'))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("module", SPLIT)
def test_the_store_package_has_no_module_over_600_lines(module: str) -> None:
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) <= 600
