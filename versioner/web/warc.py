"""WARC files (warcio): each HTML response record of an article page becomes a
revision at its WARC-Date, extracted as fetched pages are. Records are stored a
batch at a time; storing the same record again stores nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from versioner.errors import BadInput, MissingExtra
from versioner.model import NewRevision
from versioner.store import Store
from versioner.store.web import add_pages
from versioner.times import utc_iso
from versioner.web.extract import decode_html, extract
from versioner.web.urls import canonical

_BATCH = 100


@dataclass
class WarcImport:
    records: int = 0  # HTML responses read
    stored: int = 0
    unchanged: int = 0
    skipped: int = 0  # HTML responses with no article text
    articles: set[str] | None = None


def is_warc(path: Path) -> bool:
    return path.name.endswith((".warc", ".warc.gz"))


def import_warc(st: Store, path: Path, max_bytes: int, warn: Callable[[str], None]) -> WarcImport:
    done = WarcImport(articles=set())
    batch: list[tuple[NewRevision, bytes, str, str]] = []
    for item in _pages(path, max_bytes, done, warn):
        batch.append(item)
        if len(batch) >= _BATCH:
            _store(st, batch, done)
            batch = []
    if batch:
        _store(st, batch, done)
    return done


def _store(st: Store, batch: list[tuple[NewRevision, bytes, str, str]], done: WarcImport) -> None:
    for res in add_pages(st, batch):
        if res.stored:
            done.stored += 1
            assert done.articles is not None
            done.articles.add(res.revision.article)
        else:
            done.unchanged += 1


def _pages(path: Path, max_bytes: int, done: WarcImport,
           warn: Callable[[str], None]) -> Iterator[tuple[NewRevision, bytes, str, str]]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise MissingExtra("reading WARC files needs the web extra: pip install 'versioner[web]'") from None
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        if not _starts_like_warc(fh):
            raise BadInput(f"{path}: not a WARC file (no WARC/1.x record at its start)")
        try:
            for record in ArchiveIterator(fh):
                item = _page(record, path, max_bytes, done, warn)
                if item is not None:
                    yield item
        except ArchiveLoadFailed as exc:
            raise BadInput(f"{path}: not a WARC file ({str(exc).splitlines()[0]})") from None


def _page(record: object, path: Path, max_bytes: int, done: WarcImport,
          warn: Callable[[str], None]) -> tuple[NewRevision, bytes, str, str] | None:
    rec = record  # a warcio ArcWarcRecord
    if getattr(rec, "rec_type", None) != "response" or getattr(rec, "http_headers", None) is None:
        return None
    headers = rec.http_headers  # type: ignore[attr-defined]
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in ("text/html", "application/xhtml+xml") or headers.get_statuscode() != "200":
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
    when = rec.rec_headers.get_header("WARC-Date")  # type: ignore[attr-defined]
    body = rec.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    done.records += 1
    if len(body) > max_bytes:
        warn(f"{path}: {url}: over the limit of {max_bytes:,} bytes (--max-bytes); skipped")
        done.skipped += 1
        return None
    charset = _charset(headers.get_header("Content-Type") or "")
    try:
        html = decode_html(body, charset)
        ex = extract(html, url, name=url)
        where = canonical(ex.canonical_url or url)
    except BadInput as exc:
        warn(f"{path}: {exc}; skipped")
        done.skipped += 1
        return None
    new = NewRevision(ex.text, None, where, utc_iso(when) if when else None, url)
    return new, html.encode("utf-8"), ex.extractor, url


def _starts_like_warc(fh: BinaryIO) -> bool:
    """A WARC file, gzipped or not, starts with a ``WARC/1.x`` record header
    (warcio itself reads anything as some record)."""
    import zlib

    head = fh.read(4096)
    fh.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None
