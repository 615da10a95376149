"""JSON documents carry schema_version and match the JSON Schemas shipped in
versioner/schemas (Draft 2020-12), on the seeds and on hostile text; the schemas are
strict enough that a renamed key fails."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Callable

import pytest

jsonschema = pytest.importorskip("jsonschema")

from versioner.model import Verdict  # noqa: E402
from versioner.schemas import NAMES, SCHEMA_VERSION, load  # noqa: E402

Run = Callable[..., Any]
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_KEYS = sorted(p.name for p in SEEDS.iterdir() if p.is_dir())

# escapes, bidi overrides, invisible characters, markup and a NUL-free C1 control,
# in the headline, the notice and the changed words (which reach reasons and flags)
HOSTILE_OLD = ("Minister \x1b[31mresigns\x1b[0m [bold]over[/] <b>memo</b>\n\n"
               "LESTRIA, March 2 (Courier) \u2014 The minister said 12 officials knew of the \u202ememo\u202c.\n\n"
               "A spokesman said \u201cwe did\u200b nothing wrong\u201d on Monday.\x85\n")
HOSTILE_NEW = ("(Corrects \x1b]0;pwned\x07number of officials in paragraph 1 to 14, not 12 \u2066)\n\n"
               "Minister \x1b[31mresigns\x1b[0m [bold]over[/] <b>memo</b>\n\n"
               "LESTRIA, March 2 (Courier) \u2014 The minister said 14 officials knew of the \u202ememo\u202c.\n\n"
               "A spokesman said \u201cwe did \x1b[2Jeverything right\u201d on Monday.\x85\n")


def _validator(name: str) -> Any:
    schema = load(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _doc(run: Run, *args: str) -> dict[str, Any]:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _rows(run: Run, *args: str) -> list[dict[str, Any]]:
    result = run(*args, "--nl")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _documents(run: Run, keys: list[str]) -> list[tuple[str, dict[str, Any]]]:
    docs = [("list", _doc(run, "list")), ("audit", _doc(run, "audit")),
            ("audit", _doc(run, "audit", "--problems")), ("audit", _doc(run, "audit", "--since", "2030-01-01"))]
    for key in keys:
        docs += [("log", _doc(run, "log", key)), ("show", _doc(run, "show", key)),
                 ("show", _doc(run, "show", f"{key}@1")), ("diff", _doc(run, "diff", key)),
                 ("diff", _doc(run, "diff", f"{key}@1", f"{key}@-1"))]
    return docs


def _check(docs: list[tuple[str, dict[str, Any]]]) -> None:
    for name, data in docs:
        assert data["schema_version"] == SCHEMA_VERSION
        errors = list(_validator(name).iter_errors(data))
        assert not errors, f"{name}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_every_schema_is_valid_draft_2020_12_and_shipped() -> None:
    for name in NAMES:
        schema = load(name)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_the_seeds_json_documents_match_their_schemas(run: Run, seeded: Path) -> None:
    _check(_documents(run, SEED_KEYS))


def test_json_documents_of_hostile_text_match_their_schemas(run: Run, write: Callable[..., Path]) -> None:
    for n, (text, at) in enumerate(((HOSTILE_OLD, "2026-03-02T09:00:00Z"), (HOSTILE_NEW, "2026-03-02T11:00:00Z"))):
        result = run("add", write(f"h{n}.txt", text), "--article", "hostile", "--at", at,
                     "--url", "https://example.org/\u202emoc.live")
        assert result.exit_code == 0, result.stderr
    docs = _documents(run, ["hostile"])
    _check(docs)
    audit = next(d for name, d in docs if name == "audit")
    assert audit["articles"][0]["revisions"][1]["notice"] is not None  # the hostile notice was read


def test_verify_documents_match_the_verify_schema(run: Run, seeded: Path, sql: Any) -> None:
    sound = _doc(run, "verify")
    assert run("audit").exit_code == 0
    audited = _doc(run, "verify")
    assert audited["verdicts"] == 17
    sql("update revisions set sha256 = 'x' where number = 2")  # a fault of every such revision
    faulty = _doc(run, "verify")
    assert faulty["ok"] is False and faulty["faults"]
    _check([("verify", sound), ("verify", audited), ("verify", faulty)])


def test_a_diff_of_two_files_matches_the_diff_schema(run: Run, write: Callable[..., Path]) -> None:
    _check([("diff", _doc(run, "diff", write("a.txt", HOSTILE_OLD), write("b.txt", HOSTILE_NEW)))])


def test_nl_rows_match_the_row_schemas(run: Run, seeded: Path) -> None:
    for name, rows in (("list-row", _rows(run, "list")), ("audit-row", _rows(run, "audit"))):
        assert rows
        for row in rows:
            errors = list(_validator(name).iter_errors(row))
            assert not errors, f"{name}: {errors[0].message}"


def _renamed(data: dict[str, Any], path: list[Any], old: str, new: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node: Any = out
    for step in path:
        node = node[step]
    node[new] = node.pop(old)
    return out


@pytest.mark.parametrize("name,args,path,key", [
    ("list", ["list"], ["articles", 0], "notices"),
    ("audit", ["audit"], ["articles", 0, "revisions", 1], "verdict"),
    ("audit", ["audit"], ["articles", 0, "latency"], "worst_s"),
    ("audit", ["audit"], ["summary", "verdicts"], "stealth"),
    ("log", ["log", "vessa-landslide"], ["revisions", 0], "new_notices"),
    ("show", ["show", "vessa-landslide"], [], "sha256"),
    ("verify", ["verify"], [], "verdicts"),
    ("diff", ["diff", "vessa-landslide@2", "vessa-landslide@3"], ["flags", 0], "severity"),
    ("diff", ["diff", "vessa-landslide@2", "vessa-landslide@3"], ["changes", 0, "ops", 0], "op"),
])
def test_a_renamed_key_fails_its_schema(run: Run, seeded: Path, name: str, args: list[str],
                                        path: list[Any], key: str) -> None:
    data = _doc(run, *args)
    assert _validator(name).is_valid(data)
    assert not _validator(name).is_valid(_renamed(data, path, key, key + "s_renamed"))


def test_the_audit_schema_names_every_verdict() -> None:
    assert set(load("audit")["$defs"]["verdict"]["enum"]) == {str(v) for v in Verdict}


def test_the_golden_json_files_match_their_schemas() -> None:
    golden = Path(__file__).resolve().parent / "golden"
    docs = [("diff-stat" if p.stem.endswith("-stat") else p.name.split("-")[0].split(".")[0],
             json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(golden.glob("*.json"))]
    assert {name for name, _ in docs} >= {"audit", "diff", "diff-stat", "list", "log", "show"}
    _check(docs)
