"""Which names an edit changed: the names a reader sees on each side of a hunk, and
whether each really left the article or came into it (issue 16).

A name still standing on the other side, the same person named another way ("Ann
Lee" -> "Lee", "Mr Lee" -> "Lee", "Ann" -> "Lee" where the article writes "Ann Lee"),
an organisation and its initials, or a name glued to the next word by a page's
markup, is not a changed name.
"""

from __future__ import annotations

import functools
import re

from versioner.names import FUNCTION_WORDS, is_ordinary, is_title, plain
from versioner.reading import Reading

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 2  # 2: names glued by markup, a capital for its country, party nicknames (issue 16)

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


def hunk_names(reading: Reading, start: int, end: int, known: ArticleNames | None) -> list[str]:
    """The names a reader sees touching [start, end) of the reading's text, each whole
    ("Sen. Ann Lee", "Acme Steel", "U.S.")."""
    out = []
    for n, toks in reading.names_in(start, end):
        k = 0
        # a word opening a sentence or a headline is a name only when it is no ordinary
        # word, or the article writes it as a name inside a sentence too; in copy that is
        # not English no word list says what is ordinary: there a capital opening a
        # sentence makes no name unless the article writes the word as one elsewhere
        # (asked last: reading the paragraph's words costs more than the rest together)
        while k < len(toks) and toks[k][1] and not is_title(toks[k][0].text) \
                and (is_ordinary(toks[k][0].text) or not _reads_english(reading.text)) \
                and not (known is not None and plain(toks[k][0].text) in known):
            k += 1
        if k < len(toks):
            out.append(reading.text[toks[k][0].start:n.end])
    return out


def changed_names(old: list[str], new: list[str], rd_old: Reading, rd_new: Reading,
                   known: ArticleNames | None) -> tuple[list[str], list[str]]:
    """The names of a hunk that really changed: a name on both sides, or still standing
    elsewhere in the other side's paragraph, is not changed; a name only removed (or only
    added) must also be gone from (or new to) the whole other revision."""
    gone = [n for n in dict.fromkeys(old) if not mentions(rd_new.text, n)]
    came = [n for n in dict.fromkeys(new) if not mentions(rd_old.text, n)]
    # a headline that now names someone names them, whatever the body said already
    if known is not None and not rd_new.headline:
        stay = ([n for n in gone if not known.mentioned(n, side=1)], [n for n in came if not known.mentioned(n, side=0)])
        # one name put in place of another keeps both, unless every one of them stands on
        # both sides (names only reordered, or moved with the words around them)
        if not (gone and came) or stay == ([], []):
            gone, came = stay
    if gone and came and [_untitled(n) for n in gone] == [_untitled(n) for n in came]:
        return [], []  # only a title or honorific changed ("Sir Ann Lee" -> "Ann Lee"): wording
    texts = known.texts if known is not None else (rd_old.text, rd_new.text)
    if gone and came:
        # the same person or body named another way is style, not a changed name (each
        # two asked once: in a long article each asking reads it whole several times)
        same = functools.cache(lambda n, c: same_entity(n, c, texts))
        gone, came = ([n for n in gone if not any(same(n, c) for c in came)],
                      [c for c in came if not any(same(n, c) for n in gone)])
    # a name read off a page's markup that glued two words ("Tuesdayon", "TheHouse"):
    # the words are still there, only their spacing differs
    gone = [n for n in gone if not _glued(n, texts[-1])]
    came = [n for n in came if not _glued(n, texts[0])]
    if not (gone and came):
        # a capital named where the article named its country (or the other way round)
        gone = [n for n in gone if not _alias_stands(n, texts[-1])]
        came = [n for n in came if not _alias_stands(n, texts[0])]
    if not came:
        gone = [n for n in gone if not _still_named(n, rd_new.text, texts[-1])]
    if not gone and not rd_new.headline:
        came = [n for n in came if not _still_named(n, rd_old.text, texts[0])]
    return gone, came


def _still_named(name: str, paragraph: str, article: str) -> bool:
    """Is the one ``name`` names still named on the other side: its surname ("Ann Lee" ->
    "Lee", a full name shortened), or the name itself with a page's markup gluing it to the
    next word ("Lee said" -> "Leesaid")?"""
    words = _untitled(name).split()
    if len(words) > 1 and mentions(article, words[-1]):
        return True
    return len(compact(name)) >= 3 and compact(name) in _compacted(paragraph)


def _glued(name: str, other: str) -> bool:
    """Is the last word of ``name`` two words a page's markup glued together, a word the
    ``other`` revision writes apart: a name and a small word after it ("Tuesdayon"), or a
    capitalised small word and the name after it ("TheHouse")?"""
    word = plain(name.split()[-1]) if name.split() else ""
    apart: bool | None = None  # does ``other`` lack the word itself: read once, when first asked
    for k in range(len(word) - 1, 2, -1):
        head, tail = word[:k], word[k:]
        if tail.islower() and tail in FUNCTION_WORDS:
            if apart is None:
                apart = not _mentions_word(other, word)
            if apart and (_mentions_word(other, head) or head.lower() in _CALENDAR):
                return True
    m = re.fullmatch(r"([A-Z][a-z]+)([A-Z]\w{2,})", word)
    return bool(m and m.group(1).lower() in FUNCTION_WORDS and _mentions_word(other, m.group(2)))


# Days and months: capitalised, never the start of a longer name glued to a small word
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december""".split())


@functools.lru_cache(maxsize=8)
def _compacted(text: str) -> str:
    """compact(text), made once per paragraph however many names are looked up in it."""
    return compact(text)


def compact(s: str) -> str:
    """``s`` lower case with only its letters and digits (spaces and hyphens gone)."""
    return _NOT_ALNUM.sub("", s.lower())


_NOT_ALNUM = re.compile(r"[\W_]+")


# Endings that make a place's people or adjective ("California" -> "Californians")
_DEMONYM_FORMS = ("an", "i", "ese", "ish")
_DEMONYM_ENDS = ("s", "n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ish")


def same_entity(a: str, b: str, texts: tuple[str, ...] = ()) -> bool:
    """Are ``a`` and ``b`` one person, place or body named two ways: with and without a
    title, glued to a word by a page's markup, an organisation and its initials, a place
    and its people, or two parts of one full name that ``texts`` write whole?"""
    ua, ub = _untitled(a), _untitled(b)
    ca, cb = compact(ua), compact(ub)
    if not ca or not cb:
        return False
    if ca == cb or _initials(ua) == _lead_capitals(ub) or _initials(ub) == _lead_capitals(ua) or _aliases(ua, ub):
        return True
    short, long_ = sorted((ca, cb), key=len)
    if long_.startswith(short) and long_[len(short):] in _DEMONYM_ENDS:
        # a plain "s" makes people of a demonym ("Californian" -> "Californians"), but of a
        # surname another surname ("Varga" -> "Vargas", "William" -> "Williams")
        return long_[len(short):] != "s" or short.endswith(_DEMONYM_FORMS)
    # two single words (a first name for a surname): one full name written somewhere
    return " " not in ua and " " not in ub and any(_one_full_name(ua, ub, t) for t in texts)


# One body named two ways in news copy: a capital for its government (metonymy) and a
# party's nickname. Only these pairs: "Paris" for "Britain" is a changed name.
_ALIAS_PAIRS = tuple(tuple(w.replace("_", " ") for w in p.split("=")) for p in """
Tehran=Iran Moscow=Russia Kremlin=Russia Beijing=China Kyiv=Ukraine Kiev=Ukraine Washington=US
Washington=America Washington=U.S. London=Britain London=UK Paris=France Berlin=Germany Tokyo=Japan
Seoul=South_Korea Pyongyang=North_Korea Ankara=Turkey Riyadh=Saudi_Arabia Jerusalem=Israel
Damascus=Syria Baghdad=Iraq Kabul=Afghanistan Islamabad=Pakistan Delhi=India New_Delhi=India
Ottawa=Canada Canberra=Australia Wellington=New_Zealand Brussels=EU Caracas=Venezuela Havana=Cuba
Taipei=Taiwan Cairo=Egypt Rome=Italy Madrid=Spain Warsaw=Poland Minsk=Belarus Doha=Qatar
Tories=Conservatives Tory=Conservative Tories=Conservative_Party GOP=Republicans GOP=Republican_Party
Dems=Democrats Lib_Dems=Liberal_Democrats SNP=Scottish_National_Party
""".split())
_ALIASES = {frozenset(w.lower() for w in pair) for pair in _ALIAS_PAIRS}


def _aliases(a: str, b: str) -> bool:
    return frozenset((a.lower(), b.lower())) in _ALIASES


def _alias_stands(name: str, text: str) -> bool:
    """Does ``text`` name the same body by its other name ("Tehran" where it said "Iran")?"""
    key = _untitled(name).lower()
    return any(mentions(text, b if a.lower() == key else a) for a, b in _ALIAS_PAIRS if key in (a.lower(), b.lower()))


def _initials(name: str) -> str:
    """"Department of Homeland Security" -> "DHS" (a name of three or more words)."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else "\0"


def _lead_capitals(name: str) -> str:
    """The capitals an acronym opens with ("DHS", "FAAimplemented" -> "FAA")."""
    m = re.match(r"[A-Z]{2,}", name.replace(".", ""))
    return m.group() if m else "\1"


def _one_full_name(a: str, b: str, text: str) -> bool:
    """Does ``text`` write the words ``a`` and ``b`` in one run of capitalised words
    ("Ann Lee", "Ann B. Lee"), either first?"""
    if a == b or a not in text or b not in text:
        return False  # (a word the text lacks is read for once, not once each way round)
    for first, last in ((a, b), (b, a)):
        at = text.find(first)
        while at >= 0:
            if (at == 0 or not _is_word_char(text[at - 1])) and \
                    _full_name_tail(last).match(text, at + len(first)):
                return True
            at = text.find(first, at + 1)
    return False


@functools.lru_cache(maxsize=256)
def _full_name_tail(last: str) -> re.Pattern[str]:
    # up to two capitalised words (a middle name or an initial), then the last word
    return re.compile(rf"(?:\s+[A-Z][\w.'’-]*){{0,2}}?\s+{re.escape(last)}\b")


@functools.lru_cache(maxsize=64)
def _reads_english(text: str) -> bool:
    """Are most of the lower-case words of ``text`` (its first 2,000 characters) ordinary
    English words?"""
    words = [w for w in _WORD.findall(text[:2000]) if w.islower() and w.isalpha() and len(w) > 2]
    return not words or 2 * sum(map(is_ordinary, words)) >= len(words)


def _untitled(name: str) -> str:
    return " ".join(w for w in plain(name).split() if not is_title(w))


def names_make_edit(names_old: list[str], old_w: list[str], names_new: list[str], new_w: list[str]) -> bool:
    """Do the names make the change (a name dropped or put in: "another woman" -> "Ann
    Lee, his sister"), rather than ride in a sentence rewritten around them? A long clause
    put in place of another is a rewrite, whatever names it carries."""
    if old_w and new_w and max(len(old_w), len(new_w)) > _SHORT_EDIT:
        return False
    return bool(names_old and _names_carry(names_old, old_w)) or bool(names_new and _names_carry(names_new, new_w))


def _names_carry(names: list[str], words: list[str]) -> bool:
    named = sum(len(n.split()) for n in names)
    return len(words) <= _SHORT_EDIT or 3 * named >= len(words)


# words in an edit short enough that a name added or dropped in it is the point of the edit
_SHORT_EDIT = 12


def mentions(text: str, name: str) -> bool:
    """Does ``name`` (possessive dropped) stand in ``text`` as whole words? A name of
    several words is still there when each of its words is ("Virginia Walmart" ->
    "Walmart ... in Virginia": reordered, not changed)."""
    words = [w for w in plain(name).split() if not is_title(w)]
    if len(words) > 1:
        return all(_mentions_word(text, w) for w in words)
    # a title dropped leaves the name ("Ms Lee" -> "Lee")
    return _mentions_word(text, words[0] if words else name)


def _mentions_word(text: str, name: str) -> bool:
    bare = plain(name)
    at = text.find(bare)
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

    @property
    def texts(self) -> tuple[str, ...]:
        return self._texts

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        if word not in self._asked:
            self._asked[word] = any(_named_in(text, word, _body_start(text)) for text in self._texts)
        return self._asked[word]

    def mentioned(self, name: str, side: int) -> bool:
        """Does the older (``side`` 0) or newer (1) revision mention ``name`` anywhere?"""
        return side < len(self._texts) and mentions(self._texts[side], name)


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
