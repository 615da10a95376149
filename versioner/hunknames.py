"""The names a reader sees in the words an edit touches (issue 16): whole ("Sen. Ann
Lee", "Acme Steel", "U.S."), a capital opening a sentence or a headline counted only when
the word is no ordinary one or the article writes it as a name, a title-case headline
read word by word, and words that describe people ("the first Black mayor") left out.
Whether each name really changed is namechanges' question."""

from __future__ import annotations

import functools
import re

from versioner.attribution import SPEAKER_VERBS
from versioner.hunk import Hunk
from versioner.namechanges import ArticleNames, acronym, reads_english
from versioner.names import FUNCTION_WORDS, descriptor_words, is_ordinary, is_title, plain
from versioner.reading import Reading, Token, word_after, word_before

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
# 2 (q1flags): an acronym opening a sentence is a name ("US officials"); in a title-case headline
# only the names an edit touches are its names; one named speaker put for another is attribution
# 3 (f1flags): the verbs of saying are attribution.SAYING_VERBS (now with "noted", "explained",
# "confirmed", "announced", "reported")
RULES_VERSION = 3  # 1: out of namechanges.py (its version 6)

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def hunk_names(reading: Reading, start: int, end: int, known: ArticleNames | None) -> list[str]:
    """The names a reader sees touching [start, end) of the reading's text, each whole
    ("Sen. Ann Lee", "Acme Steel", "U.S.")."""
    out: list[str] = []
    found = reading.names_in(start, end)
    if not found:
        return out  # no capital touches the range (most edits): how the headline is written is not asked
    # a headline written as a sentence (its longer words lower case) capitalises as a
    # sentence does: a capital inside it marks a name, as it would in the body
    as_sentence = reading.as_sentence if reading.headline and _sentence_case(reading.text) else None
    for n, toks in found:
        k = 0
        # a word opening a sentence or a headline is a name only when it is no ordinary
        # word, or an acronym (in any language: "US officials" is no "us", "UN" no French
        # "un", unless the whole text is in capitals), or the article writes it as a name inside a
        # sentence too; in copy that is not English no word list says what is ordinary:
        # there a capital opening a sentence makes no name unless the article writes the
        # word as one elsewhere (asked last: reading the paragraph's words costs more than
        # the rest together)
        while k < len(toks) and toks[k][1] and not is_title(toks[k][0].text) \
                and (as_sentence is None or as_sentence.opens(toks[k][0])) \
                and not (acronym(toks[k][0].text) and not _shouted(reading.text)) \
                and (is_ordinary(toks[k][0].text) or not reads_english(reading.text)) \
                and not (known is not None and plain(toks[k][0].text) in known):
            k += 1
        if 0 < k < len(toks) and all(is_ordinary(t.text) and not acronym(t.text) for t, _ in toks[k:]):
            k = 0  # "World Cup", "Supreme Court": ordinary words that make one name, all of them
        if k < len(toks):  # "the sixth Black woman": a description of people, no name
            at = toks[k][0].start
            k += descriptor_words([t.text for t, _ in toks[k:]], reading.text[max(0, at - 40):at],
                                  reading.text[n.end:n.end + 40])
        if k < len(toks) and reading.headline and as_sentence is None:
            # every word of a title-case headline has a capital, so its run is no one name:
            # only the names the edit touches are the edit's ("Explosion" -> "Blast" in
            # "Explosion Hits Vessa Plant" touches no name)
            out += _title_case_names(reading.text, [t for t, _ in toks[k:]], known, (start, max(end, start + 1)))
        elif k < len(toks):
            out.append(reading.text[toks[k][0].start:n.end])
    return out


# Verbs that give words to a speaker named just before them ("Lee said") or just after
# ("said Lee", Dutch "zegt Lee"): attribution.SAYING_VERBS, the one table of them
_SAYING = SPEAKER_VERBS


def speaker_swapped(h: Hunk, names_old: list[str], names_new: list[str], known: ArticleNames | None) -> bool:
    """Is one speaker the story names put in place of another it names too: the edit's
    names stand just before a verb of saying, or just after one, on both sides ("“...,”
    Lee said" -> "“...,” Tan said"), and each is named in both revisions? Who said it
    changed: the words are now someone else's (attribution). A speaker the story did not
    name before ("Mayor Ann Lee said" -> "Mayor Ida Berg said") is a name put right."""
    if not (names_old and names_new) or known is None:
        return False
    if not all(known.mentioned(n, side=0) and known.mentioned(n, side=1) for n in (*names_old, *names_new)):
        return False
    for text, start, end in ((h.old_text, h.old_start, h.old_end), (h.new_text, h.new_start, h.new_end)):
        after, before = word_after(text, end), word_before(text, start)
        if not ((after and after[0].lower() in _SAYING) or (before and before[0].lower() in _SAYING)):
            return False
    return True


def speaker_described(h: Hunk) -> bool:
    """Does the edit describe the speaker before a verb of saying otherwise, who stands
    as before: an aside put in (or taken out) between commas, in lower-case words that
    name no one ("Lee, who leads the rescue, said", ", speaking at a news conference,"),
    or the same words reordered round the name ("Police Chief Ann Lee" -> "Ann Lee, the
    police chief,")?"""
    if h.old.strip() and h.new.strip():
        old_w, new_w = ({w.lower() for w in _WORD.findall(t)} - FUNCTION_WORDS for t in (h.old, h.new))
        return bool(old_w) and old_w == new_w and any(w[:1].isupper() for w in _WORD.findall(h.old))
    piece, text, start, end = (h.new, h.new_text, h.new_start, h.new_end) if h.new.strip() \
        else (h.old, h.old_text, h.old_start, h.old_end)
    before, after = text[:start].rstrip(), text[end:].lstrip()
    opened = piece.lstrip().startswith(",") or before.endswith(",")
    closed = piece.rstrip().endswith(",") or after.startswith(",")
    words = _WORD.findall(piece)
    return opened and closed and bool(words) and all(w.islower() for w in words)


def _title_case_names(text: str, toks: list[Token], known: ArticleNames | None,
                      touching: tuple[int, int]) -> list[str]:
    """The names in a run of a title-case headline, where every word carries a capital
    ("University of Ostra Will End Use of Tests"): the words that are names on their own
    (no ordinary word, an acronym, or one the article writes as a name), with the small
    words between them ("University of Ostra")."""
    out: list[str] = []
    run: list[Token] = []
    for t in [*toks, None]:
        if t is not None and (is_title(t.text) or acronym(t.text) or not is_ordinary(t.text)
                              or (known is not None and plain(t.text) in known)):
            run.append(t)
            continue
        # a title on its own names no one ("... as Intelligence Chief"): it attaches to a name
        if run and not all(is_title(r.text) for r in run) \
                and run[0].start < touching[1] and run[-1].end > touching[0]:
            out.append(text[run[0].start:run[-1].end])
        run = []
    return out


@functools.lru_cache(maxsize=64)
def _shouted(text: str) -> bool:
    """Is ``text`` written in capitals, most of its letters upper case (a shouted
    headline, "FIRE KILLS 12")? There an acronym's shape tells nothing."""
    letters = [c for c in text if c.isalpha()]
    return 2 * sum(map(str.isupper, letters)) > len(letters)


@functools.lru_cache(maxsize=64)
def _sentence_case(headline: str) -> bool:
    """Is ``headline`` written as a sentence ("Port workers vote to strike in Ostra"),
    not in title case ("Port Workers Vote to Strike")? Title case leaves only small
    words lower case: a third of its longer words lower case says sentence case."""
    longer = [w for w in _WORD.findall(headline)[1:] if len(w) >= 4 and w.isalpha()]
    return bool(longer) and 3 * sum(map(str.islower, longer)) >= len(longer)
