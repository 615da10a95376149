"""A hunk's negations: the negation words on each side of an edit, whether the statement
after one is kept and turned round, and the word a negation negates. Split from
hunkrules.py (its version 9), whose ``classify`` asks these; outputs unchanged."""

from __future__ import annotations

from versioner.figures import extract_figures
from versioner.hunk import Hunk
from versioner.reading import NEGATIONS, Reading, is_negation

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 1  # split from hunkrules.py (its version 9), behaviour unchanged


_NEGATION = NEGATIONS


# words on a side of an edit that adds or drops a negation, beyond which it is a rewrite
_NEGATION_EDIT = 3


# words on a side beyond which a clause is rewritten, not turned round ("not just", "no
# minister" inside a new sentence are no reversal of what stood there)
_NEGATION_REWRITE = 10


def _negations(words: list[str]) -> list[str]:
    found = []
    for i, w in enumerate(words):
        lw = w.lower()
        if lw == "not" and i + 1 < len(words) and words[i + 1].lower() in _NOT_ADDING:
            continue  # "not just the morning but ...": an addition, nothing denied
        if lw in _NEGATION or lw.endswith(("n't", "n’t")):
            found.append(lw)
    return found


_NOT_ADDING = frozenset(("just", "only", "merely", "simply"))


def _negated_kept(words: list[str], other: list[str]) -> bool:
    """Does the word after a negation in ``words`` come back, in any form, in ``other``
    ("without ever scoring" -> "did go on to score"): the same statement turned round."""
    kept = [w.lower() for w in other if len(w) >= 3 and not is_negation(w)]
    for i, w in enumerate(words[:-1]):
        if is_negation(w):
            after = [x.lower() for x in words[i + 1:i + 3] if len(x) >= 3]
            if any(a.startswith(k) or k.startswith(a) for a in after for k in kept):
                return True
    return False


def _negation_reason(h: Hunk, neg_old: list[str], neg_new: list[str], rd_old: Reading, rd_new: Reading) -> str:
    added = [w for w in neg_new if w not in neg_old]
    removed = [w for w in neg_old if w not in neg_new]
    if added and not removed:
        return f'"{added[0]}" added{_negated(rd_new, h.new_start, h.new_end)}'
    if removed and not added:
        return f'"{removed[0]}" removed{_negated(rd_old, h.old_start, h.old_end)}'
    return f"negation changed: {', '.join(neg_old) or '-'} -> {', '.join(neg_new) or '-'}"


def _negated(reading: Reading, start: int, end: int) -> str:
    """' before "X"': the word the hunk's negation negates, the word right after it
    (a figure there is named whole, "$2.8 billion", never a digit inside it)."""
    neg = next((t for t in reading.tokens_in(start, end) if is_negation(t.text)), None)
    nxt = reading.token_after(neg.end if neg else end)
    if nxt is None:
        return ""
    word = nxt.text
    if word[:1].isdigit():
        lo = neg.end if neg else end
        figs = extract_figures(reading.text[lo:nxt.end + 40])
        word = figs[0].text if figs else word
    return f' before "{word}"'
