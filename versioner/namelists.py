"""Names put in a list of names (issue 16): "Reps. Ann Lee and Tom Berg called for a
vote" -> "Reps. Ann Lee, Tom Berg and Ida Marsh called for a vote" names one more
person who did what the sentence says; "in Ostra and Vell" -> "in Ostra, Vell and
Dorn" only widens where it happened. A list is read by the word that governs it: a
preposition of place, an article or an "including" makes its names a detail of the
sentence, anything else (a verb, a title, the sentence's start) makes them who acted.
"""

from __future__ import annotations

import re

from versioner.names import NAME_JOINERS, is_ordinary

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1

# Words that make the list after them places, bodies or examples: a detail of the
# sentence, not who acted in it
_DETAIL_GOVERNORS = frozenset(
    "in at on across near to into from throughout around outside inside toward towards between among via "
    "through over under within beyond along off of the including like as".split())
_LIST_JOINERS = frozenset(("and", "or", "&"))
# a token of the words before a name: a word, or a comma
_TOKEN = re.compile(r"\w+(?:['’.]\w+)*\.?|,")
_CLAUSE_BREAK = re.compile(r"[;:!?—–()\"“”]|\.\s")
_REACH = 200  # characters back a list is read for


def joins_named_list(text: str, start: int) -> bool:
    """Does the name at ``start`` of ``text`` join a list of names already there ("A and
    B" -> "A, B and C"), a list no word of place or example governs: one more person
    (or body) named as acting?"""
    window = text[max(0, start - _REACH):start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    # a list after a colon spells out what came before it ("eight women: A, B and C"),
    # like "including": the names are its detail
    enumerates = bool(breaks) and breaks[-1].group() == ":"
    tokens = _TOKEN.findall(clause)
    if not tokens or tokens[-1].lower() not in _LIST_JOINERS | {","}:
        return False  # not put in as a list's next item
    items = 0
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k]
        low = tok.lower().rstrip(".")
        # "of" inside an item ("Ann Lee of Ostra") is part of it; after a common noun
        # ("the towns of Ostra and Vell") it governs the list
        inside = low in NAME_JOINERS and k > 0 and tokens[k - 1][:1].isupper() \
            and not (k == 1 and is_ordinary(tokens[0]))  # "Residents of ...": the clause's opening capital
        if tok == "," or low in _LIST_JOINERS or inside:
            continue
        if not tok[:1].isupper():
            return items > 0 and low not in _DETAIL_GOVERNORS
        items += 1
    return items > 0 and not enumerates  # the list opens its sentence: its names are who acted
