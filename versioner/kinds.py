"""Where a part sits and what a notice says it is: the two words of the
vocabulary (``versioner.model``) that the notice reader needs. This module
imports nothing, so that the parser can ask the reader, and the reader use
these, without an import cycle through ``model`` (whose ``Revision`` parses).
"""

from __future__ import annotations

from enum import StrEnum

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1


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


class NoticeKind(StrEnum):
    """What a notice says it is (``notices.Notice.kind``)."""

    CORRECTION = "correction"
    UPDATE = "update"
    REFILE = "refile"
    CLARIFICATION = "clarification"
    REPEAT = "repeat"
    EDITORS_NOTE = "editor's note"  # a note that neither corrects, clarifies nor updates: it claims nothing
