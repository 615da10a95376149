"""Do the audit's verdicts hold beyond the wording they were tuned on? Synthetic
revision pairs, each made by one editing pattern, in many wordings.

    python bench/variants.py                    # 20 pairs a pattern, seed 1
    python bench/variants.py --per 40 --seed 7  # more, another draw
    python bench/variants.py --failures 10      # and ten misses with their reasons
    python bench/variants.py --json             # the figures as JSON

Every story, person, place and notice here is invented, drawn from templates and
vocabularies with a fixed seed. Each pair is one story before and after one
pattern, in one outlet's style (``wire``: a dateline, parenthetical notices over
the headline; ``web``: a byline, ``Update:``/``Correction:`` paragraphs at the
top of the body; ``footnote``: notices under the story). The verdict an editor
gives is the pattern's, set here before anything is run, never read from the
audit: a published fact changed without a notice is ``stealth`` (``altered``),
material only added is an ``update`` (``added``), a style fix is ``minor``, a
notice that covers everything is ``consistent``, one that leaves a changed fact
out is ``undisclosed`` (``altered``).

The ``beat-*`` patterns (bench/beats.py) tell other stories (sport, weather, elections,
courts, markets, transport, health) in wire, web, British and Dutch headline-list styles.

Pairs go through the CLI a user has, as bench/realdata.py does: ``versioner
import`` of one JSONL, then ``versioner audit --format json``; the verdict and
``stealth_kind`` of each pair's second revision are scored against the pattern's.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import beats  # noqa: E402  (other beats and styles: sport, weather, elections, courts, ...)
import variantcli  # noqa: E402

# -- vocabularies (all invented) ------------------------------------------------

PLACES = ("Halden", "Vessa", "Orlen", "Marrow", "Kelland", "Dunmore", "Astrel", "Brenna", "Corvin",
          "Tessaly", "Ulmstad", "Farrow", "Lindby", "Rasko", "Pellin", "Quarry Hill")
COUNTRIES = ("Lerida", "Norland", "Ostmark", "Valdria", "Serrin")
FIRST = ("Jana", "Petra", "Omar", "Lucia", "Tomas", "Amina", "Kofi", "Ingrid", "Rafael", "Mei", "Dmitri",
         "Sofia", "Arjun", "Hana", "Elias", "Nadia", "Victor", "Leila")
LAST = ("Holm", "Lund", "Okafor", "Varga", "Brandt", "Mensah", "Castell", "Ibarra", "Novak", "Tanaka",
        "Fischer", "Quist", "Adeyemi", "Moreau", "Sandoval", "Kerrigan", "Haddad", "Lindgren")
TITLES = ("Interior Minister", "Mayor", "Police Chief", "Fire Commissioner", "Health Minister",
          "Regional Governor", "Emergency Services Director")
EVENTS = (  # (noun, verb-ing noun phrase, site)
    ("fire", "blaze", ("a textile factory", "a residential block", "a warehouse", "a night market")),
    ("explosion", "blast", ("a chemical plant", "a fuel depot", "a fireworks workshop")),
    ("landslide", "landslide", ("a mountain village", "a mining camp", "a hillside suburb")),
    ("flood", "flooding", ("a riverside district", "a low-lying town", "a farming valley")),
    ("building collapse", "collapse", ("a shopping centre", "a school", "an apartment block")),
    ("bus crash", "crash", ("a mountain road", "a motorway bridge", "a border pass")),
)
SOURCES = ("police", "the fire service", "regional health officials", "the interior ministry",
           "rescue workers", "hospital officials", "the civil defence agency", "local officials")
SPOTS = ("a storage room on the ground floor", "the kitchen of a ground-floor restaurant",
         "an electrical panel in the basement", "a generator behind the building", "a loading bay")
CAUSES = ("a gas leak", "faulty wiring", "an overloaded generator", "a discarded cigarette", "a burst pipe")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
AGENCIES = ("Meridian", "Northwire", "Capitol Press")
QUOTES = (  # (quote with one {w} slot, the word as published, other words an editor might fix it to)
    ("We are doing everything we can to {w} the people still trapped", "reach", ("find", "free", "rescue")),
    ("This was a {w} tragedy and the families deserve answers", "preventable", ("terrible", "national", "senseless")),
    ("The building should {w} have been open to the public", "never", ("not", "always", "still")),
    ("We will {w} every home that was lost", "rebuild", ("replace", "repair", "inspect")),
    ("Our teams will keep working {w} until everyone is found", "through the night", ("all week", "around the clock", "for days")),
    ("I have ordered a {w} inquiry into what happened", "full", ("public", "criminal", "swift")),
)
CLAIMS = (  # a claim sentence of six or more words, with no figure in it
    "Residents said they had complained about exposed wiring for months.",
    "Witnesses said the emergency exits had been blocked with boxes.",
    "Neighbours said the owner had ignored repeated warnings from inspectors.",
    "Survivors said the alarm did not sound before the disaster struck.",
    "Workers said they had been told to keep working after the first tremor.",
    "Local media reported that the site had been closed twice before.",
)

# style rewording: (published, as restyled): synonyms, tense, word order; no fact moved
RESTYLE = (
    ("was expected to continue", "is expected to continue"), ("through the night", "overnight"),
    ("most of them", "mostly"), ("were taken to hospital", "were taken to hospitals"),
    ("about", "around"), ("nearly", "almost"), ("began", "started"), ("big", "large"),
    ("told reporters", "said"), ("searched", "combed"), ("rubble", "debris"),
    ("promised", "pledged"), ("quickly", "swiftly"), ("residents", "locals"),
    ("may have started", "probably started"), ("is believed to have started", "is thought to have started"),
    ("could have started", "might have started"),
)


# -- a story --------------------------------------------------------------------

@dataclass
class Story:
    """One invented article: its facts and its paragraphs by role (the lead first)."""

    style: str
    facts: dict[str, Any]
    headline: str
    paras: list[tuple[str, str]]  # (role, text)
    byline: str | None = None
    dateline: str = ""
    credits: str | None = None

    def index(self, role: str) -> int:
        return next(i for i, (r, _) in enumerate(self.paras) if r == role)

    def text_of(self, role: str) -> str:
        return self.paras[self.index(role)][1]

    def with_para(self, role: str, text: str) -> Story:
        paras = list(self.paras)
        paras[self.index(role)] = (role, text)
        return replace(self, paras=paras)

    def number(self, role: str) -> int:
        """The body paragraph's number as a notice gives it (the lead is 1)."""
        return self.index(role) + 1

    def render(self, top: Sequence[str] = (), bottom: Sequence[str] = (), slug: str = "") -> str:
        lines: list[str] = []
        if self.style == "wire":
            lines += [n for n in top]
            lines.append(slug + self.headline)
        else:
            lines.append(slug + self.headline)
            if self.byline:
                lines.append(self.byline)
            lines += [n for n in top]
        body = [t for _, t in self.paras]
        body[0] = self.dateline + body[0]
        lines += body
        if self.credits:
            lines.append(self.credits)
        lines += [n for n in bottom]
        return "\n".join(lines) + "\n"


def pick(rng: random.Random, seq: Sequence[Any]) -> Any:
    return seq[rng.randrange(len(seq))]


def other(rng: random.Random, seq: Sequence[Any], not_this: Any) -> Any:
    return pick(rng, [x for x in seq if x != not_this])


def lead_text(f: dict[str, Any], form: int) -> str:
    forms = (
        "{A} {event} at {site} in {place} killed at least {toll} people on {day}, {source} said.",
        "At least {toll} people were killed on {day} when {a} {event} tore through {site} in {place}, "
        "{source} said.",
        "{A} {event} killed at least {toll} people at {site} in {place} on {day}, according to {source}.",
        "{Source} said at least {toll} people died on {day} in {a} {event} at {site} in {place}.",
    )
    a = "an" if f["event"][0] in "aeiou" else "a"
    return forms[form % len(forms)].format(**f, Source=f["source"][0].upper() + f["source"][1:], a=a, A=a.title())


def injured_text(f: dict[str, Any], form: int) -> str:
    forms = (
        "Another {injured} people were taken to hospital, {serious} of them in a serious condition.",
        "{serious} of the {injured} injured were in a serious condition in hospital.",
        "The {noun} also injured {injured} people, {serious} of them seriously.",
        "Hospitals treated {injured} injured people, and {serious} remained in a serious condition.",
    )
    return forms[form % len(forms)].format(**f)


def official_text(f: dict[str, Any], form: int) -> str:
    forms = (
        "{title} {first} {last} said the government would pay {amount} to the families of the dead.",
        "The government will pay {amount} to the families of the dead, {title} {first} {last} said.",
        "{title} {first} {last} promised {amount} in aid to the families of those killed.",
    )
    return forms[form % len(forms)].format(**f)


def quote_text(f: dict[str, Any], form: int) -> str:
    q = f["quote"].format(w=f["qword"])
    forms = ('“{q},” {last} told reporters at the scene.', '“{q},” {last} said.',
             '{last} told reporters: “{q}.”')
    return forms[form % len(forms)].format(q=q, **f)


def hedge_text(f: dict[str, Any], form: int) -> str:
    forms = (
        "Investigators said the {noun} {hedge} in {spot}.",
        "The {noun} {hedge} in {spot}, investigators said.",
    )
    return forms[form % len(forms)].format(**f)


def negation_text(f: dict[str, Any], form: int) -> str:
    forms = (
        "The owners said the site had {neg}been inspected in {year}.",
        "Officials said the building had {neg}been inspected in {year}.",
    )
    return forms[form % len(forms)].format(**f)


def background_text(f: dict[str, Any], form: int) -> str:
    forms = (
        "The site employed about {workers} people. It was the deadliest {event} in {country} since {since}.",
        "About {workers} people worked at the site. It was the worst {event} in {country} since {since}.",
    )
    return forms[form % len(forms)].format(**f)


def rescue_text(f: dict[str, Any], form: int) -> str:
    forms = (
        "Rescue work was expected to continue through the night. {claim}",
        "Teams searched the rubble until dark. {claim}",
    )
    return forms[form % len(forms)].format(**f)


HEADLINES = (
    "{Event} at {place} {sitehead} kills {toll}",
    "{toll} dead in {place} {sitehead} {event}",
    "{toll} killed as {event} hits {place} {sitehead}",
    "{place} {event} kills {toll} at {sitehead}",
)


def headline_text(f: dict[str, Any], form: int) -> str:
    return HEADLINES[form % len(HEADLINES)].format(**f, Event=f["event"][0].upper() + f["event"][1:])


ROLE_TEXT: dict[str, Callable[[dict[str, Any], int], str]] = {
    "lead": lead_text, "injured": injured_text, "official": official_text, "quote": quote_text,
    "hedge": hedge_text, "negation": negation_text, "background": background_text, "rescue": rescue_text,
}

HEDGES = (  # (hedged, as stated outright)
    ("may have started", "started"), ("probably started", "started"), ("is believed to have started", "started"),
    ("appears to have started", "started"), ("likely started", "started"), ("could have started", "started"),
    ("was possibly caused by {cause} that started", "was caused by {cause} that started"),
    ("is suspected to have begun", "began"), ("might have begun", "has begun"), ("was thought to have started", "started"),
    ("seems to have started", "started"), ("apparently started", "started"), ("may have spread from", "spread from"),
)


def new_story(rng: random.Random, style: str) -> Story:
    event, noun, sites = pick(rng, EVENTS)
    site = pick(rng, sites)
    hedge, stated = pick(rng, HEDGES)
    cause = pick(rng, CAUSES)
    quote, qword, _ = pick(rng, QUOTES)
    f: dict[str, Any] = {
        "event": event, "noun": noun, "site": site, "sitehead": site.split()[-1],
        "place": pick(rng, PLACES), "country": pick(rng, COUNTRIES), "day": pick(rng, DAYS),
        "source": pick(rng, SOURCES), "toll": rng.randrange(12, 90), "injured": rng.randrange(20, 140),
        "serious": rng.randrange(3, 11), "title": pick(rng, TITLES), "first": pick(rng, FIRST),
        "last": pick(rng, LAST), "amount": f"{rng.randrange(2, 40)} million crowns",
        "quote": quote, "qword": qword, "hedge": hedge.format(cause=cause), "stated": stated.format(cause=cause),
        "spot": pick(rng, SPOTS), "neg": pick(rng, ("not ", "")), "year": rng.randrange(2012, 2024),
        "workers": rng.randrange(3, 60) * 10, "since": rng.randrange(1985, 2015), "claim": pick(rng, CLAIMS),
        "forms": {role: rng.randrange(4) for role in ROLE_TEXT} | {"headline": rng.randrange(4)},
    }
    middle = ["injured", "official", "quote", "hedge", "negation", "background", "rescue"]
    rng.shuffle(middle)
    middle.remove("quote")
    middle.insert(middle.index("official") + 1, "quote")  # the quote follows whoever is quoted
    roles = ["lead", *middle]
    paras = [(r, ROLE_TEXT[r](f, f["forms"][r])) for r in roles]
    month = pick(rng, MONTHS)
    date = f"{month} {rng.randrange(1, 28)}"
    f["date"] = date
    story = Story(style, f, headline_text(f, f["forms"]["headline"]), paras)
    if style == "wire":
        story.dateline = f"{f['place'].upper()}, {month[:3]} {date.split()[1]} ({pick(rng, AGENCIES)}) – "
        story.credits = f"(Reporting by {pick(rng, FIRST)} {pick(rng, LAST)}; Editing by {pick(rng, FIRST)} {pick(rng, LAST)})"
    else:
        story.byline = f"By {pick(rng, FIRST)} {pick(rng, LAST)}"
    return story


def refreshed(story: Story, **changes: Any) -> Story:
    """The story with some facts changed, every paragraph and the headline written again."""
    f = {**story.facts, **changes}
    paras = [(r, ROLE_TEXT[r](f, f["forms"][r]) if r in ROLE_TEXT else t) for r, t in story.paras]
    return replace(story, facts=f, paras=paras, headline=headline_text(f, f["forms"]["headline"]))


# -- what a pattern changed, for a notice to name ----------------------------------

@dataclass
class Change:
    thing: str  # "death toll", "name of the mayor"
    old: str
    new: str
    role: str  # the paragraph's role


@dataclass
class Case:
    pattern: str
    style: str
    old: str
    new: str
    expect: str
    kind: str | None  # the stealth_kind an editor expects
    note: str = ""
    # another verdict an editor would accept as well (with no stealth_kind): a notice carried
    # over a credit swap is "minor" or "consistent", never a new claim
    accept: tuple[str, ...] = ()


@dataclass
class Result:
    case: Case
    got: str
    got_kind: str | None
    reasons: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        if self.got in self.case.accept:
            return self.got_kind is None
        return self.got == self.case.expect and self.got_kind == self.case.kind


# -- patterns that change a published fact --------------------------------------

def figure_reworded(rng: random.Random, s: Story) -> tuple[Story, Change]:
    role = pick(rng, ("lead", "injured", "official", "background"))
    key = {"lead": "toll", "injured": "injured", "official": "amount", "background": "workers"}[role]
    old = s.facts[key]
    if key == "amount":
        new: Any = f"{int(old.split()[0]) + rng.choice((-1, 1)) * rng.randrange(1, 4)} million crowns"
    elif key == "workers":
        new = old + rng.choice((-1, 1)) * rng.randrange(1, 5) * 10
    else:
        new = old + rng.choice((-1, 1)) * rng.randrange(2, 9)
    forms = {**s.facts["forms"], role: s.facts["forms"][role] + rng.randrange(1, 4)}
    out = refreshed(s, **{key: new}, forms=forms)
    out.headline = s.headline  # the headline kept as published
    out = replace(out, paras=[(r, p) if r == role else s.paras[i] for i, (r, p) in enumerate(out.paras)])
    return out, Change({"toll": "death toll", "injured": "number of people injured", "amount": "amount of aid",
                        "workers": "number of workers at the site"}[key], str(old), str(new), role)


def toll_down(rng: random.Random, s: Story) -> tuple[Story, Change]:
    key = pick(rng, ("toll", "injured", "amount"))
    role = {"toll": "lead", "injured": "injured", "amount": "official"}[key]
    old = s.facts[key]
    if key == "amount":
        new: Any = f"{max(1, int(old.split()[0]) - rng.randrange(1, 3))} million crowns"
        if new == old:
            new = f"{int(old.split()[0]) + 1} million crowns"
    else:
        new = old - rng.randrange(2, 9)
    out = refreshed(s, **{key: new})
    if rng.random() < 0.5:
        out.headline = s.headline  # the body put right, the headline not (yet)
    return out, Change({"toll": "death toll", "injured": "number of people injured", "amount": "amount of aid"}[key],
                       str(old), str(new), role)


def name_replaced(rng: random.Random, s: Story) -> tuple[Story, Change]:
    which = pick(rng, ("last", "first", "title", "place"))
    if which == "place":
        old = s.facts["place"]
        new = other(rng, PLACES, old)
        out = refreshed(s, place=new)
        out.dateline = s.dateline.replace(old.upper(), new.upper())
        return out, Change("location of the " + s.facts["event"], old, new, "lead")
    pool = {"last": LAST, "first": FIRST, "title": TITLES}[which]
    old = s.facts[which]
    new = other(rng, pool, old)
    thing = {"last": f"surname of the {s.facts['title'].lower()}", "first": f"first name of {s.facts['title']} "
             f"{s.facts['last']}", "title": f"title of {s.facts['first']} {s.facts['last']}"}[which]
    return refreshed(s, **{which: new}), Change(thing, old, new, "official")


def claim_cut(rng: random.Random, s: Story) -> tuple[Story, Change]:
    role = pick(rng, ("background", "rescue"))
    text = s.text_of(role)
    first, rest = text.split(". ", 1)
    return s.with_para(role, first + "."), Change("", rest, "", role)


def negation_flipped(rng: random.Random, s: Story) -> tuple[Story, Change]:
    neg = s.facts["neg"]
    new = "" if neg else "not "
    return refreshed(s, neg=new), Change("", f"had {neg}been inspected", f"had {new}been inspected", "negation")


def date_changed(rng: random.Random, s: Story) -> tuple[Story, Change]:
    which = pick(rng, ("day", "year", "since"))
    old = s.facts[which]
    if which == "day":
        new: Any = other(rng, DAYS, old)
        role, thing = "lead", f"day of the {s.facts['event']}"
    elif which == "year":
        new, role, thing = old - rng.randrange(1, 5), "negation", "year of the last inspection"
    else:
        new, role, thing = old + rng.randrange(1, 6), "background", "year of the last such disaster"
    return refreshed(s, **{which: new}), Change(thing, str(old), str(new), role)


def quote_changed(rng: random.Random, s: Story) -> tuple[Story, Change]:
    _, published, alts = next(q for q in QUOTES if q[0] == s.facts["quote"])
    new = pick(rng, alts)
    return refreshed(s, qword=new), Change(f"quote from {s.facts['last']}", published, new, "quote")


def source_changed(rng: random.Random, s: Story) -> tuple[Story, Change]:
    old = s.facts["source"]
    new = other(rng, SOURCES, old)
    return refreshed(s, source=new), Change("source of the death toll", old, new, "lead")


def hedge_removed(rng: random.Random, s: Story) -> tuple[Story, Change]:
    return refreshed(s, hedge=s.facts["stated"]), Change("cause of the " + s.facts["noun"], s.facts["hedge"],
                                                         s.facts["stated"], "hedge")


# -- patterns that change no published fact -----------------------------------------

EXTRA = (
    "Schools in {place} will stay closed until the end of the week, the education office said.",
    "Volunteers set up a shelter in a sports hall for families who lost their homes.",
    "The {event} is the second serious disaster in the region this year.",
    "Opposition lawmakers called for a debate on building safety in parliament.",
    "Blood banks in {place} appealed for donors after a rush of patients.",
)
DEVELOPING = (
    "Later on {day}, rescuers pulled {more} more survivors from the rubble, {source} said.",
    "By evening, {more} of the injured had been discharged from hospital.",
    "{title} {last} visited the site on {day} afternoon and met relatives of the victims.",
    "Police said on {day} night that they had detained the site's manager for questioning.",
    "The national weather office warned of more heavy rain in the area overnight.",
)


def para_added(rng: random.Random, s: Story) -> tuple[Story, Change]:
    text = pick(rng, EXTRA).format(**s.facts)
    at = rng.randrange(2, len(s.paras) + 1)
    return replace(s, paras=[*s.paras[:at], ("extra", text), *s.paras[at:]]), Change("", "", text, "extra")


def developing_para(rng: random.Random, s: Story) -> tuple[Story, Change]:
    text = pick(rng, DEVELOPING).format(**s.facts, more=rng.randrange(2, 9))
    at = pick(rng, (1, 2, len(s.paras)))
    return replace(s, paras=[*s.paras[:at], ("extra", text), *s.paras[at:]]), Change("", "", text, "extra")


def style_reword(rng: random.Random, s: Story) -> tuple[Story, Change]:
    options = [(i, a, b) for i, (role, text) in enumerate(s.paras) for a, b in RESTYLE
               if re.search(rf"\b{re.escape(a)}\b", text) and role != "quote"]
    i, a, b = pick(rng, options)
    role, text = s.paras[i]
    paras = list(s.paras)
    paras[i] = (role, re.sub(rf"\b{re.escape(a)}\b", b, text, count=1))
    return replace(s, paras=paras), Change("", a, b, role)


def typo_fixed(rng: random.Random, s: Story) -> tuple[Story, Change]:
    """The old text had a typo (two letters swapped, or one doubled) the new one fixes."""
    i = rng.randrange(1, len(s.paras))
    role, text = s.paras[i]
    words = [m for m in re.finditer(r"\b[a-z]{6,}\b", text)]
    m = pick(rng, words)
    w = m.group()
    k = pick(rng, [k for k in range(1, len(w) - 2) if w[k] != w[k + 1]])
    typo = w[:k] + w[k + 1] + w[k] + w[k + 2:] if rng.random() < 0.5 else w[:k] + w[k] + w[k:]
    paras = list(s.paras)
    paras[i] = (role, text[:m.start()] + typo + text[m.end():])
    return replace(s, paras=paras), Change("", typo, w, role)  # the story made with the typo: the OLD one


def para_moved(rng: random.Random, s: Story) -> tuple[Story, Change]:
    i = rng.randrange(2, len(s.paras))
    j = other(rng, range(1, len(s.paras)), i)
    paras = list(s.paras)
    moved = paras.pop(i)
    paras.insert(j, moved)
    return replace(s, paras=paras), Change("", "", "", moved[0])


def headline_reangle(rng: random.Random, s: Story) -> tuple[Story, Change]:
    form = s.facts["forms"]["headline"] + rng.randrange(1, len(HEADLINES))
    return replace(s, headline=headline_text(s.facts, form)), Change("", s.headline, "", "headline")


# -- more patterns (issue 15: copy beyond the tune wording) ---------------------------

# the lede's quotation: a run of the official's words, the whole statement quoted below
LEDE_QUOTES = (" {last} said officials were “{x}”.", " “{x},” {title} {last} said.",
               " {title} {last} said: “{x}.”", " {last} told reporters the government was “{x}”.")


def _excerpt(rng: random.Random, quote: str, not_this: str = "") -> str:
    words = quote.split()
    while True:
        a = rng.randrange(0, len(words) - 3)
        x = " ".join(words[a:rng.randrange(a + 3, len(words) + 1)])
        if x != not_this:
            return x


def developing_lede_recut(rng: random.Random, s: Story) -> tuple[Story, Story, Change]:
    """A developing story adds paragraphs and re-cuts the quotation in its lede: another
    run of the same statement, which the story quotes whole further down."""
    f = s.facts
    q = f["quote"].format(w=f["qword"])
    x = _excerpt(rng, q)
    y = _excerpt(rng, q, x)
    frame, frame2 = pick(rng, LEDE_QUOTES), pick(rng, LEDE_QUOTES)
    old = s.with_para("lead", s.text_of("lead") + frame.format(x=x, **f))
    new = old.with_para("lead", s.text_of("lead") + frame2.format(x=y, **f))
    for _ in range(rng.randrange(1, 3)):
        new, _c = developing_para(rng, new)
    return old, new, Change("", x, y, "lead")


RESCUE_PARAPHRASES = {
    "Rescue work was expected to continue through the night.": (
        "Rescuers were expected to keep working overnight.", "Crews were expected to carry on through the night.",
        "The rescue effort was expected to go on overnight."),
    "Teams searched the rubble until dark.": (
        "Until nightfall, teams combed through the debris.", "Search teams worked through the rubble until dark.",
        "The rubble was searched by teams until it got dark."),
}


def paraphrased(rng: random.Random, s: Story) -> tuple[Story, Change]:
    """One sentence said again in other words, every fact in it kept: another of the
    forms its paragraph is written in, or a rescue line restated."""
    role = pick(rng, ("lead", "injured", "official", "hedge", "background", "rescue"))
    old = s.text_of(role)
    if role == "rescue":
        first = next(k for k in RESCUE_PARAPHRASES if old.startswith(k))
        new = old.replace(first, pick(rng, RESCUE_PARAPHRASES[first]), 1)
    else:
        forms = s.facts["forms"]
        n = {"lead": 4, "injured": 4, "official": 3, "hedge": 2, "background": 2}[role]
        new = ROLE_TEXT[role](s.facts, (forms[role] + rng.randrange(1, n)) % n)
    return s.with_para(role, new), Change("", old, new, role)


# the same facts headlined in other words, many from the story's own sentences
HEADLINE_PARAPHRASES = (
    "{Event} in {place} leaves {toll} dead", "{toll} people die in {place} {event}",
    "{toll} lives lost as {event} strikes {place} {sitehead}", "{Source} say {toll} killed in {place} {event}",
    "At least {toll} killed in {event} at {place} {sitehead}", "{place}: {event} at {sitehead} kills {toll}",
)


def headline_paraphrased(rng: random.Random, s: Story) -> tuple[Story, Story, Change]:
    f = {**s.facts, "Event": s.facts["event"][0].upper() + s.facts["event"][1:],
         "Source": s.facts["source"][0].upper() + s.facts["source"][1:]}
    a = pick(rng, HEADLINE_PARAPHRASES)
    b = other(rng, HEADLINE_PARAPHRASES, a)
    old = replace(s, headline=a.format(**f))
    return old, replace(s, headline=b.format(**f)), Change("", old.headline, "", "headline")


# a Dutch story: the same kind of copy in another language the notice vocabulary reads
NL_EVENTS = (("brand", "een textielfabriek"), ("explosie", "een chemische fabriek"), ("brand", "een woonblok"),
             ("aardverschuiving", "een bergdorp"), ("instorting", "een winkelcentrum"))
NL_SOURCES = ("de politie", "de brandweer", "lokale autoriteiten", "de veiligheidsregio")
NL_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
NL_HEADLINES = (
    "{toll} doden bij {ev} in {place}", "{Ev} in {place} eist {toll} levens", "Zeker {toll} doden door {ev} in {place}",
    "{Ev} in {place}: {toll} mensen komen om", "{toll} mensen omgekomen bij {ev} in {place}",
    "Dodental {ev} in {place} staat op {toll}",
)


def dutch_story(rng: random.Random, style: str) -> Story:
    ev, site = pick(rng, NL_EVENTS)
    f: dict[str, Any] = {"ev": ev, "Ev": ev.capitalize(), "site": site, "place": pick(rng, PLACES),
                         "toll": rng.randrange(12, 90), "injured": rng.randrange(20, 140),
                         "serious": rng.randrange(3, 11), "day": pick(rng, NL_DAYS), "bron": pick(rng, NL_SOURCES),
                         "last": pick(rng, LAST), "first": pick(rng, FIRST), "amount": rng.randrange(2, 40)}
    paras = [
        ("lead", "Bij een {ev} in {site} in {place} zijn {day} zeker {toll} mensen om het leven gekomen, "
                 "meldt {bron}.".format(**f)),
        ("injured", "Nog eens {injured} mensen raakten gewond, {serious} van hen ernstig.".format(**f)),
        ("official", "Burgemeester {first} {last} zegt dat de gemeente {amount} miljoen euro uittrekt voor "
                     "de nabestaanden.".format(**f)),
        ("quote", "“We doen alles om de mensen onder het puin te bereiken,” zei {last}.".format(**f)),
        ("rescue", "Het reddingswerk gaat de hele nacht door. Buurtbewoners zeggen dat ze al maanden "
                   "klaagden over de veiligheid."),
    ]
    story = Story(style, f, pick(rng, NL_HEADLINES).format(**f), paras)
    if style == "wire":
        story.dateline = f"{f['place'].upper()} ({pick(rng, AGENCIES)}) - "
        story.credits = f"(Verslag: {pick(rng, FIRST)} {pick(rng, LAST)}; redactie: {pick(rng, FIRST)} {pick(rng, LAST)})"
    else:
        story.byline = f"Door {pick(rng, FIRST)} {pick(rng, LAST)}"
    return story


def dutch_headline_paraphrased(rng: random.Random, style: str) -> tuple[Story, Story, Change]:
    s = dutch_story(rng, style)
    a = pick(rng, NL_HEADLINES)
    b = other(rng, NL_HEADLINES, a)
    old = replace(s, headline=a.format(**s.facts))
    return old, replace(s, headline=b.format(**s.facts)), Change("", old.headline, "", "headline")


# a source named by what it is: another body of the same kind of people put in its place
MODIFIED_SOURCES = (("hospital officials", "local officials"), ("local officials", "hospital officials"),
                    ("regional health officials", "local health officials"), ("state police", "military police"),
                    ("the regional fire service", "the city fire service"),
                    ("the interior ministry", "the health ministry"), ("provincial officials", "hospital officials"),
                    ("local police", "border police"), ("hospital staff", "rescue staff"))


def source_modifier(rng: random.Random, s: Story) -> tuple[Story, Story, Change]:
    """Only the word saying which body a source is changed ("hospital officials" ->
    "local officials"): another body now vouches for the figure, an attribution altered."""
    old, new = pick(rng, MODIFIED_SOURCES)
    before = refreshed(s, source=old)
    return before, refreshed(before, source=new), Change("source of the death toll", old, new, "lead")


VAGUE = ("dozens of", "many", "scores of", "a number of")
TOLLESS_HEADLINES = ("{Event} tears through {place} {sitehead}", "Deadly {event} hits {place} {sitehead}",
                     "{place} {sitehead} {event} leaves many dead")


def lede_count_dropped(rng: random.Random, s: Story) -> tuple[Story, Story, Change]:
    """The lede or the injured line rewritten without the count it gave ("killed at least
    34 people" -> "killed dozens of people"): a published figure taken back."""
    f = {**s.facts, "Event": s.facts["event"][0].upper() + s.facts["event"][1:]}
    old = replace(s, headline=pick(rng, TOLLESS_HEADLINES).format(**f))
    a = "an" if f["event"][0] in "aeiou" else "a"
    if rng.random() < 0.6:
        vague = pick(rng, VAGUE)
        new_lead = pick(rng, (
            "{A} {event} at {site} in {place} killed {vague} people on {day}, {source} said.",
            "{A} {event} tore through {site} in {place} on {day}, killing {vague} people, {source} said.",
            "{vague_cap} people were killed on {day} in {a} {event} at {site} in {place}, according to {source}.",
        )).format(**f, A=a.title(), a=a, vague=vague, vague_cap=vague[0].upper() + vague[1:])
        new = old.with_para("lead", new_lead)
        return old, new, Change("", old.text_of("lead"), new_lead, "lead")
    new_inj = pick(rng, ("Others were taken to hospital, some of them in a serious condition.",
                         "Many more were injured, several of them seriously.",
                         "Hospitals treated the injured, some of whom remained in a serious condition."))
    return old, old.with_para("injured", new_inj), Change("", old.text_of("injured"), new_inj, "injured")


ORGS = (("National Safety Board", "NSB"), ("Civil Protection Agency", "CPA"), ("Regional Disaster Office", "RDO"),
        ("Industrial Safety Inspectorate", "ISI"))
ABBR_HEADLINES = ("{place} {event} kills {toll}, {abbr} investigators on site",
                  "{Event} kills {toll} in {place} as {abbr} inspectors move in",
                  "{toll} dead in {place} {event}; {abbr} team sent to {sitehead}")


def headline_abbrev_dropped(rng: random.Random, s: Story) -> tuple[Story, Story, Change]:
    """An initialism dropped from a headline ("..., NSB investigators on site" -> "...,
    investigators on site"): the body still names the body it stands for."""
    org, abbr = pick(rng, ORGS)
    f = {**s.facts, "abbr": abbr, "Event": s.facts["event"][0].upper() + s.facts["event"][1:]}
    line = f"The {org} ({abbr}) has sent a team of investigators to the site."
    at = rng.randrange(2, len(s.paras) + 1)
    s = replace(s, paras=[*s.paras[:at], ("org", line), *s.paras[at:]])
    form = pick(rng, ABBR_HEADLINES)
    old = replace(s, headline=form.format(**f))
    new = replace(s, headline=re.sub(r"\s+", " ", form.replace("{abbr}", "").format(**f)).strip())
    return old, new, Change("", old.headline, new.headline, "headline")


def credits_swapped(rng: random.Random, s: Story) -> Story:
    """Another reporter or editor credited: the byline or the credit line."""
    if s.credits:
        return replace(s, credits=f"(Reporting by {pick(rng, FIRST)} {pick(rng, LAST)}; Additional reporting by "
                                  f"{pick(rng, FIRST)} {pick(rng, LAST)}; Editing by {pick(rng, FIRST)} {pick(rng, LAST)})")
    return replace(s, byline=f"{s.byline} and {pick(rng, FIRST)} {pick(rng, LAST)}" if rng.random() < 0.5
                   else f"By {pick(rng, FIRST)} {pick(rng, LAST)}")


# -- notices -------------------------------------------------------------------------

def correction_notice(rng: random.Random, s: Story, c: Change) -> tuple[list[str], list[str]]:
    """(top, bottom) lines of a correction naming ``c`` in the outlet's style."""
    p = s.number(c.role)
    if s.style == "wire":
        form = pick(rng, ("(Corrects {thing} in paragraph {p} to {new} from {old})",
                          "(Corrects paragraph {p} to show {thing} was {new}, not {old})",
                          "(Corrects {thing} to {new} from {old})"))
        return [form.format(thing=c.thing, p=p, new=c.new, old=c.old)], []
    forms = ("Correction: An earlier version of this story misstated the {thing}. It is {new}, not {old}.",
             "An earlier version of this article gave the wrong {thing}. It is {new}, not {old}.",
             "Correction: A previous version of this story incorrectly said the {thing} was {old}. It is {new}.",
             "This article was amended on {date} to correct the {thing}, which is {new}, not {old}.")
    line = pick(rng, forms).format(thing=c.thing, new=c.new, old=c.old, date=s.facts["date"])
    return ([line], []) if s.style == "web" else ([], [line])


def update_notice(rng: random.Random, s: Story, added: str) -> tuple[list[str], list[str], str]:
    """(top, bottom, headline slug) of an update notice over new material."""
    if s.style == "wire":
        if rng.random() < 0.4:
            return [], [], f"UPDATE {rng.randrange(1, 4)}-"
        what = pick(rng, ("details of rescue work", "new paragraph", "comment from officials",
                          "background", "more detail"))
        return [f"(Updates with {what})"], [], ""
    forms = ("Update: This story has been updated with additional information.",
             "This story has been updated with new information.",
             f"UPDATE, {s.facts['date'].split()[0][:3]} {s.facts['date'].split()[1]}, "
             f"{rng.randrange(1, 12)}:{rng.randrange(10, 59)} p.m.: This story has been updated with "
             "additional details.",
             "Editor's note: This story has been updated with the latest information from the scene.")
    line = pick(rng, forms)
    return ([line], [], "") if s.style == "web" else ([], [line], "")


# -- the patterns ------------------------------------------------------------------

Edit = Callable[[random.Random, Story], tuple[Story, Change]]
ALTERING: dict[str, Edit] = {
    "figure-reworded": figure_reworded, "toll-down": toll_down, "name-replaced": name_replaced,
    "claim-cut": claim_cut, "negation": negation_flipped, "date-changed": date_changed,
    "quote-changed": quote_changed, "source-changed": source_changed, "hedge-removed": hedge_removed,
}
QUIET: dict[str, tuple[Edit, str]] = {
    "paragraph-added": (para_added, "update"), "developing-paragraph": (developing_para, "update"),
    "style-reword": (style_reword, "minor"), "typo-fixed": (typo_fixed, "minor"),
    # a headline reworded around the same facts is a cosmetic "headline-reword" in the real
    # copy's labels: minor, as a style fix in the body is
    "paragraph-moved": (para_moved, "minor"), "headline-reangled": (headline_reangle, "minor"),
    "paraphrase": (paraphrased, "minor"),
}
# patterns that set the earlier revision up too (a quotation in the lede, a headline form)
Paired = Callable[[random.Random, Story], tuple[Story, Story, Change]]
PAIRED: dict[str, tuple[Paired, str]] = {
    "developing-lede-recut": (developing_lede_recut, "update"), "headline-paraphrased": (headline_paraphrased, "minor"),
    "lede-count-dropped": (lede_count_dropped, "stealth"), "source-modifier": (source_modifier, "stealth"), "headline-abbrev-dropped": (headline_abbrev_dropped, "minor"),
}
NOTICED = ("correction-plus-silent", "correction-covers", "update-new-only", "update-over-figure",
           "update-carried-figure", "correction-plus-amount", "notice-carried-credit-swap",
           "update-over-reworded-figure")
PATTERNS = (*ALTERING, *QUIET, *PAIRED, *NOTICED, *beats.PATTERNS)
STYLES = ("wire", "web", "footnote")
KIND = {"stealth": "altered", "undisclosed": "altered", "update": "added"}
# the silent fact changes that ride along with a notice: in a paragraph of their own
COVERABLE: dict[str, Edit] = {"toll-down": toll_down, "name-replaced": name_replaced,
                              "date-changed": date_changed}


def make_case(pattern: str, rng: random.Random, style: str) -> Case:
    if pattern in beats.PATTERNS:
        bstyle = ("wire", "web", "british")[STYLES.index(style)]
        made_style, old_text, new_text, expect, kind, note = beats.make_case(pattern, rng, bstyle)
        return Case(pattern, made_style, old_text, new_text, expect, kind, note)
    s = new_story(rng, style)
    if pattern in ALTERING:
        new, c = ALTERING[pattern](rng, s)
        return Case(pattern, style, s.render(), new.render(), "stealth", "altered", f"{c.old!r} -> {c.new!r}")
    if pattern in QUIET:
        edit, expect = QUIET[pattern]
        new, c = edit(rng, s)
        old_text, new_text = s.render(), new.render()
        if pattern == "typo-fixed":
            old_text, new_text = new_text, old_text
        return Case(pattern, style, old_text, new_text, expect, KIND.get(expect), f"{c.old!r} -> {c.new!r}")
    if pattern in PAIRED:
        paired, expect = PAIRED[pattern]
        if pattern == "headline-paraphrased" and rng.random() < 0.4:
            old, new, c = dutch_headline_paraphrased(rng, style)
        else:
            old, new, c = paired(rng, s)
        return Case(pattern, style, old.render(), new.render(), expect, KIND.get(expect), f"{c.old!r} -> {c.new!r}")
    if pattern in ("update-carried-figure", "correction-plus-amount", "notice-carried-credit-swap",
                   "update-over-reworded-figure"):
        return _noticed_more(pattern, rng, s)
    if pattern in ("correction-plus-silent", "correction-covers"):
        name = pick(rng, sorted(COVERABLE))
        mid, c = COVERABLE[name](rng, s)
        top, bottom = correction_notice(rng, s, c)
        if pattern == "correction-covers":
            return Case(pattern, style, s.render(), mid.render(top, bottom), "consistent", None, name)
        # the fact changed in silence stands in another paragraph than the one corrected
        silent = pick(rng, ("negation", "quote-changed", "hedge-removed", "claim-cut"))
        new, c2 = ALTERING[silent](rng, mid)
        while c2.role == c.role:
            silent = pick(rng, ("negation", "quote-changed", "hedge-removed", "claim-cut"))
            new, c2 = ALTERING[silent](rng, mid)
        return Case(pattern, style, s.render(), new.render(top, bottom), "undisclosed", "altered",
                    f"{name} noticed, {silent} silent: {c2.old!r} -> {c2.new!r}")
    # update notices: over new material only, or over a published figure changed too
    mid, c = pick(rng, (para_added, developing_para))(rng, s)
    top, bottom, slug = update_notice(rng, s, c.new)
    if pattern == "update-new-only":
        return Case(pattern, style, s.render(), mid.render(top, bottom, slug), "consistent", None)
    key = pick(rng, ("amount", "workers", "toll-down", "year"))
    if key == "toll-down":
        new, c2 = toll_down(rng, mid)
    elif key == "year":
        new = refreshed(mid, year=mid.facts["year"] - rng.randrange(1, 4))
        c2 = Change("", str(mid.facts["year"]), str(new.facts["year"]), "negation")
    else:
        old_v = mid.facts[key]
        new_v: Any = (f"{int(old_v.split()[0]) + rng.randrange(1, 5)} million crowns" if key == "amount"
                      else old_v + rng.randrange(1, 5) * 10)
        new = refreshed(mid, **{key: new_v})
        c2 = Change("", str(old_v), str(new_v), key)
    return Case(pattern, style, s.render(), new.render(top, bottom, slug), "undisclosed", "altered",
                f"{c2.old!r} -> {c2.new!r} under an update notice")


def _changed_figure(rng: random.Random, s: Story, not_role: str = "") -> tuple[Story, Change]:
    """A published figure other than the toll put right in silence (an amount, a workforce,
    a year); never in the paragraph ``not_role``."""
    keys = [k for k, role in (("amount", "official"), ("workers", "background"), ("year", "negation"))
            if role != not_role]
    key = pick(rng, keys)
    old_v = s.facts[key]
    new_v: Any = (f"{int(old_v.split()[0]) + rng.randrange(1, 5)} million crowns" if key == "amount"
                  else old_v - rng.randrange(1, 4) if key == "year" else old_v + rng.randrange(1, 5) * 10)
    role = {"amount": "official", "workers": "background", "year": "negation"}[key]
    out = refreshed(s, **{key: new_v})
    out.headline = s.headline
    return out, Change("", str(old_v), str(new_v), role)


def _noticed_more(pattern: str, rng: random.Random, s: Story) -> Case:
    style = s.style
    if pattern == "update-carried-figure":
        # the update notice of an earlier revision, carried unchanged over a figure put right
        top, bottom, slug = update_notice(rng, s, "")
        mid, _c = (developing_para(rng, s) if rng.random() < 0.5 else (s, None))
        new, c2 = _changed_figure(rng, mid)
        return Case(pattern, style, s.render(top, bottom, slug), new.render(top, bottom, slug), "stealth", "altered",
                    f"{c2.old!r} -> {c2.new!r} under a carried update notice")
    if pattern == "update-over-reworded-figure":
        # new material under a fresh update notice, and a published figure put right in a
        # sentence written again around it (the figure inside a reworded passage)
        mid, c = pick(rng, (para_added, developing_para))(rng, s)
        top, bottom, slug = update_notice(rng, s, c.new)
        while True:
            new, c2 = figure_reworded(rng, mid)
            if not (c2.role in ("lead", "injured") and int(c2.new) > int(c2.old)):
                break  # a toll or a count of injured that rises is the news an update brings
        return Case(pattern, style, s.render(), new.render(top, bottom, slug), "undisclosed", "altered",
                    f"{c2.old!r} -> {c2.new!r} reworded under an update notice")
    name = pick(rng, sorted(COVERABLE))
    mid, c = COVERABLE[name](rng, s)
    top, bottom = correction_notice(rng, s, c)
    if pattern == "correction-plus-amount":
        # the notice names one change; a second amount changed, anywhere, it does not name
        new, c2 = _changed_figure(rng, mid, not_role=c.role)
        return Case(pattern, style, s.render(), new.render(top, bottom), "undisclosed", "altered",
                    f"{name} noticed ({c.old!r} -> {c.new!r}), {c2.old!r} -> {c2.new!r} silent")
    # a correction carried unchanged from the revision that made it, over a credit swap
    return Case(pattern, style, mid.render(top, bottom), credits_swapped(rng, mid).render(top, bottom), "minor",
                None, f"{name} notice carried", accept=("consistent",))


def cases(per: int, seed: int, patterns: Sequence[str] = PATTERNS) -> list[Case]:
    """``per`` pairs of each pattern, styles in turn, from a fixed seed."""
    out = []
    for p in patterns:
        rng = random.Random(f"{seed}:{p}")
        out += [make_case(p, rng, STYLES[i % len(STYLES)]) for i in range(per)]
    return out


# -- running versioner ---------------------------------------------------------------

def find_versioner() -> str:
    beside = Path(sys.executable).parent / "versioner"
    found = str(beside) if beside.is_file() else shutil.which("versioner")
    if not found:
        raise SystemExit("variants: no versioner command found beside this Python or on PATH")
    return found


def run(all_cases: Sequence[Case], exe: str | None = None) -> list[Result]:
    """Each case imported as an article of two revisions, then audited: its verdict."""
    exe = exe or find_versioner()
    with tempfile.TemporaryDirectory(prefix="variants-") as tmp:
        store, jsonl = Path(tmp) / "v.db", Path(tmp) / "pairs.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for i, c in enumerate(all_cases):
                for at, text in (("2026-03-01T08:00:00Z", c.old), ("2026-03-01T11:30:00Z", c.new)):
                    fh.write(json.dumps({"article": f"var-{i:04d}", "captured_at": at, "text": text},
                                        ensure_ascii=False) + "\n")
        for args in (("import", str(jsonl)), ("audit", "--format", "json")):
            res = subprocess.run([exe, "--store", str(store), *args], capture_output=True, text=True, timeout=900)
            if res.returncode not in (0, 1):
                raise RuntimeError(f"versioner {args[0]}: {res.stderr.strip()}")
        audit = {a["article"]: a["revisions"] for a in json.loads(res.stdout)["articles"]}
    out = []
    for i, c in enumerate(all_cases):
        revs = audit.get(f"var-{i:04d}", [])
        last = revs[-1] if len(revs) == 2 else {"verdict": "unchanged", "reasons": []}
        out.append(Result(c, last["verdict"], last.get("stealth_kind"), list(last.get("reasons", []))))
    return out


def per_pattern(results: Sequence[Result]) -> dict[str, dict[str, Any]]:
    by: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by[r.case.pattern].append(r)
    return {p: {"n": len(rs), "expect": rs[0].case.expect, "kind": rs[0].case.kind,
                "accuracy": sum(r.right for r in rs) / len(rs),
                "verdict_right": sum(r.got == r.case.expect for r in rs) / len(rs),
                "got": dict(Counter(r.got for r in rs).most_common())}
            for p, rs in by.items()}


def confusion(results: Sequence[Result]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        table[r.case.expect][r.got] += 1
    return {k: dict(v) for k, v in sorted(table.items())}


def report(results: Sequence[Result], failures: int) -> str:
    lines = ["| pattern | expect | n | right | verdict right | got |", "|---|---|---|---|---|---|"]
    for p, row in per_pattern(results).items():
        got = ", ".join(f"{k} {v}" for k, v in row["got"].items())
        lines.append(f"| {p} | {row['expect']}/{row['kind'] or '-'} | {row['n']} | {row['accuracy']:.2f} | "
                     f"{row['verdict_right']:.2f} | {got} |")
    total = sum(r.right for r in results) / len(results)
    lines += ["", f"all: {total:.2f} of {len(results)} pairs (verdict and stealth_kind right)", "",
              "Confusion (rows: the pattern's verdict, columns: the audit's)", ""]
    table = confusion(results)
    cols = sorted({g for row in table.values() for g in row})
    lines += ["| expect | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    lines += [f"| {e} | " + " | ".join(str(row.get(c, "")) for c in cols) + " |" for e, row in table.items()]
    misses = [r for r in results if not r.right]
    if failures and misses:
        lines += ["", f"Misses ({len(misses)}; first {failures}, round-robin by pattern)", ""]
        by: dict[str, list[Result]] = defaultdict(list)
        for r in misses:
            by[r.case.pattern].append(r)
        shown = [r for rank in range(len(misses)) for rs in by.values() if rank < len(rs) for r in [rs[rank]]]
        for r in shown[:failures]:
            lines.append(f"- {r.case.pattern} ({r.case.style}, {r.case.note}): expect {r.case.expect}/"
                         f"{r.case.kind}, got {r.got}/{r.got_kind}")
            lines += [f"    - {x}" for x in r.reasons[:4]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = variantcli.parser(__doc__ or "", per=20).parse_args(argv)
    chosen = cases(args.per, args.seed, args.pattern or PATTERNS)
    variantcli.dump(chosen, args.dump)
    results = run(chosen)
    if args.json:
        print(json.dumps({"patterns": per_pattern(results), "confusion": confusion(results),
                          "accuracy": sum(r.right for r in results) / len(results)}, indent=1))
    else:
        print(report(results, args.failures))
    return 0


if __name__ == "__main__":
    variantcli.run_main(main)
