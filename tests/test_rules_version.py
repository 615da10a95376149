"""The pair cache's key is the rule modules' declared versions, and those versions
move with the outputs: a behaviour change cannot forget its bump, a comment edit
keeps every cached pair."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
from pathlib import Path

import pytest

from versioner import pipeline
from versioner.pipeline import RULE_MODULES, compare_pair, rules_version

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "rules_fingerprint.py"
REGENERATE = "regenerate tests/rules_fingerprint.json with `make fingerprint`"

# imported by the rule modules but deciding nothing: exception classes only
NOT_RULES = {"versioner.errors"}


def _fingerprint_script():
    spec = importlib.util.spec_from_file_location("bench_rules_fingerprint", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_outputs_on_the_labelled_set_and_corpus_change_only_with_a_rules_version() -> None:
    committed = json.loads((REPO / "tests" / "rules_fingerprint.json").read_text(encoding="utf-8"))
    current = _fingerprint_script().fingerprint()
    if current["rules_version"] == committed["rules_version"]:
        assert current["outputs_sha256"] == committed["outputs_sha256"], (
            "compare_pair's outputs changed (changes or flags) while no RULES_VERSION did, so stores "
            f"would serve stale cached pairs: bump RULES_VERSION in the module you changed, then {REGENERATE}")
    assert current == committed, f"the rule versions changed: {REGENERATE}"


def _imported_versioner_modules(name: str) -> set[str]:
    """The versioner modules ``name`` imports anywhere (top level, functions, TYPE_CHECKING)."""
    tree = ast.parse(Path(importlib.import_module(name).__file__ or "").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("versioner."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("versioner.")}
    return found


def _modules_compare_pair_runs() -> set[str]:
    """The modules of what compare_pair calls, and everything they import, transitively."""
    todo = {getattr(pipeline, name).__module__ for name in compare_pair.__code__.co_names
            if hasattr(getattr(pipeline, name, None), "__module__")} - {"versioner.pipeline"}
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        seen.add(name)
        todo |= _imported_versioner_modules(name) - seen
    return seen


def test_every_module_compare_pair_imports_declares_a_rules_version_and_keys_the_cache() -> None:
    modules = _modules_compare_pair_runs() - NOT_RULES
    assert {"versioner.diff", "versioner.flags", "versioner.parse"} <= modules  # the walk walked
    missing = sorted(m for m in modules if not isinstance(getattr(importlib.import_module(m),
                                                                  "RULES_VERSION", None), int))
    assert not missing, f"declare RULES_VERSION = 1 in {missing}, add them to pipeline.RULE_MODULES"
    assert {f"versioner.{name}" for name in RULE_MODULES} == modules


def test_the_cache_key_is_the_declared_versions_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from versioner import flags

    before = rules_version()
    assert rules_version.__wrapped__() == before  # computed again, from the versions alone
    monkeypatch.setattr(flags, "RULES_VERSION", flags.RULES_VERSION + 1)
    assert rules_version.__wrapped__() != before
    monkeypatch.setattr(pipeline, "CACHE_FORMAT", pipeline.CACHE_FORMAT + 1)
    monkeypatch.setattr(flags, "RULES_VERSION", flags.RULES_VERSION - 1)
    assert rules_version.__wrapped__() != before
