"""Ordinary English words and the words that open names, for the reading of a paragraph.

A capitalised word is a name when it stands inside a sentence; one that opens a sentence
or a headline ("Strong winds ...", "Officials said ...") is a name only when the article
uses it as one elsewhere or it is not an ordinary word. The ordinary words are the
40,000 most frequent English words (versioner/data/README.md says where they come from),
read once, the first time a rule asks.
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1

# Titles and honorifics written before a name: they belong to the name ("Sen. Ann Lee"),
# with or without their full stop.
TITLES = frozenset("""
mr mrs ms miss dr prof sir dame lord lady rev fr sgt cpl lt col gen maj capt adm
sen rep gov pres president senator representative governor mayor judge justice
minister chancellor king queen prince princess pope bishop cardinal rabbi imam
chief inspector detective officer sheriff commissioner secretary ambassador
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
