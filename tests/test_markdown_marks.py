"""Issue 17 item 6: the Markdown diff, read by a real CommonMark parser (markdown-it-py,
with GFM's strikethrough), keeps words apart: `taxes**by 1 percent** ,` rendered as
"taxesby 1 percent ,"."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from versioner.diff import compare
from versioner.model import Revision
from versioner.parse import normalise
from versioner.render.diffview import markdown_view, rows

PROPERTY = settings(derandomize=True, max_examples=150, deadline=None)
_MD = MarkdownIt("commonmark").enable("strikethrough")


def _inline(children: list[Any], drop: set[str]) -> str:
    """The text of inline tokens, leaving out what sits inside the ``drop`` tags."""
    out, depth = [], 0
    for t in children:
        if t.type == "html_inline":
            tag = t.content.strip("</>")
            depth += (-1 if t.content.startswith("</") else 1) if tag in drop else 0
        elif t.nesting and t.tag in drop:
            depth += t.nesting
        elif not depth and t.type in ("text", "code_inline"):
            out.append(t.content)
        elif not depth and t.type == "softbreak":
            out.append(" ")
    return "".join(out)


def rendered_sides(old_text: str, new_text: str) -> list[tuple[str, str]]:
    """Each changed paragraph of the Markdown diff as the parser reads it: (old, new),
    the old with insertions left out, the new with deletions left out; the label dropped."""
    old = Revision.from_text("a", 1, "2026-01-01T00:00:00Z", normalise(old_text))
    new = Revision.from_text("a", 2, "2026-01-02T00:00:00Z", normalise(new_text))
    doc = markdown_view(rows(compare(old.parts(), new.parts())), (), old, new)
    out = []
    for tok in _MD.parse(doc):
        kids = [t for t in tok.children or [] if t.content or t.nesting]
        if tok.type != "inline" or not kids or kids[0].type != "strong_open":
            continue
        label_end = next(i for i, t in enumerate(kids) if t.type == "strong_close")
        body = kids[label_end + 1:]
        out.append((_inline(body, {"strong", "ins"}).strip(), _inline(body, {"s", "del"}).strip()))
    return out


def _squash(s: str) -> str:
    """White space folded, and none before punctuation: a change's space sits outside
    its markers, so the other side may read "taxes , officials" (words never glue)."""
    return re.sub(r" (?=[,.;:!?)—])", "", " ".join(s.split()))


def test_an_inserted_phrase_keeps_its_spaces():
    old = "Headline words\n\nThe government raised taxes, officials said."
    new = "Headline words\n\nThe government raised taxes by 1 percent, officials said."
    ((was, now),) = rendered_sides(old, new)
    assert now == "The government raised taxes by 1 percent, officials said."
    assert _squash(was) == "The government raised taxes, officials said."


def test_punctuation_changed_inside_a_word_is_still_marked():
    old = "Headline words\n\nRates rose by 2 percent, the bank said."
    new = "Headline words\n\nRates rose by 2 percent. The bank said."
    ((was, now),) = rendered_sides(old, new)
    assert (_squash(was), _squash(now)) == ("Rates rose by 2 percent, the bank said.",
                                            "Rates rose by 2 percent. The bank said.")


_WORDS = st.sampled_from(["the", "mayor", "said", "17", "people", "were", "killed", "Ortiz", "not", "on",
                          "Monday", "3.5", "\"quoted\"", "(Reuters)", "city,", "percent.", ",", ".", "it's",
                          "*starred*", "$1.2", "—", "well-known", "_x_"])
_PARAGRAPH = st.lists(_WORDS, min_size=1, max_size=10).map(" ".join)
_ARTICLE = st.lists(_PARAGRAPH, min_size=1, max_size=3).map(lambda ps: "Headline words\n\n" + "\n\n".join(ps))


def _runs(article: str) -> set[str]:
    """Each paragraph and each run of them (a split or merged paragraph reads as the run)."""
    paras = article.split("\n\n")
    return {_squash(" ".join(paras[i:j])) for i in range(len(paras)) for j in range(i + 1, len(paras) + 1)}


@PROPERTY
@given(_ARTICLE, _ARTICLE)
def test_markdown_reads_back_as_both_sides(old, new):
    """Leave out the insertions and the parser gives an old paragraph, leave out the
    deletions and it gives a new one, spaces and all; no marker is left as text."""
    olds, news = _runs(old), _runs(new)
    for was, now in rendered_sides(old, new):
        assert "~~" not in was + now and "**" not in (was + now).replace("*starred*", "")
        assert not was or _squash(was) in olds, (was, olds)
        assert not now or _squash(now) in news, (now, news)
