"""Reading revisions from files, folders and JSON Lines, streamed.

Folder layout: ``DIR/<article-key>/<capture time>.txt`` (ISO 8601, basic
format allowed: ``20260201T081500Z.txt``); files directly in DIR get no key
and are placed by similarity. JSON Lines: one object a line with ``text`` or
``headline`` + ``body``, and optional ``article``, ``url``, ``captured_at``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from versioner.errors import BadInput
from versioner.parse import DEFAULT_MAX_BYTES, DEFAULT_MAX_PARAGRAPHS, read_source, source_from_json
from versioner.store import NewRevision, utc_iso

SUFFIXES = (".txt", ".md", ".json")


def read_file(path: Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, with one-line errors for what cannot be read."""
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    if path.is_dir():
        raise BadInput(f"{path}: is a directory (use `versioner import` for folders)")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(f"{path}: {size:,} bytes is over the limit of {max_bytes:,} (--max-bytes)")
        return path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from None


def time_from_name(stem: str) -> str | None:
    try:
        return utc_iso(datetime.fromisoformat(stem))
    except ValueError:
        return None


def iter_path(
    path: Path,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS,
) -> Iterator[NewRevision]:
    """Every revision under a folder, or in a .jsonl file, one at a time."""
    if not path.exists():
        raise BadInput(f"{path}: no such file or directory")
    if path.is_dir():
        yield from _iter_dir(path, encoding, max_bytes, max_paragraphs)
    elif path.suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, max_bytes, max_paragraphs)
    else:
        raise BadInput(f"{path}: import takes a folder or a .jsonl file")


@dataclass(frozen=True)
class PathRevisions:
    """``iter_path`` as an iterable that reads the input afresh each time it is
    iterated: an import of input that is out of capture order reads it twice
    rather than holding it."""

    path: Path
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS

    def __iter__(self) -> Iterator[NewRevision]:
        return iter_path(self.path, self.encoding, self.max_bytes, self.max_paragraphs)


def _iter_dir(root: Path, encoding: str | None, max_bytes: int, max_paragraphs: int) -> Iterator[NewRevision]:
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix in SUFFIXES and not p.name.upper().startswith("README")
    )
    if not files:
        raise BadInput(f"{root}: no .txt, .md or .json files to import")
    for f in files:
        rel = f.relative_to(root)
        key = rel.parts[-2] if len(rel.parts) >= 2 else None
        src = read_source(read_file(f, encoding, max_bytes), str(f), encoding, max_bytes, max_paragraphs)
        at = time_from_name(f.stem) or src.published and utc_iso(src.published) or _mtime(f)
        yield NewRevision(src.text, key, src.url, at, str(rel))


def _mtime(f: Path) -> str:
    return utc_iso(datetime.fromtimestamp(f.stat().st_mtime, timezone.utc))


def _iter_jsonl(path: Path, max_bytes: int, max_paragraphs: int) -> Iterator[NewRevision]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        for lineno, line in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                raise BadInput(f"{where}: {len(line):,} bytes is over the limit of {max_bytes:,}")
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise BadInput(f"{where}: not valid JSON ({exc})") from None
            if not isinstance(obj, dict):
                raise BadInput(f"{where}: each line must be a JSON object")
            src = source_from_json(obj, where, max_paragraphs)
            article = obj.get("article")
            at = obj.get("captured_at") or obj.get("at") or src.published
            if article is not None and not isinstance(article, str):
                raise BadInput(f"{where}: 'article' must be a string")
            if at is not None and not isinstance(at, str):
                raise BadInput(f"{where}: 'captured_at' must be an ISO 8601 string")
            yield NewRevision(src.text, article, src.url, utc_iso(at) if at else None, where)
