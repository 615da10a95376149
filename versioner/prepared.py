"""What storing a text derives from the text alone: its sha256, its cached parse
(spans over the text, the ``parts`` column's JSON) and its number of notices.

Pure functions with no SQL: the reader prepares texts in another process
(``ingest``), the store writes what they give, ``verify`` recomputes them.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from versioner.parse import Parts, Piece, parse_pieces, parts_to_spans

if TYPE_CHECKING:
    from versioner.model import Prepared

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def prepare(text: str) -> Prepared:
    """What storing a text takes that depends on the text alone."""
    return (sha256_hex(text), *parsed(text))


def parsed(text: str) -> tuple[str, int]:
    """A text's cached parse (``parts_json``) and its number of notices."""
    pieces = parse_pieces(text)
    return pieces_json(pieces), sum(piece[0] == "notice" for piece in pieces)


def spans_cover(spans: list[Any], text: str) -> bool:
    """Do ``spans`` rebuild exactly ``text``? Their slices are consecutive, so they
    do when the lengths are whole numbers that add up to the text less its final
    newline: the same answer as re-joining the parts, without the join."""
    if not spans:
        return text == ""
    total = 0
    try:
        for _, gap, raw, _ in spans:
            if type(gap) is not int or type(raw) is not int or gap < 0 or raw < 0:
                return False
            total += gap + raw
    except (TypeError, ValueError):  # not four fields
        return False
    return total == len(text) - 1 and text.endswith("\n")


def parts_json(parts: Parts) -> str:
    """The cached form of a parse: spans over the text, not copies of it."""
    return _COMPACT_JSON(parts_to_spans(parts))


def pieces_json(pieces: list[Piece]) -> str:
    """``parts_json`` of the parse that ``parse_pieces`` gave. Sections and positions
    are names from a fixed set, which JSON writes as they are: formatted here, the
    text is the encoder's, at a third of its cost (a tenth of a bulk import's parse)."""
    return "[" + ",".join([f'["{section}",{len(gap)},{len(raw)},"{position}"]'
                           for section, gap, raw, position in pieces]) + "]"


# what json.dumps(..., separators=(",", ":")) gives, without a new encoder each call
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":")).encode
