"""What a notice claims: the thing it says was wrong, and the values it states.

``notices.py`` reads a notice's grammar (its verbs, the part it names); this
module reads the general language of corrections that the grammar leaves
over, in any outlet's style:

- the thing: the noun phrase the notice says was wrong ("misstated the date
  of", "incorrectly described where", "the title of", "This figure was wrong"),
  else what its values are (a role, a date, a number, a name, a negation),
  else the first thing-word outside the citation of the piece ("in last
  Saturday's magazine", "(Title, 21 February, page 6)" name no thing);
- the values: read by ``claimvalues.py``, which takes its thing words
  from here.

The words these forms hang on live in ``vocab/claims.toml`` for English,
German, French, Spanish and Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from versioner.kinds import Section
from versioner.reading import WEEKDAYS, longest_first

RULES_VERSION = 3  # the claim vocabulary in vocab/claims.toml counts as code here; 2: incidental dates, entity heads; 3: values split out to claimvalues.py

_I = re.IGNORECASE


@dataclass(frozen=True)
class Target:
    """A part of the article a notice points at."""

    section: Section
    paragraph: int | None = None
    subject: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Claim:
    """One thing a notice says was done to one target."""

    action: str
    target: Target
    new_value: str | None = None
    old_value: str | None = None


def _load() -> dict[str, Any]:
    import tomllib
    from importlib.resources import files

    return tomllib.loads((files("versioner") / "vocab" / "claims.toml").read_text(encoding="utf-8"))


_VOCAB = _load()


def _words(key: str) -> str:
    """One alternation of a table's phrases over every language, longest first."""
    phrases = {p for lang in _VOCAB["languages"].values() for p in lang.get(key, [])}
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=longest_first))


# -- the thing ----------------------------------------------------------------

# a month in full or cut short, as a regex alternation (the notice forms read it too)
MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WEEKDAYS = "|".join(WEEKDAYS)
_DAY = rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.?\s+(?:{MONTHS})\.?)(?:,?\s+\d{{4}})?"
_PIECE = (r"(?:article|story|report|obituary|review|column|editorial|feature|interview|piece|profile|programme|"
          r"program|bulletin|broadcast|edition|magazine|supplement|section|letter|leader|blog|podcast|item|"
          r"page|paper|analysis|episode|newsletter)")
# Where the error stood is not what was wrong: "(Title, 21 February, page 6)",
# "in last Saturday's magazine", "A Nov. 26 article", "in an article on May 23".
_CITATIONS = (
    re.compile(rf"\((?=[^()]*(?:\bpage\s+\d|\bp\.\s*\d|{_DAY}|\b(?:{_WEEKDAYS})\b))[^()]*\)", _I),
    re.compile(rf"\b(?:in|on)\s+(?:(?:an?|the|our|this|last|yesterday's|today's|(?:last\s+)?(?:{_WEEKDAYS})(?:'s)?|"
               rf"{_DAY}(?:'s)?)\s+){{1,3}}(?:[\w'’-]+\s+){{0,3}}?{_PIECE}s?\b(?:\s+(?:on|of)\s+{_DAY})?", _I),
    re.compile(rf"\b(?:an?|the)\s+(?:{_DAY}|(?:last\s+)?(?:{_WEEKDAYS})(?:'s)?)\s+(?:[\w'’-]+\s+){{0,2}}?{_PIECE}\b",
               _I),
    re.compile(rf"\b(?:originally\s+)?(?:posted|published)\s+(?:on\s+)?{_DAY}", _I),
    re.compile(r"\bpage\s+[A-Z]?\d+\b", _I),
)


def strip_citations(text: str) -> str:
    """The notice without the citation of the piece the error stood in."""
    for rx in _CITATIONS:
        text = rx.sub(" ", text)
    return text


def before_citation(text: str) -> str:
    """A value up to the first citation in it (the first words, when it opens with one):
    taking the citation out of the middle would join words that never stood together."""
    for rx in _CITATIONS:
        text = rx.sub("\x00", text)
    return next((piece for piece in text.split("\x00") if piece.strip(" ,;:.")), "")


# Each thing, the words that name it. Order breaks ties at one position.
_THING_WORDS: tuple[tuple[str, str], ...] = (
    ("attribution", r"misattribut\w*|attribut\w*|credited|sourcing"),
    ("spelling", r"spell\w*|misspel\w*|typos?|typographical"),
    ("quote", r"quot\w*|misquot\w*|remarks?|comments?|statements?|responses?|translat\w*|transcri\w*"),
    ("title", r"(?:job\s+)?titles?|positions?|roles?|jobs?|ranks?|posts?|credentials?|occupations?|affiliations?"),
    ("name", r"names?|surnames?|forenames?|misnamed|identity|who"),
    ("place", r"locations?|locat\w+|places?|where(?:abouts)?|venues?|sites?|address(?:es)?|constituenc(?:y|ies)|"
              r"countr(?:y|ies)|cit(?:y|ies)|towns?|villages?|provinces?|regions?|districts?|neighbou?rhoods?"),
    # the months but "march" and "may", a verb or a noun as often: "the march" is no date
    ("date", rf"dates?|days?|weekdays?|months?|years?|times?|timing|when|{_WEEKDAYS}|"
             r"january|february|april|june|july|august|september|october|november|december"),
    ("figure", r"figures?|numbers?|toll|tally|totals?|amounts?|counts?|percent(?:age)?s?|rates?|shares?|prices?|"
               r"costs?|ages?|estimates?|forecasts?|basis\s+points?|casualt(?:y|ies)|population|sums?|budgets?|"
               r"revenues?|profits?|salar(?:y|ies)|votes|how\s+(?:many|much|long|far|old)|sizes?|distances?|"
               r"heights?|weights?|lengths?|ratios?|%"),
    # identifying someone may give a wrong name or a wrong role: the values say which
    ("identity", r"misidentif\w*|identif\w*"),
    # a thing that has a name: "the company that the analyst advises", "the vessel involved"
    ("entity", r"compan(?:y|ies)|firms?|organi[sz]ations?|agenc(?:y|ies)|vessels?|ships?|teams?|clubs?|parties|"
             r"party|schools?|universit(?:y|ies)|hospitals?|brands?|bands?|person|people|individuals?|groups?|"
             r"species|breed|song|book|film|album"),
)
_THING_RX = tuple((thing, re.compile(rf"\b(?:{words})\b" if words != "%" else words, _I))
                  for thing, words in _THING_WORDS)
_ERROR_CUE = re.compile(
    r"\b(?:mis[a-z]+ed|incorrect(?:ly)?|wrong(?:ly)?|erroneous(?:ly)?|inaccurate(?:ly)?|mistaken(?:ly)?|"
    r"errors?|mistakes?|corrects?|corrected|clarif(?:y|ies|ied)|(?:to|has\s+been)\s+(?:reflect|show|note|"
    r"correct|fix|clarify)|fix(?:es|ed)?)\b", _I)
# "This figure was wrong", "The year was misstated": the thing stands before the error
_THING_WAS_WRONG = re.compile(r"\b(?:the|this|that|its|his|her|their)\s+(?P<np>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+"
                              r"(?:was|were|is|are)\s+(?:also\s+)?(?:wrong|incorrect|inaccurate|mis[a-z]+ed|"
                              r"(?:incorrectly|wrongly)\s+\w+)\b", _I)
_WINDOW = 9  # words after an error cue in which the thing it names stands


def _things_in(text: str) -> list[tuple[int, str]]:
    """(position, thing) of every thing-word in text; "6 years and older" is an age, not a date."""
    hits = []
    for thing, rx in _THING_RX:
        hits += [(m.start(), thing) for m in rx.finditer(text)
                 if not (thing == "date" and re.search(r"\d\s*$", text[:m.start()]))]
    return sorted(hits)


def _straight(text: str) -> str:
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return text


def _named_after_error(text: str) -> str | None:
    """The thing a notice says was wrong, by the words at its error cue: a thing-word,
    "identity" (a name or a role, as the values say) or "entity" (a thing with a name,
    "the company that ...", right after the cue)."""
    m = _THING_WAS_WRONG.search(text)
    if m and (hits := _things_in(m.group("np"))):
        return hits[-1][1]  # the head noun: "the number of staff" -> number
    for cue in _ERROR_CUE.finditer(text):
        own = _things_in(cue.group())  # "misspelled", "misidentified", "misquoted"
        if own:
            return own[0][1]
        window = " ".join(text[cue.end():].split()[:_WINDOW])
        window = re.split(r"[.;:]\s", window)[0]
        hits = [(at, thing) for at, thing in _things_in(window)  # "the team's record" is a record
                if thing != "entity" or len(window[:at].split()) <= _ENTITY_WORDS
                and not re.match(r"[\w-]+['’]s\b", window[at:])]
        if hits:
            return hits[0][1]
    return None


_ENTITY_WORDS = 2  # "stated the company that ...": the entity is the cue's own object


def _names_entity(phrase: str) -> bool:
    """A noun phrase whose head is a thing with a name ("the company that the analyst
    advises", "the vessel involved"): which one is a name."""
    hits = [at for at, thing in _things_in(phrase) if thing == "entity"]
    return bool(hits) and len(phrase[:hits[0]].split()) <= _ENTITY_WORDS \
        and not re.match(r"[\w-]+['’]s\b", phrase[hits[0]:])


# values that are roles: a title or position held ("president of the association")
_ROLE = re.compile(r"\b(?:president|vice[\s-]president|(?:prime\s+)?minister|chancellor|secretary|"
                   r"chair(?:man|woman|person)?|co-chair|chief\s+\w+|director|executive|manager|head|leader|"
                   r"spokes(?:man|woman|person)|governor|mayor|senator|congress(?:man|woman)|lawmaker|MP|member|"
                   r"deputy|professor|editor|founder|(?:team\s+)?captain|coach|judge|ambassador|commissioner|"
                   r"officer|adviser|advisor|analyst|student|freshman|sophomore|junior|senior|graduate|"
                   r"doctorate|degree|diploma|PhD|"
                   r"Abgeordneter?|Mitglied|Minister(?:in)?|Präsident(?:in)?|Vorsitzender?)\b")
# a role held by a named person is the name: "President George W. Bush"
_ROLE_OF_NAME = re.compile(_ROLE.pattern + r"\s+(?:[A-Z]\.\s*)*[A-Z][a-z]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+)+")
# a month named in full, alone; not "may", a verb as often
_FULL_MONTHS = "january|february|march|april|june|july|august|september|october|november|december"
_DATE = re.compile(rf"\b(?:{_WEEKDAYS}|(?:{MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTHS})\b|"
                   rf"(?:1[89]|20)\d\d)\b|\b(?:{_FULL_MONTHS})\b", _I)
# a date after a preposition, inside a longer statement: when it happened, not what was wrong
_INCIDENTAL_DATE = re.compile(rf"(?<=\w)[\s,]+(?:in|since|by|after|before|until|from|on|during)\s+(?:(?:the\s+year\s+)?"
                              rf"(?:(?:{_WEEKDAYS}),?\s+)?(?:{_DAY}|\d{{1,2}}\s+(?:{MONTHS})\w*\s+\d{{4}}|"
                              rf"(?:1[89]|20)\d\d)|the\s+(?:{_FULL_MONTHS}|(?:1[89]|20)\d\d)\b)\b", _I)
_NUMBER = re.compile(r"(?:[$£€¥]\s?)?\d|\b(?<!the\s)(?<!this\s)(?<!that\s)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|"
                     r"a\s+third|a\s+quarter)\b|%", _I)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|n't|did\s+(?!not\b)\w+)\b|n't\b", _I)
# "made by Sen. Lee", "authored by the Society": who said or wrote it
_BY_WHOM = re.compile(r"\b(?:said|made|written|authored|researched|published|produced|issued|spoken|stated|posted|"
                      r"asked|raised|compiled|taken|by(?=\s+(?:the\s+)?[A-Z]))\s+by\s+(?:the\s+)?[A-Z]|"
                      r"\battribut\w*", _I)
_NAME_LIST = re.compile(r"(?:^|\W)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+")
_PROPER = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|la|le|da|du|bin|al|of|the))*$")


def thing_of_values(values: tuple[str | None, ...]) -> str | None:
    """The kind of thing the stated values are. A date set in a value as its
    context ("has been falling since 2010", "bought in 1996") is not the thing
    corrected unless the other version carries a date too."""
    given = [v for v in values if v]
    if not given:
        return None
    joined = " ".join(given)
    core = " ".join(_INCIDENTAL_DATE.sub(" ", v) for v in given)
    if _BY_WHOM.search(joined):
        return "attribution"
    if _ROLE_OF_NAME.search(joined):
        return "name"
    if _ROLE.search(joined):
        return "title"
    if _DATE.search(core) or (all(_DATE.search(v) for v in given)
                              and (len(given) > 1 or len(joined.split()) <= _SHORT_STATEMENT)):
        return "date"
    if _NUMBER.search(core):
        return "figure"
    if re.search(r"[\"“”]", joined):
        return "quote"  # words quoted: what someone said
    negated = [bool(_NEGATION.search(v)) for v in given]
    if any(negated) and (len(given) == 1 or len(set(negated)) == 2):
        return "negation"  # "did win", "not a former bankrupt"
    if all(_PROPER.match(v.strip(" \"'")) for v in given) or any(
            len(v.split()) <= _NAME_VALUE_WORDS and _NAME_LIST.search(v[1:]) for v in given):
        return "name"  # "Chris Honer", "his father, Luis Manuel Diaz", "A, B and C"
    return None


_NAME_VALUE_WORDS = 8
_SHORT_STATEMENT = 6  # "it was held on Saturday": a date in so short a value is the value


_TYPO = re.compile(r"\b(?:typos?|typographical\s+errors?|spelling\s+(?:errors?|mistakes?)|misprints?)\b", _I)
_NAME_WORD = re.compile(r"\b(?:names?|surnames?|forenames?)\b", _I)


def thing_of(text: str, values: tuple[str | None, ...] = ()) -> str | None:
    """What kind of thing a notice (or one sentence of it) says was wrong: name,
    spelling, typo, title, place, date, figure, quote, attribution, negation, word."""
    text = strip_citations(text)
    if _TYPO.search(text):
        return "typo"
    named = _named_after_error(text)
    by_value = thing_of_values(values)
    if named == "identity":  # "misidentified Ann Lee as the mayor": a role; "... as Ann Leigh": a name
        return by_value if by_value in ("title", "name", "place") else "name"
    if named == "entity":  # "the company that she advises": which one, by its name
        return "name"
    if by_value in (None, "negation", "name") and any(v and f'"{v}"' in _straight(text) for v in values):
        return "quote"  # '"Harbour Fest for teens", rather than "Harbour Fest for tweens"': words quoted
    if not named and not by_value:
        plain = _INCIDENTAL_DATE.sub(" ", text)  # "after the August riots" says when, not what
        hits = [h for h in _things_in(plain) if h[1] not in ("identity", "entity") and not plain[h[0]:].startswith("who")]
        named = hits[0][1] if hits else "name" if _names_entity(text) else None
    if named == "spelling":
        return "name" if _NAME_WORD.search(text) else "spelling"
    return named or by_value or ("word" if re.search(r"\bwords?\b", text, _I) else None)
