"""The names of a whole article: which capitalised words of the two revisions read as
names (``ArticleNames``), and whether a name is mentioned in a text as whole words,
each search remembered for the article's own texts, or by another of its names (a
capital for its country, initials for a body). Part of the name rules
(``namechanges.py``), which ask these questions of every name an edit touches."""

from __future__ import annotations

import functools
import re

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
                    at = self._first[key] = text.find(word)
                return at
        return text.find(word)


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
