"""Attribution: which words of an edit attribute a claim, and whether the attribution is
what the edit changed (a source put in, taken out or replaced) or only rides in it (a
verb of saying restyled, a clause rewritten that holds one, the same speaker named
again). ``hunkrules.classify`` asks these questions of each hunk."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace

from versioner.model import Flag, FlagType, Severity
from versioner.names import FUNCTION_WORDS
from versioner.reading import CONTEXT, DATE_WORDS, WORD, Reading, words_as_written

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it.
# 1: split out of hunkrules.py with the rules of t16h
RULES_VERSION = 5  # 2: a neutral verb of saying taken out by one edit of a paragraph and put in by
# another has moved around its speaker; the source a source line names (in_source_line); a speaker
# described by the title the story gives them; another source after "according to" (source_replaced) (t17h)
# 3: who a paragraph cites (cited): the same sources attributed another way, or another source swapped in (t19h)
# 4: no swap when the claim itself was rewritten, or one single-word proper name cited for another (a capital for its state)
# 5: a verb of saying in the passive ("to be announced", "was confirmed") cites no one; the verbs of
# saying in one table (SAYING_VERBS), Dutch ones with them: "meldt de politie" cites the police (f1flags)


# Words that attribute a claim: verbs of saying, hedges, sources
ATTRIBUTION = frozenset({
    "said", "says", "say", "claimed", "claims", "claim", "alleged", "alleges", "allegedly",
    "according", "reportedly", "told", "tells", "stated", "states", "insisted", "insists",
    "admitted", "admits", "denied", "denies", "suggested", "noted", "asserted", "confirmed",
    "acknowledged", "argued", "contended", "purportedly", "apparently", "announced", "warned",
    "reported", "reports", "reporting", "cited", "citing", "quoted", "quoting", "sources", "source",
})


# Verbs of saying: the one table every rule that asks reads (this module, hunkrules,
# hunknames). "neutral": reports speech without judging it, one for another is style (a
# loaded verb, "claimed", "admitted", "insisted", casts the claim in another light);
# "reporting": says that something was made known, by a source named with it ("police
# confirmed", "the ministry announced"); "dutch": the Dutch verbs of saying, neutral, whose
# speaker often follows them ("meldt de politie", "aldus Lee", "zegt de gemeente").
SAYING_VERBS: dict[str, str] = {
    **dict.fromkeys("said says say told tells added adds noted notes stated explained wrote writes".split(), "neutral"),
    **dict.fromkeys("states confirmed announced reported".split(), "reporting"),
    **dict.fromkeys("zegt zei zeggen zeiden aldus vertelt vertelde meldt meldde melden meldden schrijft schreef".split(),
                    "dutch"),
}
_NEUTRAL_SAYING = frozenset(w for w, kind in SAYING_VERBS.items() if kind in ("neutral", "dutch"))
# Every verb of saying: a speaker named just before one ("Lee said") or just after
# ("said Lee", "meldt de politie") is who the words are given to
SPEAKER_VERBS = frozenset(SAYING_VERBS)


# Words on a side of an edit beyond which a verb of saying in it rides in a clause
# rewritten, put in or taken out, not in an attribution changed ("police said" put in
# after a claim, "according to the Acme Institute" dropped, "said" -> "told reporters")
ATTRIBUTION_EDIT = 8


# Words before a verb form that make it a noun ("six states", "the reports", "his claims")
_DETERMINERS = frozenset("""the a an this that these those his her its their our my your some any many several
other all both each every few more most one two three four five six seven eight nine ten""".split())


# Words that cite a source whatever stands before them ("the source", "according to")
_CITING = frozenset(("source", "sources", "according"))


def attributions(words: list[str], text: str, start: int) -> list[str]:
    """The words of an edit that attribute a claim: a verb of saying, "according", a
    source; a verb form used as a noun ("six states", "the reports") or as part of a
    name ("United States") is none."""
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if lw not in ATTRIBUTION:
            continue
        before = words[i - 1] if i else next(iter(words_as_written(text[max(0, start - CONTEXT):start])[-1:]), "")
        if lw not in _CITING and (before.lower() in _DETERMINERS or before[:1].isdigit()
                                  or (w[:1].isupper() and before[:1].isupper())):
            continue
        if before.lower() in _PASSIVE_BE and lw not in _HEDGES and not lw.endswith("ly"):
            continue  # "to be announced", "was confirmed": an event told, no one cited for a claim
        out.append(w)
    return out


# Forms of "to be" that make a verb after them passive ("expected to be announced", "the
# closure was confirmed"): the thing said is the subject, no speaker stands behind a claim
_PASSIVE_BE = frozenset("be been being is are was were".split())
# ... unless the passive is itself a hedge ("is said to", "was reported", "is alleged")
_HEDGES = frozenset("said reported alleged claimed".split())


def attribution_edit(old_w: list[str], new_w: list[str]) -> bool:
    """Is the attribution the point of the edit: a short one, or a longer one that puts
    other named speakers in place of those it had ("said Ann Lee" -> "Bo Tan told reporters")?"""
    if max(len(old_w), len(new_w)) <= ATTRIBUTION_EDIT:
        return True
    speakers_old, speakers_new = _speakers(old_w), _speakers(new_w)
    return bool(speakers_old and speakers_new) and not speakers_old & speakers_new


def _speakers(words: list[str]) -> set[str]:
    """Who may speak in a side of an edit that has a verb of saying: its capitalised words
    (the first aside, which may only open a sentence); none without such a verb."""
    if not any(w.lower() in _NEUTRAL_SAYING for w in words):
        return set()
    return {w for w in words[1:] if w[:1].isupper()}


def restyled_verb(old_w: list[str], new_w: list[str], att_old: list[str], att_new: list[str]) -> str:
    """"said -> told", when both sides of a short edit attribute with neutral verbs of
    saying only (the speaker is kept: the caller has found no name changed); else ""."""
    if max(len(old_w), len(new_w)) > ATTRIBUTION_EDIT:
        return ""
    verbs = [[w for w in ws if w.lower() in _NEUTRAL_SAYING] for ws in (old_w, new_w)]
    if not (verbs[0] and verbs[1]) or verbs[0] == verbs[1]:
        return ""
    if any(w.lower() not in _NEUTRAL_SAYING for w in att_old + att_new):
        return ""
    return f"{' '.join(verbs[0])} -> {' '.join(verbs[1])}"


def names_speaker(words: list[str]) -> bool:
    """Does a side of an edit just before a verb of saying hold who speaks: a word other
    than a small word or an adverb ("had", "previously", "on Monday" put in before
    "said" changes when or how it was said, not who said it)?"""
    return any(w.lower() not in FUNCTION_WORDS and not w.lower().endswith("ly")
               and not w[:1].isdigit() for w in words)


def speaker_kept(old_text: str, new_text: str, old_w: list[str], new_w: list[str]) -> bool:
    """Does every name on each side of an edit before a verb of saying stand in the other
    side's text, the whole revision where it is known ("Deputy Chief Ann Lee of the port
    police" earlier, "Lee" before "said" now): the same speaker, named again or shorter?"""
    caps_old = [_bare(w) for w in old_w if w[:1].isupper()]
    caps_new = [_bare(w) for w in new_w if w[:1].isupper()]
    if not (caps_old or caps_new):
        # "and told" -> "the mayor told" where "Mayor Ann Lee" spoke: named by the title given
        return _by_title(new_w, old_w, old_text) or _by_title(old_w, new_w, new_text)
    return all(w in _words_of(new_text) for w in caps_old) and all(w in _words_of(old_text) for w in caps_new)


def _by_title(described: list[str], other: list[str], other_text: str) -> bool:
    """Is the speaker of one side of an edit described only by titles the other revision
    gives someone before their name ("the mayor", "Mayor Ann Lee"), and is no one named on
    the other side of the edit? The same person, named another way."""
    content = [w for w in described if w.lower() not in FUNCTION_WORDS]
    return bool(content) and all(w.lower() in FUNCTION_WORDS for w in other) \
        and all(_titled_name(w.capitalize(), other_text) for w in content)


def _titled_name(title: str, text: str) -> bool:
    r"""Does ``title`` stand in ``text`` as a word before a capital (``\bTitle\s+[A-Z]``)?
    Searched from where the title first stands: every match opens there or later, and a
    title the text lacks (most) is ruled out by one find rather than by trying the
    pattern's word boundary at every character of a long article (a property test holds
    the two equal)."""
    at = text.find(title)
    return at >= 0 and re.compile(rf"\b{re.escape(title)}\s+[A-Z]").search(text, at) is not None


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """The words of a whole revision, possessives dropped: read once, however many edits
    before a verb of saying look a speaker up in it."""
    return frozenset(_bare(w) for w in WORD.findall(text))


def _bare(word: str) -> str:
    """``re.sub(r"['’]s$", "", word)`` without the pattern looked up per word (``$`` also
    stands before a last line break): a property test holds the two equal."""
    if word.endswith(_POSSESSIVE):
        return word[:-2]
    if word.endswith(_POSSESSIVE_LINE):
        return word[:-3] + "\n"
    return word


_POSSESSIVE = ("'s", "’s")
_POSSESSIVE_LINE = ("'s\n", "’s\n")


def source_replaced(old_text: str, new_text: str, old_span: tuple[int, int], new_span: tuple[int, int]) -> bool:
    """Does an edit put another source in place of the one cited after "according to"
    ("according to the press office" -> "according to the event schedule"): on both sides
    it stands just after "according (to)" and ends the source's words, and the sides share
    no word but small ones (a number of sources changed, or the same source described
    otherwise, is no other source)?"""
    if not (_cites_from(old_text, old_span) and _cites_from(new_text, new_span)):
        return False  # the cheap test first: most edits cite nothing
    old_w, new_w = (_unglued(t[a:b]) for t, (a, b) in ((old_text, old_span), (new_text, new_span)))
    content = [{w.lower() for w in ws if w.lower() not in FUNCTION_WORDS} for ws in (old_w, new_w)]
    return all(content) and not content[0] & content[1]


def _cites_from(text: str, span: tuple[int, int]) -> bool:
    """Is ``text[span]`` the end of a source cited: "according" a few words back, and no
    word but a small one just after it ("according to three [sources]" changes a count)?"""
    window = text[max(0, span[0] - CONTEXT):span[0]]
    if "according" not in window.lower():
        return False  # no word of the window can be "according"
    before = [w.lower() for w in words_as_written(window)[-_CITE_REACH:]]
    after = words_as_written(text[span[1]:span[1] + CONTEXT])[:1]
    ends = not after or after[0].lower() in FUNCTION_WORDS or not text[span[1]:].lstrip()[:1].isalnum()
    return "according" in before and ends


def _unglued(text: str) -> list[str]:
    """The words of ``text``, words run together at a capital split ("siteAcme": site, Acme)."""
    return words_as_written(re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text))


# Words back from an edit within which "according (to)" makes it the source cited
_CITE_REACH = 3


# A line that credits the copy to its source ("Source: Acme Wire"), as aggregators and
# wire services print it above or below a story
_SOURCE_LINE = re.compile(r"\s*sources?\s*:", re.I)


def in_source_line(old_text: str, new_text: str, starts: tuple[int, int], has_words: bool) -> bool:
    """Does an edit (starting at ``starts`` in the two paragraphs, changing words when
    ``has_words``) change what a source line names after its label, on both sides?"""
    old, new = _SOURCE_LINE.match(old_text), _SOURCE_LINE.match(new_text)
    return has_words and old is not None and new is not None and starts[0] >= old.end() and starts[1] >= new.end()


def saying_moved(flags: list[Flag], old_text: str, new_text: str) -> list[Flag]:
    """The flags of one paragraph (``old_text`` -> ``new_text``), where a neutral verb of
    saying that one edit only takes out another puts in ("...," said Ann Lee -> "...," Ann
    Lee told reporters) is the verb moved around a speaker who stands: each such
    attribution flag is style (low). Where the speaker changed, the edit that changed
    them is flagged for it."""
    if not any(f.type == FlagType.ATTRIBUTION for f in flags):
        return list(flags)  # only an attribution flag is ever turned to style
    moves = [_saying_moved(f) for f in flags]
    out = []
    for i, f in enumerate(flags):
        cut, put = moves[i]
        verb = cut or put
        counterpart = any(m[1] if cut else m[0] for j, m in enumerate(moves) if j != i)
        if f.type == FlagType.ATTRIBUTION and len(verb) and not (cut and put) and counterpart \
                and _only_saying(f) and _names_stand(f, old_text, new_text):
            f = replace(f, type=FlagType.WORDING, severity=Severity.LOW,
                        reason=f"verb of saying moved, the speaker kept: {' '.join(verb)} "
                               f"{'taken out here' if cut else 'put in here'}")
        out.append(f)
    return out


def _saying_moved(f: Flag) -> tuple[Counter[str], Counter[str]]:
    """The neutral verbs of saying an edit only takes out, and those it only puts in."""
    old = Counter(w.lower() for w in words_as_written(f.old) if w.lower() in _NEUTRAL_SAYING)
    new = Counter(w.lower() for w in words_as_written(f.new) if w.lower() in _NEUTRAL_SAYING)
    return old - new, new - old


def _only_saying(f: Flag) -> bool:
    """Does the edit attribute with neutral verbs of saying only (no hedge, source or loaded verb)?"""
    return all(w.lower() in _NEUTRAL_SAYING for w in words_as_written(f.old + " " + f.new)
               if w.lower() in ATTRIBUTION)


def _names_stand(f: Flag, old_text: str, new_text: str) -> bool:
    """Does each capitalised word of the edit stand on the paragraph's other side (the one
    after "told" is who was told, not who spoke), and each word before its verb of saying
    ("the port police said" cut)? Then no speaker came or went with it."""
    for words, other in ((words_as_written(f.old), new_text), (words_as_written(f.new), old_text)):
        verbs = [i for i, w in enumerate(words) if w.lower() in _NEUTRAL_SAYING]
        other_words = {w.lower() for w in _words_of(other)}
        for i, (prev, w) in enumerate(zip(["", *words], words)):
            speaker = bool(verbs) and i < verbs[-1] and w.lower() not in FUNCTION_WORDS
            if (speaker or (w[:1].isupper() and prev.lower() not in ("told", "tells"))) \
                    and _bare(w).lower() not in other_words:
                return False
    return True


# -- who a paragraph cites: a source swapped or the same source restyled -----------

# The reason a swapped source's flag opens with, which the audit reads: the claim now
# rests on another source ("a spokesperson said" -> "the harbour master said")
SOURCE_SWAPPED = "source swapped"

# Verbs that give a claim to a speaker named before them ("police said") or just after
# them (", said Ann Lee"); the words after "told" are who heard it, not who spoke
_SPEAKING = (ATTRIBUTION | SPEAKER_VERBS) - frozenset("according allegedly reportedly purportedly apparently sources source "
                                    "cited citing quoted quoting reporting".split())
_HEARD = frozenset(("told", "tells"))
# Where the words naming a source end: a clause's punctuation or a quotation mark
_SOURCE_TOKEN = re.compile(r"[\w'’-]+|[,.;:!?()\"“”‘—–]")
_SOURCE_REACH = 6  # a source is a noun phrase: "the port authority's chief engineer"
# Words in a source phrase that name no one: auxiliaries and time ("had", "on Monday")
_NOT_SOURCE = FUNCTION_WORDS | frozenset(w for w in DATE_WORDS if w.endswith("day")) | frozenset("""has have
had was were is are be been being will would could also later earlier previously then today yesterday
statement reporters de het een""".split())  # (the last three: Dutch articles, "meldt de politie")


# Words no source phrase holds (_phrase stops at the one and passes over the other)
_NEVER_SOURCE = ATTRIBUTION | _NOT_SOURCE


def cited(paragraph: str) -> Counter[tuple[str, ...]]:
    """Who a paragraph gives its claims to: for each attribution, the words naming its
    source, lower case ("according to the port police", "the port police said", ",
    said Ann Lee" each give ``("port", "police")`` or ``("ann", "lee")``). A speaker
    told by a pronoun ("she said") names no source here: the story named them before."""
    tokens = _SOURCE_TOKEN.findall(paragraph)
    low = [t.lower() for t in tokens]
    found: Counter[tuple[str, ...]] = Counter()
    # only the words that can open an attribution are looked at, picked out in one pass
    for i, t in [(i, t) for i, t in enumerate(low) if t in _OPENS_SOURCE]:
        if t == "according" and low[i + 1:i + 2] == ["to"]:
            source = _phrase(tokens, i + 2, 1)
        elif t in _SPEAKING:
            # the speaker stands before the verb ("she said", "police said"), or after it
            # where the verb opens its clause (", said Ann Lee")
            inverted = (i == 0 or not tokens[i - 1][0].isalnum()) and t not in _HEARD
            source = _phrase(tokens, i + 1, 1) if inverted else _phrase(tokens, i - 1, -1)
        else:
            continue
        if source:
            found[tuple(source)] += 1
    return found


_OPENS_SOURCE = _SPEAKING | {"according"}


def _cited_side(reading: Reading) -> Counter[tuple[str, ...]]:
    """``cited`` of a paragraph side, read once for all its hunks (Reading.fact)."""
    return cited(reading.text)


def _cited_of(text: str, reading: Reading | None) -> Counter[tuple[str, ...]]:
    """``cited(text)``, looked up in ``reading`` (of ``text``) when the caller has it."""
    return cited(text) if reading is None else reading.fact(_cited_side)


def _phrase(tokens: list[str], start: int, step: int) -> list[str]:
    """The content words from ``start`` on, going ``step``, up to a clause's end."""
    out: list[str] = []
    i = start
    while 0 <= i < len(tokens) and len(out) < _SOURCE_REACH and (tokens[i][0].isalnum() or tokens[i][0] == "_"):
        w = _bare(tokens[i]).lower()
        if w in ATTRIBUTION:
            break  # another attribution's verb: its own source
        if w not in _NOT_SOURCE:
            out.append(w)
        i += step
    return out[::step]


def source_kept(old_text: str, new_text: str, att_old: list[str], att_new: list[str],
                readings: tuple[Reading, Reading] | None = None) -> str:
    """"according -> said", when an edit only restyles how a paragraph attributes
    ("according to police" -> "police said", "say" -> "says"): the words it changes are
    neutral verbs of saying or "according", and the paragraph cites the same sources as
    often before and after. Else "". ``readings``: of the two texts, when the caller has them."""
    words = [w.lower() for w in att_old + att_new]
    if not all(w in _NEUTRAL_SAYING or w == "according" for w in words):
        return ""
    if "according" not in words and not (att_old and att_new) \
            and _citing(old_text) == _citing(new_text):
        return ""  # a verb of saying only put in or taken out, "according" kept: moved, if at all (saying_moved)
    old_rd, new_rd = readings if readings is not None else (None, None)
    sources = _cited_of(old_text, old_rd)
    if not sources or sources != _cited_of(new_text, new_rd):
        return ""
    return f"{' '.join(att_old) or '-'} -> {' '.join(att_new) or '-'}"


def _citing(text: str) -> int:
    return text.lower().count("according to")


def source_swapped(old_text: str, new_text: str, old_w: list[str], new_w: list[str],
                   readings: tuple[Reading, Reading] | None = None) -> str:
    """"a spokesperson -> harbour master", when an edit (its words ``old_w``, ``new_w``)
    takes out a source the old paragraph cites and puts in one the new cites, the two
    sharing no word: another source for the claim, not the same one named more fully
    ("a spokesperson" -> "a company spokesperson"). Else "". ``readings``: of the two
    texts, when the caller has them (each paragraph side's sources are read once)."""
    edited_old, edited_new = {_bare(w).lower() for w in old_w}, {_bare(w).lower() for w in new_w}
    if not (edited_old - _NEVER_SOURCE and edited_new - _NEVER_SOURCE):
        return ""  # only verbs of saying and small words on a side ("said" -> "told"): no source's words
    # each side read only when the other may give a source: most edits name none
    old_rd, new_rd = readings if readings is not None else (None, None)
    old_s = list(_cited_of(old_text, old_rd)) if edited_old and edited_new else []
    if not any(edited_old & set(s) for s in old_s):
        return ""
    new_s = list(_cited_of(new_text, new_rd))
    gone = [s for s in old_s if edited_old & set(s) and not any(set(s) & set(t) for t in new_s)]
    came = [s for s in new_s if edited_new & set(s) and not any(set(s) & set(t) for t in old_s)]
    if not (gone and came) or _claim_rewritten(edited_old, edited_new, gone, came):
        return ""
    was, now = _as_written(gone, old_text), _as_written(came, new_text)
    if _one_place_for_another(gone, came, was, now):
        return ""
    return f"{was} -> {now}"


# Words an edit may change beside the source and still leave the claim as it stood
# ("A spokesperson told reporters" -> "The harbour master said": an article, a verb)
_CLAIM_KEPT = 2


def _claim_rewritten(edited_old: set[str], edited_new: set[str], gone: list[tuple[str, ...]],
                     came: list[tuple[str, ...]]) -> bool:
    """Did the edit rewrite the claim itself, not only who it rests on: more than a
    couple of its words, beyond the sources, verbs of saying and small words, changed
    ("'A review is under way,' Maj. Ann Lee said" -> "A spokesperson said in a statement
    that the unit would review ..."). That is new material attributed anew, not the
    same claim put to another source."""
    def rest(edited: set[str], sources: list[tuple[str, ...]]) -> set[str]:
        return edited - set().union(*map(set, sources)) - _OPENS_SOURCE - FUNCTION_WORDS - _HEARD
    return len(rest(edited_old, gone) | rest(edited_new, came)) > _CLAIM_KEPT


def _one_place_for_another(gone: list[tuple[str, ...]], came: list[tuple[str, ...]], was: str, now: str) -> bool:
    """One proper name of a single word cited for another ("Iran said" -> "Tehran
    said"): a capital may stand for its state and a state for its government, so it may
    be the same source named another way; the flag stays attribution, but is not told as
    a source swapped. Persons named alone go to the name rules before this."""
    single = len(gone) == len(came) == 1 and len(gone[0]) == len(came[0]) == 1
    return single and was[:1].isupper() and now[:1].isupper()


def _as_written(sources: list[tuple[str, ...]], text: str) -> str:
    """Sources as ``text`` writes them ("Port Authority"), for a reason a reader reads."""
    written = {_bare(t).lower(): _bare(t) for t in _SOURCE_TOKEN.findall(text)}
    return "; ".join(" ".join(written.get(w, w) for w in s) for s in sources)
