"""Editing patterns on other beats than the disaster story of bench/variants.py: sport,
weather, elections, courts, markets, transport and health, in wire, web, British and
Dutch styles (issue 15: verdicts beyond the tune wording).

Every story, person, place and notice is invented. The verdict each pattern expects
is set here from the label policy of the real-copy set (its README: what a generic
update notice covers, ``stealth_kind``), before anything is run:

- material only added, a plan carried out, a running figure moved on under an update
  notice: ``update`` / ``consistent``, never ``stealth``;
- a running figure (a score, a count so far, a share price in trading) replaced with no
  notice: ``stealth``/``altered`` (developing);
- a published fact put right in silence (a title, a direction, a month, a place, who
  said it, a hedge, a fixed figure, a claim cut): ``stealth``/``altered``, or under a
  generic update notice ``undisclosed``/``altered``;
- a correction that names what it put right: ``consistent``.

``variants.py`` draws these patterns beside its own; ``make_case`` returns the fields
of its ``Case``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

PLACES = ("Harwick", "Oststad", "Mellby", "Carrow", "Pendle Cross", "Verlo", "Saltmere", "Brisk", "Tarnow",
          "Elmsworth", "Kestrel Bay", "Dunvale")
FIRST = ("Aoife", "Bram", "Carla", "Dev", "Elin", "Femi", "Greta", "Hugo", "Ines", "Joost", "Kira", "Lars",
         "Maud", "Nils", "Orla", "Pim", "Rosa", "Sven")
LAST = ("Achterberg", "Bellamy", "Cronin", "Dekker", "Eastwood", "Falk", "Gallo", "Hartigan", "Iversen",
        "Jansma", "Kowal", "Lyle", "Mulder", "Nyberg", "Oduya", "Pryce", "Quirke", "Rourke")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# (a point narrowed, "south" -> "south-west", is a word put in: the audit cannot see it
# as a direction turned, so the patterns turn whole points)
COMPASS = ("north", "south", "east", "west")


@dataclass(frozen=True)
class Beat:
    """One kind of story: its fact pools and one template per paragraph role.

    Roles: ``lead`` (carries the running or fixed figure ``count``), ``title`` (a person's
    title), ``dir`` (a direction), ``month``, ``source`` (who said a figure), ``hedge``
    (a hedged claim), ``claim`` (two sentences; the second a claim that can be cut)."""

    name: str
    headline: str
    paras: dict[str, str]
    titles: tuple[str, ...]
    sources: tuple[str, ...]
    hedges: tuple[tuple[str, str], ...]  # (hedged, as stated outright)
    claims: tuple[str, ...]
    dirs: tuple[str, ...]
    count: tuple[int, int]
    running: bool  # the lead's count is a tally that moves on as the story develops
    added: tuple[str, ...]  # paragraphs of new material
    plan: tuple[str, str]  # a plan, and the same sentence once carried out
    things: dict[str, str] = field(default_factory=dict)  # what a notice calls each role's fact


BEATS = (
    Beat("sport", "{home} lead {away} {count}-1 in {place} cup final",
         {"lead": "{home} led {away} {count}-1 at half-time in the cup final in {place} on {day}.",
          "title": "{Title} {first} {last} said the side had prepared for the final for weeks.",
          "dir": "Thousands of fans travelled {dir} from {place2} on special trains for the match.",
          "month": "The two clubs last met in a final in {month} {year}, when {away} won on penalties.",
          "source": "A crowd of {crowd} was at the ground, {source} said.",
          "hedge": "Striker {first2} {last2} {hedge} miss the rest of the season with a knee injury.",
          "claim": "The stadium was rebuilt after a fire. {claim}"},
         ("head coach", "assistant coach", "club president", "team captain", "sporting director"),
         ("the organisers", "the league", "club officials", "the stadium operator"),
         (("is expected to", "will"), ("is likely to", "will"), ("could", "will")),
         ("Supporters had complained about ticket prices for weeks.",
          "The club said the pitch had passed a safety check in the morning."),
         COMPASS, (2, 6), True,
         ("Police said the crowd left the ground peacefully after the final whistle.",
          "The winners will parade the trophy through the city centre on {day}."),
         ("The trophy will be presented by the league's chairman.",
          "The trophy was presented by the league's chairman."),
         {"title": "title of {first} {last}", "dir": "direction the fans travelled",
          "month": "month of the clubs' last final", "source": "source of the attendance figure", "figure": "attendance"}),
    Beat("weather", "Storm dumps {count} millimetres of rain on {place}",
         {"lead": "A storm dumped {count} millimetres of rain on {place} on {day}, {source} said.",
          "title": "{Title} {first} {last} urged residents to stay indoors until the alert was lifted.",
          "dir": "The storm was moving {dir} at about {speed} kilometres an hour.",
          "month": "It was the wettest day in {month} since records began in {year}.",
          "source": "About {crowd} homes were without power, {source} said.",
          "hedge": "The river {hedge} its banks near {place2} overnight, forecasters said.",
          "claim": "Several roads were closed. {claim}"},
         ("chief meteorologist", "regional governor", "emergency services director", "deputy mayor"),
         ("the weather service", "the power company", "the coastguard", "the regional authority"),
         (("may have burst", "burst"), ("is thought to have burst", "burst"), ("appeared to have burst", "burst")),
         ("Residents said drains in the old town had not been cleared for months.",
          "A landslide blocked the only road into the valley."),
         COMPASS, (40, 180), True,
         ("Schools in {place2} will stay shut on {day}, the education office said.",
          "Volunteers handed out sandbags at the town hall through the afternoon."),
         ("The army will send two helicopters to the valley.", "The army sent two helicopters to the valley."),
         {"title": "title of {first} {last}", "dir": "direction in which the storm was moving",
          "month": "month of the record", "source": "source of the power cut figure", "figure": "number of homes without power"}),
    Beat("election", "{party} ahead with {count} per cent counted in {place}",
         {"lead": "With {count} per cent of the votes counted, the {party} led the race in {place}, {source} said.",
          "title": "{Title} {first} {last} told supporters it was too early to call the result.",
          "dir": "Turnout {dir} compared with the last election, the commission said.",
          "month": "The vote was brought forward from {month} after the coalition collapsed.",
          "source": "About {crowd} people voted by post, {source} said.",
          "hedge": "The {party} {hedge} form a coalition with the Greens.",
          "claim": "Polls closed at 10 p.m. {claim}"},
         ("party leader", "deputy leader", "campaign director", "party chairman"),
         ("the electoral commission", "party officials", "the interior ministry", "local returning officers"),
         (("is expected to", "will"), ("is likely to", "will"), ("may", "will")),
         ("Observers reported long queues at polling stations in the suburbs.",
          "The count was delayed by a power cut in two districts."),
         ("rose", "fell"), (12, 60), True,
         ("The final result is due early on {day}, the commission said.",
          "Supporters gathered outside the party's headquarters as the count went on."),
         ("The commission will publish the final result on {day}.",
          "The commission published the final result on {day}."),
         {"title": "title of {first} {last}", "dir": "change in turnout",
          "month": "month the vote was planned for", "source": "source of the postal vote figure", "figure": "number of postal votes"}),
    Beat("court", "{first} {last} jailed for {count} years over {place} fraud",
         {"lead": "A court in {place} jailed {first} {last} for {count} years on {day} for defrauding investors.",
          "title": "{Title} {first2} {last2} told the court the scheme had ruined hundreds of families.",
          "dir": "{last} fled {dir} to {place2} before police arrested him, the court heard.",
          "month": "The trial began in {month} and lasted eleven weeks.",
          "source": "Investors lost about {crowd} million euros, {source} said.",
          "hedge": "{last}, who {hedge} the money through shell companies, denied wrongdoing.",
          "claim": "The judge ordered the assets seized. {claim}"},
         ("Prosecutor", "Judge", "Defence lawyer", "Chief prosecutor"),
         ("prosecutors", "the judge", "the financial regulator", "court documents"),
         (("allegedly moved", "moved"), ("is accused of having moved", "moved"), ("reportedly moved", "moved")),
         ("Two of his former partners testified against him.",
          "He had been convicted of a similar fraud in the past."),
         COMPASS, (3, 14), False,
         ("His lawyer said he would appeal against the sentence.",
          "Victims' groups welcomed the verdict outside the court."),
         ("The judge will decide on compensation next month.", "The judge decided on compensation."),
         {"title": "title of {first2} {last2}", "dir": "direction in which {last} fled",
          "month": "month the trial began", "source": "source of the loss figure", "figure": "amount investors lost",
          "lead": "length of the sentence"}),
    Beat("markets", "{company} shares {dir2} {count} per cent in {place}",
         {"lead": "Shares in {company} {dir2} {count} per cent in {place} trading on {day} after it "
                  "reported quarterly results.",
          "title": "{Title} {first} {last} said demand had recovered faster than expected.",
          "dir": "The wider market {dir} slightly as investors awaited the central bank's decision.",
          "month": "The company last raised its forecast in {month}.",
          "source": "Revenue rose to {crowd} million euros, {source} said.",
          "hedge": "The company {hedge} cut about 300 jobs at its plant in {place2}.",
          "claim": "The results beat analysts' estimates. {claim}"},
         ("chief executive", "chief financial officer", "chairman", "head of sales"),
         ("the company", "analysts", "the stock exchange", "a company filing"),
         (("may", "will"), ("is expected to", "will"), ("could", "will")),
         ("The company had warned in the spring that costs were rising.",
          "Its largest shareholder sold part of its stake last year."),
         ("rose", "fell"), (2, 19), True,
         ("Trading volume was three times the daily average, exchange data showed.",
          "Two brokers raised their price targets after the results."),
         ("The board will propose a dividend at the annual meeting.",
          "The board proposed a dividend at the annual meeting."),
         {"title": "title of {first} {last}", "dir": "direction of the wider market",
          "month": "month of the last forecast rise", "source": "source of the revenue figure", "figure": "revenue"}),
    Beat("transport", "{count} passengers stranded after {place} rail fault",
         {"lead": "{count} passengers were stranded at {place} station on {day} after a signal fault, {source} said.",
          "title": "{Title} {first} {last} apologised and promised compensation.",
          "dir": "Trains running {dir} from {place2} were suspended for most of the afternoon.",
          "month": "The line reopened in {month} after a year of repairs.",
          "source": "About {crowd} trains were cancelled, {source} said.",
          "hedge": "The fault {hedge} caused by cable thieves.",
          "claim": "Buses replaced some services. {claim}"},
         ("transport minister", "rail operator chief executive", "network director", "station manager"),
         ("the rail operator", "the transport authority", "the network manager", "union officials"),
         (("may have been", "was"), ("is believed to have been", "was"), ("was probably", "was")),
         ("The same signal had failed twice in the past month.",
          "Passengers said staff gave them no information for hours."),
         COMPASS, (150, 900), True,
         ("Services were expected to run normally on {day}, the operator said.",
          "Taxi firms in {place} said demand had tripled during the evening."),
         ("Engineers will inspect the line overnight.", "Engineers inspected the line overnight."),
         {"title": "title of {first} {last}", "dir": "direction of the suspended trains",
          "month": "month the line reopened", "source": "source of the cancellation figure", "figure": "number of cancelled trains"}),
    Beat("health", "Measles cases in {place} rise to {count}",
         {"lead": "{count} cases of measles have been confirmed in {place} so far, {source} said on {day}.",
          "title": "{Title} {first} {last} urged parents to check their children's vaccination records.",
          "dir": "Cases have spread {dir} from the city into {place2}, officials said.",
          "month": "The first case was reported in {month} at a primary school.",
          "source": "About {crowd} children have been vaccinated at pop-up clinics, {source} said.",
          "hedge": "The outbreak {hedge} at a school in {place2}.",
          "claim": "Most of those infected are under ten. {claim}"},
         ("chief medical officer", "health minister", "director of public health", "head of paediatrics"),
         ("the health agency", "hospital officials", "the regional health board", "the ministry"),
         (("is believed to have started", "started"), ("probably started", "started"),
          ("appears to have started", "started")),
         ("Vaccination rates in the district have fallen for five years.",
          "None of the children treated in hospital had been vaccinated."),
         COMPASS, (20, 140), True,
         ("Extra clinics will open at weekends, the health board said.",
          "Two schools asked unvaccinated pupils to stay at home."),
         ("The agency will open a hotline for parents.", "The agency opened a hotline for parents."),
         {"title": "title of {first} {last}", "dir": "direction in which cases spread",
          "month": "month of the first case", "source": "source of the vaccination figure", "figure": "number of children vaccinated"}),
)

# beats whose ``crowd`` figure is a tally that moves on (homes without power, trains
# cancelled, children vaccinated): an update notice covers it moving
TALLIES = frozenset(("weather", "transport", "health"))
BODY = ("lead", "title", "dir", "month", "source", "hedge", "claim")


@dataclass
class Story:
    """One invented article on a beat, in one style."""

    beat: Beat
    style: str  # wire, web, british
    facts: dict[str, Any]
    order: list[str]  # the body's roles in order
    extra: list[tuple[int, str]] = field(default_factory=list)  # (after paragraph i, text)
    headline_text: str | None = None

    def para(self, role: str) -> str:
        f = self.facts
        text = self.beat.paras[role] if role != "plan" else f["plan_text"]
        out = text.format(**{**f, "hedge": f["hedge"][0] if f["hedged"] else f["hedge"][1]},
                          Title=f["title"][0].upper() + f["title"][1:])
        if role == "claim" and not f["claimed"]:
            out = out.split(". ")[0] + "."
        return out

    def paragraphs(self) -> list[str]:
        body = [self.para(r) for r in self.order]
        for at, text in sorted(self.extra, reverse=True):
            body.insert(at, text)
        return body

    def headline(self) -> str:
        if self.headline_text is not None:
            return self.headline_text
        return self.beat.headline.format(**self.facts)

    def render(self, top: Sequence[str] = (), bottom: Sequence[str] = ()) -> str:
        body = self.paragraphs()
        f = self.facts
        if self.style == "wire":
            body[0] = f"{f['place'].upper()}, {f['month_short']} {f['date']} (Northwire) - " + body[0]
            lines = [*top, self.headline(), *body, f"(Reporting by {f['reporter']}; Editing by {f['editor']})", *bottom]
        elif self.style == "web":
            lines = [self.headline(), f"By {f['reporter']}", *top, *body, *bottom]
        else:  # british: a standfirst under the headline, footnotes under the story
            lines = [self.headline(), f"{f['reporter']} in {f['place']}", *top, *body, *bottom]
        return "\n".join(lines) + "\n"

    def changed(self, **facts: Any) -> Story:
        return replace(self, facts={**self.facts, **facts}, extra=list(self.extra))


def pick(rng: random.Random, seq: Sequence[Any]) -> Any:
    return seq[rng.randrange(len(seq))]


def other(rng: random.Random, seq: Sequence[Any], not_this: Any) -> Any:
    return pick(rng, [x for x in seq if x != not_this])


def new_story(rng: random.Random, style: str) -> Story:
    beat = pick(rng, BEATS)
    place, place2 = rng.sample(PLACES, 2)
    month = pick(rng, MONTHS)
    f: dict[str, Any] = {
        "place": place, "place2": place2, "day": pick(rng, DAYS), "month": pick(rng, MONTHS),
        "year": rng.randrange(1998, 2022), "first": pick(rng, FIRST), "last": pick(rng, LAST),
        "first2": pick(rng, FIRST), "last2": pick(rng, LAST), "title": pick(rng, beat.titles),
        "source": pick(rng, beat.sources), "hedge": pick(rng, beat.hedges), "hedged": True,
        "claim": pick(rng, beat.claims), "claimed": True, "dir": pick(rng, beat.dirs),
        "dir2": pick(rng, ("rose", "fell")), "count": rng.randrange(*beat.count),
        "crowd": rng.randrange(12, 90) * 100, "speed": rng.randrange(3, 9) * 5,
        "home": pick(rng, ("Harwick Rovers", "Mellby United", "Carrow Athletic")),
        "away": pick(rng, ("Verlo City", "Saltmere Town", "Brisk Albion")),
        "party": pick(rng, ("Liberal Party", "Farmers' Union", "Social Democrats")),
        "company": pick(rng, ("Orvane", "Kestrel Foods", "Tarnow Steel", "Lumen Telecom")),
        "month_short": month[:3], "date": rng.randrange(1, 28), "plan_text": beat.plan[0],
        "reporter": f"{pick(rng, FIRST)} {pick(rng, LAST)}", "editor": f"{pick(rng, FIRST)} {pick(rng, LAST)}",
    }
    rest = list(BODY[1:])
    rng.shuffle(rest)
    return Story(beat, style, f, ["lead", *rest[:5], "plan"])


# -- notices ----------------------------------------------------------------------------

def update_notice(rng: random.Random, s: Story) -> tuple[list[str], list[str]]:
    """(top, bottom) lines of a generic update notice in the story's style."""
    f = s.facts
    if s.style == "wire":
        what = pick(rng, ("reaction", "new paragraphs", "quotes", "latest figures", "background"))
        return [f"(Updates with {what})"], []
    if s.style == "web":
        return [pick(rng, (f"UPDATE, {f['month_short']} {f['date']}, {rng.randrange(1, 12)}:{rng.randrange(10, 59)} "
                           "a.m.: This story has been updated with additional reporting.",
                           "Update: This story has been updated with new details.",
                           "This article has been updated with the latest information."))], []
    return [], [pick(rng, (f"This article was updated on {f['date']} {f['month_short']} with further reporting.",
                           "This story has been updated with additional information.",
                           "This article has been updated with new developments."))]


def correction_notice(rng: random.Random, s: Story, kind: str, role: str, old: str,
                      new: str) -> tuple[list[str], list[str]]:
    """(top, bottom) lines of a correction that names the fact put right (``kind``, in
    the paragraph of ``role``)."""
    f = s.facts
    thing = s.beat.things[kind].format(**f)
    p = s.order.index(role) + 1
    if s.style == "wire":
        form = pick(rng, ("(Corrects {thing} in paragraph {p} to {new} from {old})",
                          "(Corrects {thing} to {new}, not {old})", "(Corrects paragraph {p} to show {thing} is {new})"))
        return [form.format(thing=thing, p=p, new=new, old=old)], []
    if s.style == "web":
        form = pick(rng, ("Correction: An earlier version of this story misstated the {thing}. It is {new}, not {old}.",
                          "Correction: A previous version of this article gave the wrong {thing}. It is {new}."))
        return [form.format(thing=thing, new=new, old=old)], []
    form = pick(rng, ("This article was amended on {d} to correct the {thing}. It is {new}, not {old}.",
                      "This article was amended on {d}. An earlier version gave the {thing} as {old}; it is {new}."))
    return [], [form.format(thing=thing, new=new, old=old, d=f"{f['date']} {f['month_short']}")]


# -- edits: each returns the new story and (role, old, new) of the fact it changed --------

Fix = tuple[str, str, str]


def fix_title(rng: random.Random, s: Story) -> tuple[Story, Fix]:
    new = other(rng, s.beat.titles, s.facts["title"])
    return s.changed(title=new), ("title", s.facts["title"], new)


def fix_dir(rng: random.Random, s: Story) -> tuple[Story, Fix]:
    new = other(rng, s.beat.dirs, s.facts["dir"])
    return s.changed(dir=new), ("dir", s.facts["dir"], new)


def fix_month(rng: random.Random, s: Story) -> tuple[Story, Fix]:
    new = other(rng, MONTHS, s.facts["month"])
    return s.changed(month=new), ("month", s.facts["month"], new)


def fix_place(rng: random.Random, s: Story) -> tuple[Story, Fix]:
    new = other(rng, [p for p in PLACES if p != s.facts["place"]], s.facts["place2"])
    return s.changed(place2=new), (pick(rng, _place_roles(s)), s.facts["place2"], new)


def _place_roles(s: Story) -> list[str]:
    return [r for r in s.order if r in s.beat.paras and "{place2}" in s.beat.paras[r]]


def fix_source(rng: random.Random, s: Story) -> tuple[Story, Fix]:
    new = other(rng, s.beat.sources, s.facts["source"])
    return s.changed(source=new), ("source", s.facts["source"], new)


def drop_hedge(rng: random.Random, s: Story) -> tuple[Story, Fix]:
    return s.changed(hedged=False), ("hedge", s.facts["hedge"][0], s.facts["hedge"][1])


def cut_claim(rng: random.Random, s: Story) -> tuple[Story, Fix]:
    return s.changed(claimed=False), ("claim", s.facts["claim"], "")


def fix_crowd(rng: random.Random, s: Story) -> tuple[Story, Fix]:
    """A published figure that is no tally (an attendance, a loss, a revenue) put right."""
    new = s.facts["crowd"] + rng.choice((-1, 1)) * rng.randrange(1, 9) * 100
    return s.changed(crowd=new), ("source", str(s.facts["crowd"]), str(new))


FIXES: dict[str, Callable[[random.Random, Story], tuple[Story, Fix]]] = {
    "title": fix_title, "dir": fix_dir, "month": fix_month, "place": fix_place, "source": fix_source,
    "hedge": drop_hedge, "claim": cut_claim, "figure": fix_crowd,
}


def usable(s: Story, fix: str) -> bool:
    need = {"title": "title", "dir": "dir", "month": "month", "source": "source", "hedge": "hedge",
            "claim": "claim", "figure": "source"}.get(fix)
    if fix == "place":
        return bool(_place_roles(s))
    return need in s.order


def add_material(rng: random.Random, s: Story) -> Story:
    out = s.changed()
    text = pick(rng, s.beat.added).format(**s.facts)
    out.extra.append((rng.randrange(1, len(s.order) + 1), text))
    return out


def move_on(rng: random.Random, s: Story) -> Story:
    """The running figure moved on: a score, a count so far, rainfall, a share move."""
    lo, hi = s.beat.count
    step = max(1, (hi - lo) // 8)
    return s.changed(count=s.facts["count"] + rng.randrange(1, 4) * step)


def with_fix(rng: random.Random, s: Story, kinds: Sequence[str]) -> tuple[Story, Fix, str]:
    usable_kinds = [k for k in kinds if usable(s, k)]
    kind = pick(rng, usable_kinds)
    new, fix = FIXES[kind](rng, s)
    return new, fix, kind


# -- the patterns -------------------------------------------------------------------------

ALTER_KINDS = ("title", "dir", "month", "place", "source", "hedge", "claim", "figure")
NAMEABLE = ("title", "dir", "month", "source", "figure")  # a correction can state old and new
PATTERNS = ("beat-added", "beat-plan-done", "beat-added-reworded", "beat-moved-on", "beat-fixed",
            "beat-update-added", "beat-update-moved-on", "beat-update-over-fix", "beat-correction-covers",
            "beat-correction-plus-silent", "beat-dutch-fixed", "beat-dutch-added")

Made = tuple[str, str, str, str, str | None, str]  # style, old, new, expect, kind, note


def make_case(pattern: str, rng: random.Random, style: str) -> Made:
    """One pair of the pattern: (style, old text, new text, verdict, stealth_kind, note)."""
    if pattern.startswith("beat-dutch"):
        return dutch_case(pattern, rng)
    s = new_story(rng, style)
    note = s.beat.name
    if pattern == "beat-added":
        return style, s.render(), add_material(rng, s).render(), "update", "added", note
    if pattern == "beat-plan-done":
        new = s.changed(plan_text=s.beat.plan[1])
        if rng.random() < 0.5:
            new = add_material(rng, new)
        return style, s.render(), new.render(), "update", "added", note + ": plan carried out"
    if pattern == "beat-added-reworded":
        # new material, and a sentence cut in two around the same facts
        new = add_material(rng, s)
        role = pick(rng, [r for r in ("title", "source") if r in s.order] or ["lead"])
        text = s.para(role)
        new.beat = replace(s.beat, paras={**s.beat.paras, role: _split_said(s.beat.paras[role])})
        changed = new.para(role) != text
        return style, s.render(), new.render(), "update", "added", note + (": reworded" if changed else "")
    if pattern == "beat-moved-on":
        if not s.beat.running:
            s = _running_story(rng, style)
        return (style, s.render(), move_on(rng, s).render(), "stealth", "altered",
                f"{s.beat.name}: running figure moved on with no notice")
    if pattern == "beat-fixed":
        new, (role, old, val), kind = with_fix(rng, s, ALTER_KINDS)
        return style, s.render(), new.render(), "stealth", "altered", f"{note}: {kind} {old!r} -> {val!r}"
    if pattern == "beat-update-added":
        top, bottom = update_notice(rng, s)
        return style, s.render(), add_material(rng, s).render(top, bottom), "consistent", None, note
    if pattern == "beat-update-moved-on":
        if not s.beat.running:
            s = _running_story(rng, style)
        top, bottom = update_notice(rng, s)
        new = add_material(rng, move_on(rng, s))
        return style, s.render(), new.render(top, bottom), "consistent", None, s.beat.name + ": figure moved on"
    if pattern == "beat-update-over-fix":
        top, bottom = update_notice(rng, s)
        # a hedge lifted under an update may be the news confirming the claim (the policy's
        # list of what an update does not cover names no hedge): left out as ambiguous
        kinds = [k for k in ALTER_KINDS if k != "hedge" and not (k == "figure" and s.beat.name in TALLIES)]
        new, (role, old, val), kind = with_fix(rng, add_material(rng, s), kinds)
        return (style, s.render(), new.render(top, bottom), "undisclosed", "altered",
                f"{note}: update notice over {kind} {old!r} -> {val!r}")
    if pattern == "beat-correction-covers":
        new, (role, old, val), kind = with_fix(rng, s, NAMEABLE)
        top, bottom = correction_notice(rng, s, kind, role, old, val)
        return style, s.render(), new.render(top, bottom), "consistent", None, f"{note}: {kind} named"
    if pattern == "beat-correction-plus-silent":
        mid, (role, old, val), kind = with_fix(rng, s, NAMEABLE)
        top, bottom = correction_notice(rng, s, kind, role, old, val)
        rest = [k for k in ALTER_KINDS if k != kind and usable(s, k)
                and not (kind == "figure" and k == "source") and not (kind == "source" and k == "figure")]
        silent = pick(rng, rest)
        new, (role2, old2, val2) = FIXES[silent](rng, mid)
        return (style, s.render(), new.render(top, bottom), "undisclosed", "altered",
                f"{note}: {kind} named, {silent} silent {old2!r} -> {val2!r}")
    raise ValueError(pattern)


def _running_story(rng: random.Random, style: str) -> Story:
    while True:
        s = new_story(rng, style)
        if s.beat.running:
            return s


def _split_said(template: str) -> str:
    """"X said Y." -> "Y, X said." style restructure: the same facts in another order."""
    if " said " in template and template.index(" said ") < 40 and template.endswith("."):
        who, what = template.split(" said ", 1)
        what = what[:-1]
        if what.startswith("the "):
            what = "The " + what[4:]
        return f"{what[0].upper()}{what[1:]}, {who} said."
    return template


# -- Dutch headline-only copy (a homepage list: one line, no notices) ---------------------

DUTCH = (
    ("{n} doden bij busongeluk in {place}", "{n} doden bij busongeluk in {place}, chauffeur aangehouden"),
    ("Storm treft {place}: {n} huizen zonder stroom", "Storm treft {place}: {n} huizen zonder stroom, scholen dicht"),
    ("{club} wint met {n}-1 van {club2}", "{club} wint met {n}-1 van {club2} en pakt koppositie"),
    # (a phrase of context appended, "voor fraude", is cosmetic in the real copy's labels:
    # the extensions here are new developments)
    ("Rechter in {place} legt {name} {n} jaar cel op", "Rechter in {place} legt {name} {n} jaar cel op, "
     "advocaat kondigt hoger beroep aan"),
    ("Treinverkeer rond {place} ligt stil door storing", "Treinverkeer rond {place} ligt stil door storing, "
     "reizigers gestrand"),
)


def dutch_case(pattern: str, rng: random.Random) -> Made:
    old_t, more_t = pick(rng, DUTCH)
    f = {"place": pick(rng, PLACES), "n": rng.randrange(2, 9), "club": "Harwick", "club2": "Verlo",
         "name": f"{pick(rng, FIRST)} {pick(rng, LAST)}"}
    old = old_t.format(**f)
    if pattern == "beat-dutch-added":  # the same claim, with new information after it
        return "dutch", old + "\n", more_t.format(**f) + "\n", "update", "added", "headline extended"
    if "{n}" in old_t and (rng.random() < 0.5 or "{place}" not in old_t):
        f2 = {**f, "n": f["n"] + rng.randrange(1, 3)}
        what = "figure"
    else:
        f2 = {**f, "place": other(rng, PLACES, f["place"])}
        what = "place"
    new = old_t.format(**f2)
    return "dutch", old + "\n", new + "\n", "stealth", "altered", f"headline {what} changed"
