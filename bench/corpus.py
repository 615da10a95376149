"""Synthetic news corpus for the benchmarks: articles, revision pairs, JSONL.

Everything is generated from a fixed seed with ``random.Random(seed)``: no
network, no copied text. Articles are in wire layout, one paragraph a line:

    headline
    By First Last
    CITY, Mon D (Agency) – first sentence ...
    body paragraph (200-400 characters)
    ...
    (Reporting by ...; Editing by ...)

Body sentences come from templates over a word list written for this file:
officials, places, counts with the noun they count ("31 civilians"), money,
percentages, quotes in curly quotes, names.

Edit types (``EDIT_TYPES``), each applied to a copy of an article:

    headline-word   one word added to the headline
    figure          one figure in the body changed
    para-added      one body paragraph added
    para-removed    one body paragraph removed
    para-moved      one body paragraph moved at least two places
    reword-30       30% of the body's sentences reworded (three words each)
    name-respelled  one letter changed in one occurrence of a name

    python bench/corpus.py --sample            # print one article and its edits
    python bench/corpus.py --jsonl out.jsonl --revisions 100000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

SEED = 20260201

EDIT_TYPES = (
    "headline-word",
    "figure",
    "para-added",
    "para-removed",
    "para-moved",
    "reword-30",
    "name-respelled",
)
# The edits a newsroom makes most; reword-30 is the heavy case, kept apart.
TYPICAL_TYPES = tuple(t for t in EDIT_TYPES if t != "reword-30")

SIZES = {"1KB": 1_000, "2.7KB": 2_700, "10KB": 10_000, "100KB": 100_000, "1MB": 1_000_000}

# -- vocabulary (written for this benchmark) ----------------------------------

FIRST = (
    "Maya Jonas Ruth Tomas Elena Karim Amira Oskar Leila Dmitri Sofia Marek Nadia Pavel Ines Farid "
    "Greta Anton Yusuf Clara Henrik Zainab Lukas Mireille Omar Petra Rafael Selin Viktor Hana "
    "Ibrahim Lotte Mateo Anouk Bilal Freya Kenji Liesel Nuno Talia"
).split()
LAST = (
    "Orlov Brandt Calloway Halloran Marsh Okafor Lindqvist Reinhold Petrova Castell Varga Demir "
    "Haddad Novak Sorensen Whitlock Abara Kowalczyk Duarte Fenwick Moreau Albescu Yilmaz Strand "
    "Hartmann Ferreira Nakamura Brennan Osei Vasquez Kettering Dragan Sayegh Holm Iversen Quill "
    "Aldana Rusu Falk Tembo Marchetti Oduya Brask Lennox Vidal Szabo Amsel Corrigan Ekberg Pardo"
).split()
PLACES = (
    "Hallstead", "Port Aven", "Kestrel", "Marrow Island", "Tessvik", "Halden", "Vessa", "Bravnik",
    "Caldoria", "Lestria", "Orsk Valley", "Dunmere", "Santa Ilara", "Novo Brig", "Lake Temmin",
    "Farrowgate", "Ostrava Nova", "Belcastro", "Quarry Point", "Esmond",
)
AGENCIES = ("Meridian", "Northwire", "Evening Ledger", "Coastline News", "Capital Wire")
MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORGS = (
    "Interior Ministry", "coast guard", "health ministry", "central bank", "city council",
    "Aviation Safety Office", "regional government", "police", "fire service", "electoral commission",
    "transport authority", "army", "prosecutor's office", "state railway", "water board",
    "national statistics office", "Red Crescent", "port authority", "teachers' union", "supreme court",
)
TITLES = (
    "spokesperson", "minister", "deputy mayor", "senior official", "police chief", "analyst",
    "economist", "regional governor", "union leader", "lawmaker", "prosecutor", "rescue coordinator",
)
PEOPLE = ("civilians", "passengers", "people", "families", "workers", "students", "residents", "patients")
COUNT_NOUNS = (
    "civilians", "militants", "passengers", "people", "soldiers", "workers", "students", "homes",
    "villages", "vehicles", "patients", "families", "protesters", "flights", "schools", "tonnes of grain",
    "hectares", "jobs", "survivors", "voters", "rescuers", "police officers", "containers", "beds",
)
TIME_NOUNS = ("hours", "days", "weeks", "months", "minutes")
VERBS_PP = (
    "killed", "injured", "evacuated", "detained", "rescued", "displaced", "arrested", "treated",
    "moved", "affected", "stranded", "released", "cleared", "reported", "counted", "hired",
)
VERBS = (
    "review", "expand", "suspend", "restore", "investigate", "reopen", "fund", "inspect", "extend",
    "reduce", "announce", "approve", "delay", "publish", "replace", "support",
)
ADJS = (
    "heavy", "sudden", "fresh", "widespread", "serious", "limited", "temporary", "major", "early",
    "renewed", "unexpected", "sharp", "steady", "deadly", "brief", "overnight", "cautious", "urgent",
)
EVENTS = (
    "fighting", "flooding", "protests", "storms", "talks", "strikes", "landslides", "voting",
    "clashes", "searches", "negotiations", "heatwaves", "rain",
)
THINGS = (
    "plan", "inquiry", "budget", "ceasefire", "contract", "investigation", "policy", "ban",
    "agreement", "programme", "curfew", "rescue effort", "reform", "loan", "ruling", "timetable",
)
PHRASES = (
    "according to local officials", "the statement said", "witnesses said", "a source said",
    "officials told reporters", "the ministry said in a statement", "according to preliminary figures",
    "state media reported", "residents said", "the agency said",
)
SAYS = ("said", "told reporters", "said on", "added", "warned", "said in a statement")
QUOTES = (
    "We are doing everything we can to reach the people still cut off",
    "Nobody expected the water to rise so quickly",
    "This is not the time for politics, it is the time to help",
    "The numbers will change as we get more information",
    "We will not accept any delay in the payments",
    "It was quiet, really, and then everything happened at once",
    "Our teams have been working around the clock since the first reports",
    "There is still a lot we do not know",
    "The decision was taken after careful review of the evidence",
    "People need to know that the roads are safe again",
    "We have asked for more support from the capital",
    "This has never happened here before",
)
SYNONYMS = {
    "said": "stated", "killed": "left dead", "injured": "hurt", "evacuated": "moved out",
    "heavy": "intense", "sudden": "abrupt", "serious": "grave", "major": "large", "plan": "proposal",
    "people": "residents", "inquiry": "investigation", "announce": "unveil", "review": "examine",
    "delay": "postpone", "support": "back", "warned": "cautioned", "added": "went on to say",
    "reported": "recorded", "widespread": "extensive", "fresh": "new", "early": "initial",
    "sharp": "steep", "steady": "gradual", "urgent": "pressing", "brief": "short",
    "would": "will", "had": "has", "after": "following",
    "about": "around", "more": "over", "since": "from", "officials": "authorities",
}
FILLERS = (
    "local", "regional", "senior", "official", "northern", "southern", "coastal", "rural",
    "provisional", "latest", "initial", "nearby", "central", "eastern", "western",
)


# -- articles ---------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One article: headline, byline, body paragraphs (the first carries the
    dateline) and a credits line. ``names`` are the people named in it."""

    headline: str
    byline: str
    paragraphs: tuple[str, ...]
    credits: str
    names: tuple[str, ...]
    notice: str = ""

    def text(self) -> str:
        lines = [self.notice] if self.notice else []
        lines += [self.headline, self.byline, *self.paragraphs, self.credits]
        return "\n".join(lines) + "\n"


class Writer:
    """Text generator over the vocabulary, driven by one ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def count(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            n = self.rng.randint(2, 400)
        elif r < 0.8:
            n = self.rng.randint(400, 9_999)
        else:
            n = self.rng.randint(10_000, 2_000_000)
        return f"{n:,}"

    def figure(self, nouns: tuple[str, ...] = COUNT_NOUNS) -> str:
        """A count with the noun it counts: "31 civilians"."""
        return f"{self.count()} {self.rng.choice(nouns)}"

    def money(self) -> str:
        r = self.rng.random()
        if r < 0.7:
            return f"${self.rng.randint(1, 99)}.{self.rng.randint(1, 9)} {self.rng.choice(('million', 'billion'))}"
        return f"€{self.rng.randint(20, 990)},000"

    def name(self, names: list[str]) -> str:
        if names and self.rng.random() < 0.5:
            return self.rng.choice(names)
        full = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        names.append(full)
        return full

    def sentence(self, names: list[str]) -> str:
        c = self.rng.choice
        k = self.rng.randrange(10)
        if k == 0:
            return (f"The {c(ORGS)} said {self.figure()} had been {c(VERBS_PP)} in {c(PLACES)} "
                    f"since {c(WEEKDAYS)}, {c(PHRASES)}.")
        if k == 1:
            title = c(TITLES)
            an = "an" if title[0] in "aeiou" else "a"
            return f"“{c(QUOTES)},” {self.name(names)}, {an} {title} with the {c(ORGS)}, {c(SAYS[:2])}."
        if k == 2:
            return (f"{self.name(names)}, the {c(TITLES)}, said the {c(THINGS)} would {c(VERBS)} "
                    f"support for {self.figure()} by {c(MONTHS)} {self.rng.randint(1, 28)}.")
        if k == 3:
            return (f"At least {self.count()} {c(COUNT_NOUNS)} were {c(VERBS_PP)} after {c(ADJS)} "
                    f"{c(EVENTS)} near {c(PLACES)}, {c(PHRASES)}.")
        if k == 4:
            return (f"The {c(THINGS)}, worth {self.money()}, did not {c(VERBS)} the {c(ADJS)} "
                    f"{c(THINGS)} agreed in {c(MONTHS)}.")
        if k == 5:
            return (f"{self.name(names)} told {c(AGENCIES)} that {self.figure(PEOPLE)} were still "
                    f"waiting for news on {c(WEEKDAYS)} evening.")
        if k == 6:
            return (f"{c(EVENTS).capitalize()} in the {c(FILLERS)} districts lasted "
                    f"{self.rng.randint(2, 72)} {c(TIME_NOUNS)} and {c(VERBS_PP)} {self.figure()}.")
        if k == 7:
            return (f"The {c(ORGS)} would {c(VERBS)} the {c(THINGS)} after {c(ADJS)} criticism "
                    f"from {self.name(names)}, {c(PHRASES)}.")
        if k == 8:
            return (f"“{c(QUOTES)},” said {self.name(names)}. “{c(QUOTES)}.”")
        return (f"Prices rose {self.rng.randint(1, 30)}.{self.rng.randint(0, 9)}% in {c(MONTHS)}, "
                f"while {self.figure()} were {c(VERBS_PP)}, the {c(ORGS)} said.")

    def paragraph(self, names: list[str]) -> str:
        """One paragraph of 200-400 characters, whole sentences."""
        target = self.rng.randint(200, 400)
        out = ""
        while True:
            s = self.sentence(names)
            if not out:
                out = s
            elif len(out) + 1 + len(s) <= 400:
                out += " " + s
            elif len(out) >= 200:
                break
            else:
                continue  # too long to fit: draw another sentence
            if len(out) >= target:
                break
        return out

    def headline(self, names: list[str]) -> str:
        c = self.rng.choice
        k = self.rng.randrange(4)
        if k == 0:
            return (f"{c(PLACES)} says {self.count()} {c(COUNT_NOUNS)} {c(VERBS_PP)} in "
                    f"{self.rng.randint(2, 72)} {c(TIME_NOUNS)} of {c(EVENTS)}")
        if k == 1:
            org = c(ORGS)
            return f"{org[0].upper() + org[1:]} to {c(VERBS)} {c(THINGS)} after {c(ADJS)} {c(EVENTS)}"
        if k == 2:
            return f"{self.name(names)} vows to {c(VERBS)} {c(THINGS)} as {c(EVENTS)} spread"
        return f"{c(ADJS).capitalize()} {c(EVENTS)} hit {c(PLACES)}, at least {self.rng.randint(2, 400)} dead"

    def dateline(self) -> str:
        c = self.rng.choice
        return f"{c(PLACES).upper()}, {c(MONTHS)} {self.rng.randint(1, 28)} ({c(AGENCIES)}) – "

    def article(self, size: int) -> Article:
        """An article of about ``size`` bytes of UTF-8 text (never less than
        a headline, a dateline paragraph and one more paragraph)."""
        names: list[str] = []
        headline = self.headline(names)
        byline = f"By {self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        credits = (f"(Reporting by {self.rng.choice(FIRST)} {self.rng.choice(LAST)}; "
                   f"Editing by {self.rng.choice(FIRST)} {self.rng.choice(LAST)})")
        paras = [self.dateline() + self.paragraph(names)]
        total = sum(len(x.encode()) + 1 for x in (headline, byline, credits, paras[0]))
        while total < size or len(paras) < 3:
            p = self.paragraph(names)
            paras.append(p)
            total += len(p.encode()) + 1
        return Article(headline, byline, tuple(paras), credits, tuple(names))


# -- edits ------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w,]*\d)")
_SENTENCE = re.compile(r"[^.!?”]+(?:[.!?]+”?|”)\s*")


def _other_number(rng: random.Random, old: str) -> str:
    plain = old.replace(",", "")
    if "." in plain:
        v = float(plain)
        new = f"{v + rng.choice((-1, 1)) * rng.randint(1, 9) / 10 * max(1.0, v / 10):.1f}"
        return new if new != old and not new.startswith("-") else f"{v + 1.5:.1f}"
    v = int(plain)
    delta = max(1, round(v * rng.uniform(0.02, 0.2)))
    n = v + delta if rng.random() < 0.5 or v - delta < 1 else v - delta
    return f"{n:,}" if "," in old or n >= 10_000 else str(n)


def edit_headline_word(rng: random.Random, a: Article) -> Article:
    words = a.headline.split(" ")
    at = rng.randint(1, len(words) - 1)
    word = rng.choice(FILLERS + ADJS)
    return replace(a, headline=" ".join(words[:at] + [word] + words[at:]))


def edit_figure(rng: random.Random, a: Article) -> Article:
    paras = list(a.paragraphs)
    spots = [(i, m) for i, p in enumerate(paras) if i > 0 for m in _NUMBER.finditer(p)]
    if not spots:  # no figure anywhere: give one paragraph a figure
        i = rng.randrange(1, len(paras))
        paras[i] += f" The {rng.choice(ORGS)} counted {rng.randint(2, 400)} {rng.choice(COUNT_NOUNS)}."
        return replace(a, paragraphs=tuple(paras))
    i, m = rng.choice(spots)
    p = paras[i]
    paras[i] = p[: m.start()] + _other_number(rng, m.group()) + p[m.end() :]
    return replace(a, paragraphs=tuple(paras))


def edit_para_added(rng: random.Random, a: Article) -> Article:
    paras = list(a.paragraphs)
    names = list(a.names)
    paras.insert(rng.randint(1, len(paras)), Writer(rng).paragraph(names))
    return replace(a, paragraphs=tuple(paras), names=tuple(names))


def edit_para_removed(rng: random.Random, a: Article) -> Article:
    paras = list(a.paragraphs)
    del paras[rng.randrange(1, len(paras))]
    return replace(a, paragraphs=tuple(paras))


def edit_para_moved(rng: random.Random, a: Article) -> Article:
    paras = list(a.paragraphs)
    n = len(paras)
    if n < 4:
        return edit_para_removed(rng, a)
    i = rng.randrange(1, n)
    choices = [j for j in range(1, n) if abs(j - i) >= 2]
    j = rng.choice(choices)
    paras.insert(j, paras.pop(i))
    return replace(a, paragraphs=tuple(paras))


_SWAPPABLE = {w: pool for pool in (ADJS, FILLERS, THINGS, VERBS, VERBS_PP, EVENTS) for w in pool}


def _reword(rng: random.Random, sentence: str) -> str:
    """Three words of a sentence swapped for others: a synonym where one is
    known, else another word of the same kind (never a negation or a name)."""
    words = sentence.split(" ")
    spots = [k for k, w in enumerate(words) if w in SYNONYMS or w in _SWAPPABLE]
    for k in rng.sample(spots, min(3, len(spots))):
        w = words[k]
        words[k] = SYNONYMS.get(w) or rng.choice([x for x in _SWAPPABLE[w] if x != w])
    return " ".join(words)


def edit_reword(rng: random.Random, a: Article, share: float = 0.3) -> Article:
    paras = [_SENTENCE.findall(p) or [p] for p in a.paragraphs]
    spots = [(i, k) for i, ss in enumerate(paras) for k in range(len(ss))]
    for i, k in rng.sample(spots, max(1, round(share * len(spots)))):
        s = paras[i][k]
        body, tail = s.rstrip(), s[len(s.rstrip()) :]
        paras[i][k] = _reword(rng, body) + tail
    return replace(a, paragraphs=tuple("".join(ss) for ss in paras))


def edit_name_respelled(rng: random.Random, a: Article) -> Article:
    paras = list(a.paragraphs)
    surnames = sorted({n.split()[-1] for n in a.names})
    spots = [(i, m) for i, p in enumerate(paras) for s in surnames for m in re.finditer(rf"\b{s}\b", p)]
    if not spots:
        return edit_figure(rng, a)
    i, m = rng.choice(spots)
    name = m.group()
    k = rng.randrange(1, len(name))
    letters = [ch for ch in "aeiouklmnrst" if ch != name[k].lower()]
    respelled = name[:k] + rng.choice(letters) + name[k + 1 :]
    p = paras[i]
    paras[i] = p[: m.start()] + respelled + p[m.end() :]
    return replace(a, paragraphs=tuple(paras))


EDITS: dict[str, Callable[[random.Random, Article], Article]] = {
    "headline-word": edit_headline_word,
    "figure": edit_figure,
    "para-added": edit_para_added,
    "para-removed": edit_para_removed,
    "para-moved": edit_para_moved,
    "reword-30": edit_reword,
    "name-respelled": edit_name_respelled,
}


def article(size: int, seed: int = SEED) -> Article:
    return Writer(random.Random(seed)).article(size)


def pairs(size: int, edit: str, count: int, seed: int = SEED) -> list[tuple[str, str]]:
    """``count`` (old text, new text) pairs of one edit type on articles of
    about ``size`` bytes; the same seed gives the same pairs."""
    rng = random.Random(f"{seed}:{size}:{edit}")
    w = Writer(rng)
    out = []
    for _ in range(count):
        a = w.article(size)
        out.append((a.text(), EDITS[edit](rng, a).text()))
    return out


# -- a JSONL file of revisions ----------------------------------------------

# What a revision after the first does, with weights: wire updates add and
# move paragraphs, corrections fix figures, names and headlines.
_CHAIN_EDITS = (
    ("para-added", 25), ("figure", 20), ("headline-word", 10), ("para-moved", 10),
    ("name-respelled", 10), ("para-removed", 5), ("reword-10", 10), ("figure+para-added", 10),
)
_NOTICES = {
    "figure": "(Corrects figure in paragraph {p})",
    "name-respelled": "(Corrects spelling of name in paragraph {p})",
    "headline-word": "(Corrects headline to add missing word)",
    "para-added": "(Updates with details in paragraph {p})",
    "figure+para-added": "(Updates with new toll, adds details)",
}


def _chain_edit(rng: random.Random, a: Article, kind: str) -> Article:
    if kind == "reword-10":
        return edit_reword(rng, a, 0.1)
    if kind == "figure+para-added":
        return edit_para_added(rng, edit_figure(rng, a))
    return EDITS[kind](rng, a)


def revision_chains(articles: int, per_article: int = 4, seed: int = SEED,
                    start: datetime | None = None, window: int = 50) -> Iterator[dict[str, str]]:
    """JSONL records (``article``, ``captured_at``, ``text``) for ``articles``
    articles of ``per_article`` revisions each, about 2-3.5 KB, in increasing
    ``captured_at`` order. Articles are generated ``window`` at a time and their
    revisions interleaved, as captures from a feed would be."""
    rng = random.Random(f"{seed}:chains")
    w = Writer(rng)
    kinds = [k for k, _ in _CHAIN_EDITS]
    weights = [n for _, n in _CHAIN_EDITS]
    t = start or datetime(2026, 1, 1, tzinfo=timezone.utc)
    span = timedelta(hours=12)
    done = 0
    while done < articles:
        batch: list[tuple[datetime, int, dict[str, str]]] = []
        for _ in range(min(window, articles - done)):
            done += 1
            key = f"story-{done:06d}"
            a = w.article(rng.randint(2_000, 3_500))
            at = t + timedelta(seconds=rng.randrange(0, 3 * 3600))
            for r in range(per_article):
                if r:
                    kind = rng.choices(kinds, weights)[0]
                    a = _chain_edit(rng, a, kind)
                    notice = _NOTICES.get(kind)
                    if notice and rng.random() < 0.5:
                        a = replace(a, notice=notice.format(p=rng.randint(2, 6)))
                    at += timedelta(seconds=rng.randrange(300, 3 * 3600))
                rec = {"article": key, "captured_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "text": a.text()}
                batch.append((at, len(batch), rec))
        batch.sort(key=lambda x: (x[0], x[1]))
        for _, _, rec in batch:
            yield rec
        t += span
    return


def write_jsonl(path: str | Path, revisions: int, per_article: int = 4, seed: int = SEED) -> dict[str, int]:
    """Stream ``revisions`` revisions (``revisions // per_article`` articles) to
    ``path`` as JSON Lines. Returns counts: revisions, articles, bytes."""
    articles = max(1, revisions // per_article)
    n = size = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for rec in revision_chains(articles, per_article, seed):
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            fh.write(line)
            n += 1
            size += len(line.encode())
    return {"revisions": n, "articles": articles, "bytes": size}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", action="store_true", help="print one 2.7 KB article and each edit of it")
    ap.add_argument("--jsonl", help="write a JSONL file of revisions here")
    ap.add_argument("--revisions", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    if args.jsonl:
        print(json.dumps(write_jsonl(args.jsonl, args.revisions, seed=args.seed)))
    if args.sample or not args.jsonl:
        rng = random.Random(args.seed)
        a = Writer(rng).article(SIZES["2.7KB"])
        sys.stdout.write(a.text())
        for kind in EDIT_TYPES:
            b = EDITS[kind](rng, a)
            changed = [(x, y) for x, y in zip(a.text().split("\n"), b.text().split("\n")) if x != y]
            sys.stdout.write(f"\n== {kind}: {len(a.text())} -> {len(b.text())} chars\n")
            for x, y in changed[:2]:
                sys.stdout.write(f"- {x[:160]}\n+ {y[:160]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
