"""The domain model: the data types that cross stage boundaries.

Plain frozen dataclasses with no SQL: the stages (parse, align, flags, audit,
render) take and give these, and only the store package reads and writes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from versioner.parse import Parts, parse, parts_from_spans
from versioner.prepared import prepare, spans_cover

# -- data types that cross stage boundaries --


@dataclass(frozen=True)
class Revision:
    """One stored revision: immutable once written."""

    article: str
    number: int
    captured_at: str
    sha256: str
    text: str
    source: str | None = None
    url: str | None = None
    # the cached parse (``prepared.parts_json``): from the store, or ``from_text``
    spans: str | None = field(default=None, compare=False, repr=False)

    @property
    def ref(self) -> str:
        """``KEY@N``; an ad-hoc revision read from a file (number 0) is its path."""
        return f"{self.article}@{self.number}" if self.number else self.article

    @classmethod
    def from_text(cls, article: str, number: int, captured_at: str, text: str,
                  source: str | None = None, url: str | None = None) -> Revision:
        """A revision not read from the store (a file given as a REF, a test): its
        hash and cached parse computed here, once, so that ``parts`` never parses."""
        sha, spans, _ = prepare(text)
        return cls(article, number, captured_at, sha, text, source, url, spans)

    def parts(self) -> Parts:
        """The parse, rebuilt from the cached spans. A cache that does not give the
        text back (a damaged row: ``verify`` reports it) is the one case parsed
        afresh, so that read commands still show such a revision as it is."""
        if self.spans is None:
            raise ValueError(f"{self.ref} has no cached parse: make it with Revision.from_text")
        try:
            spans = json.loads(self.spans)
        except ValueError:
            spans = None
        if isinstance(spans, list) and spans_cover(spans, self.text):
            return parts_from_spans(self.text, spans)
        return parse(self.text)


@dataclass(frozen=True)
class Article:
    key: str
    url: str | None
    revisions: int
    first_captured: str
    last_captured: str
    notices: int


@dataclass(frozen=True)
class NewRevision:
    """A revision to be stored: text already normalised."""

    text: str
    article: str | None = None
    url: str | None = None
    captured_at: str | None = None
    source: str | None = None
    # ``prepare(text)``, when the reader worked it out already (in another process)
    prepared: Prepared | None = field(default=None, compare=False, repr=False)


# a text's sha256, its cached parse (``parts_json``) and its number of notices
Prepared = tuple[str, str, int]


@dataclass(frozen=True)
class AddResult:
    revision: Revision
    stored: bool  # False when the text equals the one it would follow, or is stored already
    joined: str | None = None  # why an existing article was chosen by similarity
    new_article: bool = False
    # back-filled before this many later revisions, each renumbered one up
    renumbered: int = 0


@dataclass(frozen=True)
class ImportResult:
    stored: int
    unchanged: int
    articles: int
    new_articles: int
    backfilled: int = 0  # stored before later revisions of their article, which moved up


@dataclass(frozen=True)
class Fault:
    # "sqlite" (SQLite's own check or a read failed), "orphan" (a revision of no
    # article), "numbering", "time" (capture time unreadable or out of order),
    # "text" (not text, or not UTF-8), "hash", "parts", "notices", "column" (source,
    # url or created_at not text), "article" (a bad key), "sketch", "cache" (pairs)
    kind: str
    where: str
    message: str
