"""What a figure counts, as the flag rules compare it: the head of its counted noun,
and a figure changed across the hunks the diff cut its sentence into."""

from __future__ import annotations

from versioner.model import Flag, FlagType, Severity
from versioner.reading import words_as_written

RULES_VERSION = 1

AGE_WORDS = frozenset("year-old years-old year years old month-old months-old".split())


# Nouns that count the times something happened, not the thing: "two rounds of talks" and
# "two cycles of talks" count the same talks ("of" names what is counted)
OCCASION_NOUNS = frozenset("""round rounds cycle cycles session sessions sitting sittings wave waves phase
phases stage stages spell spells bout bouts stint stints episode episodes instance instances occasion
occasions iteration iterations""".split())

# Members of a family: "her three children" tells who a person is, not a figure reported
KIN_NOUNS = frozenset("""child children kid kids son sons daughter daughters brother brothers sister sisters
sibling siblings grandchild grandchildren grandson grandsons granddaughter granddaughters stepchildren
stepchild stepson stepsons stepdaughter stepdaughters nephew nephews niece nieces cousin cousins wife
wives husband husbands parent parents grandparents
kind kinderen zoon zonen dochter dochters broer broers zus zussen kleinkind kleinkinderen""".split())

# Possessive determiners: "her three children", "their two sons"; Dutch "haar", "hun" (not
# "zijn", also the verb in "er zijn drie kinderen gewond")
POSSESSIVES = frozenset("her his their my our your its haar hun".split())


def noun_head(noun: str | None) -> str:
    words = words_as_written(noun or "")
    return stem(words[0]) if words else ""


def counted_head(noun: str | None) -> str:
    """Who or what a figure counts: an age counts the person after it ("year-old girl":
    girl), so "years" elsewhere in a rewrite does not make an age added there a fact
    replaced."""
    words = [w for w in words_as_written(noun or "") if w.lower() not in AGE_WORDS]
    return stem(words[0]) if words else ""


def stem(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def changed_across_hunks(flags: list[Flag]) -> list[Flag]:
    """A figure removed in one hunk of the paragraph and one added in another, counting
    the same thing ("112 members" ... "113 were members"), are one figure changed: where
    the diff cut the rewritten sentence is no part of what it says."""
    added: dict[str, list[int]] = {}  # the flags of figures only added, by what they count
    for i, f in enumerate(flags):
        head = counted_head(f.noun) if _alone(f, 1) else ""
        if len(head) >= 3:
            added.setdefault(head, []).append(i)
    if not added:
        return flags
    out: list[Flag | None] = list(flags)
    for i, removed in enumerate(flags):
        same = added.get(counted_head(removed.noun), []) if _alone(removed, 0) else []
        j = next((j for j in same if flags[j].new_value != removed.old_value), None)
        if j is None:
            continue
        same.remove(j)
        new = flags[j]
        out[i] = Flag(FlagType.FIGURE, Severity.HIGH, removed.section, removed.paragraph, removed.old, new.new,
                      f"number {_figure_text(removed)} -> {_figure_text(new)}, counting {new.noun}",
                      removed.old_value, new.new_value, new.noun)
        out[j] = None
    return [f for f in out if f is not None]


def _alone(f: Flag, side: int) -> bool:
    """Is ``f`` a figure only removed (``side`` 0) or only added (1)?"""
    values = (f.old_value, f.new_value)
    return f.type == FlagType.FIGURE and values[side] is not None and values[1 - side] is None


def _figure_text(f: Flag) -> str:
    """The figure of an added or removed flag: its words without the noun it counts."""
    phrase = f.old or f.new
    return phrase.removesuffix(f" {f.noun}") if f.noun else phrase
