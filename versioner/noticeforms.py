"""The sentence forms of a notice and the claims each one makes: verbs that open a
clause ("Corrects paragraph 3 to show ..."), the wrapper sentences ("This story has
been corrected to ..."), "An earlier version ... misstated ...", and the column
style that says what the story said and what is right. ``claims.py`` reads the
values and things these forms leave over. Part of the notice reader
(``notices.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from versioner.claims import MONTHS, Claim, Target, thing_of
from versioner.claimvalues import AS_VERBS, NAMES_THING, as_pattern, read_contrast
from versioner.kinds import Section
from versioner.noticepieces import (
    column_correction,
    error_clause,
    names_its_error,
    piece_error,
    piece_section,
)
from versioner.noticeplaces import _CARDINALS, _LOCATION, _STORY_TAIL, _alt, _locations
from versioner.noticevocab import _EXCEPTIONS, _ORDINAL_MONTHS, _VERBS, _first_word
from versioner.reading import WEEKDAYS

# Bump when an edit here changes what the reader returns (see notices.RULES_VERSION).
RULES_VERSION = 3  # 3: a fact stated by its negation after the error sentence is the whole sentence; the print column form read by noticepieces.py; 2: a quoted value read without the article before it; "NPR has updated this story to ...": an outlet by name in place of "we"

_I = re.IGNORECASE

_WEEKDAYS = "|".join(WEEKDAYS)
_TYPO = re.compile(r"\b(?:typos?|typographical\s+errors?|spelling\s+(?:errors?|mistakes?)|misprints?)\b", _I)
_SPELLING = re.compile(r"\b(?:spell(?:ing|ings|ed|t)?|misspell\w*|misspelt)\b", _I)
# Words that only say "more of the story": "Updates with details" names nothing in particular.
_GENERIC = frozenset("details detail more new further fresh additional background context information "
                     "latest developments material content contents story article throughout".split())
_SUBJECT_ONLY = frozenset("quote quotes quotation quotations comment comments name names figure figures "
                          "number numbers date dates title word words spelling typo typos error errors "
                          "mistake".split())
_EDGE_WORDS = frozenset("and also the a an its this that in of to with from on for as by at".split())
_PRONOUNS = frozenset("it this that he she they his her their its".split())
_COPULAS = frozenset("was were is are be been being".split())
_PREPS = frozenset("on in at by of from to as for with than into".split())
_ERROR_WORDS = re.compile(r"\b(?:incorrect(?:ly)?|wrong(?:ly)?|erroneous(?:ly)?|inaccurate(?:ly)?|"
                          r"mistaken(?:ly)?|misspelled|misspelt)\b", _I)

_NUMBER_TOKEN = re.compile(rf"^(?:[$£€¥]?\d|(?:{_alt(_CARDINALS)}|dozens?|hundreds?|thousands?|millions?|billions?)\b)",
                           _I)
_CONTRAST = re.compile(r"^(?P<a>.*?)(?:\s*,[\"']?\s*(?:and\s+)?not\s+|\s+rather\s+than\s+|\s*,?\s+instead\s+of\s+)"
                       r"(?P<b>.+)$", _I | re.S)
_VALUE_MARKER = re.compile(r"^(?P<obj>.*?)\s*\bto\s+(?:show|say|read|reflect|state|indicate|make\s+clear|"
                           r"note|specify|explain)\b(?:\s+that\b)?\s*(?P<val>.*)$", _I | re.S)
_TO_FROM = re.compile(r"^(?P<obj>.*?)\s*\bto\s+(?P<new>.+?)\s+from\s+(?P<old>.+)$", _I | re.S)
_FROM_TO = re.compile(r"^(?P<obj>.*?)\s*\bfrom\s+(?P<old>.+?)\s+to\s+(?P<new>.+)$", _I | re.S)
_INNER_VERB = re.compile(r"^(?:(?:on|at|in)\s+[^,;]{0,40}?\s+)?to\s+([a-z-]+)\b\s*(.*)$", _I | re.S)
# "..., not Y as we had it in last week's review", "not Y as wrongly stated in a column"
_AS_WE_HAD = re.compile(r"\s*,?\s+as\s+(?:we\s+(?:had\s+it|said|stated|reported|wrote|called\s+(?:it|him|her|them))|"
                        r"(?:was\s+|were\s+)?(?:incorrectly|wrongly|mistakenly|erroneously)\s+"
                        r"(?:stated|said|reported|given|published|written|described))\b.*$", _I | re.S)
# "Timmy Lee in our obituary of ...", "walnuts in an article on May 3": where the error stood
_IN_THE_PIECE = re.compile(
    r"\s*,?\s+in\s+(?:our|an?|the|this|last\s+\w+'s|yesterday's|today's|\w+day's)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:article|story|report|obituary|review|column|editorial|feature|interview|piece|profile|programme|"
    r"program|bulletin|broadcast|edition|magazine|supplement|section|letter|leader|blog|podcast)\b.*$", _I | re.S)
_VALUE_TAIL = re.compile(r"(?:\s*,?\s+as\s+(?:previously|originally|earlier|first|initially)?\s*"
                         r"(?:reported|stated|said|published|written)(?:\s+earlier)?|"
                         r"\s*,?\s+in\s+(?:the\s+)?(?:" + _LOCATION.pattern + r"))\s*$", _I)

_NOUNS = (r"(?:story|article|report|post|blog\s+post|piece|item|version|video|page|caption|graphic|"
          r"column|obituary|headline|entry|list|review|analysis|explainer|episode|podcast|transcript|"
          r"newsletter|segment|audio|photo|gallery|interview|broadcast|chart|map)")
# up to two words between "this" and its noun: "this digital story", "the story headline"
_QUALIFIERS = r"(?:[\w-]+\s+){0,2}?"
# "The report was revised in March" is prose about some other report: after "the", only this piece's own words
_WRAPPER = re.compile(rf"^(?:this\s+{_QUALIFIERS}(?P<noun>{_NOUNS})|the\s+(?:story\s+|article\s+)?"
                      r"(?P<the_noun>story|article|headline|piece|post|caption))"
                      r"(?:\s+and\s+(?:its\s+|the\s+)?(?:headline|caption|story|article|photos?))?"
                      r"\s+(?:has\s+since\s+been|has\s+been|have\s+been|"
                      r"had\s+been|was|were|is\s+being|is)\s+(?:\w+ly\s+)?(?P<rest>(?P<verb>[a-z-]+)\b.*)$",
                      _I | re.S)
_THIS_VERSION = re.compile(r"^this\s+(?:version|story|article|update)\s+(?P<verb>[a-z-]+)\b\s*(?P<rest>.*)$",
                           _I | re.S)
_WE_HAVE = re.compile(rf"^we(?:'ve|\s+have|\s+had)?\s+(?P<verb>[a-z-]+)\s+(?:this|the)\s+{_NOUNS}"
                      r"\b\s*(?P<rest>.*)$", _I | re.S)
# "NPR has updated this story to ...", "The Times has corrected this article ...": the
# outlet by name in place of "we" (capitalised, and "this" piece only: "The council has
# corrected the report" is prose about some other report).
_OUTLET = r"(?-i:[A-Z][\w.&'’-]*)(?:\s+(?-i:[A-Z][\w.&'’-]*)){0,3}"
_OUTLET_HAS = re.compile(rf"^{_OUTLET}\s+(?:has|have)\s+(?:\w+ly\s+)?(?P<verb>[a-z-]+)\s+this\s+{_NOUNS}"
                         r"\b\s*(?P<rest>.*)$", _I | re.S)
_EARLIER = re.compile(
    r"^(?:(?:a|the)\s+(?P<part>headline|(?:photo\s+|picture\s+)?caption)\s+(?:on|with|in|of|for|accompanying)\s+)?"
    r"(?:in\s+)?(?:(?:an?|the)\s+(?:earlier|previous|prior|original|initial)\s+"
    rf"(?P<noun>version|edition|draft|headline|(?:photo\s+|picture\s+|image\s+)?caption)"
    rf"(?P<of>\s+of\s+(?:(?:this|the)\s+{_QUALIFIERS}{_NOUNS}\b|\"[^\"]{{1,120}}\"))?"
    rf"|(?P<this>this\s+{_NOUNS}\s+(?:originally|initially|previously|earlier)))"
    r"(?:\s+and\s+(?:its\s+|the\s+)?(?P<also>headline|(?:photo\s+|picture\s+)?caption))?(?:\s*,\s*|\s+|$)", _I)
_ON_DATE = re.compile(rf"^on\s+(?:(?:{_WEEKDAYS}),?\s+)?(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|"
                      rf"\d{{1,2}}\s+(?:{MONTHS}))\b(?:,?\s+\d{{4}})?\s*$", _I)
_PREAMBLE = re.compile(r"^(?:because\s+of|due\s+to|owing\s+to)\s+[^,]{1,60},\s*", _I)
_LEAD_DATE = re.compile(rf"^(?:on\s+)?(?:(?:{_WEEKDAYS}),?\s+)?(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|"
                        rf"\d{{1,2}}\s+(?:{MONTHS}))(?:,?\s+\d{{4}})?\s*[.,:]?\s+", _I)
_ABBREVIATIONS = frozenset(("jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st no gov sen "
                            "rep gen lt col jr sr inc corp co ltd vs u.s u.k u.n a.m p.m e.g i.e").split())


# "The story was repeated ...", "This story includes reporting by ..." are prose, not notices.
_NOT_SENTENCE_VERBS = frozenset(_EXCEPTIONS["not_sentence"])


def _sentence_style(s: str, inside: bool = False) -> tuple[str, re.Match[str]] | None:
    """Which sentence-style notice s opens ("wrapper", "this", "earlier", "piece"), with
    its match; ``inside``: s is a sentence of a notice already found."""
    for style, pattern in (("wrapper", _WRAPPER), ("this", _THIS_VERSION), ("this", _WE_HAVE),
                           ("this", _OUTLET_HAS)):
        m = pattern.match(s)
        if m:
            verb = m.group("verb").lower()
            after = s[m.end("verb"):]
            if verb in _VERBS and verb not in _NOT_SENTENCE_VERBS and not re.match(r"\s+by\b", after, _I):
                return style, m
    m = _EARLIER.match(s)
    # "An earlier version of the plan was rejected" is prose: ask for "of this story" or a named error
    if m and (m.group("of") or _earlier_section(m) or _names_error(s[m.end():])):
        return "earlier", m
    piece = piece_error(s, inside)  # "An article on Thursday about ... misquoted ...": the print column's form
    if piece:
        return "piece", piece
    if column_correction(s):  # "X is Y, not Z as we had it in ...": read as a column sentence
        return "column", re.match("", s)  # type: ignore[return-value]  # an empty match: nothing to strip
    return None


def _earlier_section(m: re.Match[str]) -> str | None:
    """The part an "earlier version" phrase names itself: "A headline on an earlier version ..."."""
    part = (m.group("part") or m.group("also") or m.group("noun") or "").lower().split()
    return part[-1] if part and part[-1] in ("headline", "caption") else None


def _names_error(rest: str) -> bool:
    return bool(_EV_PASSIVE.match(rest)) or any(p.match(rest) for p, *_ in _EV_CUES[:-1])

def _sentences(text: str) -> list[str]:
    """Split at sentence ends and semicolons, but not after "Feb.", "U.S.", an initial
    or the day of a date such as "31. Januar"."""
    out, start = [], 0
    for m in re.finditer(r"(?P<stop>[.!?])[\"')]?\s+(?=[A-Z0-9\"'(])|;\s+", text):
        if m.group("stop"):
            before = text[start:m.start()].split()
            word = before[-1].lower() if before else ""
            if word in _ABBREVIATIONS or len(word) == 1:
                continue
            if word.isdigit() and len(word) <= 2 and _first_word(text[m.end():]) in _ORDINAL_MONTHS:
                continue
        out.append(text[start:m.start()])
        start = m.end()
    out.append(text[start:])
    return [s.strip(" .;") for s in out if s.strip(" .;")]

def _clean(phrase: str) -> str:
    words = re.sub(r"\s+", " ", phrase).strip(" ,;:.()\"'").split()
    while words and words[0].lower() in _EDGE_WORDS:
        words.pop(0)
    while words and words[-1].lower().strip(",;:.") in _EDGE_WORDS:
        words.pop()
    return " ".join(words).strip(" ,;:.()\"'")


def _detail(obj: str) -> str | None:
    """The free words naming what a claim is about, or None if they name nothing."""
    s = _STORY_TAIL.sub("", _LOCATION.sub(" ", obj))
    s = _ERROR_WORDS.sub(" ", s)
    s = _clean(s)
    m = re.match(r"^(?:the\s+)?spelling\s+of\s+(.+)$", s, _I)
    if m:
        s = _clean(m.group(1))
    low = s.lower()
    if not s or low in _SUBJECT_ONLY or _TYPO.fullmatch(low) or all(w in _GENERIC for w in low.split()):
        return None
    return s


def _subject(text: str, values: tuple[str | None, ...] = ()) -> str | None:
    return thing_of(text, values)


# a value that is a name: capitalised words, a particle or two allowed ("Anne de Vries")
_PROPER_VALUE = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|la|le|da|du|bin|al))*$")


def _value(text: str) -> str:
    """A value as quoted in a notice, without "as previously reported", the piece it
    stood in ("in our obituary of ...") or a trailing location."""
    text = _IN_THE_PIECE.sub("", _AS_WE_HAD.sub("", text))
    previous = None
    while previous != text:
        previous, text = text, _VALUE_TAIL.sub("", text).strip(" ,;:.\"'")
    # 'rather than a "nightmare"': the quoted words are the value, not the article before them
    m = _ARTICLE_QUOTED.match(text)
    return m.group(1) if m else text


_ARTICLE_QUOTED = re.compile(r"^(?:an?|the)\s+[\"“]([^\"“”]+)[\"”]?$", _I)


def _statement(a: str, old: str | None) -> tuple[str | None, str | None]:
    """Split "rate cut was 25 basis points" into ("rate cut", "25 basis points").

    The value is shaped by the old value when there is one: a number starts at
    a number, otherwise it starts after "was"/"is" or the last preposition.
    """
    toks = a.split()
    low = [t.lower().strip(",;:.\"'()") for t in toks]
    cop = next((i for i, w in enumerate(low) if w in _COPULAS), None)
    start = cut = None
    if old is None or _NUMBER_TOKEN.match(old):
        nums = [i for i, t in enumerate(toks) if _NUMBER_TOKEN.match(t) and (cop is None or i > cop)]
        if nums:
            start = nums[0] if cop is not None else nums[-1]
            # "rate cut was 25": the name ends at "was"; "loan was repaid in 2023": at the number
            between = low[cop + 1:start] if cop is not None else ["-"]
            cut = cop if cop is not None and all(w in _PREPS for w in between) else start
    if start is None and cop is not None and cop + 1 < len(toks):
        start, cut = cop + 1, cop
        old_first = old.split()[0].lower() if old and old.split() else ""
        if low[start] in _PREPS and low[start] != old_first and start + 1 < len(toks):
            start += 1  # "It was in Paris, not London"
    if start is None:
        preps = [i for i, w in enumerate(low) if w in _PREPS and i + 1 < len(toks)]
        if preps:
            start, cut = preps[-1] + 1, preps[-1]
    if start is None or cut is None:
        if old is None or not toks:
            return _detail(a), None
        start = cut = max(0, len(toks) - len(old.split()))
    detail_words = _clean(" ".join(toks[:cut]))
    detail = None if not detail_words or detail_words.lower() in _PRONOUNS else _detail(
        re.sub(r"^that\s+", "", detail_words, flags=_I))
    return detail, (_value(" ".join(toks[start:])) or None)


@dataclass(frozen=True)
class _Read:
    claims: tuple[Claim, ...]
    cues: frozenset[str]


def _make_claims(action: str, obj: str, val_text: str, new: str | None, old: str | None,
                 cues: set[str], default_section: str | None = None, recast: bool = False,
                 with_object: bool = False, detail_from_value: bool = True) -> _Read:
    """Turn one clause (its verb's action, object words and value words) into claims."""
    subject_text = f"{obj} {val_text}"
    generic = _detail(obj) is None and not _locations(obj) and not new and not old
    if action == "update" and with_object and not generic:
        action = "add"  # "Updates with comment from police": new material, not a rewrite
    elif action == "update" and not generic and not with_object:
        action = "change"  # "Updates death toll"
    if action == "change" and (_TYPO.search(subject_text) or _SPELLING.search(subject_text)):
        action = "fix-spelling"
    if action == "remove" and re.match(r"\s*(?:an?\s+|the\s+)?(?:incorrect|erroneous|wrong|inaccurate)\b",
                                       obj, _I):
        cues.add("correction")
    detail = subject = None
    if not recast and not (action == "update" and generic):
        detail = _detail(obj)
        subject = _subject(subject_text, (new, old))
        if detail is None and val_text and detail_from_value:
            contrast = _CONTRAST.match(val_text)
            detail = _statement(contrast.group("a") if contrast else val_text, old)[0]
    places = _locations(obj) + [p for p in _locations(val_text)
                                if re.search(r"\bin\s+(?:the\s+)?$", val_text[:p[0]], _I)]
    if not places:
        section = default_section or ("body" if action == "add" else "any")
        places = [(0, section, None)]
    claims = tuple(Claim(action, Target(Section(sec), par, subject, detail), new, old)
                   for _, sec, par in places)
    return _Read(claims, frozenset(cues))


def _clause(verb_word: str, rest: str, cues: set[str], default_section: str | None) -> _Read:
    """Read one clause that starts with a notice verb ("corrects paragraph 3 to show ...")."""
    verb = _VERBS[verb_word.lower()]
    if verb.cue:
        cues.add(verb.cue)
    rest = _ON_DATE.sub("", re.sub(r"^(?:also|then)\s+", "", rest.strip(), flags=_I))
    if verb.recast and rest.lower().startswith("through"):
        rest = rest[7:].strip()  # "writes through"
    inner = _INNER_VERB.match(rest) if verb.wrapper else None
    if inner and inner.group(1).lower() in _VERBS:
        return _clause(inner.group(1), inner.group(2), cues, default_section)
    later = re.search(r"\bto\s+([a-z-]+)\b", rest, _I) if verb.wrapper else None
    if later and later.group(1).lower() in _VERBS and _locations(rest[:later.start()]) \
            and _detail(rest[:later.start()]) is None:  # "Corrects paragraphs 3 and 4 to fix typo"
        where = rest[:later.start()].strip()
        return _clause(later.group(1), f"{rest[later.end():]} in {where}", cues, default_section)
    if verb.action is None:  # "(Repeats to additional subscribers)"
        return _Read((), frozenset(cues))
    with_object = False
    if re.match(r"^with\b", rest, _I):
        rest, with_object = rest[4:].strip(), True
    if verb.recast:  # "(Recasts with ...)": the whole story was reworked
        return _make_claims("change", "" if with_object else rest, "", None, None,
                            cues, default_section or "any", recast=True)
    obj, val_text, new, old = rest, "", None, None
    marker = _VALUE_MARKER.match(rest)
    if marker:
        obj, val_text = marker.group("obj"), marker.group("val")
        contrast = _CONTRAST.match(val_text)
        if contrast:
            old = _value(contrast.group("b"))
            new = _statement(contrast.group("a"), old)[1]
        elif re.match(r"\s*that\b", rest[marker.start("val") - 5:marker.start("val")], _I) and val_text.strip():
            # "to reflect that the judge was appointed by X": what the story now says
            new = _statement(val_text, None)[1] or _value(val_text) or None
    elif verb.action in ("change", "update"):
        for pattern in (_TO_FROM, _FROM_TO):
            m = pattern.match(rest)
            if m and (m.group("new").split() or [""])[0].lower() not in _VERBS:
                obj, new, old = m.group("obj"), _value(m.group("new")), _value(m.group("old"))
                val_text = rest[len(obj):]  # "... to 34 from 43 in paragraph 2": keep the location
                break
    return _make_claims(verb.action, obj, val_text, new, old, cues, default_section,
                        with_object=with_object, detail_from_value=bool(marker))


def _clauses(text: str, cues: set[str], default_section: str | None = None) -> _Read:
    """Read text that starts with a verb; ",", ";" and "and" before another verb start a new clause."""
    pieces = re.split(r"(\s*[;,](?!\d)\s*(?:and\s+)?|\s+and\s+|\s+&\s+|\s+plus\s+)", text)
    clauses: list[list[str]] = []
    for i in range(0, len(pieces), 2):
        piece = pieces[i]
        m = re.match(r"\s*(?:also\s+|then\s+|to\s+)?([A-Za-z-]+)\b(.*)$", piece, re.S)
        if m and m.group(1).lower() in _VERBS:
            clauses.append([m.group(1), m.group(2)])
        elif clauses:
            clauses[-1][1] += pieces[i - 1] + piece  # part of the previous clause's object or value
    claims: list[Claim] = []
    for verb_word, rest in clauses:
        read = _clause(verb_word, rest, cues, default_section)
        claims.extend(read.claims)
    return _Read(tuple(claims), frozenset(cues))


_EV_CUES: tuple[tuple[re.Pattern[str], str, str | None, bool], ...] = tuple(
    (re.compile(p, _I), action, hint, statement) for p, action, hint, statement in (
        (r"^(?:incorrectly|wrongly|erroneously|mistakenly|inaccurately)\s+(?:spelled|spelt)\b",
         "fix-spelling", None, False),
        (r"^(?:incorrectly|wrongly|erroneously|mistakenly)\s+included\b", "remove", None, False),
        (r"^(?:incorrectly|wrongly|erroneously|mistakenly|inaccurately)\s+(?:identified|named|called)\b",
         "change", "name", False),
        (r"^(?:incorrectly|wrongly|erroneously|mistakenly|inaccurately)\s+attributed\b", "change", "attribution",
         False),
        (r"^(?:incorrectly|wrongly|erroneously|mistakenly|inaccurately)\s+quoted\b", "change", "quote", False),
        (r"^(?:incorrectly|wrongly|erroneously|mistakenly|inaccurately)\s+[a-z]+(?:\s+to)?\b",
         "change", None, True),
        (r"^(?:misspelled|misspelt)\b", "fix-spelling", None, False),
        (r"^(?:misidentified|misnamed)\b", "change", "name", False),
        (r"^(?:misquoted|misattributed)\b", "change", "quote", False),
        (r"^(?:misstated|misreported|misrepresented|mischaracteri[sz]ed|misdescribed|mislabell?ed|"
         r"misdated)\b", "change", None, False),
        (r"^(?:omitted|left\s+out|did\s+not\s+include|failed\s+to\s+(?:include|mention|note|report))\b",
         "add", None, False),
        (r"^(?:did\s+not\s+make\s+clear|failed\s+to\s+make\s+clear|did\s+not\s+specify|"
         r"did\s+not\s+fully\s+explain)\b", "clarify", None, False),
        (r"^(?:gave|had|used|contained|included|carried|showed|listed|cited|displayed)\s+(?:an?\s+|the\s+)?"
         r"(?:incorrect|wrong|inaccurate|erroneous|outdated|misspelled)\b", "change", None, False),
        (r"^(?:contained|had|included|carried)\s+(?:an?\s+)?(?:errors?|mistakes?)(?:\s+in)?\b",
         "change", None, False),
        (r"^(?:was|were)\s+(?:published|posted|issued)\s+with\s+(?:an?\s+|the\s+)?"
         r"(?:incorrect|wrong|inaccurate)\b", "change", None, False),
        (r"^(?:said|stated|reported)\b", "change", None, True),
    ))
_EV_PASSIVE = re.compile(r"^(?P<obj>.+?)\s+(?:was|were|had\s+been)\s+(?P<cue>(?:incorrectly|wrongly)\s+\w+|"
                         r"misspelled|misspelt|misstated|misidentified|misattributed|misquoted|"
                         r"incorrect|wrong|inaccurate|omitted|left\s+out)\b(?P<rest>.*)$", _I)


def _earlier_version(rest: str, default_section: str | None) -> _Read:
    """Read what follows "An earlier version of this article ...": the error it made."""
    cues = {"correction"}
    passive = _EV_PASSIVE.match(rest)
    if passive:  # "In an earlier version, the minister's name was misspelled"
        rest = f"{passive.group('cue')} {passive.group('obj')}{passive.group('rest')}"
    for pattern, action, hint, statement in _EV_CUES:
        m = pattern.match(rest)
        if not m:
            continue
        obj = rest[m.end():].strip()
        if action == "clarify":
            cues = {"clarification"}
        if statement:  # "incorrectly said the death toll was 50": a detail and the old value
            that = re.match(r"^that\s+", obj, _I) is not None
            obj = re.sub(r"^that\s+", "", obj, flags=_I)
            detail, old = _statement(obj, None)
            if not that and NAMES_THING.match(obj) and not any(c.isdigit() for c in old or ""):
                # "incorrectly stated the number of factories it has": the thing, not what was said
                detail, old = _detail(obj), None
            elif read_contrast(obj):  # "said that A — rather than B — would ...": claims.py reads both sides
                old = None
            else:
                # "incorrectly said that Ann Lee had a daughter": with no value to split off,
                # the whole statement is what the story said
                old = old or _value(obj) or None
            read = _make_claims(action, "", obj, None, old, cues, default_section, detail_from_value=False)
            return _Read(tuple(replace(c, target=replace(c.target, detail=detail)) for c in read.claims),
                         read.cues)
        old_value = new_value = None
        if (hint == "name" or action == "fix-spelling") and " as " in obj:  # "misidentified the mayor as John Smith"
            obj, old_value = obj.rsplit(" as ", 1)
            old_value = _value(old_value)
            right = re.sub(r"^the\s+", "", obj.strip(), flags=_I)
            wrong = re.sub(r"^the\s+", "", old_value, flags=_I)
            # "misspelled Marine One as Maine One", "identified the Crest Trail as the Coast
            # Trail": one name for another, the first the right one (not "X as the president")
            if _PROPER_VALUE.match(right) and (action == "fix-spelling" or _PROPER_VALUE.match(wrong)):
                new_value = right
        read = _make_claims(action, obj, "", new_value, old_value, cues, default_section)
        if hint:
            # the verb names the thing: "incorrectly attributed the number of refugees to ..."
            read = _Read(tuple(replace(c, target=replace(c.target, subject=hint if hint == "attribution"
                                                         else c.target.subject or hint))
                               for c in read.claims), read.cues)
        return read
    return _make_claims("change", "", "", None, None, cues, default_section)


def _with_values(claims: tuple[Claim, ...], sentence: str, starts_like_value: bool) -> tuple[Claim, ...]:
    """Fill in values from a follow-up sentence such as "It was 212, not 221." """
    contrast = _CONTRAST.match(sentence)
    if contrast:
        old = _value(contrast.group("b"))
        detail, new = _statement(contrast.group("a"), old)
    elif starts_like_value and _NEGATED_FACT.search(sentence) and not re.search(r"\d", sentence):
        old, detail, new = None, None, sentence.strip().rstrip(".")  # "It did not allow dumping at sea."
    elif starts_like_value and not _SAYS_CORRECTED.match(sentence):
        old, (detail, new) = None, _statement(sentence, None)
    else:
        return claims
    out = []
    for c in claims:
        t = c.target
        if t.subject is None:
            t = replace(t, subject=_subject(sentence, (new, old)))
        if t.detail is None and detail:
            t = replace(t, detail=detail)
        out.append(replace(c, target=t, new_value=c.new_value or new, old_value=c.old_value or old))
    return tuple(out)


# "It did not allow dumping at sea": a fact stated by its negation is the whole sentence
_NEGATED_FACT = re.compile(r"\b(?:not|never|no\s+longer)\b|n't\b", _I)
# "It has been corrected here.": says that, not what
_SAYS_CORRECTED = re.compile(r"^(?:it|this|that|they|the\s+[\w-]+)\s+(?:has|have|had)\s+(?:now\s+)?been\s+"
                             r"(?:corrected|updated|changed|amended|fixed|removed|revised)\b", _I)


_FACT_WORDS = 25


def _is_bare(claim: Claim) -> bool:
    return claim.target == Target(Section.ANY) and claim.new_value is None and claim.old_value is None


# "It is 300", "She is Jane Doerr", "Her title is minister": a value stated alone
_BARE_VALUE = re.compile(r"^(?:it|he|she|they|(?:his|her|their|its)(?:\s+[\w'-]+){1,3})\s+(?:is|was|are|were)\s+"
                         r"(?!(?:not|also|being|been|published|updated|corrected|changed|amended)\b)", _I)
_VALUE_START = re.compile(r"^(?:it|this|that|he|she|they|(?:his|her|their|its|the)(?:\s+[\w'-]+){1,3}\s+"
                          r"(?:is|was|are|were))\b", _I)


def _read_sentences(sentences: list[str]) -> tuple[list[Claim], set[str], str | None]:
    """Claims, kind cues, and the first clause's own cue (refile/repeat lead)."""
    claims: list[Claim] = []
    cues: set[str] = set()
    lead_cue: str | None = None
    last: tuple[Claim, ...] = ()
    for index, raw in enumerate(sentences):
        s = _PREAMBLE.sub("", raw)
        read: _Read | None = None
        first = re.match(r"([A-Za-z-]+)\b", s)
        style = _sentence_style(s, inside=True)
        if first and first.group(1).lower() in _VERBS:
            read = _clauses(s, set())
            if index == 0:
                lead_cue = _VERBS[first.group(1).lower()].cue
        elif style and style[0] == "wrapper":
            noun = (style[1].group("noun") or style[1].group("the_noun")).lower()
            read = _clauses(style[1].group("rest"), set(), noun if noun in ("headline", "caption") else None)
            if all(_is_bare(c) for c in read.claims):
                read = _Read((), read.cues)  # says only "was corrected": the fallback claim covers it
        elif style and style[0] == "this":
            read = _clauses(f"{style[1].group('verb')} {style[1].group('rest')}", set())
        elif style and style[0] == "column":
            cues.add("correction")  # "..., not Z as we had it": read below as a column sentence
        elif style and style[0] == "piece":
            cues.add("correction")  # a piece that misquoted, misstated ... was wrong
            if names_its_error(style[1]) and _column_error(s) is None:  # else read as a column sentence below
                read = _earlier_version(error_clause(s, style[1]), piece_section(style[1]))
        elif style or (ev_loose := _EARLIER.match(s)):  # inside a notice, "An earlier version said" will do
            ev = style[1] if style else ev_loose
            assert ev is not None  # one of the two matched to get here
            read = _earlier_version(s[ev.end():], _earlier_section(ev))
        if read is not None:
            cues |= read.cues
            if read.claims:
                last = read.claims
                claims.extend(read.claims)
            continue
        if re.search(r"\b(?:regrets?|apologi[sz]e)\b", s, _I):
            continue
        column = _column_error(s)
        if column is not None:  # "we referred to her as an American poet", "X was misnamed as Y"
            claims = [c for c in claims if not _is_bare(c)]
            last = (column,)
            claims.append(column)
            continue
        if last and (said := _RIGHT_VERSION.match(s)):  # "In fact, ...", "It should have said ..."
            right = _value((said.group("v") or said.group("v2")).strip(" \"'"))
            updated = tuple(replace(c, new_value=c.new_value or right, target=c.target if c.target.subject else
                                    replace(c.target, subject=_subject(s, (right, c.old_value))))
                            for c in last)
            claims[len(claims) - len(last):] = updated
            last = updated
            continue
        if last:  # "It was 212, not 221." belongs to the claim before it
            # after "misstated the type of gun", the next sentence states the right one
            wants = all(c.new_value is None and c.old_value is None and c.target.detail for c in last)
            updated = _with_values(last, s, bool(_VALUE_START.match(s)) or wants and len(s.split()) <= _FACT_WORDS)
            claims[len(claims) - len(last):] = updated
            last = updated
        elif (contrast := _CONTRAST.match(s)) is not None:  # "The minister's name is X, not Y."
            old = _value(contrast.group("b"))
            detail, new = _statement(contrast.group("a"), old)
            new, old = read_contrast(s) or (new, old)  # claims.py reads the values of every contrast form
            subject = _subject(contrast.group("a"), (new, old))
            last = (Claim("change", Target(Section.ANY, None, subject, detail), new, old),)
            claims.extend(last)
        elif _BARE_VALUE.match(s):  # "Correction: It is 300." states the right value alone
            detail, new = _statement(s, None)
            if new and len(new.split()) <= 6:
                last = (Claim("change", Target(Section.ANY, None, _subject(s, (new,)), detail), new, None),)
                claims.extend(last)
    return claims, cues, lead_cue


# Column-style corrections say what the story said before saying what is right:
# "we referred to Anne Roe as a Dutch poet", "Tom Lee was misnamed as Tim Lee",
# "we misspelled her surname as Doer", "The programme suggested that X. In fact, Y."
_COLUMN_AS = as_pattern(AS_VERBS, r"[^.;]{0,80}?", "as")
_COLUMN_THAT = re.compile(
    r"^(?:(?:in|on|during|as\s+part\s+of)\s+[^,]{0,120},\s*)?(?:we|it|(?:this|the|an?|today's|yesterday's)"
    r"(?:\s+(?!(?:was|were|is|are|has|have|had|been|be)\b)[\w'’-]+){1,4}?)\s+"
    r"(?:(?:incorrectly|wrongly|mistakenly)\s+)?(?:said|stated|reported|suggested|claimed|wrote)\s+"
    r"(?:that\s+)?(?P<old>.+?)\s*$", _I | re.S)
# "The year was misstated in an editorial": names the thing, not its values
_COLUMN_THING = re.compile(r"^(?P<what>(?:the|a|an|his|her|their|its)\s+[\w\s'’-]{1,40}?)\s+(?:was|were)\s+"
                           r"(?:misstated|misspell?t|misspelled|misreported|wrong|incorrect|"
                           r"(?:incorrectly|wrongly)\s+(?:given|stated|reported))\b", _I)
# "X is not Y but Z": Y is what the story said, Z (read in claims.py) what is right
_COLUMN_NOT = re.compile(r"^(?P<who>[^,]{2,80}?)\s+(?:is|was|are|were)\s+not\s+(?P<old>[^,]+?)(?:,.*|\s+but\s+.*)?$",
                         _I | re.S)
_RIGHT_VERSION = re.compile(
    r"^(?:in\s+fact|actually|in\s+reality|rather|instead)\s*,?\s*(?P<v>.+)$|"
    r"^(?:it|this|we|the\s+\w+)\s+(?:should\s+have\s+(?:said|read|stated|been)|would\s+have\s+been\s+(?:more\s+)?"
    r"(?:accurate|correct)\s+to\s+say)\s*:?\s*(?:that\s+)?(?P<v2>.+)$", _I | re.S)
_NAME_VERBS = ("misnamed", "misspelled", "misspelt", "misidentified", "identified", "named", "called")
# 'X should read Y', 'should have said "men and women"': the right words, and the wrong ones if quoted
_SHOULD_READ = re.compile(r"(?:(?P<old>\"[^\"]{1,120}\")\s+)?\bshould\s+(?:have\s+)?(?:read|said|been)\s*:?\s+"
                          r"(?P<new>\"[^\"]{1,160}\")", _I)
_NAME_RUN = re.compile(r"[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|de|van|von|der|la|le|da|du|bin|al))*")
_MISNAMING = ("misnamed", "misspelled", "misspelt")


def _right_name(before: str, m: re.Match[str]) -> str | None:
    """The right name a misnaming sentence gives: the subject of "Tom Lee was misnamed as
    Tim Lee", the object of "we misspelled Ann Roe's surname as Rowe"."""
    if not m.group("verb").lower().startswith(_MISNAMING):
        return None
    passive = re.search(r"\s+(?:was|were|has\s+been|had\s+been)\s*$", before)
    where = before[:passive.start()] if passive else m.group("obj")
    names = _NAME_RUN.findall(re.sub(r"'s\b.*$", "", where))
    # a capital opening the sentence ("The tenor ...") is not the name
    names = [n for n in names if not (passive and where.startswith(n) and " " not in n)]
    return names[-1] if names else None


def _column_error(sentence: str) -> Claim | None:
    """The claim of a sentence that says what the story wrongly said (its old value)."""
    s = sentence.strip().rstrip(".")
    m = _SHOULD_READ.search(s)
    if m:  # '"gross regional output" should read "gross national output"'
        old, right = (_value(g.strip(" \"'")) or None if g else None for g in (m.group("old"), m.group("new")))
        return Claim("change", Target(Section.ANY, None, _subject(s, (right, old)), None), right, old)
    m = _COLUMN_AS.search(s)
    if m:
        verb = m.group("verb").lower()
        subject = "name" if verb.startswith(_NAME_VERBS) else _subject(s, (m.group("old"),))
        detail = _detail(m.group("obj")) if m.group("obj").strip() else None
        return Claim("change", Target(Section.ANY, None, subject, detail), _right_name(s[:m.start()], m),
                     _value(m.group("old")) or None)
    m = _COLUMN_THING.match(s)
    if m:
        return Claim("change", Target(Section.ANY, None, _subject(m.group("what")), _detail(m.group("what"))))
    m = _COLUMN_NOT.match(s) or _COLUMN_THAT.match(s)
    if m:
        old = _value(m.group("old").strip(" \"'"))
        return Claim("change", Target(Section.ANY, None, _subject(s, (old,)), None), None, old or None)
    return None

_TO_NUMBER = re.compile(r"^(?P<detail>.+?)\s+to\s+(?P<new>[$£€¥]?\d[\d,.]*(?:\s*(?:%|percent|million|billion))?)$", _I)
_TRAILING_CONTRAST = re.compile(
    r"^(?P<detail>.*?)\s+(?:to|at|as|was|were|is|are)\s+(?P<new>[^,;()]+?),\s+not\s+(?P<old>[^,;()]+?)\s*$", _I)


def _lift_values(claim: Claim) -> Claim:
    """"death toll to 17, not 19" left in a detail: lift the values out of it."""
    detail = claim.target.detail
    if claim.new_value or claim.old_value or not detail:
        return claim
    m = _TRAILING_CONTRAST.match(detail)
    if not m:
        to = _TO_NUMBER.match(detail)  # "number of staff to 300": the new value, no old one
        if to is None:
            return claim
        return Claim(claim.action, replace(claim.target, detail=to.group("detail")), to.group("new"), None)
    target = Target(claim.target.section, claim.target.paragraph, claim.target.subject,
                    m.group("detail").strip() or None)
    return Claim(claim.action, target, m.group("new").strip(), m.group("old").strip())
