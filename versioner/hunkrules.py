"""Hunk rules: the type, severity and reason of one hunk of an edited paragraph.

A hunk is a run of non-equal word ops (``hunks``). ``flags._flag_ops`` gives each
figure in a hunk its own flag and asks ``classify`` for the rest of it: the first
type that applies, in the order of the README's table (quote, negation, name,
attribution, wording; typo and punctuation for the small fixes). Each rule looks
things up in the paragraph's reading (``reading.read``) rather than re-scanning text.
The negation rules are in ``hunknegation``, the dates, units and counted nouns in
``hunkfigures``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from versioner.articlenames import aliases
from versioner.attribution import (
    _HEARD,
    ATTRIBUTION,
    ATTRIBUTION_EDIT,
    SOURCE_SWAPPED,
    SPEAKER_VERBS,
    attribution_edit,
    attributions,
    in_source_line,
    names_speaker,
    restyled_verb,
    source_kept,
    source_replaced,
    source_swapped,
    speaker_kept,
)
from versioner.figures import Figure, same_quantity
from versioner.hunk import Hunk
from versioner.hunkfigures import (  # noqa: F401 (_OLD_FIGS_NEAR, FIGURE_EDIT: read from here too)
    _OLD_FIGS_NEAR,
    DATE_WORDS,
    FIGURE_EDIT,
    _counted_noun_change,
    _date_change,
    _figures_ending_before,
    same_unit,
)
from versioner.hunkfigures import change_reason as _change_reason
from versioner.hunknames import hunk_names, speaker_described, speaker_swapped
from versioner.hunknegation import (
    _NEGATION,
    _NEGATION_EDIT,
    _NEGATION_REWRITE,
    _negated_kept,
    _negation_reason,
    _negations,
)
from versioner.hunkquotes import _quoted_edit, _quotes_stand_elsewhere, _single_quote_mark
from versioner.model import Flag, FlagType, Section, Severity
from versioner.namechanges import (
    ArticleNames,
    added_beside,
    apostrophe_in_name,
    changed_names,
    compact,
    names_make_edit,
    respelling,
    source_aside,
    whole_name,
)
from versioner.nameforms import legal_form_only
from versioner.nameidentified import identified, surname
from versioner.names import FUNCTION_WORDS
from versioner.quotes import TAKEN_OUT, TITLE_MARKS, mark_of_rewritten_quote, quotes_kept, said_elsewhere
from versioner.reading import (
    CONTEXT,
    WORD,
    Reading,
    read,
    word_after,
    words_as_written,
)
from versioner.smallfixes import (
    edit_distance,
    repeat_removed,
    slip_in_quote,
    small_fix,
    small_word_alone,
    tense_only,
    typo_reason,
)

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 1: split out of flags.py (issue 16), behaviour unchanged;
# 2: names: a detail added, a source aside, an apostrophe in a name (t16-names);
#    quoted words kept on both sides, titles in quotes, headline quotes put in or taken out whole (t16-quotes);
# 3: a unit written out (km -> kilometres) is the same figure; a "nor" clause put in or taken out is no negation
# 4: attribution: a neutral verb of saying restyled is style, a verb form read as a noun is none, a verb of
#    saying inside a rewritten clause is wording, a speaker named again is no change of source (t16h)
# 5: named speakers cut with their verb of saying are attribution, not names (t16n)
# 6: "the family of X said": a name after "of" before a verb of saying is no source; a sentence put in
#    that identifies someone the story never named is a name (t17n)
# 7: the source named in a source line ("Source: Acme Wire") changed is attribution;
#    an article cut, or "on" before a day, is style (smallfixes.small_word_alone); another source
#    after "according to", named or not (t17h)
# 8: the same source attributed another way ("according to police" -> "police said") is style; another
#    source, whatever the verb, is "source swapped: A -> B" (attribution.cited) (t19h)
# 9: the same number whose noun is only written another way (a unit's form with its noun dropped,
#    "persons" -> "person", "S'poreans" -> "Singaporeans") counts the same thing: no figure (t20k)
#    (a hunk's negations to hunknegation.py, its dates, units and counted nouns to hunkfigures.py: no change)
# 10 (q1flags): one speaker the story names put for another is attribution; a speaker described in
#    an aside, retitled, or named alike (a capital for its country) is no source changed
# 11 (f1flags): a company's legal form written or dropped, a capital put for its country (or back)
#    as one word for another, are style whatever follows; a projection's source dropped as the
#    projection came true ("will win, the desk projects" -> "has won") is no source taken away;
#    the verbs of saying are attribution.SAYING_VERBS (Dutch ones too), and a source named after
#    its verb (", meldt de brandweer", ", said police") swapped for another is attribution;
#    quotation marks taken off a short claim in a headline, its words kept, are attribution
RULES_VERSION = 11


_QUOTE_CHARS = "\"“”«»„"


_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARS}]")
# every quotation mark, single ones too (which may also be apostrophes)
_MARKS = _QUOTE_CHARS + "'‘’"


STYLE_ONLY = "quotation mark or apostrophe style only"


_QUOTE_STYLE = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def _plain_quotes(s: str) -> str:
    return s.translate(_QUOTE_STYLE)


def _source_aside(h: Hunk, names_old: list[str], names_new: list[str]) -> bool:
    """Is the hunk a source's aside between commas, only taken out or only put in?"""
    if not h.new.strip():
        return source_aside(h.old_text, h.old_start, h.old_end, names_old)
    return not h.old.strip() and source_aside(h.new_text, h.new_start, h.new_end, names_new)


def _speakers_cut(h: Hunk, names_old: list[str]) -> bool:
    """Are the names only taken out the subject of a verb of saying the edit takes out
    with them ("Ann Lee and Ida Marsh said in a statement")? Who said it changed:
    attribution, whatever the rest of the edit puts in."""
    if not names_old:
        return False
    last = h.old_text.rfind(names_old[-1], h.old_start, h.old_end)
    if last < 0:
        return False
    after = word_after(h.old_text, last + len(names_old[-1]))
    return bool(after) and after[0].lower() in _SAID and h.old_text.find(after[0], last) < h.old_end


def _source_phrase(h: Hunk) -> bool:
    """Does the hunk stand in a source phrase on both sides: just after "according to"
    (a few words back) or just before "said", "told", "says"...? A spelling fixed there
    is still a name; a source put in place of another is attribution."""
    def cites(text: str, start: int, end: int) -> bool:
        before = [w.lower() for w in words_as_written(text[max(0, start - CONTEXT):start])[-_SOURCE_REACH:]]
        # "the family of the victim said" -> "... of Ann Lee said": the noun before "of"
        # says it, the words after it only tell whose it is
        speaks = bool(before) and before[-1] != "of" and bool({w.lower() for w in word_after(text, end)} & _SAID)
        return "according" in before or speaks
    return cites(h.old_text, h.old_start, h.old_end) and cites(h.new_text, h.new_start, h.new_end)


# Words back from an edit within which "according (to)" makes it a source; verbs after one
_SOURCE_REACH = 4


# the verbs of saying (attribution.SAYING_VERBS, the one table of them)
_SAID = SPEAKER_VERBS


QUOTE_PUNCTUATION = "punctuation inside quotation marks"
CLAIM_UNQUOTED = "quotation marks taken off a claim in the headline: the outlet now says it in its own voice"


def classify(h: Hunk, ofs: list[Figure], nfs: list[Figure], had_figures: bool,
              section: Section, paragraph: int | None, names: ArticleNames | None = None) -> Flag | None:
    old_w, new_w = words_as_written(h.old), words_as_written(h.new)
    if ofs or nfs:
        fig_words = {w for f in [*ofs, *nfs] for w in words_as_written(f.text)}
        rest_old = [w for w in old_w if w not in fig_words]
        rest_new = [w for w in new_w if w not in fig_words]
    else:
        rest_old, rest_new = old_w, new_w

    def flag(typ: FlagType, sev: Severity, reason: str) -> Flag:
        return Flag(typ, sev, section, paragraph, h.old.strip(), h.new.strip(), reason)

    if section == Section.HEADLINE and old_w == new_w and any(c in h.old for c in _MARKS) \
            and _claim_unquoted(h, *_readings(h, True)):
        # "Blast kills 'at least 12'" -> "Blast kills at least 12": the figure or word was
        # given as someone's, and now stands in the outlet's own voice (asked before the
        # figure rules: the figure itself is kept)
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, CLAIM_UNQUOTED)
    if had_figures and not rest_old and not rest_new:
        return None
    if (ofs and nfs and not rest_old and not rest_new
            and all(any(same_quantity(o, n) for n in nfs) for o in ofs)
            and all(any(same_quantity(o, n) for o in ofs) for n in nfs)):
        # "95 billion pounds" -> "£95bn", "April 14" -> "14 April": only the style changed,
        # whatever words happen to sit next to it
        return flag(FlagType.WORDING, Severity.LOW, "same figure written differently")
    # (each mark is restyled as one character: sides of two lengths never read the same)
    if len(h.old) == len(h.new) and _plain_quotes(h.old) == _plain_quotes(h.new):
        return flag(FlagType.PUNCTUATION, Severity.LOW, STYLE_ONLY)
    headline = section == Section.HEADLINE
    rd_old, rd_new = _readings(h, headline)
    # a paragraph side without a quotation has no span a mark could open or an edit fall in
    quoting = bool(rd_old.quotes or rd_new.quotes)
    quote_marks = _QUOTE_MARK.search(h.old) is not None or _QUOTE_MARK.search(h.new) is not None \
        or (quoting and _single_quote_mark(h, rd_old, rd_new))
    inside = quoting and _quoted_edit(h, rd_old, rd_new, old_w, new_w)
    if quote_marks or inside:
        kept = quotes_kept(h, rd_old, rd_new, headline, names.texts[0] if names is not None else None)
        if kept == TAKEN_OUT and names is not None and said_elsewhere(h, rd_old, names.texts[1]):
            kept = None  # moved, perhaps reworded: told below
        if kept == TITLE_MARKS:
            return flag(FlagType.PUNCTUATION, Severity.LOW, kept)
        if kept and old_w == new_w:
            return flag(FlagType.PUNCTUATION, Severity.LOW, "quotation marks or punctuation moved, no quoted word changed")
        if kept:
            # no quoted word changed: a mark or comma moved with the attribution, a quote
            # fragment moved in a headline; the rest of the hunk is read as any other words
            quote_marks = inside = False
    if old_w == new_w and not quote_marks and not inside:
        return flag(FlagType.PUNCTUATION, Severity.LOW, "punctuation only")
    if (quote_marks or inside) and names is not None and _quotes_stand_elsewhere(h, rd_old, rd_new, names):
        # a quotation taken out of one paragraph that the other revision still quotes word
        # for word (a quote split off into a paragraph of its own): moved, not changed
        return flag(FlagType.MOVED, Severity.LOW, "quotation moved: the same words are quoted elsewhere")
    if quote_marks and old_w == new_w:
        if headline:
            # headlines put words in quotes for emphasis or to attribute a claim
            # without quoting anyone new: a style change, not a changed quotation
            return flag(FlagType.PUNCTUATION, Severity.LOW, "quotation marks in the headline only")
        if mark_of_rewritten_quote(h, rd_old, rd_new):
            return flag(FlagType.PUNCTUATION, Severity.LOW, "a quotation mark left by a quote rewritten away")
        return flag(FlagType.QUOTE, Severity.HIGH, "quotation marks added or removed")
    if inside and old_w == new_w and not quote_marks:
        return flag(FlagType.QUOTE, Severity.HIGH, QUOTE_PUNCTUATION)
    if inside:
        slip = slip_in_quote(h, old_w, new_w)
        if slip:
            return flag(FlagType.TYPO, Severity.LOW, f"{slip}, inside quotation marks: the speaker's words restored")
        return flag(FlagType.QUOTE, Severity.HIGH, "inside quotation marks")
    low_old, low_new = [w.lower() for w in old_w], [w.lower() for w in new_w]
    if low_old == low_new:
        return flag(FlagType.TYPO, Severity.LOW, "capitalisation only")
    # one name for another, each a single word: a name fixed even where one side opens a
    # sentence; a pronoun put in place of a name (or the other way round) is no respelling
    one_for_one = len(old_w) == 1 and len(new_w) == 1 and old_w[0][:1].isupper() and new_w[0][:1].isupper() \
        and low_old[0] not in FUNCTION_WORDS and low_new[0] not in FUNCTION_WORDS
    screen = _screen(h, low_old, low_new, one_for_one)
    if screen.one_each and apostrophe_in_name(old_w, new_w):
        # "Markaydon" -> "Mar'Kaydon", "ONeill" -> "O'Neill": a name spelt as its bearer spells it
        return flag(FlagType.NAME, Severity.MEDIUM, f"spelling of a name: {old_w[0]} -> {new_w[0]} (apostrophe)")
    if old_w and new_w and compact(h.old) == compact(h.new) and not quote_marks and h.old.lower() != h.new.lower():
        # "Acme-based" -> "Acmebased", "Leesaid" -> "Lee said": the same letters spaced
        # or hyphenated otherwise (a page's markup often glues words)
        return flag(FlagType.PUNCTUATION, Severity.LOW, "spacing or hyphens only")
    small = (small_fix(h, old_w, new_w, rd_new) if screen.one_each else None) \
        or (repeat_removed(h, old_w, new_w, rd_old) if screen.one_cut else None)
    if small:
        return flag(FlagType.TYPO, Severity.LOW, small)
    tense = tense_only(old_w, new_w) if screen.one_each else None
    if tense:
        return flag(FlagType.WORDING, Severity.LOW, tense)
    dates = _date_change(h, old_w, new_w) if screen.dates else None
    if dates:
        return flag(FlagType.FIGURE, Severity.HIGH, dates)
    if not (ofs or nfs) and same_unit(old_w, new_w) and _figures_ending_before(h.old_text, h.old_start):
        return flag(FlagType.WORDING, Severity.LOW, "same figure, its unit written another way")
    noun_change = _counted_noun_change(h, ofs, nfs, old_w, new_w)
    if noun_change:
        return flag(FlagType.FIGURE, Severity.HIGH, noun_change)
    neg_old, neg_new = (_negations(old_w), _negations(new_w)) if screen.negations else ([], [])
    # "wouldn't" -> "won't" keeps the polarity; a sentence rewritten around a negation
    # ("did not respond" -> "declined to comment") is wording: a negation flag is for a
    # statement otherwise kept and turned round
    # ", nor did the mayor" put in or taken out adds or drops a negative clause of its own
    # ("X did not reply, nor did Y"): no statement kept is turned round
    nor_clause = not (old_w and new_w) and set(neg_old + neg_new) == {"nor"}
    if len(neg_old) != len(neg_new) and not nor_clause and (max(len(old_w), len(new_w)) <= _NEGATION_EDIT
                                         or (max(len(old_w), len(new_w)) <= _NEGATION_REWRITE
                                             and (_negated_kept(old_w, new_w) or _negated_kept(new_w, old_w)))):
        return flag(FlagType.NEGATION, Severity.HIGH, _negation_reason(h, neg_old, neg_new, rd_old, rd_new))
    if (screen.small_words and _small_words_only(old_w, new_w)) or (screen.one_word and small_word_alone(h, old_w, new_w)):
        return flag(FlagType.WORDING, Severity.LOW, "small words only: " + _wording_reason(h))
    if in_source_line(h.old_text, h.new_text, (h.old_start, h.new_start), bool(old_w or new_w)):
        # "Source: Acme Wire" -> "Source: Daily Post": the copy is now another's, every
        # claim in it attributed anew
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM,
                    f"source of the story changed: {h.old.strip() or '-'} -> {h.new.strip() or '-'}")
    if legal_form_only(old_w, new_w):
        return flag(FlagType.WORDING, Severity.LOW, "a company's legal form written or dropped")
    if old_w and not new_w and _projection_came_true(h, old_w):
        # "will win the seat, the desk projects" -> "has won the seat": the forecast is
        # a result now, told in the writer's voice; no source was taken from a claim
        return flag(FlagType.WORDING, Severity.LOW, "the source of a projection dropped as it came true")
    if one_for_one and aliases(old_w[0], new_w[0]):
        # "Norway said" -> "Oslo said": a government called by its capital, the same speaker
        return flag(FlagType.WORDING, Severity.LOW, f"the same body named another way: {old_w[0]} -> {new_w[0]}")
    names_old = hunk_names(rd_old, h.old_start, h.old_end, names)
    read_new = screen.names_new or not names_old  # names_new read: a respelling below asks for it again
    names_new = hunk_names(rd_new, h.new_start, h.new_end, names) if read_new else []
    att_old = attributions(old_w, h.old_text, h.old_start) if screen.attribution_old else []
    att_new = attributions(new_w, h.new_text, h.new_start) if screen.attribution_new else []
    if att_old != att_new and not attribution_edit(old_w, new_w):
        # a clause or a sentence rewritten, put in or taken out that happens to hold a
        # verb of saying: what it says is the change, which the wording rules judge
        att_old = att_new = []
    restyled = restyled_verb(old_w, new_w, att_old, att_new)  # asked once, of the words that stand
    kept = source_kept(h.old_text, h.new_text, att_old, att_new, (rd_old, rd_new)) \
        if att_old != att_new and not restyled else ""
    if kept:
        # "according to police" -> "police said", "say" -> "says": the paragraph cites the
        # same sources as before, only said another way
        return flag(FlagType.WORDING, Severity.LOW, f"attribution restyled, the source kept: {kept}")
    if att_old != att_new and not (old_w and new_w):
        # "according to the Treasury" dropped: the name is the source being cited, and what
        # a reader loses is the attribution (the claim now reads as the writer's own)
        reason = _change_reason("attribution", att_old, att_new)
        cited = names_old or names_new
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, reason + (f" (source: {' '.join(cited)})" if cited else ""))
    who = [n for n in identified(h.new) if n not in identified(h.old) and names is not None
           and not names.mentioned(surname(n), side=0)] if screen.identifies else []
    if who:
        # "police identified her as Ann Lee" put in: the story now says who she is
        return flag(FlagType.NAME, Severity.HIGH, "person identified: " + ", ".join(who))
    respelled = one_for_one and bool(names_old or names_new)
    whole = (names_old, names_new)
    if respelled:
        names_old, names_new = old_w, new_w  # one capitalised word for another: a respelled name
    alike = bool(names_old and names_new)  # then: each side names the same ones, judged as names are
    if names_old or names_new:  # of no names, none changed (changed_names gives two empty lists)
        names_old, names_new = changed_names(names_old, names_new, rd_old, rd_new, names)
    alike = alike and not (names_old or names_new)
    if not respelled and (names_old or names_new):
        if not names_make_edit(names_old, old_w, names_new, new_w, speakers=bool(att_old and att_new)):
            names_old = names_new = []  # a sentence rewritten around its names: wording
    if names_new and not names_old and not respelled and added_beside(old_w, new_w, names_new, h.new_text, h.new_start, h.new_end):
        # "in Ostra" put in, "and Ann Lee" added to a list, "including the Port Authority":
        # a detail put in beside words that all stand, no name taken back or replaced
        return flag(FlagType.WORDING, Severity.MEDIUM, "detail added, naming " + ", ".join(names_new))
    if names_old or names_new:
        if len(names_old) == 1 and len(names_new) == 1:
            d = edit_distance(names_old[0], names_new[0])
            if d == 0:
                return flag(FlagType.WORDING, Severity.LOW, "the same name, written around differently")
            if d <= 2 and respelling(names_old[0], names_new[0], d):
                n = "one letter" if d == 1 else "two letters"
                return flag(FlagType.NAME, Severity.MEDIUM, f"spelling of a name: {names_old[0]} -> {names_new[0]} ({n})")
        if respelled:
            # "Northern Star" -> "Western Star": one word of a longer name, told whole
            names_old = whole_name(names_old, whole[0])
            names_new = whole_name(names_new, whole[1] if read_new else hunk_names(rd_new, h.new_start, h.new_end, names))
        if not (names_old and names_new) and (_source_phrase(h) or _source_aside(h, names_old, names_new)
                                               or _speakers_cut(h, names_old)):
            # "according to Governor Ann Lee" -> "according to the armed forces": a named
            # source for an unnamed one is attribution (one person for another stays a name);
            # so is ", Acme Research projects," taken out or put in
            swapped = source_swapped(h.old_text, h.new_text, old_w, new_w, (rd_old, rd_new))
            return flag(FlagType.ATTRIBUTION, Severity.MEDIUM,
                        f"{SOURCE_SWAPPED}: {swapped}" if swapped else _change_reason("source", names_old, names_new))
        if speaker_swapped(h, names_old, names_new, names):  # "Lee said" -> "Tan said": who said it
            return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, _change_reason("speaker", names_old, names_new))
        return flag(FlagType.NAME, Severity.HIGH, _change_reason("name", names_old, names_new))
    swapped = source_swapped(h.old_text, h.new_text, old_w, new_w, (rd_old, rd_new)) if restyled or att_old != att_new else ""
    if swapped:
        # "a spokesperson said" -> "the harbour master told reporters": whatever the verb,
        # the claim now rests on someone else
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, f"{SOURCE_SWAPPED}: {swapped}")
    if restyled:
        # "said" -> "told reporters", "says" -> "added": the same speaker, a neutral verb
        # of saying for another; nothing is claimed of the speaker that was not before
        return flag(FlagType.WORDING, Severity.LOW, f"verb of saying restyled, the speaker kept: {restyled}")
    if att_old != att_new:
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, _change_reason("attribution", att_old, att_new))
    if max(len(old_w), len(new_w)) <= ATTRIBUTION_EDIT and rd_old.fact(_may_cite) and rd_new.fact(_may_cite) \
            and source_replaced(h.old_text, h.new_text, (h.old_start, h.old_end), (h.new_start, h.new_end)):
        # "according to the press office" -> "according to the event schedule": the claim
        # now rests on another source, named or not
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, f"{SOURCE_SWAPPED}: {' '.join(old_w)} -> {' '.join(new_w)}")
    following = word_after(h.new_text, h.new_end)
    if following and following[0].lower() in _SAID and max(len(old_w), len(new_w)) <= ATTRIBUTION_EDIT \
            and not (alike or speaker_described(h)) \
            and names_speaker([w for w in old_w + new_w if w.lower() not in DATE_WORDS]) \
            and not speaker_kept(*_whole_texts(h, names), old_w, new_w):
        swapped = source_swapped(h.old_text, h.new_text, old_w, new_w, (rd_old, rd_new))
        return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, f"{SOURCE_SWAPPED}: {swapped}" if swapped else
                    f"source changed before \"{following[0]}\": {' '.join(old_w) or '-'} -> {' '.join(new_w) or '-'}")
    # the verb just before the edit, an article between them ("meldt de [politie]")
    preceding = [w.lower() for w in words_as_written(h.old_text[max(0, h.old_start - CONTEXT):h.old_start])[-2:]] \
        if old_w and new_w else []
    if preceding[-1:] and preceding[-1] in _ARTICLES_AFTER_VERB:
        preceding = preceding[:-1]
    if preceding[-1:] and preceding[-1] in _SAID and preceding[-1] not in _HEARD \
            and max(len(old_w), len(new_w)) <= ATTRIBUTION_EDIT:
        # ", meldt de brandweer." -> ", meldt omwonenden.", ", said police" -> ", said
        # officials": the source named after its verb, as Dutch and wire copy write it
        swapped = source_swapped(h.old_text, h.new_text, old_w, new_w, (rd_old, rd_new))
        if swapped:
            return flag(FlagType.ATTRIBUTION, Severity.MEDIUM, f"{SOURCE_SWAPPED}: {swapped}")
    typo = typo_reason(h, old_w, new_w)
    if typo:
        return flag(FlagType.TYPO, Severity.LOW, typo)
    if ofs and nfs and all(any(same_quantity(o, n) for n in nfs) for o in ofs) and len(old_w) <= 3:
        return flag(FlagType.WORDING, Severity.LOW, "same figure written differently")
    return flag(FlagType.WORDING, Severity.MEDIUM, _wording_reason(h))


class Screen(NamedTuple):
    """What a hunk's words can hold, read once (``_screen``): each rule whose trigger a
    hunk lacks is not asked, since it could only answer no. Most hunks of a reworded
    paragraph are a word or two for others, and hold none of these."""

    dates: bool  # a day or month name (_date_change)
    negations: bool  # a negation word, or an apostrophe that may make one ("didn't")
    small_words: bool  # an article (_small_words_only, once the cases differ)
    attribution_old: bool  # a word of saying or citing on the old side (attributions)
    attribution_new: bool
    identifies: bool  # "identified" or "named" put in (identified)
    # the new side's names are read whatever the old side names: one capitalised word for
    # another is respelled once either side names someone, and then both sides' names are
    # put aside for the two words themselves
    names_new: bool
    # one word on each side (apostrophe_in_name, small_fix, tense_only), one word in all
    # (small_word_alone), one word taken out and none put in (repeat_removed): the shape
    # each of those rules asks for before anything else
    one_each: bool
    one_word: bool
    one_cut: bool


def _screen(h: Hunk, low_old: list[str], low_new: list[str], one_for_one: bool) -> Screen:
    """The triggers ``h`` holds; ``low_old``, ``low_new``: its words, lower case;
    ``one_for_one``: one capitalised word put for another."""
    return Screen(
        dates=not (DATE_WORDS.isdisjoint(low_old) and DATE_WORDS.isdisjoint(low_new)),
        negations=not (_NEGATION.isdisjoint(low_old) and _NEGATION.isdisjoint(low_new))
        or "'" in h.old or "’" in h.old or "'" in h.new or "’" in h.new,
        small_words=not (_SMALL_STYLE_WORDS.isdisjoint(low_old) and _SMALL_STYLE_WORDS.isdisjoint(low_new)),
        attribution_old=not ATTRIBUTION.isdisjoint(low_old),
        attribution_new=not ATTRIBUTION.isdisjoint(low_new),
        identifies="identified" in h.new or "named" in h.new,
        names_new=not one_for_one,
        one_each=len(low_old) == 1 and len(low_new) == 1,
        one_word=len(low_old) + len(low_new) == 1,
        one_cut=len(low_old) == 1 and not low_new,
    )


# Words a headline's quoted claim may hold: a figure, a word or a short phrase ("at least 12",
# "deliberate"); a longer quote is someone's statement
_CLAIM_WORDS = 4


def _claim_unquoted(h: Hunk, rd_old: Reading, rd_new: Reading) -> bool:
    """Does the edit take quotation marks off a short claim inside a headline, its words
    kept, the new headline quoting nothing ("kills 'at least 12'" -> "kills at least 12")? Not
    a statement the headline opens with or gives after a colon ("Mayor: 'We will
    rebuild'"), nor a title. (Marks put on are emphasis or distance: style, issue 16.)"""
    if rd_new.quotes or len(rd_old.quotes) != 1:
        return False
    s, e = rd_old.quotes[0]
    if not (s <= h.old_end and e >= h.old_start):
        return False
    before = rd_old.text[:s].rstrip(" '‘\"“")
    words = WORD.findall(rd_old.text[s:e])
    return bool(before) and before[-1] not in ":;" and 0 < len(words) <= _CLAIM_WORDS \
        and not all(w[:1].isupper() for w in words)


# Articles that may stand between a verb of saying and the source after it
_ARTICLES_AFTER_VERB = frozenset("the de het".split())


# Words that make a claim a forecast, and words that put it in the future, in English and Dutch
_PROJECTING = frozenset("""projects projected projecting projection forecast forecasts predicts predicted
expects estimates verwacht voorspelt""".split())
_FUTURE = re.compile(r"\b(?:will|won't|is projected to|are projected to|is expected to|is set to|zal|zullen)\b", re.IGNORECASE)


def _projection_came_true(h: Hunk, old_w: list[str]) -> bool:
    """Does the edit take out the source of a projection ("the desk projects", "according
    to analysts" where the claim "is projected to"), while the paragraph's claim is no
    longer in the future (fewer "will"s)? The result is in: a fact now."""
    if not any(w[:1].isupper() or w.lower() in ATTRIBUTION for w in old_w):
        return False
    if not (any(w.lower() in _PROJECTING for w in old_w)
            or any(w.lower() in _PROJECTING for w in words_as_written(h.old_text[max(0, h.old_start - CONTEXT):h.old_start]))):
        return False
    return len(_FUTURE.findall(h.old_text)) > len(_FUTURE.findall(h.new_text))


def _may_cite(reading: Reading) -> bool:
    """Can an edit of this paragraph side stand after "according" (source_replaced)? Not
    when no "according" stands anywhere in it: looked for once a side, not around each edit
    (a property test holds the two to the same answer)."""
    return "according" in reading.text.lower()


def _whole_texts(h: Hunk, names: ArticleNames | None) -> tuple[str, str]:
    """The two revisions' texts where the article is known, else the hunk's paragraphs."""
    return (names.texts[0], names.texts[1]) if names is not None else (h.old_text, h.new_text)


def _readings(h: Hunk, headline: bool) -> tuple[Reading, Reading]:
    """The readings of the hunk's two paragraphs: those ``hunks`` made for all of its
    hunks (each side of a paragraph is read once, however many edits it holds), or new
    ones for a hunk made without them."""
    if h.old_reading is not None and h.new_reading is not None and h.old_reading.headline == headline:
        return h.old_reading, h.new_reading
    return read(h.old_text, headline), read(h.new_text, headline)


# Articles and the like: adding or dropping one ("People who" -> "The people who") is style
_SMALL_STYLE_WORDS = frozenset("the a an".split())


def _small_words_only(old_w: list[str], new_w: list[str]) -> bool:
    """Do the two sides differ only by articles (case aside)?"""
    strip = [[w.lower() for w in ws if w.lower() not in _SMALL_STYLE_WORDS] for ws in (old_w, new_w)]
    # a bare article put in is the "missing small word" typo, read later
    return strip[0] == strip[1] and bool(old_w) and bool(new_w)


def _wording_reason(h: Hunk) -> str:
    old, new = " ".join(h.old.split()), " ".join(h.new.split())
    if len(old) > 40 or len(new) > 40:
        return "words changed"
    if not old:
        return f'"{new}" added'
    if not new:
        return f'"{old}" removed'
    return f'"{old}" -> "{new}"'
