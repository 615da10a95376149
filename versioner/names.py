"""Ordinary English words and the words that open names, for the reading of a paragraph.

A capitalised word is a name when it stands inside a sentence; one that opens a sentence
or a headline ("Strong winds ...", "Officials said ...") is a name only when the article
uses it as one elsewhere or it is not an ordinary word. The ordinary words are the
40,000 most frequent English words (versioner/data/README.md says where they come from),
read once, the first time a rule asks. A name that modifies a common noun ("an Olympic
medal", "his Ostra hometown") names a kind of thing, not who or where (``attributive``).
"""

from __future__ import annotations

import functools
import gzip
import re
from importlib import resources

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 4 (q1flags): the titles "Lt.", "Sgt.", "Dr." ... stand for, spelt out, are titles too
RULES_VERSION = 4  # 3: a demonym used as a noun is no name; a scope of place ("around the world")
# 2: words describing people by race or ethnicity are no names

# Titles and honorifics written before a name: they belong to the name ("Sen. Ann Lee"),
# with or without their full stop.
TITLES = frozenset("""
mr mrs ms miss dr prof sir dame lord lady rev fr sgt cpl lt col gen maj capt adm
sen rep gov pres president senator representative governor mayor judge justice
minister chancellor king queen prince princess pope bishop cardinal rabbi imam
chief inspector detective officer sheriff commissioner secretary ambassador
lieutenant sergeant corporal colonel admiral captain doctor professor reverend
""".split())

# Words written with a capital that never start a name on their own: function words, and
# the pronouns and determiners that open sentences.
FUNCTION_WORDS = frozenset("""
the a an he she it they we i you but and or in on at this that these those his her their
its our my your there here after before as for of to with by from when while if so yet
then also however meanwhile still now some many most all both each every no not one
what who why how where which whose
""".split())

# Small words that sit inside a multi-word name ("Department of Homeland Security",
# "Ludwig van Beethoven", "Omar al-Bashir").
NAME_JOINERS = frozenset("of de du da del della di van von der den la le al bin ibn y".split())


@functools.cache
def common_words() -> frozenset[str]:
    """The ordinary English words, lower case."""
    data = resources.files("versioner").joinpath("data/words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("ascii").split())


def is_ordinary(word: str) -> bool:
    """Is ``word`` (any case, possessive dropped) an ordinary English word?"""
    return plain(word).lower() in common_words()


# the last letter of each possessive ending plain() drops
_POSSESSIVE_LAST = frozenset("s'’")


def plain(word: str) -> str:
    """``word`` without a possessive ending ("Lee's", "Lee’s", "Jones'")."""
    if word[-1:] not in _POSSESSIVE_LAST:
        return word  # most words: one look at the last letter
    for end in ("'s", "’s", "'", "’"):
        if word.endswith(end) and len(word) > len(end):
            return word[: -len(end)]
    return word


def is_title(word: str) -> bool:
    return word.rstrip(".").lower() in TITLES


# Marks that stand for the letters a word written short leaves out ("S'poreans", "Govt.")
_MARKS = "'’."
# a word with the marks inside it (not a full stop after it)
_WORD_WITH_MARKS = re.compile(r"\w[\w'’.]*\w|\w")


def contracted(short: str, full: str) -> bool:
    """Is ``short`` ``full`` with letters left out and the gap marked ("S'poreans",
    "Govt."): its letters in order in ``full``, the same first and last letter? A
    possessive's apostrophe ("officers'") marks no gap."""
    if short.endswith(("'", "’", "'s", "’s")) or not _marked(short) or _marked(full):
        return False
    bare = "".join(c for c in short if c not in _MARKS)
    if len(bare) < 2 or len(bare) >= len(full) or bare[0] != full[0] or bare[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(c in rest for c in bare)


def contracted_in(name: str, text: str) -> bool:
    """Does ``text`` write the one word ``name`` another way, contracted with a mark or
    spelt out ("S'poreans" and "Singaporeans", "Govt." and "Government")? The same name
    written short: no name taken out or put in."""
    if " " in name.strip():
        return False
    first = name[:1].lower()
    if not _marked(name):
        # a name without marks is no word written short: it may only spell out a word of
        # ``text`` written with a mark inside, found at once rather than every word read
        return any(contracted(w, name) for w in _marked_words(text) if w[:1].lower() == first)
    # ... and a name with a mark spells out no word: it may be one written short
    return any(contracted(name, w) for w in _WORD_WITH_MARKS.findall(text)
               if not _marked(w) and w[:1].lower() == first)


def _marked(word: str) -> bool:
    """Does ``word`` hold a mark (``_MARKS``)?"""
    return "'" in word or "’" in word or "." in word


def _marked_words(text: str) -> list[str]:
    """The words of ``text`` (``_WORD_WITH_MARKS``) with a mark inside, but for a
    possessive's: the only words a name without marks can spell out. Each word is a run
    of word characters and marks, those at its ends left out; the runs are found from
    the marks in the text (few: a full stop ends most), not by reading every word."""
    words: dict[str, None] = {}
    for mark in _MARKS:
        at = text.find(mark)
        while at >= 0:
            after = at + 1
            while after < len(text) and text[after] in _MARKS:
                after += 1
            if not (at and _word_char(text[at - 1]) and after < len(text) and _word_char(text[after])):
                at = text.find(mark, after)  # a full stop after a word, a quotation mark
                continue
            lo, hi = at - 1, after
            while lo and _in_run(text[lo - 1]):
                lo -= 1
            while hi < len(text) and _in_run(text[hi]):
                hi += 1
            words[text[lo:hi].strip(_MARKS)] = None
            at = text.find(mark, hi)
    return [w for w in words if not w.endswith(("'", "’", "'s", "’s"))]


def _in_run(c: str) -> bool:
    return c in _MARKS or _word_char(c)


# What stands before a name used as a modifier inside a noun phrase: a determiner or a
# possessive ("the", "his"), or a preposition where a headline drops the article ("on
# Olympic medal"), with at most an ordinal between ("the sixth ...")
_DETERMINERS = frozenset("the a an his her its their our my your this these those".split())
_BEFORE_MODIFIER = _DETERMINERS | frozenset("in of on at for from with to over by about".split())
_ORDINAL = re.compile(r"(?:\d+(?:st|nd|rd|th)|first|second|third|\w+th)$")
# Verbs that follow a body's name ("the Pentagon said", "after Lee took office"):
# auxiliaries and the common irregular pasts (a regular past ends in "-ed", a present in
# "-s"), and words of time and manner ("by Ann Lee last year")
_VERBS_AFTER = frozenset("""
is was are were be been has have had will would can could may might must shall should do does did
said told took made gave went came got found sent left ran won lost held kept began wrote saw knew
thought brought bought paid put set let cut hit quit shut struck stood fell flew grew drew threw
broke spoke chose rose led met felt became
today tonight tomorrow yesterday last next early late earlier later ago again alone too instead
""".split())
# the word after a name, a number between at most ("the Formula 1 record")
_AFTER_NAME = re.compile(r"\s+(?:\d[\d.,]*\s+)?([a-z]+)\b")


def attributive(name: str, text: str) -> bool:
    """Does ``name`` stand in ``text`` only as a modifier of a common noun: after a
    determiner or a preposition (an ordinal between at most), before a lower-case
    ordinary word that is neither a small word nor a verb? A plural name ("the Tories
    want") heads its phrase, so it is never one. (English copy: the caller asks.)"""
    bare = plain(name)
    if bare.endswith("s"):
        return False
    at, seen = text.find(bare), False
    while at >= 0:
        end = at + len(bare)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            if not _modifier_at(text, at, end):
                return False
            seen = True
        at = text.find(bare, at + 1)
    return seen


def _modifier_at(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start]
    after = _AFTER_NAME.match(text, end)
    if after is None or not before[-1:].isspace():
        return False
    words = before.split()[-2:]  # no punctuation between: a word and the name
    if words and _ORDINAL.match(words[-1]):
        words = words[:-1]
    if not words or words[-1].lower() not in _BEFORE_MODIFIER:
        return False
    # a name of several words after a preposition is whom or where ("by Ann Lee"); as a
    # modifier it takes a determiner ("his New Ostra office")
    if " " in text[start:end].strip() and words[-1].lower() not in _DETERMINERS:
        return False
    noun = after.group(1)
    return noun not in FUNCTION_WORDS and noun not in _VERBS_AFTER and is_ordinary(noun) \
        and not noun.endswith(("ed", "s"))


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


# Words for people's race or ethnicity that style guides capitalise ("Black voters", "an
# Indigenous leader"): they describe people, they name no person, place or body
_PEOPLE_WORDS = frozenset("black white brown indigenous hispanic latino latina latinx".split())
# ... and the first word of "African American", "Korean American": a people's name with
# "American" after it describes Americans by their descent
_DESCENT = re.compile(r"(?:\w+(?:an|ese|ish)|native|arab|latin)$", re.IGNORECASE)
_AMERICAN = frozenset(("american", "americans"))


def descriptor_words(words: list[str], before: str, after: str) -> int:
    """How many of a name's leading ``words`` only describe people by race or ethnicity
    and modify what follows ("the sixth Black woman", "of African American WWII
    soldiers"): 0 when they are part of a longer name ("the White House", "Black Lives
    Matter") or a name on their own (a surname: "Brown said"). ``before`` and ``after``
    are the text just before the first word and just after the last."""
    if not words:
        return 0
    first = words[0].lower()
    if first in _PEOPLE_WORDS:
        n = 1
    else:
        n = 2 if len(words) > 1 and words[1].lower() in _AMERICAN and _DESCENT.match(first) else 0
    # a modifier inside a sentence: a lower-case word before it ...
    prev = before.rstrip().split()[-1:] if before[-1:].isspace() else []
    if not n or not prev or not prev[0].isalpha() or not prev[0].islower():
        return 0
    if n < len(words):
        # ... and an acronym after it in the run ("Black NFL players"); an ordinary word
        # there makes one name of them ("the White House")
        nxt = words[n]
        return n if nxt.isupper() and 2 <= len(nxt.rstrip(".")) <= 5 else 0
    # ... or a common noun after it, not a verb ("Brown wrote", "White told reporters")
    m = _AFTER_NAME.match(after)
    noun = m.group(1) if m else ""
    return n if noun and noun not in FUNCTION_WORDS and noun not in _VERBS_AFTER and is_ordinary(noun) \
        and not noun.endswith("ed") else 0


# A demonym names a people, not a person, place or body. Used as a noun ("Canadians",
# "a Kenyan", "the Dutchman", "the Irish") it describes who someone is, as "a cyclist"
# would: put in or taken out it changes no name. Read by its ending and the word before
# it: a plural ending alone ("Canadians should ..."); "a"/"an" before a singular one ("a
# Canadian won"); "the" before one that names a whole people ("the Irish", "the
# Japanese") or a man or woman of it ("the Dutchman"). "the Guardian", "Morgan said",
# "the Morgans" end otherwise or have no such word before them.
_DEMONYM_PLURAL = re.compile(r"[A-Z][a-z]{2,}(?:ians|eans|cans|yans|mans|[a-z]men|[a-z]women)$")
_DEMONYM_ONE = re.compile(r"[A-Z][a-z]{2,}(?:ian|ean|can|yan|ese|[a-z]man|[a-z]woman)$")
_DEMONYM_PEOPLE = re.compile(r"[A-Z][a-z]{2,}(?:ese|ish|[a-z]man|[a-z]woman|[a-z]men|[a-z]women)$")
# any of the three above (asked first: most names end as none of them)
_DEMONYM_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in (_DEMONYM_PLURAL, _DEMONYM_ONE, _DEMONYM_PEOPLE)))
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def demonym_noun(name: str, text: str) -> bool:
    """Is ``name``, where ``text`` first writes it, a demonym used as a noun?"""
    if " " in name:
        return False  # "Canadian Press", "the Kenyan Embassy": a longer name
    if _DEMONYM_ANY.match(name) is None:
        return False  # no demonym's ending: whatever stands before it (most names)
    at = text.find(name)
    if at < 0 or (at + len(name) < len(text) and _word_char(text[at + len(name)])):
        return False
    m = _WORD_BEFORE.search(text[max(0, at - 20):at])
    before = m.group(1).lower() if m and not text[:at].rstrip().endswith((".", ":", ";")) else ""
    if _DEMONYM_PLURAL.match(name):
        return True
    if before in ("a", "an"):
        return _DEMONYM_ONE.match(name) is not None
    return before == "the" and _DEMONYM_PEOPLE.match(name) is not None


# Words that say where in wider terms than a place's name: a scope ("across the world",
# "in the region", "nationwide"), in English, Dutch and German
_SCOPE_NOUNS = frozenset("""world globe planet country countries nation nations region regions
continent continents wereld land landen regio welt länder""".split())
_SCOPE_ADVERBS = frozenset("""worldwide nationwide globally abroad overseas elsewhere internationally
wereldwijd landelijk elders weltweit bundesweit""".split())
_SCOPE_LEAD = frozenset("""across around throughout over in to from all the this our other many several
much of rest de het der die dem den in naar over heel ganz""".split())


def wider_scope(words: list[str]) -> bool:
    """Are ``words`` only a scope of place: a scope noun led by prepositions and
    determiners ("around the world", "across the region"), or one scope adverb?"""
    low = [w.lower().strip(".,;:") for w in words]
    if len(low) == 1 and low[0] in _SCOPE_ADVERBS:
        return True
    return 1 < len(low) <= 6 and low[-1] in _SCOPE_NOUNS and all(w in _SCOPE_LEAD for w in low[:-1])
