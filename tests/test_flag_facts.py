"""A headline change is one flag; the facts changed inside it (a name, figure, quote,
negation) are typed in its ``facts``, not only named in its reason text: in the flag,
the pair cache, ``diff --format json`` and the Parquet flags table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from versioner.flags import Flag
from versioner.model import FlagType, Section, Severity
from versioner.pipeline import PairResult, pair_from_json, pair_to_json

# invented copy: a headline whose name changes over a body that does not
BODY = ("\n\nThe city opened its new bridge on Monday after three years of work.\n\n"
        "Residents gathered along both banks to watch the ceremony.\n")
OLD = "Mayor Ortiz opens the new bridge over the river" + BODY
NEW = "Mayor Alvarez opens the new bridge over the river" + BODY


def _files(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    return a, b


def _flags(run: Callable[..., Any], tmp_path: Path, old: str, new: str) -> list[dict[str, Any]]:
    result = run("diff", *_files(tmp_path, old, new), "--format", "json")
    assert result.exit_code == 1, result.stderr
    return json.loads(result.stdout)["flags"]  # type: ignore[no-any-return]


def test_diff_json_types_a_name_changed_in_the_headline(run: Callable[..., Any], tmp_path: Path) -> None:
    [flag] = _flags(run, tmp_path, OLD, NEW)
    assert flag["type"] == "headline" and flag["severity"] == "high"
    assert flag["facts"] == ["name"]


def test_a_figure_and_a_name_in_one_headline_are_both_typed(run: Callable[..., Any], tmp_path: Path) -> None:
    old = "Mayor Ortiz says 12 people hurt as the old bridge closes" + BODY
    new = "Mayor Alvarez says 15 people hurt as the old bridge closes" + BODY
    [flag] = [f for f in _flags(run, tmp_path, old, new) if f["type"] == "headline"]
    assert flag["facts"] == ["figure", "name"]


def test_a_reworded_headline_and_body_flags_have_no_facts_key(run: Callable[..., Any], tmp_path: Path) -> None:
    old = "Mayor Ortiz opens the new bridge over the river" + BODY
    new = "Mayor Ortiz opens the long-awaited bridge over the river" + BODY.replace("Monday", "Tuesday")
    flags = _flags(run, tmp_path, old, new)
    assert any(f["type"] == "headline" for f in flags)
    assert all("facts" not in f for f in flags)  # only when some fact changed in a headline


def test_diff_json_with_facts_matches_the_schema(run: Callable[..., Any], tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from versioner.schemas import load

    result = run("diff", *_files(tmp_path, OLD, NEW), "--format", "json")
    jsonschema.validate(json.loads(result.stdout), load("diff"))


def test_the_pair_cache_keeps_a_flags_facts() -> None:
    flag = Flag(FlagType.HEADLINE, Severity.HIGH, Section.HEADLINE, None, "old", "new",
                "headline changed: name changed: A -> B", facts=(FlagType.FIGURE, FlagType.NAME))
    plain = Flag(FlagType.WORDING, Severity.LOW, Section.BODY, 2, "a", "b", "reworded")
    result = PairResult((flag, plain), (("headline", "replace"),))
    back = pair_from_json(*pair_to_json(result))
    assert back == result
    assert back is not None and back.flags[0].facts == (FlagType.FIGURE, FlagType.NAME)
    assert hash(back.flags[0])  # a frozen flag's facts stay a tuple


@pytest.mark.parametrize("facts", ['"name"', '["nonsense"]', "[1]", "[[]]", "null"])
def test_a_cached_flag_with_damaged_facts_is_computed_again(facts: str) -> None:
    changes, flags = pair_to_json(PairResult((), ()))
    row = ('[{"type":"headline","severity":"high","section":"headline","paragraph":null,'
           f'"old":"a","new":"b","reason":"r","facts":{facts}}}]')
    assert pair_from_json(changes, row) is None


def test_the_parquet_flags_table_has_the_facts(run: Callable[..., Any], store_path: Path,
                                               tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    a, b = _files(tmp_path, OLD, NEW)
    for path, at in ((a, "2026-02-01T10:00:00Z"), (b, "2026-02-01T11:00:00Z")):
        assert run("add", path, "--article", "bridge", "--at", at).exit_code == 0
    assert run("audit").exit_code in (0, 1)  # fills the pair cache the export reads
    assert run("export", tmp_path / "out", "--format", "parquet").exit_code == 0
    rows = pq.read_table(tmp_path / "out" / "flags").to_pylist()
    assert [r["facts"] for r in rows if r["type"] == "headline"] == ["name"]
    assert all(r["facts"] == "" for r in rows if r["type"] != "headline")
