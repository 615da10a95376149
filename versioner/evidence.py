"""Evidence that ties a notice's claim to a change.

A notice covers a change when it names the change's words or values, the kind
of thing changed, or the place; ``evidence`` lists which of these hold, so the
audit can say in its reasons what tied the two together. What a change made
without a notice did is read in ``stealth.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from versioner.flags import Flag
from versioner.model import FlagType, Section
from versioner.notices import Claim


class Clue(StrEnum):
    """One kind of evidence that a claim is about a flag."""

    VALUE = "value"    # the notice names the change's old or new words or values
    THING = "thing"    # the kind of thing (a name, a figure, a quote) matches the flag
    PLACE = "place"    # the notice names the part or paragraph where the change is
    ENTITY = "entity"  # the notice names whom or what the changed sentence is about


@dataclass(frozen=True)
class Evidence:
    clue: Clue
    said: str  # how to say it in a reason, e.g. 'notice names "Doerr" and "Dorr"'


_STRAIGHT = str.maketrans("’‘“”\u00a0", "''\"\" ")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_STRAIGHT).lower()).strip()


def _numbers(text: str) -> set[str]:
    """Numbers as written, without thousands separators: "1,850" and "1850" alike, and
    a headline's short form ("18k", "2bn") as the figure it stands for."""
    found = set()
    for m in _SHORT_NUMBER.finditer(text):
        value = float(m.group(1).replace(",", "")) * _SHORT_SCALE[m.group(2).lower()]
        found.add(f"{value:.0f}" if value.is_integer() else str(value))
    # the digits of a short form are that figure, not one of their own: "18k" is 18,000, not 18
    rest = _SHORT_NUMBER.sub(" ", text)
    return found | {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(rest)}


# "18k", "2.5m", "3bn": the short forms headlines use for thousands, millions, billions
_SHORT_NUMBER = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)\s?(k|m|mn|bn)\b", re.I)
_SHORT_SCALE = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?", _norm(text))


def shown(value: str) -> str:
    """A notice's value as a reason quotes it: no framing words, no quote marks."""
    words = value.translate(_STRAIGHT).replace('"', " ").split()
    while len(words) > 1 and words[0].lower() in _FILLER:
        words = words[1:]
    return " ".join(words).strip(" ,.;:'")


def value_in(value: str, text: str) -> bool:
    """Does ``text`` hold the notice's ``value``: its numbers all there (normalised), or,
    when it has none, its words (quotes straight or curly, case and punctuation aside)."""
    nums = _numbers(value)
    if nums:
        return nums <= _numbers(text)
    words = {w for w in _words(value) if w not in _FILLER}
    have = {w for w in _words(text) if w not in _FILLER}
    if not words or not have:
        return False
    # "She is Jane Doerr" names the change "Dorr" -> "Doerr": either side may be the fuller
    return words <= have or have <= words


# words that frame a value without being it: "It is called Plan 7", "She is Jane Doerr"
_FILLER = frozenset("the a an is was are were it its he she they his her their called named "
                    "spelled spelt of in on at".split())

# the kind of thing a claim's subject or detail names, against the flag types that carry it
_THINGS: tuple[tuple[re.Pattern[str], frozenset[FlagType]], ...] = (
    (re.compile(r"\b(?:names?|surnames?|spell\w*|misspel\w*|typos?|misidentif\w*|places?)\b", re.I),
     frozenset((FlagType.NAME, FlagType.TYPO, FlagType.FIGURE, FlagType.HEADLINE))),
    (re.compile(r"\b(?:quot\w*|misquot\w*|remarks?|comments?|statements?)\b", re.I),
     frozenset((FlagType.QUOTE, FlagType.ATTRIBUTION))),
    (re.compile(r"\b(?:misattribut\w*|attribut\w*|sources?)\b", re.I),
     frozenset((FlagType.ATTRIBUTION, FlagType.QUOTE, FlagType.NAME))),
    (re.compile(r"\b(?:titles?|positions?|roles?|jobs?|ranks?)\b", re.I),
     frozenset((FlagType.NAME, FlagType.WORDING, FlagType.ATTRIBUTION))),
    (re.compile(r"\b(?:figures?|numbers?|toll|tally|totals?|amounts?|counts?|rates?|prices?|costs?|ages?|"
                r"sales|revenue|profits?|percent\w*|votes?|dates?|years?|days?|times?|figure)\b|%", re.I),
     frozenset((FlagType.FIGURE,))),
    (re.compile(r"\b(?:negat\w*|not)\b", re.I), frozenset((FlagType.NEGATION,))),
)


def _thing_fits(claim: Claim, flag: Flag) -> bool:
    said = " ".join(x for x in (claim.target.subject, claim.target.detail) if x)
    if not said:
        return False
    return any(p.search(said) and flag.type in types for p, types in _THINGS)


def _place_named(claim: Claim, flag: Flag) -> bool:
    t = claim.target
    if t.section == Section.ANY:
        return False
    if t.section != flag.section:
        return False
    return t.paragraph is None or t.paragraph == flag.paragraph


def _entity_named(claim: Claim, flag: Flag, new_text: str) -> str | None:
    """A capitalised name in the claim's detail that the changed sentence is about:
    "title of Smith" and the sentence about Smith."""
    detail = claim.target.detail or ""
    changed = set(_words(f"{flag.old} {flag.new}"))
    arounds = _sentences_holding(flag.new, new_text) if flag.new else [set()]
    for name in re.findall(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", detail):
        words = _words(name)
        if words and any(all(w in changed or w in around for w in words) for around in arounds):
            return name
    return None


# a sentence ends at . ! ? before a capital or a quotation mark ("U.S. Army" splits too: harmless here)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z\"“‘(])")


def _sentences_holding(fragment: str, text: str) -> list[set[str]]:
    """The words of each sentence of ``text`` holding ``fragment`` (its whole paragraph
    when the fragment runs across sentences): "Rents rose 21 percent" is not about the
    Brooklyn of the sentence before it."""
    found = []
    for para in text.splitlines():
        if fragment and fragment in para:
            sentences = [s for s in _SENTENCE_END.split(para) if fragment in s]
            found.append(set(_words(" ".join(sentences) if sentences else para)))
    return found or [set()]


def evidence(claim: Claim, flag: Flag, new_text: str = "") -> list[Evidence]:
    """What ties ``claim`` to ``flag``, strongest first (empty when nothing does)."""
    found: list[Evidence] = []
    named = [v for v in (claim.new_value, claim.old_value) if v]
    hits = [v for v, side in ((claim.new_value, flag.new), (claim.old_value, flag.old))
            if v and value_in(v, side)]
    if hits:
        found.append(Evidence(Clue.VALUE, "notice names " + " and ".join(f'"{shown(v)}"' for v in hits)))
    elif named and any(value_in(v, f"{flag.old} {flag.new}") for v in named):
        found.append(Evidence(Clue.VALUE, "notice names " + " and ".join(f'"{shown(v)}"' for v in named)))
    entity = _entity_named(claim, flag, new_text)
    if entity:
        found.append(Evidence(Clue.ENTITY, f'notice names "{entity}", whom the changed sentence is about'))
    if _thing_fits(claim, flag):
        what = claim.target.detail or claim.target.subject
        found.append(Evidence(Clue.THING, f"notice names the {what}, a {flag.type} change"))
    if _place_named(claim, flag):
        where = flag.section if flag.paragraph is None else f"{flag.section} paragraph {flag.paragraph}"
        found.append(Evidence(Clue.PLACE, f"notice names the place ({where})"))
    return found


def values_missing(claim: Claim, flags: list[Flag]) -> tuple[str, str] | None:
    """The notice's stated values that none of ``flags`` bears out, as (said, found);
    None when the notice states no values or some flag bears them out."""
    said = [(v, side) for v, side in ((claim.new_value, "new"), (claim.old_value, "old")) if v]
    if not said or not any(_numbers(v) for v, _ in said):
        return None  # values in words are checked as evidence, not held as a mismatch
    for f in flags:  # each stated value on its own side: "212, not 221" is not "221, not 212"
        if all(value_in(v, f.new if side == "new" else f.old) for v, side in said):
            return None
    notice = ", not ".join(shown(v) for v, _ in said) if len(said) == 2 else shown(said[0][0])
    changed = "; ".join(f"{f.old or '(nothing)'!r} -> {f.new or '(nothing)'!r}" for f in flags[:3])
    return notice, changed
