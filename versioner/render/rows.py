"""Plain rows for other tools, as sqlite-utils writes them: CSV and TSV with a header
row, or newline-delimited JSON, one row per article (``list``) or per revision
audited (``audit``), with stable columns. A list-valued cell is a JSON array in CSV
and TSV; article text in a cell has its controls shown as escapes (render.safe), and
a ' before a leading = + - @ so that a spreadsheet does not run it as a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from versioner.render.safe import json_dumps, visible

if TYPE_CHECKING:
    from versioner.audit import ArticleAudit
    from versioner.model import Article

ROW_FORMATS = ("csv", "tsv", "nl")

ARTICLE_COLUMNS = ("article", "url", "revisions", "first_captured", "last_captured", "notices")
AUDIT_COLUMNS = ("article", "ref", "number", "captured_at", "verdict", "notices", "reasons",
                 "undisclosed", "covered", "stealth_kind", "disclosed_by", "latency_s")


def article_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    for a in articles:
        yield {"article": a.key, "url": a.url, "revisions": a.revisions, "first_captured": a.first_captured,
               "last_captured": a.last_captured, "notices": a.notices}


def audit_rows(report: Iterable[ArticleAudit]) -> Iterator[dict[str, Any]]:
    for a in report:
        for v in a.verdicts:
            yield {"article": a.article, "ref": v.ref, "number": v.revision.number,
                   "captured_at": v.revision.captured_at, "verdict": str(v.verdict),
                   "notices": [n.text for n in v.notices], "reasons": list(v.reasons),
                   "undisclosed": len(v.undisclosed), "covered": len(v.covered),
                   "stealth_kind": None if v.stealth_kind is None else str(v.stealth_kind),
                   "disclosed_by": v.disclosed_by, "latency_s": v.latency_s}


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
# OWASP's advice is a leading ' so that it shows as text. Article text, URLs and keys
# are untrusted; numbers are ours (a negative one stays a number).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any, ascii_only: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json_dumps(value, indent=None, ascii_only=ascii_only)  # controls as \uXXXX
    if isinstance(value, str):
        shown = visible(value)
        return "'" + shown if shown.startswith(_FORMULA_START) else shown
    return visible(str(value))


def write_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str, out: TextIO,
               ascii_only: bool = False) -> None:
    """``rows`` to ``out`` as ``fmt`` (one of ROW_FORMATS), a row as soon as it is made."""
    if fmt == "nl":
        for row in rows:
            out.write(json_dumps(row, indent=None, ascii_only=ascii_only) + "\n")
        return
    writer = csv.writer(out, dialect="excel-tab" if fmt == "tsv" else "excel")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c], ascii_only) for c in columns])
