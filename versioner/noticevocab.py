"""The notice vocabulary, loaded once: ``vocab/notices.toml`` (labels, slugs, sentence
openings, verbs; English first, then German, French, Spanish and Dutch) and the
tables the reader derives from it. ``notices.py`` and the modules beside it take
their notice words from here and keep no list of their own."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from versioner.kinds import NoticeKind
from versioner.reading import longest_first

# Bump when an edit here changes what the reader returns (see notices.RULES_VERSION).
RULES_VERSION = 1  # the vocabulary in vocab/notices.toml counts as code here

_I = re.IGNORECASE


@dataclass(frozen=True)
class _Verb:
    action: str | None   # None: refile/repeat, which claim nothing by themselves
    cue: NoticeKind | None  # what the verb says about the notice's kind
    wrapper: bool        # may be followed by "to <verb>", which names the real action
    recast: bool = False


def _load_vocabulary() -> dict[str, Any]:
    """The notice vocabulary table shipped with the package (vocab/notices.toml)."""
    import tomllib
    from importlib.resources import files

    return tomllib.loads((files("versioner") / "vocab" / "notices.toml").read_text(encoding="utf-8"))


VOCABULARY = _load_vocabulary()


def _verbs(table: dict[str, Any]) -> dict[str, _Verb]:
    verbs: dict[str, _Verb] = {}
    for name, entry in table.items():
        if name == "exceptions":
            continue
        cue = NoticeKind(entry["cue"]) if "cue" in entry else None
        verb = _Verb(entry.get("action"), cue, bool(entry.get("wrapper")), bool(entry.get("recast")))
        verbs.update((form, verb) for form in entry["forms"])
    return verbs


_VERBS: dict[str, _Verb] = _verbs(VOCABULARY["verbs"])
_EXCEPTIONS = VOCABULARY["verbs"]["exceptions"]
# Verbs that may open a parenthetical notice: inflected forms and "rpt".
_LEAD_FORMS = frozenset(w for w in _VERBS if w not in _EXCEPTIONS["not_lead"]
                        and (w.endswith(("s", "ed", "en")) or w == "rpt"))
_CAPS_LEADS = frozenset(_EXCEPTIONS["caps_leads"])


def _phrases(kind_table: str) -> dict[str, str]:
    """phrase (lower case) -> kind, over every language's ``kind_table`` (labels, slugs, openings)."""
    out: dict[str, str] = {}
    for language in VOCABULARY["languages"].values():
        for kind, phrases in language.get(kind_table, {}).items():
            for phrase in phrases:
                out.setdefault(phrase.lower(), kind)
    return out


def _phrase_pattern(phrases: Iterable[str]) -> str:
    """One alternation, longest first, any spacing between words, either apostrophe."""
    alts = sorted(set(phrases), key=longest_first)
    return "|".join(r"\s+".join(re.escape(w).replace("'", "['’]?") for w in p.split()) for p in alts)


_LABEL_KINDS = _phrases("labels")
_SLUG_KINDS = _phrases("slugs")
_OPENING_KINDS = _phrases("openings")
_OPENING = re.compile(rf"^(?:{_phrase_pattern(_OPENING_KINDS)})\b", re.IGNORECASE)
_HEADLINE_PREFIXES = frozenset(p.lower() for p in VOCABULARY["headline_prefixes"]["words"])

_ORDINAL_MONTHS = frozenset(m for months in VOCABULARY["ordinal_date_months"].values() for m in months)

_FIRST_WORD = re.compile(r"[\W_]*?([^\W\d_]+(?:['’][^\W\d_]+)?)")


def _first_word(text: str) -> str:
    m = _FIRST_WORD.match(text)
    return m.group(1).lower().replace("’", "'") if m else ""
