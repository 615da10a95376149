"""The domain model: the vocabulary every stage speaks, and the data types that
cross stage boundaries.

Each vocabulary is a ``StrEnum``: a member is the string it stands for, so JSON,
the cache and string comparisons read the same as before, while the code names
the values it decides on. The data types are plain frozen dataclasses with no
SQL: the stages take and give them, and only the store package reads and writes
them. Nothing here imports the store or a stage (``Revision``'s methods import
``parse`` and ``prepared`` when called): every stage imports this module, never
the other way round.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from versioner.parse import Parts

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 3  # 2: FlagType.MOVED (issue 16); 3: attribution is a fact a headline flag lists (f1flags)

# -- vocabulary -----------------------------------------------------------------

# Section and NoticeKind live in kinds.py, which imports nothing: the notice reader
# needs them and the parser asks the reader, so taking them from here (which calls
# the parser) would make an import cycle. Imported from here as before.
from versioner.kinds import NoticeKind as NoticeKind  # noqa: E402
from versioner.kinds import Section as Section  # noqa: E402


class PairingKind(StrEnum):
    """How the aligner paired paragraphs of two revisions (``align.Pairing.kind``)."""

    KEPT = "kept"
    EDITED = "edited"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"


class ChangeKind(StrEnum):
    """What a change did to a part (``diff.Change.kind``, the diff JSON's ``kind``)."""

    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"
    MOVE = "move"


class FlagType(StrEnum):
    """What a flagged change is about (``flags.Flag.type``), in the order the
    rules try them."""

    FIGURE = "figure"
    QUOTE = "quote"
    NAME = "name"
    NEGATION = "negation"
    ATTRIBUTION = "attribution"
    HEADLINE = "headline"
    WORDING = "wording"
    TYPO = "typo"
    PUNCTUATION = "punctuation"
    PARAGRAPH_ADDED = "paragraph-added"
    PARAGRAPH_REMOVED = "paragraph-removed"
    PARAGRAPH_MOVED = "paragraph-moved"
    MOVED = "moved"  # words, a phrase or a sentence moved, within or across paragraphs (low)


# The types of flag that say a fact changed: a headline flag names those changed inside
# it (``Flag.facts``), in this order
FACT_TYPES = (FlagType.FIGURE, FlagType.NAME, FlagType.QUOTE, FlagType.NEGATION, FlagType.ATTRIBUTION)


class Severity(StrEnum):
    """How much a flagged change matters to a reader."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """3 for high down to 1 for low: higher matters more."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK: dict[str, int] = {Severity.HIGH: 3, Severity.MEDIUM: 2, Severity.LOW: 1}


class _HasSeverity(Protocol):
    @property
    def severity(self) -> str: ...


_Ranked = TypeVar("_Ranked", bound=_HasSeverity)


def worst_first(items: Iterable[_Ranked]) -> list[_Ranked]:
    """``items`` (flags, or anything with a ``severity``) the most severe first;
    equal ones keep their order (a stable sort)."""
    # looked up by value: a flag read back from the cache holds a plain string
    return sorted(items, key=lambda item: -_SEVERITY_RANK[item.severity])


class Verdict(StrEnum):
    """The audit's judgement of one revision (``audit.Verdict.verdict``)."""

    FIRST = "first"
    UNCHANGED = "unchanged"
    MINOR = "minor"
    CONSISTENT = "consistent"
    MISMATCH = "mismatch"
    UNDISCLOSED = "undisclosed"
    STEALTH = "stealth"
    UPDATE = "update"  # no notice, but nothing published was taken back: material added or reworded
    LATE = "late"
    REVERT = "revert"


# -- one added paragraph, three words ---------------------------------------------
# The aligner, the differ and the flagger each name what happened to a paragraph in
# their own terms (the JSON keeps all three); these tables are the one place that
# says which word of one stage is which word of the next.

CHANGE_OF_PAIRING: dict[PairingKind, ChangeKind] = {
    PairingKind.ADDED: ChangeKind.INSERT,
    PairingKind.REMOVED: ChangeKind.DELETE,
    PairingKind.MOVED: ChangeKind.MOVE,
    PairingKind.EDITED: ChangeKind.REPLACE,
    PairingKind.SPLIT: ChangeKind.REPLACE,
    PairingKind.MERGED: ChangeKind.REPLACE,
}  # a kept paragraph is no change

PARAGRAPH_FLAG: dict[ChangeKind, FlagType] = {
    ChangeKind.INSERT: FlagType.PARAGRAPH_ADDED,
    ChangeKind.DELETE: FlagType.PARAGRAPH_REMOVED,
    ChangeKind.MOVE: FlagType.PARAGRAPH_MOVED,
}  # a replaced paragraph is flagged by what changed inside it


# -- data types that cross stage boundaries --


@dataclass(frozen=True)
class Flag:
    """One judged change. ``paragraph`` is 1-based in the newer revision
    (the older one for removals); values only on figures."""

    type: FlagType
    severity: Severity
    section: Section
    paragraph: int | None
    old: str
    new: str
    reason: str
    old_value: float | int | None = None
    new_value: float | int | None = None
    noun: str | None = None
    # a visible change that only fixes typos or punctuation (a headline typo): it keeps
    # its severity for the reader, but needs no notice (DESIGN: typo fixes are not substantive)
    cosmetic: bool = False
    # a headline change is one flag: the types of the facts changed inside it (a name,
    # figure, quote, negation), so a script need not read them out of ``reason``
    facts: tuple[FlagType, ...] = ()

    def __init__(self, type: FlagType, severity: Severity, section: Section, paragraph: int | None,  # noqa: A002
                 old: str, new: str, reason: str, old_value: float | int | None = None,
                 new_value: float | int | None = None, noun: str | None = None, cosmetic: bool = False,
                 facts: tuple[FlagType, ...] = ()) -> None:
        """The frozen dataclass's __init__, its fields set in one step rather than by twelve
        object.__setattr__ calls: a reworded article makes a flag or two per edit (dataclass
        keeps an __init__ the class defines; a test holds the fields to this one's)."""
        _set_attribute(self, "__dict__", {
            "type": type, "severity": severity, "section": section, "paragraph": paragraph, "old": old,
            "new": new, "reason": reason, "old_value": old_value, "new_value": new_value, "noun": noun,
            "cosmetic": cosmetic, "facts": facts})

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self.severity]


_set_attribute = object.__setattr__


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
        from versioner.prepared import prepare

        sha, spans, _ = prepare(text)
        return cls(article, number, captured_at, sha, text, source, url, spans)

    def parts(self) -> Parts:
        """The parse, rebuilt from the cached spans. A cache that does not give the
        text back (a damaged row: ``verify`` reports it) is the one case parsed
        afresh, so that read commands still show such a revision as it is."""
        from versioner.parse import parse, parts_from_spans
        from versioner.prepared import spans_cover

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
