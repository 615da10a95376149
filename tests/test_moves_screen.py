"""The move pairing reads only deleted pieces that can move (moves._pieces): the pairs it
finds are those of reading every piece, as it did before the shortcut."""

from __future__ import annotations

from collections import Counter, defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import moves
from versioner.diff import compare
from versioner.parse import normalise, parse

PROPERTY = settings(derandomize=True, max_examples=200, deadline=None)

_WORDS = ["the", "crews", "worked", "17", "Okafor", "said", "ferries", "were", "cancelled", "Port", "Aven",
          "quay", "stayed", "shut", "3,500", "Tuesday", "repairs", "began", "at", "dawn", "ÉCOLE", "ǅemal"]


def _every_piece_pairs(changes):  # the pairing as written before the shortcut
    gone: list = []
    came: list = []
    for k, c in enumerate(changes):
        if c.section not in moves._SECTIONS or c.whitespace_only:
            continue
        if c.kind == moves.ChangeKind.INSERT and c.section == moves.Section.BODY:
            came.append((k, None, c.new))
        elif c.kind == moves.ChangeKind.DELETE and c.section == moves.Section.BODY:
            gone.append((k, None, c.old))
        else:
            for t, op in enumerate(c.ops):
                if op.tag != "equal":
                    (gone if op.tag == "delete" else came).append((k, t, op.text))
    if not gone or not came or moves._one_place(gone, came):
        return []
    gone, came = moves._with_words(gone), moves._with_words(came)
    by_words, postings = defaultdict(list), defaultdict(list)
    for n, p in enumerate(came):
        by_words[p.words].append(n)
        for w in set(p.words):
            postings[w].append(n)
    found = []
    for g, p in enumerate(gone):
        movable = len(p.words) > moves.SHORT_WORDS or any(any(ch.isdigit() for ch in w) for w in p.words) \
            or any(w[:1].isupper() and w.casefold() not in moves._OPENERS for w in moves._WORD.findall(p.text))
        for n in by_words.get(p.words, ()) if movable else ():
            if moves._apart(p, came[n], changes):
                found.append((-3.0, g, n))
        if len(p.words) < moves.NEAR_MIN_WORDS and not movable:
            continue
        shared: Counter[int] = Counter()
        for w in set(p.words):
            if len(postings.get(w, ())) <= moves._COMMON_DF:
                shared.update(postings.get(w, ()))
        for n, _ in shared.most_common(moves._CANDIDATES):
            score = moves._near(p, came[n])
            if score and came[n].words != p.words and moves._apart(p, came[n], changes):
                found.append((-score, g, n))
    found.sort()
    used_gone, used_came, pairs = set(), set(), []
    for _, g, n in found:
        if g not in used_gone and n not in used_came:
            used_gone.add(g)
            used_came.add(n)
            pairs.append((gone[g], came[n]))
    return pairs


_sentence = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(lambda ws: " ".join(ws) + ".")
_paragraph = st.lists(_sentence, min_size=1, max_size=3).map(" ".join)
_article = st.lists(_paragraph, min_size=1, max_size=4).map(lambda ps: "Headline here\n\n" + "\n\n".join(ps))


@PROPERTY
@given(_article, _article)
def test_pairs_are_those_of_reading_every_piece(old, new):
    changes = compare(parse(normalise(old)), parse(normalise(new))).changes
    assert moves._pair_pieces(changes) == _every_piece_pairs(changes)


@PROPERTY
@given(st.text(st.sampled_from("aZ1 ǅÉé²'’-.x"), max_size=12))
def test_has_name_and_movable_read_as_before(text):
    words = moves._words(text)
    assert moves._has_name(text) == any(w[:1].isupper() and w.casefold() not in moves._OPENERS
                                        for w in moves._WORD.findall(text))
    piece = moves._Piece(0, 0, text, words)
    slow = len(words) > moves.SHORT_WORDS or any(any(ch.isdigit() for ch in w) for w in words) \
        or moves._has_name(text)
    assert moves._movable(piece) == slow
