"""Dates a reader does not take as a time put in or taken out.

A date only added to (or only removed from) an edited paragraph is a figure added
(or removed) when it tells when something happened. Two shapes tell no new time:

- the same time told another way: house style names a day within the week by its
  weekday and an older one by its date, and a later edit turns "On Friday" into
  "June 6", "last year" into "in 2025", "this season" into "the 2026 season";
  the paragraph that gains the date loses the relative words, and the time stands.
  So with a time told by its distance from now: "six years ago" for "in 2019", "10
  days ago" for "last week" is the time told again, not a span of years put in;
- a date that names the thing after it, standing between an article or possessive
  and a noun: "the June 6 hearing", "the 2010 floods", "his 2019 campaign". It
  tells which event is meant, as the event's name would; the time adjunct "on
  June 6" or "in 2010" is the figure.

A date paired with another one (the hearing moved from June 6 to June 7) is a
figure changed whatever its shape: figureflags._figure_flags asks here only about the
dates left without a partner.
"""

from __future__ import annotations

import re

from versioner.figures import Figure, extract_figures

RULES_VERSION = 2

# Words that place a time relative to when the copy is read: a weekday, "yesterday",
# "last week", "this upcoming season", "earlier this month".
_RELATIVE = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|tomorrow"
    r"|(?:last|this|next|coming|upcoming|previous|past)\s+(?:week|weekend|month|year|season"
    r"|spring|summer|fall|autumn|winter)"
    r"|[\w-]+\s+(?:second|minute|hour|day|week|month|year|decade)s?\s+ago)\b", re.I)
# The time unit and "ago" after a figure that makes it a time told from now ("six years ago")
_AGO = re.compile(r"[-\s]+(?:second|minute|hour|day|week|month|year|decade)s?\s+ago\b", re.I)

# Determiners that make a date after them a modifier of the noun that follows
_DETERMINER = re.compile(r"(?:^|\s)(?:the|a|an|its|his|her|their|our|your|whose)\s+$", re.I)
# A word after the date that is a noun it modifies, not a function word or the rest of
# the date ("the June 6, 2019 ..." reads on; "the 2010 and 2012 floods" is a list)
_MODIFIED = re.compile(r"\s+(?!(?:and|or|to|through|until|in|on|at|of|for|from|by|with|as|was|were|is|are)\b)"
                       r"[A-Za-z]")


def told_another_way(fig: Figure, text: str, other: str) -> bool:
    """Is ``fig``, a date only in ``text`` (its paragraph on one side), the time that the
    ``other`` side's paragraph tells in relative words this side no longer uses, or a
    date that names the event after it? Or is it a time told by its distance from now
    ("six years ago") that the other side tells in a date or relative words?"""
    if fig.kind == "date":
        return names_an_event(fig, text) or _relative_count(other) > _relative_count(text)
    # "six years ago" for "in 2019", "10 days ago" for "last week": the other side tells
    # the time this one told by its distance from now, in a date or other relative words
    return _AGO.match(text, fig.end) is not None and _times(other) > _times(text) - 1


def _times(text: str) -> int:
    """How many times ``text`` tells: its dates and its relative words."""
    return _relative_count(text) + sum(1 for f in extract_figures(text) if f.kind == "date")


def names_an_event(fig: Figure, text: str) -> bool:
    """Does the date stand between a determiner and the noun it modifies ("the 2010 floods")?"""
    return (_DETERMINER.search(text, max(0, fig.start - 8), fig.start) is not None
            and _MODIFIED.match(text, fig.end) is not None)


def _relative_count(text: str) -> int:
    return sum(1 for _ in _RELATIVE.finditer(text))
