"""Headline shortcuts taken for speed (issue 16) give what the plain way gives: restyled
answered early when a content word came, and a headline without a digit left unread
for figures."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import flags as flags_module
from versioner import headlinewords
from versioner.diff import word_diff
from versioner.figures import extract_figures
from versioner.model import Section

_WORDS = st.lists(st.sampled_from([
    "the", "The", "a", "in", "at", "to", "from", "over", "under", "gets", "get", "sees", "not", "no", "UK", "US",
    "Port", "port", "Ostra", "Ostra's", "İİ", "İs", "war", "row", "fans", "cheer", "more", "than", "18,000", "18k",
    "10", "10th", "three", "Three", "million", "first", "dozens", "nearly", "almost", "police", "say", "5%", "$3",
]), max_size=10)


def _restyled_plain(old: str, new: str) -> bool:
    # restyled as it read before its early answer: every side's content words read
    old, new = headlinewords._as_stated(old), headlinewords._as_stated(new)
    a, b = headlinewords._content_words(old), headlinewords._content_words(new)
    return (headlinewords._same_content(a, b) or headlinewords._trimmed(old, new, a, b)) \
        and not headlinewords._grammar_turned(old, new)


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(_WORDS, _WORDS, st.integers(0, 10), st.integers(0, 10))
def test_restyled_answered_early_is_the_plain_reading(old: list[str], extra: list[str], at: int, cut: int) -> None:
    # the new headline: the old one with words put in at one place and some cut
    new = old[:at] + extra + old[at + cut:] if cut % 2 else old[:at] + extra + old[at:]
    a, b = " ".join(old), " ".join(new)
    assert headlinewords.restyled(a, b) == _restyled_plain(a, b)
    assert headlinewords.restyled(b, a) == _restyled_plain(b, a)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(_WORDS, _WORDS)
def test_headline_flags_without_reading_digitless_headlines_are_those_read_whole(old: list[str], new: list[str]) -> None:
    a, b = " ".join(old), " ".join(new)
    whole = (extract_figures(a), extract_figures(b))
    lazy = (flags_module._headline_figures(a), flags_module._headline_figures(b))
    ops = word_diff(a, b)
    assert flags_module._flag_ops(ops, Section.HEADLINE, None, None, lazy) \
        == flags_module._flag_ops(ops, Section.HEADLINE, None, None, whole)
    assert headlinewords.restyled(a, b, lazy) == headlinewords.restyled(a, b, whole)
