"""A word diff in Markdown that CommonMark reads as it is meant: ``~~deleted~~`` and
``**inserted**`` with the spaces of a change outside the markers, so words keep
their spacing ("taxes **by 1 percent**,", not "taxes**by 1 percent** ,").

A marker opens only before a non-space that is not punctuation, or after a space or
punctuation (CommonMark's flanking rules; GFM reads ``~~`` the same way): a change
that starts or ends with punctuation inside a word (``percent,`` -> ``percent.``)
would print its markers as text, so it is written as ``<del>``/``<ins>`` instead,
which GitHub, GitLab and CommonMark render alike.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Sequence

from versioner.render.safe import markdown_text

_MARK = {"delete": ("~~", "~~"), "insert": ("**", "**")}
_TAG = {"delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>")}


def _punct(ch: str) -> bool:
    """Punctuation or symbol (the spec's newer, wider reading, to be safe)."""
    return ch in string.punctuation or unicodedata.category(ch)[0] in "PS"


def _space_or_punct(ch: str) -> bool:
    """Space, the edge of the paragraph (""), or punctuation in the narrower reading
    (every parser agrees on it)."""
    return not ch or ch.isspace() or ch in string.punctuation or unicodedata.category(ch)[0] == "P"


def _flanks(before: str, core: str, after: str) -> bool:
    """Markers around ``core`` open and close as emphasis between ``before`` and ``after``."""
    first, last = core[0], core[-1]
    opens = not _punct(first) or _space_or_punct(before)
    closes = not _punct(last) or _space_or_punct(after)
    return opens and closes


def markdown_segments(segments: Sequence[tuple[str, str]]) -> str:
    """(tag, text) runs (equal, delete, insert) as one line of Markdown, every piece
    of text escaped; a change that is only white space keeps the new text's spacing."""
    pieces: list[tuple[str, str]] = []  # (tag, escaped text) with each change's spaces split off
    for tag, s in segments:
        s = s.replace("\n", " ")  # a split or merged paragraph's break: the diff stays one line
        if tag == "equal":
            pieces.append(("equal", markdown_text(s)))
            continue
        core = s.strip()
        if not core:
            if tag == "insert":
                pieces.append(("equal", " "))  # one space, never a line break inside the line
            continue
        lead, trail = s[:len(s) - len(s.lstrip())], s[len(s.rstrip()):]
        pieces += [("equal", lead), (tag, markdown_text(core)), ("equal", trail)]
    out: list[str] = []
    for i, (tag, text) in enumerate(pieces):
        if tag != "equal" and text:
            before = out[-1][-1:] if out else ""
            # the next character written: text, or the next change's marker (punctuation either way)
            after = next((t for _, t in pieces[i + 1:] if t), "")[:1]
            opener, closer = _MARK[tag] if _flanks(before, text, after) else _TAG[tag]
            text = f"{opener}{text}{closer}"
        if text:
            out.append(text)
    return "".join(out).strip()
