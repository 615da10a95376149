"""Do the figure flags hold beyond the wording they were tuned on? Synthetic revision
pairs, each made by one figure-editing pattern, in many wordings and outlet styles.

    python bench/figurevariants.py                    # 24 pairs a pattern, seed 1
    python bench/figurevariants.py --per 60 --seed 7  # more, another draw
    python bench/figurevariants.py --failures 10      # and ten misses with their flags
    python bench/figurevariants.py --json             # the figures as JSON

In the spirit of ``bench/variants.py`` (which scores the audit's verdicts), this
scores the figure flags of ``flags.flag_texts``: every story, person, place and
number here is invented, drawn from templates with a fixed seed, in four outlet
styles (``us``: a dateline and dollars; ``uk``: British spelling, ``per cent``,
pounds, ``aged 45``; ``web``: a byline, no dateline; ``nl``: Dutch). Each pair is
one story before and after one pattern; the figure flags an editor expects (each
an old and a new value, ``None`` for a side with none) are set by the pattern
before anything is run, never read from the flags.

A pair is right when its figure flags (any severity: a low one is a move candidate
that ``flag_comparison`` already dropped) are exactly the expected ones, matched one
to one: the same value on each side (a figure given without its number, "dozens",
by its word in the flag's text; a side with none by an empty flag side). Precision
and recall count the flags over all pairs of a pattern.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import variantcli  # noqa: E402
from bench.figurevariants_more import MORE  # noqa: E402
from versioner.flags import flag_texts  # noqa: E402
from versioner.model import Flag, FlagType  # noqa: E402

# -- vocabularies (all invented) ------------------------------------------------

PLACES = ("Halden", "Vessa", "Orlen", "Marrow", "Kelland", "Dunmore", "Astrel", "Brenna", "Corvin",
          "Tessaly", "Ulmstad", "Farrow", "Lindby", "Rasko", "Pellin")
FIRST = ("Jana", "Petra", "Omar", "Lucia", "Tomas", "Amina", "Kofi", "Ingrid", "Rafael", "Mei", "Dmitri")
LAST = ("Holm", "Lund", "Okafor", "Varga", "Brandt", "Mensah", "Castell", "Ibarra", "Novak", "Tanaka")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
NL_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
NL_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december")
STYLES = ("us", "uk", "web", "nl")
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
NL_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen"}

# (English noun, Dutch noun) of things a story counts
COUNTED = (("people", "mensen"), ("homes", "woningen"), ("workers", "werknemers"), ("passengers", "passagiers"),
           ("residents", "bewoners"), ("patients", "patiënten"), ("vehicles", "voertuigen"))


@dataclass(frozen=True)
class Expect:
    """One figure flag the pattern calls for: each side's value (None: the side has
    none) and, for a count given without its number, the word the flag's text holds."""

    old: float | int | None
    new: float | int | None
    old_word: str = ""
    new_word: str = ""


@dataclass
class Case:
    pattern: str
    style: str
    old: str
    new: str
    expected: list[Expect]


@dataclass
class Result:
    case: Case
    flags: list[Flag] = field(default_factory=list)
    matched: int = 0

    @property
    def right(self) -> bool:
        return self.matched == len(self.case.expected) == len(self.flags)


# -- the story around the edited paragraph ------------------------------------------

def story(rng: random.Random, style: str, para: str) -> str:
    """A headline, an opening, the edited paragraph and two closing paragraphs."""
    place, who = rng.choice(PLACES), f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if style == "nl":
        return "\n".join((f"Zware brand in {place}, onderzoek naar oorzaak",
                          f"In {place} heeft {rng.choice(NL_DAYS)} een grote brand gewoed.", para,
                          f"Burgemeester {who} sprak van een zwarte dag voor de stad.",
                          "De politie doet onderzoek naar de oorzaak.")) + "\n"
    head = {"us": f"Fire rips through warehouse in {place}",
            "uk": f"Blaze tears through {place} warehouse",
            "web": f"What we know about the {place} warehouse fire"}[style]
    opening = {"us": f"{place.upper()}, {rng.choice(MONTHS)} 3 (Meridian) – A fire swept through a warehouse on "
                     f"{rng.choice(DAYS)}.",
               "uk": f"A fire has swept through a warehouse in {place}, the fire service said on {rng.choice(DAYS)}.",
               "web": f"By {who}. A fire swept through a warehouse in {place} on {rng.choice(DAYS)}."}[style]
    return "\n".join((head, opening, para, f"Mayor {who} called it a dark day for the town.",
                      "An investigation into the cause is under way.")) + "\n"


def _n(rng: random.Random, lo: int, hi: int) -> int:
    return rng.randint(lo, hi)


def _other(rng: random.Random, n: int, lo: int, hi: int) -> int:
    m = n
    while m == n:
        m = rng.randint(lo, hi)
    return m


def _fmt(n: int) -> str:
    return f"{n:,}"


# -- the patterns: (old paragraph, new paragraph, expected flags) -------------------

Pattern = tuple[str, str, list[Expect]]


def count_changed(rng: random.Random, style: str) -> Pattern:
    en, nl = rng.choice(COUNTED)
    n = _n(rng, 3, 900)
    m = _other(rng, n, 3, 900)
    if style == "nl":
        forms: tuple[str, ...] = (f"Volgens de brandweer zijn {{}} {nl} geëvacueerd.",
                                  f"Er raakten {{}} {nl} gewond bij de brand.",
                                  f"In totaal werden {{}} {nl} opgevangen in een sporthal.")
    else:
        src = "the fire service" if style == "uk" else "officials"
        forms = (f"At least {{}} {en} were evacuated, {src} said.", f"The fire forced {{}} {en} from the area.",
                 f"{src.capitalize()} said {{}} {en} had been moved to a sports hall.",
                 f"In all, {{}} {en} were affected by the blaze.")
    form = rng.choice(forms)
    return form.format(_fmt(n)), form.format(_fmt(m)), [Expect(n, m)]


VAGUE = (("dozens", 13, 99), ("hundreds", 120, 900), ("thousands", 1200, 9000), ("tens of thousands", 12000, 90000))
# Dutch writes a four-figure count without a separator, and "2027 patiënten" reads as a
# year before a noun ("de 2010 overstromingen"): known, left alone; drawn above the years
NL_VAGUE = (("tientallen", 13, 99), ("honderden", 120, 900), ("duizenden", 2100, 9000))


def vague_changed(rng: random.Random, style: str) -> Pattern:
    """A count given without its number replaced by one with it ("dozens" -> "more than 100")."""
    en, nl = rng.choice(COUNTED)
    if style == "nl":
        word, lo, hi = rng.choice(NL_VAGUE)
        m = _n(rng, lo, hi)
        hedge = rng.choice(("", "meer dan ", "ongeveer ", "zeker "))
        form = rng.choice((f"Volgens de brandweer zijn {{}} {nl} geëvacueerd.", f"Er raakten {{}} {nl} gewond.",
                           f"De politie zegt dat {{}} {nl} zijn opgevangen."))
        return form.format(word), form.format(f"{hedge}{m}"), [Expect(None, m, old_word=word)]
    word, lo, hi = rng.choice(VAGUE)
    m = _n(rng, lo, hi)
    hedge = rng.choice(("", "more than ", "about ", "at least ", "nearly "))
    forms = (f"{{}} {en} were evacuated overnight, officials said.", f"The fire forced {{}} {en} from their beds.",
             f"Police said {{}} {en} had gathered near the site.")
    form = rng.choice(forms)
    old_q = f"{word} of"
    new_q = f"{hedge}{_fmt(m)}"
    old, new = form.format(old_q), form.format(new_q)
    if old[0].islower():
        old, new = old[0].upper() + old[1:], new[0].upper() + new[1:]
    return old, new, [Expect(None, m, old_word=word.split()[0])]


def figure_moved(rng: random.Random, style: str) -> Pattern:
    """A sentence holding a figure moved within its paragraph: a move, no figure flag."""
    en, nl = rng.choice(COUNTED)
    n = _n(rng, 3, 400)
    if style == "nl":
        a, b, c = (f"Er raakten {n} {nl} gewond.", "De brand brak uit in een opslagruimte.",
                   "De brandweer was de hele nacht bezig.")
    else:
        a, b, c = (f"Police said {n} {en} were hurt.", "The fire started in a storage room on the ground floor.",
                   rng.choice(("Crews worked through the night.", "Firefighters stayed at the scene until dawn.")))
    old, new = rng.choice((((a, b, c), (b, c, a)), ((a, b, c), (b, a, c)), ((b, c, a), (a, b, c))))
    return " ".join(old), " ".join(new), []


def score_changed(rng: random.Random, style: str) -> Pattern:
    """A vote or score: one figure, not two numbers."""
    a = _n(rng, 3, 9)
    b = _n(rng, 0, a - 1)
    c = _other(rng, a, b + 1, 10)
    d = _n(rng, 0, c - 1)
    if (c, d) == (a, b):
        d = (d + 1) % c
    forms: tuple[str, ...] = ("The council voted {} to approve the rebuilding plan.", "The committee backed the plan {} on Tuesday.",
             "Harbour City won the final {} after extra time.", "The board approved the budget by a {} vote.")
    if style == "nl":
        forms = ("De gemeenteraad stemde met {} voor het plan.", "De club won de finale met {}.")
    form = rng.choice(forms)
    dash = rng.choice(("-", "–"))
    return form.format(f"{a}{dash}{b}"), form.format(f"{c}{dash}{d}"), [Expect(a, c)]


def unchanged_beside_edit(rng: random.Random, style: str) -> Pattern:
    """A word changed next to a figure that stays: wording, no figure flag."""
    n = _n(rng, 2, 90)
    cur = {"uk": "£", "nl": "€"}.get(style, "$")
    verbs = (("agreed to pay", "approved paying"), ("offered", "pledged"), ("set aside", "earmarked"),
             ("promised", "committed"))
    old_v, new_v = rng.choice(verbs)
    forms = (f"The owner {{}} {cur}{n} million to rebuild the homes.", f"The government {{}} {cur}{n}m for the victims.",
             f"Insurers {{}} {cur}{n} million, a spokesman said.")
    form = rng.choice(forms)
    if style == "nl":
        old_v, new_v = rng.choice((("betaalt", "vergoedt"), ("trekt", "reserveert")))
        form = f"De gemeente {{}} {cur}{n} miljoen voor de slachtoffers."
    return form.format(old_v), form.format(new_v), []


def money_percent_units(rng: random.Random, style: str) -> Pattern:
    """An amount, a share or a measure changed."""
    kind = rng.choice(("money", "percent", "units"))
    if kind == "money":
        n = _n(rng, 2, 90)
        m = _other(rng, n, 2, 90)
        cur = {"uk": "£", "nl": "€"}.get(style, "$")
        scale = rng.choice(((" million", 10**6), ("m", 10**6), (" billion", 10**9)))
        if style == "nl":
            scale = (" miljoen", 10**6)
        tail = ("for the rebuilding" if style != "nl" else "voor de wederopbouw")
        lead = ("The council set aside" if style != "nl" else "De gemeente trekt")
        return (f"{lead} {cur}{n}{scale[0]} {tail}.", f"{lead} {cur}{m}{scale[0]} {tail}.",
                [Expect(n * scale[1], m * scale[1])])
    if kind == "percent":
        n = _n(rng, 2, 60)
        m = _other(rng, n, 2, 60)
        pct = {"uk": " per cent", "nl": " procent", "web": "%", "us": " percent"}[style]
        form = ("Sales at the market fell {} in the week after the fire." if style != "nl"
                else "De omzet op de markt daalde met {} na de brand.")
        return form.format(f"{n}{pct}"), form.format(f"{m}{pct}"), [Expect(n, m)]
    n = _n(rng, 2, 40)
    m = _other(rng, n, 2, 40)
    unit = rng.choice(("km", "kilometres" if style == "uk" else "kilometers", "miles", "metres" if style == "uk"
                       else "meters"))
    if style == "nl":
        unit = rng.choice(("kilometer", "meter"))
    form = ("The smoke could be seen {} away." if style != "nl" else "De rook was op {} afstand te zien.")
    return form.format(f"{n} {unit}"), form.format(f"{m} {unit}"), [Expect(n, m)]


def date_added(rng: random.Random, style: str) -> Pattern:
    """A date put into a sentence that stands: when something happened, a figure added."""
    day, mon, year = _n(rng, 1, 28), _n(rng, 1, 12), _n(rng, 2015, 2024)
    if style == "nl":
        date = f"{day} {NL_MONTHS[mon - 1]} {year}"
        old_f = rng.choice(("De fabriek sloot{} haar deuren.", "Het gebouw werd{} gekeurd door de brandweer."))
        return old_f.format(""), old_f.format(f" op {date}"), [Expect(None, year * 10000 + mon * 100 + day)]
    if style == "uk":
        date = f"{day} {MONTHS[mon - 1]} {year}"
    else:
        date = f"{MONTHS[mon - 1]} {day}, {year}"
    forms = ("The building was last inspected{}, records show.", "The plant closed{} after a series of fires.",
             "The owner bought the warehouse{}, according to land records.")
    form = rng.choice(forms)
    return form.format(""), form.format(f" on {date}"), [Expect(None, year * 10000 + mon * 100 + day)]


def date_in_rewrite(rng: random.Random, style: str) -> Pattern:
    """A sentence rewritten around a date it now gives (a claim narrowed to a cut-off):
    the date is a figure added, not a detail riding in the reworded clause."""
    day, mon, year = _n(rng, 1, 28), _n(rng, 1, 12), _n(rng, 1950, 2020)
    value = year * 10000 + mon * 100 + day
    if style == "nl":
        date = f"{day} {NL_MONTHS[mon - 1]} {year}"
        old = "Aanvragers kunnen een claim indienen als een van hun voorouders ooit in de stad woonde."
        new = f"Aanvragers kunnen een claim indienen als een ouder of grootouder er op of na {date} woonde."
        return old, new, [Expect(None, value)]
    date = f"{day} {MONTHS[mon - 1]} {year}" if style == "uk" else f"{MONTHS[mon - 1]} {day}, {year}"
    olds = ("Families can claim compensation going back generations, be it a grandparent or a great-grandparent.",
            "Residents can apply for the grant whatever the age of their home, the council said.")
    news = (f"Families can claim compensation if a parent or grandparent lived there on or after {date}.",
            f"Residents can apply for the grant only if their home was built before {date}, the council said.")
    i = rng.randrange(len(olds))
    return olds[i], news[i], [Expect(None, value)]


def age_changed(rng: random.Random, style: str) -> Pattern:
    """An age given, changed or put in beside a name."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    n = _n(rng, 19, 80)
    m = _other(rng, n, 19, 80)
    shape = rng.choice(("bracket", "comma", "aged", "year-old"))
    if style == "nl" or shape == "bracket":
        verb = "is aangehouden." if style == "nl" else "was arrested on Monday."
        return f"{name} {verb}", f"{name} ({n}) {verb}", [Expect(None, n)]
    if shape == "comma":
        return (f"The owner, {name}, {n}, was questioned by police.",
                f"The owner, {name}, {m}, was questioned by police.", [Expect(n, m)])
    if shape == "aged":
        return (f"A man aged {n} was arrested at the scene.", f"A man aged {m} was arrested at the scene.",
                [Expect(n, m)])
    return (f"A {n}-year-old man was arrested at the scene.", f"A {m}-year-old man was arrested at the scene.",
            [Expect(n, m)])


def lede_rewritten(rng: random.Random, style: str) -> Pattern:
    """A lede rewritten in other words, its toll changed (or, half the time, kept)."""
    n = _n(rng, 3, 60)
    m = _other(rng, n, 3, 60) if rng.random() < 0.5 else n
    place = rng.choice(PLACES)
    if style == "nl":
        old = f"Bij een brand in een pakhuis in {place} zijn {n} mensen omgekomen, meldt de politie."
        new = f"De politie meldt dat {m} mensen zijn omgekomen toen een brand door een pakhuis in {place} raasde."
    else:
        old = rng.choice((f"A fire killed {n} people at a warehouse in {place}, police said.",
                          f"At least {n} people died when fire tore through a warehouse in {place}."))
        new = rng.choice((f"Police said {m} people died when a fire swept through a warehouse in {place} overnight.",
                          f"The death toll from the warehouse fire in {place} rose to {m} people, police said."))
    return old, new, ([] if m == n else [Expect(n, m)])


TYPOS = (("homes", "hoems"), ("people", "poeple"), ("million", "milion"), ("residents", "residnets"),
         ("workers", "wokers"), ("passengers", "passengres"))


def unit_typo(rng: random.Random, style: str) -> Pattern:
    """A misspelt unit or counted noun, made or fixed: a typo, no figure flag."""
    right, wrong = rng.choice(TYPOS)
    n = _n(rng, 3, 90)
    form = (f"The storm cut power to {n} {{}}." if right != "million" else f"The council set aside ${n} {{}}.")
    if style == "uk" and right == "million":
        form = f"The council set aside £{n} {{}}."
    old, new = form.format(right), form.format(wrong)
    return (old, new, []) if rng.random() < 0.5 else (new, old, [])


PATTERNS: dict[str, Callable[[random.Random, str], Pattern]] = {
    "count-changed": count_changed, "vague-changed": vague_changed, "figure-moved": figure_moved,
    "score-changed": score_changed, "unchanged-beside-edit": unchanged_beside_edit,
    "money-percent-units": money_percent_units, "date-added": date_added, "age": age_changed,
    "date-in-rewrite": date_in_rewrite, "lede-rewritten": lede_rewritten, "unit-typo": unit_typo,
}

def _more(make: Callable[[random.Random, str], tuple[str, str, list[tuple[Any, Any]]]]
          ) -> Callable[[random.Random, str], Pattern]:
    def pattern(rng: random.Random, style: str) -> Pattern:
        old, new, want = make(rng, style)
        return old, new, [Expect(o, n) for o, n in want]
    return pattern


# the patterns of bench/figurevariants_more.py: other wordings and subjects, and what
# leaves with its sentence or is only restyled
PATTERNS.update({name: _more(make) for name, make in MORE.items()})
# patterns whose wordings are English only (no Dutch vague counts or typos drawn)
ENGLISH_ONLY = frozenset(("unit-typo",))


def cases(per: int, seed: int, patterns: Sequence[str] = tuple(PATTERNS)) -> list[Case]:
    """``per`` pairs of each pattern, styles in turn, drawn with ``seed``."""
    rng = random.Random(seed)
    out = []
    for name in patterns:
        styles = [s for s in STYLES if not (s == "nl" and name in ENGLISH_ONLY)]
        for i in range(per):
            style = styles[i % len(styles)]
            old_p, new_p, want = PATTERNS[name](rng, style)
            seed_story = rng.random()  # one story around both paragraphs: same place, people, days
            out.append(Case(name, style, story(random.Random(seed_story), style, old_p),
                            story(random.Random(seed_story), style, new_p), want))
    return out


# -- scoring -----------------------------------------------------------------------

def side_matches(want: float | int | None, word: str, value: float | int | None, text: str) -> bool:
    if word:
        return word in text.lower()
    if want is None:
        return value is None and not text
    return value is not None and abs(float(value) - float(want)) < 1e-6


def run(all_cases: Sequence[Case]) -> list[Result]:
    out = []
    for c in all_cases:
        flags = [f for f in flag_texts(c.old, c.new) if f.type == FlagType.FIGURE]
        free = list(range(len(flags)))
        matched = 0
        for e in c.expected:
            hit = next((i for i in free if side_matches(e.old, e.old_word, flags[i].old_value, flags[i].old)
                        and side_matches(e.new, e.new_word, flags[i].new_value, flags[i].new)), None)
            if hit is not None:
                free.remove(hit)
                matched += 1
        out.append(Result(c, flags, matched))
    return out


def per_pattern(results: Sequence[Result]) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for name in dict.fromkeys(r.case.pattern for r in results):
        rs = [r for r in results if r.case.pattern == name]
        matched = sum(r.matched for r in rs)
        flagged = sum(len(r.flags) for r in rs)
        wanted = sum(len(r.case.expected) for r in rs)
        table[name] = {"n": len(rs), "right": sum(r.right for r in rs) / len(rs),
                       "precision": matched / flagged if flagged else None,
                       "recall": matched / wanted if wanted else None,
                       "styles": {s: sum(r.right for r in rs if r.case.style == s)
                                  / max(1, sum(1 for r in rs if r.case.style == s))
                                  for s in dict.fromkeys(r.case.style for r in rs)}}
    return table


def _cell(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def report(results: Sequence[Result], failures: int) -> str:
    table = per_pattern(results)
    lines = ["| pattern | pairs | right | flag P | flag R | right by style |", "|---|---|---|---|---|---|"]
    for name, t in table.items():
        styles = " ".join(f"{s} {v:.2f}" for s, v in t["styles"].items())
        lines.append(f"| {name} | {t['n']} | {t['right']:.2f} | {_cell(t['precision'])} | {_cell(t['recall'])} "
                     f"| {styles} |")
    allright = sum(r.right for r in results) / len(results)
    lines.append(f"\nall: {allright:.2f} right of {len(results)} pairs")
    wrong = [r for r in results if not r.right][:failures]
    for r in wrong:
        old = r.case.old.split("\n")[2]
        new = r.case.new.split("\n")[2]
        lines.append(f"\n- {r.case.pattern} ({r.case.style}): {old!r} -> {new!r}\n  expected "
                     f"{[(e.old if not e.old_word else e.old_word, e.new) for e in r.case.expected]}; got "
                     f"{[(f.severity.value, f.old, f.new, f.old_value, f.new_value, f.reason) for f in r.flags]}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = variantcli.parser(__doc__ or "", per=24).parse_args(argv)
    chosen = cases(args.per, args.seed, args.pattern or tuple(PATTERNS))
    variantcli.dump(chosen, args.dump)
    results = run(chosen)
    if args.json:
        print(json.dumps({"patterns": per_pattern(results),
                          "right": sum(r.right for r in results) / len(results)}, indent=1))
    else:
        print(report(results, args.failures))
    return 0


if __name__ == "__main__":
    variantcli.run_main(main)
