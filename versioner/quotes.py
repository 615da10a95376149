"""Quotation rules of one hunk: does an edit that touches quotation marks change what
anyone is quoted as saying? Split out of hunkrules.py (issue 16), which asks
``quotes_kept`` before it reads a hunk as a quote change."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from versioner.names import FUNCTION_WORDS
from versioner.reading import NEGATIONS, Reading

if TYPE_CHECKING:
    from versioner.hunk import Hunk

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 2: articles put in or taken out of a headline quote are headlinese; a sentence taken out
# with its quotations, or a quoted statement told in reported speech, is no quote change (t16fq)
# 3: a lone mark left by a quotation whose words were rewritten away is no quote change; words
# put in a quote that the older revision already quotes are no quote change (t16n)
# 4: a quotation cut short that still opens its sentence is no reported speech: a quote
# change (q1flags)
# 5: a headline quotation put in or taken out whole as the headline is rewritten around it
# (the edit replaces words) is the headline changed, no quote change (f1flags)
RULES_VERSION = 5

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _flat(text: str) -> str:
    """``text`` lower case, its words only, one space apart (as hunkrules compares quotes)."""
    return " ".join(_WORD.findall(text.lower()))


def _flat_quotes(reading: Reading) -> list[str]:
    """Each quotation of a paragraph side, flattened (``_flat``): read once for all its hunks."""
    return [_flat(reading.text[s:e]) for s, e in reading.quotes]


def _flat_by_span(reading: Reading) -> dict[tuple[int, int], str]:
    """Each quotation's span, with its flattened words (``_flat_quotes``)."""
    return dict(zip(reading.quotes, reading.fact(_flat_quotes)))


def _flat_quote(reading: Reading, span: tuple[int, int]) -> str:
    """``_flat`` of one of the side's quotations (``span``, one of ``reading.quotes``):
    looked up in the side's quotations, flattened once for all its hunks."""
    return reading.fact(_flat_by_span)[span]


def _words_quoted(reading: Reading) -> list[str]:
    """The words of all the paragraph side's quotations, in order."""
    return " ".join(reading.fact(_flat_quotes)).split()


def _flat_paragraph(reading: Reading) -> str:
    """The whole paragraph side flattened, with a space either end (words are found whole in it)."""
    return f" {_flat(reading.text)} "


def _paragraph_words(reading: Reading) -> frozenset[str]:
    """The words of the whole paragraph side, flattened (``_flat``)."""
    return frozenset(reading.fact(_flat_paragraph).split())


TITLE_MARKS = "quotation marks around a title (style)"
# a sentence taken out with its quotations (unless they are said elsewhere: said_elsewhere)
TAKEN_OUT = "a sentence taken out with its quotations"


def quotes_kept(h: Hunk, rd_old: Reading, rd_new: Reading, headline: bool, older: str | None = None) -> str | None:
    """Why an edit that touches quotation marks changes no quotation, or None. Every
    quotation it touches is quoted word for word on the other side too (a closing mark
    that moved with the attribution, ``.”`` for ``,” she said.``), or the paragraph
    quotes the same words in the same order; marks put round a title (``told “Fox News
    Sunday”``) are style; a headline quote put in or taken out whole trims or adds to
    the headline (headline quotes are emphasis or attribution), it rewords no one."""
    touched_old = [(s, e) for s, e in rd_old.quotes if s <= h.old_end and e >= h.old_start]
    touched_new = [(s, e) for s, e in rd_new.quotes if s <= h.new_end and e >= h.new_start]
    if not (touched_old or touched_new):
        return None
    if headline and _articles_only(h):
        return "kept"
    if not headline and _taken_out_whole(h, touched_old, touched_new):
        return TAKEN_OUT
    flat_old, flat_new = rd_old.fact(_flat_quotes), rd_new.fact(_flat_quotes)
    if all(_flat_quote(rd_old, q) in flat_new for q in touched_old) \
            and all(_flat_quote(rd_new, q) in flat_old for q in touched_new):
        return "kept"
    if rd_old.fact(_words_quoted) == rd_new.fact(_words_quoted):
        return "kept"
    if _narrowed(h, rd_old, rd_new, touched_old, touched_new, flat_old, flat_new):
        return "kept"
    if _reported(h, rd_old, rd_new, touched_old, touched_new, flat_old):
        return "kept"
    if older is not None and _quoted_before(h, rd_old, rd_new, older):
        return "kept"
    if not (_WORD.search(h.old) or _WORD.search(h.new)):  # only marks put in or taken out
        side, touched = (rd_new, touched_new) if touched_new else (rd_old, touched_old)
        if all(_is_title(side.text[s:e]) for s, e in touched):
            return TITLE_MARKS
    if headline and _whole_quotes_only(h, touched_old, touched_new):
        # a headline quote put in or taken out whole, perhaps as the headline is written
        # anew around it: the headline changed (judged as a headline), no quoted words
        return "kept"
    return None


def _whole_quotes_only(h: Hunk, touched_old: list[tuple[int, int]], touched_new: list[tuple[int, int]]) -> bool:
    """Does every quotation the edit touches lie wholly inside it, on its side? Then each
    was put in or taken out whole (a headline rewritten: "Fire: 'No one saw it coming'"
    -> "Inquiry opened into fire"); none had words changed inside it."""
    return bool(touched_old or touched_new) \
        and all(h.old_start <= s and e <= h.old_end for s, e in touched_old) \
        and all(h.new_start <= s and e <= h.new_end for s, e in touched_new)


# Articles of the languages the tool reads (English, Dutch): headlines drop them, inside
# a quote too, to fit ("'Wordt duur etentje'" for "'Wordt een duur etentje'")
_ARTICLES = frozenset("a an the een de het".split())


def _articles_only(h: Hunk) -> bool:
    """Does the edit only put in or take out articles? In a headline that is headlinese,
    not the speaker's words changed (a negation or any other word still is)."""
    words = _WORD.findall(f"{h.old} {h.new}".lower())
    return bool(words) and all(w in _ARTICLES for w in words)


def _taken_out_whole(h: Hunk, touched_old: list[tuple[int, int]], touched_new: list[tuple[int, int]]) -> bool:
    """Is a whole sentence taken out, every quotation in it with it? What is left
    quotes no one otherwise: the cut is judged as any sentence taken out (a quote
    put in, or reworded, still puts words in someone's mouth)."""
    if h.new.strip() or touched_new or not touched_old:
        return False
    if not all(h.old_start <= s and e <= h.old_end for s, e in touched_old):
        return False
    return _opens_sentence(h.old_text, h.old_start) and h.old.rstrip()[-1:] in _SENTENCE_ENDS


# The words reported speech changes: verbs shifted back a tense ("is" -> "was"), and the
# speaker's "I" and "we" told as "he" and "they"
_BACKSHIFT = frozenset("is are was were be been being has have had will would can could may might shall should "
                       "do does did am i we me us my our".split())
# Share of a quotation's other words that must stand in the new sentence, read as far
# as _NEAR characters either side of the edit
_REPORTED_SHARE = 0.75
_NEAR = 400


def _reported(h: Hunk, rd_old: Reading, rd_new: Reading, touched_old: list[tuple[int, int]],
              touched_new: list[tuple[int, int]], flat_old: list[str]) -> bool:
    """Is a quoted statement turned into reported speech ("“The fire is arson,” police said"
    -> "Police said the fire was arson")? Each quotation opens its sentence (direct speech),
    its marks are taken away (or kept round a phrase of it, word for word), its words
    stand in the new sentence but for a tense shifted back, and no negation comes or
    goes: the same statement, told not quoted."""
    if not touched_old or not all(_opens_sentence(rd_old.text, s) for s, _ in touched_old):
        return False  # quoted words inside a reported sentence: their marks taken away is a quote change
    if any(_opens_sentence(rd_new.text, s) for s, _ in touched_new):
        # still direct speech, a quotation opening its sentence: a quote cut short ("...
        # until everyone is found" -> "... until everyone") is no statement told
        return False
    old_words, new_words = set(_WORD.findall(h.old.lower())), set(_WORD.findall(h.new.lower()))
    if (old_words ^ new_words) & NEGATIONS:
        return False
    # each new quotation's words flattened once, not once per old quotation
    if not all(_within_one(_flat_quote(rd_new, q), flat_old) for q in touched_new):
        return False
    # the new sentence around the edit, not the whole paragraph: a long one has many edits
    # (a window that holds it all is the paragraph's words, read once for all its hunks)
    lo, hi = h.new_start - _NEAR, h.new_end + _NEAR
    para = rd_new.fact(_paragraph_words) if lo <= 0 and hi >= len(rd_new.text) \
        else set(_flat(rd_new.text[max(0, lo):hi]).split())
    for q in touched_old:
        words = [w for w in _flat_quote(rd_old, q).split() if w not in _BACKSHIFT and w not in FUNCTION_WORDS]
        if not words or sum(w in para for w in words) < _REPORTED_SHARE * len(words):
            return False
    return True


_SENTENCE_ENDS = ".!?:”\""


def said_elsewhere(h: Hunk, rd_old: Reading, new_text: str) -> bool:
    """Do the quotations of a sentence taken out stand, mostly in the same words, elsewhere
    in the newer revision (moved, perhaps reworded)? Then the sentence was not taken out
    and its quotes are read as any others."""
    have = _words_of(new_text)
    for s, e in rd_old.quotes:
        if h.old_start <= s and e <= h.old_end:
            words = [w for w in _flat_quote(rd_old, (s, e)).split() if w not in FUNCTION_WORDS]
            if len(words) >= _SAID_ELSEWHERE_WORDS and sum(w in have for w in words) >= _REPORTED_SHARE * len(words):
                return True
    return False


# Words a quotation needs to be known again elsewhere by its words
_SAID_ELSEWHERE_WORDS = 3


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """The words of a whole revision, made once however many sentences look in it."""
    return frozenset(_flat(text).split())


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _narrowed(h: Hunk, rd_old: Reading, rd_new: Reading, touched_old: list[tuple[int, int]],
              touched_new: list[tuple[int, int]], flat_old: list[str], flat_new: list[str]) -> bool:
    """Is a quotation only narrowed: fewer of its words quoted, the words left out of
    the marks still standing in the sentence as they were (``“hold services as he
    wishes”`` -> ``hold services “as he wishes”``)? Nothing the speaker said is changed
    or lost. (Words brought into a quote are a quote change: they are now the speaker's.)"""
    para = rd_new.fact(_flat_paragraph)
    for span in touched_old:
        q = _flat_quote(rd_old, span)
        if q in flat_new:
            continue
        parts = [f" {q} ".split(f" {n} ", 1) for n in flat_new if n and f" {n} " in f" {q} "]
        if not any(all(not x.strip() or f" {x.strip()} " in para for x in pair) for pair in parts):
            return False
    return all(_within_one(_flat_quote(rd_new, q), flat_old) for q in touched_new)


def _within_one(quoted: str, flat: list[str]) -> bool:
    """Are the flattened words ``quoted`` one of ``flat``'s quotations, or whole words inside one?"""
    padded = f" {quoted} "
    return quoted in flat or any(padded in f" {q} " for q in flat)


def _quoted_before(h: Hunk, rd_old: Reading, rd_new: Reading, older: str) -> bool:
    """Does the edit take no quoted word out and only put in quoted words that the
    ``older`` revision already quotes (a speaker's words joined to a quote from another
    paragraph)? No one is quoted saying anything they were not quoted saying before."""
    if _quoted_words(rd_old, h.old_start, h.old_end):
        return False
    came = [w for w in _quoted_words(rd_new, h.new_start, h.new_end) if w not in FUNCTION_WORDS and w not in _BACKSHIFT]
    return len(came) >= _SAID_ELSEWHERE_WORDS and set(came) <= _words_quoted_in(older)


def _quoted_words(rd: Reading, start: int, end: int) -> list[str]:
    """The words of [start, end) of the reading's text that stand inside quotation marks."""
    return [m.group().lower() for m in _WORD.finditer(rd.text, start, end) if rd.in_quotes(m.start(), m.end())]


@functools.lru_cache(maxsize=4)
def _words_quoted_in(text: str) -> frozenset[str]:
    """Every word a whole revision quotes, read once however many edits ask."""
    return frozenset(_flat(" ".join(text[s:e] for s, e in Reading(text).quotes)).split())


def mark_of_rewritten_quote(h: Hunk, rd_old: Reading, rd_new: Reading) -> bool:
    """Is an edit of quotation marks alone (no word) the mark of a quotation whose words
    the other side's paragraph mostly no longer has? Then the quotation was rewritten
    away (another edit of the paragraph holds that change); the mark left over or lost
    says nothing of its own. Marks put round words that stand, or taken off them, still
    change what is quoted."""
    if _WORD.search(h.old) or _WORD.search(h.new):
        return False
    side, other, start, end = (rd_old, rd_new, h.old_start, h.old_end) if h.old.strip() else (rd_new, rd_old, h.new_start, h.new_end)
    touched = [(s, e) for s, e in side.quotes if start <= s < end or start < e <= end]
    if not touched:
        return False
    have = other.fact(_paragraph_words)
    for span in touched:
        words = [w for w in _flat_quote(side, span).split() if w not in FUNCTION_WORDS]
        if not words or sum(w in have for w in words) >= _REWRITTEN_SHARE * len(words):
            return False
    return True


# Share of a quotation's words the other paragraph must lack for the quote to be rewritten away
_REWRITTEN_SHARE = 0.5


def _is_title(quoted: str) -> bool:
    """Two or more words, each capitalised but for small joining words (a show, a book,
    a film named in quotes), the first capitalised."""
    words = _WORD.findall(quoted)
    return len(words) >= 2 and words[0][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words)
