"""The print corrections-column forms of a notice, which name the piece and then its
error with no label before them: "An article on Thursday about the port strike
misquoted the union's leader", "A picture caption on Monday misidentified ...",
"In our profile of the composer (Review, April 17), we said she was born in Lyon."
Newspapers print these in their corrections column and paste the same sentence
under the story online, often with no "Correction:" above it.

An error verb makes one ("misquoted", "wrongly stated", "was miscaptioned"); a plain
"said" or "described ... as" only where the piece carries its print citation
("(The last keepers, 3 March, page 22)"), since a piece that "said" something is what
any story says about another story. Part of the notice reader (``notices.py``,
``noticeforms.py``)."""

from __future__ import annotations

import re

# Bump when an edit here changes what the reader returns (see notices.RULES_VERSION).
RULES_VERSION = 3  # 3: only "In our ..., we said ..." is read as an earlier-version sentence, the other forms as column sentences; 2: a plain verb with the print citation, a passive error verb, "..., not Z as we had it"

_I = re.IGNORECASE

# The pieces a newspaper corrects: not "report" or "study", which most often are
# somebody else's ("A report by the inspector misstated the costs").
_PIECE_NOUNS = (r"(?:article|story|column|essay|editorial|obituary|review|profile|interview|feature|"
                r"headline|(?:picture\s+|photo\s+|photograph\s+)?caption|graphic|chart|map|listing|"
                r"news\s+(?:item|brief)|letter|leader|analysis|explainer|podcast|newsletter|photo|photograph)")
# The error verbs that make a sentence about a piece a correction of it.
_ERROR_VERB = (r"(?:(?:incorrectly|wrongly|erroneously|mistakenly|inaccurately)\s+[a-z]+|"
               r"misspell(?:ed|s)?|misspelt|misidentifie[sd]|misname[sd]|misquote[sd]|misattribute[sd]|"
               r"misstate[sd]|misreport(?:ed|s)|misrepresent(?:ed|s)|mischaracteri[sz]e[sd]|misdescribe[sd]|"
               r"mislabel(?:l?ed|s)|misdate[sd]|"
               r"(?:was|were)\s+(?:mis[a-z]+ed|(?:incorrectly|wrongly|mistakenly|erroneously)\s+[a-z]+)|"
               r"(?:gave|had|used|carried|included)\s+(?:an?\s+|the\s+)?(?:incorrect|wrong|inaccurate)|"
               r"referred\s+(?:incorrectly|wrongly|erroneously|mistakenly)|"
               r"(?:described|identified|reported|stated|said|gave|listed|called)\s+"
               r"(?:incorrectly|wrongly|erroneously|mistakenly))\b")
# "An article on Thursday about the strike misquoted ...": a piece, what it was
# about or where it ran (no sentence end, no clause of its own), then the error verb.
_PIECE = re.compile(
    rf"^(?:[•·]\s*)?(?:an?|the|our|yesterday's|today's|last\s+\w+'s)\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"(?P<noun>{_PIECE_NOUNS})\b(?P<about>[^.;!?]{{0,200}}?)\s+(?={_ERROR_VERB})", _I)
# "In our profile of Daniel Marsh (Review, April 17), we said ...": the Guardian's form.
_IN_OUR = re.compile(
    rf"^(?:[•·]\s*)?in\s+(?:our|an?|the|yesterday's|last\s+\w+'s)\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"(?P<noun>{_PIECE_NOUNS}|introduction|intro|summary|teaser|subheading|version|edition|report|broadcast)\b(?P<about>[^;!?]{{0,200}}?),?\s+we\s+"
    r"(?=(?:said|stated|wrote|reported|described|called|referred|gave|named|listed|put|"
    r"misspelled|misspelt|misnamed|misidentified|misquoted|misstated|omitted|wrongly|"
    r"incorrectly|mistakenly)\b)", _I)
# A plain verb ("said", "described ... as") makes one only where the piece is cited as
# print columns cite it, "(The churches nobody wants, 15 February, page 30)", or is
# ours ("our", "last Saturday's") with the right version beside it.
_PLAIN_VERB = (r"(?:said|stated|described|referred\s+to|called|gave|reported|wrote|listed|named|suggested|"
               r"included|put)\b")
_PIECE_PLAIN = re.compile(
    rf"^(?:[•·]\s*)?(?P<det>an?|the|our|yesterday's|today's|last\s+\w+'s)\s+(?:[\w'-]+\s+){{0,2}}?"
    rf"(?P<noun>{_PIECE_NOUNS})\b(?P<about>[^.;!?]{{0,240}}?)\s+(?={_PLAIN_VERB})", _I)
_PRINT_CITATION = re.compile(r"\([^()]*\b(?:pages?|p\.)\s*\d+[^()]*\)", _I)
_OURS = re.compile(r"^(?:our|yesterday's|today's|last\s+\w+'s)$", _I)
# "Chris Honer, not Chris Horner as we had it in The Guide": the column's own words
_AS_WE_HAD = re.compile(
    r",?\s+not\s+[^,.;]{1,80}?,?\s+as\s+(?:we\s+(?:had\s+it|said|stated|suggested|wrote|reported)|"
    r"(?:the|this|our)\s+(?:story|article|piece|report|column)\s+(?:originally|previously|earlier|first|"
    r"wrongly|incorrectly|mistakenly)\s+(?:stated|said|reported|had\s+it))\b", _I)
_ERROR_WORD = re.compile(r"(?:mis\w+|wrongly|incorrectly|mistakenly|omitted)\b", _I)
# where the column gives the right version: "In fact, ...", "..., not ...", "should have said"
_RIGHT_GIVEN = re.compile(r"\bin\s+fact\b|,\s*not\s|\bshould\s+have\b|\brather\s+than\b|\bactually\b", _I)
# A clause of its own inside "about ...": "An article that ran on Monday" is fine,
# "The story he wrote" is not a piece of ours but a finite verb's subject.
_OWN_CLAUSE = re.compile(r"\b(?:he|she|they|we|i|you)\s+\w+|\bsaid\b|\baccording\s+to\b", _I)
# "..., the minister said." at the end: a source speaking about some piece, not a notice
_ATTRIBUTED = re.compile(r",\s*(?:[\w.'-]+\s+){1,5}(?:said|says|told|wrote|added|claimed|insisted|argued|noted|maintained|complained)\s*\.?\s*$"
                         r"|\b(?:according\s+to|said\s+in\s+a\s+statement)\b", _I)


# The cheap first look of ``notices._may_open_notice``: how such a sentence opens.
PIECE_START = re.compile(rf"(?:[•·]\s*)?(?:in\s+)?(?:an?|the|our|yesterday's|today's|last\s+\w+'s)\s+"
                         rf"(?:[\w'-]+\s+){{0,2}}?{_PIECE_NOUNS}\b", _I)


def piece_error(text: str, inside: bool = False) -> re.Match[str] | None:
    """The match of a print-column correction sentence up to its error verb, or None.
    ``text[m.end():]`` then opens with the verb ("misquoted ...", "said ...").
    "In our story last year, we said the bridge would open in 2025" is a notice only
    with the right version beside it ("In fact ...", "..., not ..."), unless the
    sentence is already ``inside`` a notice."""
    m = _PIECE.match(text)
    if m is None and (plain := _PIECE_PLAIN.match(text)) is not None:
        cited = _PRINT_CITATION.search(plain.group("about"))
        if inside or cited or (_OURS.match(plain.group("det")) and _RIGHT_GIVEN.search(text)):
            m = plain
    if m is None:
        m = _IN_OUR.match(text)
        if m is not None and not inside and not _ERROR_WORD.match(text, m.end()) \
                and not _RIGHT_GIVEN.search(text) and not _PRINT_CITATION.search(m.group("about")):
            return None
    if m is None or _OWN_CLAUSE.search(m.group("about")) or _ATTRIBUTED.search(text):
        return None
    return m


# "(Gym, eat, repeat, 17 July, page 6, G2)": where the piece ran, not a value it gave
_CITATION = re.compile(r"\s*\((?=[^()]*\b(?:pages?|p\.|pp\.)\s*\d)[^()]*\)\s*(?=[.;]?\s*$)", _I)


def error_clause(sentence: str, m: re.Match[str]) -> str:
    """What the piece got wrong, from its error verb on, without the print citation."""
    return _CITATION.sub("", sentence[m.end():])


def column_correction(text: str) -> bool:
    """A sentence in the column's own words: "X is Y, not Z as we had it in ...", or
    "..., not Z as we said" / "as the story originally stated" under a column's bullet
    or with its print citation."""
    m = _AS_WE_HAD.search(text)
    if m is None or _ATTRIBUTED.search(text):
        return False
    # "The mayor, not her deputy as we said yesterday, will attend" is the story's own
    # sentence: only "as we had it", a column's bullet or its print citation make one
    return "had it" in m.group().lower() or text.lstrip()[:1] in "•·" or bool(_PRINT_CITATION.search(text))


def names_its_error(m: re.Match[str]) -> bool:
    """Whether the error clause after the match is read as "An earlier version ..."
    reads it: only in "In our …, we said …" (the other forms read better as column
    sentences, whose values the sentences after them give)."""
    return m.re is _IN_OUR


def piece_section(m: re.Match[str]) -> str | None:
    """The part the piece names itself: a headline or a caption."""
    noun = m.group("noun").lower().split()[-1]
    return noun if noun in ("headline", "caption") else None
