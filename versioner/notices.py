"""The notice reader: what is a notice, and what it claims.

One vocabulary (``vocab/notices.toml``: labels, slugs, verbs and sentence
openings, English first, then German, French, Spanish and Dutch) decides both.
``is_notice`` and the helpers beside it (``is_label_heading``, ``notice_tail``,
``is_closing_notice``, ``split_headline_slug``) are what the parser asks when it
places notices; nothing else in the package keeps a list of notice words.

A notice arrives already cut out of the article (a top parenthetical, a bottom
line, or a headline slug). ``parse_notice`` says what kind of notice it is and
what it claims: which part of the article (section, paragraph), what kind of
thing (a name, a figure, a quote...), which action, and old/new values when the
notice gives them. The audit later holds these claims against what changed.

Styles read: Reuters and AFP parentheticals ("(Corrects paragraph 3 to show
...)"), labelled bottom lines ("Correction: ...", "Clarification: ...",
"Editor's note: ...", "Update, Feb 2: ..."), and sentences in the AP, NYT,
Guardian and BBC manner ("This story has been corrected to show ...", "An
earlier version of this article misstated ...", "This article was amended on
... to ..."). Reading is lexical and deliberately forgiving: a notice that
cannot be read in detail still yields one generic claim for its kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from versioner.claims import NAMES_THING, Claim, Target, add_values, read_contrast, thing_of
from versioner.kinds import NoticeKind, Section

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 6  # the vocabulary in vocab/notices.toml counts as code here; 3: column claims (issue 15); 4: misnamed/should-read/reflect-that values, captions; 5: things and values read by claims.py; 6: photo captions, "not Y but Z", contrasts read by claims.py, German ordinal dates, a labelled notice keeps its closing parenthesis

SECTIONS = (Section.HEADLINE, Section.BODY, Section.BYLINE, Section.DATELINE, Section.CAPTION, Section.CREDITS,
            Section.ANY)  # what a notice can point at
ACTIONS = ("add", "remove", "change", "fix-spelling", "update", "clarify")
KINDS = tuple(NoticeKind)
POSITIONS = ("top", "bottom", "slug")


@dataclass(frozen=True)
class Notice:
    """A notice as read: its text, kind, where it sat, and what it claims."""

    text: str
    kind: NoticeKind
    position: str
    claims: tuple[Claim, ...]

    @property
    def targets(self) -> tuple[Target, ...]:
        """The claims' targets, first occurrence kept, in claim order."""
        seen: list[Target] = []
        for claim in self.claims:
            if claim.target not in seen:
                seen.append(claim.target)
        return tuple(seen)


# -- vocabulary ---------------------------------------------------------------

_I = re.IGNORECASE


@dataclass(frozen=True)
class _Verb:
    action: str | None   # None: refile/repeat, which claim nothing by themselves
    cue: NoticeKind | None  # what the verb says about the notice's kind
    wrapper: bool        # may be followed by "to <verb>", which names the real action
    recast: bool = False


def _load_vocabulary() -> dict[str, Any]:
    """The notice vocabulary table shipped with the package (vocab/notices.toml)."""
    import tomllib
    from importlib.resources import files

    return tomllib.loads((files("versioner") / "vocab" / "notices.toml").read_text(encoding="utf-8"))


VOCABULARY = _load_vocabulary()


def _verbs(table: dict[str, Any]) -> dict[str, _Verb]:
    verbs: dict[str, _Verb] = {}
    for name, entry in table.items():
        if name == "exceptions":
            continue
        cue = NoticeKind(entry["cue"]) if "cue" in entry else None
        verb = _Verb(entry.get("action"), cue, bool(entry.get("wrapper")), bool(entry.get("recast")))
        verbs.update((form, verb) for form in entry["forms"])
    return verbs


_VERBS: dict[str, _Verb] = _verbs(VOCABULARY["verbs"])
_EXCEPTIONS = VOCABULARY["verbs"]["exceptions"]
# Verbs that may open a parenthetical notice: inflected forms and "rpt".
_LEAD_FORMS = frozenset(w for w in _VERBS if w not in _EXCEPTIONS["not_lead"]
                        and (w.endswith(("s", "ed", "en")) or w == "rpt"))
_CAPS_LEADS = frozenset(_EXCEPTIONS["caps_leads"])


def _phrases(kind_table: str) -> dict[str, str]:
    """phrase (lower case) -> kind, over every language's ``kind_table`` (labels, slugs, openings)."""
    out: dict[str, str] = {}
    for language in VOCABULARY["languages"].values():
        for kind, phrases in language.get(kind_table, {}).items():
            for phrase in phrases:
                out.setdefault(phrase.lower(), kind)
    return out


def _phrase_pattern(phrases: Iterable[str]) -> str:
    """One alternation, longest first, any spacing between words, either apostrophe."""
    alts = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w).replace("'", "['’]?") for w in p.split()) for p in alts)


_LABEL_KINDS = _phrases("labels")
_SLUG_KINDS = _phrases("slugs")
_OPENING_KINDS = _phrases("openings")
_OPENING = re.compile(rf"^(?:{_phrase_pattern(_OPENING_KINDS)})\b", re.IGNORECASE)
_HEADLINE_PREFIXES = frozenset(p.lower() for p in VOCABULARY["headline_prefixes"]["words"])

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

_MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
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

# -- gates: is this text a notice at all? ----------------------------------------

# A label, then an aside with a date or time ("UPDATE, Jan 5, 9:10 a.m.:",
# "Correction (March 3):") or a running number ("Update 2:"), then ":" or a dash.
_LABEL_HEAD = (rf"^(?P<label>{_phrase_pattern(_LABEL_KINDS)})(?![\w'])"
               r"(?P<when>\s*[,(]\s*(?:[^:)]|:\d\d){1,40}\)?|\s+\d{1,3}(?::\d\d)?(?:\s*[ap]\.?\s?m\b\.?)?"
               r"(?:\s+(?:ET|EST|EDT|GMT|BST|CET|CEST|UTC|PT|PST|PDT|CT)\b)?)?")
_LABEL = re.compile(_LABEL_HEAD + r"\s*(?::|\s[-–—]\s?)\s*", _I)
# A label on a line of its own, with at most a date: "Correction", "Correction: March 3, 2025".
_LABEL_ONLY = re.compile(_LABEL_HEAD + r"\s*[:.]?\s*$", _I)
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
_EARLIER = re.compile(
    r"^(?:(?:a|the)\s+(?P<part>headline|(?:photo\s+|picture\s+)?caption)\s+(?:on|with|in|of|for|accompanying)\s+)?"
    r"(?:in\s+)?(?:(?:an?|the)\s+(?:earlier|previous|prior|original|initial)\s+"
    rf"(?P<noun>version|edition|draft|headline|(?:photo\s+|picture\s+|image\s+)?caption)"
    rf"(?P<of>\s+of\s+(?:(?:this|the)\s+{_QUALIFIERS}{_NOUNS}\b|\"[^\"]{{1,120}}\"))?"
    rf"|(?P<this>this\s+{_NOUNS}\s+(?:originally|initially|previously|earlier)))"
    r"(?:\s+and\s+(?:its\s+|the\s+)?(?P<also>headline|(?:photo\s+|picture\s+)?caption))?(?:\s*,\s*|\s+|$)", _I)
_ON_DATE = re.compile(rf"^on\s+(?:(?:{_WEEKDAYS}),?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|"
                      rf"\d{{1,2}}\s+(?:{_MONTHS}))\b(?:,?\s+\d{{4}})?\s*$", _I)
_PREAMBLE = re.compile(r"^(?:because\s+of|due\s+to|owing\s+to)\s+[^,]{1,60},\s*", _I)
_LEAD_DATE = re.compile(rf"^(?:on\s+)?(?:(?:{_WEEKDAYS}),?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|"
                        rf"\d{{1,2}}\s+(?:{_MONTHS}))(?:,?\s+\d{{4}})?\s*[.,:]?\s+", _I)
_ABBREVIATIONS = frozenset(("jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st no gov sen "
                            "rep gen lt col jr sr inc corp co ltd vs u.s u.k u.n a.m p.m e.g i.e").split())


# str.replace runs at C speed; str.translate with a table looks up every character
_STRAIGHTEN = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "))


def _normalise(text: str) -> str:
    for curly, straight in _STRAIGHTEN:
        if curly in text:
            text = text.replace(curly, straight)
    return re.sub(r"\s+", " ", text).strip().strip("*_").strip()


def _label_key(phrase: str) -> str:
    """A label as the vocabulary table spells it: lower case, single spaces, straight apostrophe."""
    return " ".join(phrase.lower().replace("’", "'").split())


def _label(text: str) -> re.Match[str] | None:
    m = _LABEL.match(text)
    # "Update, the minister said: ..." is prose; a label's aside is a date or time
    if m and m.group("when") and not re.search(rf"\d|\b(?:{_MONTHS}|{_WEEKDAYS})\b", m.group("when"), _I):
        return None
    return m


# "The story was repeated ...", "This story includes reporting by ..." are prose, not notices.
_NOT_SENTENCE_VERBS = frozenset(_EXCEPTIONS["not_sentence"])


def _sentence_style(s: str) -> tuple[str, re.Match[str]] | None:
    """Which sentence-style notice s opens ("wrapper", "this", "earlier"), with its match."""
    for style, pattern in (("wrapper", _WRAPPER), ("this", _THIS_VERSION), ("this", _WE_HAVE)):
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
    return None


def _earlier_section(m: re.Match[str]) -> str | None:
    """The part an "earlier version" phrase names itself: "A headline on an earlier version ..."."""
    part = (m.group("part") or m.group("also") or m.group("noun") or "").lower().split()
    return part[-1] if part and part[-1] in ("headline", "caption") else None


def _names_error(rest: str) -> bool:
    return bool(_EV_PASSIVE.match(rest)) or any(p.match(rest) for p, *_ in _EV_CUES[:-1])


# "This is a developing story and has been updated." ("... and will be updated" promises, discloses nothing)
_DEVELOPING = re.compile(r"^this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?(?:story|situation)\s+"
                         r"and\s+(?:it\s+)?(?:has|had)\s+been\s+(?:updated|revised)\b", _I)
# A parenthetical notice is the whole unit: "(Corrects ...)", "[Updated 10:30 a.m.]".
# (One cut short, never closed, is one too.)
_PARENTHETICAL = re.compile(r"^[(\[]\s*(?P<word>[A-Za-z-]+)(?:\s+(?P<through>through)\b)?[^()]*(?:[)\]]\.?)?$")


def is_notice(text: str) -> bool:
    """True if the text reads as a correction/update notice, in any capitalisation
    (never raises, no full parse)."""
    return _may_open_notice(text) and _notice_style(_normalise(text)) is not None


_FIRST_WORD = re.compile(r"[\W_]*?([^\W\d_]+(?:['’][^\W\d_]+)?)")
# The English sentence forms open like one of these: "This story ...", "An earlier
# version ...", "The headline on ...", "We have corrected ...", "Because of an editing error, ..."
_SENTENCE_START = re.compile(
    r"(?:this|we|we['’]ve)\b|(?:the|an?)\s+(?:(?:story|article)\s+)?(?:story|article|headline|piece|post|caption|"
    r"photo|picture|earlier|previous|prior|original|initial)\b|in\s+(?:an?|the)\s+(?:earlier|previous|prior|"
    r"original|initial)\b|(?:because\s+of|due\s+to|owing\s+to)\b", _I)


def _first_word(text: str) -> str:
    m = _FIRST_WORD.match(text)
    return m.group(1).lower().replace("’", "'") if m else ""


_OPENING_FIRST_WORDS = frozenset(_first_word(p) for table in (_LABEL_KINDS, _OPENING_KINDS) for p in table) \
    | _CAPS_LEADS


def _may_open_notice(text: str) -> bool:
    """A cheap first look: most paragraphs cannot open a notice by their first words."""
    head = text[:80].lstrip(" \t\n*_")
    return head[:1] in "([" or _first_word(head) in _OPENING_FIRST_WORDS or bool(_SENTENCE_START.match(head))


def _notice_style(t: str) -> str | None:
    """How t opens as a notice: "parenthetical", "caps", "label", "opening",
    "developing" or a sentence style; None if it is not a notice."""
    if not t:
        return None
    if t[0] in "([":
        m = _PARENTHETICAL.match(t)
        word = m.group("word").lower() if m else ""
        if word in _LEAD_FORMS or (word == "writes" and bool(m and m.group("through"))):
            return "parenthetical"
        return None
    first = t.split()[0]
    if first.isupper() and first.lower() in _CAPS_LEADS:  # AFP: "CORRECTS name of minister ..."
        return "caps"
    if _label(t) is not None or _LABEL_ONLY.match(t):
        return "label"
    if _OPENING.match(t):
        return "opening"
    if _DEVELOPING.match(t):
        return "developing"
    style = _sentence_style(_PREAMBLE.sub("", t))
    return style[0] if style else None


def has_own_label(text: str) -> bool:
    """A notice that opens with its own label or parenthesis, not a sentence that
    could be the text under a heading."""
    return _may_open_notice(text) and _notice_style(_normalise(text)) in ("label", "parenthetical", "caps")


def is_label_heading(text: str) -> bool:
    """A label line that carries no text of its own, at most a date or time
    ("Correction", "Correction: March 3, 2025", "UPDATE, Jan 5:"): its notice
    is the paragraph(s) that follow."""
    if not _may_open_notice(text):
        return False
    t = _normalise(text)
    if _LABEL_ONLY.match(t):
        return True
    m = _label(t)
    return m is not None and _LEAD_DATE.sub("", t[m.end():] + " ", count=1).strip(" .,") == ""


_HEADING_WORDS = 8


def is_topic_heading(text: str) -> bool:
    """A label with a short topic and no sentence ("Correction: Chart on bond yields"),
    as a corrections column heads each item: its text follows on the next lines."""
    if not _may_open_notice(text):
        return False
    t = _normalise(text)
    m = _label(t)
    rest = t[m.end():] if m else ""
    return bool(m) and 0 < len(rest.split()) <= _HEADING_WORDS and not rest.endswith((".", "!", "?", '"'))


# "Carmaker corrects first-quarter revenue.": a stand-alone correction line, as
# the last line of an item; present-tense correction verbs only ("updates" is
# also what a ministry does every year).
_CLOSING = re.compile(r"^(?P<subject>[A-Z][\w&.'-]*(?:\s+[\w&.'-]+){0,5}?)\s+(?P<verb>corrects|clarifies|retracts)"
                      r"\s+(?P<object>[^.!?]{3,140})[.]?$")
_CLOSING_VERB = re.compile(r"\s(?:corrects|clarifies|retracts)\s")
_HABITUAL = re.compile(r"\b(?:every|each|usually|often|regularly|always|never|routinely|sometimes)\b", _I)


def is_closing_notice(text: str) -> bool:
    """A last line such as "Company corrects first-quarter revenue.": read as a notice
    only where it stands last in the article (the parser asks only there)."""
    if len(text) > 400 or not _CLOSING_VERB.search(text):
        return False
    t = _normalise(text)
    m = _CLOSING.match(t)
    return bool(m) and len(t.split()) <= 20 and not _HABITUAL.search(t)


# The sentence end is matched, not looked behind at: the search then jumps from one
# stop to the next instead of trying the long alternation at every character.
_GLUED = re.compile(rf"[.!?\"')\]]\s*(?=(?:{_phrase_pattern(_LABEL_KINDS)})\s*(?::|\s[-–—]\s)|"
                    r"(?:this|the)\s+(?:story|article)(?:\s+and\s+(?:its\s+)?headline)?\s+(?:has|have)\s+been\s|"
                    r"an?\s+(?:earlier|previous)\s+version\s+of\s+this\s)", _I)
_TRAILING_PARENTHETICAL = re.compile(r"[(\[][^()\[\]]{3,400}[)\]]\.?$")


def notice_tail(unit: str, glued: bool = True) -> int | None:
    """Where a notice starts inside a paragraph that opens with other text, or None:
    a notice glued to the sentence before it ("... information.Correction: ..."),
    or a wire parenthetical closing the paragraph ("... (corrects spelling of
    village in paragraph two)"). The text before it stays the article's own.
    ``glued=False`` looks for the parenthetical only (footnotes are glued at the ends)."""
    if unit.endswith((")", "]", ").", "].")):
        opening = max(unit.rfind("("), unit.rfind("["))
        m = _TRAILING_PARENTHETICAL.match(unit, opening) if opening > 0 else None
        # "CORRECTION: Ferry sails at 9. (Corrects time in earlier post)" is one notice, its parenthesis the why
        if m and unit[:opening].strip() and _notice_style(_normalise(unit[opening:])) == "parenthetical" \
                and not has_own_label(unit[:opening]):
            return opening
    if not glued or not _may_hold_glued(unit):
        return None
    for g in _GLUED.finditer(unit, 1):
        if is_notice(unit[g.end():]):
            return g.end()
    return None


def _may_hold_glued(unit: str) -> bool:
    """False only where ``_GLUED`` cannot match: a label needs a colon or a dash after
    it, the sentences "the story ... has been" and "an earlier version". Most paragraphs
    hold none of them and are passed by (C-speed substring tests, not a regex scan)."""
    if ":" in unit or "-" in unit or "\u2013" in unit or "\u2014" in unit:
        return True
    # letters that re.IGNORECASE reads as ASCII ones (İ ı ſ K) and str.lower() may
    # not lower to them: a paragraph holding one is scanned in full
    if "\u0130" in unit or "\u0131" in unit or "\u017f" in unit or "\u212a" in unit:
        return True
    low = unit.lower()
    return ("been" in low and ("story" in low or "article" in low)) or (
        "version" in low and ("earlier" in low or "previous" in low))


# -- reading ------------------------------------------------------------------


_ORDINAL_MONTHS = frozenset(m for months in VOCABULARY["ordinal_date_months"].values() for m in months)


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
    return text


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
        style = _sentence_style(s)
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
_COLUMN_AS = re.compile(
    r"\b(?P<verb>referred\s+to|described|called|identified|misidentified|named|misnamed|misspelled|misspelt|"
    r"listed|labell?ed|credited)\s+(?P<obj>[^.;]{0,80}?)\s*\bas\s+(?P<old>[^;]+?)\s*$", _I | re.S)
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


_MAX_NOTICE_CHARS = 1500
# an editor's note that says the story was wrong ("... a photo of a different person") clarifies it
_NOTE_SAYS_WRONG = re.compile(r"\b(?:a\s+different|the\s+wrong|in\s+error|not\s+accurate|misleading)\b", _I)
_GENERIC_CLAIM: dict[str, Claim] = {NoticeKind.CORRECTION: Claim("change", Target(Section.ANY)),
                  NoticeKind.UPDATE: Claim("update", Target(Section.ANY)),
                  NoticeKind.CLARIFICATION: Claim("clarify", Target(Section.ANY))}


# Wire notices repeat word for word across stories ("(Updates with details)",
# "(Adds byline)"); the reading is a pure function of the text and gives frozen
# values, so each distinct notice is read once per process.
@lru_cache(maxsize=4096)
def parse_notice(text: str, position: str = "top") -> Notice | None:
    """Read one notice; None if the text is not a correction/update notice at all.

    Every notice that is read has at least one claim, except refiles and
    repeats that name no change; when the details cannot be read the claim is a
    generic one for the kind (change/update/clarify on section "any").
    """
    if position not in POSITIONS:
        raise ValueError(f"position must be one of {', '.join(POSITIONS)}, not {position!r}")
    if position == "slug":
        slug = split_headline_slug(text)[0] or (text.strip().rstrip("-–").strip() if _is_slug(text) else None)
        return slug_notice(slug) if slug and is_notice_slug(slug) else None
    body = _normalise(text)
    style = _notice_style(body)
    if style is None and position == "bottom" and is_closing_notice(body):
        style, body = "closing", body[_CLOSING.match(body).start("verb"):]  # type: ignore[union-attr]
    if style is None:
        return None
    # Real notices are a few lines; the cap keeps the lexical reading linear on junk input.
    body = body[:_MAX_NOTICE_CHARS]
    label_kind: str | None = None
    if style == "parenthetical":
        body = body[1:].rstrip(".").rstrip(")]").strip()
    elif style == "label":
        label = _label(body) or _LABEL_ONLY.match(body)
        assert label is not None  # the style says one of the two matched
        label_kind = _LABEL_KINDS.get(_label_key(label.group("label")), "correction")
        body = _LEAD_DATE.sub("", body[label.end():] + " ", count=1).strip()
    elif style == "opening":
        opening = _OPENING.match(body)
        assert opening is not None
        label_kind = _OPENING_KINDS.get(_label_key(opening.group()), "correction")
    sentences = _sentences(body)
    claims, cues, lead_cue = _read_sentences(sentences)
    if label_kind and _ONLY_WHEN.fullmatch(body):
        # "Correction: March 3, 2025" with its text elsewhere: the date says when,
        # not what; the text makes the claims
        return Notice(text.strip(), NoticeKind(label_kind), position, ())
    if label_kind == NoticeKind.EDITORS_NOTE:  # a note that corrects, updates or clarifies is one of those
        if not cues and (_ERROR_WORDS.search(body) or _NOTE_SAYS_WRONG.search(body) or claims):
            cues.add("clarification")
        kind = next((k for k in ("correction", "clarification", "update") if k in cues), label_kind)
    elif label_kind:
        kind = label_kind
    elif lead_cue in ("refile", "repeat"):
        kind = lead_cue
    else:
        kind = next((k for k in ("correction", "clarification") if k in cues), "update")
    if not claims and kind in _GENERIC_CLAIM:
        claims = [_GENERIC_CLAIM[kind]]
    claims = add_values([_lift_values(c) for c in claims], sentences,
                        kind in (NoticeKind.CORRECTION, NoticeKind.CLARIFICATION))
    if kind in (NoticeKind.CORRECTION, NoticeKind.CLARIFICATION):
        claims = list(_in_the_part_named(claims, body))
    return Notice(text.strip(), NoticeKind(kind), position, tuple(claims))


# "This story and headline have been updated": the story as a whole, its headline too
_WHOLE_AND_PART = re.compile(rf"\b(?:{_NOUNS})\s+and\s+(?:its\s+|the\s+)?(?:headline|caption)", _I)


def _in_the_part_named(claims: list[Claim], body: str) -> tuple[Claim, ...]:
    """Claims that name no part, in the one part the notice names elsewhere ("the caption
    under the photograph put the harbour in ..."; "... The headline has been updated")."""
    named = {Section(sec) for _, sec, _ in _locations(body)} - {Section.BODY}
    if len(named) != 1 or not claims or any(c.target.section != Section.ANY for c in claims) \
            or _WHOLE_AND_PART.search(body):
        return tuple(claims)
    (section,) = named
    return tuple(replace(c, target=replace(c.target, section=section)) for c in claims)


_TO_NUMBER = re.compile(r"^(?P<detail>.+?)\s+to\s+(?P<new>[$£€¥]?\d[\d,.]*(?:\s*(?:%|percent|million|billion))?)$", _I)
# what may stand after a label when the notice's text is elsewhere: a date, a time, a zone
_ONLY_WHEN = re.compile(rf"[\s,.:;()\-–—]*(?:(?:{_MONTHS}|{_WEEKDAYS})\.?|\d{{1,4}}(?:st|nd|rd|th)?|"
                        r"[ap]\.?m\.?|at|on|(?-i:[A-Z]{2,4})|[\s,.:;()\-–—/])*", _I)
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


# -- headline slugs -------------------------------------------------------------

# Wire services put a notice on the headline itself ("UPDATE 2-", "CORRECTED - ",
# "Corrected-"); outlets put other prefixes there too ("Breaking:", "LIVE:",
# "EXCLUSIVE-"), which are slugs as well, though not notices.
def _slug_token(words: Iterable[str], numbered: bool) -> str:
    return rf"(?:{_phrase_pattern(words)})" + (r"(?:\s+\d{1,3})?" if numbered else "")


_NOTICE_SLUG = _slug_token(_SLUG_KINDS, True)
_ANY_SLUG = rf"(?:{_NOTICE_SLUG}|{_slug_token(_HEADLINE_PREFIXES, False)})"
SLUG_CHAIN = rf"{_ANY_SLUG}(?:\s*[-–]\s*{_ANY_SLUG})*"
_SLUG_HEADLINE = re.compile(rf"^\s*(?P<slug>{SLUG_CHAIN})(?P<sep>\s*[:|]\s*|\s+[-–—]\s*|\s*[-–—]\s+|[-–—])"
                            r"(?P<rest>\S.*)$", _I | re.S)


def split_headline_slug(headline: str) -> tuple[str | None, str]:
    """Split a slug off a headline: ("UPDATE 2", "Pakistan says ..."), ("BREAKING", "...").

    Any case and spacing: "CORRECTED - ", "Corrected-", "UPDATE 2-", "Breaking: ".
    A hyphen with no space around it is a slug's only in the wire's own form (an
    upper-case slug, or a participle/number such as "Corrected-"/"Update 2-", before
    a capitalised word), so "Repeat-offender law ..." keeps its first word. The slug
    comes back in upper case with single hyphens between its parts; (None,
    headline) when there is none.
    """
    m = _SLUG_HEADLINE.match(headline)
    if not m:
        return None, headline
    slug, sep, rest = m.group("slug"), m.group("sep"), m.group("rest")
    if sep in "-–—" and not _glued_slug(slug, rest):
        return None, headline
    if ":" in sep and is_notice_slug(slug):  # "Update: ..." is a notice's label, not a wire slug
        return None, headline
    norm = re.sub(r"\s+", " ", re.sub(r"\s*[-–]\s*", "-", slug.strip())).upper()
    return norm, rest.strip()


def _glued_slug(slug: str, rest: str) -> bool:
    """"UPDATE 2-Pakistan says", "Corrected-Ministers agree": a slug, though no space sets it off."""
    if not rest[:1].isupper() and not rest[:1].isdigit():
        return False
    last = slug.split("-")[-1].strip()
    return slug.isupper() and (bool(re.search(r"[a-z]", rest)) or bool(re.search(r"\d$", last))) \
        or last.lower().endswith("ed") or last[-1:].isdigit()


def _is_slug(text: str) -> bool:
    return re.fullmatch(SLUG_CHAIN, text.strip().rstrip("-–:").strip(), _I) is not None


def _slug_words(slug: str) -> list[str]:
    """The slug's parts in lower case, numbers dropped: ["update", "exclusive"]."""
    return [re.sub(r"\s+\d+$", "", " ".join(p.split())).lower() for p in re.split(r"\s*[-–]\s*", slug.strip())
            if p.strip()]


def is_notice_slug(slug: str) -> bool:
    """A slug that is a notice ("CORRECTED", "UPDATE 2"), not a prefix such as "BREAKING"."""
    return _is_slug(slug) and any(w in _SLUG_KINDS for w in _slug_words(slug))


_SLUG_STRENGTH = ("correction", "clarification", "refile", "repeat", "update")


def slug_notice(slug: str) -> Notice:
    """The Notice a headline slug implies; ValueError if it is not a notice slug.

    CORRECTED gives a correction with one generic change claim, UPDATE n an
    update with one generic update claim, REFILE and RPT a refile or repeat
    with no claims. The strongest word wins: "CORRECTED-UPDATE 1" is a correction.
    """
    if not is_notice_slug(slug):
        raise ValueError(f"not a notice slug: {slug!r}")
    norm = re.sub(r"\s+", " ", re.sub(r"\s*[-–]\s*", "-", slug.strip().rstrip("-–:").strip())).upper()
    kinds = {_SLUG_KINDS[w] for w in _slug_words(slug) if w in _SLUG_KINDS}
    kind = NoticeKind(next(k for k in _SLUG_STRENGTH if k in kinds))
    claim = _GENERIC_CLAIM.get(kind)
    return Notice(norm, kind, "slug", (claim,) if claim else ())
