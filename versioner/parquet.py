"""A store as Parquet (``export DIR --format parquet``; ``import DIR`` reads it back).

Layout, each table a dataset partitioned by day of capture (hive style, so
Spark, DuckDB and Polars read it as it is)::

    DIR/revisions/day=2026-02-01/part-0-0.parquet   article, number, captured_at,
                                                    sha256, text, source, url, parts
    DIR/pairs/day=.../...      article, from_number, to_number, from_sha256,
                               to_sha256, rules, changes, flags (JSON, as cached)
    DIR/flags/day=.../...      article, from_number, to_number, idx, type, severity,
                               section, paragraph, old, new, reason, facts
                               (a headline flag's, comma-separated: "name,figure")
    DIR/verdicts/day=.../...   article, number, sha256, rules, chain, verdict, reasons
                               (JSON list), stealth_kind, disclosed_by, latency_s
    DIR/notices/day=.../...    article, number, sha256, idx, kind, position, text,
                               claims (JSON list)

``day`` is the capture day of the revision (of the later one, for pairs and flags).
``import`` reads the revisions back, then the pairs, verdicts and notices, each kept
where the revisions it was made for are there with the same texts (``flags`` is the
pairs' flags one a row, for readers other than versioner).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from versioner.errors import BadInput
from versioner.model import NewRevision

if TYPE_CHECKING:
    from versioner.store import Store

_BATCH = 10_000
_FLAG_FIELDS = ("type", "severity", "section", "paragraph", "old", "new", "reason")
_PAIR_COLUMNS = ("article", "from_number", "to_number", "rules", "changes", "flags", "from_sha256",
                 "to_sha256")  # as Store.save_pairs takes them
# as Store.save_verdicts takes them, each with its Parquet type
_VERDICT_COLUMNS = (("article", "string"), ("number", "int64"), ("sha256", "string"), ("rules", "string"),
                    ("chain", "int64"), ("verdict", "string"), ("reasons", "string"),
                    ("stealth_kind", "string"), ("disclosed_by", "string"), ("latency_s", "int64"))
_NOTICE_COLUMNS = (("article", "string"), ("number", "int64"), ("sha256", "string"), ("idx", "int64"),
                   ("kind", "string"), ("position", "string"), ("text", "string"), ("claims", "string"))
_DAY = (("day", "string"),)


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise BadInput("Parquet needs pyarrow: pip install 'versioner[parquet]'") from None
    return pyarrow


def is_export(path: Path) -> bool:
    """Is ``path`` a folder written by ``export --format parquet``? (A path that
    cannot be looked at is not: reading it says why.)"""
    try:
        return (path / "revisions").is_dir() and any((path / "revisions").rglob("*.parquet"))
    except OSError:
        return False


class _Table:
    """Rows of one table, written to its dataset a batch at a time (with ``columns``,
    (name, type) pairs, as that schema: a batch whose column is all None is still text)."""

    def __init__(self, root: Path, name: str, columns: tuple[tuple[str, str], ...] = ()) -> None:
        self.root = root / name
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self.batches = 0
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        pa = _pyarrow()
        schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in self.columns]) if self.columns else None
        table = pa.Table.from_pylist(self.rows, schema=schema)
        pa.parquet.write_to_dataset(table, str(self.root), partition_cols=["day"],
                                    basename_template=f"part-{self.batches}-{{i}}.parquet")
        self.batches += 1
        self.count += len(self.rows)
        self.rows = []


def export(store: Store, folder: Path) -> dict[str, int]:
    """Write the store's revisions, cached pairs and their flags, verdicts and notices
    under ``folder`` (new or empty); rows written per table."""
    _pyarrow()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BadInput(f"{folder} is not an empty folder: export writes only into a new one")
    revisions, pairs, flags = (_Table(folder, n) for n in ("revisions", "pairs", "flags"))
    for rev in store.iter_revisions():
        revisions.add({"article": rev.article, "number": rev.number, "captured_at": rev.captured_at,
                       "sha256": rev.sha256, "text": rev.text, "source": rev.source, "url": rev.url,
                       "parts": rev.spans, "day": rev.captured_at[:10]})
    for old, new, rules, changes, flag_json in store.iter_cached_pairs():
        day = new.captured_at[:10]
        pairs.add({"article": new.article, "from_number": old.number, "to_number": new.number,
                   "from_sha256": old.sha256, "to_sha256": new.sha256, "rules": rules,
                   "changes": changes, "flags": flag_json, "day": day})
        for idx, flag in enumerate(_flag_list(flag_json)):
            flags.add({"article": new.article, "from_number": old.number, "to_number": new.number,
                       "idx": idx, **{f: _cell(flag.get(f)) for f in _FLAG_FIELDS},
                       "facts": _facts_cell(flag.get("facts")), "day": day})
    verdicts, notices = _Table(folder, "verdicts", _VERDICT_COLUMNS + _DAY), _Table(
        folder, "notices", _NOTICE_COLUMNS + _DAY)
    for table, rows, columns in ((verdicts, store.iter_verdict_rows(day=True), _VERDICT_COLUMNS),
                                 (notices, store.iter_notice_rows(day=True), _NOTICE_COLUMNS)):
        for *cells, captured_at in rows:
            table.add({**dict(zip((name for name, _ in columns), cells)), "day": captured_at[:10]})
    tables = (revisions, pairs, flags, verdicts, notices)
    for table in tables:
        table.flush()
    return {table.root.name: table.count for table in tables}


def import_derived(store: Store, folder: Path) -> None:
    """Keep an export's pairs, verdicts and notices in ``store``, into which its revisions
    were just imported: each row lands where its revisions are, with the same texts (a
    store that had others is audited again as usual). Best effort, as any derived data."""
    for batch in _batches(folder / "pairs", _PAIR_COLUMNS):
        store.save_pairs(batch)
    # verdicts first: each replaces its revision's notices, then the notices are kept
    for batch in _batches(folder / "verdicts", tuple(name for name, _ in _VERDICT_COLUMNS)):
        store.save_verdicts(batch, [])
    for batch in _batches(folder / "notices", tuple(name for name, _ in _NOTICE_COLUMNS)):
        store.save_verdicts([], batch)


def _batches(root: Path, columns: tuple[str, ...]) -> Iterator[list[Any]]:
    """A dataset's rows as tuples of ``columns``, a batch at a time (none: an export
    made before the dataset was)."""
    if not root.is_dir():
        return
    import pyarrow.dataset as ds

    for batch in ds.dataset(str(root), format="parquet", partitioning="hive").to_batches(
            columns=list(columns), batch_size=_BATCH):
        names = batch.to_pydict()
        yield list(zip(*(names[c] for c in columns)))


def _flag_list(flag_json: object) -> list[dict[str, Any]]:
    try:
        items = json.loads(flag_json) if isinstance(flag_json, str) else []
    except ValueError:
        return []  # a damaged cache row: verify says so; its flags are recomputed by an audit
    return [f for f in items if isinstance(f, dict)] if isinstance(items, list) else []


def _facts_cell(value: object) -> str:
    """A headline flag's facts comma-separated ("name,figure"), else empty: text in
    every row, so no batch of flags without any makes the column null-typed."""
    return ",".join(str(t) for t in value) if isinstance(value, list) else ""


def _cell(value: object) -> str | None:
    """A flag field as text (paragraph numbers too): one type a column."""
    return None if value is None else str(value)


class ExportRevisions:
    """The revisions of an export in capture order (each article's in number order):
    an iterable that reads the export again each time, as ``Store.import_many`` wants."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __iter__(self) -> Iterator[NewRevision]:
        _pyarrow()
        import pyarrow.dataset as ds

        table = ds.dataset(str(self.folder / "revisions"), format="parquet", partitioning="hive").to_table(
            columns=["article", "number", "captured_at", "text", "source", "url"])
        table = table.sort_by([("captured_at", "ascending"), ("article", "ascending"),
                               ("number", "ascending")])
        for batch in table.to_batches(max_chunksize=_BATCH):
            for row in batch.to_pylist():
                yield NewRevision(row["text"], article=row["article"], url=row["url"],
                                  captured_at=row["captured_at"], source=row["source"])
