"""The words of a headline, for telling a restyle from a change of claim.

A headline is one flag (``flags._headline_flag``); these helpers say whether
its words changed at all (only reordered), whether only its small words
changed or words were only trimmed (``restyled``), and whether one demonym was
only written another way. Split from flags.py, with the outputs unchanged.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from versioner.attribution import ATTRIBUTION
from versioner.namechanges import demonym_restyled
from versioner.reading import is_negation

if TYPE_CHECKING:
    from versioner.figures import Figure

# Bump when an edit here changes what compare_pair returns for some pair (see flags.RULES_VERSION).
# 1: split from flags.py
RULES_VERSION = 4  # 2: articles and conjunctions of nl/de/fr/es are small words; a figure restyled with
# its hedge said in other words ("more than 18,000" -> "over 18k") is the same claim
# 3: grammar words (light verbs, relating prepositions, demonstratives, question words) carry no claim,
# a preposition swapped for its opposite or a light verb for its own other form does, no hedge before a rank
# 4: every hedge of a figure read by the bound it states, from figureedges' one vocabulary
# ("upwards of" = "more than", "nearly" = "almost", "ruim" = "meer dan")


_HEADLINE_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_POSSESSIVE = ("'s", "’s")


def same_words(old: str, new: str) -> bool:
    """The same words, each as often, in another order (case and a possessive aside)."""
    a, b = _words(old), _words(new)
    return len(a) == len(b) and a != b and sorted(a) == sorted(b)


def demonyms_restyled(old: str, new: str) -> bool:
    """Is each word the headline changed one demonym written in another style
    ("Argentinian" -> "Argentine"): the same people, the claim unchanged?"""
    words_old, words_new = _words(old), _words(new)
    if len(words_old) != len(words_new):
        return False  # as many words gone as came, or no restyle: a word put in or cut is not one
    a, b = Counter(words_old), Counter(words_new)
    gone, came = list((a - b).elements()), list((b - a).elements())
    return bool(gone) and len(gone) == len(came) \
        and all(any(demonym_restyled(g, c) for c in came) for g in gone) \
        and all(any(demonym_restyled(g, c) for g in gone) for c in came)


def _headline_words(text: str) -> list[str]:
    """The words of ``text``, lower case, a possessive "'s" dropped: ``[re.sub(r"['’]s$",
    "", w.lower()) for w in _HEADLINE_WORD.findall(text)]`` without a regex per word (a
    word holds no line break, so the one "'s" that pattern finds ends it; a property
    test holds the two equal)."""
    return [w[:-2] if w.endswith(_POSSESSIVE) else w for w in map(str.lower, _HEADLINE_WORD.findall(text))]


@functools.lru_cache(maxsize=16)
def _words(text: str) -> tuple[str, ...]:
    """_headline_words, read once per headline: the flag asks for the same two headlines'
    words up to four times (same_words, demonyms_restyled, restyled)."""
    return tuple(_headline_words(text))


# A headline's small words: those of one or two letters in any language ("at", "in", "de",
# "en"), the few longer English articles and conjunctions, and the longer articles and
# conjunctions of the other languages the notice reader knows (Dutch, German, French,
# Spanish: "een", "eine", "une", "una", "und"), which no more carry a claim than "the";
# words that are also English words or name parts ("die", "den", "los", "las") are left
# out. Any other word, however short ("war" for "row"), carries the claim
_SMALL_WORD = 2
_SMALL_WORDS = frozenset("the and but nor for its via".split()) | frozenset("""een het maar
der das ein eine einen einem einer eines und oder aber une des aux mais una uno unos unas del pero""".split())

# A headline's grammar words: they tie its claim together but state none of it, so one
# swapped for another ("under a warning" -> "sees a warning", "gets 18k complaints
# over" -> "receives 18k complaints after") says the same thing. Verbs that take their
# meaning from their object ("get", "see", "receive", "take", "make", "give", "use":
# light verbs, in en/nl/de/fr), prepositions that only relate one thing to another,
# demonstratives and the words that open a question or a relative clause. Left out on
# purpose, as they carry the claim: forms of "be" and "have" (tense: "is closed" ->
# "was closed"), modals ("may"), pronouns (a swapped "he" -> "she" is another actor),
# prepositions of place or polarity ("near", "without", "against", "before", "despite"),
# and any word standing before a figure (a hedge: "over 18,000")
_GRAMMAR_WORDS = frozenset("""get gets getting see sees seeing receive receives receiving take takes
taking make makes making give gives giving use uses used using
krijgt krijgen ziet zien maakt maken geeft geven neemt nemen gaat gaan
bekommt bekommen erhält erhalten sieht sehen macht machen gibt geben nimmt nehmen
reçoit obtient voit fait donne prend
about over after amid amidst among under into onto upon from with following during
toward towards
bij naar voor met van door uit tijdens
bei nach mit von aus durch über für während wegen
pour avec dans après sur sous chez vers par
this that these those who whom whose which what why how""".split())
# prepositions that say the opposite of each other: one swapped for the other changes the claim
_OPPOSITES = (frozenset({"from", "to"}), frozenset({"from", "into"}), frozenset({"over", "under"}),
              frozenset({"van", "naar"}), frozenset({"uit", "naar"}), frozenset({"uit", "in"}),
              frozenset({"voor", "na"}), frozenset({"von", "nach"}), frozenset({"aus", "nach"}),
              frozenset({"aus", "in"}))


def restyled(old: str, new: str, figures: tuple[list[Figure] | None, list[Figure] | None] | None = None) -> bool:
    """Only restyled: the same content (_same_content) or only trimmed (_trimmed), each
    figure and hedge read as what it states (_as_stated); each side's content words read
    once for both. ``figures``: each side's figures, when the caller read them."""
    old_figures, new_figures = figures if figures is not None else (None, None)
    old, new = _as_stated(old, old_figures), _as_stated(new, new_figures)
    if _content_word_came(old, new):
        return False
    a, b = _content_words(old), _content_words(new)
    return (_same_content(a, b) or _trimmed(old, new, a, b)) and not _grammar_turned(old, new)


def _content_word_came(old: str, new: str) -> bool:
    """Did ``new`` gain a word that carries a claim wherever it stands (three letters or
    more, no small or grammar word): then it holds that content word more often than
    ``old`` holds the word at all, so the content is neither the same nor only trimmed,
    and restyled is False without reading either side's content words. ASCII only: a
    letter that lower-cases to two (a dotted capital I) would make a short word look long
    (a property test holds restyled to its plain reading)."""
    was, now = _words(old), _words(new)
    return any(len(w) > _SMALL_WORD and w.isascii() and w not in _SMALL_WORDS and w not in _GRAMMAR_WORDS
               and now.count(w) > was.count(w) for w in now)


def _grammar_turned(old: str, new: str) -> bool:
    """Did a grammar word change the claim after all: a preposition given way to its
    opposite ("flights from Ostra" -> "flights to Ostra"), or a light verb to another
    form of itself, which moves it in time ("to get" -> "gets": planned, now done)?"""
    a, b = Counter(_words(old)), Counter(_words(new))
    gone, came = set(a - b), set(b - a)
    if any(pair & gone and pair & came for pair in _OPPOSITES):
        return True
    verbs = came & _GRAMMAR_WORDS
    return any(g[:_STEM] == c[:_STEM] for g in gone & _GRAMMAR_WORDS for c in verbs)


_STEM = 3  # "get", "gets", "getting": the letters two forms of one verb share


def _as_stated(text: str, figures: list[Figure] | None = None) -> str:
    """``text`` with each figure written as the quantity it states ("18,000" and "18k"
    both ``18000``, a currency or unit kept with it) and each hedge of a figure in one
    wording: a figure restyled and "more than" written "over" state the same claim."""
    if not any(map(str.isdigit, text)):
        return text
    from versioner.figureedges import same_hedge_wording
    from versioner.figures import extract_figures

    hedged = same_hedge_wording(text) if _may_hold_hedge(text) else text
    if figures is None or hedged != text:
        figures, text = extract_figures(hedged), hedged
    out, at = [], 0
    for f in figures:
        out += [text[at:f.start], _stated_token(f)]
        at = f.end
    return "".join(out) + text[at:]


@functools.cache
def _hedge_last_word() -> re.Pattern[str]:
    """The last word of each hedge phrase, matched as the hedge pattern matches it (any case)."""
    from versioner.figureedges import HEDGE_PHRASES

    return re.compile("|".join(sorted({re.escape(re.findall(r"\w+", p)[-1]) for p in HEDGE_PHRASES})), re.I)


def _may_hold_hedge(text: str) -> bool:
    """False only when same_hedge_wording leaves ``text`` as it is: no word before a number
    is the last word of a hedge. Its pattern tries every hedge at every word, ~10 us for
    a headline; the words before a number are few. Every hedge same_hedge_wording rewrites
    ends with the word right before a number, the last word of its phrase ("than" of "more
    than"): each number is found first and the word before it read backwards, as the
    pattern ``\b\\w+(?=\\s+\\D?\\d)`` reads it: spaces (one sign or letter may stand after
    them), and the word's letters before (a property test holds the two equal)."""
    last = _hedge_last_word()
    for m in _DIGITS.finditer(text):
        j = m.start() - 1  # a digit run is whole: no digit stands before it
        if j >= 0 and not text[j].isspace():
            j -= 1  # the one sign or letter (\D?) before the number
        gap = j
        while j >= 0 and text[j].isspace():
            j -= 1
        if j == gap:
            continue  # no space before the number (or its sign)
        end = i = j + 1
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):  # \w, as the pattern reads it
            i -= 1
        if i < end and last.fullmatch(text, i, end):
            return True
    return False


_DIGITS = re.compile(r"\d+")


def _stated_token(f: Figure) -> str:
    # one word of digits and letters: read as a number by _content_words, never split;
    # an ordinal ends in "th", a rank no hedge bounds (see _hedgeable)
    if f.kind == "ordinal":
        return f"{f.value:g}th"
    parts = [f"{v:g}" for v in (f.value, f.high) if v is not None]
    return "_".join([*parts, f.unit or ""]).rstrip("_").replace(".", "p").replace("+", "")


def _same_content(a: list[str], b: list[str]) -> bool:
    """The same words that carry the claim (``a``, ``b``: _content_words of the old and
    the new), each as often, in any order: only small words put in, taken out or swapped
    ("in Ostra port" -> "at the port in Ostra"). However short, a negation, a number, an
    abbreviated name ("UK") and the word before a number ("to 10") carry it."""
    return bool(a) and a == b


def _trimmed(old: str, new: str, old_content: list[str], new_content: list[str]) -> bool:
    """Were words only cut from the headline, none put in but small words, and none of
    those cut a hedge, a number or the word before one, an attribution or a name after
    its first word ("Returned striker picks ..." -> "Striker picks ...")? What it still
    says, it said before; a cut that narrows the claim ("indefinitely", an age, "police
    say", "up to 12") stays a change."""
    if not _within(new_content, old_content):
        return False
    words = _HEADLINE_WORD.findall(old)
    cut = Counter(w.lower() for w in words) - Counter(w.lower() for w in _HEADLINE_WORD.findall(new))
    if not cut:
        return False
    named = {w.lower() for w in words[1:] if w[:1].isupper()}
    before_number = {w.lower() for w, nxt in zip(words, words[1:]) if _hedgeable(nxt)}
    return not any(w in _HEDGES or w in ATTRIBUTION or w in named or w in before_number or is_negation(w)
                   or _has_digit(w) for w in cut)


def _within(a: list[str], b: list[str]) -> bool:
    """Does sorted ``b`` hold each word of sorted ``a`` as often: ``not Counter(a) - Counter(b)``
    in one walk, without building two Counters (a property test holds the two equal)."""
    j = 0
    for w in a:
        while j < len(b) and b[j] < w:
            j += 1
        if j == len(b) or b[j] != w:
            return False
        j += 1
    return True


# Words that qualify how far a claim goes: cut from a headline, they change what it claims
_HEDGES = frozenset("""almost nearly about around roughly some allegedly reportedly suspected possibly
probably likely indefinitely only every none never""".split())


def _content_words(text: str) -> list[str]:
    """The words of ``text`` that carry its claim (see _same_content), lower case, a
    possessive "'s" dropped, sorted. Each word's digits are looked for once (the word
    after a word asks about them too), and the "'s" cut as _headline_words cuts it: a
    property test holds this to the plain per-word reading."""
    words = _HEADLINE_WORD.findall(text)
    digits = [_has_digit(w) for w in words] + [False]
    hedged = [d and _hedgeable(w) for d, w in zip(digits, words)] + [False]
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if len(w) > _SMALL_WORD and low not in _SMALL_WORDS and low not in _GRAMMAR_WORDS \
                or digits[i] or hedged[i + 1] \
                or (len(w) > 1 and w.isupper()) or is_negation(w):
            out.append(low[:-2] if low.endswith(_POSSESSIVE) else low)
    return sorted(out)


def _hedgeable(word: str) -> bool:
    """A quantity a word before it may bound ("over 18000", "to 10"), not a rank
    ("under 1th" is "under first": the word before a rank is no hedge)."""
    return _has_digit(word) and not (word.endswith("th") and word[:-2].replace("p", "").isdigit())


def _has_digit(word: str) -> bool:
    # a letter is never a digit: most words are letters only, one call says so
    return not word.isalpha() and any(c.isdigit() for c in word)
