"""The names a reader sees in the words an edit touches (issue 16): whole ("Sen. Ann
Lee", "Acme Steel", "U.S."), a capital opening a sentence or a headline counted only when
the word is no ordinary one or the article writes it as a name, a title-case headline
read word by word, and words that describe people ("the first Black mayor") left out.
Whether each name really changed is namechanges' question."""

from __future__ import annotations

import functools
import re

from versioner.namechanges import ArticleNames, acronym, reads_english
from versioner.names import descriptor_words, is_ordinary, is_title, plain
from versioner.reading import Reading, Token

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1  # out of namechanges.py (its version 6)

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
        # word (an acronym, in any language), or the article writes it as a name inside a
        # sentence too; in copy that is not English no word list says what is ordinary:
        # there a capital opening a sentence makes no name unless the article writes the
        # word as one elsewhere (asked last: reading the paragraph's words costs more than
        # the rest together)
        while k < len(toks) and toks[k][1] and not is_title(toks[k][0].text) \
                and (as_sentence is None or as_sentence.opens(toks[k][0])) \
                and (is_ordinary(toks[k][0].text) or not (acronym(toks[k][0].text)
                                                         or reads_english(reading.text))) \
                and not (known is not None and plain(toks[k][0].text) in known):
            k += 1
        if 0 < k < len(toks) and all(is_ordinary(t.text) for t, _ in toks[k:]):
            k = 0  # "World Cup", "Supreme Court": ordinary words that make one name, all of them
        if k < len(toks):  # "the sixth Black woman": a description of people, no name
            at = toks[k][0].start
            k += descriptor_words([t.text for t, _ in toks[k:]], reading.text[max(0, at - 40):at],
                                  reading.text[n.end:n.end + 40])
        if k < len(toks) and reading.headline and as_sentence is None:
            out += _title_case_names(reading.text, [t for t, _ in toks[k:]], known)
        elif k < len(toks):
            out.append(reading.text[toks[k][0].start:n.end])
    return out


def _title_case_names(text: str, toks: list[Token], known: ArticleNames | None) -> list[str]:
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
        if run and not all(is_title(r.text) for r in run):
            out.append(text[run[0].start:run[-1].end])
        run = []
    return out


@functools.lru_cache(maxsize=64)
def _sentence_case(headline: str) -> bool:
    """Is ``headline`` written as a sentence ("Port workers vote to strike in Ostra"),
    not in title case ("Port Workers Vote to Strike")? Title case leaves only small
    words lower case: a third of its longer words lower case says sentence case."""
    longer = [w for w in _WORD.findall(headline)[1:] if len(w) >= 4 and w.isalpha()]
    return bool(longer) and 3 * sum(map(str.islower, longer)) >= len(longer)
