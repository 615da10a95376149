"""The parts of the article a notice names: "paragraph 3", "the third and fourth
paragraphs", "the lede", "the headline", "a photo caption", "the credits". Part of
the notice reader (``notices.py``)."""

from __future__ import annotations

import re

# Bump when an edit here changes what the reader returns (see notices.RULES_VERSION).
RULES_VERSION = 1

_I = re.IGNORECASE

_CARDINALS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
              "fifteen sixteen seventeen eighteen nineteen twenty").split()
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
             "twentieth").split()
_ORDINALS += [f"twenty-{o}" for o in _ORDINALS[:9]] + ["thirtieth"]


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # longest first: "twenty-first" before "first"


_NUM = rf"(?:\d{{1,3}}\b|(?:{_alt(_CARDINALS)})\b)"
_ORD = rf"(?:\d{{1,3}}(?:st|nd|rd|th)\b|(?:{_alt(_ORDINALS)})\b)"
_PW = r"(?:paragraphs?|paras?|grafs?|pars?|pgphs?|pghs?)\.?(?!\w)"
_SEP = r"\s*(?:,|&|-|–|\band\b|\bor\b|\bto\b|\bthrough\b)\s*"
# "to" joins numbered paragraphs only after the plural: in "paragraph 2 to 17"
# the 17 is the corrected value, not the end of a range
_SEP_NUMBERED = r"\s*(?:,|&|-|–|\band\b|\bor\b|\bthrough\b)\s*"
_PARA_NUMBERED = re.compile(
    rf"\b(?:(?:paragraphs|paras|grafs|pars)\.?\s+({_NUM}\s+to\s+{_NUM})"
    rf"|{_PW}\s*(?:no\.?\s*)?({_NUM}(?:{_SEP_NUMBERED}{_NUM})*))", _I)
_PARA_ORDINAL = re.compile(rf"\b({_ORD}(?:{_SEP}{_ORD})*)\s+{_PW}", _I)
_PARA_LEDE = re.compile(r"\b(?:lede|lead\s+paragraph|opening\s+paragraph|top\s+paragraph)\b", _I)
_PARA_OTHER = re.compile(rf"\b(?:(?:last|final|closing|penultimate)\s+)?{_PW}", _I)
_SECTION_RES = (
    ("headline", re.compile(r"\b(?:headlines?|hed)\b", _I)),
    ("byline", re.compile(r"\bby-?lines?\b", _I)),
    ("dateline", re.compile(r"\bdatelines?\b", _I)),
    # a photo's words are its caption: "A photograph accompanying an article described ..."
    ("caption", re.compile(r"\b(?:(?:photo|picture|image)\s+)?(?:captions?|cutlines?|miscaptioned)\b|"
                           r"\b(?:photo(?:graph)?s?|pictures?|images?)\s+(?:accompanying|that\s+accompan(?:ies|ied))\b|"
                           r"\b(?:bildunterschrift|légende|pie\s+de\s+foto|onderschrift|bijschrift)\w*", _I)),
    # bare "credit(s)" only at the start: "tax credits" and "credit rating" are not the credits line
    ("credits", re.compile(r"\b(?:(?:additional\s+reporting|reporting|editing|writing|photo|"
                           r"contributor|contributing)\s+credits?|credits?\s*lines?)\b|^(?:the\s+)?credits?\b", _I)),
)
_LOCATION = re.compile(
    r"(?:\b(?:in|at|to|of|from|on)\s+)?(?:the\s+)?(?:its\s+)?(?:"
    + "|".join(p.pattern for p in (_PARA_NUMBERED, _PARA_ORDINAL, _PARA_LEDE, _PARA_OTHER))
    + "|" + "|".join(r.pattern.replace("^", r"\b") for _, r in _SECTION_RES) + ")", _I)
_STORY_TAIL = re.compile(r"\s+(?:of|in)\s+(?:the\s+|this\s+|a\s+)?(?:story|article|report)\b.*$", _I)


def _paragraph_numbers(listing: str) -> list[int]:
    """[3, 4, 5] for "3-5", "3, 4 and 5", "third to fifth"."""
    numbers: list[int] = []
    pending_range = False
    for tok in re.findall(rf"{_ORD}|{_NUM}|\bto\b|\bthrough\b|-|–", listing, _I):
        low = tok.lower()
        if low in ("to", "through", "-", "–"):
            pending_range = bool(numbers)
            continue
        digits = re.match(r"\d+", low)
        value = int(digits.group()) if digits else _word_number(low)
        if pending_range and numbers and 0 < value - numbers[-1] <= 30:
            numbers.extend(range(numbers[-1] + 1, value + 1))
        elif value > 0:
            numbers.append(value)
        pending_range = False
    return numbers


def _word_number(word: str) -> int:
    if word in _CARDINALS:
        return _CARDINALS.index(word) + 1
    if word.startswith("twenty-"):
        return 20 + _ORDINALS.index(word[7:]) + 1
    return 30 if word == "thirtieth" else _ORDINALS.index(word) + 1


def _locations(text: str) -> list[tuple[int, str, int | None]]:
    """(position, section, paragraph) for every part of the article named in text."""
    found: list[tuple[int, int, str, int | None]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, _, _ in found)

    for pattern in (_PARA_NUMBERED, _PARA_ORDINAL):
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                for n in _paragraph_numbers(m.group(1) or m.group(2)):
                    found.append((m.start(), m.end(), "body", n))
    for m in _PARA_LEDE.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), "body", 1))
    for m in _PARA_OTHER.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), "body", None))
    for section, pattern in _SECTION_RES:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), section, None))
    found.sort(key=lambda f: f[0])  # stable: "paragraphs 3 and 4" stay in order
    return [(s, sec, par) for s, _, sec, par in found]
