"""The names of a whole article: which capitalised words of the two revisions read as
names (``ArticleNames``), and whether a name is mentioned in a text as whole words,
each search remembered for the article's own texts, or by another of its names (a
capital for its country, initials for a body). Part of the name rules
(``namechanges.py``), which ask these questions of every name an edit touches."""

from __future__ import annotations

import functools
import re

from versioner.alignsimilar import shared_end, shared_start
from versioner.names import is_title, plain

# Bump when an edit here changes what compare_pair returns (see namechanges.RULES_VERSION).
# 1: split from namechanges.py, outputs unchanged (a name's other names too, later)
# 2 (f1flags): more capitals named for their countries (Oslo, Nairobi, The Hague ...)
RULES_VERSION = 2


_WORD = re.compile(r"\w+(?:['’]\w+)*")
_COMMON_CAPS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "this",
    "that", "these", "those", "his", "her", "their", "its", "our", "there", "after", "before",
    "as", "for", "of", "to", "with", "by", "from", "when", "while", "if", "mr", "mrs", "ms", "dr",
}


def _is_name(word: str, text: str, pos: int) -> bool:
    if not word[:1].isupper() or word.lower() in _COMMON_CAPS:
        return False
    # the character before the word, spaces skipped (walked back, not copied: linear in long text)
    i = pos
    while i > 0 and text[i - 1].isspace():
        if text[i - 1] == "\n":
            return False  # a paragraph's first word opens a sentence
        i -= 1
    # sentence-initial capitals are not evidence of a name
    return i > 0 and text[i - 1] not in ".!?:“\"‘'(—–-"


def mentions(text: str, name: str, known: ArticleNames | None = None) -> bool:
    """Does ``name`` (possessive dropped) stand in ``text`` as whole words? A name of
    several words is still there when each of its words is ("Virginia Walmart" ->
    "Walmart ... in Virginia": reordered, not changed)."""
    words = _name_words(name)
    if len(words) > 1:
        return all(_mentions_word(text, w, known) for w in words)
    # a title dropped leaves the name ("Ms Lee" -> "Lee")
    return _mentions_word(text, words[0] if words else name, known)


@functools.lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` but its titles, its possessive dropped (asked of each name
    many times: once for each text it is looked for in)."""
    return tuple(w for w in plain(name).split() if not is_title(w))


def _mentions_word(text: str, name: str, known: ArticleNames | None = None) -> bool:
    bare = plain(name)
    at = _first(text, bare, known)
    while at >= 0:
        end = at + len(bare)
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
            return True
        at = text.find(bare, at + 1)
    return False


class ArticleNames:
    """Words the two revisions capitalise inside a sentence: names, even where a
    sentence starts with one ("Reinhold approved ..."). Each word asked about is looked
    up where it occurs, not every word of the article read."""

    def __init__(self, *texts: str) -> None:
        self._texts = texts
        self._asked: dict[str, bool] = {}
        self._first: dict[tuple[int, str], int] = {}
        self._ends: tuple[int, int] | None = None

    @property
    def texts(self) -> tuple[str, ...]:
        return self._texts

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        if word not in self._asked:
            self._asked[word] = any(_named_in(text, word, _body_start(text)) for text in self._texts)
        return self._asked[word]

    def headline(self, side: int) -> str:
        """The older (``side`` 0) or newer (1) revision's first line, its headline."""
        return self._texts[side].partition("\n")[0] if side < len(self._texts) else ""

    def mentioned(self, name: str, side: int) -> bool:
        """Does the older (``side`` 0) or newer (1) revision mention ``name`` anywhere?"""
        return side < len(self._texts) and mentions(self._texts[side], name, self)

    def shared_ends(self) -> tuple[int, int]:
        """How many characters the two revisions start with alike, and then end with alike
        (found once: the name rules ask it of each name they look for in the newer one)."""
        if self._ends is None:
            a, b = self._texts[0], self._texts[1]
            p = shared_start(a, b)
            self._ends = p, shared_end(a, b, min(len(a), len(b)) - p)
        return self._ends

    def find(self, text: str, word: str) -> int:
        """``text.find(word)``, remembered when ``text`` is one of the two revisions: the
        questions about one name (is it mentioned, glued to a word, written whole with
        another) each start with this search, and a word an article lacks is read for to
        its end; a long article is read once for each word, not once for each question."""
        for side, whole in enumerate(self._texts):
            if whole is text:
                key = (side, word)
                at = self._first.get(key)
                if at is None:
                    at = self._first[key] = self._find_anew(side, text, word)
                return at
        return text.find(word)

    def _find_anew(self, side: int, text: str, word: str) -> int:
        """``text.find(word)`` for one revision, read from where the other revision's answer
        allows in a long article: the two start and end alike but for what the edit changed,
        so a word first standing in the shared start stands there in both, and one the other
        lacks stands, if at all, across the change (a property test holds this to find)."""
        other = self._first.get((1 - side, word)) if len(self._texts) == 2 and len(text) >= LONG_TEXT else None
        if other is None or not word:
            return text.find(word)
        head, tail = self.shared_ends()
        if 0 <= other and other + len(word) <= head:
            return other
        lo = max(0, head - len(word) + 1)  # none lies wholly in the shared start (it would be first in both)
        if other < 0:  # none lies wholly in the shared end either
            return text.find(word, lo, len(text) - tail + len(word) - 1)
        return text.find(word, lo)


# Characters from which a revision is long enough that reading it for a word costs more
# than finding where the two revisions differ
LONG_TEXT = 8192


def _first(text: str, word: str, known: ArticleNames | None) -> int:
    """Where ``word`` first stands in ``text`` (-1: nowhere), asked of ``known`` when given."""
    return text.find(word) if known is None else known.find(text, word)


def _body_start(text: str) -> int:
    """Where the words under a revision's first line start: a headline capitalises as it
    likes, only the words under it tell a name (read in place: a long article is long to
    copy, and a copy of one a page-faulting allocation)."""
    cut = text.find("\n")
    return len(text) if cut < 0 else cut + 1


def _named_in(text: str, word: str, lo: int = 0) -> bool:
    """Does ``word`` stand in ``text[lo:]`` as a whole word (a _WORD match) that reads as a
    name (``lo``: 0, or just after a line break)?"""
    at = text.find(word, lo)
    while at >= 0:
        # a whole word: no word character (nor one and an apostrophe) before it, and
        # the word read from there is exactly this one
        before = text[at - 1] if at else " "
        inside = _is_word_char(before) or (
            before in "'’" and at > 1 and _is_word_char(text[at - 2]))
        if not inside and (m := _WORD.match(text, at)) and m.end() == at + len(word) \
                and _is_name(word, text, at):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


@functools.lru_cache(maxsize=4096)
def _untitled(name: str) -> str:
    """``name`` without its titles and possessive ending (asked of each name many times)."""
    return " ".join(_name_words(name))


# One body named two ways in news copy: a capital for its government (metonymy) and a
# party's nickname. Only these pairs: "Paris" for "Britain" is a changed name.
_ALIAS_PAIRS = tuple(tuple(w.replace("_", " ") for w in p.split("=")) for p in """
Tehran=Iran Moscow=Russia Kremlin=Russia Beijing=China Kyiv=Ukraine Kiev=Ukraine Washington=US
Washington=America Washington=U.S. London=Britain London=UK Paris=France Berlin=Germany Tokyo=Japan
Seoul=South_Korea Pyongyang=North_Korea Ankara=Turkey Riyadh=Saudi_Arabia Jerusalem=Israel
Damascus=Syria Baghdad=Iraq Kabul=Afghanistan Islamabad=Pakistan Delhi=India New_Delhi=India
Ottawa=Canada Canberra=Australia Wellington=New_Zealand Brussels=EU Caracas=Venezuela Havana=Cuba
Taipei=Taiwan Cairo=Egypt Rome=Italy Madrid=Spain Warsaw=Poland Minsk=Belarus Doha=Qatar
Oslo=Norway Stockholm=Sweden Copenhagen=Denmark Helsinki=Finland The_Hague=Netherlands Den_Haag=Nederland
Vienna=Austria Bern=Switzerland Dublin=Ireland Lisbon=Portugal Athens=Greece Budapest=Hungary Prague=Czech_Republic
Bucharest=Romania Sofia=Bulgaria Belgrade=Serbia Tbilisi=Georgia Yerevan=Armenia Baku=Azerbaijan Hanoi=Vietnam
Bangkok=Thailand Manila=Philippines Jakarta=Indonesia Dhaka=Bangladesh Nairobi=Kenya Addis_Ababa=Ethiopia
Pretoria=South_Africa Abuja=Nigeria Khartoum=Sudan Tripoli=Libya Amman=Jordan Beirut=Lebanon Brasilia=Brazil
Buenos_Aires=Argentina Bogota=Colombia Mexico_City=Mexico Kinshasa=Congo Kigali=Rwanda
Tories=Conservatives Tory=Conservative Tories=Conservative_Party GOP=Republicans GOP=Republican_Party
Dems=Democrats Lib_Dems=Liberal_Democrats SNP=Scottish_National_Party
""".split())
_ALIASES = {frozenset(w.lower() for w in pair) for pair in _ALIAS_PAIRS}


def _alias_index() -> dict[str, tuple[str, ...]]:
    """Each name of a pair (lower case) and the other names it pairs with, in the pairs'
    order: looked up, not every pair read for each name asked."""
    out: dict[str, tuple[str, ...]] = {}
    for a, b in _ALIAS_PAIRS:
        for key, other in ((a, b), (b, a)):
            out[key.lower()] = (*out.get(key.lower(), ()), other)
    return out


_ALIAS_OF = _alias_index()


def aliases(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one body's two names in news copy (a capital and its country)?"""
    return frozenset((a.lower(), b.lower())) in _ALIASES


_aliases = aliases


def _alias_stands(name: str, text: str, known: ArticleNames | None = None) -> bool:
    """Does ``text`` name the same body by its other name ("Tehran" where it said "Iran")?"""
    return any(mentions(text, other, known) for other in _ALIAS_OF.get(_untitled(name).lower(), ()))


def _initials_stand(name: str, text: str, known: ArticleNames | None = None) -> bool:
    """Does ``text`` name ``name`` by its initials ("United States": "US", "U.S."), or
    spell out the acronym ``name`` is ("CBP": "Customs and Border Protection")?"""
    bare = _untitled(name)
    letters = _initials(bare)
    if letters != "\0":
        return _mentions_word(text, letters, known) or _mentions_word(text, ".".join(letters) + ".", known)
    word = bare.replace(".", "")
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    joiners = r"(?:(?:and|of|for|the|&)\s+)*"
    spelt = r"\s+".join(rf"{joiners}{c}[\w’'-]+" for c in word)
    return re.search(rf"\b{spelt}\b", text) is not None


def _initials(name: str) -> str:
    """"Department of Homeland Security" -> "DHS" (a name of three or more words)."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else "\0"


def _lead_capitals(name: str) -> str:
    """The capitals an acronym opens with ("DHS", "FAAimplemented" -> "FAA")."""
    m = _CAPITALS.match(name.replace(".", ""))
    return m.group() if m else "\1"


_CAPITALS = re.compile(r"[A-Z]{2,}")


# -- two words of one name written in one run ("Ann Lee", "Ann B. Lee"): namechanges.same_entity

def _full_name_in(a: str, b: str, texts: tuple[str, ...], known: ArticleNames | None) -> bool:
    """``any(_one_full_name(a, b, t, known) for t in texts)``. When ``texts`` are the
    article's two revisions and the older one holds no run of the two, a run in the newer
    one must reach into what the edit changed: one read wholly from the text both share at
    the start (or at the end) would stand in the older one too. So only the occurrences
    from the last mark before the change to the change's end are read, not a long
    article's whole text (a property test holds the two equal)."""
    if known is None or len(texts) != 2 or known.texts != texts or texts[0] is not known.texts[0] \
            or texts[1] is not known.texts[1] or a == b or len(texts[1]) < LONG_TEXT \
            or not (_RUN_WORD.fullmatch(a) and _RUN_WORD.fullmatch(b)):
        return any(_one_full_name(a, b, t, known) for t in texts)
    if _one_full_name(a, b, texts[0], known):
        return True
    text = texts[1]
    head, tail = known.shared_ends()
    for first, last in ((a, b), (b, a)):
        # a run that ends at or past ``head`` holds no mark from its first word's end on:
        # its first word ends after the last mark before ``head - len(last)``
        reach = max(0, head - len(last))
        lo = _last_run_break(text, reach) + 1 - len(first)
        at = text.find(first, max(0, lo), len(text) - tail + len(first))
        while at >= 0:
            if (at == 0 or not _is_word_char(text[at - 1])) and _name_runs_on_to(text, at + len(first), last):
                return True
            at = text.find(first, at + 1, len(text) - tail + len(first))
    return False


# The words a run of a name is read between, both made of a word's characters and marks
# (a word with another character in it is read the whole way)
_RUN_WORD = re.compile(r"[\w.'’-]+")
# The last run break before a point: read back from there a stretch at a time
_LAST_RUN_BREAK = re.compile(r"(?s:.*)[^\s\w.'’-]")
_BACK_STEP = 256


def _last_run_break(text: str, end: int) -> int:
    """Where the last character no run holds (``_RUN_BREAK``) stands before ``end``, or -1."""
    hi = end
    while hi > 0:
        lo = max(0, hi - _BACK_STEP)
        m = _LAST_RUN_BREAK.match(text, lo, hi)
        if m is not None:
            return m.end() - 1
        hi = lo
    return -1


def _one_full_name(a: str, b: str, text: str, known: ArticleNames | None = None) -> bool:
    """Does ``text`` write the words ``a`` and ``b`` in one run of capitalised words
    ("Ann Lee", "Ann B. Lee"), either first?"""
    # where each first stands: a word the text lacks is read for once, not once each way
    # round, and each search below resumes there rather than reading up to it again
    at_a = _first(text, a, known) if a != b else -1
    at_b = _first(text, b, known) if at_a >= 0 else -1
    if at_b < 0:
        return False
    for first, last, at in ((a, b, at_a), (b, a, at_b)):
        nxt = -1  # where ``last`` next stands: looked for again only once passed
        while at >= 0:
            pos = at + len(first)
            # the run ends where ``last`` stands, with only spaces and a word's characters
            # before it: past the last ``last``, or with a mark between, no run reaches it
            # (a name said often in a long article is not read on from each mention)
            if nxt < pos:
                nxt = text.find(last, pos)
                if nxt < 0:
                    break
            if (at == 0 or not _is_word_char(text[at - 1])) \
                    and _RUN_BREAK.search(text, pos, min(nxt, pos + _RUN_REACH)) is None \
                    and _name_runs_on_to(text, pos, last):
                return True
            at = text.find(first, at + 1)
    return False


# A character no run of a name's words holds (see _name_runs_on_to), looked for this far
# on (further, the run itself is read: a text without one is not searched to its end)
_RUN_BREAK = re.compile(r"[^\s\w.'’-]")
_RUN_REACH = 200


def _name_runs_on_to(text: str, pos: int, last: str) -> bool:
    r"""Does ``text`` from ``pos`` run on to the word ``last`` through up to two
    capitalised words (a middle name or an initial): what the pattern
    ``(?:\s+[A-Z][\w.'’-]*){0,2}?\s+LAST\b`` matches at ``pos``, read step by step
    rather than compiled for each name (a compile costs more than a whole comparison;
    a property test holds the two equal). A run of spaces or of a word's characters can
    only be read whole before what follows it, so no step has another way to match."""
    if last[:1].isspace():  # a space in ``last`` could take some of the run before it
        return re.match(rf"(?:\s+[A-Z][\w.'’-]*){{0,2}}?\s+{re.escape(last)}\b", text[pos:]) is not None
    for words in range(3):
        spaces = _SPACES.match(text, pos)
        if spaces is None:
            return False
        pos = spaces.end()
        if text.startswith(last, pos) and _word_boundary(text, pos + len(last)):
            return True
        word = _CAPITAL_WORD.match(text, pos) if words < 2 else None
        if word is None:
            return False
        pos = word.end()
    return False


_SPACES = re.compile(r"\s+")
_CAPITAL_WORD = re.compile(r"[A-Z][\w.'’-]*")


def _word_boundary(text: str, at: int) -> bool:
    r"""Is there a word boundary (``\b``) at ``at``: a word character on one side only?"""
    return (at > 0 and _is_word_char(text[at - 1])) != (at < len(text) and _is_word_char(text[at]))
