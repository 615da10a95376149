"""The values a notice states: ``X, not Y``, ``X rather than Y``, ``not Y but X``, what
the story said (``we said that Y``, ``described A as Y``, ``incorrectly attributed
... to Y``, ``A is not Y``, quoted words removed) and what is right (``In fact, X``,
``should have said X``, ``updated to reflect that X``, ``She is X``, a short fact
sentence before or after the error), several corrections to a notice; ``to X from
Y`` stays with the verbs in noticeforms.py. ``add_values`` puts them into the
claims the notice's grammar read. The words these forms hang on live in
``vocab/claims.toml``; every value returned is a piece of the notice's own text."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from versioner.claims import (
    _DATE,
    _INCIDENTAL_DATE,
    _PIECE,
    _PROPER,
    _ROLE,
    _THING_WAS_WRONG,
    _VOCAB,
    Claim,
    Target,
    _things_in,
    _words,
    before_citation,
    strip_citations,
    thing_of,
)
from versioner.kinds import Section
from versioner.reading import longest_first

# Bump when an edit here changes what a notice is read to claim (see notices.RULES_VERSION).
RULES_VERSION = 3  # the claim vocabulary in vocab/claims.toml counts as code here; 1: split from claims.py (issue 15); 3: what a graphic showed, a wrong amount put right by a later one
# 2: a value ends at a citation inside it instead of losing the citation from its middle

_I = re.IGNORECASE

_IN_FACT = re.compile(rf"^(?:but\s+)?(?:{_words('in_fact')})\b\s*,?\s*(?:it\s+is\s+|it\s+was\s+)?(?P<v>.+)$", _I | re.S)
_SHOULD = re.compile(r"\bshould\s+have\s+(?:said|read|stated|been\s+(?:attributed\s+to|credited\s+to|described\s+as|"
                     r"called|named|identified\s+as|given\s+as|spelled|spelt)|been)\s*:?\s*(?:that\s+)?(?P<v>.+)$",
                     _I | re.S)
# "updated to reflect that ...", "amended to clarify that ...": what the story now says
_NOW_SAYS = re.compile(r"\bto\s+(?:reflect|clarify|show|note|make\s+clear|say|state|indicate)\s+(?:that\s+)"
                       r"(?P<v>.+)$", _I | re.S)
# "X, not Y" needs its comma; "X rather than Y", "X and not Y" need none
_NOT_WORDS = {w for lang in _VOCAB["languages"].values() for w in lang.get("not", [])}
_BARE_NOT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_NOT_WORDS, key=longest_first)
                     if " " in w or w in ("statt", "anstatt"))
_CONTRAST = re.compile(rf"^(?P<a>.*?[^\s,—–-])[\"'”’]?(?:\s*(?:,|—|–|\s-)[\"'”’]?\s*(?:{_words('not')})|\s+(?:{_BARE_NOT}))\s+"
                       r"(?P<b>.+)$", _I | re.S)
_NOT_BUT = re.compile(rf"\b(?:{_words('not')})\s+(?P<b>[^,]+?)\s*,?\s+(?:{_words('not_but')})\s+(?P<a>.+)$", _I | re.S)
_WRONGLY = (r"(?:incorrectly|wrongly|mistakenly|inaccurately|erroneously|falsely|fälschlicherweise|fälschlich|"
            r"irrtümlich|par\s+erreur|erróneamente|por\s+error|ten\s+onrechte|abusivement)")
_SAID_VERBS = rf"(?:{_words('said')}|stating|saying|reporting|writing|describing|suggesting|indicated)"
# "incorrectly stated the number of ferries it runs": a thing named, not a statement made
# (not "the wedding of A had taken place in 1937", a statement with its own verb)
NAMES_THING = re.compile(r"^(?:(?:the|his|her|their|its)\s+[\w'-]+\s+(?:of|that|who|which|where)\s+"
                         r"(?!.*\b(?:was|were|is|are)\b)(?!.*\b(?:had|has|have|did|will|would)\s+"
                         r"(?!(?:in|at|on|to|for|by|with)\b)[a-z]{3,})|(?:when|where|how|who|what|which|whether)\b)", _I)
_SAID = re.compile(
    rf"(?:\b{_WRONGLY}\s+{_SAID_VERBS}|\b{_SAID_VERBS}\s+{_WRONGLY}|"
    rf"\b(?:we|it|this\s+\w+|that|which|who)\s+(?:{_WRONGLY}\s+)?{_SAID_VERBS}|"
    rf"\b(?:{_words('said')}))\s*[:,]?\s+(?:that\s+|dass\s+|que\s+|dat\s+)?(?P<v>.+)$", _I | re.S)
# the verbs by which a notice tells what the story called someone or something: "referred
# to A as Y", "misnamed A as Y"; a column item uses these, other notices the wider set
AS_VERBS = r"referred\s+to|described|called|identified|misidentified|named|misnamed|misspelled|misspelt|" \
    r"listed|labell?ed|credited"
_AS_MORE_VERBS = r"describing|referring\s+to|identify|misidentify|calling|cited|gave|giving|characteri[sz]ed|spelled|spelt"


def as_pattern(verbs: str, obj: str, as_words: str, before_old: str = "") -> re.Pattern[str]:
    """``<verb> <obj> as <old>`` up to the sentence's end: what the story said someone or
    something was. ``obj``: what may stand between the verb and "as"; ``before_old``:
    words dropped before the old value ("as being Y")."""
    return re.compile(rf"\b(?P<verb>{verbs})\s+(?P<obj>{obj})\s*\b(?:{as_words})\s+{before_old}"
                      r"(?P<old>[^;]+?)\s*$", _I | re.S)


_AS = as_pattern(rf"(?:{_WRONGLY}\s+)?(?:{AS_VERBS}|{_AS_MORE_VERBS})", r"[^;]{0,100}?", _words("as"),
                 r"(?:being\s+)?")
# verb-final languages: "wurde sie als Ministerin bezeichnet", "fälschlicherweise den Grünen zugeordnet"
_AS_FINAL = re.compile(rf"(?:\b(?:{_words('as')})|\b{_WRONGLY})\s+(?P<old>[^.;]{{1,80}}?)\s+(?:bezeichnet|genannt|"
                       r"beschrieben|vorgestellt|aufgeführt|zugeordnet|zugeschrieben|betitelt)\b", _I)
_ATTRIBUTED = re.compile(rf"\b(?P<wrong>{_WRONGLY}\s+|mis)?attribut(?:ed|es|e|ing)\s+(?:(?P<what>.+)\s+)?to\s+"
                         r"(?P<who>[^;]+?)\s*$", _I | re.S)
_QUOTED = r"[\"“”'‘’](?P<q>[^\"“”]{1,200}?)[,.]?[\"“”'’]"
_REMOVES = re.compile(rf"\b(?:removes?|removed|deletes?|deleted|cuts?|drops?|dropped|strikes?|struck)\s+"
                      rf"(?:the\s+)?(?:words?\s+|phrase\s+|sentence\s+|reference\s+to\s+)?{_QUOTED}", _I)
_ADDS = re.compile(rf"\b(?:instead\s+)?(?:states?|stated|now\s+reads?|reads?|adds?|added|inserts?)\s+(?:that\s+)?"
                   rf"(?:the\s+)?(?:words?\s+)?{_QUOTED}", _I)
_SUBJ = (r"(?:it|he|she|they|this|that|(?:his|her|their|its|the)(?:\s+[\w'’-]+){1,3}|"
         r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:'s\s+[\w-]+)?)")
_COPULA = r"(?:is|was|are|were|ist|war|sind|waren|est|était|es|era|is|was)"
# "She is president of ...", "Netanyahu is Israel's prime minister.", "It is 300.": a fact stated
_FACT = re.compile(rf"^(?P<who>{_SUBJ})\s+(?:currently\s+|actually\s+|in\s+fact\s+)?{_COPULA}\s+"
                   r"(?!(?:not|nicht|pas|no|niet|also|being|been|published|updated|corrected|changed|amended)\b)"
                   r"(?P<v>.+)$", re.S)
# "she is not a Green councillor as we suggested", "Ivo Sand is not retired": the wrong value denied
_DENIED = re.compile(rf"^(?P<who>(?:contrary\s+to\s+[^,]+,\s*)?[^,;]{{1,60}}?)\s+{_COPULA}\s+(?P<neg>not|nicht|pas|no|niet)\s+"
                     r"(?P<old>.+)$", _I | re.S)
_FACT_WORDS = 20
_PIECES = _PIECE[:-1] + r"|version|edition|draft)"


def _trim(value: str) -> str:
    """A value without the citation after it, trailing framing, and outer quotes."""
    value = re.sub(r",?\s+in\s+(?:an?|the|our|this)\s+(?:[\w'’-]+\s+){0,3}?" + _PIECES + r"\b.*$", "", value,
                   flags=_I)
    value = before_citation(value)
    value = re.split(r",?\s+(?:as\s+(?:we\s+(?:had\s+it|said|stated|reported|wrote|suggested|implied|claimed)|"
                     r"(?:previously|originally|earlier|first)\s+(?:reported|stated|said))|"
                     r"as\s+(?:was\s+)?(?:incorrectly|wrongly)\s+\w+|based\s+on\s+information)\b",
                     value, maxsplit=1, flags=_I)[0]
    return " ".join(value.split()).strip(" ,;:.—–-\"'“”‘’()")


def _unquote(v: str) -> str:
    q = re.match(_QUOTED + r"\s*$", v.strip())
    return q.group("q") if q else v


# "The corrected version reports only that ...": what the story says now
_NOW_REPORTS = re.compile(r"\b(?:corrected|current|updated|revised|amended|new)\s+(?:version|story|article|text|report)\s+"
                          r"(?:now\s+)?(?:says|reports|states|notes|reads|shows)\s*:?\s+(?:only\s+)?(?:that\s+)?(?P<v>.+)$",
                          _I | re.S)
# "the story correctly said that 29 ...": what the story said, and was right to
_CORRECTLY_SAID = re.compile(rf"\b(?:correctly|rightly|accurately)\s+{_SAID_VERBS}\s*[:,]?\s+(?:that\s+)?(?P<v>.+)$",
                             _I | re.S)
# "was mistakenly changed to say 28": what an erroneous edit made it say
_CHANGED_TO = re.compile(rf"\b{_WRONGLY}\s+(?:changed|edited|altered|amended|updated|rewritten)\s+to\s+"
                         r"(?:say|read|state|show)\s*[:,]?\s+(?:that\s+)?(?P<v>.+)$", _I | re.S)


def _right(sentence: str) -> str | None:
    """The right version a sentence gives, or None."""
    if _CHANGED_TO.search(sentence):
        return None
    m = (_IN_FACT.match(sentence) or _SHOULD.search(sentence) or _NOW_SAYS.search(sentence)
         or _CORRECTLY_SAID.search(sentence) or _NOW_REPORTS.search(sentence))
    return (_trim(_unquote(m.group("v"))) or None) if m else None


_HONORIFICS = frozenset("mr mrs ms dr sir dame lord lady prof rev sen rep gov gen".split())


def _misspelt_right(obj: str) -> str | None:
    """The right spelling a misspelling names: "Doerr", "Simon Lee's surname" -> Lee,
    "the name of the town Orvel Ford" -> Orvel Ford, '"mauka"'."""
    obj = obj.strip(" \"'“”‘’")
    m = re.match(r"^(?P<who>.+?)'s\s+(?P<which>first\s+name|forename|given\s+name|last\s+name|surname|family\s+name|"
                 r"name)$", obj, _I)
    if m:
        words = [w for w in m.group("who").split() if w.lower().rstrip(".") not in _HONORIFICS] or ["-"]
        which = m.group("which").lower()
        return words[0] if which.startswith(("first", "fore", "given")) else \
            words[-1] if which != "name" else " ".join(words)
    names = re.findall(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", obj)
    if names and obj.endswith(names[-1]):
        return names[-1]
    return obj if obj and len(obj.split()) <= 3 else None


def _wrong(sentence: str) -> tuple[str | None, str | None]:
    """(old, new) a sentence that says what the story said gives."""
    m = _ATTRIBUTED.search(sentence)
    if m:
        who = _trim(m.group("who"))
        if not m.group("wrong"):
            return None, who
        # "a question asked by Ann Lee was incorrectly attributed to Tom Roe"
        by = re.search(r"\bby\s+((?:[A-Z][\w'’.-]*\s*)+?)\s+(?:was|were|had\s+been)\s*$", sentence[:m.start()])
        return who, by.group(1).strip() if by else None
    m = _AS.search(sentence)
    if m:
        verb = m.group("verb").lower()
        new = _misspelt_right(m.group("obj")) if re.search(r"missp|misn", verb) else None
        return _trim(m.group("old")) or None, new
    m = _AS_FINAL.search(sentence)
    if m:
        return _trim(m.group("old")) or None, None
    m = re.search(r"\b(?:misspelled|misspelt)\s+(?P<obj>[^,;]+?)\s*$", sentence, _I)
    if m:
        return None, _misspelt_right(_trim(m.group("obj")))
    m = _REMOVES.search(sentence)
    if m:
        return m.group("q").strip(" ,"), (a.group("q").strip(" ,") if (a := _ADDS.search(sentence)) else None)
    m = _CHANGED_TO.search(sentence)
    if m:
        return _trim(_unquote(m.group("v"))) or None, None
    m = _DENIED.match(sentence)
    if m and not re.match(r"(?:this|that|it)\b", m.group("who"), _I):  # "This is not the case" is the right version
        return _trim(m.group("old")) or None, None  # the right version: the sentence before, else "not Y"
    m = _SAID.search(sentence)
    if m and not _IN_FACT.match(sentence) and not NAMES_THING.match(m.group("v")):
        return _trim(_unquote(m.group("v"))) or None, None
    return None, None


_DASH = re.compile(r"\s*[—–]\s*|\s+-\s+")


def read_contrast(sentence: str) -> tuple[str, str] | None:
    """(new, old) of "X, not Y", "X rather than Y", "not Y but X"."""
    m = _NOT_BUT.search(sentence)
    if m and len(m.group("b").split()) <= 8 and not re.search(r"\b(?:only|just|merely)\s*$", sentence[:m.start()]):
        return _trim(m.group("a")), _trim(m.group("b"))
    m = _CONTRAST.match(sentence)
    if m and not re.search(r"\bbut$", m.group("a"), _I):
        # "52 grams—a weight 30 percent, not 52 times, higher": a dash sets the
        # contrast off from the rest of the sentence, as a comma after the wrong value does
        a_text = [seg for seg in _DASH.split(m.group("a")) if seg.strip()]
        a = _trim(a_text[-1] if a_text else m.group("a"))
        # "not 187 times, greater than ...": the sentence goes on after the wrong value
        b = _trim(re.split(r"\s*,\s+(?=(?!(?:and|or)\b)[a-z])", _DASH.split(m.group("b"))[0])[0])
        quoted = re.search(r"\"([^\"]{1,80})\"?$", m.group("a").strip())
        if quoted and re.match(r"\s*\"", m.group("b")):  # '"harbour rock", rather than "harbor pop"'
            a = quoted.group(1).strip(" ,")
        if a and b and len(b.split()) <= 12:
            return _narrow(a, b), _narrow(b, a, cut=False)
    return None


_UNIT = r"(?:\s*%|\s*(?:percent|per\s+cent|million|billion|bn|m|k|[ap]\.m\.?|[ap]m)\b)"
# a figure with its unit, a range, or one word naming what is counted ("400 metres", "7 a.m.")
_NUMBER_PHRASE = re.compile(
    rf"(?:[$£€¥]\s?)?\d[\d,]*(?:\.\d+)?{_UNIT}?(?:\s+(?:to|and|-|–)\s+(?:[$£€¥]\s?)?\d[\d,]*(?:\.\d+)?{_UNIT}?)?"
    r"(?:\s+(?!(?:and|or|to|not|nicht|in|on|at|of|the|a|an|by|for|as|was|is|were|are|who|which|that|than)\b)"
    r"[^\W\d_]+)?", _I)


_RANGE = re.compile(r"(\d)\s+(?:to|and|-|–)\s+([$£€¥]?\s?\d)")


def _narrow(new: str, old: str, cut: bool = True) -> str:
    """The right value cut to the size of the wrong one: to the figure it is ("surveyed
    240 rowers who had trained for at least 3 years" against "2,400" -> "240"),
    or to the words after the last copula or preposition ("She is Jane Doerr" -> "Jane Doerr")."""
    olds = _NUMBER_PHRASE.findall(old)
    # "two tugs before 2001" against "7 times": the year only says when
    figures = new if _DATE.search(old) else _INCIDENTAL_DATE.sub(" ;", new)
    if olds and not _RANGE.search(olds[0]):  # "in paragraph 3 to 4,800": a range only against a range
        news = [m.group() for m in _NUMBER_PHRASE.finditer(_RANGE.sub(r"\g<1> ; \g<2>", figures))]
    else:
        news = [m.group() for m in _NUMBER_PHRASE.finditer(figures)]
    # a figure both versions give ("at 10 p.m." in each) is not the one corrected
    shared = _figures(new) & _figures(old)
    news = [n for n in news if _figure_key(n) not in shared]
    olds = [o for o in olds if _figure_key(o) not in shared]
    if len(olds) == 1 and news:
        digits, shape = len(_first_number(olds[0])), _shape(olds[0])
        # "31 to 67% by 2100" against "24 to 75%": the range, not the year
        return min(reversed(news), key=lambda n: (_shape(n) != shape, abs(len(_first_number(n)) - digits))).strip()
    cuts = list(re.finditer(r"\s(?:is|was|are|were|to|as|at|in|on|by|from|called|named)(?=\s)", new, _I)) if cut else []
    size = len(old.split())
    if cuts and size <= _SHORT_VALUE:
        tail = new[cuts[-1].end():].strip()
        if 0 < len(tail.split()) <= size + _SHORT_VALUE:
            return tail
    return new


_SHORT_VALUE = 4


def _figure_key(phrase: str) -> str:
    return " ".join(phrase.casefold().replace(",", "").split())


def _figures(text: str) -> set[str]:
    """Each figure in text with the whole word its number stands in ("rmb3bn", "10 p.m. local")."""
    return {_figure_key(text[text.rfind(" ", 0, m.start()) + 1:m.end()]) for m in _NUMBER_PHRASE.finditer(text)}


def _first_number(phrase: str) -> str:
    """The digits of a figure's first number, before any decimal point: "2,400 rowers" -> "2400"."""
    m = re.search(r"\d[\d,]*", phrase)
    return m.group().replace(",", "") if m else ""


def _shape(phrase: str) -> tuple[bool, bool, bool]:
    """Whether a figure is a range, a share, a sum of money."""
    return (bool(_RANGE.search(phrase)), bool(re.search(r"%|\bper\s*cent\b|\bpercent\b", phrase, _I)),
            bool(re.search(r"[$£€¥]", phrase)))


def _fact(sentence: str, loose: bool = False) -> tuple[str, str] | None:
    """(who, what) of the fact a short sentence states: what follows its copula ("Mara Venn
    is an adviser to Harbour Gas"), or, ``loose``, the whole sentence ("The song refers to 911")."""
    sentence = " ".join(strip_citations(sentence).split())
    if len(sentence.split()) > _FACT_WORDS or _BOILERPLATE.search(sentence):
        return None
    m = _FACT.match(sentence)
    if m and (v := _trim(m.group("v"))):
        return m.group("who"), v
    if loose and (m := _DENIED.match(sentence)) and re.match(r"(?:this|that|it)\b", m.group("who"), _I):
        return "", _trim(f"{m.group('neg')} {m.group('old')}")  # "This is not the case"
    return ("", _trim(sentence)) if loose and _trim(sentence) else None


# sentences that say what was done or regretted, not what is right
_BOILERPLATE = re.compile(r"\b(?:regrets?|apologi[sz]e[sd]?|corrected|updated|amended|removed|changed|revised|restored|"
                          r"error|mistake|misstated|incorrect(?:ly)?|wrong(?:ly)?|story|article|version|notice|"
                          r"headline|korrigiert|aktualisiert|corrigé|corregido|gecorrigeerd)\b", _I)


def _clauses(sentences: list[str]) -> list[str]:
    """Sentences, with a short lead-in before a colon split off ("Dies haben wir korrigiert: ...")."""
    out = []
    for s in sentences:
        head, colon, tail = s.partition(": ")
        out += [head, tail] if colon and len(head.split()) <= 5 and tail else [s]
    return out


def _right_for(fact: tuple[str, str], old: str | None) -> str:
    """Of "Vladimir Putin is president", the name when the wrong value is a name."""
    who, what = fact
    if old and who and _PROPER.match(old) and _PROPER.match(who) and not _ROLE.search(old):
        return who
    return what


def _closed(pending: list[Any]) -> tuple[str | None, str | None, str]:
    new, old, text, fallback = pending
    return new or fallback, old, text


# "misstated the level of ...", "incorrectly described the contents of ...": a thing named, its value to follow
_MISSTATED_THING = re.compile(rf"\b(?:misstated|misreported|misdescribed|mischaracteri[sz]ed|{_WRONGLY}\s+"
                              r"(?:stated|described|reported|gave))\s+(?:the|a|an|his|her|their|its)\s+", _I)


def _value_named_before(sentence: str, before: str) -> str | None:
    """The one date or figure in the sentence before "The year was misstated": the right one."""
    m = _THING_WAS_WRONG.search(sentence)
    things = [thing for _, thing in _things_in(m.group("np"))] if m else []
    if not things or things[-1] not in ("date", "figure") or not before:
        return None
    rx = _DATE if things[-1] == "date" else _NUMBER_PHRASE
    values = {v.group().strip() for v in rx.finditer(before)}
    return values.pop() if len(values) == 1 else None


_WRONGLY_SAID = re.compile(rf"\b{_WRONGLY}\s+{_SAID_VERBS}\s*[:,]?\s+(?:that\s+)?(?P<v>.+)$", _I | re.S)
_LEAD_WORDS = 4  # "Chocolate standards:" heads an item; a sentence stating the right fact is longer
_AS_REPORTED = re.compile(r"^as\s+(?:(?:originally|previously|first|earlier|initially)\s+)?(?:reported|stated|"
                          r"published|written)\s*,\s*(?P<v>.+?)(?:\s*,\s*(?:but|and)\s+.*)?$", _I | re.S)


def read_values(sentences: list[str]) -> list[tuple[str | None, str | None, str]]:
    """Each correction a notice states, in order: (new, old, the sentences it came from).

    A sentence saying what the story said opens a correction with its old value;
    the right version ("In fact, ...", "should have said ...", or a short fact
    sentence) closes it; "X, not Y" in one sentence is a correction of its own.
    A short fact sentence before the first error ("Ann Lee is a senior. An article
    identified her as ...") is the right version of that error."""
    found: list[tuple[str | None, str | None, str]] = []
    pending: list[Any] | None = None  # [new, old, text]
    lead: tuple[str, str] | None = None
    previous = ""
    for index, s in enumerate(_clauses(sentences)):
        before, previous = previous, s
        both = read_contrast(s)
        right = _right(s)
        reported = _AS_REPORTED.match(s)
        if reported and not both:  # "As originally reported, X, but the story failed to note that Y"
            if pending:
                found.append(_closed(pending))
            pending = None
            found.append((right, _trim(reported.group("v")) or None, s))
            continue
        old, new = _wrong(s) if right is None else (None, None)
        inside = bool(both and old and _WRONGLY_SAID.search(s))
        if both and inside:  # "incorrectly said that A — rather than B — would ...": it said A where B was right
            said = _WRONGLY_SAID.search(both[0])
            both = (both[1], _trim(said.group("v")) if said else both[0])
        if both and not right and (inside or not (old and old in both[0])):
            if pending:
                found.append(_closed(pending))
            pending = None
            found.append((both[0], both[1], s))
            continue
        if old and not new and not pending and found and found[-1][0] and found[-1][1] is None:
            # "The story correctly said 41. It was mistakenly changed to say 40.": the right
            # version stated first, the error after it
            found[-1] = (found[-1][0], old, f"{found[-1][2]} {s}")
            continue
        if old or (new and not right):
            if pending:
                found.append(_closed(pending))
            denied = _DENIED.match(s)
            if not new and index == 1 and not found and (denied or len(before.split()) >= _LEAD_WORDS):
                # "Ann Lee sits as an independent; she is not a Green councillor", "Ferry sails from
                # Vessa. (Corrects earlier post that said it sailed from Orlen)": the sentence before is right
                lead = lead or _fact(before, loose=True)
            # "Lena Horne is not dead": when nothing else says what is right, the denial does
            fallback = _trim(f"{denied.group('neg')} {denied.group('old')}") if denied else None
            pending = [new or (_right_for(lead, old) if lead and not found else None), old, s, fallback]
            lead = None
            continue
        if not pending and not right and index and (named := _value_named_before(s, before)):
            found.append((named, None, f"{before} {s}"))  # "... in 1992. The year was misstated."
            continue
        if not pending and not right and _MISSTATED_THING.search(s):
            pending = [None, None, s, None]  # "misstated the contents of the vaccine": the next fact is right
            continue
        fact = _fact(s, loose=True) if pending and pending[0] is None else None
        right = right or (_right_for(fact, pending[1]) if fact and pending else None)
        if right and pending and pending[0] is None and _awaits_figure(pending[1], right):
            pending[3] = pending[3] or right  # "In fact that fare applies to ...": a figure may follow
            continue
        if right and pending and pending[0] is None:
            pending[0], pending[2] = right, f"{pending[2]} {s}"
            found.append(_closed(pending))
            pending = None
        elif right and not pending and found and found[-1][0] is None:
            found[-1] = (right, found[-1][1], f"{found[-1][2]} {s}")
        elif right and not pending and not found:
            found.append((right, None, s))
        elif index == 0 and not found:
            lead = _fact(s)
    if pending:
        found.append(_closed(pending))
    found = [(_narrow(n, o, cut=False) if n and o else n, _narrow(o, n, cut=False) if n and o else o, t)
             for n, o, t in found]
    if lead and not found:  # "Correction: Ben Lee is head of ticketing." states the right fact alone
        found.append((lead[1], None, " ".join(sentences)))
    return [f for f in found if f[0] or f[1]]


def _awaits_figure(old: str | None, right: str) -> bool:
    """A wrong figure answered by a sentence with no figure of its kind ("showed $240 ...
    In fact that fare applies to riders who joined after 2020"): the right value is the
    figure a later sentence gives."""
    if not old or not re.search(r"\d", old):
        return False
    return not re.search(r"\d", right) or bool(_AMOUNT.search(old)) and not _AMOUNT.search(right)


# an amount of money or a share: a figure of a kind a year or a day is not
_AMOUNT = re.compile(r"[$£€¥]\s?\d|\d\s?(?:%|percent\b|per\s+cent\b)", _I)


def _norm(value: str) -> str:
    return " ".join(re.sub(r"[\"'“”‘’.,;:()]", " ", value.casefold()).split())


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = _norm(a), _norm(b)
    return bool(x and y) and (x in y or y in x)


def _keep(said: str | None, read: str | None) -> str | None:
    """Of the grammar's value and the one read here for the same side, the one to keep
    (None: take the one read): the fuller of two that agree."""
    if not read:
        return said
    if not _same(said, read):
        return None
    # "Tuesday" against "He resigned on Tuesday": the grammar's short value is the value;
    # "billion to fund the war" against "$200 billion to fund the war" was cut in the wrong place
    short = len((said or "").split()) <= _SHORT_VALUE - 1
    return said if short or (len(said or "") >= len(read) and '"' not in (said or "")) else None


def _valueless(c: Claim) -> bool:
    return c.new_value is None and c.old_value is None


def _filled(c: Claim, new: str | None, old: str | None, text: str) -> Claim:
    """The claim with the values read put in; the values, and the sentences they came
    from, say again what kind of thing it is."""
    added = (new and not c.new_value) or (old and not c.old_value)
    new, old = c.new_value or new, c.old_value or old
    t = c.target
    if t.subject is None or t.subject == "word" or added:
        t = replace(t, subject=thing_of(text, (new, old)) or t.subject)
    return replace(c, target=t, new_value=new, old_value=old)


def add_values(claims: list[Claim], sentences: list[str], corrects: bool) -> list[Claim]:
    """The grammar's claims with the values ``read_values`` finds put in: a claim
    that states none takes the next correction (with the claims read beside it from
    the same clause), a claim with one side takes the other, and a correction no
    claim holds is a claim of its own. ``corrects``: the notice corrects or
    clarifies, so a claim naming nothing takes the thing the notice names."""
    found = read_values(sentences)
    if not corrects:  # an update describes new material loosely: only words it quotes as taken out count
        found = [f for f in found if _REMOVES.search(f[2])]
        if not found:
            return list(claims)
    out = [replace(c, new_value=c.new_value and (_trim(c.new_value) or c.new_value),
                   old_value=c.old_value and (_trim(c.old_value) or c.old_value)) for c in claims]
    for new, old, text in found:
        held = [i for i, c in enumerate(out) if _same(c.new_value, new) or _same(c.old_value, old)]
        if held:
            for i in held:  # one side agrees: the other side, read with it, replaces a different one
                c = out[i]
                out[i] = _filled(replace(c, new_value=_keep(c.new_value, new), old_value=_keep(c.old_value, old)),
                                 new, old, text)
            continue
        free = [i for i, c in enumerate(out) if _valueless(c) and c.action != "update"
                and (c.action != "remove" or not new) and (c.action != "add" or not old)]
        if free:
            first = out[free[0]]
            for i in free:
                c = out[i]
                if (c.action, c.target.subject, c.target.detail) == (first.action, first.target.subject,
                                                                      first.target.detail):
                    out[i] = _filled(c, new, old, text)
            continue
        if corrects:
            out.append(Claim("change", Target(Section.ANY, None, thing_of(text, (new, old))), new, old))
    if corrects:
        body = " ".join(sentences)
        out = [replace(c, target=replace(c.target, subject=thing_of(body, (c.new_value, c.old_value))))
               if c.target.subject is None and c.action in ("change", "clarify") else c for c in out]
    return out
