"""Quotations a hunk touches: whether it changes words inside a quote, whether the
quotes it puts in or takes out stand word for word in the other revision, and a single
quotation mark opened or closed (split from hunkrules.py, which asks these)."""

from __future__ import annotations

import functools

from versioner.articlenames import ArticleNames
from versioner.hunk import Hunk
from versioner.reading import WORD, Reading

RULES_VERSION = 1  # split from hunkrules.py (its version 7), behaviour unchanged


def _quoted_edit(h: Hunk, rd_old: Reading, rd_new: Reading, old_w: list[str], new_w: list[str]) -> bool:
    """Does the hunk change words inside a quotation? A long clause put in place of
    another that only reaches into a quote (a paragraph rewritten around a quote, a
    quote paraphrased) is a rewrite: the words quoted must hold the edit, or the edit
    be short."""
    if not (rd_old.in_quotes(h.old_start, h.old_end) or rd_new.in_quotes(h.new_start, h.new_end)):
        return False
    if not (old_w and new_w) or max(len(old_w), len(new_w)) <= _SHORT_QUOTE_EDIT:
        return True
    return _within_quote(rd_old, h.old_start, h.old_end) and _within_quote(rd_new, h.new_start, h.new_end)


def _quotes_stand_elsewhere(h: Hunk, rd_old: Reading, rd_new: Reading, names: ArticleNames) -> bool:
    """Does every quotation this hunk touches stand word for word in the other revision,
    with the hunk only taking words out (or only putting them in)? A quote reworded
    anywhere fails: its old words stand nowhere in the newer text."""
    if (h.old.strip() and h.new.strip()) or len(WORD.findall(h.old + h.new)) < _QUOTE_MOVE_WORDS:
        return False
    side, reading, start, end = (1, rd_old, h.old_start, h.old_end) if h.old.strip() else (0, rd_new, h.new_start, h.new_end)
    spans = [(s, e) for s, e in reading.quotes if s < end and e > start]
    other = _flat_text(names.texts[side])
    return bool(spans) and all(len(q.split()) >= _QUOTE_MOVE_WORDS and q in other
                               for q in (_flat(reading.text[s:e]) for s, e in spans))


# Words a quotation needs to be known again elsewhere by its words alone
_QUOTE_MOVE_WORDS = 4


@functools.lru_cache(maxsize=4)
def _flat_text(text: str) -> str:
    """_flat of a whole revision, made once however many quotes are looked up in it."""
    return _flat(text)


def _flat(text: str) -> str:
    """``text`` lower case, its words only, one space apart (quotes compared so)."""
    return " ".join(WORD.findall(text.lower()))


# Words on a side of an edit that touches a quotation, beyond which it must lie inside it
_SHORT_QUOTE_EDIT = 12


def _within_quote(reading: Reading, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in reading.quotes)


def _single_quote_mark(h: Hunk, rd_old: Reading, rd_new: Reading) -> bool:
    """A single quotation mark added or removed where it opens or closes a quoted phrase
    ("in 'critical condition'"), not an apostrophe."""
    for seg, reading, start in ((h.old, rd_old, h.old_start), (h.new, rd_new, h.new_start)):
        if "'" not in seg and "‘" not in seg and "’" not in seg:
            continue  # most edits: no mark to look at, the side's letters not walked
        for i, c in enumerate(seg):
            if c in "'‘’" and any(s == start + i or e == start + i + 1 for s, e in reading.quotes):
                return True
    return False
