"""Small fixes: the typo and grammar rules of one hunk (a one- or two-letter fix of a word
that is not a word, a verb made to agree, a doubled word, a missing small word, a verb put
in another tense, a slip fixed inside a quote). ``hunkrules.classify`` asks them before
the rules that make a change substantive."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from versioner.names import is_ordinary
from versioner.reading import DATE_WORDS, word_after, word_before, words_as_written

if TYPE_CHECKING:
    from versioner.hunk import Hunk
    from versioner.reading import Reading

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 3  # 3: two sets of initials ("UN" -> "UK") are no typo of a common word (q1flags)
# 1: split out of hunkrules.py, behaviour unchanged
# 2: an article cut, or "on" put in or taken out before a day, is style (small_word_alone; t17h)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance, capped at ``limit`` (short words only)."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    # A common start and end never change the distance (a respelled name keeps most of
    # its letters): only what lies between is compared, letter by letter.
    shorter = min(len(a), len(b))
    p = 0
    while p < shorter and a[p] == b[p]:
        p += 1
    s = 0
    while s < shorter - p and a[-1 - s] == b[-1 - s]:
        s += 1
    a, b = a[p : len(a) - s], b[p : len(b) - s]
    # each edit changes at most two letters of those one side holds and the other lacks, so
    # that many differing letters bound the distance from below (two other words: no table)
    if len(set(a) ^ set(b)) >= 2 * limit - 1:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def misspelling_fixed(old_w: list[str], new_w: list[str]) -> bool:
    """One word that is no word fixed by a letter or two into one that is, its first
    letter kept ("milloin" -> "million", "poeple" -> "people"): the fix of a unit or a
    counted noun that leaves the figure it belongs to as it was. A first letter changed
    ("millon" -> "billion") may be another word meant, and is not this."""
    if len(old_w) != 1 or len(new_w) != 1:
        return False
    a, b = old_w[0].lower(), new_w[0].lower()
    if not (a.isalpha() and b.isalpha()) or a[0] != b[0] or a == b:
        return False
    most = letters_a_fix_changes(a)
    return edit_distance(a, b, most + 1) <= most and not is_ordinary(a) and is_ordinary(b)


def letters_a_fix_changes(word: str) -> int:
    """How many letters a typo fix of a word this long may change: one, two from six letters."""
    return min(2, max(1, len(word) // 3))


# Agreement pairs that are not a plain "-s" apart
_AGREEMENT = {frozenset(p.split("/")) for p in "is/are was/were has/have does/do".split()}


# Words before a noun: after one of these a changed "-s" counts something else ("the
# officer" -> "the officers"), it is no agreement fix
_BEFORE_NOUN = frozenset("""a an the one two three four five six seven eight nine ten this that these those
each every many several some few both all no any his her their its our my your""".split())


def repeat_removed(h: Hunk, old_w: list[str], new_w: list[str], rd_old: Reading) -> str | None:
    """A word written twice within a few words ("why can't we can't go") and removed."""
    if new_w or len(old_w) != 1:
        return None
    near = [t.text.lower() for t in rd_old.tokens_in(max(0, h.old_start - 30), h.old_start)][-2:]
    after = rd_old.token_after(h.old_end)
    if after is not None:
        near.append(after.text.lower())
    return f'repeated word "{old_w[0]}" removed' if old_w[0].lower() in near else None


def small_fix(h: Hunk, old_w: list[str], new_w: list[str], rd_new: Reading) -> str | None:
    """A misspelt word fixed by one or two letters (``opertor`` -> ``operator``), wherever
    it stands, or a verb made to agree (``shows`` -> ``show``): typos and grammar, low."""
    if len(old_w) != 1 or len(new_w) != 1:
        return None
    a, b = old_w[0], new_w[0]
    if not (a.isalpha() and b.isalpha() and a.islower() and b.islower()):
        return None
    if not is_ordinary(a) and is_ordinary(b):
        d = edit_distance(a, b)
        if d <= 2:
            return f"{'one' if d == 1 else 'two'}-letter fix of a misspelt word ({a} -> {b})"
        return None
    # the letters first: most pairs are no agreement, and a word list need not be asked
    agree = frozenset((a, b)) in _AGREEMENT or (
        (a in (b + "s", b + "es") or b in (a + "s", a + "es")) and is_ordinary(a) and is_ordinary(b))
    if agree:
        before = rd_new.token_before(h.new_start)
        if before is None or before.text.lower() in _BEFORE_NOUN or before.text[:1].isdigit():
            return None
        return f"grammar: agreement fix ({a} -> {b})"
    return None


def tense_only(old_w: list[str], new_w: list[str]) -> str | None:
    """One verb put in another tense ("ended" -> "ends", "closes" -> "closed"): the same
    statement told from another moment, style. A plan made a fact ("will close" ->
    "closed") changes more than one word and is not this."""
    if len(old_w) != 1 or len(new_w) != 1:
        return None
    a, b = old_w[0], new_w[0]
    if not (a.endswith("d") or b.endswith("d")):
        return None  # a past form ends in "d" (_PAST): looked at before any word list
    if not (a.isalpha() and b.isalpha() and a.islower() and b.islower() and is_ordinary(a) and is_ordinary(b)):
        return None
    for past, present in ((a, b), (b, a)):
        stem = _PAST.sub("", past)
        if len(stem) >= 3 and past != stem and present in (stem + "s", stem + "es") and not present.endswith("ss"):
            return f"tense only ({a} -> {b})"
    return None


_PAST = re.compile(r"e?d$")


def typo_reason(h: Hunk, old_w: list[str], new_w: list[str]) -> str | None:
    if len(old_w) == 1 and len(new_w) == 1:
        a, b = old_w[0], new_w[0]
        most = letters_a_fix_changes(a)
        # capped just past it: a distance is worked out only as far as the test reads it
        d = edit_distance(a.lower(), b.lower(), most + 1)
        # initials are no common word: "UN" -> "UK" names another body (the name rules
        # judge it), whatever word their letters spell
        if d <= most and not a.isdigit() and not (_initials(a) and _initials(b)):
            return f"{'one' if d == 1 else 'two'}-letter fix of a common word ({a} -> {b})"
    if not new_w and len(old_w) == 1:
        around = word_before(h.old_text, h.old_start) + word_after(h.old_text, h.old_end)
        if old_w[0].lower() in (w.lower() for w in around):
            return f'repeated word "{old_w[0]}" removed'
    if not old_w and len(new_w) == 1 and len(new_w[0]) <= 3 and new_w[0].lower() in _SMALL_WORDS:
        return f'missing small word "{new_w[0]}" added'
    return None


def _initials(word: str) -> bool:
    """"US", "UN", "EU": capitals only, two to five of them."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper()


_SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "on", "at", "and", "for", "by", "as", "is"}


# Real words one inserted, dropped or swapped letter apart inside the word (the only slips
# _slip_in_quote accepts): fixing one into the other inside a quote changes what the speaker
# said, so it is never a slip. A test checks every pair would otherwise pass as one.
_NEAR_WORDS = frozenset(frozenset(p.split("/")) for p in """
lose/loose were/where from/form trail/trial causal/casual later/latter diary/dairy
county/country sliver/silver bran/barn chose/choose marital/martial bought/brought
though/through unite/untie united/untied sacred/scared there/three fiend/friend
salve/slave clam/calm pubic/public cannon/canon desert/dessert complaint/compliant
lightening/lightning
""".split())


def slip_in_quote(h: Hunk, old_w: list[str], new_w: list[str]) -> str | None:
    """An obvious transcription slip fixed inside a quote: a doubled word removed, or one
    letter inserted, dropped or two swapped inside a word (``evry`` -> ``every``). A letter
    replaced, or a change at a word's end (``officer`` -> ``officers``, ``use`` -> ``used``),
    too often turns one real word into another (``now`` -> ``not``), so those stay quotes."""
    if not new_w and len(old_w) == 1:
        around = words_as_written(h.old_text[: h.old_start])[-1:] + words_as_written(h.old_text[h.old_end :])[:1]
        if old_w[0].lower() in (w.lower() for w in around):
            return f'repeated word "{old_w[0]}" removed'
        return None
    if len(old_w) != 1 or len(new_w) != 1:
        return None
    a, b = old_w[0], new_w[0]
    la, lb = a.lower(), b.lower()
    if la == lb or len(lb) < 4 or frozenset((la, lb)) in _NEAR_WORDS:
        return None
    if la[-1] != lb[-1] or la[0] != lb[0]:
        return None  # an inflection or a different word, not a slip
    if len(la) == len(lb):
        diff = [i for i in range(len(la)) if la[i] != lb[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and la[diff[0]] == lb[diff[1]] \
            and la[diff[1]] == lb[diff[0]]
        return f"two letters swapped ({a} -> {b})" if swapped else None
    short, long_ = (la, lb) if len(la) < len(lb) else (lb, la)
    if len(long_) - len(short) != 1:
        return None
    if any(long_[:i] + long_[i + 1:] == short for i in range(1, len(long_) - 1)):
        return f"one-letter fix ({a} -> {b})"
    return None


def small_word_alone(h: Hunk, old_w: list[str], new_w: list[str]) -> bool:
    """Is the edit one article taken out ("the" cut), or "on" put in or taken out before a
    day or date ("said on Monday" -> "said Monday")? House style: nothing said changes. (An
    article put in is the missing small word, a typo read later.)"""
    if len(old_w) + len(new_w) != 1:
        return False
    word = (old_w or new_w)[0].lower()
    if word == "on":
        after = word_after(h.old_text, h.old_end) if old_w else word_after(h.new_text, h.new_end)
        return bool(after) and after[0].lower() in DATE_WORDS
    return word in _ARTICLES and not new_w


_ARTICLES = frozenset(("the", "a", "an"))
