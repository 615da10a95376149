"""Do the name, quote and attribution flags hold beyond the wording they were tuned on?
Synthetic article pairs, each made by one editing pattern, in many wordings (issue 16).

    python bench/flagvariants.py                    # 12 pairs a pattern, seed 1
    python bench/flagvariants.py --per 30 --seed 7  # more, another draw
    python bench/flagvariants.py --failures 10      # and ten misses with their flags
    python bench/flagvariants.py --json             # the figures as JSON

bench/variants.py does this for the audit's verdicts; this does it for the flags an
editor reads. Every story, person, place and quote here is invented, drawn from
templates and vocabularies with a fixed seed, in one of four outlet styles: ``wire``
(a dateline, straight quotes, "said Lee"), ``web`` (a byline, curly quotes), ``british``
("Mr Lee", single quotes in the headline) and ``dutch`` (Dutch copy, as NU.nl writes).
Each pair is one story before and after one pattern. What the pattern changed decides
the flag types an editor expects, set here before anything is run, never read from
the flags: for each of ``name``, ``quote`` and ``attribution`` a pattern either
expects a flag (``+``), forbids one (``-``: a respelt name is a name, a capital opening
a sentence is none), or leaves it open (``?``: a speaker changed is attribution, and
may be a name too). A type is found as bench/realdata.py finds it: a flag of that type
(any severity), or a headline flag listing it in its ``facts``.

A pair is right when every expected type is flagged and no forbidden one is. Per flag
type, precision and recall count pairs, as bench/realdata.py does, over the pairs where
the pattern does not leave the type open.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import variantcli  # noqa: E402

TYPES = ("name", "quote", "attribution")
STYLES = ("wire", "web", "british", "dutch")

# -- vocabularies (all invented) ------------------------------------------------

FIRST = ("Jana", "Petra", "Omar", "Lucia", "Tomas", "Amina", "Kofi", "Ingrid", "Rafael", "Dmitri", "Sofia",
         "Arjun", "Hana", "Elias", "Nadia", "Victor", "Leila", "Maarten", "Sanne", "Joris")
LAST = ("Holmqvist", "Lundberg", "Okafor", "Varga", "Brandt", "Mensah", "Castell", "Ibarra", "Novak", "Tanaka",
        "Fischer", "Quist", "Adeyemi", "Moreau", "Sandoval", "Kerrigan", "Haddad", "Lindgren", "Verhoef", "Dekkers")
PLACES = ("Halden", "Vessa", "Orlen", "Marrow", "Kelland", "Dunmore", "Astrel", "Brenna", "Corvin", "Tessaly",
          "Ulmstad", "Farrow", "Lindby", "Rasko", "Pellin")
ORGS = ("Harbour Authority", "Northland Rail", "Vessa Water Board", "Orlen Steelworks", "Kelland Energy",
        "Brenna General Hospital")
TITLES = ("Mayor", "Police Chief", "Interior Minister", "Fire Commissioner", "Health Minister")
TITLE_WORDS = {"Mayor": "the mayor", "Police Chief": "the police chief", "Interior Minister": "the interior minister",
               "Fire Commissioner": "the fire commissioner", "Health Minister": "the health minister"}
SHORT_TITLES = (("Sen.", "Senator"), ("Gov.", "Governor"), ("Rep.", "Representative"), ("Dr.", "Doctor"),
                ("Sgt.", "Sergeant"), ("Lt.", "Lieutenant"))
EVENTS_EN = (("fire", "warehouse"), ("explosion", "chemical plant"), ("flood", "riverside district"),
             ("landslide", "mining camp"), ("collapse", "shopping centre"))
EVENTS_NL = (("brand", "loods"), ("explosie", "fabriek"), ("overstroming", "woonwijk"), ("instorting", "winkelcentrum"))
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# (source, another source a correction may put for it): who a claim rests on
SOURCES_EN = ("police", "officials", "the fire service", "witnesses", "hospital staff", "the interior ministry",
              "rescue workers", "local authorities", "the company")
SOURCES_NL = ("de politie", "de brandweer", "de gemeente", "omwonenden", "het ziekenhuis", "de veiligheidsregio")
# quotes: (text with one {w} slot, the word published, words an editor may put for it)
QUOTES_EN = (
    ("We are doing everything we can to {w} the people still trapped", "reach", ("find", "free", "rescue")),
    ("This was a {w} tragedy and the families deserve answers", "preventable", ("terrible", "senseless")),
    ("We will {w} every home that was lost", "rebuild", ("replace", "repair", "inspect")),
    ("Our teams will keep working {w} until everyone is found", "through the night", ("all week", "for days")),
    ("I have ordered a {w} inquiry into what happened", "full", ("public", "criminal", "swift")),
    ("Nobody expected the water to rise this {w}", "fast", ("high", "quickly", "far")),
)
QUOTES_NL = (
    ("We doen er alles aan om de mensen te {w}", "bereiken", ("vinden", "bevrijden", "redden")),
    ("Dit is een {w} ramp en de families verdienen antwoorden", "vreselijke", ("zinloze", "grote")),
    ("We gaan elk huis {w} dat verloren is gegaan", "herbouwen", ("vervangen", "herstellen")),
    ("Niemand had verwacht dat het water zo {w} zou stijgen", "snel", ("hoog", "ver")),
)
# English sentences whose first word is an ordinary one written with a capital:
# (old opening, new opening) and the rest of the sentence
OPENERS_EN = (("Many residents", "Residents"), ("The firefighters", "Firefighters"), ("Several witnesses", "Witnesses"),
              ("The rescuers", "Rescuers"), ("Some survivors", "Survivors"), ("The neighbours", "Neighbours"),
              ("Emergency crews", "Crews"), ("The volunteers", "Volunteers"), ("Most shops", "Shops"),
              ("Nearby schools", "Schools"), ("The roads", "Roads"))
REST_EN = ("were still at the scene late on {day}.", "stayed away from the area for most of the day.",
           "were seen leaving the area on {day}.", "gathered at a sports hall nearby.")
OPENERS_NL = (("Veel bewoners", "Bewoners"), ("De hulpverleners", "Hulpverleners"), ("Enkele getuigen", "Getuigen"),
              ("De vrijwilligers", "Vrijwilligers"), ("De meeste winkels", "Winkels"))
REST_NL = ("waren op {day} nog ter plaatse.", "bleven de hele dag uit de buurt.", "verzamelden zich in een sporthal.")
ACRONYMS = (("U.S.", "US"), ("U.N.", "UN"), ("E.U.", "EU"), ("U.K.", "UK"))
# Dutch copy writes initials without full stops, and restyles them by spelling them out
ACRONYMS_NL = (("VS", "Verenigde Staten"), ("VN", "Verenigde Naties"), ("EU", "Europese Unie"))
# bylines: reporters, never the people a story names
BYLINES = ("Mara Ellison", "Dev Okonkwo", "Ruth Abernathy", "Colm Farrelly", "Iris Vandermeer")


def pick(rng: random.Random, seq: Sequence[Any]) -> Any:
    return seq[rng.randrange(len(seq))]


def other(rng: random.Random, seq: Sequence[Any], not_this: Any) -> Any:
    return pick(rng, [x for x in seq if x != not_this])


# -- a story ----------------------------------------------------------------------

@dataclass
class Story:
    """One invented article in one outlet's style: a headline, then paragraphs."""

    style: str
    f: dict[str, Any]
    headline: str
    paras: list[str]
    top: list[str] = field(default_factory=list)  # dateline or byline lines

    @property
    def dutch(self) -> bool:
        return self.style == "dutch"

    def quotes(self, text: str) -> str:
        """``text`` with its “double” quotes written as this outlet writes them."""
        if self.style == "wire" or self.dutch:
            return text.replace("“", '"').replace("”", '"')
        return text

    def render(self) -> str:
        return "\n".join([self.headline, *self.top, *self.paras]) + "\n"


def said(s: Story, who: str) -> str:
    """``who`` said, in the outlet's order."""
    if s.dutch:
        return f"zei {who}"
    return f"said {who}" if s.style == "wire" and " " not in who.strip() else f"{who} said"


def person(rng: random.Random, not_in: Sequence[str] = ()) -> tuple[str, str]:
    while True:
        p = (pick(rng, FIRST), pick(rng, LAST))
        if p[1] not in not_in and p[0] not in not_in:
            return p


def new_story(rng: random.Random, style: str) -> Story:
    """A filler story: a lead, an official named in full, a quote, background."""
    dutch = style == "dutch"
    first, last = person(rng)
    f: dict[str, Any] = {"first": first, "last": last, "title": pick(rng, TITLES), "place": pick(rng, PLACES),
                         "org": pick(rng, ORGS), "n": rng.randrange(3, 40), "day": pick(rng, DAYS_NL if dutch else DAYS_EN)}
    f["ref"] = ("Mr " if style == "british" else "") + last  # how the story calls them later
    f["event"], f["site"] = pick(rng, EVENTS_NL if dutch else EVENTS_EN)
    f["source"] = pick(rng, SOURCES_NL if dutch else SOURCES_EN)
    q, w, _ = pick(rng, QUOTES_NL if dutch else QUOTES_EN)
    if dutch:
        headline = pick(rng, ("Doden bij {event} in {place}", "{n} gewonden door {event} in {site} {place}",
                              "{Event} in {place}: gemeente opent onderzoek")).format(**f, Event=f["event"].capitalize())
        paras = [
            "Bij een {event} in een {site} in {place} zijn {day} {n} mensen gewond geraakt, meldt {source}.".format(**f),
            "Burgemeester {first} {last} zegt dat de oorzaak nog niet bekend is.".format(**f),
            '"{q}", zegt {last}.'.format(q=q.format(w=w), **f),
            "Wegen rond de {site} zijn afgesloten. Omwonenden moeten ramen en deuren gesloten houden.".format(**f),
            "De {org} laat weten een onderzoek te starten.".format(**f),
        ]
        s = Story(style, f, headline, paras, ["Door NU.nl/ANP"])
        s.f["title"] = "Burgemeester"
        return s
    headline = pick(rng, ("{Event} at {place} {site} kills {n}", "{n} dead in {place} {event}",
                          "{Event} kills {n} in {place}, {org} opens inquiry")).format(
        **f, Event=f["event"].capitalize())
    if style == "british":
        headline = pick(rng, (headline, "‘{q}’: {place} counts the cost of {event}".format(q=q.format(w=w)[:30].rsplit(" ", 1)[0], **f)))
    lead = "A {event} at a {site} in {place} killed {n} people on {day}, {source} said.".format(**f)
    top = []
    if style == "wire":
        lead = f"{f['place'].upper()}, March {rng.randrange(1, 28)} (Northwire) - " + lead
    else:
        top = [f"By {pick(rng, BYLINES)}"]
    paras = [
        lead,
        "{title} {first} {last} said the cause of the {event} was not yet known.".format(**f),
        "“{q},” {who}.".format(q=q.format(w=w), who=said(Story(style, f, "", []), f["ref"])),
        "Roads around the {site} were closed and people living nearby were told to keep their windows shut.".format(**f),
        "The {org} said it would open an inquiry into the {event}.".format(**f),
    ]
    s = Story(style, f, headline, [], top)
    s.paras = [s.quotes(p) for p in paras]
    s.f["quote"], s.f["qword"] = q, w
    return s


# -- patterns ---------------------------------------------------------------------

@dataclass
class Case:
    pattern: str
    style: str
    old: str
    new: str
    expect: dict[str, str]  # type -> "+", "-" or "?"
    note: str = ""


Edit = Callable[[random.Random, Story], tuple[Story, Story, str]]


def _copy(s: Story) -> Story:
    return Story(s.style, dict(s.f), s.headline, list(s.paras), list(s.top))


def _insert(s: Story, text: str, at: int | None = None) -> int:
    at = len(s.paras) - 1 if at is None else at
    s.paras.insert(at, s.quotes(text))
    return at


def respelt(rng: random.Random, name: str) -> str:
    """``name`` misspelt by one or two letters, as a reporter might have written it."""
    while True:
        k = rng.randrange(5)
        i = rng.randrange(1, len(name) - 1)
        if k == 0:
            out = name[:i] + name[i] + name[i:]  # a letter doubled
        elif k == 1:
            out = name[:i] + name[i + 1:]  # a letter dropped
        elif k == 2:
            out = name[:i] + name[i + 1] + name[i] + name[i + 2:]  # two swapped
        elif k == 3:
            vowels = "aeiou"
            out = name[:i] + (other(rng, vowels, name[i]) if name[i] in vowels else name[i]) + name[i + 1:]
        else:
            out = name.replace("k", "c", 1) if "k" in name else name.replace("s", "z", 1)
        if out != name and out[0] == name[0]:
            return out


def name_respelt(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The official's surname spelt wrong where first given (or everywhere), fixed."""
    bad = respelt(rng, s.f["last"])
    old = _copy(s)
    everywhere = rng.random() < 0.5
    old.paras = [p.replace(s.f["last"], bad) if everywhere or i == 1 else p for i, p in enumerate(old.paras)]
    return old, s, f"{bad} -> {s.f['last']}"


def name_replaced(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A person, place or body named wrong, put right: another name in its place."""
    new = _copy(s)
    k = rng.randrange(3)
    if k == 0:
        first, last = person(rng, (s.f["first"], s.f["last"]))
        old_n, new_n = f"{s.f['first']} {s.f['last']}", pick(rng, (f"{first} {last}", f"{s.f['first']} {last}"))
        new.paras[1] = new.paras[1].replace(old_n, new_n)
    elif k == 1:
        old_n, new_n = s.f["place"], other(rng, PLACES, s.f["place"])
        new.paras[0] = new.paras[0].replace(old_n, new_n)
    else:
        old_n, new_n = s.f["org"], other(rng, ORGS, s.f["org"])
        new.paras[-1] = new.paras[-1].replace(old_n, new_n)
    return s, new, f"{old_n} -> {new_n}"


def name_added_sentence(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A sentence naming someone new put at the end of a paragraph: new material."""
    first, last = person(rng, (s.f["first"], s.f["last"]))
    new = _copy(s)
    if s.dutch:
        line = pick(rng, ("Ook {first} {last} uit {place} heeft schade.", "Buurman {first} {last} hielp mee met blussen.",
                          "{first} {last} woont al twintig jaar in de straat."))
    else:
        line = pick(rng, ("Among those helping was {first} {last}, who runs a bakery nearby.",
                          "{first} {last}, a teacher from {place}, drove the injured to hospital.",
                          "A neighbour, {first} {last}, helped carry people out of the building."))
    i = rng.randrange(3, len(new.paras))
    new.paras[i] = new.paras[i] + " " + line.format(first=first, last=last, place=s.f["place"])
    return s, new, line


def person_identified(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The story names someone it described before: "identified the victim as ..."."""
    first, last = person(rng, (s.f["first"], s.f["last"]))
    new = _copy(s)
    if s.dutch:
        return name_replaced(rng, s)  # Dutch copy gives no "identified as" here
    line = pick(rng, ("Police identified the dead man as {first} {last}, {age}.",
                      "Officials named the victim as {first} {last}, a {age}-year-old driver.",
                      "The coroner identified her as {first} {last}, {age}, of {place}."))
    line = line.format(first=first, last=last, age=rng.randrange(19, 80), place=pick(rng, PLACES))
    if rng.random() < 0.5:
        new.paras[0] = new.paras[0] + " " + line
    else:
        _insert(new, line, 1)
    return s, new, line


def name_moved(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The official's sentence moved to another place in the story, words unchanged."""
    new = _copy(s)
    line = new.paras.pop(1)
    if rng.random() < 0.5:
        new.paras.insert(rng.randrange(3, len(new.paras) + 1), line)
    else:
        i = rng.randrange(2, len(new.paras))
        new.paras[i] = new.paras[i] + " " + line
        s = _copy(s)
    return s, new, "moved"


def capital_opening(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A sentence now opening with an ordinary word (a capital, no name), or the
    headline's first word replaced by an ordinary one."""
    old, new = _copy(s), _copy(s)
    if rng.random() < 0.3:
        if s.dutch:
            a, b = pick(rng, (("Doden", "Slachtoffers"), ("Brand", "Grote brand"), ("Gemeente", "Provincie")))
        else:
            a, b = pick(rng, (("Fire", "Blaze"), ("Explosion", "Blast"), ("Flood", "Flooding"), ("Collapse", "Cave-in")))
        rest = pick(rng, ("treft {place}", "in {site} {place}") if s.dutch else
                    ("kills {n} in {place}", "hits {place} {site}", "forces {n} families from homes in {place}"))
        old.headline = f"{a} " + rest.format(**s.f)
        new.headline = f"{b} " + rest.format(**s.f)
        if rng.random() < 0.5 and not s.dutch:  # English title case (Dutch headlines are sentences)
            old.headline, new.headline = old.headline.title(), new.headline.title()
        return old, new, f"headline {old.headline!r} -> {new.headline!r}"
    openers, rests = (OPENERS_NL, REST_NL) if s.dutch else (OPENERS_EN, REST_EN)
    a, b = pick(rng, openers)
    rest = pick(rng, rests).format(day=s.f["day"])
    if rng.random() < 0.5:
        a, b = b, a
    i = rng.randrange(2, len(s.paras))
    old.paras[i] += f" {a} {rest}"
    new.paras[i] += f" {b} {rest}"
    return old, new, f"{a} -> {b}"


ACRONYM_LINES_EN = ("The {a} embassy in {place} offered to help.", "Aid from the {a} was expected by {day}.",
                    "{a} officials were sent to {place} on {day}.")
ACRONYM_LINES_NL = ("Ook de {a} stuurt hulp naar {place}.", "Hulp van de {a} komt {day} aan in {place}.")


def acronym_restyled(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """"U.S." written "US" (or back): house style, the same country."""
    a, b = pick(rng, ACRONYMS_NL if s.dutch else ACRONYMS)
    line = pick(rng, ACRONYM_LINES_NL if s.dutch else ACRONYM_LINES_EN)
    if rng.random() < 0.5:
        a, b = b, a
    old, new = _copy(s), _copy(s)
    i = rng.randrange(2, len(s.paras))
    old.paras[i] += " " + line.format(a=a, place=s.f["place"], day=s.f["day"])
    new.paras[i] += " " + line.format(a=b, place=s.f["place"], day=s.f["day"])
    return old, new, f"{a} -> {b}"


def acronym_replaced(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """"U.S." put right as "U.N.": another country or body."""
    table = ACRONYMS_NL if s.dutch else ACRONYMS
    a = pick(rng, table)[0]
    b = other(rng, [x for x, _ in table], a)
    if rng.random() < 0.5:
        a, b = a.replace(".", ""), b.replace(".", "")
    line = pick(rng, ACRONYM_LINES_NL if s.dutch else ACRONYM_LINES_EN)
    old, new = _copy(s), _copy(s)
    i = rng.randrange(2, len(s.paras))
    old.paras[i] += " " + line.format(a=a, place=s.f["place"], day=s.f["day"])
    new.paras[i] += " " + line.format(a=b, place=s.f["place"], day=s.f["day"])
    return old, new, f"{a} -> {b}"


def title_restyled(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A title before a name written another way: "Sen." -> "Senator", "Mayor Ann Lee"
    -> "Ann Lee, the mayor,": the same person."""
    old, new = _copy(s), _copy(s)
    full = f"{s.f['first']} {s.f['last']}"
    if s.dutch or rng.random() < 0.5:
        old.paras[1] = s.paras[1]
        if s.dutch:
            new.paras[1] = s.paras[1].replace(f"Burgemeester {full}", f"{full}, burgemeester van {s.f['place']},")
        else:
            new.paras[1] = s.paras[1].replace(f"{s.f['title']} {full}", f"{full}, {TITLE_WORDS[s.f['title']]},")
    else:
        a, b = pick(rng, SHORT_TITLES)
        if rng.random() < 0.5:
            a, b = b, a
        old.paras[1] = s.paras[1].replace(f"{s.f['title']} {full}", f"{a} {full}")
        new.paras[1] = s.paras[1].replace(f"{s.f['title']} {full}", f"{b} {full}")
    return old, new, f"{old.paras[1][:40]!r} -> {new.paras[1][:40]!r}"


def title_changed(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The title before a name corrected ("Deputy Mayor" -> "Mayor"): the person kept."""
    old = _copy(s)
    t = s.f["title"]
    old.paras[1] = s.paras[1].replace(t, pick(rng, (f"Deputy {t}", f"Former {t}", f"Acting {t}")), 1)
    return old, s, f"{old.paras[1][:30]!r}"


def _quote_i(s: Story) -> int:
    return 2


def quote_words(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """One word of a quotation put right (the speaker's words restored)."""
    q, w = s.f.get("quote"), s.f.get("qword")
    if q is None:
        table = QUOTES_NL
        q, w, alts = next(x for x in table if x[0].format(w=x[1]) in s.paras[2])
    else:
        alts = next(x[2] for x in QUOTES_EN if x[0] == q)
    old = _copy(s)
    wrong = pick(rng, alts)
    old.paras[2] = s.paras[2].replace(q.format(w=w), q.format(w=wrong))
    return old, s, f"{wrong} -> {w}"


def _quote_text(s: Story) -> str:
    for q, w, _ in (*QUOTES_EN, *QUOTES_NL):
        if q.format(w=w) in s.paras[2]:
            return q.format(w=w)
    raise ValueError("no quote")


def quote_recut(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A quotation cut shorter, or a second sentence of it dropped."""
    q = _quote_text(s)
    new = _copy(s)
    words = q.split()
    if rng.random() < 0.5 and len(words) > 6:
        cut = " ".join(words[: len(words) - rng.randrange(2, 4)])
        new.paras[2] = s.paras[2].replace(q, cut)
        return s, new, f"cut to {cut!r}"
    extra = pick(rng, ("Zo iets hebben we nooit eerder gezien", "Het is verschrikkelijk") if s.dutch else
                 ("We have never seen anything like it", "It is heartbreaking", "The next days will be hard"))
    old = _copy(s)
    old.paras[2] = s.paras[2].replace(q, f"{q}. {extra}")
    return old, s, f"dropped {extra!r}"


def phrase_quoted(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A phrase of the story newly put in quotation marks: words now given as someone's."""
    if s.dutch:
        phrase, line = pick(rng, (("een grote ramp", "Burgemeester {last} sprak van {p}."),
                                  ("onverantwoord", "{last} noemde de situatie {p}.")))
    else:
        phrase, line = pick(rng, (("a national tragedy", "{ref} described the {event} as {p}."),
                                  ("completely unacceptable", "{ref} called the delays {p}."),
                                  ("a failure of oversight", "{ref} said the {event} was {p}.")))
    o, c = ("'", "'") if s.style == "british" and rng.random() < 0.3 else ("“", "”")
    old, new = _copy(s), _copy(s)
    i = rng.randrange(3, len(s.paras))
    old.paras[i] += " " + line.format(p=phrase, **s.f)
    new.paras[i] += " " + s.quotes(line.format(p=f"{o}{phrase}{c}", **s.f))
    return old, new, phrase


def quote_marks_restyled(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """Straight quotes made curly (or back), double made single: the same words."""
    new = _copy(s)
    k = rng.randrange(3)
    conv: Callable[[str], str]
    if k == 0:
        def conv(t: str) -> str:
            out, opened = [], False
            for ch in t.replace("“", '"').replace("”", '"'):
                if ch == '"':
                    out.append("”" if opened else "“")
                    opened = not opened
                else:
                    out.append(ch)
            return "".join(out)
    elif k == 1:
        def conv(t: str) -> str:
            return t.replace("“", '"').replace("”", '"')
    else:
        def conv(t: str) -> str:
            return t.replace("“", "‘").replace("”", "’")
    if rng.random() < 0.5:
        new.paras = [conv(p) for p in s.paras]
    else:
        new.paras[2] = conv(s.paras[2])
    if new.paras == s.paras:
        new.paras[2] = s.paras[2].replace('"', "“", 1).replace('"', "”", 1)
    return s, new, f"style {k}"


def quote_moved(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The quote paragraph moved lower, its words unchanged."""
    new = _copy(s)
    line = new.paras.pop(2)
    new.paras.insert(rng.randrange(3, len(new.paras) + 1), line)
    return s, new, "moved"


def speaker_changed(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The quotation given to someone else: who said it changed."""
    first, last = person(rng, (s.f["first"], s.f["last"]))
    old = _copy(s)
    # the other person is in the story too, so the change is between two known people
    line = (f"Ook {first} {last} van de {s.f['org']} was aanwezig." if s.dutch
            else f"{first} {last} of the {s.f['org']} was also at the scene.")
    old.paras.insert(2, line)
    new = _copy(old)
    ref = ("Mr " if s.style == "british" else "") + last
    old.paras[3] = old.paras[3].replace(s.f["ref"], ref)
    return old, new, f"{ref} -> {s.f['ref']}"


def verb_restyled(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A verb of saying written another way, the speaker kept: style."""
    old, new = _copy(s), _copy(s)
    src = s.f["source"]
    if s.dutch:
        a, b = pick(rng, (("meldt", "laat weten"), ("meldt", "zegt"), ("meldde", "meldt")))
        old.paras[0] = s.paras[0].replace(f"meldt {src}", f"{a} {src}")
        new.paras[0] = s.paras[0].replace(f"meldt {src}", f"{b} {src}")
    else:
        a, b = pick(rng, (("said", "told reporters"), ("said", "said in a statement"), ("said", "says"),
                          ("told reporters", "said"), ("said", "added")))
        line = pick(rng, ("{S} {v} the area would stay closed until {day}.",
                          "{S} {v} that more help was on the way.",
                          "{S} {v} the {event} was under control by the evening."))
        src = pick(rng, (s.f["ref"], f"{s.f['title']} {s.f['first']} {s.f['last']}", src.capitalize()))
        i = rng.randrange(3, len(s.paras))
        old.paras[i] += " " + line.format(S=src, v=a, **s.f)
        new.paras[i] += " " + line.format(S=src, v=b, **s.f)
    return old, new, f"{a} -> {b}"


def source_swapped(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The claim now rests on another source: "police said" -> "officials said"."""
    srcs = SOURCES_NL if s.dutch else SOURCES_EN
    src = s.f["source"]
    b = other(rng, srcs, src)
    new = _copy(s)
    if s.dutch:
        new.paras[0] = s.paras[0].replace(f"meldt {src}", f"meldt {b}")
        return s, new, f"{src} -> {b}"
    if rng.random() < 0.5:
        new.paras[0] = s.paras[0].replace(f"{src} said", f"{b} said")
        return s, new, f"{src} -> {b}"
    old = _copy(s)
    line = pick(rng, ("The fire started in a storage room, according to {x}.",
                      "According to {x}, the building had no working alarm.",
                      "{X} said the building had no working alarm."))
    i = rng.randrange(3, len(s.paras))
    old.paras[i] += " " + line.format(x=src, X=src[0].upper() + src[1:])
    new.paras[i] += " " + line.format(x=b, X=b[0].upper() + b[1:])
    return old, new, f"{src} -> {b}"


def agreement_fixed(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A verb made to agree with its subject: "police says" -> "police say"."""
    if s.dutch:
        a, b, line = pick(rng, (("zegt", "zeggen", "De hulpdiensten {v} dat de situatie onder controle is."),
                                ("meldt", "melden", "Omwonenden {v} dat ze een harde knal hoorden.")))
    else:
        a, b, line = pick(rng, (("says", "say", "Police {v} the road will reopen on {day}."),
                                ("say", "says", "The ministry {v} it will pay for the repairs."),
                                ("has", "have", "Officials {v} said the site is safe."),
                                ("were", "was", "{ref} said the area {v} evacuated on {day}.")))
    if rng.random() < 0.3:
        a, b = b, a  # the fix made the other way (an error brought in): still no attribution
    old, new = _copy(s), _copy(s)
    i = rng.randrange(3, len(s.paras))
    old.paras[i] += " " + line.format(v=a, **s.f)
    new.paras[i] += " " + line.format(v=b, **s.f)
    return old, new, f"{a} -> {b}"


def attribution_moved(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """"Police said X." rewritten "X, police said.": the same claim and source."""
    if s.dutch:
        claim = "de brand onder controle is"
        a = f"{s.f['source'].capitalize()} meldt dat {claim}."
        b = f"De brand is onder controle, meldt {s.f['source']}."
    else:
        claim = pick(rng, ("the building had no working alarm", "the road would reopen on {day}",
                           "more than 40 firefighters were at the scene")).format(**s.f)
        src = s.f["source"]
        a = f"{src[0].upper() + src[1:]} said {claim}."
        b = f"{claim[0].upper() + claim[1:]}, {src} said."
    old, new = _copy(s), _copy(s)
    i = rng.randrange(3, len(s.paras))
    old.paras[i] += " " + a
    new.paras[i] += " " + b
    return old, new, "reordered"


def quote_punctuation(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """Punctuation inside a quotation put right (a comma, a full stop for a comma, a
    dash): no word the speaker said changed."""
    q = _quote_text(s)
    words = q.split()
    i = rng.randrange(2, len(words) - 1)
    k = rng.randrange(3)
    if k == 0:
        cut = " ".join(words[:i]) + ", " + " ".join(words[i:])
    elif k == 1:
        cut = " ".join(words[:i]) + " - " + " ".join(words[i:])
    else:
        cut = q + "!"
    old = _copy(s)
    old.paras[2] = s.paras[2].replace(q, cut)
    if rng.random() < 0.5:
        return old, s, f"{cut!r} -> {q!r}"
    return s, old, f"{q!r} -> {cut!r}"


def quote_typo(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A slip of the keys inside a quotation fixed: the speaker's words restored."""
    q = _quote_text(s)
    words = q.split()
    i = max(range(len(words)), key=lambda j: (len(words[j]), -j))  # the longest word
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    bad = w[:j] + w[j + 1] + w[j] + w[j + 2:] if rng.random() < 0.5 else w[:j] + w[j + 1:]
    old = _copy(s)
    old.paras[2] = s.paras[2].replace(q, " ".join([*words[:i], bad, *words[i + 1:]]))
    return old, s, f"{bad} -> {w}"


def quote_context(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """Words around a quotation, outside its marks, changed: when it was said, to whom."""
    new = _copy(s)
    p = s.paras[2]
    if s.dutch:
        a, b = pick(rng, ((".", " tegen NU.nl."), (".", " op de persconferentie."), (".", " na afloop.")))
    else:
        a, b = pick(rng, ((".", " at a news conference."), (".", " on the steps of the town hall."),
                          (".", " late on " + s.f["day"] + "."), (".", " as rescue work went on behind him.")))
    new.paras[2] = p[: len(p) - 1] + b if p.endswith(a) else p + b
    return s, new, b


def speaker_described(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The speaker of a claim described more fully, the same speaker: "Lee said" ->
    "Lee, who leads the rescue, said"."""
    new = _copy(s)
    ref = s.f["ref"]
    if s.dutch:
        desc = pick(rng, (", die de hulpverlening leidt,", ", zelf ook bewoner van de wijk,"))
        new.paras[1] = s.paras[1].replace(f"{s.f['last']} zegt", f"{s.f['last']}{desc} zegt")
    else:
        desc = pick(rng, (", who leads the rescue effort,", ", who was at the scene within the hour,",
                          ", speaking at a news conference,"))
        line = pick(rng, ("{ref} said more help was on the way.", "{ref} said the {event} was under control."))
        old = _copy(s)
        i = rng.randrange(3, len(s.paras))
        old.paras[i] += " " + line.format(ref=ref, event=s.f["event"])
        new = _copy(s)
        new.paras[i] += " " + line.format(ref=ref + desc, event=s.f["event"])
        return old, new, desc
    return s, new, desc


def said_when(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """When or how a source said something put in: "police said" -> "police said on
    Tuesday", "in a statement": the same source."""
    new = _copy(s)
    src = s.f["source"]
    if s.dutch:
        b = pick(rng, (f"meldt {src} {s.f['day']}", f"meldt {src} in een verklaring"))
        new.paras[0] = s.paras[0].replace(f"meldt {src}", b)
    else:
        b = pick(rng, (f"{src} said on {s.f['day']}", f"{src} said in a statement", f"{src} said late on {s.f['day']}"))
        new.paras[0] = s.paras[0].replace(f"{src} said", b)
    return s, new, b


# -- more patterns, in wordings and subjects the tune pairs do not show (issue 16) --------
#
# How an editor lists name, quote and attribution (read off the tune pairs' labels by kind
# of change, written down in bench/README.md "Flag conventions"): a quotation, a name or a
# source in a paragraph that is wholly new is the paragraph added, not a quote, name or
# attribution change; a quotation put into a paragraph that was there is a quote change; a
# headline rewritten whole is a headline change, whatever quotes or sources its old and new
# wordings carry; a verb of saying for another (said -> told reporters, said in a statement,
# added in a post; Dutch zegt -> aldus, meldt -> laat weten) is style; a speaker's title or
# honorific restyled or dropped, a person called by another part of their name, a people or
# a party called by its nickname, a company's legal suffix dropped: style; a source dropped
# with a projection that came true ("will win, the desk projects" -> "has won") is a fact
# now, not a source taken away; quotation marks taken off a claim in a headline, its words
# kept, put the claim in the outlet's own voice: attribution.

SPEAKERS_EN = ("Kofi Mensah", "Ingrid Lundberg", "Rafael Ibarra", "Hana Tanaka", "Elias Moreau")
WHO_EN = ("who lives across the street", "a shop owner nearby", "who was driving past", "a volunteer with the rescue team")
NEW_QUOTES_EN = ("We heard a loud bang and then the lights went out", "I have lived here for thirty years and never seen this",
                 "The water came in faster than anyone expected", "People were running in every direction")
NEW_QUOTES_NL = ("We hoorden een harde knal en toen ging het licht uit", "Ik woon hier al dertig jaar en heb dit nooit gezien",
                 "Iedereen rende alle kanten op")


def quote_paragraph_added(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A paragraph quoting a new witness put in as the story develops: new material,
    the paragraph added (no quote, name or source changed)."""
    new = _copy(s)
    first, last = person(rng, (s.f["first"], s.f["last"]))
    if s.dutch:
        line = f'"{pick(rng, NEW_QUOTES_NL)}", zegt buurtbewoner {first} {last}.'
    else:
        q, who = pick(rng, NEW_QUOTES_EN), pick(rng, WHO_EN)
        line = pick(rng, ("“{q},” said {n}, {w}.", "{n}, {w}, said: “{q}.”", "“{q},” {n} told reporters."))
        line = line.format(q=q, n=f"{first} {last}", w=who)
    _insert(new, line, rng.randrange(3, len(new.paras)))
    return s, new, line


def quote_sentence_added(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A quoted sentence put at the end of a paragraph that was there: words given to
    someone that were not before (a quote change)."""
    new = _copy(s)
    if s.dutch:
        line = f'"{pick(rng, NEW_QUOTES_NL)}", zegt {s.f["last"]} later.'
    else:
        line = pick(rng, ("{ref} later added: “{q}.”", "“{q},” {ref} said later.", "Asked about it, {ref} said: “{q}.”"))
        line = line.format(q=pick(rng, NEW_QUOTES_EN), ref=s.f["ref"])
    new.paras[1] = new.paras[1] + " " + s.quotes(line)
    return s, new, line


def quote_reframed(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The sentence around a quotation put another way, the quoted words and the speaker
    kept: `“Q,” Lee said.` -> `Lee said: “Q.”`."""
    q = _quote_text(s)
    new = _copy(s)
    ref = s.f["ref"]
    if s.dutch:
        new.paras[2] = pick(rng, (f'"{q}", aldus {s.f["last"]}.', f'{s.f["last"]} zegt: "{q}."'))
    else:
        new.paras[2] = s.quotes(pick(rng, (f"{ref} said: “{q}.”", f"“{q},” {ref} told reporters.",
                                           f"“{q},” {ref} said in a statement.", f"In a statement, {ref} said: “{q}.”")))
    return s, new, new.paras[2][:40]


SAYING_PAIRS_EN = (("said", "said in a statement"), ("said", "wrote on X"), ("said", "said in a post on social media"),
                   ("told reporters", "said at a news conference"), ("said", "told the Northwire news agency"),
                   ("said", "added"), ("says", "said"), ("said", "explained"))
SAYING_PAIRS_NL = (("meldt", "laat weten"), ("zegt", "meldt"), ("meldt", "schrijft"), ("zegt", "vertelt"),
                   ("meldt", "bevestigt"), ("laat weten", "meldt"))


def saying_restyled(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """One verb of saying for another in another outlet's manner (a statement, a post,
    Dutch "meldt" and "aldus" after the claim, the speaker after the verb): style."""
    old, new = _copy(s), _copy(s)
    if s.dutch:
        a, b = pick(rng, SAYING_PAIRS_NL)
        src = pick(rng, SOURCES_NL)
        line = pick(rng, ("De weg blijft tot {day} dicht, {v} {src}.", "Volgens de eerste berichten is niemand vermist, {v} {src}."))
        if rng.random() < 0.4:
            a, b = a, "aldus" if a != "laat weten" else "meldt"
        old.paras[3] += " " + line.format(v=a, src=src, day=s.f["day"])
        new.paras[3] += " " + line.format(v=b, src=src, day=s.f["day"]).replace("laat weten " + src, "laat " + src + " weten")
        old.paras[3] = old.paras[3].replace("laat weten " + src, "laat " + src + " weten")
        return old, new, f"{a} -> {b}"
    a, b = pick(rng, SAYING_PAIRS_EN)
    if rng.random() < 0.5:
        a, b = b, a
    who = pick(rng, (s.f["ref"], "the " + s.f["org"], s.f["source"]))
    line = pick(rng, ("{W} {v} the road would reopen on {day}.", "{W} {v} that no one was missing.",
                      "The site was safe, {w} {v}."))
    cap = who[0].upper() + who[1:]
    old.paras[3] += " " + line.format(W=cap, w=who, v=a, day=s.f["day"])
    new.paras[3] += " " + line.format(W=cap, w=who, v=b, day=s.f["day"])
    return old, new, f"{a} -> {b}"


def passive_announced(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A clause with a verb of saying in the passive ("expected to be announced", "was
    confirmed") rewritten: no one is cited for a claim."""
    old, new = _copy(s), _copy(s)
    if s.dutch:
        a = "De uitslag van het onderzoek, die {day} wordt bekendgemaakt, is belangrijk voor de bewoners."
        b = "De uitslag van het onderzoek komt later en is belangrijk voor de bewoners."
    else:
        a, b = pick(rng, (("The findings, expected to be announced on {day}, are eagerly awaited.",
                           "The findings are eagerly awaited by families."),
                          ("The closure, which was confirmed late on {day}, angered traders.",
                           "The closure angered traders across the district."),
                          ("A new date for the hearing, yet to be announced, will follow.",
                           "A new date for the hearing will follow.")))
    old.paras[3] += " " + a.format(day=s.f["day"])
    new.paras[3] += " " + b.format(day=s.f["day"])
    return old, new, "passive"


PARTIES = (("Tories", "Conservatives"), ("Labour", "the Labour Party"), ("Dems", "Democrats"), ("GOP", "Republicans"))
PEOPLES = (("Kiwis", "New Zealanders"), ("Aussies", "Australians"), ("Brits", "Britons"), ("Kiwis", "holidaymakers"),
           ("Aussies", "travellers"), ("Yanks", "Americans"))
PEOPLES_NL = (("Nederlanders", "landgenoten"), ("Amsterdammers", "bewoners van de hoofdstad"), ("Belgen", "zuiderburen"))


def nickname_restyled(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A people or a party called by its nickname, or by another word for the same people
    ("Kiwis" -> "New Zealanders", "Tories" -> "Conservatives"): style, no name changed."""
    old, new = _copy(s), _copy(s)
    if s.dutch:
        a, b = pick(rng, PEOPLES_NL)
        line = "Veel {x} kwamen {day} kijken in {place}."
    else:
        a, b = pick(rng, PARTIES + PEOPLES)
        line = pick(rng, ("Many {x} were among the visitors to {place} on {day}.",
                          "Support from {x} poured in on {day}.", "{X} have been told to avoid {place}."))
    if rng.random() < 0.3:
        a, b = b, a
    cap = lambda x: x[0].upper() + x[1:]  # noqa: E731
    i = rng.randrange(3, len(s.paras))
    old.paras[i] += " " + line.format(x=a, X=cap(a), day=s.f["day"], place=s.f["place"])
    new.paras[i] += " " + line.format(x=b, X=cap(b), day=s.f["day"], place=s.f["place"])
    return old, new, f"{a} -> {b}"


CAPITALS = (("Norway", "Oslo"), ("Russia", "Moscow"), ("China", "Beijing"), ("Ukraine", "Kyiv"), ("Japan", "Tokyo"),
            ("Kenya", "Nairobi"), ("Turkey", "Ankara"))


def capital_for_country(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A government called by its capital ("Norway said" -> "Oslo said"): the same speaker."""
    a, b = pick(rng, CAPITALS)
    if rng.random() < 0.5:
        a, b = b, a
    old, new = _copy(s), _copy(s)
    if s.dutch:
        line = "{x} heeft hulp aangeboden, meldt het persbureau."
    else:
        line = pick(rng, ("{x} said it would send rescue teams.", "{x} offered help on {day}, the ministry said."))
    old.paras[3] += " " + line.format(x=a, day=s.f["day"])
    new.paras[3] += " " + line.format(x=b, day=s.f["day"])
    return old, new, f"{a} -> {b}"


HONORIFICS = ("Sir", "Dame", "Dr.", "Prof.", "Rev.", "Judge")


def honorific_dropped(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A title or honorific dropped before a name the story gives in full elsewhere
    ("Sir Omar Okafor" -> "Omar Okafor", "Prime Minister Ann Lee" -> "Lee"): style."""
    old, new = _copy(s), _copy(s)
    first, last = person(rng, (s.f["first"], s.f["last"]))
    h = pick(rng, HONORIFICS if not s.dutch else ("dr.", "prof.", "minister", "burgemeester"))
    if s.dutch:
        intro = f"Ook {h} {first} {last} was {s.f['day']} in {s.f['place']}."
        line_a, line_b = f"Volgens {h} {first} {last} duurt het herstel maanden.", f"Volgens {last} duurt het herstel maanden."
    else:
        intro = f"{h} {first} {last}, who chairs the {s.f['org']}, visited {s.f['place']} on {s.f['day']}."
        line_a = pick(rng, (f"{h} {first} {last} said repairs would take months.", f"{h} {last} called for calm."))
        line_b = line_a.replace(f"{h} {first} {last}", pick(rng, (last, f"{first} {last}"))).replace(f"{h} {last}", last)
    for st in (old, new):
        st.paras[3] += " " + intro
    old.paras[4] += " " + line_a
    new.paras[4] += " " + line_b
    if rng.random() < 0.3:
        old, new = new, old
    return old, new, f"{line_a[:30]!r} -> {line_b[:30]!r}"


def other_part_of_name(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A person the story names in full called by another part of the name later (a
    teenager by first name, an adult by surname): the same person, style."""
    old, new = _copy(s), _copy(s)
    first, last = person(rng, (s.f["first"], s.f["last"]))
    if s.dutch:
        intro = f"Het slachtoffer is de 14-jarige {first} {last} uit {s.f['place']}."
        tmpl = "De familie van {x} vraagt om rust."
    else:
        intro = f"The victim was identified as {first} {last}, 14, of {s.f['place']}."
        tmpl = pick(rng, ("{x}’s family asked for privacy.", "Friends of {x} left flowers at the school.",
                          "Classmates described {x} as kind and funny."))
    for st in (old, new):
        st.paras[0] += " " + intro
    old.paras[3] += " " + s.quotes(tmpl.format(x=last))
    new.paras[3] += " " + s.quotes(tmpl.format(x=first))
    if rng.random() < 0.5:
        old, new = new, old
    return old, new, f"{last} <-> {first}"


SUFFIXES = ("Ltd", "Inc.", "plc", "N.V.", "B.V.", "Corp.", "GmbH")


def company_suffix(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A company's legal form written or dropped ("Kelland Energy plc" -> "Kelland
    Energy"): the same company."""
    old, new = _copy(s), _copy(s)
    suf = pick(rng, SUFFIXES)
    org = pick(rng, ("Kelland Energy", "Orlen Steelworks", "Northland Rail", "Brenna Foods"))
    if s.dutch:
        line = "Het bedrijf {o} zegt de schade te vergoeden."
    else:
        line = pick(rng, ("Shares in {o} fell 4% on {day}.", "{o} said it would pay for the repairs.",
                          "The site is owned by {o}, a supplier to the port."))
    old.paras[3] += " " + line.format(o=f"{org} {suf}", day=s.f["day"])
    new.paras[3] += " " + line.format(o=org, day=s.f["day"])
    if rng.random() < 0.5:
        old, new = new, old
    return old, new, suf


def projection_resolved(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A projection that came true, its source dropped with it ("will keep the seat, the
    desk projects" -> "has kept the seat"): a fact now, no source taken away."""
    old, new = _copy(s), _copy(s)
    first, last = person(rng, (s.f["first"], s.f["last"]))
    if s.dutch:
        a = f"{first} {last} wint de verkiezing in {s.f['place']}, verwacht het ANP op basis van de eerste uitslagen."
        b = f"{first} {last} heeft de verkiezing in {s.f['place']} gewonnen."
    else:
        a, b = pick(rng, ((f"{first} {last} will win the {s.f['place']} seat, the Northwire Decision Desk projects.",
                           f"{first} {last} has won the {s.f['place']} seat."),
                          (f"The {s.f['org']} will keep its licence, analysts at Acme Research forecast.",
                           f"The {s.f['org']} has kept its licence."),
                          (f"{last} is projected to win the race, according to the Northwire election desk.",
                           f"{last} has won the race.")))
    old.paras[4] += " " + a
    new.paras[4] += " " + b
    return old, new, "projected -> result"


def headline_rewritten(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A headline rewritten whole around a newer development, a quotation or a source in
    one wording and not the other: a headline change (no quote or source judged)."""
    old, new = _copy(s), _copy(s)
    if s.dutch:
        a = f"{s.f['event'].capitalize()} in {s.f['place']}: 'We weten nog niet wat er is gebeurd'"
        b = f"Onderzoek naar {s.f['event']} in {s.f['place']} begonnen, gemeente opent meldpunt"
    else:
        q = pick(rng, ("‘We still don’t know what happened’", "“No one saw it coming”", "'A night of horror'"))
        if s.style == "wire":
            q = q.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
        a, b = pick(rng, ((f"{s.f['place']} {s.f['event']}: {q}, says mayor",
                           f"Inquiry opened into {s.f['place']} {s.f['event']} as death toll rises"),
                          (f"Rescuers search {s.f['site']} after {s.f['event']} in {s.f['place']}",
                           f"{s.f['place']} mourns after {s.f['event']}: {q}")))
    if rng.random() < 0.5:
        a, b = b, a
    old.headline, new.headline = a, b
    return old, new, f"{a!r} -> {b!r}"


def _headline_marks(rng: random.Random, s: Story) -> tuple[Story, Story]:
    """A headline with a claim in quotation marks (old) and the same without them (new)."""
    old, new = _copy(s), _copy(s)
    if s.dutch:
        phrase, tmpl = pick(rng, (("tientallen", "Explosie in {place} eist {q} levens"),
                                  ("enorme", "Brand in {place} richt {q} schade aan"),
                                  ("opzettelijk", "Politie: {event} in {place} was {q} aangestoken")))
        o, c = "'", "'"
    else:
        o, c = ("'", "'") if s.style in ("british", "wire") else ("‘", "’")
        phrase, tmpl = pick(rng, (("at least 12", "{Event} kills {q} in {place}"), ("dozens", "{Event} at {place} {site} kills {q}"),
                                  ("deliberate", "{place} {event} was {q}, say police"),
                                  ("sabotage", "{Event} at {place} {site} blamed on {q}")))
    old.headline = tmpl.format(q=f"{o}{phrase}{c}", Event=s.f["event"].capitalize(), **s.f)
    new.headline = tmpl.format(q=phrase, Event=s.f["event"].capitalize(), **s.f)
    return old, new


def headline_marks_dropped(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """Quotation marks taken off a claim in a headline, the words kept ("kills 'at least 12'"
    -> "kills at least 12"): the claim is now the outlet's own, no longer someone's (attribution)."""
    old, new = _headline_marks(rng, s)
    return old, new, f"{old.headline!r} -> {new.headline!r}"


def headline_marks_added(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """Quotation marks put round a claim in a headline, the words kept: no quote changed,
    no name; whether an editor lists the distance taken as attribution is left open."""
    old, new = _headline_marks(rng, s)
    return new, old, f"{new.headline!r} -> {old.headline!r}"


def possessive_in_headline(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """A word changed in a headline that holds a plural possessive or a Dutch plural
    apostrophe beside a quoted phrase ("residents' anger at 'slow' rescue"): the
    apostrophes open no quotation; the changed word stands outside the quotes."""
    old, new = _copy(s), _copy(s)
    if s.dutch:
        a, b = pick(rng, (("woede", "boosheid"), ("zorgen", "vragen")))
        tmpl = "Bewoners' {w} over 'trage' hulp na {event} in {place}, auto's weggesleept"
    else:
        a, b = pick(rng, (("anger", "fury"), ("fears", "worries"), ("questions", "doubts")))
        tmpl = pick(rng, ("{Place} residents' {w} at 'slow' rescue after {event}",
                          "Families' {w} grow over 'chaotic' {event} response in {place}",
                          "Workers' {w} as {place} plant stays shut after 'avoidable' {event}"))
    old.headline = tmpl.format(w=a, Place=s.f["place"], **s.f)
    new.headline = tmpl.format(w=b, Place=s.f["place"], **s.f)
    return old, new, f"{a} -> {b}"


def dutch_source_swapped(rng: random.Random, s: Story) -> tuple[Story, Story, str]:
    """The claim now rests on another source, the source after its verb as Dutch writes
    it ("meldt de politie" -> "meldt de brandweer", "aldus de gemeente"): attribution."""
    if not s.dutch:
        return source_swapped(rng, s)
    old, new = _copy(s), _copy(s)
    a = pick(rng, SOURCES_NL)
    b = other(rng, SOURCES_NL, a)
    v = pick(rng, ("meldt", "aldus", "zegt", "laat weten"))
    line = "De brand is inmiddels onder controle, {v} {x}."
    old.paras[3] += " " + line.format(v=v, x=a).replace(f"laat weten {a}", f"laat {a} weten")
    new.paras[3] += " " + line.format(v=v, x=b).replace(f"laat weten {b}", f"laat {b} weten")
    return old, new, f"{a} -> {b}"


# pattern -> (edit, expectation for name, quote, attribution)
PATTERNS: dict[str, tuple[Edit, str]] = {
    "name-respelt": (name_respelt, "+--"),
    "name-replaced": (name_replaced, "+--"),
    "name-added-with-sentence": (name_added_sentence, "+--"),
    "person-identified": (person_identified, "+--"),
    "name-moved": (name_moved, "---"),
    "capital-opening": (capital_opening, "---"),
    "acronym-restyled": (acronym_restyled, "---"),
    "acronym-replaced": (acronym_replaced, "+--"),
    "title-restyled": (title_restyled, "---"),
    "title-changed": (title_changed, "?--"),
    "quote-words": (quote_words, "-+-"),
    "quote-recut": (quote_recut, "-+-"),
    "phrase-quoted": (phrase_quoted, "-+-"),
    "quote-marks-restyled": (quote_marks_restyled, "---"),
    "quote-moved": (quote_moved, "---"),
    "quote-punctuation": (quote_punctuation, "---"),
    "quote-typo": (quote_typo, "---"),
    "quote-context": (quote_context, "---"),
    "speaker-changed": (speaker_changed, "?-+"),
    "said-verb-restyled": (verb_restyled, "---"),
    "source-swapped": (source_swapped, "?-+"),
    "verb-agreement": (agreement_fixed, "---"),
    "speaker-described": (speaker_described, "---"),
    "said-when": (said_when, "---"),
    "attribution-reordered": (attribution_moved, "---"),
    # more wordings and subjects (see "Flag conventions" in bench/README.md)
    "quote-paragraph-added": (quote_paragraph_added, "---"),
    "quote-sentence-added": (quote_sentence_added, "-+-"),
    "quote-reframed": (quote_reframed, "---"),
    "saying-restyled": (saying_restyled, "---"),
    "passive-announced": (passive_announced, "---"),
    "nickname-restyled": (nickname_restyled, "---"),
    "capital-for-country": (capital_for_country, "---"),
    "honorific-dropped": (honorific_dropped, "---"),
    "other-part-of-name": (other_part_of_name, "---"),
    "company-suffix": (company_suffix, "---"),
    "projection-resolved": (projection_resolved, "---"),
    "headline-rewritten": (headline_rewritten, "?--"),
    "headline-marks-dropped": (headline_marks_dropped, "--+"),
    "headline-marks-added": (headline_marks_added, "--?"),
    "possessive-in-headline": (possessive_in_headline, "---"),
    "dutch-source-swapped": (dutch_source_swapped, "?-+"),
}


def make_case(pattern: str, rng: random.Random, style: str) -> Case:
    edit, marks = PATTERNS[pattern]
    for _ in range(20):
        s = new_story(rng, style)
        old, new, note = edit(rng, s)
        if old.render() != new.render():
            return Case(pattern, style, old.render(), new.render(), dict(zip(TYPES, marks, strict=True)), note)
    raise RuntimeError(f"{pattern}: no edit drawn")


def cases(per: int, seed: int, patterns: Sequence[str] = tuple(PATTERNS)) -> list[Case]:
    """``per`` pairs of each pattern, styles in turn, from a fixed seed."""
    out = []
    for p in patterns:
        rng = random.Random(f"{seed}:{p}")
        out += [make_case(p, rng, STYLES[i % len(STYLES)]) for i in range(per)]
    return out


# -- flagging and scoring --------------------------------------------------------------

@dataclass
class Result:
    case: Case
    found: set[str]
    flags: list[str]

    def ok(self, typ: str) -> bool:
        want = self.case.expect[typ]
        return want == "?" or (want == "+") == (typ in self.found)

    @property
    def right(self) -> bool:
        return all(self.ok(t) for t in TYPES)


def run(all_cases: Sequence[Case]) -> list[Result]:
    """Each pair flagged as ``versioner diff`` flags it (flags.flag_texts)."""
    from versioner.flags import flag_texts

    out = []
    for c in all_cases:
        flags = flag_texts(c.old, c.new)
        found = {t for t in TYPES for f in flags if f.type.value == t or t in (x.value for x in f.facts)}
        out.append(Result(c, found, [f"{f.type.value}/{f.severity.value}: {f.reason}" for f in flags]))
    return out


def per_pattern(results: Sequence[Result]) -> dict[str, dict[str, Any]]:
    by: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by[r.case.pattern].append(r)
    return {p: {"n": len(rs), "expect": "".join(rs[0].case.expect[t] for t in TYPES),
                "right": sum(r.right for r in rs) / len(rs),
                **{t: sum(t in r.found for r in rs) for t in TYPES}}
            for p, rs in by.items()}


def per_type(results: Sequence[Result]) -> dict[str, dict[str, Any]]:
    out = {}
    for t in TYPES:
        judged = [r for r in results if r.case.expect[t] != "?"]
        tp = sum(r.case.expect[t] == "+" and t in r.found for r in judged)
        got = sum(t in r.found for r in judged)
        want = sum(r.case.expect[t] == "+" for r in judged)
        out[t] = {"precision": tp / got if got else None, "recall": tp / want if want else None,
                  "labelled": want, "flagged": got}
    return out


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def report(results: Sequence[Result], failures: int = 0) -> str:
    lines = ["| pattern | expect (name quote attribution) | n | right | name | quote | attribution |",
             "|---|---|---|---|---|---|---|"]
    for p, row in per_pattern(results).items():
        lines.append(f"| {p} | {' '.join(row['expect'])} | {row['n']} | {row['right']:.2f} | "
                     + " | ".join(str(row[t]) for t in TYPES) + " |")
    lines += ["", f"all: {sum(r.right for r in results) / len(results):.2f} of {len(results)} pairs right", "",
              "| type | precision | recall | (expected / flagged pairs) |", "|---|---|---|---|"]
    for t, d in per_type(results).items():
        lines.append(f"| {t} | {_f(d['precision'])} | {_f(d['recall'])} | {d['labelled']}/{d['flagged']} |")
    misses = [r for r in results if not r.right]
    if failures and misses:
        by: dict[str, list[Result]] = defaultdict(list)
        for r in misses:
            by[r.case.pattern].append(r)
        shown = [r for rank in range(len(misses)) for rs in by.values() if rank < len(rs) for r in [rs[rank]]]
        lines += ["", f"Misses ({len(misses)}; first {failures}, round-robin by pattern)", ""]
        for r in shown[:failures]:
            lines.append(f"- {r.case.pattern} ({r.case.style}, {r.case.note}): expect "
                         f"{' '.join(r.case.expect[t] for t in TYPES)}, found {sorted(r.found) or '-'}")
            lines += [f"    - {x}" for x in r.flags[:5]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = variantcli.parser(__doc__ or "", per=12).parse_args(argv)
    chosen = cases(args.per, args.seed, args.pattern or tuple(PATTERNS))
    variantcli.dump(chosen, args.dump)
    results = run(chosen)
    if args.json:
        print(json.dumps({"patterns": per_pattern(results), "types": per_type(results),
                          "right": sum(r.right for r in results) / len(results)}, indent=1))
    else:
        print(report(results, args.failures))
    return 0


if __name__ == "__main__":
    variantcli.run_main(main)
