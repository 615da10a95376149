"""A hunk's figures read from its words: a day or month put in place of another, a unit
written another way, the noun a figure before the edit counts. Split from hunkrules.py
(its version 9), whose ``classify`` asks these; outputs unchanged."""

from __future__ import annotations

from versioner.countednoun import same_thing_counted
from versioner.figurenouns import OCCASION_NOUNS
from versioner.figures import Figure, same_quantity
from versioner.figurespans import figures_touching, may_end_figure_within
from versioner.hunk import Hunk
from versioner.namechanges import mentions
from versioner.reading import CONTEXT, MONTHS, WEEKDAYS

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 1: split from hunkrules.py (its version 9), behaviour unchanged
# 2: "two rounds of talks" -> "two cycles of talks" counts the same talks: no figure changed
RULES_VERSION = 2


# Days named by where they stand from today: "later today" becoming "on Tuesday" as the
# story ages restates the day, it does not change it
_RELATIVE_DAYS = frozenset("yesterday today tomorrow tonight".split())


# Days, months (but "may", mostly a verb) and the relative days: the words of a date
DATE_WORDS = frozenset(WEEKDAYS) | (frozenset(MONTHS) - {"may"}) | _RELATIVE_DAYS


# Words besides its figures in an edit short enough that a figure put in or taken out is
# the point of the edit ("killed 17 people" -> "killed people"), not a clause rewritten
FIGURE_EDIT = 4


def _date_change(h: Hunk, old_w: list[str], new_w: list[str]) -> str | None:
    """A day or month put in place of another ("Monday" -> "Tuesday"). A day still named
    elsewhere in the other side was moved or kept; one only added or only dropped ("said
    Monday" -> "said"), or in a clause rewritten around it, dates the news, it does not
    change a date."""
    dates_old = [w for w in old_w if w.lower() in DATE_WORDS and not mentions(h.new_text, w)]
    dates_new = [w for w in new_w if w.lower() in DATE_WORDS and not mentions(h.old_text, w)]
    if not dates_old or not dates_new or max(len(old_w), len(new_w)) > FIGURE_EDIT:
        return None
    if {w.lower() for w in dates_old} & _RELATIVE_DAYS or {w.lower() for w in dates_new} & _RELATIVE_DAYS:
        return None
    return change_reason("date", dates_old, dates_new)


_OLD_FIGS_NEAR = 3  # characters between a figure and the noun after it


def _figures_ending_before(text: str, pos: int) -> list[Figure]:
    """Figures that end within _OLD_FIGS_NEAR characters before ``pos``."""
    start = max(0, pos - CONTEXT)
    if not may_end_figure_within(text, pos - _OLD_FIGS_NEAR, pos, start, pos):
        return []  # nothing there can end a figure: no need to read the text before
    # read on past ``pos`` so that each figure keeps the noun it counts; of the window only
    # the figures over its last few characters before ``pos``, read from that sentence on
    window, at = text[start:pos + CONTEXT // 4], pos - start
    return [f for f in figures_touching(window, [(max(0, at - _OLD_FIGS_NEAR - 1), at)])
            if 0 <= at - f.end <= _OLD_FIGS_NEAR]


def _counted_noun_change(h: Hunk, ofs: list[Figure], nfs: list[Figure],
                         old_w: list[str], new_w: list[str]) -> str | None:
    """"17 officers" -> "17 protesters": the number now counts something else
    (``old_w``, ``new_w``: the hunk's words, read once by the caller)."""
    # the cheap conditions first: reading the figures before the hunk costs the most
    if ofs or nfs or not old_w or not new_w or old_w[0].lower() == new_w[0].lower():
        return None
    before_old = _figures_ending_before(h.old_text, h.old_start)
    if not before_old:
        return None
    before_new = _figures_ending_before(h.new_text, h.new_start)
    if not before_new:
        return None
    o, n = before_old[-1], before_new[-1]
    if o.kind == "ordinal" or n.kind == "ordinal":
        return None  # "the second superb goal" -> "the second masterful goal": a word beside a rank
    # the figure itself must count something on both sides: "€40 million agreed" ->
    # "€40 million approved" changes a verb beside an unchanged figure, which is wording
    if not (same_quantity(o, n) and o.noun and n.noun) or same_unit(old_w, new_w):
        return None
    old_noun, new_noun = o.noun.split(), n.noun.split()
    if same_unit(old_noun[:1], new_noun[:1]):
        # "6.6-foot heights along" -> "6.6 feet along": the measure stands; only a noun
        # after the unit on both sides, before the words kept, says what is measured
        # ("5-year sentence" -> "5-year ban" is a change)
        old_noun, new_noun = old_noun[1:], new_noun[1:]
        while old_noun and new_noun and old_noun[-1] == new_noun[-1]:
            old_noun, new_noun = old_noun[:-1], new_noun[:-1]
        if not (old_noun and new_noun):
            return None
    if same_thing_counted(" ".join(old_noun), " ".join(new_noun)):
        return None  # "persons" -> "person", "S'poreans" -> "Singaporeans": the same people
    if _occasions_of_the_same(h, old_w, new_w):
        return None
    return f"{o.text} now counts {' '.join(new_w)}, not {' '.join(old_w)}"


def _occasions_of_the_same(h: Hunk, old_w: list[str], new_w: list[str]) -> bool:
    """"two rounds of talks" -> "two cycles of talks": a word that counts the times
    something happened put for another, with the thing after "of" kept on both sides;
    the same talks are counted, so the number counts nothing else (a unit is another
    measure, "two tonnes of rice" -> "two bags of rice", and is no such word)."""
    if len(old_w) != 1 or len(new_w) != 1:
        return False
    if old_w[0].lower() not in OCCASION_NOUNS or new_w[0].lower() not in OCCASION_NOUNS:
        return False
    return h.old_text[h.old_end:h.old_end + 4].lower() == " of " == h.new_text[h.new_end:h.new_end + 4].lower()


# One unit written as a symbol, an abbreviation or in full, in either spelling
_UNIT_GROUPS = (
    "km|kms|kilometre|kilometres|kilometer|kilometers", "mi|mile|miles", "m|metre|metres|meter|meters",
    "cm|centimetre|centimetres|centimeter|centimeters", "mm|millimetre|millimetres|millimeter|millimeters",
    "kg|kgs|kilo|kilos|kilogram|kilograms|kilogramme|kilogrammes", "g|gram|grams|gramme|grammes",
    "lb|lbs|pound|pounds", "ft|foot|feet", "in|inch|inches", "t|tonne|tonnes", "l|litre|litres|liter|liters",
    "ha|hectare|hectares", "mph|miles per hour", "km/h|kph|kilometres per hour|kilometers per hour",
    "sq km|km2|km²|square kilometres|square kilometers|square km", "sq mi|square miles|square mile",
    "%|pct|per cent|percent", "hr|hrs|hour|hours", "min|mins|minute|minutes", "sec|secs|second|seconds",
    "yr|yrs|year|years", "c|degrees celsius|celsius", "f|degrees fahrenheit|fahrenheit",
)
_UNIT_OF = {form: k for k, group in enumerate(_UNIT_GROUPS) for form in group.split("|")}


def same_unit(old_w: list[str], new_w: list[str]) -> bool:
    """Are the two sides one unit written two ways ("km" -> "kilometers", "sq km" ->
    "square kilometres", "pct" -> "percent")?"""
    a = _UNIT_OF.get(" ".join(old_w).lower().rstrip("."))
    return a is not None and a == _UNIT_OF.get(" ".join(new_w).lower().rstrip("."))


def change_reason(what: str, old: list[str], new: list[str]) -> str:
    if old and new:
        return f"{what} changed: {' '.join(old)} -> {' '.join(new)}"
    if new:
        return f"{what} added: {' '.join(new)}"
    return f"{what} removed: {' '.join(old)}"
