"""The notice reader: what is a notice, and what it claims.

One vocabulary (``vocab/notices.toml``: labels, slugs, verbs and sentence
openings, English first, then German, French, Spanish and Dutch; loaded by
``noticevocab.py``) decides both. This module holds the gates (is it a notice,
where does it start) and ``parse_notice``; ``noticeforms.py`` reads the sentence
forms and ``noticeplaces.py`` the parts of the article a notice names.
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from versioner.claims import MONTHS, Claim, Target
from versioner.claimvalues import add_values
from versioner.kinds import NoticeKind, Section
from versioner.noticeforms import (
    _ERROR_WORDS,
    _LEAD_DATE,
    _NOUNS,
    _PREAMBLE,
    _lift_values,
    _read_sentences,
    _sentence_style,
    _sentences,
)
from versioner.noticepieces import PIECE_START, column_correction
from versioner.noticeplaces import _locations
from versioner.noticevocab import (
    _CAPS_LEADS,
    _HEADLINE_PREFIXES,
    _LABEL_KINDS,
    _LEAD_FORMS,
    _OPENING,
    _OPENING_KINDS,
    _SLUG_KINDS,
    _first_word,
    _phrase_pattern,
)
from versioner.noticevocab import VOCABULARY as VOCABULARY  # the reader's table; callers ask here
from versioner.reading import WEEKDAYS

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 11  # 11: the print column form with no label ("An article on Tuesday about ... misquoted ...", "In our review ..., we said ... In fact ..."), noticepieces.py; 10: "NPR has updated this story ..." opens a notice; 9: a participle phrase before a main clause in brackets, a label with an aside that is no date; 8: a parenthetical that is a sentence ("(Updated figures were not available.)") and a label inside a quotation are not notices; the vocabulary in vocab/notices.toml counts as code here; 7: "story and headline" claims the headline too, quoted words only removed are a correction; 3: column claims (issue 15); 4: misnamed/should-read/reflect-that values, captions; 5: things and values read by claims.py; 6: photo captions, "not Y but Z", contrasts read by claims.py, German ordinal dates, a labelled notice keeps its closing parenthesis

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


_I = re.IGNORECASE
_WEEKDAYS = "|".join(WEEKDAYS)

# -- gates: is this text a notice at all? ----------------------------------------


# A label, then an aside with a date or time ("UPDATE, Jan 5, 9:10 a.m.:",
# "Correction (March 3):") or a running number ("Update 2:"), then ":" or a dash.
_LABEL_HEAD = (rf"^(?P<label>{_phrase_pattern(_LABEL_KINDS)})(?![\w'])"
               r"(?P<when>\s*[,(]\s*(?:[^:)]|:\d\d){1,40}\)?|\s+\d{1,3}(?::\d\d)?(?:\s*[ap]\.?\s?m\b\.?)?"
               r"(?:\s+(?:ET|EST|EDT|GMT|BST|CET|CEST|UTC|PT|PST|PDT|CT)\b)?)?")
_LABEL = re.compile(_LABEL_HEAD + r"\s*(?::|\s[-–—]\s?)\s*", _I)
# A label on a line of its own, with at most a date: "Correction", "Correction: March 3, 2025".
_LABEL_ONLY = re.compile(_LABEL_HEAD + r"\s*[:.]?\s*$", _I)


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
    return _dated(_LABEL.match(text))


def _label_only(text: str) -> re.Match[str] | None:
    return _dated(_LABEL_ONLY.match(text))


def _dated(m: re.Match[str] | None) -> re.Match[str] | None:
    # "Update, the minister said: ..." and "Updates, he said, would be posted hourly."
    # are prose; a label's aside is a date or time
    if m and m.group("when") and not re.search(rf"\d|\b(?:{MONTHS}|{_WEEKDAYS})\b", m.group("when"), _I):
        return None
    return m

# "This is a developing story and has been updated." ("... and will be updated" promises, discloses nothing)
_DEVELOPING = re.compile(r"^this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?(?:story|situation)\s+"
                         r"and\s+(?:it\s+)?(?:has|had)\s+been\s+(?:updated|revised)\b", _I)
# A parenthetical notice is the whole unit: "(Corrects ...)", "[Updated 10:30 a.m.]".
# (One cut short, never closed, is one too.)
_PARENTHETICAL = re.compile(r"^[(\[]\s*(?P<word>[A-Za-z-]+)(?:\s+(?P<through>through)\b)?[^()]*(?:[)\]]\.?)?$")


# A wire parenthetical is a fragment with no subject: "(Corrects date vote was held)",
# "(Updates with comment from police)". Its lead word read as an adjective or a plural
# noun makes a sentence instead: "(Updated figures were not available.)", "(Updates
# with the count are expected after midnight.)": a finite verb that the lead word's
# own phrase governs, before any word that opens a clause of its own.
_FINITE = frozenset("is are was were will would has have had can could may might must should shall".split())
_PLURAL_FINITE = frozenset("are were will would have can could may might must should shall".split())
_SUBJECTS = frozenset("the a an its his her their he she they it we i this these those our".split())
_CLAUSE_OPENERS = frozenset("to that who whom whose which where when whether if after before because since while "
                            "once until as than said says say".split())


def _prose_in_brackets(t: str, word: str) -> bool:
    """True when the parenthetical opening with ``word`` is a sentence, not a notice."""
    finite = _FINITE if word.endswith(("ed", "en")) else _PLURAL_FINITE
    words = re.findall(r"[\w'-]+|[,;:\u2013\u2014]", t[1:].lower())
    skip = False
    for i, w in enumerate(words[1:], 1):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if skip or (w == "to" and (nxt in _SUBJECTS or nxt == "that")):  # "to the timetable", "added to that"
            skip = not skip
            continue
        if w in finite:
            return True
        if w == ",":  # "(Restored in 1998, the pier was ...)": a main clause with its own subject
            return nxt in _SUBJECTS
        if w in _CLAUSE_OPENERS or w in ";:\u2013\u2014" or w.endswith("ing"):
            return False
    return False


def is_notice(text: str) -> bool:
    """True if the text reads as a correction/update notice, in any capitalisation
    (never raises, no full parse)."""
    return _may_open_notice(text) and _notice_style(_normalise(text)) is not None


# The English sentence forms open like one of these: "This story ...", "An earlier
# version ...", "The headline on ...", "We have corrected ...", "Because of an editing error, ..."
_SENTENCE_START = re.compile(
    r"(?:this|we|we['’]ve)\b|(?:the|an?)\s+(?:(?:story|article)\s+)?(?:story|article|headline|piece|post|caption|"
    r"photo|picture|earlier|previous|prior|original|initial)\b|in\s+(?:an?|the)\s+(?:earlier|previous|prior|"
    r"original|initial)\b|(?:because\s+of|due\s+to|owing\s+to)\b|"
    r"(?-i:[A-Z])[^\s]*(?:\s+(?-i:[A-Z])[^\s]*){0,3}\s+(?:has|have)\s+(?:\w+ly\s+)?[a-z-]+\s+this\b", _I)


_OPENING_FIRST_WORDS = frozenset(_first_word(p) for table in (_LABEL_KINDS, _OPENING_KINDS) for p in table) \
    | _CAPS_LEADS


def _may_open_notice(text: str) -> bool:
    """A cheap first look: most paragraphs cannot open a notice by their first words."""
    head = text[:80].lstrip(" \t\n*_")
    return head[:1] in "([" or _first_word(head) in _OPENING_FIRST_WORDS or bool(_SENTENCE_START.match(head)) \
        or bool(PIECE_START.match(head)) or (" as " in text and column_correction(_normalise(text)))


def _notice_style(t: str) -> str | None:
    """How t opens as a notice: "parenthetical", "caps", "label", "opening",
    "developing" or a sentence style; None if it is not a notice."""
    if not t:
        return None
    if t[0] in "([":
        m = _PARENTHETICAL.match(t)
        word = m.group("word").lower() if m else ""
        if word in _LEAD_FORMS and not _prose_in_brackets(t, word):
            return "parenthetical"
        if word == "writes" and bool(m and m.group("through")):
            return "parenthetical"
        return None
    first = t.split()[0]
    if first.isupper() and first.lower() in _CAPS_LEADS:  # AFP: "CORRECTS name of minister ..."
        return "caps"
    if _label(t) is not None or _label_only(t):
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
    if _label_only(t):
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
        # '... in March. "Correction: the ferry runs," the operator wrote': a quotation, not a footnote
        if not _opens_quotation(unit, g) and is_notice(unit[g.end():]):
            return g.end()
    return None


def _opens_quotation(unit: str, g: re.Match[str]) -> bool:
    """Is the glued candidate inside a quotation: its sentence-end mark an opening quote
    (a space before it), or more quotation marks opened than closed before it?"""
    mark = unit[g.start()]
    if mark in "\"'" and (g.start() == 0 or unit[g.start() - 1].isspace()):
        return True
    before = unit[:g.end()]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


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
        label = _label(body) or _label_only(body)
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
    if kind == NoticeKind.UPDATE and _takes_words_back(claims):
        kind = NoticeKind.CORRECTION
    if kind in (NoticeKind.CORRECTION, NoticeKind.CLARIFICATION):
        claims = list(_in_the_part_named(claims, body))
    return Notice(text.strip(), NoticeKind(kind), position, _and_the_part_named(tuple(claims), body))


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


def _takes_words_back(claims: Sequence[Claim]) -> bool:
    """A notice that only takes published words out, and quotes them ("Removes words
    "..." in paragraph 7"), takes back what they said: a correction. One that also adds
    material ("Updates with ..., removes ... line") moves the story on."""
    return bool(claims) and all(c.action == "remove" for c in claims) and any(c.old_value for c in claims)


def _and_the_part_named(claims: tuple[Claim, ...], body: str) -> tuple[Claim, ...]:
    """"This story and headline have been updated" names two parts: the story's claim
    stands, and the same is said of the headline (or caption) it names beside it."""
    m = _WHOLE_AND_PART.search(body)
    if not m or not claims or any(c.target.section not in (Section.ANY, Section.BODY) for c in claims):
        return claims
    part = Section.HEADLINE if "headline" in m.group().lower() else Section.CAPTION
    return claims + (Claim(claims[0].action, Target(part)),)


# what may stand after a label when the notice's text is elsewhere: a date, a time, a zone
_ONLY_WHEN = re.compile(rf"[\s,.:;()\-–—]*(?:(?:{MONTHS}|{_WEEKDAYS})\.?|\d{{1,4}}(?:st|nd|rd|th)?|"
                        r"[ap]\.?m\.?|at|on|(?-i:[A-Z]{2,4})|[\s,.:;()\-–—/])*", _I)


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
