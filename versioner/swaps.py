"""Published facts put right in a word or two of common words: someone's title or a
direction replaced in place. No name or number changes, so the rules that look for
those miss them; an editor still reads the old words as a fact the story had wrong
("the chief executive" -> "the finance director", "moving north" -> "moving south",
"turnout rose" -> "turnout fell"). No update notice tells of them: news adds, it does
not re-title a person or turn a direction round (the real copy's label policy lists
title and direction among the silent corrections a generic update does not cover).
"""

from __future__ import annotations

import re

from versioner.flags import Flag
from versioner.model import FlagType
from versioner.names import TITLES

# words that describe someone's standing without naming an office ("Venezuela's leader" for its
# president, "the head of the agency"): put for a title they restyle it, they do not re-title
_GENERIC = frozenset(("leader", "leaders", "head", "boss"))
# nouns of office or job: someone's title (lower case; with the honorifics names.py knows)
ROLES = (frozenset("""
minister secretary director executive officer manager coach captain president chairman chairwoman chair
governor mayor judge justice prosecutor lawyer attorney barrister solicitor spokesman spokeswoman
spokesperson commissioner inspector superintendent sheriff ambassador editor founder treasurer
senator representative councillor councilor adviser advisor commander general admiral colonel chancellor
meteorologist forecaster economist analyst striker goalkeeper defender midfielder referee umpire
principal dean professor surgeon doctor nurse pilot conductor driver
""".split()) | {t for t in TITLES if len(t) > 3}) - _GENERIC
# a title is a few words: a longer span is a clause rewritten around one
_ROLE_WORDS = 5

# compass points, spelt out or as "north-east", "northern", "southbound", "westward"
_COMPASS = re.compile(r"\b(north|south)(?:[\s-]?(east|west))?(?:ern|erly|ward|wards|bound)?\b|"
                      r"\b(east|west)(?:ern|erly|ward|wards|bound)?\b", re.I)
# a trend's direction
_UP = frozenset("rose rise rises rising risen increased increases increasing gained gains climbed climbs "
                "jumped jumps grew grown grows higher soared surged".split())
_DOWN = frozenset("fell fall falls falling fallen decreased decreases decreasing dropped drops declined "
                  "declines slipped slips shrank shrunk shrinks lower slumped plunged sank".split())
# a direction swapped is one or two words; a longer span rewrote the sentence
_DIRECTION_WORDS = 4


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


def title_swapped(flag: Flag) -> bool:
    """Was one title put for another in place ("chief executive" -> "chief financial
    officer", "Director of public health" -> "Health minister")? Both sides are a few
    words, each names an office, and not the same one."""
    if flag.type != FlagType.WORDING:
        return False
    old, new = _words(flag.old), _words(flag.new)
    if not old or not new or len(old) > _ROLE_WORDS or len(new) > _ROLE_WORDS:
        return False
    had, has = ROLES.intersection(old), ROLES.intersection(new)
    return bool(had) and bool(has) and had != has


def direction_swapped(flag: Flag) -> bool:
    """Was a direction turned in place: one compass point for another ("north" ->
    "south", "eastbound" -> "westbound"), or a rise for a fall ("turnout rose" ->
    "turnout fell")? A figure moving with it is judged as a figure is."""
    if flag.type != FlagType.WORDING or re.search(r"\d", flag.old + flag.new):
        return False
    old, new = _words(flag.old), _words(flag.new)
    if not old or not new or len(old) > _DIRECTION_WORDS or len(new) > _DIRECTION_WORDS:
        return False
    had, has = _points(flag.old), _points(flag.new)
    if had and has and not had & has:
        return True
    return _trend(old) is not None and _trend(new) is not None and _trend(old) != _trend(new)


def _points(text: str) -> set[str]:
    out = set()
    for m in _COMPASS.finditer(text):
        main, side, alone = m.group(1), m.group(2), m.group(3)
        out.add(f"{main}-{side}".lower() if side else (main or alone).lower())
    return out


def _trend(words: list[str]) -> str | None:
    up, down = any(w in _UP for w in words), any(w in _DOWN for w in words)
    return "up" if up and not down else "down" if down and not up else None
