"""More figure-editing patterns for ``bench/figurevariants.py``, in wordings and
subjects its first patterns do not draw (the warehouse-fire counts): a figure only
restyled, a family count or a toll leaving with its sentence, a figure moved to another
paragraph, rates with decimals, vote tallies and sport scores, dates, amounts in Dutch
and British forms, ages in other wordings, a count losing its noun.

Each pattern returns the old and new paragraph and the figure flags an editor expects,
as (old value, new value) pairs (``None`` for a side with none), set by the pattern from
the editing convention it stands for, never read from the flags:

- a figure restyled (``12,000`` -> ``12 000``, ``ten`` -> ``10``, ``per cent`` -> ``%``,
  ``$5 million`` -> ``$5m``, Dutch ``12.000`` -> ``12000``) states the same number: none;
- a sentence taken out of a paragraph that stands takes out the figure it reports (a
  toll, an amount): a figure removed; one that only tells of someone's family ("took her
  three children") takes out no figure of the story: none (changed in place it is one);
- a sentence moved to the next paragraph, figure and all: none;
- a line giving the time of a briefing or a deadline taken out once it passed: none;
- a rate, tally, score, date, amount or age changed: one figure, the number that changed;
- a count that loses its noun but keeps its number ("300 people" -> "300"): none.

Every story, person, place and number here is invented."""

from __future__ import annotations

import random
from collections.abc import Callable

Want = tuple[float | int | None, float | int | None]
Pattern = tuple[str, str, list[Want]]

FIRST = ("Nadia", "Pieter", "Sanne", "Callum", "Grace", "Tariq", "Eilidh", "Joost", "Marisol", "Owen")
LAST = ("Achterberg", "McLeish", "Okonjo", "Verhoef", "Pryce", "Delacroix", "Haddad", "Brinkman")
CLUBS = ("Harbour City", "Dunmore Rovers", "Kelland Athletic", "Vessa United", "Orlen Town")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
NL_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december")
WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
NL_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen", 10: "tien"}


def _other(rng: random.Random, n: int, lo: int, hi: int) -> int:
    m = n
    while m == n:
        m = rng.randint(lo, hi)
    return m


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def restyled(rng: random.Random, style: str) -> Pattern:
    """The same figure written another way: no figure flag."""
    if style == "nl":
        n = rng.randint(2, 99) * 1000 + rng.choice((0, 500, 250))
        dotted = f"{n // 1000}.{n % 1000:03d}"
        old_f = rng.choice(("Volgens de politie kwamen er {} bezoekers naar het festival.",
                            "De gemeente trekt €{} uit voor de opvang van de bewoners.",
                            "Bij de actie werden {} handtekeningen verzameld, meldt de organisatie."))
        new = rng.choice((str(n), f"{n // 1000}\u00a0{n % 1000:03d}"))
        if rng.random() < 0.3:
            w = rng.randint(2, 10)
            form = "Volgens de brandweer raakten {} mensen gewond bij de brand."
            return form.format(NL_WORDS[w]), form.format(w), []
        return old_f.format(dotted), old_f.format(new), []
    kind = rng.choice(("space", "word", "percent", "scale", "spelt-out"))
    if kind == "space":
        n = rng.randint(2, 99) * 1000 + rng.choice((0, 500))
        form = rng.choice(("Organisers said {} people had signed the petition.",
                           "The charity has raised {} for the families so far.",
                           "Some {} spectators watched the final at the ground."))
        cur = {"uk": "£", "us": "$", "web": "$"}[style] if "raised" in form else ""
        return form.format(f"{cur}{n:,}"), form.format(f"{cur}{n // 1000} {n % 1000:03d}"), []
    if kind == "word":
        w = rng.randint(2, 10)
        form = rng.choice(("Police said {} officers were hurt in the clashes.",
                           "The club has lost {} of its last twelve matches.",
                           "Officials said {} schools would stay shut until Friday."))
        return form.format(WORDS[w]), form.format(w), []
    if kind == "percent":
        n = rng.randint(2, 60)
        old_pct = " per cent" if style == "uk" else rng.choice((" percent", " per cent"))
        form = rng.choice(("Turnout rose to {} in the by-election.", "The share of renters fell by {} over the decade.",
                           "Prices at the pump rose {} in a month."))
        return form.format(f"{n}{old_pct}"), form.format(f"{n}%"), []
    if kind == "scale":
        n = rng.randint(2, 90)
        cur = "£" if style == "uk" else "$"
        form = rng.choice(("The county agreed a {} settlement with the family.",
                           "The league fined the club {} for the breach.",
                           "The company will invest {} in the plant."))
        return form.format(f"{cur}{n} million"), form.format(f"{cur}{n}m"), []
    n = rng.randint(2, 9)
    unit = "kilometres" if style == "uk" else "miles"
    short = "km" if style == "uk" else "mi"
    form = "The road will stay closed for {} while crews repair the bridge."
    return form.format(f"{WORDS[n]} {unit}"), form.format(f"{n} {short}"), []


KIN = (("children", "kinderen"), ("sons", "zonen"), ("daughters", "dochters"), ("grandchildren", "kleinkinderen"))


def family_count(rng: random.Random, style: str) -> Pattern:
    """A sentence telling of someone's family taken out of a paragraph that stands (no
    figure), or the family count changed in place (a figure changed)."""
    n = rng.randint(2, 6)
    en, nl = rng.choice(KIN)
    who = _name(rng)
    if style == "nl":
        poss = rng.choice(("haar", "zijn", "hun"))
        keep_a, keep_b = "Kort daarna kreeg de politie een tweede melding.", f"De beller noemde {who} als verdachte."
        told = f"Een vrouw zei dat haar ex-partner {poss} {NL_WORDS[n]} {nl} had meegenomen."
        changed = f"Een vrouw zei dat haar ex-partner {poss} {NL_WORDS[n + 1]} {nl} had meegenomen."
    else:
        poss = rng.choice(("her", "his", "their"))
        keep_a = rng.choice(("Minutes later, police received a second call from Mill Lane.",
                             "A second call came in shortly after midnight, the sheriff's office said."))
        keep_b = f"The caller identified the suspect as {who}."
        told = rng.choice((f"A woman said her former partner had taken {poss} {WORDS[n]} {en} and driven off.",
                           f"Neighbours said the man had lived there with {poss} {WORDS[n]} {en} since the spring."))
        changed = told.replace(f"{WORDS[n]} {en}", f"{WORDS[n + 1]} {en}")
    if rng.random() < 0.7:
        return f"{keep_a} {told} {keep_b}", f"{keep_a} {keep_b}", []
    return f"{keep_a} {told} {keep_b}", f"{keep_a} {changed} {keep_b}", [(n, n + 1)]


def toll_sentence_dropped(rng: random.Random, style: str) -> Pattern:
    """A sentence reporting a figure taken out of a paragraph that stands: a figure removed."""
    n = rng.randint(12, 480)
    if style == "nl":
        keep_a, keep_b = "De storm trok dinsdag over de provincie.", "Het verkeer liep urenlang vast."
        told = rng.choice((f"Volgens de veiligheidsregio werden {n} woningen beschadigd.",
                           f"Er vielen volgens de netbeheerder {n} storingen."))
        return f"{keep_a} {told} {keep_b}", f"{keep_a} {keep_b}", [(n, None)]
    keep_a = rng.choice(("The storm crossed the county on Tuesday night.", "The strike began at dawn on Monday."))
    keep_b = rng.choice(("Roads were closed for hours.", "Talks are due to resume next week."))
    cur = "£" if style == "uk" else "$"
    told, value = rng.choice(((f"Officials said {n} homes were damaged.", n),
                              (f"The utility said {n} customers lost power.", n),
                              (f"Losses were put at {cur}{n} million by the insurers' association.", n * 10**6)))
    return f"{keep_a} {told} {keep_b}", f"{keep_a} {keep_b}", [(value, None)]


def moved_across(rng: random.Random, style: str) -> Pattern:
    """A sentence with a figure moved from this paragraph to the start of the next one
    (the paragraph after it in the story is the mayor's line): no figure flag. The
    pattern gives both paragraphs, joined by a line break."""
    n = rng.randint(3, 400)
    if style == "nl":
        a, b, c = (f"Er raakten {n} mensen gewond.", "De brand brak uit in een opslagruimte.",
                   "De brandweer bleef de hele nacht ter plaatse.")
    else:
        a, b, c = (rng.choice((f"The hospital said it had treated {n} patients.",
                               f"Organisers said {n} volunteers had signed up.")),
                   "The fire started in a storage room on the ground floor.",
                   "Crews stayed at the scene until dawn.")
    return f"{b} {a}\n{c}", f"{b}\n{a} {c}", []


def rate_changed(rng: random.Random, style: str) -> Pattern:
    """A rate with decimals changed (Dutch writes the decimal comma before "procent")."""
    n = rng.randint(11, 99) / 10
    m = _other(rng, int(n * 10), 11, 99) / 10
    if style == "nl":
        def nl(x: float) -> str:
            return f"{x:.1f}".replace(".", ",")
        form = rng.choice(("De werkloosheid steeg in mei naar {} procent, meldt het CBS.",
                           "De inflatie kwam in april uit op {} procent."))
        return form.format(nl(n)), form.format(nl(m)), [(n, m)]
    pct = {"uk": " per cent", "us": " percent", "web": "%"}[style]
    form = rng.choice(("Unemployment rose to {} in May, the statistics office said.",
                       "The central bank cut its main rate to {} on Thursday.",
                       "Inflation slowed to {} in the year to April."))
    return form.format(f"{n}{pct}"), form.format(f"{m}{pct}"), [(n, m)]


def tally_changed(rng: random.Random, style: str) -> Pattern:
    """A vote tally or a sport score changed: one figure, the number that changed."""
    a = rng.randint(2, 9)
    b = rng.randint(0, a - 1)
    if rng.random() < 0.5:
        c, d = _other(rng, a, b + 1, 10), b
        want: Want = (a, c)
    else:
        c, d = a, _other(rng, b, 0, a - 1)
        want = (b, d)
    home, away = rng.sample(CLUBS, 2)
    if style == "nl":
        form = rng.choice((f"{home} won zaterdag met {{}} van {away}.", "De Tweede Kamer nam de motie aan met {} stemmen."))
    elif style == "uk":
        form = rng.choice((f"{home} beat {away} {{}} at home on Saturday.", "Councillors backed the scheme {} after a long debate."))
    else:
        form = rng.choice((f"{home} beat {away} {{}} on Sunday night.", "The measure passed the committee {} on Tuesday.",
                           f"{home} led {away} {{}} at half-time."))
    dash = rng.choice(("-", "–"))
    return form.format(f"{a}{dash}{b}"), form.format(f"{c}{dash}{d}"), [want]


def date_changed(rng: random.Random, style: str) -> Pattern:
    """A day of the month or a year put right."""
    day, mon = rng.randint(1, 27), rng.randint(1, 12)
    if rng.random() < 0.3:
        y = rng.randint(1990, 2023)
        z = _other(rng, y, 1990, 2023)
        form = ("Het bedrijf werd in {} opgericht." if style == "nl"
                else rng.choice(("The company was founded in {}.", "The bridge opened to traffic in {}.")))
        return form.format(y), form.format(z), [(y, z)]
    day2 = day + 1
    if style == "nl":
        form = "De rechtszaak begint op {}."
        date = lambda d: f"{d} {NL_MONTHS[mon - 1]}"  # noqa: E731
    elif style == "uk":
        form = rng.choice(("The hearing is set for {}.", "Polls close on {}, the council said."))
        date = lambda d: f"{d} {MONTHS[mon - 1]}"  # noqa: E731
    else:
        form = rng.choice(("The hearing is set for {}.", "Ballots must be postmarked by {}, officials said."))
        date = lambda d: f"{MONTHS[mon - 1]} {d}"  # noqa: E731
    return form.format(date(day)), form.format(date(day2)), [(mon * 100 + day, mon * 100 + day2)]


def amount_changed(rng: random.Random, style: str) -> Pattern:
    """An amount in its outlet's form changed (Dutch thousands with a point)."""
    n = rng.randint(11, 95) * 1000 + rng.choice((0, 500))
    m = _other(rng, n // 500, 22, 190) * 500
    if style == "nl":
        def nl(x: int) -> str:
            return f"{x // 1000}.{x % 1000:03d}"
        form = rng.choice(("De gemeente betaalt de getroffen bewoners €{} schadevergoeding.",
                           "Volgens de rechter moet het bedrijf €{} terugbetalen aan de klanten."))
        return form.format(nl(n)), form.format(nl(m)), [(n, m)]
    cur = "£" if style == "uk" else "$"
    form = rng.choice(("The family was awarded {} in damages.", "The fine was set at {} by the regulator.",
                       "Tickets for the gala cost {} a table."))
    return form.format(f"{cur}{n:,}"), form.format(f"{cur}{m:,}"), [(n, m)]


def age_reworded(rng: random.Random, style: str) -> Pattern:
    """An age in another wording changed."""
    n = rng.randint(19, 88)
    m = _other(rng, n, 19, 88)
    who = _name(rng)
    if style == "nl":
        form = rng.choice(("De {}-jarige bestuurder werd aangehouden.", f"{who}, {{}} jaar, werd aangehouden."))
        return form.format(n), form.format(m), [(n, m)]
    form = rng.choice((f"{who}, who is {{}}, was charged on Friday.", "The {}-year-old was charged on Friday.",
                       f"{who} was {{}} when she joined the board."))
    return form.format(n), form.format(m), [(n, m)]


def noun_dropped(rng: random.Random, style: str) -> Pattern:
    """A count that drops its noun: a figure changed when its number changes, none when
    only the noun goes."""
    n = rng.randint(30, 900)
    m = n if rng.random() < 0.5 else _other(rng, n, 30, 900)
    if style == "nl":
        old = f"De brandweer haalde {n} bewoners uit hun huizen."
        new = f"De brandweer haalde er {m} uit hun huizen."
    else:
        verb = rng.choice(("forced", "drove"))
        old = f"The flooding {verb} {n} people from their homes, officials said."
        new = f"The flooding {verb} {m} from their homes, officials said."
    return old, new, ([] if m == n else [(n, m)])


def schedule_lapsed(rng: random.Random, style: str) -> Pattern:
    """A line giving the time of a briefing or a deadline taken out once it has passed (a
    superseded line: no figure), or the time put right in place (a figure changed)."""
    h = rng.randint(1, 10)
    if style == "nl":
        keep_a, keep_b = "De brandweer bleef de hele nacht ter plaatse.", "De oorzaak is nog niet bekend."
        told = rng.choice((f"De burgemeester geeft om {h + 10}.00 uur een persconferentie.",
                           f"De politie geeft om {h + 10}:30 uur een update."))
        return f"{keep_a} {told} {keep_b}", f"{keep_a} {keep_b}", []
    keep_a = rng.choice(("Crews stayed at the scene overnight.", "Counting continued into the night."))
    keep_b = rng.choice(("The cause is not yet known.", "Results are expected on Friday."))
    pm = rng.choice(("p.m.", "pm")) if style == "uk" else "p.m."
    told = rng.choice((f"Police said they would give an update at {h} {pm}",
                       f"Officials are expected to brief reporters at {h}:30 {pm}",
                       f"Polls close at {h} {pm} local time"))
    if rng.random() < 0.7:
        return f"{keep_a} {told}. {keep_b}", f"{keep_a} {keep_b}", []
    old_t = f"{h}:30 {pm}" if ":30" in told else f"{h} {pm}"
    new_t = old_t.replace(f"{h}", f"{h + 1}", 1)
    mins = 30 if ":30" in told else 0
    return (f"{keep_a} {told}. {keep_b}", f"{keep_a} {told.replace(old_t, new_t)}. {keep_b}",
            [((h + 12) * 100 + mins, (h + 13) * 100 + mins)])


MORE: dict[str, Callable[[random.Random, str], Pattern]] = {
    "restyled": restyled, "family-count": family_count, "toll-sentence-dropped": toll_sentence_dropped,
    "moved-across": moved_across, "rate-changed": rate_changed, "tally-changed": tally_changed,
    "date-changed": date_changed, "amount-changed": amount_changed, "age-reworded": age_reworded,
    "noun-dropped": noun_dropped, "schedule-lapsed": schedule_lapsed,
}
