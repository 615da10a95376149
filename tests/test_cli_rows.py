"""`list` and `audit` as rows for other tools, as sqlite-utils writes them: --csv,
--tsv (a header row, then a row per article or per revision audited) and --nl
(newline-delimited JSON); the same as --format csv, tsv, nl."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, Callable

import pytest
from test_json_schemas import HOSTILE_NEW, HOSTILE_OLD

from versioner.render.rows import ARTICLE_COLUMNS, AUDIT_COLUMNS

Run = Callable[..., Any]
# what no cell may carry raw: C0 controls but tab/newline/CR, DEL, C1, bidi and zero-width
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _table(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_list_csv_has_a_header_and_a_row_per_article(run: Run, seeded: Path) -> None:
    table = _table(run("list", "--csv").stdout)
    assert tuple(table[0]) == ARTICLE_COLUMNS
    rows = {r[0]: dict(zip(ARTICLE_COLUMNS, r)) for r in table[1:]}
    assert len(rows) == 7
    assert rows["vessa-landslide"] == {"article": "vessa-landslide", "url": "", "revisions": "4",
                                       "first_captured": "2026-04-07T05:30:00Z",
                                       "last_captured": "2026-04-07T19:05:00Z", "notices": "2"}


@pytest.mark.parametrize("command", [["list"], ["audit"]])
@pytest.mark.parametrize("flag,fmt", [("--csv", "csv"), ("--tsv", "tsv"), ("--nl", "nl")])
def test_the_shorthands_are_the_format_values(run: Run, seeded: Path, command: list[str], flag: str,
                                              fmt: str) -> None:
    short, long = run(*command, flag), run(*command, "-f", fmt)
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout and short.stdout


def test_audit_tsv_has_a_row_per_revision_shown(run: Run, seeded: Path) -> None:
    table = _table(run("audit", "--tsv").stdout, "\t")
    assert tuple(table[0]) == AUDIT_COLUMNS
    assert len(table) == 1 + 17
    late = _table(run("audit", "--tsv", "--only", "late").stdout, "\t")
    (row,) = [dict(zip(AUDIT_COLUMNS, r)) for r in late[1:]]
    assert row["ref"] == "vessa-landslide@3" and row["verdict"] == "late"
    assert row["disclosed_by"] == "vessa-landslide@4" and row["latency_s"] == "19500"
    assert json.loads(row["reasons"])[0].endswith("5h 25m later")  # a list is a JSON array in a cell


def test_audit_nl_is_one_object_a_line_with_the_same_columns(run: Run, seeded: Path) -> None:
    lines = run("audit", "--nl", "--problems").stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["verdict"] for r in rows] == ["undisclosed", "mismatch", "late"]
    assert all(tuple(r) == AUDIT_COLUMNS for r in rows)


def test_untrusted_text_in_rows_has_its_controls_escaped(run: Run, write: Callable[..., Path]) -> None:
    for n, (text, at) in enumerate(((HOSTILE_OLD, "2026-03-02T09:00:00Z"), (HOSTILE_NEW, "2026-03-02T11:00:00Z"))):
        assert run("add", write(f"h{n}.txt", text), "--article", "hostile", "--at", at,
                   "--url", "https://example.org/\u202emoc.live\x1b[2J").exit_code == 0
    for args in (["list", "--csv"], ["list", "--tsv"], ["audit", "--csv"], ["audit", "--tsv"],
                 ["list", "--nl"], ["audit", "--nl"]):
        out = run(*args).stdout
        assert not RAW_CONTROL.search(out), args
    listed = _table(run("list", "--csv").stdout)[1]
    assert listed[1] == "https://example.org/<U+202E>moc.live\\x1b[2J"  # as render.safe shows it
    audited = _table(run("audit", "--csv").stdout)
    notices = json.loads(audited[2][AUDIT_COLUMNS.index("notices")])
    assert "\x1b]0;pwned\x07" in notices[0]  # the cell holds JSON escapes, the text itself is whole


@pytest.mark.parametrize("args", [["list", "--csv", "--tsv"], ["list", "--nl", "-f", "json"],
                                  ["audit", "--csv", "-f", "html"]])
def test_two_formats_at_once_is_one_line_and_exit_2(run: Run, seeded: Path, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "versioner: --csv, --tsv, --nl and --format each name an output format: give one\n"


@pytest.mark.parametrize("flag,delimiter", [("--csv", ","), ("--tsv", "\t")])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_starts_with_a_quote(
        run: Run, write: Callable[..., Path], flag: str, delimiter: str) -> None:
    # OWASP's CSV injection: = + - @ at the start of a cell from a key, URL or ref
    text = "Headline here\n\nBody text about 12 things.\n"
    for key, url in (("=cmd", None), ("plain", '=HYPERLINK("http://evil.example","x")'),
                     ("+sum", "@SUM(1+1)"), ("-minus", "-2+3")):
        args = ["add", write(f"{len(key)}{key[1:]}.txt", text), "--article", key]
        assert run(*args, *(["--url", url] if url else [])).exit_code == 0, key
    listed = {r[0]: r for r in _table(run("list", flag).stdout, delimiter)[1:]}
    assert set(listed) == {"'=cmd", "plain", "'+sum", "'-minus"}
    assert listed["plain"][1] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert listed["'+sum"][1] == "'@SUM(1+1)" and listed["'-minus"][1] == "'-2+3"
    assert listed["plain"][2] == "1"  # numbers stay numbers
    audited = _table(run("audit", flag).stdout, delimiter)[1:]
    assert {(r[0], r[1]) for r in audited} >= {("'=cmd", "'=cmd@1"), ("'-minus", "'-minus@1")}
    nl = [json.loads(line) for line in run("list", "--nl").stdout.splitlines()]
    assert {r["article"] for r in nl} == {"=cmd", "plain", "+sum", "-minus"}  # JSON keeps the value
