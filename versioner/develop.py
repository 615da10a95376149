"""A developing story: whether the published facts a revision took back were put right
or overtaken by events. A running figure that moves on (a toll, a count, a score) is
the story developing; so is a fact dropped in a revision that also reports something
new (the lede recast around the latest development, stale lines dropped). A fact
replaced in an otherwise unchanged story, with nothing new beside it, looks like a fix."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from versioner.flags import Flag
from versioner.model import FlagType
from versioner.parse import Parts
from versioner.stealth import adds_material, figure_words

# the words of a running count in the other languages the notice vocabulary reads
# (German, French, Spanish, Dutch); ``developing`` knows the English ones
_RUNNING = re.compile(
    r"\b(?:tote[nr]?|verletzte[nr]?|vermisst\w*|opfer|festnahmen|festgenommen|"
    r"morts?|bless[ée]s|disparus|victimes|interpell\w+|"
    r"muertos?|heridos|desaparecidos|v[íi]ctimas|detenidos|"
    r"doden|dode|gewonden|vermist\w*|slachtoffers|arrestaties|aangehouden)\b", re.I)
# words of a running count: a figure beside them moves on as a story develops
_RUNNING_EN = re.compile(r"\b(?:dead|deaths?|died|killed|toll|injured|wounded|missing|hurt|cases|infections?|"
                         r"evacuated|arrested|detained|rescued|displaced|votes?|counted|score[sd]?|leads?|"
                         r"warnings?|watch|alerts?|level|so\s+far|at\s+least|rose|risen|climbed|"
                         # people and places an ongoing event holds up, and what it has
                         # brought down so far
                         r"strand(?:s|ed|ing)?|trap(?:s|ped)?|without\s+(?:power|electricity|water)|"
                         r"cancell?ed|rain(?:fall)?|snow(?:fall)?)\b", re.I)


def developing(flags: list[Flag], new_text: str) -> bool:
    """Is a running figure among these silent changes moving on (a toll rising, a count or
    score replaced): a developing story, not an earlier fact put right?"""
    def running(f: Flag) -> bool:
        around = next((p for p in new_text.splitlines() if f.new and f.new in p), f.new)
        return _RUNNING_EN.search(around) is not None
    return any(f.type == FlagType.FIGURE and bool(figure_words(f.old)) and bool(figure_words(f.new))
               and running(f) for f in flags)


def moved_on(altered: list[Flag], subst: list[Flag], new_text: str) -> bool:
    """Are the altered facts a developing story moving on, not an earlier fact put right?"""
    if any(running_figure(f, new_text) for f in altered):
        return True
    return any(adds_material(f) for f in subst if f not in altered)


def running_figure(flag: Flag, new_text: str) -> bool:
    """A count rising beside the words of a running tally ("at least 12 killed" -> "at
    least 14 killed") or told as a tally so far ("have been evacuated"): the story moving
    on. A toll lowered was more likely put right; a count of those the event still holds
    (missing, trapped, stranded, without power) that falls is the story moving on too
    (people found, freed, reconnected)."""
    if flag.type != FlagType.FIGURE:
        return False
    if _rises(flag, falls=True):
        return _RECEDING.search(_near(flag.new, new_text)) is not None
    if not _rises(flag):
        return False
    near = _near(flag.new, new_text)
    return developing([flag], near) or _RUNNING.search(near) is not None or _tally_so_far(flag.new, new_text)


# a tally of those an ongoing event still holds: it falls as they are found, freed or
# reconnected ("12 people are still missing" -> "5 people are still missing")
_RECEDING = re.compile(r"\b(?:missing|unaccounted\s+for|trap(?:s|ped)?|strand(?:s|ed|ing)?|without\s+(?:power|electricity|water)|"
                       r"(?:still|remain\w*)\s+(?:in\s+hospital|hospitali[sz]ed)|vermist\w*|vermisst\w*|disparus|"
                       r"desaparecidos)\b", re.I)


# a count told as it stands now: "have been evacuated", "has reached", "now stands at";
# the present perfect reports a tally up to the moment of writing, which the next report
# carries on ("the bus was carrying 40 passengers" tells a fixed fact)
_SO_FAR = re.compile(r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+|since\s+)?(?:been\s+)?"
                     r"(?:[a-z]+(?:ed|en)|risen|grown|hit|reached|left|claimed)\b|\b(?:now\s+)?stands?\s+at\b", re.I)


def _tally_so_far(fragment: str, text: str) -> bool:
    """Does the clause holding the figure tell it as a tally so far (the present perfect,
    "stands at")?"""
    line = next((ln for ln in text.splitlines() if fragment and fragment in ln), "")
    at = line.find(fragment)
    if at < 0:
        return False
    start = max(line.rfind(mark, 0, at) for mark in ".;:!?") + 1
    ends = [i for i in (line.find(mark, at + len(fragment)) for mark in ".;:!?") if i >= 0]
    return _SO_FAR.search(line[start:min(ends, default=len(line))]) is not None


def _rises(flag: Flag, falls: bool = False) -> bool:
    """Does the flag's first figure rise (``falls``: fall) from old to new?"""
    from versioner.figures import extract_figures

    old, new = extract_figures(flag.old), extract_figures(flag.new)
    if not old or not new or old[0].value is None or new[0].value is None:
        return False
    return new[0].value < old[0].value if falls else new[0].value > old[0].value


# words either side of a figure that say what it counts ("at least 14 people were killed")
_NEAR_WORDS = 5


def _near(fragment: str, text: str) -> str:
    """The figure's words and a few either side, from the line of ``text`` holding them."""
    line = next((ln for ln in text.splitlines() if fragment and fragment in ln), fragment)
    at = max(line.find(fragment), 0)
    before = line[:at].split()[-_NEAR_WORDS:]
    after = line[at + len(fragment):].split()[:_NEAR_WORDS]
    return " ".join([*before, fragment, *after])


# a forecast ("will win", "is expected to", "is set to"): once the event happens the
# sentence says it did, and the projection's source ("X projects", "forecasters
# predicted") has nothing left to attribute
_FUTURE = re.compile(r"\b(?:will|would|shall|(?:is|are)\s+(?:expected|set|projected|likely|poised|due)\s+to|"
                     r"(?:plans?|planning|intends?|aims?)\s+to)\b|\b\w+['’]ll\b", re.I)
_PROJECTION = re.compile(r"\b(?:project(?:s|ed|ions?)|forecast(?:s|ed|ers?)?|predict(?:s|ed|ions?)|"
                         r"expect(?:s|ed|ations?)|estimates?)\b", re.I)


def projection_settled(flag: Flag, subst: list[Flag]) -> bool:
    """Is this the source of a projection taken out as the projection became a result
    ("Jane Roe will win, X projects" -> "Jane Roe has won"): in the same paragraph a
    forecast was turned into what happened? That takes back no published fact."""
    if not _PROJECTION.search(flag.old) or _PROJECTION.search(flag.new):
        return False
    return any(f.paragraph == flag.paragraph and f.section == flag.section and f is not flag and settles(f)
               for f in subst)


def forecast(text: str) -> bool:
    """Does ``text`` tell of something still to come ("will", "is expected to")?"""
    return _FUTURE.search(text) is not None


def settles(flag: Flag) -> bool:
    """Does this change turn a forecast into what happened ("will win" -> "has won")?
    That is news (the event took place), not a restyling."""
    return bool(_FUTURE.search(flag.old)) and bool(flag.new.strip()) and not _FUTURE.search(flag.new)


def plan_carried_out(flag: Flag, subst: list[Flag], new_text: str) -> bool:
    """Is this a plan taken out ("They'll also hold a vigil") in a revision that tells
    other plans as done ("will include" -> "included"): a preview turned into coverage of
    the event, whose plans took place or gave way to what happened? A plan whose figures
    are gone from the story was changed, not carried out."""
    if flag.new.strip() or not _FUTURE.search(flag.old):
        return False  # a plan reworded in place ("will never sign" -> "might sign") is judged as words
    if not figure_words(flag.old) <= figure_words(new_text):
        return False
    return any(f is not flag and settles(f) for f in subst)


# a page that calls itself live coverage: "Live: ...", "... - live", "live updates",
# "Live Global Tracker" after a colon, "as it happened", a live blog or ticker
# ("Live Nation" opening a headline is a name, not a label)
_LIVE = re.compile(r"^\s*live\s*[:|–—-]|[:|–—-]\s*live\b|\blive[\s-]*(?:updates?|coverage|blog|ticker|tracker)\b|"
                   r"\blive\s*$|\bas\s+it\s+happened\b|\blive(?:blog|ticker)\b", re.I)


def live_page(*headlines: str | None) -> bool:
    """Does either headline label the page live coverage? Its summary and title roll on as
    the event goes: what it no longer says was overtaken, not taken back."""
    return any(h is not None and _LIVE.search(h) is not None for h in headlines)


def live_coverage(old: Parts, new: Parts, url: str | None) -> bool:
    """Is this page live coverage, known by its headline's label, by its address (a
    ``/live/`` section, a ``live-updates`` page) or by its shape: a run of entries each
    opening with the time it was posted? A page need not say "live" to be one."""
    return live_page(old.headline, new.headline) or live_url(url) or timestamped(old) or timestamped(new)


# a path segment that files the page as live coverage: "/live/", "/live-news/",
# "/liveblog/", or a slug ending "-live-updates"; a slug merely opening with "live-"
# ("/live-arena-reopens") is a story about something called Live
_LIVE_PATH = re.compile(r"/(?:live|live-?(?:news|updates?|blog|coverage|ticker))(?:/|$)|"
                        r"-(?:live-?(?:updates?|blog|coverage)|as-it-happened)(?:[/.?#]|$)", re.I)


def live_url(url: str | None) -> bool:
    """Does the page's address file it as live coverage?"""
    return url is not None and _LIVE_PATH.search(urlsplit(url).path) is not None


# an entry's opening time: "10:32", "10.32 GMT", "2:15 p.m. ET", "14:05 BST", "9 a.m."
_ENTRY_TIME = re.compile(r"^\s*(?:[Pp]osted\s+(?:at\s+)?)?(?:[01]?\d|2[0-3])(?:[:.][0-5]\d(?:\s*[aApP]\.?[mM]\.?)?|"
                         r"\s*[aApP]\.?[mM]\.?)(?:\s+[A-Z]{2,4})?(?![\w.,:])")
# this many paragraphs opening with a time, and at least this share of the body, make a
# page of timestamped entries (a story quoting one time is not)
_ENTRIES = 3
_ENTRY_SHARE = 0.25


def timestamped(parts: Parts) -> bool:
    """Is the body a run of timestamped entries, the shape of a live blog?"""
    paragraphs = [p for p in parts.paragraphs if p.strip()]
    stamped = sum(_ENTRY_TIME.match(p) is not None for p in paragraphs)
    return stamped >= _ENTRIES and stamped >= _ENTRY_SHARE * len(paragraphs)


def score_replaced(flag: Flag) -> bool:
    """A running figure replaced by another (a score, a count): what even a live page's
    rewrite takes back."""
    if flag.type == FlagType.FIGURE:
        return bool(figure_words(flag.old)) and bool(figure_words(flag.new))
    # a headline is one flag: a score it gave in digits ("0-0" -> "1-0") replaced inside
    # it counts ("one of their seats" for "a majority of 23,000" replaces no score)
    old, new = _in_digits(flag.old), _in_digits(flag.new)
    return bool(old) and bool(new) and not old <= new


def _in_digits(text: str) -> set[str]:
    return {re.sub(r"[\s,]", "", m).replace("–", "-") for m in _DIGITS.findall(text)}


# a figure in digits, a score or tally written as one ("2-1", "31 – 14")
_DIGITS = re.compile(r"\d[\d,.]*(?:\s?[-–]\s?\d+)?")
