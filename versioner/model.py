"""The domain model: the vocabulary every stage speaks, and the data types that
cross stage boundaries.

Each vocabulary is a ``StrEnum``: a member is the string it stands for, so JSON,
the cache and string comparisons read the same as before, while the code names
the values it decides on. Nothing here imports the store or a stage: every stage
imports this module, never the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol, TypeVar

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1

# -- vocabulary -----------------------------------------------------------------


class Section(StrEnum):
    """Where a part of an article sits. Parts and changes use the first six;
    a notice's target may also name a caption, or ``any`` part."""

    NOTICE = "notice"
    HEADLINE = "headline"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    CREDITS = "credits"
    CAPTION = "caption"  # only as a notice's target
    ANY = "any"  # only as a notice's target: the article as a whole


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
    LATE = "late"
    REVERT = "revert"


class NoticeKind(StrEnum):
    """What a notice says it is (``notices.Notice.kind``)."""

    CORRECTION = "correction"
    UPDATE = "update"
    REFILE = "refile"
    CLARIFICATION = "clarification"
    REPEAT = "repeat"


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
